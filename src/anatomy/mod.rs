//! What the body is: the atlas (data) and the drawable, mirrored geometry built from it.

pub mod atlas;
pub mod geometry;
pub mod lookup;
pub mod model;
mod packed;
pub mod presets;
pub mod referral;

use geometry::Pt;
use model::{Landmark, Layer, Muscle, Shape, Side, View};

/// Atlas viewBox per figure: x from the midline (viewer's left negative), y from the vertex.
pub const VIEW_BOX: (f32, f32, f32, f32) = (-190.0, -20.0, 380.0, 840.0);

/// The atlas's muscle with this id. Looked up several times per tap (names, cautions): by a
/// binary search over the ids, sorted once, not a scan comparing every muscle's id.
pub fn muscle(id: &str) -> Option<&'static Muscle> {
    static BY_ID: std::sync::OnceLock<Vec<&'static Muscle>> = std::sync::OnceLock::new();
    let by_id = BY_ID.get_or_init(|| {
        let mut all: Vec<&'static Muscle> = atlas::muscles().collect();
        all.sort_by_key(|m| m.id);
        all
    });
    by_id
        .binary_search_by(|m| m.id.cmp(id))
        .ok()
        .map(|i| by_id[i])
}

/// The full body outline in a view's coordinates (right half authored, left half mirrored).
pub fn body_outline() -> Vec<Pt> {
    let half: Vec<Pt> = atlas::BODY_HALF
        .iter()
        .map(|&(x, y)| (x as f32, y as f32))
        .collect();
    let mut full: Vec<Pt> = half.iter().map(|&(x, y)| (-x, y)).collect();
    // The mirrored half runs back up from the crotch to the vertex; skip the shared midline ends.
    full.extend(half.iter().rev().skip(1).take(half.len() - 2).copied());
    full
}

/// Authored points (outlines, lines, zones) placed on one side of the body in a view.
pub fn on_side(points: &[(i16, i16)], view: View, side: Side) -> Vec<Pt> {
    let s = view.x_sign(side);
    points
        .iter()
        .map(|&(x, y)| (s * x as f32, y as f32))
        .collect()
}

/// A landmark (bony contour, crease) drawn on one side of the body in its view, as SVG path data.
pub fn landmark_path(l: &Landmark, side: Side) -> String {
    let pts = on_side(l.points, l.view, side);
    if l.closed {
        geometry::path_d(&pts)
    } else {
        geometry::open_path_d(&pts)
    }
}

/// A shape's outline placed on one side of the body in its view.
pub fn placed(shape: &Shape, side: Side) -> Vec<Pt> {
    let mut pts = on_side(shape.outline, shape.view, side);
    if shape.view.x_sign(side) < 0.0 {
        // Keep the winding the same on both sides after mirroring.
        pts.reverse();
    }
    pts
}

/// A muscle region as drawn: its id, side, view, layer and path.
#[derive(Clone, Debug)]
pub struct Region {
    pub muscle: &'static str,
    pub side: Side,
    pub view: View,
    pub layer: Layer,
    pub points: Vec<Pt>,
    pub fibres: &'static [&'static [(i16, i16)]],
}

impl Region {
    pub fn path(&self) -> String {
        geometry::path_d(&self.points)
    }

    /// The fibre hint lines of the shape, placed on this region's side, as one path.
    pub fn fibre_path(&self) -> String {
        self.fibres
            .iter()
            .map(|line| geometry::open_path_d(&on_side(line, self.view, self.side)))
            .collect()
    }

    pub fn polygon(&self) -> Vec<Pt> {
        geometry::flatten(&self.points, 8)
    }
}

/// All muscle regions of a view, both sides, in drawing order (later ones lie on top).
/// Built once per view and shared: the atlas never changes while the app runs.
pub fn regions(view: View) -> &'static [Region] {
    static CACHE: [std::sync::OnceLock<Vec<Region>>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let slot = match view {
        View::Anterior => &CACHE[0],
        View::Posterior => &CACHE[1],
    };
    slot.get_or_init(|| {
        atlas::shapes()
            .filter(|s| s.view == view)
            .flat_map(|s| {
                Side::BOTH.into_iter().map(move |side| Region {
                    muscle: s.muscle,
                    side,
                    view,
                    layer: s.layer,
                    points: placed(s, side),
                    fibres: s.fibres,
                })
            })
            .collect()
    })
}

/// The topmost region of a layer under a point of a view, as a finger on the map would hit it.
pub fn hit(view: View, layer: Layer, p: Pt) -> Option<(&'static str, Side)> {
    regions(view)
        .iter()
        .rev()
        .filter(|r| r.layer == layer)
        .find(|r| geometry::contains(&r.polygon(), p))
        .map(|r| (r.muscle, r.side))
}
