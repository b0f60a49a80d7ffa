//! The browser database (IndexedDB) through raw web-sys: one object store of string keys and
//! JSON text values. Raw bindings add the least to the download; the few calls Myomap needs
//! (open with an upgrade, range reads, one transaction per change) fit in this file.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use js_sys::{Array, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

use super::records::Op;

pub const DB_NAME: &str = "myomap";
/// The database's structure version (object stores); record contents carry their own format.
pub const DB_VERSION: u32 = 1;
pub const STORE: &str = "records";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// Changes waiting for the frame that shows them (see `write_soon`), in the order asked.
    static QUEUED: RefCell<Vec<Queued>> = const { RefCell::new(Vec::new()) };
    /// The page's window, and `flush` as a callback made once: it runs on the page's hide
    /// events (a reload, a close, a switch of app or tab: what was asked for is written now)
    /// and as the fallback timeout of every queued change. `None` where there is no page.
    static FLUSHER: Option<(web_sys::Window, Closure<dyn FnMut()>)> = (|| {
        let window = web_sys::window()?;
        let flush = Closure::<dyn FnMut()>::new(flush);
        for event in ["pagehide", "visibilitychange", "freeze"] {
            let _ = window.add_event_listener_with_callback(event, flush.as_ref().unchecked_ref());
        }
        Some((window, flush))
    })();
}

/// A change to write once its frame is painted, and how to tell its caller how it went.
struct Queued {
    ops: Vec<Op>,
    done: Rc<Settle>,
}

/// The longest a queued change waits when the page produces no frame (its tab in the
/// background, a throttled frame rate).
const QUEUE_MAX_MS: i32 = 100;

/// Why the database could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// A newer Myomap upgraded it: it is left as it is.
    Newer,
    /// Another tab holds an older connection open and will not let go.
    Blocked,
    /// No IndexedDB here (a private mode, a policy), or it failed; the reason in plain words.
    Unavailable(String),
}

/// A DOM error's name, or the value itself as text.
fn error_name(v: &JsValue) -> String {
    v.dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// A promise that settles with an IDB request: its result, or the name of its error.
fn request_promise(req: &IdbRequest) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let name = r
                .error()
                .ok()
                .flatten()
                .map(|e| e.name())
                .unwrap_or_else(|| "error".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&name));
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    })
}

/// Opens (and on first use creates) the database; keeps the connection for the page's life.
pub async fn open() -> Result<(), OpenError> {
    if is_open() {
        return Ok(());
    }
    let factory = web_sys::window()
        .ok_or_else(|| OpenError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(|e| OpenError::Unavailable(error_name(&e)))?
        .ok_or_else(|| OpenError::Unavailable("this browser has no database".into()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| OpenError::Unavailable(error_name(&e)))?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |e: web_sys::IdbVersionChangeEvent| {
            let Some(req) = e
                .target()
                .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            else {
                return;
            };
            if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                // Version 1: one store of records keyed by string. Later versions add here.
                if e.old_version() < 1.0 && !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        },
    );
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let blocked = std::rc::Rc::new(std::cell::Cell::new(false));
    let was_blocked = blocked.clone();
    let on_blocked = Closure::<dyn FnMut()>::new(move || was_blocked.set(true));
    req.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
    let result = JsFuture::from(request_promise(&req)).await;
    req.set_onupgradeneeded(None);
    req.set_onblocked(None);
    drop(upgrade);
    drop(on_blocked);
    let db: IdbDatabase = match result {
        Ok(db) => db.unchecked_into(),
        Err(e) => {
            let name = error_name(&e);
            return Err(if name == "VersionError" {
                OpenError::Newer
            } else if blocked.get() {
                OpenError::Blocked
            } else {
                OpenError::Unavailable(name)
            });
        }
    };
    // A newer Myomap in another tab, or a test resetting the device, asks to take over:
    // let go rather than block it.
    let this = db.clone();
    let let_go = Closure::<dyn FnMut()>::new(move || {
        this.close();
        DB.with(|d| {
            // Forget it only if it is still the connection in use.
            let mut d = d.borrow_mut();
            if d.as_ref() == Some(&this) {
                *d = None;
            }
        });
    });
    db.set_onversionchange(Some(let_go.as_ref().unchecked_ref()));
    let_go.forget();
    DB.with(|d| *d.borrow_mut() = Some(db));
    Ok(())
}

/// Is the database open (and still ours)?
pub fn is_open() -> bool {
    DB.with(|d| d.borrow().is_some())
}

fn store(
    mode: IdbTransactionMode,
) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), String> {
    // Whatever reads or writes now comes after every change already asked for.
    flush();
    DB.with(|d| {
        let d = d.borrow();
        let db = d
            .as_ref()
            .ok_or("the database was closed by another Myomap")?;
        let tx = db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| error_name(&e))?;
        let store = tx.object_store(STORE).map_err(|e| error_name(&e))?;
        Ok((tx, store))
    })
}

/// With a screen lock's passphrase set, the records are sealed at rest: the record out holds
/// the key and reads and writes every record through `window.myomapStore` (src/out/seal.rs),
/// in the order asked. Without one, this file talks to the database directly.
fn sealed() -> Option<js_sys::Object> {
    js_sys::Reflect::get(&js_sys::global(), &"myomapStore".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Are the records read and written sealed now?
pub fn sealing() -> bool {
    sealed().is_some()
}

fn through(store: &js_sys::Object, name: &str, arg: &JsValue) -> Result<JsFuture, String> {
    flush();
    let f: js_sys::Function = js_sys::Reflect::get(store, &name.into())
        .and_then(|f| f.dyn_into())
        .map_err(|e| error_name(&e))?;
    let p: Promise = f
        .call1(store, arg)
        .and_then(|p| p.dyn_into())
        .map_err(|e| error_name(&e))?;
    Ok(JsFuture::from(p))
}

/// Writes all `ops` in one transaction, in the order writes were asked for; the future
/// settles when the browser reports the transaction complete (kept) or failed (nothing of it
/// kept). Sealed, the record out seals the values first (see `sealed`).
pub fn write(ops: &[Op]) -> impl std::future::Future<Output = Result<(), String>> {
    let started = match sealed() {
        Some(store) => {
            let list = Array::new();
            for op in ops {
                let (kind, key, value) = match op {
                    Op::Put(k, v) => ("put", k, v.as_str()),
                    Op::Delete(k) => ("delete", k, ""),
                    Op::DeletePrefix(p) => ("prefix", p, ""),
                };
                list.push(&Array::of3(&kind.into(), &key.into(), &value.into()));
            }
            through(&store, "write", &list)
        }
        None => raw_write(ops),
    };
    async move {
        match started {
            Ok(fut) => fut.await.map(|_| ()).map_err(|e| error_name(&e)),
            Err(e) => Err(e),
        }
    }
}

/// Writes `ops` like `write`, but starts the transaction in the task after the page's next
/// frame: a tap's marker is painted first, without waiting for the browser to set up the
/// transaction (about half a millisecond of the main thread, the largest single item of a
/// tap's own work in a CPU profile). Queued changes are written in the order asked, in a
/// transaction each, and before anything else is read or written here; at the latest after
/// `QUEUE_MAX_MS`, and at once when the page is hidden, reloaded or closed. The future
/// settles as `write`'s does.
pub fn write_soon(ops: Vec<Op>) -> impl std::future::Future<Output = Result<(), String>> {
    let done = Rc::new(Settle::default());
    let first = QUEUED.with(|q| {
        let mut q = q.borrow_mut();
        q.push(Queued {
            ops,
            done: Rc::clone(&done),
        });
        q.len() == 1
    });
    if first {
        flush_after_frame();
    }
    Settled(done)
}

/// How a queued change went, once its transaction is over; and who waits to know.
#[derive(Default)]
struct Settle {
    result: RefCell<Option<Result<(), String>>>,
    waiting: RefCell<Option<Waker>>,
}

impl Settle {
    fn settle(&self, result: Result<(), String>) {
        *self.result.borrow_mut() = Some(result);
        if let Some(w) = self.waiting.borrow_mut().take() {
            w.wake();
        }
    }
}

/// Settles as a queued change's transaction does (a future of this crate, not a promise of
/// the page: a tap makes no promise and no callbacks for it).
struct Settled(Rc<Settle>);

impl std::future::Future for Settled {
    type Output = Result<(), String>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.0.result.borrow_mut().take() {
            Some(result) => Poll::Ready(result),
            None => {
                *self.0.waiting.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// Makes ready what the first queued change uses (the flush callback and its listeners), with
/// a flush of an empty queue: done while the therapist looks, not under the first tap.
pub fn prepare() {
    flush_after_frame();
}

/// Starts what is queued in the task after the next frame (or at once, hidden); at the latest
/// after `QUEUE_MAX_MS`.
fn flush_after_frame() {
    let armed = FLUSHER.with(|f| {
        f.as_ref().map(|(window, flush)| {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                flush.as_ref().unchecked_ref(),
                QUEUE_MAX_MS,
            );
        })
    });
    if armed.is_none() {
        return flush();
    }
    crate::frame::after_frame(flush);
}

/// Starts a transaction for every queued change, in order.
pub fn flush() {
    let queued = QUEUED.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for Queued { ops, done } in queued {
        let written = write(&ops);
        wasm_bindgen_futures::spawn_local(async move { done.settle(written.await) });
    }
}

/// Starts the transaction that writes `ops` as they are (the record out seals values itself).
/// The transaction is created and filled before this returns, so writes commit in the order
/// they were asked for.
pub fn raw_write(ops: &[Op]) -> Result<JsFuture, String> {
    (|| {
        let (tx, store) = store(IdbTransactionMode::Readwrite)?;
        for op in ops {
            let r = match op {
                Op::Put(k, v) => store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(k)),
                Op::Delete(k) => store.delete(&JsValue::from_str(k)),
                Op::DeletePrefix(p) => match prefix_range(p) {
                    Ok(r) => store.delete(&r),
                    Err(e) => Err(JsValue::from_str(&e)),
                },
            };
            if let Err(e) = r {
                let _ = tx.abort();
                return Err(error_name(&e));
            }
        }
        // Commit now rather than when the event loop next turns: the shortest window in
        // which a closing page or a dying browser could still lose it.
        // (web-sys marks `commit` deprecated from its IDL annotations; it is standard and in
        // every current browser.)
        #[allow(deprecated)]
        let _ = tx.commit();
        let done = Promise::new(&mut |resolve, reject| {
            let ok = Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let t = tx.clone();
            let reject2 = reject.clone();
            let fail = Closure::once_into_js(move |_: web_sys::Event| {
                let name = t
                    .error()
                    .map(|e| e.name())
                    .unwrap_or_else(|| "AbortError".into());
                let _ = reject2.call1(&JsValue::NULL, &JsValue::from_str(&name));
            });
            tx.set_oncomplete(Some(ok.unchecked_ref()));
            // An error aborts the transaction; the abort event always follows, so one handler.
            tx.set_onabort(Some(fail.unchecked_ref()));
        });
        Ok(JsFuture::from(done))
    })()
}

fn prefix_range(prefix: &str) -> Result<IdbKeyRange, String> {
    // Every key under the prefix sorts between it and the prefix followed by the highest char.
    IdbKeyRange::bound(
        &JsValue::from_str(prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
    )
    .map_err(|e| error_name(&e))
}

/// Every record whose key starts with `prefix`, in key order (unsealed, see `sealed`).
pub async fn read_prefix(prefix: &str) -> Result<Vec<(String, String)>, String> {
    let Some(sealer) = sealed() else {
        return raw_read_prefix(prefix).await;
    };
    let list: Array = through(&sealer, "read", &prefix.into())?
        .await
        .map_err(|e| error_name(&e))?
        .unchecked_into();
    Ok(list
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            )
        })
        .collect())
}

/// Every record under `prefix` as the database holds it.
pub async fn raw_read_prefix(prefix: &str) -> Result<Vec<(String, String)>, String> {
    let (_tx, store) = store(IdbTransactionMode::Readonly)?;
    let range = prefix_range(prefix)?;
    let keys = store
        .get_all_keys_with_key(&range)
        .map_err(|e| error_name(&e))?;
    let values = store.get_all_with_key(&range).map_err(|e| error_name(&e))?;
    let keys: Array = JsFuture::from(request_promise(&keys))
        .await
        .map_err(|e| error_name(&e))?
        .unchecked_into();
    let values: Array = JsFuture::from(request_promise(&values))
        .await
        .map_err(|e| error_name(&e))?
        .unchecked_into();
    Ok(keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| {
            (
                k.as_string().unwrap_or_default(),
                // A value that is not text was not written by Myomap: read as damaged.
                v.as_string().unwrap_or_default(),
            )
        })
        .collect())
}

/// One record, if present (unsealed, see `sealed`).
pub async fn get(key: &str) -> Result<Option<String>, String> {
    Ok(read_prefix(key)
        .await?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v))
}

/// One record as the database holds it.
pub async fn raw_get(key: &str) -> Result<Option<String>, String> {
    let (_tx, store) = store(IdbTransactionMode::Readonly)?;
    let req = store
        .get(&JsValue::from_str(key))
        .map_err(|e| error_name(&e))?;
    let v = JsFuture::from(request_promise(&req))
        .await
        .map_err(|e| error_name(&e))?;
    Ok(if v.is_undefined() {
        None
    } else {
        Some(v.as_string().unwrap_or_default())
    })
}

/// A plain sentence for a failed write.
pub fn explain(error: &str) -> String {
    if error.contains("Quota") {
        "This device's storage is full: the last change is on screen but NOT saved. Free some space (or export a backup and remove old data) and try again.".into()
    } else {
        format!("The last change is on screen but was NOT saved ({error}). Try again; if this keeps happening, reload Myomap.")
    }
}

/// Closes this page's connection (the page keeps working; writes then fail plainly).
pub fn close() {
    flush();
    DB.with(|d| {
        if let Some(db) = d.borrow_mut().take() {
            db.close();
        }
    });
}

/// Deletes the whole database of this device (tests start from nothing with it).
pub async fn delete_database() -> Result<(), String> {
    close();
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(|e| error_name(&e))?
        .ok_or("no database")?;
    let req = factory
        .delete_database(DB_NAME)
        .map_err(|e| error_name(&e))?;
    JsFuture::from(request_promise(&req))
        .await
        .map(|_| ())
        .map_err(|e| error_name(&e))
}
