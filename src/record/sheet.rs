//! The take-home sheet: one page in the patient's language, black-and-white friendly, with the
//! figures of the map and today's treated points numbered on them, what each muscle is and
//! where its pain can be felt, the aftercare, the warning signs after needling near the chest,
//! the clinic's name and phone and a blank line for the next appointment.

use serde_json::Value;

use super::{esc, Clinic, Figure, Input};
use crate::anatomy::model::{Side, View};
use crate::clinic::chart::MapPoint;

/// A text of the patient texts by its dotted key ("sheet.title"); empty where there is none.
pub fn text<'a>(t: &'a Value, key: &str) -> &'a str {
    key.split('.')
        .try_fold(t, |v, k| v.get(k))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn lines<'a>(t: &'a Value, key: &str) -> Vec<&'a str> {
    key.split('.')
        .try_fold(t, |v, k| v.get(k))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Today's treated points, in the chart's order: those a needle went into in this visit (or,
/// before any needle, every point charted).
pub fn treated(input: &Input) -> Vec<(String, Side, MapPoint)> {
    let c = &input.chart;
    let needled: Vec<u32> = c
        .timers
        .iter()
        .filter(|t| t.is_needle())
        .map(|t| t.trp)
        .collect();
    c.trps
        .iter()
        .filter(|p| needled.is_empty() || needled.contains(&p.id))
        .map(|p| (p.muscle.clone(), p.side, p.at))
        .collect()
}

/// Numbered marks for the points of one figure (numbers follow the list's order).
fn marks(points: &[(String, Side, MapPoint)], view: View) -> String {
    let mut out = String::new();
    for (n, p) in points.iter().enumerate().filter(|(_, p)| p.2.view == view) {
        out.push_str(&format!(
            "<g transform=\"translate({} {})\"><circle r=\"20\"/><text dy=\"9\">{}</text></g>",
            crate::num::short(p.2.x),
            crate::num::short(p.2.y),
            n + 1
        ));
    }
    out
}

/// The sheet's HTML. `date` is today's date as the patient's language writes it.
pub fn sheet_html(
    t: &Value,
    input: &Input,
    clinic: &Clinic,
    figures: &[Figure],
    date: &str,
) -> String {
    let tx = |k: &str| esc(text(t, k));
    let points = treated(input);
    let first_name = input
        .patient
        .name
        .split_whitespace()
        .next()
        .unwrap_or_default();
    let thorax = points
        .iter()
        .any(|p| crate::clinic::safety::over_thorax(&p.0));
    let blank = "________________________";
    let clinic_line = if clinic.name.is_empty() && clinic.phone.is_empty() {
        format!("{}: {blank}", tx("sheet.clinic_phone"))
    } else {
        format!(
            "<b>{}</b> · {}: {}",
            esc(&clinic.name),
            tx("sheet.clinic_phone"),
            if clinic.phone.is_empty() {
                blank.to_string()
            } else {
                esc(&clinic.phone)
            }
        )
    };
    let mut h = format!(
        "<header class=\"sh-head\"><h1>{}</h1><p>{}: <b>{}</b> · {}: {}</p><p class=\"sh-clinic\">{clinic_line}</p></header><div class=\"sh-figures\">",
        tx("sheet.title"),
        tx("sheet.for"),
        esc(first_name),
        tx("sheet.date"),
        esc(date),
    );
    for f in figures {
        let label = match f.view {
            View::Anterior => "ui.front",
            View::Posterior => "ui.back_view",
        };
        h.push_str(&format!(
            "<figure><svg viewBox=\"{}\">{}<g class=\"sh-marks\">{}</g></svg><figcaption>{}</figcaption></figure>",
            esc(&f.view_box),
            f.body,
            marks(&points, f.view),
            tx(label)
        ));
    }
    // One line per muscle (both sides of one muscle share it), with the numbers on the figures.
    h.push_str(&format!(
        "</div><h2>{}</h2><ul class=\"sh-points\">",
        tx("sheet.treated")
    ));
    let mut seen: Vec<&str> = Vec::new();
    for (muscle, _, _) in &points {
        if seen.contains(&muscle.as_str()) {
            continue;
        }
        seen.push(muscle);
        let (mut nums, mut sides) = (Vec::new(), Vec::new());
        for (n, (_, side, _)) in points.iter().enumerate().filter(|(_, p)| p.0 == *muscle) {
            nums.push((n + 1).to_string());
            let side = tx(match side {
                Side::Left => "ui.point_left",
                Side::Right => "ui.point_right",
            });
            if !sides.contains(&side) {
                sides.push(side);
            }
        }
        h.push_str(&format!(
            "<li><b>{}. {} ({})</b> {}</li>",
            nums.join(", "),
            tx(&format!("muscles.{muscle}.name")),
            sides.join(", "),
            tx(&format!("muscles.{muscle}.refers"))
        ));
    }
    h.push_str(&format!(
        "</ul><h2>{}</h2><ul class=\"sh-care\">",
        tx("sheet.aftercare")
    ));
    for line in lines(t, "aftercare") {
        h.push_str(&format!("<li>{}</li>", esc(line)));
    }
    h.push_str("</ul>");
    if thorax {
        h.push_str(&format!(
            "<div class=\"sh-warning\"><h2>{}</h2><p>{}</p></div>",
            tx("sheet.warning"),
            tx("urgent")
        ));
    }
    h.push_str(&format!(
        "<p class=\"sh-next\">{}: ______________________________</p>",
        tx("sheet.next")
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinic::chart::{Chart, TriggerPoint};
    use crate::clinic::findings::Findings;
    use crate::clinic::patient::Patient;
    use crate::clinic::timer::Timer;

    fn input() -> Input {
        let p = |id: u32, muscle: &str, side: Side| TriggerPoint {
            id,
            muscle: muscle.into(),
            side,
            at: MapPoint {
                view: View::Posterior,
                x: 44.0,
                y: 136.0,
            },
            marked_at: 0,
            findings: Findings::default(),
        };
        let needle = |id: u32, trp: u32| {
            Timer::start(id, trp, 600_000, &crate::clinic::timer::FixedClock(0))
        };
        Input {
            patient: Patient {
                id: 1,
                name: "Ana María Ruiz".into(),
                dob: None,
                record_no: None,
                note: String::new(),
                created: 0,
                archived: false,
                last_visit: None,
            },
            chart: Chart {
                trps: vec![
                    p(1, "upper_trapezius", Side::Right),
                    p(2, "upper_trapezius", Side::Left),
                    p(3, "gastrocnemius", Side::Right),
                ],
                // Needles in points 1 and 2 only: point 3 was charted, not treated.
                timers: vec![needle(10, 1), needle(11, 2)],
                ..Chart::default()
            },
            visit: None,
            lang: "es".into(),
            now: 0,
            offset: 0,
        }
    }

    #[test]
    fn the_sheet_lists_todays_treated_muscles_in_the_patients_language() {
        let es: Value =
            serde_json::from_str(include_str!("../../assets/texts/patient-es.json")).unwrap();
        let clinic = Clinic {
            name: "Fisio Centro".into(),
            phone: "+34 600 000 000".into(),
            therapist: String::new(),
        };
        let h = sheet_html(&es, &input(), &clinic, &[], "12 de marzo de 2026");
        assert!(h.contains(text(&es, "sheet.title")));
        assert!(h.contains("<b>Ana</b>"), "the first name only");
        assert!(h.contains("<b>Fisio Centro</b>"));
        assert!(h.contains("+34 600 000 000"));
        // One line for both sides of the upper trapezius; the calf was not needled.
        assert_eq!(h.matches("<li><b>").count(), 1);
        assert!(h.contains(&format!(
            "<li><b>1, 2. {}",
            text(&es, "muscles.upper_trapezius.name")
        )));
        // Needled over the upper back: the warning signs are there.
        assert!(h.contains(text(&es, "urgent")));
    }

    #[test]
    fn without_clinic_details_the_sheet_leaves_a_line_to_write_on() {
        let en: Value =
            serde_json::from_str(include_str!("../../assets/texts/patient-en.json")).unwrap();
        let h = sheet_html(&en, &input(), &Clinic::default(), &[], "12 March 2026");
        assert!(h.contains("Clinic phone: ________________________"));
    }
}
