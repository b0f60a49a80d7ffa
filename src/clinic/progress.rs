//! Progress across visits: how much of the body a pain drawing covers, which muscles it lies
//! over, how much two drawings overlap, and the series a trend plot draws.
//!
//! A drawing is measured on a grid of square cells over the figure (2 atlas units a side, about
//! 1.3 cm on an adult): a cell counts when its centre lies inside the body's outline and inside
//! a painted dab. Areas are therefore exact to within the cells along the edges.

use std::sync::OnceLock;

use super::chart::PainDab;
use super::findings::{Findings, Status};
use super::timer::Millis;
use super::visit::Visit;
use crate::anatomy::{
    self,
    geometry::{self, Pt},
    model::{Layer, Side, View},
    VIEW_BOX,
};

/// Side of a grid cell, in atlas units.
pub const CELL: f32 = 2.0;
const COLS: usize = (VIEW_BOX.2 / CELL) as usize;
const ROWS: usize = (VIEW_BOX.3 / CELL) as usize;

/// A set of grid cells of one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Mask {
    bits: Vec<u64>,
}

impl Mask {
    fn empty() -> Mask {
        Mask {
            bits: vec![0; (COLS * ROWS).div_ceil(64)],
        }
    }

    fn set(&mut self, row: usize, col: usize) {
        let i = row * COLS + col;
        self.bits[i / 64] |= 1 << (i % 64);
    }

    fn has(&self, row: usize, col: usize) -> bool {
        let i = row * COLS + col;
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// How many cells are in the set.
    pub fn count(&self) -> usize {
        self.bits.iter().map(|b| b.count_ones() as usize).sum()
    }

    fn zip(&self, other: &Mask, f: impl Fn(u64, u64) -> u64) -> Mask {
        Mask {
            bits: self
                .bits
                .iter()
                .zip(&other.bits)
                .map(|(a, b)| f(*a, *b))
                .collect(),
        }
    }

    /// The cells in both sets.
    pub fn and(&self, other: &Mask) -> Mask {
        self.zip(other, |a, b| a & b)
    }

    /// The cells in either set.
    pub fn or(&self, other: &Mask) -> Mask {
        self.zip(other, |a, b| a | b)
    }

    /// The area of the set in atlas units².
    pub fn area(&self) -> f32 {
        self.count() as f32 * CELL * CELL
    }

    /// Centres of the cells in the set, in atlas coordinates.
    fn centres(&self) -> impl Iterator<Item = Pt> + '_ {
        (0..ROWS).flat_map(move |row| {
            (0..COLS)
                .filter(move |&col| self.has(row, col))
                .map(move |col| centre(row, col))
        })
    }
}

fn centre(row: usize, col: usize) -> Pt {
    (
        VIEW_BOX.0 + (col as f32 + 0.5) * CELL,
        VIEW_BOX.1 + (row as f32 + 0.5) * CELL,
    )
}

/// The cells whose centres lie inside a closed polygon (even-odd, row by row).
fn fill_polygon(poly: &[Pt]) -> Mask {
    let mut mask = Mask::empty();
    let mut xs: Vec<f32> = Vec::new();
    for row in 0..ROWS {
        let y = centre(row, 0).1;
        xs.clear();
        for (i, &(x0, y0)) in poly.iter().enumerate() {
            let (x1, y1) = poly[(i + 1) % poly.len()];
            if (y0 <= y) != (y1 <= y) {
                xs.push(x0 + (y - y0) / (y1 - y0) * (x1 - x0));
            }
        }
        crate::small_sort::sort_by(&mut xs, |a, b| a.total_cmp(b));
        for pair in xs.chunks_exact(2) {
            for col in cols_between(pair[0], pair[1]) {
                mask.set(row, col);
            }
        }
    }
    mask
}

/// Columns whose centres lie in [x0, x1].
fn cols_between(x0: f32, x1: f32) -> std::ops::Range<usize> {
    let first = ((x0 - VIEW_BOX.0) / CELL - 0.5).ceil().max(0.0) as usize;
    let last = ((x1 - VIEW_BOX.0) / CELL - 0.5).floor();
    if last < 0.0 {
        return 0..0;
    }
    first.min(COLS)..(last as usize + 1).min(COLS)
}

/// The body's outline as cells (the same outline front and back).
pub fn body() -> &'static Mask {
    static BODY: OnceLock<Mask> = OnceLock::new();
    BODY.get_or_init(|| fill_polygon(&geometry::flatten(&anatomy::body_outline(), 6)))
}

/// The painted cells of one figure, within the body.
pub fn painted(pain: &[PainDab], view: View) -> Mask {
    let mut mask = Mask::empty();
    for d in pain.iter().filter(|d| d.view == view && d.r > 0.0) {
        let top = ((d.y - d.r - VIEW_BOX.1) / CELL).floor().max(0.0) as usize;
        let bottom = (((d.y + d.r - VIEW_BOX.1) / CELL).ceil().max(0.0) as usize).min(ROWS);
        for row in top..bottom {
            let dy = centre(row, 0).1 - d.y;
            let half = d.r * d.r - dy * dy;
            if half < 0.0 {
                continue;
            }
            let half = half.sqrt();
            for col in cols_between(d.x - half, d.x + half) {
                mask.set(row, col);
            }
        }
    }
    mask.and(body())
}

/// A muscle the drawing lies over, and how much of the drawing (per cent of its area in
/// this figure) lies over it.
#[derive(Clone, Debug, PartialEq)]
pub struct Touched {
    pub muscle: &'static str,
    pub side: Side,
    pub share_pct: f32,
}

/// One figure's drawing, measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub view: View,
    /// Painted area as a percentage of the body's surface in this figure.
    pub area_pct: f32,
    /// The superficial muscles under the drawing, most covered first.
    pub touched: Vec<Touched>,
}

struct Outline {
    muscle: &'static str,
    side: Side,
    poly: Vec<Pt>,
    bounds: (f32, f32, f32, f32),
}

/// The superficial muscles of a figure, topmost first, flattened once.
fn surface(view: View) -> &'static [Outline] {
    static CACHE: [OnceLock<Vec<Outline>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match view {
        View::Anterior => &CACHE[0],
        View::Posterior => &CACHE[1],
    };
    slot.get_or_init(|| {
        anatomy::regions(view)
            .iter()
            .rev()
            .filter(|r| r.layer == Layer::Superficial)
            .map(|r| {
                let poly = r.polygon();
                Outline {
                    muscle: r.muscle,
                    side: r.side,
                    bounds: geometry::bounds(&poly),
                    poly,
                }
            })
            .collect()
    })
}

fn muscle_at(view: View, p: Pt) -> Option<(&'static str, Side)> {
    surface(view)
        .iter()
        .find(|o| {
            p.0 >= o.bounds.0
                && p.0 <= o.bounds.2
                && p.1 >= o.bounds.1
                && p.1 <= o.bounds.3
                && geometry::contains(&o.poly, p)
        })
        .map(|o| (o.muscle, o.side))
}

/// Measures the drawing on one figure.
pub fn measure(pain: &[PainDab], view: View) -> Measure {
    let cells = painted(pain, view);
    let n = cells.count();
    let mut counts: Vec<((&'static str, Side), usize)> = Vec::new();
    for p in cells.centres() {
        if let Some(m) = muscle_at(view, p) {
            match counts.iter_mut().find(|(k, _)| *k == m) {
                Some((_, c)) => *c += 1,
                None => counts.push((m, 1)),
            }
        }
    }
    crate::small_sort::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0 .0.cmp(b.0 .0)));
    Measure {
        view,
        area_pct: pct(n, body().count()),
        touched: counts
            .into_iter()
            .map(|((muscle, side), c)| Touched {
                muscle,
                side,
                share_pct: pct(c, n),
            })
            .collect(),
    }
}

fn pct(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 * 100.0 / whole as f32
    }
}

/// The painted area of both figures as a percentage of the body's surface (front and back).
pub fn area_pct(pain: &[PainDab]) -> f32 {
    let n: usize = View::ALL.iter().map(|&v| painted(pain, v).count()).sum();
    pct(n, 2 * body().count())
}

/// How far two drawings overlap: the area painted in both over the area painted in either
/// (Jaccard index, 0 to 1, both figures together). `None` when neither has anything painted.
pub fn overlap(a: &[PainDab], b: &[PainDab]) -> Option<f32> {
    let (mut both, mut either) = (0, 0);
    for v in View::ALL {
        let (ma, mb) = (painted(a, v), painted(b, v));
        both += ma.and(&mb).count();
        either += ma.or(&mb).count();
    }
    (either > 0).then(|| both as f32 / either as f32)
}

/// One visit on the trend plot.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub at: Millis,
    /// The worst pain score recorded before and after needling in that visit.
    pub nrs_before: Option<u8>,
    pub nrs_after: Option<u8>,
    /// The pain drawing's area as a percentage of the body's surface (front and back).
    pub pain_area_pct: f32,
    /// Points examined in that visit and found active.
    pub active_points: usize,
}

/// The trend across ended visits, oldest first.
pub fn trend(visits: &[Visit]) -> Vec<TrendPoint> {
    let mut out: Vec<TrendPoint> = visits
        .iter()
        .filter(|v| v.ended_at.is_some())
        .map(|v| {
            let (nrs_before, nrs_after) = v.nrs_range();
            TrendPoint {
                at: v.started_at,
                nrs_before,
                nrs_after,
                pain_area_pct: area_pct(&v.pain),
                active_points: v
                    .points
                    .iter()
                    .filter(|p| {
                        p.findings != Findings::default() && p.findings.status == Status::Active
                    })
                    .count(),
            }
        })
        .collect();
    crate::small_sort::sort_by(&mut out, |a, b| a.at.cmp(&b.at));
    out
}

/// Two visits side by side: how the drawing changed and which active points are still there,
/// which resolved and which are new.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub area_then: f32,
    pub area_now: f32,
    /// Jaccard index of the two drawings; `None` when neither has one.
    pub overlap: Option<f32>,
    /// Active then and examined active again now (point ids).
    pub still_active: Vec<u32>,
    /// Active then, and now examined and latent, or no longer on the chart.
    pub resolved: Vec<u32>,
    /// Active now and not active (or not there) then.
    pub new_active: Vec<u32>,
    /// Active then, carried into the later visit and not examined there: no verdict.
    pub not_examined: Vec<u32>,
}

fn active(p: &crate::clinic::chart::TriggerPoint) -> bool {
    p.findings != Findings::default() && p.findings.status == Status::Active
}

/// Compares an earlier visit (`then`) with a later one (`now`).
pub fn compare(then: &Visit, now: &Visit) -> Comparison {
    let mut c = Comparison {
        area_then: area_pct(&then.pain),
        area_now: area_pct(&now.pain),
        overlap: overlap(&then.pain, &now.pain),
        still_active: Vec::new(),
        resolved: Vec::new(),
        new_active: Vec::new(),
        not_examined: Vec::new(),
    };
    for p in then.points.iter().filter(|p| active(p)) {
        match now.points.iter().find(|q| q.id == p.id) {
            Some(q) if active(q) => c.still_active.push(p.id),
            Some(q) if q.findings == Findings::default() => c.not_examined.push(p.id),
            _ => c.resolved.push(p.id),
        }
    }
    for q in now.points.iter().filter(|q| active(q)) {
        if !then.points.iter().any(|p| p.id == q.id && active(p)) {
            c.new_active.push(q.id);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinic::chart::{MapPoint, TriggerPoint};

    fn dab(view: View, x: f32, y: f32, r: f32) -> PainDab {
        PainDab { view, x, y, r }
    }

    fn body_area() -> f32 {
        geometry::signed_area(&geometry::flatten(&anatomy::body_outline(), 6)).abs()
    }

    #[test]
    fn the_grid_measures_the_body_as_its_outline_does() {
        let raster = body().area();
        let exact = body_area();
        assert!((raster - exact).abs() / exact < 0.01, "{raster} vs {exact}");
    }

    #[test]
    fn a_dab_on_the_trunk_covers_its_own_area() {
        let m = measure(&[dab(View::Anterior, 0.0, 300.0, 10.0)], View::Anterior);
        let expected = std::f32::consts::PI * 100.0 / body_area() * 100.0;
        assert!(
            (m.area_pct - expected).abs() / expected < 0.05,
            "{} vs {expected}",
            m.area_pct
        );
        // The other figure has nothing painted.
        assert_eq!(
            measure(&[dab(View::Anterior, 0.0, 300.0, 10.0)], View::Posterior).area_pct,
            0.0
        );
    }

    #[test]
    fn paint_outside_the_body_counts_for_nothing() {
        let m = measure(&[dab(View::Anterior, 180.0, 0.0, 8.0)], View::Anterior);
        assert_eq!(m.area_pct, 0.0);
        assert!(m.touched.is_empty());
    }

    #[test]
    fn painting_the_same_spot_twice_adds_no_area() {
        let once = area_pct(&[dab(View::Posterior, 40.0, 200.0, 12.0)]);
        let twice = area_pct(&[
            dab(View::Posterior, 40.0, 200.0, 12.0),
            dab(View::Posterior, 40.0, 200.0, 12.0),
        ]);
        assert_eq!(once, twice);
        // Both figures together: half of one figure's percentage.
        let one_figure =
            measure(&[dab(View::Posterior, 40.0, 200.0, 12.0)], View::Posterior).area_pct;
        assert!((once - one_figure / 2.0).abs() < 1e-4);
    }

    #[test]
    fn overlap_is_one_for_the_same_drawing_and_zero_for_separate_ones() {
        let a = [dab(View::Anterior, 0.0, 300.0, 10.0)];
        let b = [dab(View::Posterior, 0.0, 300.0, 10.0)];
        assert_eq!(overlap(&a, &a), Some(1.0));
        assert_eq!(overlap(&a, &b), Some(0.0));
        assert_eq!(overlap(&[], &[]), None);
        assert_eq!(overlap(&a, &[]), Some(0.0));
    }

    #[test]
    fn overlap_of_two_offset_circles_matches_the_lens_formula() {
        // Circles whose centres are one radius apart overlap by the same share at any size.
        let (r, d) = (30.0f32, 30.0f32);
        let lens = 2.0 * r * r * (d / (2.0 * r)).acos() - d / 2.0 * (4.0 * r * r - d * d).sqrt();
        let union = 2.0 * std::f32::consts::PI * r * r - lens;
        let expected = lens / union;
        let got = overlap(
            &[dab(View::Anterior, -15.0, 300.0, r)],
            &[dab(View::Anterior, 15.0, 300.0, r)],
        )
        .unwrap();
        assert!((got - expected).abs() < 0.02, "{got} vs {expected}");
        assert!((expected - 0.243).abs() < 0.001);
    }

    #[test]
    fn a_drawing_names_the_muscle_it_lies_over_first() {
        let region = anatomy::regions(View::Posterior)
            .iter()
            .find(|r| {
                r.muscle == "gluteus_maximus"
                    && r.side == Side::Right
                    && r.layer == Layer::Superficial
            })
            .expect("gluteus maximus in the atlas");
        let (x, y) = geometry::centroid(&region.polygon());
        let m = measure(&[dab(View::Posterior, x, y, 6.0)], View::Posterior);
        assert_eq!(
            (m.touched[0].muscle, m.touched[0].side),
            ("gluteus_maximus", Side::Right)
        );
        assert!(m.touched[0].share_pct > 90.0, "{:?}", m.touched);
        let total: f32 = m.touched.iter().map(|t| t.share_pct).sum();
        assert!(total <= 100.0 + 1e-3);
    }

    fn point(id: u32, findings: Findings) -> TriggerPoint {
        TriggerPoint {
            id,
            muscle: "upper_trapezius".into(),
            side: Side::Right,
            at: MapPoint {
                view: View::Posterior,
                x: 44.0,
                y: 136.0,
            },
            marked_at: 0,
            findings,
        }
    }

    #[test]
    fn the_trend_follows_ended_visits_in_order() {
        let found = |nrs_before, nrs_after, status| Findings {
            nrs_before: Some(nrs_before),
            nrs_after: Some(nrs_after),
            status,
            ..Findings::default()
        };
        let visit = |start: Millis, points: Vec<TriggerPoint>, pain: Vec<PainDab>| Visit {
            started_at: start,
            ended_at: Some(start + 1_800_000),
            points,
            pain,
            ..Visit::default()
        };
        let week = 7 * 86_400_000;
        let visits = vec![
            visit(
                2 * week,
                vec![
                    point(1, found(4, 2, Status::Active)),
                    point(2, Findings::default()),
                ],
                vec![],
            ),
            visit(
                0,
                vec![
                    point(1, found(7, 4, Status::Active)),
                    point(2, found(5, 3, Status::Active)),
                ],
                vec![dab(View::Anterior, 0.0, 300.0, 20.0)],
            ),
            visit(
                week,
                vec![
                    point(1, found(6, 3, Status::Active)),
                    point(2, found(3, 2, Status::Latent)),
                ],
                vec![dab(View::Anterior, 0.0, 300.0, 10.0)],
            ),
            Visit {
                started_at: 3 * week,
                ended_at: None,
                ..Visit::default()
            },
        ];
        let t = trend(&visits);
        assert_eq!(t.len(), 3, "the open visit is not on the plot yet");
        assert_eq!(
            t.iter().map(|p| p.at).collect::<Vec<_>>(),
            vec![0, week, 2 * week]
        );
        assert_eq!(
            t.iter()
                .map(|p| (p.nrs_before, p.nrs_after))
                .collect::<Vec<_>>(),
            vec![(Some(7), Some(4)), (Some(6), Some(3)), (Some(4), Some(2))]
        );
        // A point carried over and not examined is not counted; a latent one is not active.
        assert_eq!(
            t.iter().map(|p| p.active_points).collect::<Vec<_>>(),
            vec![2, 1, 1]
        );
        // A quarter of the radius squared: a quarter of the area.
        assert!((t[1].pain_area_pct * 4.0 - t[0].pain_area_pct).abs() / t[0].pain_area_pct < 0.1);
        assert_eq!(t[2].pain_area_pct, 0.0);
    }

    #[test]
    fn a_comparison_sorts_points_into_still_active_resolved_and_new() {
        let active = Findings {
            nrs_before: Some(5),
            ..Findings::default()
        };
        let latent = Findings {
            status: Status::Latent,
            nrs_before: Some(2),
            ..Findings::default()
        };
        let then = Visit {
            started_at: 0,
            ended_at: Some(1),
            points: vec![
                point(1, active.clone()),
                point(2, active.clone()),
                point(3, active.clone()),
                point(4, active.clone()),
                point(5, latent.clone()),
            ],
            pain: vec![dab(View::Anterior, 0.0, 300.0, 20.0)],
            ..Visit::default()
        };
        let now = Visit {
            started_at: 10,
            ended_at: Some(11),
            points: vec![
                point(1, active.clone()),
                point(2, latent.clone()),
                point(3, Findings::default()),
                point(5, active.clone()),
                point(6, active.clone()),
            ],
            pain: vec![dab(View::Anterior, 0.0, 300.0, 20.0)],
            ..Visit::default()
        };
        let c = compare(&then, &now);
        assert_eq!(c.still_active, vec![1]);
        // 2 turned latent, 4 is gone from the chart.
        assert_eq!(c.resolved, vec![2, 4]);
        assert_eq!(c.not_examined, vec![3]);
        // 5 was latent then, 6 was not there.
        assert_eq!(c.new_active, vec![5, 6]);
        assert_eq!(c.overlap, Some(1.0));
        assert_eq!(c.area_then, c.area_now);
        assert!(c.area_now > 0.0);
    }
}
