//! Safety warnings the therapist must not miss.

use leptos::prelude::*;

use super::state::{AppState, Selection};
use crate::anatomy;
use crate::clinic::safety::bilateral_thorax;

/// How many of the points concerned the warning names.
const SHOWN: usize = 6;

/// Shown while trigger points are charted over the thorax on both sides.
#[component]
pub fn ThoraxWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    let flagged = Memo::new(move |_| {
        state.chart.with(|c| {
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
