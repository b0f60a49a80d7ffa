//! One tab leads. Two Myomap tabs on one tablet would each show a chart the other is changing,
//! and the one saving last would win. So one tab holds a Web Lock while it is open; another
//! tab says Myomap is open elsewhere and offers "Use Myomap here", which asks the leading tab
//! (over a BroadcastChannel) to let go, then reloads once the lock is free.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LOCK: &str = "myomap-lead";
const CHANNEL: &str = "myomap-tabs";
const TAKE_OVER: &str = "take-over";

thread_local! {
    /// Resolving this lets go of the lock.
    static RELEASE: RefCell<Option<Function>> = const { RefCell::new(None) };
}

fn locks() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    Reflect::get(&nav, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null())
}

/// Tries to become the leading tab. Browsers without Web Locks always lead (one tab is all
/// they are used with).
pub async fn lead() -> bool {
    let Some(locks) = locks() else { return true };
    let Ok(request) =
        Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return true;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let mut answer = None;
    let granted = Promise::new(&mut |resolve, _| answer = Some(resolve));
    let answer = answer.expect("the promise runs its executor at once");
    let holder = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        if lock.is_null() {
            let _ = answer.call1(&JsValue::NULL, &JsValue::FALSE);
            return JsValue::UNDEFINED;
        }
        let _ = answer.call1(&JsValue::NULL, &JsValue::TRUE);
        // Held until `release`: the lock lives as long as this promise is pending.
        Promise::new(&mut |resolve, _| RELEASE.with(|r| *r.borrow_mut() = Some(resolve))).into()
    });
    if request
        .call3(&locks, &LOCK.into(), &options, &holder)
        .is_err()
    {
        return true;
    }
    JsFuture::from(granted)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

fn release() {
    if let Some(f) = RELEASE.with(|r| r.borrow_mut().take()) {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// While leading: when another tab asks to take over, let go and call `lost`.
pub fn listen(lost: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if e.data().as_string().as_deref() == Some(TAKE_OVER) {
            // Every change asked for is on its way into the database before the other tab reads it.
            crate::store::idb::flush();
            release();
            lost();
        }
    });
    channel.set_onmessage(Some(on.as_ref().unchecked_ref()));
    // Both live as long as the page.
    on.forget();
    std::mem::forget(channel);
}

/// Asks the leading tab to let go, waits for the lock to be free, then reloads this tab.
pub fn take_over() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&TAKE_OVER.into());
        channel.close();
    }
    let Some(locks) = locks() else {
        reload();
        return;
    };
    let Ok(request) =
        Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        reload();
        return;
    };
    // Granted once the other tab has let go; the reload then starts this tab as the leader.
    let then = Closure::once_into_js(move |_lock: JsValue| {
        reload();
    });
    if request.call2(&locks, &LOCK.into(), &then).is_err() {
        reload();
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// What a tab that does not lead shows instead of any patient data.
#[component]
pub fn OpenElsewhere() -> impl IntoView {
    let asked = RwSignal::new(false);
    view! {
        <div class="elsewhere" data-elsewhere="" role="alertdialog" aria-modal="true" aria-labelledby="elsewhere-title">
            <h2 id="elsewhere-title">"Myomap is open in another tab"</h2>
            <p>"To keep every change, Myomap works in one tab at a time on this device. Use it here, and the other tab will step aside."</p>
            <button
                class="btn btn-primary"
                disabled=move || asked.get()
                on:click=move |_| {
                    asked.set(true);
                    take_over();
                }
            >
                "Use Myomap here"
            </button>
        </div>
    }
}
