//! The selection panel: which muscle and side was tapped, and what can be done with the point.

use leptos::prelude::*;

use super::state::{AppState, Now};
use crate::anatomy;
use crate::clinic::timer::MINUTE;

/// Default needle time until the settings issue makes it configurable.
pub const DEFAULT_TIMER: i64 = 15 * MINUTE;

#[component]
pub fn SelectionPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = move || {
        state.selected.get().and_then(|id| {
            state.chart.with(|c| {
                c.trp(id).map(|t| {
                    let name =
                        anatomy::muscle(&t.muscle).map_or(t.muscle.clone(), |m| m.name.to_string());
                    (id, name, t.side)
                })
            })
        })
    };
    let has_live_timer = move |id: u32| {
        let now = Now(state.now.get());
        state.chart.with(|c| {
            c.live_timer_of(id)
                .is_some_and(|t| t.state(&now) != crate::clinic::timer::TimerState::Done)
        })
    };
    view! {
        <section class="selection" aria-live="polite" aria-label="Selection">
            {move || match selected() {
                None => view! {
                    <div class="hint">
                        <p class="big">"Tap a muscle to mark a trigger point."</p>
                        <p>"Sides are the patient's: the front view shows the patient's right on your left."</p>
                    </div>
                }
                    .into_any(),
                Some((id, name, side)) => view! {
                    <div class="selected" data-selected-trp=id.to_string()>
                        <p class="muscle-name">{name}</p>
                        <p class="muscle-side">{format!("Patient's {}", side.id())}</p>
                        <Show
                            when=move || !has_live_timer(id)
                            fallback=|| view! { <p class="timer-note">"Timer running: see the timer dock."</p> }
                        >
                            <div class="start-row">
                                <button
                                    class="btn btn-primary"
                                    on:click=move |_| {
                                        state.commit(|c, clock| c.start_timer(id, DEFAULT_TIMER, clock));
                                    }
                                >
                                    "Start timer"
                                </button>
                                <span class="start-duration">"15 min"</span>
                            </div>
                        </Show>
                    </div>
                }
                    .into_any(),
            }}
        </section>
    }
}
