//! CELL-INTEGER, CELL-BLANK, FEE-AMOUNT, FEE-UNIT: what each cell holds.

use super::{Finding, RuleId, Severity};
use crate::format::Kind;
use crate::model::{is_space, Cell, Level, Report};

/// Texts people put in a cell instead of 0: CELL-BLANK, not CELL-INTEGER.
const BLANK_LIKE: &[&str] = &[
    "/", "／", "—", "——", "-", "－", "–", "―", "─", "无", "空", "\\",
];

/// Whether `text` is a mark people put in a cell instead of 0 ("/", "—",
/// "无"), which an imported report's cell may hold as printed.
pub fn blank_mark(text: &str) -> bool {
    BLANK_LIKE.contains(&text.trim_matches(is_space))
}

/// True for a cell that is blank or holds a blank-like mark ("/", "—", "无").
pub fn blank_like(cell: &Cell) -> bool {
    match cell {
        Cell::Blank => true,
        Cell::Invalid(text) => blank_mark(text),
        _ => false,
    }
}

/// A fee at or above this many 万元 looks like it was entered in 元, for the
/// levels listed in [`fee_unit_applies`].
pub const FEE_UNIT_THRESHOLD: u64 = 10_000;
/// Most decimals a fee in 万元 sensibly has: 6 decimals of 万元 is 0.01 元.
pub const FEE_MAX_DECIMALS: usize = 6;

/// 街道/乡镇 and departments: a fee ≥ 1 亿元 is implausible.
fn fee_unit_applies(level: Option<Level>) -> bool {
    matches!(
        level,
        Some(Level::Township | Level::CountyDepartment | Level::CityDepartment)
    )
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let format = report.format;
    for table in format.tables {
        let mut blanks = Vec::new();
        for (i, def) in format.cells().iter().enumerate() {
            if def.table.key != table.key {
                continue;
            }
            let cell = &report.cells[i];
            if blank_like(cell) {
                // Computed totals are blank because their parts are; the
                // three （六） rows do not exist in the 2019 trial format.
                let trial_only = report.trial_2019 && def.row.groups.contains(&"（六）其他处理");
                if (!def.computed || !cell.is_blank()) && !trial_only {
                    blanks.push(i);
                }
                continue;
            }
            if let Cell::Invalid(text) = cell {
                let (rule, expected) = match def.kind {
                    Kind::Count => (RuleId::CELL_INTEGER, "应为不小于 0 的整数"),
                    Kind::Amount => (RuleId::FEE_AMOUNT, "应为不小于 0 的金额（单位：万元）"),
                };
                out.push(Finding::on_cells(
                    rule,
                    Severity::Error,
                    format!("{rule}:{}", def.key),
                    table.key,
                    vec![i],
                    format!("{}：“{text}”不是有效的数值，{expected}", def.name),
                ));
            }
        }
        if !blanks.is_empty() {
            let first = &format.cells()[blanks[0]].name;
            let message = if blanks.len() == 1 {
                format!("“{first}”未填写：无数据请填 0，不要留空或填“/”“无”")
            } else {
                format!(
                    "{}有 {} 个单元格未填写（如“{first}”）：无数据请填 0，不要留空或填“/”“无”",
                    table_name(table.key),
                    blanks.len()
                )
            };
            out.push(Finding::on_cells(
                RuleId::CELL_BLANK,
                Severity::Error,
                format!("CELL-BLANK:{}", table.key),
                table.key,
                blanks,
                message,
            ));
        }
    }
    fee_unit(report, out);
}

/// "表三" for "table3".
pub fn table_name(key: &str) -> &'static str {
    match key {
        "table2" => "表二",
        "table3" => "表三",
        "table4" => "表四",
        _ => "表格",
    }
}

fn fee_unit(report: &Report, out: &mut Vec<Finding>) {
    for (i, def) in report.format.cells().iter().enumerate() {
        let Cell::Amount(amount) = &report.cells[i] else {
            continue;
        };
        let mut reasons = Vec::new();
        if fee_unit_applies(report.meta.level) && amount.whole() >= FEE_UNIT_THRESHOLD {
            // 万元 → 亿元 with two decimals, in integers (no float formatting).
            let hundredths = (amount.whole() + 50) / 100;
            reasons.push(format!(
                "{} 万元即 {}.{:02} 亿元，对{}来说偏大，是否按“元”填写了？",
                amount.as_str(),
                hundredths / 100,
                hundredths % 100,
                report.meta.level.map_or("本机关", |l| l.label())
            ));
        }
        if amount.decimals() > FEE_MAX_DECIMALS {
            reasons.push(format!(
                "{} 有 {} 位小数（单位万元时最多 6 位，即精确到 0.01 元）",
                amount.as_str(),
                amount.decimals()
            ));
        }
        if !reasons.is_empty() {
            out.push(Finding::on_cells(
                RuleId::FEE_UNIT,
                Severity::Warning,
                "FEE-UNIT".into(),
                def.table.key,
                vec![i],
                format!("{}：{}", def.name, reasons.join("；")),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(r, &mut out);
        out
    }

    fn filled() -> Report {
        let mut r = Report::new();
        for (i, def) in r.format.cells().iter().enumerate() {
            r.cells[i] = Cell::parse("0", def.kind);
        }
        r
    }

    #[test]
    fn a_new_report_has_one_blank_finding_per_table() {
        let found = run(&Report::new());
        let summary: Vec<_> = found
            .iter()
            .map(|f| (f.rule.as_str(), f.key.as_str(), f.cells.len()))
            .collect();
        // Table 三 has 175 cells, 31 of them computed; 表四 15, 3 computed.
        assert_eq!(
            summary,
            [
                ("CELL-BLANK", "CELL-BLANK:table2", 10),
                ("CELL-BLANK", "CELL-BLANK:table3", 144),
                ("CELL-BLANK", "CELL-BLANK:table4", 12)
            ]
        );
        assert_eq!(
            found[0].message,
            "表二有 10 个单元格未填写（如“规章 本年制发件数”）：无数据请填 0，不要留空或填“/”“无”"
        );
        assert!(run(&filled()).is_empty());
    }

    #[test]
    fn slashes_and_words_are_blanks_and_other_text_is_invalid() {
        let mut r = filled();
        r.set_cell("table3.disclosed.natural_person", Cell::Invalid("/".into()));
        r.set_cell("table3.disclosed.commercial", Cell::Invalid("1.5".into()));
        r.set_cell("table2.fees.amount", Cell::Invalid("约3万".into()));
        let found = run(&r);
        let got: Vec<_> = found
            .iter()
            .map(|f| (f.rule.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "FEE-AMOUNT",
                    "行政事业性收费 本年收费金额（单位：万元）：“约3万”不是有效的数值，应为不小于 0 的金额（单位：万元）"
                ),
                (
                    "CELL-INTEGER",
                    "（一）予以公开 商业企业：“1.5”不是有效的数值，应为不小于 0 的整数"
                ),
                (
                    "CELL-BLANK",
                    "“（一）予以公开 自然人”未填写：无数据请填 0，不要留空或填“/”“无”"
                ),
            ]
        );
        // Dashes as PDF text gives them (a horizontal bar, a box-drawing
        // line) are such marks too.
        for mark in ["―", "─", "——", "无"] {
            let mut r = filled();
            r.set_cell(
                "table3.disclosed.natural_person",
                Cell::Invalid(mark.into()),
            );
            let rules: Vec<_> = run(&r).iter().map(|f| f.rule.as_str()).collect();
            assert_eq!(rules, ["CELL-BLANK"], "{mark}");
        }
    }

    #[test]
    fn fee_unit_by_level_and_decimals() {
        let mut r = filled();
        r.set_cell(
            "table2.fees.amount",
            Cell::parse("24252.311082", Kind::Amount),
        );
        r.meta.level = Some(Level::CountyGovernment);
        assert!(
            run(&r).is_empty(),
            "a county government may collect that much"
        );
        r.meta.level = Some(Level::Township);
        let found = run(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "FEE-UNIT");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0]
                .message
                .contains("24252.311082 万元即 2.43 亿元，对乡镇/街道来说偏大"),
            "{}",
            found[0].message
        );
        r.set_cell("table2.fees.amount", Cell::parse("0.1234567", Kind::Amount));
        assert!(run(&r)[0].message.contains("有 7 位小数"));
        r.set_cell("table2.fees.amount", Cell::parse("9999.5", Kind::Amount));
        assert!(run(&r).is_empty());
    }
}
