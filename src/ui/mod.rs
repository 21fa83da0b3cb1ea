//! The Leptos app: a thin layer over the core.
//!
//! State is one `RwSignal<Report>` ([`Editor`]); every input reads its value
//! through a memo, so a keystroke re-renders only what depends on the value it
//! changed.

mod meta;
mod sections;

use crate::model::Report;
use leptos::prelude::*;

/// The report being edited, shared with every component through context.
#[derive(Clone, Copy)]
pub struct Editor {
    pub report: RwSignal<Report>,
}

impl Editor {
    /// A memo of one part of the report: it notifies only when that part changes.
    pub fn select<T: PartialEq + Clone + Send + Sync + 'static>(
        self,
        f: impl Fn(&Report) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let report = self.report;
        Memo::new(move |_| report.with(&f))
    }

    /// Applies a change to the report.
    pub fn change(self, f: impl FnOnce(&mut Report)) {
        self.report.update(f);
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
    let editor = Editor {
        report: RwSignal::new(report),
    };
    provide_context(editor);
    view! {
        <header class="app-header">
            <h1>"年报"<small>"政府信息公开工作年度报告填报"</small></h1>
            <p class="format-note">
                "按《" {crate::format::current().name} "》（"
                {crate::format::current().notice} "）填写"
            </p>
        </header>
        <main class="report">
            <meta::MetaPanel/>
            <sections::Sections/>
        </main>
    }
}
