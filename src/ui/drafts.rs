//! Drafts that are never lost: autosave, the drafts list, new / duplicate /
//! rename / delete (to a bin), new from last year's report, JSON download and
//! import, and the banners that say plainly when the browser will not keep
//! data or another tab changed the draft.
//!
//! The rules (revisions, conflicts, migration, never touching unreadable
//! entries) are in [`crate::store`]; this module wires them to the page.

use super::Editor;
use crate::browser::storage::Backend;
use crate::browser::{self, files};
use crate::import;
use crate::model::Report;
use crate::store::{draft_key, Draft, Entry, ReadError, SaveError, Store, WriteError};
use leptos::ev;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, window_event_listener, TimeoutHandle};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::time::Duration;

/// Autosave waits this long after the last change (the issue allows 500 ms).
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Saved at this ISO time.
    Saved(String),
    /// Changes wait for the autosave.
    Pending,
    /// The browser keeps nothing: only downloads keep the work.
    NotKept,
    /// Saving failed; the last good copy is intact.
    Failed(String),
    /// Another tab saved a newer revision; nothing is saved until the user chooses.
    Conflict,
}

/// The open draft's identity.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub id: String,
    pub name: String,
    /// The revision this page's copy is based on.
    pub revision: u64,
}

/// Shared state of the drafts, in context.
#[derive(Clone, Copy)]
pub struct Drafts {
    store: StoredValue<Store<Backend>>,
    pub current: RwSignal<Current>,
    pub state: RwSignal<SaveState>,
    pub list: RwSignal<Vec<Entry>>,
    /// The newer copy another tab saved, while the user has not chosen.
    pub conflict: RwSignal<Option<Draft>>,
    /// Messages of the last failed import.
    pub import_errors: RwSignal<Vec<String>>,
    pub persistent: bool,
    timer: StoredValue<Option<TimeoutHandle>>,
}

/// Opens the store and the draft that was open, or starts a new one.
pub fn open(default_report: Report) -> (Drafts, Report, Option<Report>) {
    let backend = Backend::detect();
    let persistent = backend.is_persistent();
    let store = Store::new(backend);
    let mut notice = None;
    let (current, report, last_year) = match store.open_id().map(|id| (store.load(&id), id)) {
        Some((Some(Ok(draft)), _)) => (
            Current {
                id: draft.id.clone(),
                name: draft.name.clone(),
                revision: draft.revision,
            },
            draft.report,
            draft.last_year,
        ),
        Some((Some(Err(e)), id)) => {
            notice = Some(format!("上次打开的草稿（{id}）无法读取，已原样保留：{e}"));
            (fresh(), default_report, None)
        }
        _ => (fresh(), default_report, None),
    };
    let list = store.list();
    let drafts = Drafts {
        store: StoredValue::new(store),
        current: RwSignal::new(current),
        state: RwSignal::new(if persistent {
            SaveState::Saved(String::new())
        } else {
            SaveState::NotKept
        }),
        list: RwSignal::new(list),
        conflict: RwSignal::new(None),
        import_errors: RwSignal::new(notice.into_iter().collect()),
        persistent,
        timer: StoredValue::new(None),
    };
    (drafts, report, last_year)
}

fn fresh() -> Current {
    Current {
        id: browser::new_id(),
        name: String::new(),
        revision: 0,
    }
}

impl Drafts {
    /// Starts autosave, the flush on leaving the page and the watch on other tabs.
    pub fn watch(self, editor: Editor) {
        Effect::new(move |first: Option<()>| {
            editor.report.track();
            editor.last_year.track();
            if first.is_some() {
                self.schedule(editor);
            }
        });
        let flush = move || {
            if self.state.get_untracked() == SaveState::Pending {
                self.save_now(editor);
            }
        };
        let hide = window_event_listener(ev::pagehide, move |_| flush());
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        let other_tab = window_event_listener(ev::storage, move |e| self.on_storage(e));
        on_cleanup(move || {
            hide.remove();
            visibility.remove();
            other_tab.remove();
        });
    }

    fn schedule(self, editor: Editor) {
        if self.state.get_untracked() == SaveState::Conflict {
            return;
        }
        if self.persistent {
            self.state.set(SaveState::Pending);
        }
        if let Some(Some(handle)) = self.timer.try_update_value(|t| t.take()) {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(editor), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// The open draft as the store sees it.
    fn draft(self, editor: Editor) -> Draft {
        let current = self.current.get_untracked();
        let mut draft = Draft::new(current.id, editor.report.get_untracked());
        draft.name = current.name;
        draft.revision = current.revision;
        draft.last_year = editor.last_year.get_untracked();
        draft
    }

    /// Saves now; on a conflict or a failure nothing is overwritten.
    pub fn save_now(self, editor: Editor) {
        if let Some(Some(handle)) = self.timer.try_update_value(|t| t.take()) {
            handle.clear();
        }
        if self.state.get_untracked() == SaveState::Conflict {
            return;
        }
        let mut draft = self.draft(editor);
        let now = browser::now_iso();
        let result = self.store.try_update_value(|s| {
            let r = s.save(&mut draft, &now);
            if r.is_ok() {
                let _ = s.set_open(&draft.id);
            }
            r
        });
        match result {
            Some(Ok(())) => {
                self.current.update(|c| c.revision = draft.revision);
                self.state.set(if self.persistent {
                    SaveState::Saved(now)
                } else {
                    SaveState::NotKept
                });
            }
            Some(Err(SaveError::Conflict(theirs))) => {
                self.conflict.set(Some(*theirs));
                self.state.set(SaveState::Conflict);
            }
            Some(Err(SaveError::Write(WriteError::Quota))) => self.state.set(SaveState::Failed(
                "浏览器存储空间已满，本次修改未能保存（上一次保存的内容完好）。请立即下载 JSON 备份，并删除不用的草稿。".into(),
            )),
            Some(Err(SaveError::Write(WriteError::Other(e)))) => {
                self.state.set(SaveState::Failed(format!("浏览器拒绝保存（{e}），上一次保存的内容完好。请下载 JSON 备份。")))
            }
            Some(Err(SaveError::Unreadable(e))) => self.state.set(SaveState::Failed(format!(
                "存储中同名的条目无法读取，未覆盖它：{e}。请下载 JSON 备份后另存为新草稿。"
            ))),
            None => {}
        }
    }

    fn on_storage(self, event: web_sys::StorageEvent) {
        let current = self.current.get_untracked();
        if event.key().as_deref() == Some(draft_key(&current.id).as_str()) {
            if let Some(Ok(theirs)) = event.new_value().map(|v| Draft::from_json(&v)) {
                if theirs.revision > current.revision {
                    self.conflict.set(Some(theirs));
                    self.state.set(SaveState::Conflict);
                }
            }
        }
        self.refresh();
    }

    /// Re-reads the list of drafts.
    pub fn refresh(self) {
        if let Some(list) = self.store.try_with_value(Store::list) {
            self.list.set(list);
        }
    }

    /// Makes `draft` the open draft in the editor (the current one is saved first).
    fn switch_to(self, editor: Editor, draft: Draft) {
        if self.state.get_untracked() == SaveState::Pending {
            self.save_now(editor);
        }
        self.current.set(Current {
            id: draft.id.clone(),
            name: draft.name.clone(),
            revision: draft.revision,
        });
        self.conflict.set(None);
        self.state.set(if self.persistent {
            SaveState::Saved(draft.saved_at.clone())
        } else {
            SaveState::NotKept
        });
        editor.replace(draft.report, draft.last_year);
        self.store.update_value(|s| {
            let _ = s.set_open(&draft.id);
        });
    }

    /// Opens a new draft holding `report` and saves it.
    fn start(self, editor: Editor, report: Report, last_year: Option<Report>, name: String) {
        let mut draft = Draft::new(browser::new_id(), report);
        draft.last_year = last_year;
        draft.name = name;
        self.switch_to(editor, draft);
        self.save_now(editor);
        self.refresh();
    }

    pub fn new_draft(self, editor: Editor) {
        let mut report = Report::new();
        report.meta.year = Some(crate::model::default_year(browser::today()));
        self.start(editor, report, None, String::new());
        editor.notice.set(Some(
            "已新建草稿（原草稿已保存，可在“我的草稿”中打开）".into(),
        ));
    }

    fn load(self, id: &str) -> Option<Result<Draft, ReadError>> {
        self.store.try_with_value(|s| s.load(id)).flatten()
    }

    pub fn open_draft(self, editor: Editor, id: &str) {
        match self.load(id) {
            Some(Ok(draft)) => {
                self.switch_to(editor, draft);
                editor.notice.set(Some("已打开草稿".into()));
            }
            Some(Err(e)) => editor.notice.set(Some(format!("无法打开：{e}"))),
            None => editor.notice.set(Some("该草稿已不存在".into())),
        }
    }

    pub fn duplicate(self, editor: Editor, id: &str) {
        if let Some(Ok(draft)) = self.load(id) {
            let name = format!("{}（副本）", display_name(&draft.name, &draft.report));
            self.start(editor, draft.report, draft.last_year, name);
            editor.notice.set(Some("已复制为新草稿并打开".into()));
        }
    }

    /// "用上一年度报告新建": a draft for the next year, with `id` as its baseline.
    pub fn next_year_from(self, editor: Editor, id: &str) {
        if let Some(Ok(draft)) = self.load(id) {
            let next = draft.report.next_year();
            self.start(editor, next, Some(draft.report), String::new());
            editor.notice.set(Some(
                "已用上一年度报告新建：机关信息已复制，“二、上年结转”已按上年“结转下年度继续办理”填入，上年报告作为跨年度检查的依据".into(),
            ));
        }
    }

    pub fn rename(self, editor: Editor, id: &str, name: String) {
        if id == self.current.get_untracked().id {
            self.current.update(|c| c.name = name);
            self.save_now(editor);
        } else if let Some(Ok(mut draft)) = self.load(id) {
            draft.name = name;
            let now = browser::now_iso();
            self.store.update_value(|s| {
                let _ = s.save(&mut draft, &now);
            });
        }
        self.refresh();
    }

    pub fn set_deleted(self, editor: Editor, id: &str, deleted: bool) {
        if deleted && id == self.current.get_untracked().id {
            self.save_now(editor);
        }
        let now = browser::now_iso();
        let result = self
            .store
            .try_update_value(|s| s.set_deleted(id, deleted, &now));
        if let Some(Err(e)) = result {
            editor.notice.set(Some(match e {
                SaveError::Write(WriteError::Quota) => {
                    "未能移动草稿：浏览器存储空间已满".to_string()
                }
                SaveError::Unreadable(e) => format!("未能移动草稿：{e}"),
                _ => "未能移动草稿，请重试".to_string(),
            }));
        }
        if deleted && id == self.current.get_untracked().id {
            self.new_draft(editor);
        }
        self.refresh();
    }

    /// Removes an entry for good, after the user confirmed.
    pub fn purge(self, key: &str) {
        self.store.update_value(|s| s.purge(key));
        self.refresh();
    }

    /// Resolves a conflict by taking the other tab's copy.
    pub fn take_theirs(self, editor: Editor) {
        if let Some(theirs) = self.conflict.get_untracked() {
            self.state.set(SaveState::Saved(theirs.saved_at.clone()));
            self.switch_to(editor, theirs);
        }
    }

    /// Resolves a conflict by keeping this page's copy as a new draft.
    pub fn keep_mine_as_new(self, editor: Editor) {
        let report = editor.report.get_untracked();
        let last_year = editor.last_year.get_untracked();
        let name = format!(
            "{}（本页的版本）",
            display_name(&self.current.get_untracked().name, &report)
        );
        self.conflict.set(None);
        self.state.set(SaveState::Pending);
        self.start(editor, report, last_year, name);
    }

    /// Opens a recognised published report as a new draft; the open one is kept.
    pub fn import_recognised(self, editor: Editor, report: Report) {
        self.start(editor, report, None, String::new());
        editor.notice.set(Some(
            "已导入为新草稿（原草稿未改动）；未能读取的单元格已留空，请对照原文补填".into(),
        ));
    }

    /// Imports a downloaded JSON file as a new draft; the open one is kept.
    pub fn import_file(self, editor: Editor, bytes: Vec<u8>) {
        match import::json_file(&bytes) {
            Ok(report) => {
                self.import_errors.set(Vec::new());
                self.start(editor, report, None, String::new());
                editor
                    .notice
                    .set(Some("已导入为新草稿（原草稿未改动）".into()));
            }
            Err(errors) => self.import_errors.set(errors),
        }
    }
}

/// The name shown for a draft: its own name, else its title.
pub fn display_name(name: &str, report: &Report) -> String {
    if !name.is_empty() {
        return name.to_string();
    }
    if report.meta.agency.is_empty() {
        "（未填写机关名称）".to_string()
    } else {
        report.title()
    }
}

/// Reads the first file of a file list and imports it: our JSON, or a
/// published report (.html, .htm, .txt) for review.
fn import_files(
    drafts: Drafts,
    editor: Editor,
    state: super::published::Published,
    files: Option<web_sys::FileList>,
) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    if file.size() > import::MAX_FILE_BYTES as f64 {
        drafts.import_errors.set(vec![format!(
            "“{}”：{}",
            file.name(),
            import::too_large(file.size() as usize)
        )]);
        return;
    }
    let name = file.name().to_ascii_lowercase();
    let published = [".html", ".htm", ".txt"].iter().any(|e| name.ends_with(e));
    files::read_bytes(&file, move |result| match result {
        Ok(bytes) if published => state.read_bytes(&bytes),
        Ok(bytes) => drafts.import_file(editor, bytes),
        Err(e) => drafts.import_errors.set(vec![format!("无法读取文件：{e}")]),
    });
}

/// Download and import buttons, the save indicator and the drafts button.
#[component]
pub fn DraftBar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let show_list = RwSignal::new(false);
    let download_json = move |_| {
        let report = editor.report.get_untracked();
        let text = report.to_export_json(&browser::now_iso());
        match files::download(&report.file_name("json"), "application/json", &text) {
            Ok(()) => editor
                .notice
                .set(Some(format!("已下载 {}", report.file_name("json")))),
            Err(e) => editor.notice.set(Some(format!("下载失败：{e}"))),
        }
    };
    let state = expect_context::<super::published::Published>();
    let on_file = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        import_files(drafts, editor, state, input.files());
        input.set_value("");
    };
    // Dropping a file anywhere on the page imports it.
    let over = window_event_listener(ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        import_files(
            drafts,
            editor,
            state,
            e.data_transfer().and_then(|d| d.files()),
        );
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
    view! {
        <span class="save-state" role="status" data-save-state=move || match drafts.state.get() {
            SaveState::Saved(_) => "saved",
            SaveState::Pending => "pending",
            SaveState::NotKept => "not-kept",
            SaveState::Failed(_) => "failed",
            SaveState::Conflict => "conflict",
        }>
            {move || match drafts.state.get() {
                SaveState::Saved(at) if at.is_empty() => "未修改".to_string(),
                SaveState::Saved(at) => format!("已保存 {}", browser::local_time(&at)),
                SaveState::Pending => "未保存".to_string(),
                SaveState::NotKept => "未保存（浏览器不保留数据）".to_string(),
                SaveState::Failed(_) => "保存失败".to_string(),
                SaveState::Conflict => "未保存（另一页已修改）".to_string(),
            }}
        </span>
        <button type="button" data-action="new-draft" on:click=move |_| drafts.new_draft(editor)>"新建草稿"</button>
        <button type="button" aria-expanded=move || show_list.get().to_string()
            on:click=move |_| { drafts.refresh(); show_list.update(|s| *s = !*s); }>
            "我的草稿"
        </button>
        <button type="button" data-action="download-json" on:click=download_json>"下载 JSON"</button>
        <label class="button">
            "导入 JSON"
            <input type="file" class="visually-hidden" data-action="import-file"
                accept=".json,application/json" on:change=on_file/>
        </label>
        <Show when=move || show_list.get()>
            <DraftList close=show_list/>
        </Show>
    }
}

/// Banners: storage not kept, save failed, another tab, unreadable entries,
/// import errors.
#[component]
pub fn Banners() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let download = move |_| {
        let report = editor.report.get_untracked();
        let _ = files::download(
            &report.file_name("json"),
            "application/json",
            &report.to_export_json(&browser::now_iso()),
        );
    };
    let unreadable = Memo::new(move |_| {
        drafts.list.with(|l| {
            l.iter()
                .filter(|e| matches!(e, Entry::Unreadable(_)))
                .count()
        })
    });
    view! {
        <div class="banners">
            {(!drafts.persistent).then(|| view! {
                <div class="banner warning" role="alert" data-banner="not-kept">
                    <p>"此浏览器不允许本工具保存数据（可能已禁用存储或处于隐私模式）：关闭或刷新页面后，填写的内容不会保留。请随时下载 JSON 备份。"</p>
                    <button type="button" on:click=download>"下载 JSON 备份"</button>
                </div>
            })}
            {move || match drafts.state.get() {
                SaveState::Failed(message) => Some(view! {
                    <div class="banner error" role="alert" data-banner="save-failed">
                        <p>{message}</p>
                        <button type="button" on:click=download>"下载 JSON 备份"</button>
                    </div>
                }.into_any()),
                _ => None,
            }}
            {move || drafts.conflict.get().map(|theirs| view! {
                <div class="banner error" role="alert" data-banner="conflict">
                    <p>{format!(
                        "此草稿已在另一个标签页或窗口中修改（{} 保存）。为免互相覆盖，本页暂停自动保存。",
                        browser::local_date_time(&theirs.saved_at)
                    )}</p>
                    <button type="button" on:click=move |_| drafts.take_theirs(editor)>"载入另一页的版本"</button>
                    <button type="button" on:click=move |_| drafts.keep_mine_as_new(editor)>"把本页内容另存为新草稿"</button>
                </div>
            })}
            {move || (unreadable.get() > 0).then(|| view! {
                <div class="banner warning" role="status" data-banner="unreadable">
                    <p>{format!("存储中有 {} 个无法读取的草稿条目，已原样保留，可在“我的草稿”中下载其原文。", unreadable.get())}</p>
                </div>
            })}
            {move || {
                let errors = drafts.import_errors.get();
                (!errors.is_empty()).then(|| view! {
                    <div class="banner error" role="alert" data-banner="import-failed">
                        <p>"导入失败，当前草稿未改动："</p>
                        <ul>{errors.iter().take(20).map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                        {(errors.len() > 20).then(|| view! { <p>{format!("……共 {} 处问题", errors.len())}</p> })}
                        <button type="button" on:click=move |_| drafts.import_errors.set(Vec::new())>"关闭"</button>
                    </div>
                })
            }}
        </div>
    }
}

/// One row of the drafts list, as plain data: rendering rows from data with
/// one delegated click handler keeps the generated code small.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    year: String,
    saved: String,
    errors: String,
    current: bool,
    /// (action, label) buttons.
    actions: Vec<(&'static str, &'static str)>,
}

fn rows(drafts: Drafts) -> (Vec<Row>, Vec<Row>, Vec<Row>) {
    let current = drafts.current.get_untracked().id;
    let (mut live, mut bin, mut bad) = (Vec::new(), Vec::new(), Vec::new());
    for entry in drafts.list.get() {
        match entry {
            Entry::Draft(s) => {
                let title = match (s.name.is_empty(), s.agency.is_empty()) {
                    (false, _) => s.name.clone(),
                    (true, false) => s.agency.clone(),
                    (true, true) => "（未填写机关名称）".to_string(),
                };
                let row = Row {
                    current: s.id == current,
                    id: s.id,
                    title,
                    year: s.year.map(|y| format!("{y}年")).unwrap_or_default(),
                    saved: browser::local_date_time(&s.saved_at),
                    errors: s.errors.to_string(),
                    actions: Vec::new(),
                };
                if s.deleted {
                    bin.push(Row {
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
                    live.push(Row { actions, ..row });
                }
            }
            Entry::Unreadable(u) => bad.push(Row {
                id: u.key.clone(),
                title: u.key,
                year: String::new(),
                saved: String::new(),
                errors: u.reason,
                current: false,
                actions: vec![("download-raw", "下载原文"), ("purge-raw", "删除")],
            }),
        }
    }
    (live, bin, bad)
}

/// The rows as HTML: every text is escaped. A list that changes rarely is
/// rendered as markup rather than as typed views, which keeps the app small.
fn rows_html(rows: &[Row]) -> String {
    use crate::export::escape;
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

/// The list of drafts, the bin and unreadable entries. One click handler
/// serves every button (`data-act`, `data-id`).
#[component]
fn DraftList(close: RwSignal<bool>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let on_click = move |ev: ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-act]").ok().flatten())
        else {
            return;
        };
        let act = button.get_attribute("data-act").unwrap_or_default();
        let id = button.get_attribute("data-id").unwrap_or_default();
        let confirm = |text: &str| window().confirm_with_message(text).unwrap_or(false);
        match act.as_str() {
            "open" => drafts.open_draft(editor, &id),
            "duplicate" => drafts.duplicate(editor, &id),
            "next-year" => drafts.next_year_from(editor, &id),
            "rename" => {
                if let Ok(Some(name)) =
                    window().prompt_with_message("草稿名称（留空则显示机关名称）：")
                {
                    drafts.rename(editor, &id, name.trim().to_string());
                }
                return;
            }
            "delete" => {
                drafts.set_deleted(editor, &id, true);
                editor
                    .notice
                    .set(Some("已移到回收站，可在“我的草稿”的回收站中恢复".into()));
                return;
            }
            "restore" => return drafts.set_deleted(editor, &id, false),
            "purge" => {
                if confirm("彻底删除后无法恢复。确定彻底删除这份草稿吗？") {
                    drafts.purge(&draft_key(&id));
                }
                return;
            }
            "download-raw" => {
                let raw = drafts.list.with_untracked(|l| {
                    l.iter().find_map(|e| match e {
                        Entry::Unreadable(u) if u.key == id => Some(u.raw.clone()),
                        _ => None,
                    })
                });
                if let Some(raw) = raw {
                    let _ = files::download(
                        &format!("{}.txt", id.replace(':', "_")),
                        "text/plain",
                        &raw,
                    );
                }
                return;
            }
            "purge-raw" => {
                if confirm("删除后无法恢复。请先下载原文。确定删除这个条目吗？")
                {
                    drafts.purge(&id);
                }
                return;
            }
            _ => return,
        }
        close.set(false);
    };
    let lists = Memo::new(move |_| rows(drafts));
    const HEAD: &str = "<thead><tr><th scope=\"col\">草稿</th><th scope=\"col\">年度</th><th scope=\"col\">最后修改</th><th scope=\"col\">错误 / 原因</th><th scope=\"col\">操作</th></tr></thead>";
    let html = move || {
        let (live, bin, bad) = lists.get();
        format!(
            "<table>{HEAD}<tbody>{}</tbody></table><h3>回收站</h3><table class=\"bin\">{HEAD}<tbody>{}</tbody></table><h3>无法读取的条目（已原样保留）</h3><table class=\"unreadable\">{HEAD}<tbody>{}</tbody></table>",
            rows_html(&live),
            rows_html(&bin),
            rows_html(&bad)
        )
    };
    view! {
        <div class="draft-list" role="dialog" aria-label="我的草稿" on:click=on_click>
            <div class="draft-list-head">
                <h2>"我的草稿"</h2>
                <button type="button" on:click=move |_| close.set(false)>"关闭"</button>
            </div>
            <div inner_html=html></div>
        </div>
    }
}
