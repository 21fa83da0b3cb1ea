//! Word's paragraph stream written as HTML: text with its paragraph marks
//! and cell marks, and each mark's properties (in a table, ending a row
//! with the row's cell edges and merges, table depth, style and list) made
//! into paragraphs and tables with their merged cells. Shared by the two
//! readers that find Word's text as such a stream: the old binary Word
//! file ([`super::binary`]) and RTF ([`super::rtf`]).
//!
//! Not for: reading either file (see those modules); the .docx reader,
//! whose XML gives the tables whole (that is [`super`]).

use super::numbering::Numbering;
use super::{flush_paragraph, Cell, Merge, Table};

/// A paragraph's properties that matter here (those of its mark).
#[derive(Clone, Copy, Default)]
pub(super) struct Props {
    pub(super) in_table: bool,
    /// Ends a table row.
    pub(super) row_end: bool,
    /// Table depth (1 unless nested).
    pub(super) depth: u32,
    /// Its style, list override (1, 2, …; 0 none) and list level.
    pub(super) style: u16,
    pub(super) list: Option<u16>,
    pub(super) level: Option<u8>,
}

/// Paragraphs' properties over a range of the text's positions (a binary
/// Word file's offsets in its WordDocument stream; an RTF file's character
/// count): those of every paragraph whose mark is in `first..end`, and the
/// row's cells when they end a row.
pub(super) struct Run {
    pub(super) first: u32,
    pub(super) end: u32,
    pub(super) props: Props,
    pub(super) row: Option<RowDef>,
}

/// A row's cells as its end says: left edges (and the right edge of the
/// last) in twips, each cell's vertical merge, and whether it is merged
/// into the cell on its left (fMerged, as Word 6 merged cells across).
#[derive(Default, Clone)]
pub(super) struct RowDef {
    pub(super) edges: Vec<i32>,
    pub(super) merges: Vec<Merge>,
    pub(super) joins: Vec<bool>,
}

/// A byte of Windows-1252 (a binary Word file's compressed piece, an RTF
/// file's text in its default code page) as a character.
pub(super) fn cp1252(b: u8) -> char {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    match b {
        0x80..=0x9F => HIGH.chars().nth((b - 0x80) as usize).unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// The run of `runs` (in order) that holds the mark at `fc`.
pub(super) fn run_at(runs: &[Run], fc: u32) -> Option<&Run> {
    let i = runs.partition_point(|r| r.end <= fc);
    runs.get(i).filter(|r| r.first <= fc)
}

/// The text as HTML: paragraphs, and tables from the paragraphs in them.
/// `text` is each character with its position; a paragraph ends at '\r' (or
/// a page break), a cell at '\u{7}' (a row's end too, when its properties
/// say so), and `runs` give the marks' properties by position, in order.
pub(super) fn write(text: &[(char, u32)], runs: &[Run], numbering: &mut Numbering) -> String {
    let mut out = String::from("<!DOCTYPE html><html><body>\n");
    let mut para = String::new();
    let mut table: Option<(Table, Vec<RowDef>)> = None;
    let mut row: Vec<Cell> = Vec::new();
    // Fields: inside a field's code (nesting kept).
    let mut fields: Vec<bool> = Vec::new();
    let flush_table = |table: &mut Option<(Table, Vec<RowDef>)>, out: &mut String| {
        if let Some((mut t, defs)) = table.take() {
            grid(&mut t, &defs);
            t.html(out);
        }
    };
    for &(c, fc) in text {
        match c {
            '\u{13}' => {
                fields.push(true);
                continue;
            }
            '\u{14}' => {
                if let Some(code) = fields.last_mut() {
                    *code = false;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ if fields.last() == Some(&true) => continue,
            '\r' | '\u{7}' | '\u{c}' => {}
            '\u{b}' | '\t' | '\u{a0}' => {
                para.push(' ');
                continue;
            }
            '\u{1e}' => {
                para.push('-');
                continue;
            }
            c if (c as u32) < 0x20 || c == '\u{FFFD}' => continue,
            c => {
                para.push(c);
                continue;
            }
        }
        // A paragraph's end: its mark's properties say where it stands.
        let props = run_at(runs, fc).map(|r| (r.props, r.row.as_ref()));
        let (in_table, row_end, depth, def) = match props {
            Some((p, def)) => (p.in_table, p.row_end, p.depth, def),
            None => (false, false, 1, None),
        };
        // Its automatic number, counted (a row's end is no paragraph).
        if let Some((p, _)) = props.filter(|_| !(row_end && depth <= 1)) {
            let number = numbering.next(
                Some(&p.style.to_string()),
                p.list.map(|l| l.to_string()).as_deref(),
                p.level.map(usize::from),
            );
            para.insert_str(0, &number);
        }
        if !in_table {
            if !row.is_empty() {
                // Cells without their row's end: kept as a row.
                push_row(&mut table, std::mem::take(&mut row), RowDef::default());
            }
            flush_table(&mut table, &mut out);
            flush_paragraph(&mut para, &mut out);
            continue;
        }
        if row_end && depth <= 1 {
            push_row(
                &mut table,
                std::mem::take(&mut row),
                def.cloned().unwrap_or_default(),
            );
            para.clear();
            continue;
        }
        // A cell's end, or a paragraph inside a cell (or in a table inside
        // it): kept in the cell, open (span 0) until its end.
        let open = match row.last_mut() {
            Some(last) if last.span == 0 => last,
            _ => {
                row.push(Cell::default());
                row.last_mut().expect("just pushed")
            }
        };
        let text = para.trim();
        if !text.is_empty() {
            if !open.text.is_empty() {
                open.text.push(' ');
            }
            open.text.push_str(text);
        }
        para.clear();
        if c == '\u{7}' && depth <= 1 {
            open.span = 1;
        }
    }
    if !row.is_empty() {
        push_row(&mut table, row, RowDef::default());
    }
    flush_table(&mut table, &mut out);
    flush_paragraph(&mut para, &mut out);
    out.push_str("</body></html>\n");
    out
}

/// Adds a row to the table being read (a new one when none is).
fn push_row(table: &mut Option<(Table, Vec<RowDef>)>, row: Vec<Cell>, def: RowDef) {
    let (t, defs) = table.get_or_insert_with(Default::default);
    t.rows.push(row);
    t.before.push(0);
    defs.push(def);
}

/// Sets each cell's grid place from its row's edges: the table's grid is
/// every edge of every row, a cell spans the grid columns between its
/// edges, a row starts at its first edge; each cell's vertical merge; a
/// cell merged into the one on its left joins it (its text and span). A
/// row whose edges do not match its cells is left as it is.
fn grid(table: &mut Table, defs: &[RowDef]) {
    let mut edges: Vec<i32> = Vec::new();
    for def in defs {
        for &e in &def.edges {
            // Kept in order, once each (no sort: it would grow the module).
            let i = edges.partition_point(|&x| x < e);
            if edges.get(i) != Some(&e) {
                edges.insert(i, e);
            }
        }
    }
    for ((row, before), def) in table.rows.iter_mut().zip(&mut table.before).zip(defs) {
        if def.edges.len() != row.len() + 1 || def.edges.windows(2).any(|w| w[0] >= w[1]) {
            continue;
        }
        let col = |e: i32| edges.partition_point(|&x| x < e);
        *before = col(def.edges[0]);
        for (i, cell) in row.iter_mut().enumerate() {
            cell.span = col(def.edges[i + 1]) - col(def.edges[i]);
            cell.merge = def.merges.get(i).copied().unwrap_or_default();
        }
        for (i, cell) in std::mem::take(row).into_iter().enumerate() {
            match row.last_mut() {
                Some(left) if def.joins.get(i) == Some(&true) => {
                    left.span += cell.span;
                    if !cell.text.is_empty() {
                        if !left.text.is_empty() {
                            left.text.push(' ');
                        }
                        left.text.push_str(&cell.text);
                    }
                }
                _ => row.push(cell),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<Cell> {
        (texts.iter())
            .map(|t| Cell {
                text: t.to_string(),
                span: 1,
                merge: Merge::None,
            })
            .collect()
    }

    /// A table's grid from its rows' cell edges: a wide cell spans the
    /// columns of the narrower ones under it, a row starting further right
    /// skips columns, vertical merges become a rowspan and a cell merged
    /// into its left neighbour joins it.
    #[test]
    fn rows_cell_edges_make_the_grid() {
        let mut table = Table::default();
        let mut defs = Vec::new();
        for (texts, edges, merges, joins) in [
            (
                &["甲", "乙", "丙"][..],
                &[0, 200, 300, 400][..],
                vec![Merge::Restart, Merge::None, Merge::None],
                vec![false, false, true],
            ),
            (
                &["", "1", "2", "3"][..],
                &[0, 200, 250, 300, 400][..],
                vec![Merge::Continue, Merge::None, Merge::None, Merge::None],
                vec![false; 4],
            ),
            (&["4"][..], &[300, 400][..], vec![Merge::None], vec![false]),
        ] {
            table.rows.push(cells(texts));
            table.before.push(0);
            defs.push(RowDef {
                edges: edges.to_vec(),
                merges,
                joins,
            });
        }
        grid(&mut table, &defs);
        let mut html = String::new();
        table.html(&mut html);
        assert_eq!(
            html,
            "<table><tr><td colspan=\"1\" rowspan=\"2\">甲</td><td colspan=\"3\" rowspan=\"1\">乙 丙</td></tr>\
             <tr><td colspan=\"1\" rowspan=\"1\">1</td><td colspan=\"1\" rowspan=\"1\">2</td><td colspan=\"1\" rowspan=\"1\">3</td></tr>\
             <tr><td colspan=\"1\" rowspan=\"1\">4</td></tr></table>\n"
        );
    }
}
