//! Treatment timers. A timer is a set of timestamps; its remaining time and state are computed
//! from a clock reading, never counted in ticks, so a hidden tab, a sleeping tablet or a reload
//! cannot make it drift.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

pub const MINUTE: Millis = 60_000;

/// Where time comes from; tests inject a fixed or stepping clock.
pub trait Clock {
    fn now(&self) -> Millis;
}

/// A clock that reads a value the caller sets (tests, and replaying saved state).
#[derive(Clone, Copy, Debug, Default)]
pub struct FixedClock(pub Millis);

impl Clock for FixedClock {
    fn now(&self) -> Millis {
        self.0
    }
}

/// What a timer is doing, as shown by `data-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerState {
    /// Counting down.
    Running,
    /// Held by the therapist; remaining time frozen.
    Paused,
    /// Reached zero and not yet ended: counts up past due and keeps alerting.
    Overdue,
    /// Ended by the therapist.
    Done,
}

impl TimerState {
    pub fn id(self) -> &'static str {
        match self {
            TimerState::Running => "running",
            TimerState::Paused => "paused",
            TimerState::Overdue => "overdue",
            TimerState::Done => "done",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timer {
    pub id: u32,
    /// The trigger point whose needle this timer belongs to.
    pub trp: u32,
    pub duration: Millis,
    /// Time run before the current run began (sum of finished runs).
    pub banked: Millis,
    /// Start of the current run; `None` while paused or ended.
    pub running_since: Option<Millis>,
    pub started_at: Millis,
    /// When the needle came out (the timer ended).
    pub ended_at: Option<Millis>,
    /// The therapist has acknowledged the alarm of this overdue timer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acknowledged: bool,
    /// Set when this timer runs an e-stim pair rather than a needle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estim: Option<super::estim::EStim>,
}

impl Timer {
    pub fn start(id: u32, trp: u32, duration: Millis, clock: &impl Clock) -> Timer {
        let now = clock.now();
        Timer {
            id,
            trp,
            duration,
            banked: 0,
            running_since: Some(now),
            started_at: now,
            ended_at: None,
            acknowledged: false,
            estim: None,
        }
    }

    /// Adds time (+1 min, +5 min); an overdue timer counts down again and may alarm anew.
    pub fn extend(&mut self, by: Millis, clock: &impl Clock) {
        if self.ended_at.is_none() && by > 0 {
            self.duration += by;
            if self.remaining(clock) > 0 {
                self.acknowledged = false;
            }
        }
    }

    /// Overdue and not yet acknowledged: the alarm sounds.
    pub fn alarming(&self, clock: &impl Clock) -> bool {
        self.state(clock) == TimerState::Overdue && !self.acknowledged
    }

    pub fn elapsed(&self, clock: &impl Clock) -> Millis {
        let end = self.ended_at.unwrap_or_else(|| clock.now());
        self.banked + self.running_since.map_or(0, |s| (end - s).max(0))
    }

    /// Remaining time; negative once past due.
    pub fn remaining(&self, clock: &impl Clock) -> Millis {
        self.duration - self.elapsed(clock)
    }

    pub fn state(&self, clock: &impl Clock) -> TimerState {
        if self.ended_at.is_some() {
            TimerState::Done
        } else if self.running_since.is_none() {
            TimerState::Paused
        } else if self.remaining(clock) > 0 {
            TimerState::Running
        } else {
            TimerState::Overdue
        }
    }

    pub fn pause(&mut self, clock: &impl Clock) {
        if self.ended_at.is_none() {
            if let Some(since) = self.running_since.take() {
                self.banked += (clock.now() - since).max(0);
            }
        }
    }

    pub fn resume(&mut self, clock: &impl Clock) {
        if self.ended_at.is_none() && self.running_since.is_none() {
            self.running_since = Some(clock.now());
        }
    }

    /// Still in (a needle) or still running current (a pair): not ended.
    pub fn live(&self) -> bool {
        self.ended_at.is_none()
    }

    pub fn is_needle(&self) -> bool {
        self.estim.is_none()
    }

    pub fn stop(&mut self, clock: &impl Clock) {
        if self.ended_at.is_none() {
            self.ended_at = Some(clock.now());
        }
    }

    /// Progress from 0 (just started) to 1 (due), clamped.
    pub fn progress(&self, clock: &impl Clock) -> f32 {
        if self.duration <= 0 {
            return 1.0;
        }
        (self.elapsed(clock) as f32 / self.duration as f32).clamp(0.0, 1.0)
    }
}

/// Ends timer `id`: a needle comes out (an e-stim pair through it stops with it), or a pair
/// stops. `false` when there is no such timer.
pub fn stop_in(timers: &mut [Timer], id: u32, clock: &impl Clock) -> bool {
    let mut found = false;
    for t in timers.iter_mut() {
        if t.id == id || t.estim.is_some_and(|e| e.needles.contains(&id)) {
            found |= t.id == id;
            t.stop(clock);
        }
    }
    found
}

/// `mm:ss`, with a leading minus once past due ("-02:15"); seconds round towards the display
/// the therapist expects (a fresh 15-minute timer shows 15:00, not 14:59).
pub fn format_remaining(ms: Millis) -> String {
    if ms > 0 {
        let s = (ms + 999) / 1000;
        format!("{:02}:{:02}", s / 60, s % 60)
    } else {
        let s = (-ms) / 1000;
        if s == 0 {
            "00:00".to_string()
        } else {
            format!("-{:02}:{:02}", s / 60, s % 60)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_from_timestamps() {
        let t = Timer::start(1, 7, 15 * MINUTE, &FixedClock(1_000));
        assert_eq!(t.remaining(&FixedClock(1_000)), 15 * MINUTE);
        assert_eq!(t.remaining(&FixedClock(1_000 + 5 * MINUTE)), 10 * MINUTE);
        assert_eq!(
            t.state(&FixedClock(1_000 + 5 * MINUTE)),
            TimerState::Running
        );
    }

    #[test]
    fn pause_freezes_and_resume_continues() {
        let mut t = Timer::start(1, 7, 10 * MINUTE, &FixedClock(0));
        t.pause(&FixedClock(3 * MINUTE));
        assert_eq!(t.state(&FixedClock(9 * MINUTE)), TimerState::Paused);
        assert_eq!(t.remaining(&FixedClock(9 * MINUTE)), 7 * MINUTE);
        t.resume(&FixedClock(20 * MINUTE));
        assert_eq!(t.remaining(&FixedClock(21 * MINUTE)), 6 * MINUTE);
        // A second pause adds to the banked time.
        t.pause(&FixedClock(22 * MINUTE));
        assert_eq!(t.remaining(&FixedClock(99 * MINUTE)), 5 * MINUTE);
    }

    #[test]
    fn goes_overdue_and_counts_past_due() {
        let t = Timer::start(1, 7, MINUTE, &FixedClock(0));
        let later = FixedClock(MINUTE + 135_000);
        assert_eq!(t.state(&later), TimerState::Overdue);
        assert_eq!(format_remaining(t.remaining(&later)), "-02:15");
    }

    #[test]
    fn stop_ends_the_timer_for_good() {
        let mut t = Timer::start(1, 7, MINUTE, &FixedClock(0));
        t.stop(&FixedClock(20_000));
        assert_eq!(t.state(&FixedClock(10 * MINUTE)), TimerState::Done);
        assert_eq!(t.remaining(&FixedClock(10 * MINUTE)), 40_000);
        t.resume(&FixedClock(11 * MINUTE));
        assert_eq!(t.state(&FixedClock(12 * MINUTE)), TimerState::Done);
    }

    #[test]
    fn extending_adds_time_and_rearms_the_alarm() {
        let mut t = Timer::start(1, 7, MINUTE, &FixedClock(0));
        let late = FixedClock(2 * MINUTE);
        assert!(t.alarming(&late));
        t.acknowledged = true;
        assert!(!t.alarming(&late));
        assert_eq!(t.state(&late), TimerState::Overdue);
        t.extend(5 * MINUTE, &late);
        assert_eq!(t.remaining(&late), 4 * MINUTE);
        assert_eq!(t.state(&late), TimerState::Running);
        assert!(t.alarming(&FixedClock(6 * MINUTE + 1)), "rearmed");
        t.stop(&FixedClock(7 * MINUTE));
        t.extend(MINUTE, &FixedClock(8 * MINUTE));
        assert_eq!(t.duration, 6 * MINUTE, "an ended timer is not extended");
    }

    #[test]
    fn display_format() {
        assert_eq!(format_remaining(15 * MINUTE), "15:00");
        assert_eq!(format_remaining(15 * MINUTE - 1), "15:00");
        assert_eq!(format_remaining(61_000), "01:01");
        assert_eq!(format_remaining(1), "00:01");
        assert_eq!(format_remaining(0), "00:00");
        assert_eq!(format_remaining(-999), "00:00");
        assert_eq!(format_remaining(-61_000), "-01:01");
    }

    #[test]
    fn progress_is_clamped() {
        let t = Timer::start(1, 7, 10_000, &FixedClock(0));
        assert_eq!(t.progress(&FixedClock(5_000)), 0.5);
        assert_eq!(t.progress(&FixedClock(50_000)), 1.0);
    }
}
