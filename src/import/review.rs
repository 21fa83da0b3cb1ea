//! The review of a recognised published report, as escaped markup: what was
//! read, cell by cell with its source text, the sections found and the
//! notes, shown before anything is created (`ui::import`).
//!
//! Not for: recognising (that is [`super::published`]).

use super::published::Recognised;
use crate::export::escape;
use crate::format;

/// The review as HTML; every text from the page is escaped.
pub fn html(r: &Recognised) -> String {
    let f = format::current();
    let mut html = String::new();
    html.push_str(&format!(
        "<p><strong>{}</strong>：{} 年度；表格单元格读取 {} / {} 个。</p>",
        escape(if r.report.meta.agency.is_empty() {
            "（未识别出机关名称）"
        } else {
            &r.report.meta.agency
        }),
        r.report
            .meta
            .year
            .map_or("（未识别）".to_string(), |y| y.to_string()),
        r.cells_read(),
        f.cells().len()
    ));
    html.push_str("<ul class=\"sections-found\">");
    for (section, found) in f.sections.iter().zip(&r.sections) {
        match found {
            Some(h) => html.push_str(&format!("<li>✓ {}</li>", escape(h))),
            None => html.push_str(&format!(
                "<li class=\"missing\">✕ 未找到“{}”</li>",
                escape(section.heading)
            )),
        }
    }
    html.push_str("</ul>");
    for note in &r.notes {
        html.push_str(&format!("<p class=\"note\">{}</p>", escape(note)));
    }
    html.push_str("<details><summary>逐格查看（值 ← 原文）</summary><table class=\"review\"><thead><tr><th scope=\"col\">单元格</th><th scope=\"col\">读取的值</th><th scope=\"col\">原文</th></tr></thead><tbody>");
    for (i, def) in f.cells().iter().enumerate() {
        let (class, value, source) = match &r.sources[i] {
            Some(s) => (
                "",
                r.report.cells[i].display(),
                format!("{}：{}", s.row, s.text),
            ),
            None => (
                " class=\"unread\"",
                "（未读取，留空）".to_string(),
                String::new(),
            ),
        };
        html.push_str(&format!(
            "<tr{class} data-key-review=\"{}\"><td>{} {}</td><td>{}</td><td>{}</td></tr>",
            escape(&def.key),
            escape(def.table.caption),
            escape(&def.name),
            escape(&value),
            escape(&source)
        ));
    }
    html.push_str("</tbody></table></details>");
    html
}
