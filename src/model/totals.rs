//! Totals the app computes, and the value the balance implies for 结转下年度.

use super::{Cell, Report};
use crate::format::Table;

impl Report {
    /// Sets every computed cell (total rows and columns) from its parts.
    ///
    /// A total is the sum of the parts that hold a valid count; it is blank
    /// when none does. Blank or invalid parts are findings of their own
    /// (CELL-BLANK, CELL-INTEGER), so a running total stays useful while the
    /// clerk types.
    pub fn recompute_totals(&mut self) {
        let format = self.format;
        for table in format.tables {
            for block in table.blocks {
                // Total rows first (for input columns), then total columns on
                // every row, so the corner cell sums the computed row.
                for row in block.rows.iter().filter(|r| !r.total_of.is_empty()) {
                    for column in block.columns.iter().filter(|c| c.total_of.is_empty()) {
                        let parts = row.total_of.iter().map(|r| self.at(table, r, column.key));
                        let value = sum(parts);
                        self.put(table, row.key, column.key, value);
                    }
                }
                for column in block.columns.iter().filter(|c| !c.total_of.is_empty()) {
                    for row in block.rows {
                        let parts = column.total_of.iter().map(|c| self.at(table, row.key, c));
                        let value = sum(parts);
                        self.put(table, row.key, column.key, value);
                    }
                }
            }
        }
    }

    /// For each column of a table with a balance (表三), the value of the
    /// remainder row (四、结转下年度继续办理) that makes the balance hold:
    /// inflow (一 + 二) − handled (（七）总计). `None` where a part is not a
    /// valid count or the result would be negative.
    pub fn implied_remainder(&self, table: &Table, column: &str) -> Option<u64> {
        let balance = table.balance.as_ref()?;
        let mut inflow = 0u64;
        for row in balance.inflow {
            inflow = inflow.checked_add(self.at(table, row, column).count()?)?;
        }
        let handled = self.at(table, balance.handled, column).count()?;
        inflow.checked_sub(handled)
    }

    fn at(&self, table: &Table, row: &str, column: &str) -> &Cell {
        let i = self
            .format
            .cell_at(table.key, row, column)
            .expect("keys from the format");
        &self.cells[i]
    }

    fn put(&mut self, table: &Table, row: &str, column: &str, value: Cell) {
        let i = self
            .format
            .cell_at(table.key, row, column)
            .expect("keys from the format");
        self.cells[i] = value;
    }
}

fn sum<'a>(parts: impl Iterator<Item = &'a Cell>) -> Cell {
    let mut total: Option<u64> = None;
    for part in parts {
        if let Some(n) = part.count() {
            total = Some(total.unwrap_or(0).saturating_add(n));
        }
    }
    total.map_or(Cell::Blank, Cell::Count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(r: &mut Report, key: &str, n: u64) {
        assert!(r.set_cell(key, Cell::Count(n)), "{key}");
    }

    #[test]
    fn totals_follow_their_parts() {
        let mut r = Report::new();
        set(&mut r, "table3.new_received.natural_person", 3);
        set(&mut r, "table3.new_received.commercial", 2);
        set(&mut r, "table3.disclosed.natural_person", 1);
        set(&mut r, "table3.withheld_inquiry.natural_person", 2);
        set(&mut r, "table3.disclosed.other", 4);
        set(&mut r, "table4.review.upheld", 1);
        set(&mut r, "table4.review.pending", 1);
        r.recompute_totals();
        let get = |k: &str| r.cell(k).cloned().unwrap();
        assert_eq!(get("table3.new_received.total"), Cell::Count(5));
        assert_eq!(get("table3.outcome_total.natural_person"), Cell::Count(3));
        assert_eq!(get("table3.outcome_total.other"), Cell::Count(4));
        assert_eq!(get("table3.outcome_total.total"), Cell::Count(7));
        assert_eq!(get("table3.outcome_total.research"), Cell::Blank);
        assert_eq!(get("table3.carried_over.total"), Cell::Blank);
        assert_eq!(get("table4.review.total"), Cell::Count(2));
        assert_eq!(get("table4.litigation_direct.total"), Cell::Blank);
    }

    #[test]
    fn implied_remainder_closes_the_balance() {
        let mut r = Report::new();
        let t3 = r.format.table("table3").unwrap();
        set(&mut r, "table3.new_received.natural_person", 3);
        assert_eq!(r.implied_remainder(t3, "natural_person"), None, "二 blank");
        set(&mut r, "table3.carried_over.natural_person", 1);
        set(&mut r, "table3.disclosed.natural_person", 2);
        r.recompute_totals();
        assert_eq!(r.implied_remainder(t3, "natural_person"), Some(2));
        set(&mut r, "table3.unavailable_not_held.natural_person", 5);
        r.recompute_totals();
        assert_eq!(r.implied_remainder(t3, "natural_person"), None, "negative");
        let t4 = r.format.table("table4").unwrap();
        assert_eq!(
            r.implied_remainder(t4, "upheld"),
            None,
            "no balance in 表四"
        );
    }
}
