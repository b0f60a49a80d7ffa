//! Files the browser saves on the device: the record out. Nothing is sent anywhere.

use wasm_bindgen::JsCast;

use crate::clinic::timer::Millis;

/// Saves `text` as a file named `name` through the browser's own download.
pub fn save(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser refused to save the file.".to_string();
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document to save from.")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The browser refused to save the file.".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The link has done its work once the click is handled.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Minutes east of UTC on this device at a moment (for local dates in exports).
pub fn offset_min(at: Millis) -> i64 {
    -(js_sys::Date::new(&(at as f64).into()).get_timezone_offset() as i64)
}

/// "myomap-maria-lopez-2026-03-12": a file name from a patient's name and a date.
pub fn file_stem(name: &str, at: Millis) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let (date, _) = crate::store::export::date_time(at, offset_min(at));
    if slug.is_empty() {
        format!("myomap-{date}")
    } else {
        format!("myomap-{slug}-{date}")
    }
}
