//! The selection panel: which muscle and side was tapped or found, large enough to read at
//! arm's length, and the record of a charted point. The panel's parts stay mounted while the
//! selection moves between points of the same kind, so selecting costs only the changed text.

use leptos::prelude::*;

use super::state::{AppState, Mode, Selection};
use crate::anatomy;
use crate::clinic::chart::ChartError;
use crate::clinic::timer::MINUTE;

/// Needle-time presets in minutes; 15 is chosen to start.
const PRESETS: [i64; 5] = [5, 10, 15, 20, 30];

pub(super) fn display_name(id: &str) -> String {
    anatomy::muscle(id).map_or_else(|| id.to_string(), |m| m.name.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pain,
    Nothing,
    Muscle,
    Point,
}

#[component]
pub fn SelectionPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = Memo::new(move |_| {
        if state.mode.get() == Mode::Pain {
            return Kind::Pain;
        }
        match state.panel.get() {
            Selection::None => Kind::Nothing,
            Selection::Muscle { .. } => Kind::Muscle,
            Selection::Trp(id) if state.chart.with(|c| c.trp(id).is_some()) => Kind::Point,
            Selection::Trp(_) => Kind::Nothing,
        }
    });
    // A charted point's panel is built once, ahead of the first tap (or by it, if sooner), and
    // then stays: the first tap on the map does not have to build it.
    let point_built = super::Warm::built_ahead(move || kind.get() == Kind::Point);
    let body = move || {
        match kind.get() {
        Kind::Pain => view! { <super::lookup::LookupPanel /> }.into_any(),
        Kind::Nothing => view! {
            <div class="hint">
                <p class="big">"Tap a muscle to mark a trigger point."</p>
                <p>"Sides are the patient's: the front view shows the patient's right on your left."</p>
            </div>
        }
        .into_any(),
        Kind::Muscle => view! { <MusclePanel /> }.into_any(),
        Kind::Point => ().into_any(),
    }
    };
    view! {
        <section class="selection" aria-live="polite" aria-label="Selection">
            {body}
            {move || point_built.get().then(|| view! {
                <div class="point-panel" class:off=move || kind.get() != Kind::Point>
                    <PointPanel />
                </div>
            })}
        </section>
    }
}

/// A muscle found by search or the reverse lookup, with no point charted.
#[component]
fn MusclePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sel = move || match state.panel.get() {
        Selection::Muscle { id, side, .. } => Some((id, side)),
        _ => None,
    };
    view! {
        <div
            class="selected"
            data-selected-muscle=move || sel().map(|s| s.0)
            data-selected-side=move || sel().map(|s| s.1.id())
        >
            <p class="muscle-name">{move || sel().map(|s| display_name(s.0))}</p>
            <p class="muscle-side">{move || sel().map(|s| format!("Patient's {}", s.1.id()))}</p>
            <p class="hint-small">"Tap the muscle on the map, or one of its typical sites (dashed circles), to mark a trigger point there."</p>
            <p class="refers">
                <strong>"Refers to: "</strong>
                {move || sel().and_then(|s| super::texts::refers(state.texts_rev, s.0))}
            </p>
        </div>
    }
}

/// A charted trigger point: what it is, its timer, its record.
#[component]
fn PointPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let point = Memo::new(move |_| {
        let id = state.panel_trp()?;
        state
            .chart
            .with(|c| c.trp(id).map(|t| (id, t.muscle.clone(), t.side)))
    });
    // The last needle time used is offered first (15 minutes to start).
    let minutes = state.default_minutes;
    // What is typed as a custom time, and whether it is out of range.
    let custom_text = RwSignal::new(String::new());
    let custom_bad = RwSignal::new(false);
    let needles_here = move || {
        let Some((id, _, _)) = point.get() else {
            return 0;
        };
        // Needles go in and out by commits, which the visit's views follow (`with_open`).
        state.with_open(|c| c.needles_in().filter(|t| t.trp == id).count())
    };
    view! {
        // Built ahead of the first point (see SelectionPanel): "selected" only while it shows one.
        <div
            class:selected=move || point.get().is_some()
            data-selected-trp=move || point.get().map(|p| p.0.to_string())
            data-selected-muscle=move || point.get().map(|p| p.1)
            data-selected-side=move || point.get().map(|p| p.2.id())
        >
            // Named as the muscle panel's are only while a point is shown (the panel is built
            // before one is), so that the selection's name and side are found once on the page.
            <p class:muscle-name=move || point.get().is_some()>{move || point.get().map(|p| display_name(&p.1))}</p>
            <p class:muscle-side=move || point.get().is_some()>{move || point.get().map(|p| format!("Patient's {}", p.2.id()))}</p>
            {move || {
                let id = point.get()?.0;
                if state.past.get().is_some() {
                    return None;
                }
                let from = state.chart.with(|c| c.trp(id).and_then(|t| c.carried_from(t)))?;
                Some(view! {
                    <p class="carried-note" data-carried-note="">
                        {format!("From {}: not yet examined today. Today's findings start blank; the earlier ones stay with that visit.", super::patients::date(from))}
                    </p>
                })
            }}
            <Show when=move || { needles_here() > 0 }>
                <p class="timer-note" data-needles-here=move || needles_here().to_string()>
                    {move || match needles_here() {
                        1 => "1 needle in: see the timer dock. Start another timer to add a needle.".to_string(),
                        n => format!("{n} needles in: see the timer dock."),
                    }}
                </p>
            </Show>
            {move || state.past.get().is_none().then(|| view! {
            <div class="chips" role="group" aria-label="Needle time">
                    {PRESETS
                        .into_iter()
                        .map(|m| {
                            view! {
                                <button
                                    class="chip num"
                                    aria-pressed=move || (minutes.get() == m).to_string()
                                    on:click=move |_| {
                                        minutes.set(m);
                                        custom_text.set(String::new());
                                        custom_bad.set(false);
                                    }
                                >
                                    {format!("{m} min")}
                                </button>
                            }
                        })
                        .collect_view()}
                    <label class="custom-time">
                        <span class="visually-hidden">"Custom minutes"</span>
                        <input
                            class="num-input"
                            type="number"
                            min="1"
                            max="120"
                            inputmode="numeric"
                            aria-label="Custom minutes"
                            placeholder="Other"
                            aria-invalid=move || custom_bad.get().to_string()
                            prop:value=move || custom_text.get()
                            on:input=move |ev| {
                                // Until the typed time is valid, no timer starts with another one.
                                let raw = event_target_value(&ev);
                                custom_text.set(raw.clone());
                                match raw.trim().parse::<i64>() {
                                    Ok(m) if (1..=120).contains(&m) => {
                                        custom_bad.set(false);
                                        minutes.set(m);
                                    }
                                    _ => custom_bad.set(!raw.trim().is_empty()),
                                }
                            }
                        />
                    </label>
                </div>
                {move || custom_bad.get().then(|| view! {
                    <p class="form-error" role="alert">"Needle time must be 1 to 120 minutes: no timer starts until it is."</p>
                })}
                <div class="start-row">
                    <button
                        class="btn btn-primary"
                        disabled=move || custom_bad.get()
                        on:click=move |_| {
                            // A tap lets the browser play the alarm later.
                            super::alarm::unlock_audio();
                            if let Some(id) = state.panel_trp_untracked() {
                                let ms = minutes.get_untracked() * MINUTE;
                                match state.try_commit(|c, clock| c.start_timer(id, ms, clock)) {
                                    // The first needle waits for the screening; it goes in when that is done.
                                    Some(Err(ChartError::NoVisit | ChartError::Screening(_) | ChartError::Consent(_))) => {
                                        state.pending_needle.set(Some((id, ms)));
                                        super::visit::open_screening(&state);
                                    }
                                    Some(Err(e)) => state.refused(&e),
                                    _ => {}
                                }
                            }
                        }
                    >
                        "Start timer"
                    </button>
                    <span class="start-duration">{move || format!("{} min", minutes.get())}</span>
                </div>
            <super::estim::EStimPanel />
            })}
            <super::record::RecordEditor />
        </div>
    }
}
