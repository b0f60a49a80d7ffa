//! What a clinician records about one trigger point (international consensus criteria, pain
//! scores and the needle used).

use serde::{Deserialize, Serialize};

/// Active: pressing it reproduces the patient's own, recognised complaint. Latent: tender,
/// but not the patient's complaint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Latent,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::Latent => "Latent",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Technique {
    Static,
    /// Pistoning, "fast-in fast-out".
    Pistoning,
}

// Unset values are left out of the saved form: a chart of hundreds of points stays small, so
// saving it on every change stays fast.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Needle {
    /// Diameter in millimetres (commonly 0.25-0.30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gauge_mm: Option<f32>,
    /// Length in millimetres (commonly 13-100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length_mm: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth_mm: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<Technique>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn is_active(s: &Status) -> bool {
    *s == Status::Active
}

fn is_unset(n: &Needle) -> bool {
    *n == Needle::default()
}

/// Longest note kept on a point (characters); the field stops input there.
pub const NOTE_MAX: usize = 10_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Findings {
    #[serde(skip_serializing_if = "is_active")]
    pub status: Status,
    /// The patient recognises the pain as their own.
    #[serde(skip_serializing_if = "is_false")]
    pub recognised: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub taut_band: bool,
    /// Local twitch responses seen (0 = none).
    #[serde(skip_serializing_if = "is_zero")]
    pub twitches: u8,
    #[serde(skip_serializing_if = "is_false")]
    pub jump_sign: bool,
    /// Pain 0-10 before and after treatment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nrs_before: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nrs_after: Option<u8>,
    /// Pressure-pain threshold, kg/cm2 (algometer), when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ppt: Option<f32>,
    #[serde(skip_serializing_if = "is_unset")]
    pub needle: Needle,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The part of a record an edit touched, so that typing into one field is one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Status,
    Recognised,
    TautBand,
    Twitches,
    JumpSign,
    NrsBefore,
    NrsAfter,
    Ppt,
    Needle,
    Note,
}

impl Findings {
    /// Checks values a form could get wrong; the message is for the therapist.
    pub fn validate(&self) -> Result<(), String> {
        for (what, v) in [("before", self.nrs_before), ("after", self.nrs_after)] {
            if v.is_some_and(|v| v > 10) {
                return Err(format!("pain {what} must be between 0 and 10"));
            }
        }
        if self
            .ppt
            .is_some_and(|p| !(p.is_finite() && p > 0.0 && p < 20.0))
        {
            return Err("pressure-pain threshold must be between 0 and 20 kg/cm²".into());
        }
        if self
            .needle
            .gauge_mm
            .is_some_and(|g| !(g.is_finite() && g > 0.0 && g < 1.0))
        {
            return Err("needle gauge must be a diameter under 1 mm".into());
        }
        for (what, v) in [
            ("length", self.needle.length_mm),
            ("depth", self.needle.depth_mm),
        ] {
            if v.is_some_and(|v| !(1..=150).contains(&v)) {
                return Err(format!("needle {what} must be 1 to 150 mm"));
            }
        }
        if self.note.chars().count() > NOTE_MAX {
            return Err(format!(
                "the note is too long ({NOTE_MAX} characters at most)"
            ));
        }
        Ok(())
    }

    /// The one rule for stored values out of range (a hand-edited or damaged record, "NRS 99"):
    /// each such value is left blank rather than guessed, and its name is returned so the
    /// therapist can be told. A note over the limit is kept whole: text is never cut.
    pub fn sanitize(&mut self) -> Vec<&'static str> {
        let mut blanked = Vec::new();
        let mut check = |ok: bool, name: &'static str| {
            if !ok {
                blanked.push(name);
            }
            ok
        };
        if !check(self.nrs_before.is_none_or(|v| v <= 10), "pain before") {
            self.nrs_before = None;
        }
        if !check(self.nrs_after.is_none_or(|v| v <= 10), "pain after") {
            self.nrs_after = None;
        }
        if !check(self.twitches <= 20, "twitch responses") {
            self.twitches = 0;
        }
        if !check(
            self.ppt
                .is_none_or(|p| p.is_finite() && p > 0.0 && p < 20.0),
            "pressure-pain threshold",
        ) {
            self.ppt = None;
        }
        if !check(
            self.needle
                .gauge_mm
                .is_none_or(|g| g.is_finite() && g > 0.0 && g < 1.0),
            "needle gauge",
        ) {
            self.needle.gauge_mm = None;
        }
        if !check(
            self.needle.length_mm.is_none_or(|l| (1..=150).contains(&l)),
            "needle length",
        ) {
            self.needle.length_mm = None;
        }
        if !check(
            self.needle.depth_mm.is_none_or(|d| (1..=150).contains(&d)),
            "needle depth",
        ) {
            self.needle.depth_mm = None;
        }
        blanked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_an_active_point_with_nothing_recorded() {
        let f = Findings::default();
        assert_eq!(f.status, Status::Active);
        assert_eq!(f.nrs_before, None);
        assert!(f.validate().is_ok());
    }

    #[test]
    fn validation_catches_out_of_range_values() {
        let f = Findings {
            nrs_after: Some(11),
            ..Default::default()
        };
        assert!(f.validate().unwrap_err().contains("0 and 10"));
        let f = Findings {
            ppt: Some(-1.0),
            ..Default::default()
        };
        assert!(f.validate().is_err());
        let f = Findings {
            needle: Needle {
                gauge_mm: Some(3.0),
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(f.validate().is_err());
    }

    #[test]
    fn unset_values_are_not_written_and_read_back_the_same() {
        assert_eq!(serde_json::to_string(&Findings::default()).unwrap(), "{}");
        let f = Findings {
            status: Status::Latent,
            twitches: 2,
            nrs_after: Some(3),
            needle: Needle {
                length_mm: Some(40),
                ..Default::default()
            },
            note: "taut".into(),
            ..Default::default()
        };
        let raw = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<Findings>(&raw).unwrap(), f);
    }

    #[test]
    fn out_of_range_stored_values_are_blanked_by_one_rule_and_named() {
        let mut f: Findings = serde_json::from_str(
            r#"{"nrs_before":99,"nrs_after":2,"ppt":-3,"needle":{"gauge_mm":0.25,"length_mm":900},"note":"kept"}"#,
        )
        .unwrap();
        let blanked = f.sanitize();
        assert_eq!(
            blanked,
            vec!["pain before", "pressure-pain threshold", "needle length"]
        );
        assert_eq!(f.nrs_before, None);
        assert_eq!(f.nrs_after, Some(2));
        assert_eq!(f.needle.gauge_mm, Some(0.25));
        assert_eq!(f.note, "kept");
        assert!(f.validate().is_ok());
        assert!(f.sanitize().is_empty(), "a clean record is left as it is");
    }

    #[test]
    fn a_note_of_ten_thousand_characters_is_kept_and_one_more_refused() {
        let mut f = Findings {
            note: "é".repeat(NOTE_MAX),
            ..Default::default()
        };
        assert!(f.validate().is_ok());
        f.note.push('x');
        assert!(f.validate().unwrap_err().contains("10000"));
    }

    #[test]
    fn old_records_without_findings_read_as_defaults() {
        let f: Findings = serde_json::from_str("{}").unwrap();
        assert_eq!(f, Findings::default());
        let f: Findings = serde_json::from_str(r#"{"status":"latent","nrs_before":7}"#).unwrap();
        assert_eq!(f.status, Status::Latent);
        assert_eq!(f.nrs_before, Some(7));
    }
}
