//! The body map: front and back figures drawn from the atlas. Tap to mark a trigger point,
//! pinch or use the buttons to zoom, two fingers to pan, double-tap to zoom in.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Selection};
use crate::anatomy::{self, atlas, geometry, model::Layer, model::Side, model::View, presets};
use crate::clinic::chart::MapPoint;
use crate::viewport::{Camera, Fit};

/// Marker radius in screen pixels at rest (markers keep their size when zoomed).
const MARKER_PX: f64 = 5.5;
/// A tap this close to a marker (in screen pixels at rest) selects it instead of marking.
const MARKER_HIT_PX: f64 = 11.0;
/// Two taps within this time and distance are a double tap (zoom in).
const DOUBLE_TAP_MS: f64 = 350.0;
const DOUBLE_TAP_PX: f64 = 30.0;
/// From this zoom on, muscle names are written on the map.
const LABEL_ZOOM: f64 = 2.0;

/// Converts a pointer position on screen into the figure's atlas coordinates.
fn to_atlas(svg: &web_sys::SvgsvgElement, client_x: f64, client_y: f64) -> Option<(f32, f32)> {
    let ctm = svg.get_screen_ctm()?.inverse().ok()?;
    let p = svg.create_svg_point();
    p.set_x(client_x as f32);
    p.set_y(client_y as f32);
    let q = p.matrix_transform(&ctm);
    Some((q.x(), q.y()))
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
    let deep = state.deep;
    let show = state.portrait_view;
    view! {
        <div class="map-area" data-show=move || show.get().id()>
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
            <div class="figures" class:deep=move || deep.get()>
                <Figure view=View::Anterior />
                <Figure view=View::Posterior />
            </div>
            <ZoomControls />
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
            <Show when=move || open.get()>
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
            </Show>
        </div>
    }
}

/// Static SVG for one view: body, landmarks, muscles (deep group below superficial group).
pub fn figure_art(view: View) -> impl IntoView {
    let body = geometry::path_d(&anatomy::body_outline());
    let regions = anatomy::regions(view);
    let landmarks: Vec<String> = atlas::landmarks()
        .filter(|l| l.view == view)
        .flat_map(|l| {
            Side::BOTH.into_iter().map(move |side| {
                let s = view.x_sign(side);
                let pts: Vec<geometry::Pt> = l
                    .points
                    .iter()
                    .map(|&(x, y)| (s * x as f32, y as f32))
                    .collect();
                if l.closed {
                    geometry::path_d(&pts)
                } else {
                    geometry::open_path_d(&pts)
                }
            })
        })
        .collect();
    let layer_group = |layer: Layer, class: &'static str| {
        regions
            .iter()
            .filter(|r| r.layer == layer)
            .map(|r| {
                let name = anatomy::muscle(r.muscle)
                    .map(|m| m.name)
                    .unwrap_or(r.muscle);
                view! {
                    <path class=class d=r.path() data-muscle=r.muscle data-side=r.side.id()>
                        <title>{format!("{name}, patient's {}", r.side.id())}</title>
                    </path>
                    <path class=format!("fibres {class}") d=r.fibre_path() />
                }
            })
            .collect_view()
    };
    view! {
        <path class="body" d=body />
        <g class="landmarks">
            {landmarks.into_iter().map(|d| view! { <path d=d /> }).collect_view()}
        </g>
        <g class="muscles">
            {layer_group(Layer::Deep, "muscle layer-deep")}
            {layer_group(Layer::Superficial, "muscle layer-sup")}
        </g>
    }
}

/// Muscle names at a known inner point of each region, for the zoomed-in map. Larger muscles
/// are named first; a name that would overlap one already placed is left out at this zoom.
fn labels(view: View, layer: Layer, px_per_unit: f64) -> impl IntoView {
    const FONT_PX: f64 = 12.0;
    let mut seen = std::collections::HashSet::new();
    let mut candidates: Vec<(f32, &'static str, (i16, i16))> = atlas::probes()
        .filter(|p| p.view == view && p.layer == layer && seen.insert(p.muscle))
        .map(|p| {
            let area = presets::bounds(p.muscle, Side::Right, view, layer)
                .map_or(0.0, |b| (b.2 - b.0) * (b.3 - b.1));
            (area, p.muscle, p.at)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let unit = FONT_PX / px_per_unit.max(0.01);
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::new();
    for (_, muscle, at) in candidates {
        let name = anatomy::muscle(muscle).map_or(muscle, |m| m.name);
        let half_w = 0.3 * unit * name.len() as f64;
        for side in Side::BOTH {
            let x = view.x_sign(side) as f64 * at.0 as f64;
            let y = at.1 as f64;
            let bx = (x - half_w, y - 0.6 * unit, x + half_w, y + 0.6 * unit);
            let clash = placed
                .iter()
                .any(|p| bx.0 < p.2 && bx.2 > p.0 && bx.1 < p.3 && bx.3 > p.1);
            if !clash {
                placed.push(bx);
                out.push((x as f32, y as f32, name));
            }
        }
    }
    out.into_iter()
        .map(|(x, y, name)| view! { <text class="label" x=x y=y>{name}</text> })
        .collect_view()
}

/// The outlines of one muscle on one side of a view, for highlighting.
pub fn muscle_paths(view: View, muscle: &str, side: Side, deep: bool) -> Vec<String> {
    let regions: Vec<_> = anatomy::regions(view)
        .into_iter()
        .filter(|r| r.muscle == muscle && r.side == side)
        .collect();
    let want = if deep {
        Layer::Deep
    } else {
        Layer::Superficial
    };
    let in_layer: Vec<String> = regions
        .iter()
        .filter(|r| r.layer == want)
        .map(|r| r.path())
        .collect();
    if in_layer.is_empty() {
        regions.iter().map(|r| r.path()).collect()
    } else {
        in_layer
    }
}

#[derive(Clone, Copy, Default)]
struct Gesture {
    /// Active pointers: id and position in stage pixels.
    pointers: [Option<(i32, f64, f64)>; 2],
    start: Option<(f64, (f64, f64), Camera)>,
}

fn midpoint_and_distance(g: &Gesture) -> Option<((f64, f64), f64)> {
    let (a, b) = (g.pointers[0]?, g.pointers[1]?);
    let mid = ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
    Some((mid, (a.1 - b.1).hypot(a.2 - b.2).max(1.0)))
}

#[component]
fn Figure(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
    let view_box = format!("{vx} {vy} {vw} {vh}");
    let art = NodeRef::<leptos::svg::Svg>::new();
    let stage = NodeRef::<leptos::html::Div>::new();
    let gesture = StoredValue::new(Gesture::default());
    // Time, place and newly marked point of the last tap, to recognise a double tap.
    let last_tap = StoredValue::new(None::<(f64, f64, f64, Option<u32>)>);
    // Patient's right is on the viewer's left when the patient faces us.
    let (left_label, right_label) = match view {
        View::Anterior => ("Patient's RIGHT", "Patient's LEFT"),
        View::Posterior => ("Patient's LEFT", "Patient's RIGHT"),
    };
    let markers = move || {
        state.chart.with(|c| {
            c.trps
                .iter()
                .filter(|t| t.at.view == view)
                .map(|t| (t.id, t.at.x, t.at.y))
                .collect::<Vec<_>>()
        })
    };
    // One ring follows the selection, so selecting never touches every marker.
    let selected_at = Memo::new(move |_| {
        let id = state.selected_trp()?;
        state.chart.with(|c| {
            c.trp(id)
                .filter(|t| t.at.view == view)
                .map(|t| (t.at.x, t.at.y))
        })
    });
    let highlight = Memo::new(move |_| {
        let deep = state.deep.get();
        state
            .selected_muscle()
            .map(|(m, side)| muscle_paths(view, &m, side, deep))
            .unwrap_or_default()
    });
    let stage_point = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
        let r = stage.get_untracked()?.get_bounding_client_rect();
        Some((client_x - r.left(), client_y - r.top()))
    };

    let on_tap = move |ev: web_sys::MouseEvent| {
        let Some(svg) = art.get_untracked() else {
            return;
        };
        let svg: web_sys::SvgsvgElement = svg.unchecked_into();
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let Some((x, y)) = to_atlas(&svg, cx, cy) else {
            return;
        };
        let t = ev.time_stamp();
        // Second tap of a double tap: zoom in there, and take back the point the first
        // tap marked (the therapist meant to zoom, not to chart).
        if let Some((t0, x0, y0, marked)) = last_tap.get_value() {
            if t - t0 < DOUBLE_TAP_MS && (cx - x0).hypot(cy - y0) < DOUBLE_TAP_PX {
                last_tap.set_value(None);
                if let Some(id) = marked {
                    state.commit(|c, _| c.remove(id));
                    state.selection.set(Selection::None);
                }
                if let (Some(at), Some((fit, _))) = (stage_point(cx, cy), stage_fit()) {
                    let c = state.camera.get_untracked();
                    state.camera.set(c.zoom_about(at, 2.0, &fit));
                }
                return;
            }
        }
        let scale = state.camera.get_untracked().scale;
        let px_per_unit = stage_fit().map_or(1.0, |(f, _)| f.s) * scale;
        let hit_r = (MARKER_HIT_PX / px_per_unit) as f32;
        // A tap on (or within a finger's width of) a marker selects it.
        let near = state.chart.with_untracked(|c| {
            c.trps
                .iter()
                .filter(|t| t.at.view == view)
                .map(|t| (t.id, (t.at.x - x).hypot(t.at.y - y)))
                .filter(|(_, d)| *d <= hit_r)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(id, _)| id)
        });
        if let Some(id) = near {
            last_tap.set_value(Some((t, cx, cy, None)));
            state.selection.set(Selection::Trp(id));
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
            last_tap.set_value(Some((t, cx, cy, None)));
            state.selection.set(Selection::None);
            return;
        };
        let marked = state.commit(|c, clock| c.mark(&muscle, side, MapPoint { view, x, y }, clock));
        if let Some(id) = marked {
            state.selection.set(Selection::Trp(id));
        }
        last_tap.set_value(Some((t, cx, cy, marked)));
    };

    let on_down = move |ev: web_sys::PointerEvent| {
        let Some(p) = stage_point(ev.client_x() as f64, ev.client_y() as f64) else {
            return;
        };
        gesture.update_value(|g| {
            if let Some(slot) = g.pointers.iter_mut().find(|s| s.is_none()) {
                *slot = Some((ev.pointer_id(), p.0, p.1));
            }
            if let Some((mid, dist)) = midpoint_and_distance(g) {
                g.start = Some((dist, mid, state.camera.get_untracked()));
            }
        });
        if gesture.with_value(|g| g.start.is_some()) {
            state.gesturing.set(true);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(p) = stage_point(ev.client_x() as f64, ev.client_y() as f64) else {
            return;
        };
        let mut next = None;
        gesture.update_value(|g| {
            for (id, x, y) in g.pointers.iter_mut().flatten() {
                if *id == ev.pointer_id() {
                    (*x, *y) = p;
                }
            }
            if let (Some((d0, m0, c0)), Some((mid, dist))) = (g.start, midpoint_and_distance(g)) {
                next = Some((d0, m0, c0, mid, dist));
            }
        });
        if let (Some((d0, m0, c0, mid, dist)), Some((fit, _))) = (next, stage_fit()) {
            // Pinch scales about where the fingers started; moving both fingers pans.
            let c = c0
                .zoom_about(m0, dist / d0, &fit)
                .pan(mid.0 - m0.0, mid.1 - m0.1, &fit);
            state.camera.set(c);
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| {
            for slot in g.pointers.iter_mut() {
                if slot.is_some_and(|(id, _, _)| id == ev.pointer_id()) {
                    *slot = None;
                }
            }
            if g.pointers.iter().any(Option::is_none) {
                g.start = None;
            }
        });
        if state.gesturing.get_untracked() && gesture.with_value(|g| g.start.is_none()) {
            state.gesturing.set(false);
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        if let (Some(at), Some((fit, _))) = (
            stage_point(ev.client_x() as f64, ev.client_y() as f64),
            stage_fit(),
        ) {
            let factor = (-ev.delta_y() / 300.0).exp();
            let c = state.camera.get_untracked();
            state.camera.set(c.zoom_about(at, factor, &fit));
        }
    };

    // Sizes that must stay constant on screen whatever the zoom, as CSS variables.
    let zoom_vars = move || {
        let scale = state.camera.get().scale;
        let s = stage_fit().map_or(1.0, |(f, _)| f.s);
        (scale, s)
    };
    let show_labels = move || state.camera.get().scale >= LABEL_ZOOM && !state.gesturing.get();

    view! {
        <figure class="figure" data-view=view.id()>
            <div
                class="stage"
                class:gesturing=move || state.gesturing.get()
                node_ref=stage
                on:click=on_tap
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
            >
                <div
                    class="zoomer"
                    style:transform=move || state.camera.get().css()
                    style:--zoom=move || format!("{:.4}", zoom_vars().0)
                    style:--unit=move || format!("{:.4}", zoom_vars().1)
                >
                    <svg
                        node_ref=art
                        class="art"
                        viewBox=view_box.clone()
                        preserveAspectRatio="xMidYMid meet"
                        role="group"
                        aria-label=format!("{} of the body", view.label())
                    >
                        <text class="side-label" x=vx + 6.0 y=vy + 18.0 text-anchor="start">{left_label}</text>
                        <text class="side-label" x=vx + vw - 6.0 y=vy + 18.0 text-anchor="end">{right_label}</text>
                        {figure_art(view)}
                    </svg>
                    // Markers live on their own layer so that adding one repaints only this layer.
                    <svg class="overlay" viewBox=view_box preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                        <g class="highlight">
                            {move || {
                                highlight
                                    .get()
                                    .into_iter()
                                    .map(|d| view! { <path class="sel-muscle" d=d /> })
                                    .collect_view()
                            }}
                        </g>
                        <Show when=show_labels>
                            <g class="labels">
                                {move || {
                                    let layer = if state.deep.get() { Layer::Deep } else { Layer::Superficial };
                                    let (scale, unit) = zoom_vars();
                                    labels(view, layer, scale * unit)
                                }}
                            </g>
                        </Show>
                        <g class="markers">
                            <For each=markers key=|m| (m.0, m.1.to_bits(), m.2.to_bits()) let((id, x, y))>
                                <circle class="trp" data-trp=id.to_string() cx=x cy=y r=MARKER_PX />
                            </For>
                        </g>
                        {move || {
                            selected_at
                                .get()
                                .map(|(x, y)| view! { <circle class="sel-ring" cx=x cy=y r=MARKER_PX + 3.5 /> })
                        }}
                    </svg>
                </div>
            </div>
            <figcaption>{view.label()}</figcaption>
        </figure>
    }
}
