//! Sealing a backup with a passphrase, by the browser's own cryptography (WebCrypto): a key
//! derived with PBKDF2-HMAC-SHA-256 (600,000 rounds, a random 16-byte salt), never extractable
//! and kept only while it is used, and AES-GCM-256 with a fresh 12-byte IV.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use crate::record::backup::{ImportError, Sealed};

fn crypto() -> Result<web_sys::Crypto, String> {
    super::dom::window()
        .crypto()
        .map_err(|_| "This browser offers no cryptography here.".to_string())
}

/// `n` random bytes from the browser's generator.
pub fn random(n: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "No random numbers.".to_string())?;
    Ok(bytes)
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// The key a passphrase gives with this salt: AES-GCM-256, never extractable.
pub async fn key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, JsValue> {
    let subtle = crypto().map_err(|e| JsValue::from_str(&e))?.subtle();
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base: CryptoKey = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?
    .dyn_into()?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &aes,
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    )?)
    .await?
    .dyn_into()
}

/// The backup's text sealed with the passphrase.
pub async fn seal(passphrase: &str, text: &str) -> Result<Sealed, String> {
    let fail = |_| "The backup could not be encrypted.".to_string();
    let salt = random(16)?;
    let iv = random(12)?;
    let key = key(passphrase, &salt, crate::record::backup::ITERATIONS)
        .await
        .map_err(fail)?;
    let subtle = crypto()?.subtle();
    let aes = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ]);
    let data = Uint8Array::from(text.as_bytes());
    let sealed = JsFuture::from(
        subtle
            .encrypt_with_object_and_buffer_source(&aes, &key, &data)
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    Ok(Sealed::new(&salt, &iv, &Uint8Array::new(&sealed).to_vec()))
}

/// The text sealed with a key already derived (with this salt) from a passphrase.
pub async fn seal_with(key: &CryptoKey, salt: &[u8], text: &str) -> Result<Sealed, String> {
    let iv = random(12)?;
    let data = encrypt(key, &iv, text.as_bytes())
        .await
        .map_err(|_| "The backup could not be encrypted.".to_string())?;
    Ok(Sealed::new(salt, &iv, &data))
}

/// The backup's text, if the passphrase opens it.
pub async fn unseal(passphrase: &str, sealed: &Sealed) -> Result<String, ImportError> {
    let (salt, iv, data) = sealed.parts()?;
    let wrong = |_| ImportError::WrongPassphrase;
    let key = key(passphrase, &salt, sealed.iterations)
        .await
        .map_err(wrong)?;
    let subtle = crypto().map_err(|_| ImportError::WrongPassphrase)?.subtle();
    let aes = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ]);
    let plain = JsFuture::from(
        subtle
            .decrypt_with_object_and_buffer_source(&aes, &key, &Uint8Array::from(&data[..]))
            .map_err(wrong)?,
    )
    .await
    .map_err(wrong)?;
    String::from_utf8(Uint8Array::new(&plain).to_vec())
        .map_err(|_| ImportError::Damaged("its decrypted text is not text".into()))
}

/// AES-GCM under `key` with this IV: encrypts, or decrypts (which fails when the key is not
/// the one the data was sealed with).
async fn aes(key: &CryptoKey, iv: &[u8], data: &[u8], seal: bool) -> Result<Vec<u8>, JsValue> {
    let subtle = crypto().map_err(|e| JsValue::from_str(&e))?.subtle();
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
    ]);
    let data = Uint8Array::from(data);
    let p = if seal {
        subtle.encrypt_with_object_and_buffer_source(&params, key, &data)?
    } else {
        subtle.decrypt_with_object_and_buffer_source(&params, key, &data)?
    };
    Ok(Uint8Array::new(&JsFuture::from(p).await?).to_vec())
}

/// Encrypts `data` under `key` with this IV.
pub async fn encrypt(key: &CryptoKey, iv: &[u8], data: &[u8]) -> Result<Vec<u8>, JsValue> {
    aes(key, iv, data, true).await
}

/// Decrypts `data` under `key` with this IV.
pub async fn decrypt(key: &CryptoKey, iv: &[u8], data: &[u8]) -> Result<Vec<u8>, JsValue> {
    aes(key, iv, data, false).await
}
