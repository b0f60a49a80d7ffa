//! Safety rules of practice that the chart can check.

use super::chart::{Chart, TriggerPoint};
use crate::anatomy::model::Side;
use crate::anatomy::referral::{self, CautionKind};

/// Whether needling this muscle can reach the lung (the thorax).
pub fn over_thorax(muscle: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        referral::cautions()
            .filter(|c| c.kind == CautionKind::Lung)
            .map(|c| c.muscle)
            .collect()
    })
    .contains(muscle)
}

/// Points charted over the thorax on both sides of the body: needling both sides of the
/// chest in one visit risks a pneumothorax on both sides. `None` when only one side (or
/// neither) has such points.
pub fn bilateral_thorax(chart: &Chart) -> Option<Vec<&TriggerPoint>> {
    let thorax: Vec<&TriggerPoint> = chart
        .trps
        .iter()
        .filter(|t| over_thorax(&t.muscle))
        .collect();
    let both = Side::BOTH
        .iter()
        .all(|s| thorax.iter().any(|t| t.side == *s));
    both.then_some(thorax)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::View;
    use crate::clinic::chart::MapPoint;
    use crate::clinic::timer::FixedClock;

    fn mark(c: &mut Chart, muscle: &str, side: Side) -> u32 {
        let at = MapPoint {
            view: View::Posterior,
            x: 0.0,
            y: 0.0,
        };
        c.mark(muscle, side, at, &FixedClock(0)).unwrap()
    }

    #[test]
    fn thorax_on_both_sides_is_flagged() {
        let mut c = Chart::default();
        mark(&mut c, "rhomboid_major", Side::Right);
        mark(&mut c, "gluteus_medius", Side::Left);
        assert!(bilateral_thorax(&c).is_none());
        mark(&mut c, "infraspinatus", Side::Left);
        assert!(
            bilateral_thorax(&c).is_none(),
            "infraspinatus lies on the scapula"
        );
        mark(&mut c, "lower_trapezius", Side::Left);
        let flagged = bilateral_thorax(&c).expect("both sides over the thorax");
        let muscles: Vec<&str> = flagged.iter().map(|t| t.muscle.as_str()).collect();
        assert_eq!(muscles, vec!["rhomboid_major", "lower_trapezius"]);
    }

    #[test]
    fn thorax_muscles_come_from_the_lung_cautions() {
        assert!(over_thorax("pectoralis_major"));
        assert!(over_thorax("middle_scalene"));
        assert!(!over_thorax("sternocleidomastoid"));
        assert!(!over_thorax("gastrocnemius"));
    }
}
