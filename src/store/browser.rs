//! Where Myomap keeps its data in the browser. Patient records live in IndexedDB (`idb`), the
//! store of record: a change is kept once its transaction has completed, which survives the
//! browser being killed outright (local storage reaches disk only seconds later). The device's
//! preferences (volume, default needle time) stay in local storage: they hold no patient data.
//! The chart of format 1 (local storage) is carried over into a first patient, then removed
//! once the new records are committed and read back.

use crate::clinic::chart::Chart;
use crate::clinic::patient::{Patient, PatientId};
use crate::clinic::timer::Millis;
use crate::store::idb::{self, OpenError};
use crate::store::records::{self, Assembled, Meta, MetaError, Op};
use crate::store::schema::{self, DecodeError, Settings};

/// Format 1: the whole chart in local storage.
pub const KEY: &str = "myomap.chart";
pub const ASIDE_PREFIX: &str = "myomap.unreadable.";
pub const SETTINGS_KEY: &str = "myomap.settings";

/// The device's preferences; defaults when none are stored or storage is unavailable.
pub fn load_settings() -> Settings {
    local()
        .ok()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .map(|raw| schema::decode_settings(&raw))
        .unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), String> {
    local()?
        .set_item(SETTINGS_KEY, &schema::encode_settings(settings))
        .map_err(|_| "This device's storage is full: the setting was not kept.".to_string())
}

fn local() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "browser storage is blocked".to_string())?
        .ok_or_else(|| "browser storage is not available".to_string())
}

/// What loading found, and whether saving is safe.
pub struct Loaded {
    pub patient: Patient,
    pub chart: Chart,
    /// A message for the therapist when something was not as expected.
    pub notice: Option<String>,
    /// False when saving would overwrite data that must be left as it is, or cannot work.
    pub can_save: bool,
}

impl Loaded {
    /// A first, unsaved patient with an empty chart (no storage, or a component test).
    pub fn scratch(now: Millis, notice: Option<String>) -> Loaded {
        Loaded {
            patient: first_patient(new_patient_id(now), now),
            chart: Chart::default(),
            notice,
            can_save: false,
        }
    }
}

fn first_patient(id: PatientId, now: Millis) -> Patient {
    Patient {
        id,
        name: "Patient 1".into(),
        dob: None,
        record_no: None,
        note: String::new(),
        created: now,
        archived: false,
        last_visit: None,
    }
}

/// A fresh patient id: creation time and a random part (see `PatientId`).
pub fn new_patient_id(now: Millis) -> PatientId {
    let random = (js_sys::Math::random() * 1000.0) as u64 % 1000;
    (now.max(0) as u64) * 1000 + random
}

/// Writes `ops` in one transaction, started once the change is on screen (see
/// `idb::write_soon`); the error is a sentence for the therapist.
pub fn save(ops: Vec<Op>) -> impl std::future::Future<Output = Result<(), String>> {
    let fut = idb::write_soon(ops);
    async move { fut.await.map_err(|e| idb::explain(&e)) }
}

/// Writes `ops` in one transaction started at once: what start-up and opening a patient
/// write, and wait for, has no frame to wait for (a first start waited a frame for its first
/// patient's record before showing the map).
fn save_now(ops: Vec<Op>) -> impl std::future::Future<Output = Result<(), String>> {
    let fut = save(ops);
    idb::flush();
    fut
}

/// Opens the database and the patient that was open last, carrying format 1 over first.
pub async fn load(now: Millis) -> Loaded {
    // Records sealed by a screen lock's passphrase are read once it has been typed
    // (index.html makes the page wait, src/out/seal.rs unseals).
    if let Ok(unlocked) = js_sys::Reflect::get(&js_sys::global(), &"myomapUnlocked".into())
        .and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>)
    {
        let _ = wasm_bindgen_futures::JsFuture::from(unlocked).await;
    }
    if let Err(e) = idb::open().await {
        let why = match e {
            OpenError::Newer => "Myomap's records on this device were written by a newer version of Myomap. They have been left untouched; update Myomap to open them. Changes made now will not be kept.".to_string(),
            OpenError::Blocked => "Myomap's records are held by another Myomap tab that is being updated. Close the other tabs and reload. Changes made now will not be kept.".to_string(),
            OpenError::Unavailable(why) => format!("Myomap cannot keep your work on this device ({why}). Changes made now will not be kept."),
        };
        return Loaded::scratch(now, Some(why));
    }
    let meta = match idb::get(records::META_KEY).await {
        Ok(m) => m,
        Err(why) => {
            return Loaded::scratch(
                now,
                Some(format!("Myomap could not read its records ({why}). Nothing has been changed; reload to try again. Changes made now will not be kept.")),
            )
        }
    };
    let mut notices: Vec<String> = Vec::new();
    let current = match meta.as_deref().map(records::read_meta) {
        // Sealed records and no passphrase typed (the page did not know of the lock: its flag
        // was lost, e.g. by a crash before it reached the disk): nothing is read or written;
        // with the flag set again, the page starts over and asks for the passphrase.
        Some(Ok(meta)) if meta.sealed && !idb::sealing() => {
            if let Some(w) = web_sys::window() {
                if let Some(s) = w.local_storage().ok().flatten() {
                    let _ = s.set_item("myomap.lock", "sealed");
                    if s.get_item("myomap.lock").ok().flatten().is_some() {
                        let _ = w.location().reload();
                    }
                }
            }
            return Loaded::scratch(
                now,
                Some("Myomap's records on this device are sealed with a passphrase. Reload to unlock them. Changes made now will not be kept.".into()),
            );
        }
        Some(Ok(meta)) => {
            // An older format's records read as they are; the meta record says at once that
            // this format now holds them, so an older Myomap leaves them alone.
            if meta.format < records::FORMAT {
                if let Err(why) = save_now(vec![records::put_meta(&Meta::new(meta.current))]).await {
                    notices.push(format!("Myomap could not mark its records as updated ({why}); they are still readable."));
                }
            }
            meta.current
        }
        Some(Err(MetaError::Newer(v))) => {
            return Loaded::scratch(
                now,
                Some(format!("Myomap's records on this device were written by a newer version of Myomap (format {v}). They have been left untouched; update Myomap to open them. Changes made now will not be kept.")),
            )
        }
        // A damaged meta record only names the last patient: pick one from the list.
        Some(Err(MetaError::Damaged)) => None,
        None => match carry_over(now).await {
            Ok((id, notice)) => {
                notices.extend(notice);
                Some(id)
            }
            Err(shown) => return shown,
        },
    };
    let id = match current {
        Some(id) => Some(id),
        None => list_patients().await.ok().and_then(|all| {
            crate::clinic::patient::listed(&all, "", false)
                .first()
                .map(|p| p.id)
        }),
    };
    let opened = match id {
        Some(id) => open_patient(id).await,
        None => Err(String::new()),
    };
    let (patient, assembled) = match opened {
        Ok(found) => found,
        // No patient at all (or the last one is gone): start a first one.
        Err(_) => match create_first(now).await {
            Ok(p) => (p, Assembled::default()),
            Err(why) => return Loaded::scratch(now, Some(why)),
        },
    };
    notices.extend(assembled.notice());
    let notice = (!notices.is_empty()).then(|| notices.join(" "));
    Loaded {
        patient,
        chart: assembled.chart,
        notice,
        can_save: true,
    }
}

/// Format 1 to format 2: the local-storage chart becomes the first patient, committed and
/// read back before the old key is removed. Returns the patient to open, or (when the
/// database refuses) what to show without saving.
async fn carry_over(now: Millis) -> Result<(PatientId, Option<String>), Loaded> {
    let ls = local().ok();
    let raw = ls.as_ref().and_then(|s| s.get_item(KEY).ok().flatten());
    let scratch = |why: String| Loaded::scratch(now, Some(why));
    let Some(raw) = raw else {
        let p = create_first(now).await.map_err(scratch)?;
        return Ok((p.id, None));
    };
    match schema::decode(&raw) {
        Ok(old) => {
            let (patient, chart) = records::migrate_v1(old, new_patient_id(now), now);
            let mut ops = records::ops_for_all(&patient, &chart);
            ops.push(records::put_meta(&Meta::new(Some(patient.id))));
            if let Err(why) = save_now(ops).await {
                // Shown as it is, not saved: the chart stays where it was, untouched.
                return Err(Loaded {
                    patient,
                    chart,
                    notice: Some(format!("Myomap could not move its chart into its database: {why} The chart is shown but changes are not kept; the saved chart is still where it was, nothing has been lost.")),
                    can_save: false,
                });
            }
            let (back_patient, back) = open_patient(patient.id).await.map_err(scratch)?;
            if back_patient == patient && back.chart == chart && back.damaged.is_empty() {
                if let Some(ls) = ls {
                    let _ = ls.remove_item(KEY);
                }
                Ok((patient.id, Some("Your chart is now kept in Myomap's database as “Patient 1”: rename it under Patients.".into())))
            } else {
                Ok((patient.id, Some("Your chart was copied into Myomap's database as “Patient 1”; the original copy has been kept on this device as well.".into())))
            }
        }
        Err(DecodeError::Newer(v)) => {
            let p = create_first(now).await.map_err(scratch)?;
            Ok((p.id, Some(format!("A chart on this device was written by a newer version of Myomap (format {v}). It has been left untouched; update Myomap to open it."))))
        }
        Err(err) => {
            let aside = format!("{ASIDE_PREFIX}{now}");
            let kept = ls
                .as_ref()
                .is_some_and(|s| s.set_item(&aside, &raw).is_ok());
            if kept {
                // Moved, not copied: it is set aside once, not again at every start.
                if let Some(s) = ls.as_ref() {
                    let _ = s.remove_item(KEY);
                }
            }
            let p = create_first(now).await.map_err(scratch)?;
            Ok((
                p.id,
                Some(if kept {
                    format!("The saved chart could not be read: {err}. It has been kept aside on this device (as “{aside}”) and a new, empty chart has been started.")
                } else {
                    format!("The saved chart could not be read: {err}. It has been left where it was; a new, empty chart has been started.")
                }),
            ))
        }
    }
}

async fn create_first(now: Millis) -> Result<Patient, String> {
    let p = first_patient(new_patient_id(now), now);
    save_now(vec![
        records::put_patient(&p),
        records::put_meta(&Meta::new(Some(p.id))),
    ])
    .await
    .map_err(|why| format!("Myomap cannot keep your work on this device: {why}"))?;
    request_persistence();
    Ok(p)
}

/// A patient and their chart; damaged records are set aside (once) and named.
pub async fn open_patient(id: PatientId) -> Result<(Patient, Assembled), String> {
    let patient = idb::get(&records::patient_key(id))
        .await?
        .as_deref()
        .and_then(records::read_patient)
        .ok_or_else(|| "That patient is no longer on this device.".to_string())?;
    let recs = idb::read_prefix(&records::prefix(id)).await?;
    let assembled = records::assemble(id, &recs);
    if !assembled.damaged.is_empty() {
        let mut ops = Vec::new();
        for (key, _) in &assembled.damaged {
            if let Some((_, raw)) = recs.iter().find(|(k, _)| k == key) {
                ops.push(Op::Put(
                    format!("{}{key}", records::ASIDE_PREFIX),
                    raw.clone(),
                ));
                ops.push(Op::Delete(key.clone()));
            }
        }
        // Not kept aside means left in place: nothing is lost either way.
        let _ = save_now(ops).await;
    }
    Ok((patient, assembled))
}

/// Every patient record on the device (damaged ones are skipped).
pub async fn list_patients() -> Result<Vec<Patient>, String> {
    Ok(idb::read_prefix(records::PATIENTS_PREFIX)
        .await?
        .iter()
        .filter_map(|(_, raw)| records::read_patient(raw))
        .collect())
}

/// Asks the browser to keep Myomap's storage under pressure (`navigator.storage.persist()`).
pub fn request_persistence() {
    if let Some(sm) = storage_manager() {
        if let Ok(p) = sm.persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    // Missing in insecure contexts and some embedded browsers.
    js_sys::Reflect::has(&nav, &"storage".into())
        .ok()?
        .then(|| nav.storage())
}

/// How much the device lets Myomap keep: (bytes used, quota, persistent).
pub async fn storage_report() -> Option<(f64, f64, bool)> {
    use wasm_bindgen_futures::JsFuture;
    let sm = storage_manager()?;
    let est = JsFuture::from(sm.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&est, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let persisted = JsFuture::from(sm.persisted().ok()?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Some((get("usage"), get("quota"), persisted))
}
