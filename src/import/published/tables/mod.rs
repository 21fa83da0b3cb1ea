//! Stage 3: table values, each format row found by its label and its values
//! accepted only when their count fits; nothing guessed. Here: tables read
//! from their grid (a page's, a Word file's, a Markdown pipe table's), the
//! ways a row's label is printed otherwise, and the table's sums that check
//! what is read; a table without a grid is read from its words in
//! [`stream`].
//!
//! Not for: finding the tables (see [`super::outline`]).

use super::normalize::{ideograph, Order, BLANK_CELL, CELL_EDGE, TABLE_START, WRAPPED};
use super::{norm, only, Recognised, Source, Spread, COPIED_OUT_OF_ORDER};
use crate::format::{Block, Format, Layout, Row, Table};
use crate::model::{is_space, Cell};
use crate::rules::cells::blank_mark;

mod stream;

use stream::read_stream;

/// How a table without a grid gives its words (see [`read_stream`]).
#[derive(Debug, Clone, Copy)]
struct How {
    /// How the text orders its words (see [`super::normalize::order`]).
    order: Order,
    /// The words hold a Markdown text's table rows among its paragraphs
    /// (see `Outline::texts_and_tables`, [`read_stream`]).
    rows: bool,
    /// No number of the text was cut at its page's right edge (see
    /// [`super::read_set_out`]): a row's total as long as its block's
    /// longest, or 表四's last, not its sum, is the report's 勾稽 error,
    /// read as printed where its row's numbers stand side by side.
    uncut: bool,
}

/// Reads every table of the format from the tables found; a 2019-format
/// report keeps what maps and notes what does not.
/// `order`: how a text without a grid orders its words (see
/// [`super::normalize::order`]); `uncut`, as in [`How`]. Returns whether
/// some table had no grid and was read from its words.
pub(super) fn read_all(
    found: &super::outline::Tables,
    (order, uncut): (Order, bool),
    recognised: &mut Recognised,
) -> bool {
    let mut from_words = false;
    let tables = &found.grids[..];
    let all_text: String = tables
        .iter()
        .flat_map(|(_, r)| r.iter().flatten())
        .map(|c| c.0.as_str())
        .collect();
    recognised.format_2019 = all_text.contains("本年新制作数量")
        || all_text.contains("第二十条第（九）项")
        || all_text.contains("第二十条第(九)项");
    recognised.report.trial_2019 = recognised.format_2019;
    for table in crate::format::current().tables {
        let rows: Vec<&Vec<(String, usize)>> = tables
            .iter()
            .filter(|(k, _)| *k == table.key)
            .flat_map(|(_, r)| r.iter())
            .collect();
        if recognised.format_2019 && table.key == "table2" {
            recognised.notes.push(
                "这是 2019 年试行格式的报告：其表二的栏目（本年新制作数量等）与 2021 年格式不同，未导入".to_string(),
            );
            continue;
        }
        match table.layout {
            Layout::SingleRow => read_single_row(table, &rows, recognised),
            Layout::Bands | Layout::Grid => read_by_labels(table, &rows, found.guessed, recognised),
        }
        let format = recognised.report.format;
        let cells: Vec<usize> = (0..format.cells().len())
            .filter(|&i| format.cells()[i].table.key == table.key)
            .collect();
        let none_read = cells.iter().all(|&i| recognised.sources[i].is_none());
        let all_read = cells.iter().all(|&i| recognised.sources[i].is_some());
        let how = How {
            order,
            rows: found.rows_as_words,
            uncut,
        };
        if let Some((_, paras)) = found.words.iter().find(|w| w.0 == table.key) {
            if none_read {
                read_stream(table, paras, how, recognised);
                from_words = true;
            } else if !all_read {
                from_words |= complete_from_stream(table, &cells, paras, how, recognised);
            }
        }
        RowNote::tell(table, recognised);
    }
    if recognised.format_2019 {
        if let Some(v) = old_other_row(tables) {
            recognised.notes.push(format!(
                "2019 年格式的“（六）其他处理”只有一行（总计 {v}），无法拆分为 2021 年格式的三项，这三行未导入"
            ));
        }
    }
    from_words
}

/// A table its grid read in part (a converter's Markdown of a PDF: some
/// rows in pipe tables, others in lines of text around them): the cells
/// left unread, from its words (`paras`, see [`read_stream`]), when the
/// words read every cell the grid read alike. Whether any was.
fn complete_from_stream(
    table: &Table,
    cells: &[usize],
    paras: &[String],
    how: How,
    recognised: &mut Recognised,
) -> bool {
    let mut words = recognised.clone();
    for &i in cells {
        words.report.cells[i] = Cell::Blank;
        words.sources[i] = None;
    }
    read_stream(table, paras, how, &mut words);
    let both = |i: &usize| recognised.sources[*i].is_some() && words.sources[*i].is_some();
    let agree = cells
        .iter()
        .filter(|i| both(i))
        .all(|&i| recognised.report.cells[i] == words.report.cells[i]);
    let more: Vec<usize> = cells
        .iter()
        .copied()
        .filter(|&i| recognised.sources[i].is_none() && words.sources[i].is_some())
        .collect();
    if !agree || more.is_empty() {
        return false;
    }
    for i in more {
        recognised.report.cells[i] = words.report.cells[i].clone();
        recognised.sources[i] = words.sources[i].take();
    }
    for note in words.notes.split_off(recognised.notes.len()) {
        if !recognised.notes.contains(&note) {
            recognised.notes.push(note);
        }
    }
    for note in words.row_notes {
        if !recognised.row_notes.contains(&note) {
            recognised.row_notes.push(note);
        }
    }
    true
}

/// The 2019 format's single （六）其他处理 row, if present: its total.
pub(super) fn old_other_row(tables: &[(&str, Spread)]) -> Option<String> {
    tables
        .iter()
        .filter(|(k, _)| *k == "table3")
        .flat_map(|(_, rows)| rows.iter())
        .find(|row| {
            row.iter().any(|c| norm(&c.0) == norm("（六）其他处理"))
                && row.iter().filter(|c| numeric(&c.0)).count() >= 7
        })
        .and_then(|row| {
            row.iter()
                .rev()
                .find(|c| numeric(&c.0))
                .map(|c| c.0.clone())
        })
}

pub(super) fn numeric(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    !s.is_empty()
        && !matches!(
            Cell::parse(s, crate::format::Kind::Amount),
            Cell::Invalid(_)
        )
}

/// Whether a cell (or a word of a text without a grid) is a mark printed
/// for a 0 ([`crate::rules::cells::blank_mark`]: "—", "/"), not a word (无,
/// 空, which are also words of labels: "申 请 人 无" printed letter-spaced).
/// Read as printed, it counts 0 in the sums that check a row (see
/// [`count_of`]). (Not a Markdown table's rule, "---", nor a page number's
/// dashes, "- 5 -", which go with their line: see `normalize::page_number`.)
/// So is a word marked [`BLANK_CELL`]: an empty cell, or 无 or 空 as a
/// row's value.
fn zero_mark(s: &str) -> bool {
    s.starts_with(BLANK_CELL) || super::normalize::zero_sign(s)
}

/// Whether a cell holds two or more numbers ("0 75"): cells merged by the
/// tool that made the table (a PDF converted to Markdown), so which value
/// belongs to which column of the row is not certain.
fn several_numbers(s: &str) -> bool {
    s.split(is_space).filter(|w| numeric(w)).count() >= 2
}

/// Whether a cell holds a heading of the format's tables (a 第二十条 item,
/// a row or column label, a group, a caption, a header such as 信息内容):
/// a row that ran into the next table (its end lost) would take it for a
/// value. Also a label with its ordinal written another way or left out
/// ("1、申请人无正当理由…", "属于国家秘密").
fn is_heading(s: &str) -> bool {
    // The format's headings normalised, and the words after the ordinal of
    // those that have one; once (this runs for every cell read).
    type Headings = (Vec<String>, Vec<String>);
    static HEADINGS: std::sync::OnceLock<Headings> = std::sync::OnceLock::new();
    let (headings, words) = HEADINGS.get_or_init(|| {
        let mut all: Vec<&str> = Vec::new();
        for t in crate::format::current().tables {
            all.extend([t.caption, t.corner, t.column_header]);
            for b in t.blocks {
                all.extend([b.band, b.row_header]);
                for r in b.rows {
                    all.push(r.label);
                    all.extend(r.groups);
                }
                for c in b.columns {
                    all.push(c.label);
                    all.extend(c.groups);
                }
            }
        }
        let headings: Vec<String> = all.into_iter().map(norm).collect();
        let words = headings
            .iter()
            .filter_map(|h| Some(ordinal(h)?.1.to_string()))
            .collect();
        (headings, words)
    });
    let s = norm(s);
    if s.chars().count() < 2 || numeric(&s) {
        return false;
    }
    let rest = ordinal(&s).map_or(s.as_str(), |(_, rest)| rest);
    s.contains("第二十条") || headings.contains(&s) || words.iter().any(|w| w == rest)
}

/// Whether a printed row holds numbers and nothing else (blank cells,
/// cells of one or more numbers, marks printed for a 0, 无 among them: a
/// cell's whole text): no label.
fn numbers_alone(cells: &[&(String, usize)]) -> bool {
    cells.iter().any(|c| numeric(&c.0))
        && cells
            .iter()
            .all(|c| blank_mark(&c.0) || c.0.split(is_space).all(|w| w.is_empty() || numeric(w)))
}

/// Distinct source cells of a row, in order.
pub(super) fn distinct(row: &[(String, usize)]) -> Vec<&(String, usize)> {
    let mut out: Vec<&(String, usize)> = Vec::new();
    for cell in row {
        if out.last().is_none_or(|last| last.1 != cell.1) && !out.iter().any(|c| c.1 == cell.1) {
            out.push(cell);
        }
    }
    out
}

/// Tables 二 and 三: each format row found by its label; its values are the
/// last cells of the row.
pub(super) fn read_by_labels(
    table: &Table,
    rows: &[&Vec<(String, usize)>],
    guessed: bool,
    out: &mut Recognised,
) {
    // Each printed row's distinct cells and their normalised text, once.
    type Printed<'a> = (Vec<&'a (String, usize)>, Vec<String>);
    let printed: Vec<Printed> = rows
        .iter()
        .map(|cells| {
            let cells = distinct(cells);
            let normed = cells.iter().map(|c| norm(&c.0)).collect();
            (cells, normed)
        })
        .collect();
    // Printed rows of numbers alone (no label): pieces of wrapped numbers.
    let fragments: Vec<bool> = printed
        .iter()
        .map(|(cells, _)| numbers_alone(cells))
        .collect();
    let any_fragment = fragments.contains(&true);
    for block in table.blocks {
        let n = block.columns.len();
        // Each format row found: its printed row's cells, and where its
        // label is.
        let mut found_rows = Vec::new();
        for row in block.rows {
            let label = norm(row.label);
            // The label alone in a cell; long labels may be cut or continue.
            // The first printed row with room for the values after it.
            let find = |matches: &dyn Fn(&str) -> bool| {
                printed
                    .iter()
                    .enumerate()
                    .find_map(|(at, (cells, normed))| {
                        let pos = normed.iter().position(|n| matches(n))?;
                        (cells.len() > pos + n).then(|| (cells.clone(), pos, at))
                    })
            };
            let official = |n: &str| {
                *n == label
                    || (label.chars().count() > 8
                        && (n.starts_with(&label) || (n.len() >= 12 && label.starts_with(n))))
            };
            let mut found = find(&official);
            if found.is_none() {
                if let Some(variant) = variant(row.label) {
                    let variant_norm = norm(variant);
                    found = find(&|n: &str| n == variant_norm);
                    if found.is_some() {
                        let note = variant_note(table, variant, row.label);
                        RowNote::add(out, table, row, Told::Variant(note));
                    }
                }
            }
            if found.is_none() {
                found = find(&|n: &str| same_but_ordinal_style(n, &label));
                if let Some((cells, pos, _)) = &found {
                    let printed = cells[*pos].0.trim().to_string();
                    RowNote::add(out, table, row, Told::Restyled(printed));
                }
            }
            if found.is_none() {
                // Its words after another ordinal ("一.属于国家秘密",
                // "3 危及“三安全一稳定”"), in one printed row only.
                if let Some(words) = variant(row.label).map(norm) {
                    let other = |n: &str| n != words && without_ordinal(n) == Some(words.as_str());
                    let rows = printed
                        .iter()
                        .filter(|(_, normed)| normed.iter().any(|n| other(n)));
                    if rows.count() == 1 {
                        found = find(&other);
                        if let Some((cells, pos, _)) = &found {
                            let note = variant_note(table, cells[*pos].0.trim(), row.label);
                            RowNote::add(out, table, row, Told::Variant(note));
                        }
                    }
                }
            }
            if let Some((cells, pos, at)) = found {
                // A number in the label's cell after the label
                // ("四、结转下年度继续办理 0", a Markdown table made from a
                // PDF): the row's first value, its others shifted.
                let rest = printed[at].1[pos]
                    .strip_prefix(label.as_str())
                    .unwrap_or("");
                if !rest.bytes().any(|b| b.is_ascii_digit()) {
                    found_rows.push((row, cells, pos, at));
                }
            }
        }
        // A row whose label is printed short ("其他" for 3.其他, or after
        // another ordinal): the printed row right between the rows before
        // and after it, both found, when a cell of it is that.
        for (r, row) in block.rows.iter().enumerate() {
            let at = |k: usize| {
                let key = block.rows.get(k)?.key;
                found_rows.iter().find(|f| f.0.key == key).map(|f| f.3)
            };
            let (None, Some(a), Some(c)) = (at(r), r.checked_sub(1).and_then(at), at(r + 1)) else {
                continue;
            };
            let Some((_, short)) = ordinal(row.label).filter(|_| c == a + 2) else {
                continue;
            };
            let (cells, normed) = &printed[a + 1];
            let short = norm(short);
            let label = |x: &String| *x == short || without_ordinal(x) == Some(short.as_str());
            if let Some(pos) = normed.iter().position(label) {
                if cells.len() > pos + n {
                    let note = variant_note(table, cells[pos].0.trim(), row.label);
                    RowNote::add(out, table, row, Told::Variant(note));
                    found_rows.push((row, cells.clone(), pos, a + 1));
                }
            }
        }
        // The most cells after a label in the block's rows, and the most
        // cells of a row (a merged cell in every place it covers).
        let widest = |of: &dyn Fn(usize, usize) -> usize| {
            (found_rows.iter())
                .map(|(_, cells, pos, _)| of(cells.len(), *pos))
                .max()
                .unwrap_or(0)
        };
        let (widest_after, widest_row) = (widest(&|n, pos| n - pos), widest(&|n, _| n));
        let fillers = filler_columns(block, &found_rows);
        // With such columns, a row whose sum fails is read as printed (the
        // report's 勾稽 error) when three rows or more read so have every
        // value a number and hold their sums: the columns left out are no
        // values of theirs (see [`filler_rows_hold`]).
        let filler_rows_hold =
            !fillers.is_empty() && filler_rows_hold(block, &found_rows, &fillers);
        let no_sums = block.columns.iter().all(|c| c.total_of.is_empty());
        // The rows read, their counts a column (an empty cell 0), and the
        // rows held back for an empty cell among their values in a row
        // narrower than others: see [`held_rows_read`].
        let mut counted: Vec<(usize, Vec<Option<u64>>)> = Vec::new();
        let mut held: Vec<Held> = Vec::new();
        // Where the label stands and how many cells a row has, of the rows
        // read with no cell empty among their values.
        let mut shapes: Vec<(usize, usize)> = Vec::new();
        for (r, row, cells, pos, at) in found_rows
            .into_iter()
            .map(|(row, cells, pos, at)| (block.row_index(row.key), row, cells, pos, at))
        {
            // (A row under a group's label, its label a column further
            // right, has fewer cells after it than one whose label spans
            // the group's column, but as many in all.)
            let narrower = cells.len() - pos < widest_after && cells.len() < widest_row;
            // Next to a row of numbers alone, the pieces of numbers wrapped
            // in their cells (a Markdown table made from a PDF: "6197" and
            // "3" on the rows around （七）总计's 61973): this row's values
            // may be pieces, or missing. With such rows in the table, an
            // empty cell among a row's values may be a spacer, not a blank.
            let beside = |d: isize| {
                at.checked_add_signed(d)
                    .and_then(|i| fragments.get(i))
                    .is_some_and(|&f| f)
            };
            if beside(-1) || beside(1) {
                continue;
            }
            let values: Vec<&(String, usize)> = row_tail(&cells, pos, n).to_vec();
            if values.len() < n {
                continue;
            }
            // A column empty in every row, among the values (a converter's
            // stand-in for a value cell spanning two grid columns): the
            // row's values are the others, taken when every one is a number
            // (or a mark printed for a 0) and the row's sums hold, or other
            // rows' do (see [`filler_columns`], [`filler_rows_hold`]). (A row
            // with an empty cell among them is not read: with a converter's
            // empty columns in the row, which empty cell is a blank value
            // is not certain.)
            let values: Vec<&(String, usize)> = if fillers.is_empty() {
                values
            } else {
                let kept = without_fillers(&values, &fillers);
                if kept.len() < n {
                    continue;
                }
                let values = &kept[kept.len() - n..];
                // (A mark printed for a 0, "无" or "—", is a value too,
                // counted 0; an empty cell is not.)
                let counts: Vec<Option<u64>> = (values.iter())
                    .map(|c| blank_as_zero(&c.0).filter(|_| !c.0.trim().is_empty()))
                    .collect();
                let sums_hold = |r| row_mismatch(block, &|_, c| counts[c], r).is_none();
                if counts.contains(&None) || r.is_none_or(|r| !(sums_hold(r) || filler_rows_hold)) {
                    continue;
                }
                kept
            };
            // Cells between the label and its values continue the label;
            // a number (alone or run together with text: "1282行政强制", a
            // row's end lost) or another label there is a row run into the
            // next one (a lost row start or end), a mark printed for a 0
            // ("—", "无") a value printed so (a Markdown table made from a
            // PDF, its columns not the page's: "| 规章 | | 无 | 0 | | 0 | |"
            // would read 0 into 本年制发件数): which values are this row's
            // is then not certain.
            let (between, values) = values.split_at(values.len() - n);
            // An empty cell among the values of a row narrower than others
            // may be a spacer the values moved over when a cell was lost
            // ("3.其他 | | 1 | 0 | 22975 … |" without its 0 read 1 into
            // 商业企业), and so may one in a layout a converter guessed
            // (`guessed`) in a row without sums to tell ("| 规章 | 0 | | 3 |",
            // 3 本年废止件数's, 现行有效件数 blank): the row is not read.
            let unsure_blank = narrower || any_fragment || (guessed && no_sums);
            if between.iter().any(|c| {
                numeric(&c.0)
                    || c.0.bytes().any(|b| b.is_ascii_digit())
                    || is_heading(&c.0)
                    || blank_mark(&c.0)
            }) || values
                .iter()
                .any(|c| several_numbers(&c.0) || is_heading(&c.0))
            {
                continue;
            }
            if unsure_blank && values.iter().any(|c| c.0.is_empty()) {
                // Only for its narrowness, in a layout no converter guessed:
                // held for its peers and the sums down the columns.
                if let Some(r) = r.filter(|_| narrower && !any_fragment && !guessed) {
                    held.push(Held {
                        r,
                        row,
                        label: &cells[pos].0,
                        shape: (pos, cells.len()),
                        values: values.to_vec(),
                    });
                }
                continue;
            }
            // Rows a converter guessed from a page's layout (`guessed`):
            // a piece of a number wrapped in its cell may be lost with its
            // line, so a row is read only when its sums hold.
            if guessed && r.is_some_and(|r| !holds(block, r, values)) {
                continue;
            }
            if let Some(r) = r {
                counted.push((r, values.iter().map(|c| blank_as_zero(&c.0)).collect()));
            }
            if values.iter().all(|c| !c.0.is_empty()) {
                shapes.push((pos, cells.len()));
            }
            put_row(out, (table, block), row, &cells[pos].0, values);
        }
        held.retain(|h| shapes.contains(&h.shape));
        for h in held_rows_read(block, &counted, &held) {
            put_row(out, (table, block), h.row, h.label, &h.values);
        }
    }
}

/// A row held back by [`read_by_labels`] for an empty cell among its
/// values in a row narrower than others: see [`held_rows_read`].
struct Held<'a> {
    /// Its index in its block.
    r: usize,
    row: &'static Row,
    label: &'a str,
    /// Where its label stands among its printed cells, and how many.
    shape: (usize, usize),
    values: Vec<&'a (String, usize)>,
}

/// A row's printed `values` put in its cells (an empty one left blank),
/// each with its source: the row's printed `label`.
fn put_row(
    out: &mut Recognised,
    (table, block): (&Table, &Block),
    row: &Row,
    label: &str,
    values: &[&(String, usize)],
) {
    let format = out.report.format;
    for (column, (text, _)) in block.columns.iter().zip(values) {
        let i = format
            .cell_at(table.key, row.key, column.key)
            .expect("cell of the format");
        if !text.is_empty() {
            out.report.cells[i] = Cell::parse(text, column.kind);
            out.sources[i] = Some(Source {
                row: label.to_string(),
                text: text.clone(),
            });
        }
    }
}

/// A value's count for the sums down the columns: an empty cell 0, and so
/// a cell with a mark printed for a 0 or a blank ("—", "无").
fn blank_as_zero(text: &str) -> Option<u64> {
    match text.trim().is_empty() || blank_mark(text) {
        true => Some(0),
        false => count_of(text),
    }
}

/// The rows held back for an empty cell among their values in a row
/// narrower than others (`held`; a lost cell may have moved a row's values
/// over a spacer, see [`read_by_labels`]) that are as printed, all or
/// none: those whose own sums hold (the others, not read, count in the
/// sums down the columns as printed, as slips), when each is as
/// wide as a row read with no cell empty, its label in the same place (a
/// row that lost a cell is narrower than its peers; the caller keeps only
/// such rows), each in a sum down the columns (a total row's, as
/// （七）总计's over 表三's results), every such sum's cells known (the rows
/// read, `counted`, and the held rows, an empty cell 0) and holding in
/// every column (but those where a row's total is not its sum, the
/// report's 勾稽 error, at most [`MAX_SLIPS`] such rows among the sum's,
/// and the columns' sums are off as the errors tell: [`slips_tell`]).
/// (Markdown of a Word
/// file: markitdown leaves out a merged group label's cell in the rows
/// under its first, so those rows are narrower than the group's first, and
/// those with a blank cell were unread.)
fn held_rows_read<'h, 'a>(
    block: &Block,
    counted: &[(usize, Vec<Option<u64>>)],
    held: &'h [Held<'a>],
) -> Vec<&'h Held<'a>> {
    let held_counts: Vec<(usize, Vec<Option<u64>>)> = (held.iter())
        .map(|h| (h.r, h.values.iter().map(|c| blank_as_zero(&c.0)).collect()))
        .collect();
    let get = |r: usize, c: usize| -> Option<u64> {
        (counted.iter().chain(&held_counts))
            .find(|(k, _)| *k == r)
            .and_then(|(_, v)| v.get(c).copied().flatten())
    };
    let totals: Vec<(usize, &Row)> = (block.rows.iter().enumerate())
        .filter(|(_, t)| !t.total_of.is_empty())
        .collect();
    // The rows whose total is not their sum (the report's 勾稽 errors),
    // read or held: each one's index and by how much its sum passes its
    // total. (A held row so is not read, but its numbers count in the
    // sums down the columns as printed.)
    let slips: Vec<(usize, i128)> = (counted.iter().chain(&held_counts))
        .filter_map(|(r, _)| {
            let (total, sum) = row_mismatch(block, &get, *r)?;
            Some((*r, i128::from(sum) - i128::from(total)))
        })
        .collect();
    // A total row's sums down the columns: by how much its parts' sum
    // passes its value in each column (`None` when a cell is unknown).
    let offs = |(t, total): &(usize, &Row)| -> Option<Vec<i128>> {
        (0..block.columns.len())
            .map(|c| {
                let value = get(*t, c)?;
                let parts = (total.total_of.iter())
                    .map(|k| get(block.row_index(k)?, c))
                    .sum::<Option<u64>>()?;
                Some(i128::from(parts) - i128::from(value))
            })
            .collect()
    };
    let read: Vec<&Held> = (held.iter())
        .filter(|h| row_mismatch(block, &get, h.r).is_none())
        .collect();
    let all_hold = read.iter().all(|Held { r, row, .. }| {
        (block.columns.iter().enumerate())
            .all(|(c, column)| column.kind == crate::format::Kind::Count && get(*r, c).is_some())
            && {
                // The total rows whose sums hold this row: as a part, or
                // as the total.
                let sums: Vec<&(usize, &Row)> = (totals.iter())
                    .filter(|(t, total)| *t == *r || total.total_of.contains(&row.key))
                    .collect();
                // Every column holding, but those the slips among the
                // sum's parts tell.
                !sums.is_empty()
                    && sums.iter().all(|sum| {
                        // (The total row's own slip is off the other way:
                        // its number too large, its parts' sum short.)
                        let parts: Vec<i128> = (slips.iter())
                            .filter_map(|&(s, d)| match s == sum.0 {
                                true => Some(-d),
                                false => sum.1.total_of.contains(&block.rows[s].key).then_some(d),
                            })
                            .collect();
                        offs(sum).is_some_and(|offs| {
                            let mut told = vec![0; offs.len()];
                            parts.len() <= MAX_SLIPS && slips_tell(block, &parts, &mut told, &offs)
                        })
                    })
            }
    });
    match all_hold {
        true => read,
        false => Vec::new(),
    }
}

/// How many of a sum's parts may be rows whose total is not their sum
/// (the report's 勾稽 errors) for [`held_rows_read`] to read the sums down
/// the columns past them: more, and the columns' sums could be explained
/// by too many ways.
const MAX_SLIPS: usize = 2;

/// Whether the sums down the columns are off (`offs`, a column's parts'
/// sum less its total) as the rows' slips (`slips`, by how much each row's
/// sum passes its total) tell, `told` the offs of the slips placed so far:
/// each slip in one column (a part's number too large by as much: that
/// column's sum off as much; its total too small: the total column's off
/// as much the other way), or in none (the total row summed with it).
fn slips_tell(block: &Block, slips: &[i128], told: &mut [i128], offs: &[i128]) -> bool {
    let Some((d, rest)) = slips.split_first() else {
        return told == offs;
    };
    if slips_tell(block, rest, told, offs) {
        return true;
    }
    (0..told.len()).any(|c| {
        let by = if block.columns[c].total_of.is_empty() {
            *d
        } else {
            -*d
        };
        told[c] += by;
        let tells = slips_tell(block, rest, told, offs);
        told[c] -= by;
        tells
    })
}

/// A format row found in a table: the row, its printed row's distinct
/// cells, where its label is among them, and the printed row's index.
type FoundRow<'a> = (&'static Row, Vec<&'a (String, usize)>, usize, usize);

/// Columns that a converter of a table with merged cells added (markitdown
/// writes "| 64 | 0 | | 0 |…" for a Word table whose 商业企业 cells span
/// two grid columns): as offsets from the row's end (1 = the last cell),
/// the places among the last values-and-one cells that are empty in every
/// row of `block` found, when there are at least three such rows and the
/// block has row sums to check each row read so (a blank column of a
/// report that leaves a column blank is not one: its rows have no more
/// cells than values, and reading them without it fails their sums).
fn filler_columns(block: &Block, found_rows: &[FoundRow]) -> Vec<usize> {
    let n = block.columns.len();
    if found_rows.len() < 3 || !block.columns.iter().any(|c| !c.total_of.is_empty()) {
        return Vec::new();
    }
    // As the rows are read: empty cells past the values dropped while more
    // cells than values remain.
    let tails: Vec<&[&(String, usize)]> = (found_rows.iter())
        .map(|(_, cells, pos, _)| row_tail(cells, *pos, n))
        .collect();
    // Every row has a cell more than its values.
    if tails.iter().any(|t| t.len() <= n) {
        return Vec::new();
    }
    (1..=n)
        .filter(|&k| tails.iter().all(|t| t[t.len() - k].0.is_empty()))
        .collect()
}

/// The cells of a printed row after its label at `pos`, as they are read
/// for `n` values: empty cells past the values (a row drawn wider than its
/// values) dropped only while more cells than values remain, so a blank
/// last value is never shifted.
fn row_tail<'r, 'c>(
    cells: &'r [&'c (String, usize)],
    pos: usize,
    n: usize,
) -> &'r [&'c (String, usize)] {
    let mut tail = &cells[pos + 1..];
    while tail.len() > n && tail.last().is_some_and(|c| c.0.is_empty()) {
        tail = &tail[..tail.len() - 1];
    }
    tail
}

/// A row's cells (`tail`, see [`row_tail`]) without the converter's empty
/// columns [`filler_columns`] tells (`fillers`, offsets from its end).
fn without_fillers<'c>(
    tail: &[&'c (String, usize)],
    fillers: &[usize],
) -> Vec<&'c (String, usize)> {
    (tail.iter().enumerate())
        .filter(|(i, _)| !fillers.contains(&(tail.len() - i)))
        .map(|(_, c)| *c)
        .collect()
}

/// Whether three rows or more of `block` found, read without the columns
/// [`filler_columns`] tells (`fillers`), have every value a number (no
/// mark, no empty cell) and their sums hold.
fn filler_rows_hold(block: &Block, found_rows: &[FoundRow], fillers: &[usize]) -> bool {
    let n = block.columns.len();
    let holding = found_rows.iter().filter(|(row, cells, pos, _)| {
        let kept = without_fillers(row_tail(cells, *pos, n), fillers);
        let Some(r) = block.row_index(row.key) else {
            return false;
        };
        kept.len() >= n && {
            let values = &kept[kept.len() - n..];
            values
                .iter()
                .all(|c| count_of(&c.0).is_some() && !blank_mark(&c.0))
                && holds(block, r, values)
        }
    });
    holding.count() >= 3
}

/// What the review is told of a format row found by a label printed
/// otherwise, by the table's grid or its words alike, once a cell of the
/// row is read (a row found but left unread is not told; see
/// [`RowNote::tell`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RowNote {
    table: &'static str,
    row: &'static str,
    told: Told,
}

/// How a row's label was printed (see [`RowNote`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Told {
    /// Otherwise: the note ("表二「规范性文件」按「行政规范性文件」读取").
    Variant(String),
    /// With its ordinal written another way: the label as printed (see
    /// [`Restyled`]).
    Restyled(String),
}

impl RowNote {
    /// Keeps what is told of `row` of `table`, once.
    pub(super) fn add(out: &mut Recognised, table: &Table, row: &Row, told: Told) {
        let note = RowNote {
            table: table.key,
            row: row.key,
            told,
        };
        if !out.row_notes.contains(&note) {
            out.row_notes.push(note);
        }
    }

    /// The notes on the rows of `table` read (a cell of theirs), each
    /// once; those with their ordinals written another way in one.
    fn tell(table: &Table, out: &mut Recognised) {
        let format = out.report.format;
        let read = |row: &str| {
            (format.cells().iter().zip(&out.sources))
                .any(|(def, s)| def.table.key == table.key && def.row.key == row && s.is_some())
        };
        let mut restyled = Restyled::default();
        let mut rows: Vec<&str> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        for note in out
            .row_notes
            .iter()
            .filter(|n| n.table == table.key && read(n.row))
        {
            match &note.told {
                Told::Variant(text) => notes.push(text.clone()),
                Told::Restyled(printed) if !rows.contains(&note.row) => {
                    rows.push(note.row);
                    restyled.add(printed);
                }
                Told::Restyled(_) => {}
            }
        }
        for note in notes {
            if !out.notes.contains(&note) {
                out.notes.push(note);
            }
        }
        restyled.note(table, out);
    }
}

/// Rows of a table read by labels whose ordinal is written another way
/// ("1、属于国家秘密", "（1）属于国家秘密"): the first as printed, and how
/// many; the review gets one note for them.
#[derive(Default)]
struct Restyled {
    first: Option<String>,
    count: usize,
}

impl Restyled {
    fn add(&mut self, printed: &str) {
        self.first.get_or_insert_with(|| printed.to_string());
        self.count += 1;
    }

    fn note(self, table: &Table, out: &mut Recognised) {
        if let Some(first) = self.first {
            out.notes.push(format!(
                "{}有 {} 行的编号写法与格式不同（如「{first}」），已按格式中编号相同、文字相同的行读取",
                crate::rules::cells::table_name(table.key),
                self.count
            ));
        }
    }
}

/// The other ways the ordinal of a (normalised) label is printed:
/// "1、…", "(1)…", "1.…" for "1.属于国家秘密" and the like.
fn restyles(label: &str) -> Vec<String> {
    let Some((x, rest)) = ordinal(label) else {
        return Vec::new();
    };
    [
        format!("{x}、{rest}"),
        format!("({x}){rest}"),
        format!("{x}.{rest}"),
    ]
    .into_iter()
    .filter(|c| c != label)
    .collect()
}

/// The Chinese numerals of an ordinal, one to ten.
const NUMERALS: &str = "一二三四五六七八九十";

/// An ordinal's Chinese numeral, one to ten, in digits ("三" → "3").
fn in_digits(numeral: &str) -> Option<String> {
    let mut chars = numeral.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => NUMERALS
            .chars()
            .position(|d| d == c)
            .map(|i| (i + 1).to_string()),
        _ => None,
    }
}

/// A (normalised) group heading as printed: as the format has it, and with
/// its ordinal written in the other styles, in Chinese numerals or Arabic
/// ("(四)无法提供", "四、无法提供", "4.无法提供" …): the pieces of it a
/// PDF's text may put between a row label's lines (see `stream::interrupted`).
fn group_styles(group: &str) -> Vec<String> {
    let mut all = vec![group.to_string()];
    let Some((x, rest)) = ordinal(group) else {
        return all;
    };
    let other = match x.parse::<usize>() {
        Ok(n) => NUMERALS.chars().nth(n.wrapping_sub(1)).map(String::from),
        Err(_) => in_digits(x),
    };
    for n in std::iter::once(x.to_string()).chain(other) {
        for style in [
            format!("{n}、{rest}"),
            format!("({n}){rest}"),
            format!("{n}.{rest}"),
        ] {
            if !all.contains(&style) {
                all.push(style);
            }
        }
    }
    all
}

/// A label's ordinal and the rest: "1.属于国家秘密" → ("1", "属于国家秘密"),
/// also written "1、", "1)", "(1)" ("（1）" once normalised), and
/// "一、", "(一)" with Chinese numerals.
pub(super) fn ordinal(s: &str) -> Option<(&str, &str)> {
    let numeral = |x: &str| {
        !x.is_empty()
            && (x.bytes().all(|b| b.is_ascii_digit()) || x.chars().all(|c| NUMERALS.contains(c)))
    };
    let (x, rest) = match s.strip_prefix('(') {
        Some(r) => r.split_once(')')?,
        None => {
            let end = s.find(|c: char| !(c.is_ascii_digit() || NUMERALS.contains(c)))?;
            let rest = s[end..].strip_prefix(['、', '.', ')'])?;
            (&s[..end], rest)
        }
    };
    (numeral(x) && !rest.is_empty()).then_some((x, rest))
}

/// A printed label's words after its ordinal, in any style or with the
/// ordinal's numeral and words apart ("3危及三安全一稳定" once
/// normalised); None without an ordinal.
fn without_ordinal(s: &str) -> Option<&str> {
    ordinal(s).map(|(_, rest)| rest).or_else(|| {
        let end = s.find(|c: char| !(c.is_ascii_digit() || NUMERALS.contains(c)))?;
        (end > 0).then(|| &s[end..])
    })
}

/// Whether a printed label (normalised) is the format's `label`
/// (normalised) with its ordinal written in another style: the same
/// ordinal, the same words.
fn same_but_ordinal_style(printed: &str, label: &str) -> bool {
    printed != label && ordinal(printed).is_some_and(|p| ordinal(label) == Some(p))
}

/// The review's note on a row read by a variant of its label.
fn variant_note(table: &Table, variant: &str, label: &str) -> String {
    format!(
        "{}「{variant}」按「{label}」读取",
        crate::rules::cells::table_name(table.key)
    )
}

/// How real reports print a row label otherwise: 规范性文件 for
/// 行政规范性文件, 总计 for （七）总计, a label without its ordinal
/// ("本年新收政府信息公开申请数量", "属于国家秘密") when what is left is
/// long enough not to be taken for anything else.
fn variant(label: &'static str) -> Option<&'static str> {
    match label {
        "行政规范性文件" => return Some("规范性文件"),
        "（七）总计" => return Some("总计"),
        _ => {}
    }
    let rest = label
        .split_once('、')
        .filter(|(n, _)| n.chars().all(|c| NUMERALS.contains(c)))
        .map(|(_, r)| r)
        .or_else(|| {
            label
                .split_once('.')
                .filter(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()))
                .map(|(_, r)| r)
        })
        .or_else(|| {
            label
                .strip_prefix('（')
                .and_then(|r| r.split_once('）'))
                .map(|(_, r)| r)
        })?;
    (rest.chars().count() >= 4).then_some(rest)
}

/// Table 四: the values of its one data row, in order (the row may be split
/// over several printed rows or tables).
pub(super) fn read_single_row(table: &Table, rows: &[&Vec<(String, usize)>], out: &mut Recognised) {
    let format = out.report.format;
    let block = &table.blocks[0];
    let needed = block.rows.len() * block.columns.len();
    // The printed rows of numbers alone (rows with text, such as a note,
    // are not the data row), together as many as the table's cells, one
    // number (or a mark printed for a 0, 无 among them, kept as printed)
    // to a cell. A blank among them only when they are one row: where
    // numbers are on several rows, an empty cell may be a spacer between
    // pieces of numbers wrapped in their cells or values split from their
    // row (a Markdown table made from a PDF: "20" and "1" above and below
    // 7, "0 225" in one cell): which goes where is not certain.
    let with_digits: Vec<Vec<&(String, usize)>> = rows
        .iter()
        .map(|row| distinct(row))
        .filter(|cells| numbers_alone(cells))
        .collect();
    let several = with_digits.len() > 1;
    if !with_digits.iter().all(|cells| {
        cells
            .iter()
            .all(|c| numeric(&c.0) || blank_mark(&c.0) || (c.0.is_empty() && !several))
    }) {
        return;
    }
    let values: Vec<String> = with_digits.iter().flatten().map(|c| c.0.clone()).collect();
    if values.len() != needed {
        return;
    }
    let mut values = values.into_iter();
    for row in block.rows {
        for column in block.columns {
            let text = values.next().expect("counted");
            let i = format
                .cell_at(table.key, row.key, column.key)
                .expect("cell of the format");
            if !text.is_empty() {
                out.report.cells[i] = Cell::parse(&text, column.kind);
                out.sources[i] = Some(Source {
                    row: format!("{} {}", row.label, column.label),
                    text,
                });
            }
        }
    }
}

/// Whether the sums within row `r` of `block` hold for its printed `values`
/// (one a column; a cell that is no count checks nothing).
fn holds(block: &Block, r: usize, values: &[&(String, usize)]) -> bool {
    let counts: Vec<Option<u64>> = values.iter().map(|c| count_of(&c.0)).collect();
    row_mismatch(block, &|_, c| counts[c], r).is_none()
}

/// The first sum within row `r` of `block` that does not hold for the
/// values given (`get(row, column)`, `None` where unknown): its total as
/// given, and the sum of its parts.
fn row_mismatch(
    block: &Block,
    get: &dyn Fn(usize, usize) -> Option<u64>,
    r: usize,
) -> Option<(u64, u64)> {
    block.columns.iter().enumerate().find_map(|(c, column)| {
        if column.total_of.is_empty() {
            return None;
        }
        let parts: Option<Vec<u64>> = column
            .total_of
            .iter()
            .map(|k| get(r, block.column_index(k)?))
            .collect();
        let (total, sum) = (get(r, c)?, parts?.iter().sum::<u64>());
        (sum != total).then_some((total, sum))
    })
}

/// Whether the sums of `block` hold for the values given (`get(row, column)`,
/// `None` where unknown; only identities whose cells are all known count).
/// `rows` limits the check to identities within those rows (column totals).
fn sums_hold(
    block: &Block,
    get: &dyn Fn(usize, usize) -> Option<u64>,
    rows: Option<usize>,
) -> bool {
    if (0..block.rows.len())
        .filter(|r| rows.is_none_or(|only| only == *r))
        .any(|r| row_mismatch(block, get, r).is_some())
    {
        return false;
    }
    if rows.is_some() {
        return true;
    }
    for (r, total_row) in block.rows.iter().enumerate() {
        if total_row.total_of.is_empty() {
            continue;
        }
        for c in 0..block.columns.len() {
            let parts: Option<Vec<u64>> = total_row
                .total_of
                .iter()
                .map(|k| get(block.row_index(k)?, c))
                .collect();
            if let (Some(total), Some(parts)) = (get(r, c), parts) {
                if parts.iter().sum::<u64>() != total {
                    return false;
                }
            }
        }
    }
    true
}

/// Whether a block has any sums to check values against.
fn has_sums(block: &Block) -> bool {
    block.rows.iter().any(|r| !r.total_of.is_empty())
        || block.columns.iter().any(|c| !c.total_of.is_empty())
}

/// A value's count; a number its cell wrapped has its pieces joined by
/// [`WRAPPED`]. A mark printed for a 0 (see [`zero_mark`]) counts 0 in
/// the sums that check a row's reading; its cell keeps it as printed
/// (invalid, for CELL-BLANK to name), as a page's does.
fn count_of(text: &str) -> Option<u64> {
    if zero_mark(text) {
        return Some(0);
    }
    Cell::parse(&text.replace(WRAPPED, ""), crate::format::Kind::Count).count()
}

/// The values of row `r` of `block` from `values`, all the numbers between
/// its label and the next: exactly the row's count, the row's sums holding.
/// When the count fits but a sum does not: that sum (its total, the sum of
/// its parts), for the review (see `stream::Unsummed`).
fn row_of<'a>(
    block: &Block,
    r: usize,
    values: &[&'a String],
) -> Result<Vec<&'a String>, Option<(u64, u64)>> {
    if values.len() != block.columns.len() {
        return Err(None);
    }
    let get = |_: usize, c: usize| count_of(values[c]);
    match row_mismatch(block, &get, r) {
        None => Ok(values.to_vec()),
        Some(mismatch) => Err(Some(mismatch)),
    }
}

/// Whether the only sum within a row of `block` is its last column, the
/// total of all the others (表三): where `stream::parted` may part numbers.
fn one_total(block: &Block) -> bool {
    let Some((last, parts)) = block.columns.split_last() else {
        return false;
    };
    !parts.is_empty()
        && parts.iter().all(|c| c.total_of.is_empty())
        && last.total_of.len() == parts.len()
        && parts.iter().all(|c| last.total_of.contains(&c.key))
}
