//! Patients: who a chart belongs to. A clinic sees many, most of them weekly, so the list is
//! searched by name or the clinic's own record number and ordered by the latest visit.

use serde::{Deserialize, Serialize};

use super::timer::Millis;

/// Longest display name kept (characters).
pub const NAME_MAX: usize = 120;
/// Longest record number and note kept (characters).
pub const RECORD_NO_MAX: usize = 40;
pub const NOTE_MAX: usize = 10_000;

/// A patient id: unique on this device and across devices in practice (creation time in
/// milliseconds times 1000, plus a random part), so that backups from two tablets can merge.
pub type PatientId = u64;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Patient {
    pub id: PatientId,
    pub name: String,
    /// Date of birth as written in a date field (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    /// The clinic's own patient id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_no: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub created: Millis,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    /// Start of the latest visit, for ordering the list (most recent first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_visit: Option<Millis>,
}

/// What the "New patient" form (or a rename) hands over, before it is checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PatientForm {
    pub name: String,
    pub dob: String,
    pub record_no: String,
}

impl PatientForm {
    /// Checks the form; the error is a sentence for the therapist.
    pub fn validate(&self) -> Result<(String, Option<String>, Option<String>), String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("A patient needs a name.".into());
        }
        if name.chars().count() > NAME_MAX {
            return Err(format!("A name can be at most {NAME_MAX} characters long."));
        }
        let dob = self.dob.trim();
        let dob = if dob.is_empty() {
            None
        } else if valid_date(dob) {
            Some(dob.to_string())
        } else {
            return Err("The date of birth is not a valid date (YYYY-MM-DD).".into());
        };
        let rn = self.record_no.trim();
        if rn.chars().count() > RECORD_NO_MAX {
            return Err(format!(
                "A record number can be at most {RECORD_NO_MAX} characters long."
            ));
        }
        let rn = (!rn.is_empty()).then(|| rn.to_string());
        Ok((name.to_string(), dob, rn))
    }
}

/// YYYY-MM-DD with a real month and day (years 1900-2100).
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

impl Patient {
    pub fn new(id: PatientId, form: &PatientForm, now: Millis) -> Result<Patient, String> {
        let (name, dob, record_no) = form.validate()?;
        Ok(Patient {
            id,
            name,
            dob,
            record_no,
            note: String::new(),
            created: now,
            archived: false,
            last_visit: None,
        })
    }

    /// Applies an edited form (rename, date of birth, record number).
    pub fn edit(&mut self, form: &PatientForm) -> Result<(), String> {
        let (name, dob, record_no) = form.validate()?;
        self.name = name;
        self.dob = dob;
        self.record_no = record_no;
        Ok(())
    }

    /// Age in whole years on `today` (YYYY-MM-DD), when the date of birth is known.
    pub fn age_on(&self, today: &str) -> Option<u32> {
        let dob = self.dob.as_deref()?;
        let ymd = |s: &str| -> Option<(u32, u32, u32)> {
            Some((
                s.get(0..4)?.parse().ok()?,
                s.get(5..7)?.parse().ok()?,
                s.get(8..10)?.parse().ok()?,
            ))
        };
        let (by, bm, bd) = ymd(dob)?;
        let (ty, tm, td) = ymd(today)?;
        let years = ty.checked_sub(by)?;
        Some(if (tm, td) < (bm, bd) {
            years.checked_sub(1)?
        } else {
            years
        })
    }

    /// Does the patient match what was typed into the search (name words or record number)?
    pub fn matches(&self, query: &str) -> bool {
        let q = crate::text::fold(query.trim());
        if q.is_empty() {
            return true;
        }
        let name = crate::text::fold(&self.name);
        let in_name = q.split_whitespace().all(|w| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|n| n.starts_with(w))
                || name.contains(w)
        });
        in_name
            || self
                .record_no
                .as_deref()
                .is_some_and(|r| crate::text::fold(r).contains(&q))
    }
}

/// Orders patients for the list: most recent visit (or creation) first. Thousands of
/// patients: an O(n log n) sort on a key that allocates nothing.
pub fn sort_for_list(list: &mut [&Patient]) {
    list.sort_unstable_by_key(|p| {
        (
            std::cmp::Reverse(p.last_visit.unwrap_or(p.created).max(p.created)),
            p.id,
        )
    });
}

/// The list as shown: matching the search, archived ones only when asked for.
pub fn listed<'a>(all: &'a [Patient], query: &str, archived: bool) -> Vec<&'a Patient> {
    let mut out: Vec<&Patient> = all
        .iter()
        .filter(|p| p.archived == archived && p.matches(query))
        .collect();
    sort_for_list(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str) -> PatientForm {
        PatientForm {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_name_is_required_trimmed_and_bounded() {
        assert!(Patient::new(1, &form("   "), 0).is_err());
        assert!(Patient::new(1, &form(""), 0).is_err());
        let p = Patient::new(1, &form("  Ana Ruiz  "), 0).unwrap();
        assert_eq!(p.name, "Ana Ruiz");
        assert!(Patient::new(1, &form(&"x".repeat(120)), 0).is_ok());
        let long = Patient::new(1, &form(&"x".repeat(10_000)), 0).unwrap_err();
        assert!(long.contains("120"), "{long}");
        // Characters, not bytes: 120 accented letters are fine.
        assert!(Patient::new(1, &form(&"é".repeat(120)), 0).is_ok());
    }

    #[test]
    fn dates_of_birth_are_real_dates_and_give_an_age() {
        assert!(valid_date("1980-02-29"));
        assert!(!valid_date("1981-02-29"));
        assert!(!valid_date("1980-13-01"));
        assert!(!valid_date("80-01-01"));
        let mut f = form("Ana");
        f.dob = "1980-06-15".into();
        let p = Patient::new(1, &f, 0).unwrap();
        assert_eq!(p.age_on("2026-06-14"), Some(45));
        assert_eq!(p.age_on("2026-06-15"), Some(46));
        f.dob = "15/06/1980".into();
        assert!(Patient::new(1, &f, 0).is_err());
    }

    #[test]
    fn search_by_name_start_or_record_number() {
        let mut f = form("María José Ruiz");
        f.record_no = "MRN-0042".into();
        let p = Patient::new(1, &f, 0).unwrap();
        for q in ["ruiz", "mar", "maría ru", "0042", "mrn", ""] {
            assert!(p.matches(q), "{q}");
        }
        for q in ["lopez", "0043"] {
            assert!(!p.matches(q), "{q}");
        }
    }

    #[test]
    fn the_list_puts_the_latest_visit_first_and_hides_archived() {
        let mk = |id, name: &str, created, last| Patient {
            last_visit: last,
            ..Patient::new(id, &form(name), created).unwrap()
        };
        let mut all = vec![
            mk(1, "Old", 10, Some(100)),
            mk(2, "Recent", 20, Some(500)),
            mk(3, "New, no visit", 300, None),
            mk(4, "Archived", 5, Some(900)),
        ];
        all[3].archived = true;
        let ids: Vec<u64> = listed(&all, "", false).iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![2, 3, 1]);
        let ids: Vec<u64> = listed(&all, "", true).iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![4]);
    }
}
