//! Markers that would overlap on screen are spread apart, so that no marker hides another's
//! number and each keeps a finger-sized target. Pure geometry in screen pixels: points in,
//! an offset per point out (where its glyph is drawn relative to its true spot; the map draws
//! a thin leader line from the spot to a moved glyph).

/// Markers closer than this (screen pixels) would cover each other's dot, letter or number.
pub const NEAR_PX: f64 = 34.0;
/// Spread glyphs sit on a grid of this pitch: a finger-sized target each (44 CSS px).
pub const CELL_PX: f64 = 44.0;
/// Rows of glyphs a spread cluster takes before it widens (two glyphs to a row up to then).
const ROWS: usize = 3;
/// Spread glyphs stand this far beside the outermost spot of their cluster.
pub const GAP_PX: f64 = 30.0;
/// A rectangle as (left, top, right, bottom).
pub type Rect = (f64, f64, f64, f64);

/// A glyph's extent around its dot: the caution badge above left, the number above right.
const GLYPH: Rect = (-12.0, -21.0, 23.0, 8.0);
/// Spread glyphs keep at least this far inside the room they are given (the stage's edges).
const EDGE_PX: f64 = 4.0;
/// Clusters larger than this are left where they are (zooming in separates them): a grid of
/// hundreds of glyphs would cover the whole figure.
pub const MAX_SPREAD: usize = 64;

/// Union-find over point indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut i = i;
        while self.0[i] != r {
            let next = self.0[i];
            self.0[i] = r;
            i = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.0[ra.max(rb)] = ra.min(rb);
        true
    }
}

/// Sorts by key: a heap sort, a few hundred bytes of wasm where the standard sort would add
/// kilobytes, and O(n log n) for the hundreds of markers a figure can hold.
fn heap_sort(v: &mut [(f64, usize)]) {
    fn sift(v: &mut [(f64, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child].0 < v[child + 1].0 {
                child += 1;
            }
            if v[root].0 >= v[child].0 {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// Every pair of boxes `(x0, y0, x1, y1)` that overlap, found by a sweep along x.
fn overlapping(boxes: &[Rect], pair: &mut dyn FnMut(usize, usize)) {
    let mut keyed: Vec<(f64, usize)> = boxes.iter().enumerate().map(|(i, b)| (b.0, i)).collect();
    heap_sort(&mut keyed);
    let order: Vec<usize> = keyed.into_iter().map(|k| k.1).collect();
    for (k, &i) in order.iter().enumerate() {
        let a = boxes[i];
        for &j in &order[k + 1..] {
            let b = boxes[j];
            if b.0 >= a.2 {
                break;
            }
            if a.1 < b.3 && b.1 < a.3 {
                pair(i, j);
            }
        }
    }
}

/// Offsets (pixels) that keep glyphs apart, in the order of `points` (positions in pixels).
/// `room` is what the screen shows, in the points' coordinates (left, top, right, bottom):
/// a spread cluster near its edge is laid out inside it rather than off the screen.
pub fn spread(points: &[(f64, f64)], room: Option<Rect>) -> Vec<(f64, f64)> {
    let n = points.len();
    let mut out = vec![(0.0, 0.0); n];
    if n < 2 {
        return out;
    }
    let mut sets = Sets((0..n).collect());
    // Neighbours closer than NEAR_PX.
    let r = NEAR_PX / 2.0;
    let near: Vec<_> = points
        .iter()
        .map(|&(x, y)| (x - r, y - r, x + r, y + r))
        .collect();
    overlapping(&near, &mut |i, j| {
        let (a, b) = (points[i], points[j]);
        if (a.0 - b.0).hypot(a.1 - b.1) < NEAR_PX {
            sets.union(i, j);
        }
    });
    // Lay each cluster out; a spread cluster whose glyphs reach another's joins it, until
    // nothing overlaps (or the clusters are too large to spread).
    for _ in 0..16 {
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            groups[sets.find(i)].push(i);
        }
        let mut boxes = Vec::with_capacity(n);
        let mut owner = Vec::with_capacity(n);
        for group in groups.iter().filter(|g| !g.is_empty()) {
            if group.len() > MAX_SPREAD {
                group.iter().for_each(|&i| out[i] = (0.0, 0.0));
                continue;
            }
            if group.len() > 1 {
                lay_out(points, group, room, &mut out);
            } else {
                out[group[0]] = (0.0, 0.0);
            }
            for &i in group {
                let (x, y) = (points[i].0 + out[i].0, points[i].1 + out[i].1);
                boxes.push((x + GLYPH.0, y + GLYPH.1, x + GLYPH.2, y + GLYPH.3));
                owner.push(i);
            }
        }
        // Glyph boxes of different clusters that overlap: those clusters merge.
        let mut merged = false;
        overlapping(&boxes, &mut |a, b| merged |= sets.union(owner[a], owner[b]));
        if !merged {
            break;
        }
    }
    out
}

/// Puts a cluster's glyphs beside it, each part of the cluster on its own side of the
/// body's midline (x = 0) and its glyphs on the side away from it, a gap clear of every true
/// spot: a tap among the spots still charts a new point there, and each glyph is a finger's
/// width from the next. Points of the left and right halves of the body never share a column,
/// so no leader line crosses the body.
fn lay_out(points: &[(f64, f64)], group: &[usize], room: Option<Rect>, out: &mut [(f64, f64)]) {
    let (left, right): (Vec<usize>, Vec<usize>) = group.iter().partition(|&&i| points[i].0 < 0.0);
    for (part, dir) in [(left, -1.0), (right, 1.0)] {
        if !part.is_empty() {
            lay_out_side(points, &part, dir, room, out);
        }
    }
}

/// Lays out one side's part of a cluster: glyphs go in the order of their spots, top to bottom,
/// along rows of two (of more for a large cluster), from the level of the topmost spot.
/// Taken row by row, leader lines rarely cross; and a point charted below the others adds a
/// glyph and moves none of them (unless its leader line would cross theirs).
fn lay_out_side(
    points: &[(f64, f64)],
    part: &[usize],
    dir: f64,
    room: Option<Rect>,
    out: &mut [(f64, f64)],
) {
    let (mut edge, mut top) = (0.0f64, f64::MAX);
    for &i in part {
        edge = if dir < 0.0 {
            edge.min(points[i].0)
        } else {
            edge.max(points[i].0)
        };
        top = top.min(points[i].1);
    }
    let mut order: Vec<usize> = part.to_vec();
    // Clusters are small: the app's small sort, not another instance of the standard one.
    crate::small_sort::sort_by(&mut order, |&a, &b| points[a].1.total_cmp(&points[b].1));
    // One or two glyphs sit level with the spot; more start a row above it, so that a cluster
    // keeps close around its spots instead of growing downwards.
    let lead = if order.len() > 2 { 1.0 } else { 0.0 };
    let cols = if order.len() <= 2 * ROWS {
        2
    } else {
        order.len().div_ceil(ROWS)
    };
    let mut slots: Vec<(f64, f64)> = (0..order.len())
        .map(|j| {
            let (row, col) = ((j / cols) as f64, (j % cols) as f64);
            (
                edge + dir * (GAP_PX + col * CELL_PX),
                top + (row - lead) * CELL_PX,
            )
        })
        .collect();
    if let Some(room) = room {
        keep_inside(&mut slots, room);
    }
    // Spots at different distances from the columns can still send two leaders across each
    // other: such a pair swaps glyphs. Each swap shortens the lines in all, so this ends.
    for _ in 0..order.len() * order.len() {
        let mut swapped = false;
        for a in 0..order.len() {
            for b in a + 1..order.len() {
                let (pa, pb) = (points[order[a]], points[order[b]]);
                if crosses(pa, slots[a], pb, slots[b]) {
                    slots.swap(a, b);
                    swapped = true;
                }
            }
        }
        if !swapped {
            break;
        }
    }
    for (&i, g) in order.iter().zip(&slots) {
        out[i] = (g.0 - points[i].0, g.1 - points[i].1);
    }
}

/// Moves a side's glyphs, all together, inside `room` where they would reach past its edge:
/// down from the top, up from the bottom (the top wins when the room is too short), and in
/// from either side. A glyph may then sit over a spot, but never off the screen.
fn keep_inside(slots: &mut [(f64, f64)], room: Rect) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in slots.iter() {
        (x0, y0) = (x0.min(x + GLYPH.0), y0.min(y + GLYPH.1));
        (x1, y1) = (x1.max(x + GLYPH.2), y1.max(y + GLYPH.3));
    }
    let (left, top) = (room.0 + EDGE_PX, room.1 + EDGE_PX);
    let (right, bottom) = (room.2 - EDGE_PX, room.3 - EDGE_PX);
    let (dx, dy) = (nudge(x0, x1, left, right), nudge(y0, y1, top, bottom));
    for s in slots.iter_mut() {
        *s = (s.0 + dx, s.1 + dy);
    }
}

/// How far to move a span `lo..hi` along one axis so that it lies inside `min..max`; when it
/// is longer than the room, its start is kept inside.
fn nudge(lo: f64, hi: f64, min: f64, max: f64) -> f64 {
    if lo < min {
        min - lo
    } else if hi > max {
        (max - hi).max(min - lo)
    } else {
        0.0
    }
}

/// Whether segments a-b and c-d cross each other (touching does not count).
fn crosses(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    side(c, d, a) * side(c, d, b) < 0.0 && side(a, b, c) * side(a, b, d) < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        spread(points, None)
            .iter()
            .zip(points)
            .map(|(o, p)| (p.0 + o.0, p.1 + o.1))
            .collect()
    }

    fn min_gap(at: &[(f64, f64)]) -> f64 {
        let mut m = f64::MAX;
        for i in 0..at.len() {
            for j in i + 1..at.len() {
                m = m.min((at[i].0 - at[j].0).hypot(at[i].1 - at[j].1));
            }
        }
        m
    }

    /// Where each glyph's box reaches, given the room.
    fn boxes_within(points: &[(f64, f64)], room: Option<Rect>) -> Vec<Rect> {
        spread(points, room)
            .iter()
            .zip(points)
            .map(|(o, p)| {
                let (x, y) = (p.0 + o.0, p.1 + o.1);
                (x + GLYPH.0, y + GLYPH.1, x + GLYPH.2, y + GLYPH.3)
            })
            .collect()
    }

    fn inside(b: Rect, room: Rect) -> bool {
        b.0 >= room.0 && b.1 >= room.1 && b.2 <= room.2 && b.3 <= room.3
    }

    #[test]
    fn a_cluster_at_the_top_of_the_screen_is_laid_out_on_the_screen() {
        // Six points on the neck, just under the top of what a small portrait figure shows:
        // the rows of glyphs would start above the screen.
        let room = (-150.0, 0.0, 150.0, 400.0);
        let neck: Vec<(f64, f64)> = (0..6)
            .map(|i| (20.0 + i as f64 * 3.0, 30.0 + i as f64 * 4.0))
            .collect();
        let free = boxes_within(&neck, None);
        assert!(
            free.iter().any(|b| b.1 < room.1),
            "the case is not the one meant: {free:?}"
        );
        let kept = boxes_within(&neck, Some(room));
        assert!(kept.iter().all(|b| inside(*b, room)), "{kept:?}");
        // Still a finger apart, and still clear of one another.
        let at: Vec<(f64, f64)> = kept
            .iter()
            .map(|b| (b.0 - GLYPH.0, b.1 - GLYPH.1))
            .collect();
        assert!(min_gap(&at) >= CELL_PX - 1e-9);
        // The other edges too: a cluster against the right edge and near the bottom.
        let corner: Vec<(f64, f64)> = (0..4).map(|i| (140.0, 390.0 - i as f64 * 5.0)).collect();
        let kept = boxes_within(&corner, Some(room));
        assert!(kept.iter().all(|b| inside(*b, room)), "{kept:?}");
    }

    #[test]
    fn a_cluster_well_inside_the_screen_is_laid_out_as_without_a_room() {
        let pts: Vec<(f64, f64)> = (0..5).map(|i| (60.0, 200.0 + i as f64 * 6.0)).collect();
        let room = (-300.0, -300.0, 300.0, 600.0);
        assert_eq!(spread(&pts, Some(room)), spread(&pts, None));
    }

    #[test]
    fn the_heap_sort_sorts() {
        let mut v: Vec<(f64, usize)> = (0..50).map(|i| (((i * 37) % 50) as f64, i)).collect();
        heap_sort(&mut v);
        assert!(v.windows(2).all(|w| w[0].0 <= w[1].0));
        let mut one = vec![(1.0, 0)];
        heap_sort(&mut one);
        heap_sort(&mut []);
    }

    #[test]
    fn markers_apart_stay_where_they_are() {
        let pts = [(0.0, 0.0), (100.0, 0.0), (0.0, 100.0)];
        assert!(spread(&pts, None).iter().all(|o| *o == (0.0, 0.0)));
        assert_eq!(spread(&[(5.0, 5.0)], None), vec![(0.0, 0.0)]);
        assert!(spread(&[], None).is_empty());
    }

    #[test]
    fn two_markers_on_one_spot_are_spread_a_finger_apart_beside_it_away_from_the_midline() {
        let at = placed(&[(50.0, 50.0), (50.0, 50.0)]);
        assert!(min_gap(&at) >= CELL_PX - 1e-9);
        assert!(at.iter().all(|p| p.0 >= 50.0 + GAP_PX - 1e-9), "{at:?}");
        // Level with the spot.
        assert!(((at[0].1 + at[1].1) / 2.0 - 50.0).abs() < 1e-9);
        let left = placed(&[(-50.0, 50.0), (-50.0, 50.0)]);
        assert!(
            left.iter().all(|p| p.0 <= -50.0 - GAP_PX + 1e-9),
            "{left:?}"
        );
    }

    #[test]
    fn glyphs_keep_clear_of_the_spots_so_a_tap_among_them_charts() {
        // A column of spots 13 px apart, as when charting down a muscle.
        let pts: Vec<(f64, f64)> = (0..7).map(|i| (-120.0, 300.0 + i as f64 * 13.0)).collect();
        let at = placed(&pts);
        for g in &at {
            for p in &pts {
                assert!((g.0 - p.0).hypot(g.1 - p.1) >= GAP_PX - 1e-9);
            }
        }
        assert!(min_gap(&at) >= CELL_PX - 1e-9);
    }

    #[test]
    fn a_cluster_keeps_every_glyph_a_finger_apart_and_keeps_its_order() {
        let pts: Vec<(f64, f64)> = (0..9)
            .map(|i| (200.0 + i as f64 * 3.0, 300.0 + (i % 3) as f64 * 2.0))
            .collect();
        let at = placed(&pts);
        assert!(min_gap(&at) >= CELL_PX - 1e-9);
        // The top spot is drawn in the top row, the bottom one below it.
        let top = (0..9)
            .min_by(|&a, &b| pts[a].1.total_cmp(&pts[b].1))
            .unwrap();
        let bottom = (0..9)
            .max_by(|&a, &b| pts[a].1.total_cmp(&pts[b].1))
            .unwrap();
        assert!(at[top].1 < at[bottom].1);
    }

    #[test]
    fn a_point_charted_below_a_cluster_moves_no_other_glyph() {
        let mut pts: Vec<(f64, f64)> = (0..4).map(|i| (-80.0, 200.0 + i as f64 * 12.0)).collect();
        let before = placed(&pts);
        pts.push((-80.0, 248.0));
        let after = placed(&pts);
        assert_eq!(&after[..4], &before[..]);
    }

    #[test]
    fn a_spread_cluster_takes_in_a_neighbour_its_glyphs_would_cover() {
        // Three on one spot spread over about 88 px; a marker 50 px away would sit under them.
        let pts = [
            (100.0, 100.0),
            (100.0, 100.0),
            (100.0, 100.0),
            (150.0, 100.0),
        ];
        let at = placed(&pts);
        assert!(min_gap(&at) >= CELL_PX - 1e-9, "{at:?}");
    }

    #[test]
    fn near_but_not_overlapping_markers_are_left_alone() {
        let pts = [(0.0, 0.0), (NEAR_PX + 1.0, 0.0)];
        assert!(spread(&pts, None).iter().all(|o| *o == (0.0, 0.0)));
    }

    #[test]
    fn no_two_glyphs_overlap_in_a_dense_scatter() {
        // A pseudo-random scatter of 40 points in a 120 px square.
        let mut s = 12345u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 33) as f64 / (1u64 << 31) as f64
        };
        let pts: Vec<(f64, f64)> = (0..40).map(|_| (rnd() * 120.0, rnd() * 120.0)).collect();
        let at = placed(&pts);
        let w = GLYPH.2 - GLYPH.0;
        let h = GLYPH.3 - GLYPH.1;
        for i in 0..at.len() {
            for j in i + 1..at.len() {
                let apart = (at[i].0 - at[j].0).abs() >= w || (at[i].1 - at[j].1).abs() >= h;
                assert!(apart, "{i} and {j} overlap: {:?} {:?}", at[i], at[j]);
            }
        }
    }

    #[test]
    fn a_cluster_across_the_midline_spreads_each_half_to_its_own_side() {
        // Both sides of the neck at a small scale: four spots within a finger of each other.
        let pts = [(-6.0, 100.0), (6.0, 100.0), (-9.0, 112.0), (9.0, 112.0)];
        let at = placed(&pts);
        assert!(min_gap(&at) >= CELL_PX - 1e-9, "{at:?}");
        for (p, g) in pts.iter().zip(&at) {
            if p.0 < 0.0 {
                assert!(g.0 <= -9.0 - GAP_PX + 1e-9, "{at:?}");
            } else {
                assert!(g.0 >= 9.0 + GAP_PX - 1e-9, "{at:?}");
            }
        }
    }

    #[test]
    fn leader_lines_of_a_needling_session_do_not_cross() {
        // Six points charted close together on one shoulder, in no particular order.
        let pts = [
            (80.0, 130.0),
            (95.0, 122.0),
            (72.0, 141.0),
            (90.0, 138.0),
            (84.0, 118.0),
            (99.0, 133.0),
        ];
        let at = placed(&pts);
        assert!(min_gap(&at) >= CELL_PX - 1e-9, "{at:?}");
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                assert!(
                    !crosses(pts[i], at[i], pts[j], at[j]),
                    "leaders {i} and {j} cross: {at:?}"
                );
            }
        }
    }

    #[test]
    fn a_huge_cluster_is_left_for_zooming_to_separate() {
        let pts: Vec<(f64, f64)> = (0..(MAX_SPREAD + 1)).map(|i| (i as f64, 0.0)).collect();
        assert!(spread(&pts, None).iter().all(|o| *o == (0.0, 0.0)));
    }
}
