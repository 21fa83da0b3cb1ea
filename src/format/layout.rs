//! The printed layout of a table: rows of header and data slots with their
//! column and row spans, exactly as the published report has them (table 三's
//! corner cell colspan 3 rowspan 3, 三、本年度办理结果 rowspan 22, table 四's
//! three header rows…).
//!
//! The app's form and the HTML export both render from this one layout, and
//! keyboard navigation and pasting use the grid positions it yields.

use super::{Block, Format, Layout, Table};

/// What a header cell heads, for `scope` in HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Col,
    ColGroup,
    Row,
    RowGroup,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Col => "col",
            Scope::ColGroup => "colgroup",
            Scope::Row => "row",
            Scope::RowGroup => "rowgroup",
        }
    }
}

/// One cell of the printed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A label.
    Header {
        text: &'static str,
        colspan: usize,
        rowspan: usize,
        scope: Scope,
    },
    /// A value: the index of the cell in `format.cells()`.
    Value { cell: usize, colspan: usize },
}

impl Slot {
    pub fn colspan(&self) -> usize {
        match self {
            Slot::Header { colspan, .. } | Slot::Value { colspan, .. } => *colspan,
        }
    }

    pub fn rowspan(&self) -> usize {
        match self {
            Slot::Header { rowspan, .. } => *rowspan,
            Slot::Value { .. } => 1,
        }
    }
}

/// One printed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutRow {
    /// True for header rows (repeated on every printed page).
    pub head: bool,
    pub slots: Vec<Slot>,
}

/// Where a value cell sits in the printed grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub cell: usize,
    pub row: usize,
    pub col: usize,
    pub colspan: usize,
}

/// The printed rows of a table.
pub fn table_rows(format: &Format, table: &Table) -> Vec<LayoutRow> {
    match table.layout {
        Layout::Bands => bands(format, table),
        Layout::Grid => grid(format, table),
        Layout::SingleRow => single_row(format, table),
    }
}

/// Number of printed columns of a table.
pub fn width(rows: &[LayoutRow]) -> usize {
    positions_of(rows).1
}

/// Grid positions of every value cell, in reading order.
pub fn positions(rows: &[LayoutRow]) -> Vec<Position> {
    positions_of(rows).0
}

/// The grid column of every slot (headers too), row by row: cells that a
/// rowspan from a row above covers are skipped.
pub fn slot_columns(rows: &[LayoutRow]) -> Vec<Vec<usize>> {
    positions_of(rows).2
}

fn positions_of(rows: &[LayoutRow]) -> (Vec<Position>, usize, Vec<Vec<usize>>) {
    // Occupancy grid: rowspans push later slots to the right.
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    let mut out = Vec::new();
    let mut columns = Vec::with_capacity(rows.len());
    let mut width = 0;
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        let mut at = Vec::with_capacity(row.slots.len());
        for slot in &row.slots {
            while taken[r].get(c).copied().unwrap_or(false) {
                c += 1;
            }
            for dr in 0..slot.rowspan() {
                if let Some(line) = taken.get_mut(r + dr) {
                    if line.len() < c + slot.colspan() {
                        line.resize(c + slot.colspan(), false);
                    }
                    for cell in &mut line[c..c + slot.colspan()] {
                        *cell = true;
                    }
                }
            }
            if let Slot::Value { cell, colspan } = *slot {
                out.push(Position {
                    cell,
                    row: r,
                    col: c,
                    colspan,
                });
            }
            at.push(c);
            c += slot.colspan();
            width = width.max(c);
        }
        columns.push(at);
    }
    (out, width, columns)
}

fn header(text: &'static str, colspan: usize, rowspan: usize, scope: Scope) -> Slot {
    Slot::Header {
        text,
        colspan,
        rowspan,
        scope,
    }
}

fn cell_index(format: &Format, table: &Table, row: &str, column: &str) -> usize {
    format
        .cell_at(table.key, row, column)
        .expect("every row × column of a block is a cell")
}

/// 表二: per block a band, a header row and the data rows; a single value
/// column spans all value columns of the widest block.
fn bands(format: &Format, table: &Table) -> Vec<LayoutRow> {
    let value_width = table
        .blocks
        .iter()
        .map(|b| b.columns.len())
        .max()
        .unwrap_or(1);
    let mut rows = Vec::new();
    for block in table.blocks {
        let span = |i: usize| {
            if i + 1 == block.columns.len() {
                value_width - i
            } else {
                1
            }
        };
        if !block.band.is_empty() {
            rows.push(LayoutRow {
                head: false,
                slots: vec![header(block.band, value_width + 1, 1, Scope::ColGroup)],
            });
        }
        let mut head = vec![header(block.row_header, 1, 1, Scope::Col)];
        head.extend(
            block
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| header(c.label, span(i), 1, Scope::Col)),
        );
        rows.push(LayoutRow {
            head: false,
            slots: head,
        });
        for row in block.rows {
            let mut slots = vec![header(row.label, 1, 1, Scope::Row)];
            slots.extend(block.columns.iter().enumerate().map(|(i, c)| Slot::Value {
                cell: cell_index(format, table, row.key, c.key),
                colspan: span(i),
            }));
            rows.push(LayoutRow { head: false, slots });
        }
    }
    rows
}

/// If item `i` opens a run of items sharing its groups down to `level`, the
/// length of that run; `None` when it continues a run, or has no group there.
fn run_at(groups: &[&'static [&'static str]], i: usize, level: usize) -> Option<usize> {
    let g = groups[i];
    if g.len() <= level {
        return None;
    }
    let prefix = &g[..=level];
    let shares = |other: &[&str]| other.len() > level && &other[..=level] == prefix;
    if i > 0 && shares(groups[i - 1]) {
        return None;
    }
    Some(groups[i..].iter().take_while(|o| shares(o)).count())
}

fn depth_of<'a>(groups: impl Iterator<Item = &'a [&'static str]>) -> usize {
    groups.map(|g| g.len() + 1).max().unwrap_or(1)
}

/// 表三: corner and 申请人情况 over nested column headers; nested row headers
/// down the left.
fn grid(format: &Format, table: &Table) -> Vec<LayoutRow> {
    let block: &Block = &table.blocks[0];
    let column_groups: Vec<_> = block.columns.iter().map(|c| c.groups).collect();
    let row_groups: Vec<_> = block.rows.iter().map(|r| r.groups).collect();
    let column_depth = depth_of(column_groups.iter().copied());
    let row_depth = depth_of(row_groups.iter().copied());
    let top = usize::from(!table.column_header.is_empty());
    let head_depth = column_depth + top;

    let mut rows = Vec::new();
    let mut first = vec![header(table.corner, row_depth, head_depth, Scope::Col)];
    if top == 1 {
        first.push(header(
            table.column_header,
            block.columns.len(),
            1,
            Scope::ColGroup,
        ));
        rows.push(LayoutRow {
            head: true,
            slots: std::mem::take(&mut first),
        });
    }
    for level in 0..column_depth {
        let mut slots = std::mem::take(&mut first);
        for (i, column) in block.columns.iter().enumerate() {
            if let Some(run) = run_at(&column_groups, i, level) {
                slots.push(header(column.groups[level], run, 1, Scope::ColGroup));
            } else if column.groups.len() == level {
                slots.push(header(column.label, 1, column_depth - level, Scope::Col));
            }
        }
        rows.push(LayoutRow { head: true, slots });
    }
    for (i, row) in block.rows.iter().enumerate() {
        let mut slots = Vec::new();
        for level in 0..row_depth {
            if let Some(run) = run_at(&row_groups, i, level) {
                slots.push(header(row.groups[level], 1, run, Scope::RowGroup));
            } else if row.groups.len() == level {
                slots.push(header(row.label, row_depth - level, 1, Scope::Row));
            }
        }
        slots.extend(block.columns.iter().map(|c| Slot::Value {
            cell: cell_index(format, table, row.key, c.key),
            colspan: 1,
        }));
        rows.push(LayoutRow { head: false, slots });
    }
    rows
}

/// 表四: each row of the block becomes a group of columns headed by its groups
/// and label, with the block's column labels under it; then one data row.
fn single_row(format: &Format, table: &Table) -> Vec<LayoutRow> {
    let block: &Block = &table.blocks[0];
    let width = block.columns.len();
    let groups: Vec<_> = block.rows.iter().map(|r| r.groups).collect();
    let depth = depth_of(groups.iter().copied()) + 1;
    let mut rows = Vec::new();
    for level in 0..depth {
        let mut slots = Vec::new();
        for (i, row) in block.rows.iter().enumerate() {
            if let Some(run) = run_at(&groups, i, level) {
                slots.push(header(row.groups[level], run * width, 1, Scope::ColGroup));
            } else if row.groups.len() == level {
                slots.push(header(row.label, width, 1, Scope::ColGroup));
            } else if row.groups.len() + 1 == level {
                slots.extend(
                    block
                        .columns
                        .iter()
                        .map(|c| header(c.label, 1, depth - level, Scope::Col)),
                );
            }
        }
        rows.push(LayoutRow { head: true, slots });
    }
    let values = block
        .rows
        .iter()
        .flat_map(|row| {
            block.columns.iter().map(move |c| Slot::Value {
                cell: cell_index(format, table, row.key, c.key),
                colspan: 1,
            })
        })
        .collect();
    rows.push(LayoutRow {
        head: false,
        slots: values,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    fn texts(row: &LayoutRow) -> Vec<(&'static str, usize, usize)> {
        row.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Header {
                    text,
                    colspan,
                    rowspan,
                    ..
                } => Some((*text, *colspan, *rowspan)),
                Slot::Value { .. } => None,
            })
            .collect()
    }

    #[test]
    fn table3_has_the_published_header() {
        let f = format::current();
        let rows = table_rows(f, f.table("table3").unwrap());
        assert_eq!(rows.len(), 3 + 25);
        assert_eq!(
            texts(&rows[0]),
            [
                (
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    3,
                    3
                ),
                ("申请人情况", 7, 1)
            ]
        );
        assert_eq!(
            texts(&rows[1]),
            [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)]
        );
        assert_eq!(texts(&rows[2]).len(), 5);
        assert_eq!(
            texts(&rows[3]),
            [("一、本年新收政府信息公开申请数量", 3, 1)]
        );
        assert_eq!(
            texts(&rows[5]),
            [("三、本年度办理结果", 1, 22), ("（一）予以公开", 2, 1)]
        );
        assert_eq!(
            texts(&rows[7]),
            [("（三）不予公开", 1, 8), ("1.属于国家秘密", 1, 1)]
        );
        assert_eq!(texts(&rows[26]), [("（七）总计", 2, 1)]);
        assert_eq!(texts(&rows[27]), [("四、结转下年度继续办理", 3, 1)]);
        assert_eq!(width(&rows), 10);
        let pos = positions(&rows);
        assert_eq!(pos.len(), 175);
        assert!(pos.iter().all(|p| p.col >= 3 && p.col < 10));
        // The first value of every data row sits in printed column 3.
        assert_eq!(pos.iter().filter(|p| p.col == 3).count(), 25);
    }

    #[test]
    fn table4_has_three_header_rows_and_one_data_row() {
        let f = format::current();
        let rows = table_rows(f, f.table("table4").unwrap());
        assert_eq!(rows.len(), 4);
        assert_eq!(texts(&rows[0]), [("行政复议", 5, 1), ("行政诉讼", 10, 1)]);
        let second = texts(&rows[1]);
        assert_eq!(second[0], ("结果维持", 1, 2));
        assert_eq!(second[4], ("总计", 1, 2));
        assert_eq!(second[5], ("未经复议直接起诉", 5, 1));
        assert_eq!(second[6], ("复议后起诉", 5, 1));
        assert_eq!(texts(&rows[2]).len(), 10);
        assert_eq!(rows[3].slots.len(), 15);
        assert_eq!(width(&rows), 15);
        let pos = positions(&rows);
        let key = |p: &Position| f.cells()[p.cell].key.clone();
        assert_eq!(key(&pos[0]), "table4.review.upheld");
        assert_eq!(key(&pos[5]), "table4.litigation_direct.upheld");
        assert_eq!(pos[14].col, 14);
    }

    #[test]
    fn table2_has_bands_and_wide_single_values() {
        let f = format::current();
        let rows = table_rows(f, f.table("table2").unwrap());
        assert_eq!(rows.len(), 4 + 4 + 6);
        assert_eq!(texts(&rows[0]), [("第二十条第（一）项", 4, 1)]);
        assert_eq!(
            texts(&rows[5]),
            [("信息内容", 1, 1), ("本年处理决定数量", 3, 1)]
        );
        let pos = positions(&rows);
        assert_eq!(pos.len(), 10);
        let fee = pos.last().unwrap();
        assert_eq!(f.cells()[fee.cell].key, "table2.fees.amount");
        assert_eq!((fee.col, fee.colspan), (1, 3));
        assert_eq!(width(&rows), 4);
    }
}
