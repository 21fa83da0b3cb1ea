//! T3-BALANCE, T3-OUTCOME-SUM, T3-COLUMN-SUM, T4-SUM: the arithmetic of
//! tables 三 and 四, driven by the totals and the balance declared in the
//! format.
//!
//! The app computes totals itself, but an imported report carries its own, so
//! these still matter. A check is skipped where a cell it needs holds invalid
//! text (CELL-INTEGER reports that); blank parts count as 0 (CELL-BLANK
//! reports them).

use super::{Finding, RuleId, Severity};
use crate::format::{Block, Table};
use crate::model::{Cell, Report};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for table in report.format.tables {
        if let Some(balance) = &table.balance {
            for block in table.blocks {
                balance_check(report, table, block, balance, out);
            }
        }
        for block in table.blocks {
            if let Some(rule) = table.row_sum_rule.and_then(RuleId::known) {
                row_sums(report, table, block, rule, out);
            }
            if let Some(rule) = table.column_sum_rule.and_then(RuleId::known) {
                column_sums(report, table, block, rule, out);
            }
        }
    }
}

/// Cell indices of one block, by row and column position (no key lookups
/// in the loops: this runs on every keystroke).
struct BlockCells {
    start: usize,
    width: usize,
}

impl BlockCells {
    fn of(report: &Report, block: &Block) -> BlockCells {
        BlockCells {
            start: report.format.block_start(block),
            width: block.columns.len(),
        }
    }

    fn at(&self, row: usize, column: usize) -> usize {
        self.start + row * self.width + column
    }
}

fn row_position(block: &Block, key: &str) -> usize {
    block.row_index(key).expect("row of the block")
}

fn column_position(block: &Block, key: &str) -> usize {
    block.column_index(key).expect("column of the block")
}

fn balance_check(
    report: &Report,
    table: &Table,
    block: &Block,
    balance: &crate::format::Balance,
    out: &mut Vec<Finding>,
) {
    let grid = BlockCells::of(report, block);
    let inflow_rows: Vec<usize> = balance
        .inflow
        .iter()
        .map(|r| row_position(block, r))
        .collect();
    let handled_row = row_position(block, balance.handled);
    let remainder_row = row_position(block, balance.remainder);
    let row = |key: &str| {
        block
            .rows
            .iter()
            .find(|r| r.key == key)
            .expect("balance rows are rows of the table")
    };
    for (c, column) in block.columns.iter().enumerate() {
        let inflow: Vec<usize> = inflow_rows.iter().map(|&r| grid.at(r, c)).collect();
        let handled = grid.at(handled_row, c);
        let remainder = grid.at(remainder_row, c);
        let all: Vec<usize> = inflow.iter().copied().chain([handled, remainder]).collect();
        let values: Option<Vec<u64>> = all
            .iter()
            .map(|&i| match &report.cells[i] {
                Cell::Count(n) => Some(*n),
                Cell::Blank => Some(0),
                _ => None,
            })
            .collect();
        let Some(values) = values else { continue };
        if all.iter().all(|&i| report.cells[i].is_blank()) {
            continue;
        }
        let n = inflow.len();
        let left: u64 = values[..n].iter().sum();
        let right = values[n] + values[n + 1];
        if left == right {
            continue;
        }
        let terms: Vec<String> = balance
            .inflow
            .iter()
            .zip(&values[..n])
            .map(|(r, v)| format!("{} {v}", row(r).short))
            .collect();
        let message = format!(
            "{}列：{} = {left}，但{} {} + {} {} = {right}",
            column.label,
            terms.join(" + "),
            row(balance.handled).short,
            values[n],
            row(balance.remainder).short,
            values[n + 1],
        );
        let Some(rule) = RuleId::known(balance.rule) else {
            return;
        };
        out.push(Finding::on_cells(
            rule,
            Severity::Error,
            format!("{rule}:{}", column.key),
            table.key,
            vec![remainder, handled, inflow[0], inflow[1]],
            message,
        ));
    }
}

/// The value of a total cell and of its parts, or `None` when any is invalid text.
fn total_and_parts(
    report: &Report,
    total: usize,
    parts: &[usize],
) -> Option<(Option<u64>, u64, bool)> {
    let total_value = match &report.cells[total] {
        Cell::Count(n) => Some(*n),
        Cell::Blank => None,
        _ => return None,
    };
    let mut sum = 0u64;
    let mut any = false;
    for &p in parts {
        match &report.cells[p] {
            Cell::Count(n) => {
                sum += n;
                any = true;
            }
            Cell::Blank => {}
            _ => return None,
        }
    }
    Some((total_value, sum, any))
}

/// The total's value and the parts' sum when they disagree; `None` when they
/// agree or a cell holds invalid text.
fn disagreement(report: &Report, total: usize, parts: &[usize]) -> Option<(Option<u64>, u64)> {
    let (value, sum, any) = total_and_parts(report, total, parts)?;
    mismatch(value, sum, any).then_some((value, sum))
}

fn mismatch(total: Option<u64>, sum: u64, any: bool) -> bool {
    match total {
        Some(t) => t != sum,
        None => any && sum > 0,
    }
}

/// A sum finding: the total first, then its parts.
fn sum_finding(
    rule: RuleId,
    of: &str,
    table: &Table,
    total: usize,
    parts: Vec<usize>,
    message: String,
) -> Finding {
    let mut cells = Vec::with_capacity(parts.len() + 1);
    cells.push(total);
    cells.extend(parts);
    Finding::on_cells(
        rule,
        Severity::Error,
        format!("{rule}:{of}"),
        table.key,
        cells,
        message,
    )
}

fn shown(total: Option<u64>) -> String {
    total.map_or("空白".to_string(), |t| t.to_string())
}

/// Rows that total other rows ((七)总计), column by column.
fn row_sums(report: &Report, table: &Table, block: &Block, rule: RuleId, out: &mut Vec<Finding>) {
    let grid = BlockCells::of(report, block);
    for (t, total_row) in block
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.total_of.is_empty())
    {
        let part_rows: Vec<usize> = total_row
            .total_of
            .iter()
            .map(|r| row_position(block, r))
            .collect();
        for (c, column) in block.columns.iter().enumerate() {
            let total = grid.at(t, c);
            let parts: Vec<usize> = part_rows.iter().map(|&r| grid.at(r, c)).collect();
            let Some((value, sum)) = disagreement(report, total, &parts) else {
                continue;
            };
            let message = format!(
                "{}列：各项办理结果之和为 {sum}，但{}为 {}",
                column.label,
                total_row.short,
                shown(value)
            );
            out.push(sum_finding(rule, column.key, table, total, parts, message));
        }
    }
}

/// Columns that total other columns (总计), row by row.
fn column_sums(
    report: &Report,
    table: &Table,
    block: &Block,
    rule: RuleId,
    out: &mut Vec<Finding>,
) {
    let grid = BlockCells::of(report, block);
    for (t, total_column) in block
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.total_of.is_empty())
    {
        let part_columns: Vec<usize> = total_column
            .total_of
            .iter()
            .map(|c| column_position(block, c))
            .collect();
        for (r, row) in block.rows.iter().enumerate() {
            let total = grid.at(r, t);
            let parts: Vec<usize> = part_columns.iter().map(|&c| grid.at(r, c)).collect();
            let Some((value, sum)) = disagreement(report, total, &parts) else {
                continue;
            };
            let terms: Vec<String> = part_columns
                .iter()
                .zip(&parts)
                .map(|(&c, &i)| {
                    let count = report.cells[i].count().unwrap_or(0);
                    format!("{} {count}", block.columns[c].label)
                })
                .collect();
            let message = format!(
                "{}：{} = {sum}，但{}为 {}",
                row.short,
                terms.join(" + "),
                total_column.label,
                shown(value)
            );
            out.push(sum_finding(rule, row.key, table, total, parts, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn report(values: &[(&str, u64)]) -> Report {
        let mut r = Report::new();
        for (k, v) in values {
            assert!(r.set_cell(k, Cell::Count(*v)), "{k}");
        }
        r
    }

    fn run(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(r, &mut out);
        out
    }

    #[test]
    fn balance_message_gives_both_sides() {
        let mut r = report(&[
            ("table3.new_received.natural_person", 3),
            ("table3.carried_over.natural_person", 1),
            ("table3.disclosed.natural_person", 2),
            ("table3.carried_forward.natural_person", 1),
        ]);
        r.recompute_totals();
        let found = run(&r);
        let balance: Vec<_> = found.iter().filter(|f| f.rule == "T3-BALANCE").collect();
        // 自然人 and the 总计 column are both off by one.
        assert_eq!(balance.len(), 2);
        assert_eq!(
            balance[0].message,
            "自然人列：本年新收 3 + 上年结转 1 = 4，但（七）总计 2 + 结转下年度 1 = 3"
        );
        assert_eq!(balance[0].key, "T3-BALANCE:natural_person");
        assert_eq!(balance[1].key, "T3-BALANCE:total");
        let cells: Vec<_> = balance[0]
            .cells
            .iter()
            .map(|&i| r.format.cells()[i].key.as_str())
            .collect();
        assert_eq!(
            cells,
            [
                "table3.carried_forward.natural_person",
                "table3.outcome_total.natural_person",
                "table3.new_received.natural_person",
                "table3.carried_over.natural_person"
            ]
        );
        assert!(
            found.iter().all(|f| f.rule == "T3-BALANCE"),
            "totals are computed: {found:?}"
        );
    }

    #[test]
    fn imported_totals_are_checked() {
        let r = report(&[
            ("table3.new_received.natural_person", 2),
            ("table3.new_received.commercial", 1),
            ("table3.new_received.total", 4),
            ("table3.disclosed.natural_person", 2),
            ("table3.disclosed.total", 2),
            ("table3.withheld_process.commercial", 1),
            ("table3.withheld_process.total", 1),
            ("table3.outcome_total.natural_person", 2),
            ("table3.outcome_total.commercial", 0),
            ("table3.outcome_total.total", 3),
            ("table4.review.upheld", 1),
            ("table4.review.other", 2),
            ("table4.review.total", 4),
        ]);
        let found = run(&r);
        let messages: Vec<_> = found
            .iter()
            .filter(|f| f.rule != "T3-BALANCE")
            .map(|f| (f.rule.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                ("T3-OUTCOME-SUM", "商业企业列：各项办理结果之和为 1，但（七）总计为 0"),
                (
                    "T3-COLUMN-SUM",
                    "本年新收：自然人 2 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3，但总计为 4"
                ),
                (
                    "T3-COLUMN-SUM",
                    "（七）总计：自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，但总计为 3"
                ),
                (
                    "T4-SUM",
                    "行政复议：结果维持 1 + 结果纠正 0 + 其他结果 2 + 尚未审结 0 = 3，但总计为 4"
                ),
            ]
        );
        assert_eq!(found.iter().filter(|f| f.rule == "T3-BALANCE").count(), 2);
    }

    #[test]
    fn consistent_and_empty_tables_pass() {
        assert!(run(&Report::new()).is_empty());
        let mut r = report(&[
            ("table3.new_received.natural_person", 70),
            ("table3.disclosed.natural_person", 69),
            ("table3.carried_forward.natural_person", 1),
        ]);
        r.recompute_totals();
        assert!(run(&r).is_empty(), "{:?}", run(&r));
    }

    #[test]
    fn invalid_text_skips_the_check() {
        let mut r = report(&[("table3.new_received.natural_person", 3)]);
        r.set_cell(
            "table3.carried_over.natural_person",
            Cell::Invalid("一".into()),
        );
        r.recompute_totals();
        assert!(run(&r).iter().all(|f| !f.key.ends_with(":natural_person")));
    }
}
