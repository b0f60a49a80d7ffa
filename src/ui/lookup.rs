//! "Where does it hurt?": the patient's pain drawing and the muscles that may explain it.

use leptos::prelude::*;

use super::body_map::show_muscle;
use super::state::{AppState, Mode};
use crate::anatomy::{self, lookup};

/// How many candidates the list shows.
const SHOWN: usize = 10;

#[component]
pub fn LookupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ranked = Memo::new(move |_| state.with_pain(|c| lookup::rank(&c.pain)));
    let has_drawing = move || state.with_pain(|c| !c.pain.is_empty());
    // The list opens at its top, whatever the record above was scrolled to.
    request_animation_frame(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".side-scroll").ok().flatten())
        {
            el.set_scroll_top(0);
        }
    });
    view! {
        <section class="lookup" aria-label="Where does it hurt?">
            <div class="lookup-head">
                <p class="big">"Where does it hurt?"</p>
                <button
                    class="btn small"
                    disabled=move || !has_drawing()
                    on:click=move |_| {
                        state.change(|c, _| Ok(c.change_pain(|p| p.clear())));
                    }
                >
                    "Clear drawing"
                </button>
                <button class="btn small" on:click=move |_| state.mode.set(Mode::Chart)>"Done"</button>
            </div>
            <p class="hint-small">"Paint where it hurts. Muscles that refer pain there, likeliest first:"</p>
            <Show
                when=move || !ranked.get().is_empty()
                fallback=move || view! {
                    <p class="empty">{move || if has_drawing() { "No referral pattern covers this area." } else { "Nothing painted yet." }}</p>
                }
            >
                <ol class="candidates">
                    {move || {
                        ranked
                            .get()
                            .into_iter()
                            .take(SHOWN)
                            .map(|c| {
                                let name = anatomy::muscle(c.muscle).map_or(c.muscle, |m| m.name);
                                let sites = super::texts::sites(state.texts_rev, c.muscle).join("; ");
                                let grade = if c.essential > 0.0 { "essential" } else { "spillover" };
                                let (muscle, side) = (c.muscle, c.side);
                                view! {
                                    <li data-candidate=muscle data-side=side.id()>
                                        <button
                                            class="candidate"
                                            on:click=move |_| {
                                                state.mode.set(Mode::Chart);
                                                show_muscle(&state, muscle, side);
                                            }
                                        >
                                            <span class="cand-name">{format!("{name} · {}", side.label())}</span>
                                            <span class="cand-grade">{grade}</span>
                                            <span class="cand-sites">{sites}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </section>
    }
}
