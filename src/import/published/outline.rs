//! Stage 2: the report's outline in the blocks: the six section headings
//! (matched loosely), the title (agency and year), the preamble, and which
//! occurrence of the report to read when a page holds it more than once.
//!
//! Not for: table values (see [`super::tables`]).

use super::normalize::{CELL_EDGE, TABLE_START};
use super::{norm, Block, Spread};
use crate::format::{Content, Section};
use crate::model::text::similarity;
use crate::model::{is_space, Report};

/// The tables found, for [`super::tables::read_all`].
pub(super) struct Tables {
    /// Tables with a grid, by the format table each belongs to.
    pub grids: Vec<(&'static str, Spread)>,
    /// The paragraphs of each table's section (with its table rows, each
    /// a line, where they count as words: see
    /// [`Outline::texts_and_tables`]).
    pub words: Vec<(&'static str, Vec<String>)>,
    /// The words hold table rows (Markdown).
    pub rows_as_words: bool,
    /// The grids are a converter's guess at a page's layout (see
    /// [`super::normalize::pipes_from_layout`]): a row is read only when
    /// its sums hold.
    pub guessed: bool,
}

/// The blocks with the section headings found among them.
pub(super) struct Outline {
    /// For each section of the format: the heading as printed, if found.
    pub sections: Vec<Option<String>>,
    /// For each section: the position of its (emptied) heading in `paras`.
    at: Vec<Option<usize>>,
    /// The blocks, each heading replaced by an empty paragraph.
    paras: Vec<Block>,
}

/// The most lines after a heading's first it may be split over (see
/// [`Outline::find`]): a heading spaced out to the page's width may come a
/// character a line ("5" / "、" / "其" / "他" / … / "事项").
const JOINED_LINES: usize = 24;

impl Outline {
    /// Finds the headings in order (a heading may be skipped, never two).
    pub fn find(blocks: Vec<Block>) -> Outline {
        let format = crate::format::current();
        let blocks = numbers_apart_from_headings(blocks, format.sections);
        let mut sections: Vec<Option<String>> = vec![None; format.sections.len()];
        let mut at: Vec<Option<usize>> = vec![None; format.sections.len()];
        let mut paras: Vec<Block> = Vec::new();
        // The table each block names, and whether it is a sentence (once
        // each): a table section starts with its table's header, before
        // any sentence (in PDF text a header's cells may be a dozen lines,
        // a word or two each).
        let named: Vec<Option<&'static str>> = blocks.iter().map(names_table).collect();
        let sentence: Vec<bool> = (blocks.iter())
            .map(|b| matches!(b, Block::Para(p) if p.contains('。') || p.chars().count() > 60))
            .collect();
        let total = blocks.len();
        // Each heading's number and words (once: a heading split over lines
        // is looked for at every paragraph).
        let heading_number_and_words: Vec<Option<(usize, String)>> = (format.sections.iter())
            .map(|s| number_and_words(s.heading))
            .collect();
        let table_ahead = |j: usize, key: &str| {
            (j + 1..(j + 17).min(total))
                .take_while(|&k| !sentence[k])
                .any(|k| named[k] == Some(key))
        };
        // Whether a heading found has a number.
        let mut numbered_found = false;
        let mut blocks: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
        let para = |blocks: &[Option<Block>], k: usize| match blocks.get(k) {
            Some(Some(Block::Para(p))) => Some(p.clone()),
            _ => None,
        };
        let mut j = 0;
        while j < total {
            let here = j;
            let block = blocks[j].take().expect("each block taken once");
            let Block::Para(text) = &block else {
                j += 1;
                paras.push(block);
                continue;
            };
            let next = at.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
            let candidates = format.sections.get(next..).unwrap_or_default();
            // A heading numbered 1、 or （一） only where the last found is
            // numbered so, or another before it (numbering mixed: "1、" "2、"
            // "3、" "四、" "5、" "6、"): after headings numbered 一、二、…,
            // "2.主动公开政府信息情况" or "（二）…" is a part of a section, not
            // a heading.
            let style = |h: &str| {
                let this = numbering(h);
                let found = || sections.iter().flatten().map(|h| numbering(h));
                this == Some(Numbering::Chinese)
                    || found()
                        .next_back()
                        .flatten()
                        .is_none_or(|last| this == Some(last))
                    || (this.is_some() && found().any(|n| n == this))
            };
            // One numbered one off: see [`slipped`] and [`shifted`]. (After
            // the last numbered: one between may have lost its number.)
            let last = (sections.iter().flatten())
                .rfind(|h| numbering(h).is_some())
                .map(String::as_str);
            let slip = |t: &str, k: usize, s: &Section| {
                let header = || match s.content {
                    Content::Table(key) => table_ahead(here, key),
                    Content::Text => false,
                };
                slipped(t, s.heading) || (k == 0 && shifted(t, s, last, header))
            };
            // A heading printed without its number ("总体情况"): its words
            // alone (where a heading found so far has a number, only as
            // `bare_next` allows).
            let bare = |p: &str| candidates.iter().position(|s| unnumbered(p, s.heading));
            let none_numbered = || !numbered_found;
            // Among numbered headings, the next one's words alone are it
            // (its number left out by a slip) unless the heading numbered
            // comes later: then they are a part of this section.
            let bare_next = |blocks: &[Option<Block>], p: &str| {
                bare(p).filter(|&k| {
                    none_numbered()
                        || (k == 0
                            && !(here + 1..total).any(|i| {
                                para(blocks, i)
                                    .is_some_and(|p| heading_among(&p, &candidates[..1]).is_some())
                            }))
                })
            };
            // A heading split over two lines by a paste: "六、其他需要报告的" +
            // "事项" is the heading when together they are its words exactly
            // (its number written another way, another Chinese numeral, or
            // none); or over more, each short (a heading spaced out to the
            // page's width, its pieces a line each in a PDF's text: "5." /
            // "其" / "他" / "需" / "要报告的事项"; no heading is longer than 40
            // characters).
            let mut both = text.clone();
            let mut joined = None;
            for more in 1..=JOINED_LINES {
                let Some(piece) = para(&blocks, j + more).filter(|p| p.chars().count() < 20) else {
                    break;
                };
                both.push_str(&piece);
                if both.chars().count() > 40 {
                    break;
                }
                // Only headings that may come next (the guard below).
                let numbered = || {
                    // (Cheap test first: a number is one to five characters,
                    // "一" to "(10)、".)
                    let len = normed_len(&both);
                    let near = |k: usize| {
                        (heading_number_and_words
                            .get(next + k)
                            .and_then(Option::as_ref))
                        .is_some_and(|(_, w)| {
                            (1..=5).contains(&len.wrapping_sub(w.chars().count()))
                                && ends_alike(&both, w)
                        })
                    };
                    let words = (0..2).any(near).then(|| number_and_words(&both)).flatten();
                    candidates.iter().take(2).enumerate().position(|(k, s)| {
                        let same = words.is_some() && words == heading_number_and_words[next + k];
                        (same || slip(&both, k, s)) && style(&both)
                    })
                };
                let k = if may_be_numbered(text) {
                    numbered()
                } else {
                    bare_next(&blocks, &both)
                };
                if let Some(k) = k {
                    joined = Some((next + k, (both.clone(), String::new())));
                    for taken in &mut blocks[j + 1..=j + more] {
                        *taken = None;
                    }
                    j += more;
                    break;
                }
            }
            // Every heading found: the rest is the last section's text.
            let found = joined
                .or_else(|| {
                    heading_among(text, candidates)
                        .map(|(k, m)| (next + k, m))
                        .filter(|_| style(text))
                })
                .or_else(|| {
                    candidates
                        .iter()
                        .take(2)
                        .enumerate()
                        .position(|(k, s)| slip(text, k, s) && style(text))
                        .map(|k| (next + k, (text.clone(), String::new())))
                })
                .or_else(|| {
                    // Unnumbered, not followed by another (a list of the
                    // sections, a table of contents); among numbered ones,
                    // only the next (its number left out by a slip).
                    let k = bare_next(&blocks, text)?;
                    let listed = para(&blocks, j + 1).is_some_and(|p| bare(&p).is_some());
                    (!listed).then(|| (next + k, (text.clone(), String::new())))
                });
            match found {
                Some((i, (heading, rest))) if next + 2 > i => {
                    at[i] = Some(paras.len());
                    numbered_found |= numbering(&heading).is_some();
                    sections[i] = Some(heading);
                    paras.push(Block::Para(String::new()));
                    if !rest.is_empty() {
                        paras.push(Block::Para(rest));
                    }
                }
                _ => paras.push(block),
            }
            j += 1;
        }
        Outline {
            sections,
            at,
            paras,
        }
    }

    /// Number of headings found.
    pub fn found(&self) -> usize {
        self.sections.iter().filter(|s| s.is_some()).count()
    }

    pub fn has_tables(&self) -> bool {
        self.paras.iter().any(|b| matches!(b, Block::Table(_)))
    }

    /// The message for a page cut short, naming what was found.
    pub fn truncated_message(&self) -> String {
        let names: Vec<&str> = crate::format::current()
            .sections
            .iter()
            .zip(&self.sections)
            .filter(|(_, s)| s.is_some())
            .map(|(d, _)| d.heading)
            .collect();
        format!(
            "网页不完整（没有结尾，可能下载或保存时被截断）：只找到{}。请重新保存完整的网页后再导入。",
            if names.is_empty() { "少量内容".to_string() } else { format!("“{}”", names.join("”“")) }
        )
    }

    /// Agency and year from the page's title (else a paragraph naming the
    /// report), and the preamble: the sentences just before 一.
    pub fn title_and_preamble(&self, title: Option<String>, report: &mut Report) {
        let title_text = title
            .filter(|t| t.contains("年度报告") || t.contains("年报"))
            .or_else(|| {
                self.paras.iter().find_map(|b| match b {
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
        if let Some(first) = self.at.iter().flatten().next().copied() {
            let mut pre = Vec::new();
            for block in self.paras[..first].iter().rev() {
                match block {
                    Block::Para(p) if is_preamble(p) => pre.push(p.clone()),
                    _ => break,
                }
            }
            pre.reverse();
            report.preamble = pre.join("\n");
        }
    }

    /// The texts between the headings into `report`; the tables, by the
    /// table each belongs to (by its section, else by its content), and the
    /// paragraphs of each table's section (its words when it has no grid).
    /// With `rows_as_words` (Markdown, whose pipe tables a converter made
    /// from a PDF may hold a row's label in paragraphs around its values,
    /// and two cells' numbers in one: "| 71 3 | 0 0 |"), the rows of a
    /// table section's tables are among its words too, each row a line, in
    /// their place, for the cells its grid does not read. So they are with
    /// `plain` (a text without HTML: its lines with tabs are its grids'
    /// rows, and a browser's copy of cells that hold paragraphs puts a
    /// row's label on such a line, "行政规范性文件\t", its values on lines of
    /// their own), but not held to their lines.
    pub fn texts_and_tables(
        &self,
        report: &mut Report,
        (rows_as_words, plain): (bool, bool),
        guessed: bool,
    ) -> Tables {
        let format = crate::format::current();
        let mut tables: Vec<(&'static str, Spread)> = Vec::new();
        let mut words: Vec<(&'static str, Vec<String>)> = Vec::new();
        let mut add_words =
            |key: &'static str, line: String| match words.iter_mut().find(|w| w.0 == key) {
                Some(w) => w.1.push(line),
                None => words.push((key, vec![line])),
            };
        for (i, section) in format.sections.iter().enumerate() {
            let Some(start) = self.at[i] else { continue };
            let next = (i + 1..format.sections.len()).find(|&j| self.at[j].is_some());
            let end = next.and_then(|j| self.at[j]).unwrap_or(self.paras.len());
            // Its own table, and those of the sections after it whose
            // headings were not found (their text is in this one's).
            let own = match section.content {
                Content::Table(key) => Some(key),
                Content::Text => None,
            };
            let missing: Vec<&'static str> = format.sections
                [i + 1..next.unwrap_or(format.sections.len())]
                .iter()
                .filter_map(|s| match s.content {
                    Content::Table(key) => Some(key),
                    Content::Text => None,
                })
                .collect();
            let mut text = Vec::new();
            for block in &self.paras[start + 1..end] {
                match block {
                    Block::Para(p) if is_footer(p) => break,
                    Block::Para(p) if !p.is_empty() => {
                        for &key in own.iter().chain(&missing) {
                            add_words(key, p.clone());
                        }
                        text.push(p.clone())
                    }
                    Block::Table(rows) => {
                        // A table whose words say which it is: that one,
                        // if its section's or a missing section's.
                        let said =
                            table_named(rows).filter(|k| own == Some(*k) || missing.contains(k));
                        let Some(key) = said.or(own) else { continue };
                        if rows_as_words || plain {
                            for (r, row) in rows.iter().enumerate() {
                                add_words(key, row_as_words(r == 0, row));
                            }
                        }
                        tables.push((key, rows.clone()))
                    }
                    _ => {}
                }
            }
            if section.content == Content::Text {
                if plain {
                    text = without_table_debris(text);
                }
                report.set_text(section.key, text.join("\n"));
            }
        }
        if tables.is_empty() {
            for block in &self.paras {
                if let Block::Table(rows) = block {
                    if let Some(key) = table_named(rows) {
                        tables.push((key, rows.clone()));
                    }
                }
            }
        }
        Tables {
            grids: tables,
            words,
            rows_as_words,
            guessed,
        }
    }

    /// Headings as printed where they are not the template's ("" = missing),
    /// for the SECTIONS check.
    pub fn note_headings(&self, report: &mut Report) {
        let format = crate::format::current();
        let found = self.found();
        for (i, section) in format.sections.iter().enumerate() {
            match &self.sections[i] {
                Some(h) if norm(h) != norm(section.heading) => {
                    report.headings.insert(section.key.to_string(), h.clone());
                }
                None if found >= 2 => {
                    report
                        .headings
                        .insert(section.key.to_string(), String::new());
                }
                _ => {}
            }
        }
    }
}

/// The numeral prefix of a heading: "一、" of "一、总体情况".
pub(super) fn numeral(heading: &str) -> &str {
    heading.split_once('、').map_or("", |(n, _)| n)
}

/// A table's row as a line of its words: each cell's text after a
/// [`CELL_EDGE`], three spaces between (cells' words never run together),
/// the table's `first` row after a [`TABLE_START`].
fn row_as_words(first: bool, row: &[(String, usize)]) -> String {
    let cells: Vec<String> = row.iter().map(|c| format!("{CELL_EDGE}{}", c.0)).collect();
    let line = cells.join("   ");
    match first {
        true => format!("{TABLE_START}{line}"),
        false => line,
    }
}

/// The table a grid's words name: 第二十条 table 二, 本年新收 or 申请人情况
/// table 三, 行政复议 or 未经复议 table 四 (markitdown's Markdown of a PDF
/// puts the header cell 行政复议's two lines in paragraphs of their own, its
/// grid starting at a row with 未经复议).
fn table_named(rows: &Spread) -> Option<&'static str> {
    let all: String = rows.iter().flatten().map(|c| c.0.as_str()).collect();
    if all.contains("第二十条") {
        Some("table2")
    } else if all.contains("本年新收") || all.contains("申请人情况") {
        Some("table3")
    } else if all.contains("行政复议") || all.contains("未经复议") {
        Some("table4")
    } else {
        None
    }
}

/// The table a block's words name, as a table's header does: a grid's
/// (see [`table_named`]), or a line's: "第二十条第（一）项" table 二, 本年新收
/// or 申请人情况 table 三, 未经复议直接起诉, 复议后起诉 or the header cell 行政复议
/// table 四 (not 行政复议 in a sentence, as a section's text names it).
fn names_table(block: &Block) -> Option<&'static str> {
    match block {
        Block::Table(rows) => table_named(rows),
        Block::Para(p) => {
            let n = norm(p);
            if n.contains("第二十条第(") {
                Some("table2")
            } else if n.contains("本年新收") || n.contains("申请人情况") {
                Some("table3")
            } else if n.contains("未经复议")
                || n.contains("复议后起诉")
                || n == "行政复议"
                || n.starts_with("行政复议行政诉讼")
            {
                Some("table4")
            } else {
                None
            }
        }
    }
}

/// How a heading's number is written: 一、 一. 一 (Chinese), 1、 1.
/// (Arabic), （一） （1） (bracketed, as most reports number a section's
/// parts).
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Numbering {
    Chinese,
    Arabic,
    Bracketed,
}

/// A heading's number, its words (normalised) and how the number is
/// written: "一、总体情况", also "一.总体情况", "一 总体情况" (spaces gone once
/// normalised), "1、", "1.", "（一）", "（1）" → (1, "总体情况", …).
fn numbered(n: &str) -> Option<(usize, &str, Numbering)> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let value = |number: &str| -> Option<usize> {
        let mut chars = number.chars();
        match (chars.next()?, chars.next()) {
            // (Not "05": a table's last 0 run into a heading's 5.)
            (d, _) if d.is_ascii_digit() && d != '0' && number.len() <= 2 => number.parse().ok(),
            (c, None) => Some(NUMERALS.chars().position(|x| x == c)? + 1),
            _ => None,
        }
    };
    let (number, rest, numbering) = match n.strip_prefix('(') {
        Some(inner) => {
            let (number, rest) = inner.split_once(')')?;
            (
                value(number)?,
                rest.strip_prefix('、').unwrap_or(rest),
                Numbering::Bracketed,
            )
        }
        None => {
            let end = n.find(|c: char| !(c.is_ascii_digit() || NUMERALS.contains(c)))?;
            let (number, rest) = n.split_at(end);
            let arabic = number.starts_with(|c: char| c.is_ascii_digit());
            let rest = match rest.strip_prefix(['、', '.']) {
                Some(rest) => rest,
                None if !arabic => rest,
                None => return None,
            };
            let numbering = if arabic {
                Numbering::Arabic
            } else {
                Numbering::Chinese
            };
            (value(number)?, rest, numbering)
        }
    };
    (!rest.is_empty()).then_some((number, rest, numbering))
}

/// Whether `text` may start with a heading's number ([`numbered`] of it
/// normalised is not ruled out): a cheap test without an allocation, for
/// every paragraph.
fn may_be_numbered(text: &str) -> bool {
    let first = text.chars().find(|&c| !is_space(c) && !super::is_quote(c));
    first.is_some_and(|c| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(c, '(' | '（')
            || "一二三四五六七八九十".contains(c)
    })
}

/// How a printed heading's number is written, if it has one.
pub(super) fn numbering(printed: &str) -> Option<Numbering> {
    numbered(&norm(printed)).map(|(_, _, numbering)| numbering)
}

/// If `para` is (or starts with) `heading` (a section's of the current
/// format), the heading as printed and the rest of the paragraph. Its number may be written
/// another way (see [`numbered`]).
pub(super) fn match_heading(para: &str, heading: &'static str) -> Option<(String, String)> {
    let sections = crate::format::current().sections;
    let i = sections.iter().position(|s| s.heading == heading)?;
    heading_among(para, &sections[i..=i]).map(|(_, found)| found)
}

/// A paragraph that is a number run into a heading after it, the heading's
/// number not in digits ("31874（五）存在的主要问题及改进情况": a PDF viewer's
/// copy of a table's last cell and the heading under the table, one line):
/// the number a paragraph, the heading another, its number the format's or
/// another. So is a table's last line of numbers ending in such a number
/// and heading ("… 0 6 7 7四、政府信息公开行政复议、行政诉讼情况", the
/// viewer's copy of rows that fill their lines run together): the line up
/// to the number a paragraph, the heading another; so is a heading without
/// a number, its words whole ("0 507 1 0 存在的主要问题及改进情况": a report
/// whose headings have none). A heading numbered in
/// digits has one (the format has six sections): "85.其他需要报告的事项" is
/// 8 and 5.其他需要报告的事项; the table's sums check the number.
fn numbers_apart_from_headings(blocks: Vec<Block>, sections: &[Section]) -> Vec<Block> {
    let longest = sections.iter().map(|s| s.heading.len()).max().unwrap_or(0);
    // The heading alone: the format's, or its words numbered otherwise
    // (one off: "60（四）存在的主要问题及改进情况" for 五). Numbered as
    // `numbered` reads a number, not normalize::section_heading's any
    // numbering or none: "5、存在的…" is a heading numbered 5, not 5 run
    // into a heading.
    let heading = |rest: &str| {
        heading_among(rest, sections).is_some_and(|(_, (_, after))| after.is_empty())
            || numbered(&norm(rest))
                .is_some_and(|(_, w, _)| sections.iter().any(|s| heading_words(s.heading) == w))
            || sections.iter().any(|s| unnumbered(rest, s.heading))
    };
    // Where in `p` the heading a number (at its start, or after a space and
    // a number) is run into, ending it, starts.
    let parted = |p: &str| -> Option<usize> {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        // (Only the paragraph's last characters, as many as a heading's
        // twice: every paragraph comes here.)
        let tail = p.len().saturating_sub(longest * 2);
        let tail = (tail..p.len())
            .find(|&i| p.is_char_boundary(i))
            .unwrap_or(p.len());
        let starts = std::iter::once(0).chain(
            (p[tail..].char_indices())
                .filter(|&(_, c)| is_space(c))
                .map(|(i, c)| tail + i + c.len_utf8()),
        );
        starts.filter(|&at| at < p.len()).find_map(|at| {
            let before = p[..at].trim_end_matches(is_space);
            if at > 0 && !before.ends_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let words = p[at..].trim_start_matches(is_space);
            let rest = words.trim_start_matches(|c: char| c.is_ascii_digit() || is_space(c));
            let from = p.len() - rest.len();
            let number = p[at..from].trim_matches(is_space);
            let apart = |number: &str, rest: &str| {
                !number.is_empty()
                    && !rest.is_empty()
                    && (at == 0 || !number.contains(is_space))
                    && heading(rest)
            };
            if !rest.starts_with(digit) && apart(number, rest) {
                return Some(from);
            }
            // A heading numbered in digits: its number the last digit,
            // 1 to 7 (six sections, one may be numbered one off), the
            // value the digits before it, as a count is written ("54、存在
            // 的主要问题及改进情况" for 5 and 4、…, "04、…" for 0 and 4、…;
            // not "4、…" alone, nor "004、…").
            let (value, ordinal) = number.split_at(number.len().saturating_sub(1));
            let count = |v: &str| {
                !v.is_empty()
                    && v.bytes().all(|b| b.is_ascii_digit())
                    && (v == "0" || !v.starts_with('0'))
            };
            (matches!(ordinal, "1" | "2" | "3" | "4" | "5" | "6" | "7")
                && count(value)
                && rest.starts_with(['、', '.', '．'])
                && p[..from].ends_with(|c: char| c.is_ascii_digit())
                && apart(value, &p[from - 1..]))
            .then(|| from - 1)
        })
    };
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Para(p) = &block else {
            out.push(block);
            continue;
        };
        match parted(p) {
            Some(from) => {
                out.push(Block::Para(p[..from].trim_matches(is_space).to_string()));
                out.push(Block::Para(p[from..].to_string()));
            }
            None => out.push(block),
        }
    }
    out
}

/// The first of `sections`' headings that `para` is (or starts with), as
/// [`match_heading`]: its index, the heading as printed and the rest of the
/// paragraph. The paragraph is normalised once for all of them.
pub(super) fn heading_among(para: &str, sections: &[Section]) -> Option<(usize, (String, String))> {
    let headings = sections.iter().map(|s| s.heading);
    // Most paragraphs do not start with a number (a table's lines of
    // numbers, "2022年…": no number and 、 or . after it): no allocation
    // for them.
    let start = para.trim_start_matches(is_space);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let numbered_so = match start.chars().next() {
        Some(c) if c == '(' || c == '（' => true,
        Some(c) if digit(c) => start
            .trim_start_matches(digit)
            .trim_start_matches(is_space)
            .starts_with(['、', '.', '．']),
        Some(c) => headings.clone().any(|h| numeral(h).starts_with(c)),
        None => false,
    };
    if !numbered_so {
        return None;
    }
    let n = norm(para);
    let (number, words, _) = numbered(&n)?;
    headings.enumerate().find_map(|(k, heading)| {
        if numeral(heading).is_empty() {
            return None;
        }
        let template = norm(heading);
        let (want, want_words, _) = numbered(&template)?;
        if number != want {
            return None;
        }
        // The heading alone, possibly misprinted.
        let as_template = format!("{}、{words}", numeral(heading));
        if para.chars().count() <= heading.chars().count() + 8
            && similarity(&as_template, &template) >= 0.6
        {
            return Some((k, (para.to_string(), String::new())));
        }
        // The heading followed by text in the same paragraph.
        let whole = format!("{}{want_words}", &n[..n.len() - words.len()]);
        let chars: Vec<char> = para.chars().collect();
        let len = whole.chars().count();
        (0..=3).find_map(|extra| {
            let end = (len + extra).min(chars.len());
            let head: String = chars[..end].iter().collect();
            (norm(&head) == whole).then(|| {
                let rest: String = chars[end..].iter().collect();
                (k, (head, rest.trim_matches(is_space).to_string()))
            })
        })
    })
}

/// Whether `para` is `heading`'s words alone, without its number
/// ("总体情况" for "一、总体情况").
fn unnumbered(para: &str, heading: &str) -> bool {
    // Cheap test first: this runs for every paragraph that is no heading
    // (the words are the heading's characters after its numeral and 、;
    // quotes, which norm drops, may add two).
    let words = heading.chars().count() - numeral(heading).chars().count() - 1;
    (words..=words + 2).contains(&printed_len(para)) && norm(para) == heading_words(heading)
}

/// A format's heading's words, after its numeral (normalised): "总体情况"
/// for "一、总体情况".
pub(super) fn heading_words(heading: &str) -> String {
    norm(heading.split_once('、').map_or(heading, |(_, words)| words))
}

/// A paragraph's number and words, normalised (see [`numbered`]): a
/// paragraph is a heading with its number written another way when the two
/// are the heading's.
fn number_and_words(para: &str) -> Option<(usize, String)> {
    numbered(&norm(para)).map(|(k, w, _)| (k, w.to_string()))
}

/// A heading numbered one off the format's ("三、政府信息公开行政复议、行政
/// 诉讼情况" where a section was folded in; not "14、…", a table's last
/// value run into "4、…"): the same words after another Chinese numeral.
/// Not in Arabic numerals or brackets, which number a section's parts
/// too: "1.主动公开政府信息情况" in 一 numbered 1、, "（一）主动公开政府信息情况"
/// in 一 numbered （一） would be taken for 二 folded in.
pub(super) fn slipped(para: &str, heading: &'static str) -> bool {
    // Cheap tests first: this runs for every paragraph that is no heading.
    let numeral_first = para
        .trim_start_matches(is_space)
        .starts_with(|c: char| "一二三四五六七八九十".contains(c));
    numeral_first
        && ends_alike(para, heading)
        && printed_len(para) <= heading.chars().count() + 2
        && numbered(&norm(para)).is_some_and(|(k, w, numbering)| {
            numbering == Numbering::Chinese
                && numbered(&norm(heading))
                    .is_some_and(|(want, h, _)| h == w && k.abs_diff(want) == 1)
        })
}

/// A heading numbered one less than the format's in Arabic numerals or
/// brackets, right after the section before and numbered as the heading
/// found `last` or one more: "（四）存在的主要问题及改进情况" after "（四）政府信息
/// 公开行政复议、行政诉讼情况", "（五）其他需要报告的事项" after it. A table's
/// section only with its table's header right after it (`table_ahead()`):
/// a part of the section before may have its words ("1.主动公开政府信息情况"
/// in 一 numbered 1.), not its table.
fn shifted(
    para: &str,
    section: &Section,
    last: Option<&str>,
    table_ahead: impl Fn() -> bool,
) -> bool {
    // Cheap tests first: this runs for every paragraph that is no heading.
    if !may_be_numbered(para)
        || !ends_alike(para, section.heading)
        || printed_len(para) > section.heading.chars().count() + 4
        || (section.content != Content::Text && !table_ahead())
    {
        return false;
    }
    let (last, this, heading) = (
        norm(last.unwrap_or_default()),
        norm(para),
        norm(section.heading),
    );
    let (Some(last), Some(this), Some(heading)) =
        (numbered(&last), numbered(&this), numbered(&heading))
    else {
        return false;
    };
    this.2 != Numbering::Chinese
        && this.2 == last.2
        && this.1 == heading.1
        && this.0 + 1 == heading.0
        && (this.0 == last.0 || this.0 == last.0 + 1)
}

/// The length of `para` normalised ([`norm`]), without making it.
fn normed_len(para: &str) -> usize {
    para.chars()
        .filter(|&c| !is_space(c) && !super::is_quote(c))
        .count()
}

/// Whether two texts end in the same character once normalised ([`norm`]):
/// a cheap test before comparing their words.
fn ends_alike(a: &str, b: &str) -> bool {
    let last = |t: &str| {
        (t.chars().rev())
            .find(|&c| !is_space(c) && !super::is_quote(c))
            .map(super::norm_char)
    };
    last(a) == last(b)
}

/// A paragraph's length without its spaces (PDF text may space a heading's
/// characters: "5. 其 他 需 要 报 告 的").
fn printed_len(para: &str) -> usize {
    para.chars().filter(|&c| !is_space(c)).count()
}

/// Notes on headings numbered otherwise than the format's, or with their
/// number written another way ("一.总体情况", "1、总体情况").
pub(super) fn slips(sections: &[Option<String>]) -> Vec<String> {
    crate::format::current()
        .sections
        .iter()
        .zip(sections)
        .filter_map(|(s, printed)| {
            let printed = printed.as_deref()?;
            let (n, template) = (norm(printed), norm(s.heading));
            let number = |h: &str| numbered(h).map(|(k, w, _)| (k, h.len() - w.len()));
            let (want, want_at) = number(&template)?;
            let Some((k, at)) = number(&n) else {
                return Some(format!(
                    "部分标题「{printed}」没有编号，按「{}」读取",
                    s.heading
                ));
            };
            if k != want {
                Some(format!(
                    "部分标题「{printed}」编号与格式不符，按「{}」读取",
                    s.heading
                ))
            } else if n[..at] != template[..want_at] {
                Some(format!(
                    "部分标题「{printed}」编号写法与格式不同，按「{}」读取",
                    s.heading
                ))
            } else {
                None
            }
        })
        .collect()
}

/// A text section's paragraphs without the pieces of a table among them:
/// plain pdftotext cuts a table into blocks by its layout analysis and may
/// set some after the next section's heading ("结果 其他 尚未" / "总计" /
/// "纠正 结果 审结" / "321" / "0" …). Runs of two or more paragraphs that
/// hold only numbers and words of the format's column headings, one such
/// word at least; a paragraph alone (a "无" or a year) stays.
fn without_table_debris(paras: Vec<String>) -> Vec<String> {
    static HEADINGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let headings = HEADINGS.get_or_init(|| {
        crate::format::current()
            .tables
            .iter()
            .flat_map(|t| t.blocks)
            .flat_map(|b| b.columns)
            .flat_map(|c| std::iter::once(c.label).chain(c.groups.iter().copied()))
            .map(norm)
            .collect()
    });
    // A paragraph's words all numbers or pieces of a column heading: whether
    // one is such a piece.
    let debris = |p: &str| -> Option<bool> {
        let mut heading = false;
        for word in p.split(is_space).filter(|w| !w.is_empty()) {
            if word.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let word = norm(word);
            if word.chars().count() < 2 || !headings.iter().any(|h| h.contains(&word)) {
                return None;
            }
            heading = true;
        }
        Some(heading)
    };
    let flags: Vec<Option<bool>> = paras.iter().map(|p| debris(p)).collect();
    let mut keep = vec![true; paras.len()];
    let mut i = 0;
    while i < paras.len() {
        let end = (i..paras.len())
            .find(|&j| flags[j].is_none())
            .unwrap_or(paras.len());
        if end - i >= 2 && flags[i..end].contains(&Some(true)) {
            keep[i..end].fill(false);
        }
        i = end + 1;
    }
    paras
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

/// A sentence of the preamble, not page furniture or the title.
pub(super) fn is_preamble(p: &str) -> bool {
    let n = p.chars().count();
    let furniture = p.starts_with("来源") || p.starts_with("当前位置");
    let title = p.contains("年度报告") && n < 60;
    n >= 15 && !furniture && !title
}

/// Page furniture that ends the report.
pub(super) fn is_footer(para: &str) -> bool {
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
pub(super) fn title_meta(title: &str) -> Option<(String, i32)> {
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

/// The report without its table of contents: a run of paragraphs listing
/// three or more section headings, each alone but for the page number it
/// ends in (after a tab, spaces or leader dots) or that stands on the next
/// line, lower entries with their page numbers between them, and the 目录
/// line before it. Word writes one after the title; taken for a first copy
/// of the report (its headings, and the preamble after them), it left the
/// report's sections and tables unread. Plain pdftotext may set the page
/// numbers of some entries apart, after the entries, and the report's own
/// first heading among them: headings and lower entries ("（一）…") alone
/// count as entries when the run holds as many page numbers as headings,
/// and a heading the run already listed is the report's own and kept.
pub(super) fn without_contents(blocks: Vec<Block>) -> Vec<Block> {
    let format = crate::format::current();
    let para = |k: usize| match blocks.get(k) {
        Some(Block::Para(p)) if p.chars().count() <= 60 => Some(p.trim_matches(is_space)),
        _ => None,
    };
    let page_number = |k: usize| {
        para(k).is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    // An entry at `k`: its text before its page number, and its paragraphs.
    let entry = |k: usize| -> Option<(String, usize)> {
        let t = para(k)?;
        let before = t.trim_end_matches(|c: char| c.is_ascii_digit());
        let text = before.trim_end_matches(|c: char| is_space(c) || ".…⋯·．-—_".contains(c));
        if text.is_empty() {
            return None;
        }
        if (1..=3).contains(&(t.len() - before.len())) {
            Some((text.to_string(), 1))
        } else {
            page_number(k + 1).then(|| (text.to_string(), 2))
        }
    };
    let section = |text: &str| {
        heading_among(text, format.sections).and_then(|(k, (_, rest))| rest.is_empty().then_some(k))
    };
    // A lower entry alone: "（一）主动公开方面".
    let lower = |k: usize| {
        para(k)
            .map(norm)
            .is_some_and(|p| p.starts_with('(') && super::tables::ordinal(&p).is_some())
    };
    let contents_line = |k: usize| matches!(&blocks[k], Block::Para(p) if norm(p) == "目录");
    // Each paragraph's heading and entry, found once: a run is tried from
    // every paragraph, and a table's lines of labels and numbers make long
    // runs.
    let headings: Vec<Option<usize>> = (0..blocks.len())
        .map(|k| para(k).and_then(section))
        .collect();
    let entries: Vec<Option<(usize, Option<usize>)>> = (0..blocks.len())
        .map(|k| entry(k).map(|(text, n)| (n, section(&text))))
        .collect();
    let mut drop = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        // The run's items: (paragraphs, the section it lists, whether it
        // holds a page number); a heading listed before is the report's own.
        let mut items: Vec<(usize, Option<usize>, bool)> = Vec::new();
        let mut own = Vec::new();
        let mut end = i;
        loop {
            let heading = headings.get(end).copied().flatten();
            let item = if heading.is_some() && items.iter().any(|item| item.1 == heading) {
                own.push(end);
                end += 1;
                continue;
            } else if let Some(&Some((n, section))) = entries.get(end) {
                (n, section, true)
            } else if heading.is_some() {
                (1, heading, false)
            } else if !items.is_empty() && page_number(end) {
                (1, None, true)
            } else if !items.is_empty() && lower(end) {
                (1, None, false)
            } else {
                break;
            };
            end += item.0;
            items.push(item);
        }
        // A heading alone after the last page number is the report's own.
        while items.last().is_some_and(|&(_, _, number)| !number) {
            end -= items.pop().map_or(0, |item| item.0);
        }
        own.retain(|&k| k < end);
        let sections = items.iter().filter(|item| item.1.is_some()).count();
        let numbers = items.iter().filter(|item| item.2).count();
        if sections >= 3 && numbers >= sections {
            drop[i..end].iter_mut().for_each(|d| *d = true);
            own.iter().for_each(|&k| drop[k] = false);
            // 目录, or 目 and 录 on lines of their own (a wide space between).
            if i >= 1 && contents_line(i - 1) {
                drop[i - 1] = true;
            } else if i >= 2
                && matches!((&blocks[i - 2], &blocks[i - 1]), (Block::Para(a), Block::Para(b))
                    if norm(a) == "目" && norm(b) == "录")
            {
                drop[i - 2] = true;
                drop[i - 1] = true;
            }
        }
        i = end.max(i + 1);
    }
    blocks
        .into_iter()
        .zip(drop)
        .filter_map(|(b, d)| (!d).then_some(b))
        .collect()
}

/// A page or paste that holds the report more than once (a printable copy
/// below the report, a paste made twice): the blocks of its first complete
/// occurrence, and how many occurrences there are. An occurrence starts at
/// the first section's heading, with the title and preamble just before it;
/// the first one with the most headings and some content is kept (so a
/// table of contents listing the headings is not taken for the report).
pub(super) fn first_occurrence(blocks: Vec<Block>) -> (Vec<Block>, usize) {
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
            if heading_among(p, format.sections).is_some())
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

#[cfg(test)]
mod tests {
    use super::without_table_debris;

    fn lines(s: &[&str]) -> Vec<String> {
        s.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn pieces_of_a_table_among_a_sections_paragraphs_are_dropped() {
        let got = without_table_debris(lines(&[
            "（一）主要问题",
            "结果 其他 尚未",
            "总计",
            "纠正 结果 审结",
            "321",
            "1177 5",
            "2023 年，唐宫路办事处严格落实上级有关政府信息公开的决策部署。",
        ]));
        assert_eq!(
            got,
            lines(&[
                "（一）主要问题",
                "2023 年，唐宫路办事处严格落实上级有关政府信息公开的决策部署。"
            ])
        );
        // Kept: a paragraph alone, numbers without a heading's word, words
        // that are not a column heading's.
        for kept in [
            &["无"][..],
            &["总计", "本年度共办理。", "总计"],
            &["2023", "12"],
            &["结果", "主要问题"],
        ] {
            assert_eq!(without_table_debris(lines(kept)), lines(kept));
        }
    }
}
