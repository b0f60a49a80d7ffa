//! The vocabulary of the atlas: views, sides, layers, regions and authored shapes.

use serde::{Deserialize, Serialize};

/// Which way the drawn body faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Anterior,
    Posterior,
}

impl View {
    pub const ALL: [View; 2] = [View::Anterior, View::Posterior];

    pub fn id(self) -> &'static str {
        match self {
            View::Anterior => "anterior",
            View::Posterior => "posterior",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Anterior => "Front",
            View::Posterior => "Back",
        }
    }

    /// Screen x sign for a side in this view. Authored x is lateral distance from the midline;
    /// facing the viewer, the patient's right is on the viewer's left.
    pub fn x_sign(self, side: Side) -> f32 {
        match (self, side) {
            (View::Anterior, Side::Right) | (View::Posterior, Side::Left) => -1.0,
            (View::Anterior, Side::Left) | (View::Posterior, Side::Right) => 1.0,
        }
    }

    /// The patient's side that a screen x (relative to the midline) falls on in this view.
    pub fn side_at(self, x: f32) -> Side {
        if self.x_sign(Side::Right) * x >= 0.0 {
            Side::Right
        } else {
            Side::Left
        }
    }
}

/// The patient's side (never the viewer's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Right, Side::Left];

    pub fn id(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "Left",
            Side::Right => "Right",
        }
    }

    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            _ => None,
        }
    }
}

/// Superficial muscles are seen on the skin's surface; deep ones once those are lifted away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    Superficial,
    Deep,
}

/// Body regions, used to group the catalogue and to zoom to a part of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    HeadNeck,
    ShoulderUpperBack,
    ArmHand,
    Trunk,
    HipThigh,
    LegFoot,
}

impl Region {
    pub fn label(self) -> &'static str {
        match self {
            Region::HeadNeck => "Head and neck",
            Region::ShoulderUpperBack => "Shoulder and upper back",
            Region::ArmHand => "Arm, forearm and hand",
            Region::Trunk => "Trunk",
            Region::HipThigh => "Hip and thigh",
            Region::LegFoot => "Leg and foot",
        }
    }
}

/// A muscle of the catalogue (one entry serves both sides).
#[derive(Clone, Copy, Debug)]
pub struct Muscle {
    /// Stable snake_case id, used in `data-muscle` and in saved charts.
    pub id: &'static str,
    /// Display name, as a clinician writes it.
    pub name: &'static str,
    pub region: Region,
}

/// One tappable outline of a muscle in one view and layer, authored for one side with x as
/// the lateral distance from the midline (x >= 0) and y from the vertex down. The other side
/// is its mirror image, generated, never drawn twice.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub muscle: &'static str,
    pub view: View,
    pub layer: Layer,
    /// Points of a closed smooth outline; repeat a point to make a corner.
    pub outline: &'static [(i16, i16)],
    /// Short open lines inside the outline that follow the fibre direction (drawn faintly).
    pub fibres: &'static [&'static [(i16, i16)]],
}

/// A non-interactive line that helps orientation (clavicle, spine of scapula, patella ...).
#[derive(Clone, Copy, Debug)]
pub struct Landmark {
    pub view: View,
    pub closed: bool,
    pub points: &'static [(i16, i16)],
}

/// A known point of the body and the muscle a tap there must select: the atlas's own
/// hit-test checks (authored for one side like the shapes, checked on both).
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    pub view: View,
    pub layer: Layer,
    pub at: (i16, i16),
    pub muscle: &'static str,
}
