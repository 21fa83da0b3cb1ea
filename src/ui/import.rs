//! Importing, in one place: picked and dropped files (our JSON, saved web
//! pages, .txt), pasted text, the review of a recognised published report
//! and its two choices (a new draft, or the open draft's last-year
//! baseline), and the errors of all of these. It depends on the drafts
//! (an import becomes a draft through [`Drafts::run`]), never the reverse.
//!
//! Published reports are read in the importer worker
//! ([`crate::browser::importer`]), loaded on the first such import: the form
//! page does not carry that code.
//!
//! Not for: recognising (that is [`crate::import`]), nor the review's
//! markup ([`crate::import::review`]).

use super::drafts::Drafts;
use super::Editor;
use crate::browser::{files, importer};
use crate::import;
use crate::model::Report;
use crate::store::session::Action;
use leptos::ev;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;

/// The import's state, in context (and held by file callbacks, which run
/// outside the component tree).
#[derive(Clone, Copy)]
pub struct Import {
    /// A recognised published report and its review's markup, awaiting
    /// the user's choice.
    pending: RwSignal<Option<(Report, String)>>,
    /// The importer is reading.
    busy: RwSignal<bool>,
    paste_open: RwSignal<bool>,
    /// Why the last import failed (the open draft is untouched).
    errors: RwSignal<Vec<String>>,
    drafts: Drafts,
    editor: Editor,
}

impl Import {
    pub fn new(drafts: Drafts, editor: Editor) -> Import {
        Import {
            pending: RwSignal::new(None),
            busy: RwSignal::new(false),
            paste_open: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            drafts,
            editor,
        }
    }

    fn fail(self, message: String) {
        self.errors.set(vec![message]);
    }

    /// Reads a published report in the importer worker; the review opens
    /// when it answers.
    fn read_published(self, input: importer::Input) {
        self.busy.set(true);
        importer::run(input, move |answer| {
            self.busy.set(false);
            let answer = answer.and_then(|reply| match reply {
                importer::Reply::Read(a) => Ok(a),
                _ => Err(importer::UNRECOGNISED.to_string()),
            });
            let answer = answer.and_then(|a| {
                Report::from_json_str(&a.report_json)
                    .map(|r| (r, a.review_html))
                    .map_err(|_| crate::import::job::ANSWER_UNREADABLE.to_string())
            });
            match answer {
                Ok(pending) => {
                    self.errors.set(Vec::new());
                    self.paste_open.set(false);
                    self.pending.set(Some(pending));
                }
                Err(e) => self.fail(e),
            }
        });
    }

    fn read_json(self, bytes: &[u8]) {
        match import::json_file(bytes) {
            Ok(report) => {
                self.errors.set(Vec::new());
                self.drafts
                    .run(self.editor, Action::ImportAsNew(Box::new(report)));
            }
            Err(errors) => self.errors.set(errors),
        }
    }

    /// Reads the first file of a list: our JSON, or a published report
    /// (.html, .htm, .shtml, .mhtml, .mht, .txt, .md, .docx, .doc, .wps,
    /// .rtf, .xml, .ofd, .pdf) for review.
    fn files(self, files: Option<web_sys::FileList>) {
        let Some(file) = files.and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        if let Some(why) = import::over_limit(&name, file.size() as usize) {
            return self.fail(format!("“{name}”：{why}"));
        }
        if let Some(why) = import::unsupported(&name) {
            return self.fail(format!("“{name}”：{why}"));
        }
        let lower = name.to_ascii_lowercase();
        let page = !lower.ends_with(".json");
        files::read_bytes(&file, move |result| {
            match result {
            Ok(bytes) if page => self.read_published(importer::Input::Bytes(bytes)),
            Ok(bytes) => self.read_json(&bytes),
            Err(e) => self.fail(format!(
                "无法读取文件“{name}”（{e}）。文件没有导入，当前草稿未改动；请确认文件仍在原处、未被其他程序占用后重试。"
            )),
        }
        });
    }

    fn take(self, as_last_year: bool) {
        let Some((report, _)) = self.pending.get_untracked() else {
            return;
        };
        self.pending.set(None);
        if as_last_year {
            self.editor.last_year.set(Some(report));
            self.editor.notice.set(Some(
                "已设为当前草稿的上一年度报告：跨年度检查（上年结转、现行有效件数等）已启用".into(),
            ));
        } else {
            self.drafts
                .run(self.editor, Action::ImportAsNew(Box::new(report)));
        }
    }
}

/// The import buttons of the toolbar, the paste and review dialogs, and
/// dropping a file anywhere on the page.
#[component]
pub fn ImportBar() -> impl IntoView {
    let state = expect_context::<Import>();
    let on_file = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        state.files(input.files());
        input.set_value("");
    };
    let over = window_event_listener(ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        state.files(e.data_transfer().and_then(|d| d.files()));
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
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
        state.read_published(importer::Input::Text(text));
    };
    view! {
        <label class="button">
            "导入 JSON"
            <input type="file" class="visually-hidden" data-action="import-file"
                accept=".json,application/json" on:change=on_file/>
        </label>
        <label class="button">
            "导入已发布的年报"
            <input type="file" class="visually-hidden" data-action="import-published"
                accept=".html,.htm,.shtml,.mhtml,.mht,.txt,.md,.docx,.doc,.wps,.rtf,.xml,.ofd,.pdf,text/html,text/plain,multipart/related,application/pdf" on:change=on_file/>
        </label>
        <button type="button" data-action="paste-published" on:click=move |_| state.paste_open.set(true)>"粘贴年报…"</button>
        {move || state.paste_open.get().then(|| view! {
            <div class="preview import-review" role="dialog" aria-label="粘贴已发布的年报">
                <div class="preview-head">
                    <strong>"粘贴已发布的年报"</strong>
                    <button type="button" on:click=move |_| state.paste_open.set(false)>"取消"</button>
                </div>
                <div class="paste-target" tabindex="0" data-action="paste-target" on:paste=on_paste>
                    "在网页、Word、PDF 或 OFD 阅读器中选中整篇年报（含表格）并复制，然后点击此处，按 Ctrl+V 粘贴。"
                </div>
            </div>
        })}
        {move || state.busy.get().then(|| view! {
            <span class="import-busy" role="status">"正在读取……"</span>
        })}
        {move || state.pending.get().map(|(_, review)| view! {
            <div class="preview import-review" role="dialog" aria-label="识别结果">
                <div class="preview-head">
                    <strong>"识别结果：请核对后再导入"</strong>
                    <span>
                        <button type="button" data-action="import-as-new" on:click=move |_| state.take(false)>"导入为新草稿"</button>
                        <button type="button" data-action="import-as-last-year" on:click=move |_| state.take(true)>"作为当前草稿的上一年度报告"</button>
                        <button type="button" on:click=move |_| state.pending.set(None)>"取消"</button>
                    </span>
                </div>
                <div class="review-body" inner_html=review></div>
            </div>
        })}
    }
}

/// Why the last import failed.
#[component]
pub fn ImportErrors() -> impl IntoView {
    let state = expect_context::<Import>();
    move || {
        let errors = state.errors.get();
        (!errors.is_empty()).then(|| view! {
            <div class="banners">
                <div class="banner error" role="alert" data-banner="import-failed">
                    <p>"导入失败，当前草稿未改动："</p>
                    <ul>{errors.iter().take(20).map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                    {(errors.len() > 20).then(|| view! { <p>{format!("……共 {} 处问题", errors.len())}</p> })}
                    <button type="button" on:click=move |_| state.errors.set(Vec::new())>"关闭"</button>
                </div>
            </div>
        })
    }
}
