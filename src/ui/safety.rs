//! Safety warnings the therapist must not miss.

use leptos::prelude::*;

use super::state::{AppState, Selection};
use crate::anatomy;
use crate::clinic::safety::{bilateral_thorax, over_thorax};

/// How many of the points concerned the warning names.
const SHOWN: usize = 6;

/// Shown while trigger points are charted over the thorax on both sides.
#[component]
pub fn ThoraxWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Looked at again point by point: a change that touches no point over the thorax (nor one
    // that was) leaves the warning as it was, so a tap elsewhere does not go through every
    // point on the chart. `seen`: the chart change last looked at, and the points over the
    // thorax then.
    let seen = StoredValue::new((0u64, Vec::<u32>::new()));
    let flagged = Memo::new(move |before: Option<&Option<Vec<(u32, String)>>>| {
        state.chart.track();
        let (rev, changed) = state
            .edits
            .with_value(|e| (e.rev(), e.since(seen.with_value(|s| s.0))));
        if let (Some(before), Some(ids)) = (before, changed) {
            let quiet = seen.with_value(|(_, was)| {
                state.chart.with_untracked(|c| {
                    ids.iter().all(|id| {
                        !was.contains(id) && c.trp(*id).is_none_or(|t| !over_thorax(&t.muscle))
                    })
                })
            });
            if quiet {
                seen.update_value(|s| s.0 = rev);
                return before.clone();
            }
        }
        state.chart.with_untracked(|c| {
            let over: Vec<u32> = c
                .trps
                .iter()
                .filter(|t| over_thorax(&t.muscle))
                .map(|t| t.id)
                .collect();
            seen.set_value((rev, over));
            bilateral_thorax(c).map(|ts| {
                ts.iter()
                    .map(|t| {
                        let name = anatomy::muscle(&t.muscle).map_or(t.muscle.as_str(), |m| m.name);
                        (t.id, format!("{name} · {}", t.side.label()))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        {move || flagged.get().is_some().then(|| view! {
            <div class="banner danger" role="alert" data-warning="bilateral-thorax">
                <div>
                    <p class="banner-title">"Thorax charted on both sides"</p>
                    <p>
                        "Needling both sides of the chest in one visit risks a pneumothorax on both sides. Treat one side today."
                    </p>
                    <p class="banner-list">
                        {move || {
                            let all = flagged.get().unwrap_or_default();
                            let more = all.len().saturating_sub(SHOWN);
                            let chips = all
                                .into_iter()
                                .take(SHOWN)
                                .map(|(id, label)| {
                                    view! {
                                        <button class="chip" on:click=move |_| state.selection.set(Selection::Trp(id))>
                                            {label}
                                        </button>
                                    }
                                })
                                .collect_view();
                            view! {
                                {chips}
                                {(more > 0).then(|| view! { <span class="more">{format!("and {more} more")}</span> })}
                            }
                        }}
                    </p>
                </div>
            </div>
        })}
    }
}
