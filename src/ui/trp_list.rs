//! The session's trigger points beside the map, in charting order, synced with the map.

use leptos::prelude::*;

use super::state::{AppState, Selection};
use crate::anatomy;
use crate::clinic::findings::Status;

/// Rows shown before "Show all": a session rarely has more, and hundreds of rows would cost
/// every tap on the map a relayout of the whole list.
const SHOWN: usize = 40;

#[component]
pub fn TrpList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let all = RwSignal::new(false);
    // The list follows the chart and the selection in the task after the map's next frame: a
    // tap on the map paints its marker first and the list's row a frame later, so that the
    // tap's own work is the marker's. `listed` is the selection the list shows; it is set
    // (and so notifies) on every change of either, and the list's parts follow it alone.
    let listed = RwSignal::new(state.selected_trp_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        state.chart.track();
        state.selection.track();
        if first.is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        crate::frame::after_frame(move || {
            pending.try_set_value(false);
            listed.try_set(state.selected_trp_untracked());
        });
    });
    // Rows are keyed by what they show; names are static strings, so a change to one point
    // allocates nothing for the others.
    let count = move || {
        listed.track();
        state.chart.with_untracked(|c| c.trps.len())
    };
    let rows = move || {
        let selected = listed.get();
        let all = all.get();
        state.chart.with_untracked(|c| {
            let from = c.trps.len().saturating_sub(SHOWN);
            c.trps
                .iter()
                .enumerate()
                // The most recent points, and the selected one wherever it is.
                .filter(|(i, t)| all || *i >= from || Some(t.id) == selected)
                .map(|(_, t)| {
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
            <h2>{move || format!("Trigger points ({})", count())}</h2>
            <Show
                when=move || { count() > 0 }
                fallback=|| view! { <p class="empty">"None charted yet."</p> }
            >
                <ul>
                    <For each=rows key=|r| *r let((id, name, side, latent, nrs))>
                        <li>
                            <button
                                class="trp-row"
                                data-trp-row=id.to_string()
                                aria-current=move || (listed.get() == Some(id)).then_some("true")
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
                <Show when=move || { count() > SHOWN }>
                    <p class="list-more">
                        <span>{move || if all.get() {
                            "All points shown.".to_string()
                        } else {
                            format!("The {SHOWN} most recent points are shown.")
                        }}</span>
                        <button class="btn small" aria-pressed=move || all.get().to_string() on:click=move |_| all.update(|a| *a = !*a)>
                            {move || format!("Show all {}", count())}
                        </button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}
