//! The saved form of a chart: a versioned envelope, decoded strictly so that anything
//! unexpected is reported and kept aside, never silently dropped or overwritten.

use serde::{Deserialize, Serialize};

use crate::clinic::chart::Chart;

pub const APP: &str = "myomap";
pub const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    app: String,
    schema: u32,
    chart: Chart,
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    app: &'a str,
    schema: u32,
    chart: &'a Chart,
}

/// Why saved data could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a Myomap chart at all, or damaged.
    Unreadable(String),
    /// Written by a newer Myomap than this one.
    Newer(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "the saved data is damaged ({why})"),
            DecodeError::Newer(v) => write!(
                f,
                "the saved data comes from a newer version of Myomap (format {v}; this one reads up to {SCHEMA})"
            ),
        }
    }
}

/// Preferences kept on this device apart from the chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Needle time chosen when a point's timer panel opens (the last one used).
    pub default_minutes: i64,
    /// Alarm volume, 0 to 1.
    pub volume: f32,
    pub silent: bool,
    /// Show a system notification when a timer is due while the page is hidden.
    pub notify: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_minutes: 15,
            volume: 0.6,
            silent: false,
            notify: false,
        }
    }
}

impl Settings {
    /// Settings that a damaged or hand-edited store could hold are brought back in range.
    pub fn sane(mut self) -> Settings {
        if !(1..=120).contains(&self.default_minutes) {
            self.default_minutes = 15;
        }
        if !(self.volume.is_finite() && (0.0..=1.0).contains(&self.volume)) {
            self.volume = 0.6;
        }
        self
    }
}

pub fn encode_settings(s: &Settings) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

pub fn decode_settings(raw: &str) -> Settings {
    serde_json::from_str::<Settings>(raw)
        .unwrap_or_default()
        .sane()
}

pub fn encode(chart: &Chart) -> String {
    serde_json::to_string(&EnvelopeRef {
        app: APP,
        schema: SCHEMA,
        chart,
    })
    .unwrap_or_default()
}

pub fn decode(raw: &str) -> Result<Chart, DecodeError> {
    #[derive(Deserialize)]
    struct Head {
        app: Option<String>,
        schema: Option<u32>,
    }
    let head: Head = serde_json::from_str(raw)
        .map_err(|e| DecodeError::Unreadable(format!("not valid JSON: {e}")))?;
    if head.app.as_deref() != Some(APP) {
        return Err(DecodeError::Unreadable("not a Myomap chart".into()));
    }
    match head.schema {
        Some(SCHEMA) => {}
        Some(v) if v > SCHEMA => return Err(DecodeError::Newer(v)),
        other => return Err(DecodeError::Unreadable(format!("unknown format {other:?}"))),
    }
    let env: Envelope =
        serde_json::from_str(raw).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    validate(&env.chart).map_err(DecodeError::Unreadable)?;
    Ok(env.chart)
}

/// Cross-record checks that JSON structure alone cannot express.
fn validate(chart: &Chart) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for t in &chart.trps {
        if !ids.insert(t.id) || t.id >= chart.next_id.max(1) {
            return Err(format!("trigger point id {} is invalid", t.id));
        }
        if !(t.at.x.is_finite() && t.at.y.is_finite()) {
            return Err(format!("trigger point {} has no valid position", t.id));
        }
    }
    let ended = chart.visits.iter().flat_map(|v| &v.timers);
    for t in chart.timers.iter().chain(ended) {
        if !ids.insert(t.id) || t.id >= chart.next_id.max(1) {
            return Err(format!("timer id {} is invalid", t.id));
        }
        // A needle still in must be on the chart; an ended one may outlive its point.
        if t.live() && chart.trp(t.trp).is_none() {
            return Err(format!("timer {} belongs to no trigger point", t.id));
        }
        if t.duration <= 0 {
            return Err(format!("timer {} has no duration", t.id));
        }
    }
    for t in &chart.timers {
        if let Some(e) = t.estim {
            if e.needles
                .iter()
                .any(|n| chart.timer(*n).is_none_or(|n| !n.is_needle()))
            {
                return Err(format!("e-stim pair {} has no needles", t.id));
            }
        }
    }
    if chart.visit.as_ref().is_some_and(|v| v.ended_at.is_some()) {
        return Err("the open visit has an end".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::MapPoint;
    use crate::clinic::timer::{FixedClock, MINUTE};

    fn sample() -> Chart {
        let mut c = crate::clinic::chart::tests::screened();
        let clock = FixedClock(1_700_000_000_000);
        let p = c
            .mark(
                "upper_trapezius",
                Side::Left,
                MapPoint {
                    view: View::Posterior,
                    x: -41.5,
                    y: 133.25,
                },
                &clock,
            )
            .unwrap();
        c.start_timer(p, 15 * MINUTE, &clock).unwrap();
        c
    }

    #[test]
    fn round_trips_exactly() {
        let c = sample();
        assert_eq!(decode(&encode(&c)), Ok(c));
    }

    #[test]
    fn rejects_damaged_or_foreign_data() {
        assert!(matches!(
            decode("{not json"),
            Err(DecodeError::Unreadable(_))
        ));
        assert!(matches!(decode("[]"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(
            decode(r#"{"app":"other","schema":1,"chart":{}}"#),
            Err(DecodeError::Unreadable(_))
        ));
        let truncated = &encode(&sample())[..40];
        assert!(matches!(decode(truncated), Err(DecodeError::Unreadable(_))));
    }

    #[test]
    fn refuses_a_newer_format_without_guessing() {
        let raw = encode(&sample()).replace("\"schema\":1", "\"schema\":7");
        assert_eq!(decode(&raw), Err(DecodeError::Newer(7)));
    }

    #[test]
    fn settings_round_trip_and_fall_back_to_defaults() {
        let s = Settings {
            default_minutes: 20,
            volume: 0.3,
            silent: true,
            notify: true,
        };
        assert_eq!(decode_settings(&encode_settings(&s)), s);
        assert_eq!(decode_settings("garbage"), Settings::default());
        let wild = decode_settings(r#"{"default_minutes":999,"volume":7}"#);
        assert_eq!(wild, Settings::default());
    }

    #[test]
    fn rejects_inconsistent_visits_and_pairs() {
        // A pair whose needle is gone.
        let mut c = sample();
        let needle = c.timers[0].id;
        let point = c.timers[0].trp;
        let n2 = c.start_timer(point, 15 * MINUTE, &FixedClock(1)).unwrap();
        c.start_pair([needle, n2], 2.0, 3.0, 10, &FixedClock(2))
            .unwrap();
        assert!(decode(&encode(&c)).is_ok());
        c.timers.retain(|t| t.id != n2);
        assert!(matches!(
            decode(&encode(&c)),
            Err(DecodeError::Unreadable(_))
        ));
        // An "open" visit that has an end.
        let mut c = sample();
        c.visit.as_mut().unwrap().ended_at = Some(5);
        assert!(matches!(
            decode(&encode(&c)),
            Err(DecodeError::Unreadable(_))
        ));
        // An ended visit keeps needles whose point was later deleted.
        let mut c = sample();
        c.remove_all(&FixedClock(3));
        c.end_visit(false, &FixedClock(4)).unwrap();
        c.trps.clear();
        assert_eq!(decode(&encode(&c)), Ok(c));
    }

    #[test]
    fn rejects_dangling_references() {
        let mut c = sample();
        c.timers[0].trp = 99;
        assert!(matches!(
            decode(&encode(&c)),
            Err(DecodeError::Unreadable(_))
        ));
        let mut c = sample();
        c.next_id = 1;
        assert!(matches!(
            decode(&encode(&c)),
            Err(DecodeError::Unreadable(_))
        ));
    }
}
