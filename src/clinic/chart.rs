//! The chart of one treatment: trigger points marked on the map and their needle timers.
//! Positions are atlas coordinates of a view, so a point stays on the same spot of the muscle
//! whatever the screen size, zoom or orientation.

use serde::{Deserialize, Serialize};

use super::consent::ConsentGap;
use super::estim::{self, Crossing, EStim, Electrode};
use super::findings::Findings;
use super::timer::{Clock, Millis, Timer, TimerState, MINUTE};
use super::visit::{Adverse, Question, ScreeningGap, Visit};
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
    /// The visit under way, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
    /// Ended visits, oldest first, each with its screening and its needles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

/// The needle count of the open visit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    /// Needles put in during the visit.
    pub put_in: usize,
    /// Needles recorded as out.
    pub taken_out: usize,
}

impl Ledger {
    /// Needles still in the patient.
    pub fn still_in(&self) -> usize {
        self.put_in - self.taken_out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    UnknownMuscle(String),
    UnknownTriggerPoint(u32),
    UnknownTimer(u32),
    InvalidDuration,
    /// The point has a needle in (a running timer): take it out first.
    NeedleIn(u32),
    InvalidRecord(String),
    /// Needling and e-stim happen inside a visit: start one first.
    NoVisit,
    VisitAlreadyOpen,
    Screening(ScreeningGap),
    /// The patient has not agreed (or has withdrawn).
    Consent(ConsentGap),
    /// The visit cannot end while needles are in (count).
    NeedlesIn(usize),
    /// The two needles cannot be an e-stim pair.
    PairCrosses(Crossing),
    InvalidPair(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::UnknownMuscle(m) => write!(f, "“{m}” is not a muscle of the atlas"),
            ChartError::UnknownTriggerPoint(id) => write!(f, "trigger point {id} no longer exists"),
            ChartError::UnknownTimer(id) => write!(f, "timer {id} no longer exists"),
            ChartError::InvalidDuration => write!(f, "a timer needs a duration above zero"),
            ChartError::NeedleIn(_) => write!(
                f,
                "this point has a needle in; stop its timer (needle out) first"
            ),
            ChartError::InvalidRecord(why) | ChartError::InvalidPair(why) => write!(f, "{why}"),
            ChartError::NoVisit => write!(f, "start a visit and answer the screening first"),
            ChartError::VisitAlreadyOpen => write!(f, "a visit is already under way"),
            ChartError::Screening(gap) => write!(f, "{gap}"),
            ChartError::Consent(gap) => write!(f, "{gap}"),
            ChartError::NeedlesIn(n) => write!(
                f,
                "{n} needle{} still in: take {} out first",
                if *n == 1 { " is" } else { "s are" },
                if *n == 1 { "it" } else { "them" }
            ),
            ChartError::PairCrosses(c) => write!(f, "this pair is refused: {}", c.why()),
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

    /// Removes a trigger point. Its ended needles stay on the visit's ledger: a needle that
    /// went in is never forgotten.
    pub fn remove(&mut self, id: u32) -> Result<TriggerPoint, ChartError> {
        let at = self.removable(id)?;
        Ok(self.trps.remove(at))
    }

    /// Where a point that may be taken off the chart sits; a point with a needle in may not.
    pub fn removable(&self, id: u32) -> Result<usize, ChartError> {
        let at = self
            .trps
            .iter()
            .position(|t| t.id == id)
            .ok_or(ChartError::UnknownTriggerPoint(id))?;
        if self.live_timer_of(id).is_some() {
            return Err(ChartError::NeedleIn(id));
        }
        Ok(at)
    }

    /// Views look a point up several times per tap. Points are kept in id order (a new one
    /// has the next id and goes at the end), so this is a binary search; should that order
    /// ever be broken (a chart from elsewhere), the scan still finds the point.
    pub fn trp(&self, id: u32) -> Option<&TriggerPoint> {
        match self.trps.binary_search_by_key(&id, |t| t.id) {
            Ok(i) => Some(&self.trps[i]),
            Err(_) => self.trps.iter().find(|t| t.id == id),
        }
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

    /// A needle still in this trigger point (the first put in).
    pub fn live_timer_of(&self, trp: u32) -> Option<&Timer> {
        self.needles_in().find(|t| t.trp == trp)
    }

    /// Puts a needle into a trigger point with its timer. Needles go in only during a visit
    /// whose screening allows needling; a point may hold several needles.
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
        self.ready_for_needling()?;
        let id = self.take_id();
        self.timers.push(Timer::start(id, trp, duration, clock));
        Ok(id)
    }

    /// May a needle go in now? Only during a visit whose screening allows needling.
    pub fn ready_for_needling(&self) -> Result<(), ChartError> {
        let visit = self.visit.as_ref().ok_or(ChartError::NoVisit)?;
        visit
            .screening
            .ready_for_needling()
            .map_err(ChartError::Screening)?;
        visit.consented_to_needling().map_err(ChartError::Consent)
    }

    /// Starts a visit: its clock starts and its screening is asked afresh.
    pub fn start_visit(&mut self, clock: &impl Clock) -> Result<(), ChartError> {
        if self.visit.is_some() {
            return Err(ChartError::VisitAlreadyOpen);
        }
        self.visit = Some(Visit {
            started_at: clock.now(),
            ..Visit::default()
        });
        Ok(())
    }

    /// Records a screening answer of the open visit.
    pub fn answer(&mut self, q: Question, yes: bool, clock: &impl Clock) -> Result<(), ChartError> {
        let visit = self.visit.as_mut().ok_or(ChartError::NoVisit)?;
        visit.screening.answer(q, yes, clock.now());
        Ok(())
    }

    /// Confirms going on despite a "yes" in the screening.
    pub fn confirm(&mut self, q: Question, clock: &impl Clock) -> Result<(), ChartError> {
        let visit = self.visit.as_mut().ok_or(ChartError::NoVisit)?;
        if visit.screening.confirm(q, clock.now()) {
            Ok(())
        } else {
            Err(ChartError::InvalidRecord(format!(
                "there is no yes to confirm for {}",
                q.short()
            )))
        }
    }

    /// Notes (or takes back) an adverse event of the open visit.
    pub fn toggle_adverse(&mut self, event: Adverse) -> Result<(), ChartError> {
        self.visit
            .as_mut()
            .ok_or(ChartError::NoVisit)?
            .toggle_adverse(event);
        Ok(())
    }

    /// Writes the open visit's notes (refused past the limit, never cut).
    pub fn set_visit_notes(&mut self, notes: String) -> Result<(), ChartError> {
        if notes.chars().count() > super::visit::NOTES_MAX {
            return Err(ChartError::InvalidRecord(format!(
                "visit notes can be at most {} characters",
                super::visit::NOTES_MAX
            )));
        }
        self.visit.as_mut().ok_or(ChartError::NoVisit)?.notes = notes;
        Ok(())
    }

    /// Needles still in the patient, in the order they went in.
    pub fn needles_in(&self) -> impl Iterator<Item = &Timer> {
        self.timers.iter().filter(|t| t.is_needle() && t.live())
    }

    pub fn ledger(&self) -> Ledger {
        let needles = self.timers.iter().filter(|t| t.is_needle());
        Ledger {
            put_in: needles.clone().count(),
            taken_out: needles.filter(|t| !t.live()).count(),
        }
    }

    /// Records every needle still in, and every pair still running, as out now.
    pub fn remove_all(&mut self, clock: &impl Clock) {
        for t in self.timers.iter_mut() {
            t.stop(clock);
        }
    }

    /// Ends the open visit. With needles still in it is refused, unless the therapist has
    /// confirmed that they are all out (`all_out`), which records each one as out now.
    /// The visit, its screening and its needles are kept with the chart's earlier visits.
    pub fn end_visit(&mut self, all_out: bool, clock: &impl Clock) -> Result<(), ChartError> {
        if self.visit.is_none() {
            return Err(ChartError::NoVisit);
        }
        let still_in = self.ledger().still_in();
        if still_in > 0 && !all_out {
            return Err(ChartError::NeedlesIn(still_in));
        }
        self.remove_all(clock);
        let mut visit = self.visit.take().expect("checked");
        visit.ended_at = Some(clock.now());
        visit.timers = std::mem::take(&mut self.timers);
        // The day's findings and drawing are kept with the visit; the points stay on the chart
        // for the next visit, which records its own findings.
        visit.points = self.trps.clone();
        visit.pain = std::mem::take(&mut self.pain);
        for t in self.trps.iter_mut() {
            t.findings = Findings::default();
        }
        self.visits.push(visit);
        Ok(())
    }

    /// A visit left open on an earlier day with no needle in is closed at its last recorded
    /// moment (its last needle out, else its start), so that its findings stay that day's and
    /// today's charting starts today's visit. Returns that visit's start.
    pub fn close_stale_visit(&mut self, day_start: Millis) -> Result<Millis, ChartError> {
        let v = self.visit.as_ref().ok_or(ChartError::NoVisit)?;
        let started = v.started_at;
        if started >= day_start {
            return Err(ChartError::VisitAlreadyOpen);
        }
        let still_in = self.ledger().still_in();
        if still_in > 0 {
            return Err(ChartError::NeedlesIn(still_in));
        }
        let last = self
            .timers
            .iter()
            .filter_map(|t| t.ended_at)
            .max()
            .unwrap_or(started)
            .max(started);
        self.end_visit(false, &super::timer::FixedClock(last))?;
        Ok(started)
    }

    /// Charting happens within a visit: starts today's when none is open. Returns true when
    /// it started one (its screening still waits for the first needle).
    pub fn ensure_visit(&mut self, clock: &impl Clock) -> bool {
        self.visit.is_none() && self.start_visit(clock).is_ok()
    }

    /// A point charted at an earlier visit and not yet examined in this one: the start of the
    /// latest visit that had it (or when it was marked), so the map can say "from 12 Mar".
    pub fn carried_from(&self, trp: &TriggerPoint) -> Option<Millis> {
        let today = self.visit.as_ref().map_or(Millis::MAX, |v| v.started_at);
        if trp.marked_at >= today || trp.findings != Findings::default() {
            return None;
        }
        // A visit keeps its points in id order (the chart's order), so each look-up is a
        // binary search: this runs for every marker whenever the chart changes.
        let seen = self
            .visits
            .iter()
            .rev()
            .find(|v| v.points.binary_search_by_key(&trp.id, |p| p.id).is_ok())
            .map(|v| v.started_at);
        Some(seen.unwrap_or(trp.marked_at))
    }

    /// An ended visit, by its id (its start).
    pub fn past_visit(&self, id: Millis) -> Option<&Visit> {
        self.visits.iter().find(|v| v.started_at == id)
    }

    /// The chart as it was at the end of an ended visit, for showing it read-only.
    pub fn as_it_was(&self, id: Millis) -> Option<Chart> {
        let v = self.past_visit(id)?;
        Some(Chart {
            trps: v.points.clone(),
            timers: v.timers.clone(),
            pain: v.pain.clone(),
            next_id: self.next_id,
            visit: None,
            visits: Vec::new(),
        })
    }

    /// Adds an amendment to an ended visit.
    pub fn amend(
        &mut self,
        visit: Millis,
        what: &str,
        why: &str,
        clock: &impl Clock,
    ) -> Result<(), ChartError> {
        self.visits
            .iter_mut()
            .find(|v| v.started_at == visit)
            .ok_or(ChartError::NoVisit)?
            .amend(what, why, clock.now())
            .map_err(ChartError::InvalidRecord)
    }

    /// The next id to hand out, worked out from every id in use: saved records need not
    /// carry a counter, and an id is never handed out twice.
    pub fn renumber(&mut self) {
        let points = self.trps.iter().map(|t| t.id);
        let timers = self.timers.iter().flat_map(|t| [t.id, t.trp]);
        let past = self.visits.iter().chain(self.visit.as_ref()).flat_map(|v| {
            v.points
                .iter()
                .map(|t| t.id)
                .chain(v.timers.iter().flat_map(|t| [t.id, t.trp]))
        });
        let max = points.chain(timers).chain(past).max().unwrap_or(0);
        self.next_id = self.next_id.max(max + 1);
    }

    fn electrode(&self, needle: u32) -> Result<(Electrode<'_>, &Timer), ChartError> {
        let t = self
            .timer(needle)
            .filter(|t| t.is_needle())
            .ok_or(ChartError::UnknownTimer(needle))?;
        if !t.live() {
            return Err(ChartError::InvalidPair(
                "one of the two needles is already out".into(),
            ));
        }
        let trp = self
            .trp(t.trp)
            .ok_or(ChartError::UnknownTriggerPoint(t.trp))?;
        let region = crate::anatomy::muscle(&trp.muscle)
            .ok_or_else(|| ChartError::UnknownMuscle(trp.muscle.clone()))?
            .region;
        Ok((
            Electrode {
                muscle: &trp.muscle,
                region,
                side: trp.side,
                view: trp.at.view,
            },
            t,
        ))
    }

    /// Checks that two needles may carry an e-stim pair, before anything changes.
    fn check_pair(&self, a: u32, b: u32) -> Result<(), ChartError> {
        let visit = self.visit.as_ref().ok_or(ChartError::NoVisit)?;
        visit
            .screening
            .ready_for_estim()
            .map_err(ChartError::Screening)?;
        visit.consented_to_estim().map_err(ChartError::Consent)?;
        if a == b {
            return Err(ChartError::InvalidPair(
                "a pair needs two different needles".into(),
            ));
        }
        let (ea, _) = self.electrode(a)?;
        let (eb, _) = self.electrode(b)?;
        if self.live_pair_of(a).is_some() || self.live_pair_of(b).is_some() {
            return Err(ChartError::InvalidPair(
                "one of the two needles already carries a running pair".into(),
            ));
        }
        match estim::crossing(ea, eb) {
            Some(c) => Err(ChartError::PairCrosses(c)),
            None => Ok(()),
        }
    }

    /// Starts current through two needles with its own timer; returns the pair's timer id.
    pub fn start_pair(
        &mut self,
        needles: [u32; 2],
        hz: f32,
        ma: f32,
        minutes: i64,
        clock: &impl Clock,
    ) -> Result<u32, ChartError> {
        self.check_pair(needles[0], needles[1])?;
        estim::check_settings(hz, ma, minutes).map_err(ChartError::InvalidPair)?;
        let trp = self.timer(needles[0]).map(|t| t.trp).unwrap_or_default();
        let id = self.take_id();
        let mut timer = Timer::start(id, trp, minutes * MINUTE, clock);
        timer.estim = Some(EStim { needles, hz, ma });
        self.timers.push(timer);
        Ok(id)
    }

    /// The running e-stim pair that goes through this needle.
    pub fn live_pair_of(&self, needle: u32) -> Option<&Timer> {
        self.timers
            .iter()
            .find(|t| t.live() && t.estim.is_some_and(|e| e.needles.contains(&needle)))
    }

    pub fn pause(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.pause(clock);
        Ok(())
    }

    pub fn resume(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        self.timer_mut(timer)?.resume(clock);
        Ok(())
    }

    /// Ends a timer: the needle comes out (its pair, if any, stops with it), or a pair stops.
    pub fn stop(&mut self, timer: u32, clock: &impl Clock) -> Result<(), ChartError> {
        if super::timer::stop_in(&mut self.timers, timer, clock) {
            Ok(())
        } else {
            Err(ChartError::UnknownTimer(timer))
        }
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
        crate::small_sort::sort_by_key(&mut live, |t| (t.remaining(clock), t.id));
        live
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::clinic::consent::Answer;
    use crate::clinic::timer::{FixedClock, MINUTE};

    fn at(x: f32, y: f32) -> MapPoint {
        MapPoint {
            view: View::Posterior,
            x,
            y,
        }
    }

    /// A chart with an open visit whose screening is all "no" (e-stim questions too) and
    /// whose patient agreed to needling and e-stim.
    pub(crate) fn screened() -> Chart {
        let mut c = Chart::default();
        let clock = FixedClock(0);
        c.start_visit(&clock).unwrap();
        for q in Question::ALL {
            c.answer(q, false, &clock).unwrap();
        }
        c.record_consent(Answer::AgreeWithEstim, false, &clock)
            .unwrap();
        c
    }

    fn mark(c: &mut Chart, muscle: &str, side: Side, view: View, x: f32, y: f32) -> u32 {
        c.mark(muscle, side, MapPoint { view, x, y }, &FixedClock(0))
            .unwrap()
    }

    /// Needles in the left gastrocnemius and soleus (one side, one region), put in at 0.
    fn calf_needles(c: &mut Chart, minutes: [Millis; 2]) -> [u32; 2] {
        let a = mark(
            c,
            "gastrocnemius",
            Side::Left,
            View::Posterior,
            -30.0,
            640.0,
        );
        let b = mark(c, "soleus", Side::Left, View::Posterior, -30.0, 700.0);
        [(a, minutes[0]), (b, minutes[1])]
            .map(|(p, d)| c.start_timer(p, d, &FixedClock(0)).unwrap())
    }

    #[test]
    fn a_point_is_found_by_id_in_order_and_out_of_order() {
        let mut c = Chart::default();
        let ids: Vec<u32> = (0..40)
            .map(|i| {
                mark(
                    &mut c,
                    "gastrocnemius",
                    Side::Left,
                    View::Posterior,
                    i as f32,
                    640.0,
                )
            })
            .collect();
        for &id in &ids {
            assert_eq!(c.trp(id).map(|t| t.id), Some(id));
        }
        assert!(c.trp(ids[39] + 1).is_none());
        // A chart whose points are not in id order (written by hand, say) still finds each.
        c.trps.reverse();
        c.trps.swap(3, 30);
        for &id in &ids {
            assert_eq!(c.trp(id).map(|t| t.id), Some(id));
        }
        assert!(c.trp(0).is_none());
    }

    #[test]
    fn a_visit_left_open_yesterday_closes_at_its_last_needle_unless_one_is_in() {
        let day = 24 * 60 * MINUTE;
        let mut c = screened();
        let p = mark(&mut c, "soleus", Side::Left, View::Posterior, -30.0, 700.0);
        let t = c.start_timer(p, 10 * MINUTE, &FixedClock(MINUTE)).unwrap();
        assert_eq!(c.close_stale_visit(day), Err(ChartError::NeedlesIn(1)));
        c.stop(t, &FixedClock(12 * MINUTE)).unwrap();
        assert_eq!(
            c.close_stale_visit(0),
            Err(ChartError::VisitAlreadyOpen),
            "today's stays open"
        );
        assert_eq!(c.close_stale_visit(day), Ok(0));
        assert_eq!(c.visits[0].ended_at, Some(12 * MINUTE));
        assert_eq!(c.close_stale_visit(day), Err(ChartError::NoVisit));
    }

    #[test]
    fn visit_notes_belong_to_the_open_visit_and_are_never_cut() {
        let mut c = Chart::default();
        assert_eq!(c.set_visit_notes("x".into()), Err(ChartError::NoVisit));
        let mut c2 = screened();
        c2.set_visit_notes("é".repeat(10_000)).unwrap();
        assert!(c2.set_visit_notes("é".repeat(10_001)).is_err());
        assert_eq!(c2.visit.as_ref().unwrap().notes.chars().count(), 10_000);
        c2.end_visit(false, &FixedClock(5)).unwrap();
        assert_eq!(c2.visits[0].notes.chars().count(), 10_000);
        c.start_visit(&FixedClock(0)).unwrap();
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
    fn no_needle_before_a_visit_and_its_screening() {
        let mut c = Chart::default();
        let clock = FixedClock(0);
        let p = c
            .mark("upper_trapezius", Side::Right, at(40.0, 130.0), &clock)
            .unwrap();
        assert_eq!(c.start_timer(p, MINUTE, &clock), Err(ChartError::NoVisit));
        c.start_visit(&clock).unwrap();
        assert_eq!(c.start_visit(&clock), Err(ChartError::VisitAlreadyOpen));
        assert!(matches!(
            c.start_timer(p, MINUTE, &clock),
            Err(ChartError::Screening(ScreeningGap::Unanswered(_)))
        ));
        for q in Question::ALL.into_iter().filter(|q| !q.estim_only()) {
            c.answer(q, q == Question::NeedleFear, &clock).unwrap();
        }
        assert_eq!(
            c.start_timer(p, MINUTE, &clock),
            Err(ChartError::Screening(ScreeningGap::Unconfirmed(
                Question::NeedleFear
            )))
        );
        assert!(c.timers.is_empty(), "a refused needle leaves no trace");
        c.confirm(Question::NeedleFear, &clock).unwrap();
        assert_eq!(
            c.start_timer(p, MINUTE, &clock),
            Err(ChartError::Consent(ConsentGap::NotGiven))
        );
        c.record_consent(Answer::Agree, true, &clock).unwrap();
        assert!(c.start_timer(p, MINUTE, &clock).is_ok());
    }

    #[test]
    fn several_needles_per_point_ordered_soonest_first() {
        let mut c = screened();
        let clock = FixedClock(0);
        let p1 = c
            .mark("upper_trapezius", Side::Right, at(40.0, 130.0), &clock)
            .unwrap();
        let p2 = c
            .mark("gluteus_medius", Side::Left, at(-60.0, 356.0), &clock)
            .unwrap();
        let t1 = c.start_timer(p1, 15 * MINUTE, &clock).unwrap();
        let t1b = c.start_timer(p1, 20 * MINUTE, &clock).unwrap();
        let t2 = c.start_timer(p2, 5 * MINUTE, &clock).unwrap();
        let order = |c: &Chart, now| -> Vec<u32> {
            c.live_timers(&FixedClock(now))
                .iter()
                .map(|t| t.id)
                .collect()
        };
        assert_eq!(order(&c, MINUTE), vec![t2, t1, t1b]);
        // Past due, the most overdue leads; a paused timer keeps its place by remaining time.
        c.pause(t1b, &FixedClock(2 * MINUTE)).unwrap();
        assert_eq!(order(&c, 30 * MINUTE), vec![t2, t1, t1b]);
        assert_eq!(
            c.timer(t2).unwrap().state(&FixedClock(30 * MINUTE)),
            TimerState::Overdue
        );
        c.stop(t2, &FixedClock(30 * MINUTE)).unwrap();
        assert_eq!(order(&c, 31 * MINUTE), vec![t1, t1b]);
        assert_eq!(
            c.ledger(),
            Ledger {
                put_in: 3,
                taken_out: 1
            }
        );
    }

    #[test]
    fn a_point_with_a_needle_in_stays_and_its_ended_needles_stay_counted() {
        let mut c = screened();
        let clock = FixedClock(0);
        let p = c
            .mark("soleus", Side::Left, at(-30.0, 700.0), &clock)
            .unwrap();
        let t = c.start_timer(p, MINUTE, &clock).unwrap();
        assert_eq!(c.remove(p), Err(ChartError::NeedleIn(p)));
        c.stop(t, &FixedClock(MINUTE)).unwrap();
        assert_eq!(c.remove(p).unwrap().muscle, "soleus");
        assert_eq!(
            c.ledger(),
            Ledger {
                put_in: 1,
                taken_out: 1
            }
        );
        assert_eq!(c.remove(p), Err(ChartError::UnknownTriggerPoint(p)));
    }

    #[test]
    fn timer_controls_on_unknown_ids_are_errors() {
        let mut c = screened();
        assert_eq!(
            c.start_timer(9, MINUTE, &FixedClock(0)),
            Err(ChartError::UnknownTriggerPoint(9))
        );
        assert_eq!(c.pause(3, &FixedClock(0)), Err(ChartError::UnknownTimer(3)));
    }

    #[test]
    fn a_visit_with_needles_in_ends_only_when_all_are_confirmed_out() {
        let mut c = screened();
        let a = mark(
            &mut c,
            "infraspinatus",
            Side::Right,
            View::Posterior,
            60.0,
            190.0,
        );
        let b = mark(
            &mut c,
            "gastrocnemius",
            Side::Left,
            View::Posterior,
            -30.0,
            640.0,
        );
        let ta = c.start_timer(a, 10 * MINUTE, &FixedClock(MINUTE)).unwrap();
        let tb = c
            .start_timer(b, 20 * MINUTE, &FixedClock(2 * MINUTE))
            .unwrap();
        c.stop(ta, &FixedClock(11 * MINUTE)).unwrap();
        assert_eq!(c.ledger().still_in(), 1);
        let in_now: Vec<u32> = c.needles_in().map(|t| t.id).collect();
        assert_eq!(in_now, vec![tb]);
        assert_eq!(
            c.end_visit(false, &FixedClock(12 * MINUTE)),
            Err(ChartError::NeedlesIn(1))
        );
        assert!(c.visit.is_some(), "refused: the visit is still open");
        c.end_visit(true, &FixedClock(13 * MINUTE)).unwrap();
        assert!(c.visit.is_none() && c.timers.is_empty());
        let ended = &c.visits[0];
        assert_eq!(ended.ended_at, Some(13 * MINUTE));
        assert_eq!(ended.timers.len(), 2);
        assert_eq!(
            ended.timers[1].ended_at,
            Some(13 * MINUTE),
            "recorded out at the end"
        );
        assert_eq!(
            ended.timers[0].ended_at,
            Some(11 * MINUTE),
            "kept its own time out"
        );
        assert_eq!(ended.screening.answers.len(), Question::ALL.len());
        // The next visit asks the screening again.
        c.start_visit(&FixedClock(99 * MINUTE)).unwrap();
        assert!(c.start_timer(a, MINUTE, &FixedClock(99 * MINUTE)).is_err());
    }

    #[test]
    fn e_stim_pairs_stay_on_one_side_and_follow_their_needles() {
        let mut c = screened();
        let clock = FixedClock(0);
        let ut = mark(
            &mut c,
            "upper_trapezius",
            Side::Right,
            View::Posterior,
            40.0,
            130.0,
        );
        let ls = mark(
            &mut c,
            "levator_scapulae",
            Side::Right,
            View::Posterior,
            30.0,
            120.0,
        );
        let ml = mark(
            &mut c,
            "multifidus",
            Side::Left,
            View::Posterior,
            -8.0,
            330.0,
        );
        let mr = mark(
            &mut c,
            "multifidus",
            Side::Right,
            View::Posterior,
            8.0,
            330.0,
        );
        let [n1, n2, n3, n4] =
            [ut, ls, ml, mr].map(|p| c.start_timer(p, 20 * MINUTE, &clock).unwrap());
        assert_eq!(
            c.start_pair([n3, n4], 2.0, 5.0, 10, &clock),
            Err(ChartError::PairCrosses(Crossing::Spine))
        );
        assert_eq!(
            c.start_pair([n1, n3], 2.0, 5.0, 10, &clock),
            Err(ChartError::PairCrosses(Crossing::Spine))
        );
        assert!(matches!(
            c.start_pair([n1, n1], 2.0, 5.0, 10, &clock),
            Err(ChartError::InvalidPair(_))
        ));
        assert!(matches!(
            c.start_pair([n1, n2], 0.0, 5.0, 10, &clock),
            Err(ChartError::InvalidPair(_))
        ));
        let pair = c
            .start_pair([n1, n2], 2.0, 5.0, estim::DEFAULT_MINUTES, &clock)
            .unwrap();
        let t = c.timer(pair).unwrap();
        assert_eq!(t.duration, 10 * MINUTE);
        assert_eq!(t.estim.unwrap().needles, [n1, n2]);
        assert!(matches!(
            c.start_pair([n2, n1], 2.0, 5.0, 10, &clock),
            Err(ChartError::InvalidPair(_))
        ));
        // A pair is not a needle: the ledger counts four.
        assert_eq!(c.ledger().put_in, 4);
        // Taking one of its needles out stops the current.
        c.stop(n2, &FixedClock(MINUTE)).unwrap();
        assert_eq!(c.timer(pair).unwrap().ended_at, Some(MINUTE));
        assert!(c.live_pair_of(n1).is_none());
    }

    #[test]
    fn screening_answers_block_e_stim() {
        let mut c = screened();
        let clock = FixedClock(0);
        let [na, nb] = calf_needles(&mut c, [20 * MINUTE, 20 * MINUTE]);
        c.answer(Question::Pacemaker, true, &clock).unwrap();
        c.confirm(Question::Pacemaker, &clock).unwrap();
        assert_eq!(
            c.start_pair([na, nb], 2.0, 5.0, 10, &clock),
            Err(ChartError::Screening(ScreeningGap::Blocks(
                Question::Pacemaker
            )))
        );
        c.answer(Question::Pacemaker, false, &clock).unwrap();
        assert!(c.start_pair([na, nb], 2.0, 5.0, 10, &clock).is_ok());
    }

    #[test]
    fn a_reload_restores_timers_pairs_and_the_visit_with_the_true_time() {
        let mut c = screened();
        let [na, nb] = calf_needles(&mut c, [5 * MINUTE, 20 * MINUTE]);
        c.pause(nb, &FixedClock(2 * MINUTE)).unwrap();
        let pair = c
            .start_pair([na, nb], 80.0, 3.5, 10, &FixedClock(MINUTE))
            .unwrap();
        let saved = crate::store::schema::encode(&c);
        // The page was closed for a quarter of an hour.
        let back = crate::store::schema::decode(&saved).unwrap();
        assert_eq!(back, c);
        let later = FixedClock(17 * MINUTE);
        assert_eq!(back.timer(na).unwrap().state(&later), TimerState::Overdue);
        assert_eq!(back.timer(na).unwrap().remaining(&later), -12 * MINUTE);
        assert_eq!(back.timer(nb).unwrap().remaining(&later), 18 * MINUTE);
        assert_eq!(back.timer(pair).unwrap().state(&later), TimerState::Overdue);
        assert_eq!(back.visit.as_ref().unwrap().screening.answers.len(), 9);
    }
}
