//! Safety rules of practice that the chart can check.

use super::chart::{Chart, TriggerPoint};
use crate::anatomy::model::Side;
use crate::anatomy::referral::{self, CautionKind};

/// Whether needling this muscle can reach the lung (the thorax).
/// The chart asks this of every point on every change (every tap on the map), so most muscles
/// are turned away by their first letter and length alone (one bit of a table); the few that
/// pass are looked up in a short sorted list.
pub fn over_thorax(muscle: &str) -> bool {
    struct Lung {
        /// Bit `len.min(63)` of `first[letter]` is set when a lung muscle starts with that
        /// letter and has that length.
        first: [u64; 26],
        sorted: Vec<&'static str>,
    }
    fn slot(id: &str) -> Option<(usize, u64)> {
        let letter = id.as_bytes().first()?.checked_sub(b'a')?;
        (letter < 26).then(|| (usize::from(letter), 1u64 << id.len().min(63)))
    }
    static LUNG: std::sync::OnceLock<Lung> = std::sync::OnceLock::new();
    let lung = LUNG.get_or_init(|| {
        let mut sorted: Vec<&'static str> = referral::cautions()
            .filter(|c| c.kind == CautionKind::Lung)
            .map(|c| c.muscle)
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut first = [0u64; 26];
        for (letter, bit) in sorted.iter().filter_map(|id| slot(id)) {
            first[letter] |= bit;
        }
        Lung { first, sorted }
    });
    slot(muscle).is_some_and(|(letter, bit)| lung.first[letter] & bit != 0)
        && lung.sorted.binary_search(&muscle).is_ok()
}

/// Points charted over the thorax on both sides of the body: needling both sides of the
/// chest in one visit risks a pneumothorax on both sides. `None` when only one side (or
/// neither) has such points. During a visit, points carried from an earlier visit and not
/// examined today do not count: they are not today's treatment.
pub fn bilateral_thorax(chart: &Chart) -> Option<Vec<&TriggerPoint>> {
    let in_visit = chart.visit.is_some();
    let thorax: Vec<&TriggerPoint> = chart
        .trps
        .iter()
        .filter(|t| over_thorax(&t.muscle))
        .filter(|t| !(in_visit && chart.carried_from(t).is_some()))
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
    fn points_carried_from_an_earlier_visit_count_only_once_examined_today() {
        let mut c = Chart::default();
        c.start_visit(&FixedClock(0)).unwrap();
        let rhomboid = mark(&mut c, "rhomboid_major", Side::Right);
        c.end_visit(false, &FixedClock(10)).unwrap();
        c.start_visit(&FixedClock(100)).unwrap();
        let at = MapPoint {
            view: View::Posterior,
            x: 0.0,
            y: 0.0,
        };
        c.mark("lower_trapezius", Side::Left, at, &FixedClock(101))
            .unwrap();
        assert!(
            bilateral_thorax(&c).is_none(),
            "last week's right side is not today's"
        );
        c.trps
            .iter_mut()
            .find(|t| t.id == rhomboid)
            .unwrap()
            .findings
            .nrs_before = Some(5);
        assert_eq!(bilateral_thorax(&c).map(|v| v.len()), Some(2));
    }

    #[test]
    fn thorax_muscles_come_from_the_lung_cautions() {
        assert!(over_thorax("pectoralis_major"));
        assert!(over_thorax("middle_scalene"));
        assert!(!over_thorax("sternocleidomastoid"));
        assert!(!over_thorax("gastrocnemius"));
    }

    #[test]
    fn every_muscle_is_over_the_thorax_exactly_when_a_lung_caution_names_it() {
        let mut lung = 0;
        for m in crate::anatomy::atlas::muscles() {
            let named =
                referral::cautions().any(|c| c.muscle == m.id && c.kind == CautionKind::Lung);
            assert_eq!(over_thorax(m.id), named, "{}", m.id);
            lung += usize::from(named);
        }
        assert!(lung >= 5, "only {lung} muscles over the thorax");
        assert!(!over_thorax(""));
        assert!(!over_thorax("pectoralis_majo"));
        assert!(!over_thorax("Pectoralis_major"));
        assert!(!over_thorax("pectoralis_majorx"));
        assert!(!over_thorax("\u{e9}"));
    }
}
