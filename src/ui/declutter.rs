//! Muscle names written on the zoomed map give way to the controls floating over it and to the
//! trigger points on it: a name that a control or a marker would cover, or that the stage's
//! edge would cut, is hidden rather than shown half under a button, cut through by a marker or
//! cut off.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::labels::overlaps;
use crate::spread::Rect;

/// What floats over the map: zoom buttons, the region list, the legend (while shown) and the
/// side tags.
const CONTROLS: &str = ".zoom-controls .btn, .preset-list, .legend:not(.off), .side-tag";
/// What is drawn on the map that a name must not run through: markers' dots and the selection
/// ring.
const MARKS: &str = ".stage .trp-dot, .stage .sel-ring";
/// How long a zoom takes to settle (the camera's transition), in milliseconds.
const SETTLE_MS: u64 = 420;

fn rect(e: &web_sys::Element) -> Rect {
    let r = e.get_bounding_client_rect();
    (r.left(), r.top(), r.right(), r.bottom())
}

/// Marks every written name that a control or a marker covers or the stage's edge cuts (class
/// `covered`), and clears the mark from the others.
pub fn hide_covered_names() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let all = |sel: &str| -> Vec<web_sys::Element> {
        doc.query_selector_all(sel).map_or_else(
            |_| Vec::new(),
            |list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .collect()
            },
        )
    };
    // Names are written only when zoomed in: at rest there is nothing to measure (and no
    // layout to force).
    let names = all(".stage .label");
    if names.is_empty() {
        return;
    }
    let over: Vec<Rect> = all(CONTROLS)
        .iter()
        .chain(all(MARKS).iter())
        .map(rect)
        .filter(|r| r.2 > r.0)
        .collect();
    for name in names {
        let at = rect(&name);
        // A name the stage's edge would cut (its width on screen differs a little from the
        // estimate it was placed by) is not written half.
        let cut = name
            .closest(".stage")
            .ok()
            .flatten()
            .map(|s| rect(&s))
            .is_some_and(|s| {
                at.0 < s.0 - 1.0 || at.1 < s.1 - 1.0 || at.2 > s.2 + 1.0 || at.3 > s.3 + 1.0
            });
        let covered = cut || over.iter().any(|c| overlaps(at, *c));
        let _ = name.class_list().toggle_with_force("covered", covered);
    }
}

/// Checks the names again once the map settles after a zoom, a pan, a change of view or layer,
/// or a new layout; a newer change waits for its own settling.
pub fn watch(state: AppState) {
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let zoomed = state.camera.get().scale >= super::overlays::LABEL_ZOOM;
        state.layout_rev.track();
        state.deep.track();
        state.portrait_view.track();
        state.mode.track();
        // Points charted, moved or taken away, and the selection ring; only while names are
        // written (a tap at rest zoom wakes nothing here).
        if zoomed {
            state.chart.track();
            state.selection.track();
        }
        let mine = generation.get_value().wrapping_add(1);
        generation.set_value(mine);
        // Mid-pinch the camera moves with every pointer move: nothing is scheduled until the
        // gesture ends (this runs again then).
        if state.gesturing.get() {
            return;
        }
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    hide_covered_names();
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
    });
}
