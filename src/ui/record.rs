//! A trigger point's record: the consensus criteria, pain scores, the needle and a note, with
//! large controls; every edit is saved at once and can be undone.

use leptos::prelude::*;

use super::state::{settled, AppState, Selection};
use crate::anatomy::referral::{self, CautionKind};
use crate::clinic::findings::{Field, Findings, Status, Technique};

const GAUGES: [f32; 6] = [0.16, 0.18, 0.20, 0.25, 0.30, 0.35];
const LENGTHS: [u16; 9] = [13, 15, 25, 30, 40, 50, 60, 75, 100];

fn caution_title(kind: CautionKind) -> &'static str {
    match kind {
        CautionKind::Lung => "Lung below",
        CautionKind::NerveVessel => "Nerve or vessel nearby",
        CautionKind::Organ => "Organ nearby",
    }
}

/// The record of the selected trigger point; stays mounted while the selection moves from
/// point to point, so only the values change.
#[component]
pub fn RecordEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = settled(move || {
        state
            .panel_trp()
            .and_then(|id| state.chart.with(|c| c.trp(id).map(|t| t.findings.clone())))
            .unwrap_or_default()
    });
    let muscle = Memo::new(move |_| {
        state
            .panel_trp()
            .and_then(|id| state.chart.with(|c| c.trp(id).map(|t| t.muscle.clone())))
            .unwrap_or_default()
    });
    // Applies an edit of the selected point's record; false when it was refused (and said).
    let edit = move |field: Field, f: Box<dyn FnOnce(&mut Findings)>| -> bool {
        state
            .panel_trp_untracked()
            .is_some_and(|id| state.change(|c, _| c.change_record(id, field, f)))
    };
    // The last number refused, with why, shown under the record until a value is kept.
    let rejected = RwSignal::new(None::<(Field, String)>);
    let toggle = move |field: Field,
                       label: &'static str,
                       get: fn(&Findings) -> bool,
                       set: fn(&mut Findings, bool)| {
        view! {
            <button
                class="btn chip-toggle"
                aria-pressed=move || get(&findings.get()).to_string()
                on:click=move |_| {
                    let now = get(&findings.get_untracked());
                    edit(field, Box::new(move |f| set(f, !now)));
                }
            >
                {label}
            </button>
        }
    };
    let nrs_row = move |field: Field,
                        title: &'static str,
                        get: fn(&Findings) -> Option<u8>,
                        set: fn(&mut Findings, Option<u8>)| {
        view! {
            <div class="field">
                <p class="field-label" id=format!("nrs-{}", title.replace(' ', "-"))>{title}</p>
                <div class="chips" role="group" aria-label=format!("{title} (NRS 0 to 10)")>
                    {(0..=10u8)
                        .map(|n| {
                            view! {
                                <button
                                    class="chip num"
                                    aria-label=format!("{title}: {n}")
                                    aria-pressed=move || (get(&findings.get()) == Some(n)).to_string()
                                    on:click=move |_| {
                                        // Tapping the chosen value again clears it.
                                        let now = get(&findings.get_untracked());
                                        edit(field, Box::new(move |f| set(f, if now == Some(n) { None } else { Some(n) })));
                                    }
                                >
                                    {n.to_string()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        }
    };
    let cautions = move || referral::cautions_for(&muscle.get()).collect::<Vec<_>>();
    let refers = move || super::texts::refers(state.texts_rev, &muscle.get());
    let number_input = move |label: &'static str,
                             field: Field,
                             get: fn(&Findings) -> Option<f32>,
                             set: fn(&mut Findings, Option<f32>)| {
        view! {
            <label class="field inline">
                <span class="field-label">{label}</span>
                <input
                    class="num-input"
                    type="number"
                    inputmode="decimal"
                    min="0"
                    step="0.1"
                    prop:value=move || get(&findings.get()).map(crate::num::short).unwrap_or_default()
                    aria-invalid=move || rejected.get().is_some_and(|(f, _)| f == field).to_string()
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        let kept = if raw.trim().is_empty() {
                            edit(field, Box::new(move |f| set(f, None)))
                        } else if let Some(v) = crate::num::parse(&raw) {
                            edit(field, Box::new(move |f| set(f, Some(v))))
                        } else {
                            false
                        };
                        // The field shows what is stored: a refused value is explained, not kept.
                        if kept {
                            rejected.set(None);
                        } else {
                            rejected.set(Some((field, format!("“{raw}” was not kept: {label} takes a number in range. The field shows the value kept."))));
                            state.message.set(None);
                            let stored = get(&findings.get_untracked()).map(crate::num::short).unwrap_or_default();
                            if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                input.set_value(&stored);
                            }
                        }
                    }
                />
                {move || rejected.get().filter(|(f, _)| *f == field).map(|(_, why)| view! { <span class="form-error" role="alert" data-rejected="">{why}</span> })}
            </label>
        }
    };
    view! {
        <div class="record">
            {move || {
                let cautions = cautions();
                (!cautions.is_empty()).then(|| {
                    view! {
                        <div class="caution-box" role="note" aria-label="Needling caution">
                            {cautions
                                .iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    // The kind is always there; what lies there and what to do
                                    // come with the clinical texts, a moment after start-up.
                                    let (reason, guidance) = super::texts::caution(state.texts_rev, c.muscle, i)
                                        .unwrap_or_else(|| (String::new(), "Guidance is loading…".into()));
                                    view! {
                                        <p class="caution-title">{caution_title(c.kind)}</p>
                                        <p class="caution-reason">{reason}</p>
                                        <p class="caution-guidance">{guidance}</p>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })
            }}
            {move || refers().map(|r| view! { <p class="refers"><strong>"Refers to: "</strong>{r}</p> })}
            <div class="field">
                <div class="chips" role="group" aria-label="Status">
                    {[Status::Active, Status::Latent]
                        .into_iter()
                        .map(|s| {
                            view! {
                                <button
                                    class="btn seg-status"
                                    aria-pressed=move || (findings.get().status == s).to_string()
                                    on:click=move |_| { edit(Field::Status, Box::new(move |f| f.status = s)); }
                                >
                                    {s.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <div class="chips toggles">
                {toggle(Field::Recognised, "Patient recognises the pain", |f| f.recognised, |f, v| f.recognised = v)}
                {toggle(Field::TautBand, "Taut band", |f| f.taut_band, |f, v| f.taut_band = v)}
                {toggle(Field::JumpSign, "Jump sign", |f| f.jump_sign, |f, v| f.jump_sign = v)}
            </div>
            <div class="field">
                <p class="field-label">"Local twitch response"</p>
                <div class="chips" role="group" aria-label="Local twitch responses">
                    {(0..=5u8)
                        .map(|n| {
                            let text = match n {
                                0 => "None".to_string(),
                                5 => "5+".to_string(),
                                n => n.to_string(),
                            };
                            view! {
                                <button
                                    class="chip num"
                                    aria-label=format!("Twitch responses: {text}")
                                    aria-pressed=move || (findings.get().twitches == n).to_string()
                                    on:click=move |_| { edit(Field::Twitches, Box::new(move |f| f.twitches = n)); }
                                >
                                    {text.clone()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            {nrs_row(Field::NrsBefore, "Pain before", |f| f.nrs_before, |f, v| f.nrs_before = v)}
            {nrs_row(Field::NrsAfter, "Pain after", |f| f.nrs_after, |f, v| f.nrs_after = v)}
            {number_input("Pressure-pain threshold (kg/cm²)", Field::Ppt, |f| f.ppt, |f, v| f.ppt = v)}
            <fieldset class="needle">
                <legend>"Needle"</legend>
                <div class="field">
                    <p class="field-label">"Gauge (mm)"</p>
                    <div class="chips" role="group" aria-label="Needle gauge">
                        {GAUGES
                            .into_iter()
                            .map(|g| {
                                view! {
                                    <button
                                        class="chip num"
                                        aria-pressed=move || (findings.get().needle.gauge_mm == Some(g)).to_string()
                                        on:click=move |_| { edit(Field::Needle, Box::new(move |f| f.needle.gauge_mm = Some(g))); }
                                    >
                                        {crate::num::fixed(g, 2, false)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                <div class="field">
                    <p class="field-label">"Length (mm)"</p>
                    <div class="chips" role="group" aria-label="Needle length">
                        {LENGTHS
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <button
                                        class="chip num"
                                        aria-pressed=move || (findings.get().needle.length_mm == Some(l)).to_string()
                                        on:click=move |_| { edit(Field::Needle, Box::new(move |f| f.needle.length_mm = Some(l))); }
                                    >
                                        {l.to_string()}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                {number_input("Depth (mm)", Field::Needle, |f| f.needle.depth_mm.map(f32::from), |f, v| f.needle.depth_mm = v.map(|v| if (0.0..=1000.0).contains(&v) { v.round() as u16 } else { u16::MAX }))}
                <div class="chips" role="group" aria-label="Technique">
                    {[(Technique::Static, "Static"), (Technique::Pistoning, "Pistoning")]
                        .into_iter()
                        .map(|(t, label)| {
                            view! {
                                <button
                                    class="btn seg-status"
                                    aria-pressed=move || (findings.get().needle.technique == Some(t)).to_string()
                                    on:click=move |_| { edit(Field::Needle, Box::new(move |f| f.needle.technique = Some(t))); }
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <label class="field">
                <span class="field-label">"Note" <span class="note-count">{move || format!("{} / 10,000 characters", findings.with(|f| f.note.chars().count()))}</span></span>
                <textarea
                    class="note"
                    rows="3"
                    maxlength=crate::clinic::findings::NOTE_MAX.to_string()
                    prop:value=move || findings.get().note
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(Field::Note, Box::new(move |f| f.note = text));
                    }
                ></textarea>
            </label>
            <button
                class="btn btn-stop delete"
                on:click=move |_| {
                    if let Some(id) = state.panel_trp_untracked() {
                        let name = super::panel::display_name(&muscle.get_untracked());
                        if state.change(|c, _| c.change_remove(id)) {
                            state.selection.set(Selection::None);
                            let said = format!("Point deleted: {name}.");
                            state.undo_offer.set(Some(said.clone()));
                            state.message.set(Some(said));
                        }
                    }
                }
            >
                "Delete point"
            </button>
        </div>
    }
}
