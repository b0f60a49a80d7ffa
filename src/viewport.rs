//! Zoom and pan of the body map, as pure arithmetic (tested natively). The map is drawn in
//! atlas units fitted into a stage of `w` x `h` CSS pixels ("meet"); the camera then scales by
//! `scale` and shifts by `(tx, ty)` pixels: screen = t + scale * base(atlas).

use crate::anatomy::VIEW_BOX;

pub const MIN_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            scale: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

/// Where atlas units land in a stage before the camera applies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub s: f64,
    pub ox: f64,
    pub oy: f64,
    pub w: f64,
    pub h: f64,
}

impl Fit {
    pub fn new(w: f64, h: f64) -> Fit {
        let (vx, vy, vw, vh) = VIEW_BOX;
        let s = (w / vw as f64).min(h / vh as f64);
        Fit {
            s,
            ox: (w - vw as f64 * s) / 2.0 - vx as f64 * s,
            oy: (h - vh as f64 * s) / 2.0 - vy as f64 * s,
            w,
            h,
        }
    }

    pub fn to_stage(&self, ax: f64, ay: f64) -> (f64, f64) {
        (self.ox + ax * self.s, self.oy + ay * self.s)
    }

    /// The part of the atlas the stage shows through `cam` (left, top, right, bottom, in atlas
    /// units).
    pub fn visible(&self, cam: &Camera) -> (f64, f64, f64, f64) {
        let back = |stage: f64, t: f64, o: f64| ((stage - t) / cam.scale - o) / self.s;
        (
            back(0.0, cam.tx, self.ox),
            back(0.0, cam.ty, self.oy),
            back(self.w, cam.tx, self.ox),
            back(self.h, cam.ty, self.oy),
        )
    }
}

impl Camera {
    pub fn apply(&self, p: (f64, f64)) -> (f64, f64) {
        (self.tx + self.scale * p.0, self.ty + self.scale * p.1)
    }

    /// Zooms by `factor` keeping the stage point `at` fixed on screen.
    pub fn zoom_about(&self, at: (f64, f64), factor: f64, fit: &Fit) -> Camera {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = scale / self.scale;
        Camera {
            scale,
            tx: at.0 - k * (at.0 - self.tx),
            ty: at.1 - k * (at.1 - self.ty),
        }
        .clamped(fit)
    }

    pub fn pan(&self, dx: f64, dy: f64, fit: &Fit) -> Camera {
        Camera {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..*self
        }
        .clamped(fit)
    }

    /// Keeps some of the drawing on screen: the stage can never be panned off the map.
    pub fn clamped(&self, fit: &Fit) -> Camera {
        let scale = self.scale.clamp(MIN_SCALE, MAX_SCALE);
        // The scaled stage spans [t, t + scale * w]; it must cover the stage's own box.
        // Written with max and min: `clamp` with a bound known only at run time carries a
        // panic message that formats floats, kilobytes of the first load for a case that the
        // zoom's lower limit (1) already rules out.
        let clamp_axis = |t: f64, size: f64| {
            let span = scale * size;
            t.max(size - span).min(0.0)
        };
        Camera {
            scale,
            tx: clamp_axis(self.tx, fit.w),
            ty: clamp_axis(self.ty, fit.h),
        }
    }

    /// The camera that shows the atlas rectangle `(x0, y0, x1, y1)` as large as fits,
    /// centred, with a margin.
    pub fn framing(rect: (f64, f64, f64, f64), fit: &Fit) -> Camera {
        let (x0, y0, x1, y1) = rect;
        let (a, b) = (fit.to_stage(x0, y0), fit.to_stage(x1, y1));
        let (rw, rh) = ((b.0 - a.0).abs().max(1.0), (b.1 - a.1).abs().max(1.0));
        let scale = (0.88 * (fit.w / rw).min(fit.h / rh)).clamp(MIN_SCALE, MAX_SCALE);
        let (cx, cy) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        Camera {
            scale,
            tx: fit.w / 2.0 - scale * cx,
            ty: fit.h / 2.0 - scale * cy,
        }
        .clamped(fit)
    }

    pub fn css(&self) -> String {
        use crate::num::fixed;
        format!(
            "translate({}px, {}px) scale({})",
            fixed(self.tx, 2, true),
            fixed(self.ty, 2, true),
            fixed(self.scale, 4, true)
        )
    }
}

/// A 2D affine transform as SVG writes it, `(a, b, c, d, e, f)`: x' = a x + c y + e,
/// y' = b x + d y + f. The map reads a figure's screen transform from the browser once and
/// turns fingers into atlas units with its inverse, without asking the browser per point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine(pub [f64; 6]);

impl Affine {
    pub fn apply(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// The transform that undoes this one; none when it flattens the plane (a zero size).
    pub fn inverse(&self) -> Option<Affine> {
        let [a, b, c, d, e, f] = self.0;
        let det = a * d - b * c;
        if !det.is_finite() || det.abs() < 1e-12 {
            return None;
        }
        Some(Affine([
            d / det,
            -b / det,
            -c / det,
            a / det,
            (c * f - d * e) / det,
            (b * e - a * f) / det,
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screen_transform_and_its_inverse_take_a_point_there_and_back() {
        // A figure fitted into its stage, zoomed 2.5x about a point and panned, on a page
        // whose stage starts 64 px from the top.
        let fit = fit();
        let cam = Camera::default()
            .zoom_about((120.0, 300.0), 2.5, &fit)
            .pan(30.0, -45.0, &fit);
        let (s, k) = (fit.s * cam.scale, cam.scale);
        let screen = Affine([
            s,
            0.0,
            0.0,
            s,
            cam.tx + k * fit.ox,
            64.0 + cam.ty + k * fit.oy,
        ]);
        let back = screen.inverse().expect("a zoom is invertible");
        for atlas in [(0.0, 0.0), (-60.0, 210.5), (75.25, -12.0)] {
            let on_screen = screen.apply(atlas);
            let (x, y) = back.apply(on_screen);
            assert!((x - atlas.0).abs() < 1e-9 && (y - atlas.1).abs() < 1e-9);
            // The same point as the stage and camera place it, 64 px down the page.
            let st = cam.apply(fit.to_stage(atlas.0, atlas.1));
            assert!(
                (on_screen.0 - st.0).abs() < 1e-9 && (on_screen.1 - (st.1 + 64.0)).abs() < 1e-9
            );
        }
        // A rotation and shear are undone too; a transform of zero size has no inverse.
        let skew = Affine([0.8, 0.6, -0.3, 1.1, 12.0, -7.0]);
        let p = skew.inverse().unwrap().apply(skew.apply((3.0, 4.0)));
        assert!((p.0 - 3.0).abs() < 1e-9 && (p.1 - 4.0).abs() < 1e-9);
        assert_eq!(Affine([0.0, 0.0, 0.0, 0.0, 5.0, 5.0]).inverse(), None);
    }

    #[test]
    fn the_visible_part_of_the_atlas_maps_back_to_the_stage_corners() {
        let fit = Fit::new(332.0, 623.0);
        // At rest the whole view box shows (and more, on the long side).
        let rest = fit.visible(&Camera::default());
        let (vx, vy, vw, vh) = VIEW_BOX;
        assert!(
            rest.0 <= vx as f64 + 1e-9 && rest.2 >= (vx + vw) as f64 - 1e-9,
            "{rest:?}"
        );
        assert!(
            rest.1 <= vy as f64 + 1e-9 && rest.3 >= (vy + vh) as f64 - 1e-9,
            "{rest:?}"
        );
        // Zoomed and panned: the corners of the stage are the corners of what shows.
        let cam = Camera::default()
            .zoom_about((100.0, 200.0), 3.0, &fit)
            .pan(-40.0, 25.0, &fit);
        let v = fit.visible(&cam);
        let corner = |ax: f64, ay: f64| cam.apply(fit.to_stage(ax, ay));
        let (x0, y0) = corner(v.0, v.1);
        let (x1, y1) = corner(v.2, v.3);
        assert!(x0.abs() < 1e-6 && y0.abs() < 1e-6, "{x0} {y0}");
        assert!(
            (x1 - fit.w).abs() < 1e-6 && (y1 - fit.h).abs() < 1e-6,
            "{x1} {y1}"
        );
    }

    fn fit() -> Fit {
        Fit::new(380.0, 840.0)
    }

    #[test]
    fn fit_maps_the_view_box_onto_the_stage() {
        let f = fit();
        assert!((f.s - 1.0).abs() < 1e-9);
        let (x, y) = f.to_stage(0.0, 0.0);
        assert!((x - 190.0).abs() < 1e-9 && (y - 20.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_pinch_point_still() {
        let f = fit();
        let c = Camera::default().zoom_about((100.0, 300.0), 2.5, &f);
        let before = (100.0, 300.0);
        // The stage point under the fingers maps to the same screen point.
        let inv = ((before.0 - c.tx) / c.scale, (before.1 - c.ty) / c.scale);
        let after = c.apply(inv);
        assert!((after.0 - before.0).abs() < 1e-9 && (after.1 - before.1).abs() < 1e-9);
        assert!((c.scale - 2.5).abs() < 1e-9);
    }

    #[test]
    fn scale_and_pan_are_bounded() {
        let f = fit();
        let c = Camera::default().zoom_about((0.0, 0.0), 100.0, &f);
        assert_eq!(c.scale, MAX_SCALE);
        let c = c.pan(1e6, 1e6, &f);
        assert_eq!((c.tx, c.ty), (0.0, 0.0));
        let c = c.pan(-1e7, -1e7, &f);
        assert!((c.tx - (f.w - MAX_SCALE * f.w)).abs() < 1e-6);
        assert_eq!(
            Camera::default().zoom_about((5.0, 5.0), 0.1, &f),
            Camera::default()
        );
    }

    #[test]
    fn framing_centres_the_region_and_fills_the_stage() {
        let f = fit();
        // The low back: 160 x 120 atlas units around (0, 360).
        let c = Camera::framing((-80.0, 300.0, 80.0, 420.0), &f);
        assert!(c.scale > 2.0 && c.scale <= MAX_SCALE, "{}", c.scale);
        let centre = c.apply(f.to_stage(0.0, 360.0));
        assert!((centre.0 - 190.0).abs() < 1.0, "{centre:?}");
        assert!((centre.1 - 420.0).abs() < 1.0, "{centre:?}");
        // The head sits at the top edge: framing it never pans past the map's edge.
        let head = Camera::framing((-35.0, 0.0, 35.0, 100.0), &f);
        assert!(head.scale > 3.0 && head.ty <= 0.0);
        // Zooming out to the whole body gives back the resting camera.
        let whole = Camera::framing((-190.0, -20.0, 190.0, 820.0), &f);
        assert_eq!(whole, Camera::default());
    }
}
