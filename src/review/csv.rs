//! The review's two CSV files, as the 审核台 downloads them and
//! `nianbao-check` writes them (byte for byte the same): UTF-8 with a BOM
//! and CRLF line ends, so that Excel and WPS open them in Chinese; fields
//! quoted where they hold a comma, a quote or a line break.

use super::Item;
use crate::model::Cell;
use crate::rules::Finding;

const BOM: &str = "\u{FEFF}";

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, fields: &[String]) {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The findings file's BOM and header line.
pub fn findings_head() -> String {
    let mut out = String::from(BOM);
    line(
        &mut out,
        &["机关", "年度", "规则", "级别", "说明", "核实说明"].map(String::from),
    );
    out
}

/// The findings file's lines of one item (none for an unreadable file).
pub fn findings_lines(it: &Item, found: &[Finding]) -> String {
    let mut out = String::new();
    let Ok(r) = &it.report else { return out };
    let year = r.meta.year.map_or(String::new(), |y| y.to_string());
    for f in found {
        line(
            &mut out,
            &[
                r.meta.agency.clone(),
                year.clone(),
                f.rule.as_str().to_string(),
                f.severity.label().to_string(),
                f.message.clone(),
                r.confirmations.get(&f.key).cloned().unwrap_or_default(),
            ],
        );
    }
    out
}

/// One row per finding: 机关, 年度, 规则, 级别, 说明, 核实说明.
pub fn findings(items: &[Item], findings: &[Vec<Finding>]) -> String {
    let mut out = findings_head();
    for (it, found) in items.iter().zip(findings) {
        out.push_str(&findings_lines(it, found));
    }
    out
}

/// The cells file's BOM and header line: the official labels.
pub fn cells_head() -> String {
    let format = crate::format::current();
    let mut out = String::from(BOM);
    let mut head: Vec<String> = ["文件", "机关", "机关层级", "年度"]
        .map(String::from)
        .to_vec();
    head.extend(
        format
            .cells()
            .iter()
            .map(|d| format!("{} {}", d.table.caption, d.name)),
    );
    line(&mut out, &head);
    out
}

/// The cells file's line of one item (none for an unreadable file).
pub fn cells_line(it: &Item) -> String {
    let mut out = String::new();
    let Ok(r) = &it.report else { return out };
    let mut row = vec![
        it.file.clone(),
        r.meta.agency.clone(),
        r.meta
            .level
            .map_or(String::new(), |l| l.label().to_string()),
        r.meta.year.map_or(String::new(), |y| y.to_string()),
    ];
    row.extend(r.cells.iter().map(Cell::display));
    line(&mut out, &row);
    out
}

/// One row per readable report, one column per table cell, labelled with
/// the official table, row and column labels.
pub fn cells(items: &[Item]) -> String {
    let mut out = cells_head();
    for it in items {
        out.push_str(&cells_line(it));
    }
    out
}
