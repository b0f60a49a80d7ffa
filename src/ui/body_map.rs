//! The body map: front and back figures drawn from the atlas, tap to mark a trigger point.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::anatomy::{self, geometry, model::Layer, model::Side, model::View};
use crate::clinic::chart::MapPoint;

/// Marker radius in atlas units (drawn) and the distance within which a tap selects it.
const MARKER_R: f32 = 5.5;
const MARKER_HIT_R: f32 = 11.0;

/// Converts a pointer position on screen into the figure's atlas coordinates.
fn to_atlas(svg: &web_sys::SvgsvgElement, client_x: f64, client_y: f64) -> Option<(f32, f32)> {
    let ctm = svg.get_screen_ctm()?.inverse().ok()?;
    let p = svg.create_svg_point();
    p.set_x(client_x as f32);
    p.set_y(client_y as f32);
    let q = p.matrix_transform(&ctm);
    Some((q.x(), q.y()))
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
        </div>
    }
}

/// Static SVG for one view: body, landmarks, muscles (deep group below superficial group).
fn figure_art(view: View) -> impl IntoView {
    let body = geometry::path_d(&anatomy::body_outline());
    let regions = anatomy::regions(view);
    let landmarks: Vec<String> = anatomy::atlas::landmarks()
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
                let fibres = r.fibre_path();
                view! {
                    <path
                        class=class
                        d=r.path()
                        data-muscle=r.muscle
                        data-side=r.side.id()
                    >
                        <title>{format!("{name}, patient's {}", r.side.id())}</title>
                    </path>
                    <path class=format!("fibres {class}") d=fibres />
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

#[component]
fn Figure(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
    let view_box = format!("{vx} {vy} {vw} {vh}");
    let art = NodeRef::<leptos::svg::Svg>::new();
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
        let id = state.selected.get()?;
        state.chart.with(|c| {
            c.trp(id)
                .filter(|t| t.at.view == view)
                .map(|t| (t.at.x, t.at.y))
        })
    });
    let on_tap = move |ev: web_sys::MouseEvent| {
        let Some(svg) = art.get_untracked() else {
            return;
        };
        let svg: web_sys::SvgsvgElement = svg.unchecked_into();
        let Some((x, y)) = to_atlas(&svg, ev.client_x() as f64, ev.client_y() as f64) else {
            return;
        };
        // A tap on (or within a finger's width of) a marker selects it.
        let near = state.chart.with_untracked(|c| {
            c.trps
                .iter()
                .filter(|t| t.at.view == view)
                .map(|t| (t.id, (t.at.x - x).hypot(t.at.y - y)))
                .filter(|(_, d)| *d <= MARKER_HIT_R)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(id, _)| id)
        });
        if let Some(id) = near {
            state.selected.set(Some(id));
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
            state.selected.set(None);
            return;
        };
        if let Some(id) = state.commit(|c, clock| c.mark(&muscle, side, MapPoint { view, x, y }, clock)) {
            state.selected.set(Some(id));
        }
    };
    view! {
        <figure class="figure" data-view=view.id()>
            <div class="stage" on:click=on_tap>
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
                    <g class="markers">
                        <For each=markers key=|m| (m.0, m.1.to_bits(), m.2.to_bits()) let((id, x, y))>
                            <circle class="trp" data-trp=id.to_string() cx=x cy=y r=MARKER_R />
                        </For>
                    </g>
                    {move || {
                        selected_at
                            .get()
                            .map(|(x, y)| {
                                view! {
                                    <circle class="sel-ring" cx=x cy=y r=MARKER_R + 3.5 />
                                }
                            })
                    }}
                </svg>
            </div>
            <figcaption>{view.label()}</figcaption>
        </figure>
    }
}
