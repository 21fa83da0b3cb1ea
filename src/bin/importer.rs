//! The importer: a second wasm module, run in a Web Worker, that reads
//! published reports (saved pages, .txt, pasted text) for the form page. It
//! is loaded only when the user imports, so the form page stays small, and
//! its work never blocks typing. On the host it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nianbao::browser::worker::start();
}
