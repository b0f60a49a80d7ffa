//! Texts kept out of the first load, as data files of this site: the patient view's texts (one
//! file per language) and the clinical texts of the referral tables (`clinic-en.json`: where
//! each pattern refers, the names of the typical sites). They are fetched after start-up or
//! when first needed, parsed by the browser and read by key. Where they are not there yet
//! (or could not be read), the screen simply goes without them.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The value at a dotted path of a parsed text file (`undefined` where there is none).
pub fn at(texts: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(texts.clone(), |o, k| {
        js_sys::Reflect::get(&o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

pub fn text(texts: &JsValue, path: &str) -> String {
    at(texts, path).as_string().unwrap_or_default()
}

pub fn items(v: &JsValue) -> Vec<JsValue> {
    if js_sys::Array::is_array(v) {
        js_sys::Array::from(v).iter().collect()
    } else {
        Vec::new()
    }
}

pub fn strings(texts: &JsValue, path: &str) -> Vec<String> {
    items(&at(texts, path))
        .into_iter()
        .filter_map(|s| s.as_string())
        .collect()
}

/// Fetches a texts file of this site and parses it (in the browser: no decoding code here).
pub async fn fetch_json(url: &str) -> Result<JsValue, JsValue> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response = JsFuture::from(window.fetch_with_str(url)).await?;
    if js_sys::Reflect::get(&response, &"ok".into())?.as_bool() != Some(true) {
        return Err(JsValue::NULL);
    }
    let json: js_sys::Function = js_sys::Reflect::get(&response, &"json".into())?.dyn_into()?;
    JsFuture::from(json.call0(&response)?.dyn_into::<js_sys::Promise>()?).await
}

thread_local! {
    static CLINIC: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Adds a stylesheet of this site to the page (after start-up: not part of the first load).
/// Once it has loaded, the page says so: `<html data-styles="all">`.
fn add_stylesheet(href: &str) {
    let doc = document();
    if let (Ok(link), Ok(Some(head))) = (doc.create_element("link"), doc.query_selector("head")) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let loaded = wasm_bindgen::closure::Closure::once_into_js(|| {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-styles", "all");
            }
        });
        let _ = link.add_event_listener_with_callback("load", loaded.unchecked_ref());
        let _ = head.append_child(&link);
    }
}

/// Loads the clinical texts once (`rev` is bumped when they arrive), then the styles no first
/// screen needs (`later.css`). In that order, `<html data-styles="all">` says that both are
/// in: the texts lengthen the record panel, so nothing moves under a finger after that.
pub fn load_clinic(rev: RwSignal<u32>) {
    leptos::task::spawn_local(async move {
        if let Ok(v) = fetch_json("clinic-en.json").await {
            CLINIC.with_borrow_mut(|c| *c = Some(v));
            rev.update(|n| *n += 1);
        }
        add_stylesheet("later.css");
    });
}

fn clinic<R>(rev: RwSignal<u32>, f: impl FnOnce(&JsValue) -> R) -> Option<R> {
    rev.track();
    CLINIC.with_borrow(|c| c.as_ref().map(f))
}

/// Where a muscle's trigger points refer pain, in a clinician's words.
pub fn refers(rev: RwSignal<u32>, muscle: &str) -> Option<String> {
    clinic(rev, |t| text(t, &format!("refers.{muscle}"))).filter(|s| !s.is_empty())
}

/// The names of a muscle's typical trigger-point sites.
pub fn sites(rev: RwSignal<u32>, muscle: &str) -> Vec<String> {
    clinic(rev, |t| strings(t, &format!("sites.{muscle}"))).unwrap_or_default()
}

/// A muscle's needling cautions, in the order of `referral::cautions_for`: what lies there and
/// what to do.
pub fn caution(rev: RwSignal<u32>, muscle: &str, i: usize) -> Option<(String, String)> {
    clinic(rev, |t| {
        let c = items(&at(t, &format!("cautions.{muscle}")))
            .into_iter()
            .nth(i)?;
        Some((text(&c, "reason"), text(&c, "guidance")))
    })
    .flatten()
}

/// Runs an action of the record out (report, progress, take-home sheet, clinic details): a
/// module of its own, fetched the first time (index.html's `myomapLater`). It gets the patient
/// and their whole chart as JSON, the visit (`None`: today's), and the patient's language.
/// What goes wrong is said in the message line.
pub fn later(state: &super::state::AppState, action: &str, visit: Option<i64>, lang: &str) {
    let input = state.patient.with_untracked(|p| {
        state.live_chart(|c| {
            format!(
                "{{\"patient\":{},\"chart\":{},\"visit\":{},\"lang\":\"{lang}\",\"now\":{},\"offset\":{}}}",
                serde_json::to_string(p).unwrap_or_default(),
                serde_json::to_string(c).unwrap_or_default(),
                visit.map_or("null".into(), |v| v.to_string()),
                state.now.get_untracked(),
                -(js_sys::Date::new_0().get_timezone_offset() as i64)
            )
        })
    });
    // The record out reads the database itself: every change asked for is written first.
    crate::store::idb::flush();
    let window = window();
    let run = js_sys::Reflect::get(&window, &"myomapLater".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call2(&window, &action.into(), &input.into()).ok());
    let message = state.message;
    leptos::task::spawn_local(async move {
        let done = match run {
            Some(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
                .await
                .map(|_| ()),
            None => Err(JsValue::NULL),
        };
        if let Err(e) = done {
            message.set(Some(e.as_string().unwrap_or_else(|| {
                "This part of Myomap could not be opened: reload the page and try again.".into()
            })));
        }
    });
}
