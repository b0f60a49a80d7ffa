//! What the map draws over the anatomy besides the markers: the pain drawing, referral zones,
//! the selected muscle, muscle names when zoomed in, typical-site hints, needles' timer rings
//! and the selected point's X. Each is its own layer, so the anatomy is never repainted.

use leptos::prelude::*;

use super::markers::MarkerLayer;
use super::state::{AppState, Mode};
use crate::anatomy::{
    self, atlas, geometry, model::Layer, model::Side, model::View, presets, referral,
};
use crate::clinic::chart::PainDab;

/// From this zoom on, muscle names are written on the map.
pub const LABEL_ZOOM: f64 = 2.0;

/// An SVG `translate(x y)` for a spot on the map, to a tenth of an atlas unit.
pub fn translate(x: f32, y: f32) -> String {
    format!(
        "translate({} {})",
        crate::num::short(x),
        crate::num::short(y)
    )
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

/// The referral zones of a muscle on one side, in one view, as paths with their grade.
fn zone_paths(view: View, muscle: &str, side: Side) -> Vec<(String, &'static str)> {
    let Some(p) = referral::pattern(muscle) else {
        return Vec::new();
    };
    let mut zones: Vec<_> = p.zones.iter().filter(|z| z.view == view).collect();
    // Spillover first, so the essential zones lie on top.
    crate::small_sort::sort_by_key(&mut zones, |z| z.grade == referral::Grade::Essential);
    zones
        .into_iter()
        .map(|z| {
            let pts = crate::anatomy::on_side(z.outline, view, side);
            (geometry::path_d(&pts), z.grade.id())
        })
        .collect()
}

/// Muscle names at a known inner point of each region, for the zoomed-in map. Larger muscles
/// are named first; a name that would overlap one already placed is left out at this zoom, and
/// one near the stage's edge is written inside it (`crate::labels::place`).
fn labels(
    view: View,
    layer: Layer,
    px_per_unit: f64,
    room: Option<crate::spread::Rect>,
) -> impl IntoView {
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
    // Names keep a few pixels clear of the stage's edges.
    let m = 0.4 * unit;
    let room = room.map(|r| (r.0 + m, r.1 + m, r.2 - m, r.3 - m));
    let mut placed = Vec::new();
    let mut out = Vec::new();
    for (_, muscle, at) in candidates {
        let name = anatomy::muscle(muscle).map_or(muscle, |m| m.name);
        // Up to about two thirds of the font size per letter (bold), and a little space around
        // each name.
        let half = ((0.33 * name.len() as f64 + 0.2) * unit, 0.7 * unit);
        for side in Side::BOTH {
            let spot = (view.x_sign(side) as f64 * at.0 as f64, at.1 as f64);
            if let Some((x, y)) = crate::labels::place(spot, half, room, &mut placed) {
                out.push((x as f32, y as f32, name));
            }
        }
    }
    out.into_iter()
        .map(|(x, y, name)| view! { <text class="label" x=crate::num::short(x) y=crate::num::short(y)>{name}</text> })
        .collect_view()
}

/// Typical trigger-point sites of the selected muscle on this view, as tappable hints.
pub fn hints_of(state: AppState, view: View) -> Memo<Vec<(f32, f32, &'static str)>> {
    Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return Vec::new();
        }
        let Some((m, side)) = state.panel_focus.get() else {
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
    })
}

/// The pain drawing, with the stroke being painted.
#[component]
pub fn PainDrawing(view: View, stroke: RwSignal<Vec<PainDab>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo: a tap that charts a point leaves the drawing as it is, and it is not redrawn.
    // Turned toward the patient, the map shows the patient's own drawing; the therapist sees
    // both, the patient's drawn apart (outlined).
    let pain = Memo::new(move |_| {
        let patient = state.patient_view.get();
        // The patient's own drawing is part of the visit; the therapist's is the pain drawing.
        let here = |drawn: &[PainDab]| -> Vec<PainDab> {
            drawn.iter().filter(|d| d.view == view).copied().collect()
        };
        let mut dabs = if patient {
            state
                .with_open(|c| c.visit.as_ref().map(|v| here(&v.patient_pain)))
                .unwrap_or_default()
        } else {
            state.with_pain(|c| here(&c.pain))
        };
        dabs.extend(stroke.get().into_iter().filter(|d| d.view == view));
        dabs
    });
    let by_patient = Memo::new(move |_| {
        if state.patient_view.get() {
            return Vec::new();
        }
        state.with_open(|c| {
            c.visit
                .as_ref()
                .map(|v| {
                    v.patient_pain
                        .iter()
                        .filter(|d| d.view == view)
                        .copied()
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let dots = move |dabs: Memo<Vec<PainDab>>, class: &'static str| {
        move || {
            dabs.get()
                .into_iter()
                .map(|d| view! { <circle class=class cx=crate::num::short(d.x) cy=crate::num::short(d.y) r=crate::num::short(d.r) /> })
                .collect_view()
        }
    };
    view! {
        <g class="pain">
            {dots(by_patient, "pain-dab by-patient")}
            {dots(pain, "pain-dab")}
        </g>
    }
}

/// Referral zones: of the selection, and of every charted point when asked.
#[component]
pub fn ReferralZones(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let zones = Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return (Vec::new(), Vec::new());
        }
        let own = state
            .panel_focus
            .get()
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
    let zone_view = |(d, grade, muscle): (String, &'static str, String)| {
        view! { <path class=format!("zone zone-{grade}") data-referral=muscle data-grade=grade d=d /> }
    };
    view! {
        <g class="referral-all">
            {move || zones.get().1.into_iter().map(zone_view).collect_view()}
        </g>
        {move || {
            let own = zones.get().0;
            // The pattern grows out of the selected point (where motion is welcome). Set
            // through the style object: the content security policy refuses a style attribute.
            let origin = state
                .panel_trp_untracked()
                .and_then(|id| {
                    state.chart.with_untracked(|c| {
                        c.trp(id)
                            .filter(|t| t.at.view == view)
                            .map(|t| format!("{}px {}px", crate::num::short(t.at.x), crate::num::short(t.at.y)))
                    })
                })
                .unwrap_or_default();
            (!own.is_empty())
                .then(|| view! { <g class="referral" style:transform-origin=origin>{own.into_iter().map(zone_view).collect_view()}</g> })
        }}
    }
}

/// The selected muscle's outline.
#[component]
pub fn Highlight(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
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
    view! {
        <g class="highlight">
            {move || {
                highlight
                    .get()
                    .into_iter()
                    .map(|d| view! { <path class="sel-muscle" d=d /> })
                    .collect_view()
            }}
        </g>
    }
}

/// Muscle names, once zoomed in far enough (not while fingers move the map).
#[component]
pub fn MuscleLabels(
    view: View,
    /// Zoom and stage scale: their product is screen pixels per atlas unit.
    zoom: Memo<(f64, f64)>,
    /// What the stage shows of the atlas: names near its edges are written inside it.
    room: Memo<Option<crate::spread::Rect>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let show = move || state.camera.get().scale >= LABEL_ZOOM && !state.gesturing.get();
    view! {
        <Show when=show>
            <g class="labels">
                {move || {
                    let layer = if state.deep.get() { Layer::Deep } else { Layer::Superficial };
                    let (scale, unit) = zoom.get();
                    labels(view, layer, scale * unit, room.get())
                }}
            </g>
        </Show>
    }
}

/// Typical sites of the selected muscle.
#[component]
pub fn Hints(hints: Memo<Vec<(f32, f32, &'static str)>>) -> impl IntoView {
    view! {
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
    }
}

/// Needles with a running timer wear the dock's progress ring on the map too, around their
/// marker where it is drawn.
#[component]
pub fn TimerRings(view: View, layer: MarkerLayer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rings = Memo::new(move |_| {
        let rings = state.with_open(|c| {
            c.needles_in()
                .filter_map(|t| {
                    let p = c.trp(t.trp)?;
                    (p.at.view == view).then_some((t.id, t.trp))
                })
                .collect::<Vec<_>>()
        });
        rings
            .into_iter()
            .filter_map(|(timer, trp)| {
                let (x, y) = layer.drawn(trp)?;
                Some((timer, x, y))
            })
            .collect::<Vec<_>>()
    });
    let ring_progress = move |timer: u32| {
        let now = crate::ui::state::Now(state.now.get());
        state.with_open(|c| c.timer(timer).map_or(0.0, |t| t.progress(&now)))
    };
    let ring_alarm = move |timer: u32| {
        let now = crate::ui::state::Now(state.now.get());
        state.with_open(|c| c.timer(timer).is_some_and(|t| t.alarming(&now)))
    };
    view! {
        // A few rings at most: redrawn together when one comes or goes (no keyed list).
        <g class="timer-rings">
            {move || {
                rings
                    .get()
                    .into_iter()
                    .map(|(timer, x, y)| {
                        view! {
                            <g class="timer-ring" class:alarming=move || ring_alarm(timer) data-timer-ring=timer.to_string() transform=translate(x, y)>
                                <g class="glyph">
                                    <circle class="ring-bg" r="11" />
                                    <circle class="ring-arc" r="11" transform="rotate(-90)" stroke-dasharray=move || format!("{} 69.1", crate::num::short(ring_progress(timer) * 69.1)) />
                                </g>
                            </g>
                        }
                    })
                    .collect_view()
            }}
        </g>
    }
}

/// The selected point, drawn as an X over its marker (following the finger while dragged).
#[component]
pub fn SelectedMark(
    layer: MarkerLayer,
    dragging: RwSignal<Option<(u32, f32, f32)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected_at = Memo::new(move |_| {
        let id = state.selected_trp()?;
        if let Some((d, x, y)) = dragging.get() {
            if d == id {
                return Some((x, y));
            }
        }
        // A point of the other view has no marker here.
        layer.drawn(id)
    });
    // Built when a point is selected here and kept while the selection moves between points:
    // selecting another point only moves it.
    let shown = Memo::new(move |_| selected_at.with(Option::is_some));
    move || {
        shown.get().then(|| {
            view! {
                <g class="sel-x" transform=move || selected_at.get().map(|(x, y)| translate(x, y))>
                    <g class="glyph">
                        <circle class="sel-ring" r="10" />
                        <path class="sel-cross" d="M-5 -5 L5 5 M-5 5 L5 -5" />
                    </g>
                </g>
            }
        })
    }
}
