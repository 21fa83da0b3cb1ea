//! The drafts, as a view of the core's draft session
//! ([`crate::store::session`]): autosave, the leave-page prompt, other tabs'
//! writes, and every action through [`Drafts::run`], which shows what
//! happened and, when an action could not be done, why, with 下载 JSON 备份
//! and 重试.
//!
//! - [`bar`] — the save indicator and the buttons of the toolbar
//! - [`banners`] — storage not kept, save failed, blocked action, conflict,
//!   unreadable entries, the startup read failure.
//! - [`list`] — 我的草稿 (drafts, bin, unreadable entries)
//!
//! Not for: importing files and pages (`ui::import`), nor any storage rule
//! (all in the core).

mod banners;
mod bar;
mod list;

pub use banners::Banners;
pub use bar::DraftBar;

use super::Editor;
use crate::browser::storage::Backend;
use crate::browser::{self, files};
use crate::model::Report;
use crate::store::session::{Action, SaveState, Session};
use crate::store::Entry;
use leptos::ev;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, window_event_listener, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// Autosave waits this long after the last change.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// An action that could not be done, for its banner (重试 runs it again).
#[derive(Debug, Clone, PartialEq)]
pub struct Blocked {
    pub action: Action,
    pub message: String,
}

/// Shared state of the drafts, in context: the session and the signals the
/// page shows of it (copied from the session after every call).
#[derive(Clone, Copy)]
pub struct Drafts {
    session: StoredValue<Session<Backend>>,
    pub state: RwSignal<SaveState>,
    pub current_id: RwSignal<String>,
    pub list: RwSignal<Vec<Entry>>,
    pub blocked: RwSignal<Option<Blocked>>,
    /// The last open draft could not be read at startup.
    pub startup: RwSignal<Option<String>>,
    pub persistent: bool,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The next change of the editor is a draft being shown, not an edit.
    showing: StoredValue<bool>,
}

/// Opens the store and the draft that was open, or starts `fresh`.
pub fn open(fresh: Report) -> (Drafts, Report, Option<Report>) {
    let backend = Backend::detect();
    let persistent = backend.is_persistent();
    let (session, problem) = Session::start(backend, persistent, fresh, browser::new_id());
    let draft = session.draft().clone();
    let list = session.list();
    let drafts = Drafts {
        state: RwSignal::new(session.state().clone()),
        current_id: RwSignal::new(draft.id.clone()),
        session: StoredValue::new(session),
        list: RwSignal::new(list),
        blocked: RwSignal::new(None),
        startup: RwSignal::new(problem.map(|p| p.to_string())),
        persistent,
        timer: StoredValue::new(None),
        showing: StoredValue::new(false),
    };
    (drafts, draft.report, draft.last_year)
}

impl Drafts {
    /// Starts autosave, the leave-page prompt, the flush on hiding the page
    /// and the watch on other tabs.
    pub fn watch(self, editor: Editor) {
        Effect::watch(
            move || {
                editor.report().track();
                editor.last_year.track();
            },
            move |_, _, _| {
                if self.showing.try_update_value(std::mem::take) == Some(true) {
                    return;
                }
                self.session.update_value(Session::touch);
                self.mirror();
                self.schedule(editor);
            },
            false,
        );
        let flush = move || {
            if self.state.get_untracked() == SaveState::Unsaved {
                self.save_now(editor);
            }
        };
        let hide = window_event_listener(ev::pagehide, move |_| flush());
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        // Leaving with anything unsaved: the browser's leave-page prompt
        // (pagehide still saves what it can if the user leaves anyway).
        let leave = window_event_listener(ev::beforeunload, move |e| {
            let lose = self.session.with_value(Session::leave_would_lose);
            if lose {
                e.prevent_default();
                e.set_return_value("草稿尚未保存");
            }
        });
        let other_tab = window_event_listener(ev::storage, move |e| {
            if let Some(key) = e.key() {
                let value = e.new_value();
                self.session.update_value(|s| {
                    s.external_write(&key, value.as_deref());
                });
            }
            self.mirror();
        });
        on_cleanup(move || {
            hide.remove();
            visibility.remove();
            leave.remove();
            other_tab.remove();
        });
    }

    fn schedule(self, editor: Editor) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(editor), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Hands the editor's content to the session.
    fn sync(self, editor: Editor) {
        let report = editor.report().get_untracked();
        let last_year = editor.last_year.get_untracked();
        let errors = editor.findings.with_untracked(|f| {
            f.iter()
                .filter(|f| f.severity == crate::rules::Severity::Error)
                .count()
        });
        self.session
            .update_value(|s| s.set_content(report, last_year, Some(errors)));
    }

    /// Copies what the page shows from the session.
    fn mirror(self) {
        let (state, id) = self
            .session
            .with_value(|s| (s.state().clone(), s.draft().id.clone()));
        if self.state.get_untracked() != state {
            self.state.set(state);
        }
        if self.current_id.get_untracked() != id {
            self.current_id.set(id);
        }
    }

    /// Saves now (autosave, hiding the page, 重试); the state says how it went.
    pub fn save_now(self, editor: Editor) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
        self.sync(editor);
        let now = browser::now_iso();
        self.session.update_value(|s| {
            let _ = s.save(&now);
        });
        self.mirror();
        self.tell(editor, None);
    }

    /// Shows `message` (what an action did) and any notice of the session.
    fn tell(self, editor: Editor, message: Option<String>) {
        let notice = self
            .session
            .try_update_value(Session::take_notice)
            .flatten();
        let text = match (message, notice) {
            (Some(m), Some(n)) => Some(format!("{m}。{n}")),
            (m, n) => m.or(n),
        };
        if let Some(text) = text {
            editor.notice.set(Some(text));
        }
    }

    /// Re-reads the list of drafts.
    pub fn refresh(self) {
        if let Some(list) = self.session.try_with_value(Session::list) {
            self.list.set(list);
        }
    }

    /// Runs an action on the drafts: the notice says what happened; if it
    /// could not be done, the blocked banner says why and offers 重试.
    pub fn run(self, editor: Editor, action: Action) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
        self.sync(editor);
        let now = browser::now_iso();
        let label = action.label();
        let retry = action.clone();
        let result = self
            .session
            .try_update_value(|s| s.apply(action, browser::new_id(), &now));
        match result {
            Some(Ok(done)) => {
                self.blocked.set(None);
                if done.switched {
                    let draft = self.session.with_value(|s| s.draft().clone());
                    self.showing.set_value(true);
                    editor.replace(draft.report, draft.last_year);
                }
                self.tell(editor, Some(done.message));
            }
            Some(Err(e)) => {
                editor.notice.set(None);
                self.blocked.set(Some(Blocked {
                    action: retry,
                    message: format!("“{label}”未执行：{e}。当前草稿的内容仍在编辑器中。"),
                }));
            }
            None => {}
        }
        self.mirror();
        self.refresh();
    }

    /// Downloads the editor's content as a JSON backup.
    pub fn download_backup(editor: Editor) {
        let report = editor.report().get_untracked();
        let name = report.file_name("json");
        match files::download(
            &name,
            "application/json",
            &report.to_export_json(&browser::now_iso()),
        ) {
            Ok(()) => editor.notice.set(Some(format!("已下载 {name}"))),
            Err(e) => editor.notice.set(Some(format!("下载失败：{e}"))),
        }
    }

    /// A fresh report for 新建草稿 (the year preset from today).
    pub fn fresh_report() -> Report {
        let mut report = Report::new();
        report.meta.year = Some(crate::model::default_year(browser::today()));
        report
    }
}
