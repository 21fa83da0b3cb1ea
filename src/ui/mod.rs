//! The Leptos app: a thin layer over the core.
//!
//! State is one `RwSignal<Report>` held by the [`Editor`]. A table cell does
//! not subscribe to the whole report: it tracks a trigger of its own, which
//! [`Editor`] notifies only when that cell's value (or mark) changes. So a
//! keystroke re-runs the cell, the totals it feeds and the findings, not the
//! ~300 inputs of the tables (each extra subscriber of one signal also makes
//! every re-run dearer: the reactive graph keeps subscribers in ordered sets).
//!
//! - [`drafts`]: the draft session's view: save state, banners, 我的草稿
//! - [`import`]: files, pasted text and the review of published reports
//! - [`export`]: the publication preview, downloads and copy
//! - [`findings`]: the findings panel and the marks on cells and texts
//! - [`meta`]: the metadata panel
//! - [`sections`]: the six sections, with the text areas
//! - [`table`]: tables 二, 三, 四 as editable grids
//! - [`dom`]: small DOM helpers (focus, text area height)
//! - [`review`]: the 审核台 page (review.html), plain DOM over the review core

mod dom;
mod drafts;
mod export;
mod findings;
mod import;
mod meta;
pub mod review;
mod sections;
mod table;

use crate::edit::History;
use crate::model::{Cell, Report};
use crate::rules::{self, Finding};
use findings::CellMark;
use leptos::ev;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The report being edited, its undo history and its findings, shared
/// through context.
#[derive(Clone, Copy)]
pub struct Editor {
    /// Written only through [`Editor::edit`] and [`Editor::replace`] (which
    /// notify the cells that changed); read it through [`Editor::report`].
    report: RwSignal<Report>,
    /// Last year's report, the baseline of the cross-year rules.
    pub last_year: RwSignal<Option<Report>>,
    history: RwSignal<History>,
    /// A short message about the last action (e.g. what a paste skipped).
    pub notice: RwSignal<Option<String>>,
    /// Every finding of the rules, recomputed on every change.
    pub findings: Memo<Vec<Finding>>,
    /// The confirmations of the report (a memo: findings read them without
    /// depending on every keystroke).
    pub confirmations: Memo<BTreeMap<String, String>>,
    /// For each cell of the format: notified when its value changes. (The
    /// editor lives as long as the page, and so do these.)
    cell_changed: &'static [ArcTrigger],
    /// For each cell of the format, the mark of the findings concerning it,
    /// set only when it changes.
    marks: &'static [ArcRwSignal<Option<CellMark>>],
}

impl Editor {
    pub fn new(report: Report) -> Editor {
        let report = RwSignal::new(report);
        let last_year: RwSignal<Option<Report>> = RwSignal::new(None);
        let today = crate::browser::today();
        let findings = Memo::new(move |_| {
            last_year.with(|last| {
                report.with(|r| {
                    rules::check(&rules::Context {
                        report: r,
                        last_year: last.as_ref(),
                        today: Some(today),
                    })
                })
            })
        });
        let cells = report.with_untracked(|r| r.cells.len());
        let marks: &'static [ArcRwSignal<Option<CellMark>>] = (0..cells)
            .map(|_| ArcRwSignal::new(None))
            .collect::<Vec<_>>()
            .leak();
        let confirmations = Memo::new(move |_| report.with(|r| r.confirmations.clone()));
        // Marks follow the findings; each cell's signal is set only when its
        // mark changes, so only those cells re-render.
        Effect::new(move |_| {
            let next = confirmations.with(|confirmed| {
                findings.with(|list| crate::rules::marks::cell_marks(list, confirmed, cells))
            });
            for (signal, m) in marks.iter().zip(next) {
                if signal.with_untracked(|old| *old != m) {
                    signal.set(m);
                }
            }
        });
        Editor {
            report,
            last_year,
            history: RwSignal::new(History::new()),
            notice: RwSignal::new(None),
            findings,
            confirmations,
            cell_changed: (0..cells)
                .map(|_| ArcTrigger::new())
                .collect::<Vec<_>>()
                .leak(),
            marks,
        }
    }

    /// The report, read-only: every write goes through the editor.
    pub fn report(self) -> ReadSignal<Report> {
        self.report.read_only()
    }

    /// The value of one table cell; a reactive read that depends on that
    /// cell alone.
    pub fn cell(self, cell: usize) -> Cell {
        self.cell_changed[cell].track();
        self.report.with_untracked(|r| r.cells[cell].clone())
    }

    /// The mark of the findings concerning one table cell.
    pub fn cell_mark(self, cell: usize) -> Memo<Option<CellMark>> {
        let mark = &self.marks[cell];
        Memo::new(move |_| mark.get())
    }

    /// The mark of the findings concerning a narrative section or a metadata
    /// field (by the finding's `text` or `meta`).
    pub fn text_mark(self, key: &'static str) -> Memo<Option<CellMark>> {
        let findings = self.findings;
        let confirmations = self.confirmations;
        Memo::new(move |_| {
            findings.with(|list| {
                confirmations.with(|confirmed| crate::rules::marks::text_mark(list, confirmed, key))
            })
        })
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
        // The history's subscribers (the undo and redo buttons) only care
        // whether there is something to undo or redo.
        let state = |h: &History| (h.can_undo(), h.can_redo());
        let before = self.history.with_untracked(state);
        self.history
            .update_untracked(|h| report.with_untracked(|r| h.record(r, field)));
        if self.history.with_untracked(state) != before {
            self.history.notify();
        }
        self.commit(|r| {
            f(r);
            r.recompute_totals();
        });
    }

    /// Applies a change to the report and notifies what depends on it: the
    /// report's own subscribers, and the triggers of the cells whose value
    /// changed.
    fn commit(self, f: impl FnOnce(&mut Report)) {
        let mut changed = Vec::new();
        self.report.update_untracked(|r| {
            let before = r.cells.clone();
            f(r);
            if before.len() == r.cells.len() {
                changed.extend((0..before.len()).filter(|&i| before[i] != r.cells[i]));
            } else {
                changed.extend(0..r.cells.len());
            }
        });
        self.report.notify();
        for i in changed {
            if let Some(trigger) = self.cell_changed.get(i) {
                trigger.notify();
            }
        }
    }

    /// Replaces the whole report (another draft was opened): a fresh history.
    pub fn replace(self, report: Report, last_year: Option<Report>) {
        self.commit(|r| *r = report);
        self.last_year.set(last_year);
        self.history.set(History::new());
    }

    /// Ends the typing step of the field that lost focus.
    pub fn close_step(self) {
        self.history.update_untracked(|h| h.close_step());
    }

    pub fn undo(self) {
        let current = self.report.get_untracked();
        if let Some(previous) = self.history.try_update(|h| h.undo(&current)).flatten() {
            self.commit(|r| *r = previous);
            self.notice.set(Some("已撤销".into()));
        }
    }

    pub fn redo(self) {
        let current = self.report.get_untracked();
        if let Some(next) = self.history.try_update(|h| h.redo(&current)).flatten() {
            self.commit(|r| *r = next);
            self.notice.set(Some("已重做".into()));
        }
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    crate::browser::panic::install();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let (drafts, report, last_year) = drafts::open(drafts::Drafts::fresh_report());
    let editor = Editor::new(report);
    editor.last_year.set(last_year);
    provide_context(editor);
    provide_context(drafts);
    provide_context(import::Import::new(drafts, editor));
    drafts.watch(editor);

    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) work on the whole report, wherever
    // the focus is: the browser's own undo would bypass the history.
    let keys = window_event_listener(ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
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
            <p class="format-note">"按《" {format.name} "》（" {format.notice} "）填写"
                " · " <a href=crate::browser::review_page() data-action="to-review">"审核台"</a></p>
        </header>
        <nav class="toolbar" aria-label="编辑工具">
            <drafts::DraftBar/>
            <import::ImportBar/>
            <export::ExportBar/>
            <span class="separator" aria-hidden="true"></span>
            <button type="button" on:click=move |_| editor.undo()
                disabled=move || !editor.history.with(History::can_undo)>"撤销"</button>
            <button type="button" on:click=move |_| editor.redo()
                disabled=move || !editor.history.with(History::can_redo)>"重做"</button>
            <p class="notice" role="status">{move || editor.notice.get()}</p>
        </nav>
        <drafts::Banners/>
        <import::ImportErrors/>
        <div class="workspace">
            <main class="report">
                <meta::MetaPanel/>
                <sections::Preamble/>
                <sections::Sections/>
            </main>
            <findings::FindingsPanel/>
        </div>
    }
}
