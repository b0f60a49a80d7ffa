//! What happens in a visit: trigger points, needles and their timers. Pure Rust: no browser,
//! no signals; the clock is injected.

pub mod chart;
pub mod consent;
pub mod estim;
pub mod findings;
pub mod history;
pub mod patient;
pub mod progress;
pub mod safety;
pub mod timer;
pub mod visit;
