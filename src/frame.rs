//! Work that waits for the page's next frame: it runs in the task after that frame, so that
//! what a tap shows is painted first (the point's database transaction, the list beside the
//! map).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

/// Runs `f` in the task after the page's next frame; at once where no frame will come (a
/// hidden page draws none; a worker has no page).
pub fn after_frame(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    if window.document().is_some_and(|d| d.hidden()) {
        return f();
    }
    let job = Rc::new(Cell::new(Some(f)));
    let later = Rc::clone(&job);
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(f) = later.take() {
            gloo_timers::callback::Timeout::new(0, f).forget();
        }
    });
    if window
        .request_animation_frame(on_frame.unchecked_ref())
        .is_err()
    {
        if let Some(f) = job.take() {
            f();
        }
    }
}
