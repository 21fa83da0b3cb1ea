//! Importing a report that was already published (saved web page, .txt, or
//! pasted text): what was recognised is shown first — every cell read or
//! not with its source text, the sections found — and only then becomes a
//! new draft or the open draft's last-year baseline.

use super::drafts::Drafts;
use super::Editor;
use crate::browser::files;
use crate::export::escape;
use crate::format;
use crate::import::published::{self, Recognised};
use leptos::ev;
use leptos::prelude::*;

/// The review of a recognised report, as escaped HTML (a long, static table:
/// markup keeps the module small).
fn review_html(r: &Recognised) -> String {
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

/// Shared state: the last recognised report, awaiting the user's choice.
#[derive(Clone, Copy)]
pub struct Published {
    pub pending: RwSignal<Option<Recognised>>,
    pub paste_open: RwSignal<bool>,
    /// Held here: file callbacks run outside the component tree, where
    /// context is not available.
    pub drafts: Drafts,
}

impl Published {
    pub fn read_text(self, text: &str) {
        let drafts = self.drafts;
        match published::read(text) {
            Ok(r) => {
                drafts.import_errors.set(Vec::new());
                self.paste_open.set(false);
                self.pending.set(Some(r));
            }
            Err(e) => drafts.import_errors.set(vec![e]),
        }
    }

    pub fn read_bytes(self, bytes: &[u8]) {
        let charset = published::detect_charset(bytes);
        match files::decode(bytes, charset) {
            Ok(text) => self.read_text(&text),
            Err(e) => self
                .drafts
                .import_errors
                .set(vec![format!("无法按 {charset} 解码该文件：{e}")]),
        }
    }
}

#[component]
pub fn PublishedImport() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let state = expect_context::<Published>();
    let on_file = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            if file.size() > crate::import::MAX_FILE_BYTES as f64 {
                drafts
                    .import_errors
                    .set(vec![crate::import::too_large(file.size() as usize)]);
            } else {
                files::read_bytes(&file, move |r| match r {
                    Ok(bytes) => state.read_bytes(&bytes),
                    Err(e) => drafts.import_errors.set(vec![format!("无法读取文件：{e}")]),
                });
            }
        }
        input.set_value("");
    };
    let on_paste = move |ev: ev::ClipboardEvent| {
        ev.prevent_default();
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let text = if html.trim().is_empty() {
            data.get_data("text/plain").unwrap_or_default()
        } else {
            html
        };
        state.read_text(&text);
    };
    let take = move |as_last_year: bool| {
        let Some(r) = state.pending.get_untracked() else {
            return;
        };
        state.pending.set(None);
        if as_last_year {
            editor.last_year.set(Some(r.report));
            editor.notice.set(Some(
                "已设为当前草稿的上一年度报告：跨年度检查（上年结转、现行有效件数等）已启用".into(),
            ));
        } else {
            drafts.import_recognised(editor, r.report);
        }
    };
    view! {
        <label class="button">
            "导入已发布的年报"
            <input type="file" class="visually-hidden" data-action="import-published"
                accept=".html,.htm,.txt,text/html,text/plain" on:change=on_file/>
        </label>
        <button type="button" data-action="paste-published" on:click=move |_| state.paste_open.set(true)>"粘贴年报…"</button>
        {move || state.paste_open.get().then(|| view! {
            <div class="preview import-review" role="dialog" aria-label="粘贴已发布的年报">
                <div class="preview-head">
                    <strong>"粘贴已发布的年报"</strong>
                    <button type="button" on:click=move |_| state.paste_open.set(false)>"取消"</button>
                </div>
                <div class="paste-target" tabindex="0" data-action="paste-target" on:paste=on_paste>
                    "在网页上选中整篇年报（含表格）并复制，然后点击此处，按 Ctrl+V 粘贴。"
                </div>
            </div>
        })}
        {move || state.pending.get().map(|r| view! {
            <div class="preview import-review" role="dialog" aria-label="识别结果">
                <div class="preview-head">
                    <strong>"识别结果：请核对后再导入"</strong>
                    <span>
                        <button type="button" data-action="import-as-new" on:click=move |_| take(false)>"导入为新草稿"</button>
                        <button type="button" data-action="import-as-last-year" on:click=move |_| take(true)>"作为当前草稿的上一年度报告"</button>
                        <button type="button" on:click=move |_| state.pending.set(None)>"取消"</button>
                    </span>
                </div>
                <div class="review-body" inner_html=review_html(&r)></div>
            </div>
        })}
    }
}
