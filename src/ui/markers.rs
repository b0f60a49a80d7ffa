//! The trigger-point markers of one figure. The layer updates in place: a change to the chart
//! touches only the markers of the points it changed (the app logs which, `AppState::edits`),
//! so a tap costs the same with 5 or 500 points on the map. Markers that would overlap at the
//! current zoom are spread apart (`crate::spread`) with a thin leader line to their true spot;
//! each keeps a finger-sized target, and taps find markers where they are drawn. A new marker
//! shows on its spot in the frame after the tap; its crowd is spread again in the task after
//! that frame.

use leptos::prelude::*;

use super::state::AppState;
use crate::anatomy::{model::View, referral};
use crate::clinic::chart::Chart;
use crate::clinic::findings::Status;

/// A tap this close to a marker on its spot (screen pixels) selects it instead of marking: small,
/// so that points can still be charted close together.
pub const MARKER_HIT_PX: f64 = 11.0;
/// A marker spread away from a crowd owns its grid cell beside it (`spread::CELL_PX` = 44 px):
/// a tap anywhere in that finger-sized target selects it.
const SPREAD_HIT_PX: f64 = crate::spread::CELL_PX / 2.0;

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

impl MarkerView {
    /// Whether the marker has texts ("L", the pain score) besides its dot.
    fn has_text(&self) -> bool {
        self.latent || self.nrs.is_some()
    }

    fn of(c: &Chart, id: u32, view: View, today: bool) -> Option<MarkerView> {
        let t = c.trp(id).filter(|t| t.at.view == view)?;
        Some(MarkerView {
            id: t.id,
            x: t.at.x,
            y: t.at.y,
            latent: t.findings.status == Status::Latent,
            nrs: t.findings.nrs_before,
            caution: referral::has_caution(&t.muscle),
            carried: if today { c.carried_from(t) } else { None },
        })
    }
}

struct Shown {
    m: MarkerView,
    /// The marker's `<g class="trp">`.
    el: web_sys::Element,
    /// Its leader line (drawn below every marker), made the first time its glyph is moved:
    /// most markers never are.
    leader: Option<web_sys::Element>,
    /// Where the glyph is drawn from the true spot, in screen pixels.
    off: (f64, f64),
}

impl Layer {
    fn at(&self, id: u32) -> Result<usize, usize> {
        self.shown.binary_search_by_key(&id, |s| s.m.id)
    }
}

#[derive(Default)]
struct Layer {
    group: Option<web_sys::Element>,
    leaders: Option<web_sys::Element>,
    /// By id (ids only grow, so a new marker usually goes at the end).
    shown: Vec<Shown>,
    /// The last chart change this layer has taken in (`Edits::rev`).
    seen: u64,
    /// Screen pixels per atlas unit the spread was worked out for.
    ppu: f64,
    /// The part of the atlas the stage shows (atlas units): spread glyphs stay inside it.
    room: Option<crate::spread::Rect>,
    dragged: Option<u32>,
    /// Glyphs that a change pushed aside are still to be moved (after the next frame).
    settling: bool,
}

/// One figure's markers, shared by the figure (hit tests, drag) and its overlays (which draw
/// the selection and timer rings where the marker is drawn).
#[derive(Clone, Copy)]
pub struct MarkerLayer {
    layer: StoredValue<Layer, LocalStorage>,
    /// Bumped whenever a marker appears, goes, or is drawn elsewhere.
    pub rev: RwSignal<u32>,
}

fn num(v: f64) -> String {
    crate::num::short(v as f32)
}

/// Puts a marker or leader line at an atlas spot: its `--x` and `--y`, through the style
/// object (the content security policy allows no inline style attribute).
fn place(el: &web_sys::Element, x: f32, y: f32) {
    set_style(
        el,
        &[
            ("--x", &crate::num::short(x)),
            ("--y", &crate::num::short(y)),
        ],
    );
}

/// Where a marker's texts sit from its dot, in screen pixels, and their font size (so that the
/// offset can be written in `em`, which scales with the zoom as the font does).
fn text_offset(class: &str) -> Option<(f64, f64, f64)> {
    match class {
        "trp-letter" => Some((0.0, 0.5, 8.0)),
        "trp-nrs" => Some((8.0, -6.0, 11.0)),
        _ => None,
    }
}

/// Draws a marker's glyph `s.off` from its spot, with its leader line (shown only when the
/// glyph is moved) in `leaders`.
fn offset(s: &mut Shown, leaders: &web_sys::Element) {
    glyph_at(&s.el, (s.m.x, s.m.y), s.off, s.m.has_text());
    lead(&mut s.leader, leaders, (s.m.x, s.m.y), s.off, None);
}

/// Moves a marker's glyph from `was` to `s.off` from its spot, which is already drawn: what a
/// respread changes (a tap on a crowded spot moves a few neighbours: only their offsets).
fn shift(s: &mut Shown, leaders: &web_sys::Element, was: (f64, f64)) {
    glyph_off(&s.el, s.off, s.m.has_text());
    lead(&mut s.leader, leaders, (s.m.x, s.m.y), s.off, Some(was));
}

/// Draws a marker at atlas spot `(x, y)`, its dot and texts `(dx, dy)` screen pixels from it.
/// No part of a marker has a transform of its own: the dot is placed by CSS (`cx`, `cy`, `r`
/// from `--x`, `--ox` and the zoom) and the texts by their `x`, `y` (attributes only) and `em`
/// offsets, so that hundreds of markers are one run of drawing for the compositor, not
/// hundreds.
fn glyph_at(g: &web_sys::Element, (x, y): (f32, f32), (dx, dy): (f64, f64), text: bool) {
    // One style object for the four (a dragged marker comes here on every finger move).
    set_style(
        g,
        &[
            ("--x", &crate::num::short(x)),
            ("--y", &crate::num::short(y)),
            ("--ox", &num(dx)),
            ("--oy", &num(dy)),
        ],
    );
    if text {
        place_texts(g, Some((x, y)), (dx, dy));
    }
}

/// Draws a marker's dot and texts `(dx, dy)` screen pixels from its spot.
fn glyph_off(g: &web_sys::Element, (dx, dy): (f64, f64), text: bool) {
    set_style(g, &[("--ox", &num(dx)), ("--oy", &num(dy))]);
    if text {
        place_texts(g, None, (dx, dy));
    }
}

/// Sets CSS properties of a marker's part (every part is an SVG element: made by `svg`).
fn set_style(el: &web_sys::Element, props: &[(&str, &str)]) {
    let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::SvgElement>(el).style();
    for (name, value) in props {
        let _ = style.set_property(name, value);
    }
}

/// Places a marker's texts: at its spot `at` (when given) and `(dx, dy)` screen pixels from it.
fn place_texts(g: &web_sys::Element, at: Option<(f32, f32)>, (dx, dy): (f64, f64)) {
    let mut child = g.first_element_child();
    while let Some(t) = child {
        if let Some((tx, ty, size)) = t.get_attribute("class").as_deref().and_then(text_offset) {
            if let Some((x, y)) = at {
                let _ = t.set_attribute("x", &crate::num::short(x));
                let _ = t.set_attribute("y", &crate::num::short(y));
            }
            let em = |v: f64| format!("{}em", crate::num::fixed(v / size, 3, true));
            let _ = t.set_attribute("dx", &em(tx + dx));
            let _ = t.set_attribute("dy", &em(ty + dy));
        }
        child = t.next_element_sibling();
    }
}

/// Draws a marker's leader line from its spot `at` to its glyph `(dx, dy)` screen pixels away
/// (from `was`, when known); none when the glyph sits on its spot. A line is made (in
/// `leaders`) and placed at its spot only when it starts to show: most markers never spread,
/// and a new one costs no more.
fn lead(
    leader: &mut Option<web_sys::Element>,
    leaders: &web_sys::Element,
    (x, y): (f32, f32),
    (dx, dy): (f64, f64),
    mut was: Option<(f64, f64)>,
) {
    let spread = (dx, dy) != (0.0, 0.0);
    if leader.is_none() {
        if !spread {
            return;
        }
        *leader = BLANK.with(|b| {
            let line = b.as_ref()?.1.clone_node_with_deep(true).ok()?;
            leaders.append_child(&line).ok()?;
            Some(wasm_bindgen::JsCast::unchecked_into(line))
        });
        // A new line is drawn in full, as one whose earlier state is not known.
        was = None;
    }
    let Some(leader) = leader else {
        return;
    };
    let _ = leader.set_attribute("x2", &num(dx));
    let _ = leader.set_attribute("y2", &num(dy));
    if spread && was.is_none_or(|w| w == (0.0, 0.0)) {
        place(leader, x, y);
    }
    if was.is_none_or(|w| (w != (0.0, 0.0)) != spread) {
        let _ = leader.set_attribute(
            "class",
            if spread {
                "trp-leader spread"
            } else {
                "trp-leader"
            },
        );
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

fn svg(tag: &str, class: &str) -> Option<web_sys::Element> {
    let el = document().create_element_ns(Some(SVG_NS), tag).ok()?;
    let _ = el.set_attribute("class", class);
    Some(el)
}

thread_local! {
    /// A marker's dot in its group, and a leader line, as every marker starts: each marker
    /// (and each leader line, once one shows) is a deep copy of these (one call to the
    /// browser), not built part by part.
    static BLANK: Option<(web_sys::Element, web_sys::Element)> = (|| {
        let g = svg("g", "trp")?;
        let _ = g.set_attribute("data-status", "active");
        let dot = svg("circle", "trp-dot")?;
        let _ = g.append_child(&dot);
        let line = svg("line", "trp-leader")?;
        for end in ["x1", "y1", "x2", "y2"] {
            let _ = line.set_attribute(end, "0");
        }
        Some((g, line))
    })();
}

/// Builds a marker's group (static: the layer changes it in place): its dot, "L" for a latent
/// point, the pain score before treatment, a caution triangle.
fn build(m: &MarkerView) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    // A copy of an element is an element.
    let g: web_sys::Element = BLANK.with(|b| {
        b.as_ref()
            .and_then(|(g, _)| Some(g.clone_node_with_deep(true).ok()?.unchecked_into()))
    })?;
    if m.latent || m.carried.is_some() {
        let class = match (m.latent, m.carried.is_some()) {
            (true, true) => "trp latent carried",
            (true, false) => "trp latent",
            _ => "trp carried",
        };
        let _ = g.set_attribute("class", class);
    }
    let _ = g.set_attribute("data-trp", &m.id.to_string());
    if let Some(at) = m.carried {
        let _ = g.set_attribute("data-carried", &super::patients::short_date(at));
    }
    if m.caution {
        let _ = g.set_attribute("data-caution", "true");
    }
    if m.latent {
        // "active" is the blank marker's.
        let _ = g.set_attribute("data-status", "latent");
        let letter = svg("text", "trp-letter")?;
        letter.set_text_content(Some("L"));
        let _ = g.append_child(&letter);
    }
    if let Some(n) = m.nrs {
        let nrs = svg("text", "trp-nrs")?;
        nrs.set_text_content(Some(&n.to_string()));
        let _ = g.append_child(&nrs);
    }
    if m.caution {
        let caution = svg("path", "trp-caution")?;
        let _ = caution.set_attribute("d", "M-9 -14 L-3 -14 L-6 -19.5 Z");
        let _ = g.append_child(&caution);
    }
    // A new marker sits on its spot: its offset is the style sheet's (0, 0) until a spread
    // moves it.
    place(&g, m.x, m.y);
    if m.has_text() {
        place_texts(&g, Some((m.x, m.y)), (0.0, 0.0));
    }
    Some(g)
}

/// Builds a marker that is never shown (see `AppState::rehearse`): the first point charted
/// then costs what every later one does.
pub fn rehearse() {
    let m = MarkerView {
        id: 0,
        x: 0.0,
        y: 0.0,
        latent: false,
        nrs: Some(5),
        // The look-up of needling cautions is built on its first use.
        caution: referral::has_caution("upper_trapezius"),
        carried: None,
    };
    std::hint::black_box(build(&m));
}

impl Default for MarkerLayer {
    fn default() -> MarkerLayer {
        MarkerLayer {
            layer: StoredValue::new_local(Layer::default()),
            rev: RwSignal::new(0),
        }
    }
}

impl MarkerLayer {
    /// The marker drawn nearest to an atlas point and within reach of a finger there (see
    /// `MARKER_HIT_PX`); `upp` is atlas units per screen pixel.
    pub fn near(&self, x: f32, y: f32, upp: f64) -> Option<u32> {
        self.layer.with_value(|l| {
            let ppu = l.ppu.max(1e-6);
            l.shown
                .iter()
                .filter_map(|s| {
                    let (dx, dy) = ((s.off.0 / ppu) as f32, (s.off.1 / ppu) as f32);
                    let d = (s.m.x + dx - x).hypot(s.m.y + dy - y);
                    let reach = if s.off == (0.0, 0.0) {
                        MARKER_HIT_PX
                    } else {
                        SPREAD_HIT_PX
                    };
                    (d <= (reach * upp) as f32).then_some((s.m.id, d))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
                .map(|(id, _)| id)
        })
    }

    /// Where a point's marker is drawn (atlas units); tracks the layer.
    pub fn drawn(&self, id: u32) -> Option<(f32, f32)> {
        self.rev.track();
        self.layer.with_value(|l| {
            let s = &l.shown[l.at(id).ok()?];
            let ppu = l.ppu.max(1e-6);
            Some((
                s.m.x + (s.off.0 / ppu) as f32,
                s.m.y + (s.off.1 / ppu) as f32,
            ))
        })
    }

    /// Works the spread out again for screen scale `ppu` and redraws the glyphs that moved.
    fn respread(l: &mut Layer, ppu: f64) -> bool {
        l.ppu = ppu;
        let Some(leaders) = l.leaders.as_ref() else {
            return false;
        };
        let pts: Vec<(f64, f64)> = l
            .shown
            .iter()
            .map(|s| (s.m.x as f64 * ppu, s.m.y as f64 * ppu))
            .collect();
        let room = l.room.map(|r| (r.0 * ppu, r.1 * ppu, r.2 * ppu, r.3 * ppu));
        let offs = crate::spread::spread(&pts, room);
        let mut moved = false;
        for (s, off) in l.shown.iter_mut().zip(offs) {
            if s.off != off {
                let was = std::mem::replace(&mut s.off, off);
                shift(s, leaders, was);
                moved = true;
            }
        }
        moved
    }

    /// Moves the glyphs that a change pushed aside (see `sync`).
    fn settle(&self) {
        let moved = self.layer.try_update_value(|l| {
            l.settling = false;
            l.group.is_some() && Self::respread(l, l.ppu)
        });
        if moved == Some(true) {
            let _ = self.rev.try_update(|r| *r += 1);
        }
    }

    /// Takes in the chart's changes since the layer last looked.
    fn sync(&self, state: &AppState, view: View, ppu: f64) {
        let today = state.past.with_untracked(Option::is_none);
        let (rev, changed) = state
            .edits
            .with_value(|e| (e.rev(), e.since(self.layer.with_value(|l| l.seen))));
        let mut touched = false;
        let mut settle = false;
        // Everything is looked at again (the first sync, another patient, a past visit): every
        // marker is drawn where it belongs at once.
        let whole = changed.is_none();
        self.layer.update_value(|l| {
            l.seen = rev;
            let (Some(group), Some(leaders)) = (l.group.clone(), l.leaders.clone()) else {
                return;
            };
            state.chart.with_untracked(|c| {
                let ids: Vec<u32> = match changed {
                    Some(ids) => ids,
                    None => {
                        let mut all: Vec<u32> = l.shown.iter().map(|s| s.m.id).collect();
                        all.extend(c.trps.iter().filter(|t| t.at.view == view).map(|t| t.id));
                        all
                    }
                };
                for id in ids {
                    let want = MarkerView::of(c, id, view, today);
                    let at = l.at(id);
                    match (want, at) {
                        (None, Err(_)) => {}
                        (None, Ok(i)) => {
                            let s = l.shown.remove(i);
                            s.el.remove();
                            if let Some(line) = s.leader {
                                line.remove();
                            }
                            touched = true;
                        }
                        (Some(m), Ok(i)) if l.shown[i].m == m => {}
                        (Some(m), Ok(i)) => {
                            let s = &mut l.shown[i];
                            let Some(el) = build(&m) else {
                                continue;
                            };
                            let _ = s.el.replace_with_with_node_1(&el);
                            let moved = (s.m.x, s.m.y) != (m.x, m.y);
                            *s = Shown {
                                m,
                                el,
                                leader: s.leader.take(),
                                off: s.off,
                            };
                            offset(s, &leaders);
                            touched |= moved;
                        }
                        (Some(m), Err(i)) => {
                            let Some(el) = build(&m) else {
                                continue;
                            };
                            let _ = group.append_child(&el);
                            l.shown.insert(
                                i,
                                Shown {
                                    m,
                                    el,
                                    leader: None,
                                    off: (0.0, 0.0),
                                },
                            );
                            touched = true;
                        }
                    }
                }
            });
            if touched && whole {
                Self::respread(l, ppu);
            } else if touched {
                // The scale the crowd is spread for when it settles.
                l.ppu = ppu;
                // A change shows its marker on its spot at once; the spread of its crowd (a
                // new marker pushing neighbours aside, a removed one letting them gather back)
                // follows in the task after the frame that shows it: a tap's own work is its
                // marker, however crowded the spot.
                settle = !std::mem::replace(&mut l.settling, true);
            }
        });
        if touched {
            self.rev.update(|r| *r += 1);
        }
        if settle {
            let layer = *self;
            crate::frame::after_frame(move || layer.settle());
        }
    }

    /// The marker being dragged follows the finger (atlas units); `None` puts it back.
    fn drag(&self, to: Option<(u32, f32, f32)>) {
        self.layer.update_value(|l| {
            // Borrowed, not copied: every finger move of a drag lands here.
            let Some(leaders) = l.leaders.as_ref() else {
                return;
            };
            // A marker no longer dragged goes back to where it is drawn at rest (one that is
            // still dragged is only moved: every finger move lands here).
            if let Some(id) = l.dragged.take_if(|d| to.is_none_or(|t| t.0 != *d)) {
                if let Ok(i) = l.at(id) {
                    offset(&mut l.shown[i], leaders);
                }
            }
            if let Some((id, x, y)) = to {
                if let Ok(i) = l.at(id) {
                    let s = &mut l.shown[i];
                    // The glyph is under the finger while dragged: no spread, no leader.
                    glyph_at(&s.el, (x, y), (0.0, 0.0), s.m.has_text());
                    lead(&mut s.leader, leaders, (x, y), (0.0, 0.0), None);
                    l.dragged = Some(id);
                }
            }
        });
    }
}

/// The markers of one figure, and their leader lines below them.
#[component]
pub fn Markers(
    view: View,
    layer: MarkerLayer,
    /// A marker being dragged: id and atlas position under the finger.
    dragging: RwSignal<Option<(u32, f32, f32)>>,
    /// Zoom and stage scale: their product is screen pixels per atlas unit.
    zoom: Memo<(f64, f64)>,
    /// The part of the atlas the stage shows.
    room: Memo<Option<crate::spread::Rect>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ppu = move || {
        let (scale, unit) = zoom.get();
        scale * unit
    };
    let group = NodeRef::<leptos::svg::G>::new();
    let leaders = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        let (Some(g), Some(lines)) = (group.get(), leaders.get()) else {
            return;
        };
        layer.layer.update_value(|l| {
            if l.group.is_none() {
                l.group = Some(g.into());
                l.leaders = Some(lines.into());
            }
        });
        state.chart.track();
        state.past.track();
        layer.sync(&state, view, untrack(ppu));
    });
    // The spread depends on the zoom and on what the stage shows: worked out again once the
    // fingers are off the map.
    Effect::new(move |_| {
        let ppu = ppu();
        let room = room.get();
        if state.gesturing.get() {
            return;
        }
        let moved = layer.layer.try_update_value(|l| {
            let changed = (l.ppu - ppu).abs() > 1e-9 || l.room != room;
            l.room = room;
            (l.group.is_some() && changed) && MarkerLayer::respread(l, ppu)
        });
        if moved == Some(true) {
            layer.rev.update(|r| *r += 1);
        }
    });
    Effect::new(move |_| layer.drag(dragging.get()));
    view! {
        <g class="trp-leaders" node_ref=leaders></g>
        <g class="markers" node_ref=group></g>
    }
}
