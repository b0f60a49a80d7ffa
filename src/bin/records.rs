//! The record out, loaded on demand: the visit report, exports, progress across visits, the
//! patient's take-home sheet and the clinic's details. It is a second, small wasm module that
//! the page fetches the first time one of these is asked for (index.html's `myomapLater`), so
//! none of it weighs on the first load. Its one entry takes the name of what to do and its
//! input as JSON text.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// Runs one action of the record out. Resolves when it is done; rejects with a sentence
    /// for the therapist when it could not be done.
    #[wasm_bindgen]
    pub async fn run(action: String, input: String) -> Result<JsValue, JsValue> {
        myomap::out::run(&action, &input)
            .await
            .map(|s| JsValue::from_str(&s))
            .map_err(|e| JsValue::from_str(&e))
    }
}

fn main() {}
