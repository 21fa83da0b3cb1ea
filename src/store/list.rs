//! The drafts list as the user sees it: rows of plain data and their markup
//! (every text escaped). Rendered as markup with one delegated click handler
//! in the UI (`ui::drafts::list`), which keeps the generated code small.
//!
//! Not for: reading or changing drafts (that is [`super::session`]).

use super::{DraftSummary, Entry};
use crate::export::escape;

/// One row: a draft, a draft in the bin, or an unreadable entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The draft's id, or the key of an unreadable entry.
    pub id: String,
    pub title: String,
    pub year: String,
    pub saved: String,
    /// The error count, or why an entry cannot be read.
    pub errors: String,
    pub current: bool,
    /// (action, label) buttons; the UI dispatches on the action.
    pub actions: Vec<(&'static str, &'static str)>,
}

/// The three lists: drafts, the bin, unreadable entries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lists {
    pub live: Vec<Row>,
    pub bin: Vec<Row>,
    pub unreadable: Vec<Row>,
}

fn title(s: &DraftSummary) -> String {
    match (s.name.is_empty(), s.agency.is_empty()) {
        (false, _) => s.name.clone(),
        (true, false) => s.agency.clone(),
        (true, true) => "（未填写机关名称）".to_string(),
    }
}

/// The rows of `entries`; `current` is the open draft's id, `time` shows an
/// ISO time in local time (the browser's clock).
pub fn rows(entries: &[Entry], current: &str, time: impl Fn(&str) -> String) -> Lists {
    let mut lists = Lists::default();
    for entry in entries {
        match entry {
            Entry::Draft(s) => {
                let row = Row {
                    current: s.id == current,
                    id: s.id.clone(),
                    title: title(s),
                    year: s.year.map(|y| format!("{y}年")).unwrap_or_default(),
                    saved: time(&s.saved_at),
                    errors: s.errors.map_or("—".to_string(), |n| n.to_string()),
                    actions: Vec::new(),
                };
                if s.deleted {
                    lists.bin.push(Row {
                        actions: vec![("restore", "恢复"), ("purge", "彻底删除")],
                        ..row
                    });
                } else {
                    let mut actions = vec![
                        ("open", "打开"),
                        ("duplicate", "复制"),
                        ("rename", "重命名"),
                        ("next-year", "用作上年报告新建"),
                        ("delete", "删除"),
                    ];
                    if row.current {
                        actions.remove(0);
                    }
                    lists.live.push(Row { actions, ..row });
                }
            }
            Entry::Unreadable(u) => lists.unreadable.push(Row {
                id: u.key.clone(),
                title: u.key.clone(),
                year: String::new(),
                saved: String::new(),
                errors: u.reason.clone(),
                current: false,
                actions: vec![("download-raw", "下载原文"), ("purge-raw", "删除")],
            }),
        }
    }
    lists
}

/// The rows of one table body, escaped.
pub fn rows_html(rows: &[Row]) -> String {
    let mut html = String::new();
    for row in rows {
        let buttons: String = row
            .actions
            .iter()
            .map(|(act, label)| {
                format!(
                    r#"<button type="button" data-act="{act}" data-id="{}">{label}</button>"#,
                    escape(&row.id)
                )
            })
            .collect();
        html.push_str(&format!(
            r#"<tr data-draft="{}"{}><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td class="actions">{buttons}</td></tr>"#,
            escape(&row.id),
            if row.current { r#" class="current""# } else { "" },
            escape(&row.title),
            if row.current { "（当前）" } else { "" },
            escape(&row.year),
            escape(&row.saved),
            escape(&row.errors),
        ));
    }
    if rows.is_empty() {
        html.push_str(r#"<tr><td colspan="5">（无）</td></tr>"#);
    }
    html
}

/// The whole list: drafts, the bin, unreadable entries.
pub fn html(lists: &Lists) -> String {
    const HEAD: &str = "<thead><tr><th scope=\"col\">草稿</th><th scope=\"col\">年度</th><th scope=\"col\">最后修改</th><th scope=\"col\">错误 / 原因</th><th scope=\"col\">操作</th></tr></thead>";
    format!(
        "<table>{HEAD}<tbody>{}</tbody></table><h3>回收站</h3><table class=\"bin\">{HEAD}<tbody>{}</tbody></table><h3>无法读取的条目（已原样保留）</h3><table class=\"unreadable\">{HEAD}<tbody>{}</tbody></table>",
        rows_html(&lists.live),
        rows_html(&lists.bin),
        rows_html(&lists.unreadable)
    )
}
