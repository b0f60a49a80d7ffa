//! Pure 2-D geometry for the atlas: smooth closed outlines through authored points, their
//! SVG path text, flattening for hit tests, and mirroring between the two sides.

/// A point in atlas units (1 head = 100 units; y grows from the vertex down).
pub type Pt = (f32, f32);

/// One segment of a closed smooth outline: a cubic Bezier from the previous end point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cubic {
    pub c1: Pt,
    pub c2: Pt,
    pub to: Pt,
}

/// Closed Catmull-Rom spline through `points`, as cubic Bezier segments starting at
/// `points[0]`. Repeating a point makes a corner there (the curve keeps its tangents short).
pub fn closed_spline(points: &[Pt]) -> Vec<Cubic> {
    let n = points.len();
    if n < 3 {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            let p0 = points[(i + n - 1) % n];
            let p1 = points[i];
            let p2 = points[(i + 1) % n];
            let p3 = points[(i + 2) % n];
            Cubic {
                c1: (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0),
                c2: (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0),
                to: p2,
            }
        })
        .collect()
}

/// Appends one path command (`M`, `C`) and its coordinates. One decimal is far below a pixel
/// at any zoom the map allows; it trims the DOM text.
fn push_coords(d: &mut String, cmd: char, coords: &[f32]) {
    d.push(cmd);
    for (i, v) in coords.iter().enumerate() {
        if i > 0 {
            d.push(' ');
        }
        crate::num::push_short(d, *v);
    }
}

/// SVG path data (`M .. C .. Z`) for a closed smooth outline.
pub fn path_d(points: &[Pt]) -> String {
    let segs = closed_spline(points);
    let Some(first) = points.first() else {
        return String::new();
    };
    let mut d = String::with_capacity(12 + segs.len() * 40);
    push_coords(&mut d, 'M', &[first.0, first.1]);
    for s in &segs {
        push_coords(
            &mut d,
            'C',
            &[s.c1.0, s.c1.1, s.c2.0, s.c2.1, s.to.0, s.to.1],
        );
    }
    d.push('Z');
    d
}

/// SVG path data for an open smooth line (Catmull-Rom with the end points doubled).
pub fn open_path_d(points: &[Pt]) -> String {
    let n = points.len();
    let Some(first) = points.first() else {
        return String::new();
    };
    let mut d = String::with_capacity(12 + n * 40);
    push_coords(&mut d, 'M', &[first.0, first.1]);
    for i in 0..n.saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(n - 1)];
        push_coords(
            &mut d,
            'C',
            &[
                p1.0 + (p2.0 - p0.0) / 6.0,
                p1.1 + (p2.1 - p0.1) / 6.0,
                p2.0 - (p3.0 - p1.0) / 6.0,
                p2.1 - (p3.1 - p1.1) / 6.0,
                p2.0,
                p2.1,
            ],
        );
    }
    d
}

fn bezier(a: Pt, s: &Cubic, t: f32) -> Pt {
    let u = 1.0 - t;
    let (w0, w1, w2, w3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        w0 * a.0 + w1 * s.c1.0 + w2 * s.c2.0 + w3 * s.to.0,
        w0 * a.1 + w1 * s.c1.1 + w2 * s.c2.1 + w3 * s.to.1,
    )
}

/// The smooth outline as a polygon (`steps` samples per segment), for hit tests and checks.
pub fn flatten(points: &[Pt], steps: usize) -> Vec<Pt> {
    let segs = closed_spline(points);
    let mut out = Vec::with_capacity(segs.len() * steps);
    let mut from = match points.first() {
        Some(p) => *p,
        None => return out,
    };
    for s in &segs {
        for k in 0..steps {
            out.push(bezier(from, s, k as f32 / steps as f32));
        }
        from = s.to;
    }
    out
}

/// Even-odd point-in-polygon test.
pub fn contains(poly: &[Pt], p: Pt) -> bool {
    let mut inside = false;
    let n = poly.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (xi, yi) = poly[i];
        let (xj, yj) = poly[j];
        if (yi > p.1) != (yj > p.1) && p.0 < (xj - xi) * (p.1 - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Signed area (positive when the polygon runs clockwise in y-down screen space).
pub fn signed_area(poly: &[Pt]) -> f32 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f32>()
        / 2.0
}

pub fn centroid(poly: &[Pt]) -> Pt {
    let a = signed_area(poly);
    if a.abs() < f32::EPSILON {
        let n = poly.len().max(1) as f32;
        let (sx, sy) = poly.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (sx / n, sy / n);
    }
    let n = poly.len();
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (poly[i], poly[(i + 1) % n]);
        let cross = p.0 * q.1 - q.0 * p.1;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (cx / (6.0 * a), cy / (6.0 * a))
}

/// Axis-aligned bounds `(min_x, min_y, max_x, max_y)`.
pub fn bounds(poly: &[Pt]) -> (f32, f32, f32, f32) {
    poly.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(a, b, c, d), p| (a.min(p.0), b.min(p.1), c.max(p.0), d.max(p.1)),
    )
}

/// Whether two segments properly cross (shared end points do not count).
fn segments_cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let o = |p: Pt, q: Pt, r: Pt| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2, d3, d4) = (o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// True when no two non-adjacent edges of the polygon cross (a clean, drawable outline).
pub fn is_simple(poly: &[Pt]) -> bool {
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        for j in (i + 2)..n {
            if i == 0 && j == n - 1 {
                continue;
            }
            let (c, d) = (poly[j], poly[(j + 1) % n]);
            if segments_cross(a, b, c, d) {
                return false;
            }
        }
    }
    true
}

/// Distance from a point to a polygon's boundary.
pub fn distance_to_edge(poly: &[Pt], p: Pt) -> f32 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (qx, qy) = (a.0 + t * dx, a.1 + t * dy);
            ((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt()
        })
        .fold(f32::MAX, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [Pt; 4] = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];

    #[test]
    fn spline_passes_through_every_authored_point() {
        let segs = closed_spline(&SQUARE);
        assert_eq!(segs.len(), 4);
        let ends: Vec<Pt> = segs.iter().map(|s| s.to).collect();
        assert_eq!(ends, vec![SQUARE[1], SQUARE[2], SQUARE[3], SQUARE[0]]);
    }

    #[test]
    fn path_text_is_closed_and_starts_at_first_point() {
        let d = path_d(&SQUARE);
        assert!(d.starts_with("M0 0C"));
        assert!(d.ends_with('Z'));
        assert_eq!(d.matches('C').count(), 4);
        // Control points a sixth of the way along the neighbours' chord, one decimal.
        assert!(d.starts_with("M0 0C1.7 -1.7 8.3 -1.7 10 0C"), "{d}");
        assert_eq!(
            open_path_d(&[(0.0, 0.0), (6.0, 3.0), (-2.5, 10.0)]),
            "M0 0C1 0.5 6.4 1.3 6 3C5.6 4.7 -1.1 8.8 -2.5 10"
        );
    }

    #[test]
    fn containment_and_area() {
        let poly = flatten(&SQUARE, 8);
        assert!(contains(&poly, (5.0, 5.0)));
        assert!(!contains(&poly, (15.0, 5.0)));
        assert!(signed_area(&poly) > 50.0);
        let c = centroid(&poly);
        assert!((c.0 - 5.0).abs() < 0.5 && (c.1 - 5.0).abs() < 0.5);
        assert!(is_simple(&poly));
    }

    #[test]
    fn a_bow_tie_is_not_simple() {
        let bow = [(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0)];
        assert!(!is_simple(&bow));
    }

    #[test]
    fn distance_to_edge_of_square() {
        assert!((distance_to_edge(&SQUARE, (5.0, 3.0)) - 3.0).abs() < 1e-4);
    }
}
