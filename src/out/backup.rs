//! "Backup and restore": every patient of this device in one file (sealed with a passphrase,
//! or plain after a clear warning), and a backup taken back in, checked whole before anything
//! is written and merged by the rules of `record::backup`.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use super::crypto;
use super::dom::{self, document, el};
use super::ready;
use crate::clinic::chart::Chart;
use crate::clinic::patient::Patient;
use crate::record::backup::{self as rules, Entry, ImportError, Opened, Sealed};
use crate::record::{self, Clinic};
use crate::store::{export, idb, records};

const ID: &str = "backup-dialog";
const DAY: i64 = 86_400_000;

thread_local! {
    /// A sealed backup picked for import, waiting for its passphrase.
    static PENDING: RefCell<Option<Sealed>> = const { RefCell::new(None) };
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

fn offset() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

fn find(sel: &str) -> Option<web_sys::Element> {
    document()
        .get_element_by_id(ID)?
        .query_selector(sel)
        .ok()
        .flatten()
}

fn set_text(sel: &str, text: &str) {
    if let Some(e) = find(sel) {
        e.set_text_content(Some(text));
    }
}

fn show(sel: &str, on: bool) {
    if let Some(e) = find(sel) {
        let _ = if on {
            e.remove_attribute("hidden")
        } else {
            e.set_attribute("hidden", "")
        };
    }
}

fn field(name: &str) -> String {
    find(&format!("input[name=\"{name}\"]"))
        .and_then(|e| dom::value(&e))
        .unwrap_or_default()
}

fn error(text: &str) {
    set_text(".form-error", text);
    if !text.is_empty() {
        set_text(".bk-done", "");
    }
}

fn done(text: &str) {
    error("");
    set_text(".bk-done", text);
}

/// The last backup, said plainly, with a reminder once a week has gone by.
fn last_line(at: Option<i64>) -> String {
    match at {
        None => {
            "No backup made on this device yet. Make one now, then at least once a week.".into()
        }
        Some(at) => {
            let days = (now() - at).div_euclid(DAY);
            let when = format!(
                "Last backup: {} ({}).",
                record::day(at, offset()),
                match days {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    d => format!("{d} days ago"),
                }
            );
            if days >= rules::DUE_AFTER_DAYS {
                format!("{when} A backup is due: make one at least once a week.")
            } else {
                when
            }
        }
    }
}

/// Mirrors the last backup's date where the page reads it at start-up, and says at once
/// whether one is due (a week without).
fn mirror(last: Option<i64>) {
    if let (Some(at), Ok(Some(s))) = (last, dom::window().local_storage()) {
        let _ = s.set_item(rules::LAST_BACKUP_FLAG, &at.to_string());
    }
    if let Some(root) = document().document_element() {
        let due = last.is_none_or(|t| now() - t >= rules::DUE_AFTER_DAYS * DAY);
        let _ = root.toggle_attribute_with_force("data-backup-due", due);
    }
}

pub async fn open_dialog() -> Result<String, String> {
    ready().await?;
    let last = idb::get(rules::LAST_BACKUP_KEY)
        .await
        .ok()
        .flatten()
        .and_then(|t| t.parse::<i64>().ok());
    mirror(last);
    let d = match document().get_element_by_id(ID) {
        Some(d) => d,
        None => {
            let d = el("dialog");
            d.set_id(ID);
            d.set_class_name("clinic-dialog backup-dialog");
            let _ = d.set_attribute("aria-labelledby", "backup-title");
            dom::on(&d, "click", |ev| {
                let Some((act, _)) = dom::acting(&ev) else {
                    return;
                };
                match act.as_str() {
                    // After an import the page reloads, so that it shows what was added.
                    "close" if find(".bk-reload").is_some_and(|b| !b.has_attribute("hidden")) => {
                        let _ = dom::window().location().reload();
                    }
                    "close" => dom::close_dialog(ID),
                    "export" => wasm_bindgen_futures::spawn_local(export_backup(true)),
                    "plain" => show(".bk-warn", true),
                    "plain-yes" => wasm_bindgen_futures::spawn_local(export_backup(false)),
                    "pick" => {
                        if let Some(input) = find("input[name=\"file\"]") {
                            if let Some(i) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                                i.set_value("");
                                i.click();
                            }
                        }
                    }
                    "unseal" => wasm_bindgen_futures::spawn_local(unseal()),
                    "reload" => {
                        let _ = dom::window().location().reload();
                    }
                    _ => {}
                }
            });
            dom::on(&d, "input", |ev| {
                let name = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.get_attribute("name"));
                if name.as_deref() == Some("pass") {
                    let p = field("pass");
                    set_text(
                        ".bk-hint",
                        &if p.is_empty() {
                            String::new()
                        } else {
                            format!("Strength: {}.", rules::strength(&p))
                        },
                    );
                }
            });
            dom::on(&d, "change", |ev| {
                let input = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                    wasm_bindgen_futures::spawn_local(import_file(file));
                }
            });
            let _ = dom::body().append_child(&d);
            d
        }
    };
    PENDING.with_borrow_mut(|p| *p = None);
    d.set_inner_html(&format!(
        concat!(
            "<h2 id=\"backup-title\">Backup and restore</h2>",
            "<p class=\"bk-last\" data-last-backup=\"{}\">{}</p>",
            "<h3 class=\"q-heading\">Export backup</h3>",
            "<p>One file with every patient and visit on this device: keep it safe, or import it on a new tablet.</p>",
            "<p class=\"bk-lockkey\">With the screen lock set, leave these empty and the backup is sealed with the screen lock's passphrase; or type another one.</p>",
            "<label class=\"field\"><span>Passphrase (at least {} characters)</span><input class=\"text-input\" type=\"password\" name=\"pass\" autocomplete=\"new-password\"></label>",
            "<label class=\"field\"><span>Passphrase again</span><input class=\"text-input\" type=\"password\" name=\"pass2\" autocomplete=\"new-password\"></label>",
            "<p class=\"bk-hint muted\" aria-live=\"polite\"></p>",
            "<p class=\"muted\">A forgotten passphrase cannot be recovered, and without it the backup cannot be opened: keep it somewhere safe, apart from the file.</p>",
            "<div class=\"form-row\"><button class=\"btn btn-primary\" data-act=\"export\">Export backup</button><button class=\"btn\" data-act=\"plain\">Export without a passphrase…</button></div>",
            "<div class=\"bk-warn\" hidden><p><b>Without a passphrase, anyone who gets this file can read every patient's records.</b> Keep it only where patient records may be kept.</p><button class=\"btn btn-stop\" data-act=\"plain-yes\">Export unprotected backup</button></div>",
            "<h3 class=\"q-heading\">Import backup</h3>",
            "<p>Adds the patients and visits of a backup to this device. The whole file is checked first; nothing here is overwritten by anything older.</p>",
            "<input type=\"file\" name=\"file\" accept=\".json,application/json\" hidden aria-label=\"Backup file\">",
            "<div class=\"form-row\"><button class=\"btn\" data-act=\"pick\">Import backup</button></div>",
            "<div class=\"bk-unseal\" hidden><label class=\"field\"><span>This backup's passphrase</span><input class=\"text-input\" type=\"password\" name=\"open-pass\" autocomplete=\"off\"></label><button class=\"btn btn-primary\" data-act=\"unseal\">Open backup</button></div>",
            "<p class=\"form-error\" role=\"alert\"></p><p class=\"bk-done\" role=\"status\"></p>",
            "<div class=\"dialog-actions\"><button class=\"btn bk-reload\" data-act=\"reload\" hidden>Reload Myomap</button><button class=\"btn\" data-act=\"close\">Close</button></div>"
        ),
        last.map_or("never".to_string(), |t| t.to_string()),
        record::esc(&last_line(last)),
        rules::PASSPHRASE_MIN
    ));
    dom::show_modal(&d);
    Ok(String::new())
}

/// Every patient of this device with their whole chart, and how many records did not read.
async fn everyone() -> Result<(Vec<(Patient, Chart)>, usize), String> {
    let all = idb::read_prefix("")
        .await
        .map_err(|e| format!("Myomap's records could not be read ({e})."))?;
    let mut out = Vec::new();
    let mut unread = all
        .iter()
        .filter(|(k, _)| k.starts_with(records::ASIDE_PREFIX))
        .count();
    for (key, raw) in &all {
        if !key.starts_with(records::PATIENTS_PREFIX) {
            continue;
        }
        let Some(p) = records::read_patient(raw) else {
            unread += 1;
            continue;
        };
        let assembled = records::assemble(p.id, &all);
        unread += assembled.damaged.len();
        out.push((p, assembled.chart));
    }
    Ok((out, unread))
}

async fn clinic_here() -> Clinic {
    Clinic::read(idb::get(record::CLINIC_KEY).await.ok().flatten().as_deref())
}

async fn export_backup(sealed: bool) {
    let (pass, again) = (field("pass"), field("pass2"));
    // With a screen lock set and no other passphrase typed, the backup is sealed with the
    // lock's own key (its salt goes in the file: the same passphrase opens it anywhere).
    let lock_key = if sealed && pass.is_empty() && again.is_empty() {
        super::lock::key_and_salt().await
    } else {
        None
    };
    if sealed && lock_key.is_none() {
        if pass.chars().count() < rules::PASSPHRASE_MIN {
            return error(&format!(
                "The passphrase needs at least {} characters.",
                rules::PASSPHRASE_MIN
            ));
        }
        if pass != again {
            return error("The two passphrases differ: type the same one twice.");
        }
    }
    if let Err(e) = ready().await {
        return error(&e);
    }
    let (patients, unread) = match everyone().await {
        Ok(p) => p,
        Err(e) => return error(&e),
    };
    let visits: usize = patients.iter().map(|(_, c)| c.visits.len()).sum();
    let count = patients.len();
    let at = now();
    let text = rules::backup_json(
        patients
            .into_iter()
            .map(|(patient, chart)| Entry { patient, chart })
            .collect(),
        Some(clinic_here().await),
        at,
    );
    let text = if sealed {
        done("Encrypting…");
        let made = match lock_key {
            Some((key, salt)) => crypto::seal_with(&key, &salt, &text).await,
            None => crypto::seal(&pass, &text).await,
        };
        match made {
            Ok(s) => serde_json::to_string(&s).unwrap_or_default(),
            Err(e) => return error(&e),
        }
    } else {
        text
    };
    let name = format!(
        "myomap-backup-{}{}.json",
        export::date_time(at, offset()).0,
        if sealed { "" } else { "-unprotected" }
    );
    if let Err(e) = dom::download_text(&name, &text, "application/json") {
        return error(&e);
    }
    let _ = idb::write(&[records::Op::Put(
        rules::LAST_BACKUP_KEY.into(),
        at.to_string(),
    )])
    .await;
    mirror(Some(at));
    if let Some(p) = find(".bk-last") {
        let _ = p.set_attribute("data-last-backup", &at.to_string());
        p.set_text_content(Some(&last_line(Some(at))));
    }
    show(".bk-warn", false);
    done(&format!(
        "Saved “{name}”: {count} patient{}, {visits} visit{}{}.{}",
        if count == 1 { "" } else { "s" },
        if visits == 1 { "" } else { "s" },
        if sealed {
            ", sealed with the passphrase"
        } else {
            ", not protected"
        },
        if unread > 0 {
            format!(" {unread} damaged record(s) kept aside on this device are not in it.")
        } else {
            String::new()
        }
    ));
}

async fn import_file(file: web_sys::File) {
    show(".bk-unseal", false);
    PENDING.with_borrow_mut(|p| *p = None);
    if file.size() > rules::MAX_BYTES {
        return error(&ImportError::TooLarge(file.size()).to_string());
    }
    done("Reading the backup…");
    let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
        Ok(t) => t.as_string().unwrap_or_default(),
        Err(_) => return error(&ImportError::Truncated.to_string()),
    };
    match rules::open(&text) {
        Err(e) => error(&e.to_string()),
        Ok(Opened::Plain(b)) => take(b).await,
        Ok(Opened::Sealed(s)) => {
            PENDING.with_borrow_mut(|p| *p = Some(s));
            done("This backup is sealed with a passphrase: type it to open the backup.");
            show(".bk-unseal", true);
            if let Some(i) = find("input[name=\"open-pass\"]") {
                let _ = js_sys::Reflect::get(&i, &"focus".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .map(|f| f.call0(&i));
            }
        }
    }
}

async fn unseal() {
    let Some(sealed) = PENDING.with_borrow(|p| p.clone()) else {
        return;
    };
    done("Opening…");
    match crypto::unseal(&field("open-pass"), &sealed).await {
        Err(e) => error(&e.to_string()),
        Ok(text) => match rules::open_unsealed(&text) {
            Err(e) => error(&e.to_string()),
            Ok(b) => {
                PENDING.with_borrow_mut(|p| *p = None);
                show(".bk-unseal", false);
                take(b).await
            }
        },
    }
}

/// Merges a checked backup into this device, in one transaction.
async fn take(b: rules::Backup) {
    if let Err(e) = ready().await {
        return error(&e);
    }
    let (here, _) = match everyone().await {
        Ok(p) => p,
        Err(e) => return error(&e),
    };
    let mut merged = match rules::merge(&here, &b) {
        Ok(m) => m,
        Err(e) => return error(&e.to_string()),
    };
    if let Some(c) = b.clinic.filter(|c| *c != Clinic::default()) {
        if clinic_here().await == Clinic::default() {
            merged.ops.push(records::Op::Put(
                record::CLINIC_KEY.into(),
                serde_json::to_string(&c.tidy()).unwrap_or_default(),
            ));
        }
    }
    if merged.ops.is_empty() {
        return done(&merged.summary());
    }
    match idb::write(&merged.ops).await {
        Ok(()) => {
            done(&format!("{} Reload Myomap to see them.", merged.summary()));
            show(".bk-reload", true);
        }
        Err(e) => error(&format!(
            "The backup could not be written ({}). Nothing on this device was changed.",
            idb::explain(&e)
        )),
    }
}
