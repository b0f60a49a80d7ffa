//! The body map: front and back figures drawn from the atlas. Tap to mark a trigger point,
//! pinch or use the buttons to zoom, two fingers to pan, double-tap to zoom in.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::markers::{MarkerLayer, Markers, MARKER_HIT_PX};
use super::overlays::{
    self, Highlight, Hints, MuscleLabels, PainDrawing, ReferralZones, SelectedMark, TimerRings,
};
use super::state::{AppState, Mode, Selection};
use crate::anatomy::{
    self, atlas, geometry, model::Layer, model::Side, model::View, presets, referral,
};
use crate::clinic::chart::{MapPoint, PainDab};
use crate::clinic::history::Placement;
use crate::gesture::{Gesture, Input, Recognizer, Under};
use crate::viewport::{Affine, Camera, Fit};

pub use super::overlays::muscle_paths;

/// Pain-drawing brush radius in screen pixels.
const BRUSH_PX: f64 = 14.0;

/// From screen pixels to the figure's atlas units: the inverse of its screen transform.
fn screen_to_atlas(svg: &web_sys::SvgsvgElement) -> Option<Affine> {
    let m = svg.get_screen_ctm()?;
    Affine([m.a(), m.b(), m.c(), m.d(), m.e(), m.f()].map(f64::from)).inverse()
}

/// The visible stage's size as a fit of the atlas (portrait hides one figure).
pub fn stage_fit() -> Option<(Fit, web_sys::DomRect)> {
    let doc = web_sys::window()?.document()?;
    let stages = doc.query_selector_all(".stage").ok()?;
    (0..stages.length())
        .filter_map(|i| stages.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.get_bounding_client_rect())
        .find(|r| r.width() > 0.0)
        .map(|r| (Fit::new(r.width(), r.height()), r))
}

/// Zooms the shared camera to an atlas rectangle.
pub fn frame_rect(state: &AppState, rect: (f32, f32, f32, f32)) {
    if let Some((fit, _)) = stage_fit() {
        let r = (rect.0 as f64, rect.1 as f64, rect.2 as f64, rect.3 as f64);
        state.camera.set(Camera::framing(r, &fit));
    }
}

/// Zooms about the middle of the stage (the zoom buttons).
pub fn zoom_by(state: &AppState, factor: f64) {
    if let Some((fit, _)) = stage_fit() {
        let c = state.camera.get_untracked();
        state
            .camera
            .set(c.zoom_about((fit.w / 2.0, fit.h / 2.0), factor, &fit));
    }
}

/// Selects a muscle found by search: right view, right layer, zoomed to it.
pub fn show_muscle(state: &AppState, id: &'static str, side: Side) {
    let Some((view, layer)) = presets::home(id) else {
        return;
    };
    state.deep.set(layer == Layer::Deep);
    state.portrait_view.set(view);
    state.selection.set(Selection::Muscle { id, side, view });
    if let Some(b) = presets::bounds(id, side, view, layer) {
        // Small muscles still get some surroundings, so the therapist keeps their bearings.
        let (cx, cy) = ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
        let (hw, hh) = (((b.2 - b.0) / 2.0).max(30.0), ((b.3 - b.1) / 2.0).max(30.0));
        frame_rect(state, (cx - hw, cy - hh, cx + hw, cy + hh));
    }
}

#[component]
pub fn BodyMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Sizes that depend on the stages' layout are measured once they are laid out.
    request_animation_frame(move || state.layout_rev.update(|r| *r += 1));
    let deep = state.deep;
    let show = state.portrait_view;
    let mode = state.mode;
    let show_all = state.show_all;
    let legend_on = Memo::new(move |_| {
        mode.get() == Mode::Chart
            && (show_all.get()
                || state
                    .panel_focus
                    .get()
                    .is_some_and(|(m, _)| referral::pattern(&m).is_some()))
    });
    let legend_built = super::Warm::built_ahead(move || legend_on.get());
    // Names written on the map give way to the legend while it shows, and come back after.
    Effect::new(move |was: Option<bool>| {
        let on = legend_on.get();
        if was.is_some_and(|w| w != on) {
            set_timeout(
                super::declutter::hide_covered_names,
                std::time::Duration::ZERO,
            );
        }
        on
    });
    view! {
        <div class="map-area" data-show=move || show.get().id() data-mode=move || if mode.get() == Mode::Pain { "pain" } else { "chart" }>
            <div class="map-toolbar">
            <div class="view-switch" role="group" aria-label="Body view">
                {View::ALL
                    .into_iter()
                    .map(|v| {
                        view! {
                            <button
                                class="seg"
                                aria-pressed=move || (show.get() == v).to_string()
                                on:click=move |_| show.set(v)
                            >
                                {v.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
                <button
                    class="btn toggle"
                    aria-pressed=move || deep.get().to_string()
                    on:click=move |_| deep.update(|d| *d = !*d)
                >
                    "Deep muscles"
                </button>
                <button
                    class="btn toggle"
                    aria-pressed=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|d| *d = !*d)
                >
                    "Show all patterns"
                </button>
                <button
                    class="btn toggle pain-toggle"
                    aria-pressed=move || (mode.get() == Mode::Pain).to_string()
                    on:click=move |_| mode.update(|m| *m = if *m == Mode::Pain { Mode::Chart } else { Mode::Pain })
                >
                    "Where does it hurt?"
                </button>
            </div>
            <div class="figures" class:deep=move || deep.get()>
                <Figure view=View::Anterior />
                <Figure view=View::Posterior />
            </div>
            <ZoomControls />
            // Built once the map is interactive and then only shown or hidden: its first
            // appearance (with the first pattern) costs no layout of the map area.
            {move || legend_built.get().then(|| view! {
                <div
                    class="legend"
                    class:off=move || !legend_on.get()
                    aria-hidden=move || (!legend_on.get()).then_some("true")
                    aria-label="Referral pattern legend"
                    role="note"
                >
                    <span class="legend-item"><span class="key key-essential"></span>"Essential"</span>
                    <span class="legend-item"><span class="key key-spillover"></span>"Spillover"</span>
                    <span class="legend-item"><span class="key key-trp">"✕"</span>"Trigger point"</span>
                </div>
            })}
        </div>
    }
}

#[component]
fn ZoomControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    view! {
        <div class="zoom-controls">
            <button class="btn icon" aria-label="Zoom in" on:click=move |_| zoom_by(&state, 1.6)>"+"</button>
            <button class="btn icon" aria-label="Zoom out" on:click=move |_| zoom_by(&state, 1.0 / 1.6)>"−"</button>
            <button
                class="btn"
                aria-label="Reset zoom"
                disabled=move || state.camera.get() == Camera::default()
                on:click=move |_| state.camera.set(Camera::default())
            >
                "Reset"
            </button>
            <button
                class="btn"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Regions"
            </button>
            {move || open.get().then(|| view! {
                <div class="preset-list" role="group" aria-label="Zoom to a region">
                    {presets::PRESETS
                        .iter()
                        .map(|p| {
                            view! {
                                <button
                                    class="btn preset"
                                    data-preset=p.id
                                    on:click=move |_| {
                                        frame_rect(&state, p.rect);
                                        open.set(false);
                                    }
                                >
                                    {p.label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            })}
        </div>
    }
}

/// Static SVG for one view, as markup: body, landmarks, muscles (deep group below superficial
/// group). The art never changes, so it goes into the page as one piece of text that the
/// browser's own parser builds: building its thousand-odd paths one call at a time was most of
/// the map's start-up.
pub fn figure_art(view: View) -> String {
    use crate::record::esc;
    let regions = anatomy::regions(view);
    let mut s = String::with_capacity(200_000);
    s.push_str("<path class=\"body\" d=\"");
    s.push_str(&geometry::path_d(&anatomy::body_outline()));
    s.push_str("\"/><g class=\"landmarks\">");
    for l in atlas::landmarks().filter(|l| l.view == view) {
        for side in Side::BOTH {
            s.push_str("<path d=\"");
            s.push_str(&anatomy::landmark_path(l, side));
            s.push_str("\"/>");
        }
    }
    s.push_str("</g><g class=\"muscles\">");
    for (layer, class) in [
        (Layer::Deep, "muscle layer-deep"),
        (Layer::Superficial, "muscle layer-sup"),
    ] {
        for r in regions.iter().filter(|r| r.layer == layer) {
            let name = anatomy::muscle(r.muscle).map_or(r.muscle, |m| m.name);
            s.push_str(&format!(
                "<path class=\"{class}\" d=\"{}\" data-muscle=\"{}\" data-side=\"{}\"><title>{}, patient&#39;s {}</title></path><path class=\"fibres {class}\" d=\"{}\"/>",
                r.path(),
                esc(r.muscle),
                r.side.id(),
                esc(name),
                r.side.id(),
                r.fibre_path(),
            ));
        }
    }
    s.push_str("</g>");
    s
}

/// Runs what a tap's pointer handlers run, with nothing kept: a figure's screen transform read
/// and a tap fed to a scratch recognizer (see `AppState::rehearse`: the browser compiles each
/// wasm function the first time it runs). The first tap's pointer-down took about 10 ms more
/// than the next ones in a trace at 4x throttling.
pub fn rehearse() {
    if let Some(svg) = document().query_selector("svg.art").ok().flatten() {
        std::hint::black_box(screen_to_atlas(svg.unchecked_ref()));
        // What the tap handler asks of its event and of the muscle under it.
        if let Ok(ev) = web_sys::MouseEvent::new("click") {
            std::hint::black_box((ev.client_x(), ev.client_y(), ev.time_stamp(), ev.target()));
        }
        if let Some(muscle) = document().query_selector("[data-muscle]").ok().flatten() {
            std::hint::black_box(muscle.get_attribute("data-muscle"));
        }
    }
    let mut scratch = Recognizer::default();
    let at = (0.0, 0.0);
    for input in [
        Input::Down {
            id: -1,
            at,
            t: 0.0,
            under: Under::Map,
        },
        Input::Up {
            id: -1,
            at,
            t: 50.0,
        },
        Input::Click { at, t: 60.0 },
    ] {
        std::hint::black_box(scratch.feed(input));
    }
}

/// Counts a layout change whenever the stage's size changes (the screen turns, the timer dock
/// or a panel takes room, a figure is shown or hidden), however it came about.
fn watch_size(stage: NodeRef<leptos::html::Div>, layout_rev: RwSignal<u32>) {
    Effect::new(move |_| {
        let el = stage.get()?;
        // The first report is the size at mount, which the app measures after its first frame.
        let first = std::cell::Cell::new(true);
        let resized = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if !first.replace(false) {
                let _ = layout_rev.try_update(|r| *r += 1);
            }
        })
        // It lives as long as the observer, which the browser drops with the stage.
        .into_js_value();
        let observer = web_sys::ResizeObserver::new(resized.unchecked_ref()).ok()?;
        observer.observe(&el);
        Some(())
    });
}

/// One figure: its stage (where fingers act), the zoom, the anatomy and the layers over it.
#[component]
fn Figure(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
    let view_box = [vx, vy, vw, vh].map(crate::num::short).join(" ");
    let art = NodeRef::<leptos::svg::Svg>::new();
    let stage = NodeRef::<leptos::html::Div>::new();
    let gestures = StoredValue::new(Recognizer::default());
    // The point the last tap marked, taken back if that tap turns out to start a double tap.
    let last_marked = StoredValue::new(None::<u32>);
    // The camera and stage-relative midpoint when a pinch began.
    let pinch_from = StoredValue::new(None::<(Camera, (f64, f64))>);
    // A marker being dragged: id and atlas position under the finger.
    let dragging = RwSignal::new(None::<(u32, f32, f32)>);
    // The stroke being painted, shown before it is saved as one change.
    let stroke = RwSignal::new(Vec::<PainDab>::new());
    let layer = MarkerLayer::default();
    let hints = overlays::hints_of(state, view);
    // Patient's right is on the viewer's left when the patient faces us.
    let (left_label, right_label) = match view {
        View::Anterior => ("Patient's RIGHT", "Patient's LEFT"),
        View::Posterior => ("Patient's LEFT", "Patient's RIGHT"),
    };

    // The stage's fit is read once per layout change (a layout read), never on a camera
    // change: read there, it made the browser lay out the zoomed page again in the middle of
    // the zoom's own work (a task over 50 ms on a tablet). The zoom's sizes (CSS variables for
    // what must keep its size on screen whatever the zoom) and what the stage shows are both
    // worked out from it.
    let fit = Memo::new(move |_| {
        state.layout_rev.track();
        stage_fit().map(|(f, _)| f)
    });
    watch_size(stage, state.layout_rev);
    let zoom_vars = Memo::new(move |_| {
        let scale = state.camera.get().scale;
        let s = fit.get().map_or(1.0, |f| f.s);
        (scale, s)
    });

    // What the stage shows of the atlas, for markers spread near its edges. Worked out when
    // the fingers are off the map (spread glyphs move only then).
    let room = Memo::new(move |_| {
        let cam = state.camera.get();
        if state.gesturing.get() {
            return None;
        }
        fit.get().map(|f| f.visible(&cam))
    });

    let stage_rect = move || stage.get_untracked().map(|s| s.get_bounding_client_rect());
    let stage_point = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
        let r = stage_rect()?;
        Some((client_x - r.left(), client_y - r.top()))
    };
    // This stage's size as a fit of the atlas (no search of the document for it).
    let own_fit = move || stage_rect().map(|r| Fit::new(r.width(), r.height()));
    // The figure's screen transform is read from the browser once per gesture (every finger
    // down starts over) and again whenever the camera or the layout changes.
    let to_atlas = StoredValue::new(None::<(Camera, u32, Affine)>);
    let atlas_point = move |client_x: f64, client_y: f64| -> Option<(f32, f32)> {
        let now = (
            state.camera.get_untracked(),
            state.layout_rev.get_untracked(),
        );
        let known = to_atlas
            .get_value()
            .filter(|(cam, rev, _)| (*cam, *rev) == now)
            .map(|(.., m)| m);
        let m = match known {
            Some(m) => m,
            None => {
                let svg: web_sys::SvgsvgElement = art.get_untracked()?.unchecked_into();
                let m = screen_to_atlas(&svg)?;
                to_atlas.set_value(Some((now.0, now.1, m)));
                m
            }
        };
        let (x, y) = m.apply((client_x, client_y));
        Some((x as f32, y as f32))
    };
    // Atlas units per screen pixel at the current zoom (known without reading the layout).
    let units_per_px = move || {
        let (scale, s) = zoom_vars.get_untracked();
        1.0 / (scale * s).max(1e-6)
    };
    let hit_radius = move || (MARKER_HIT_PX * units_per_px()) as f32;
    let muscle_under = move |client_x: f64, client_y: f64| -> Option<(String, Side)> {
        let doc = web_sys::window()?.document()?;
        let el = doc.element_from_point(client_x as f32, client_y as f32)?;
        let muscle = el.get_attribute("data-muscle")?;
        let side = Side::parse(&el.get_attribute("data-side")?)?;
        Some((muscle, side))
    };
    let mark = move |muscle: &str, side: Side, x: f32, y: f32| -> Option<u32> {
        let id = std::cell::Cell::new(None);
        state.change(|c, clock| {
            let change = c.change_mark(muscle, side, MapPoint { view, x, y }, clock.0)?;
            if let crate::clinic::history::Change::Mark(t) = &change {
                id.set(Some(t.id));
            }
            Ok(change)
        });
        let id = id.get();
        if let Some(id) = id {
            state.select_on_map(Selection::Trp(id));
        }
        id
    };

    // The brush size is fixed for a stroke, so a pointer move reads no layout for it.
    let brush = StoredValue::new(1.0f32);
    let add_dab = move |(cx, cy): (f64, f64)| {
        let Some((x, y)) = atlas_point(cx, cy) else {
            return;
        };
        let r = brush.get_value();
        stroke.update(|s| {
            let far_enough = s.last().is_none_or(|d| (d.x - x).hypot(d.y - y) >= r * 0.5);
            if far_enough {
                s.push(PainDab { view, x, y, r });
            }
        });
    };
    let finish_stroke = move || {
        let dabs = stroke.get_untracked();
        stroke.set(Vec::new());
        if dabs.is_empty() {
            return;
        }
        if state.patient_view.get_untracked() {
            // The patient's own drawing belongs to the visit, apart from the therapist's.
            state.commit(|c, clock| c.add_patient_pain(&dabs, clock));
        } else {
            state.change(|c, _| Ok(c.change_pain(|p| p.extend(dabs))));
        }
    };
    let drop_marker =
        move |id: u32, (cx, cy): (f64, f64)| match (muscle_under(cx, cy), atlas_point(cx, cy)) {
            (Some((muscle, side)), Some((x, y))) => {
                let to = Placement {
                    muscle,
                    side,
                    at: MapPoint { view, x, y },
                };
                if state.change(|c, _| c.change_move(id, to)) {
                    state.selection.set(Selection::Trp(id));
                }
            }
            _ => state.message.set(Some(
                "A trigger point must sit on a muscle: it was put back.".into(),
            )),
        };

    // What a recognised gesture does on this figure (taps are handled with their click).
    let act = move |g: Gesture| match g {
        Gesture::PinchStart { mid, .. } => {
            // A second finger turns whatever the first began into a pinch.
            dragging.set(None);
            stroke.set(Vec::new());
            let m0 = stage_point(mid.0, mid.1).unwrap_or(mid);
            pinch_from.set_value(Some((state.camera.get_untracked(), m0)));
            state.gesturing.set(true);
        }
        Gesture::Pinch {
            mid0,
            dist0,
            mid,
            dist,
        } => {
            if let (Some((c0, m0)), Some(fit)) = (pinch_from.get_value(), own_fit()) {
                // Pinch scales about where the fingers started; moving both fingers pans.
                let c =
                    c0.zoom_about(m0, dist / dist0, &fit)
                        .pan(mid.0 - mid0.0, mid.1 - mid0.1, &fit);
                state.camera.set(c);
            }
        }
        Gesture::PinchEnd => {
            pinch_from.set_value(None);
            state.gesturing.set(false);
        }
        Gesture::PaintStart { at } => {
            brush.set_value((BRUSH_PX * units_per_px()) as f32);
            add_dab(at);
        }
        Gesture::Paint { at } => add_dab(at),
        Gesture::PaintEnd => finish_stroke(),
        Gesture::Drag { marker, at } => {
            if let Some((x, y)) = atlas_point(at.0, at.1) {
                dragging.set(Some((marker, x, y)));
            }
        }
        Gesture::Drop { marker, at } => {
            dragging.set(None);
            drop_marker(marker, at);
        }
        Gesture::DragCancel { .. } => dragging.set(None),
        Gesture::Tap { .. } | Gesture::DoubleTap { .. } => {}
    };
    let feed = move |input: Input| {
        if let Some(g) = gestures.try_update_value(|r| r.feed(input)).flatten() {
            act(g);
        }
    };

    let on_tap = move |ev: web_sys::MouseEvent| {
        if state.mode.get_untracked() == Mode::Pain {
            return;
        }
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let t = ev.time_stamp();
        let Some(g) = gestures
            .try_update_value(|r| r.feed(Input::Click { at: (cx, cy), t }))
            .flatten()
        else {
            return;
        };
        let Some((x, y)) = atlas_point(cx, cy) else {
            return;
        };
        if let Gesture::DoubleTap { at } = g {
            // Second tap of a double tap: zoom in there, and take back the point the first
            // tap marked (the therapist meant to zoom, not to chart).
            if last_marked.get_value().is_some() {
                state.step_history(true);
                state.selection.set(Selection::None);
            }
            last_marked.set_value(None);
            if let (Some(at), Some(fit)) = (stage_point(at.0, at.1), own_fit()) {
                let c = state.camera.get_untracked();
                state.camera.set(c.zoom_about(at, 2.0, &fit));
            }
            return;
        }
        last_marked.set_value(None);
        // A tap on (or within a finger's width of) a marker selects it.
        if let Some(id) = layer.near(x, y, units_per_px()) {
            state.select_on_map(Selection::Trp(id));
            return;
        }
        // Turned toward the patient, the map only shows: a tap never charts.
        if state.patient_view.get_untracked() {
            return;
        }
        // A tap on a typical-site hint marks the point exactly on the site.
        let hint = hints.with_untracked(|h| {
            h.iter()
                .find(|(hx, hy, _)| (hx - x).hypot(hy - y) <= hit_radius())
                .cloned()
        });
        if let (Some((hx, hy, _)), Some((m, side))) = (hint, state.panel_focus.get_untracked()) {
            last_marked.set_value(mark(&m, side, hx, hy));
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let muscle = target.as_ref().and_then(|t| t.get_attribute("data-muscle"));
        let side = target
            .as_ref()
            .and_then(|t| t.get_attribute("data-side"))
            .and_then(|s| Side::parse(&s));
        let (Some(muscle), Some(side)) = (muscle, side) else {
            state.selection.set(Selection::None);
            return;
        };
        last_marked.set_value(mark(&muscle, side, x, y));
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        to_atlas.set_value(None);
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let under = if state.mode.get_untracked() == Mode::Pain {
            Under::Paint
        } else if state.patient_view.get_untracked() {
            // Points are not moved from the patient view.
            Under::Map
        } else {
            atlas_point(cx, cy)
                .and_then(|(x, y)| layer.near(x, y, units_per_px()))
                .map_or(Under::Map, Under::Marker)
        };
        feed(Input::Down {
            id: ev.pointer_id(),
            at: (cx, cy),
            t: ev.time_stamp(),
            under,
        });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        feed(Input::Move {
            id: ev.pointer_id(),
            at: (ev.client_x() as f64, ev.client_y() as f64),
            t: ev.time_stamp(),
        });
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        feed(Input::Up {
            id: ev.pointer_id(),
            at: (ev.client_x() as f64, ev.client_y() as f64),
            t: ev.time_stamp(),
        });
    };
    let on_cancel = move |ev: web_sys::PointerEvent| {
        feed(Input::Cancel {
            id: ev.pointer_id(),
            t: ev.time_stamp(),
        });
    };
    // The browser compiles each wasm function the first time it runs, and these handlers are
    // closures of their own: a first touch compiled them under the finger (about 2 ms of the
    // first pointer-down at 4x throttling). Once the screen is warm, they run once for a
    // pointer that is not there (it goes down and up on the spot, and leaves no gesture
    // behind), unless a finger is down then or the map paints where it hurts (a press would
    // paint).
    let warm = use_context::<super::Warm>();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !warm.is_some_and(|w| w.0.get()) {
            return done.unwrap_or(false);
        }
        let painting = state.mode.get_untracked() == Mode::Pain;
        if !painting && gestures.with_value(Recognizer::idle) {
            if let (Ok(down), Ok(up)) = (
                web_sys::PointerEvent::new("pointerdown"),
                web_sys::PointerEvent::new("pointerup"),
            ) {
                on_down(down);
                on_up(up);
            }
        }
        true
    });
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        if let (Some(at), Some(fit)) = (
            stage_point(ev.client_x() as f64, ev.client_y() as f64),
            own_fit(),
        ) {
            let factor = (-ev.delta_y() / 300.0).exp();
            let c = state.camera.get_untracked();
            state.camera.set(c.zoom_about(at, factor, &fit));
        }
    };

    view! {
        <figure class="figure" data-view=view.id()>
            <div
                class="stage"
                class:gesturing=move || state.gesturing.get()
                class:dragging=move || dragging.get().is_some()
                node_ref=stage
                on:click=on_tap
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
                on:wheel=on_wheel
            >
                <div
                    class="zoomer"
                    style:transform=move || state.camera.get().css()
                >
                    <svg
                        node_ref=art
                        class="art"
                        viewBox=view_box.clone()
                        preserveAspectRatio="xMidYMid meet"
                        role="group"
                        aria-label=format!("{} of the body", view.label())
                        inner_html=figure_art(view)
                    ></svg>
                    // Everything that changes lives on its own layer, so the anatomy is never repainted.
                    // The zoom's sizes are set here, on the layer that uses them: set on the zoomer
                    // they were inherited by every path of the anatomy, and each zoom restyled
                    // them all.
                    <svg
                        class="overlay"
                        viewBox=view_box
                        preserveAspectRatio="xMidYMid meet"
                        aria-hidden="true"
                        style:--zoom=move || crate::num::fixed(zoom_vars.get().0, 4, true)
                        style:--unit=move || crate::num::fixed(zoom_vars.get().1, 4, true)
                    >
                        <PainDrawing view stroke />
                        <ReferralZones view />
                        <Highlight view />
                        <MuscleLabels view zoom=zoom_vars room />
                        <Hints hints />
                        <TimerRings view layer />
                        <Markers view layer dragging zoom=zoom_vars room />
                        <SelectedMark layer dragging />
                    </svg>
                </div>
                <span class="side-tag left">{left_label}</span>
                <span class="side-tag right">{right_label}</span>
            </div>
            <figcaption>{view.label()}</figcaption>
        </figure>
    }
}
