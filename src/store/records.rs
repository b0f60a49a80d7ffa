//! The saved form in the browser database (format 2): one record per patient, per trigger
//! point, per ended visit, plus one for the visit under way (its screening and timers) and one
//! for the pain drawing of the day. A change writes only the records it touched, in one
//! transaction: a tap at 500 points writes one small point record, never the whole chart.
//!
//! Keys are strings, so that everything of one patient sits under one prefix ("p/<id>/") and is
//! read with one range query, and the patient list is another prefix ("patients/").
//! Each value is a JSON text. Decoding is strict per record: a damaged record is named and set
//! aside, never silently dropped, and values out of range are blanked by one rule and said.

use serde::{Deserialize, Serialize};

use crate::clinic::chart::{Chart, PainDab, TriggerPoint};
use crate::clinic::history::Change;
use crate::clinic::patient::{Patient, PatientId};
use crate::clinic::timer::{Millis, Timer};
use crate::clinic::visit::Visit;

/// The same app mark as format 1's envelope.
pub use super::schema::APP;
/// The saved format this Myomap writes. Format 1 was the single chart in local storage.
/// Format 3 added the patient's consent, own drawing and score to a visit: a format-2 record
/// reads as it is (those are empty), and the meta record is rewritten at once, so that a
/// format-2 Myomap no longer opens (and could not silently drop) what format 3 wrote.
pub const FORMAT: u32 = 3;
pub const META_KEY: &str = "meta";
/// The format of records sealed with a screen lock's passphrase: format 3's records, each
/// value encrypted (src/out/seal.rs). A Myomap that reads only format 3 leaves them alone.
pub const SEALED_FORMAT: u32 = 4;
pub const PATIENTS_PREFIX: &str = "patients/";
/// Records that could not be read are moved here once, with their key, and not read again.
pub const ASIDE_PREFIX: &str = "aside/";

/// The database's own record: which format wrote it and which patient was open last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub app: String,
    pub format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<PatientId>,
    /// The records are sealed with a screen lock's passphrase (format `SEALED_FORMAT`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sealed: bool,
}

impl Meta {
    pub fn new(current: Option<PatientId>) -> Meta {
        Meta {
            app: APP.into(),
            format: FORMAT,
            current,
            sealed: false,
        }
    }
}

/// The visit under way and its needles and e-stim pairs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenVisit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timers: Vec<Timer>,
}

pub fn patient_key(id: PatientId) -> String {
    format!("{PATIENTS_PREFIX}{id}")
}

/// Everything of one patient's chart sits under this prefix.
pub fn prefix(id: PatientId) -> String {
    format!("p/{id}/")
}

pub fn point_key(id: PatientId, trp: u32) -> String {
    // Built on every tap: digits pushed by hand, as `format!`'s zero padding is its slow path.
    let mut key = String::with_capacity(34);
    key.push_str("p/");
    push_digits(&mut key, id, 0);
    key.push_str("/pt/");
    push_digits(&mut key, u64::from(trp), 10);
    key
}

/// Pushes `n` in decimal, with leading zeros up to `width` digits.
fn push_digits(key: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let from = i.min(digits.len().saturating_sub(width));
    key.extend(digits[from..].iter().map(|&d| d as char));
}

pub fn open_key(id: PatientId) -> String {
    format!("p/{id}/open")
}

pub fn pain_key(id: PatientId) -> String {
    format!("p/{id}/pain")
}

pub fn visit_key(id: PatientId, started: Millis) -> String {
    format!("p/{id}/v/{started:015}")
}

/// One write of a transaction.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Put(String, String),
    Delete(String),
    /// Every record whose key starts with this.
    DeletePrefix(String),
}

impl Op {
    pub fn key(&self) -> &str {
        match self {
            Op::Put(k, _) | Op::Delete(k) | Op::DeletePrefix(k) => k,
        }
    }
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

pub fn put_meta(meta: &Meta) -> Op {
    Op::Put(META_KEY.into(), json(meta))
}

pub fn put_patient(p: &Patient) -> Op {
    Op::Put(patient_key(p.id), json(p))
}

/// What a change touched, so that only those records are written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    /// Points written (or deleted, when no longer on the chart).
    pub points: Vec<u32>,
    /// Every point (a visit ended: their findings moved into the visit).
    pub all_points: bool,
    pub pain: bool,
    /// The visit under way or its timers.
    pub open: bool,
    /// An ended visit, by its start.
    pub visits: Vec<Millis>,
}

impl Touched {
    pub fn point(id: u32) -> Touched {
        Touched {
            points: vec![id],
            ..Default::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Touched::default()
    }

    /// The records a charting change (or its undo) touches.
    pub fn of(change: &Change) -> Touched {
        match change {
            Change::Mark(t) | Change::Remove { trp: t, .. } => Touched::point(t.id),
            Change::Move { id, .. } | Change::Record { id, .. } => Touched::point(*id),
            Change::Pain { .. } => Touched {
                pain: true,
                ..Default::default()
            },
        }
    }
}

/// The writes that save what a change touched.
pub fn ops_for(pid: PatientId, chart: &Chart, t: &Touched) -> Vec<Op> {
    let mut ops = Vec::new();
    let point = |trp: &TriggerPoint| Op::Put(point_key(pid, trp.id), json(trp));
    if t.all_points {
        ops.extend(chart.trps.iter().map(point));
    } else {
        for id in &t.points {
            ops.push(match chart.trp(*id) {
                Some(trp) => point(trp),
                None => Op::Delete(point_key(pid, *id)),
            });
        }
    }
    if t.pain {
        ops.push(if chart.pain.is_empty() {
            Op::Delete(pain_key(pid))
        } else {
            Op::Put(pain_key(pid), json(&chart.pain))
        });
    }
    if t.open {
        ops.push(Op::Put(
            open_key(pid),
            json(&OpenVisit {
                visit: chart.visit.clone(),
                timers: chart.timers.clone(),
            }),
        ));
    }
    for started in &t.visits {
        if let Some(v) = chart.past_visit(*started) {
            ops.push(Op::Put(visit_key(pid, *started), json(v)));
        }
    }
    ops
}

/// Every record of a patient's chart (and the patient), exactly as it is now: a first save,
/// a migration, or saving again after a write failed.
pub fn ops_for_all(patient: &Patient, chart: &Chart) -> Vec<Op> {
    // Points no longer on the chart go with the old records; the rest are written anew.
    let mut ops = vec![
        Op::DeletePrefix(format!("{}pt/", prefix(patient.id))),
        put_patient(patient),
    ];
    let all = Touched {
        points: Vec::new(),
        all_points: true,
        pain: true,
        open: true,
        visits: chart.visits.iter().map(|v| v.started_at).collect(),
    };
    ops.extend(ops_for(patient.id, chart, &all));
    ops
}

/// A patient's chart read back from its records, with what did not read cleanly.
#[derive(Debug, Default, PartialEq)]
pub struct Assembled {
    pub chart: Chart,
    /// Keys of records that could not be read (to be set aside), with why.
    pub damaged: Vec<(String, String)>,
    /// Values out of range that were left blank, as "pain before (Infraspinatus · right)".
    pub blanked: Vec<String>,
}

impl Assembled {
    /// One sentence for the therapist about what was not as expected, if anything.
    pub fn notice(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.damaged.is_empty() {
            parts.push(format!(
                "{} saved record{} of this patient could not be read and {} been kept aside on this device ({}).",
                self.damaged.len(),
                if self.damaged.len() == 1 { "" } else { "s" },
                if self.damaged.len() == 1 { "has" } else { "have" },
                self.damaged
                    .iter()
                    .map(|(_, why)| why.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if !self.blanked.is_empty() {
            parts.push(format!(
                "Saved values out of range were left blank: {}.",
                self.blanked.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

fn sanitize_point(t: &mut TriggerPoint, blanked: &mut Vec<String>) {
    for what in t.findings.sanitize() {
        let name = crate::anatomy::muscle(&t.muscle).map_or(t.muscle.as_str(), |m| m.name);
        blanked.push(format!("{what} ({name} · {})", t.side.id()));
    }
}

/// Builds a patient's chart from its records (key, JSON), in any order.
pub fn assemble(pid: PatientId, records: &[(String, String)]) -> Assembled {
    let mut out = Assembled::default();
    let pre = prefix(pid);
    let mut points: Vec<TriggerPoint> = Vec::new();
    for (key, raw) in records {
        let Some(rest) = key.strip_prefix(&pre) else {
            continue;
        };
        let damaged = |why: String| (key.clone(), why);
        if rest.starts_with("pt/") {
            match serde_json::from_str::<TriggerPoint>(raw) {
                Ok(t)
                    if crate::anatomy::muscle(&t.muscle).is_some()
                        && t.at.x.is_finite()
                        && t.at.y.is_finite() =>
                {
                    points.push(t)
                }
                Ok(t) => out.damaged.push(damaged(format!(
                    "a trigger point on “{}” has no valid place",
                    t.muscle
                ))),
                Err(e) => out.damaged.push(damaged(format!("a trigger point: {e}"))),
            }
        } else if rest == "open" {
            match serde_json::from_str::<OpenVisit>(raw) {
                Ok(o) => {
                    out.chart.visit = o.visit.filter(|v| v.ended_at.is_none());
                    out.chart.timers = o.timers;
                }
                Err(e) => out
                    .damaged
                    .push(damaged(format!("the visit under way: {e}"))),
            }
        } else if rest == "pain" {
            match serde_json::from_str::<Vec<PainDab>>(raw) {
                Ok(p) => out.chart.pain = p,
                Err(e) => out.damaged.push(damaged(format!("the pain drawing: {e}"))),
            }
        } else if rest.starts_with("v/") {
            match serde_json::from_str::<Visit>(raw) {
                Ok(v) if v.ended_at.is_some() => out.chart.visits.push(v),
                Ok(_) => out
                    .damaged
                    .push(damaged("an ended visit without an end".into())),
                Err(e) => out.damaged.push(damaged(format!("a past visit: {e}"))),
            }
        }
    }
    crate::small_sort::sort_by_key(&mut points, |t| t.id);
    for t in points.iter_mut() {
        sanitize_point(t, &mut out.blanked);
    }
    for v in out.chart.visits.iter_mut() {
        for t in v.points.iter_mut() {
            sanitize_point(t, &mut out.blanked);
        }
    }
    out.chart.trps = points;
    crate::small_sort::sort_by_key(&mut out.chart.visits, |v| v.started_at);
    // Timers whose point is gone, and pairs whose needles are gone, cannot be shown or
    // stopped: they are ended here, so that nothing claims a needle no one can see.
    let ids: Vec<u32> = out.chart.trps.iter().map(|t| t.id).collect();
    let needle_ids: Vec<u32> = out
        .chart
        .timers
        .iter()
        .filter(|t| t.is_needle())
        .map(|t| t.id)
        .collect();
    out.chart.timers.retain(|t| {
        if t.is_needle() {
            !t.live() || ids.contains(&t.trp)
        } else {
            t.estim
                .is_some_and(|e| e.needles.iter().all(|n| needle_ids.contains(n)))
        }
    });
    out.chart.renumber();
    out
}

/// Reads the database's meta record: which format wrote it. `Err` carries a newer format.
pub fn read_meta(raw: &str) -> Result<Meta, MetaError> {
    let meta: Meta = serde_json::from_str(raw).map_err(|_| MetaError::Damaged)?;
    if meta.app != APP {
        return Err(MetaError::Damaged);
    }
    if meta.format > FORMAT && !(meta.sealed && meta.format == SEALED_FORMAT) {
        return Err(MetaError::Newer(meta.format));
    }
    Ok(meta)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaError {
    Damaged,
    Newer(u32),
}

/// Reads a patient record; `None` when damaged.
pub fn read_patient(raw: &str) -> Option<Patient> {
    serde_json::from_str::<Patient>(raw)
        .ok()
        .filter(|p| !p.name.trim().is_empty())
}

/// Carries a format-1 chart (the single chart in local storage) over into a first patient.
/// Nothing is dropped: points and notes, the pain drawing, ended visits, an open visit with
/// its running needles. Format 1 kept one set of findings per point: they are the findings of
/// the visit under way when one is open (they are what the therapist sees), otherwise of the
/// latest ended visit, which also takes the pain drawing; ended visits keep the points their
/// needles went into.
pub fn migrate_v1(mut chart: Chart, id: PatientId, now: Millis) -> (Patient, Chart) {
    for v in chart.visits.iter_mut() {
        let needled: Vec<u32> = v.timers.iter().map(|t| t.trp).collect();
        v.points = chart
            .trps
            .iter()
            .filter(|t| needled.contains(&t.id))
            .map(|t| TriggerPoint {
                findings: Default::default(),
                ..t.clone()
            })
            .collect();
    }
    if chart.visit.is_none() {
        if let Some(last) = chart.visits.last_mut() {
            last.points = chart.trps.clone();
            last.pain = std::mem::take(&mut chart.pain);
            for t in chart.trps.iter_mut() {
                t.findings = Default::default();
            }
        }
    }
    chart.renumber();
    let first = chart
        .trps
        .iter()
        .map(|t| t.marked_at)
        .chain(chart.visits.iter().map(|v| v.started_at))
        .chain(chart.visit.as_ref().map(|v| v.started_at))
        .min()
        .unwrap_or(now);
    let last_visit = chart
        .visit
        .as_ref()
        .map(|v| v.started_at)
        .or(chart.visits.last().map(|v| v.started_at));
    let patient = Patient {
        id,
        name: "Patient 1".into(),
        dob: None,
        record_no: None,
        note: String::new(),
        created: first.min(now),
        archived: false,
        last_visit,
    };
    (patient, chart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::MapPoint;
    use crate::clinic::timer::{FixedClock, TimerState, MINUTE};

    #[test]
    fn a_point_key_is_the_patient_then_the_point_zero_padded() {
        for (id, trp) in [
            (0, 0),
            (5, 1),
            (1_700_000_000_000_123, 42),
            (u64::MAX, u32::MAX),
        ] {
            assert_eq!(point_key(id, trp), format!("p/{id}/pt/{trp:010}"));
        }
        assert_eq!(point_key(7, 12), "p/7/pt/0000000012");
    }

    const FIXTURE: &str = include_str!("../../tests/fixtures/v1-chart.json");

    fn reload(pid: PatientId, ops: &[Op]) -> Assembled {
        let records: Vec<(String, String)> = ops
            .iter()
            .filter_map(|o| match o {
                Op::Put(k, v) => Some((k.clone(), v.clone())),
                _ => None,
            })
            .collect();
        assemble(pid, &records)
    }

    /// Applies writes to a key-value map, as the database does.
    fn apply(db: &mut std::collections::BTreeMap<String, String>, ops: Vec<Op>) {
        for op in ops {
            match op {
                Op::Put(k, v) => {
                    db.insert(k, v);
                }
                Op::Delete(k) => {
                    db.remove(&k);
                }
                Op::DeletePrefix(p) => db.retain(|k, _| !k.starts_with(&p)),
            }
        }
    }

    #[test]
    fn the_saved_v1_fixture_carries_over_with_every_meaning() {
        let v1 = crate::store::schema::decode(FIXTURE).expect("today's release wrote it");
        let (patient, chart) = migrate_v1(v1.clone(), 7, 1_797_000_000_000);
        assert_eq!(patient.name, "Patient 1");
        assert_eq!(patient.last_visit, Some(1_796_202_000_000));
        // Points with their notes and findings: the visit under way shows them.
        assert_eq!(chart.trps.len(), 3);
        for (a, b) in chart.trps.iter().zip(&v1.trps) {
            assert_eq!(a, b);
        }
        assert!(chart.trps[0].findings.note.contains("question mark"));
        assert_eq!(chart.pain, v1.pain);
        // The ended visit: its screening, needles and adverse events, and the points needled.
        let ended = &chart.visits[0];
        assert_eq!(ended.screening, v1.visits[0].screening);
        assert_eq!(ended.timers, v1.visits[0].timers);
        assert_eq!(ended.adverse, v1.visits[0].adverse);
        let ids: Vec<u32> = ended.points.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![1, 2]);
        // The open visit and its running needle keep their timestamps, hence the right time.
        assert_eq!(chart.visit, v1.visit);
        assert_eq!(chart.timers, v1.timers);
        let later = FixedClock(1_796_202_300_000 + 10 * MINUTE);
        assert_eq!(chart.timers[0].state(&later), TimerState::Running);
        assert_eq!(chart.timers[0].remaining(&later), 5 * MINUTE);
        // Saved as records and read back: the same chart.
        let back = reload(7, &ops_for_all(&patient, &chart));
        assert_eq!(back.notice(), None);
        assert_eq!(back.chart, chart);
        assert!(back.chart.next_id >= v1.next_id);
    }

    #[test]
    fn a_v1_chart_without_an_open_visit_gives_its_findings_to_the_latest_visit() {
        let mut v1 = crate::store::schema::decode(FIXTURE).unwrap();
        v1.timers.clear();
        v1.visit = None;
        let (_, chart) = migrate_v1(v1.clone(), 1, 0);
        let last = chart.visits.last().unwrap();
        assert_eq!(last.points, v1.trps);
        assert_eq!(last.pain, v1.pain);
        assert!(chart.pain.is_empty());
        assert!(chart.trps.iter().all(|t| t.findings == Default::default()));
    }

    fn at(x: f32, y: f32) -> MapPoint {
        MapPoint {
            view: View::Posterior,
            x,
            y,
        }
    }

    #[test]
    fn findings_are_per_visit_and_visit_one_stays_as_it_was() {
        let mut db = std::collections::BTreeMap::new();
        let mut c = Chart::default();
        c.ensure_visit(&FixedClock(1_000));
        let p = c
            .mark(
                "infraspinatus",
                Side::Right,
                at(60.0, 190.0),
                &FixedClock(1_001),
            )
            .unwrap();
        c.trps[0].findings.nrs_before = Some(7);
        c.trps[0].findings.note = "visit one".into();
        c.pain.push(PainDab {
            view: View::Posterior,
            x: 60.0,
            y: 60.0,
            r: 8.0,
        });
        apply(
            &mut db,
            ops_for(
                3,
                &c,
                &Touched {
                    points: vec![p],
                    pain: true,
                    open: true,
                    ..Default::default()
                },
            ),
        );
        c.end_visit(false, &FixedClock(2_000)).unwrap();
        apply(
            &mut db,
            ops_for(
                3,
                &c,
                &Touched {
                    all_points: true,
                    pain: true,
                    open: true,
                    visits: vec![1_000],
                    ..Default::default()
                },
            ),
        );
        // Visit two: the point is carried over, drawn as from visit one, with no findings yet.
        assert!(c.ensure_visit(&FixedClock(9_000)));
        assert_eq!(c.carried_from(&c.trps[0]), Some(1_000));
        c.trps[0].findings.nrs_before = Some(3);
        assert_eq!(c.carried_from(&c.trps[0]), None);
        apply(
            &mut db,
            ops_for(
                3,
                &c,
                &Touched {
                    points: vec![p],
                    open: true,
                    ..Default::default()
                },
            ),
        );
        let records: Vec<(String, String)> = db.into_iter().collect();
        let back = assemble(3, &records).chart;
        assert_eq!(back, c);
        let one = back.as_it_was(1_000).unwrap();
        assert_eq!(one.trps[0].findings.nrs_before, Some(7));
        assert_eq!(one.trps[0].findings.note, "visit one");
        assert_eq!(one.pain.len(), 1);
        assert_eq!(back.trps[0].findings.nrs_before, Some(3));
        assert!(back.pain.is_empty());
    }

    #[test]
    fn a_change_writes_only_what_it_touched() {
        let mut c = Chart::default();
        for i in 0..500 {
            c.mark(
                "infraspinatus",
                Side::Right,
                at(60.0, 190.0 + (i % 10) as f32),
                &FixedClock(i),
            )
            .unwrap();
        }
        let ops = ops_for(1, &c, &Touched::point(250));
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].key(), "p/1/pt/0000000250");
        // A point no longer on the chart is deleted.
        c.trps.retain(|t| t.id != 250);
        assert_eq!(
            ops_for(1, &c, &Touched::point(250)),
            vec![Op::Delete("p/1/pt/0000000250".into())]
        );
    }

    #[test]
    fn damaged_records_are_named_and_out_of_range_values_blanked() {
        let good = TriggerPoint {
            id: 1,
            muscle: "infraspinatus".into(),
            side: Side::Right,
            at: at(60.0, 190.0),
            marked_at: 0,
            findings: Default::default(),
        };
        let mut wild = serde_json::to_value(&good).unwrap();
        wild["id"] = 2.into();
        wild["findings"] = serde_json::json!({"nrs_before": 99, "note": "kept"});
        let records = vec![
            (point_key(5, 1), serde_json::to_string(&good).unwrap()),
            (point_key(5, 2), wild.to_string()),
            (point_key(5, 3), "{\"id\":3,\"muscle\":".into()),
            (pain_key(5), "[{\"view\":\"sideways\"}]".into()),
            // Another patient's record is not this chart's.
            (point_key(6, 9), serde_json::to_string(&good).unwrap()),
        ];
        let a = assemble(5, &records);
        assert_eq!(a.chart.trps.len(), 2);
        assert_eq!(a.chart.trps[1].findings.nrs_before, None);
        assert_eq!(a.chart.trps[1].findings.note, "kept");
        let keys: Vec<&str> = a.damaged.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["p/5/pt/0000000003", "p/5/pain"]);
        let notice = a.notice().unwrap();
        assert!(notice.contains("2 saved records"), "{notice}");
        assert!(
            notice.contains("pain before (Infraspinatus · right)"),
            "{notice}"
        );
    }

    #[test]
    fn the_records_format_2_wrote_read_as_they_were() {
        let saved: std::collections::BTreeMap<String, String> =
            serde_json::from_str(include_str!("../../tests/fixtures/v2-records.json")).unwrap();
        let meta = read_meta(&saved[META_KEY]).expect("format 2 is read");
        assert_eq!((meta.format, meta.current), (2, Some(7)));
        let records: Vec<(String, String)> = saved
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix(7)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let read = assemble(7, &records);
        assert_eq!(read.notice(), None, "nothing set aside");
        let c = &read.chart;
        assert_eq!(c.trps.len(), 3);
        assert_eq!(c.trps[0].findings.nrs_before, Some(7));
        assert_eq!(c.timers.len(), 1, "the needle in stays in");
        let open = c.visit.as_ref().expect("the visit under way");
        assert_eq!(open.screening.answers.len(), 9);
        assert_eq!(open.adverse, vec![crate::clinic::visit::Adverse::Bruising]);
        // Format 2 knew no consent: none is invented, so the next needle waits for it.
        assert!(open.consent.is_empty());
        assert_eq!(open.patient_score, None);
        assert!(open.patient_pain.is_empty());
        assert!(c.ready_for_needling().is_err());
        assert_eq!(c.visits.len(), 1);
        // Written again by this Myomap, it is read back the same, under a format-3 meta.
        let patient = read_patient(&saved[&patient_key(7)]).expect("the patient record");
        let back = reload(7, &ops_for_all(&patient, c));
        assert_eq!(back.chart, *c);
        assert_eq!(Meta::new(Some(7)).format, 3);
    }

    #[test]
    fn meta_from_a_newer_format_is_refused() {
        assert_eq!(
            read_meta(&serde_json::to_string(&Meta::new(Some(3))).unwrap())
                .unwrap()
                .current,
            Some(3)
        );
        let newer = r#"{"app":"myomap","format":9}"#;
        assert_eq!(read_meta(newer), Err(MetaError::Newer(9)));
        assert_eq!(read_meta("{"), Err(MetaError::Damaged));
        assert_eq!(
            read_meta(r#"{"app":"other","format":1}"#),
            Err(MetaError::Damaged)
        );
    }

    #[test]
    fn sealed_records_are_format_4_which_only_a_sealed_meta_may_claim() {
        let sealed = read_meta(r#"{"app":"myomap","format":4,"sealed":true,"current":7}"#)
            .expect("sealed records are this release's");
        assert!(sealed.sealed);
        assert_eq!(sealed.current, Some(7));
        // Format 4 without the seal, or a higher sealed format, is a newer Myomap's.
        assert_eq!(
            read_meta(r#"{"app":"myomap","format":4}"#),
            Err(MetaError::Newer(4))
        );
        assert_eq!(
            read_meta(r#"{"app":"myomap","format":5,"sealed":true}"#),
            Err(MetaError::Newer(5))
        );
        // A plain meta never says "sealed".
        assert!(!serde_json::to_string(&Meta::new(None))
            .unwrap()
            .contains("sealed"));
    }

    #[test]
    fn amendments_keep_the_original_and_need_a_reason() {
        let v1 = crate::store::schema::decode(FIXTURE).unwrap();
        let (_, mut c) = migrate_v1(v1, 1, 0);
        let id = c.visits[0].started_at;
        let before = c.visits[0].clone();
        assert!(c
            .amend(id, "NRS after was 2, not 3", "", &FixedClock(5))
            .is_err());
        c.amend(id, "NRS after was 2, not 3", "typing error", &FixedClock(5))
            .unwrap();
        let v = c.past_visit(id).unwrap();
        assert_eq!(v.amendments.len(), 1);
        assert_eq!(v.points, before.points, "the original stays as it was");
        assert_eq!(v.timers, before.timers);
    }
}
