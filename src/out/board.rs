//! The needle board on the lock screen after a reload. The records are sealed and the app waits
//! for the passphrase, yet needles are in: the board (`record::lock`, kept plain with times
//! only) shows each live timer counting down, sounds the alarm when one is due, and takes
//! "Needle out", which is written into the visit once the passphrase is typed.

use std::cell::{Cell, RefCell};

use super::dom::{self, document, el};
use super::ready;
use crate::clinic::timer::{format_remaining, stop_in, FixedClock, Millis, Timer, TimerState};
use crate::record::lock::{self, BOARD_PREFIX};
use crate::store::{browser, idb, records::Op};

thread_local! {
    /// Each board record: its key and its timers.
    static BOARDS: RefCell<Vec<(String, Vec<Timer>)>> = const { RefCell::new(Vec::new()) };
    static TICKING: Cell<bool> = const { Cell::new(false) };
    static LAST_BEEP: Cell<Millis> = const { Cell::new(0) };
}

fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Reads the boards and shows them on the lock screen, counting down.
pub async fn show(screen: web_sys::Element) {
    if ready().await.is_err() {
        return;
    }
    let boards: Vec<(String, Vec<Timer>)> = idb::raw_read_prefix(BOARD_PREFIX)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, lock::read_board(&v)))
        .collect();
    BOARDS.set(boards);
    let list = el("div");
    list.set_class_name("lk-board");
    dom::on(&list, "click", |ev| {
        if let Some((act, at)) = dom::acting(&ev) {
            if act == "out" {
                let id = at.get_attribute("data-id").and_then(|i| i.parse().ok());
                if let Some(id) = id {
                    wasm_bindgen_futures::spawn_local(take_out(id));
                }
            }
        }
    });
    // Sound needs a tap first after a reload: any touch on the lock screen allows it.
    dom::on(&screen, "pointerdown", |_| crate::ui::alarm::unlock_audio());
    let _ = match screen.query_selector("form").ok().flatten() {
        Some(form) => screen.insert_before(&list, Some(&form)).map(|_| ()),
        None => screen.append_child(&list).map(|_| ()),
    };
    render();
    if !TICKING.replace(true) {
        gloo_timers::callback::Interval::new(1000, tick).forget();
    }
}

/// The board on the lock screen, when it is there.
fn board_element() -> Option<web_sys::Element> {
    document()
        .get_element_by_id("lock-screen")?
        .query_selector(".lk-board")
        .ok()
        .flatten()
}

/// What a live timer is called without its muscle: needles numbered in the order they went in.
fn label(board: &[Timer], t: &Timer) -> String {
    let number = |id: u32| {
        board
            .iter()
            .filter(|o| o.is_needle())
            .position(|o| o.id == id)
            .map_or(0, |i| i + 1)
    };
    match t.estim {
        Some(e) => format!(
            "E-stim: needles {} + {}",
            number(e.needles[0]),
            number(e.needles[1])
        ),
        None => format!("Needle {}", number(t.id)),
    }
}

/// The live timers of every board with their names, soonest due first.
fn live() -> Vec<(String, Timer)> {
    let clock = FixedClock(now());
    let mut all: Vec<(String, Timer)> = BOARDS.with_borrow(|boards| {
        boards
            .iter()
            .flat_map(|(_, b)| {
                b.iter()
                    .filter(|t| t.live())
                    .map(|t| (label(b, t), t.clone()))
            })
            .collect()
    });
    all.sort_by_key(|(_, t)| {
        if t.state(&clock) == TimerState::Paused {
            Millis::MAX
        } else {
            t.remaining(&clock)
        }
    });
    all
}

fn render() {
    let Some(list) = board_element() else {
        return;
    };
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i64);
    let rows = live()
        .iter()
        .map(|(name, t)| {
            format!(
                "<li class=\"lk-timer\" data-timer=\"{id}\" data-kind=\"{kind}\"><span class=\"timer-label\">{name}</span><span class=\"lk-sub\">In at {at} <span class=\"lk-badge\"></span></span><span class=\"lk-time\"></span><button class=\"btn btn-stop\" data-act=\"out\" data-id=\"{id}\">{out}</button></li>",
                id = t.id,
                at = crate::record::time(t.started_at, offset),
                kind = if t.is_needle() { "needle" } else { "estim" },
                out = if t.is_needle() { "Needle out" } else { "Stop e-stim" },
            )
        })
        .collect::<String>();
    list.set_inner_html(&if rows.is_empty() {
        rows
    } else {
        format!("<p class=\"muted\">Needles in, numbered in the order they went in. Their muscles show once the passphrase is typed.</p><ul aria-label=\"Needles in\">{rows}</ul>")
    });
    tick();
}

/// Each second: times, states and the alarm, updated in place (a button under a finger stays).
fn tick() {
    let Some(list) = board_element() else {
        return;
    };
    let at = now();
    let clock = FixedClock(at);
    let mut due = 0;
    // Every live timer in place: no order, no labels (those are drawn by `render`).
    let timers: Vec<Timer> = BOARDS.with_borrow(|boards| {
        boards
            .iter()
            .flat_map(|(_, b)| b.iter().filter(|t| t.live()).cloned())
            .collect()
    });
    for t in timers {
        let Ok(Some(row)) = list.query_selector(&format!("[data-timer=\"{}\"]", t.id)) else {
            continue;
        };
        let state = t.state(&clock);
        let _ = row.set_attribute("data-state", state.id());
        let text = |sel: &str, s: &str| {
            if let Ok(Some(e)) = row.query_selector(sel) {
                if e.text_content().as_deref() != Some(s) {
                    e.set_text_content(Some(s));
                }
            }
        };
        text(".lk-time", &format_remaining(t.remaining(&clock)));
        text(
            ".lk-badge",
            match state {
                TimerState::Overdue => "Overdue",
                TimerState::Paused => "Paused",
                _ => "",
            },
        );
        if t.alarming(&clock) {
            due += 1;
        }
    }
    document().set_title(if due > 0 {
        "Needle due · Myomap"
    } else {
        "Myomap"
    });
    if due > 0 && at - LAST_BEEP.get() >= 1500 {
        let settings = browser::load_settings();
        if !settings.silent {
            LAST_BEEP.set(at);
            crate::ui::alarm::beep(settings.volume);
        }
    }
}

/// "Needle out" on the board: kept on the board at once (plain, as the board is), written into
/// the visit when the passphrase is typed.
async fn take_out(id: u32) {
    let at = now();
    let changed = BOARDS.with_borrow_mut(|boards| {
        boards.iter_mut().find_map(|(key, b)| {
            stop_in(b, id, &FixedClock(at))
                .then(|| Op::Put(key.clone(), serde_json::to_string(b).unwrap_or_default()))
        })
    });
    let Some(op) = changed else { return };
    let kept = match idb::raw_write(&[op]) {
        Ok(done) => done
            .await
            .map(|_| ())
            .map_err(|e| idb::explain(&e.as_string().unwrap_or_default())),
        Err(e) => Err(idb::explain(&e)),
    };
    render();
    if let Err(why) = kept {
        super::lock::message(&format!("The needle out was not kept: {why}"));
    }
}

/// Once the passphrase is typed: the needles taken out on the board are written into their
/// visits, sealed, at the times they came out (before the app reads them); then the board
/// leaves the screen (the app shows the timers itself).
pub async fn finish() -> Result<(), String> {
    let boards = BOARDS.with_borrow(|b| b.clone());
    if boards.is_empty() {
        return Ok(());
    }
    for (key, board) in boards {
        let outs = lock::outs(&board);
        let Some(open_key) = lock::open_key_of(&key).filter(|_| !outs.is_empty()) else {
            continue;
        };
        let Some(open) = idb::get(&open_key).await? else {
            continue;
        };
        if let Some(updated) = lock::take_out(&open, &outs) {
            idb::write(&[Op::Put(open_key, updated)]).await?;
        }
    }
    BOARDS.set(Vec::new());
    if let Some(b) = board_element() {
        b.remove();
    }
    document().set_title("Myomap");
    Ok(())
}
