//! The atlas's data checks: a clinician reviews the drawing, these keep it sound.
#![cfg(not(target_arch = "wasm32"))]

use myomap::anatomy::{self, atlas, geometry, model::*};
use std::collections::{HashMap, HashSet};

/// Every muscle the atlas must hold on both sides (the product's coverage promise).
#[rustfmt::skip]
const REQUIRED: &[&str] = &[
    "temporalis", "masseter", "frontalis", "occipitalis", "sternocleidomastoid", "anterior_scalene", "middle_scalene", "posterior_scalene", "splenius_capitis", "splenius_cervicis", "semispinalis_capitis", "suboccipitals", "levator_scapulae", "upper_trapezius",
    "middle_trapezius", "lower_trapezius", "rhomboid_major", "rhomboid_minor", "supraspinatus", "infraspinatus", "teres_minor", "teres_major", "subscapularis", "latissimus_dorsi", "serratus_anterior", "serratus_posterior_superior", "pectoralis_major", "pectoralis_minor", "anterior_deltoid", "middle_deltoid", "posterior_deltoid",
    "biceps_brachii", "brachialis", "triceps_brachii", "coracobrachialis", "anconeus", "brachioradialis", "extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis", "extensor_digitorum", "extensor_carpi_ulnaris", "supinator", "flexor_carpi_radialis", "flexor_carpi_ulnaris", "flexor_digitorum_superficialis", "pronator_teres", "palmaris_longus", "opponens_pollicis", "adductor_pollicis", "first_dorsal_interosseous",
    "rectus_abdominis", "external_oblique", "iliocostalis_thoracis", "iliocostalis_lumborum", "longissimus_thoracis", "multifidus", "quadratus_lumborum", "iliopsoas", "serratus_posterior_inferior",
    "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae", "rectus_femoris", "vastus_medialis", "vastus_lateralis", "vastus_intermedius", "sartorius", "adductor_longus", "adductor_brevis", "adductor_magnus", "gracilis", "pectineus", "biceps_femoris", "semitendinosus", "semimembranosus",
    "gastrocnemius", "soleus", "plantaris", "popliteus", "tibialis_anterior", "tibialis_posterior", "fibularis_longus", "fibularis_brevis", "extensor_digitorum_longus", "extensor_hallucis_longus", "flexor_digitorum_longus", "flexor_hallucis_longus", "abductor_hallucis", "extensor_digitorum_brevis",
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
fn fibre_lines_lie_inside_their_muscle() {
    for view in View::ALL {
        for r in anatomy::regions(view) {
            let poly = r.polygon();
            let s = view.x_sign(r.side);
            for line in r.fibres {
                for &(x, y) in *line {
                    let p = (s * x as f32, y as f32);
                    assert!(
                        geometry::contains(&poly, p) || geometry::distance_to_edge(&poly, p) < 1.0,
                        "{} {:?} {:?}: fibre point ({x}, {y}) lies outside the muscle",
                        r.muscle,
                        view,
                        r.layer
                    );
                }
            }
        }
    }
}

#[test]
fn every_muscle_has_a_probe_in_each_view_and_layer_it_is_drawn_in() {
    let probed: HashSet<(&str, View, Layer)> = atlas::probes()
        .map(|p| (p.muscle, p.view, p.layer))
        .collect();
    for s in atlas::shapes() {
        assert!(
            probed.contains(&(s.muscle, s.view, s.layer)),
            "{} {:?} {:?} has no probe point",
            s.muscle,
            s.view,
            s.layer
        );
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
        .iter()
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

#[test]
fn every_muscle_is_found_by_its_own_id_and_ids_are_unique() {
    let all: Vec<_> = myomap::anatomy::atlas::muscles().collect();
    let mut ids: Vec<&str> = all.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "two muscles share an id");
    for m in all {
        assert!(
            std::ptr::eq(myomap::anatomy::muscle(m.id).unwrap(), m),
            "{}",
            m.id
        );
    }
    assert!(myomap::anatomy::muscle("no_such_muscle").is_none());
    assert!(myomap::anatomy::muscle("").is_none());
}
