//! The patient view: the tablet turned toward the patient. Their body with their own points
//! and where each one's pain can go, a short story told one page at a time, their own drawing
//! of where it hurts with a score, and their agreement. Nothing clinical is on screen: no
//! notes, no findings, no screening, no other patient.
//!
//! The texts are data, one file per language (`assets/texts/patient-<lang>.json`), fetched
//! from this site when the view first needs them and kept for the session. They are parsed by
//! the browser and read by key, so no text and no decoding code weighs on the first load.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::state::{AppState, Mode, Selection};
use super::texts::{at, fetch_json, items, strings, text};
use crate::anatomy::model::View;
use crate::clinic::consent::{Answer, SCORE_MAX};

/// Languages of the patient texts: id and the name shown on its button.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("es", "Español")];

/// How long "Exit patient view" must be held (ms).
const HOLD_MS: u32 = 2_000;

/// Pages after the story's own: the patient's drawing and score, then the agreement.
const EXTRA_PAGES: usize = 2;

thread_local! {
    /// The parsed texts of each language once loaded (English, Spanish).
    static LOADED: std::cell::RefCell<[Option<JsValue>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// The patient texts in the chosen language, loaded on first use.
#[derive(Clone, Copy)]
pub struct Texts {
    /// Spanish rather than English.
    pub spanish: RwSignal<bool>,
    /// Bumped when a language's texts arrive.
    loaded: RwSignal<u32>,
    pub failed: RwSignal<bool>,
}

impl Texts {
    /// Texts that load once `wanted` first turns true (the patient view opening).
    pub fn new(wanted: RwSignal<bool>) -> Texts {
        let t = Texts {
            spanish: RwSignal::new(false),
            loaded: RwSignal::new(0),
            failed: RwSignal::new(false),
        };
        Effect::new(move |_| {
            let slot = usize::from(t.spanish.get());
            if !wanted.get() || LOADED.with_borrow(|l| l[slot].is_some()) {
                return;
            }
            leptos::task::spawn_local(async move {
                match fetch_json(&format!("patient-{}.json", LANGUAGES[slot].0)).await {
                    Ok(v) => {
                        LOADED.with_borrow_mut(|l| l[slot] = Some(v));
                        t.failed.set(false);
                        t.loaded.update(|n| *n += 1);
                    }
                    Err(_) => t.failed.set(true),
                }
            });
        });
        t
    }

    /// With the chosen language's texts, tracked: it follows the language and the loading.
    fn with<R>(&self, f: impl FnOnce(&JsValue) -> R) -> Option<R> {
        self.loaded.track();
        let slot = usize::from(self.spanish.get());
        LOADED.with_borrow(|l| l[slot].as_ref().map(f))
    }

    /// A text by key ("ui.next").
    pub fn get(&self, path: &str) -> String {
        self.with(|t| text(t, path)).unwrap_or_default()
    }

    pub fn ready(&self) -> bool {
        self.with(|_| ()).is_some()
    }
}

/// Turns the screen toward the patient (`page`: where the story opens). The selection stays:
/// the point the therapist was on shows its pattern to the patient too.
pub fn enter(state: &AppState, page: usize) {
    state.dialog.set(super::state::Dialog::None);
    state.mode.set(Mode::Chart);
    state.show_all.set(true);
    state.patient_page.set(page);
    state.patient_view.set(true);
}

/// The page's language: the patient's while the patient view is in Spanish, else English;
/// the map's front/back switch follows it (`views`: its two labels).
fn set_lang(lang: &str, views: [String; 2]) {
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang);
    }
    if let Ok(segs) = doc.query_selector_all(".view-switch .seg") {
        for (i, label) in views.iter().enumerate() {
            if let Some(seg) = segs.get(i as u32) {
                seg.set_text_content(Some(label));
            }
        }
    }
}

/// Gives the screen back to the therapist.
fn leave(state: &AppState) {
    set_lang("en", View::ALL.map(|v| v.label().to_string()));
    state.mode.set(Mode::Chart);
    state.show_all.set(false);
    state.patient_view.set(false);
}

/// The app root (the page and its body) says which view is on: `data-mode="patient"`.
pub fn mark_root(on: bool) {
    let doc = document();
    for el in [doc.document_element(), doc.body().map(Into::into)]
        .into_iter()
        .flatten()
    {
        let _ = if on {
            el.set_attribute("data-mode", "patient")
        } else {
            el.remove_attribute("data-mode")
        };
    }
}

/// The header of the patient view: whose story, the language, the take-home sheet and the way
/// back to the therapist ("Exit patient view", held for two seconds, never a tap).
#[component]
pub fn PatientBar(texts: Texts) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let spanish = texts.spanish.get();
        texts
            .with(|t| {
                let tx = |k: &str| esc(&text(t, k));
                // The page, and the map's front/back switch, speak the chosen language.
                set_lang(
                    LANGUAGES[usize::from(spanish)].0,
                    [text(t, "ui.front"), text(t, "ui.back_view")],
                );
                let mut h = String::from("<div class=\"pv-langs\" role=\"group\" aria-label=\"Language\">");
                for (i, (id, name)) in LANGUAGES.into_iter().enumerate() {
                    h.push_str(&format!(
                        "<button class=\"btn\" lang=\"{id}\" data-act=\"lang\" data-v=\"{i}\" aria-pressed=\"{}\">{name}</button>",
                        (i == 1) == spanish
                    ));
                }
                h.push_str("</div>");
                button(&mut h, "", "print", "", None, &tx("sheet.print"));
                h.push_str(&format!(
                    "<div class=\"pv-exit\"><button class=\"btn pv-exit-btn\" data-act=\"exit\"><span class=\"pv-fill\" aria-hidden=\"true\"></span><span class=\"pv-exit-label\">{}</span></button><span class=\"pv-exit-hint\"><span class=\"idle\">{}</span><span class=\"busy\">{}</span></span></div>",
                    tx("ui.exit"),
                    tx("ui.exit_hint"),
                    tx("ui.exit_holding")
                ));
                h
            })
            .unwrap_or_default()
    };
    // Holding: the exit button fills for two seconds; letting go (or sliding off) stops it.
    // The held button is kept with its timeout (dropping the timeout cancels it).
    type Held = Option<(gloo_timers::callback::Timeout, web_sys::Element)>;
    let held = std::rc::Rc::new(std::cell::Cell::<Held>::new(None));
    let pending = held.clone();
    let hold = move |ev: web_sys::PointerEvent| {
        let Some(button) =
            acting(&ev).filter(|b| b.get_attribute("data-act").as_deref() == Some("exit"))
        else {
            return;
        };
        let _ = button.class_list().add_1("holding");
        let done = button.clone();
        let timeout = gloo_timers::callback::Timeout::new(HOLD_MS, move || {
            let _ = done.class_list().remove_1("holding");
            texts.spanish.set(false);
            leave(&state);
        });
        pending.set(Some((timeout, button)));
    };
    let release = move |_: web_sys::PointerEvent| {
        if let Some((_, button)) = held.take() {
            let _ = button.class_list().remove_1("holding");
        }
    };
    view! {
        <div
            class="pv-bar"
            inner_html=html
            on:click=move |ev| act(&state, &texts, &ev)
            on:pointerdown=hold
            on:pointerup=release.clone()
            on:pointerout=release.clone()
            on:pointercancel=release
            on:contextmenu=|ev| ev.prevent_default()
        ></div>
    }
}

/// The take-home sheet, printed by the browser (which also saves it as PDF): one page in the
/// patient's language, made by the record out (`record::sheet`) from the map's own figures.
fn print_sheet(state: &AppState, texts: &Texts) {
    let lang = LANGUAGES[usize::from(texts.spanish.get_untracked())].0;
    super::texts::later(state, "sheet", None, lang);
}

/// The patient's first name, as the patient view and the sheet address them.
fn first_name(state: &AppState) -> String {
    state.patient.with_untracked(|p| {
        p.name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    })
}

/// "left" or "right" (the patient's) in the texts' language, made safe for HTML.
fn side_word(t: &JsValue, side: crate::anatomy::model::Side) -> String {
    esc(&text(
        t,
        match side {
            crate::anatomy::model::Side::Left => "ui.point_left",
            crate::anatomy::model::Side::Right => "ui.point_right",
        },
    ))
}

/// Text made safe to place in HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// What the patient's answers make of the page: chart facts the story needs.
struct Facts {
    points: Vec<(u32, String, crate::anatomy::model::Side)>,
    selected: Option<u32>,
    estim: bool,
    thorax: bool,
    drawn: bool,
    score: Option<u8>,
    consent: Option<(Answer, crate::clinic::timer::Millis)>,
}

fn facts(state: &AppState) -> Facts {
    let selected = state.selected_trp();
    state.chart.with(|c| {
        let v = c.visit.as_ref();
        Facts {
            points: c
                .trps
                .iter()
                .map(|t| (t.id, t.muscle.clone(), t.side))
                .collect(),
            selected,
            estim: v.is_some_and(|v| v.estim_planned()),
            thorax: c
                .trps
                .iter()
                .any(|t| crate::clinic::safety::over_thorax(&t.muscle)),
            drawn: v.is_some_and(|v| !v.patient_pain.is_empty()),
            score: v.and_then(|v| v.patient_score),
            consent: v.and_then(|v| v.consent_now().map(|k| (k.answer, k.at))),
        }
    })
}

/// A button of the page; a tap on it is read by `act` from `data-act` and `data-v`.
fn button(out: &mut String, class: &str, act: &str, v: &str, pressed: Option<bool>, label: &str) {
    out.push_str(&format!(
        "<button class=\"btn {class}\" data-act=\"{act}\" data-v=\"{v}\""
    ));
    if let Some(p) = pressed {
        out.push_str(&format!(" aria-pressed=\"{p}\""));
    }
    out.push_str(&format!(">{label}</button>"));
}

/// One page of the story as HTML, from the texts (escaped) and the patient's own chart.
fn page_html(t: &JsValue, n: usize, f: &Facts) -> String {
    let tx = |k: &str| esc(&text(t, k));
    let para = |out: &mut String, class: &str, s: &str| {
        if !s.is_empty() {
            out.push_str(&format!("<p class=\"pv-text {class}\">{}</p>", esc(s)));
        }
    };
    let story = items(&at(t, "pages"));
    let mut h = String::new();
    if let Some(p) = story.get(n) {
        let id = text(p, "id");
        h.push_str(&format!(
            "<h2 class=\"pv-title\" data-story=\"{}\">{}</h2>",
            esc(&id),
            esc(&text(p, "title"))
        ));
        for s in strings(p, "body") {
            para(&mut h, "", &s);
        }
        if f.estim {
            para(&mut h, "pv-note", &text(p, "estim"));
        }
        if f.thorax {
            para(&mut h, "pv-note", &text(p, "thorax"));
        }
        if id == "elsewhere" {
            h.push_str(&format!(
                "<h3 class=\"pv-sub\">{}</h3>",
                tx("ui.your_points")
            ));
            if f.points.is_empty() {
                para(&mut h, "", &text(t, "ui.no_points"));
            }
            h.push_str("<ul class=\"pv-points\">");
            for (i, (id, muscle, side)) in f.points.iter().enumerate() {
                let side = side_word(t, *side);
                let name = tx(&format!("muscles.{muscle}.name"));
                h.push_str("<li>");
                button(
                    &mut h,
                    "pv-point",
                    "point",
                    &id.to_string(),
                    Some(f.selected == Some(*id)),
                    &format!("<span class=\"pv-num\">{}</span>{name} ({side})", i + 1),
                );
                h.push_str("</li>");
            }
            h.push_str("</ul>");
            let muscle = f
                .points
                .iter()
                .find(|p| Some(p.0) == f.selected)
                .map(|p| p.1.as_str());
            if let Some(m) = muscle {
                para(
                    &mut h,
                    "pv-refers",
                    &text(t, &format!("muscles.{m}.refers")),
                );
            }
        }
    } else if n == story.len() {
        h.push_str(&format!(
            "<h2 class=\"pv-title\" data-story=\"draw\">{}</h2>",
            tx("ui.paint_title")
        ));
        para(&mut h, "", &text(t, "ui.paint_lead"));
        if f.drawn {
            button(&mut h, "", "clear", "", None, &tx("ui.paint_clear"));
            para(&mut h, "pv-ok", &text(t, "ui.drawing_saved"));
        }
        h.push_str(&format!(
            "<h3 class=\"pv-sub\">{q}</h3><div class=\"pv-scores\" role=\"group\" aria-label=\"{q}\">",
            q = tx("ui.score_question")
        ));
        for s in 0..=SCORE_MAX {
            let v = s.to_string();
            button(
                &mut h,
                "pv-score",
                "score",
                &v,
                Some(f.score == Some(s)),
                &v,
            );
        }
        h.push_str(&format!(
            "</div><p class=\"pv-scale\"><span>{}</span><span>{}</span></p>",
            tx("ui.score_low"),
            tx("ui.score_high")
        ));
        if let Some(s) = f.score {
            h.push_str(&format!(
                "<p class=\"pv-text pv-ok\" data-patient-score=\"{s}\">{}</p>",
                tx("ui.score_saved").replace("{n}", &s.to_string())
            ));
        }
    } else {
        h.push_str(&format!(
            "<h2 class=\"pv-title\" data-story=\"consent\">{}</h2>",
            tx("ui.consent_title")
        ));
        para(&mut h, "", &text(t, "ui.consent_lead"));
        if let Some((a, when)) = f.consent {
            let key = match a {
                Answer::Agree => "ui.agreed",
                Answer::AgreeWithEstim => "ui.agreed_estim",
                Answer::Questions => "ui.asked",
                Answer::Withdrawn => "ui.withdrawn",
            };
            h.push_str(&format!(
                "<p class=\"pv-text pv-ok\" role=\"status\" data-consent=\"{}\">{}</p>",
                a.id(),
                tx(key).replace("{time}", &super::visit::clock_time(when))
            ));
        }
        h.push_str("<div class=\"pv-answers\">");
        if f.consent.is_some_and(|c| c.0.agrees()) {
            button(
                &mut h,
                "pv-answer",
                "consent",
                Answer::Withdrawn.id(),
                None,
                &tx("ui.withdraw"),
            );
        } else {
            if f.estim {
                button(
                    &mut h,
                    "btn-primary pv-answer",
                    "consent",
                    Answer::AgreeWithEstim.id(),
                    None,
                    &tx("ui.agree_estim"),
                );
            }
            let class = if f.estim {
                "pv-answer"
            } else {
                "btn-primary pv-answer"
            };
            button(
                &mut h,
                class,
                "consent",
                Answer::Agree.id(),
                None,
                &tx("ui.agree"),
            );
            button(
                &mut h,
                "pv-answer",
                "consent",
                Answer::Questions.id(),
                None,
                &tx("ui.questions"),
            );
        }
        h.push_str("</div>");
    }
    h
}

/// The button of the patient view an event is on (`data-act`), if any.
fn acting(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-act]").ok().flatten())
}

/// A tap on one of the patient view's buttons.
fn act(state: &AppState, texts: &Texts, ev: &web_sys::MouseEvent) {
    let Some(el) = acting(ev) else {
        return;
    };
    let v = el.get_attribute("data-v").unwrap_or_default();
    match el.get_attribute("data-act").as_deref() {
        Some("page") => {
            if let Ok(n) = v.parse() {
                state.patient_page.set(n);
            }
        }
        Some("lang") => texts.spanish.set(v == "1"),
        Some("print") => print_sheet(state, texts),
        Some("point") => {
            if let Ok(id) = v.parse() {
                state.selection.set(Selection::Trp(id));
            }
        }
        Some("score") => {
            if let Ok(n) = v.parse() {
                state.commit(|c, clock| c.set_patient_score(n, clock));
            }
        }
        Some("clear") => {
            state.commit(|c, _| c.clear_patient_pain());
        }
        Some("consent") => {
            if let Some(answer) = Answer::from_id(&v) {
                state.commit(|c, clock| c.record_consent(answer, false, clock));
            }
        }
        _ => {}
    }
}

/// The story beside the map, one page at a time.
#[component]
pub fn PatientSide(texts: Texts) -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = state.patient_page;
    // The story's pages, then the drawing and the agreement; a page past the end ("Ask in
    // patient view" opens at usize::MAX) is the agreement, the last one.
    let story_len = move || texts.with(|t| items(&at(t, "pages")).len());
    let shown = move |story: usize| page.get().min(story + EXTRA_PAGES - 1);
    // The drawing page paints; every other page shows the points and their patterns.
    Effect::new(move |_| {
        let painting = story_len().is_some_and(|story| shown(story) == story);
        state
            .mode
            .set(if painting { Mode::Pain } else { Mode::Chart });
    });
    let html = move || {
        let f = facts(&state);
        texts
            .with(|t| {
                let story = items(&at(t, "pages")).len();
                let (n, last) = (shown(story), story + EXTRA_PAGES - 1);
                let mut h = format!(
                    "<div class=\"pv-page\" tabindex=\"0\"><p class=\"pv-hello\">{} · {}</p>{}</div><nav class=\"pv-nav\">",
                    esc(&text(t, "ui.title")),
                    esc(&first_name(&state)),
                    page_html(t, n, &f)
                );
                // Each step names the page it goes to.
                let step = |h: &mut String, class: &str, to: usize, off: bool, label: &str| {
                    h.push_str(&format!(
                        "<button class=\"btn pv-step {class}\" data-act=\"page\" data-v=\"{to}\"{}>{}</button>",
                        if off { " disabled" } else { "" },
                        esc(&text(t, label))
                    ));
                };
                step(&mut h, "", n.saturating_sub(1), n == 0, "ui.back");
                h.push_str(&format!(
                    "<span class=\"pv-count\">{}</span>",
                    esc(&text(t, "ui.page").replace("{n}", &(n + 1).to_string()).replace("{total}", &(last + 1).to_string()))
                ));
                step(&mut h, "btn-primary", n + 1, n >= last, "ui.next");
                h.push_str("</nav>");
                h
            })
            .unwrap_or_else(|| {
                if texts.failed.get() {
                    "<p class=\"pv-text\">Could not load these texts: reload Myomap.</p>".into()
                } else {
                    String::new()
                }
            })
    };
    view! {
        <aside class="pv-side" on:click=move |ev| act(&state, &texts, &ev) inner_html=html></aside>
    }
}
