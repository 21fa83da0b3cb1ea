//! Reading a Word .docx file: its main part (`word/document.xml`) taken out
//! of the zip package and written as the simple HTML the published-report
//! reader takes: paragraphs, and tables with their merged cells (`gridSpan`
//! as colspan, `vMerge` as rowspan). Everything else (styles, pictures,
//! headers and footers, field codes, deleted text) is left out.
//!
//! Not for: recognising the report (that is [`super::published`]); writing
//! .docx (that is [`crate::export::docx`]).

use super::html::{tokenize, Token};
use crate::export::escape;

const NOT_DOCX: &str = "不是有效的 Word（.docx）文件：文件已损坏或不是 Word 2007 及以后版本保存的文档。请在 Word 或 WPS 中打开后另存为 .docx 或网页（.htm）再导入";

/// The bytes of the part `name` of a .docx package (the error: a message
/// for the user).
pub fn zip_entry(zip: &[u8], name: &str) -> Result<Vec<u8>, String> {
    super::zip::entry(zip, name).map_err(|e| match e {
        super::zip::Error::Damaged => NOT_DOCX.to_string(),
        super::zip::Error::Missing => {
            "这个 .docx 文件里没有文档正文（word/document.xml），不是 Word 文档".to_string()
        }
    })
}

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

#[derive(Default, PartialEq)]
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

/// The .docx file's text as HTML (see the module's description).
pub fn to_html(bytes: &[u8]) -> Result<String, String> {
    let xml = zip_entry(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    let mut out = String::from("<!DOCTYPE html><html><body>\n");
    let mut tables: Vec<Table> = Vec::new();
    let mut para = String::new();
    // Inside <w:t> (text), or inside text that is not shown.
    let mut in_text = false;
    let mut hidden = 0usize;
    let flush = |para: &mut String, out: &mut String| {
        if !para.trim().is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape(para.trim())));
        }
        para.clear();
    };
    for token in tokenize(&xml) {
        match token {
            Token::Start { name, attrs } => {
                let val = || {
                    attrs
                        .iter()
                        .find(|(k, _)| k == "w:val")
                        .map(|(_, v)| v.as_ref())
                };
                match name.as_ref() {
                    "w:t" => in_text = true,
                    "w:deltext" | "w:instrtext" | "w:footnotereference" => hidden += 1,
                    "w:tab" | "w:br" | "w:cr" if hidden == 0 => {
                        match tables.last_mut().and_then(Table::cell) {
                            Some(cell) => cell.text.push(' '),
                            None if name == "w:tab" => para.push(' '),
                            None => flush(&mut para, &mut out),
                        }
                    }
                    "w:p" => match tables.last_mut().and_then(Table::cell) {
                        Some(cell) if !cell.text.is_empty() => cell.text.push(' '),
                        Some(_) => {}
                        None => flush(&mut para, &mut out),
                    },
                    "w:tbl" => {
                        if tables.is_empty() {
                            flush(&mut para, &mut out);
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
                "w:deltext" | "w:instrtext" | "w:footnotereference" => {
                    hidden = hidden.saturating_sub(1)
                }
                "w:p" if tables.is_empty() => flush(&mut para, &mut out),
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
            Token::Text(text) if in_text && hidden == 0 => {
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
    flush(&mut para, &mut out);
    out.push_str("</body></html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal package: `document.xml` stored in a zip.
    fn package(document: &str) -> Vec<u8> {
        let name = b"word/document.xml";
        let data = document.as_bytes();
        let crc = crc32fast::hash(data);
        let mut zip = Vec::new();
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend([20, 0]);
            }
            h.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend([0, 0]);
            if central {
                h.extend([0; 10]);
                h.extend(0u32.to_le_bytes());
            }
            h.extend(name);
            h
        };
        zip.extend(header(b"PK\x03\x04", false));
        zip.extend(data);
        let directory = zip.len() as u32;
        let central = header(b"PK\x01\x02", true);
        zip.extend(&central);
        zip.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        zip.extend((central.len() as u32).to_le_bytes());
        zip.extend(directory.to_le_bytes());
        zip.extend([0, 0]);
        zip
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

    #[test]
    fn not_a_docx_says_so() {
        assert_eq!(to_html(b"PK\x03\x04garbage"), Err(NOT_DOCX.to_string()));
        assert_eq!(to_html(b""), Err(NOT_DOCX.to_string()));
    }
}
