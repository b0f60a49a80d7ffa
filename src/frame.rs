//! Work that waits for the page's next frame: it runs in the task after that frame, so that
//! what a tap shows is painted first (the point's database transaction, the list beside the
//! map).
//!
//! Everything asked for before a frame shares one frame callback and one task after it, and
//! the page, its document and both callbacks are looked up and made once: a tap that queues
//! its transaction and the list's update pays for two pushes onto a list, not for four
//! callbacks made and handed to the browser.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Job = Box<dyn FnOnce()>;

struct Page {
    window: web_sys::Window,
    document: web_sys::Document,
    /// Called at the next frame: asks for the task after it.
    on_frame: Closure<dyn FnMut()>,
    /// That task: runs what waits.
    after: Closure<dyn FnMut()>,
}

thread_local! {
    /// What waits for the next frame, in the order asked.
    static WAITING: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
    /// `None` where there is no page (a worker).
    static PAGE: Option<Page> = page();
}

fn page() -> Option<Page> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let on_frame = Closure::<dyn FnMut()>::new(|| {
        let asked = PAGE.with(|p| {
            p.as_ref().map(|p| {
                p.window
                    .set_timeout_with_callback(p.after.as_ref().unchecked_ref())
                    .is_ok()
            })
        });
        if asked != Some(true) {
            run();
        }
    });
    let after = Closure::<dyn FnMut()>::new(run);
    Some(Page {
        window,
        document,
        on_frame,
        after,
    })
}

/// Runs what waits; what it asks for in turn waits for the frame after.
fn run() {
    let jobs = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for job in jobs {
        job();
    }
}

/// Runs `f` in the task after the page's next frame; at once where no frame will come (a
/// hidden page draws none; a worker has no page).
pub fn after_frame(f: impl FnOnce() + 'static) {
    let mut f = Some(f);
    PAGE.with(|p| {
        let Some(p) = p.as_ref().filter(|p| !p.document.hidden()) else {
            return;
        };
        let first = WAITING.with(|w| {
            let mut w = w.borrow_mut();
            if let Some(f) = f.take() {
                w.push(Box::new(f));
            }
            w.len() == 1
        });
        if first
            && p.window
                .request_animation_frame(p.on_frame.as_ref().unchecked_ref())
                .is_err()
        {
            run();
        }
    });
    if let Some(f) = f {
        f();
    }
}
