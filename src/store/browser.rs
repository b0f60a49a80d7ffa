//! The chart in the browser's local storage. Writes are synchronous, so a change is on disk
//! before the event that made it returns; unreadable data is copied aside before anything new
//! is written over it.

use crate::clinic::chart::Chart;
use crate::store::schema::{self, DecodeError, Settings};

pub const KEY: &str = "myomap.chart";
pub const ASIDE_PREFIX: &str = "myomap.unreadable.";
pub const SETTINGS_KEY: &str = "myomap.settings";

/// The device's preferences; defaults when none are stored or storage is unavailable.
pub fn load_settings() -> Settings {
    storage()
        .ok()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .map(|raw| schema::decode_settings(&raw))
        .unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), String> {
    storage()?
        .set_item(SETTINGS_KEY, &schema::encode_settings(settings))
        .map_err(|_| "This device's storage is full: the setting was not kept.".to_string())
}

/// What loading found, and whether saving is safe.
pub struct Loaded {
    pub chart: Chart,
    /// A message for the therapist when something was not as expected.
    pub notice: Option<String>,
    /// False when saving would overwrite data that could not be kept aside.
    pub can_save: bool,
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "browser storage is blocked".to_string())?
        .ok_or_else(|| "browser storage is not available".to_string())
}

pub fn load(now_ms: i64) -> Loaded {
    let store = match storage() {
        Ok(s) => s,
        Err(why) => {
            return Loaded {
                chart: Chart::default(),
                notice: Some(format!(
                    "Myomap cannot keep your work on this device: {why}. Changes will be lost on reload."
                )),
                can_save: false,
            }
        }
    };
    let raw = match store.get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                chart: Chart::default(),
                notice: None,
                can_save: true,
            }
        }
        Err(_) => {
            return Loaded {
                chart: Chart::default(),
                notice: Some(
                    "Myomap could not read its saved chart. Nothing has been changed; saving is paused so the stored data stays as it is."
                        .into(),
                ),
                can_save: false,
            }
        }
    };
    match schema::decode(&raw) {
        Ok(chart) => Loaded {
            chart,
            notice: None,
            can_save: true,
        },
        Err(DecodeError::Newer(v)) => Loaded {
            chart: Chart::default(),
            notice: Some(format!(
                "The saved chart was written by a newer version of Myomap (format {v}). It has been left untouched; update Myomap to open it. Saving is paused."
            )),
            can_save: false,
        },
        Err(err) => {
            let aside = format!("{ASIDE_PREFIX}{now_ms}");
            match store.set_item(&aside, &raw) {
                Ok(()) => Loaded {
                    chart: Chart::default(),
                    notice: Some(format!(
                        "The saved chart could not be read: {err}. It has been kept aside on this device (as “{aside}”) and a new, empty chart has been started."
                    )),
                    can_save: true,
                },
                Err(_) => Loaded {
                    chart: Chart::default(),
                    notice: Some(format!(
                        "The saved chart could not be read: {err}. There is no room to keep a copy aside, so Myomap will not save over it. Changes made now will not be kept."
                    )),
                    can_save: false,
                },
            }
        }
    }
}

/// Writes the chart; the error is a sentence for the therapist.
pub fn save(chart: &Chart) -> Result<(), String> {
    let store = storage()?;
    store.set_item(KEY, &schema::encode(chart)).map_err(|_| {
        "This device's storage is full: the last change is on screen but NOT saved. Free some space and try again."
            .to_string()
    })
}
