//! The visit report: the clinical record of one visit, on screen and on paper alike (the same
//! HTML; print styles lay it out on A4 or US Letter). Patient, clinic and therapist; the two
//! figures with the points numbered and both pain drawings; one row per point with its
//! findings, needle and times; e-stim pairs; screening; consent; adverse events; notes and
//! amendments; and, where there are earlier visits, the progress across them.

use super::plot::{self, Layer};
use super::{day, esc, muscle_name, time, Clinic, Figure, Input};
use crate::clinic::chart::TriggerPoint;
use crate::clinic::findings::{Findings, Status, Technique};
use crate::clinic::progress;
use crate::clinic::timer::{Millis, Timer};
use crate::clinic::visit::{Question, Visit};

fn minutes(ms: Millis) -> String {
    let m = (ms as f64 / 60_000.0).round() as i64;
    format!("{m} min")
}

/// The criteria found at a point, in a clinician's shorthand.
fn criteria(f: &Findings) -> String {
    let mut parts = Vec::new();
    if f.recognised {
        parts.push("recognised pain".to_string());
    }
    if f.taut_band {
        parts.push("taut band".into());
    }
    if f.twitches > 0 {
        parts.push(format!(
            "{} twitch{}",
            f.twitches,
            if f.twitches == 1 { "" } else { "es" }
        ));
    }
    if f.jump_sign {
        parts.push("jump sign".into());
    }
    if parts.is_empty() {
        "none recorded".into()
    } else {
        parts.join(", ")
    }
}

fn needle(f: &Findings) -> String {
    let n = &f.needle;
    let mut parts = Vec::new();
    match (n.gauge_mm, n.length_mm) {
        (Some(g), Some(l)) => parts.push(format!("{} × {l} mm", crate::num::fixed(g, 2, false))),
        (Some(g), None) => parts.push(format!("{} mm", crate::num::fixed(g, 2, false))),
        (None, Some(l)) => parts.push(format!("{l} mm long")),
        (None, None) => {}
    }
    if let Some(d) = n.depth_mm {
        parts.push(format!("depth {d} mm"));
    }
    if let Some(t) = n.technique {
        parts.push(
            match t {
                Technique::Static => "static",
                Technique::Pistoning => "pistoning",
            }
            .into(),
        );
    }
    parts.join(", ")
}

/// Each needle at this point: in, out and how long.
fn needle_times(timers: &[Timer], trp: u32, offset: i64) -> String {
    let lines: Vec<String> = timers
        .iter()
        .filter(|t| t.is_needle() && t.trp == trp)
        .map(|t| match t.ended_at {
            Some(out) => format!(
                "{}–{} ({})",
                time(t.started_at, offset),
                time(out, offset),
                minutes(out - t.started_at)
            ),
            None => format!("{}–still in", time(t.started_at, offset)),
        })
        .collect();
    lines.join("<br>")
}

fn examined(p: &TriggerPoint) -> bool {
    p.findings != Findings::default()
}

fn row(n: usize, p: &TriggerPoint, v: &Visit, offset: i64) -> String {
    let f = &p.findings;
    let times = needle_times(&v.timers, p.id, offset);
    let (kind, crit, nrs, ppt, needle) = if examined(p) {
        (
            match f.status {
                Status::Active => "Active",
                Status::Latent => "Latent",
            }
            .to_string(),
            criteria(f),
            format!(
                "{} → {}",
                f.nrs_before.map_or("–".into(), |v| v.to_string()),
                f.nrs_after.map_or("–".into(), |v| v.to_string())
            ),
            f.ppt
                .map_or(String::new(), |v| crate::num::fixed(v, 2, true)),
            esc(&needle(f)),
        )
    } else {
        (
            "Not examined".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        )
    };
    let mut h = format!(
        "<tbody class=\"rp-row\" data-trp=\"{}\"><tr><td class=\"num\">{n}</td><td><b>{}</b> · {}</td><td>{kind}</td><td>{crit}</td><td class=\"num\">{nrs}</td><td class=\"num\">{ppt}</td><td>{needle}</td><td>{times}</td></tr>",
        p.id,
        esc(muscle_name(&p.muscle)),
        p.side.label().to_lowercase(),
    );
    if !f.note.trim().is_empty() {
        h.push_str(&format!(
            "<tr class=\"rp-note\"><td></td><td colspan=\"7\">Note: {}</td></tr>",
            esc(f.note.trim())
        ));
    }
    h.push_str("</tbody>");
    h
}

fn section(title: &str, body: &str) -> String {
    format!("<section class=\"rp-sec\"><h2>{title}</h2>{body}</section>")
}

fn screening(v: &Visit, offset: i64) -> String {
    if v.screening.answers.is_empty() {
        return "<p>Not screened in this visit (no needle was placed).</p>".into();
    }
    let mut h = String::from("<table class=\"rp-list\"><tbody>");
    let (mut no, mut no_at) = (Vec::new(), None);
    for q in Question::ALL {
        let Some(a) = v.screening.answer_of(q) else {
            continue;
        };
        if !a.yes {
            no.push(q.short());
            no_at = no_at.max(Some(a.answered_at));
            continue;
        }
        let mut answer = format!(
            "{} <span class=\"muted\">({})</span>",
            if a.yes { "<b>Yes</b>" } else { "No" },
            time(a.answered_at, offset)
        );
        if let Some(at) = a.confirmed_at {
            answer.push_str(&format!(
                " · therapist confirmed going on at {}: {}",
                time(at, offset),
                esc(q.meaning())
            ));
        }
        h.push_str(&format!(
            "<tr><th>{}</th><td>{answer}</td></tr>",
            esc(q.ask())
        ));
    }
    if let Some(at) = no_at {
        h.push_str(&format!(
            "<tr><th>Answered no</th><td>{} <span class=\"muted\">({})</span></td></tr>",
            esc(&no.join(", ")),
            time(at, offset)
        ));
    }
    let asked = v.screening.answers.len();
    if asked < Question::ALL.len() {
        h.push_str(&format!(
            "<tr><th>Not asked</th><td>{} of {} questions</td></tr>",
            Question::ALL.len() - asked,
            Question::ALL.len()
        ));
    }
    h.push_str("</tbody></table>");
    h
}

fn consent(v: &Visit, offset: i64) -> String {
    if v.consent.is_empty() {
        return "<p>No consent recorded.</p>".into();
    }
    let mut h = String::from("<ul class=\"rp-plain\">");
    for c in &v.consent {
        h.push_str(&format!(
            "<li>{} {}: the patient {} ({}).</li>",
            day(c.at, offset),
            time(c.at, offset),
            c.answer.label(),
            if c.in_person {
                "given in person, recorded by the therapist"
            } else {
                "in the patient view"
            }
        ));
    }
    h.push_str("</ul>");
    h
}

fn estim(v: &Visit, numbers: &[(u32, usize)], offset: i64) -> String {
    let pairs: Vec<&Timer> = v.timers.iter().filter(|t| t.estim.is_some()).collect();
    if pairs.is_empty() {
        return String::new();
    }
    let point_of = |needle: u32| {
        v.timers
            .iter()
            .find(|t| t.id == needle)
            .and_then(|t| numbers.iter().find(|(id, _)| *id == t.trp))
            .map_or("?".to_string(), |(_, n)| n.to_string())
    };
    let mut h = String::from("<table class=\"rp-table\"><thead><tr><th>Points</th><th>Frequency</th><th>Intensity</th><th>Time</th></tr></thead>");
    for t in pairs {
        let e = t.estim.expect("filtered");
        h.push_str(&format!(
            "<tbody class=\"rp-row\"><tr><td>{} and {}</td><td>{} Hz</td><td>{} mA</td><td>{}</td></tr></tbody>",
            point_of(e.needles[0]),
            point_of(e.needles[1]),
            crate::num::fixed(e.hz, 1, true),
            crate::num::fixed(e.ma, 1, true),
            match t.ended_at {
                Some(end) => format!(
                    "{}–{} ({})",
                    time(t.started_at, offset),
                    time(end, offset),
                    minutes(end - t.started_at)
                ),
                None => format!("{}–still running", time(t.started_at, offset)),
            }
        ));
    }
    h.push_str("</table>");
    section("Electrical stimulation", &h)
}

/// The report's header lines: patient, visit and who treated.
fn ids(input: &Input, v: &Visit, clinic: &Clinic) -> String {
    let p = &input.patient;
    let o = input.offset;
    let when = format!(
        "{}, {}–{}",
        day(v.started_at, o),
        time(v.started_at, o),
        v.ended_at.map_or("in progress".to_string(), |e| time(e, o))
    );
    let cell = |label: &str, value: &str| {
        format!(
            "<div><dt>{label}</dt><dd>{}</dd></div>",
            if value.is_empty() {
                "—".to_string()
            } else {
                esc(value)
            }
        )
    };
    format!(
        "<dl class=\"rp-ids\">{}{}{}{}{}</dl>",
        cell("Patient", &p.name),
        cell("Date of birth", p.dob.as_deref().unwrap_or("")),
        cell("Record no.", p.record_no.as_deref().unwrap_or("")),
        cell("Visit", &when),
        cell("Therapist", &clinic.therapist),
    )
}

/// The progress section: this visit's drawing measured, and the trend of every visit so far.
fn progress_section(input: &Input, v: &Visit) -> String {
    let mut h = String::new();
    let area = progress::area_pct(&v.pain);
    let per_view: Vec<String> = crate::anatomy::model::View::ALL
        .into_iter()
        .map(|view| {
            format!(
                "{} {}%",
                view.label().to_lowercase(),
                crate::num::fixed(progress::measure(&v.pain, view).area_pct, 1, true)
            )
        })
        .collect();
    h.push_str(&format!(
        "<p data-measure=\"area\">Pain drawing: <b>{}%</b> of the body's surface ({})",
        crate::num::fixed(area, 1, true),
        per_view.join(", ")
    ));
    let regions = plot::regions_touched(&v.pain);
    if !regions.is_empty() {
        h.push_str(&format!(", over {}", esc(&regions.join(", "))));
    }
    h.push('.');
    let earlier = input
        .chart
        .visits
        .iter()
        .rfind(|e| e.started_at < v.started_at);
    if let Some(prev) = earlier {
        match progress::overlap(&prev.pain, &v.pain) {
            Some(j) => h.push_str(&format!(
                " Overlap with the drawing of {}: {}% (Jaccard index {}).",
                day(prev.started_at, input.offset),
                (j * 100.0).round(),
                crate::num::fixed(j, 2, false)
            )),
            None => h.push_str(&format!(
                " No drawing on {} or today to compare.",
                day(prev.started_at, input.offset)
            )),
        }
    }
    if let Some(score) = v.patient_score {
        h.push_str(&format!(" The patient rated their pain {score} out of 10."));
    }
    h.push_str("</p>");
    let visits: Vec<Visit> = input
        .all_visits()
        .into_iter()
        .filter(|e| e.started_at <= v.started_at)
        .collect();
    if visits.len() >= 2 {
        h.push_str(&plot::trend_svg(&plot::series(&visits), input.offset));
    }
    section("Progress", &h)
}

/// The whole report of the chosen visit. `None` when the patient has no visit yet.
pub fn report_html(input: &Input, clinic: &Clinic, figures: &[Figure]) -> Option<String> {
    let v = input.chosen()?;
    let o = input.offset;
    let numbers: Vec<(u32, usize)> = v
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i + 1))
        .collect();
    let mut h = format!(
        "<article class=\"rp-doc\" data-report-visit=\"{}\"><header class=\"rp-head\"><div><h1>Dry needling visit record</h1><p class=\"rp-sub\">Myofascial trigger points</p></div><div class=\"rp-clinic\"><b>{}</b><br>{}</div></header>",
        v.started_at,
        if clinic.name.is_empty() {
            "Clinic name not set".to_string()
        } else {
            esc(&clinic.name)
        },
        esc(&clinic.phone)
    );
    h.push_str(&ids(input, &v, clinic));
    // The figures: points numbered, the therapist's drawing hatched, the patient's dotted.
    h.push_str("<div class=\"rp-figures\">");
    for f in figures {
        h.push_str(&plot::figure_svg(
            f,
            &[Layer::Hatched(&v.pain), Layer::Dotted(&v.patient_pain)],
            &plot::visit_marks(&v, f.view),
        ));
    }
    h.push_str("</div><p class=\"rp-legend\"><span class=\"rp-key rp-key-mark\"></span> numbered point (hollow: not examined this visit) <span class=\"rp-key rp-key-hatch\"></span> therapist's pain drawing <span class=\"rp-key rp-key-dots\"></span> patient's own drawing</p>");
    // The points.
    let mut t = String::from(
        "<table class=\"rp-table rp-points\"><thead><tr><th>#</th><th>Muscle · side</th><th>Type</th><th>Criteria</th><th>NRS before → after</th><th>PPT kg/cm²</th><th>Needle</th><th>In–out</th></tr></thead>"
    );
    for (i, p) in v.points.iter().enumerate() {
        t.push_str(&row(i + 1, p, &v, o));
    }
    t.push_str("</table>");
    let ledger = v.needle_count();
    h.push_str(&section(
        &format!(
            "Trigger points ({}) · needles placed: {ledger}",
            v.points.len()
        ),
        &if v.points.is_empty() {
            "<p>No trigger points charted.</p>".to_string()
        } else {
            t
        },
    ));
    h.push_str(&estim(&v, &numbers, o));
    h.push_str(&section("Screening", &screening(&v, o)));
    h.push_str(&section("Consent", &consent(&v, o)));
    h.push_str(&section(
        "Adverse events",
        &if v.adverse.is_empty() {
            "<p>None recorded.</p>".to_string()
        } else {
            format!(
                "<p>{}</p>",
                v.adverse
                    .iter()
                    .map(|a| a.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
    ));
    let mut notes = if v.notes.trim().is_empty() {
        "<p>No visit notes.</p>".to_string()
    } else {
        format!("<p class=\"rp-notes\">{}</p>", esc(v.notes.trim()))
    };
    for a in &v.amendments {
        notes.push_str(&format!(
            "<div class=\"rp-amend\"><p><b>Amendment, {} {}</b></p><p>What changed: {}</p><p>Why: {}</p></div>",
            day(a.at, o),
            time(a.at, o),
            esc(&a.what),
            esc(&a.why)
        ));
    }
    h.push_str(&section("Notes and amendments", &notes));
    h.push_str(&progress_section(input, &v));
    h.push_str(&format!(
        "<footer class=\"rp-foot\"><p>Printed {} {} from Myomap. Signed: ______________________ {}</p></footer></article>",
        day(input.now, o),
        time(input.now, o),
        esc(&clinic.therapist)
    ));
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::{Chart, MapPoint, PainDab};
    use crate::clinic::consent::{Answer as Agreement, Consent};
    use crate::clinic::estim::EStim;
    use crate::clinic::patient::Patient;
    use crate::clinic::visit::{Adverse, Amendment, Answer, Screening};
    use crate::record::Figure;

    const MIN: Millis = 60_000;
    // 2026-03-12 09:00 UTC.
    const T0: Millis = 1_773_306_000_000;

    fn point(id: u32, muscle: &str, findings: Findings) -> TriggerPoint {
        TriggerPoint {
            id,
            muscle: muscle.into(),
            side: Side::Right,
            at: MapPoint {
                view: View::Posterior,
                x: 44.0,
                y: 136.0,
            },
            marked_at: T0,
            findings,
        }
    }

    fn needle(id: u32, trp: u32, at: Millis, minutes: i64) -> Timer {
        Timer {
            id,
            trp,
            duration: minutes * MIN,
            banked: minutes * MIN,
            running_since: None,
            started_at: at,
            ended_at: Some(at + minutes * MIN),
            acknowledged: true,
            estim: None,
        }
    }

    fn input() -> Input {
        let mut pair = needle(12, 1, T0 + 6 * MIN, 10);
        pair.estim = Some(EStim {
            needles: [10, 11],
            hz: 2.0,
            ma: 4.5,
        });
        let visit = Visit {
            started_at: T0,
            ended_at: Some(T0 + 40 * MIN),
            screening: Screening {
                answers: vec![
                    Answer {
                        question: Question::Bleeding,
                        yes: true,
                        answered_at: T0 + MIN,
                        confirmed_at: Some(T0 + 2 * MIN),
                    },
                    Answer {
                        question: Question::Pregnancy,
                        yes: false,
                        answered_at: T0 + MIN,
                        confirmed_at: None,
                    },
                ],
            },
            timers: vec![
                needle(10, 1, T0 + 5 * MIN, 15),
                needle(11, 2, T0 + 5 * MIN, 15),
                pair,
            ],
            adverse: vec![Adverse::Bruising],
            notes: "Headache <worse> at the desk".into(),
            points: vec![
                point(
                    1,
                    "upper_trapezius",
                    Findings {
                        recognised: true,
                        twitches: 2,
                        nrs_before: Some(7),
                        nrs_after: Some(3),
                        note: "Reproduces the temple headache".into(),
                        ..Findings::default()
                    },
                ),
                point(2, "infraspinatus", Findings::default()),
            ],
            pain: vec![PainDab {
                view: View::Posterior,
                x: 44.0,
                y: 136.0,
                r: 20.0,
            }],
            amendments: vec![Amendment {
                at: T0 + 86_400_000,
                what: "Depth was 20 mm".into(),
                why: "Checked the notes".into(),
            }],
            consent: vec![Consent {
                answer: Agreement::AgreeWithEstim,
                at: T0 + 3 * MIN,
                in_person: false,
            }],
            patient_score: Some(6),
            ..Visit::default()
        };
        Input {
            patient: Patient {
                id: 7,
                name: "Ana & Co".into(),
                dob: Some("1980-04-02".into()),
                record_no: Some("MX-1".into()),
                note: String::new(),
                created: T0,
                archived: false,
                last_visit: Some(T0),
            },
            chart: Chart {
                visits: vec![visit],
                ..Chart::default()
            },
            visit: Some(T0),
            lang: String::new(),
            now: T0 + 2 * 86_400_000,
            offset: 0,
        }
    }

    fn figures() -> Vec<Figure> {
        View::ALL
            .into_iter()
            .map(|view| Figure {
                view,
                view_box: "-200 0 400 800".into(),
                body: "<path d=\"M0 0\"/>".into(),
            })
            .collect()
    }

    #[test]
    fn the_report_holds_every_part_of_the_visit() {
        let clinic = Clinic {
            name: "Riverside".into(),
            phone: "555".into(),
            therapist: "Sam".into(),
        };
        let h = report_html(&input(), &clinic, &figures()).expect("a visit");
        for part in [
            "Ana &amp; Co",
            "1980-04-02",
            "MX-1",
            "12 Mar 2026, 09:00–09:40",
            "Riverside",
            "Sam",
            "<b>Upper trapezius</b> · right",
            "recognised pain, 2 twitches",
            "7 → 3",
            "09:05–09:20 (15 min)",
            "Note: Reproduces the temple headache",
            "Not examined",
            "1 and 2</td><td>2 Hz</td><td>4.5 mA</td><td>09:06–09:16 (10 min)",
            "Bleeding disorder or anticoagulant medicine?",
            "therapist confirmed going on at 09:02",
            "Answered no</th><td>pregnancy",
            "Not asked</th><td>7 of 9 questions",
            "agreed to dry needling and e-stim (in the patient view)",
            "Bruising",
            "Headache &lt;worse&gt; at the desk",
            "Amendment, 13 Mar 2026 09:00",
            "Depth was 20 mm",
            "The patient rated their pain 6 out of 10.",
            "of the body's surface (front 0%, back ",
        ] {
            assert!(h.contains(part), "missing {part:?}");
        }
        // One unbreakable row group per point; both numbered on the back figure.
        assert_eq!(h.matches("<tbody class=\"rp-row\" data-trp=").count(), 2);
        assert_eq!(h.matches("<text dy=\"6\">").count(), 2);
        assert!(!h.contains("<worse>"), "text is escaped");
    }

    #[test]
    fn there_is_no_report_without_a_visit_and_today_reports_the_chart_as_it_is() {
        let mut i = input();
        i.visit = None;
        i.chart.visits.clear();
        assert!(report_html(&i, &Clinic::default(), &[]).is_none());
        i.chart.visit = Some(Visit {
            started_at: T0,
            ..Visit::default()
        });
        i.chart.trps = vec![point(4, "gluteus_medius", Findings::default())];
        let h = report_html(&i, &Clinic::default(), &[]).expect("today's visit");
        assert!(h.contains("in progress"));
        assert!(h.contains("Gluteus medius"));
        assert!(h.contains("Clinic name not set"));
    }
}
