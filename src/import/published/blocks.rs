//! Stage 1: the page or text as blocks: paragraphs, and tables with their
//! merged cells spread over a full grid (HTML through the tolerant
//! tokenizer; text with tab-separated cells).
//!
//! Not for: what the blocks mean (see [`super::outline`], [`super::tables`]).

use super::{only, Block, Spread};
use crate::import::html::{tokenize, Token};
use crate::model::is_space;

/// Collapses runs of spaces (also &nbsp; and full-width) to one and trims.
pub(super) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

pub(super) const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "center",
    "dd",
    "dt",
    "hr",
    "tr",
    "body",
    "html",
    "nav",
    "form",
];

/// A table being read from HTML: rows of (text, colspan, rowspan).
#[derive(Default)]
pub(super) struct RawTable {
    rows: Vec<Vec<(String, usize, usize)>>,
    cell: Option<(String, usize, usize)>,
}

impl RawTable {
    /// Moves the cell being read into the current row.
    fn finish_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            if self.rows.is_empty() {
                self.rows.push(Vec::new());
            }
            if let Some(row) = self.rows.last_mut() {
                row.push(cell);
            }
        }
    }
}

pub(super) fn span_of(token: &Token, name: &str) -> usize {
    token
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 100))
}

/// Spreads merged cells over a full grid.
pub(super) fn grid(rows: Vec<Vec<(String, usize, usize)>>, next_id: &mut usize) -> Spread {
    let mut out: Vec<Vec<Option<(String, usize)>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = 0;
        for (text, colspan, rowspan) in row {
            while out[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let id = *next_id;
            *next_id += 1;
            let text = clean(&text);
            for dr in 0..rowspan {
                let Some(line) = out.get_mut(r + dr) else {
                    break;
                };
                if line.len() < c + colspan {
                    line.resize(c + colspan, None);
                }
                for slot in &mut line[c..c + colspan] {
                    *slot = Some((text.clone(), id));
                }
            }
            c += colspan;
        }
    }
    out.into_iter()
        .map(|row| row.into_iter().flatten().collect())
        .collect()
}

pub(super) fn html_blocks(html: &str) -> (Vec<Block>, Option<String>) {
    let tokens = tokenize(html);
    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut tables: Vec<RawTable> = Vec::new();
    let mut title = None;
    let mut in_title = false;
    let mut next_id = 0;
    let flush = |para: &mut String, blocks: &mut Vec<Block>| {
        let text = clean(para);
        if !text.is_empty() {
            blocks.push(Block::Para(text));
        }
        para.clear();
    };
    for t in &tokens {
        match t {
            Token::Start { name, .. } => match name.as_ref() {
                "title" => in_title = true,
                "table" => {
                    if tables.is_empty() {
                        flush(&mut para, &mut blocks);
                    }
                    tables.push(RawTable::default());
                }
                "tr" if !tables.is_empty() => {
                    let table = tables.last_mut().expect("checked");
                    table.finish_cell();
                    table.rows.push(Vec::new());
                }
                "td" | "th" if !tables.is_empty() => {
                    let table = tables.last_mut().expect("checked");
                    table.finish_cell();
                    if table.rows.is_empty() {
                        table.rows.push(Vec::new());
                    }
                    table.cell =
                        Some((String::new(), span_of(t, "colspan"), span_of(t, "rowspan")));
                }
                n if BLOCK_TAGS.contains(&n) => {
                    if let Some((text, _, _)) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        text.push(' ');
                    } else if tables.is_empty() {
                        flush(&mut para, &mut blocks);
                    }
                }
                _ => {}
            },
            Token::End { name } => match name.as_ref() {
                "title" => in_title = false,
                "td" | "th" => {
                    if let Some(table) = tables.last_mut() {
                        table.finish_cell();
                    }
                }
                "table" => {
                    if let Some(mut table) = tables.pop() {
                        table.finish_cell();
                        match tables.last_mut() {
                            // A table inside a cell: its text joins the cell.
                            Some(outer) => {
                                let text: Vec<String> =
                                    table.rows.into_iter().flatten().map(|c| c.0).collect();
                                if let Some(cell) = outer.cell.as_mut() {
                                    cell.0.push(' ');
                                    cell.0.push_str(&text.join(" "));
                                }
                            }
                            None => blocks.push(Block::Table(grid(table.rows, &mut next_id))),
                        }
                    }
                }
                n if BLOCK_TAGS.contains(&n) && tables.is_empty() => {
                    flush(&mut para, &mut blocks);
                }
                _ => {}
            },
            Token::Text(text) => {
                if in_title {
                    title = Some(clean(text));
                } else if let Some(table) = tables.last_mut() {
                    if let Some(cell) = table.cell.as_mut() {
                        cell.0.push_str(text);
                    }
                } else {
                    para.push_str(text);
                }
            }
        }
    }
    // An unclosed table (truncated page) still counts.
    while let Some(mut table) = tables.pop() {
        table.finish_cell();
        if tables.is_empty() {
            blocks.push(Block::Table(grid(table.rows, &mut next_id)));
        }
    }
    flush(&mut para, &mut blocks);
    (blocks, title)
}

/// The pictures of a page in each section: for each heading found
/// (`headings`, in the format's order), the `<img>` elements between its
/// first occurrence in the page's text (after the heading before it) and
/// the next heading's; icons (a width or height under 48 pixels) are not
/// counted. For the review's note on a table published as a picture (what
/// many offices do with a table made in Excel): its numbers cannot be read.
pub(super) fn pictures_in_sections(html: &str, headings: &[Option<String>]) -> Vec<usize> {
    // The page's text (normalised as headings are matched) and where in it
    // each picture stands.
    let mut text = String::new();
    let mut at = Vec::new();
    let mut in_title = false;
    for t in tokenize(html) {
        match &t {
            Token::Start { name, .. } if name == "title" => in_title = true,
            Token::End { name } if name == "title" => in_title = false,
            Token::Start { name, .. } if name == "img" => {
                // (Its whole pixels: "16", "16px", "16.5". No float
                // parsing, which would add its tables to the wasm modules.)
                let small = ["width", "height"].iter().any(|k| {
                    t.attr(k).is_some_and(|v| {
                        let digits: String =
                            v.trim().chars().take_while(char::is_ascii_digit).collect();
                        digits.parse::<u32>().is_ok_and(|n| n < 48)
                    })
                });
                if !small {
                    at.push(text.len());
                }
            }
            Token::Text(s) if !in_title => text.push_str(&super::norm(s)),
            _ => {}
        }
    }
    let mut from = 0;
    let starts: Vec<Option<usize>> = headings
        .iter()
        .map(|h| {
            let h = super::norm(h.as_deref()?);
            let start = from + text.get(from..)?.find(&h)?;
            from = start + h.len();
            Some(start)
        })
        .collect();
    (0..headings.len())
        .map(|i| {
            let Some(start) = starts[i] else { return 0 };
            let end = starts[i + 1..]
                .iter()
                .flatten()
                .next()
                .copied()
                .unwrap_or(text.len());
            // (A picture where the next heading's text starts stands
            // before it: it is this section's.)
            at.iter().filter(|&&p| p > start && p <= end).count()
        })
        .collect()
}

/// Plain text lines: lines with tabs, and the rows of pipe tables (when the
/// text has them: [`super::normalize::pipe_rows`]), form tables; other lines
/// are paragraphs.
pub(super) fn text_blocks(lines: &[String]) -> Vec<Block> {
    let pipes = super::normalize::pipe_rows(lines);
    // Whether the pipe rows end with a pipe ("| 规章 | 0 | 0 |", "规章 | 0
    // | 0 |"), most of them: then a row's last pipe closes it; otherwise
    // ("规章| 0| 0", html2text's) a pipe at a row's end stands before its
    // last cell, empty ("…| 0| 0|" for a blank 总计, read as a page's).
    let closed = {
        let rows = lines
            .iter()
            .map(|l| l.trim_matches(is_space))
            .filter(|l| super::normalize::inner_pipe(l) && !super::normalize::pipe_rule(l));
        let (ends, all) = rows.fold((0, 0), |(e, a), l| {
            (e + usize::from(l.ends_with('|')), a + 1)
        });
        2 * ends >= all
    };
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<(String, usize)>> = Vec::new();
    let mut next_id = 0;
    // A number alone on a line right after or before a row with tabs may be
    // a piece of the row's number next to it, the cell's text broken over
    // lines ("…\t141" / "0" for 1410; "1" / "29\t0\t…" for 129): it is
    // set in that cell after a space, so that the cell holds no one number
    // and the row is read, if at all, from its words, where sums check
    // joined pieces.
    let mut tab_row = false;
    let mut piece_before: Option<&str> = None;
    // The closed rows of pipes and the rows of tabs among `table`'s, and
    // the empty cells at the end of these (see [`closed_rows`]).
    let mut ends: Vec<usize> = Vec::new();
    let mut blank_ends: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(piece) = lone_number(line) {
            let last = table.last_mut().and_then(|row| row.last_mut());
            let after = last.filter(|c| tab_row && super::tables::numeric(&c.0));
            let before = lines
                .get(i + 1)
                .is_some_and(|next| starts_with_number(next));
            let absorbed = after.map(|last| last.0 = format!("{} {piece}", last.0));
            if before {
                piece_before = Some(piece);
            }
            if absorbed.is_some() || before {
                continue;
            }
        }
        // A line with pipes only at its ends ("| 一、总体情况 |", a layout
        // table's cell; "第二十条第（一）项 |") is a paragraph, as a line with
        // tabs only at its ends is once trimmed.
        let inner = super::normalize::inner_pipe(line);
        let separator = if line.contains('\t') {
            Some('\t')
        } else if pipes && inner {
            Some('|')
        } else {
            None
        };
        if let Some(separator) = separator {
            if separator == '|' && super::normalize::pipe_rule(line) {
                continue;
            }
            // (A row with tabs keeps the tabs at its ends: its empty first
            // cells, as its page has them (see `normalize::markdown_line`),
            // and its blank last cells or a copy's merged cells, kept by
            // the table's width below.)
            let mut line = match separator {
                '\t' => line.trim_matches(|c| c != '\t' && is_space(c)),
                _ => line.trim_matches(is_space),
            };
            // (Not closed, html2text's, a pipe at a row's start stands after
            // its first cell, empty: "| 787| 0| 0| 787| …" for 表四's row
            // whose 结果维持 is blank.)
            if separator == '|' && closed {
                line = line.strip_prefix('|').unwrap_or(line);
                line = line.strip_suffix('|').unwrap_or(line);
            }
            let mut cells: Vec<(String, usize)> = line
                .split(separator)
                .map(|c| {
                    next_id += 1;
                    (clean(c), next_id)
                })
                .collect();
            // (Empty cells at a row's end may be a merged cell's, "行政许可 |
            // 288 | | |", or a copy's trailing tabs ("行政许可\t0\t\t"); not a
            // row's of pipes that are not closed: its blank last cell.
            // Closed rows of pipes and rows of tabs keep them until their
            // table is whole: see [`closed_rows`]; a row of tabs meanwhile
            // as if without them.)
            let blank_end = match separator {
                '\t' => {
                    let text = cells
                        .iter()
                        .rposition(|c| !c.0.is_empty())
                        .map_or(0, |i| i + 1);
                    cells.split_off(text)
                }
                _ => Vec::new(),
            };
            if (separator == '|' && closed) || (separator == '\t' && !cells.is_empty()) {
                ends.push(table.len());
            }
            if !blank_end.is_empty() && !cells.is_empty() {
                blank_ends.push((table.len(), blank_end));
            }
            if let Some(piece) = piece_before.take() {
                if let Some(first) = cells.iter_mut().find(|c| !c.0.is_empty()) {
                    first.0 = format!("{piece} {}", first.0);
                }
            }
            tab_row = separator == '\t' && !cells.is_empty();
            // A line of tabs alone (a browser's copy of cells that hold
            // paragraphs) is not a row.
            if !cells.is_empty() {
                table.push(cells);
            }
            continue;
        }
        tab_row = false;
        if !table.is_empty() {
            let rows = closed_rows(
                std::mem::take(&mut table),
                &std::mem::take(&mut ends),
                std::mem::take(&mut blank_ends),
            );
            blocks.push(Block::Table(rows));
        }
        let line = match pipes {
            true => clean(line.trim_matches(|c| c == '|' || is_space(c))),
            false => clean(line),
        };
        if !line.is_empty() {
            blocks.push(Block::Para(line));
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table(closed_rows(table, &ends, blank_ends)));
    }
    blocks
}

/// A table's rows, the closed rows of pipes and the rows of tabs among
/// them (`closed`, their places) without the empty cells at their ends (a
/// merged cell's: "行政许可 | 288 | | |", "行政许可\t288\t\t"), unless the
/// row with them is exactly as wide as most of these rows that end in text
/// (one width the most common): then its last cells are blanks of their own
/// ("4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | |", its 总计 blank,
/// among rows of a label and seven values; "行政规范性文件\t0\t0\t" among
/// rows of a label and three). The rows of tabs come without them
/// (`blank_ends`: their places and the cells).
fn closed_rows(
    mut rows: Vec<Vec<(String, usize)>>,
    closed: &[usize],
    blank_ends: Vec<(usize, Vec<(String, usize)>)>,
) -> Vec<Vec<(String, usize)>> {
    let ends_empty = |row: &Vec<(String, usize)>| row.last().is_some_and(|c| c.0.is_empty());
    let mut widths: Vec<(usize, usize)> = Vec::new();
    for (r, row) in closed.iter().map(|&r| (r, &rows[r])) {
        if ends_empty(row) || blank_ends.iter().any(|b| b.0 == r) {
            continue;
        }
        match widths.iter_mut().find(|(w, _)| *w == row.len()) {
            Some((_, n)) => *n += 1,
            None => widths.push((row.len(), 1)),
        }
    }
    let most = widths.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let width = only(widths.iter().filter(|w| w.1 == most).map(|w| w.0));
    for &r in closed {
        let row = &mut rows[r];
        if Some(row.len()) != width {
            while ends_empty(row) {
                row.pop();
            }
        }
    }
    for (r, blank) in blank_ends {
        if Some(rows[r].len() + blank.len()) == width {
            rows[r].extend(blank);
        }
    }
    // (A row of empty cells alone is none.)
    rows.retain(|row| !row.is_empty());
    rows
}

/// The number `line` holds alone (digits, maybe a decimal point), if so.
fn lone_number(line: &str) -> Option<&str> {
    let t = line.trim_matches(is_space);
    (!t.is_empty()
        && t.len() <= 12
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().any(|b| b.is_ascii_digit()))
    .then_some(t)
}

/// Whether `line` is a row with tabs whose first cell with text is a number.
fn starts_with_number(line: &str) -> bool {
    line.contains('\t')
        && line
            .split('\t')
            .map(clean)
            .find(|c| !c.is_empty())
            .is_some_and(|c| super::tables::numeric(&c))
}

/// Text with HTML tables in it, as pandoc writes Markdown for tables with
/// merged cells: the text read as text, each table as HTML. `None` when
/// there is no table, a table is not closed, or there is HTML outside the
/// tables (a web page, read as a whole).
pub(super) fn text_with_tables(input: &str) -> Option<Vec<Block>> {
    // ASCII lower case keeps every byte offset.
    let lower = input.to_ascii_lowercase();
    let mut tables: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<table") {
        let start = at + i;
        // The matching </table>, over nested tables.
        let (mut depth, mut j) = (0usize, start + 1);
        let end = loop {
            let close = j + lower[j..].find("</table")?;
            match lower[j..close].find("<table") {
                Some(k) => {
                    depth += 1;
                    j += k + 1;
                }
                None if depth > 0 => {
                    depth -= 1;
                    j = close + 1;
                }
                None => break close + lower[close..].find('>')? + 1,
            }
        };
        tables.push((start, end));
        at = end;
    }
    let outside = |k: usize| {
        let from = if k == 0 { 0 } else { tables[k - 1].1 };
        let to = tables.get(k).map_or(input.len(), |t| t.0);
        from..to
    };
    let html_outside = (0..=tables.len()).any(|k| {
        let text = &lower[outside(k)];
        BLOCK_TAGS
            .iter()
            .chain(&["span", "a", "font", "td", "th"])
            .any(|tag| {
                text.match_indices('<').any(|(i, _)| {
                    let rest = text[i + 1..].trim_start_matches('/');
                    rest.strip_prefix(tag).is_some_and(|r| {
                        r.starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
                    })
                })
            })
    });
    if tables.is_empty() || html_outside {
        return None;
    }
    let mut blocks = Vec::new();
    for (k, &(start, end)) in tables.iter().enumerate() {
        let text = &input[outside(k)];
        blocks.extend(text_blocks(&super::normalize::text_lines(
            text,
            true,
            super::normalize::order(text),
            false,
        )));
        blocks.extend(html_blocks(&input[start..end]).0);
    }
    let text = &input[outside(tables.len())];
    blocks.extend(text_blocks(&super::normalize::text_lines(
        text,
        true,
        super::normalize::order(text),
        false,
    )));
    Some(blocks)
}

/// A page without its end: it starts as a page (`<!doctype`, `<html` or
/// `<body` near its start) but has no closing `</html>` or `</body>` in its
/// last bytes. A fragment (a rich copy, Markdown with HTML in it) is never
/// taken for a cut page.
pub(super) fn is_truncated(html: &str) -> bool {
    let head = head(html);
    if !["<!doctype", "<html", "<body"]
        .iter()
        .any(|t| head.contains(t))
    {
        return false;
    }
    let tail: String = html
        .chars()
        .rev()
        .take(2000)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    !tail.contains("</html") && !tail.contains("</body")
}

/// The start of a text, ASCII in lower case: where a page shows it is one.
fn head(text: &str) -> String {
    text.chars()
        .take(4000)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether a text is a web page or HTML (its start has a page's tags).
pub fn looks_like_html(text: &str) -> bool {
    let head = head(text);
    [
        "<html",
        "<body",
        "<table",
        "<p",
        "<div",
        "<br",
        "<span",
        "<!doctype",
    ]
    .iter()
    .any(|t| head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(block: &Block) -> Vec<Vec<&str>> {
        match block {
            Block::Table(rows) => rows
                .iter()
                .map(|r| r.iter().map(|c| c.0.as_str()).collect())
                .collect(),
            Block::Para(p) => vec![vec![p.as_str()]],
        }
    }

    fn blocks(text: &str) -> Vec<Vec<Vec<String>>> {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        text_blocks(&lines)
            .iter()
            .map(|b| {
                cells(b)
                    .into_iter()
                    .map(|r| r.into_iter().map(str::to_string).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_number_alone_next_to_a_row_with_tabs_is_put_in_the_cell_it_may_be_part_of() {
        // After a row: its last number.
        assert_eq!(
            blocks("甲\t8\t141\n0\n乙\t1\t2"),
            [[vec!["甲", "8", "141 0"], vec!["乙", "1", "2"]]]
        );
        // Before a row that starts with a number: that number.
        assert_eq!(
            blocks("维持\t纠正\n4\n0977\t948"),
            [[vec!["维持", "纠正"], vec!["4 0977", "948"]]]
        );
        // Next to labels only, or apart from the rows by a blank line: a
        // paragraph, as it was.
        let para = |s: &str| vec![vec![s.to_string()]];
        let row = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            blocks("甲\t乙\n5\n丙\t丁"),
            [
                vec![row(&["甲", "乙"])],
                para("5"),
                vec![row(&["丙", "丁"])]
            ]
        );
        assert_eq!(blocks("甲\t8\n\n5"), [vec![row(&["甲", "8"])], para("5")]);
    }
}
