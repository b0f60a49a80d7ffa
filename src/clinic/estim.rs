//! Electrical stimulation through a pair of needles: its settings, and the rule that current
//! must never pass across the spine, the neck or the chest.

use serde::{Deserialize, Serialize};

use super::safety::over_thorax;
use crate::anatomy::model::{Region, Side, View};

/// Minutes an e-stim pair runs unless the therapist chooses otherwise.
pub const DEFAULT_MINUTES: i64 = 10;
/// The longest e-stim run offered (the usual run is up to 10 minutes).
pub const MAX_MINUTES: i64 = 30;

/// The two needles (their timer ids) an e-stim pair runs through, and its settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EStim {
    pub needles: [u32; 2],
    /// Frequency in Hz (2-4 low, 80-100 high are usual).
    pub hz: f32,
    /// Intensity in mA.
    pub ma: f32,
}

/// What the current between two needles would cross, when a pair is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crossing {
    Spine,
    Neck,
    Chest,
    /// Opposite sides of the body elsewhere (the current would pass through the pelvis or trunk).
    Midline,
    /// One needle in the arm, shoulder or neck and the other in the hip or leg.
    Trunk,
}

impl Crossing {
    pub fn id(self) -> &'static str {
        match self {
            Crossing::Spine => "spine",
            Crossing::Neck => "neck",
            Crossing::Chest => "chest",
            Crossing::Midline => "midline",
            Crossing::Trunk => "trunk",
        }
    }

    pub fn why(self) -> &'static str {
        match self {
            Crossing::Spine => "the current would cross the spine: the two needles are on opposite sides of the midline",
            Crossing::Neck => "the current would cross the neck",
            Crossing::Chest => "the current would cross the chest",
            Crossing::Midline => "the current would cross the body's midline: the two needles are on opposite sides",
            Crossing::Trunk => "the current would run through the trunk: keep both needles in one region",
        }
    }
}

/// Where one needle of a proposed pair sits.
#[derive(Clone, Copy, Debug)]
pub struct Electrode<'a> {
    pub muscle: &'a str,
    pub region: Region,
    pub side: Side,
    pub view: View,
}

fn upper_quarter(r: Region) -> bool {
    matches!(
        r,
        Region::HeadNeck | Region::ShoulderUpperBack | Region::ArmHand
    )
}

fn lower_quarter(r: Region) -> bool {
    matches!(r, Region::HipThigh | Region::LegFoot)
}

/// `Some(crossing)` when current between the two needles would pass where it must not:
/// across the spine, the neck or the chest (each pair stays on one side and in one region).
pub fn crossing(a: Electrode, b: Electrode) -> Option<Crossing> {
    if a.side != b.side {
        let has = |r: Region| a.region == r || b.region == r;
        return Some(if has(Region::Trunk) || has(Region::ShoulderUpperBack) {
            if a.view == View::Posterior && b.view == View::Posterior {
                Crossing::Spine
            } else {
                Crossing::Chest
            }
        } else if has(Region::HeadNeck) {
            Crossing::Neck
        } else if has(Region::ArmHand) {
            // From one arm to the other the current runs through the chest.
            Crossing::Chest
        } else {
            Crossing::Midline
        });
    }
    if upper_quarter(a.region) && lower_quarter(b.region)
        || upper_quarter(b.region) && lower_quarter(a.region)
    {
        return Some(Crossing::Trunk);
    }
    // Same side, front to back: through the chest (or the neck).
    if a.view != b.view {
        if over_thorax(a.muscle) || over_thorax(b.muscle) {
            return Some(Crossing::Chest);
        }
        if a.region == Region::HeadNeck && b.region == Region::HeadNeck {
            return Some(Crossing::Neck);
        }
    }
    None
}

/// Checks the settings of a pair; `Err` says what is out of range.
pub fn check_settings(hz: f32, ma: f32, minutes: i64) -> Result<(), String> {
    if !(hz.is_finite() && (1.0..=200.0).contains(&hz)) {
        return Err("the frequency must be 1 to 200 Hz".into());
    }
    if !(ma.is_finite() && ma > 0.0 && ma <= 50.0) {
        return Err("the intensity must be above 0 and at most 50 mA".into());
    }
    if !(1..=MAX_MINUTES).contains(&minutes) {
        return Err(format!("e-stim runs 1 to {MAX_MINUTES} minutes"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(muscle: &'static str, side: Side, view: View) -> Electrode<'static> {
        Electrode {
            muscle,
            region: crate::anatomy::muscle(muscle).unwrap().region,
            side,
            view,
        }
    }
    use Side::{Left as L, Right as R};
    use View::{Anterior as A, Posterior as P};

    #[test]
    fn refuses_pairs_across_the_spine_neck_and_chest() {
        let cases = [
            (
                e("multifidus", L, P),
                e("multifidus", R, P),
                Crossing::Spine,
            ),
            (
                e("rhomboid_major", L, P),
                e("infraspinatus", R, P),
                Crossing::Spine,
            ),
            (
                e("quadratus_lumborum", R, P),
                e("iliocostalis_lumborum", L, P),
                Crossing::Spine,
            ),
            (
                e("upper_trapezius", L, P),
                e("upper_trapezius", R, P),
                Crossing::Neck,
            ),
            (
                e("sternocleidomastoid", R, A),
                e("anterior_scalene", L, A),
                Crossing::Neck,
            ),
            (
                e("pectoralis_major", L, A),
                e("pectoralis_major", R, A),
                Crossing::Chest,
            ),
            (
                e("rectus_abdominis", L, A),
                e("external_oblique", R, A),
                Crossing::Chest,
            ),
            (
                e("gastrocnemius", L, P),
                e("soleus", R, P),
                Crossing::Midline,
            ),
            // Same side, but front to back through the thorax.
            (
                e("pectoralis_major", R, A),
                e("infraspinatus", R, P),
                Crossing::Chest,
            ),
            // Same side, arm to leg: the whole trunk lies between.
            (
                e("biceps_brachii", L, A),
                e("rectus_femoris", L, A),
                Crossing::Trunk,
            ),
        ];
        for (a, b, want) in cases {
            assert_eq!(crossing(a, b), Some(want), "{} - {}", a.muscle, b.muscle);
            assert_eq!(
                crossing(b, a),
                Some(want),
                "{} - {} reversed",
                b.muscle,
                a.muscle
            );
        }
    }

    #[test]
    fn allows_pairs_on_one_side_of_one_region() {
        let ok = [
            (e("upper_trapezius", R, P), e("levator_scapulae", R, P)),
            (e("infraspinatus", L, P), e("teres_minor", L, P)),
            (e("quadratus_lumborum", R, P), e("gluteus_medius", R, P)),
            (e("gastrocnemius", L, P), e("soleus", L, P)),
            (
                e("extensor_digitorum", R, P),
                e("extensor_carpi_radialis_longus", R, P),
            ),
            (e("vastus_lateralis", L, A), e("tensor_fasciae_latae", L, A)),
            (e("anterior_deltoid", R, A), e("posterior_deltoid", R, P)),
        ];
        for (a, b) in ok {
            assert_eq!(crossing(a, b), None, "{} - {}", a.muscle, b.muscle);
        }
    }

    #[test]
    fn settings_are_checked() {
        assert!(check_settings(2.0, 5.0, DEFAULT_MINUTES).is_ok());
        assert!(check_settings(0.0, 5.0, 10).is_err());
        assert!(check_settings(f32::NAN, 5.0, 10).is_err());
        assert!(check_settings(100.0, 0.0, 10).is_err());
        assert!(check_settings(100.0, 5.0, 0).is_err());
        assert!(check_settings(100.0, 5.0, MAX_MINUTES + 1).is_err());
    }
}
