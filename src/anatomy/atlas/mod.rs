//! The atlas as data: the body outline, the muscle catalogue and every muscle's outline per
//! view and layer, one file per body region. Clinicians review these tables (and the
//! `/#/atlas` page) without reading component code; `crate::anatomy` builds the drawable,
//! mirrored geometry from them.

mod arm_hand;
mod head_neck;
mod hip_thigh;
mod leg_foot;
mod shoulder_back;
mod silhouette;
mod trunk;

pub use silhouette::BODY_HALF;

use super::model::{Landmark, Layer, Muscle, Probe, Shape, View};
use super::packed;

/// Region files in drawing order: deeper-lying regions first so that overlapping edges
/// (deltoid over arm, trapezius over neck) fall the way the body has them.
const MUSCLES: [&[Muscle]; 6] = [
    head_neck::MUSCLES,
    shoulder_back::MUSCLES,
    arm_hand::MUSCLES,
    trunk::MUSCLES,
    hip_thigh::MUSCLES,
    leg_foot::MUSCLES,
];
const SHAPES: [&[Shape]; 6] = [
    trunk::SHAPES,
    hip_thigh::SHAPES,
    leg_foot::SHAPES,
    arm_hand::SHAPES,
    shoulder_back::SHAPES,
    head_neck::SHAPES,
];
const LANDMARKS: [&[Landmark]; 6] = [
    head_neck::LANDMARKS,
    shoulder_back::LANDMARKS,
    arm_hand::LANDMARKS,
    trunk::LANDMARKS,
    hip_thigh::LANDMARKS,
    leg_foot::LANDMARKS,
];

/// Every muscle of the atlas, in catalogue order.
pub fn muscles() -> impl Iterator<Item = &'static Muscle> {
    MUSCLES.into_iter().flatten()
}

/// Every authored outline, in drawing order (later shapes lie on top).
pub fn shapes() -> impl Iterator<Item = &'static Shape> {
    static DECODED: std::sync::OnceLock<Vec<Shape>> = std::sync::OnceLock::new();
    DECODED
        .get_or_init(|| {
            let mut r = packed::Reader::new(&SHAPE_POINTS);
            SHAPE_HEADS
                .iter()
                .map(|h| Shape {
                    muscle: h.muscle,
                    view: h.view,
                    layer: h.layer,
                    outline: r.points(),
                    fibres: (0..h.fibres).map(|_| r.points()).collect::<Vec<_>>().leak(),
                })
                .collect()
        })
        .iter()
}

/// Orientation lines (clavicles, scapulae, patellae ...).
pub fn landmarks() -> impl Iterator<Item = &'static Landmark> {
    static DECODED: std::sync::OnceLock<Vec<Landmark>> = std::sync::OnceLock::new();
    DECODED
        .get_or_init(|| {
            let mut r = packed::Reader::new(&LANDMARK_POINTS);
            LANDMARK_HEADS
                .iter()
                .map(|&(view, closed)| Landmark {
                    view,
                    closed,
                    points: r.points(),
                })
                .collect()
        })
        .iter()
}

// The app reads the shapes and landmarks from a packed form of the tables above (see
// `packed`): the tables themselves are only read at compile time.

/// A shape without its points.
struct ShapeHead {
    muscle: &'static str,
    view: View,
    layer: Layer,
    fibres: usize,
}

const SHAPE_COUNT: usize = {
    let mut n = 0;
    let mut t = 0;
    while t < SHAPES.len() {
        n += SHAPES[t].len();
        t += 1;
    }
    n
};

static SHAPE_HEADS: [ShapeHead; SHAPE_COUNT] = {
    let mut out = [const {
        ShapeHead {
            muscle: "",
            view: View::Anterior,
            layer: Layer::Superficial,
            fibres: 0,
        }
    }; SHAPE_COUNT];
    let (mut t, mut n) = (0, 0);
    while t < SHAPES.len() {
        let mut i = 0;
        while i < SHAPES[t].len() {
            let s = &SHAPES[t][i];
            out[n] = ShapeHead {
                muscle: s.muscle,
                view: s.view,
                layer: s.layer,
                fibres: s.fibres.len(),
            };
            n += 1;
            i += 1;
        }
        t += 1;
    }
    out
};

const SHAPE_BYTES: usize = {
    let (mut n, mut t) = (0, 0);
    while t < SHAPES.len() {
        let mut i = 0;
        while i < SHAPES[t].len() {
            let s = &SHAPES[t][i];
            n += packed::size(s.outline);
            let mut f = 0;
            while f < s.fibres.len() {
                n += packed::size(s.fibres[f]);
                f += 1;
            }
            i += 1;
        }
        t += 1;
    }
    n
};

/// Per shape: the outline, then each fibre line.
static SHAPE_POINTS: [u8; SHAPE_BYTES] = {
    let mut out = [0; SHAPE_BYTES];
    let (mut at, mut t) = (0, 0);
    while t < SHAPES.len() {
        let mut i = 0;
        while i < SHAPES[t].len() {
            let s = &SHAPES[t][i];
            at = packed::put(&mut out, at, s.outline);
            let mut f = 0;
            while f < s.fibres.len() {
                at = packed::put(&mut out, at, s.fibres[f]);
                f += 1;
            }
            i += 1;
        }
        t += 1;
    }
    assert!(at == SHAPE_BYTES);
    out
};

const LANDMARK_COUNT: usize = {
    let (mut n, mut t) = (0, 0);
    while t < LANDMARKS.len() {
        n += LANDMARKS[t].len();
        t += 1;
    }
    n
};

static LANDMARK_HEADS: [(View, bool); LANDMARK_COUNT] = {
    let mut out = [(View::Anterior, false); LANDMARK_COUNT];
    let (mut t, mut n) = (0, 0);
    while t < LANDMARKS.len() {
        let mut i = 0;
        while i < LANDMARKS[t].len() {
            out[n] = (LANDMARKS[t][i].view, LANDMARKS[t][i].closed);
            n += 1;
            i += 1;
        }
        t += 1;
    }
    out
};

const LANDMARK_BYTES: usize = {
    let (mut n, mut t) = (0, 0);
    while t < LANDMARKS.len() {
        let mut i = 0;
        while i < LANDMARKS[t].len() {
            n += packed::size(LANDMARKS[t][i].points);
            i += 1;
        }
        t += 1;
    }
    n
};

static LANDMARK_POINTS: [u8; LANDMARK_BYTES] = {
    let mut out = [0; LANDMARK_BYTES];
    let (mut at, mut t) = (0, 0);
    while t < LANDMARKS.len() {
        let mut i = 0;
        while i < LANDMARKS[t].len() {
            at = packed::put(&mut out, at, LANDMARKS[t][i].points);
            i += 1;
        }
        t += 1;
    }
    assert!(at == LANDMARK_BYTES);
    out
};

const PROBES: [&[Probe]; 6] = [
    head_neck::PROBES,
    shoulder_back::PROBES,
    arm_hand::PROBES,
    trunk::PROBES,
    hip_thigh::PROBES,
    leg_foot::PROBES,
];

/// Known points and the muscle a tap there selects (checked by the atlas tests).
pub fn probes() -> impl Iterator<Item = &'static Probe> {
    PROBES.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_tables_decode_to_the_authored_ones() {
        let authored: Vec<&Shape> = SHAPES.into_iter().flatten().collect();
        let decoded: Vec<&Shape> = shapes().collect();
        assert_eq!(authored.len(), decoded.len());
        for (a, d) in authored.iter().zip(&decoded) {
            assert_eq!((a.muscle, a.view, a.layer), (d.muscle, d.view, d.layer));
            assert_eq!(a.outline, d.outline);
            assert_eq!(a.fibres, d.fibres);
        }
        let authored: Vec<&Landmark> = LANDMARKS.into_iter().flatten().collect();
        let decoded: Vec<&Landmark> = landmarks().collect();
        assert_eq!(authored.len(), decoded.len());
        for (a, d) in authored.iter().zip(&decoded) {
            assert_eq!((a.view, a.closed, a.points), (d.view, d.closed, d.points));
        }
    }
}
