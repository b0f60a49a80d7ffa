//! Muscle search: type part of a name ("trap"), pick the side, and the map zooms to it.

use leptos::prelude::*;

use super::body_map::show_muscle;
use super::state::AppState;
use crate::anatomy::{model::Side, presets};

/// How many matches the list shows (enough for every trapezius, gluteus or extensor family).
const MAX_RESULTS: usize = 8;

#[component]
pub fn MuscleSearch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let results = Memo::new(move |_| {
        presets::search(&query.get())
            .into_iter()
            .take(MAX_RESULTS)
            .map(|m| (m.id, m.name))
            .collect::<Vec<_>>()
    });
    let choose = move |id: &'static str, side: Side| {
        show_muscle(&state, id, side);
        query.set(String::new());
    };
    view! {
        <div class="search">
            <input
                type="search"
                class="search-input"
                aria-label="Find a muscle"
                placeholder="Find a muscle"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <Show when=move || !query.get().trim().is_empty()>
                <div class="search-results" role="group" aria-label="Matching muscles">
                    <Show
                        when=move || !results.get().is_empty()
                        fallback=|| view! { <p class="no-match">"No muscle matches."</p> }
                    >
                        <ul>
                            {move || {
                                results
                                    .get()
                                    .into_iter()
                                    .map(|(id, name)| {
                                        view! {
                                            <li data-result=id>
                                                <span class="result-name">{name}</span>
                                                {Side::BOTH
                                                    .into_iter()
                                                    .map(|side| {
                                                        view! {
                                                            <button
                                                                class="btn side-btn"
                                                                aria-label=format!("{}: {name}", side.label())
                                                                on:click=move |_| choose(id, side)
                                                            >
                                                                {side.label()}
                                                            </button>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
