//! Preview, download and copy of the publication-ready HTML
//! ([`crate::export::html`]): the preview shows exactly the downloaded file.

use super::Editor;
use crate::browser::files;
use crate::export::html;
use crate::rules::{RuleId, Severity};
use leptos::prelude::*;

/// Asks before exporting a report with open errors (or past its deadline),
/// listing them. True to go on.
fn confirm_export(editor: Editor, what: &str) -> bool {
    let findings = editor.findings.get_untracked();
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("· {}", f.message))
        .collect();
    let late = findings
        .iter()
        .find(|f| f.rule == RuleId::DEADLINE && f.severity == Severity::Warning)
        .map(|f| f.message.clone());
    if errors.is_empty() && late.is_none() {
        return true;
    }
    let mut message = String::new();
    if !errors.is_empty() {
        message.push_str(&format!("报告还有 {} 个错误：\n", errors.len()));
        for e in errors.iter().take(10) {
            message.push_str(e);
            message.push('\n');
        }
        if errors.len() > 10 {
            message.push_str(&format!("……等 {} 个\n", errors.len()));
        }
    }
    if let Some(late) = late {
        message.push_str(&format!("注意：{late}。\n"));
    }
    message.push_str(&format!("\n仍要{what}吗？"));
    window().confirm_with_message(&message).unwrap_or(false)
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let preview = RwSignal::new(false);
    let download = move |_| {
        if !confirm_export(editor, "下载") {
            return;
        }
        let report = editor.report().get_untracked();
        let name = report.file_name("html");
        match files::download(&name, "text/html;charset=utf-8", &html::render(&report)) {
            Ok(()) => editor.notice.set(Some(format!("已下载 {name}"))),
            Err(e) => editor.notice.set(Some(format!("下载失败：{e}"))),
        }
    };
    // 下载 Word: written by the on-demand worker (the form page does not
    // carry the .docx writer).
    let download_docx = move |_| {
        if !confirm_export(editor, "下载") {
            return;
        }
        let report = editor.report().get_untracked();
        let name = report.file_name("docx");
        editor.notice.set(Some("正在生成 Word 文件……".into()));
        crate::browser::importer::run(
            crate::browser::importer::Input::Docx(report.to_json_string()),
            move |reply| {
                let message = match reply {
                    Ok(crate::browser::importer::Reply::Bytes(bytes)) => match files::download_bytes(
                        &name,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        &bytes,
                    ) {
                        Ok(()) => format!("已下载 {name}"),
                        Err(e) => format!("下载失败：{e}"),
                    },
                    Ok(_) => "未能生成 Word 文件".to_string(),
                    Err(e) => format!("未能生成 Word 文件：{e}"),
                };
                editor.notice.set(Some(message));
            },
        );
    };
    let copy = move |_| {
        if !confirm_export(editor, "复制") {
            return;
        }
        let report = editor.report().get_untracked();
        let ok = files::copy_rich(&html::body(&report), &html::plain_text(&report));
        editor.notice.set(Some(if ok {
            "已复制：可粘贴到网站编辑器或 WPS，表格会保留".to_string()
        } else {
            "浏览器未允许复制，请改用“下载 HTML”".to_string()
        }));
    };
    let document = Memo::new(move |_| preview.get().then(|| editor.report().with(html::render)));
    view! {
        <button type="button" aria-pressed=move || preview.get().to_string() on:click=move |_| preview.update(|p| *p = !*p)>
            "预览"
        </button>
        <button type="button" data-action="download-html" on:click=download>"下载 HTML"</button>
        <button type="button" data-action="download-docx" on:click=download_docx>"下载 Word"</button>
        <button type="button" data-action="copy-html" on:click=copy>"复制"</button>
        {move || document.get().map(|doc| view! {
            <div class="preview" role="dialog" aria-label="发布稿预览">
                <div class="preview-head">
                    <strong>"发布稿预览（与下载的 HTML 完全相同）"</strong>
                    <button type="button" on:click=move |_| preview.set(false)>"关闭预览"</button>
                </div>
                <iframe title="发布稿预览" sandbox="" srcdoc=doc></iframe>
            </div>
        })}
    }
}
