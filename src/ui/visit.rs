//! The visit: its bar in the timer dock (start, needle count, screening, end), the screening
//! checklist, and the confirmation that lists every needle still in before a visit ends.

use leptos::prelude::*;

use super::state::{AppState, Dialog};
use super::timer_dock::timer_label;
use crate::clinic::consent::{Answer, Consent};
use crate::clinic::timer::Millis;
use crate::clinic::visit::{Adverse, Question};

/// "09:32", the wall-clock time of day on this tablet.
pub fn clock_time(ms: Millis) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Starts a visit (if none is open) and opens its screening.
pub fn open_screening(state: &AppState) {
    if state.chart.with_untracked(|c| c.visit.is_none()) {
        state.commit(|c, clock| c.start_visit(clock));
    }
    state.dialog.set(Dialog::Screening);
}

/// Moves focus to a dialog's heading when it opens, so that a screen reader announces it and
/// the page behind is not what a keyboard reaches first.
pub(super) fn focus_on_open() -> NodeRef<leptos::html::H2> {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    heading
}

#[component]
pub fn VisitBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = Memo::new(move |_| state.with_open(|c| c.visit.as_ref().map(|v| v.started_at)));
    let ledger = Memo::new(move |_| state.with_open(|c| c.ledger()));
    // What the patient said in the patient view: the consent that counts, and their score.
    let patient_said = move || {
        state.with_open(|c| {
            let v = c.visit.as_ref();
            let k = v.and_then(|v| v.consent_now());
            let said = match k.map(|k| k.answer) {
                Some(Answer::Agree | Answer::AgreeWithEstim) => "Consent ✓",
                Some(Answer::Withdrawn) => "Consent withdrawn",
                Some(Answer::Questions) => "Has questions",
                None => "No consent yet",
            };
            let score = v
                .and_then(|v| v.patient_score)
                .map(|n| format!(" · Patient: {n}/10"))
                .unwrap_or_default();
            (
                k.map_or("none", |k| k.answer.id()),
                format!("{said}{score}"),
            )
        })
    };
    let to_answer = Memo::new(move |_| {
        state.with_open(|c| {
            c.visit
                .as_ref()
                .is_some_and(|v| v.screening.ready_for_needling().is_err())
        })
    });
    let last = move || {
        state.with_open(|c| {
            c.visits.last().map(|v| {
                let n = v.timers.iter().filter(|t| t.is_needle()).count();
                let events: Vec<&str> = v.adverse.iter().map(|a| a.label()).collect();
                let needles = match n {
                    0 => "no needle".to_string(),
                    1 => "1 needle in, all out".to_string(),
                    n => format!("{n} needles in, all out"),
                };
                format!(
                    "Last visit {}, {}–{}: {needles}. {}",
                    super::patients::short_date(v.started_at),
                    clock_time(v.started_at),
                    v.ended_at.map(clock_time).unwrap_or_default(),
                    if events.is_empty() {
                        "No adverse event.".to_string()
                    } else {
                        format!("Noted: {}.", events.join(", "))
                    }
                )
            })
        })
    };
    let end = move |_| state.dialog.set(Dialog::EndVisit);
    view! {
        <div class="visit-bar" data-visit=move || if open.get().is_some() { "open" } else { "none" }>
            {move || if open.get().is_none() {
                if state.past.get().is_some() {
                    view! { <p class="visit-text">"An ended visit is on the map (read only)."</p> }.into_any()
                } else {
                    view! {
                        <p class="visit-text">{move || last().unwrap_or_else(|| "No visit under way.".into())}</p>
                        {move || state.with_open(|c| !c.visits.is_empty()).then(|| view! {
                            <button class="btn" on:click=move |_| super::texts::later(&state, "report", None, "")>"Report"</button>
                        })}
                        <button class="btn btn-primary" on:click=move |_| open_screening(&state)>"Start visit"</button>
                    }
                    .into_any()
                }
            } else {
                view! {
                <p class="visit-text">
                    <span class="visit-started">{move || format!("Visit {}", open.get().map(clock_time).unwrap_or_default())}</span>
                    // What the patient said in the patient view (or in person): consent, and
                    // their own pain score once given.
                    <span class="consent-state" data-consent=move || patient_said().0>{move || patient_said().1}</span>
                    <span class="ledger" title="Needles put in and taken out in this visit" data-needles-in=move || ledger.get().still_in().to_string()>
                        {move || {
                            let l = ledger.get();
                            format!("{} in · {} out", l.put_in, l.taken_out)
                        }}
                    </span>
                </p>
                <button
                    class="btn"
                    class:attention=move || to_answer.get()
                    on:click=move |_| state.dialog.set(Dialog::Screening)
                >
                    "Screening"
                </button>
                <button class="btn" on:click=move |_| super::texts::later(&state, "report", None, "")>"Report"</button>
                <button class="btn" on:click=end>"End visit"</button>
                }
                .into_any()
            }}
        </div>
        {move || match state.dialog.get() {
            Dialog::Screening => Some(view! { <ScreeningDialog /> }.into_any()),
            Dialog::EndVisit => Some(view! { <EndVisitDialog /> }.into_any()),
            _ => None,
        }}
    }
}

#[component]
fn ScreeningDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = Memo::new(move |_| {
        state.chart.with(|c| {
            let Some(v) = c.visit.as_ref() else {
                return ("none", "No visit under way.".to_string());
            };
            let estim = v
                .screening
                .ready_for_estim()
                .map_err(|g| g.to_string())
                .and_then(|_| v.consented_to_estim().map_err(|g| g.to_string()));
            match (
                v.screening.ready_for_needling(),
                v.consented_to_needling(),
                estim,
            ) {
                (Err(gap), _, _) => ("incomplete", format!("Not ready for needling: {gap}.")),
                (Ok(()), Err(gap), _) => (
                    "consent",
                    format!("Screening done. Not ready for needling: {gap}."),
                ),
                (Ok(()), Ok(()), Ok(())) => ("ready", "Ready for needling and e-stim.".into()),
                (Ok(()), Ok(()), Err(gap)) => {
                    ("needling", format!("Ready for needling. E-stim: {gap}."))
                }
            }
        })
    });
    let pending = move || {
        let (trp, ms) = state.pending_needle.get()?;
        let label = state.chart.with(|c| super::timer_dock::point_label(c, trp));
        Some(format!(
            "“Done” starts the {} min timer for {label}.",
            ms / crate::clinic::timer::MINUTE
        ))
    };
    let done = move |_| {
        state.dialog.set(Dialog::None);
        // A needle asked for before the screening goes in now, if the screening allows it.
        // (Still unscreened, it simply waits for the next "Start timer".)
        if let Some((trp, ms)) = state.pending_needle.get_untracked() {
            state.pending_needle.set(None);
            if state
                .chart
                .with_untracked(|c| c.ready_for_needling().is_ok())
            {
                state.commit(|c, clock| c.start_timer(trp, ms, clock));
            }
        }
    };
    let heading = focus_on_open();
    let questions = Question::ALL
        .into_iter()
        .map(|q| {
            let heading = (q == Question::Pacemaker)
                .then(|| view! { <h3 class="q-heading">"Before e-stim"</h3> });
            view! {
                {heading}
                <QuestionRow q=q />
            }
        })
        .collect_view();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="screening-title" data-dialog="screening">
                <h2 id="screening-title" tabindex="-1" node_ref=heading>"Screening before the first needle"</h2>
                <p class="dialog-lead">"Ask each question. A yes shows what it means and needs your confirmation to go on. The answers are saved with this visit."</p>
                <div class="questions">{questions}</div>
                <p class="screening-status" data-screening=move || status.get().0>{move || status.get().1}</p>
                <ConsentRow />
                {move || matches!(status.get().0, "ready" | "needling").then(|| view! { <p class="pending">{pending}</p> })}
                <div class="dialog-actions">
                    <button class="btn btn-primary" on:click=done>"Done"</button>
                </div>
            </div>
        </div>
    }
}

#[component]
fn QuestionRow(q: Question) -> impl IntoView {
    let state = expect_context::<AppState>();
    let answer = Memo::new(move |_| {
        state.chart.with(|c| {
            c.visit
                .as_ref()
                .and_then(|v| v.screening.answer_of(q).map(|a| (a.yes, a.confirmed_at)))
        })
    });
    let set = move |yes: bool| {
        state.commit(|c, clock| c.answer(q, yes, clock));
    };
    let pressed = move |yes: bool| (answer.get().map(|a| a.0) == Some(yes)).to_string();
    view! {
        <div
            class="question"
            role="group"
            aria-label=q.ask()
            data-question=q.id()
            data-answer=move || match answer.get() {
                None => "",
                Some((false, _)) => "no",
                Some((true, None)) => "yes",
                Some((true, Some(_))) => "confirmed",
            }
        >
            <p class="q-text">{q.ask()}</p>
            <div class="yes-no">
                <button class="btn" aria-pressed=move || pressed(false) on:click=move |_| set(false)>"No"</button>
                <button class="btn" aria-pressed=move || pressed(true) on:click=move |_| set(true)>"Yes"</button>
            </div>
            {move || match answer.get() {
                Some((true, confirmed)) => Some(view! {
                    <div class="meaning">
                        <p>{q.meaning()}</p>
                        {match confirmed {
                            None => view! {
                                <button class="btn btn-primary" on:click=move |_| { state.commit(|c, clock| c.confirm(q, clock)); }>
                                    "Confirm and go on"
                                </button>
                            }
                            .into_any(),
                            Some(at) => view! { <p class="confirmed">{format!("Confirmed at {}.", clock_time(at))}</p> }.into_any(),
                        }}
                    </div>
                }),
                _ => None,
            }}
        </div>
    }
}

/// The patient's agreement in the screening: asked in the patient view, or given in person.
#[component]
fn ConsentRow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = move || {
        state.chart.with(|c| {
            c.visit
                .as_ref()
                .map(|v| (v.estim_planned(), v.consent_now().copied()))
                .unwrap_or_default()
        })
    };
    let agreed = move || now().1.is_some_and(|k| k.answer.agrees());
    let record = move |a: Answer| {
        state.commit(|c, clock| c.record_consent(a, true, clock));
    };
    view! {
        <div class="question consent-row" role="group" aria-label="Consent" data-consent=move || now().1.map_or("none", |k| k.answer.id())>
            <h3 class="q-heading">"Consent"</h3>
            <p class="q-text">{move || consent_line(now().1)}</p>
            <div class="yes-no">
                <button class="btn" on:click=move |_| super::patient_view::enter(&state, usize::MAX)>
                    "Ask in patient view"
                </button>
                {move || if agreed() {
                    view! { <button class="btn" on:click=move |_| record(Answer::Withdrawn)>"Consent withdrawn"</button> }.into_any()
                } else {
                    view! {
                        <button class="btn btn-primary" on:click=move |_| {
                            record(if now().0 { Answer::AgreeWithEstim } else { Answer::Agree })
                        }>
                            "Consent given in person"
                        </button>
                    }
                    .into_any()
                }}
            </div>
        </div>
    }
}

/// "Agreed to dry needling at 09:32 (in person)", or that none is recorded.
pub fn consent_line(k: Option<Consent>) -> String {
    match k {
        None => "Not recorded yet.".into(),
        Some(k) => format!(
            "Patient {} at {}{}.",
            k.answer.label(),
            clock_time(k.at),
            if k.in_person {
                " (in person)"
            } else {
                " (in the patient view)"
            }
        ),
    }
}

#[component]
fn EndVisitDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let needles = Memo::new(move |_| {
        state.chart.with(|c| {
            c.needles_in()
                .map(|t| (t.id, timer_label(c, t), clock_time(t.started_at)))
                .collect::<Vec<_>>()
        })
    });
    let noted = Memo::new(move |_| {
        state.chart.with(|c| {
            c.visit
                .as_ref()
                .map(|v| v.adverse.clone())
                .unwrap_or_default()
        })
    });
    let heading = focus_on_open();
    // With needles in, only "Remove all" ends the visit: it records each one as out.
    let finish = move |all_out: bool| {
        if state
            .commit(|c, clock| c.end_visit(all_out, clock))
            .is_some()
        {
            state.dialog.set(Dialog::None);
        }
    };
    let events = Adverse::ALL
        .into_iter()
        .map(|a| {
            view! {
                <button
                    class="chip"
                    aria-pressed=move || noted.get().contains(&a).to_string()
                    on:click=move |_| { state.commit(|c, _| c.toggle_adverse(a)); }
                >
                    {a.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="end-title" data-dialog="end-visit">
                <h2 id="end-title" tabindex="-1" node_ref=heading>{move || match needles.get().len() {
                    0 => "End the visit".to_string(),
                    1 => "1 needle is still in".to_string(),
                    n => format!("{n} needles are still in"),
                }}</h2>
                {move || if needles.with(|n| n.is_empty()) {
                    view! { <p class="dialog-lead">"Every needle of this visit is out."</p> }.into_any()
                } else {
                    view! {
                    <p class="dialog-lead">"The visit cannot end with needles unaccounted for. Check each one:"</p>
                    <ul class="needles-in">
                        {move || needles.get().into_iter().map(|(id, label, since)| view! {
                            <li data-needle=id.to_string()>
                                <span class="needle-label">{label}</span>
                                <span class="needle-since">{format!("in since {since}")}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p>"“Remove all” records every needle above as out now and ends the visit."</p>
                    }
                    .into_any()
                }}
                <label class="field">
                    <span class="q-heading">"Visit notes"</span>
                    <textarea
                        class="text-input"
                        rows="3"
                        maxlength=crate::clinic::visit::NOTES_MAX.to_string()
                        prop:value=move || state.chart.with(|c| c.visit.as_ref().map(|v| v.notes.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            state.commit(move |c, _| c.set_visit_notes(text));
                        }
                    ></textarea>
                </label>
                <h3 class="q-heading">"Adverse events"</h3>
                <div class="chips" role="group" aria-label="Adverse events of this visit">{events}</div>
                <div class="dialog-actions">
                    <button class="btn" on:click=move |_| state.dialog.set(Dialog::None)>"Keep the visit open"</button>
                    {move || if needles.with(|n| n.is_empty()) {
                        view! { <button class="btn btn-primary" on:click=move |_| finish(false)>"End visit now"</button> }.into_any()
                    } else {
                        view! { <button class="btn btn-stop" on:click=move |_| finish(true)>"Remove all"</button> }.into_any()
                    }}
                </div>
            </div>
        </div>
    }
}
