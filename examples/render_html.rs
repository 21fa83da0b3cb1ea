//! Writes the publication HTML of a report JSON file to stdout:
//! `cargo run --example render_html -- tests/fixtures/reports/pingtan-2022.json > out.html`
//!
//! Exit status 1 when the file cannot be read as a report, 2 on bad usage.
//! A closed stdout (piped into `head`) ends it quietly.

use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("用法：render_html REPORT.json > out.html");
        std::process::exit(2);
    };
    let report = nianbao::import::json_path(&path).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    });
    let html = nianbao::export::html::render(&report);
    let _ = std::io::stdout().write_all(html.as_bytes());
}
