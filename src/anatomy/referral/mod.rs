//! Trigger-point catalogue as data: where each muscle's trigger points typically lie, where
//! they refer pain (essential and spillover zones, drawn as the project's own shapes), and
//! where a needle needs care. One file per body region, reviewed like the atlas.
//!
//! Coordinates follow the atlas: x is lateral distance from the midline on the side of the
//! trigger point, y from the vertex down. A zone that crosses the midline uses negative x for
//! the other side (the clavicular sternocleidomastoid refers to both sides of the forehead).

mod arm;
mod head_neck;
mod shoulder;
mod thigh_leg;
mod trunk_hip;

use super::model::View;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grade {
    /// Where nearly everyone with this trigger point feels it (drawn strong).
    Essential,
    /// Where some feel it (drawn light).
    Spillover,
}

impl Grade {
    pub fn id(self) -> &'static str {
        match self {
            Grade::Essential => "essential",
            Grade::Spillover => "spillover",
        }
    }
}

/// A typical trigger-point site.
#[derive(Clone, Copy, Debug)]
pub struct Site {
    pub view: View,
    pub at: (i16, i16),
    /// Short clinical name of the site, e.g. "free upper border, mid-fibres".
    pub label: &'static str,
}

/// One area of referred pain in one view.
#[derive(Clone, Copy, Debug)]
pub struct Zone {
    pub view: View,
    pub grade: Grade,
    /// Closed smooth outline (Catmull-Rom through the points; repeat a point for a corner).
    pub outline: &'static [(i16, i16)],
}

/// A muscle's referral pattern.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub muscle: &'static str,
    pub sites: &'static [Site],
    pub zones: &'static [Zone],
    /// Where the pain is felt, in a clinician's words.
    pub refers_to: &'static str,
    /// The same in plain words for the patient.
    pub for_patient: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CautionKind {
    /// Lung and pleura under the muscle: risk of pneumothorax.
    Lung,
    /// A nerve or large vessel runs close by.
    NerveVessel,
    /// An organ lies close (kidney).
    Organ,
}

/// Why and how to take care when needling a muscle.
#[derive(Clone, Copy, Debug)]
pub struct Caution {
    pub muscle: &'static str,
    pub kind: CautionKind,
    /// What lies there, in plain words.
    pub reason: &'static str,
    /// What to do: direction, depth, grip.
    pub guidance: &'static str,
}

const PATTERNS: [&[Pattern]; 5] = [
    head_neck::PATTERNS,
    shoulder::PATTERNS,
    arm::PATTERNS,
    trunk_hip::PATTERNS,
    thigh_leg::PATTERNS,
];
const CAUTIONS: [&[Caution]; 5] = [
    head_neck::CAUTIONS,
    shoulder::CAUTIONS,
    arm::CAUTIONS,
    trunk_hip::CAUTIONS,
    thigh_leg::CAUTIONS,
];

pub fn patterns() -> impl Iterator<Item = &'static Pattern> {
    PATTERNS.into_iter().flatten()
}

pub fn pattern(muscle: &str) -> Option<&'static Pattern> {
    patterns().find(|p| p.muscle == muscle)
}

pub fn cautions() -> impl Iterator<Item = &'static Caution> {
    CAUTIONS.into_iter().flatten()
}

pub fn cautions_for(muscle: &str) -> impl Iterator<Item = &'static Caution> + '_ {
    cautions().filter(move |c| c.muscle == muscle)
}

/// Whether needling a muscle calls for care (looked up once, then from a set: the map asks
/// for every marker).
pub fn has_caution(muscle: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| cautions().map(|c| c.muscle).collect())
        .contains(muscle)
}
