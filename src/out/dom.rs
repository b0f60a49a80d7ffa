//! The few browser calls the record out needs: elements, one delegated listener per screen,
//! printing, fetching a text of this site, dates in the patient's language, and files the
//! browser downloads (text, and a PNG drawn from SVG on a canvas).

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

pub fn body() -> web_sys::HtmlElement {
    document().body().expect("a body")
}

pub fn el(tag: &str) -> web_sys::Element {
    document().create_element(tag).expect("an element")
}

/// Listens on `target` for the life of the page (the screens are made once).
pub fn on(target: &web_sys::Element, event: &str, f: impl Fn(web_sys::Event) + 'static) {
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The `data-act` of the element an event came from (or its nearest ancestor), with it.
pub fn acting(ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let el = target.closest("[data-act]").ok().flatten()?;
    Some((el.get_attribute("data-act")?, el))
}

/// The value of an input or a select.
pub fn value(el: &web_sys::Element) -> Option<String> {
    Reflect::get(el, &"value".into()).ok()?.as_string()
}

fn call(target: &JsValue, method: &str) {
    if let Ok(f) = Reflect::get(target, &method.into()) {
        if let Some(f) = f.dyn_ref::<Function>() {
            let _ = f.call0(target);
        }
    }
}

pub fn print() {
    let _ = window().print();
}

/// Moves the focus to the element matching `selector` within `root`.
pub fn focus(root: &web_sys::Element, selector: &str) {
    if let Ok(Some(e)) = root.query_selector(selector) {
        call(&e, "focus");
    }
}

pub fn show_modal(dialog: &web_sys::Element) {
    call(dialog, "showModal");
    if let Ok(Some(first)) = dialog.query_selector("input") {
        call(&first, "focus");
    }
}

pub fn close_dialog(id: &str) {
    if let Some(d) = document().get_element_by_id(id) {
        call(&d, "close");
    }
}

/// A text file of this site.
pub async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let response = JsFuture::from(window().fetch_with_str(url)).await?;
    if Reflect::get(&response, &"ok".into())?.as_bool() != Some(true) {
        return Err(JsValue::NULL);
    }
    let text: Function = Reflect::get(&response, &"text".into())?.dyn_into()?;
    let v = JsFuture::from(text.call0(&response)?.dyn_into::<Promise>()?).await?;
    v.as_string().ok_or(JsValue::NULL)
}

/// Today's date as the patient's language writes it ("12 March 2026", "12 de marzo de 2026").
pub fn long_date(ms: i64, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    date.to_locale_date_string(lang, &options).into()
}

/// The printed pages' running header and page numbers: the patient's name on every page.
/// (A rule added through the style sheet object, which the page's policy allows.)
pub fn page_header(name: Option<&str>) {
    let name = name.unwrap_or_default();
    let quoted: String = name
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let rule = format!(
        "@page {{ @top-left {{ content: \"{quoted}\"; font: 8pt system-ui, sans-serif; }} @top-right {{ content: \"Myomap clinical record\"; font: 8pt system-ui, sans-serif; }} @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); font: 8pt system-ui, sans-serif; }} }}"
    );
    let doc = document();
    let sheets = doc.style_sheets();
    // The later stylesheet (the report's styles): its first rule is the page header.
    for i in 0..sheets.length() {
        let Some(sheet) = sheets.get(i) else { continue };
        if !sheet
            .href()
            .ok()
            .flatten()
            .is_some_and(|h| h.contains("later.css"))
        {
            continue;
        }
        let Ok(css) = sheet.dyn_into::<web_sys::CssStyleSheet>() else {
            continue;
        };
        if let Ok(rules) = css.css_rules() {
            if rules
                .get(0)
                .is_some_and(|r| r.css_text().contains("Myomap clinical record"))
            {
                let _ = css.delete_rule(0);
            }
        }
        if !name.is_empty() {
            let _ = css.insert_rule_with_index(&rule, 0);
        }
    }
}

fn save(url: &str, name: &str) {
    let a = document().create_element("a").expect("a link");
    let _ = a.set_attribute("href", url);
    let _ = a.set_attribute("download", name);
    let _ = a.set_attribute("hidden", "");
    let _ = body().append_child(&a);
    call(&a, "click");
    a.remove();
}

fn blob_url(parts: &JsValue, kind: &str) -> Result<String, String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|_| "The file could not be made.".to_string())?;
    web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The file could not be made.".into())
}

/// Saves text as a file in the device's downloads.
pub fn download_text(name: &str, text: &str, kind: &str) -> Result<(), String> {
    let url = blob_url(
        &Array::of1(&JsValue::from_str(text)),
        &format!("{kind};charset=utf-8"),
    )?;
    save(&url, name);
    revoke_later(url);
    Ok(())
}

fn revoke_later(url: String) {
    // The download has started by the next turn of the event loop; then the URL can go.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Draws an SVG document on a canvas of `size` pixels and saves it as a PNG file.
pub async fn download_png(svg: &str, size: (u32, u32), name: &str) -> Result<(), String> {
    let fail = |_| "The image could not be made.".to_string();
    let img = web_sys::HtmlImageElement::new().map_err(fail)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    ));
    JsFuture::from(loaded).await.map_err(fail)?;
    let canvas: web_sys::HtmlCanvasElement = el("canvas")
        .dyn_into()
        .map_err(|_| "no canvas".to_string())?;
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("This browser cannot draw images.")?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
    ctx.draw_image_with_html_image_element_and_dw_and_dh(
        &img,
        0.0,
        0.0,
        f64::from(size.0),
        f64::from(size.1),
    )
    .map_err(fail)?;
    let url = canvas.to_data_url_with_type("image/png").map_err(fail)?;
    save(&url, name);
    Ok(())
}
