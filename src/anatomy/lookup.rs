//! "Where does it hurt?": from the patient's pain drawing to the muscles whose trigger points
//! refer pain there, ranked essential before spillover, then by how much of the drawing
//! their zones cover.

use std::sync::OnceLock;

use super::geometry::{self, Pt};
use super::model::{Side, View};
use super::referral::{self, Grade};
use crate::clinic::chart::PainDab;

/// A muscle (on one side) whose referral zones cover some of the pain drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub muscle: &'static str,
    /// The side of the trigger points that would explain the pain.
    pub side: Side,
    /// Area of the drawing (atlas units²) inside the muscle's essential zones.
    pub essential: f32,
    /// ... and inside its spillover zones only.
    pub spillover: f32,
}

struct PlacedZone {
    muscle: &'static str,
    side: Side,
    view: View,
    grade: Grade,
    poly: Vec<Pt>,
    bounds: (f32, f32, f32, f32),
}

fn zones() -> &'static [PlacedZone] {
    static ZONES: OnceLock<Vec<PlacedZone>> = OnceLock::new();
    ZONES.get_or_init(|| {
        let mut out = Vec::new();
        for p in referral::patterns() {
            for side in Side::BOTH {
                for z in p.zones {
                    let poly = geometry::flatten(&super::on_side(z.outline, z.view, side), 6);
                    out.push(PlacedZone {
                        muscle: p.muscle,
                        side,
                        view: z.view,
                        grade: z.grade,
                        bounds: geometry::bounds(&poly),
                        poly,
                    });
                }
            }
        }
        out
    })
}

/// Sample points spread over a dab, each standing for an equal share of its area.
fn samples(d: &PainDab) -> impl Iterator<Item = Pt> + '_ {
    const N: i32 = 4;
    (-N..=N).flat_map(move |i| {
        (-N..=N).filter_map(move |j| {
            let (dx, dy) = (i as f32 / N as f32, j as f32 / N as f32);
            (dx * dx + dy * dy <= 1.0).then_some((d.x + dx * d.r, d.y + dy * d.r))
        })
    })
}

/// Muscles ranked by how well their referral zones explain the drawing.
pub fn rank(pain: &[PainDab]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for dab in pain {
        let pts: Vec<Pt> = samples(dab).collect();
        let share = std::f32::consts::PI * dab.r * dab.r / pts.len().max(1) as f32;
        for z in zones().iter().filter(|z| z.view == dab.view) {
            let (x0, y0, x1, y1) = z.bounds;
            if dab.x + dab.r < x0 || dab.x - dab.r > x1 || dab.y + dab.r < y0 || dab.y - dab.r > y1
            {
                continue;
            }
            let inside = pts
                .iter()
                .filter(|p| geometry::contains(&z.poly, **p))
                .count();
            if inside == 0 {
                continue;
            }
            let area = inside as f32 * share;
            let at = match found
                .iter()
                .position(|c| c.muscle == z.muscle && c.side == z.side)
            {
                Some(i) => i,
                None => {
                    found.push(Candidate {
                        muscle: z.muscle,
                        side: z.side,
                        essential: 0.0,
                        spillover: 0.0,
                    });
                    found.len() - 1
                }
            };
            match z.grade {
                Grade::Essential => found[at].essential += area,
                Grade::Spillover => found[at].spillover += area,
            }
        }
    }
    crate::small_sort::sort_by(&mut found, |a, b| {
        (b.essential > 0.0)
            .cmp(&(a.essential > 0.0))
            .then(b.essential.total_cmp(&a.essential))
            .then(b.spillover.total_cmp(&a.spillover))
            .then(a.muscle.cmp(b.muscle))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dab on the patient's right side at lateral distance `x` in a view.
    fn right(view: View, x: f32, y: f32, r: f32) -> PainDab {
        PainDab {
            view,
            x: view.x_sign(Side::Right) * x,
            y,
            r,
        }
    }

    fn top(pain: &[PainDab], n: usize) -> Vec<(&'static str, Side)> {
        rank(pain)
            .into_iter()
            .take(n)
            .map(|c| (c.muscle, c.side))
            .collect()
    }

    #[test]
    fn temple_pain_points_to_trapezius_sternocleidomastoid_and_temporalis() {
        let pain = [right(View::Anterior, 29.0, 36.0, 6.0)];
        let best = top(&pain, 6);
        for m in ["upper_trapezius", "sternocleidomastoid", "temporalis"] {
            assert!(
                best.contains(&(m, Side::Right)),
                "{m} missing from {best:?}"
            );
        }
    }

    #[test]
    fn lateral_thigh_pain_points_to_gluteus_minimus_vastus_lateralis_and_tfl() {
        let pain = [
            right(View::Anterior, 78.0, 470.0, 7.0),
            right(View::Anterior, 74.0, 500.0, 7.0),
        ];
        let best = top(&pain, 6);
        for m in [
            "gluteus_minimus",
            "vastus_lateralis",
            "tensor_fasciae_latae",
        ] {
            assert!(
                best.contains(&(m, Side::Right)),
                "{m} missing from {best:?}"
            );
        }
    }

    #[test]
    fn heel_pain_points_to_soleus_first() {
        let pain = [right(View::Posterior, 30.0, 785.0, 7.0)];
        let best = top(&pain, 3);
        assert!(best.contains(&("soleus", Side::Right)), "{best:?}");
    }

    #[test]
    fn pain_on_the_left_points_to_left_muscles_and_essential_leads() {
        let pain = [PainDab {
            view: View::Anterior,
            x: View::Anterior.x_sign(Side::Left) * 29.0,
            y: 36.0,
            r: 6.0,
        }];
        let ranked = rank(&pain);
        assert!(!ranked.is_empty());
        assert!(
            ranked.iter().take(3).all(|c| c.side == Side::Left),
            "{ranked:?}"
        );
        let first_spill = ranked.iter().position(|c| c.essential == 0.0);
        if let Some(i) = first_spill {
            assert!(ranked[i..].iter().all(|c| c.essential == 0.0));
        }
    }

    #[test]
    fn no_drawing_no_candidates() {
        assert!(rank(&[]).is_empty());
        // Off the body entirely.
        assert!(rank(&[right(View::Anterior, 185.0, 10.0, 3.0)]).is_empty());
    }
}
