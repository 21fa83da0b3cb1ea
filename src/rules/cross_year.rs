//! CARRY-OVER, IN-FORCE, ABOLISH-BOUND: this year's report against last year's.

use super::{Context, Finding, RuleId, Severity};
use crate::cell;
use crate::format::y2021::CellId;
use crate::model::{Cell, Report};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(last) = ctx.last_year else { return };
    let report = ctx.report;
    carry_over(report, last, out);
    for row in [REGULATIONS, NORMATIVE_DOCUMENTS] {
        in_force(report, last, &row, out);
    }
}

/// A row of table 二's first block: its cells and label.
struct Table2Row {
    key: &'static str,
    label: &'static str,
    issued: CellId,
    abolished: CellId,
    in_force: CellId,
}

const REGULATIONS: Table2Row = Table2Row {
    key: "regulations",
    label: "规章",
    issued: cell!(table2.regulations.issued),
    abolished: cell!(table2.regulations.abolished),
    in_force: cell!(table2.regulations.in_force),
};
const NORMATIVE_DOCUMENTS: Table2Row = Table2Row {
    key: "normative_documents",
    label: "行政规范性文件",
    issued: cell!(table2.normative_documents.issued),
    abolished: cell!(table2.normative_documents.abolished),
    in_force: cell!(table2.normative_documents.in_force),
};

fn carry_over(report: &Report, last: &Report, out: &mut Vec<Finding>) {
    let Some(table) = report.format.table("table3") else {
        return;
    };
    for column in table.blocks[0].columns {
        let Some(here) = report.format.cell_at("table3", "carried_over", column.key) else {
            continue;
        };
        let Some(there) = last.format.cell_at("table3", "carried_forward", column.key) else {
            continue;
        };
        let (Some(now), Some(before)) = (report.cells[here].count(), last.cells[there].count())
        else {
            continue;
        };
        if now != before {
            out.push(Finding::on_cells(
                RuleId::CARRY_OVER,
                Severity::Error,
                format!("CARRY-OVER:{}", column.key),
                "table3",
                vec![here],
                format!(
                    "{}列：本年“上年结转”为 {now}，但上年报告“结转下年度继续办理”为 {before}",
                    column.label
                ),
            ));
        }
    }
}

fn in_force(report: &Report, last: &Report, row: &Table2Row, out: &mut Vec<Finding>) {
    let get = |r: &Report, id: CellId| r.cells.get(id.0).and_then(Cell::count);
    let (Some(issued), Some(abolished), Some(before)) = (
        get(report, row.issued),
        get(report, row.abolished),
        get(last, row.in_force),
    ) else {
        return;
    };
    let (key, label) = (row.key, row.label);
    if abolished > before + issued {
        out.push(Finding::on_cells(
            RuleId::ABOLISH_BOUND,
            Severity::Error,
            format!("ABOLISH-BOUND:{key}"),
            "table2",
            vec![row.abolished.0],
            format!(
                "{label}：本年废止 {abolished} 件，多于上年现行有效 {before} + 本年制发 {issued} = {} 件",
                before + issued
            ),
        ));
        return;
    }
    let Some(now) = get(report, row.in_force) else {
        return;
    };
    let expected = before + issued - abolished;
    if now != expected {
        out.push(Finding::on_cells(
            RuleId::IN_FORCE,
            Severity::Warning,
            format!("IN-FORCE:{key}"),
            "table2",
            vec![row.in_force.0, row.abolished.0],
            format!(
                "{label}：上年现行有效 {before} + 本年制发 {issued} − 本年废止 {abolished} = {expected}，但本年现行有效为 {now}（如因清理等原因，请核实并说明）"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn run(report: &Report, last: &Report) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let ctx = Context {
            report,
            last_year: Some(last),
            today: None,
        };
        check(&ctx, &mut out);
        out.into_iter().map(|f| (f.key, f.message)).collect()
    }

    fn with(pairs: &[(&str, u64)]) -> Report {
        let mut r = Report::new();
        for (k, v) in pairs {
            assert!(r.set_cell(k, Cell::Count(*v)), "{k}");
        }
        r
    }

    #[test]
    fn carried_over_equals_last_years_carried_forward() {
        let last = with(&[
            ("table3.carried_forward.natural_person", 1),
            ("table3.carried_forward.total", 1),
        ]);
        let ok = with(&[
            ("table3.carried_over.natural_person", 1),
            ("table3.carried_over.total", 1),
        ]);
        assert!(run(&ok, &last).is_empty());
        let wrong = with(&[
            ("table3.carried_over.natural_person", 0),
            ("table3.carried_over.total", 0),
        ]);
        assert_eq!(
            run(&wrong, &last),
            [
                (
                    "CARRY-OVER:natural_person".to_string(),
                    "自然人列：本年“上年结转”为 0，但上年报告“结转下年度继续办理”为 1".to_string()
                ),
                (
                    "CARRY-OVER:total".to_string(),
                    "总计列：本年“上年结转”为 0，但上年报告“结转下年度继续办理”为 1".to_string()
                )
            ]
        );
    }

    #[test]
    fn in_force_follows_from_last_year() {
        // Pingtan: 665 + 88 − 55 = 698.
        let last = with(&[("table2.normative_documents.in_force", 665)]);
        let mut now = with(&[
            ("table2.normative_documents.issued", 88),
            ("table2.normative_documents.abolished", 55),
            ("table2.normative_documents.in_force", 698),
        ]);
        assert!(run(&now, &last).is_empty());
        now.set_cell("table2.normative_documents.in_force", Cell::Count(700));
        assert_eq!(
            run(&now, &last)[0].1,
            "行政规范性文件：上年现行有效 665 + 本年制发 88 − 本年废止 55 = 698，但本年现行有效为 700（如因清理等原因，请核实并说明）"
        );
        now.set_cell("table2.normative_documents.abolished", Cell::Count(800));
        assert_eq!(
            run(&now, &last),
            [(
                "ABOLISH-BOUND:normative_documents".to_string(),
                "行政规范性文件：本年废止 800 件，多于上年现行有效 665 + 本年制发 88 = 753 件"
                    .to_string()
            )]
        );
    }
}
