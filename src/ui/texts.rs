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
pub fn add_stylesheet(href: &str) {
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

/// Loads the clinical texts once; `rev` is bumped when they arrive.
pub fn load_clinic(rev: RwSignal<u32>) {
    leptos::task::spawn_local(async move {
        if let Ok(v) = fetch_json("clinic-en.json").await {
            CLINIC.with_borrow_mut(|c| *c = Some(v));
            rev.update(|n| *n += 1);
        }
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
