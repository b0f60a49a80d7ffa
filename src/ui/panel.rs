//! The selection panel: which muscle and side was tapped or found, large enough to read at
//! arm's length, and what can be done with a charted point.

use leptos::prelude::*;

use super::state::{AppState, Mode, Now, Selection};
use crate::anatomy;
use crate::clinic::timer::{TimerState, MINUTE};

/// Default needle time until the settings issue makes it configurable.
pub const DEFAULT_TIMER: i64 = 15 * MINUTE;

fn display_name(id: &str) -> String {
    anatomy::muscle(id).map_or_else(|| id.to_string(), |m| m.name.to_string())
}

#[component]
pub fn SelectionPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_live_timer = move |id: u32| {
        let now = Now(state.now.get());
        state.chart.with(|c| {
            c.live_timer_of(id)
                .is_some_and(|t| t.state(&now) != TimerState::Done)
        })
    };
    let body = move || {
        match state.selection.get() {
        _ if state.mode.get() == Mode::Pain => view! { <super::lookup::LookupPanel /> }.into_any(),
        Selection::None => view! {
            <div class="hint">
                <p class="big">"Tap a muscle to mark a trigger point."</p>
                <p>"Sides are the patient's: the front view shows the patient's right on your left."</p>
            </div>
        }
        .into_any(),
        Selection::Muscle { id, side, .. } => view! {
            <div class="selected" data-selected-muscle=id data-selected-side=side.id()>
                <p class="muscle-name">{display_name(id)}</p>
                <p class="muscle-side">{format!("Patient's {}", side.id())}</p>
                <p class="hint-small">"Tap the muscle on the map, or one of its typical sites (dashed circles), to mark a trigger point there."</p>
                {crate::anatomy::referral::pattern(id).map(|p| view! { <p class="refers"><strong>"Refers to: "</strong>{p.refers_to}</p> })}
            </div>
        }
        .into_any(),
        Selection::Trp(id) => {
            let Some((muscle, side)) = state
                .chart
                .with(|c| c.trp(id).map(|t| (t.muscle.clone(), t.side)))
            else {
                return view! { <p class="hint-small">"This point has been removed."</p> }.into_any();
            };
            view! {
                <div class="selected" data-selected-trp=id.to_string() data-selected-muscle=muscle.clone() data-selected-side=side.id()>
                    <p class="muscle-name">{display_name(&muscle)}</p>
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
                    <super::record::RecordEditor id=id muscle=muscle.clone() />
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <section class="selection" aria-live="polite" aria-label="Selection">
            {body}
        </section>
    }
}
