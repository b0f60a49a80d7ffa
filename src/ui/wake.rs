//! Keeps the tablet's screen on while any needle timer runs (Screen Wake Lock), taking the lock
//! again whenever the browser drops it (it does so when the page is hidden).

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::state::{AppState, Now};
use crate::clinic::timer::{Millis, TimerState};

/// After a refused request, wait this long before asking again.
const RETRY_AFTER: Millis = 10_000;

thread_local! {
    static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn wake_lock_api() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::get(&nav, &"wakeLock".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn request(held: RwSignal<bool>, pending: StoredValue<bool>, refused_at: StoredValue<Millis>) {
    let Some(api) = wake_lock_api() else {
        return;
    };
    let Some(promise) = js_sys::Reflect::get(&api, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&api, &"screen".into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    pending.set_value(true);
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        pending.set_value(false);
        if result.is_err() {
            refused_at.set_value(js_sys::Date::now() as Millis);
        }
        if let Ok(sentinel) = result {
            // The browser releases the lock when the page is hidden: follow it.
            let on_release = Closure::<dyn Fn()>::new(move || held.set(false));
            if let Some(add) = js_sys::Reflect::get(&sentinel, &"addEventListener".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = add.call2(&sentinel, &"release".into(), on_release.as_ref());
            }
            on_release.forget();
            SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
            held.set(true);
        }
    });
}

fn release() {
    SENTINEL.with(|s| {
        if let Some(sentinel) = s.borrow_mut().take() {
            if let Some(f) = js_sys::Reflect::get(&sentinel, &"release".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = f.call0(&sentinel);
            }
        }
    });
}

/// A small "Screen on" sign while the lock is held; says once when the browser cannot do it.
#[component]
pub fn WakeLock() -> impl IntoView {
    let state = expect_context::<AppState>();
    let held = RwSignal::new(false);
    let pending = StoredValue::new(false);
    let refused_at = StoredValue::new(Millis::MIN / 2);
    let told = StoredValue::new(false);
    let running = Memo::new(move |_| {
        let now = Now(state.now.get());
        state.with_open(|c| {
            c.timers
                .iter()
                .any(|t| matches!(t.state(&now), TimerState::Running | TimerState::Overdue))
        })
    });
    let visible = move || {
        web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
    };
    Effect::new(move |_| {
        let now = state.now.get();
        let want = running.get();
        if want && !held.get() && !pending.get_value() && visible() {
            if wake_lock_api().is_none() {
                if !told.get_value() {
                    told.set_value(true);
                    state.message.set(Some(
                        "This browser cannot keep the screen on: set the tablet not to sleep while needles are in.".into(),
                    ));
                }
            } else if now - refused_at.get_value() >= RETRY_AFTER {
                request(held, pending, refused_at);
            }
        } else if !want && held.get_untracked() {
            release();
            held.set(false);
        }
    });
    view! {
        {move || held.get().then(|| view! { <span class="wake-on" data-wake-lock="held">"Screen on"</span> })}
    }
}
