//! How it looks and feels: the app shell and one file per component family.

pub mod alarm;
pub mod body_map;
pub mod estim;
pub mod lookup;
pub mod markers;
pub mod notify;
pub mod overlays;
pub mod panel;
pub mod patients;
pub mod record;
pub mod review;
pub mod safety;
pub mod search;
pub mod state;
pub mod tabs;
pub mod timer_dock;
pub mod trp_list;
pub mod visit;
pub mod wake;

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use state::{AppState, BrowserClock};

use crate::clinic::timer::Clock;

/// How often timer displays refresh (ms); remaining time itself always comes from timestamps.
const TICK_MS: u32 = 250;

#[component]
pub fn App(loaded: crate::store::browser::Loaded) -> impl IntoView {
    let state = AppState::new(loaded);
    provide_context(state);
    state.close_stale_visit();
    // Another tab took over: this one stops saving and steps aside.
    let elsewhere = RwSignal::new(false);
    tabs::listen(move || {
        state.stop_saving();
        elsewhere.set(true);
    });
    state.save_settings_on_change();

    // One tick loop drives every timer display; it stops when the app goes (the interval is
    // cleared when its stored value is dropped with the app).
    StoredValue::new_local(Interval::new(TICK_MS, move || {
        state.now.set(BrowserClock.now())
    }));
    // Sizes that depend on layout are measured after the first layout and after every resize
    // or rotation.
    let relayout = move || state.layout_rev.update(|r| *r += 1);
    request_animation_frame(relayout);
    let resized = window_event_listener(leptos::ev::resize, move |_| relayout());
    on_cleanup(move || resized.remove());

    // Show the truth at once when the tablet wakes or the tab comes back.
    let visible = window_event_listener(leptos::ev::focus, move |_| {
        state.now.set(BrowserClock.now())
    });
    on_cleanup(move || visible.remove());
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        use wasm_bindgen::{closure::Closure, JsCast};
        // The app lives as long as the page, so the listener is never removed.
        let back = Closure::<dyn Fn()>::new(move || state.now.set(BrowserClock.now()));
        let _ =
            doc.add_event_listener_with_callback("visibilitychange", back.as_ref().unchecked_ref());
        back.forget();
    }

    // The review page lives at #/atlas; everything else is the treatment screen.
    let hash = || {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    };
    let route = RwSignal::new(hash());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| route.set(hash()));
    on_cleanup(move || on_hash.remove());
    let reviewing = move || route.get() == "#/atlas";

    let labels = move || state.history_labels();
    view! {
        <header class="topbar">
            <h1>"Myomap"</h1>
            <Show when=move || !reviewing()>
                <patients::PatientHeader />
                <search::MuscleSearch />
            </Show>
            <div class="tools">
                <Show
                    when=reviewing
                    fallback=move || view! {
                        <button
                            class="btn"
                            title=move || labels().0.map(|l| format!("Undo {l}")).unwrap_or_default()
                            disabled=move || labels().0.is_none()
                            on:click=move |_| state.step_history(true)
                        >
                            "Undo"
                        </button>
                        <button
                            class="btn"
                            title=move || labels().1.map(|l| format!("Redo {l}")).unwrap_or_default()
                            disabled=move || labels().1.is_none()
                            on:click=move |_| state.step_history(false)
                        >
                            "Redo"
                        </button>
                        <a class="btn link" href="#/atlas">"Atlas"</a>
                    }
                >
                    <a class="btn link" href="#/">"Back to the map"</a>
                </Show>
            </div>
        </header>
        <Show when=move || state.message.get().is_some()>
            <div class="banner" role="alert">
                <p>{move || state.message.get().unwrap_or_default()}</p>
                // A deleted point can be brought back at once from its message.
                <Show when=move || state.message.get().is_some() && state.message.get() == state.undo_offer.get()>
                    <button class="btn btn-primary" on:click=move |_| {
                        state.message.set(None);
                        state.step_history(true);
                    }>
                        "Undo delete"
                    </button>
                </Show>
                <button class="btn" on:click=move |_| state.message.set(None)>
                    "Dismiss message"
                </button>
            </div>
        </Show>
        <Show when=move || elsewhere.get()>
            <div class="elsewhere-backdrop">
                <tabs::OpenElsewhere />
            </div>
        </Show>
        <alarm::AlarmBanner />
        <patients::PastVisitBar />
        <patients::PatientDialogs />
        <safety::ThoraxWarning />
        <Show
            when=reviewing
            fallback=|| view! {
                <main class="workspace">
                    <body_map::BodyMap />
                    <aside class="side">
                        <div class="side-scroll">
                            <panel::SelectionPanel />
                            <trp_list::TrpList />
                        </div>
                        <timer_dock::TimerDock />
                    </aside>
                </main>
            }
        >
            <main class="review-page">
                <review::AtlasReview />
            </main>
        </Show>
    }
}

/// Opens the database, then shows the app with the patient that was open last.
pub fn mount() {
    wasm_bindgen_futures::spawn_local(async {
        // Another tab leads: show no data here, only the way to use Myomap in this tab.
        if !tabs::lead().await {
            leptos::mount::mount_to_body(|| view! { <tabs::OpenElsewhere /> });
            return;
        }
        mark("myomap-wasm-started");
        let loaded = crate::store::browser::load(BrowserClock.now()).await;
        mark("myomap-records-read");
        leptos::mount::mount_to_body(move || view! { <App loaded /> });
        interactive();
    });
}

fn interactive() {
    // The map is built and its handlers attached: the benchmark's "interactive" moment.
    mark("myomap-interactive");
}

/// A named moment of start-up, for the benchmark and the browser's performance panel.
fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
