//! Regions of the body the map can zoom to in one tap, and muscle search.

use super::model::{Layer, Muscle, Side, View};
use super::{atlas, geometry};

/// A named part of the body as an atlas rectangle `(x0, y0, x1, y1)`; x is screen x of the
/// figure (both views share the frame, so the same rectangle works for front and back).
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    pub id: &'static str,
    pub label: &'static str,
    pub rect: (f32, f32, f32, f32),
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "head_neck",
        label: "Head and neck",
        rect: (-62.0, -8.0, 62.0, 160.0),
    },
    Preset {
        id: "shoulder",
        label: "Shoulders",
        rect: (-135.0, 100.0, 135.0, 250.0),
    },
    Preset {
        id: "upper_back",
        label: "Upper back",
        rect: (-95.0, 120.0, 95.0, 270.0),
    },
    Preset {
        id: "low_back_pelvis",
        label: "Low back and pelvis",
        rect: (-95.0, 270.0, 95.0, 430.0),
    },
    Preset {
        id: "hip_thigh",
        label: "Hip and thigh",
        rect: (-100.0, 330.0, 100.0, 600.0),
    },
    Preset {
        id: "knee_leg",
        label: "Knee and leg",
        rect: (-70.0, 560.0, 70.0, 805.0),
    },
    // One arm (the one on the viewer's right: the patient's left in front, right from behind).
    Preset {
        id: "forearm_hand",
        label: "Forearm and hand",
        rect: (88.0, 280.0, 186.0, 482.0),
    },
];

/// Muscles whose name or id matches what was typed, best matches first: names that start
/// with it, then names with a word that starts with it, then any other occurrence.
pub fn search(query: &str) -> Vec<&'static Muscle> {
    let q = crate::text::fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &'static Muscle)> = atlas::muscles()
        .filter_map(|m| {
            let name = crate::text::fold(m.name);
            let id = m.id.replace('_', " ");
            let rank = if name.starts_with(&q) {
                0
            } else if name.split([' ', '-']).any(|w| w.starts_with(&q)) {
                1
            } else if name.contains(&q) || id.contains(&q) {
                2
            } else {
                return None;
            };
            Some((rank, m))
        })
        .collect();
    crate::small_sort::sort_by(&mut hits, |a, b| a.0.cmp(&b.0).then(a.1.name.cmp(b.1.name)));
    hits.into_iter().map(|(_, m)| m).collect()
}

/// Where a muscle is best shown: the view and layer of its largest outline.
pub fn home(muscle: &str) -> Option<(View, Layer)> {
    atlas::shapes()
        .filter(|s| s.muscle == muscle)
        .map(|s| {
            let pts: Vec<geometry::Pt> = s
                .outline
                .iter()
                .map(|&(x, y)| (x as f32, y as f32))
                .collect();
            let area = geometry::signed_area(&geometry::flatten(&pts, 4)).abs();
            // Prefer what the therapist sees without lifting muscles away.
            let bonus = if s.layer == Layer::Superficial {
                1.5
            } else {
                1.0
            };
            (area * bonus, s.view, s.layer)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, v, l)| (v, l))
}

/// Atlas bounds of a muscle on one side in one view and layer (all its outlines there).
pub fn bounds(muscle: &str, side: Side, view: View, layer: Layer) -> Option<(f32, f32, f32, f32)> {
    let regions: Vec<_> = super::regions(view)
        .iter()
        .filter(|r| r.muscle == muscle && r.side == side && r.layer == layer)
        .collect();
    if regions.is_empty() {
        return None;
    }
    Some(
        regions
            .iter()
            .map(|r| geometry::bounds(&r.polygon()))
            .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |a, b| {
                (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trap_finds_the_three_trapezius_parts_first() {
        let ids: Vec<&str> = search("trap").iter().map(|m| m.id).collect();
        assert_eq!(
            &ids[..3],
            &["lower_trapezius", "middle_trapezius", "upper_trapezius"]
        );
    }

    #[test]
    fn search_matches_word_starts_and_ignores_case() {
        let ids: Vec<&str> = search("  GLUT").iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            vec!["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]
        );
        assert!(search("").is_empty());
        assert!(search("zzz").is_empty());
        assert_eq!(search("first dorsal")[0].id, "first_dorsal_interosseous");
    }

    #[test]
    fn every_muscle_has_a_home_view_and_bounds_there() {
        for m in atlas::muscles() {
            let (view, layer) = home(m.id).unwrap_or_else(|| panic!("{} is not drawn", m.id));
            for side in Side::BOTH {
                let b = bounds(m.id, side, view, layer).unwrap();
                assert!(b.2 > b.0 && b.3 > b.1, "{}", m.id);
            }
        }
        assert_eq!(home("supraspinatus").map(|h| h.1), Some(Layer::Deep));
        assert_eq!(
            home("infraspinatus"),
            Some((View::Posterior, Layer::Superficial))
        );
    }

    #[test]
    fn presets_lie_within_the_map() {
        let (vx, vy, vw, vh) = super::super::VIEW_BOX;
        for p in PRESETS {
            let (x0, y0, x1, y1) = p.rect;
            assert!(x0 < x1 && y0 < y1, "{}", p.id);
            assert!(
                x0 >= vx && y0 >= vy && x1 <= vx + vw && y1 <= vy + vh,
                "{}",
                p.id
            );
        }
    }
}
