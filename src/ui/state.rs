//! The app's shared state: the chart (saved on every change), the clock reading that drives
//! every timer display, and what the therapist is looking at.

use leptos::prelude::*;

use crate::clinic::chart::{Chart, ChartError};
use crate::clinic::timer::{Clock, Millis};
use crate::store::browser;

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

#[derive(Clone, Copy)]
pub struct AppState {
    pub chart: RwSignal<Chart>,
    pub now: RwSignal<Millis>,
    /// Selected trigger point.
    pub selected: RwSignal<Option<u32>>,
    pub deep: RwSignal<bool>,
    /// Which figure a portrait screen shows.
    pub portrait_view: RwSignal<crate::anatomy::model::View>,
    /// A message the therapist must see (storage trouble, refused action).
    pub message: RwSignal<Option<String>>,
    can_save: StoredValue<bool>,
}

impl AppState {
    pub fn load() -> AppState {
        let loaded = browser::load(BrowserClock.now());
        AppState {
            chart: RwSignal::new(loaded.chart),
            now: RwSignal::new(BrowserClock.now()),
            selected: RwSignal::new(None),
            deep: RwSignal::new(false),
            portrait_view: RwSignal::new(crate::anatomy::model::View::Anterior),
            message: RwSignal::new(loaded.notice),
            can_save: StoredValue::new(loaded.can_save),
        }
    }

    /// The current clock reading, untracked (for actions, not displays).
    pub fn clock(&self) -> Now {
        let now = BrowserClock.now();
        self.now.set(now);
        Now(now)
    }

    /// Applies a change to the chart and saves it before returning, so that nothing the
    /// therapist did can be lost to a reload or a closed tab.
    pub fn commit<T>(
        &self,
        change: impl FnOnce(&mut Chart, &Now) -> Result<T, ChartError>,
    ) -> Option<T> {
        let clock = self.clock();
        let mut next = self.chart.get_untracked();
        match change(&mut next, &clock) {
            Ok(v) => {
                if self.can_save.get_value() {
                    if let Err(why) = browser::save(&next) {
                        self.message.set(Some(why));
                    }
                }
                self.chart.set(next);
                Some(v)
            }
            Err(e) => {
                self.message.set(Some(format!("That did not work: {e}.")));
                None
            }
        }
    }
}
