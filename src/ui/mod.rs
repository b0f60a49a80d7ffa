//! How it looks and feels: the app shell and one file per component family.

pub mod body_map;
pub mod panel;
pub mod state;
pub mod timer_dock;

use leptos::prelude::*;
use std::time::Duration;

use state::{AppState, BrowserClock};

use crate::clinic::timer::Clock;

/// How often timer displays refresh; remaining time itself always comes from timestamps.
const TICK: Duration = Duration::from_millis(250);

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);

    // One tick loop drives every timer display.
    if let Ok(handle) = set_interval_with_handle(move || state.now.set(BrowserClock.now()), TICK) {
        on_cleanup(move || handle.clear());
    }
    // Show the truth at once when the tablet wakes or the tab comes back.
    let visible = window_event_listener(leptos::ev::focus, move |_| {
        state.now.set(BrowserClock.now())
    });
    on_cleanup(move || visible.remove());

    let deep = state.deep;
    view! {
        <header class="topbar">
            <h1>"Myomap"</h1>
            <div class="tools">
                <button
                    class="btn toggle"
                    aria-pressed=move || deep.get().to_string()
                    on:click=move |_| deep.update(|d| *d = !*d)
                >
                    "Deep muscles"
                </button>
            </div>
        </header>
        <Show when=move || state.message.get().is_some()>
            <div class="banner" role="alert">
                <p>{move || state.message.get().unwrap_or_default()}</p>
                <button class="btn" on:click=move |_| state.message.set(None)>
                    "Dismiss message"
                </button>
            </div>
        </Show>
        <main class="workspace">
            <body_map::BodyMap />
            <aside class="side">
                <panel::SelectionPanel />
                <timer_dock::TimerDock />
            </aside>
        </main>
    }
}

pub fn mount() {
    leptos::mount::mount_to_body(App);
    // The map is built and its handlers attached: the benchmark's "interactive" moment.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("myomap-interactive");
    }
}
