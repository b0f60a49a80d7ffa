//! The record out, as files the browser downloads (nothing is sent anywhere): one visit or a
//! whole patient as JSON in a documented, versioned format (docs/format.md), and one CSV row per
//! point per visit for research and spreadsheets.

use serde::Serialize;

use crate::anatomy;
use crate::clinic::chart::TriggerPoint;
use crate::clinic::findings::Status;
use crate::clinic::patient::Patient;
use crate::clinic::timer::Millis;
use crate::clinic::visit::Visit;

/// Version of the export format; a reader refuses a higher one.
pub const EXPORT_FORMAT: u32 = 1;

#[derive(Serialize)]
struct PatientFile<'a> {
    app: &'static str,
    kind: &'static str,
    format: u32,
    exported_at: Millis,
    patient: &'a Patient,
    /// Ended visits, oldest first, each with its points and findings as they were that day.
    visits: Vec<&'a Visit>,
}

#[derive(Serialize)]
struct VisitFile<'a> {
    app: &'static str,
    kind: &'static str,
    format: u32,
    exported_at: Millis,
    patient: &'a Patient,
    visit: &'a Visit,
}

/// A patient with every ended visit, as JSON.
pub fn patient_json(patient: &Patient, visits: &[Visit], now: Millis) -> String {
    let mut ended: Vec<&Visit> = visits.iter().filter(|v| v.ended_at.is_some()).collect();
    crate::small_sort::sort_by(&mut ended, |a, b| a.started_at.cmp(&b.started_at));
    serde_json::to_string_pretty(&PatientFile {
        app: crate::store::schema::APP,
        kind: "patient",
        format: EXPORT_FORMAT,
        exported_at: now,
        patient,
        visits: ended,
    })
    .unwrap_or_default()
}

/// One visit of a patient, as JSON.
pub fn visit_json(patient: &Patient, visit: &Visit, now: Millis) -> String {
    serde_json::to_string_pretty(&VisitFile {
        app: crate::store::schema::APP,
        kind: "visit",
        format: EXPORT_FORMAT,
        exported_at: now,
        patient,
        visit,
    })
    .unwrap_or_default()
}

/// Days since 1970-01-01 to a civil date (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "2026-03-12" and "09:05" for a moment, at `offset_min` minutes east of UTC (the device's).
pub fn date_time(ms: Millis, offset_min: i64) -> (String, String) {
    let local = ms.div_euclid(60_000) + offset_min;
    let (days, minute) = (local.div_euclid(1440), local.rem_euclid(1440));
    let (y, m, d) = civil(days);
    (
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{:02}:{:02}", minute / 60, minute % 60),
    )
}

/// A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
/// neutralised so that a spreadsheet never runs it as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

const HEADER: &str = "date,time,patient,record_no,muscle,side,status,recognised,taut_band,twitches,jump_sign,nrs_before,nrs_after,ppt_kg_cm2,needles,examined";

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn row(patient: &Patient, visit: &Visit, p: &TriggerPoint, offset_min: i64) -> String {
    let (date, time) = date_time(visit.started_at, offset_min);
    let f = &p.findings;
    let examined = *f != Default::default();
    let needles = visit
        .timers
        .iter()
        .filter(|t| t.is_needle() && t.trp == p.id)
        .count();
    let muscle = anatomy::muscle(&p.muscle).map_or(p.muscle.as_str(), |m| m.name);
    let cells = [
        date,
        time,
        field(&patient.name),
        field(patient.record_no.as_deref().unwrap_or("")),
        field(muscle),
        p.side.label().to_lowercase(),
        if !examined {
            String::new()
        } else if f.status == Status::Latent {
            "latent".into()
        } else {
            "active".into()
        },
        if examined {
            yes(f.recognised).into()
        } else {
            String::new()
        },
        if examined {
            yes(f.taut_band).into()
        } else {
            String::new()
        },
        if examined {
            f.twitches.to_string()
        } else {
            String::new()
        },
        if examined {
            yes(f.jump_sign).into()
        } else {
            String::new()
        },
        opt(f.nrs_before),
        opt(f.nrs_after),
        f.ppt
            .map_or_else(String::new, |v| crate::num::fixed(v, 2, true)),
        needles.to_string(),
        yes(examined).into(),
    ];
    cells.join(",")
}

/// One row per point per ended visit, oldest visit first; a point carried into a visit and not
/// examined there has its findings left blank and "examined" = no.
pub fn csv(patient: &Patient, visits: &[Visit], offset_min: i64) -> String {
    let mut ended: Vec<&Visit> = visits.iter().filter(|v| v.ended_at.is_some()).collect();
    crate::small_sort::sort_by(&mut ended, |a, b| a.started_at.cmp(&b.started_at));
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for v in ended {
        for p in &v.points {
            out.push_str(&row(patient, v, p, offset_min));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::MapPoint;
    use crate::clinic::findings::Findings;
    use crate::clinic::timer::Timer;

    fn patient(name: &str) -> Patient {
        Patient {
            id: 7,
            name: name.into(),
            dob: Some("1978-09-21".into()),
            record_no: Some("MRN-20417".into()),
            note: String::new(),
            created: 0,
            archived: false,
            last_visit: None,
        }
    }

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
            marked_at: 0,
            findings,
        }
    }

    fn needle(id: u32, trp: u32, start: Millis) -> Timer {
        Timer {
            id,
            trp,
            duration: 900_000,
            banked: 0,
            running_since: None,
            started_at: start,
            ended_at: Some(start + 900_000),
            acknowledged: false,
            estim: None,
        }
    }

    #[test]
    fn dates_are_civil_dates_at_the_devices_offset() {
        assert_eq!(date_time(0, 0), ("1970-01-01".into(), "00:00".into()));
        // 12 March 2026, 09:05 UTC.
        let t = 1_773_306_300_000;
        assert_eq!(date_time(t, 0), ("2026-03-12".into(), "09:05".into()));
        assert_eq!(date_time(t, 60), ("2026-03-12".into(), "10:05".into()));
        assert_eq!(date_time(t, -600), ("2026-03-11".into(), "23:05".into()));
        // A leap day.
        assert_eq!(date_time(951_782_400_000, 0).0, "2000-02-29");
    }

    #[test]
    fn csv_has_one_row_per_point_per_ended_visit() {
        let start = 1_773_306_300_000;
        let examined = Findings {
            status: Status::Latent,
            recognised: true,
            twitches: 2,
            nrs_before: Some(7),
            nrs_after: Some(3),
            ppt: Some(2.5),
            ..Findings::default()
        };
        let first = Visit {
            started_at: start,
            ended_at: Some(start + 1_800_000),
            points: vec![
                point(1, "upper_trapezius", examined.clone()),
                point(2, "infraspinatus", Findings::default()),
            ],
            timers: vec![
                needle(10, 1, start + 60_000),
                needle(11, 1, start + 120_000),
            ],
            ..Visit::default()
        };
        let open = Visit {
            started_at: start + 604_800_000,
            points: vec![point(1, "upper_trapezius", examined)],
            ..Visit::default()
        };
        let text = csv(&patient("Lopez, Maria \"Mari\""), &[open, first], 0);
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines.len(),
            3,
            "header and the ended visit's two points: {text}"
        );
        assert_eq!(lines[0], HEADER);
        assert_eq!(
            lines[1],
            "2026-03-12,09:05,\"Lopez, Maria \"\"Mari\"\"\",MRN-20417,Upper trapezius,right,latent,yes,no,2,no,7,3,2.5,2,yes"
        );
        assert_eq!(lines[2], "2026-03-12,09:05,\"Lopez, Maria \"\"Mari\"\"\",MRN-20417,Infraspinatus,right,,,,,,,,,0,no");
        // Every row has as many fields as the header (names with commas are quoted).
        assert!(lines
            .iter()
            .all(|l| l.matches(',').count() >= HEADER.matches(',').count()));
    }

    #[test]
    fn a_name_that_looks_like_a_formula_is_not_run_as_one() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("Maria"), "Maria");
    }

    #[test]
    fn exports_say_what_they_are_and_read_back() {
        let start = 1_773_306_300_000;
        let v = Visit {
            started_at: start,
            ended_at: Some(start + 60_000),
            points: vec![point(1, "upper_trapezius", Findings::default())],
            ..Visit::default()
        };
        let p = patient("Maria Lopez");
        let json: serde_json::Value =
            serde_json::from_str(&patient_json(&p, &[v.clone(), Visit::default()], 5)).unwrap();
        assert_eq!(json["app"], "myomap");
        assert_eq!(json["kind"], "patient");
        assert_eq!(json["format"], EXPORT_FORMAT);
        assert_eq!(json["patient"]["name"], "Maria Lopez");
        assert_eq!(
            json["visits"].as_array().unwrap().len(),
            1,
            "only ended visits"
        );
        let back: Visit = serde_json::from_value(json["visits"][0].clone()).unwrap();
        assert_eq!(back, v);
        let one: serde_json::Value = serde_json::from_str(&visit_json(&p, &v, 5)).unwrap();
        assert_eq!(one["kind"], "visit");
        assert_eq!(
            serde_json::from_value::<Visit>(one["visit"].clone()).unwrap(),
            v
        );
    }
}
