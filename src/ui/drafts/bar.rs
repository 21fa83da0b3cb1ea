//! The toolbar's part of the drafts: the save indicator, 新建草稿, 我的草稿
//! and 下载 JSON.

use super::list::DraftList;
use super::Drafts;
use crate::browser;
use crate::store::session::{Action, SaveState};
use crate::ui::Editor;
use leptos::prelude::*;

#[component]
pub fn DraftBar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let show_list = RwSignal::new(false);
    let persistent = drafts.persistent;
    view! {
        <span class="save-state" role="status" data-save-state=move || match drafts.state.get() {
            SaveState::Conflict(_) => "conflict",
            SaveState::Failed(_) => "failed",
            _ if !persistent => "not-kept",
            SaveState::Saved(_) => "saved",
            SaveState::Unsaved => "pending",
        }>
            {move || match drafts.state.get() {
                SaveState::Conflict(_) => "未保存（另一页已修改）".to_string(),
                SaveState::Failed(_) => "保存失败".to_string(),
                _ if !persistent => "未保存（浏览器不保留数据）".to_string(),
                SaveState::Saved(at) if at.is_empty() => "未修改".to_string(),
                SaveState::Saved(at) => format!("已保存 {}", browser::local_time(&at)),
                SaveState::Unsaved => "未保存".to_string(),
            }}
        </span>
        <button type="button" data-action="new-draft"
            on:click=move |_| drafts.run(editor, Action::New(Box::new(Drafts::fresh_report())))>"新建草稿"</button>
        <button type="button" aria-expanded=move || show_list.get().to_string()
            on:click=move |_| { drafts.refresh(); show_list.update(|s| *s = !*s); }>
            "我的草稿"
        </button>
        <button type="button" data-action="download-json" on:click=move |_| Drafts::download_backup(editor)>"下载 JSON"</button>
        <Show when=move || show_list.get()>
            <DraftList close=show_list/>
        </Show>
    }
}
