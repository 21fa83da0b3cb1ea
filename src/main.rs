//! Entry point of the web app. Trunk builds this binary for `wasm32`; on the
//! host it does nothing (the core is tested with `cargo test`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nianbao::ui::start();
}
