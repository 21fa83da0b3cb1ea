//! Writes a report JSON file as a Word document (.docx) to stdout:
//! `cargo run --example render_docx -- tests/fixtures/reports/pingtan-2022.json > out.docx`

use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("用法：render_docx REPORT.json > out.docx");
        std::process::exit(2);
    };
    let report = nianbao::import::json_path(&path).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    });
    let _ = std::io::stdout().write_all(&nianbao::export::docx::render(&report));
}
