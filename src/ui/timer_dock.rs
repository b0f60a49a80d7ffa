//! The timer dock: every needle timer of the session, soonest due first, readable from across
//! the room.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Now};
use crate::anatomy;
use crate::clinic::chart::Chart;
use crate::clinic::timer::{format_remaining, Timer, TimerState};

/// "Upper trapezius · R" for a trigger point, as short as a glance needs.
pub fn point_label(c: &Chart, trp: u32) -> String {
    c.trp(trp)
        .map(|t| {
            let name = anatomy::muscle(&t.muscle).map_or(t.muscle.as_str(), |m| m.name);
            format!("{name} · {}", t.side.label())
        })
        .unwrap_or_else(|| "Removed point".into())
}

/// What a timer is about: its needle's point ("…, needle 2" when the point holds several),
/// or both needles of an e-stim pair.
pub fn timer_label(c: &Chart, t: &Timer) -> String {
    if let Some(e) = t.estim {
        let end = |n: u32| {
            c.timer(n)
                .map_or_else(String::new, |n| point_label(c, n.trp))
        };
        return format!("E-stim: {} + {}", end(e.needles[0]), end(e.needles[1]));
    }
    let same: Vec<u32> = c
        .timers
        .iter()
        .filter(|o| o.is_needle() && o.trp == t.trp)
        .map(|o| o.id)
        .collect();
    let label = point_label(c, t.trp);
    match same.iter().position(|id| *id == t.id) {
        Some(i) if same.len() > 1 => format!("{label}, needle {}", i + 1),
        _ => label,
    }
}

#[component]
pub fn TimerDock() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Computed once per tick for both the list and whether it is empty.
    let order = state.live_timers;
    // The row whose pause and extra-minute buttons are out (one at a time: the rows stay short
    // so that eight needles fit on screen).
    let open = RwSignal::new(None::<u32>);
    // A tap anywhere outside the open row puts its controls away.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if open.get_untracked().is_none() {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".timer.expanded").ok().flatten())
            .is_some();
        if !inside {
            open.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <section class="timer-dock" aria-label="Needle timers" class:live=move || !order.get().is_empty()>
            <div class="dock-head">
                <h2>"Timers"</h2>
                <super::wake::WakeLock />
                <label class="volume">
                    <span class="visually-hidden">"Alarm volume"</span>
                    <input
                        type="range"
                        min="0"
                        max="1"
                        step="0.1"
                        aria-label="Alarm volume"
                        prop:value=move || crate::num::short(state.volume.get())
                        on:input=move |ev| {
                            if let Some(v) = crate::num::parse(&event_target_value(&ev)) {
                                state.volume.set(v.clamp(0.0, 1.0));
                            }
                        }
                    />
                </label>
                <button
                    class="btn small"
                    aria-pressed=move || state.silent.get().to_string()
                    on:click=move |_| state.silent.update(|s| *s = !*s)
                >
                    "Silent"
                </button>
                <super::notify::NotifyToggle />
            </div>
            <super::visit::VisitBar />
            <Show
                when=move || !order.get().is_empty()
                fallback=|| view! { <p class="empty">"No timer running. Select a trigger point and start one."</p> }
            >
                <ol class="timers" data-count=move || order.get().len().to_string()>
                    <For each=move || order.get() key=|id| *id let(id)>
                        <TimerRow id=id open=open />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// One needle (or e-stim pair) on one short row: what it is, its time and "Needle out" always
/// in view; pause and extra minutes one tap away.
#[component]
fn TimerRow(id: u32, open: RwSignal<Option<u32>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Read once per tick for the state, the time and the bar (no copy of the timer).
    let reading = Memo::new(move |_| {
        let now = Now(state.now.get());
        state.with_open(|c| {
            c.timer(id)
                .map(|t| (t.state(&now), t.remaining(&now), t.progress(&now)))
        })
    });
    let st = move || reading.get().map_or(TimerState::Done, |r| r.0);
    let text = move || {
        reading
            .get()
            .map_or_else(String::new, |r| format_remaining(r.1))
    };
    let label = move || {
        state
            .with_open(|c| c.timer(id).map(|t| timer_label(c, t)))
            .unwrap_or_default()
    };
    let estim = move || state.with_open(|c| c.timer(id).and_then(|t| t.estim));
    let progress = move || reading.get().map_or(1.0, |r| r.2);
    // The state in words as well as colour and border: paused and overdue read from 2 m.
    let badge = move || match st() {
        TimerState::Paused => Some("Paused"),
        TimerState::Overdue => Some("Overdue"),
        _ => None,
    };
    let expanded = move || open.get() == Some(id);
    let toggle = move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) });
    let pause = move |_| {
        open.set(None);
        state.commit(|c, clock| c.pause(id, clock));
    };
    let resume = move |_| {
        open.set(None);
        state.commit(|c, clock| c.resume(id, clock));
    };
    let stop = move |_| {
        state.commit(|c, clock| c.stop(id, clock));
    };
    let extend = move |minutes: i64| {
        open.set(None);
        state.commit(|c, clock| c.extend(id, minutes * crate::clinic::timer::MINUTE, clock));
    };
    view! {
        <li
            class="timer"
            class:expanded=expanded
            data-timer=id.to_string()
            data-state=move || st().id()
            data-kind=move || if estim().is_some() { "estim" } else { "needle" }
            style:--done=move || crate::num::fixed(progress(), 3, true)
        >
            <button
                class="timer-main"
                aria-expanded=move || expanded().to_string()
                aria-controls=format!("timer-controls-{id}")
                on:click=toggle
            >
                <span class="timer-label">
                    {move || badge().map(|b| view! { <span class="timer-badge">{b}</span> " " })}
                    {label}
                </span>
                {move || estim().map(|e| view! { <span class="timer-sub">{format!("{} Hz · {} mA", crate::num::short(e.hz), crate::num::short(e.ma))}</span> })}
                <span class="timer-time" role="timer">{text}</span>
            </button>
            <button class="btn btn-stop timer-out" on:click=stop>
                {move || if estim().is_some() { "Stop e-stim" } else { "Needle out" }}
            </button>
            <div class="timer-controls" id=format!("timer-controls-{id}") hidden=move || !expanded()>
                <Show
                    when=move || st() == TimerState::Paused
                    fallback=move || view! { <button class="btn" on:click=pause>"Pause"</button> }
                >
                    <button class="btn" on:click=resume>"Resume"</button>
                </Show>
                <button class="btn" on:click=move |_| extend(1)>"+1 min"</button>
                <button class="btn" on:click=move |_| extend(5)>"+5 min"</button>
            </div>
        </li>
    }
}
