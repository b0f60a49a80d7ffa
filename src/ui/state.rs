//! The app's shared state: the chart (saved on every change), the clock reading that drives
//! every timer display, and what the therapist is looking at.

use leptos::prelude::*;

use crate::anatomy::model::{Side, View};
use crate::clinic::chart::{Chart, ChartError};
use crate::clinic::history::{Change, History};
use crate::clinic::timer::{Clock, Millis};
use crate::store::browser;
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
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub chart: RwSignal<Chart>,
    pub now: RwSignal<Millis>,
    pub selection: RwSignal<Selection>,
    pub deep: RwSignal<bool>,
    /// Zoom and pan shared by both figures (they share one frame).
    pub camera: RwSignal<Camera>,
    /// True while fingers move the map: no easing, and the layer may be cached.
    pub gesturing: RwSignal<bool>,
    /// Bumped when the map's size may have changed (first layout, resize, rotation).
    pub layout_rev: RwSignal<u32>,
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
    /// The muscle and side the selection is about, changing only when they do (so that
    /// charting on the same muscle does not redraw its highlight, pattern and hints).
    pub focus: Memo<Option<(String, Side)>>,
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
    can_save: StoredValue<bool>,
}

impl AppState {
    pub fn load() -> AppState {
        let loaded = browser::load(BrowserClock.now());
        let settings = browser::load_settings();
        let chart = RwSignal::new(loaded.chart);
        let selection = RwSignal::new(Selection::None);
        let now = RwSignal::new(BrowserClock.now());
        let live_timers = Memo::new(move |_| {
            let now = Now(now.get());
            chart.with(|c| c.live_timers(&now).iter().map(|t| t.id).collect())
        });
        let focus = Memo::new(move |_| match selection.get() {
            Selection::None => None,
            Selection::Muscle { id, side, .. } => Some((id.to_string(), side)),
            Selection::Trp(id) => chart.with(|c| c.trp(id).map(|t| (t.muscle.clone(), t.side))),
        });
        AppState {
            chart,
            focus,
            now,
            live_timers,
            selection,
            deep: RwSignal::new(false),
            camera: RwSignal::new(Camera::default()),
            gesturing: RwSignal::new(false),
            layout_rev: RwSignal::new(0),
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
            can_save: StoredValue::new(loaded.can_save),
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
        match self.selection.get() {
            Selection::Trp(id) => Some(id),
            _ => None,
        }
    }

    pub fn selected_trp_untracked(&self) -> Option<u32> {
        match self.selection.get_untracked() {
            Selection::Trp(id) => Some(id),
            _ => None,
        }
    }

    /// The muscle and side the selection is about (a point's muscle, or a searched muscle).
    pub fn selected_muscle(&self) -> Option<(String, Side)> {
        self.focus.get()
    }

    /// The current clock reading, untracked (for actions, not displays).
    pub fn clock(&self) -> Now {
        let now = BrowserClock.now();
        self.now.set(now);
        Now(now)
    }

    /// Saves the chart as it now is and tells the views; every kind of change ends here.
    fn persist(&self) {
        if self.can_save.get_value() {
            if let Err(why) = self.chart.with_untracked(browser::save) {
                self.message.set(Some(why));
            }
        }
        self.chart.notify();
    }

    /// Applies an undoable charting change built from the current chart, saves, and
    /// remembers it for undo. Returns false (and says why) when the change is refused.
    /// The chart is changed in place (no copy of hundreds of points per tap); a refused
    /// change leaves it as it was.
    pub fn change(
        &self,
        build: impl FnOnce(&mut Chart, &Now) -> Result<Change, ChartError>,
    ) -> bool {
        let clock = self.clock();
        let history = self.history;
        let result = self
            .chart
            .try_update_untracked(|c| {
                let change = build(c, &clock)?;
                history
                    .try_update_value(|h| h.apply(c, change))
                    .unwrap_or(Ok(()))
            })
            .unwrap_or(Ok(()));
        match result {
            Ok(()) => {
                self.persist();
                self.history_rev.update(|r| *r += 1);
                true
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// Tells the therapist why a change was refused.
    pub fn refused(&self, e: &ChartError) {
        self.message.set(Some(format!("That did not work: {e}.")));
    }

    /// Undo (`back`) or redo the last charting change.
    pub fn step_history(&self, back: bool) {
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
                self.persist();
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
        let clock = self.clock();
        // Chart operations check before they change anything, so a refusal leaves it as it was.
        let result = self.chart.try_update_untracked(|c| change(c, &clock))?;
        if result.is_ok() {
            self.persist();
        }
        Some(result)
    }
}
