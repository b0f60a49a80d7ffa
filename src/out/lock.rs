//! The screen lock in the browser: the lock screen, the idle watch, unlocking (with a growing
//! wait after wrong tries) and the lock's settings. While locked, `<html data-locked>` hides
//! every name and record (style/main.css, so it holds from the first frame after a reload);
//! the timer dock and the alarm stay, and "Needle out" works.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use wasm_bindgen::JsValue;
use web_sys::CryptoKey;

use super::dom::{self, document, el};
use super::ready;
use super::{board, crypto, seal};
use crate::record::backup as rules;
use crate::record::lock::{self, Lock};
use crate::store::{idb, records::Op};

thread_local! {
    static KEPT: RefCell<Option<Lock>> = const { RefCell::new(None) };
    static LAST_TOUCH: Cell<f64> = const { Cell::new(0.0) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

fn root() -> web_sys::Element {
    document().document_element().expect("a root")
}

fn storage() -> Option<web_sys::Storage> {
    dom::window().local_storage().ok().flatten()
}

fn locked() -> bool {
    root().has_attribute("data-locked")
}

async fn kept() -> Option<Lock> {
    ready().await.ok()?;
    let lock = Lock::read(idb::get(lock::LOCK_KEY).await.ok().flatten().as_deref());
    KEPT.with_borrow_mut(|k| k.clone_from(&lock));
    lock
}

/// Marks the page: a lock is set (the "Lock" button shows) or not.
fn flag(set: bool) {
    let r = root();
    if let Some(s) = storage() {
        let _ = if set {
            s.set_item(lock::FLAG, "sealed")
        } else {
            s.remove_item(lock::FLAG)
        };
    }
    let _ = r.toggle_attribute_with_force("data-lock-set", set);
    if !set {
        let _ = r.remove_attribute("data-locked");
        if let Some(s) = document().get_element_by_id("lock-screen") {
            s.remove();
        }
    }
}

/// The page started with a lock set: it is locked until the passphrase is typed.
pub async fn start() -> Result<String, String> {
    match kept().await {
        None => {
            flag(false);
            resume();
        }
        Some(_) => {
            watch();
            engage();
        }
    }
    Ok(String::new())
}

/// The key in use and its salt, when a screen lock is set and was opened in this page.
pub async fn key_and_salt() -> Option<(CryptoKey, Vec<u8>)> {
    let key = seal::key()?;
    let lock = kept().await?;
    let sealed: rules::Sealed = serde_json::from_str(&lock.sealed).ok()?;
    Some((key, sealed.parts().ok()?.0))
}

/// Lets a page that started locked read its records (index.html's `myomapUnlocked`).
fn resume() {
    if let Ok(go) = js_sys::Reflect::get(&js_sys::global(), &"myomapUnlock".into()) {
        if let Some(f) = go.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}

/// "Lock".
pub async fn lock_now() -> Result<String, String> {
    if kept().await.is_none() {
        flag(false);
        return Err("No passphrase is set: set one in Patients, “Screen lock”.".into());
    }
    watch();
    engage();
    Ok(String::new())
}

/// Locks the screen now.
fn engage() {
    let r = root();
    let _ = r.set_attribute("data-locked", "");
    // Open dialogs of the record out close; the report screen is hidden by the lock's styles.
    for id in ["clinic-dialog", "backup-dialog", "lock-dialog"] {
        dom::close_dialog(id);
    }
    if let Some(active) = document().active_element() {
        if let Ok(h) = active.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.blur();
        }
    }
    // After a reload the app has not added its later styles yet: the lock screen's are there.
    if let (Ok(None), Ok(Some(head))) = (
        document().query_selector("link[href=\"later.css\"]"),
        document().query_selector("head"),
    ) {
        let link = el("link");
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "later.css");
        let _ = head.append_child(&link);
    }
    let screen = match document().get_element_by_id("lock-screen") {
        Some(s) => s,
        None => {
            let s = el("section");
            s.set_id("lock-screen");
            let _ = s.set_attribute("aria-labelledby", "lock-title");
            s.set_inner_html(concat!(
                "<h2 id=\"lock-title\">Myomap is locked</h2>",
                "<p>Names and records are hidden. Needle timers keep running and stay on screen.</p>",
                "<form class=\"lk-form\"><label class=\"field\"><span>Passphrase</span><input class=\"text-input\" type=\"password\" name=\"unlock\" autocomplete=\"current-password\"></label>",
                "<button class=\"btn btn-primary\" data-act=\"unlock\">Unlock</button></form>",
                "<p class=\"lk-msg\" role=\"alert\"></p>"
            ));
            dom::on(&s, "submit", |ev| {
                ev.prevent_default();
                wasm_bindgen_futures::spawn_local(unlock());
            });
            // Over the hidden map, below any alarm: in the workspace when there is one.
            // (Not the start-up screen's copy of it, which goes once the app has started.)
            let workspace = document()
                .query_selector_all(".workspace")
                .ok()
                .and_then(|all| {
                    (0..all.length())
                        .filter_map(|i| all.get(i))
                        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                        .find(|e| e.closest("#boot").ok().flatten().is_none())
                });
            match workspace {
                Some(w) => {
                    let _ = w.append_child(&s);
                }
                None => {
                    let _ = dom::body().append_child(&s);
                }
            }
            s
        }
    };
    // After a reload the records are sealed until the passphrase is typed and the app has no
    // timers to show: the needle board shows them.
    if seal::key().is_none() && screen.query_selector(".lk-board").ok().flatten().is_none() {
        wasm_bindgen_futures::spawn_local(board::show(screen.clone()));
    }
    if let Ok(Some(i)) = screen.query_selector("input") {
        if let Some(i) = i.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value("");
        }
    }
    say_wait();
}

pub(super) fn message(text: &str) {
    if let Some(Ok(Some(m))) = document()
        .get_element_by_id("lock-screen")
        .map(|s| s.query_selector(".lk-msg"))
    {
        m.set_text_content(Some(text));
    }
}

fn waiting() -> (u32, i64) {
    lock::read_wait(
        storage()
            .and_then(|s| s.get_item(lock::WAIT_KEY).ok().flatten())
            .as_deref(),
    )
}

/// Says how long until the next try, while there is a wait.
fn say_wait() {
    let (_, until) = waiting();
    let left = until - js_sys::Date::now() as i64;
    if left > 0 {
        message(&format!(
            "That is not the passphrase. Try again in {} s.",
            (left + 999) / 1000
        ));
    }
}

async fn unlock() {
    let Some(lock) = KEPT.with_borrow(|k| k.clone()) else {
        flag(false);
        return;
    };
    let (fails, until) = waiting();
    if (js_sys::Date::now() as i64) < until {
        return say_wait();
    }
    let typed = document()
        .get_element_by_id("lock-screen")
        .and_then(|s| s.query_selector("input").ok().flatten())
        .and_then(|i| dom::value(&i))
        .unwrap_or_default();
    message("Checking…");
    if let Some(key) = open_lock(&lock, &typed).await {
        if let Some(s) = storage() {
            let _ = s.remove_item(lock::WAIT_KEY);
        }
        message("");
        LAST_TOUCH.set(js_sys::Date::now());
        // After a reload the records are still sealed and the page waits for them: from now
        // on they are read and written through the key.
        if seal::key().is_none() {
            seal::install(key);
        }
        // Needles taken out on the board go into their visits before the app reads them.
        if let Err(why) = board::finish().await {
            message(&format!("The needles taken out while locked could not be written ({why}). Tap Unlock to try again."));
            return;
        }
        resume();
        let _ = root().remove_attribute("data-locked");
    } else {
        let fails = fails + 1;
        let until = js_sys::Date::now() as i64 + lock::wait_after(fails);
        if let Some(s) = storage() {
            let _ = s.set_item(lock::WAIT_KEY, &format!("{fails}:{until}"));
        }
        if lock::wait_after(fails) > 0 {
            say_wait();
        } else {
            message("That is not the passphrase. Try again.");
        }
    }
}

/// Watches for touches; locks after the set idle time without one.
fn watch() {
    if WATCHING.replace(true) {
        return;
    }
    LAST_TOUCH.set(js_sys::Date::now());
    let doc = document();
    for event in ["pointerdown", "keydown"] {
        let cb =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| LAST_TOUCH.set(js_sys::Date::now()));
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            cb.as_ref().unchecked_ref(),
            &options,
        );
        cb.forget();
    }
    gloo_timers::callback::Interval::new(5_000, || {
        let idle = KEPT.with_borrow(|k| k.as_ref().map(|l| l.idle_min));
        if let Some(min) = idle {
            if !locked() && js_sys::Date::now() - LAST_TOUCH.get() >= f64::from(min) * 60_000.0 {
                engage();
            }
        }
    })
    .forget();
}

fn field(d: &web_sys::Element, name: &str) -> String {
    d.query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| dom::value(&e))
        .unwrap_or_default()
}

fn dialog_say(d: &web_sys::Element, error: bool, text: &str) {
    let (this, other) = if error {
        (".form-error", ".lk-done")
    } else {
        (".lk-done", ".form-error")
    };
    for (sel, t) in [(this, text), (other, "")] {
        if let Ok(Some(e)) = d.query_selector(sel) {
            e.set_text_content(Some(t));
        }
    }
}

/// The lock's settings: set, change or remove the passphrase, and the idle time.
pub async fn settings() -> Result<String, String> {
    let current = kept().await;
    let d = match document().get_element_by_id("lock-dialog") {
        Some(d) => d,
        None => {
            let d = el("dialog");
            d.set_id("lock-dialog");
            d.set_class_name("clinic-dialog backup-dialog");
            let _ = d.set_attribute("aria-labelledby", "lock-dialog-title");
            dom::on(&d, "click", |ev| {
                let Some((act, _)) = dom::acting(&ev) else {
                    return;
                };
                match act.as_str() {
                    "close" => dom::close_dialog("lock-dialog"),
                    "set" | "change" | "remove" | "idle" => {
                        wasm_bindgen_futures::spawn_local(apply(act))
                    }
                    "lock" => {
                        dom::close_dialog("lock-dialog");
                        watch();
                        engage();
                    }
                    "backup" => {
                        dom::close_dialog("lock-dialog");
                        wasm_bindgen_futures::spawn_local(async {
                            let _ = super::backup::open_dialog().await;
                        });
                    }
                    _ => {}
                }
            });
            dom::on(&d, "input", |ev| {
                let Some(t) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                if t.get_attribute("name").as_deref() == Some("new") {
                    let p = dom::value(&t).unwrap_or_default();
                    if let Some(d) = document().get_element_by_id("lock-dialog") {
                        if let Ok(Some(h)) = d.query_selector(".bk-hint") {
                            h.set_text_content(Some(&if p.is_empty() {
                                String::new()
                            } else {
                                format!("Strength: {}.", rules::strength(&p))
                            }));
                        }
                    }
                }
            });
            let _ = dom::body().append_child(&d);
            d
        }
    };
    let idle = current.as_ref().map_or(lock::IDLE_DEFAULT, |l| l.idle_min);
    let options: String = lock::IDLE_CHOICES
        .iter()
        .map(|m| {
            format!(
                "<option value=\"{m}\"{}>{m} min</option>",
                if *m == idle { " selected" } else { "" }
            )
        })
        .collect();
    let pass = |name: &str, label: &str, auto: &str| {
        format!("<label class=\"field\"><span>{label}</span><input class=\"text-input\" type=\"password\" name=\"{name}\" autocomplete=\"{auto}\"></label>")
    };
    let idle_field = format!(
        "<label class=\"field\"><span>Lock after this long without a touch</span><select class=\"text-input\" name=\"idle\">{options}</select></label>"
    );
    let body = match current {
        None => format!(
            "<p>A passphrase locks Myomap when you tap “Lock” or leave the tablet untouched: names and records are hidden until it is typed. Needle timers and alarms stay on screen, and “Needle out” works.</p>{}{}<p class=\"bk-hint muted\" aria-live=\"polite\"></p>{idle_field}<p><b>A forgotten passphrase cannot be recovered.</b> Keep a backup of the records (“Backup and restore”).</p><div class=\"form-row\"><button class=\"btn btn-primary\" data-act=\"set\">Set passphrase</button></div>",
            pass("new", &format!("New passphrase (at least {} characters)", rules::PASSPHRASE_MIN), "new-password"),
            pass("new2", "New passphrase again", "new-password"),
        ),
        Some(_) => format!(
            "<p>A passphrase is set. Myomap locks when you tap “Lock” or after the time below without a touch.</p>{idle_field}<div class=\"form-row\"><button class=\"btn\" data-act=\"idle\">Save lock time</button><button class=\"btn btn-primary\" data-act=\"lock\">Lock now</button></div><h3 class=\"q-heading\">Change or remove the passphrase</h3>{}{}{}<p class=\"bk-hint muted\" aria-live=\"polite\"></p><div class=\"form-row\"><button class=\"btn\" data-act=\"change\">Change passphrase</button><button class=\"btn btn-stop\" data-act=\"remove\">Remove passphrase</button></div>",
            pass("old", "Current passphrase", "current-password"),
            pass("new", &format!("New passphrase (at least {} characters)", rules::PASSPHRASE_MIN), "new-password"),
            pass("new2", "New passphrase again", "new-password"),
        ),
    };
    d.set_inner_html(&format!(
        "<h2 id=\"lock-dialog-title\">Screen lock</h2>{body}<p class=\"form-error\" role=\"alert\"></p><p class=\"lk-done bk-done\" role=\"status\"></p><div class=\"dialog-actions\"><button class=\"btn\" data-act=\"backup\">Backup and restore</button><button class=\"btn\" data-act=\"close\">Close</button></div>"
    ));
    dom::show_modal(&d);
    Ok(String::new())
}

/// A new lock for this passphrase, and the key it gives (a fresh salt).
async fn new_lock(passphrase: &str, idle_min: u32) -> Result<(Lock, CryptoKey), String> {
    let fail = |_| "The passphrase could not be set.".to_string();
    let salt = crypto::random(16)?;
    let iv = crypto::random(12)?;
    let key = crypto::key(passphrase, &salt, rules::ITERATIONS)
        .await
        .map_err(fail)?;
    let data = crypto::encrypt(&key, &iv, lock::VERIFIER.as_bytes())
        .await
        .map_err(fail)?;
    let sealed = rules::Sealed::new(&salt, &iv, &data);
    Ok((
        Lock {
            sealed: serde_json::to_string(&sealed).unwrap_or_default(),
            idle_min,
        },
        key,
    ))
}

/// The key, if the passphrase opens the lock.
async fn open_lock(lock: &Lock, passphrase: &str) -> Option<CryptoKey> {
    let sealed: rules::Sealed = serde_json::from_str(&lock.sealed).ok()?;
    let (salt, iv, data) = sealed.parts().ok()?;
    let key = crypto::key(passphrase, &salt, sealed.iterations)
        .await
        .ok()?;
    let plain = crypto::decrypt(&key, &iv, &data).await.ok()?;
    (plain == lock::VERIFIER.as_bytes()).then_some(key)
}

fn lock_op(lock: Option<&Lock>) -> Op {
    match lock {
        Some(l) => Op::Put(
            lock::LOCK_KEY.into(),
            serde_json::to_string(l).unwrap_or_default(),
        ),
        None => Op::Delete(lock::LOCK_KEY.into()),
    }
}

fn kept_now(lock: Option<Lock>) {
    let set = lock.is_some();
    KEPT.with_borrow_mut(|k| *k = lock);
    flag(set);
}

async fn apply(act: String) {
    let Some(d) = document().get_element_by_id("lock-dialog") else {
        return;
    };
    let idle = field(&d, "idle").parse().unwrap_or(lock::IDLE_DEFAULT);
    let (new, new2, old) = (field(&d, "new"), field(&d, "new2"), field(&d, "old"));
    let current = KEPT.with_borrow(|k| k.clone());
    let new_ok = || {
        if new.chars().count() < rules::PASSPHRASE_MIN {
            Err(format!(
                "The passphrase needs at least {} characters.",
                rules::PASSPHRASE_MIN
            ))
        } else if new != new2 {
            Err("The two passphrases differ: type the same one twice.".to_string())
        } else {
            Ok(())
        }
    };
    let result: Result<&str, String> = async {
        match (act.as_str(), current) {
            ("set", None) => {
                new_ok()?;
                dialog_say(&d, false, "Setting the passphrase and sealing the records…");
                let (l, key) = new_lock(&new, idle).await?;
                seal::rekey(None, Some(key), vec![lock_op(Some(&l))]).await?;
                kept_now(Some(l));
                watch();
                Ok("Passphrase set: the records on this tablet are now encrypted, and Myomap locks by “Lock” and when left alone. Make a backup now: a forgotten passphrase cannot be recovered, and without it the records cannot be read.")
            }
            ("idle", Some(l)) => {
                let l = Lock { idle_min: idle, ..l };
                idb::write(&[lock_op(Some(&l))])
                    .await
                    .map_err(|e| idb::explain(&e))?;
                kept_now(Some(l));
                Ok("Lock time saved.")
            }
            ("change", Some(l)) => {
                let Some(old_key) = open_lock(&l, &old).await else {
                    return Err("The current passphrase is not right. Check it and try again.".into());
                };
                new_ok()?;
                dialog_say(&d, false, "Changing the passphrase and sealing the records again…");
                let (next, key) = new_lock(&new, l.idle_min).await?;
                seal::rekey(Some(old_key), Some(key), vec![lock_op(Some(&next))]).await?;
                kept_now(Some(next));
                Ok("Passphrase changed: the records are sealed with the new one.")
            }
            ("remove", Some(l)) => {
                let Some(old_key) = open_lock(&l, &old).await else {
                    return Err("The current passphrase is not right. Check it and try again.".into());
                };
                seal::rekey(Some(old_key), None, vec![lock_op(None)]).await?;
                kept_now(None);
                Ok("Passphrase removed: the records are no longer encrypted and Myomap no longer locks.")
            }
            _ => Err("Close this and open “Screen lock” again.".into()),
        }
    }
    .await;
    match result {
        Ok(text) => {
            let _ = settings().await;
            if let Some(d) = document().get_element_by_id("lock-dialog") {
                dialog_say(&d, false, text);
            }
        }
        Err(e) => dialog_say(&d, true, &e),
    }
}
