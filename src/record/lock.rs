//! The screen lock: a passphrase that hides every name and record on a tablet left alone (by
//! the "Lock" button, or after a set idle time), while needle timers and alarms stay in view
//! and "Needle out" works: needle safety comes first. What is kept (`Lock`) proves a
//! passphrase without holding it: a known text sealed with a key derived from it. A wrong
//! passphrase makes the next try wait, longer each time.

use serde::{Deserialize, Serialize};

use crate::clinic::timer::{stop_in, FixedClock, Millis, Timer};
use crate::store::records::{Op, OpenVisit};

/// Where the lock is kept in the browser database.
pub const LOCK_KEY: &str = "lock";
/// The local-storage flag the page reads before anything is drawn (no patient data in it).
pub const FLAG: &str = "myomap.lock";
/// Wrong tries so far and when the next is allowed ("<fails>:<ms>"), kept across reloads.
pub const WAIT_KEY: &str = "myomap.lock.wait";
/// What the sealed verifier holds.
pub const VERIFIER: &str = "myomap screen lock 1";
/// A sealed record's value starts with this (JSON text never does).
pub const SEALED_MARK: &str = "\u{1}";

/// Records kept plain while the others are sealed: no patient data in them, and they are read
/// before the passphrase is typed (which format, the lock itself, the last backup's date).
pub fn plain_key(key: &str) -> bool {
    key == crate::store::records::META_KEY
        || key == LOCK_KEY
        || key == crate::record::backup::LAST_BACKUP_KEY
        || key.starts_with(BOARD_PREFIX)
}

/// The needle board: what the lock screen shows after a reload, before the passphrase is typed
/// and the sealed records can be read. One plain record per patient with needles in
/// (`board/<patient id>`), written in the same transaction as the record of the visit under
/// way that it mirrors. It holds the live timers' ids and times only: no name, muscle, side,
/// note or e-stim setting. "Needle out" tapped there ends the timer on the board; the end is
/// written into the visit once the passphrase is typed (`outs`, `take_out`).
pub const BOARD_PREFIX: &str = "board/";

fn board_key(patient: &str) -> String {
    format!("{BOARD_PREFIX}{patient}")
}

/// The live timers of a visit-under-way record, stripped to ids and times.
pub fn board_of(open: &str) -> Vec<Timer> {
    let open: OpenVisit = serde_json::from_str(open).unwrap_or_default();
    open.timers
        .into_iter()
        .filter(Timer::live)
        .map(|mut t| {
            t.trp = 0;
            if let Some(e) = t.estim.as_mut() {
                e.hz = 0.0;
                e.ma = 0.0;
            }
            t
        })
        .collect()
}

/// The board write that goes with `op`, when `op` writes or deletes a visit under way (or a
/// whole patient).
pub fn board_op(op: &Op) -> Option<Op> {
    let open_of = |k: &str| Some(k.strip_prefix("p/")?.strip_suffix("/open")?.to_string());
    Some(match op {
        Op::Put(k, v) => {
            let key = board_key(&open_of(k)?);
            let live = board_of(v);
            if live.is_empty() {
                Op::Delete(key)
            } else {
                Op::Put(key, serde_json::to_string(&live).unwrap_or_default())
            }
        }
        Op::Delete(k) => Op::Delete(board_key(&open_of(k)?)),
        Op::DeletePrefix(p) => Op::Delete(board_key(p.strip_prefix("p/")?.strip_suffix('/')?)),
    })
}

/// The board as kept (unreadable reads as empty).
pub fn read_board(raw: &str) -> Vec<Timer> {
    serde_json::from_str(raw).unwrap_or_default()
}

/// The record of the visit under way that a board key mirrors.
pub fn open_key_of(board_key: &str) -> Option<String> {
    Some(format!("p/{}/open", board_key.strip_prefix(BOARD_PREFIX)?))
}

/// Needles taken out on the lock screen: which timer, and when.
pub fn outs(board: &[Timer]) -> Vec<(u32, Millis)> {
    board
        .iter()
        .filter_map(|t| Some((t.id, t.ended_at?)))
        .collect()
}

/// The visit-under-way record with the needles taken out on the lock screen ended at the
/// times they came out; `None` when it does not read.
pub fn take_out(open: &str, outs: &[(u32, Millis)]) -> Option<String> {
    let mut open: OpenVisit = serde_json::from_str(open).ok()?;
    for (id, at) in outs {
        stop_in(&mut open.timers, *id, &FixedClock(*at));
    }
    serde_json::to_string(&open).ok()
}

/// Idle minutes a therapist can choose, and the default.
pub const IDLE_CHOICES: [u32; 7] = [1, 2, 5, 10, 15, 30, 60];
pub const IDLE_DEFAULT: u32 = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lock {
    /// The verifier sealed with the passphrase (`backup::Sealed` as JSON text).
    pub sealed: String,
    pub idle_min: u32,
}

impl Lock {
    /// Reads the kept lock; an unreadable one reads as none.
    pub fn read(raw: Option<&str>) -> Option<Lock> {
        let mut lock: Lock = serde_json::from_str(raw?).ok()?;
        if !IDLE_CHOICES.contains(&lock.idle_min) {
            lock.idle_min = IDLE_DEFAULT;
        }
        Some(lock)
    }
}

/// How long the next try waits after `fails` wrong ones: none after the first, then 1, 2, 4,
/// 8 ... seconds, at most a minute.
pub fn wait_after(fails: u32) -> Millis {
    if fails < 2 {
        0
    } else {
        (1000_i64 << (fails - 2).min(6)).min(60_000)
    }
}

/// The wrong tries kept as "<fails>:<next allowed ms>".
pub fn read_wait(raw: Option<&str>) -> (u32, Millis) {
    raw.and_then(|r| {
        let (f, t) = r.split_once(':')?;
        Some((f.parse().ok()?, t.parse().ok()?))
    })
    .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinic::estim::EStim;
    use crate::clinic::timer::{TimerState, MINUTE};

    fn open_with_needles() -> String {
        let mut a = Timer::start(1, 41, 10 * MINUTE, &FixedClock(0));
        a.trp = 41;
        let b = Timer::start(2, 42, 20 * MINUTE, &FixedClock(MINUTE));
        let mut done = Timer::start(3, 43, 5 * MINUTE, &FixedClock(0));
        done.stop(&FixedClock(MINUTE));
        let mut pair = Timer::start(4, 41, 15 * MINUTE, &FixedClock(2 * MINUTE));
        pair.estim = Some(EStim {
            needles: [1, 2],
            hz: 2.0,
            ma: 12.5,
        });
        serde_json::to_string(&OpenVisit {
            visit: None,
            timers: vec![a, b, done, pair],
        })
        .unwrap()
    }

    #[test]
    fn the_board_mirrors_live_timers_with_times_only() {
        let op = board_op(&Op::Put("p/7/open".into(), open_with_needles())).unwrap();
        let Op::Put(key, raw) = op else {
            panic!("a put")
        };
        assert_eq!(key, "board/7");
        assert!(plain_key(&key));
        let board = read_board(&raw);
        assert_eq!(
            board.iter().map(|t| t.id).collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
        assert!(board.iter().all(|t| t.trp == 0));
        assert_eq!(board[2].estim.unwrap().needles, [1, 2]);
        assert_eq!(board[2].estim.unwrap().ma, 0.0);
        // Times carry over: the first needle is due at 10 minutes.
        assert_eq!(board[0].remaining(&FixedClock(4 * MINUTE)), 6 * MINUTE);
        // With every needle out, or the visit or patient gone, the board goes.
        let empty = serde_json::to_string(&OpenVisit::default()).unwrap();
        assert_eq!(
            board_op(&Op::Put("p/7/open".into(), empty)),
            Some(Op::Delete("board/7".into()))
        );
        assert_eq!(
            board_op(&Op::Delete("p/7/open".into())),
            Some(Op::Delete("board/7".into()))
        );
        assert_eq!(
            board_op(&Op::DeletePrefix("p/7/".into())),
            Some(Op::Delete("board/7".into()))
        );
        // Other records have no board.
        assert_eq!(
            board_op(&Op::Put("p/7/pt/0000000001".into(), "{}".into())),
            None
        );
        assert_eq!(board_op(&Op::Put("patients/7".into(), "{}".into())), None);
        assert_eq!(open_key_of("board/7").as_deref(), Some("p/7/open"));
    }

    #[test]
    fn a_needle_out_on_the_lock_screen_is_written_at_the_time_it_came_out() {
        let open = open_with_needles();
        let mut board = board_of(&open);
        // Needle 1 comes out at 12 minutes (its e-stim pair stops with it).
        stop_in(&mut board, 1, &FixedClock(12 * MINUTE));
        assert_eq!(outs(&board), vec![(1, 12 * MINUTE), (4, 12 * MINUTE)]);
        let after: OpenVisit =
            serde_json::from_str(&take_out(&open, &outs(&board)).unwrap()).unwrap();
        let at = |id: u32| after.timers.iter().find(|t| t.id == id).unwrap();
        assert_eq!(at(1).ended_at, Some(12 * MINUTE));
        assert_eq!(at(4).ended_at, Some(12 * MINUTE));
        assert_eq!(at(2).state(&FixedClock(30 * MINUTE)), TimerState::Overdue);
        // What the board did not touch is as it was: the trigger point, the pair's settings.
        assert_eq!(at(1).trp, 41);
        assert_eq!(at(4).estim.unwrap().ma, 12.5);
        assert_eq!(take_out("not json", &outs(&board)), None);
    }

    #[test]
    fn each_wrong_try_waits_longer_up_to_a_minute() {
        let waits: Vec<Millis> = (0..10).map(wait_after).collect();
        assert_eq!(
            waits,
            vec![0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]
        );
    }

    #[test]
    fn only_records_without_patient_data_stay_plain() {
        for key in ["meta", "lock", "backup-at"] {
            assert!(plain_key(key), "{key}");
        }
        for key in [
            "patients/1",
            "p/1/pt/0000000001",
            "p/1/open",
            "p/1/v/000000000000001",
            "clinic",
            "aside/p/1/pain",
        ] {
            assert!(!plain_key(key), "{key}");
        }
    }

    #[test]
    fn kept_values_read_forgivingly() {
        assert_eq!(read_wait(Some("3:12345")), (3, 12345));
        assert_eq!(read_wait(Some("junk")), (0, 0));
        assert_eq!(read_wait(None), (0, 0));
        let l = Lock::read(Some(r#"{"sealed":"x","idle_min":7}"#)).unwrap();
        assert_eq!(l.idle_min, IDLE_DEFAULT);
        assert!(Lock::read(Some("{")).is_none());
    }
}
