//! The body map: front and back figures drawn from the atlas. Tap to mark a trigger point,
//! pinch or use the buttons to zoom, two fingers to pan, double-tap to zoom in.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Mode, Selection};
use crate::anatomy::{
    self, atlas, geometry, model::Layer, model::Side, model::View, presets, referral,
};
use crate::clinic::chart::{MapPoint, PainDab};
use crate::clinic::findings::Status;
use crate::clinic::history::Placement;
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
/// A finger must move this far (pixels) before a press on a marker becomes a drag.
const DRAG_SLOP_PX: f64 = 8.0;
/// Pain-drawing brush radius in screen pixels.
const BRUSH_PX: f64 = 14.0;

/// Converts a pointer position on screen into the figure's atlas coordinates.
/// An SVG `translate(x y)` for a spot on the map, to a tenth of an atlas unit.
fn translate(x: f32, y: f32) -> String {
    format!(
        "translate({} {})",
        crate::num::short(x),
        crate::num::short(y)
    )
}

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
    let mode = state.mode;
    let show_all = state.show_all;
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
            <Show when=move || state.mode.get() == Mode::Chart && (state.show_all.get() || state.selected_muscle().is_some_and(|(m, _)| referral::pattern(&m).is_some()))>
                <div class="legend" aria-label="Referral pattern legend" role="note">
                    <span class="legend-item"><span class="key key-essential"></span>"Essential"</span>
                    <span class="legend-item"><span class="key key-spillover"></span>"Spillover"</span>
                    <span class="legend-item"><span class="key key-trp">"✕"</span>"Trigger point"</span>
                </div>
            </Show>
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
    crate::small_sort::sort_by(&mut candidates, |a, b| b.0.total_cmp(&a.0));
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
        .iter()
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
    /// Pinch start: finger distance, midpoint and camera.
    start: Option<(f64, (f64, f64), Camera)>,
    /// A press on a marker: its id and where the finger went down (client pixels).
    press: Option<(u32, f64, f64)>,
    /// Painting a stroke of the pain drawing.
    painting: bool,
}

fn midpoint_and_distance(g: &Gesture) -> Option<((f64, f64), f64)> {
    let (a, b) = (g.pointers[0]?, g.pointers[1]?);
    let mid = ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
    Some((mid, (a.1 - b.1).hypot(a.2 - b.2).max(1.0)))
}

/// A marker as drawn: position, status, pain before treatment, needling caution.
#[derive(Clone, PartialEq)]
struct MarkerView {
    id: u32,
    x: f32,
    y: f32,
    latent: bool,
    nrs: Option<u8>,
    caution: bool,
    /// Charted at an earlier visit and not yet examined today: since when.
    carried: Option<i64>,
}

/// The referral zones of a muscle on one side, in one view, as paths with their grade.
fn zone_paths(view: View, muscle: &str, side: Side) -> Vec<(String, &'static str)> {
    let Some(p) = referral::pattern(muscle) else {
        return Vec::new();
    };
    let s = view.x_sign(side);
    let mut zones: Vec<_> = p.zones.iter().filter(|z| z.view == view).collect();
    // Spillover first, so the essential zones lie on top.
    crate::small_sort::sort_by_key(&mut zones, |z| z.grade == referral::Grade::Essential);
    zones
        .into_iter()
        .map(|z| {
            let pts: Vec<geometry::Pt> = z
                .outline
                .iter()
                .map(|&(x, y)| (s * x as f32, y as f32))
                .collect();
            (geometry::path_d(&pts), z.grade.id())
        })
        .collect()
}

#[component]
fn Figure(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
    let view_box = [vx, vy, vw, vh].map(crate::num::short).join(" ");
    let art = NodeRef::<leptos::svg::Svg>::new();
    let stage = NodeRef::<leptos::html::Div>::new();
    let gesture = StoredValue::new(Gesture::default());
    // Time, place and newly marked point of the last tap, to recognise a double tap.
    let last_tap = StoredValue::new(None::<(f64, f64, f64, Option<u32>)>);
    // Until this event time, clicks are the tail of a drag or a stroke, not taps.
    let quiet_until = StoredValue::new(0.0f64);
    // A marker being dragged: id and atlas position under the finger.
    let dragging = RwSignal::new(None::<(u32, f32, f32)>);
    // The stroke being painted, shown before it is saved as one change.
    let stroke = RwSignal::new(Vec::<PainDab>::new());
    // Patient's right is on the viewer's left when the patient faces us.
    let (left_label, right_label) = match view {
        View::Anterior => ("Patient's RIGHT", "Patient's LEFT"),
        View::Posterior => ("Patient's LEFT", "Patient's RIGHT"),
    };
    // Markers where the chart has them; a dragged one follows the finger through its own
    // position (below), so a pointer move does not rebuild and diff the whole list.
    let markers = move || {
        // A past visit on the map shows its points as they were: none is "carried".
        let today = state.past.get().is_none();
        state.chart.with(|c| {
            c.trps
                .iter()
                .filter(|t| t.at.view == view)
                .map(|t| MarkerView {
                    id: t.id,
                    x: t.at.x,
                    y: t.at.y,
                    latent: t.findings.status == Status::Latent,
                    nrs: t.findings.nrs_before,
                    caution: referral::has_caution(&t.muscle),
                    carried: if today { c.carried_from(t) } else { None },
                })
                .collect::<Vec<_>>()
        })
    };
    // Which marker is being dragged: changes when a drag starts or ends, not on every move.
    let drag_id = Memo::new(move |_| dragging.with(|d| d.map(|d| d.0)));
    // A marker's position: the chart's, or the finger's while it is dragged. Only the dragged
    // marker reads the finger, so only it is redrawn as the finger moves.
    let marker_at = move |id: u32, x: f32, y: f32| {
        if drag_id.get() == Some(id) {
            dragging.with(|d| d.map_or((x, y), |d| (d.1, d.2)))
        } else {
            (x, y)
        }
    };
    // The selected point, drawn as an X over its marker.
    let selected_at = Memo::new(move |_| {
        let id = state.selected_trp()?;
        if let Some((d, x, y)) = dragging.get() {
            if d == id {
                return Some((x, y));
            }
        }
        state.chart.with(|c| {
            c.trp(id)
                .filter(|t| t.at.view == view)
                .map(|t| (t.at.x, t.at.y))
        })
    });
    let highlight = Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return Vec::new();
        }
        let deep = state.deep.get();
        state
            .selected_muscle()
            .map(|(m, side)| muscle_paths(view, &m, side, deep))
            .unwrap_or_default()
    });
    // Referral zones: of the selection, and of every charted point when asked.
    let referral_zones = Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return (Vec::new(), Vec::new());
        }
        let own = state
            .selected_muscle()
            .map(|(m, side)| {
                zone_paths(view, &m, side)
                    .into_iter()
                    .map(|(d, g)| (d, g, m.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let all = if state.show_all.get() {
            let mut seen = std::collections::HashSet::new();
            state.chart.with(|c| {
                c.trps
                    .iter()
                    .filter(|t| seen.insert((t.muscle.clone(), t.side)))
                    .flat_map(|t| {
                        zone_paths(view, &t.muscle, t.side)
                            .into_iter()
                            .map(|(d, g)| (d, g, t.muscle.clone()))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
        } else {
            Vec::new()
        };
        (own, all)
    });
    // Typical trigger-point sites of the selected muscle, as tappable hints.
    let hints = Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return Vec::new();
        }
        let Some((m, side)) = state.selected_muscle() else {
            return Vec::new();
        };
        referral::pattern(&m)
            .map(|p| {
                p.sites
                    .iter()
                    .filter(|s| s.view == view)
                    .map(|s| (view.x_sign(side) * s.at.0 as f32, s.at.1 as f32, s.label))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let pain = move || {
        let mut dabs: Vec<PainDab> = state
            .chart
            .with(|c| c.pain.iter().filter(|d| d.view == view).copied().collect());
        dabs.extend(stroke.get().into_iter().filter(|d| d.view == view));
        dabs
    };

    // Live timers of points on this view, with where their marker is.
    let ring_ids = move || {
        state.chart.with(|c| {
            c.needles_in()
                .filter_map(|t| {
                    let p = c.trp(t.trp)?;
                    (p.at.view == view).then_some((t.id, p.at.x, p.at.y))
                })
                .collect::<Vec<_>>()
        })
    };
    let ring_progress = move |timer: u32| {
        let now = crate::ui::state::Now(state.now.get());
        state
            .chart
            .with(|c| c.timer(timer).map_or(0.0, |t| t.progress(&now)))
    };
    let ring_alarm = move |timer: u32| {
        let now = crate::ui::state::Now(state.now.get());
        state
            .chart
            .with(|c| c.timer(timer).is_some_and(|t| t.alarming(&now)))
    };

    let stage_point = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
        let r = stage.get_untracked()?.get_bounding_client_rect();
        Some((client_x - r.left(), client_y - r.top()))
    };
    let atlas_point = move |client_x: f64, client_y: f64| -> Option<(f32, f32)> {
        let svg: web_sys::SvgsvgElement = art.get_untracked()?.unchecked_into();
        to_atlas(&svg, client_x, client_y)
    };
    // Atlas units per screen pixel at the current zoom.
    let units_per_px = move || {
        let scale = state.camera.get_untracked().scale;
        1.0 / (stage_fit().map_or(1.0, |(f, _)| f.s) * scale)
    };
    // `upp`: atlas units per screen pixel, read once per tap (a layout read).
    let marker_near = move |x: f32, y: f32, upp: f64| -> Option<u32> {
        let hit_r = (MARKER_HIT_PX * upp) as f32;
        state.chart.with_untracked(|c| {
            c.trps
                .iter()
                .filter(|t| t.at.view == view)
                .map(|t| (t.id, (t.at.x - x).hypot(t.at.y - y)))
                .filter(|(_, d)| *d <= hit_r)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(id, _)| id)
        })
    };
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
            state.selection.set(Selection::Trp(id));
        }
        id
    };

    let on_tap = move |ev: web_sys::MouseEvent| {
        let t = ev.time_stamp();
        if t < quiet_until.get_value() || state.mode.get_untracked() == Mode::Pain {
            return;
        }
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let Some((x, y)) = atlas_point(cx, cy) else {
            return;
        };
        // Second tap of a double tap: zoom in there, and take back the point the first
        // tap marked (the therapist meant to zoom, not to chart).
        if let Some((t0, x0, y0, marked)) = last_tap.get_value() {
            if t - t0 < DOUBLE_TAP_MS && (cx - x0).hypot(cy - y0) < DOUBLE_TAP_PX {
                last_tap.set_value(None);
                if marked.is_some() {
                    state.step_history(true);
                    state.selection.set(Selection::None);
                }
                if let (Some(at), Some((fit, _))) = (stage_point(cx, cy), stage_fit()) {
                    let c = state.camera.get_untracked();
                    state.camera.set(c.zoom_about(at, 2.0, &fit));
                }
                return;
            }
        }
        // A tap on (or within a finger's width of) a marker selects it.
        let upp = units_per_px();
        if let Some(id) = marker_near(x, y, upp) {
            last_tap.set_value(Some((t, cx, cy, None)));
            state.selection.set(Selection::Trp(id));
            return;
        }
        // A tap on a typical-site hint marks the point exactly on the site.
        let hint_r = (MARKER_HIT_PX * upp) as f32;
        let hint = hints.with_untracked(|h| {
            h.iter()
                .find(|(hx, hy, _)| (hx - x).hypot(hy - y) <= hint_r)
                .cloned()
        });
        if let (Some((hx, hy, _)), Some((m, side))) = (hint, state.focus.get_untracked()) {
            let marked = mark(&m, side, hx, hy);
            last_tap.set_value(Some((t, cx, cy, marked)));
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
        let marked = mark(&muscle, side, x, y);
        last_tap.set_value(Some((t, cx, cy, marked)));
    };

    // The brush size is fixed for a stroke, so a pointer move reads no layout for it.
    let brush = StoredValue::new(1.0f32);
    let add_dab = move |cx: f64, cy: f64| {
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
        if !dabs.is_empty() {
            state.change(|c, _| Ok(c.change_pain(|p| p.extend(dabs))));
        }
        stroke.set(Vec::new());
    };

    let on_down = move |ev: web_sys::PointerEvent| {
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let Some(p) = stage_point(cx, cy) else {
            return;
        };
        let mut pinch = false;
        gesture.update_value(|g| {
            if let Some(slot) = g.pointers.iter_mut().find(|s| s.is_none()) {
                *slot = Some((ev.pointer_id(), p.0, p.1));
            }
            if let Some((mid, dist)) = midpoint_and_distance(g) {
                g.start = Some((dist, mid, state.camera.get_untracked()));
                g.press = None;
                pinch = true;
            }
        });
        if pinch {
            // A second finger turns whatever the first began into a pinch.
            dragging.set(None);
            stroke.set(Vec::new());
            gesture.update_value(|g| g.painting = false);
            state.gesturing.set(true);
            return;
        }
        if state.mode.get_untracked() == Mode::Pain {
            gesture.update_value(|g| g.painting = true);
            brush.set_value((BRUSH_PX * units_per_px()) as f32);
            add_dab(cx, cy);
            return;
        }
        if let Some(id) = atlas_point(cx, cy).and_then(|(x, y)| marker_near(x, y, units_per_px())) {
            gesture.update_value(|g| g.press = Some((id, cx, cy)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let Some(p) = stage_point(cx, cy) else {
            return;
        };
        let mut pinch = None;
        let mut press = None;
        let mut painting = false;
        gesture.update_value(|g| {
            for (id, x, y) in g.pointers.iter_mut().flatten() {
                if *id == ev.pointer_id() {
                    (*x, *y) = p;
                }
            }
            if let (Some((d0, m0, c0)), Some((mid, dist))) = (g.start, midpoint_and_distance(g)) {
                pinch = Some((d0, m0, c0, mid, dist));
            }
            press = g.press;
            painting = g.painting;
        });
        if let (Some((d0, m0, c0, mid, dist)), Some((fit, _))) = (pinch, stage_fit()) {
            // Pinch scales about where the fingers started; moving both fingers pans.
            let c = c0
                .zoom_about(m0, dist / d0, &fit)
                .pan(mid.0 - m0.0, mid.1 - m0.1, &fit);
            state.camera.set(c);
            return;
        }
        if painting {
            add_dab(cx, cy);
            return;
        }
        if let Some((id, x0, y0)) = press {
            if dragging.get_untracked().is_some() || (cx - x0).hypot(cy - y0) > DRAG_SLOP_PX {
                if let Some((x, y)) = atlas_point(cx, cy) {
                    dragging.set(Some((id, x, y)));
                }
            }
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut painting = false;
        gesture.update_value(|g| {
            for slot in g.pointers.iter_mut() {
                if slot.is_some_and(|(id, _, _)| id == ev.pointer_id()) {
                    *slot = None;
                }
            }
            if g.pointers.iter().any(Option::is_none) {
                g.start = None;
            }
            if g.pointers.iter().all(Option::is_none) {
                g.press = None;
                painting = std::mem::take(&mut g.painting);
            }
        });
        if state.gesturing.get_untracked() && gesture.with_value(|g| g.start.is_none()) {
            state.gesturing.set(false);
        }
        if painting {
            finish_stroke();
            quiet_until.set_value(ev.time_stamp() + 400.0);
            return;
        }
        if let Some((id, _, _)) = dragging.get_untracked() {
            quiet_until.set_value(ev.time_stamp() + 400.0);
            dragging.set(None);
            if ev.type_() == "pointercancel" {
                return;
            }
            match (muscle_under(cx, cy), atlas_point(cx, cy)) {
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
            }
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
    // Read once per camera change (the stage size is a layout read), shared by every user.
    let zoom_vars = Memo::new(move |_| {
        state.layout_rev.track();
        let scale = state.camera.get().scale;
        let s = stage_fit().map_or(1.0, |(f, _)| f.s);
        (scale, s)
    });
    let show_labels = move || state.camera.get().scale >= LABEL_ZOOM && !state.gesturing.get();
    let zone_view = |(d, grade, muscle): (String, &'static str, String)| {
        view! { <path class=format!("zone zone-{grade}") data-referral=muscle data-grade=grade d=d /> }
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
                on:pointercancel=on_up
                on:wheel=on_wheel
            >
                <div
                    class="zoomer"
                    style:transform=move || state.camera.get().css()
                    style:--zoom=move || crate::num::fixed(zoom_vars.get().0, 4, true)
                    style:--unit=move || crate::num::fixed(zoom_vars.get().1, 4, true)
                >
                    <svg
                        node_ref=art
                        class="art"
                        viewBox=view_box.clone()
                        preserveAspectRatio="xMidYMid meet"
                        role="group"
                        aria-label=format!("{} of the body", view.label())
                    >
                        {figure_art(view)}
                    </svg>
                    // Everything that changes lives on its own layer, so the anatomy is never repainted.
                    <svg class="overlay" viewBox=view_box preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                        <g class="pain">
                            {move || {
                                pain()
                                    .into_iter()
                                    .map(|d| view! { <circle class="pain-dab" cx=d.x cy=d.y r=d.r /> })
                                    .collect_view()
                            }}
                        </g>
                        <g class="referral-all">
                            {move || referral_zones.get().1.into_iter().map(zone_view).collect_view()}
                        </g>
                        {move || {
                            let own = referral_zones.get().0;
                            (!own.is_empty())
                                .then(|| view! { <g class="referral">{own.into_iter().map(zone_view).collect_view()}</g> })
                        }}
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
                                    let (scale, unit) = zoom_vars.get();
                                    labels(view, layer, scale * unit)
                                }}
                            </g>
                        </Show>
                        <g class="hints">
                            {move || {
                                hints
                                    .get()
                                    .into_iter()
                                    .map(|(x, y, label)| {
                                        view! {
                                            <g class="hint" data-hint=label transform=translate(x, y)>
                                                <g class="glyph"><circle r="9" /></g>
                                            </g>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </g>
                        // Needles with a running timer wear the dock's progress ring on the map too.
                        <g class="timer-rings">
                            <For each=ring_ids key=|r| (r.0, r.1.to_bits(), r.2.to_bits()) let((timer, x, y))>
                                <g class="timer-ring" class:alarming=move || ring_alarm(timer) data-timer-ring=timer.to_string() transform=translate(x, y)>
                                    <g class="glyph">
                                        <circle class="ring-bg" r="11" />
                                        <circle class="ring-arc" r="11" transform="rotate(-90)" stroke-dasharray=move || format!("{} 69.1", crate::num::short(ring_progress(timer) * 69.1)) />
                                    </g>
                                </g>
                            </For>
                        </g>
                        <g class="markers">
                            <For each=markers key=|m| (m.id, m.x.to_bits(), m.y.to_bits(), m.latent, m.nrs, m.caution, m.carried) let(m)>
                                <g
                                    class="trp"
                                    class:latent=m.latent
                                    class:carried=m.carried.is_some()
                                    data-trp=m.id.to_string()
                                    data-carried=m.carried.map(super::patients::short_date)
                                    data-status=if m.latent { "latent" } else { "active" }
                                    data-caution=m.caution.then_some("true")
                                    style:--x=move || crate::num::short(marker_at(m.id, m.x, m.y).0)
                                    style:--y=move || crate::num::short(marker_at(m.id, m.x, m.y).1)
                                >
                                    <circle class="trp-dot" r=MARKER_PX />
                                    {m.latent.then(|| view! { <text class="trp-letter" y="0.5">"L"</text> })}
                                    {m.nrs.map(|n| view! { <text class="trp-nrs" x="8" y="-6">{n.to_string()}</text> })}
                                    {m.caution.then(|| view! { <path class="trp-caution" d="M-9 -14 L-3 -14 L-6 -19.5 Z" /> })}
                                </g>
                            </For>
                        </g>
                        {move || {
                            selected_at
                                .get()
                                .map(|(x, y)| {
                                    view! {
                                        <g class="sel-x" transform=translate(x, y)>
                                            <g class="glyph">
                                                <circle class="sel-ring" r="10" />
                                                <path class="sel-cross" d="M-5 -5 L5 5 M-5 5 L5 -5" />
                                            </g>
                                        </g>
                                    }
                                })
                        }}
                    </svg>
                </div>
                <span class="side-tag left">{left_label}</span>
                <span class="side-tag right">{right_label}</span>
            </div>
            <figcaption>{view.label()}</figcaption>
        </figure>
    }
}
