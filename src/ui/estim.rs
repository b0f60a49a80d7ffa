//! E-stim on a selected needle: choose the second needle of the pair, set frequency, intensity
//! and duration, and start it with its own timer. Pairs that would pass current across the
//! spine, the neck or the chest are refused with the reason.

use leptos::prelude::*;

use super::state::{AppState, Dialog};
use super::timer_dock::timer_label;
use crate::clinic::chart::ChartError;
use crate::clinic::estim::DEFAULT_MINUTES;
use crate::clinic::visit::ScreeningGap;

#[component]
pub fn EStimPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The selected point's first needle still in, and the other needles it could pair with.
    let needles = Memo::new(move |_| {
        let trp = state.panel_trp()?;
        state.with_open(|c| {
            let this = c.live_timer_of(trp)?.id;
            let running = c.live_pair_of(this).map(|p| timer_label(c, p));
            let others: Vec<(u32, String)> = c
                .needles_in()
                .filter(|t| t.trp != trp)
                .map(|t| (t.id, timer_label(c, t)))
                .collect();
            Some((this, running, others))
        })
    });
    let partner = RwSignal::new(None::<u32>);
    let hz = RwSignal::new("2".to_string());
    let ma = RwSignal::new(String::new());
    let minutes = RwSignal::new(DEFAULT_MINUTES.to_string());
    let refusal = RwSignal::new(None::<String>);
    // Another needle selected starts a new choice (changes elsewhere on the chart keep it).
    let this_needle = Memo::new(move |_| needles.with(|n| n.as_ref().map(|n| n.0)));
    Effect::new(move |_| {
        this_needle.track();
        partner.set(None);
        refusal.set(None);
    });
    let start = move |_| {
        let Some((this, _, _)) = needles.get_untracked() else {
            return;
        };
        let Some(other) = partner.get_untracked() else {
            refusal.set(Some("Choose the second needle of the pair.".into()));
            return;
        };
        let parse = |s: RwSignal<String>| crate::num::parse(&s.get_untracked());
        let (Some(hz), Some(ma), Ok(min)) = (
            parse(hz),
            parse(ma),
            minutes.get_untracked().trim().parse::<i64>(),
        ) else {
            refusal.set(Some(
                "Enter the frequency (Hz), the intensity (mA) and the minutes as numbers.".into(),
            ));
            return;
        };
        super::alarm::unlock_audio();
        // The domain checks the pair and its settings; a refusal is explained beside the button.
        match state.try_commit(|c, clock| c.start_pair([this, other], hz, ma, min, clock)) {
            Some(Ok(_)) => {
                refusal.set(None);
                partner.set(None);
            }
            Some(Err(ChartError::Screening(gap))) => {
                refusal.set(Some(format!("E-stim cannot start: {gap}.")));
                if !matches!(gap, ScreeningGap::Blocks(_)) {
                    state.dialog.set(Dialog::Screening);
                }
            }
            Some(Err(e)) => refusal.set(Some(format!("Refused: {e}."))),
            None => {}
        }
    };
    let field = |label: &'static str, value: RwSignal<String>, mode: &'static str| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input
                    class="num-input"
                    type="text"
                    inputmode=mode
                    aria-label=label
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <Show when=move || needles.with(|n| n.is_some())>
            <section class="estim" aria-label="E-stim">
                <h3>"E-stim"</h3>
                <Show
                    when=move || needles.with(|n| n.as_ref().is_some_and(|n| n.1.is_none()))
                    fallback=move || view! {
                        <p class="timer-note">{move || needles.get().and_then(|n| n.1).map(|l| format!("Running: {l}. See the timer dock."))}</p>
                    }
                >
                    <div class="chips" role="group" aria-label="Second needle of the pair">
                        {move || {
                            let others = needles.get().map(|n| n.2).unwrap_or_default();
                            if others.is_empty() {
                                return view! { <p class="hint-small">"Put a needle into a second point to pair it with this one."</p> }.into_any();
                            }
                            others
                                .into_iter()
                                .map(|(id, label)| view! {
                                    <button
                                        class="chip"
                                        aria-pressed=move || (partner.get() == Some(id)).to_string()
                                        on:click=move |_| { partner.set(Some(id)); refusal.set(None); }
                                    >
                                        {format!("Pair with {label}")}
                                    </button>
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </div>
                    <div class="estim-fields">
                        {field("Frequency (Hz)", hz, "decimal")}
                        {field("Intensity (mA)", ma, "decimal")}
                        {field("E-stim minutes", minutes, "numeric")}
                    </div>
                    <button class="btn btn-primary" on:click=start>"Start e-stim"</button>
                    {move || refusal.get().is_some().then(|| view! {
                        <p class="refusal" role="alert" data-estim-refusal="true">{move || refusal.get()}</p>
                    })}
                </Show>
            </section>
        </Show>
    }
}
