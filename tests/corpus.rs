//! The rules over every real report the tests have: the samples as saved
//! pages and text (GBK included), the hand-checked reports, and the plain
//! text of each read back, with last year's report where there is one.
//! Every warning is printed (`cargo test --test corpus -- --nocapture`); an
//! error fails the test unless the report's own figures justify it, checked
//! here independently of the rules' code.

use nianbao::export::html::plain_text;
use nianbao::import::{job, published};
use nianbao::model::{Cell, Report};
use nianbao::rules::{check, Context, Finding, RuleId, Severity};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn json(name: &str) -> Report {
    Report::from_json_str(&String::from_utf8(fixture(&format!("reports/{name}.json"))).unwrap())
        .unwrap()
}

fn page(name: &str) -> Report {
    job::bytes(&fixture(&format!("samples/{name}")), &job::Native)
        .map(|a| Report::from_json_str(&a.report_json).unwrap())
        .unwrap()
}

/// A count as the sums see it: blank is 0, anything else unusable.
fn value(r: &Report, i: usize) -> Option<u64> {
    match &r.cells[i] {
        Cell::Count(n) => Some(*n),
        Cell::Blank => Some(0),
        _ => None,
    }
}

/// Why an error is justified by the report itself, or `None`.
fn justified(r: &Report, last: Option<&Report>, f: &Finding) -> Option<String> {
    let cells = &f.cells;
    let v = |i: usize| value(r, i);
    match f.rule {
        RuleId::T3_BALANCE => {
            let [rem, handled, a, b] = cells[..] else {
                return None;
            };
            let (rem, handled, a, b) = (v(rem)?, v(handled)?, v(a)?, v(b)?);
            (a + b != handled + rem).then(|| format!("{a} + {b} ≠ {handled} + {rem}"))
        }
        RuleId::T3_OUTCOME_SUM | RuleId::T3_COLUMN_SUM | RuleId::T4_SUM => {
            let (&total, parts) = cells.split_first()?;
            let sum: u64 = parts.iter().map(|&p| v(p)).sum::<Option<u64>>()?;
            let shown = r.cells[total].count();
            (shown != Some(sum)).then(|| format!("{shown:?} ≠ {sum}"))
        }
        RuleId::CELL_BLANK => cells
            .iter()
            .all(|&i| r.cells[i].is_blank())
            .then(|| format!("{} blank cells", cells.len())),
        RuleId::CELL_INTEGER | RuleId::FEE_AMOUNT => cells
            .iter()
            .all(|&i| matches!(r.cells[i], Cell::Invalid(_)))
            .then(|| "invalid text".to_string()),
        RuleId::SECTIONS => {
            let key = f.text?;
            let heading = r.headings.get(key);
            let empty = r.format.section(key).is_some_and(|s| {
                s.content == nianbao::format::Content::Text && r.text(key).trim().is_empty()
            });
            (heading.is_some() || empty).then(|| format!("heading {heading:?}, empty {empty}"))
        }
        RuleId::CARRY_OVER => {
            let last = last?;
            let here = cells[0];
            let def = &r.format.cells()[here];
            let there = last
                .format
                .cell_index(&format!("table3.carried_forward.{}", def.column.key))?;
            (r.cells[here].count()? != last.cells[there].count()?).then(|| "differs".to_string())
        }
        _ => None,
    }
}

#[test]
fn every_real_report_errors_only_where_its_figures_say_so() {
    let mut corpus: Vec<(String, Report, Option<Report>)> = vec![
        ("pingtan-2021.json".into(), json("pingtan-2021"), None),
        (
            "pingtan-2022.json".into(),
            json("pingtan-2022"),
            Some(json("pingtan-2021")),
        ),
        (
            "tanggong-jiedao-2023.json".into(),
            json("tanggong-jiedao-2023"),
            None,
        ),
    ];
    for name in [
        "pingtan-2021.html",
        "pingtan-2022.html",
        "pingtan-2019-oldformat.html",
        "tanggong-jiedao-2023.txt",
        "tanggong-jiedao-2023-gbk.html",
    ] {
        corpus.push((name.into(), page(name), None));
    }
    // The plain text of each hand-checked report, read back.
    for name in ["pingtan-2021", "pingtan-2022", "tanggong-jiedao-2023"] {
        let text = plain_text(&json(name));
        let back = published::read(&text).unwrap().report;
        corpus.push((format!("{name} (plain text)"), back, None));
    }
    let mut unjustified = Vec::new();
    for (name, report, last) in &corpus {
        let found = check(&Context {
            report,
            last_year: last.as_ref(),
            today: None,
        });
        println!("== {name}: {} findings", found.len());
        for f in &found {
            match f.severity {
                Severity::Error => match justified(report, last.as_ref(), f) {
                    Some(why) => println!("  error   {} {} ({why})", f.rule, f.message),
                    None => unjustified.push(format!("{name}: {} {}", f.rule, f.message)),
                },
                Severity::Warning => println!("  warning {} {}", f.rule, f.message),
                Severity::Info => {}
            }
        }
    }
    assert!(
        unjustified.is_empty(),
        "errors the reports' own figures do not justify:\n{}",
        unjustified.join("\n")
    );
}
