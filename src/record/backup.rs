//! Backups: every patient of this device in one file, to keep or to move to a new tablet, and
//! the rules for taking one back. A file is read whole and checked before anything is written:
//! a damaged, foreign, newer or conflicting file changes nothing, and says why in plain words.
//! A good file merges: patients new to this device are added; for a patient already here,
//! visits missing here are added, an ended visit comes back only with amendments added since
//! (never older over newer), and the chart under way (points, drawing, open visit) comes from
//! whichever side was used last.
//!
//! A backup may be sealed with a passphrase (AES-GCM, a key derived with PBKDF2-SHA-256): the
//! browser does the cryptography (`out::crypto`); the envelope is described here.

use serde::{Deserialize, Serialize};

use super::Clinic;
use crate::clinic::chart::Chart;
use crate::clinic::patient::{Patient, PatientId, NAME_MAX};
use crate::clinic::timer::Millis;
use crate::clinic::visit::Visit;
use crate::store::records::{self, Op};

/// Version of the backup format; a reader refuses a higher one.
pub const BACKUP_FORMAT: u32 = 1;
pub const KIND: &str = "backup";
pub const SEALED_KIND: &str = "sealed-backup";
/// The largest file taken back (bytes).
pub const MAX_BYTES: f64 = 100.0 * 1024.0 * 1024.0;
/// PBKDF2-HMAC-SHA-256 rounds for a sealed backup (OWASP's current figure).
pub const ITERATIONS: u32 = 600_000;
/// The shortest passphrase accepted.
pub const PASSPHRASE_MIN: usize = 8;
/// Where the moment of the last backup is kept.
pub const LAST_BACKUP_KEY: &str = "backup-at";
/// The same date mirrored in local storage, which the page reads before anything is drawn: a
/// week without a backup marks `<html data-backup-due>` and the Patients dialog says so.
pub const LAST_BACKUP_FLAG: &str = "myomap.backup-at";
/// A backup is due this many days after the last one (index.html's start-up check says the
/// same in milliseconds).
pub const DUE_AFTER_DAYS: i64 = 7;

/// One patient and their whole chart (points, drawing, the visit under way, every ended visit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub patient: Patient,
    pub chart: Chart,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub app: String,
    pub kind: String,
    pub format: u32,
    pub exported_at: Millis,
    pub patients: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinic: Option<Clinic>,
}

/// A sealed backup's salt, IV and ciphertext.
pub type Parts = (Vec<u8>, Vec<u8>, Vec<u8>);

/// A backup sealed with a passphrase: the backup's JSON text, encrypted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub app: String,
    pub kind: String,
    pub format: u32,
    /// "PBKDF2-SHA-256"
    pub kdf: String,
    pub iterations: u32,
    /// Base64 of the random salt (16 bytes), the IV (12 bytes) and the ciphertext.
    pub salt: String,
    pub iv: String,
    pub data: String,
}

impl Sealed {
    pub fn new(salt: &[u8], iv: &[u8], data: &[u8]) -> Sealed {
        Sealed {
            app: records::APP.into(),
            kind: SEALED_KIND.into(),
            format: BACKUP_FORMAT,
            kdf: "PBKDF2-SHA-256".into(),
            iterations: ITERATIONS,
            salt: base64(salt),
            iv: base64(iv),
            data: base64(data),
        }
    }

    /// Salt, IV and ciphertext, or why the envelope is damaged.
    pub fn parts(&self) -> Result<Parts, ImportError> {
        let bad = || ImportError::Damaged("its encrypted part is damaged".into());
        if self.kdf != "PBKDF2-SHA-256" || !(100_000..=10_000_000).contains(&self.iterations) {
            return Err(bad());
        }
        let (salt, iv, data) = (
            unbase64(&self.salt).ok_or_else(bad)?,
            unbase64(&self.iv).ok_or_else(bad)?,
            unbase64(&self.data).ok_or_else(bad)?,
        );
        if salt.len() < 16 || iv.len() != 12 || data.len() < 16 {
            return Err(bad());
        }
        Ok((salt, iv, data))
    }
}

/// How hard a passphrase is to guess, in a word for the hint under the field.
pub fn strength(passphrase: &str) -> &'static str {
    let n = passphrase.chars().count();
    let kinds = [
        passphrase.chars().any(|c| c.is_lowercase()),
        passphrase.chars().any(|c| c.is_uppercase()),
        passphrase.chars().any(|c| c.is_ascii_digit()),
        passphrase.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|&k| k)
    .count();
    let words = passphrase.split_whitespace().count();
    if n < PASSPHRASE_MIN {
        "too short"
    } else if n >= 20 || (n >= 14 && (kinds >= 3 || words >= 3)) {
        "strong"
    } else if n >= 12 && kinds >= 2 {
        "fair"
    } else {
        "weak"
    }
}

/// The backup file's text for these patients.
pub fn backup_json(patients: Vec<Entry>, clinic: Option<Clinic>, now: Millis) -> String {
    serde_json::to_string(&Backup {
        app: records::APP.into(),
        kind: KIND.into(),
        format: BACKUP_FORMAT,
        exported_at: now,
        patients,
        clinic: clinic.filter(|c| *c != Clinic::default()),
    })
    .unwrap_or_default()
}

/// Why a file was not taken back. Each says so in plain words; nothing was changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge(f64),
    /// Cut short, or not JSON at all.
    Truncated,
    /// JSON, but not Myomap's.
    NotMyomap,
    /// A Myomap export of one patient or one visit, not a backup.
    Export(String),
    Newer(u32),
    WrongPassphrase,
    /// The same patient, visit or point twice in the file.
    Duplicate(String),
    /// The file and this device disagree about the same record.
    Conflict(String),
    Damaged(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge(bytes) => write!(
                f,
                "This file is {:.0} MB: a Myomap backup is never larger than 100 MB, so it is not one.",
                bytes / 1_048_576.0
            ),
            ImportError::Truncated => write!(
                f,
                "This file is not a complete Myomap backup: it is cut short or damaged (perhaps while it was copied)."
            ),
            ImportError::NotMyomap => write!(f, "This file is not a Myomap backup."),
            ImportError::Export(kind) => write!(
                f,
                "This file is a Myomap export of one {kind} (for reading elsewhere), not a backup. Use a file made with “Export backup”."
            ),
            ImportError::Newer(v) => write!(
                f,
                "This backup was made by a newer Myomap (backup format {v}; this one reads up to {BACKUP_FORMAT}). Update Myomap, then import it."
            ),
            ImportError::WrongPassphrase => write!(
                f,
                "The passphrase does not open this backup. Check it and try again."
            ),
            ImportError::Duplicate(what) => write!(f, "This backup holds {what} twice, so it cannot be trusted."),
            ImportError::Conflict(what) => write!(f, "This backup and this device disagree: {what}."),
            ImportError::Damaged(what) => write!(f, "This backup is damaged: {what}."),
        }?;
        write!(f, " Nothing on this device was changed.")
    }
}

/// A file as read: a backup, or a sealed one that needs its passphrase.
#[derive(Debug)]
pub enum Opened {
    Plain(Backup),
    Sealed(Sealed),
}

/// Reads a file's text: what it is, or why it is not a backup this Myomap can take.
pub fn open(text: &str) -> Result<Opened, ImportError> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) if e.is_eof() || text.trim_start().starts_with('{') => {
            return Err(ImportError::Truncated)
        }
        Err(_) => return Err(ImportError::NotMyomap),
    };
    if value.get("app").and_then(|a| a.as_str()) != Some(records::APP) {
        return Err(ImportError::NotMyomap);
    }
    let kind = value
        .get("kind")
        .and_then(|k| k.as_str())
        .unwrap_or_default();
    if kind == "patient" || kind == "visit" {
        return Err(ImportError::Export(kind.into()));
    }
    if kind != KIND && kind != SEALED_KIND {
        return Err(ImportError::NotMyomap);
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(v) if v > u64::from(BACKUP_FORMAT) => {
            return Err(ImportError::Newer(v.min(u64::from(u32::MAX)) as u32))
        }
        Some(_) => {}
        None => return Err(ImportError::Damaged("it has no format".into())),
    }
    if kind == SEALED_KIND {
        let s: Sealed =
            serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
        s.parts()?;
        return Ok(Opened::Sealed(s));
    }
    let b: Backup =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    validate(&b)?;
    Ok(Opened::Plain(b))
}

/// A sealed backup's text once decrypted: it must be a plain backup itself.
pub fn open_unsealed(text: &str) -> Result<Backup, ImportError> {
    match open(text)? {
        Opened::Plain(b) => Ok(b),
        Opened::Sealed(_) => Err(ImportError::Damaged("it is sealed twice".into())),
    }
}

fn who(p: &Patient) -> String {
    format!("{} (id {})", p.name.trim(), p.id)
}

/// Every record of the file reads back as it is, with no duplicate.
pub fn validate(b: &Backup) -> Result<(), ImportError> {
    let mut ids: Vec<PatientId> = Vec::new();
    for e in &b.patients {
        let p = &e.patient;
        if ids.contains(&p.id) {
            return Err(ImportError::Duplicate(format!("the patient {}", who(p))));
        }
        ids.push(p.id);
        let name = p.name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err(ImportError::Damaged(format!(
                "patient id {} has no valid name",
                p.id
            )));
        }
        let mut starts: Vec<Millis> = Vec::new();
        for v in &e.chart.visits {
            if starts.contains(&v.started_at)
                || e.chart
                    .visit
                    .as_ref()
                    .is_some_and(|o| o.started_at == v.started_at)
            {
                return Err(ImportError::Duplicate(format!(
                    "a visit of {} ({})",
                    who(p),
                    super::day(v.started_at, 0)
                )));
            }
            starts.push(v.started_at);
        }
        let mut points: Vec<u32> = Vec::new();
        for t in &e.chart.trps {
            if points.contains(&t.id) {
                return Err(ImportError::Duplicate(format!(
                    "trigger point {} of {}",
                    t.id,
                    who(p)
                )));
            }
            points.push(t.id);
        }
        // Written as this device would write it and read back: the same checks as every load.
        let written: Vec<(String, String)> = records::ops_for_all(p, &e.chart)
            .into_iter()
            .filter_map(|op| match op {
                Op::Put(k, v) => Some((k, v)),
                _ => None,
            })
            .collect();
        let back = records::assemble(p.id, &written);
        if let Some(why) = back.notice() {
            return Err(ImportError::Damaged(format!(
                "the record of {}: {why}",
                who(p)
            )));
        }
        if back.chart.visits.len() != e.chart.visits.len() {
            return Err(ImportError::Damaged(format!(
                "a visit of {} has no end",
                who(p)
            )));
        }
    }
    Ok(())
}

/// What a merge writes and what it adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    pub ops: Vec<Op>,
    pub added_patients: usize,
    pub added_visits: usize,
    /// Ended visits here that came back with amendments added since.
    pub amended_visits: usize,
    /// Patients whose chart under way was taken from the file (used there last).
    pub newer_charts: usize,
    pub unchanged_patients: usize,
}

impl Merge {
    /// One sentence for the therapist.
    pub fn summary(&self) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        if self.ops.is_empty() {
            return "Everything in this backup is already on this device: nothing was added."
                .into();
        }
        let mut parts = vec![
            n(self.added_patients, "patient", "patients"),
            n(self.added_visits, "visit", "visits"),
        ];
        if self.amended_visits > 0 {
            parts.push(n(self.amended_visits, "amended visit", "amended visits"));
        }
        let mut s = format!("Added {}.", join_and(&parts));
        if self.newer_charts > 0 {
            s.push_str(&format!(
                " Took the chart under way of {} from the backup, where it was used more recently.",
                n(self.newer_charts, "patient", "patients")
            ));
        }
        if self.unchanged_patients > 0 {
            s.push_str(&format!(
                " {} already up to date.",
                n(self.unchanged_patients, "patient was", "patients were")
            ));
        }
        s
    }
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The last moment a chart was used: its latest visit start, open visit, or point marked.
fn last_used(c: &Chart) -> Millis {
    c.visits
        .iter()
        .chain(c.visit.as_ref())
        .map(|v| v.started_at.max(v.ended_at.unwrap_or(0)))
        .chain(c.trps.iter().map(|t| t.marked_at))
        .chain(c.timers.iter().map(|t| t.ended_at.unwrap_or(t.started_at)))
        .max()
        .unwrap_or(0)
}

/// `later` is `earlier` with amendments added (ended visits change in no other way).
fn amended_from(earlier: &Visit, later: &Visit) -> bool {
    later.amendments.len() > earlier.amendments.len()
        && later.amendments.starts_with(&earlier.amendments)
        && Visit {
            amendments: earlier.amendments.clone(),
            ..later.clone()
        } == *earlier
}

/// Merges a checked backup into this device's patients (each with its whole chart).
pub fn merge(device: &[(Patient, Chart)], incoming: &Backup) -> Result<Merge, ImportError> {
    let mut m = Merge::default();
    for e in &incoming.patients {
        let (p, c) = (&e.patient, &e.chart);
        let Some((dp, dc)) = device.iter().find(|(d, _)| d.id == p.id) else {
            m.ops.extend(records::ops_for_all(p, c));
            m.added_patients += 1;
            m.added_visits += c.visits.len();
            continue;
        };
        if dp.created != p.created {
            return Err(ImportError::Conflict(format!(
                "the backup's patient {} and this device's {} share an id but are not the same patient",
                who(p),
                who(dp)
            )));
        }
        let before = m.ops.len();
        for v in &c.visits {
            if dc
                .visit
                .as_ref()
                .is_some_and(|o| o.started_at == v.started_at)
            {
                // Under way here, ended there: the visit here goes on and is kept.
                continue;
            }
            match dc.past_visit(v.started_at) {
                None => {
                    m.ops.push(Op::Put(
                        records::visit_key(p.id, v.started_at),
                        serde_json::to_string(v).unwrap_or_default(),
                    ));
                    m.added_visits += 1;
                }
                Some(d) if d == v || amended_from(v, d) => {}
                Some(d) if amended_from(d, v) => {
                    m.ops.push(Op::Put(
                        records::visit_key(p.id, v.started_at),
                        serde_json::to_string(v).unwrap_or_default(),
                    ));
                    m.amended_visits += 1;
                }
                Some(_) => {
                    return Err(ImportError::Conflict(format!(
                        "the visit of {} on {} differs between them",
                        who(p),
                        super::day(v.started_at, 0)
                    )))
                }
            }
        }
        // The chart under way and the patient's details: from whichever side was used last,
        // unless a visit is under way here (it is in use now).
        if dc.visit.is_none() && last_used(c) > last_used(dc) {
            let mut chart = c.clone();
            chart.visits.clear();
            m.ops.push(records::put_patient(&Patient {
                last_visit: p.last_visit.max(dp.last_visit),
                ..p.clone()
            }));
            m.ops
                .push(Op::DeletePrefix(format!("{}pt/", records::prefix(p.id))));
            m.ops
                .extend(records::ops_for_all(p, &chart).into_iter().filter(|op| {
                    op.key() != records::patient_key(p.id) && !matches!(op, Op::DeletePrefix(_))
                }));
            m.newer_charts += 1;
        }
        if m.ops.len() == before {
            m.unchanged_patients += 1;
        }
    }
    Ok(m)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::{MapPoint, TriggerPoint};
    use crate::clinic::visit::Amendment;

    const DAY: Millis = 86_400_000;

    fn patient(id: PatientId, name: &str) -> Patient {
        Patient {
            id,
            name: name.into(),
            dob: None,
            record_no: None,
            note: String::new(),
            created: 1_000,
            archived: false,
            last_visit: None,
        }
    }

    fn point(id: u32, marked: Millis) -> TriggerPoint {
        TriggerPoint {
            id,
            muscle: "infraspinatus".into(),
            side: Side::Right,
            at: MapPoint {
                view: View::Posterior,
                x: 62.0,
                y: 192.0,
            },
            marked_at: marked,
            findings: Default::default(),
        }
    }

    fn visit(start: Millis) -> Visit {
        Visit {
            started_at: start,
            ended_at: Some(start + 1_800_000),
            points: vec![point(1, 0)],
            notes: format!("visit {start}"),
            ..Visit::default()
        }
    }

    fn chart(visits: Vec<Visit>, points: Vec<TriggerPoint>) -> Chart {
        let mut c = Chart {
            trps: points,
            visits,
            ..Chart::default()
        };
        c.renumber();
        c
    }

    fn file(entries: Vec<(Patient, Chart)>) -> Backup {
        let text = backup_json(
            entries
                .into_iter()
                .map(|(patient, chart)| Entry { patient, chart })
                .collect(),
            Some(Clinic {
                name: "Riverside".into(),
                ..Clinic::default()
            }),
            5 * DAY,
        );
        match open(&text).expect("a good backup") {
            Opened::Plain(b) => b,
            Opened::Sealed(_) => panic!("plain"),
        }
    }

    #[test]
    fn a_backup_reads_back_equal() {
        let b = file(vec![
            (
                patient(1, "Ana"),
                chart(vec![visit(DAY), visit(2 * DAY)], vec![point(1, 0)]),
            ),
            (patient(2, "Ben"), chart(vec![], vec![])),
        ]);
        assert_eq!(b.patients.len(), 2);
        assert_eq!(b.patients[0].chart.visits, vec![visit(DAY), visit(2 * DAY)]);
        assert_eq!(
            b.clinic.as_ref().map(|c| c.name.as_str()),
            Some("Riverside")
        );
    }

    #[test]
    fn bad_files_are_refused_with_their_reason() {
        let good = backup_json(
            vec![Entry {
                patient: patient(1, "Ana"),
                chart: chart(vec![visit(DAY)], vec![]),
            }],
            None,
            0,
        );
        assert_eq!(
            open(&good[..good.len() / 2]).unwrap_err(),
            ImportError::Truncated
        );
        assert_eq!(open("hello").unwrap_err(), ImportError::NotMyomap);
        assert_eq!(
            open(r#"{"name":"another app","items":[]}"#).unwrap_err(),
            ImportError::NotMyomap
        );
        assert_eq!(
            open(r#"{"app":"myomap","kind":"patient","format":1}"#).unwrap_err(),
            ImportError::Export("patient".into())
        );
        let newer = good.replace("\"format\":1", "\"format\":2");
        assert_eq!(open(&newer).unwrap_err(), ImportError::Newer(2));
        // The same patient twice; the same visit twice.
        let twice = backup_json(
            vec![
                Entry {
                    patient: patient(1, "Ana"),
                    chart: chart(vec![], vec![]),
                },
                Entry {
                    patient: patient(1, "Ana"),
                    chart: chart(vec![], vec![]),
                },
            ],
            None,
            0,
        );
        assert!(
            matches!(open(&twice).unwrap_err(), ImportError::Duplicate(w) if w.contains("Ana (id 1)"))
        );
        let same_visit = backup_json(
            vec![Entry {
                patient: patient(1, "Ana"),
                chart: chart(vec![visit(DAY), visit(DAY)], vec![]),
            }],
            None,
            0,
        );
        assert!(matches!(
            open(&same_visit).unwrap_err(),
            ImportError::Duplicate(_)
        ));
        // A point on a muscle the atlas does not have reads as damaged.
        let mut odd = chart(vec![], vec![point(1, 0)]);
        odd.trps[0].muscle = "no_such_muscle".into();
        let damaged = backup_json(
            vec![Entry {
                patient: patient(1, "Ana"),
                chart: odd,
            }],
            None,
            0,
        );
        assert!(matches!(
            open(&damaged).unwrap_err(),
            ImportError::Damaged(_)
        ));
        // Every message ends by saying nothing was changed.
        for e in [
            ImportError::Truncated,
            ImportError::WrongPassphrase,
            ImportError::TooLarge(2e8),
        ] {
            assert!(e
                .to_string()
                .ends_with("Nothing on this device was changed."));
        }
    }

    #[test]
    fn a_new_patient_is_added_whole() {
        let b = file(vec![(
            patient(9, "Cleo"),
            chart(vec![visit(DAY)], vec![point(1, 0)]),
        )]);
        let m = merge(&[(patient(1, "Ana"), chart(vec![], vec![]))], &b).unwrap();
        assert_eq!((m.added_patients, m.added_visits), (1, 1));
        assert!(m.ops.iter().any(|op| op.key() == "patients/9"));
        assert!(m
            .ops
            .iter()
            .any(|op| op.key() == records::visit_key(9, DAY)));
        assert_eq!(m.summary(), "Added 1 patient and 1 visit.");
    }

    #[test]
    fn a_patient_here_keeps_both_sets_of_visits_and_nothing_older_wins() {
        let mut amended = visit(DAY);
        amended.amendments.push(Amendment {
            at: 3 * DAY,
            what: "depth".into(),
            why: "checked".into(),
        });
        // This device: visits 1 (amended since) and 3, points used on day 3.
        let here = (
            patient(1, "Ana"),
            chart(
                vec![amended.clone(), visit(3 * DAY)],
                vec![point(1, 3 * DAY)],
            ),
        );
        // The file: visits 1 (before the amendment) and 2, its chart older.
        let b = file(vec![(
            patient(1, "Ana"),
            chart(
                vec![visit(DAY), visit(2 * DAY)],
                vec![point(1, 0), point(2, 0)],
            ),
        )]);
        let m = merge(std::slice::from_ref(&here), &b).unwrap();
        assert_eq!(m.added_visits, 1);
        assert_eq!(
            m.amended_visits, 0,
            "the amended visit here is newer than the file's"
        );
        assert_eq!(m.newer_charts, 0, "the chart here was used later");
        assert_eq!(
            m.ops.iter().map(Op::key).collect::<Vec<_>>(),
            vec![records::visit_key(1, 2 * DAY)]
        );
        // The other way round: the file's visit carries the amendment and its chart is newer.
        let here = (
            patient(1, "Ana"),
            chart(vec![visit(DAY)], vec![point(1, 0)]),
        );
        let b = file(vec![(
            patient(1, "Ana"),
            chart(vec![amended], vec![point(1, 0), point(2, 4 * DAY)]),
        )]);
        let m = merge(&[here], &b).unwrap();
        assert_eq!((m.amended_visits, m.newer_charts), (1, 1));
        assert!(m.ops.iter().any(|op| op.key() == records::point_key(1, 2)));
        assert_eq!(
            m.summary(),
            "Added 0 patients, 0 visits and 1 amended visit. Took the chart under way of 1 patient from the backup, where it was used more recently."
        );
    }

    #[test]
    fn conflicting_records_change_nothing() {
        let here = (patient(1, "Ana"), chart(vec![visit(DAY)], vec![]));
        let mut other = visit(DAY);
        other.notes = "something else".into();
        let b = file(vec![(patient(1, "Ana"), chart(vec![other], vec![]))]);
        assert!(matches!(
            merge(std::slice::from_ref(&here), &b),
            Err(ImportError::Conflict(_))
        ));
        // Same id, another patient.
        let mut stranger = patient(1, "Zoe");
        stranger.created = 99;
        let b = file(vec![(stranger, chart(vec![], vec![]))]);
        assert!(matches!(
            merge(std::slice::from_ref(&here), &b),
            Err(ImportError::Conflict(_))
        ));
        // The same file twice: nothing to add.
        let b = file(vec![here.clone()]);
        let m = merge(&[here], &b).unwrap();
        assert!(m.ops.is_empty());
        assert_eq!(m.unchanged_patients, 1);
    }

    #[test]
    fn passphrase_strength_grows_with_length_and_variety() {
        assert_eq!(strength("abc"), "too short");
        assert_eq!(strength("password"), "weak");
        assert_eq!(strength("Password1234"), "fair");
        assert_eq!(strength("river stone lamp"), "strong");
        assert_eq!(strength("correct horse battery staple"), "strong");
    }

    #[test]
    fn base64_round_trips() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\x00\xff\x10\x80"] {
            assert_eq!(unbase64(&base64(bytes)).unwrap(), bytes);
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert!(unbase64("Zm9v!").is_none());
    }

    #[test]
    fn a_sealed_envelope_checks_its_parts() {
        let s = Sealed::new(&[1; 16], &[2; 12], &[3; 40]);
        assert!(s.parts().is_ok());
        let text = serde_json::to_string(&s).unwrap();
        assert!(matches!(open(&text).unwrap(), Opened::Sealed(_)));
        let short_iv = Sealed::new(&[1; 16], &[2; 8], &[3; 40]);
        assert!(short_iv.parts().is_err());
    }
}
