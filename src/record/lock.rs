//! The screen lock: a passphrase that hides every name and record on a tablet left alone (by
//! the "Lock" button, or after a set idle time), while needle timers and alarms stay in view
//! and "Needle out" works: needle safety comes first. What is kept (`Lock`) proves a
//! passphrase without holding it: a known text sealed with a key derived from it. A wrong
//! passphrase makes the next try wait, longer each time.

use serde::{Deserialize, Serialize};

use crate::clinic::timer::Millis;

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
