//! The session's trigger points beside the map, in charting order, synced with the map.

use leptos::prelude::*;

use super::state::{AppState, Selection};
use crate::anatomy;
use crate::clinic::findings::Status;

#[component]
pub fn TrpList() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Rows are keyed by what they show; names are static strings, so a change to one point
    // allocates nothing for the others.
    let rows = move || {
        state.chart.with(|c| {
            c.trps
                .iter()
                .map(|t| {
                    let name = anatomy::muscle(&t.muscle).map_or("Unknown muscle", |m| m.name);
                    (
                        t.id,
                        name,
                        t.side,
                        t.findings.status == Status::Latent,
                        t.findings.nrs_before,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="trp-list" aria-label="Trigger points of this session">
            <h2>{move || format!("Trigger points ({})", state.chart.with(|c| c.trps.len()))}</h2>
            <Show
                when=move || state.chart.with(|c| !c.trps.is_empty())
                fallback=|| view! { <p class="empty">"None charted yet."</p> }
            >
                <ul>
                    <For each=rows key=|r| *r let((id, name, side, latent, nrs))>
                        <li>
                            <button
                                class="trp-row"
                                data-trp-row=id.to_string()
                                aria-current=move || (state.selected_trp() == Some(id)).then_some("true")
                                on:click=move |_| {
                                    state.mode.set(super::state::Mode::Chart);
                                    state.selection.set(Selection::Trp(id));
                                }
                            >
                                <span class=if latent { "status latent" } else { "status active" }>
                                    {if latent { "Latent" } else { "Active" }}
                                </span>
                                <span class="row-name">{name}</span>
                                <span class="row-side">{side.label()}</span>
                                <span class="row-nrs">{nrs.map_or_else(|| "–".to_string(), |n| format!("NRS {n}"))}</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
