//! Patients: the current patient in the header, the patient list (search, open, new), and a
//! patient's file (details, archive, delete, visit history).

use leptos::prelude::*;

use super::state::{AppState, Dialog};
use super::visit::clock_time;
use crate::clinic::patient::{self, Patient, PatientForm, RECORD_NO_MAX};
use crate::clinic::timer::Millis;
use crate::store::{browser, records};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "12 Mar 2026", the date on this tablet.
pub fn date(ms: Millis) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{} {} {}",
        d.get_date(),
        MONTHS[(d.get_month() as usize).min(11)],
        d.get_full_year()
    )
}

/// "12 Mar", for short labels.
pub fn short_date(ms: Millis) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{} {}",
        d.get_date(),
        MONTHS[(d.get_month() as usize).min(11)]
    )
}

/// Today as YYYY-MM-DD on this tablet.
fn today_iso(now: Millis) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now as f64));
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// "46 y · born 1980-06-15 · No. MRN-42": what tells two patients of one name apart, on
/// `today` (YYYY-MM-DD).
fn details(p: &Patient, today: &str) -> String {
    let mut parts = Vec::new();
    if let Some(dob) = &p.dob {
        match p.age_on(today) {
            Some(age) => parts.push(format!("{age} y · born {dob}")),
            None => parts.push(format!("born {dob}")),
        }
    }
    if let Some(rn) = &p.record_no {
        parts.push(format!("No. {rn}"));
    }
    parts.join(" · ")
}

/// The current patient in the header, and the way to the patient list.
#[component]
pub fn PatientHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = move || state.patient.with(|p| p.name.clone());
    let info = move || {
        state
            .patient
            .with(|p| details(p, &today_iso(state.now.get_untracked())))
    };
    view! {
        <button
            class="patient-chip"
            data-current-patient=move || state.patient.with(|p| p.id.to_string())
            title="Patient details and visit history"
            on:click=move |_| state.dialog.set(Dialog::PatientFile)
        >
            <span class="patient-name">{name}</span>
            <span class="patient-info">{info}</span>
        </button>
        <button class="btn" on:click=move |_| state.dialog.set(Dialog::Patients)>"Patients"</button>
        <span
            class="save-state"
            data-saved=move || (!state.unsaved.get()).to_string()
            data-pending=move || state.saving.get().to_string()
            role="status"
        >
            {move || if state.unsaved.get() { "Not saved" } else { "" }}
        </span>
        {move || {
            (state.unsaved.get() && state.can_save()).then(|| {
                view! { <button class="btn btn-stop" on:click=move |_| state.save_again()>"Save again"</button> }
            })
        }}
    }
}

/// The dialogs of this family, shown when asked for.
#[component]
pub fn PatientDialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || match state.dialog.get() {
            Dialog::Patients => Some(view! { <PatientList /> }.into_any()),
            Dialog::PatientFile => Some(view! { <PatientFile /> }.into_any()),
            _ => None,
        }}
    }
}

/// The three fields of a patient's details, bound to one form signal.
fn patient_fields(form: RwSignal<PatientForm>) -> impl IntoView {
    view! {
        <label class="field">
            <span>"Name"</span>
            <input
                class="text-input"
                type="text"
                aria-required="true"
                autocomplete="off"
                prop:value=move || form.with(|f| f.name.clone())
                on:input=move |e| form.update(|f| f.name = event_target_value(&e))
            />
        </label>
        <label class="field">
            <span>"Date of birth"</span>
            <input
                class="text-input"
                type="date"
                prop:value=move || form.with(|f| f.dob.clone())
                on:input=move |e| form.update(|f| f.dob = event_target_value(&e))
            />
        </label>
        <label class="field">
            <span>"Record number"</span>
            <input
                class="text-input"
                type="text"
                maxlength=RECORD_NO_MAX.to_string()
                autocomplete="off"
                prop:value=move || form.with(|f| f.record_no.clone())
                on:input=move |e| form.update(|f| f.record_no = event_target_value(&e))
            />
        </label>
    }
}

#[component]
fn PatientList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let all: RwSignal<Option<Vec<Patient>>> = RwSignal::new(None);
    let query = RwSignal::new(String::new());
    let archived = RwSignal::new(false);
    let creating = RwSignal::new(false);
    let form = RwSignal::new(PatientForm::default());
    let error = RwSignal::new(None::<String>);
    // The open patient as it is now (its last visit may be newer than its record).
    let with_current = move |mut list: Vec<Patient>| {
        let current = state.patient.get_untracked();
        match list.iter_mut().find(|p| p.id == current.id) {
            Some(p) => *p = current,
            None => list.push(current),
        }
        list
    };
    // The list as last read shows at once; the database is read again behind it, and the
    // list changes only if the database says otherwise.
    if let Some(seen) = state.patients_seen.get_value() {
        all.set(Some(with_current(seen)));
    }
    wasm_bindgen_futures::spawn_local(async move {
        match state.list_patients().await {
            Ok(list) => {
                let list = with_current(list);
                if all.with_untracked(|a| a.as_ref() != Some(&list)) {
                    all.set(Some(list));
                }
            }
            Err(why) => {
                all.set(Some(vec![state.patient.get_untracked()]));
                error.set(Some(format!("The patient list could not be read ({why}).")));
            }
        }
    });
    // Ages are worked out for today once, not once per row and keystroke.
    let today = StoredValue::new(today_iso(state.now.get_untracked()));
    let rows = move || {
        let q = query.get();
        let arch = archived.get();
        all.with(|all| {
            let Some(all) = all else {
                return view! { <li class="muted">"Loading…"</li> }.into_any();
            };
            let shown = patient::listed(all, &q, arch);
            if shown.is_empty() {
                return view! { <li class="muted">{if q.trim().is_empty() { "No patient here yet." } else { "No patient matches." }}</li> }.into_any();
            }
            // Painting thousands of rows costs more than anyone reads: the first 100 show.
            let total = shown.len();
            let current = state.patient.with_untracked(|p| p.id);
            let items = shown
                .into_iter()
                .take(100)
                .map(|p| {
                    let id = p.id;
                    let last = p
                        .last_visit
                        .map(|t| format!("Last visit {}", date(t)))
                        .unwrap_or_else(|| "No visit yet".into());
                    view! {
                        <li>
                            <button
                                class="patient-row"
                                data-patient=id.to_string()
                                aria-current=(id == current).to_string()
                                on:click=move |_| if let Err(why) = state.open_patient(id) { error.set(Some(why)); }
                            >
                                <span class="patient-name">{p.name.clone()}</span>
                                <span class="patient-info">{today.with_value(|t| details(p, t))}</span>
                                <span class="patient-last">{last}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {items}
                {(total > 100).then(|| view! { <li class="muted">{format!("{} more: type to narrow the list.", total - 100)}</li> })}
            }
            .into_any()
        })
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.create_patient(&form.get_untracked()) {
            Ok(()) => {}
            Err(why) => error.set(Some(why)),
        }
    };
    let heading = super::visit::focus_on_open();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="patients-title" data-dialog="patients">
                <h2 id="patients-title" tabindex="-1" node_ref=heading>"Patients"</h2>
                <Show
                    when=move || creating.get()
                    fallback=move || view! {
                        <div class="list-tools">
                            <input
                                class="search-input"
                                type="search"
                                aria-label="Search patients by name or record number"
                                placeholder="Search by name or record number"
                                prop:value=move || query.get()
                                on:input=move |e| query.set(event_target_value(&e))
                            />
                            <button class="btn btn-primary" on:click=move |_| { error.set(None); creating.set(true); }>"New patient"</button>
                        </div>
                        <button
                            class="chip chip-toggle"
                            aria-pressed=move || archived.get().to_string()
                            on:click=move |_| archived.update(|a| *a = !*a)
                        >
                            "Show archived"
                        </button>
                        <ul class="patient-list">{rows}</ul>
                    }
                >
                    <form class="patient-form" novalidate on:submit=create>
                        {patient_fields(form)}
                        // Offered while no screen lock is set (style/main.css hides it then).
                        <p class="lock-offer">
                            "Anyone who picks up this tablet can open its patients' records. "
                            <button class="btn" type="button" on:click=move |_| super::texts::later(&state, "lock-settings", None, "")>"Protect with a passphrase"</button>
                        </p>
                        <div class="dialog-actions">
                            <button class="btn" type="button" on:click=move |_| creating.set(false)>"Cancel"</button>
                            <button class="btn btn-primary" type="submit">"Create"</button>
                        </div>
                    </form>
                </Show>
                {form_error(error)}
                {move || {
                    (!creating.get()).then(|| view! {
                        <StoragePanel />
                        <div class="dialog-actions">
                            <button class="btn" on:click=move |_| super::texts::later(&state, "backup", None, "")>"Backup and restore"</button>
                            <button class="btn" on:click=move |_| super::texts::later(&state, "lock-settings", None, "")>"Screen lock"</button>
                            <button class="btn" on:click=move |_| super::texts::later(&state, "clinic", None, "")>"Clinic details"</button>
                            <button class="btn" on:click=move |_| state.dialog.set(Dialog::None)>"Close"</button>
                        </div>
                    })
                }}
            </div>
        </div>
    }
}

/// One line of the visit history: date, times, needles, points, pain before -> after.
fn visit_summary(v: &crate::clinic::visit::Visit) -> (String, String) {
    let when = format!(
        "{}, {}–{}",
        date(v.started_at),
        clock_time(v.started_at),
        v.ended_at.map(clock_time).unwrap_or_default()
    );
    let n = v.needle_count();
    let (before, after) = v.nrs_range();
    let nrs = match (before, after) {
        (Some(b), Some(a)) => format!(" · pain {b} → {a}"),
        (Some(b), None) => format!(" · pain {b}"),
        _ => String::new(),
    };
    let what = format!(
        "{} point{} · {n} needle{} in, {n} out{nrs}{}",
        v.points.len(),
        if v.points.len() == 1 { "" } else { "s" },
        if n == 1 { "" } else { "s" },
        if v.amendments.is_empty() {
            String::new()
        } else {
            format!(
                " · {} amendment{}",
                v.amendments.len(),
                if v.amendments.len() == 1 { "" } else { "s" }
            )
        }
    );
    (when, what)
}

#[component]
fn PatientFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form = RwSignal::new(state.patient.with_untracked(|p| PatientForm {
        name: p.name.clone(),
        dob: p.dob.clone().unwrap_or_default(),
        record_no: p.record_no.clone().unwrap_or_default(),
    }));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let visits = move || {
        state.history_rev.track();
        state.chart.track();
        state.live_chart(|c| {
            c.visits
                .iter()
                .rev()
                .map(|v| (v.started_at, visit_summary(v)))
                .collect::<Vec<_>>()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.edit_patient(&form.get_untracked()) {
            Ok(()) => {
                error.set(None);
                saved.set(true);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let archived = move || state.patient.with(|p| p.archived);
    let toggle_archive = move |_| {
        state.patient.update(|p| p.archived = !p.archived);
        let op = state.patient.with_untracked(records::put_patient);
        state.write_now(vec![op]);
    };
    let busy = move || state.live_chart(|c| c.visit.is_some() || c.needles_in().next().is_some());
    let delete = move |_| {
        if busy() {
            error.set(Some(
                "This patient has a visit under way: end it before deleting the patient.".into(),
            ));
            return;
        }
        let name = state.patient.with_untracked(|p| p.name.clone());
        if typed.get_untracked().trim() != name {
            error.set(Some(
                "Type the patient's name exactly as shown to delete.".into(),
            ));
            return;
        }
        state.delete_patient();
    };
    let heading = super::visit::focus_on_open();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="file-title" data-dialog="patient-file">
                <h2 id="file-title" tabindex="-1" node_ref=heading>{move || state.patient.with(|p| p.name.clone())}</h2>
                <form class="patient-form" novalidate on:submit=save on:input=move |_| saved.set(false)>
                    {patient_fields(form)}
                    <div class="form-row">
                        <button class="btn" type="submit">"Save details"</button>
                        <span class="muted" role="status">{move || if saved.get() { "Saved." } else { "" }}</span>
                    </div>
                </form>
                {form_error(error)}
                <h3 class="q-heading">"Visits"</h3>
                <ul class="visit-history">
                    {move || {
                        let list = visits();
                        if list.is_empty() {
                            return view! { <li class="muted">"No ended visit yet."</li> }.into_any();
                        }
                        list.into_iter().map(|(id, (when, what))| view! {
                            <li>
                                <button class="visit-row" data-visit=id.to_string() on:click=move |_| if let Err(why) = state.view_past(id) { error.set(Some(why)); }>
                                    <span class="visit-when">{when}</span>
                                    <span class="visit-what">{what}</span>
                                </button>
                            </li>
                        }).collect_view().into_any()
                    }}
                </ul>
                <div class="form-row">
                    <button class="btn" on:click=move |_| super::texts::later(&state, "progress", None, "")>"Progress"</button>
                </div>
                <h3 class="q-heading">"Archive or delete"</h3>
                <div class="form-row">
                    <button class="btn" on:click=toggle_archive>{move || if archived() { "Unarchive" } else { "Archive" }}</button>
                    <button class="btn btn-stop" on:click=move |_| deleting.update(|d| *d = !*d)>"Delete patient…"</button>
                </div>
                {move || deleting.get().then(|| view! {
                    <div class="delete-confirm">
                        <p>{move || format!("This removes {} and every visit from this device for good. Type the name to confirm:", state.patient.with(|p| p.name.clone()))}</p>
                        <label class="field">
                            <span>"Patient's name"</span>
                            <input class="text-input" type="text" autocomplete="off" prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                        </label>
                        <button class="btn btn-stop" on:click=delete>"Delete for good"</button>
                    </div>
                })}
                <div class="dialog-actions">
                    <button class="btn" on:click=move |_| state.dialog.set(Dialog::None)>"Close"</button>
                </div>
            </div>
        </div>
    }
}

/// While an ended visit is on the map: what it was, read only, with amendments.
#[component]
pub fn PastVisitBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let amending = RwSignal::new(false);
    let what = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // One copy of the visit per change, shared by the summary and the amendments.
    let visit = Memo::new(move |_| {
        state.history_rev.track();
        let id = state.past.get()?;
        state.live_chart(|c| c.past_visit(id).cloned())
    });
    let visit = move || visit.get();
    let summary = move || {
        let v = visit()?;
        let (when, what) = visit_summary(&v);
        let yes: Vec<&str> = v
            .screening
            .answers
            .iter()
            .filter(|a| a.yes)
            .map(|a| a.question.short())
            .collect();
        let screening = if v.screening.answers.is_empty() {
            "Screening not recorded.".to_string()
        } else if yes.is_empty() {
            "Screening: all no.".to_string()
        } else {
            format!("Screening: yes to {} (confirmed).", yes.join(", "))
        };
        let pairs = v.timers.iter().filter(|t| t.estim.is_some()).count();
        let events: Vec<&str> = v.adverse.iter().map(|a| a.label()).collect();
        let notes = if v.notes.is_empty() {
            String::new()
        } else {
            format!(" Notes: {}", v.notes)
        };
        Some(format!(
            "Visit of {when}. {what}. {screening}{} {}{notes}",
            if pairs > 0 {
                format!(" {pairs} e-stim pair{}.", if pairs == 1 { "" } else { "s" })
            } else {
                String::new()
            },
            if events.is_empty() {
                "No adverse event.".to_string()
            } else {
                format!("Adverse events: {}.", events.join(", "))
            }
        ))
    };
    let amendments =
        move || {
            visit()
            .map(|v| v.amendments)
            .unwrap_or_default()
            .into_iter()
            .map(|a| view! {
                <li class="amendment">
                    <strong>{format!("Amended {} {}: ", date(a.at), clock_time(a.at))}</strong>
                    {a.what}
                    <span class="muted">{format!(" (why: {})", a.why)}</span>
                </li>
            })
            .collect_view()
        };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = state.past.get_untracked() else {
            return;
        };
        match state.amend(id, &what.get_untracked(), &why.get_untracked()) {
            Ok(()) => {
                what.set(String::new());
                why.set(String::new());
                error.set(None);
                amending.set(false);
            }
            Err(e) => error.set(Some(format!("Not saved: {e}."))),
        }
    };
    view! {
        {move || state.past.get().is_some().then(|| view! {
            <div class="past-bar" data-past-visit=move || state.past.get().map(|v| v.to_string()).unwrap_or_default()>
                <p class="past-summary"><strong>"Read only. "</strong>{summary}</p>
                <ul class="amendments">{amendments}</ul>
                <Show
                    when=move || amending.get()
                    fallback=move || view! {
                        <div class="form-row">
                            <button class="btn" on:click=move |_| amending.set(true)>"Amend"</button>
                            <button class="btn" on:click=move |_| super::texts::later(&state, "report", state.past.get_untracked(), "")>"Print report"</button>
                            <button class="btn btn-primary" on:click=move |_| state.back_to_today()>"Back to today"</button>
                        </div>
                    }
                >
                    <form class="amend-form" on:submit=save>
                        <label class="field">
                            <span>"What changed"</span>
                            <textarea class="text-input" maxlength="10000" prop:value=move || what.get() on:input=move |e| what.set(event_target_value(&e))></textarea>
                        </label>
                        <label class="field">
                            <span>"Why"</span>
                            <input class="text-input" type="text" maxlength="10000" prop:value=move || why.get() on:input=move |e| why.set(event_target_value(&e)) />
                        </label>
                        {form_error(error)}
                        <div class="form-row">
                            <button class="btn" type="button" on:click=move |_| amending.set(false)>"Cancel"</button>
                            <button class="btn btn-primary" type="submit">"Save amendment"</button>
                        </div>
                    </form>
                </Show>
            </div>
        })}
    }
}

fn megabytes(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{} GB", crate::num::fixed(bytes / 1e9, 1, false))
    } else {
        format!("{} MB", crate::num::fixed(bytes / 1e6, 1, false))
    }
}

/// How much this device keeps for Myomap, and whether the browser has promised to keep it.
#[component]
fn StoragePanel() -> impl IntoView {
    let report = RwSignal::new(None::<Option<(f64, f64, bool)>>);
    wasm_bindgen_futures::spawn_local(async move {
        report.set(Some(browser::storage_report().await));
    });
    let persistent = move || report.get().flatten().map(|r| r.2);
    view! {
        <section class="storage-panel" aria-label="Storage on this device" data-storage-persistent=move || persistent().map(|p| p.to_string())>
            <h3 class="q-heading">"Storage on this device"</h3>
            {move || match report.get() {
                None => view! { <p class="muted">"Checking…"</p> }.into_any(),
                Some(None) => view! { <p>"This browser does not say how much it keeps. Keep backups of your records."</p> }.into_any(),
                Some(Some((used, quota, kept))) => view! {
                    <p>{format!("{} used of {} available.", megabytes(used), megabytes(quota))}</p>
                    <p class=if kept { "storage-ok" } else { "storage-warn" }>
                        {if kept {
                            "Persistent: the browser will not clear Myomap's records to free space."
                        } else {
                            "Not persistent: the browser refused to promise to keep Myomap's records and may clear them when the device runs short of space. Keep regular backups; installing Myomap to the home screen usually makes storage persistent."
                        }}
                    </p>
                }.into_any(),
            }}
        </section>
    }
}

/// A form's error, said as an alert while there is one.
fn form_error(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <p class="form-error" role="alert">{e}</p> })
    }
}
