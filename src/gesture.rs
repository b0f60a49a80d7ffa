//! Gesture recognition on the body map, as a pure state machine: pointer events in (down, move,
//! up, cancel, and the click the browser sends after a tap), gestures out (tap, double tap,
//! drag of a marker, pinch and two-finger pan, paint stroke). The map decides what a gesture
//! does; this module only decides which gesture the fingers made. Positions are client pixels,
//! times are event timestamps in milliseconds.

/// Two taps within this time and distance are a double tap (zoom in).
pub const DOUBLE_TAP_MS: f64 = 350.0;
pub const DOUBLE_TAP_PX: f64 = 30.0;
/// A finger must move this far (pixels) before a press on a marker becomes a drag.
pub const DRAG_SLOP_PX: f64 = 8.0;
/// After a drag, a stroke or a pinch, the browser's click is its tail, not a tap.
pub const QUIET_MS: f64 = 400.0;

pub type Pt = (f64, f64);

/// What is under a finger when it goes down, as the map sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Under {
    /// Nothing the gesture cares about (the map itself).
    Map,
    /// A marker, within a finger's reach: a press that may become a drag.
    Marker(u32),
    /// The map paints the pain drawing: the finger paints.
    Paint,
}

/// One pointer event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    Down {
        id: i32,
        at: Pt,
        t: f64,
        under: Under,
    },
    Move {
        id: i32,
        at: Pt,
        t: f64,
    },
    Up {
        id: i32,
        at: Pt,
        t: f64,
    },
    Cancel {
        id: i32,
        t: f64,
    },
    /// The browser's click after a tap (only fed while charting).
    Click {
        at: Pt,
        t: f64,
    },
}

/// What the fingers did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    /// Two fingers are down: whatever the first began is dropped.
    PinchStart {
        mid: Pt,
        dist: f64,
    },
    /// The fingers moved: scale by `dist / dist0` about `mid0`, pan by `mid - mid0`.
    Pinch {
        mid0: Pt,
        dist0: f64,
        mid: Pt,
        dist: f64,
    },
    /// A finger lifted: the pinch is over.
    PinchEnd,
    /// A stroke of the pain drawing begins, continues, ends (kept as one change).
    PaintStart {
        at: Pt,
    },
    Paint {
        at: Pt,
    },
    PaintEnd,
    /// A marker follows the finger.
    Drag {
        marker: u32,
        at: Pt,
    },
    /// The marker is let go here.
    Drop {
        marker: u32,
        at: Pt,
    },
    /// The drag was cancelled by the browser: the marker goes back.
    DragCancel {
        marker: u32,
    },
    /// A tap.
    Tap {
        at: Pt,
        t: f64,
    },
    /// A second tap close in time and place to the last tap.
    DoubleTap {
        at: Pt,
    },
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Phase {
    #[default]
    Idle,
    /// One finger down on the map, or on a marker (not yet moved past the slop).
    Press {
        marker: Option<u32>,
        from: Pt,
    },
    Drag {
        marker: u32,
    },
    Paint,
    Pinch {
        mid0: Pt,
        dist0: f64,
    },
    /// A pinch lost a finger: nothing more until every finger is up.
    Settling,
}

/// The recogniser's memory between events.
#[derive(Clone, Copy, Debug, Default)]
pub struct Recognizer {
    /// Fingers down: id and position.
    pointers: [Option<(i32, Pt)>; 2],
    phase: Phase,
    /// Until this time, clicks are the tail of a drag, a stroke or a pinch.
    quiet_until: f64,
    /// Time and place of the last tap, for double taps.
    last_tap: Option<(f64, Pt)>,
}

fn dist(a: Pt, b: Pt) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

impl Recognizer {
    fn two(&self) -> Option<(Pt, f64)> {
        let (a, b) = (self.pointers[0]?.1, self.pointers[1]?.1);
        Some((((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0), dist(a, b).max(1.0)))
    }

    fn down_count(&self) -> usize {
        self.pointers.iter().flatten().count()
    }

    /// Feeds one event; returns the gesture it completes or continues, if any.
    pub fn feed(&mut self, input: Input) -> Option<Gesture> {
        match input {
            Input::Down { id, at, under, .. } => {
                if let Some(slot) = self.pointers.iter_mut().find(|s| s.is_none()) {
                    *slot = Some((id, at));
                }
                if let Some((mid, dist)) = self.two() {
                    // A second finger turns whatever the first began into a pinch.
                    self.phase = Phase::Pinch {
                        mid0: mid,
                        dist0: dist,
                    };
                    return Some(Gesture::PinchStart { mid, dist });
                }
                if self.down_count() != 1 {
                    return None;
                }
                match under {
                    Under::Paint => {
                        self.phase = Phase::Paint;
                        Some(Gesture::PaintStart { at })
                    }
                    Under::Marker(m) => {
                        self.phase = Phase::Press {
                            marker: Some(m),
                            from: at,
                        };
                        None
                    }
                    Under::Map => {
                        self.phase = Phase::Press {
                            marker: None,
                            from: at,
                        };
                        None
                    }
                }
            }
            Input::Move { id, at, .. } => {
                for (pid, p) in self.pointers.iter_mut().flatten() {
                    if *pid == id {
                        *p = at;
                    }
                }
                match self.phase {
                    Phase::Pinch { mid0, dist0 } => {
                        let (mid, dist) = self.two()?;
                        Some(Gesture::Pinch {
                            mid0,
                            dist0,
                            mid,
                            dist,
                        })
                    }
                    Phase::Paint => Some(Gesture::Paint { at }),
                    Phase::Press {
                        marker: Some(marker),
                        from,
                    } if dist(at, from) > DRAG_SLOP_PX => {
                        self.phase = Phase::Drag { marker };
                        Some(Gesture::Drag { marker, at })
                    }
                    Phase::Drag { marker } => Some(Gesture::Drag { marker, at }),
                    _ => None,
                }
            }
            Input::Up { id, at, t } => self.lift(id, Some(at), t),
            Input::Cancel { id, t } => self.lift(id, None, t),
            Input::Click { at, t } => {
                if t < self.quiet_until {
                    return None;
                }
                if let Some((t0, at0)) = self.last_tap {
                    if t - t0 < DOUBLE_TAP_MS && dist(at, at0) < DOUBLE_TAP_PX {
                        self.last_tap = None;
                        return Some(Gesture::DoubleTap { at });
                    }
                }
                self.last_tap = Some((t, at));
                Some(Gesture::Tap { at, t })
            }
        }
    }

    /// A finger lifted (`at`) or its pointer was cancelled (`None`).
    fn lift(&mut self, id: i32, at: Option<Pt>, t: f64) -> Option<Gesture> {
        for slot in self.pointers.iter_mut() {
            if slot.is_some_and(|(pid, _)| pid == id) {
                *slot = None;
            }
        }
        let all_up = self.down_count() == 0;
        let out = match self.phase {
            Phase::Pinch { .. } => {
                self.quiet_until = t + QUIET_MS;
                self.phase = Phase::Settling;
                Some(Gesture::PinchEnd)
            }
            Phase::Paint => {
                self.quiet_until = t + QUIET_MS;
                self.phase = Phase::Idle;
                Some(Gesture::PaintEnd)
            }
            Phase::Drag { marker } => {
                self.quiet_until = t + QUIET_MS;
                self.phase = Phase::Idle;
                Some(match at {
                    Some(at) => Gesture::Drop { marker, at },
                    None => Gesture::DragCancel { marker },
                })
            }
            _ => None,
        };
        if all_up {
            self.phase = Phase::Idle;
        }
        out
    }

    /// True while no finger is down.
    pub fn idle(&self) -> bool {
        self.down_count() == 0
    }

    /// True while two fingers move the map.
    pub fn pinching(&self) -> bool {
        matches!(self.phase, Phase::Pinch { .. })
    }

    /// The taps so far are forgotten (after a double tap's zoom, say).
    pub fn forget_taps(&mut self) {
        self.last_tap = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn down(id: i32, x: f64, y: f64, t: f64, under: Under) -> Input {
        Input::Down {
            id,
            at: (x, y),
            t,
            under,
        }
    }
    fn mv(id: i32, x: f64, y: f64, t: f64) -> Input {
        Input::Move { id, at: (x, y), t }
    }
    fn up(id: i32, x: f64, y: f64, t: f64) -> Input {
        Input::Up { id, at: (x, y), t }
    }
    fn click(x: f64, y: f64, t: f64) -> Input {
        Input::Click { at: (x, y), t }
    }
    fn run(r: &mut Recognizer, inputs: &[Input]) -> Vec<Gesture> {
        inputs.iter().filter_map(|i| r.feed(*i)).collect()
    }

    #[test]
    fn a_tap_is_a_tap() {
        let mut r = Recognizer::default();
        assert!(r.idle());
        r.feed(down(1, 100.0, 100.0, 0.0, Under::Map));
        assert!(!r.idle());
        let out = run(
            &mut r,
            &[up(1, 100.0, 100.0, 60.0), click(100.0, 100.0, 61.0)],
        );
        assert!(r.idle());
        assert_eq!(
            out,
            vec![Gesture::Tap {
                at: (100.0, 100.0),
                t: 61.0
            }]
        );
    }

    #[test]
    fn two_quick_taps_close_together_are_a_double_tap() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                click(100.0, 100.0, 0.0),
                click(110.0, 105.0, 200.0),
                click(110.0, 105.0, 400.0),
            ],
        );
        assert!(matches!(out[0], Gesture::Tap { .. }));
        assert_eq!(out[1], Gesture::DoubleTap { at: (110.0, 105.0) });
        // A third tap starts afresh: it is a tap, not another double tap.
        assert!(matches!(out[2], Gesture::Tap { .. }));
    }

    #[test]
    fn taps_too_slow_or_too_far_apart_are_two_taps() {
        let mut r = Recognizer::default();
        let slow = run(
            &mut r,
            &[click(0.0, 0.0, 0.0), click(0.0, 0.0, DOUBLE_TAP_MS + 1.0)],
        );
        assert!(slow.iter().all(|g| matches!(g, Gesture::Tap { .. })));
        let mut r = Recognizer::default();
        let far = run(
            &mut r,
            &[click(0.0, 0.0, 0.0), click(DOUBLE_TAP_PX, 0.0, 100.0)],
        );
        assert!(far.iter().all(|g| matches!(g, Gesture::Tap { .. })));
        let mut r = Recognizer::default();
        let near = run(
            &mut r,
            &[click(0.0, 0.0, 0.0), click(DOUBLE_TAP_PX - 0.5, 0.0, 100.0)],
        );
        assert!(matches!(near[1], Gesture::DoubleTap { .. }));
    }

    #[test]
    fn a_press_on_a_marker_within_the_slop_stays_a_tap() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 50.0, 50.0, 0.0, Under::Marker(7)),
                mv(1, 55.0, 54.0, 20.0),
                up(1, 55.0, 54.0, 40.0),
                click(55.0, 54.0, 41.0),
            ],
        );
        assert_eq!(out.len(), 1);
        assert!(matches!(out[0], Gesture::Tap { .. }));
    }

    #[test]
    fn a_press_on_a_marker_past_the_slop_drags_it_and_drops_it() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 50.0, 50.0, 0.0, Under::Marker(7)),
                mv(1, 50.0, 50.0 + DRAG_SLOP_PX + 0.5, 20.0),
                mv(1, 80.0, 90.0, 40.0),
                up(1, 80.0, 90.0, 60.0),
                // The browser may still send a click: it is the drag's tail.
                click(80.0, 90.0, 61.0),
            ],
        );
        assert_eq!(
            out,
            vec![
                Gesture::Drag {
                    marker: 7,
                    at: (50.0, 50.0 + DRAG_SLOP_PX + 0.5)
                },
                Gesture::Drag {
                    marker: 7,
                    at: (80.0, 90.0)
                },
                Gesture::Drop {
                    marker: 7,
                    at: (80.0, 90.0)
                },
            ]
        );
        // After the quiet time, taps count again.
        assert!(matches!(
            r.feed(click(80.0, 90.0, 60.0 + QUIET_MS + 1.0)),
            Some(Gesture::Tap { .. })
        ));
    }

    #[test]
    fn a_finger_moving_on_the_map_drags_nothing() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 50.0, 50.0, 0.0, Under::Map),
                mv(1, 150.0, 150.0, 20.0),
                up(1, 150.0, 150.0, 40.0),
            ],
        );
        assert!(out.is_empty());
    }

    #[test]
    fn a_cancelled_drag_puts_the_marker_back() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 50.0, 50.0, 0.0, Under::Marker(3)),
                mv(1, 90.0, 50.0, 20.0),
                Input::Cancel { id: 1, t: 30.0 },
            ],
        );
        assert_eq!(out.last(), Some(&Gesture::DragCancel { marker: 3 }));
        assert!(r.feed(click(90.0, 50.0, 31.0)).is_none());
    }

    #[test]
    fn a_second_finger_mid_tap_makes_a_pinch_not_a_tap() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 100.0, 100.0, 0.0, Under::Map),
                down(2, 200.0, 100.0, 30.0, Under::Map),
                up(1, 100.0, 100.0, 60.0),
                up(2, 200.0, 100.0, 70.0),
                click(100.0, 100.0, 71.0),
            ],
        );
        assert_eq!(
            out,
            vec![
                Gesture::PinchStart {
                    mid: (150.0, 100.0),
                    dist: 100.0
                },
                Gesture::PinchEnd
            ]
        );
    }

    #[test]
    fn a_second_finger_turns_a_marker_press_or_drag_into_a_pinch() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 100.0, 100.0, 0.0, Under::Marker(4)),
                mv(1, 120.0, 100.0, 10.0),
                down(2, 220.0, 100.0, 20.0, Under::Map),
                mv(2, 260.0, 100.0, 30.0),
                up(1, 120.0, 100.0, 40.0),
                // The remaining finger neither drags nor pinches any more.
                mv(2, 300.0, 100.0, 50.0),
                up(2, 300.0, 100.0, 60.0),
            ],
        );
        assert_eq!(
            out,
            vec![
                Gesture::Drag {
                    marker: 4,
                    at: (120.0, 100.0)
                },
                Gesture::PinchStart {
                    mid: (170.0, 100.0),
                    dist: 100.0
                },
                Gesture::Pinch {
                    mid0: (170.0, 100.0),
                    dist0: 100.0,
                    mid: (190.0, 100.0),
                    dist: 140.0
                },
                Gesture::PinchEnd,
            ]
        );
        assert!(!r.pinching());
    }

    #[test]
    fn two_fingers_moving_together_pan() {
        let mut r = Recognizer::default();
        run(
            &mut r,
            &[
                down(1, 100.0, 100.0, 0.0, Under::Map),
                down(2, 200.0, 100.0, 0.0, Under::Map),
                mv(1, 130.0, 140.0, 10.0),
            ],
        );
        let g = r.feed(mv(2, 230.0, 140.0, 10.0));
        assert_eq!(
            g,
            Some(Gesture::Pinch {
                mid0: (150.0, 100.0),
                dist0: 100.0,
                mid: (180.0, 140.0),
                dist: 100.0
            })
        );
    }

    #[test]
    fn a_paint_stroke_follows_the_finger_and_ends_once() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 10.0, 10.0, 0.0, Under::Paint),
                mv(1, 20.0, 10.0, 10.0),
                up(1, 20.0, 10.0, 20.0),
                click(20.0, 10.0, 21.0),
            ],
        );
        assert_eq!(
            out,
            vec![
                Gesture::PaintStart { at: (10.0, 10.0) },
                Gesture::Paint { at: (20.0, 10.0) },
                Gesture::PaintEnd
            ]
        );
    }

    #[test]
    fn a_second_finger_stops_a_stroke_for_a_pinch() {
        let mut r = Recognizer::default();
        let out = run(
            &mut r,
            &[
                down(1, 10.0, 10.0, 0.0, Under::Paint),
                down(2, 110.0, 10.0, 5.0, Under::Paint),
                mv(1, 0.0, 10.0, 10.0),
            ],
        );
        assert!(matches!(out[1], Gesture::PinchStart { .. }));
        assert!(matches!(out[2], Gesture::Pinch { .. }));
    }

    #[test]
    fn a_third_finger_restarts_the_pinch_and_unknown_fingers_do_nothing() {
        let mut r = Recognizer::default();
        run(
            &mut r,
            &[
                down(1, 0.0, 0.0, 0.0, Under::Map),
                down(2, 100.0, 0.0, 0.0, Under::Map),
            ],
        );
        // A third finger has no slot: the pinch of the first two starts again from here.
        assert_eq!(
            r.feed(down(3, 50.0, 50.0, 1.0, Under::Map)),
            Some(Gesture::PinchStart {
                mid: (50.0, 0.0),
                dist: 100.0
            })
        );
        assert!(r.pinching());
        // Moving the unknown third finger still reports the pinch of the two known ones.
        assert!(matches!(
            r.feed(mv(3, 60.0, 60.0, 2.0)),
            Some(Gesture::Pinch { dist, .. }) if dist == 100.0
        ));
        let mut idle = Recognizer::default();
        assert_eq!(idle.feed(Input::Cancel { id: 9, t: 0.0 }), None);
        assert_eq!(idle.feed(mv(9, 1.0, 1.0, 0.0)), None);
    }
}
