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

use super::model::{Landmark, Muscle, Probe, Shape};

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
    SHAPES.into_iter().flatten()
}

/// Orientation lines (clavicles, scapulae, patellae ...).
pub fn landmarks() -> impl Iterator<Item = &'static Landmark> {
    LANDMARKS.into_iter().flatten()
}

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
