//! The app's shared state: the chart (saved on every change), the clock reading that drives
//! every timer display, and what the therapist is looking at.

use leptos::prelude::*;

use crate::anatomy::model::{Side, View};
use crate::clinic::chart::{Chart, ChartError};
use crate::clinic::history::{Change, History};
use crate::clinic::patient::{Patient, PatientForm, PatientId};
use crate::clinic::timer::{Clock, Millis};
use crate::store::browser::{self, Loaded};
use crate::store::records::{self, Meta, Op, Touched};
use crate::viewport::Camera;

/// The browser's wall clock (faked by end-to-end tests through `Date`).
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> Millis {
        js_sys::Date::now() as Millis
    }
}

/// The latest clock reading, refreshed by the single tick loop.
#[derive(Clone, Copy, Debug)]
pub struct Now(pub Millis);

impl Clock for Now {
    fn now(&self) -> Millis {
        self.0
    }
}

/// What the therapist has picked on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Selection {
    None,
    /// A charted trigger point.
    Trp(u32),
    /// A muscle found by search (no point charted).
    Muscle {
        id: &'static str,
        side: Side,
        view: View,
    },
}

impl Selection {
    /// The trigger point, if the selection is one.
    pub fn trp(self) -> Option<u32> {
        match self {
            Selection::Trp(id) => Some(id),
            _ => None,
        }
    }
}

/// What a tap on the map does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Mark trigger points.
    Chart,
    /// Paint where it hurts (reverse lookup).
    Pain,
}

/// A dialog over the treatment screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    None,
    /// The visit's screening checklist.
    Screening,
    /// Ending a visit with needles still in: each is listed for confirmation.
    EndVisit,
    /// The patient list (search, open, new).
    Patients,
    /// This patient's details and visit history.
    PatientFile,
}

/// Which points the chart's changes touched, in order, so that a view of hundreds of points can
/// update the few a change touched instead of comparing them all. A change that is not
/// logged point by point is logged as "everything".
#[derive(Default)]
pub struct Edits {
    rev: u64,
    /// (rev, point); `None` is everything.
    log: Vec<(u64, Option<u32>)>,
}

impl Edits {
    const KEEP: usize = 256;

    fn push(&mut self, what: Option<u32>) {
        self.rev += 1;
        if self.log.len() == 2 * Self::KEEP {
            self.log.drain(..Self::KEEP);
        }
        self.log.push((self.rev, what));
    }

    fn points(&mut self, ids: &[u32]) {
        ids.iter().for_each(|id| self.push(Some(*id)));
    }

    fn everything(&mut self) {
        self.push(None);
    }

    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// The points changed since `seen`, or `None` when the view must look at every point (a
    /// change logged as everything, a log that no longer reaches back, or a notification with
    /// nothing logged).
    pub fn since(&self, seen: u64) -> Option<Vec<u32>> {
        if self.rev == seen {
            return None;
        }
        let first = self.log.first().map_or(u64::MAX, |e| e.0);
        if first > seen + 1 {
            return None;
        }
        self.log
            .iter()
            .filter(|e| e.0 > seen)
            .map(|e| e.1)
            .collect()
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// What the chart's changes touched, for views that update in place (the markers).
    pub edits: StoredValue<Edits>,
    pub chart: RwSignal<Chart>,
    /// The visit under way, its timers and the points that have timers changed: the views of
    /// those follow this (`with_open`) rather than every change of `chart`, so that a tap
    /// that marks a point does not make the visit bar, the alarms and the timers look again.
    open_rev: Trigger,
    /// The pain drawing changed (`with_pain`).
    pain_rev: Trigger,
    pub now: RwSignal<Millis>,
    pub selection: RwSignal<Selection>,
    pub deep: RwSignal<bool>,
    /// Zoom and pan shared by both figures (they share one frame).
    pub camera: RwSignal<Camera>,
    /// True while fingers move the map: no easing, and the layer may be cached.
    pub gesturing: RwSignal<bool>,
    /// Bumped when the map's size may have changed (first layout, resize, rotation).
    pub layout_rev: RwSignal<u32>,
    /// The patients as the database last listed them: the patient list shows these at once
    /// and reads the database again behind them (read ahead once the app is warm).
    pub patients_seen: StoredValue<Option<Vec<Patient>>>,
    /// Counts this tab's writes to patients' records: a list read across one is not kept.
    patients_rev: StoredValue<u32>,
    /// Which figure a portrait screen shows.
    pub portrait_view: RwSignal<View>,
    /// A message the therapist must see (storage trouble, refused action).
    pub message: RwSignal<Option<String>>,
    pub mode: RwSignal<Mode>,
    /// Overlay the referral patterns of every charted point.
    pub show_all: RwSignal<bool>,
    /// Undo history of charting changes (kept for this visit, not saved).
    history: StoredValue<History>,
    /// Bumped on every history change so the undo and redo buttons follow.
    pub history_rev: RwSignal<u32>,
    /// The selection as the side panel shows it. It follows `selection` at once, except after
    /// a tap on the map (`select_on_map`): then in the task after the tap's frame, so that
    /// the frame that paints the new marker (and the map's highlight) is not also the panel's,
    /// nor that of the muscle's referral pattern and typical sites (see `panel_focus`).
    pub panel: RwSignal<Selection>,
    panel_waits: StoredValue<bool>,
    /// The muscle and side the selection is about, changing only when they do (so that
    /// charting on the same muscle does not redraw its outline; `panel_focus` does the same
    /// for the pattern and hints).
    pub focus: Memo<Option<(String, Side)>>,
    /// The muscle and side of `panel`: the referral pattern, its legend and the typical sites
    /// follow it, one frame after a tap's marker and outline (about 5 ms less under the first
    /// tap on a muscle, at 4x CPU throttling).
    pub panel_focus: Memo<Option<(String, Side)>>,
    /// Timers not yet ended, soonest due first: sorted once per tick for the dock and the title.
    pub live_timers: Memo<Vec<u32>>,
    /// Alarm tone volume (0-1), silent mode and the needle time to offer first (saved).
    pub volume: RwSignal<f32>,
    pub silent: RwSignal<bool>,
    pub default_minutes: RwSignal<i64>,
    /// System notifications for due timers while the page is hidden (saved).
    pub notify: RwSignal<bool>,
    pub dialog: RwSignal<Dialog>,
    /// A needle asked for before the screening was done (point, duration): it goes in once
    /// the screening allows it.
    pub pending_needle: RwSignal<Option<(u32, Millis)>>,
    /// The message, if it is the one that offers "Undo delete" (a point just deleted).
    pub undo_offer: RwSignal<Option<String>>,
    /// Whose chart this is.
    pub patient: RwSignal<Patient>,
    /// Writes under way and not yet reported complete by the database, counted from the task
    /// after the frame that shows them (see `track`): the header's `data-pending`.
    pub saving: RwSignal<u32>,
    /// A write failed: what is on screen is not all kept.
    pub unsaved: RwSignal<bool>,
    /// An ended visit shown on the map, read only (its id); the chart under way waits aside.
    pub past: RwSignal<Option<Millis>>,
    live: StoredValue<Option<Chart>>,
    can_save: StoredValue<bool>,
    /// The screen is turned toward the patient: only their body, their points and the story.
    pub patient_view: RwSignal<bool>,
    /// The page of the patient view's story.
    pub patient_page: RwSignal<usize>,
    /// Bumped when the clinical texts (`texts::load_clinic`) arrive.
    pub texts_rev: RwSignal<u32>,
}

impl AppState {
    pub fn new(loaded: Loaded) -> AppState {
        let settings = browser::load_settings();
        let chart = RwSignal::new(loaded.chart);
        let selection = RwSignal::new(Selection::None);
        let now = RwSignal::new(BrowserClock.now());
        let (open_rev, pain_rev) = (Trigger::new(), Trigger::new());
        let live_timers = Memo::new(move |_| {
            let now = Now(now.get());
            open_rev.track();
            chart.with_untracked(|c| c.live_timers(&now).iter().map(|t| t.id).collect())
        });
        let (panel, panel_waits) = (RwSignal::new(Selection::None), StoredValue::new(false));
        Effect::new(move |_| {
            let now = selection.get();
            let show = move || {
                if panel.try_get_untracked().is_some_and(|p| p != now) {
                    panel.set(now);
                }
            };
            if panel_waits.try_update_value(std::mem::take) == Some(true) {
                // Unless the selection has moved on by then.
                crate::frame::after_frame(move || {
                    if selection.try_get_untracked() == Some(now) {
                        show();
                    }
                });
            } else {
                show();
            }
        });
        let focus_of = move |chosen: RwSignal<Selection>| {
            Memo::new(move |_| match chosen.get() {
                Selection::None => None,
                Selection::Muscle { id, side, .. } => Some((id.to_string(), side)),
                Selection::Trp(id) => chart.with(|c| c.trp(id).map(|t| (t.muscle.clone(), t.side))),
            })
        };
        let (focus, panel_focus) = (focus_of(selection), focus_of(panel));
        AppState {
            edits: StoredValue::new(Edits::default()),
            chart,
            open_rev,
            pain_rev,
            focus,
            panel_focus,
            now,
            live_timers,
            selection,
            panel,
            panel_waits,
            deep: RwSignal::new(false),
            camera: RwSignal::new(Camera::default()),
            gesturing: RwSignal::new(false),
            layout_rev: RwSignal::new(0),
            patients_seen: StoredValue::new(None),
            patients_rev: StoredValue::new(0),
            portrait_view: RwSignal::new(View::Anterior),
            message: RwSignal::new(loaded.notice),
            mode: RwSignal::new(Mode::Chart),
            show_all: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            history_rev: RwSignal::new(0),
            volume: RwSignal::new(settings.volume),
            silent: RwSignal::new(settings.silent),
            default_minutes: RwSignal::new(settings.default_minutes),
            notify: RwSignal::new(settings.notify),
            dialog: RwSignal::new(Dialog::None),
            pending_needle: RwSignal::new(None),
            undo_offer: RwSignal::new(None),
            patient: RwSignal::new(loaded.patient),
            saving: RwSignal::new(0),
            unsaved: RwSignal::new(false),
            past: RwSignal::new(None),
            live: StoredValue::new(None),
            can_save: StoredValue::new(loaded.can_save),
            patient_view: RwSignal::new(false),
            patient_page: RwSignal::new(0),
            texts_rev: RwSignal::new(0),
        }
    }

    /// Keeps the preferences on the device whenever one changes.
    pub fn save_settings_on_change(&self) {
        let (volume, silent, minutes, notify, message) = (
            self.volume,
            self.silent,
            self.default_minutes,
            self.notify,
            self.message,
        );
        Effect::new(move |first: Option<()>| {
            let settings = crate::store::schema::Settings {
                volume: volume.get(),
                silent: silent.get(),
                default_minutes: minutes.get(),
                notify: notify.get(),
            };
            if first.is_some() {
                if let Err(why) = browser::save_settings(&settings) {
                    message.set(Some(why));
                }
            }
        });
    }

    /// The selected trigger point, if the selection is one.
    pub fn selected_trp(&self) -> Option<u32> {
        self.selection.get().trp()
    }

    /// Selects from a tap on the map: the panel follows after the tap's frame (see `panel`).
    pub fn select_on_map(&self, selection: Selection) {
        if self.selection.get_untracked() != selection {
            self.panel_waits.set_value(true);
        }
        self.selection.set(selection);
    }

    /// The point the side panel shows (see `panel`).
    pub fn panel_trp(&self) -> Option<u32> {
        self.panel.get().trp()
    }

    pub fn panel_trp_untracked(&self) -> Option<u32> {
        self.panel.get_untracked().trp()
    }

    pub fn selected_trp_untracked(&self) -> Option<u32> {
        self.selection.get_untracked().trp()
    }

    /// The muscle and side the selection is about (a point's muscle, or a searched muscle).
    pub fn selected_muscle(&self) -> Option<(String, Side)> {
        self.focus.get()
    }

    /// Reads the chart for a view of the visit under way, its timers or the points that have
    /// timers: tracks changes to those only.
    pub fn with_open<T>(&self, f: impl FnOnce(&Chart) -> T) -> T {
        self.open_rev.track();
        self.chart.with_untracked(f)
    }

    /// Reads the chart for a view of the pain drawing: tracks changes to it only.
    pub fn with_pain<T>(&self, f: impl FnOnce(&Chart) -> T) -> T {
        self.pain_rev.track();
        self.chart.with_untracked(f)
    }

    /// Puts another chart on the map (another patient, a past visit, back to today): every
    /// view looks again.
    fn replace_chart(&self, chart: Chart) {
        self.edits.update_value(Edits::everything);
        self.chart.set(chart);
        self.open_rev.notify();
        self.pain_rev.notify();
    }

    /// The current clock reading, untracked (for actions, not displays).
    pub fn clock(&self) -> Now {
        let now = BrowserClock.now();
        self.now.set(now);
        Now(now)
    }

    /// Saves what a change touched, in one transaction, and tells the views; every kind of
    /// change ends here. The screen shows the change at once; if the database then refuses
    /// it, the therapist is told and the header says "Not saved".
    fn persist(&self, touched: &Touched) {
        self.persist_then(touched, None);
    }

    /// As `persist`; when the change began today's visit (`visit_began`: at that time), the
    /// views of the visit (its bar, the header's last visit, the clock) follow in the task
    /// after the frame that paints the change: the records are queued now all the same.
    fn persist_then(&self, touched: &Touched, visit_began: Option<Millis>) {
        self.edits.update_value(|e| {
            if touched.all_points {
                e.everything()
            } else {
                e.points(&touched.points)
            }
        });
        if !touched.is_empty() {
            let pid = self.patient.with_untracked(|p| p.id);
            let ops = self
                .chart
                .with_untracked(|c| records::ops_for(pid, c, touched));
            self.write(ops);
        }
        // A point's timers are labelled and ringed by their point: a change to a point with
        // timers is a change to the timers' views.
        let timed = |c: &Chart| c.timers.iter().any(|t| touched.points.contains(&t.trp));
        if let Some(at) = visit_began {
            let (open_rev, now, patient) = (self.open_rev, self.now, self.patient);
            crate::frame::after_frame(move || {
                now.try_set(at);
                patient.notify();
                open_rev.notify();
            });
        } else if touched.open
            || touched.all_points
            || !touched.visits.is_empty()
            || self.chart.with_untracked(timed)
        {
            self.open_rev.notify();
        }
        if touched.pain || touched.all_points {
            self.pain_rev.notify();
        }
        self.chart.notify();
    }

    /// Writes records in one transaction, counting it until the database reports back.
    /// Neither this nor `write_now` is inlined: copies in their callers made the first load
    /// 2 KB larger (brotli).
    #[inline(never)]
    pub fn write(&self, ops: Vec<Op>) {
        // A patient's record changes: the list read ahead is no longer what the database holds.
        let patients_changed = ops.iter().any(|op| match op {
            Op::Put(key, _) | Op::Delete(key) => key.starts_with(records::PATIENTS_PREFIX),
            Op::DeletePrefix(_) => false,
        });
        if patients_changed {
            self.patients_seen.set_value(None);
            self.patients_rev.update_value(|r| *r = r.wrapping_add(1));
        }
        if !self.can_save.get_value() {
            self.unsaved.set(true);
            return;
        }
        self.track(ops, || {});
    }

    /// Writes as `write` does, with the transaction started now rather than after the next
    /// frame: for what is not a tap on the map (a patient created, edited, archived, deleted or
    /// opened), so that a reload right after it (the next patient called in) finds it kept.
    #[inline(never)]
    pub fn write_now(&self, ops: Vec<Op>) {
        self.write(ops);
        crate::store::idb::flush();
    }

    /// After a write failed: writes the whole chart of this patient as it is on screen, in one
    /// transaction; once that is kept, nothing on screen is unsaved any more.
    pub fn save_again(&self) {
        if !self.can_save.get_value() {
            return;
        }
        let patient = self.patient.get_untracked();
        let ops = self.live_chart(|c| records::ops_for_all(&patient, c));
        let (unsaved, message) = (self.unsaved, self.message);
        self.track(ops, move || {
            unsaved.set(false);
            message.set(Some("Saved: everything on screen is kept.".into()));
        });
    }

    /// Writes `ops` in one transaction (started once the change is painted, see
    /// `idb::write_soon`) and counts it until the database reports back: `kept`
    /// runs once it is committed; a failure marks the screen "Not saved" and says why.
    ///
    /// The write is queued now, in order; it is counted and followed from the task after the
    /// next frame, where its transaction starts: a tap pays for no task, no count and no
    /// header update of its own (about 45 us of the 1 ms a steady tap takes, unthrottled).
    /// A write started at once (`write_now`) that is over before then is counted and settled
    /// there.
    fn track(&self, ops: Vec<Op>, kept: impl FnOnce() + 'static) {
        let done = browser::save(ops);
        let (saving, unsaved, message) = (self.saving, self.unsaved, self.message);
        crate::frame::after_frame(move || {
            saving.try_update(|n| *n += 1);
            wasm_bindgen_futures::spawn_local(async move {
                let result = done.await;
                saving.try_update(|n| *n = n.saturating_sub(1));
                match result {
                    Ok(()) => kept(),
                    Err(why) => {
                        unsaved.try_set(true);
                        message.try_set(Some(why));
                    }
                }
            });
        });
    }

    /// Closes a visit left open on an earlier day with no needle in, and says so.
    pub fn close_stale_visit(&self) {
        let midnight = {
            let d = js_sys::Date::new_0();
            d.set_hours(0);
            d.set_minutes(0);
            d.set_seconds(0);
            d.set_milliseconds(0);
            d.get_time() as Millis
        };
        if let Some(Ok(started)) = self.try_commit(|c, _| c.close_stale_visit(midnight)) {
            self.message.set(Some(format!(
                "The visit of {} was still open with every needle out: it has been ended at its last needle out, with its findings.",
                super::patients::date(started)
            )));
        }
    }

    /// Can this tab write to the database at all?
    pub fn can_save(&self) -> bool {
        self.can_save.get_value()
    }

    /// Another tab leads now: nothing more is written from this one.
    pub fn stop_saving(&self) {
        self.can_save.set_value(false);
    }

    /// Refuses changes while a past visit is on the map (it is read only).
    fn read_only(&self) -> bool {
        if self.past.get_untracked().is_some() {
            self.message.set(Some(
                "This is an ended visit: it is read only. Use “Amend” to add a correction, or “Back to today”.".into(),
            ));
            true
        } else {
            false
        }
    }

    /// Applies an undoable charting change built from the current chart, saves, and
    /// remembers it for undo. Returns false (and says why) when the change is refused.
    /// The chart is changed in place (no copy of hundreds of points per tap); a refused
    /// change leaves it as it was.
    pub fn change(
        &self,
        build: impl FnOnce(&mut Chart, &Now) -> Result<Change, ChartError>,
    ) -> bool {
        if self.read_only() {
            return false;
        }
        // Marking, moving and recording show no time, so the views that follow the clock
        // (timers, alarms) are not woken by a tap: the clock is read, not set, unless the
        // change starts today's visit (its bar counts from then).
        let clock = Now(BrowserClock.now());
        let history = self.history;
        let result = self
            .chart
            .try_update_untracked(|c| {
                let change = build(c, &clock)?;
                let touched = Touched::of(&change);
                history
                    .try_update_value(|h| h.apply(c, change))
                    .unwrap_or(Ok(()))?;
                // Charting happens within a visit: today's starts with the first change.
                let started = c.ensure_visit(&clock);
                Ok((touched, started))
            })
            .unwrap_or(Ok((Touched::default(), false)));
        match result {
            Ok((mut touched, started)) => {
                touched.open |= started;
                if started {
                    // A visit began: which points are carried over is looked at afresh.
                    self.edits.update_value(Edits::everything);
                    self.visit_started(false);
                }
                self.persist_then(&touched, started.then_some(clock.0));
                self.history_rev.update(|r| *r += 1);
                true
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// Lists the patients from the database and keeps the list for the next opening of the
    /// patient list, unless this tab wrote a patient's record while it was read.
    pub async fn list_patients(&self) -> Result<Vec<Patient>, String> {
        let (seen, rev) = (self.patients_seen, self.patients_rev);
        let before = rev.get_value();
        let list = browser::list_patients().await?;
        if rev.try_get_value() == Some(before) {
            seen.try_set_value(Some(list.clone()));
        }
        Ok(list)
    }

    /// Lists the patients ahead of the patient list's first opening.
    pub fn read_patients_ahead(&self) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let _ = state.list_patients().await;
        });
    }

    /// Runs what the first tap on the map runs (a point marked, today's visit started, their
    /// records written out) on a scratch chart that is then dropped: the browser compiles the
    /// app's code one function at a time, the first time it runs, and this way that happens
    /// while the therapist looks rather than under their first tap. Nothing is kept or saved.
    /// Hands back the scratch chart and its point, for the views to rehearse on.
    pub fn rehearse(&self) -> Option<(Chart, u32)> {
        let clock = self.clock();
        let mut chart = Chart::default();
        let mut history = History::default();
        let at = crate::clinic::chart::MapPoint {
            view: View::Posterior,
            x: 40.0,
            y: 130.0,
        };
        std::hint::black_box(self.patient.with_untracked(records::put_patient));
        // The lung's muscles (the safety checks of every change) are listed on first use.
        std::hint::black_box(crate::clinic::safety::over_thorax("upper_trapezius"));
        let change = chart
            .change_mark("upper_trapezius", Side::Right, at, clock.0)
            .ok()?;
        // The first change of a day also writes the visit it begins.
        let touched = Touched {
            open: true,
            ..Touched::of(&change)
        };
        history.apply(&mut chart, change).ok()?;
        chart.ensure_visit(&clock);
        crate::store::idb::prepare();
        let pid = self.patient.with_untracked(|p| p.id);
        std::hint::black_box(records::ops_for(pid, &chart, &touched));
        let id = chart.trps.first()?.id;
        Some((chart, id))
    }

    /// Tells the therapist why a change was refused.
    pub fn refused(&self, e: &ChartError) {
        self.message.set(Some(format!("That did not work: {e}.")));
    }

    /// Undo (`back`) or redo the last charting change.
    pub fn step_history(&self, back: bool) {
        if self.read_only() {
            return;
        }
        let history = self.history;
        let result = self
            .chart
            .try_update_untracked(|c| {
                history
                    .try_update_value(|h| if back { h.undo(c) } else { h.redo(c) })
                    .unwrap_or(Ok(None))
            })
            .unwrap_or(Ok(None));
        match result {
            Ok(Some(_)) => {
                // An offer to undo a delete is spent once anything is undone or redone.
                if self.message.get_untracked().is_some()
                    && self.message.get_untracked() == self.undo_offer.get_untracked()
                {
                    self.message.set(None);
                }
                self.undo_offer.set(None);
                let touched = history
                    .with_value(|h| {
                        if back { h.last_undone() } else { h.last_done() }.map(Touched::of)
                    })
                    .unwrap_or_default();
                self.persist(&touched);
                self.history_rev.update(|r| *r += 1);
            }
            Ok(None) => {}
            Err(e) => self.message.set(Some(format!(
                "Cannot {}: {e}.",
                if back { "undo" } else { "redo" }
            ))),
        }
    }

    /// What undo and redo would do now (tracks the history).
    pub fn history_labels(&self) -> (Option<&'static str>, Option<&'static str>) {
        self.history_rev.track();
        self.history.with_value(|h| (h.next_undo(), h.next_redo()))
    }

    /// Applies a change to the chart and saves it before returning, so that nothing the
    /// therapist did can be lost to a reload or a closed tab. A refusal is shown as a message.
    pub fn commit<T>(
        &self,
        change: impl FnOnce(&mut Chart, &Now) -> Result<T, ChartError>,
    ) -> Option<T> {
        match self.try_commit(change)? {
            Ok(v) => Some(v),
            Err(e) => {
                self.refused(&e);
                None
            }
        }
    }

    /// `commit`, handing a refusal back to the caller to explain where it belongs (`None`
    /// once the app is gone).
    pub fn try_commit<T>(
        &self,
        change: impl FnOnce(&mut Chart, &Now) -> Result<T, ChartError>,
    ) -> Option<Result<T, ChartError>> {
        if self.read_only() {
            return None;
        }
        let clock = self.clock();
        // Chart operations check before they change anything, so a refusal leaves it as it was.
        let (result, before) = self.chart.try_update_untracked(|c| {
            let before = (c.visit.is_some(), c.visits.len());
            (change(c, &clock), before)
        })?;
        if result.is_ok() {
            let (open, ended) = self
                .chart
                .with_untracked(|c| (c.visit.is_some(), c.visits.len()));
            let mut touched = Touched {
                open: true,
                ..Default::default()
            };
            if ended > before.1 {
                // A visit ended: it takes the day's findings and drawing with it.
                touched.all_points = true;
                touched.pain = true;
                touched.visits = self.chart.with_untracked(|c| {
                    c.visits.last().map(|v| v.started_at).into_iter().collect()
                });
                // Undo cannot reach into an ended visit.
                self.history.set_value(History::default());
                self.history_rev.update(|r| *r += 1);
            }
            if open && !before.0 {
                self.visit_started(true);
            }
            // Timers, visits and the like: the views look at every point.
            self.edits.update_value(Edits::everything);
            self.persist(&touched);
        }
        Some(result)
    }

    /// A visit started: the patient list orders by it.
    /// Keeps the visit's start as the patient's last visit; `show`: tells the views now (else
    /// the caller does).
    fn visit_started(&self, show: bool) {
        let started = self
            .chart
            .with_untracked(|c| c.visit.as_ref().map(|v| v.started_at));
        self.patient
            .update_untracked(|p| p.last_visit = started.or(p.last_visit));
        if show {
            self.patient.notify();
        }
        let op = self.patient.with_untracked(records::put_patient);
        self.write(vec![op]);
    }

    /// Another patient's chart may replace this one only with every needle out: the timers
    /// and alarms of needles still in must stay on screen. The error is a sentence.
    fn may_leave(&self) -> Result<(), String> {
        let n = self.live_chart(|c| c.ledger().still_in());
        if n == 0 {
            return Ok(());
        }
        Err(format!(
            "{} has {n} needle{} in: take {} out before opening another patient, so that {} timer{} stay{} on screen.",
            self.patient.with_untracked(|p| p.name.clone()),
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" },
            if n == 1 { "its" } else { "their" },
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
        ))
    }

    /// Opens another patient's chart (the current one is already saved, change by change).
    pub fn open_patient(&self, id: PatientId) -> Result<(), String> {
        if self.patient.with_untracked(|p| p.id) == id && self.past.get_untracked().is_none() {
            self.dialog.set(Dialog::None);
            return Ok(());
        }
        self.may_leave()?;
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            match browser::open_patient(id).await {
                Ok((patient, assembled)) => {
                    let notice = assembled.notice();
                    state.show(patient, assembled.chart);
                    if let Some(n) = notice {
                        state.message.set(Some(n));
                    }
                }
                Err(why) => state.message.set(Some(why)),
            }
        });
        Ok(())
    }

    /// Puts a patient's chart on screen and remembers them as the one open.
    fn show(&self, patient: Patient, chart: Chart) {
        let meta = records::put_meta(&Meta::new(Some(patient.id)));
        self.past.set(None);
        self.live.set_value(None);
        self.history.set_value(History::default());
        self.history_rev.update(|r| *r += 1);
        self.selection.set(Selection::None);
        self.pending_needle.set(None);
        self.dialog.set(Dialog::None);
        self.patient.set(patient);
        self.replace_chart(chart);
        self.write_now(vec![meta]);
        self.close_stale_visit();
    }

    /// Creates a patient from the form and opens their (empty) chart. The error is a sentence.
    pub fn create_patient(&self, form: &PatientForm) -> Result<(), String> {
        self.may_leave()?;
        let now = self.clock().0;
        let patient = Patient::new(browser::new_patient_id(now), form, now)?;
        self.write_now(vec![records::put_patient(&patient)]);
        browser::request_persistence();
        self.show(patient, Chart::default());
        Ok(())
    }

    /// Deletes the open patient and every record of theirs, then opens the most recent other
    /// patient (or a new first one).
    pub fn delete_patient(&self) {
        let id = self.patient.with_untracked(|p| p.id);
        self.write_now(vec![
            Op::DeletePrefix(records::prefix(id)),
            Op::Delete(records::patient_key(id)),
        ]);
        // The file of a patient who is gone closes now, not once the next patient is read: its
        // form's messages would stand beside the one saying the patient was deleted.
        self.dialog.set(Dialog::None);
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            // Read after the delete's transaction: the database runs them in order.
            let next = browser::list_patients().await.ok().and_then(|all| {
                crate::clinic::patient::listed(&all, "", false)
                    .into_iter()
                    .find(|p| p.id != id)
                    .map(|p| p.id)
            });
            match next {
                Some(next) => {
                    let _ = state.open_patient(next);
                }
                None => {
                    let _ = state.create_patient(&PatientForm {
                        name: "Patient 1".into(),
                        ..Default::default()
                    });
                }
            }
            state.message.set(Some(
                "The patient and all their visits have been deleted from this device.".into(),
            ));
        });
    }

    /// Renames or corrects the open patient's details.
    pub fn edit_patient(&self, form: &PatientForm) -> Result<(), String> {
        let mut p = self.patient.get_untracked();
        p.edit(form)?;
        self.write_now(vec![records::put_patient(&p)]);
        self.patient.set(p);
        Ok(())
    }

    /// Shows an ended visit on the map as it was that day, read only. Refused while needles
    /// are in, so that their timers and alarms stay on screen; the error says so.
    pub fn view_past(&self, visit: Millis) -> Result<(), String> {
        if self.past.get_untracked().is_none()
            && self
                .chart
                .with_untracked(|c| c.needles_in().next().is_some())
        {
            return Err("Needles are in: take them out before opening an earlier visit on the map, so that their timers stay on screen.".into());
        }
        let then = self
            .live_chart(|c| c.as_it_was(visit))
            .ok_or("That visit is no longer on this device.")?;
        if self.past.get_untracked().is_none() {
            self.live.set_value(Some(self.chart.get_untracked()));
        }
        self.selection.set(Selection::None);
        self.dialog.set(Dialog::None);
        self.past.set(Some(visit));
        self.replace_chart(then);
        Ok(())
    }

    /// Leaves a past visit for the chart under way.
    pub fn back_to_today(&self) {
        if let Some(live) = self.live.try_update_value(Option::take).flatten() {
            self.selection.set(Selection::None);
            self.past.set(None);
            self.replace_chart(live);
        }
    }

    /// Reads the patient's chart under way, even while a past visit is on the map.
    pub fn live_chart<T>(&self, f: impl FnOnce(&Chart) -> T) -> T {
        self.live.with_value(|aside| match aside {
            Some(c) => f(c),
            None => self.chart.with_untracked(f),
        })
    }

    /// Adds an amendment to an ended visit and saves that visit. The visit lives in the chart
    /// under way (set aside while a past visit is on the map).
    pub fn amend(&self, visit: Millis, what: &str, why: &str) -> Result<(), String> {
        let clock = self.clock();
        let pid = self.patient.with_untracked(|p| p.id);
        let touched = Touched {
            visits: vec![visit],
            ..Default::default()
        };
        self.edits.update_value(Edits::everything);
        let amend = |c: &mut Chart| {
            c.amend(visit, what, why, &clock)?;
            Ok(records::ops_for(pid, c, &touched))
        };
        let ops = self
            .live
            .try_update_value(|aside| match aside {
                Some(c) => amend(c),
                None => self
                    .chart
                    .try_update(amend)
                    .unwrap_or(Err(ChartError::NoVisit)),
            })
            .unwrap_or(Err(ChartError::NoVisit))
            .map_err(|e: ChartError| e.to_string())?;
        self.write(ops);
        self.open_rev.notify();
        self.history_rev.update(|r| *r += 1);
        Ok(())
    }
}

/// A value that many views read (a record's every chip reads the selected point's findings),
/// announced to them only when it changes. Behind a `Memo`, every change to the chart or the
/// selection wakes each of those views to check the memo again, even when the value is the
/// same (marking a new point leaves the record showing blank findings as before); here one
/// effect looks, and the views wake only for a new value.
pub fn settled<T>(value: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let kept = RwSignal::new(untrack(&value));
    Effect::new(move |_| {
        let now = value();
        if kept.with_untracked(|k| *k != now) {
            kept.set(now);
        }
    });
    kept.read_only()
}
