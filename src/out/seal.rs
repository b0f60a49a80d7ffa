//! Records sealed at rest. With a screen lock's passphrase set, every record's value is
//! encrypted before it reaches the database (AES-GCM-256, a fresh 12-byte IV per write, under
//! the key the passphrase gives; the key is never extractable and lives only in this page's
//! memory). The main app reads and writes through `window.myomapStore`, installed here once the
//! passphrase has been typed (`store::idb` uses it when present). Every read and write goes
//! through one chain, so they happen in the order they were asked for, and a change of key
//! (set, change, remove) is one transaction in that chain.

use std::cell::RefCell;
use std::future::Future;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::CryptoKey;

use super::crypto;
use crate::record::backup::{base64, unbase64};
use crate::record::lock;
use crate::store::{
    idb,
    records::{self, Op},
};

thread_local! {
    static KEY: RefCell<Option<CryptoKey>> = const { RefCell::new(None) };
    static CHAIN: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn err(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// Runs `work` after everything asked for before it.
pub fn chained<F>(work: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let before = CHAIN.take();
    let p = future_to_promise(async move {
        if let Some(b) = before {
            let _ = JsFuture::from(b).await;
        }
        work.await
    });
    CHAIN.set(Some(p.clone()));
    p
}

async fn seal(key: &CryptoKey, value: &str) -> Result<String, JsValue> {
    let iv = crypto::random(12).map_err(err)?;
    let mut bytes = iv.clone();
    bytes.extend(crypto::encrypt(key, &iv, value.as_bytes()).await?);
    Ok(format!("{}{}", lock::SEALED_MARK, base64(&bytes)))
}

async fn open(key: Option<&CryptoKey>, value: String) -> Result<String, JsValue> {
    let Some(body) = value.strip_prefix(lock::SEALED_MARK) else {
        return Ok(value);
    };
    let key = key.ok_or_else(|| err("the records are sealed and locked"))?;
    let bytes = unbase64(body)
        .filter(|b| b.len() > 12)
        .ok_or_else(|| err("a sealed record is damaged"))?;
    let plain = crypto::decrypt(key, &bytes[..12], &bytes[12..]).await?;
    String::from_utf8(plain).map_err(err)
}

/// The meta record while sealed: format 4, marked sealed (an older Myomap leaves it alone).
fn meta(value: &str, sealed: bool) -> String {
    match records::read_meta(value) {
        Ok(mut m) => {
            m.sealed = sealed;
            m.format = if sealed {
                records::SEALED_FORMAT
            } else {
                records::FORMAT
            };
            serde_json::to_string(&m).unwrap_or_else(|_| value.to_string())
        }
        Err(_) => value.to_string(),
    }
}

/// A write as the database will hold it: values sealed under `key` (kept plain: the meta
/// record, the lock and the date of the last backup).
async fn sealed_op(key: Option<&CryptoKey>, op: Op) -> Result<Op, JsValue> {
    Ok(match op {
        Op::Put(k, v) if k == records::META_KEY => {
            let v = meta(&v, key.is_some());
            Op::Put(k, v)
        }
        Op::Put(k, v) if !lock::plain_key(&k) => match key {
            Some(key) => {
                let v = seal(key, &v).await?;
                Op::Put(k, v)
            }
            None => Op::Put(k, v),
        },
        op => op,
    })
}

async fn write(list: JsValue) -> Result<JsValue, JsValue> {
    let key = KEY.with_borrow(|k| k.clone());
    let mut ops = Vec::new();
    for item in Array::from(&list).iter() {
        let item = Array::from(&item);
        let (kind, k, v) = (
            item.get(0).as_string().unwrap_or_default(),
            item.get(1).as_string().unwrap_or_default(),
            item.get(2).as_string().unwrap_or_default(),
        );
        let op = match kind.as_str() {
            "put" => Op::Put(k, v),
            "delete" => Op::Delete(k),
            _ => Op::DeletePrefix(k),
        };
        // The needle board goes with the visit it mirrors, in the same transaction.
        let board = key.as_ref().and_then(|_| lock::board_op(&op));
        ops.push(sealed_op(key.as_ref(), op).await?);
        ops.extend(board);
    }
    idb::raw_write(&ops).map_err(err)?.await
}

async fn read(prefix: JsValue) -> Result<JsValue, JsValue> {
    let key = KEY.with_borrow(|k| k.clone());
    let out = Array::new();
    for (k, v) in idb::raw_read_prefix(&prefix.as_string().unwrap_or_default())
        .await
        .map_err(err)?
    {
        let v = open(key.as_ref(), v).await?;
        out.push(&Array::of2(&k.into(), &v.into()));
    }
    Ok(out.into())
}

/// Reads and writes of the page go through here from now on, with this key.
pub fn install(key: CryptoKey) {
    KEY.with_borrow_mut(|k| *k = Some(key));
    let store = js_sys::Object::new();
    let w = Closure::<dyn Fn(JsValue) -> Promise>::new(|list| chained(write(list)));
    let r = Closure::<dyn Fn(JsValue) -> Promise>::new(|prefix| chained(read(prefix)));
    let _ = Reflect::set(&store, &"write".into(), w.as_ref());
    let _ = Reflect::set(&store, &"read".into(), r.as_ref());
    w.forget();
    r.forget();
    let _ = Reflect::set(&js_sys::global(), &"myomapStore".into(), &store);
}

/// Every record sealed again under `to` (none: written plain, and the page goes back to the
/// database directly), with `extra` writes, in one transaction in the chain. `from` opens
/// what is sealed now.
pub async fn rekey(
    from: Option<CryptoKey>,
    to: Option<CryptoKey>,
    extra: Vec<Op>,
) -> Result<(), String> {
    if to.is_some() && KEY.with_borrow(|k| k.is_none()) {
        // Writes asked for from now on wait in the chain behind this one.
        install(to.clone().expect("checked"));
    }
    let work = async move {
        let mut ops = Vec::new();
        for (k, v) in idb::raw_read_prefix("").await.map_err(err)? {
            if lock::plain_key(&k) && k != records::META_KEY {
                continue;
            }
            let v = open(from.as_ref(), v).await?;
            let put = Op::Put(k, v);
            if to.is_some() {
                ops.extend(lock::board_op(&put));
            }
            ops.push(sealed_op(to.as_ref(), put).await?);
        }
        if to.is_none() {
            // Plain records need no board: the app reads them at once after a reload.
            ops.push(Op::DeletePrefix(lock::BOARD_PREFIX.into()));
        }
        for op in extra {
            ops.push(sealed_op(to.as_ref(), op).await?);
        }
        idb::raw_write(&ops).map_err(err)?.await?;
        KEY.with_borrow_mut(|k| k.clone_from(&to));
        if to.is_none() {
            let global: js_sys::Object = js_sys::global();
            let _ = Reflect::delete_property(&global, &"myomapStore".into());
        }
        Ok(JsValue::UNDEFINED)
    };
    JsFuture::from(chained(work))
        .await
        .map(|_| ())
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the records could not be rewritten".into())
        })
}

/// The key in use, if the records are sealed and the passphrase was typed in this page.
pub fn key() -> Option<CryptoKey> {
    KEY.with_borrow(|k| k.clone())
}
