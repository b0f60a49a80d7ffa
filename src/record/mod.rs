//! The record as documents: the visit report, the take-home sheet for the patient, and the
//! plots of progress across visits. Each is HTML (and SVG) text built from the chart alone, so
//! it is tested natively; the browser module that shows, prints and saves them is `out`, loaded
//! on demand (src/bin/records.rs).

pub mod backup;
pub mod lock;
pub mod plot;
pub mod report;
pub mod sheet;

use serde::{Deserialize, Serialize};

use crate::anatomy::model::View;
use crate::clinic::chart::Chart;
use crate::clinic::patient::Patient;
use crate::clinic::timer::Millis;
use crate::clinic::visit::Visit;

/// The clinic's details, a setting of this device: printed on the report and on the
/// patient's take-home sheet. Kept in the browser database under this key.
pub const CLINIC_KEY: &str = "clinic";
/// Longest clinic name, phone or therapist name kept (characters).
pub const CLINIC_FIELD_MAX: usize = 120;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clinic {
    pub name: String,
    pub phone: String,
    /// The therapist who signs the reports made on this device.
    pub therapist: String,
}

impl Clinic {
    /// Trimmed, and each field cut to its longest.
    pub fn tidy(self) -> Clinic {
        let cut = |s: String| s.trim().chars().take(CLINIC_FIELD_MAX).collect::<String>();
        Clinic {
            name: cut(self.name),
            phone: cut(self.phone),
            therapist: cut(self.therapist),
        }
    }

    /// Reads the saved details; anything unreadable reads as not set.
    pub fn read(raw: Option<&str>) -> Clinic {
        raw.and_then(|r| serde_json::from_str::<Clinic>(r).ok())
            .unwrap_or_default()
            .tidy()
    }
}

/// What the page hands over for a document: the patient, their whole chart, which visit
/// (a past one by its start; none: today's), the patient's language for their sheet, the
/// moment and the device's time zone (minutes east of UTC).
#[derive(Clone, Debug, Deserialize)]
pub struct Input {
    pub patient: Patient,
    pub chart: Chart,
    #[serde(default)]
    pub visit: Option<Millis>,
    #[serde(default)]
    pub lang: String,
    pub now: Millis,
    #[serde(default)]
    pub offset: i64,
}

impl Input {
    /// The visit a document is about: a past one by its start; else the visit under way;
    /// else the latest ended one.
    pub fn chosen(&self) -> Option<Visit> {
        match self.visit {
            Some(id) => self.chart.past_visit(id).cloned(),
            None => self.today().or_else(|| self.chart.visits.last().cloned()),
        }
    }

    /// The visit under way, with the chart's points, needles and drawing as they are now.
    fn today(&self) -> Option<Visit> {
        let v = self.chart.visit.as_ref()?;
        Some(Visit {
            points: self.chart.trps.clone(),
            timers: self.chart.timers.clone(),
            pain: self.chart.pain.clone(),
            ..v.clone()
        })
    }

    /// Ended visits and the one under way (as `chosen` gives it), oldest first.
    pub fn all_visits(&self) -> Vec<Visit> {
        let mut all = self.chart.visits.clone();
        all.extend(self.today());
        all
    }
}

/// One figure of the map as drawn on screen: its view box and its drawing (SVG text).
#[derive(Clone, Debug)]
pub struct Figure {
    pub view: View,
    pub view_box: String,
    pub body: String,
}

/// Text made safe to place in HTML (and in an attribute).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "12 Mar 2026" for a moment at `offset` minutes east of UTC.
pub fn day(ms: Millis, offset: i64) -> String {
    let (date, _) = crate::store::export::date_time(ms, offset);
    let mut parts = date.split('-');
    let (y, m, d) = (
        parts.next().unwrap_or_default(),
        parts
            .next()
            .and_then(|m| m.parse::<usize>().ok())
            .unwrap_or(1),
        parts
            .next()
            .and_then(|d| d.parse::<u32>().ok())
            .unwrap_or(1),
    );
    format!("{d} {} {y}", MONTHS[(m.clamp(1, 12)) - 1])
}

/// "09:05" for a moment at `offset` minutes east of UTC.
pub fn time(ms: Millis, offset: i64) -> String {
    crate::store::export::date_time(ms, offset).1
}

/// The name of a muscle of the atlas (its id where the atlas has none).
pub fn muscle_name(id: &str) -> &str {
    crate::anatomy::muscle(id).map_or(id, |m| m.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_read_as_a_clinic_writes_them() {
        // 2026-03-12 09:05 UTC, shown one hour east.
        let ms = 1_773_306_300_000;
        assert_eq!(day(ms, 60), "12 Mar 2026");
        assert_eq!(time(ms, 60), "10:05");
        assert_eq!(day(ms, -600), "11 Mar 2026");
    }

    #[test]
    fn clinic_details_are_trimmed_cut_and_forgiving() {
        let c = Clinic {
            name: "  Riverside Physio ".into(),
            phone: "x".repeat(200),
            therapist: String::new(),
        }
        .tidy();
        assert_eq!(c.name, "Riverside Physio");
        assert_eq!(c.phone.chars().count(), CLINIC_FIELD_MAX);
        assert_eq!(Clinic::read(Some("not json")), Clinic::default());
        assert_eq!(Clinic::read(None), Clinic::default());
        assert_eq!(Clinic::read(Some(r#"{"name":"A","phone":"1"}"#)).name, "A");
    }

    #[test]
    fn html_text_is_escaped() {
        assert_eq!(
            esc("<b>\"A&B\"</b>'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;"
        );
    }
}
