//! How a chart is kept: the versioned saved form (`schema`, pure) and the browser's storage
//! (`browser`, wasm only).

pub mod export;
pub mod records;
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod idb;
