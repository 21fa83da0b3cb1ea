//! The publication-ready HTML report: one self-contained file (inline CSS, no
//! script, no external resource), the official structure and merged cells of
//! every table (from [`crate::format::layout`]), typography after official
//! documents (GB/T 9704) with fonts that exist on Windows, macOS and Linux,
//! and an A4 print style. Every user text is escaped.
//!
//! The app's preview shows exactly this document; the download is this file.

use super::escape;
use crate::format::layout::{self, Slot};
use crate::format::{Content, Table};
use crate::model::{is_space, Cell, Report};

/// Fonts: 小标宋 for the title, 黑体 for headings, 楷体 for sub-headings, 仿宋
/// for the body, 宋体 for tables — each with the names Windows (SimSun…), macOS
/// (STSong…) and Linux (Noto CJK) use. Nothing is downloaded.
const TITLE_FONT: &str = "'方正小标宋简体','FZXiaoBiaoSong-B05S','小标宋',SimSun,'宋体',STSong,'Songti SC','Noto Serif CJK SC',serif";
const HEADING_FONT: &str =
    "SimHei,'黑体',STHeiti,'Heiti SC','Noto Sans CJK SC','Source Han Sans SC',sans-serif";
const SUBHEADING_FONT: &str =
    "KaiTi_GB2312,'楷体_GB2312',KaiTi,'楷体',STKaiti,'Kaiti SC','Noto Serif CJK SC',serif";
const BODY_FONT: &str = "'FangSong_GB2312','仿宋_GB2312',FangSong,'仿宋',STFangsong,'华文仿宋','Noto Serif CJK SC','Source Han Serif SC',serif";
const TABLE_FONT: &str = "SimSun,'宋体',STSong,'Songti SC','Noto Serif CJK SC',serif";

/// The typography is written on each element (`style`, and the table's
/// `border`/`cellpadding` attributes) rather than in the style sheet: Word,
/// WPS and LibreOffice, opening the file as a document, ignore class and
/// descendant selectors and `em` indents, and a website's editor drops the
/// `<style>` block on paste. Lengths are in pt (2em of 16pt = 32pt), so the
/// browser shows exactly what the style sheet alone showed. The sheet keeps
/// what only a browser uses: the page box, print rules, tabular figures.
/// `@page` gives A4 as lengths: LibreOffice ignores the keyword and would
/// take the machine's paper size.
const STYLE: &str = r#"
:root { color: #000; background: #fff; }
body { margin: 0; }
.report {
  max-width: 156mm;
  margin: 0 auto;
  padding: 12mm 8mm 20mm;
  line-height: 1.75;
}
.report caption { caption-side: top; font-size: 10.5pt; text-align: center; padding-bottom: 0.3em; }
.report td { font-variant-numeric: tabular-nums; white-space: nowrap; }
@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .report { max-width: none; padding: 0; }
  .report thead { display: table-header-group; }
  .report tr, .report th, .report td { break-inside: avoid; page-break-inside: avoid; }
  .report h2, .report h3 { break-after: avoid; page-break-after: avoid; }
}
"#;

/// The inline style of each kind of element (see [`STYLE`]).
fn style(kind: Kind) -> String {
    let cell = "border:1px solid #000;padding:2pt 4pt;vertical-align:middle;font-size:10.5pt;line-height:1.4;font-family:";
    match kind {
        Kind::Title => format!("font-family:{TITLE_FONT};font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 22pt"),
        Kind::Heading => format!("font-family:{HEADING_FONT};font-size:16pt;font-weight:normal;margin:16pt 0 6.4pt;text-indent:32pt"),
        Kind::Subheading => format!("font-family:{SUBHEADING_FONT};font-size:16pt;font-weight:normal;margin:6.4pt 0 0;text-indent:32pt"),
        Kind::Paragraph => format!("font-family:{BODY_FONT};font-size:16pt;margin:0;text-indent:32pt;text-align:justify"),
        Kind::Table => format!("width:100%;border-collapse:collapse;margin:5.25pt 0 10.5pt;font-family:{TABLE_FONT};font-size:10.5pt;line-height:1.4"),
        Kind::Head(align, weight) => format!("{cell}{TABLE_FONT};font-weight:{weight};text-align:{align}"),
        Kind::Value => format!("{cell}{TABLE_FONT};text-align:right"),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Title,
    Heading,
    Subheading,
    Paragraph,
    Table,
    /// A header cell: its alignment and weight.
    Head(&'static str, &'static str),
    Value,
}

/// The whole document.
pub fn render(report: &Report) -> String {
    let title = escape(&report.title());
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    ));
    out.push_str(&body(report));
    out.push_str("</body>\n</html>\n");
    out
}

/// The report itself (`<article>`), as pasted into a website's editor.
pub fn body(report: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<article class=\"report\">\n<h1 style=\"{}\">{}</h1>\n",
        style(Kind::Title),
        escape(&report.title())
    ));
    paragraphs(&report.preamble, &mut out);
    for (section, text) in report.format.sections.iter().zip(&report.texts) {
        out.push_str(&format!(
            "<section>\n<h2 style=\"{}\">{}</h2>\n",
            style(Kind::Heading),
            escape(section.heading)
        ));
        match section.content {
            Content::Text => paragraphs(text, &mut out),
            Content::Table(key) => {
                if let Some(table) = report.format.table(key) {
                    out.push_str(&table_html(report, table));
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// A line that is a sub-heading: "（一）主动公开", "一是…" is not.
pub(crate) fn is_subheading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('（') else {
        return false;
    };
    let Some((number, after)) = rest.split_once('）') else {
        return false;
    };
    !number.is_empty()
        && number.chars().all(|c| "一二三四五六七八九十".contains(c))
        && after.chars().count() <= 30
        && !after.ends_with('。')
}

/// Each line of `text` a paragraph; （一）-style lines are sub-headings.
fn paragraphs(text: &str, out: &mut String) {
    for line in text.lines() {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        let (tag, kind) = if is_subheading(line) {
            ("h3", Kind::Subheading)
        } else {
            ("p", Kind::Paragraph)
        };
        out.push_str(&format!(
            "<{tag} style=\"{}\">{}</{tag}>\n",
            style(kind),
            escape(line)
        ));
    }
}

/// What a value cell prints: 0 as 0, blank as nothing, the fee as entered.
fn value(cell: &Cell) -> String {
    escape(&cell.display())
}

fn table_html(report: &Report, table: &Table) -> String {
    let rows = layout::table_rows(report.format, table);
    let mut out = format!(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" style=\"{}\">\n<caption>{}</caption>\n",
        style(Kind::Table),
        escape(table.caption)
    );
    let mut in_head = false;
    let mut started_body = false;
    for row in &rows {
        if row.head && !in_head && !started_body {
            out.push_str("<thead>\n");
            in_head = true;
        }
        if !row.head && !started_body {
            if in_head {
                out.push_str("</thead>\n");
                in_head = false;
            }
            out.push_str("<tbody>\n");
            started_body = true;
        }
        out.push_str("<tr>");
        for slot in &row.slots {
            match slot {
                Slot::Header {
                    text,
                    colspan,
                    rowspan,
                    scope,
                } => {
                    let kind = match scope {
                        layout::Scope::Row | layout::Scope::RowGroup => {
                            Kind::Head("left", "normal")
                        }
                        layout::Scope::ColGroup if !row.head && row.slots.len() == 1 => {
                            Kind::Head("left", "bold")
                        }
                        _ => Kind::Head("center", "normal"),
                    };
                    out.push_str(&format!(
                        "<th scope=\"{}\"{}{} style=\"{}\">{}</th>",
                        scope.as_str(),
                        span("colspan", *colspan),
                        span("rowspan", *rowspan),
                        style(kind),
                        escape(text)
                    ));
                }
                Slot::Value { cell, colspan } => {
                    out.push_str(&format!(
                        "<td{} style=\"{}\">{}</td>",
                        span("colspan", *colspan),
                        style(Kind::Value),
                        value(&report.cells[*cell])
                    ));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str(if started_body {
        "</tbody>\n"
    } else {
        "</thead>\n"
    });
    out.push_str("</table>\n");
    out
}

fn span(name: &str, n: usize) -> String {
    if n > 1 {
        format!(" {name}=\"{n}\"")
    } else {
        String::new()
    }
}

/// The report as plain text: headings and paragraphs, tables as rows of
/// tab-separated cells (what a spreadsheet or a text box takes; our importer
/// reads it back).
pub fn plain_text(report: &Report) -> String {
    let mut out = format!("{}\n\n", report.title());
    let text_block = |text: &str, out: &mut String| {
        for line in text
            .lines()
            .map(|l| l.trim_matches(is_space))
            .filter(|l| !l.is_empty())
        {
            out.push_str(line);
            out.push_str("\n\n");
        }
    };
    text_block(&report.preamble, &mut out);
    for (section, text) in report.format.sections.iter().zip(&report.texts) {
        out.push_str(section.heading);
        out.push_str("\n\n");
        match section.content {
            Content::Text => text_block(text, &mut out),
            Content::Table(key) => {
                let Some(table) = report.format.table(key) else {
                    continue;
                };
                let rows = layout::table_rows(report.format, table);
                let width = layout::width(&rows);
                // Spread spans over a full grid so columns line up.
                let mut grid = vec![vec![String::new(); width]; rows.len()];
                let mut taken = vec![vec![false; width]; rows.len()];
                for (r, row) in rows.iter().enumerate() {
                    let mut c = 0;
                    for slot in &row.slots {
                        while c < width && taken[r][c] {
                            c += 1;
                        }
                        if c >= width {
                            break;
                        }
                        grid[r][c] = match slot {
                            Slot::Header { text, .. } => text.to_string(),
                            Slot::Value { cell, .. } => report.cells[*cell].display(),
                        };
                        for dr in 0..slot.rowspan() {
                            for dc in 0..slot.colspan() {
                                if let Some(t) =
                                    taken.get_mut(r + dr).and_then(|l| l.get_mut(c + dc))
                                {
                                    *t = true;
                                }
                            }
                        }
                        c += slot.colspan();
                    }
                }
                for line in grid {
                    out.push_str(line.join("\t").trim_end_matches('\t'));
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheadings_are_short_numbered_lines() {
        assert!(is_subheading("（一）主动公开"));
        assert!(is_subheading("（五）监督保障方面"));
        assert!(!is_subheading("（一）主动公开方面。按照“公开为常态，不公开为例外”的要求，推行“应公开尽公开”“应上网尽上网”。"));
        assert!(!is_subheading("一是加强组织领导"));
        assert!(!is_subheading("（注）"));
    }
}
