//! Reading a Word .docx file: its main part (the one its package names,
//! usually `word/document.xml`) taken out of the zip package and written as
//! the simple HTML the published-report reader takes: paragraphs, tables
//! with their merged cells (`gridSpan` as colspan, `vMerge` as rowspan), and
//! the files it holds whole in their places (a web page in an `altChunk`,
//! read by the importer as a page), and a mark (`<img>`) after each
//! paragraph outside tables that holds a picture (a table published as a
//! picture is named in the review). Everything else (styles, the pictures
//! themselves, headers and footers, field codes, text Word does not show)
//! is left out.
//! Word's two one-file XML forms are read the same way: Word 2003 XML (the
//! same elements in one document) and Word XML (Flat OPC: the package's
//! parts written one after another in one XML file); an old binary Word
//! file (.doc, .wps) by [`binary`] and an RTF file by [`rtf`] into the same
//! tables (both through [`marks`]).
//!
//! Not for: recognising the report (that is [`super::published`]); writing
//! .docx (that is [`crate::export::docx`]).

pub mod binary;
mod marks;
mod numbering;
pub mod rtf;

use super::html::{tokenize_xml, Token};
use crate::export::escape;
use numbering::Numbering;

const NOT_DOCX: &str = "不是有效的 Word（.docx）文件：文件已损坏或不是 Word 2007 及以后版本保存的文档。请在 Word 或 WPS 中打开后另存为 .docx 或网页（.htm）再导入";

/// A Word package's parts: a .docx file's zip, or the parts a Word XML
/// file (Flat OPC) holds, by name, their XML (parts in base64, pictures
/// and the like, are not read).
enum Package<'a> {
    Zip(&'a [u8]),
    Flat(Vec<(&'a str, &'a str)>),
}

impl Package<'_> {
    /// The bytes of the part `name`.
    fn part(&self, name: &str) -> Result<Vec<u8>, super::zip::Error> {
        match self {
            Package::Zip(zip) => super::zip::entry(zip, name),
            Package::Flat(parts) => Self::flat(parts, name).map(|xml| xml.as_bytes().to_vec()),
        }
    }

    /// The part `name` as text.
    fn text(&self, name: &str) -> Result<String, super::zip::Error> {
        match self {
            Package::Zip(zip) => super::zip::entry(zip, name)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            Package::Flat(parts) => Self::flat(parts, name).map(str::to_string),
        }
    }

    /// A Word XML file's part `name`.
    fn flat<'a>(parts: &[(&str, &'a str)], name: &str) -> Result<&'a str, super::zip::Error> {
        parts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, xml)| *xml)
            .ok_or(super::zip::Error::Missing)
    }

    /// The main part's text (the error: a message for the user).
    fn main_text(&self, name: &str) -> Result<String, String> {
        self.text(name).map_err(|e| match (e, self) {
            (super::zip::Error::Damaged, _) => NOT_DOCX.to_string(),
            (super::zip::Error::Missing, Package::Zip(_)) => {
                "这个 .docx 文件里没有文档正文（word/document.xml），不是 Word 文档".to_string()
            }
            (super::zip::Error::Missing, Package::Flat(_)) => {
                "这个 Word XML 文件里没有文档正文（word/document.xml），不是完整的 Word 文档"
                    .to_string()
            }
        })
    }
}

/// Elements whose content Word does not show, all of it left out: deleted
/// text and text moved away (with tracked changes), field codes, the second
/// copy of a drawing (`mc:Fallback`: its text box is read once, from its
/// first choice), and the former properties a tracked change keeps (a
/// cell's span before it was merged); in a Word 2003 XML document, the
/// headers, footers and notes written in its body.
const NOT_SHOWN: &[&str] = &[
    "w:hdr",
    "w:ftr",
    "w:footnote",
    "w:endnote",
    "w:del",
    "w:deltext",
    "w:movefrom",
    "w:instrtext",
    "mc:fallback",
    "w:rprchange",
    "w:pprchange",
    "w:tcprchange",
    "w:trprchange",
    "w:tblprchange",
    "w:tblprexchange",
    "w:tblgridchange",
    "w:sectprchange",
    "w:numberingchange",
];

/// A table being read: rows of cells (text, gridSpan, vMerge state), and
/// the grid columns each row skips first (`gridBefore`).
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    before: Vec<usize>,
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

impl Table {
    fn cell(&mut self) -> Option<&mut Cell> {
        self.rows.last_mut()?.last_mut()
    }

    /// The table as HTML, each vertically merged run one cell with a rowspan.
    fn html(&self, out: &mut String) {
        // Grid column of each cell.
        let columns: Vec<Vec<usize>> = self
            .rows
            .iter()
            .zip(&self.before)
            .map(|(row, &before)| {
                let mut c = before;
                row.iter()
                    .map(|cell| {
                        let at = c;
                        c += cell.span.max(1);
                        at
                    })
                    .collect()
            })
            .collect();
        let continues = |r: usize, col: usize| {
            self.rows.get(r).is_some_and(|row| {
                row.iter()
                    .zip(&columns[r])
                    .any(|(cell, &c)| c == col && cell.merge == Merge::Continue)
            })
        };
        out.push_str("<table>");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str("<tr>");
            for (cell, &col) in row.iter().zip(&columns[r]) {
                if cell.merge == Merge::Continue {
                    continue;
                }
                let mut rowspan = 1;
                if cell.merge == Merge::Restart {
                    while continues(r + rowspan, col) {
                        rowspan += 1;
                    }
                }
                out.push_str(&format!(
                    "<td colspan=\"{}\" rowspan=\"{rowspan}\">{}</td>",
                    cell.span.max(1),
                    escape(cell.text.trim())
                ));
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>\n");
    }
}

/// Writes a paragraph's text (when it has any) as `<p>` and empties it.
fn flush_paragraph(para: &mut String, out: &mut String) {
    if !para.trim().is_empty() {
        out.push_str(&format!("<p>{}</p>\n", escape(para.trim())));
    }
    para.clear();
}

/// A piece of what a Word file holds, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Its text as HTML.
    Html(String),
    /// A file it holds whole, shown where it stands (`w:altChunk`): a web
    /// page or a page saved as one file, as the tools that make Word files
    /// from web pages (html-docx-js) write the whole report.
    Whole(Vec<u8>),
}

/// The .docx file's text as HTML, and the files it holds whole, in order
/// (see the module's description).
pub fn pieces(bytes: &[u8]) -> Result<Vec<Piece>, String> {
    pieces_of(&Package::Zip(bytes))
}

/// Whether `text` is a Word XML file (Flat OPC: what Word saves as "Word
/// XML 文档 (*.xml)", a .docx's parts in one XML file).
pub fn is_flat_opc(text: &str) -> bool {
    text[..text.floor_char_boundary(4096)].contains("<pkg:package")
}

/// A Word XML file's text as HTML (see [`is_flat_opc`]), in pieces as a
/// .docx's (it holds no file whole that is read).
pub fn flat_pieces(text: &str) -> Result<Vec<Piece>, String> {
    pieces_of(&Package::Flat(flat_parts(text)))
}

/// The XML parts of a Word XML file: each `pkg:part`'s name (without its
/// leading slash) and its `pkg:xmlData`'s content.
fn flat_parts(text: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    for (at, _) in text.match_indices("<pkg:part ") {
        let rest = &text[at..];
        let part = &rest[..rest.find("</pkg:part>").unwrap_or(rest.len())];
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        let name = tag.find("pkg:name=").and_then(|n| {
            let value = &tag[n + "pkg:name=".len()..];
            let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            let value = &value[1..];
            Some(value[..value.find(quote)?].trim_start_matches('/'))
        });
        let (Some(name), Some(start)) = (name, part.find("<pkg:xmlData>")) else {
            continue;
        };
        let data = &part[start + "<pkg:xmlData>".len()..];
        parts.push((
            name,
            &data[..data.find("</pkg:xmlData>").unwrap_or(data.len())],
        ));
    }
    parts
}

/// A package's text as HTML, and the files it holds whole, in order.
fn pieces_of(package: &Package) -> Result<Vec<Piece>, String> {
    let main = main_part(package);
    let xml = package.main_text(&main)?;
    // The parts the main part names in its relationships: its list
    // definitions and styles (for its numbering) and the files it holds.
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", &main));
    let part = |name: &str| package.part(&super::zip::resolve(folder, name));
    let text = |name: &str| package.text(&super::zip::resolve(folder, name));
    let rels = relationships(&text(&format!("_rels/{file}.rels")).unwrap_or_default());
    let part_of_type = |kind: &str| {
        rels.iter()
            .find(|r| r.1.ends_with(kind))
            .and_then(|r| text(&r.2).ok())
            .unwrap_or_default()
    };
    let mut numbering = Numbering::new(&part_of_type("/numbering"), &part_of_type("/styles"));
    let (html, chunks) = convert(&xml, &mut numbering);
    let mut out = Vec::new();
    let mut from = 0;
    for (at, id) in chunks {
        let Some((_, _, target)) = rels.iter().find(|r| r.0 == id) else {
            continue;
        };
        let Ok(whole) = part(target) else {
            continue;
        };
        out.push(Piece::Html(html[from..at].to_string()));
        out.push(Piece::Whole(whole));
        from = at;
    }
    out.push(Piece::Html(html[from..].to_string()));
    Ok(out)
}

/// The package's main part: the office document its relationships
/// (`_rels/.rels`) name, else `word/document.xml`.
fn main_part(package: &Package) -> String {
    relationships(&package.text("_rels/.rels").unwrap_or_default())
        .into_iter()
        .find(|r| r.1.ends_with("/officeDocument"))
        .map_or("word/document.xml".to_string(), |r| {
            super::zip::resolve("", &r.2)
        })
}

/// (Id, Type, Target) of each relationship of a `.rels` part.
fn relationships(rels: &str) -> Vec<(String, String, String)> {
    tokenize_xml(rels)
        .iter()
        .filter_map(|t| {
            let attr = |k: &str| Some(t.attr(k)?.to_string());
            Some((
                attr("id")?,
                attr("type").unwrap_or_default(),
                attr("target")?,
            ))
        })
        .collect()
}

/// Whether `text` is a Word 2003 XML document (WordprocessingML, one XML
/// file: what Word saves as "Word 2003 XML" and report systems write from
/// templates, often named .doc or .xml).
pub fn is_word_2003(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(4096)];
    head.contains("<w:wordDocument") || head.contains("progid=\"Word.Document\"")
}

/// A document's XML as HTML: a .docx's main part, or a Word 2003 XML
/// document, whose elements are the same (its headers, footers and
/// footnotes written where they belong, and left out as in a .docx).
pub fn xml_to_html(xml: &str) -> String {
    // Its lists and styles stand before its body.
    let head = &xml[..xml.find("<w:body").unwrap_or(xml.len())];
    convert(xml, &mut Numbering::new(head, head)).0
}

/// A paragraph's numbering as read: its style and numPr (`w:pPr`), and
/// whether its number was counted.
#[derive(Default)]
struct Numbered {
    style: Option<String>,
    num: Option<String>,
    level: Option<usize>,
    counted: bool,
}

impl Numbered {
    /// The paragraph's number, counted once: empty after.
    fn count(&mut self, numbering: &mut Numbering) -> String {
        if std::mem::replace(&mut self.counted, true) {
            return String::new();
        }
        numbering.next(self.style.as_deref(), self.num.as_deref(), self.level)
    }
}

/// A document's XML as HTML, and where in it each file held whole stands
/// (a byte offset, and the relationship's id that names the file): only
/// between paragraphs and tables, not inside a table. Each paragraph's
/// automatic number is written before its text.
fn convert(xml: &str, numbering: &mut Numbering) -> (String, Vec<(usize, String)>) {
    let mut chunks = Vec::new();
    let mut out = String::from("<!DOCTYPE html><html><body>\n");
    let mut tables: Vec<Table> = Vec::new();
    let mut para = String::new();
    // Inside <w:t> (text); inside elements not shown (their depth); in a
    // run of hidden text (`w:vanish`).
    let mut in_text = false;
    let mut hidden = 0usize;
    let mut vanished = false;
    // The paragraph's numbering, counted at its first run or its end.
    let mut numbered = Numbered {
        counted: true,
        ..Numbered::default()
    };
    // The paragraph (outside tables) holds a picture: written as <img>
    // after it, so that the reader can say a table was published as one
    // (see published::absent_tables).
    let mut picture = false;
    for token in tokenize_xml(xml) {
        match token {
            Token::Start { name, .. } if NOT_SHOWN.contains(&name.as_ref()) => hidden += 1,
            Token::End { name } if NOT_SHOWN.contains(&name.as_ref()) => {
                hidden = hidden.saturating_sub(1)
            }
            Token::Start { .. } | Token::End { .. } if hidden > 0 => {}
            Token::Start { name, attrs } => {
                let val = || {
                    attrs
                        .iter()
                        .find(|(k, _)| k == "w:val")
                        .map(|(_, v)| v.as_ref())
                };
                match name.as_ref() {
                    "w:t" => in_text = true,
                    "w:altchunk" if tables.is_empty() => {
                        if let Some((_, id)) = attrs.iter().find(|(k, _)| k == "r:id") {
                            flush_paragraph(&mut para, &mut out);
                            chunks.push((out.len(), id.to_string()));
                        }
                    }
                    "pic:pic" | "v:imagedata" if tables.is_empty() => picture = true,
                    "w:pstyle" => numbered.style = val().map(str::to_string),
                    "w:numid" | "w:ilfo" => numbered.num = val().map(str::to_string),
                    "w:ilvl" => numbered.level = val().and_then(|v| v.parse().ok()),
                    "w:r" => {
                        vanished = false;
                        let label = numbered.count(numbering);
                        match tables.last_mut().and_then(Table::cell) {
                            Some(cell) => cell.text.push_str(&label),
                            None => para.push_str(&label),
                        }
                    }
                    "w:vanish" => vanished = !matches!(val(), Some("0" | "false" | "off")),
                    "w:tab" | "w:br" | "w:cr" if !vanished => {
                        match tables.last_mut().and_then(Table::cell) {
                            Some(cell) => cell.text.push(' '),
                            None if name == "w:tab" => para.push(' '),
                            None => flush_paragraph(&mut para, &mut out),
                        }
                    }
                    "w:p" => {
                        numbered = Numbered::default();
                        match tables.last_mut().and_then(Table::cell) {
                            Some(cell) if !cell.text.is_empty() => cell.text.push(' '),
                            Some(_) => {}
                            None => flush_paragraph(&mut para, &mut out),
                        }
                    }
                    "w:tbl" => {
                        if tables.is_empty() {
                            flush_paragraph(&mut para, &mut out);
                        }
                        tables.push(Table::default());
                    }
                    "w:tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                            t.before.push(0);
                        }
                    }
                    "w:gridbefore" => {
                        let skip = val().and_then(|v| v.parse().ok()).unwrap_or(0);
                        if let Some(before) = tables.last_mut().and_then(|t| t.before.last_mut()) {
                            *before = usize::min(skip, 100);
                        }
                    }
                    "w:tc" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            row.push(Cell {
                                span: 1,
                                ..Cell::default()
                            });
                        }
                    }
                    "w:gridspan" => {
                        let span = val().and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some(cell) = tables.last_mut().and_then(Table::cell) {
                            cell.span = usize::clamp(span, 1, 100);
                        }
                    }
                    "w:vmerge" => {
                        let merge = if val() == Some("restart") {
                            Merge::Restart
                        } else {
                            Merge::Continue
                        };
                        if let Some(cell) = tables.last_mut().and_then(Table::cell) {
                            cell.merge = merge;
                        }
                    }
                    _ => {}
                }
            }
            Token::End { name } => match name.as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    // (An empty numbered paragraph counts too.)
                    numbered.count(numbering);
                    if tables.is_empty() {
                        flush_paragraph(&mut para, &mut out);
                        if std::mem::take(&mut picture) {
                            out.push_str("<img>\n");
                        }
                    }
                }
                "w:tbl" => {
                    if let Some(table) = tables.pop() {
                        match tables.last_mut().and_then(Table::cell) {
                            // A table inside a cell: its text joins the cell.
                            Some(cell) => {
                                for inner in table.rows.iter().flatten() {
                                    cell.text.push(' ');
                                    cell.text.push_str(&inner.text);
                                }
                            }
                            None => table.html(&mut out),
                        }
                    }
                }
                _ => {}
            },
            Token::Text(text) if in_text && hidden == 0 && !vanished => {
                match tables.last_mut().and_then(Table::cell) {
                    Some(cell) => cell.text.push_str(&text),
                    None => para.push_str(&text),
                }
            }
            Token::Text(_) => {}
        }
    }
    while let Some(table) = tables.pop() {
        if tables.is_empty() {
            table.html(&mut out);
        }
    }
    flush_paragraph(&mut para, &mut out);
    out.push_str("</body></html>\n");
    (out, chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal package: `document.xml` in a zip.
    fn package(document: &str) -> Vec<u8> {
        crate::export::docx::zip(&[("word/document.xml", document.to_string())])
    }

    /// The package's text as HTML (its pieces all text).
    fn to_html(bytes: &[u8]) -> Result<String, String> {
        pieces(bytes)?
            .into_iter()
            .map(|p| match p {
                Piece::Html(h) => Ok(h),
                Piece::Whole(_) => Err("held whole".to_string()),
            })
            .collect()
    }

    #[test]
    fn merged_cells_become_spans() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
            <w:p><w:r><w:t>标题</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>&lt;2&gt;</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:delText>删去</w:delText><w:t>正文</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let html = to_html(&package(xml)).unwrap();
        assert!(html.contains("<p>标题</p>"), "{html}");
        assert!(html.contains("<tr><td colspan=\"1\" rowspan=\"2\">甲</td><td colspan=\"2\" rowspan=\"1\">乙</td></tr>"), "{html}");
        assert!(html.contains("<tr><td colspan=\"1\" rowspan=\"1\">1</td><td colspan=\"1\" rowspan=\"1\">&lt;2&gt;</td></tr>"), "{html}");
        assert!(
            html.contains("<p>正文</p>") && !html.contains("删去"),
            "{html}"
        );
    }

    /// A row that starts later (gridBefore) keeps its merged cell over the
    /// right column of the row below.
    #[test]
    fn rows_skipping_grid_columns_keep_their_merges() {
        let xml = r#"<w:document><w:body><w:tbl>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
            </w:tbl></w:body></w:document>"#;
        let html = to_html(&package(xml)).unwrap();
        assert!(
            html.contains("<td colspan=\"1\" rowspan=\"2\">甲</td>"),
            "{html}"
        );
        assert!(
            html.contains("<tr><td colspan=\"1\" rowspan=\"1\">乙</td></tr>"),
            "{html}"
        );
    }

    /// What Word does not show is left out, and what follows an empty
    /// element is read: text moved away, a drawing's fallback copy, a
    /// cell's span before a tracked change, hidden text (not when turned
    /// off), field codes and a footnote's reference.
    #[test]
    fn only_what_word_shows_is_read() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>前</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>后</w:t></w:r></w:p>
            <w:p><w:moveFrom w:id="1"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:delText/><w:t>留下</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r></w:p>
            <w:tbl><w:tr>
              <w:tc><w:tcPr><w:gridSpan w:val="2"/><w:tcPrChange w:id="2"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange></w:tcPr>
                <w:p><w:r><w:rPr><w:rPrChange w:id="3"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>12</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>0</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>5</w:t></w:r></w:p></w:tc>
            </w:tr></w:tbl>
            </w:body></w:document>"#;
        let html = to_html(&package(xml)).unwrap();
        let body = &html[html.find("<body>").unwrap() + 6..];
        assert_eq!(
            body,
            "\n<p>前后</p>\n<p>留下</p>\n<p>框</p>\n<p>3</p>\n<table><tr><td colspan=\"2\" rowspan=\"1\">12</td><td colspan=\"1\" rowspan=\"1\">5</td></tr></table>\n</body></html>\n"
        );
    }

    /// The main part where the package's relationships name it, and a file
    /// held whole where its w:altChunk stands, named by the main part's
    /// relationships (a target from the root, or from the main part's
    /// folder); one not found is left out.
    #[test]
    fn files_held_whole_stand_where_their_chunks_are() {
        let document = r#"<w:document><w:body><w:p><w:r><w:t>前</w:t></w:r></w:p>
            <w:altChunk r:id="a"/><w:p><w:r><w:t>中</w:t></w:r></w:p><w:altChunk r:id="b"/><w:altChunk r:id="missing"/>
            <w:p><w:r><w:t>后</w:t></w:r></w:p></w:body></w:document>"#;
        let rels = r#"<Relationships><Relationship Id="a" Type="x/aFChunk" Target="/word/page.mht"/>
            <Relationship Id="b" Type="x/aFChunk" Target="../word/./chunks/two.htm"/></Relationships>"#;
        let package = crate::export::docx::zip(&[
            (
                "_rels/.rels",
                r#"<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>"#.to_string(),
            ),
            ("word/document2.xml", document.to_string()),
            ("word/_rels/document2.xml.rels", rels.to_string()),
            ("word/page.mht", "一".to_string()),
            ("word/chunks/two.htm", "二".to_string()),
        ]);
        let pieces = pieces(&package).unwrap();
        let html = |p: &Piece| match p {
            Piece::Html(h) => h.clone(),
            Piece::Whole(b) => format!("[{}]", String::from_utf8_lossy(b)),
        };
        assert_eq!(
            pieces.iter().map(html).collect::<String>(),
            "<!DOCTYPE html><html><body>\n<p>前</p>\n[一]<p>中</p>\n[二]<p>后</p>\n</body></html>\n"
        );
    }

    #[test]
    fn not_a_docx_says_so() {
        assert_eq!(to_html(b"PK\x03\x04garbage"), Err(NOT_DOCX.to_string()));
        assert_eq!(to_html(b""), Err(NOT_DOCX.to_string()));
    }

    /// A Word XML file (Flat OPC): its main part where its relationships
    /// name it, whatever the order of its parts or their quotes; parts in
    /// base64 and parts without a name are passed over; without a main
    /// part it says so.
    #[test]
    fn a_word_xml_file_is_read_by_its_parts() {
        let flat = r#"<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>
            <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
            <pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" pkg:compression="store"><pkg:binaryData>iVBORw0K</pkg:binaryData></pkg:part>
            <pkg:part pkg:name="/word/other.xml"><pkg:xmlData><w:document><w:body><w:p><w:r><w:t>别处</w:t></w:r></w:p></w:body></w:document></pkg:xmlData></pkg:part>
            <pkg:part pkg:contentType="x"><pkg:xmlData><w:t>无名</w:t></pkg:xmlData></pkg:part>
            <pkg:part pkg:name='/word/main.xml'>
              <pkg:xmlData><w:document><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document></pkg:xmlData>
            </pkg:part>
            <pkg:part pkg:name="/_rels/.rels"><pkg:xmlData><Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships></pkg:xmlData></pkg:part>
            </pkg:package>"#;
        assert!(is_flat_opc(flat) && is_word_2003(flat));
        let html = match flat_pieces(flat).unwrap().as_slice() {
            [Piece::Html(h)] => h.clone(),
            other => panic!("{other:?}"),
        };
        assert!(html.contains("<p>正文</p>"), "{html}");
        assert!(!html.contains("别处") && !html.contains("无名"), "{html}");
        let without = flat.replace("/word/main.xml", "/word/gone.xml");
        assert!(flat_pieces(&without)
            .unwrap_err()
            .starts_with("这个 Word XML 文件里没有文档正文"));
    }
}
