//! The atlas review page (`#/atlas`): every muscle highlighted in turn on both views with its
//! name, so a clinician can check the whole atlas in minutes.

use leptos::prelude::*;

use super::body_map::{figure_art, muscle_paths};
use crate::anatomy::{self, atlas, model::Layer, model::Side, model::View};

/// How long each muscle is shown while playing (ms).
const STEP_MS: u32 = 2500;

#[component]
pub fn AtlasReview() -> impl IntoView {
    let list: Vec<&'static anatomy::model::Muscle> = atlas::muscles().collect();
    let count = list.len();
    let list = StoredValue::new(list);
    let index = RwSignal::new(0usize);
    let playing = RwSignal::new(false);
    let current = move || list.with_value(|l| l[index.get() % count]);
    let step = move |d: isize| {
        index.update(|i| *i = ((*i as isize + d).rem_euclid(count as isize)) as usize)
    };
    // Cleared when the page is left (its stored value is dropped with the component).
    StoredValue::new_local(gloo_timers::callback::Interval::new(STEP_MS, move || {
        if playing.get_untracked() {
            step(1)
        }
    }));
    let has_deep = move || {
        let id = current().id;
        atlas::shapes().any(|s| s.muscle == id && s.layer == Layer::Deep)
    };
    let figure = move |view: View| {
        let highlight = move || {
            let id = current().id;
            Side::BOTH
                .into_iter()
                .flat_map(|side| {
                    let mut paths = muscle_paths(view, id, side, true);
                    paths.extend(muscle_paths(view, id, side, false));
                    paths.dedup();
                    paths
                })
                .map(|d| view! { <path class="sel-muscle" d=d /> })
                .collect_view()
        };
        let (vx, vy, vw, vh) = anatomy::VIEW_BOX;
        let (left, right) = match view {
            View::Anterior => ("Patient's RIGHT", "Patient's LEFT"),
            View::Posterior => ("Patient's LEFT", "Patient's RIGHT"),
        };
        view! {
            <figure class="figure" data-view=view.id()>
                <svg class="review-svg" viewBox=[vx, vy, vw, vh].map(crate::num::short).join(" ") role="img" aria-label=format!("{} of the body", view.label())>
                    <text class="side-label" x=crate::num::short(vx + 6.0) y=crate::num::short(vy + 18.0) text-anchor="start">{left}</text>
                    <text class="side-label" x=crate::num::short(vx + vw - 6.0) y=crate::num::short(vy + 18.0) text-anchor="end">{right}</text>
                    <g inner_html=figure_art(view)></g>
                    <g class="highlight">{highlight}</g>
                </svg>
                <figcaption>{view.label()}</figcaption>
            </figure>
        }
    };
    view! {
        <div class="review">
            <div class="review-head">
                <div class="review-title">
                    <h2 class="review-name" data-review-muscle=move || current().id>{move || current().name}</h2>
                    <p class="review-meta">
                        {move || format!(
                            "{} of {count} · {}{}",
                            index.get() + 1,
                            current().region.label(),
                            if has_deep() { " · deep layer shown" } else { "" },
                        )}
                    </p>
                </div>
                <div class="review-controls">
                    <button class="btn" on:click=move |_| step(-1)>"Previous"</button>
                    <button class="btn" aria-pressed=move || playing.get().to_string() on:click=move |_| playing.update(|p| *p = !*p)>
                        {move || if playing.get() { "Pause" } else { "Play" }}
                    </button>
                    <button class="btn btn-primary" on:click=move |_| step(1)>"Next"</button>
                </div>
            </div>
            <div class="figures review-figures" class:deep=has_deep>
                {figure(View::Anterior)}
                {figure(View::Posterior)}
            </div>
            <nav class="review-list" aria-label="All muscles">
                {move || {
                    list.with_value(|l| {
                        l.iter()
                            .enumerate()
                            .map(|(i, m)| {
                                view! {
                                    <button
                                        class="chip"
                                        aria-current=move || (index.get() == i).then_some("true")
                                        on:click=move |_| index.set(i)
                                    >
                                        {m.name}
                                    </button>
                                }
                            })
                            .collect_view()
                    })
                }}
            </nav>
        </div>
    }
}
