//! The needle alarm: when a timer reaches zero, a tone (Web Audio, no sound file), vibration
//! where the device has it, and a banner naming the needle, repeating until acknowledged; the
//! page title always shows the soonest timer.

use leptos::prelude::*;
use std::cell::RefCell;

use super::state::{AppState, Now};
use super::timer_dock::timer_label;
use crate::clinic::timer::{format_remaining, Millis};

/// How often the tone repeats while an alarm is unacknowledged.
const BEEP_EVERY: Millis = 1500;

thread_local! {
    static AUDIO: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
}

/// Creates (or wakes) the audio context; call from a tap so that the browser allows sound.
pub fn unlock_audio() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
        if let Some(ctx) = a.as_ref() {
            let _ = ctx.resume();
        }
    });
}

/// Two short tones; silent when the browser refuses audio.
pub fn beep(volume: f32) {
    AUDIO.with(|a| {
        let Some(ctx) = a.borrow().as_ref().cloned() else {
            return;
        };
        let now = ctx.current_time();
        for (i, freq) in [880.0f32, 1175.0].into_iter().enumerate() {
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
                return;
            };
            osc.frequency().set_value(freq);
            let start = now + i as f64 * 0.25;
            gain.gain().set_value(0.0);
            let _ = gain.gain().set_value_at_time(volume, start);
            let _ = gain.gain().set_value_at_time(0.0, start + 0.2);
            let _ = osc.connect_with_audio_node(&gain);
            let _ = gain.connect_with_audio_node(&ctx.destination());
            let _ = osc.start_with_when(start);
            let _ = osc.stop_with_when(start + 0.22);
        }
    });
    if let Some(nav) = web_sys::window().map(|w| w.navigator()) {
        let pattern = js_sys::Array::of3(&300.into(), &150.into(), &300.into());
        let _ = nav.vibrate_with_pattern(&pattern);
    }
}

#[component]
pub fn AlarmBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Which timers are alarming: recomputed each tick, but it changes (and wakes the banner,
    // the sound and the notifications) only when a timer starts or stops alarming.
    let alarming = Memo::new(move |_| {
        let now = Now(state.now.get());
        state.with_open(|c| {
            c.alarming(&now)
                .iter()
                .map(|t| (t.id, t.is_needle()))
                .collect::<Vec<_>>()
        })
    });
    // "Needle time is up: Upper trapezius · Right (-01:05)", following the clock.
    let text_of = move |id: u32| {
        let now = Now(state.now.get());
        state
            .with_open(|c| {
                c.timer(id).map(|t| {
                    let what = if t.is_needle() { "Needle" } else { "E-stim" };
                    format!(
                        "{what} time is up: {} ({})",
                        timer_label(c, t),
                        format_remaining(t.remaining(&now))
                    )
                })
            })
            .unwrap_or_default()
    };
    // Sound and vibration repeat while any alarm is unacknowledged.
    let last_beep = StoredValue::new(0 as Millis);
    Effect::new(move |_| {
        let now = state.now.get();
        let sounding = !alarming.get().is_empty();
        if sounding && !state.silent.get() && now - last_beep.get_value() >= BEEP_EVERY {
            last_beep.set_value(now);
            beep(state.volume.get_untracked());
        }
    });
    // A system notification for each new alarm while the page is hidden (when asked for).
    let notified = StoredValue::new(Vec::<u32>::new());
    Effect::new(move |_| {
        let now = alarming.get();
        notified.update_value(|seen| {
            seen.retain(|id| now.iter().any(|a| a.0 == *id));
            for (id, _) in &now {
                if !seen.contains(id) {
                    seen.push(*id);
                    let text = untrack(|| text_of(*id));
                    super::notify::notify_if_hidden(&state, *id, &text);
                }
            }
        });
    });
    // The page title shows the soonest timer, so it can be read from another tab.
    let title = Memo::new(move |_| {
        let now = Now(state.now.get());
        let soonest = state.live_timers.with(|ids| ids.first().copied());
        state
            .with_open(|c| {
                c.timer(soonest?).map(|t| {
                    format!(
                        "{} {} · Myomap",
                        format_remaining(t.remaining(&now)),
                        timer_label(c, t)
                    )
                })
            })
            .unwrap_or_else(|| "Myomap".into())
    });
    // Written only when the text changes (once a second while timers run).
    Effect::new(move |_| {
        let title = title.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
    view! {
        <Show when=move || !alarming.get().is_empty()>
            <div class="banner alarm" role="alert" data-alarm="true">
                <ul>
                    // Keyed: a row and its buttons stay put while its time counts on, so a
                    // finger on "Acknowledge" never loses its button to a redraw.
                    <For each=move || alarming.get() key=|a| a.0 let((id, needle))>
                        <li data-alarm-timer=id.to_string()>
                            <span class="alarm-text">{move || text_of(id)}</span>
                            <button class="btn" on:click=move |_| { state.commit(|c, _| c.acknowledge(id)); }>"Acknowledge"</button>
                            <button class="btn btn-stop" on:click=move |_| { state.commit(|c, clock| c.stop(id, clock)); }>{if needle { "Needle out" } else { "Stop e-stim" }}</button>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
