//! The record out in the browser: shows the visit report and the progress across visits,
//! prints them (and the patient's take-home sheet), saves exports as files the browser
//! downloads, and keeps the clinic's details. This is the module the page loads on demand
//! (src/bin/records.rs): nothing here is part of the first load.
//!
//! The page hands over the patient and their chart as JSON (`record::Input`); the documents
//! themselves are built by `record` (tested natively). The screen is plain HTML with one
//! delegated click handler; its buttons carry `data-act`.

mod backup;
mod board;
mod crypto;
mod dom;
mod lock;
mod seal;

use std::cell::RefCell;

use crate::clinic::visit::Visit;
use crate::record::{self, plot, report, sheet, Clinic, Figure, Input};
use crate::store::{export, idb, records::Op};
use dom::{document, el};

/// What the report screen shows now.
struct Shown {
    input: Input,
    clinic: Clinic,
    figures: Vec<Figure>,
    /// The visit reported.
    visit: Visit,
    /// Compared: the earlier and the later visit's starts.
    compare: (i64, i64),
}

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

/// Runs one action by name with its JSON input.
pub async fn run(action: &str, input: &str) -> Result<String, String> {
    match action {
        "sheet" => print_sheet(parse(input)?).await,
        "report" => open_report(parse(input)?, false).await,
        "progress" => open_report(parse(input)?, true).await,
        "clinic" => clinic_dialog().await,
        "backup" => backup::open_dialog().await,
        "lock-start" => lock::start().await,
        "lock" => lock::lock_now().await,
        "lock-settings" => lock::settings().await,
        _ => Err(format!("Myomap cannot do “{action}”.")),
    }
}

/// The browser database, opened once for this module.
async fn ready() -> Result<(), String> {
    if idb::is_open() {
        return Ok(());
    }
    idb::open()
        .await
        .map_err(|_| "Myomap's records on this device cannot be opened.".to_string())
}

fn parse(input: &str) -> Result<Input, String> {
    serde_json::from_str(input)
        .map_err(|e| format!("This patient's record could not be read for printing ({e})."))
}

/// The clinic's details as saved on this device (not set: all empty).
async fn clinic() -> Clinic {
    if !idb::is_open() && idb::open().await.is_err() {
        return Clinic::default();
    }
    Clinic::read(idb::get(record::CLINIC_KEY).await.ok().flatten().as_deref())
}

/// The two figures as the map draws them (its own anatomy), without the map's test names.
fn figures() -> Vec<Figure> {
    crate::anatomy::model::View::ALL
        .into_iter()
        .filter_map(|view| {
            let art = document()
                .query_selector(&format!(".figure[data-view=\"{}\"] svg.art", view.id()))
                .ok()
                .flatten()?;
            Some(Figure {
                view,
                view_box: art.get_attribute("viewBox").unwrap_or_default(),
                body: art
                    .inner_html()
                    .replace(" data-muscle=", " data-of=")
                    .replace(" data-side=", " data-s="),
            })
        })
        .collect()
}

/// Which document the printer gets: `<html data-printing="sheet|report">`.
fn printing(what: Option<&str>) {
    if let Some(root) = document().document_element() {
        let _ = match what {
            Some(w) => root.set_attribute("data-printing", w),
            None => root.remove_attribute("data-printing"),
        };
    }
}

async fn print_sheet(input: Input) -> Result<String, String> {
    let lang = if input.lang == "es" { "es" } else { "en" };
    let texts = dom::fetch_text(&format!("patient-{lang}.json"))
        .await
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .ok_or("The patient texts could not be loaded: reload Myomap and try again.")?;
    let clinic = clinic().await;
    let date = dom::long_date(input.now, lang);
    let html = sheet::sheet_html(&texts, &input, &clinic, &figures(), &date);
    let doc = document();
    let sheet = match doc.get_element_by_id("print-sheet") {
        Some(s) => s,
        None => {
            let s = el("div");
            s.set_id("print-sheet");
            let _ = s.set_attribute("lang", lang);
            dom::body()
                .append_child(&s)
                .map_err(|_| "The sheet could not be made.")?;
            s
        }
    };
    let _ = sheet.set_attribute("lang", lang);
    sheet.set_inner_html(&html);
    printing(Some("sheet"));
    dom::print();
    Ok(String::new())
}

/// The report screen: made once, then shown and hidden.
fn screen() -> web_sys::Element {
    if let Some(s) = document().get_element_by_id("record-out") {
        return s;
    }
    let s = el("div");
    s.set_id("record-out");
    let _ = s.set_attribute("role", "dialog");
    let _ = s.set_attribute("aria-modal", "true");
    let _ = s.set_attribute("aria-label", "Visit report");
    s.set_inner_html(concat!(
        "<div class=\"ro-bar\" role=\"toolbar\" aria-label=\"Report\">",
        "<button class=\"btn btn-primary\" data-act=\"print\">Print report</button>",
        "<button class=\"btn\" data-act=\"png\">Export image</button>",
        "<button class=\"btn\" data-act=\"visit\">Export visit</button>",
        "<button class=\"btn\" data-act=\"patient\">Export patient</button>",
        "<button class=\"btn\" data-act=\"csv\">Export CSV</button>",
        "<button class=\"btn\" data-act=\"progress\" aria-pressed=\"false\">Progress</button>",
        "<button class=\"btn ro-close\" data-act=\"close\">Close</button>",
        "</div><p class=\"ro-msg\" role=\"status\" aria-live=\"polite\"></p>",
        "<div class=\"ro-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Document\"><div class=\"ro-content\"></div></div>"
    ));
    dom::on(&s, "click", |ev| {
        if let Some((act, target)) = dom::acting(&ev) {
            act_on(&act, &target);
        }
    });
    dom::on(&s, "keydown", |ev| {
        if js_sys::Reflect::get(&ev, &"key".into())
            .ok()
            .and_then(|k| k.as_string())
            .as_deref()
            == Some("Escape")
        {
            close();
        }
    });
    dom::on(&s, "change", |ev| {
        if dom::acting(&ev).is_some_and(|(a, _)| a == "compare") {
            pick_compare();
        }
    });
    let _ = dom::body().append_child(&s);
    s
}

fn say(text: &str) {
    if let Ok(Some(m)) = screen().query_selector(".ro-msg") {
        m.set_text_content(Some(text));
    }
}

async fn open_report(input: Input, progress: bool) -> Result<String, String> {
    let visit = input
        .chosen()
        .ok_or("There is no visit to report yet: chart a point to start today's visit.")?;
    let clinic = clinic().await;
    let figures = figures();
    let all = input.all_visits();
    let later = all.last().map_or(visit.started_at, |v| v.started_at);
    let earlier = all.iter().rev().nth(1).map_or(later, |v| v.started_at);
    SHOWN.with_borrow_mut(|s| {
        *s = Some(Shown {
            input,
            clinic,
            figures,
            visit,
            compare: (earlier, later),
        })
    });
    let s = screen();
    let _ = s.set_attribute("data-open", "");
    printing(Some("report"));
    SHOWN.with_borrow(|sh| {
        if let Some(sh) = sh {
            dom::page_header(Some(&sh.input.patient.name));
        }
    });
    render(progress);
    dom::focus(&s, "[data-act=\"print\"]");
    Ok(String::new())
}

/// Fills the screen with the report, or with the progress across visits.
fn render(progress: bool) {
    let s = screen();
    say("");
    let html = SHOWN.with_borrow(|shown| {
        let sh = shown.as_ref()?;
        Some(if progress {
            progress_html(sh)
        } else {
            report::report_html(&sh.input, &sh.clinic, &sh.figures).unwrap_or_default()
        })
    });
    if let Ok(Some(c)) = s.query_selector(".ro-content") {
        c.set_inner_html(&html.unwrap_or_default());
    }
    let _ = s.set_attribute("data-showing", if progress { "progress" } else { "report" });
    let _ = s.set_attribute(
        "aria-label",
        if progress {
            "Progress across visits"
        } else {
            "Visit report"
        },
    );
    if let Ok(Some(b)) = s.query_selector("[data-act=\"progress\"]") {
        let _ = b.set_attribute("aria-pressed", &progress.to_string());
    }
    if let Ok(Some(b)) = s.query_selector("[data-act=\"print\"]") {
        b.set_text_content(Some(if progress {
            "Print progress"
        } else {
            "Print report"
        }));
    }
    if let Ok(Some(sc)) = s.query_selector(".ro-scroll") {
        sc.set_scroll_top(0);
    }
}

fn progress_html(sh: &Shown) -> String {
    let input = &sh.input;
    let all = input.all_visits();
    let o = input.offset;
    let mut h = format!(
        "<article class=\"rp-doc rp-progress\"><header class=\"rp-head\"><div><h1>Progress across visits</h1><p class=\"rp-sub\">{} · {} visit{}</p></div><div class=\"rp-clinic\"><b>{}</b><br>{}</div></header>",
        record::esc(&input.patient.name),
        all.len(),
        if all.len() == 1 { "" } else { "s" },
        record::esc(&sh.clinic.name),
        record::esc(&sh.clinic.phone)
    );
    if all.len() < 2 {
        h.push_str("<p>Progress shows from the second visit on: there is one visit so far.</p>");
    } else {
        h.push_str("<section class=\"rp-sec\"><h2>Trend</h2>");
        h.push_str(&plot::trend_svg(&plot::series(&all), o));
        h.push_str("</section>");
        let options = |selected: i64| {
            all.iter()
                .map(|v| {
                    format!(
                        "<option value=\"{}\"{}>{}{}</option>",
                        v.started_at,
                        if v.started_at == selected {
                            " selected"
                        } else {
                            ""
                        },
                        record::day(v.started_at, o),
                        if v.ended_at.is_none() { " (today)" } else { "" }
                    )
                })
                .collect::<String>()
        };
        h.push_str(&format!(
            "<div class=\"ro-pick\"><label>Compare <select data-act=\"compare\" name=\"then\">{}</select></label><label>with <select data-act=\"compare\" name=\"now\">{}</select></label></div>",
            options(sh.compare.0),
            options(sh.compare.1)
        ));
        let find = |id: i64| all.iter().find(|v| v.started_at == id);
        if let (Some(a), Some(b)) = (find(sh.compare.0), find(sh.compare.1)) {
            let (then, now) = if a.started_at <= b.started_at {
                (a, b)
            } else {
                (b, a)
            };
            h.push_str(&plot::compare_html(input, then, now, &sh.figures));
        }
    }
    h.push_str("</article>");
    h
}

fn pick_compare() {
    let s = screen();
    let value = |name: &str| {
        s.query_selector(&format!("select[name=\"{name}\"]"))
            .ok()
            .flatten()
            .and_then(|e| dom::value(&e))
            .and_then(|v| v.parse::<i64>().ok())
    };
    if let (Some(a), Some(b)) = (value("then"), value("now")) {
        SHOWN.with_borrow_mut(|sh| {
            if let Some(sh) = sh.as_mut() {
                sh.compare = (a, b);
            }
        });
        render(true);
    }
}

fn close() {
    let s = screen();
    let _ = s.remove_attribute("data-open");
    if let Ok(Some(c)) = s.query_selector(".ro-content") {
        c.set_inner_html("");
    }
    printing(None);
    dom::page_header(None);
    SHOWN.with_borrow_mut(|s| *s = None);
}

/// A file name for this patient's exports: "myomap-<record no. or name>-<date>-<what>".
fn file_name(input: &Input, at: i64, what: &str) -> String {
    let who = input
        .patient
        .record_no
        .clone()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| input.patient.name.clone());
    let slug: String = who
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let date = export::date_time(at, input.offset).0;
    format!("myomap-{slug}-{date}-{what}")
}

fn act_on(act: &str, _target: &web_sys::Element) {
    match act {
        "close" => close(),
        "print" => dom::print(),
        "progress" => {
            let on = screen().get_attribute("data-showing").as_deref() != Some("progress");
            render(on);
        }
        "visit" | "patient" | "csv" => {
            let file = SHOWN.with_borrow(|sh| {
                let sh = sh.as_ref()?;
                let i = &sh.input;
                Some(match act {
                    "visit" => (
                        file_name(i, sh.visit.started_at, "visit.json"),
                        export::visit_json(&i.patient, &sh.visit, i.now),
                        "application/json",
                    ),
                    "patient" => (
                        file_name(i, i.now, "patient.json"),
                        export::patient_json(&i.patient, &i.chart.visits, i.now),
                        "application/json",
                    ),
                    _ => (
                        file_name(i, i.now, "visits.csv"),
                        export::csv(&i.patient, &i.chart.visits, i.offset),
                        "text/csv",
                    ),
                })
            });
            if let Some((name, text, kind)) = file {
                match dom::download_text(&name, &text, kind) {
                    Ok(()) => say(&format!("Saved “{name}” to this device's downloads.")),
                    Err(e) => say(&e),
                }
            }
        }
        "png" => {
            let made = SHOWN.with_borrow(|sh| {
                let sh = sh.as_ref()?;
                Some((
                    plot::figures_png_svg(&sh.figures, &sh.visit),
                    file_name(&sh.input, sh.visit.started_at, "figures.png"),
                ))
            });
            if let Some((svg, name)) = made {
                wasm_bindgen_futures::spawn_local(async move {
                    match dom::download_png(&svg, plot::PNG_SIZE, &name).await {
                        Ok(()) => say(&format!("Saved “{name}” to this device's downloads.")),
                        Err(e) => say(&e),
                    }
                });
            }
        }
        _ => {}
    }
}

/// The clinic's details: a small form in a dialog, saved in the browser database.
async fn clinic_dialog() -> Result<String, String> {
    let current = clinic().await;
    let doc = document();
    let dialog = match doc.get_element_by_id("clinic-dialog") {
        Some(d) => d,
        None => {
            let d = el("dialog");
            d.set_id("clinic-dialog");
            d.set_class_name("clinic-dialog");
            let _ = d.set_attribute("aria-labelledby", "clinic-title");
            dom::on(&d, "click", |ev| {
                let Some((act, _)) = dom::acting(&ev) else {
                    return;
                };
                match act.as_str() {
                    "cancel" => dom::close_dialog("clinic-dialog"),
                    "save" => wasm_bindgen_futures::spawn_local(save_clinic()),
                    _ => {}
                }
            });
            let _ = dom::body().append_child(&d);
            d
        }
    };
    let field = |name: &str, label: &str, value: &str, kind: &str| {
        format!(
            "<label class=\"field\"><span>{label}</span><input class=\"text-input\" type=\"{kind}\" name=\"{name}\" maxlength=\"{}\" value=\"{}\" autocomplete=\"off\"></label>",
            record::CLINIC_FIELD_MAX,
            record::esc(value)
        )
    };
    dialog.set_inner_html(&format!(
        "<h2 id=\"clinic-title\">Clinic details</h2><p class=\"muted\">Printed on visit reports and on the patient's take-home sheet. Kept on this device only.</p>{}{}{}<p class=\"form-error\" role=\"alert\"></p><div class=\"form-row\"><button class=\"btn\" data-act=\"cancel\">Cancel</button><button class=\"btn btn-primary\" data-act=\"save\">Save clinic details</button></div>",
        field("name", "Clinic name", &current.name, "text"),
        field("phone", "Clinic phone", &current.phone, "tel"),
        field("therapist", "Therapist (signs the reports)", &current.therapist, "text"),
    ));
    dom::show_modal(&dialog);
    Ok(String::new())
}

async fn save_clinic() {
    let Some(d) = document().get_element_by_id("clinic-dialog") else {
        return;
    };
    let get = |name: &str| {
        d.query_selector(&format!("input[name=\"{name}\"]"))
            .ok()
            .flatten()
            .and_then(|e| dom::value(&e))
            .unwrap_or_default()
    };
    let details = Clinic {
        name: get("name"),
        phone: get("phone"),
        therapist: get("therapist"),
    }
    .tidy();
    let json = serde_json::to_string(&details).unwrap_or_default();
    let saved = if idb::is_open() || idb::open().await.is_ok() {
        idb::write(&[Op::Put(record::CLINIC_KEY.into(), json)]).await
    } else {
        Err("the browser database is not available".into())
    };
    match saved {
        Ok(()) => dom::close_dialog("clinic-dialog"),
        Err(e) => {
            if let Ok(Some(p)) = d.query_selector(".form-error") {
                p.set_text_content(Some(&format!(
                    "The clinic details were NOT saved ({}).",
                    idb::explain(&e)
                )));
            }
        }
    }
}
