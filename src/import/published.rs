//! Reading a report that was already published: a web page saved from a
//! government website, text or rich text pasted from a browser, a .txt file.
//!
//! The page is turned into blocks (paragraphs and tables, with merged cells
//! spread over a full grid); the six sections are found by their headings
//! (matched loosely: spaces, quotes, brackets and digit widths do not
//! matter); table values are read by their row labels. Nothing is guessed: a
//! value that cannot be read stays blank and is listed as not read, never 0.

use super::html::{tokenize, Token};
use crate::format::{Content, Layout, Table};
use crate::model::text::similarity;
use crate::model::{is_space, Cell, Report};

/// Where a table value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The row label as printed in the source.
    pub row: String,
    /// The cell's text as printed.
    pub text: String,
}

/// What was recognised, for the user to review before anything is created.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognised {
    pub report: Report,
    /// For each cell of the format: where its value came from, or `None` if
    /// it could not be read (the cell is then blank).
    pub sources: Vec<Option<Source>>,
    /// For each section of the format: the heading as found.
    pub sections: Vec<Option<String>>,
    /// The report is in the 2019 trial format (only part of it maps).
    pub format_2019: bool,
    /// What did not map, in Chinese.
    pub notes: Vec<String>,
}

impl Recognised {
    /// Number of cells read, of all input cells (totals included).
    pub fn cells_read(&self) -> usize {
        self.sources.iter().filter(|s| s.is_some()).count()
    }
}

/// A table spread over a full grid: rows of (cell text, id of the source
/// cell); a merged cell appears in every position it covers, with one id.
type Spread = Vec<Vec<(String, usize)>>;

/// One piece of the page.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Para(String),
    Table(Spread),
}

/// Normalises a label for loose matching: no spaces or quotes, half-width
/// digits, letters and brackets.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space(*c) && !"\"'“”‘’「」".contains(*c))
        .map(|c| match c {
            // Full-width forms of ASCII (（）：，．０-９…) to ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Collapses runs of spaces (also &nbsp; and full-width) to one and trims.
fn clean(s: &str) -> String {
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

const BLOCK_TAGS: &[&str] = &[
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
struct RawTable {
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

fn span_of(token: &Token, name: &str) -> usize {
    token
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 100))
}

/// Spreads merged cells over a full grid.
fn grid(rows: Vec<Vec<(String, usize, usize)>>, next_id: &mut usize) -> Spread {
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

fn html_blocks(html: &str) -> (Vec<Block>, Option<String>) {
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
            Token::Start { name, .. } => match name.as_str() {
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
            Token::End { name } => match name.as_str() {
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

/// Plain text: lines with tabs form tables, other lines are paragraphs.
fn text_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<(String, usize)>> = Vec::new();
    let mut next_id = 0;
    for line in text.lines() {
        if line.contains('\t') {
            let mut cells: Vec<(String, usize)> = line
                .split('\t')
                .map(|c| {
                    next_id += 1;
                    (clean(c), next_id)
                })
                .collect();
            while cells.last().is_some_and(|c| c.0.is_empty()) {
                cells.pop();
            }
            table.push(cells);
            continue;
        }
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(&mut table)));
        }
        let line = clean(line);
        if !line.is_empty() {
            blocks.push(Block::Para(line));
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    blocks
}

/// A page without its end: no closing </html> or </body> in its last bytes.
fn is_truncated(html: &str) -> bool {
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

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4000)
        .collect::<String>()
        .to_ascii_lowercase();
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

/// The numeral prefix of a heading: "一、" of "一、总体情况".
fn numeral(heading: &str) -> &str {
    heading.split_once('、').map_or("", |(n, _)| n)
}

/// If `para` is (or starts with) the heading of `section`, the heading as
/// printed and the rest of the paragraph.
fn match_heading(para: &str, heading: &'static str) -> Option<(String, String)> {
    let prefix = format!("{}、", numeral(heading));
    let n = norm(para);
    if !n.starts_with(&prefix) {
        return None;
    }
    let template = norm(heading);
    // The heading alone, possibly misprinted.
    if para.chars().count() <= heading.chars().count() + 8 && similarity(&n, &template) >= 0.6 {
        return Some((para.to_string(), String::new()));
    }
    // The heading followed by text in the same paragraph.
    let chars: Vec<char> = para.chars().collect();
    let len = heading.chars().count();
    for extra in 0..=2 {
        let end = (len + extra).min(chars.len());
        let head: String = chars[..end].iter().collect();
        if norm(&head) == template {
            let rest: String = chars[end..].iter().collect();
            return Some((head, rest.trim_matches(is_space).to_string()));
        }
    }
    None
}

/// A sentence of the preamble, not page furniture or the title.
fn is_preamble(p: &str) -> bool {
    let n = p.chars().count();
    let furniture = p.starts_with("来源") || p.starts_with("当前位置");
    let title = p.contains("年度报告") && n < 60;
    n >= 15 && !furniture && !title
}

/// Page furniture that ends the report.
fn is_footer(para: &str) -> bool {
    [
        "附件下载",
        "扫一扫",
        "关闭窗口",
        "打印本页",
        "【打印】",
        "上一篇",
        "下一篇",
        "相关链接",
        "分享到",
    ]
    .iter()
    .any(|k| para.starts_with(k))
        || para == "关闭"
        || para == "附件"
}

/// Reads agency and year from a title such as
/// "平潭综合实验区2022年度政府信息公开工作年度报告_…".
fn title_meta(title: &str) -> Option<(String, i32)> {
    let at = title.find("政府信息公开")?;
    let before = &title[..at];
    let before = before.trim_end_matches(is_space);
    let before = before
        .strip_suffix("年度")
        .or_else(|| before.strip_suffix('年'))?;
    let before = before.trim_end_matches(is_space);
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.chars().rev().collect::<String>().parse().ok()?;
    let agency = before[..before.len() - 4].trim_matches(is_space);
    let agency = agency
        .rsplit(['>', '|', '：', '_'])
        .next()
        .unwrap_or(agency)
        .trim_matches(is_space);
    Some((agency.to_string(), year))
}

/// Reads a published report from a page or pasted text.
pub fn read(input: &str) -> Result<Recognised, String> {
    let (blocks, title) = if looks_like_html(input) {
        html_blocks(input)
    } else {
        (text_blocks(input), None)
    };
    let format = crate::format::current();
    let (blocks, copies) = first_occurrence(blocks);
    let mut report = Report::empty(format);
    let mut sections: Vec<Option<String>> = vec![None; format.sections.len()];
    // Positions of the headings found, in order.
    let mut at: Vec<Option<usize>> = vec![None; format.sections.len()];
    let mut paras: Vec<Block> = Vec::new();
    for block in blocks {
        let Block::Para(text) = &block else {
            paras.push(block);
            continue;
        };
        let next = at.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
        // Every heading found: the rest is the last section's text.
        let found = format
            .sections
            .get(next..)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .find_map(|(k, s)| match_heading(text, s.heading).map(|m| (next + k, m)));
        match found {
            Some((i, (heading, rest))) if next + 2 > i => {
                at[i] = Some(paras.len());
                sections[i] = Some(heading);
                paras.push(Block::Para(String::new()));
                if !rest.is_empty() {
                    paras.push(Block::Para(rest));
                }
            }
            _ => paras.push(block),
        }
    }
    let found = sections.iter().filter(|s| s.is_some()).count();
    let has_tables = paras.iter().any(|b| matches!(b, Block::Table(_)));
    if looks_like_html(input) && found < format.sections.len() && is_truncated(input) {
        let names: Vec<&str> = format
            .sections
            .iter()
            .zip(&sections)
            .filter(|(_, s)| s.is_some())
            .map(|(d, _)| d.heading)
            .collect();
        return Err(format!(
            "网页不完整（没有结尾，可能下载或保存时被截断）：只找到{}。请重新保存完整的网页后再导入。",
            if names.is_empty() { "少量内容".to_string() } else { format!("“{}”", names.join("”“")) }
        ));
    }
    let not_a_report = || {
        Err("没有识别出政府信息公开工作年度报告：找不到“一、总体情况”等部分标题，也找不到年报表格。请选择已发布的年报网页（.html）或文本（.txt），或复制年报正文后粘贴。".to_string())
    };
    if found < 2 && !has_tables {
        return not_a_report();
    }

    // Title: the page's <title>, else a paragraph naming the report.
    let title_text = title
        .filter(|t| t.contains("年度报告") || t.contains("年报"))
        .or_else(|| {
            paras.iter().find_map(|b| match b {
                Block::Para(p)
                    if p.contains("政府信息公开")
                        && p.contains("年度报告")
                        && p.chars().count() < 80 =>
                {
                    Some(p.clone())
                }
                _ => None,
            })
        });
    if let Some((agency, year)) = title_text.as_deref().and_then(title_meta) {
        report.meta.agency = agency;
        report.meta.year = Some(year);
    }

    // Preamble: the sentences just before 一.
    if let Some(first) = at.iter().flatten().next().copied() {
        let mut pre = Vec::new();
        for block in paras[..first].iter().rev() {
            match block {
                Block::Para(p) if is_preamble(p) => pre.push(p.clone()),
                _ => break,
            }
        }
        pre.reverse();
        report.preamble = pre.join("\n");
    }

    // Texts and tables between the headings.
    let mut tables: Vec<(&'static str, Spread)> = Vec::new();
    for (i, section) in format.sections.iter().enumerate() {
        let Some(start) = at[i] else { continue };
        let end = at[i + 1..]
            .iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(paras.len());
        let mut text = Vec::new();
        for block in &paras[start + 1..end] {
            match block {
                Block::Para(p) if is_footer(p) => break,
                Block::Para(p) if !p.is_empty() => text.push(p.clone()),
                Block::Table(rows) => match section.content {
                    Content::Table(key) => tables.push((key, rows.clone())),
                    Content::Text => {}
                },
                _ => {}
            }
        }
        if section.content == Content::Text {
            report.set_text(section.key, text.join("\n"));
        }
    }
    // Tables outside recognised sections are placed by their content.
    if tables.is_empty() {
        for block in &paras {
            if let Block::Table(rows) = block {
                let all: String = rows.iter().flatten().map(|c| c.0.as_str()).collect();
                let key = if all.contains("第二十条") {
                    "table2"
                } else if all.contains("本年新收") || all.contains("申请人情况") {
                    "table3"
                } else if all.contains("行政复议") {
                    "table4"
                } else {
                    continue;
                };
                tables.push((key, rows.clone()));
            }
        }
    }

    let mut recognised = Recognised {
        sources: vec![None; format.cells().len()],
        report,
        sections: sections.clone(),
        format_2019: false,
        notes: Vec::new(),
    };
    let all_text: String = tables
        .iter()
        .flat_map(|(_, r)| r.iter().flatten())
        .map(|c| c.0.as_str())
        .collect();
    recognised.format_2019 = all_text.contains("本年新制作数量")
        || all_text.contains("第二十条第（九）项")
        || all_text.contains("第二十条第(九)项");
    for table in format.tables {
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
            Layout::SingleRow => read_single_row(table, &rows, &mut recognised),
            Layout::Bands | Layout::Grid => read_by_labels(table, &rows, &mut recognised),
        }
    }
    if recognised.format_2019 {
        if let Some(v) = old_other_row(&tables) {
            recognised.notes.push(format!(
                "2019 年格式的“（六）其他处理”只有一行（总计 {v}），无法拆分为 2021 年格式的三项，这三行未导入"
            ));
        }
    }

    // Headings as printed, where they are not the template's.
    for (i, section) in format.sections.iter().enumerate() {
        match &sections[i] {
            Some(h) if norm(h) != norm(section.heading) => {
                recognised
                    .report
                    .headings
                    .insert(section.key.to_string(), h.clone());
            }
            None if found >= 2 => {
                recognised
                    .report
                    .headings
                    .insert(section.key.to_string(), String::new());
            }
            _ => {}
        }
    }
    if found < 2 && recognised.cells_read() == 0 {
        return not_a_report();
    }
    if copies > 1 {
        recognised.notes.push(format!(
            "页面中年报正文出现了 {copies} 次（例如正文下方另有打印版，或粘贴了两遍）：只读取了第一份完整的正文"
        ));
    }
    let unread = recognised.sources.iter().filter(|s| s.is_none()).count();
    if unread > 0 {
        recognised.notes.push(format!(
            "有 {unread} 个表格单元格未能读取，已留空并将标为“未填”，请对照原文补填"
        ));
    }
    Ok(recognised)
}

/// A page or paste that holds the report more than once (a printable copy
/// below the report, a paste made twice): the blocks of its first complete
/// occurrence, and how many occurrences there are. An occurrence starts at
/// the first section's heading, with the title and preamble just before it;
/// the first one with the most headings and some content is kept (so a
/// table of contents listing the headings is not taken for the report).
fn first_occurrence(blocks: Vec<Block>) -> (Vec<Block>, usize) {
    let format = crate::format::current();
    let first = format.sections[0].heading;
    let starts: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Para(p) if match_heading(p, first).is_some()))
        .map(|(i, _)| i)
        .collect();
    if starts.len() < 2 {
        return (blocks, 1);
    }
    // Cut points: before each later occurrence's title and preamble.
    let mut cuts = vec![0];
    for &start in &starts[1..] {
        let floor = *cuts.last().unwrap_or(&0);
        let title = (floor..start).rev().take(6).find(|&i| {
            matches!(&blocks[i], Block::Para(p)
                if p.contains("政府信息公开") && p.contains("年度报告") && p.chars().count() < 80)
        });
        cuts.push(title.unwrap_or(start).max(floor));
    }
    cuts.push(blocks.len());
    let is_heading = |b: &Block| {
        matches!(b, Block::Para(p)
            if format.sections.iter().any(|s| match_heading(p, s.heading).is_some()))
    };
    // Headings found, or 0 when nothing but headings follows the first one.
    let score = |part: &[Block]| {
        let Some(first) = part.iter().position(is_heading) else {
            return 0;
        };
        if part[first..].iter().all(is_heading) {
            return 0;
        }
        format
            .sections
            .iter()
            .filter(|s| {
                part.iter()
                    .any(|b| matches!(b, Block::Para(p) if match_heading(p, s.heading).is_some()))
            })
            .count()
    };
    let scores: Vec<(usize, usize, usize)> = cuts
        .windows(2)
        .map(|w| (w[0], w[1], score(&blocks[w[0]..w[1]])))
        .collect();
    let best = scores.iter().map(|s| s.2).max().unwrap_or(0);
    let copies = scores.iter().filter(|s| s.2 > 0).count();
    let Some(&(a, b, _)) = scores.iter().find(|s| s.2 == best && best > 0) else {
        return (blocks, 1);
    };
    let out: Vec<Block> = blocks.into_iter().skip(a).take(b - a).collect();
    (out, copies)
}

/// The 2019 format's single （六）其他处理 row, if present: its total.
fn old_other_row(tables: &[(&str, Spread)]) -> Option<String> {
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

fn numeric(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    !s.is_empty()
        && !matches!(
            Cell::parse(s, crate::format::Kind::Amount),
            Cell::Invalid(_)
        )
}

/// Distinct source cells of a row, in order.
fn distinct(row: &[(String, usize)]) -> Vec<&(String, usize)> {
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
fn read_by_labels(table: &Table, rows: &[&Vec<(String, usize)>], out: &mut Recognised) {
    let format = out.report.format;
    for block in table.blocks {
        for row in block.rows {
            let label = norm(row.label);
            // The label alone in a cell; long labels may be cut or continue.
            let found = rows.iter().find_map(|cells| {
                let cells = distinct(cells);
                let pos = cells.iter().position(|c| {
                    let n = norm(&c.0);
                    n == label
                        || (label.chars().count() > 8
                            && (n.starts_with(&label) || (n.len() >= 12 && label.starts_with(&n))))
                })?;
                Some((cells, pos))
            });
            let Some((cells, pos)) = found else { continue };
            let mut values: Vec<&(String, usize)> = cells[pos + 1..].to_vec();
            let n = block.columns.len();
            // Empty cells past the values (a row drawn wider than its values):
            // dropped only while more cells than values remain, so a blank
            // last value is never shifted.
            while values.len() > n && values.last().is_some_and(|c| c.0.is_empty()) {
                values.pop();
            }
            if values.len() < n {
                continue;
            }
            let values = &values[values.len() - n..];
            for (column, (text, _)) in block.columns.iter().zip(values) {
                let i = format
                    .cell_at(table.key, row.key, column.key)
                    .expect("cell of the format");
                let cell = Cell::parse(text, column.kind);
                if !text.is_empty() {
                    out.report.cells[i] = cell;
                    out.sources[i] = Some(Source {
                        row: cells[pos].0.clone(),
                        text: text.clone(),
                    });
                }
            }
        }
    }
}

/// Table 四: the values of its one data row, in order (the row may be split
/// over several printed rows or tables).
fn read_single_row(table: &Table, rows: &[&Vec<(String, usize)>], out: &mut Recognised) {
    let format = out.report.format;
    let block = &table.blocks[0];
    let needed = block.rows.len() * block.columns.len();
    let mut values: Vec<String> = Vec::new();
    for row in rows {
        let cells = distinct(row);
        if cells.len() >= 2
            && cells.iter().all(|c| numeric(&c.0) || c.0.is_empty())
            && cells.iter().any(|c| numeric(&c.0))
        {
            values.extend(cells.iter().map(|c| c.0.clone()));
        }
    }
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

/// Charset of a saved page: from a byte-order mark, else a meta tag in the
/// first bytes, else UTF-8 when the bytes are valid UTF-8, else GB18030 (the
/// superset of GBK and GB2312, common on government sites).
pub fn detect_charset(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return "utf-8";
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return "utf-16le";
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return "utf-16be";
    }
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                (b as char).to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    if let Some(at) = head.find("charset=") {
        let value: String = head[at + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        match value.as_str() {
            "gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936" | "gb_2312-80" => return "gb18030",
            "utf-8" | "utf8" => return "utf-8",
            _ => {}
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        "utf-8"
    } else {
        "gb18030"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_meta("平潭综合实验区2022年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会"),
            Some(("平潭综合实验区".to_string(), 2022))
        );
        assert_eq!(
            title_meta("西工区唐宫街道办事处 2023 年政府信息公开工作年度报告"),
            Some(("西工区唐宫街道办事处".to_string(), 2023))
        );
        assert_eq!(title_meta("政府信息公开"), None);
    }

    #[test]
    fn headings_match_loosely() {
        assert!(match_heading("一、总体情况", "一、总体情况").is_some());
        assert!(match_heading("一、 总体情况", "一、总体情况").is_some());
        assert_eq!(
            match_heading(
                "四、政府信息公开行政法复议、行政诉讼情况",
                "四、政府信息公开行政复议、行政诉讼情况"
            )
            .map(|m| m.0),
            Some("四、政府信息公开行政法复议、行政诉讼情况".to_string())
        );
        assert_eq!(
            match_heading("一、总体情况2021年，我区……", "一、总体情况"),
            Some(("一、总体情况".to_string(), "2021年，我区……".to_string()))
        );
        assert!(match_heading("一、本年新收政府信息公开申请数量", "一、总体情况").is_none());
    }

    #[test]
    fn charsets() {
        assert_eq!(detect_charset(b"<meta charset=\"gb2312\"><p>"), "gb18030");
        assert_eq!(
            detect_charset(b"<meta http-equiv=Content-Type content='text/html; charset=GBK'>"),
            "gb18030"
        );
        assert_eq!(detect_charset("<p>中文</p>".as_bytes()), "utf-8");
        assert_eq!(detect_charset(b"<p>\xD6\xD0\xCE\xC4</p>"), "gb18030");
        assert_eq!(detect_charset(b"\xEF\xBB\xBF<p>"), "utf-8");
    }
}
