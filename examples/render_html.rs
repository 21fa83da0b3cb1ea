//! Writes the publication HTML of a report JSON file to stdout:
//! `cargo run --example render_html -- tests/fixtures/reports/pingtan-2022.json > out.html`

fn main() {
    let path = std::env::args().nth(1).expect("a report JSON file");
    let text = std::fs::read_to_string(&path).expect("readable file");
    match nianbao::model::Report::from_json_str(&text) {
        Ok(report) => print!("{}", nianbao::export::html::render(&report)),
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    }
}
