//! The chart of one treatment: trigger points marked on the map and their needle timers.
//! Positions are atlas coordinates of a view, so a point stays on the same spot of the muscle
//! whatever the screen size, zoom or orientation.

use serde::{Deserialize, Serialize};

use super::findings::Findings;
use super::timer::{Clock, Millis, Timer, TimerState};
use crate::anatomy::model::{Side, View};

/// A spot on one view of the atlas (x from the midline, y from the vertex, atlas units).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    pub view: View,
    pub x: f32,
    pub y: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TriggerPoint {
    pub id: u32,
    pub muscle: String,
    pub side: Side,
    pub at: MapPoint,
    pub marked_at: Millis,
    #[serde(default)]
    pub findings: Findings,
}

/// One dab of the patient's pain drawing: a filled circle on a view (atlas units).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PainDab {
    pub view: View,
    pub x: f32,
    pub y: f32,
    pub r: f32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub trps: Vec<TriggerPoint>,
    pub timers: Vec<Timer>,
    /// Where the patient says it hurts.
    #[serde(default)]
    pub pain: Vec<PainDab>,
    /// Next id to hand out; ids are never reused, so a saved reference cannot change meaning.
    pub next_id: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    UnknownMuscle(String),
    UnknownTriggerPoint(u32),
    UnknownTimer(u32),
    TimerAlreadyRunning(u32),
    InvalidDuration,
    /// The point has a needle in (a running timer): take it out first.
    NeedleIn(u32),
    InvalidRecord(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::UnknownMuscle(m) => write!(f, "“{m}” is not a muscle of the atlas"),
            ChartError::UnknownTriggerPoint(id) => write!(f, "trigger point {id} no longer exists"),
            ChartError::UnknownTimer(id) => write!(f, "timer {id} no longer exists"),
            ChartError::TimerAlreadyRunning(id) => {
                write!(f, "trigger point {id} already has a timer running")
            }
            ChartError::InvalidDuration => write!(f, "a timer needs a duration above zero"),
            ChartError::NeedleIn(_) => write!(
                f,
                "this point has a needle in; stop its timer (needle out) first"
            ),
            ChartError::InvalidRecord(why) => write!(f, "{why}"),
        }
    }
}

impl Chart {
    fn take_id(&mut self) -> u32 {
        self.next_id = self.next_id.max(1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A new trigger point with a fresh id (not yet on the chart).
    pub fn new_trp(
        &mut self,
        muscle: &str,
        side: Side,
        at: MapPoint,
        now: Millis,
    ) -> Result<TriggerPoint, ChartError> {
        if crate::anatomy::muscle(muscle).is_none() {
            return Err(ChartError::UnknownMuscle(muscle.to_string()));
        }
        if !(at.x.is_finite() && at.y.is_finite()) {
            return Err(ChartError::UnknownMuscle(muscle.to_string()));
        }
        Ok(TriggerPoint {
            id: self.take_id(),
            muscle: muscle.to_string(),
            side,
            at,
            marked_at: now,
            findings: Findings::default(),
        })
    }

    /// Marks a trigger point on a muscle; returns its id.
    pub fn mark(
        &mut self,
        muscle: &str,
        side: Side,
        at: MapPoint,
        clock: &impl Clock,
    ) -> Result<u32, ChartError> {
        let trp = self.new_trp(muscle, side, at, clock.now())?;
        let id = trp.id;
        self.trps.push(trp);
        Ok(id)
    }

    /// Removes a trigger point and its timers.
    pub fn remove(&mut self, id: u32) -> Result<TriggerPoint, ChartError> {
        let at = self
            .trps
            .iter()
            .position(|t| t.id == id)
            .ok_or(ChartError::UnknownTriggerPoint(id))?;
        self.timers.retain(|t| t.trp != id);
        Ok(self.trps.remove(at))
    }

    pub fn trp(&self, id: u32) -> Option<&TriggerPoint> {
        self.trps.iter().find(|t| t.id == id)
    }

    pub fn timer(&self, id: u32) -> Option<&Timer> {
        self.timers.iter().find(|t| t.id == id)
    }

    fn timer_mut(&mut self, id: u32) -> Result<&mut Timer, ChartError> {
        self.timers
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(ChartError::UnknownTimer(id))
    }

    /// The timer of a trigger point that has not been ended yet.
    pub fn live_timer_of(&self, trp: u32) -> Option<&Timer> {
        self.timers
            .iter()
            .find(|t| t.trp == trp && t.ended_at.is_none())
    }

    pub fn start_timer(
        &mut self,
        trp: u32,
        duration: Millis,
        clock: &impl Clock,
    ) -> Result<u32, ChartError> {
        if duration <= 0 {
            return Err(ChartError::InvalidDuration);
        }
        if self.trp(trp).is_none() {
            return Err(ChartError::UnknownTriggerPoint(trp));
        }
        if self.live_timer_of(trp).is_some() {
            return Err(ChartError::TimerAlreadyRunning(trp));
        }
        let id = self.take_id();
        self.timers.push(Timer::start(id, trp, duration, clock));
        Ok(id)
    }

    pub fn pause(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.pause(clock);
        Ok(())
    }

    pub fn resume(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.resume(clock);
        Ok(())
    }

    pub fn stop(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.stop(clock);
        Ok(())
    }

    pub fn extend(&mut self, timer: u32, by: Millis, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.extend(by, clock);
        Ok(())
    }

    pub fn acknowledge(&mut self, timer: u32) -> Result<(), ChartError> {
        self.timer_mut(timer)?.acknowledged = true;
        Ok(())
    }

    /// Timers whose alarm is sounding, most overdue first.
    pub fn alarming(&self, clock: &impl Clock) -> Vec<&Timer> {
        self.live_timers(clock)
            .into_iter()
            .filter(|t| t.alarming(clock))
            .collect()
    }

    /// Timers not yet ended, soonest due first (overdue ones lead, most overdue first).
    pub fn live_timers(&self, clock: &impl Clock) -> Vec<&Timer> {
        let mut live: Vec<&Timer> = self
            .timers
            .iter()
            .filter(|t| t.state(clock) != TimerState::Done)
            .collect();
        live.sort_by_key(|t| (t.remaining(clock), t.id));
        live
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinic::timer::{FixedClock, MINUTE};

    fn at(x: f32, y: f32) -> MapPoint {
        MapPoint {
            view: View::Posterior,
            x,
            y,
        }
    }

    #[test]
    fn marks_points_with_unique_ids() {
        let mut c = Chart::default();
        let clock = FixedClock(5);
        let a = c
            .mark("upper_trapezius", Side::Right, at(40.0, 130.0), &clock)
            .unwrap();
        let b = c
            .mark("infraspinatus", Side::Left, at(-60.0, 190.0), &clock)
            .unwrap();
        assert_ne!(a, b);
        assert_eq!(c.trp(a).unwrap().muscle, "upper_trapezius");
        assert_eq!(c.trp(b).unwrap().side, Side::Left);
        assert_eq!(c.trp(b).unwrap().at, at(-60.0, 190.0));
    }

    #[test]
    fn refuses_unknown_muscles() {
        let mut c = Chart::default();
        let r = c.mark("biceps_femur", Side::Left, at(0.0, 0.0), &FixedClock(0));
        assert_eq!(r, Err(ChartError::UnknownMuscle("biceps_femur".into())));
        assert!(c.trps.is_empty());
    }

    #[test]
    fn one_live_timer_per_point_and_ordering() {
        let mut c = Chart::default();
        let clock = FixedClock(0);
        let p1 = c
            .mark("upper_trapezius", Side::Right, at(40.0, 130.0), &clock)
            .unwrap();
        let p2 = c
            .mark("gluteus_medius", Side::Left, at(-60.0, 356.0), &clock)
            .unwrap();
        let t1 = c.start_timer(p1, 15 * MINUTE, &clock).unwrap();
        assert_eq!(
            c.start_timer(p1, 5 * MINUTE, &clock),
            Err(ChartError::TimerAlreadyRunning(p1))
        );
        let t2 = c.start_timer(p2, 5 * MINUTE, &clock).unwrap();
        let order: Vec<u32> = c
            .live_timers(&FixedClock(MINUTE))
            .iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(order, vec![t2, t1]);
        c.stop(t2, &FixedClock(2 * MINUTE)).unwrap();
        assert_eq!(c.live_timers(&FixedClock(3 * MINUTE)).len(), 1);
        // The ended timer frees the point for a new one.
        assert!(c.start_timer(p2, 5 * MINUTE, &clock).is_ok());
    }

    #[test]
    fn removing_a_point_removes_its_timers() {
        let mut c = Chart::default();
        let clock = FixedClock(0);
        let p = c
            .mark("soleus", Side::Left, at(-30.0, 700.0), &clock)
            .unwrap();
        c.start_timer(p, MINUTE, &clock).unwrap();
        assert_eq!(c.remove(p).unwrap().muscle, "soleus");
        assert!(c.trps.is_empty() && c.timers.is_empty());
        assert_eq!(c.remove(p), Err(ChartError::UnknownTriggerPoint(p)));
    }

    #[test]
    fn timer_controls_on_unknown_ids_are_errors() {
        let mut c = Chart::default();
        assert_eq!(
            c.start_timer(9, MINUTE, &FixedClock(0)),
            Err(ChartError::UnknownTriggerPoint(9))
        );
        assert_eq!(c.pause(3, &FixedClock(0)), Err(ChartError::UnknownTimer(3)));
    }
}
