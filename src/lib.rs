//! Myomap: a trigger-point body map and dry-needling session timer for physical therapists.
//! The domain (`anatomy`, `clinic`, `store::schema`) is plain Rust tested natively; the browser
//! shell (`ui`, `store::browser`) exists only on wasm.

pub mod anatomy;
pub mod clinic;
pub mod gesture;
pub mod labels;
pub mod num;
pub mod record;
pub mod small_sort;
pub mod spread;
pub mod store;
pub mod text;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod frame;
#[cfg(target_arch = "wasm32")]
pub mod out;
#[cfg(target_arch = "wasm32")]
pub mod ui;
