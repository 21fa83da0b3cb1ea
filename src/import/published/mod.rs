//! Reading a report that was already published: a web page saved from a
//! government website, text or rich text pasted from a browser, a .txt file.
//!
//! The page is turned into blocks (paragraphs and tables, with merged cells
//! spread over a full grid); the six sections are found by their headings
//! (matched loosely: spaces, quotes, brackets and digit widths do not
//! matter); table values are read by their row labels. Nothing is guessed: a
//! value that cannot be read stays blank and is listed as not read, never 0.
//!
//! The stages, in the order [`read`] runs them: [`normalize`] (characters
//! other programs substitute; page furniture and broken lines of text),
//! [`blocks`] (the page as
//! paragraphs and tables), [`outline`] (headings, title, preamble, which
//! occurrence), [`tables`] (values by row label); [`charset`] for bytes.

mod blocks;
mod charset;
mod normalize;
mod outline;
mod tables;

pub use blocks::looks_like_html;
pub use charset::{detect_charset, known_charset};

use crate::model::{is_space, Report};
use normalize::{CELL_EDGE, TABLE_START};

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
    /// Rows found by a label printed otherwise, told in `notes` once read
    /// (see `tables::RowNote`).
    row_notes: Vec<tables::RowNote>,
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

/// The one item of `found`, if it holds exactly one.
fn only(mut found: impl Iterator<Item = usize>) -> Option<usize> {
    match (found.next(), found.next()) {
        (Some(at), None) => Some(at),
        _ => None,
    }
}

/// A quotation mark, which [`norm`] drops.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」')
}

/// Normalises a label for loose matching: no spaces or quotes, half-width
/// digits, letters and brackets.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_space(c) && !is_quote(c))
        .map(norm_char)
        .collect()
}

/// A character as [`norm`] writes it: full-width forms of ASCII
/// (（）：，．０-９…) as ASCII.
pub(super) fn norm_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Reads a published report from a page or pasted text: blocks, then the
/// outline, then the texts, then the tables.
pub fn read(input: &str) -> Result<Recognised, String> {
    read_text(input, false, false)
}

/// Reads a published report from the text our reader set out from a PDF's
/// or an OFD file's glyphs (see [`crate::import::layout`]): as [`read`],
/// but a table row's empty cells are told by their places, which that
/// text's columns keep (see `normalize::blank_cells_marked`). `uncut`:
/// no digit of the file stood near its page's right edge, so no number was
/// cut there (a writer that leaves out what falls past the edge leaves its
/// last digits by it): a row's total is read as printed, its sum broken,
/// however long (see `tables::How`).
pub fn read_set_out(input: &str, uncut: bool) -> Result<Recognised, String> {
    read_text(input, true, uncut)
}

/// [`read`], `set_out` and `uncut` as in [`read_set_out`].
fn read_text(input: &str, set_out: bool, uncut: bool) -> Result<Recognised, String> {
    let format = crate::format::current();
    let input = &normalize::chars(input);
    let mixed = blocks::text_with_tables(input);
    let html = mixed.is_none() && blocks::looks_like_html(input);
    // How a text without a grid orders its tables' words (plain pdftotext's:
    // in the order of its layout analysis, not of the rows).
    let order = if mixed.is_none() && !html {
        normalize::order(input)
    } else {
        normalize::Order::Lines
    };
    let plain = mixed.is_none() && !html;
    let markdown = plain && normalize::is_markdown(input);
    let (blocks, title) = match mixed {
        Some(blocks) => (blocks, None),
        None if html => blocks::html_blocks(input),
        None => (
            blocks::text_blocks(&normalize::text_lines(input, markdown, order, set_out)),
            None,
        ),
    };
    let (blocks, copies) = outline::first_occurrence(outline::without_contents(blocks));
    let outline = outline::Outline::find(blocks);
    let found = outline.found();
    if html && found < format.sections.len() && blocks::is_truncated(input) {
        return Err(outline.truncated_message());
    }
    if found < 2 && !outline.has_tables() {
        return Err(NOT_A_REPORT.to_string());
    }
    let mut report = Report::empty(format);
    outline.title_and_preamble(title, &mut report);
    let guessed = markdown && normalize::pipes_from_layout(input);
    let tables = outline.texts_and_tables(&mut report, (markdown, plain), guessed);
    let mut recognised = Recognised {
        sources: vec![None; format.cells().len()],
        report,
        sections: outline.sections.clone(),
        format_2019: false,
        notes: Vec::new(),
        row_notes: Vec::new(),
    };
    recognised.notes.extend(outline::slips(&outline.sections));
    let from_words = tables::read_all(&tables, (order, uncut), &mut recognised);
    outline.note_headings(&mut recognised.report);
    if found < 2 && recognised.cells_read() == 0 {
        return Err(NOT_A_REPORT.to_string());
    }
    if copies > 1 {
        recognised.notes.push(format!(
            "页面中年报正文出现了 {copies} 次（例如正文下方另有打印版，或粘贴了两遍）：只读取了第一份完整的正文"
        ));
    }
    // (Totals the app sums from their parts are not asked to be filled.)
    let unread = (recognised.sources.iter().zip(format.cells()))
        .filter(|(s, def)| s.is_none() && !def.computed)
        .count();
    if unread > 0 {
        recognised.notes.push(format!(
            "有 {unread} 个表格单元格未能读取，已留空并将标为“未填”，请对照原文补填"
        ));
        let absent = absent_tables(
            html.then_some(input),
            &outline.sections,
            &tables,
            &recognised,
        );
        recognised.notes.extend(absent);
        if from_words {
            let note = match order {
                normalize::Order::Blocks => FROM_BLOCKS,
                normalize::Order::Cells => FROM_CELLS,
                _ => FROM_WORDS,
            };
            recognised.notes.push(note.to_string());
        }
    }
    Ok(recognised)
}

/// The review's notes on the tables its input holds nothing of: a table
/// section found with no table in it (no grid, none of its row or column
/// labels in its text) and no cell of its table read. In a page or Word file whose
/// section holds a picture there, the table was published as a picture
/// (what many offices do with a table made in Excel), and no reading gives
/// its numbers; else it may be a picture too, or left out when the text
/// was copied or the page saved.
fn absent_tables(
    html: Option<&str>,
    headings: &[Option<String>],
    tables: &outline::Tables,
    recognised: &Recognised,
) -> Vec<String> {
    let format = crate::format::current();
    let absent = |i: usize| {
        let crate::format::Content::Table(key) = format.sections[i].content else {
            return false;
        };
        let (Some(_), Some(table)) = (&headings[i], format.table(key)) else {
            return false;
        };
        // The section's text without the table's caption (a Word file's
        // caption stands outside its table: "政府信息公开行政复议、行政诉讼
        // 情况" names two of table 四's rows).
        let words: String = tables
            .words
            .iter()
            .filter(|(k, _)| *k == key)
            .flat_map(|(_, lines)| {
                lines
                    .iter()
                    .map(|l| norm(&l.replace([CELL_EDGE, TABLE_START], "")))
            })
            .collect::<String>()
            .replace(&norm(table.caption), "");
        // A row's or a column's label (of three characters or more: not
        // 规章, 总计, 其他, which prose uses), anywhere in it.
        let labels = table.blocks.iter().flat_map(|b| {
            let rows = b.rows.iter().flat_map(|r| [r.label, r.short]);
            rows.chain(b.columns.iter().map(|c| c.label))
        });
        let labelled = labels
            .map(norm)
            .any(|label| label.chars().count() >= 3 && words.contains(&label));
        !tables.grids.iter().any(|(k, _)| *k == key)
            && !labelled
            && format
                .cells()
                .iter()
                .zip(&recognised.sources)
                .filter(|(cell, _)| cell.table.key == key)
                .all(|(_, source)| source.is_none())
    };
    let absent: Vec<usize> = (0..format.sections.len()).filter(|&i| absent(i)).collect();
    if absent.is_empty() {
        return Vec::new();
    }
    // (The page read again for its pictures only then.)
    let pictures = html.map(|html| blocks::pictures_in_sections(html, headings));
    let pictured = |i: usize| pictures.as_ref().is_some_and(|p| p[i] > 0);
    let named = |picture: bool| -> String {
        absent
            .iter()
            .filter(|&&i| pictured(i) == picture)
            .map(|&i| format!("「{}」", format.sections[i].heading))
            .collect()
    };
    let mut notes = Vec::new();
    let with_pictures = named(true);
    if !with_pictures.is_empty() {
        notes.push(format!("{with_pictures}中没有找到表格，只有图片：表格可能是以图片发布的，图片中的数字无法读取，请对照原文填写"));
    }
    let without = named(false);
    if !without.is_empty() {
        notes.push(format!("{without}中没有找到表格的内容（原文的表格可能是图片或附件，或复制、保存时没有带上）：请对照原文填写"));
    }
    notes
}

/// The review's note when cells of a table read from text without a grid
/// (`tables::stream::read_stream`) were left unread.
pub const FROM_WORDS: &str = "表格是从没有表格线的文字中读取的（例如从 PDF 复制的文字）：顺序无法确定的数字没有填入。如有该报告的网页、Word 或 PDF 文件，直接导入文件可以读全；PDF 也可在浏览器中打开，全选（Ctrl+A）、复制后再粘贴";

/// The cause besides the report's own 勾稽 error that the review gives for
/// a row of text without a grid left unread, its total not its sum (see
/// `tables::stream::Unsummed`); a fixed-layout file's reading gives its own
/// (see `crate::import::job`).
pub const COPIED_OUT_OF_ORDER: &str = "也可能是复制的文字顺序有误";

/// The review's note instead of [`FROM_WORDS`] for a browser's copy of a
/// page as plain text, its cells one a line (`normalize::Order::Cells`): a
/// row whose count does not fit (a cell left blank next to its label, a
/// number run into its label) is read only where the table's sums place
/// its blank cell, otherwise left unread, and the page itself, saved or
/// pasted with its markup (the paste reads the clipboard's HTML), reads
/// it whole.
pub const FROM_CELLS: &str = "表格是从网页复制的纯文字中读取的：数字个数与表格不符的行（如有一格空白），只在各列的合计能确定空格位置时填入，否则没有填入。在浏览器中打开该网页，全选（Ctrl+A）、复制后直接粘贴到这里，或把网页另存为（Ctrl+S）后导入网页文件：都可以读全";

/// The review's note instead of [`FROM_WORDS`] for text cut into blocks by
/// a layout analysis (plain pdftotext, `normalize::Order::Blocks`), whose
/// tables are read only where no order changes their values: every way
/// that reads such a PDF whole.
pub const FROM_BLOCKS: &str = "这段文字是按版面分块提取的（如 pdftotext 不加 -layout 参数的输出）：表格的数字不按行排列，无法确定各属于哪个单元格，只填入了顺序不影响的数字（例如全为 0 的表）。请直接导入 PDF 文件，或用 pdftotext -layout 重新提取后导入，或在浏览器中打开 PDF，全选（Ctrl+A）、复制后再粘贴：都可以读全";

/// Agency and year of a saved page from its `<title>` alone, without
/// reading the page: what a batch needs to pair reports across years.
/// `None` when the page has no such title (read it whole then).
pub fn identify(head: &str) -> Option<(String, i32)> {
    let lower = head
        .get(..head.len().min(16 * 1024))
        .unwrap_or(head)
        .to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open = start + lower[start..].find('>')? + 1;
    let end = open + lower[open..].find("</title")?;
    let title = crate::import::html::decode_entities(head.get(open..end)?);
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !(title.contains("年度报告") || title.contains("年报")) {
        return None;
    }
    outline::title_meta(&title)
}

const NOT_A_REPORT: &str = "没有识别出政府信息公开工作年度报告：找不到“一、总体情况”等部分标题，也找不到年报表格。请选择已发布的年报网页（.html）、Word 文件（.docx）或文本（.txt），或复制年报正文后粘贴。";

#[cfg(test)]
mod tests {
    use super::charset::detect_charset;
    use super::outline::{match_heading, title_meta};

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
        // The number written another way (whether a heading so numbered
        // is taken depends on those found before it: see Outline::find);
        // not another number.
        for printed in [
            "一.总体情况",
            "一．总体情况",
            "一 总体情况",
            "1、总体情况",
            "1.总体情况",
            "１．总体情况",
            "（一）总体情况",
            "(1)总体情况",
        ] {
            assert_eq!(
                match_heading(printed, "一、总体情况"),
                Some((printed.to_string(), String::new())),
                "{printed}"
            );
        }
        assert_eq!(
            match_heading(
                "3.收到和处理政府信息公开申请情况 本年度共收到政府信息公开申请 70 件。",
                "三、收到和处理政府信息公开申请情况"
            ),
            Some((
                "3.收到和处理政府信息公开申请情况".to_string(),
                "本年度共收到政府信息公开申请 70 件。".to_string()
            ))
        );
        for printed in [
            "2.总体情况",
            "二、总体情况",
            "1总体情况",
            "总体情况",
            "01.总体情况",
            "0 0 01、总体情况",
        ] {
            assert_eq!(match_heading(printed, "一、总体情况"), None, "{printed}");
        }
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
