//! A table's input cells on the printed grid: moving between them with the
//! keyboard, and pasting a tab- and newline-separated block from a spreadsheet.

use crate::format::layout::{self, Position};
use crate::format::{Format, Table};
use crate::model::Cell;

/// Where focus goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The input cells of one table at their printed positions. Computed cells
/// (totals) are not inputs: focus and pasted values pass over them.
#[derive(Debug, Clone)]
pub struct Grid {
    inputs: Vec<Position>,
}

/// What a paste does: the cells it sets, and how many pasted values fell
/// outside the table or on computed cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paste {
    pub writes: Vec<(usize, Cell)>,
    pub outside: usize,
    pub on_totals: usize,
}

impl Grid {
    pub fn new(format: &Format, table: &Table) -> Grid {
        let rows = layout::table_rows(format, table);
        let cells = format.cells();
        let inputs = layout::positions(&rows)
            .into_iter()
            .filter(|p| !cells[p.cell].computed)
            .collect();
        Grid { inputs }
    }

    fn position(&self, cell: usize) -> Option<Position> {
        self.inputs.iter().copied().find(|p| p.cell == cell)
    }

    /// The input reached from `cell` by one step in `direction`: the nearest
    /// input in that direction on the same printed row (left, right) or
    /// column (up, down). Up and down land on the input covering the column.
    pub fn step(&self, cell: usize, direction: Direction) -> Option<usize> {
        let from = self.position(cell)?;
        let covers = |p: &Position, col: usize| p.col <= col && col < p.col + p.colspan;
        let found = match direction {
            Direction::Left => self
                .inputs
                .iter()
                .filter(|p| p.row == from.row && p.col < from.col)
                .max_by_key(|p| p.col),
            Direction::Right => self
                .inputs
                .iter()
                .filter(|p| p.row == from.row && p.col > from.col)
                .min_by_key(|p| p.col),
            Direction::Up => self
                .inputs
                .iter()
                .filter(|p| p.row < from.row && covers(p, from.col))
                .max_by_key(|p| p.row),
            Direction::Down => self
                .inputs
                .iter()
                .filter(|p| p.row > from.row && covers(p, from.col))
                .min_by_key(|p| p.row),
        };
        found.map(|p| p.cell)
    }

    /// The cells a pasted block sets, starting at `cell` (its top-left value).
    /// Rows of the block go down the printed rows that hold values; values go
    /// right along printed columns. Values landing on a total are skipped
    /// (the app computes totals); values beyond the table are dropped and
    /// counted.
    pub fn paste(&self, format: &Format, cell: usize, block: &[Vec<String>]) -> Paste {
        let mut out = Paste::default();
        let Some(start) = self.position(cell) else {
            return out;
        };
        let all_rows = layout::table_rows(format, format.cells()[cell].table);
        let all = layout::positions(&all_rows);
        // Printed rows holding values, from the start row down.
        let mut rows: Vec<usize> = all
            .iter()
            .map(|p| p.row)
            .filter(|r| *r >= start.row)
            .collect();
        rows.dedup();
        for (i, values) in block.iter().enumerate() {
            let Some(&row) = rows.get(i) else {
                out.outside += values.iter().filter(|v| !v.trim().is_empty()).count();
                continue;
            };
            let mut line: Vec<&Position> = all
                .iter()
                .filter(|p| p.row == row && p.col + p.colspan > start.col)
                .collect();
            crate::sort::by_key(&mut line, |p| p.col);
            for (j, text) in values.iter().enumerate() {
                match line.get(j) {
                    Some(p) if format.cells()[p.cell].computed => out.on_totals += 1,
                    Some(p) => out
                        .writes
                        .push((p.cell, Cell::parse(text, format.cells()[p.cell].kind))),
                    None => {
                        if !text.trim().is_empty() {
                            out.outside += 1;
                        }
                    }
                }
            }
        }
        out
    }
}

/// Splits clipboard text copied from a spreadsheet into rows of cells: rows by
/// line breaks (a final one is ignored), cells by tabs. Returns `None` for
/// text that is a single value (then the input takes it as typed).
pub fn parse_block(text: &str) -> Option<Vec<Vec<String>>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    if !text.contains('\t') && !text.contains('\n') {
        return None;
    }
    Some(
        text.split('\n')
            .map(|line| {
                line.strip_suffix('\r')
                    .unwrap_or(line)
                    .split('\t')
                    .map(str::to_string)
                    .collect()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    fn idx(key: &str) -> usize {
        format::current().cell_index(key).expect(key)
    }

    fn key(i: usize) -> &'static str {
        // Keys live as long as the format.
        let f: &'static Format = format::current();
        f.cells()[i].key.as_str()
    }

    #[test]
    fn arrows_move_between_inputs_and_skip_totals() {
        let f = format::current();
        let g = Grid::new(f, f.table("table3").unwrap());
        let start = idx("table3.new_received.other");
        assert_eq!(
            g.step(start, Direction::Right),
            None,
            "总计 is not an input"
        );
        assert_eq!(
            key(g.step(start, Direction::Left).unwrap()),
            "table3.new_received.legal_services"
        );
        assert_eq!(
            key(g.step(start, Direction::Down).unwrap()),
            "table3.carried_over.other"
        );
        assert_eq!(g.step(start, Direction::Up), None);
        let other = idx("table3.other_other.natural_person");
        assert_eq!(
            key(g.step(other, Direction::Down).unwrap()),
            "table3.carried_forward.natural_person",
            "（七）总计 is passed over"
        );
        let t2 = Grid::new(f, f.table("table2").unwrap());
        let in_force = idx("table2.normative_documents.in_force");
        assert_eq!(
            key(t2.step(in_force, Direction::Down).unwrap()),
            "table2.licensing.decisions"
        );
        let t4 = Grid::new(f, f.table("table4").unwrap());
        let pending = idx("table4.review.pending");
        assert_eq!(
            key(t4.step(pending, Direction::Right).unwrap()),
            "table4.litigation_direct.upheld"
        );
    }

    #[test]
    fn a_pasted_block_fills_from_the_focused_cell() {
        let f = format::current();
        let g = Grid::new(f, f.table("table3").unwrap());
        let block = parse_block("1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t１０\tx\t\r\n").unwrap();
        assert_eq!(block.len(), 3);
        let paste = g.paste(f, idx("table3.new_received.natural_person"), &block);
        let set: Vec<(&str, Cell)> = paste
            .writes
            .iter()
            .map(|(i, c)| (key(*i), c.clone()))
            .collect();
        assert_eq!(set.len(), 12);
        assert_eq!(
            set[0],
            ("table3.new_received.natural_person", Cell::Count(1))
        );
        assert_eq!(
            set[3],
            ("table3.new_received.public_welfare", Cell::Count(4))
        );
        assert_eq!(
            set[4],
            ("table3.carried_over.natural_person", Cell::Count(5))
        );
        assert_eq!(set[9], ("table3.disclosed.commercial", Cell::Count(10)));
        assert_eq!(
            set[10],
            ("table3.disclosed.research", Cell::Invalid("x".into()))
        );
        assert_eq!(set[11], ("table3.disclosed.public_welfare", Cell::Blank));
        assert_eq!(paste.outside, 0);
    }

    #[test]
    fn pasting_over_totals_and_past_the_edge() {
        let f = format::current();
        let g = Grid::new(f, f.table("table3").unwrap());
        // A whole Excel row copied with its 总计 and one stray column.
        let block = parse_block("1\t0\t0\t0\t0\t0\t1\t9").unwrap();
        let paste = g.paste(f, idx("table3.carried_forward.natural_person"), &block);
        assert_eq!(paste.writes.len(), 6);
        assert_eq!(paste.on_totals, 1);
        assert_eq!(paste.outside, 1);
        let block = parse_block("1\n2\n3").unwrap();
        let paste = g.paste(f, idx("table3.carried_forward.natural_person"), &block);
        assert_eq!(paste.writes.len(), 1);
        assert_eq!(paste.outside, 2);
    }

    #[test]
    fn single_values_are_not_blocks() {
        assert_eq!(parse_block("12"), None);
        assert_eq!(parse_block("12\n"), None);
        assert_eq!(parse_block("12\r\n"), None);
        assert_eq!(
            parse_block("1\t2"),
            Some(vec![vec!["1".into(), "2".into()]])
        );
    }
}
