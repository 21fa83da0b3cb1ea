//! Reads a report in any form the importer knows (a saved web page in any
//! charset, also saved as one file (.mhtml), a Word .docx (or a .doc that
//! holds a page, a .docx or Word 2003 XML; an .xml of Word XML), an OFD
//! file, Markdown, a .txt file or pasted text saved to a file, text
//! extracted from a PDF, our JSON) and prints it as nianbao JSON on
//! stdout, the review notes on stderr:
//!
//! `cargo run --release --example import_report -- FILE [--last-year FILE]`
//!
//! With `--last-year`, last year's report (in any form too) is read as the
//! baseline and the cross-year findings are added to the notes. Exit status
//! 1 with the message when nothing is recognised, 2 on bad usage.

use std::io::Write;

use nianbao::import::job::Native;
use nianbao::model::Report;
use nianbao::review;
use nianbao::rules::{check, Context, RuleId};

fn usage() -> ! {
    eprintln!("用法：import_report FILE [--last-year FILE]");
    std::process::exit(2);
}

/// The report in `path` (read as the 审核台 reads a file), and the review notes.
fn read(path: &str) -> Result<(Report, Vec<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}：无法读取文件（{e}）"))?;
    let item = review::read_item(path, &bytes, &Native);
    item.report.map(|r| (r, item.notes))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut file, mut last) = (None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--last-year" => last = Some(args.next().unwrap_or_else(|| usage())),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => usage(),
        }
    }
    let file = file.unwrap_or_else(|| usage());
    let (report, mut notes) = read(&file).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    if let Some(path) = last {
        let (last, _) = read(&path).unwrap_or_else(|e| {
            eprintln!("上一年度报告：{e}");
            std::process::exit(1)
        });
        let cross = [RuleId::CARRY_OVER, RuleId::IN_FORCE, RuleId::ABOLISH_BOUND];
        for f in check(&Context {
            report: &report,
            last_year: Some(&last),
            today: None,
        }) {
            if cross.contains(&f.rule) {
                notes.push(format!("[{}] {}", f.rule, f.message));
            }
        }
    }
    for note in notes {
        eprintln!("{note}");
    }
    // A closed stdout (piped into `head`): a quiet end.
    let _ = writeln!(std::io::stdout(), "{}", report.to_json_string());
}
