//! How it looks and feels: the app shell and one file per component family.

pub mod alarm;
pub mod body_map;
pub mod declutter;
pub mod estim;
pub mod lookup;
pub mod markers;
pub mod notify;
pub mod overlays;
pub mod panel;
pub mod patient_view;
pub mod patients;
pub mod record;
pub mod review;
pub mod safety;
pub mod search;
pub mod state;
pub mod tabs;
pub mod texts;
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
pub fn App(
    loaded: crate::store::browser::Loaded,
    /// Whether the list of points and the timer dock are built yet (they follow the header).
    side_ready: RwSignal<bool>,
    /// Whether the body map is built yet (it follows the rest of the screen at start-up).
    map_ready: RwSignal<bool>,
    /// Whether the header's patient, search and tools and the patients' dialogs are built yet:
    /// at start-up they follow the map, in a task of their own.
    head_ready: RwSignal<bool>,
    /// Set once the map is interactive: parts that are not on screen yet may be built then.
    warm: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::new(loaded);
    provide_context(state);
    provide_context(Warm(warm));
    // Once the first tap's views are built, its code is run once on scratch data, in a task of
    // its own (see `AppState::rehearse`).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !warm.get() {
            return done.unwrap_or(false);
        }
        set_timeout(
            move || {
                markers::rehearse();
                body_map::rehearse();
                if let Some((chart, id)) = state.rehearse() {
                    set_timeout(move || rehearse_views(chart, id), std::time::Duration::ZERO);
                }
                // The patient list opens on what was read here (2,000 patients: about 25 ms
                // of reading and parsing at 4x, and the database's round trip).
                set_timeout(
                    move || state.read_patients_ahead(),
                    std::time::Duration::ZERO,
                );
            },
            std::time::Duration::ZERO,
        );
        true
    });
    state.close_stale_visit();
    // Another tab took over: this one stops saving and steps aside.
    let elsewhere = RwSignal::new(false);
    tabs::listen(move || {
        state.stop_saving();
        elsewhere.set(true);
    });
    state.save_settings_on_change();
    declutter::watch(state);
    let texts = patient_view::Texts::new(state.patient_view);
    texts::load_clinic(state.texts_rev);
    let patient_view = state.patient_view;

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
    // The map's room changes when needles come or go (in portrait the timer dock takes it) and
    // when the screen turns toward the patient (the story's column is wider than the side's):
    // measure again then. The page is marked while a needle is in: index.html's script then
    // holds back the offer of a new version, so the app never reloads in the middle of a
    // needling. And the app root says when the patient view is on (for the styles and tests).
    Effect::new(move |_| {
        let live = state.live_timers.with(|t| t.len());
        request_animation_frame(relayout);
        if let Some(root) = document().document_element() {
            let _ = root.toggle_attribute_with_force("data-needle-in", live > 0);
        }
        patient_view::mark_root(state.patient_view.get());
    });
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
    let reviewing = Memo::new(move |_| route.get() == "#/atlas");

    let labels = move || state.history_labels();
    view! {
        <header class="topbar">
            <h1>"Myomap"</h1>
            {move || patient_view.get().then(|| view! { <patient_view::PatientBar texts /> })}
            {move || {
                (head_ready.get() && !reviewing.get()).then(|| view! {
                    <patients::PatientHeader />
                    <search::MuscleSearch />
                })
            }}
            <div class="tools">
                {move || if !head_ready.get() {
                    ().into_any()
                } else if reviewing.get() {
                    view! { <a class="btn link" href="#/">"Back to the map"</a> }.into_any()
                } else {
                    view! {
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
                        <button class="btn lock-btn" on:click=move |_| texts::later(&state, "lock", None, "")>"Lock"</button>
                        <button
                            class="btn btn-primary"
                            disabled=move || state.past.get().is_some()
                            on:click=move |_| patient_view::enter(&state, 0)
                        >
                            "Patient view"
                        </button>
                    }
                    .into_any()
                }}
            </div>
        </header>
        {move || state.message.get().map(|text| {
            // A deleted point can be brought back at once from its message.
            let undo = state.undo_offer.get().as_ref() == Some(&text);
            view! {
                <div class="banner" role="alert">
                    <p>{text}</p>
                    {undo.then(|| view! {
                        <button class="btn btn-primary" on:click=move |_| {
                            state.message.set(None);
                            state.step_history(true);
                        }>
                            "Undo delete"
                        </button>
                    })}
                    <button class="btn" on:click=move |_| state.message.set(None)>
                        "Dismiss message"
                    </button>
                </div>
            }
        })}
        {move || {
            elsewhere.get().then(|| view! {
                <div class="elsewhere-backdrop">
                    <tabs::OpenElsewhere />
                </div>
            })
        }}
        <alarm::AlarmBanner />
        <patients::PastVisitBar />
        {move || head_ready.get().then(|| view! { <patients::PatientDialogs /> })}
        <safety::ThoraxWarning />
        {move || if reviewing.get() {
            view! {
                <main class="review-page">
                    <review::AtlasReview />
                </main>
            }
            .into_any()
        } else {
            view! {
                <main class="workspace">
                    // The map is built in a task of its own, after the screen's frame and before the
                    // header's tools (see `mount`): no start-up task holds the page for long.
                    {move || if map_ready.get() {
                        view! { <body_map::BodyMap /> }.into_any()
                    } else {
                        view! { <div class="map-area"></div> }.into_any()
                    }}
                    // Painting where it hurts, the likeliest muscles keep their room; the
                    // timers give way for as long as the lookup is open (the alarm banner
                    // still calls any needle that is due).
                    // Turned toward the patient, the story takes the side's place; the record
                    // stays built but is not shown (nor read out) while the patient looks.
                    <aside class="side" class:looking=move || state.mode.get() == state::Mode::Pain>
                        <div class="side-scroll">
                            <panel::SelectionPanel />
                            {move || side_ready.get().then(|| view! { <trp_list::TrpList /> })}
                        </div>
                        {move || side_ready.get().then(|| view! { <timer_dock::TimerDock /> })}
                    </aside>
                    {move || patient_view.get().then(|| view! { <patient_view::PatientSide texts /> })}
                </main>
            }
            .into_any()
        }}
    }
}

/// Builds the views that a first tap changes (the visit bar with a visit under way, the list
/// with a point, the point's record, and on the map the selected muscle's referral zones,
/// outline and typical sites) once for a scratch chart, in an element that is never on the
/// page, and drops them: the browser compiles their code then, not under the first tap.
fn rehearse_views(chart: crate::clinic::chart::Chart, id: u32) {
    use wasm_bindgen::JsCast;
    let Ok(host) = document().create_element("div") else {
        return;
    };
    let mut loaded = crate::store::browser::Loaded::scratch(BrowserClock.now(), None);
    loaded.chart = chart;
    let shown = leptos::mount::mount_to(host.unchecked_into(), move || {
        let scratch = AppState::new(loaded);
        scratch.selection.set(state::Selection::Trp(id));
        scratch.panel.set(state::Selection::Trp(id));
        provide_context(scratch);
        let view = crate::anatomy::model::View::Posterior;
        let hints = overlays::hints_of(scratch, view);
        view! {
            <panel::SelectionPanel />
            <trp_list::TrpList />
            <timer_dock::TimerDock />
            <svg>
                <overlays::ReferralZones view />
                <overlays::Highlight view />
                <overlays::Hints hints />
            </svg>
        }
    });
    drop(shown);
    mark("myomap-rehearsed");
}

/// True once the map is interactive and the screen's hidden parts may be built ahead of use.
#[derive(Clone, Copy)]
pub struct Warm(pub RwSignal<bool>);

impl Warm {
    /// For a part built ahead of its first use and then kept: true from when it is `needed`
    /// or the screen is warm, whichever comes first, and from then on.
    pub fn built_ahead(needed: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
        let warm = use_context::<Warm>().map(|w| w.0);
        Memo::new(move |built: Option<&bool>| {
            built == Some(&true) || needed() || warm.is_some_and(|w| w.get())
        })
    }
}

/// Opens the database, then shows the app with the patient that was open last.
pub fn mount() {
    wasm_bindgen_futures::spawn_local(async {
        // Another tab leads: show no data here, only the way to use Myomap in this tab.
        if !tabs::lead().await {
            drop_boot();
            leptos::mount::mount_to_body(|| view! { <tabs::OpenElsewhere /> });
            return;
        }
        mark("myomap-wasm-started");
        let loaded = crate::store::browser::load(BrowserClock.now()).await;
        mark("myomap-records-read");
        let (side_ready, map_ready, head_ready, warm) = (
            RwSignal::new(false),
            RwSignal::new(false),
            RwSignal::new(false),
            RwSignal::new(false),
        );
        // The screen is built in four tasks, none of which holds the page for long: its frame
        // (the header's title, any banners, the point's panel), the map, the header's patient,
        // search and tools, then the list of points and the timers. The map is what the
        // therapist taps: it is shown and answers as soon as it is in. The header's tools follow
        // it (the header's height is fixed: the map does not move when they come); the list and
        // timers follow them, unless needles are in (their timers show with the map, and in
        // portrait they take room from it).
        // Until the map is in, the start-up screen stays and the app is not laid out
        // (style/main.css): a header without its map would be laid out and painted only to be
        // laid out again.
        let needles_in = !loaded.chart.live_timers(&BrowserClock).is_empty();
        let root = document().document_element();
        if let Some(root) = &root {
            let _ = root.set_attribute("data-starting", "");
        }
        leptos::mount::mount_to_body(
            move || view! { <App loaded side_ready map_ready head_ready warm /> },
        );
        yield_task().await;
        side_ready.set(needles_in);
        map_ready.set(true);
        leptos::task::tick().await;
        if let Some(root) = &root {
            let _ = root.remove_attribute("data-starting");
        }
        drop_boot();
        interactive();
        yield_task().await;
        head_ready.set(true);
        if !needles_in {
            yield_task().await;
            side_ready.set(true);
        }
        // What the first tap needs is built in a task of its own while the therapist looks.
        yield_task().await;
        warm.set(true);
    });
}

/// The start-up screen of index.html gives way to the app.
fn drop_boot() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Lets the browser run other tasks (input, paint) before going on.
async fn yield_task() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    }))
    .await;
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
