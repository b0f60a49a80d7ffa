//! Optional system notifications: when a timer is due while Myomap is hidden (another app in
//! front, screen off), the tablet shows a notification naming the needle. Permission is asked
//! only when the therapist turns the option on.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use super::state::AppState;

fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

fn granted() -> bool {
    supported() && Notification::permission() == NotificationPermission::Granted
}

/// Shows a notification when the page is hidden and the therapist asked for them.
pub fn notify_if_hidden(state: &AppState, tag: u32, title: &str) {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if !(hidden && state.notify.get_untracked() && granted()) {
        return;
    }
    let opts = NotificationOptions::new();
    opts.set_body("Open Myomap to acknowledge.");
    opts.set_tag(&format!("myomap-timer-{tag}"));
    opts.set_require_interaction(true);
    let _ = Notification::new_with_options(title, &opts);
}

#[component]
pub fn NotifyToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let toggle = move |_| {
        if state.notify.get_untracked() {
            state.notify.set(false);
            return;
        }
        if !supported() {
            state
                .message
                .set(Some("This browser cannot show notifications.".into()));
            return;
        }
        match Notification::permission() {
            NotificationPermission::Granted => state.notify.set(true),
            NotificationPermission::Denied => state.message.set(Some(
                "Notifications are blocked for Myomap in this browser's site settings.".into(),
            )),
            _ => {
                let Ok(asked) = Notification::request_permission() else {
                    return;
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = wasm_bindgen_futures::JsFuture::from(asked).await;
                    if answer.ok().and_then(|v| v.as_string()).as_deref() == Some("granted") {
                        state.notify.set(true);
                    } else {
                        state.message.set(Some(
                            "Notifications were not allowed; the alarm still sounds on this screen."
                                .into(),
                        ));
                    }
                });
            }
        }
    };
    view! {
        <button
            class="btn small"
            aria-pressed=move || state.notify.get().to_string()
            title="Show a system notification when a timer is due while Myomap is hidden"
            on:click=toggle
        >
            "Notify"
        </button>
    }
}
