//! The Leptos app: a thin layer over the core.
//!
//! State is one `RwSignal<Report>` held by the [`Editor`]; every input reads
//! its value through a memo ([`Editor::select`]), so a keystroke re-renders
//! only the cell, the totals and whatever else depends on what it changed.
//!
//! - [`meta`]: the metadata panel
//! - [`sections`]: the six sections, with the text areas
//! - [`table`]: tables 二, 三, 四 as editable grids
//! - [`dom`]: small DOM helpers (focus, text area height)

mod dom;
mod meta;
mod sections;
mod table;

use crate::edit::History;
use crate::model::Report;
use leptos::ev;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;

/// The report being edited and its undo history, shared through context.
#[derive(Clone, Copy)]
pub struct Editor {
    pub report: RwSignal<Report>,
    history: RwSignal<History>,
    /// A short message about the last action (e.g. what a paste skipped).
    pub notice: RwSignal<Option<String>>,
}

impl Editor {
    pub fn new(report: Report) -> Editor {
        Editor {
            report: RwSignal::new(report),
            history: RwSignal::new(History::new()),
            notice: RwSignal::new(None),
        }
    }

    /// A memo of one part of the report: it notifies only when that part changes.
    pub fn select<T: PartialEq + Clone + Send + Sync + 'static>(
        self,
        f: impl Fn(&Report) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let report = self.report;
        Memo::new(move |_| report.with(&f))
    }

    /// Changes the report as one undoable step, then recomputes the totals.
    /// `field` names the input being typed into: successive keystrokes in one
    /// field are one step. `None` makes the change a step of its own.
    pub fn edit(self, field: Option<&str>, f: impl FnOnce(&mut Report)) {
        let report = self.report;
        self.history
            .update(|h| report.with_untracked(|r| h.record(r, field)));
        report.update(|r| {
            f(r);
            r.recompute_totals();
        });
    }

    /// Ends the typing step of the field that lost focus.
    pub fn close_step(self) {
        self.history.update_untracked(|h| h.close_step());
    }

    pub fn undo(self) {
        let current = self.report.get_untracked();
        if let Some(previous) = self.history.try_update(|h| h.undo(&current)).flatten() {
            self.report.set(previous);
            self.notice.set(Some("已撤销".into()));
        }
    }

    pub fn redo(self) {
        let current = self.report.get_untracked();
        if let Some(next) = self.history.try_update(|h| h.redo(&current)).flatten() {
            self.report.set(next);
            self.notice.set(Some("已重做".into()));
        }
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let mut report = Report::new();
    report.meta.year = Some(crate::browser::today().year - 1);
    report.recompute_totals();
    let editor = Editor::new(report);
    provide_context(editor);

    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) work on the whole report, wherever
    // the focus is: the browser's own undo would bypass the history.
    let keys = window_event_listener(ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                editor.undo();
            }
            ("y", _) | ("z", true) => {
                ev.prevent_default();
                editor.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let format = crate::format::current();
    view! {
        <header class="app-header">
            <h1>"年报"<small>"政府信息公开工作年度报告填报"</small></h1>
            <p class="format-note">"按《" {format.name} "》（" {format.notice} "）填写"</p>
        </header>
        <nav class="toolbar" aria-label="编辑工具">
            <button type="button" on:click=move |_| editor.undo()
                disabled=move || !editor.history.with(History::can_undo)>"撤销"</button>
            <button type="button" on:click=move |_| editor.redo()
                disabled=move || !editor.history.with(History::can_redo)>"重做"</button>
            <p class="notice" role="status">{move || editor.notice.get()}</p>
        </nav>
        <main class="report">
            <meta::MetaPanel/>
            <sections::Sections/>
        </main>
    }
}
