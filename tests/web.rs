//! Component and storage tests in real headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use myomap::anatomy::model::{Side, View};
use myomap::clinic::chart::{Chart, MapPoint};
use myomap::clinic::timer::{FixedClock, MINUTE};
use myomap::clinic::visit::Question;
use myomap::store::browser::{self, Loaded};
use myomap::store::records::{self, Op};
use myomap::store::{idb, schema};
use myomap::ui::{body_map::BodyMap, state::AppState, timer_dock::TimerDock};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A chart with a visit under way whose screening is all "no" and whose patient agreed.
fn screened(now: i64) -> Chart {
    let mut chart = Chart::default();
    chart.start_visit(&FixedClock(now)).unwrap();
    for q in Question::ALL {
        chart.answer(q, false, &FixedClock(now)).unwrap();
    }
    chart
        .record_consent(
            myomap::clinic::consent::Answer::Agree,
            true,
            &FixedClock(now),
        )
        .unwrap();
    chart
}

/// The timer dock mounted on a fresh stage with the app state as loaded from the database.
async fn mount_dock(
    loaded: Loaded,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let host = stage();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(AppState::new(loaded));
        view! { <TimerDock /> }
    });
    settle().await;
    (host, handle)
}

async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// A fresh container in the page, sized like a landscape tablet's map area.
fn stage() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    let style = el.style();
    for (k, v) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "0"),
        ("width", "800px"),
        ("height", "700px"),
        ("z-index", "10"),
        ("background", "white"),
    ] {
        style.set_property(k, v).unwrap();
    }
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// The device as a first start finds it: no database, no old chart.
async fn fresh_device() {
    idb::delete_database().await.unwrap();
    storage().clear().unwrap();
}

/// A device whose database holds `chart` for a first patient, loaded as the app loads it.
async fn device_with(chart: &Chart) -> Loaded {
    fresh_device().await;
    let first = browser::load(1_000).await;
    assert!(first.can_save, "{:?}", first.notice);
    browser::save(records::ops_for_all(&first.patient, chart))
        .await
        .unwrap();
    let loaded = browser::load(2_000).await;
    assert_eq!(loaded.patient, first.patient);
    loaded
}

/// Every record of the open patient, as the database holds it now.
async fn saved_chart(pid: u64) -> Chart {
    let recs = idb::read_prefix(&records::prefix(pid)).await.unwrap();
    let a = records::assemble(pid, &recs);
    assert!(a.damaged.is_empty(), "{:?}", a.damaged);
    a.chart
}

#[wasm_bindgen_test]
async fn the_database_opens_writes_in_one_transaction_and_reads_back_by_prefix() {
    fresh_device().await;
    idb::open().await.unwrap();
    idb::write(&[
        Op::Put("p/1/a".into(), "one".into()),
        Op::Put("p/1/b".into(), "two".into()),
        Op::Put("p/2/a".into(), "other".into()),
    ])
    .await
    .unwrap();
    assert_eq!(
        idb::read_prefix("p/1/").await.unwrap(),
        vec![
            ("p/1/a".into(), "one".into()),
            ("p/1/b".into(), "two".into())
        ]
    );
    idb::write(&[Op::DeletePrefix("p/1/".into())])
        .await
        .unwrap();
    assert!(idb::read_prefix("p/1/").await.unwrap().is_empty());
    assert_eq!(idb::get("p/2/a").await.unwrap().as_deref(), Some("other"));
    // A write that cannot happen says so, and nothing of it is kept.
    idb::close();
    let err = idb::write(&[Op::Put("p/3/a".into(), "lost".into())])
        .await
        .unwrap_err();
    assert!(err.contains("closed"), "{err}");
    idb::open().await.unwrap();
    assert_eq!(idb::get("p/3/a").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn changes_written_after_their_frame_keep_their_order_and_come_before_any_read() {
    fresh_device().await;
    idb::open().await.unwrap();
    // Three changes in one task: none has its transaction yet.
    let first = idb::write_soon(vec![Op::Put("p/1/a".into(), "one".into())]);
    let second = idb::write_soon(vec![
        Op::Put("p/1/a".into(), "two".into()),
        Op::Put("p/1/b".into(), "kept".into()),
    ]);
    let third = idb::write_soon(vec![Op::Delete("p/1/b".into())]);
    // A read asked for now still sees all three, in the order they were asked for.
    assert_eq!(
        idb::read_prefix("p/1/").await.unwrap(),
        vec![("p/1/a".into(), "two".into())]
    );
    first.await.unwrap();
    second.await.unwrap();
    third.await.unwrap();
    // Left alone, a queued change is written after the next frame.
    let later = idb::write_soon(vec![Op::Put("p/1/c".into(), "later".into())]);
    later.await.unwrap();
    assert_eq!(idb::get("p/1/c").await.unwrap().as_deref(), Some("later"));
    // Closing the connection writes what is queued first.
    let queued = idb::write_soon(vec![Op::Put("p/1/d".into(), "before".into())]);
    idb::close();
    queued.await.unwrap();
    // A queued change that cannot be written says so, like any write.
    let refused = idb::write_soon(vec![Op::Put("p/1/e".into(), "lost".into())]);
    let err = refused.await.unwrap_err();
    assert!(err.contains("closed"), "{err}");
    idb::open().await.unwrap();
    assert_eq!(idb::get("p/1/d").await.unwrap().as_deref(), Some("before"));
    assert_eq!(idb::get("p/1/e").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_database_upgraded_by_a_newer_myomap_is_left_untouched() {
    fresh_device().await;
    // A newer Myomap opened it at a higher version.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let req = factory.open_with_u32(idb::DB_NAME, 7).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        req.set_onsuccess(Some(&resolve));
    });
    let db: web_sys::IdbDatabase = wasm_bindgen_futures::JsFuture::from(done)
        .await
        .map(|_| req.result().unwrap().unchecked_into())
        .unwrap();
    db.close();
    assert_eq!(idb::open().await, Err(idb::OpenError::Newer));
    let loaded = browser::load(5).await;
    assert!(!loaded.can_save);
    assert!(loaded.notice.unwrap().contains("newer version"));
    idb::delete_database().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_chart_of_the_previous_release_becomes_patient_one_and_its_key_goes_only_after() {
    fresh_device().await;
    let fixture = include_str!("fixtures/v1-chart.json");
    storage().set_item(browser::KEY, fixture).unwrap();
    let loaded = browser::load(1_797_000_000_000).await;
    assert!(loaded.can_save);
    assert_eq!(loaded.patient.name, "Patient 1");
    let (_, expected) = records::migrate_v1(schema::decode(fixture).unwrap(), loaded.patient.id, 0);
    assert_eq!(loaded.chart, expected);
    assert_eq!(saved_chart(loaded.patient.id).await, expected);
    assert_eq!(
        storage().get_item(browser::KEY).unwrap(),
        None,
        "removed once kept"
    );
    // The next start opens the same patient from the database.
    let again = browser::load(1_797_000_100_000).await;
    assert_eq!(again.patient, loaded.patient);
    assert_eq!(again.chart, expected);
    assert_eq!(again.notice, None);
}

#[wasm_bindgen_test]
async fn a_damaged_old_chart_is_kept_aside_once_and_a_new_chart_started() {
    fresh_device().await;
    let damaged = "{\"app\":\"myomap\",\"schema\":1,\"chart\":{\"trps\":[";
    storage().set_item(browser::KEY, damaged).unwrap();
    let loaded = browser::load(4242).await;
    assert!(loaded.chart.trps.is_empty());
    assert!(loaded.can_save);
    assert!(loaded.notice.unwrap().contains("kept aside"));
    assert_eq!(
        storage()
            .get_item("myomap.unreadable.4242")
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
    assert_eq!(storage().get_item(browser::KEY).unwrap(), None);
    // Not kept aside again on the next start.
    let again = browser::load(4343).await;
    assert_eq!(again.notice, None);
    assert_eq!(storage().get_item("myomap.unreadable.4343").unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_named_set_aside_once_and_the_rest_loads() {
    let mut chart = screened(500);
    chart
        .mark(
            "gluteus_medius",
            Side::Right,
            MapPoint {
                view: View::Posterior,
                x: 60.0,
                y: 356.0,
            },
            &FixedClock(1_000),
        )
        .unwrap();
    let loaded = device_with(&chart).await;
    let pid = loaded.patient.id;
    idb::write(&[Op::Put(records::point_key(pid, 77), "{\"id\":77,".into())])
        .await
        .unwrap();
    let hurt = browser::load(3_000).await;
    assert_eq!(hurt.chart, chart);
    assert!(hurt.notice.unwrap().contains("kept aside"));
    let aside = format!("{}{}", records::ASIDE_PREFIX, records::point_key(pid, 77));
    assert!(idb::get(&aside).await.unwrap().is_some());
    assert_eq!(browser::load(4_000).await.notice, None);
}

#[wasm_bindgen_test]
async fn tapping_a_muscle_places_a_marker_at_the_touched_atlas_point() {
    fresh_device().await;
    let loaded = browser::load(js_sys::Date::now() as i64).await;
    let pid = loaded.patient.id;
    let host = stage();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(AppState::new(loaded));
        view! { <BodyMap /> }
    });
    settle().await;

    // Without the app's stylesheet, lay the two figures side by side inside the small window.
    let figures: web_sys::HtmlElement = host
        .query_selector(".figures")
        .unwrap()
        .unwrap()
        .unchecked_into();
    figures.style().set_property("display", "flex").unwrap();
    let svgs = host.query_selector_all("svg").unwrap();
    for i in 0..svgs.length() {
        let svg: web_sys::SvgElement = svgs.item(i).unwrap().unchecked_into();
        svg.style().set_property("width", "190px").unwrap();
        svg.style().set_property("height", "420px").unwrap();
    }

    // The patient's left upper trapezius in the back view, at a known point of the muscle.
    let svg: web_sys::SvgsvgElement = host
        .query_selector("figure[data-view=posterior] svg")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let ctm = svg.get_screen_ctm().unwrap();
    let p = svg.create_svg_point();
    p.set_x(-40.0);
    p.set_y(134.0);
    let s = p.matrix_transform(&ctm);
    let target = document()
        .element_from_point(s.x(), s.y())
        .unwrap_or_else(|| {
            let w = web_sys::window().unwrap();
            panic!(
                "nothing under ({}, {}) in a {:?}x{:?} window",
                s.x(),
                s.y(),
                w.inner_width().unwrap(),
                w.inner_height().unwrap()
            )
        });
    assert_eq!(
        target.get_attribute("data-muscle").as_deref(),
        Some("upper_trapezius")
    );
    assert_eq!(target.get_attribute("data-side").as_deref(), Some("left"));

    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(s.x().round() as i32);
    init.set_client_y(s.y().round() as i32);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    settle().await;

    let marker = host
        .query_selector("figure[data-view=posterior] [data-trp]")
        .unwrap()
        .expect("a marker appears");
    // The marker is placed by its --x and --y (atlas units).
    let style = marker.get_attribute("style").unwrap();
    let var = |name: &str| -> f32 {
        style
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().parse().unwrap())
            .unwrap_or_else(|| panic!("no {name} in {style}"))
    };
    let xy = [var("--x"), var("--y")];
    let (cx, cy) = (xy[0], xy[1]);
    // Rounding the client point to whole pixels moves it by under one pixel.
    assert!(
        (cx + 40.0).abs() < 1.5 && (cy - 134.0).abs() < 1.5,
        "({cx}, {cy})"
    );

    // And its transaction was committed: the database holds the point, and the visit that
    // charting it started.
    let saved = saved_chart(pid).await;
    assert_eq!(saved.trps.len(), 1);
    assert!(saved.visit.is_some());
    assert_eq!(saved.trps[0].muscle, "upper_trapezius");
    assert_eq!(saved.trps[0].side, Side::Left);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn timer_dock_shows_state_and_time_of_each_timer() {
    let now = js_sys::Date::now() as i64;
    let mut chart = screened(now);
    let at = MapPoint {
        view: View::Anterior,
        x: -43.0,
        y: 660.0,
    };
    let a = chart
        .mark("tibialis_anterior", Side::Right, at, &FixedClock(now))
        .unwrap();
    let b = chart
        .mark("sternocleidomastoid", Side::Left, at, &FixedClock(now))
        .unwrap();
    let ta = chart.start_timer(a, 10 * MINUTE, &FixedClock(now)).unwrap();
    let tb = chart.start_timer(b, 5 * MINUTE, &FixedClock(now)).unwrap();
    chart.pause(ta, &FixedClock(now)).unwrap();
    let loaded = device_with(&chart).await;

    let (host, handle) = mount_dock(loaded).await;
    let cards = host.query_selector_all("[data-timer]").unwrap();
    assert_eq!(cards.length(), 2);
    let first: web_sys::Element = cards.item(0).unwrap().unchecked_into();
    // Soonest due first: the 5-minute timer leads.
    assert_eq!(first.get_attribute("data-timer"), Some(tb.to_string()));
    assert_eq!(
        first.get_attribute("data-state").as_deref(),
        Some("running")
    );
    let paused = host
        .query_selector(&format!("[data-timer='{ta}']"))
        .unwrap()
        .unwrap();
    assert_eq!(
        paused.get_attribute("data-state").as_deref(),
        Some("paused")
    );
    let time = paused.query_selector(".timer-time").unwrap().unwrap();
    assert_eq!(time.text_content().as_deref(), Some("10:00"));
    let control = paused
        .query_selector(".timer-controls button")
        .unwrap()
        .unwrap();
    assert_eq!(control.text_content().as_deref(), Some("Resume"));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn ending_a_visit_with_a_needle_in_lists_it_and_remove_all_records_it_out() {
    let now = js_sys::Date::now() as i64;
    let mut chart = screened(now);
    let at = MapPoint {
        view: View::Posterior,
        x: 60.0,
        y: 190.0,
    };
    let p = chart
        .mark("infraspinatus", Side::Right, at, &FixedClock(now))
        .unwrap();
    chart.start_timer(p, 10 * MINUTE, &FixedClock(now)).unwrap();
    let loaded = device_with(&chart).await;
    let pid = loaded.patient.id;

    let (host, handle) = mount_dock(loaded).await;
    let button = |name: &str| -> web_sys::HtmlElement {
        let all = host.query_selector_all("button").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().as_deref().map(str::trim) == Some(name))
            .unwrap_or_else(|| panic!("no button {name}"))
    };
    button("End visit").click();
    settle().await;
    let dialog = host
        .query_selector("[data-dialog='end-visit']")
        .unwrap()
        .expect("the confirmation opens");
    let rows = dialog.query_selector_all("[data-needle]").unwrap();
    assert_eq!(rows.length(), 1);
    let row = rows.item(0).unwrap().text_content().unwrap();
    assert!(row.contains("Infraspinatus · Right"), "{row}");
    assert!(row.contains("in since"), "{row}");
    // Still open, and saved as open, until the therapist confirms.
    let saved = saved_chart(pid).await;
    assert!(saved.visit.is_some());

    button("Remove all").click();
    settle().await;
    assert!(host
        .query_selector("[data-dialog='end-visit']")
        .unwrap()
        .is_none());
    let saved = saved_chart(pid).await;
    assert!(saved.visit.is_none());
    assert_eq!(saved.visits.len(), 1);
    assert!(saved.visits[0].timers.iter().all(|t| t.ended_at.is_some()));
    // The visit took its point, as it was that day, into its record.
    assert_eq!(saved.visits[0].points.len(), 1);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_panel_and_referral_pattern_follow_a_tap_on_the_map_after_its_frame_and_other_selections_at_once(
) {
    use myomap::ui::overlays::{Highlight, ReferralZones};
    use myomap::ui::{panel::SelectionPanel, state::Selection};
    let mut chart = Chart::default();
    let at = |x, y| MapPoint {
        view: View::Posterior,
        x,
        y,
    };
    let a = chart
        .mark(
            "upper_trapezius",
            Side::Left,
            at(-40.0, 134.0),
            &FixedClock(0),
        )
        .unwrap();
    let b = chart
        .mark(
            "infraspinatus",
            Side::Right,
            at(50.0, 200.0),
            &FixedClock(0),
        )
        .unwrap();
    let mut loaded = Loaded::scratch(0, None);
    loaded.chart = chart;
    let held = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = std::rc::Rc::clone(&held);
    let host = stage();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let state = AppState::new(loaded);
        out.set(Some(state));
        provide_context(state);
        view! {
            <SelectionPanel />
            <svg>
                <ReferralZones view=View::Anterior />
                <ReferralZones view=View::Posterior />
                <Highlight view=View::Posterior />
            </svg>
        }
    });
    let state = held.get().unwrap();
    let shown = || {
        host.query_selector("[data-selected-trp]")
            .unwrap()
            .and_then(|el| el.get_attribute("data-selected-trp"))
    };
    // The muscle whose referral pattern is drawn, and the first outline drawn.
    let pattern = || {
        host.query_selector("g.referral [data-referral]")
            .unwrap()
            .and_then(|el| el.get_attribute("data-referral"))
    };
    let outline = || {
        host.query_selector(".sel-muscle")
            .unwrap()
            .map(|el| el.outer_html())
    };
    let microtasks = || async {
        for _ in 0..5 {
            let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
            wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        }
    };

    // A selection from anywhere but the map (the list, a search) shows at once.
    state.selection.set(Selection::Trp(a));
    microtasks().await;
    assert_eq!(shown(), Some(a.to_string()));
    assert_eq!(pattern().as_deref(), Some("upper_trapezius"));

    // A tap on the map: the panel and the referral pattern keep the point they showed until
    // the tap's frame is drawn; the new muscle's outline is in that frame.
    let before = outline();
    state.select_on_map(Selection::Trp(b));
    microtasks().await;
    assert!(outline().is_some());
    assert_ne!(outline(), before, "the outline moves with the tap");
    if !document().hidden() {
        assert_eq!(
            shown(),
            Some(a.to_string()),
            "the panel waits for the frame"
        );
        assert_eq!(
            pattern().as_deref(),
            Some("upper_trapezius"),
            "the pattern waits for the frame"
        );
    }
    settle().await;
    settle().await;
    assert_eq!(shown(), Some(b.to_string()));
    assert_eq!(pattern().as_deref(), Some("infraspinatus"));

    // A tap followed at once by another selection: the panel ends on the later one.
    state.select_on_map(Selection::Trp(a));
    state.selection.set(Selection::Trp(b));
    settle().await;
    settle().await;
    assert_eq!(shown(), Some(b.to_string()));
    assert_eq!(pattern().as_deref(), Some("infraspinatus"));
    drop(handle);
    host.remove();
}
