//! Where a muscle's name is written on the zoomed map: pure geometry in atlas units (tested
//! natively). A name is centred on a spot inside its muscle; near the stage's edge it slides
//! inward so that it is read whole, as long as it still covers its spot; a name whose spot is
//! off the stage, or that would cross a name already written, is not written.

use crate::spread::Rect;

/// Where to write a name whose box reaches `half` (half width, half height) either side of
/// its spot `at`, inside `room` (what the stage shows, when known) and clear of the boxes in
/// `placed`; the box it takes is added to `placed`. `None`: the name is not written.
pub fn place(
    at: (f64, f64),
    half: (f64, f64),
    room: Option<Rect>,
    placed: &mut Vec<Rect>,
) -> Option<(f64, f64)> {
    let (mut x, mut y) = at;
    if let Some(r) = room {
        // How far the box must move to be inside the room along one axis; more than its half
        // size and it would no longer cover its spot.
        let inward = |c: f64, h: f64, lo: f64, hi: f64| -> Option<f64> {
            let d = (lo + h - c).max(0.0) + (hi - h - c).min(0.0);
            (d.abs() <= h && hi - lo >= 2.0 * h).then_some(d)
        };
        x += inward(x, half.0, r.0, r.2)?;
        y += inward(y, half.1, r.1, r.3)?;
    }
    let b = (x - half.0, y - half.1, x + half.0, y + half.1);
    if placed.iter().any(|p| overlaps(b, *p)) {
        return None;
    }
    placed.push(b);
    Some((x, y))
}

/// Whether two rectangles share any area (touching edges do not).
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && a.2 > b.0 && a.1 < b.3 && a.3 > b.1
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: Rect = (0.0, 0.0, 100.0, 50.0);
    const HALF: (f64, f64) = (10.0, 2.0);

    #[test]
    fn a_name_well_inside_stays_on_its_spot() {
        let mut placed = Vec::new();
        assert_eq!(
            place((50.0, 25.0), HALF, Some(ROOM), &mut placed),
            Some((50.0, 25.0))
        );
        assert_eq!(placed, vec![(40.0, 23.0, 60.0, 27.0)]);
    }

    #[test]
    fn a_name_near_an_edge_slides_inward_and_still_covers_its_spot() {
        for (at, want) in [
            ((4.0, 25.0), (10.0, 25.0)),
            ((97.0, 25.0), (90.0, 25.0)),
            ((50.0, 1.0), (50.0, 2.0)),
            ((50.0, 49.5), (50.0, 48.0)),
            ((1.0, 49.0), (10.0, 48.0)),
        ] {
            let mut placed = Vec::new();
            let (x, y) = place(at, HALF, Some(ROOM), &mut placed).expect("written");
            assert_eq!((x, y), want, "{at:?}");
            let b = placed[0];
            assert!(b.0 >= ROOM.0 && b.1 >= ROOM.1 && b.2 <= ROOM.2 && b.3 <= ROOM.3);
            assert!(b.0 <= at.0 && at.0 <= b.2 && b.1 <= at.1 && at.1 <= b.3);
        }
    }

    #[test]
    fn a_name_whose_spot_is_off_the_stage_is_not_written() {
        let mut placed = Vec::new();
        for at in [(-1.0, 25.0), (101.0, 25.0), (50.0, -0.5), (50.0, 51.0)] {
            assert_eq!(place(at, HALF, Some(ROOM), &mut placed), None, "{at:?}");
        }
        assert!(placed.is_empty());
    }

    #[test]
    fn a_name_wider_than_the_stage_is_not_written() {
        let mut placed = Vec::new();
        assert_eq!(
            place((50.0, 25.0), (60.0, 2.0), Some(ROOM), &mut placed),
            None
        );
    }

    #[test]
    fn names_never_cross_one_another() {
        let mut placed = Vec::new();
        assert!(place((50.0, 25.0), HALF, Some(ROOM), &mut placed).is_some());
        // Overlapping the first one's box: not written.
        assert_eq!(place((65.0, 27.0), HALF, Some(ROOM), &mut placed), None);
        // Slid inward from the edge onto the first one: not written either.
        assert!(place((6.0, 10.0), HALF, Some(ROOM), &mut placed).is_some());
        assert_eq!(place((3.0, 13.0), HALF, Some(ROOM), &mut placed), None);
        // Touching is not crossing.
        assert!(place((70.0, 25.0), HALF, Some(ROOM), &mut placed).is_some());
        assert_eq!(placed.len(), 3);
    }

    #[test]
    fn without_a_known_room_names_stay_on_their_spots() {
        let mut placed = Vec::new();
        assert_eq!(
            place((-5.0, 1.0), HALF, None, &mut placed),
            Some((-5.0, 1.0))
        );
    }
}
