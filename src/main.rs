//! Entry point: mounts the app (browser only).

fn main() {
    #[cfg(target_arch = "wasm32")]
    myomap::ui::mount();
}
