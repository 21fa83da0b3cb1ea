//! # nianbao（年报）
//!
//! Fill in, check and publish the annual 《政府信息公开工作年度报告》 in the
//! national format, entirely in the browser.
//!
//! The crate has a pure core that builds and tests natively, and a thin
//! browser layer compiled only for `wasm32`:
//!
//! | module | what it holds | browser? |
//! |---|---|---|
//! | [`format`](mod@format) | the national format as data: sections, tables, labels, keys ([`cell!`]) | no |
//! | [`model`] | the report (metadata, texts, cells) and its JSON form | no |
//! | [`edit`] | spreadsheet editing: undo/redo, moving between cells, pasting | no |
//! | [`rules`] | the checks of RULES.md, as pure functions, and the marks they leave | no |
//! | [`export`] | the publication HTML and plain text | no |
//! | [`import`] | our JSON, published pages and text, the importer worker's job | no |
//! | [`review`] | many reports at once: overview, year on year, 汇总, CSV | no |
//! | [`store`] | drafts in a key-value store: the draft session, revisions, conflicts, migration | no |
//! | [`sort`] | a small sort (std's are large in wasm) | no |
//! | `ui` | the Leptos components of the app | yes |
//! | `browser` | the only code that calls browser APIs: storage, files, clock, crash screen, importer worker | yes |
//!
//! Layering goes one way: format ← model ← rules, edit, export ← import,
//! store ← browser ← ui. The binaries: `src/main.rs` (the form page) and
//! `src/bin/importer.rs` (the importer worker, loaded on demand).
//!
//! Start reading at [`format::y2021`] (what the report is) and
//! [`model::Report`] (what the app edits).

pub mod edit;
pub mod export;
pub mod format;
pub mod import;
pub mod model;
pub mod review;
pub mod rules;
pub mod sort;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, as written into exported files.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
