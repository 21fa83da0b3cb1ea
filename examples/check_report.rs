//! Checks a report JSON file and prints every finding as one JSON line
//! (`rule`, `severity`, `message`, `keys`: the dotted keys of the cells or
//! sections concerned, and `key`, the finding's own):
//!
//! `cargo run --release --example check_report -- REPORT.json [--last-year LAST.json] [--today YYYY-MM-DD]`
//!
//! Exit status 0 when the report was read (whatever it contains), 1 when it
//! could not be read, 2 on bad usage. A closed stdout (piped into `head`)
//! ends it quietly.

use std::io::Write;

use nianbao::model::{Date, Report};
use nianbao::rules::{check, Context};

fn usage() -> ! {
    eprintln!("用法：check_report REPORT.json [--last-year LAST.json] [--today YYYY-MM-DD]");
    std::process::exit(2);
}

fn load(path: &str) -> Report {
    nianbao::import::json_path(path).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut report, mut last, mut today) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--last-year" => last = Some(args.next().unwrap_or_else(|| usage())),
            "--today" => {
                let v = args.next().unwrap_or_else(|| usage());
                today = Some(Date::parse(&v).unwrap_or_else(|| usage()));
            }
            _ if report.is_none() && !arg.starts_with("--") => report = Some(arg),
            _ => usage(),
        }
    }
    let report = load(&report.unwrap_or_else(|| usage()));
    let last = last.map(|p| load(&p));
    let findings = check(&Context {
        report: &report,
        last_year: last.as_ref(),
        today,
    });
    let mut out = std::io::stdout().lock();
    for f in &findings {
        if writeln!(out, "{}", f.to_json(&report)).is_err() {
            return;
        }
    }
}
