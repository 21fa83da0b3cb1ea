//! The report as a Word document (.docx), laid out after GB/T 9704-2012
//! 党政机关公文格式 as offices use it for this report: A4; 天头 37 mm, 订口
//! 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters; title 2号 方正小标宋简体
//! (falling back to 宋体), centred; body 3号 仿宋_GB2312 (仿宋), first line
//! indented two characters, justified; 一、 headings 3号 黑体, （一） headings
//! 3号 楷体_GB2312 (楷体); page numbers 4号 宋体 「— 1 —」 at the foot, odd
//! pages right and even pages left; tables 二, 三, 四 with full borders and
//! the official merged cells (the same layout data as the HTML), 五号 宋体,
//! header rows repeated on every page, no row split across pages, fitted
//! to the 版心's width.
//!
//! The package is a zip of WordprocessingML parts, written here uncompressed
//! (stored) with the CRC-32 the format requires.
//!
//! Not for: the publication HTML (see [`super::html`]).

use super::html::is_subheading;
use crate::format::layout::{self, Slot};
use crate::format::{Content, Table};
use crate::model::{is_space, Report};

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(v: f64) -> u32 {
    (v * 1440.0 / 25.4).round() as u32
}

/// Text as XML character data: markup escaped, characters XML 1.0 forbids
/// (control characters but tab, line feed and carriage return) dropped.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The 版心's width in twips: what a table may take.
fn text_width() -> u32 {
    mm(156.0)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// Fonts and their fallbacks (the office PC may lack the first).
const FONTS: &[(&str, &str)] = &[
    ("方正小标宋简体", "宋体"),
    ("仿宋_GB2312", "仿宋"),
    ("楷体_GB2312", "楷体"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
];

fn font_table() -> String {
    let fonts: String = FONTS
        .iter()
        .map(|(name, alt)| {
            format!(
                "<w:font w:name=\"{name}\"><w:altName w:val=\"{alt}\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/></w:font>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts {W}>{fonts}</w:fonts>"
    )
}

/// Run properties: one East Asian font (with its Latin counterpart) and a
/// size in half points.
fn run_props(font: &str, half_points: u32, bold: bool) -> String {
    format!(
        "<w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\" w:cs=\"{font}\"/>{}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>",
        if bold { "<w:b/>" } else { "" }
    )
}

fn styles() -> String {
    // 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt; sizes in half points.
    let style = |id: &str, name: &str, ppr: &str, rpr: String| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>"
        )
    };
    let line = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\"/>";
    // 一、 and （一） headings: 3号, indented like the body, kept with what follows.
    let heading = |level: u32, font: &str| {
        style(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            &format!(
                "{line}<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:keepNext/><w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            run_props(font, 32, false),
        )
    };
    let body = format!(
        "{line}<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>"
    );
    let styles = [
        style("Normal", "Normal", &body, run_props("仿宋_GB2312", 32, false)),
        style(
            "Title",
            "Title",
            "<w:spacing w:before=\"0\" w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:ind w:firstLine=\"0\"/>",
            run_props("方正小标宋简体", 44, false),
        ),
        heading(1, "黑体"),
        heading(2, "楷体_GB2312"),
        style(
            "TableText",
            "Table Text",
            "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"260\" w:lineRule=\"atLeast\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
            run_props("宋体", 21, false),
        ),
        style(
            "Caption",
            "caption",
            "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:keepNext/>",
            run_props("黑体", 24, false),
        ),
        style(
            "Footer",
            "footer",
            "<w:ind w:firstLine=\"0\"/>",
            run_props("宋体", 28, false),
        ),
    ];
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles {W}><w:docDefaults><w:rPrDefault>{}</w:rPrDefault></w:docDefaults>{}</w:styles>",
        run_props("仿宋_GB2312", 32, false),
        styles.concat()
    )
}

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="640"/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>"#;

/// A footer with 「— N —」 on the given side.
fn footer(side: &str) -> String {
    let run = |inner: &str| format!("<w:r>{}{inner}</w:r>", run_props("宋体", 28, false));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {W}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"{side}\"/></w:pPr>{}{}{}{}{}</w:p></w:ftr>",
        run("<w:t xml:space=\"preserve\">— </w:t>"),
        run("<w:fldChar w:fldCharType=\"begin\"/>"),
        run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
        run("<w:fldChar w:fldCharType=\"end\"/>"),
        run("<w:t xml:space=\"preserve\"> —</w:t>"),
    )
}

fn core_props(report: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator></cp:coreProperties>",
        xml_text(&report.title()),
        xml_text(&report.meta.agency)
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

/// Each line a paragraph; （一）-style lines are level-two headings.
fn paragraphs(text: &str, out: &mut String) {
    for line in text.lines() {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        let style = if is_subheading(line) {
            "Heading2"
        } else {
            "Normal"
        };
        out.push_str(&paragraph(style, line));
    }
}

/// Column widths in twips: label columns wider than value columns, the
/// whole the 版心's width. `longest[c]`: the most characters of a value in
/// column `c` alone; a value column is widened so that it holds them on one
/// line (Word breaks a number too long for its cell: "19267" as "1926/7"),
/// the label columns giving up the room; and its column heading too when
/// there is room for that (表二's 本年制发件数, not 表三's seven columns).
fn column_widths(rows: &[layout::LayoutRow], width: usize, longest: &[usize]) -> Vec<u32> {
    // A column is a label column when some data row has a row's or a row
    // group's label there (not 表二's column headings and 第二十条 items,
    // which sit among its data rows); `heading[c]`: the most characters of
    // a heading over column `c` alone.
    let mut label = vec![false; width];
    let mut heading = vec![0; width];
    for (row, at) in rows.iter().zip(layout::slot_columns(rows)) {
        for (slot, &col) in row.slots.iter().zip(&at) {
            match slot {
                Slot::Header {
                    scope: layout::Scope::Row | layout::Scope::RowGroup,
                    ..
                } if !row.head => {
                    for l in label.iter_mut().skip(col).take(slot.colspan()) {
                        *l = true;
                    }
                }
                Slot::Header {
                    text,
                    colspan: 1,
                    scope: layout::Scope::Col,
                    ..
                } if col < width => heading[col] = heading[col].max(text.chars().count()),
                _ => {}
            }
        }
    }
    // The row labels (the last label column) take the most room; group
    // labels to their left are short ("三、本年度办理结果" set vertically).
    let last_label = label.iter().rposition(|&l| l);
    let weight = |i: usize| match (label[i], Some(i) == last_label) {
        (true, true) => 7,
        (true, false) => 2,
        _ => 2,
    };
    let total: u32 = (0..width).map(weight).sum::<u32>().max(1);
    let mut widths: Vec<u32> = (0..width)
        .map(|i| text_width() * weight(i) / total)
        .collect();
    // A digit of 宋体 10.5 pt is half an em (105 twips); fonts put in its
    // place where it is missing are wider (DejaVu Sans: 0.64 em, 134
    // twips). The cell's margins 2 × 57, and some room.
    let need = |chars: usize| chars as u32 * 134 + 114 + 60;
    let labels_weight: u32 = (0..width).filter(|&i| label[i]).map(weight).sum();
    if labels_weight == 0 {
        // A table of values alone (表四, fifteen columns): when a value is
        // too long for an equal share, each column holds its longest value
        // and its heading two characters a line (10.5 pt: 210 twips each),
        // or if they do not all fit so, one; the room left shared equally.
        let needed: Vec<u32> = (0..width)
            .map(|i| need(longest.get(i).copied().unwrap_or(0)))
            .collect();
        if needed.iter().zip(&widths).any(|(n, had)| n > had) {
            for heading in [2 * 210 + 114, 210 + 114] {
                let wanted: Vec<u32> = needed.iter().map(|&n| n.max(heading)).collect();
                let sum: u32 = wanted.iter().sum();
                if sum <= text_width() {
                    let extra = (text_width() - sum) / width.max(1) as u32;
                    return wanted.iter().map(|w| w + extra).collect();
                }
            }
        }
        return widths;
    }
    let values: Vec<usize> = (0..width).filter(|&i| !label[i]).collect();
    let number = |i: usize| need(longest.get(i).copied().unwrap_or(0));
    // A heading's characters of 10.5 pt: 210 twips each.
    let titled = |i: usize| number(i).max(heading[i] as u32 * 210 + 114 + 60);
    let labels_had: u32 = (0..width).filter(|&i| label[i]).map(|i| widths[i]).sum();
    for fits in [&titled as &dyn Fn(usize) -> u32, &number] {
        let wanted: Vec<u32> = values.iter().map(|&i| widths[i].max(fits(i))).collect();
        let left = text_width().saturating_sub(wanted.iter().sum());
        // Only while the label columns keep half their room.
        if left * 2 >= labels_had {
            if wanted.iter().zip(&values).any(|(w, &i)| *w > widths[i]) {
                for (&i, w) in values.iter().zip(wanted) {
                    widths[i] = w;
                }
                for i in (0..width).filter(|&i| label[i]) {
                    widths[i] = left * weight(i) / labels_weight;
                }
            }
            break;
        }
    }
    widths
}

/// One table, its merged cells from the layout: gridSpan across, vMerge
/// down (a continuation cell in every row a rowspan covers).
fn table_xml(report: &Report, table: &Table) -> String {
    let rows = layout::table_rows(report.format, table);
    let width = layout::width(&rows);
    // The most characters of a value alone in a grid column.
    let mut longest = vec![0; width];
    for p in layout::positions(&rows).iter().filter(|p| p.colspan == 1) {
        let n = report.cells[p.cell].display().chars().count();
        longest[p.col] = longest[p.col].max(n);
    }
    let widths = column_widths(&rows, width, &longest);
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let mut out = paragraph("Caption", table.caption);
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>",
        text_width()
    ));
    // For each grid column: rows still covered by a cell above, and its span.
    let mut covered: Vec<(usize, usize)> = vec![(0, 1); width];
    for row in &rows {
        let head = if row.head { "<w:tblHeader/>" } else { "" };
        out.push_str(&format!("<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>"));
        let mut slots = row.slots.iter();
        let mut col = 0;
        while col < width {
            let span_width = |from: usize, span: usize| {
                widths[from..(from + span).min(width)].iter().sum::<u32>()
            };
            if covered[col].0 > 0 {
                let span = covered[col].1;
                covered[col].0 -= 1;
                out.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}<w:vMerge/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>",
                    span_width(col, span),
                    if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() },
                ));
                col += span;
                continue;
            }
            let Some(slot) = slots.next() else { break };
            let (span, down) = (slot.colspan().max(1), slot.rowspan().max(1));
            let text = match slot {
                Slot::Header { text, .. } => (*text).to_string(),
                Slot::Value { cell, .. } => report.cells[*cell].display(),
            };
            if down > 1 {
                covered[col] = (down - 1, span);
            }
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}{}<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
                span_width(col, span),
                if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() },
                if down > 1 { "<w:vMerge w:val=\"restart\"/>" } else { "" },
                xml_text(&text),
            ));
            col += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // A paragraph after a table keeps Word from joining it with the next.
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
    out
}

/// The body of word/document.xml.
pub fn document_xml(report: &Report) -> String {
    let mut body = paragraph("Title", &report.title());
    paragraphs(&report.preamble, &mut body);
    for (section, text) in report.format.sections.iter().zip(&report.texts) {
        body.push_str(&paragraph("Heading1", section.heading));
        match section.content {
            Content::Text => paragraphs(text, &mut body),
            Content::Table(key) => {
                if let Some(table) = report.format.table(key) {
                    body.push_str(&table_xml(report, table));
                }
            }
        }
    }
    // A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; footers odd/even.
    let (top, left) = (mm(37.0), mm(28.0));
    let right = mm(210.0 - 28.0 - 156.0);
    let bottom = mm(297.0 - 37.0 - 225.0);
    let section = format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"even\" r:id=\"rId5\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"{}\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>",
        mm(28.0) - mm(7.0)
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W}><w:body>{body}{section}</w:body></w:document>"
    )
}

/// Every part of the package: (path, content).
pub fn parts(report: &Report) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("docProps/core.xml", core_props(report)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document_xml(report)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/fontTable.xml", font_table()),
        ("word/footer1.xml", footer("right")),
        ("word/footer2.xml", footer("left")),
    ]
}

/// The .docx file's bytes.
pub fn render(report: &Report) -> Vec<u8> {
    zip(&parts(report))
}

/// A zip archive of `files`, stored (not compressed): local headers, data,
/// the central directory, its end record.
pub fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for (name, content) in files {
        let data = content.as_bytes();
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // Local file header: version 2.0, flags 0x0800 (UTF-8 names), stored,
        // time and date 1980-01-01 00:00.
        le32(&mut out, 0x0403_4b50);
        for v in [20u16, 0x0800, 0, 0, 0x21] {
            le16(&mut out, v);
        }
        for v in [crc, size, size] {
            le32(&mut out, v);
        }
        le16(&mut out, name_len);
        le16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        le32(&mut central, 0x0201_4b50);
        for v in [20u16, 20, 0x0800, 0, 0, 0x21] {
            le16(&mut central, v);
        }
        for v in [crc, size, size] {
            le32(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            le16(&mut central, v);
        }
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (dir_offset, dir_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    for v in [0u16, 0, files.len() as u16, files.len() as u16] {
        le16(&mut out, v);
    }
    le32(&mut out, dir_size);
    le32(&mut out, dir_offset);
    le16(&mut out, 0);
    out
}
