//! Editing a report like a spreadsheet, without a browser: undo and redo,
//! moving between cells, and pasting blocks copied from Excel or WPS.
//!
//! The UI translates key presses and clipboard events into calls here, so the
//! behaviour is tested natively.

mod grid;
mod history;

pub use grid::{parse_block, Direction, Grid, Paste};
pub use history::History;
