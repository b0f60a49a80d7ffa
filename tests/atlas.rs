//! The atlas's data checks: a clinician reviews the drawing, these keep it sound.
#![cfg(not(target_arch = "wasm32"))]

use myomap::anatomy::{self, atlas, geometry, model::*};
use std::collections::{HashMap, HashSet};

/// Muscles the atlas must hold on both sides (grows with the atlas; never shrinks).
const REQUIRED: &[&str] = &[
    "upper_trapezius",
    "levator_scapulae",
    "infraspinatus",
    "gluteus_medius",
    "sternocleidomastoid",
    "tibialis_anterior",
];

fn body() -> Vec<geometry::Pt> {
    geometry::flatten(&anatomy::body_outline(), 8)
}

#[test]
fn catalogue_ids_are_unique_snake_case_and_named() {
    let mut seen = HashSet::new();
    for m in atlas::muscles() {
        assert!(seen.insert(m.id), "duplicate muscle id {}", m.id);
        assert!(
            m.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{} is not snake_case",
            m.id
        );
        assert!(!m.name.trim().is_empty(), "{} has no display name", m.id);
    }
}

#[test]
fn every_required_muscle_is_drawn_on_both_sides() {
    let drawn: HashSet<(&str, Side)> = View::ALL
        .into_iter()
        .flat_map(anatomy::regions)
        .map(|r| (r.muscle, r.side))
        .collect();
    for id in REQUIRED {
        assert!(
            anatomy::muscle(id).is_some(),
            "{id} missing from the catalogue"
        );
        for side in Side::BOTH {
            assert!(
                drawn.contains(&(*id, side)),
                "{id} is not drawn on the {side:?} side"
            );
        }
    }
}

#[test]
fn every_shape_belongs_to_a_catalogued_muscle_and_every_muscle_is_drawn() {
    let ids: HashSet<&str> = atlas::muscles().map(|m| m.id).collect();
    let drawn: HashSet<&str> = atlas::shapes().map(|s| s.muscle).collect();
    for s in atlas::shapes() {
        assert!(
            ids.contains(s.muscle),
            "shape for unknown muscle {}",
            s.muscle
        );
    }
    for id in &ids {
        assert!(drawn.contains(id), "{id} is catalogued but never drawn");
    }
}

#[test]
fn body_outline_is_closed_simple_symmetric_and_eight_heads_tall() {
    let poly = body();
    assert!(
        geometry::is_simple(&poly),
        "the body outline crosses itself"
    );
    let (x0, y0, x1, y1) = geometry::bounds(&poly);
    assert!((x0 + x1).abs() < 0.5, "outline not centred: {x0} .. {x1}");
    assert!(
        y0.abs() < 1.0 && (y1 - 800.0).abs() < 5.0,
        "height {y0} .. {y1}"
    );
    for p in &poly {
        let mirrored = (-p.0, p.1);
        assert!(
            geometry::contains(&poly, mirrored)
                || geometry::distance_to_edge(&poly, mirrored) < 0.5,
            "outline not symmetric at {p:?}"
        );
    }
}

#[test]
fn every_outline_is_clean_and_inside_the_body() {
    let body = body();
    for view in View::ALL {
        for r in anatomy::regions(view) {
            let poly = r.polygon();
            let what = format!("{} {:?} {:?} {:?}", r.muscle, r.side, view, r.layer);
            assert!(poly.len() >= 24, "{what}: too few points");
            assert!(geometry::is_simple(&poly), "{what}: outline crosses itself");
            assert!(
                geometry::signed_area(&poly).abs() > 20.0,
                "{what}: degenerate outline"
            );
            for p in &poly {
                assert!(
                    geometry::contains(&body, *p) || geometry::distance_to_edge(&body, *p) < 1.5,
                    "{what}: point {p:?} lies outside the body"
                );
            }
        }
    }
}

#[test]
fn left_is_the_mirror_of_right() {
    for view in View::ALL {
        let regions = anatomy::regions(view);
        for right in regions.iter().filter(|r| r.side == Side::Right) {
            let left = regions
                .iter()
                .find(|l| {
                    l.side == Side::Left
                        && l.muscle == right.muscle
                        && l.layer == right.layer
                        && l.points.len() == right.points.len()
                        && l.points
                            .iter()
                            .rev()
                            .zip(&right.points)
                            .all(|(a, b)| (a.0 + b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3)
                })
                .is_some();
            assert!(
                left,
                "{} {:?}: left side is not the mirror of the right",
                right.muscle, view
            );
        }
    }
}

/// Regions of one view and layer may touch but not lie on each other.
fn overlaps(view: View, layer: Layer, limit: f32) {
    let regions: Vec<_> = anatomy::regions(view)
        .into_iter()
        .filter(|r| r.layer == layer)
        .map(|r| {
            let poly = r.polygon();
            let b = geometry::bounds(&poly);
            (r.muscle, r.side, poly, b)
        })
        .collect();
    let mut area: HashMap<usize, u32> = HashMap::new();
    let mut shared: HashMap<(usize, usize), u32> = HashMap::new();
    let step = 1.0;
    let mut y = -10.0;
    while y < 810.0 {
        let mut x = -190.0;
        while x < 190.0 {
            let hits: Vec<usize> = regions
                .iter()
                .enumerate()
                .filter(|(_, (_, _, poly, b))| {
                    x >= b.0 && x <= b.2 && y >= b.1 && y <= b.3 && geometry::contains(poly, (x, y))
                })
                .map(|(i, _)| i)
                .collect();
            for &i in &hits {
                *area.entry(i).or_default() += 1;
            }
            for (a, &i) in hits.iter().enumerate() {
                for &j in &hits[a + 1..] {
                    if regions[i].0 != regions[j].0 || regions[i].1 != regions[j].1 {
                        *shared.entry((i, j)).or_default() += 1;
                    }
                }
            }
            x += step;
        }
        y += step;
    }
    for ((i, j), n) in shared {
        let smaller = area[&i].min(area[&j]) as f32;
        let frac = n as f32 / smaller;
        assert!(
            frac <= limit,
            "{view:?} {layer:?}: {} {:?} and {} {:?} overlap by {:.0}% of the smaller",
            regions[i].0,
            regions[i].1,
            regions[j].0,
            regions[j].1,
            frac * 100.0
        );
    }
}

#[test]
fn superficial_regions_do_not_overlap() {
    for view in View::ALL {
        overlaps(view, Layer::Superficial, 0.04);
    }
}

#[test]
fn deep_regions_overlap_little() {
    for view in View::ALL {
        overlaps(view, Layer::Deep, 0.25);
    }
}

#[test]
fn known_points_select_the_expected_muscle_on_both_sides() {
    let mut n = 0;
    for p in atlas::probes() {
        for side in Side::BOTH {
            let at = (p.view.x_sign(side) * p.at.0 as f32, p.at.1 as f32);
            let got = anatomy::hit(p.view, p.layer, at);
            assert_eq!(
                got,
                Some((p.muscle, side)),
                "a tap at {at:?} on the {:?} {:?} map",
                p.view,
                p.layer
            );
            n += 1;
        }
    }
    assert!(n >= 2 * REQUIRED.len(), "too few probe points: {n}");
}

#[test]
fn a_tap_outside_every_muscle_selects_nothing() {
    // Between the feet, and beside the body.
    assert_eq!(
        anatomy::hit(View::Anterior, Layer::Superficial, (0.0, 790.0)),
        None
    );
    assert_eq!(
        anatomy::hit(View::Posterior, Layer::Superficial, (180.0, 300.0)),
        None
    );
}
