//! 我的草稿: the drafts, the bin and the unreadable entries, rendered from
//! the core's rows ([`crate::store::list`]) with one delegated click handler
//! (`data-act`, `data-id`).

use super::Drafts;
use crate::browser::{self, files};
use crate::store::list;
use crate::store::session::Action;
use crate::store::{draft_key, Entry};
use crate::ui::Editor;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

#[component]
pub fn DraftList(close: RwSignal<bool>) -> impl IntoView {
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
        let action = match act.as_str() {
            "open" => Action::Open(id),
            "duplicate" => Action::Duplicate(id),
            "next-year" => Action::NextYear(id),
            "rename" => {
                let Ok(Some(name)) =
                    window().prompt_with_message("草稿名称（留空则显示机关名称）：")
                else {
                    return;
                };
                Action::Rename(id, name.trim().to_string())
            }
            "delete" => Action::Delete(id, Box::new(Drafts::fresh_report())),
            "restore" => Action::Restore(id),
            "purge" if confirm("彻底删除后无法恢复。确定彻底删除这份草稿吗？") => {
                Action::Purge(draft_key(&id))
            }
            "purge-raw" if confirm("删除后无法恢复。请先下载原文。确定删除这个条目吗？") => {
                Action::Purge(id)
            }
            "download-raw" => {
                let raw = drafts.list.with_untracked(|l| {
                    l.iter().find_map(|e| match e {
                        Entry::Unreadable(u) if u.key == id => Some(u.raw.clone()),
                        _ => None,
                    })
                });
                if let Some(raw) = raw {
                    let name = format!("{}.txt", id.replace(':', "_"));
                    if let Err(e) = files::download(&name, "text/plain", &raw) {
                        editor.notice.set(Some(format!("下载失败：{e}")));
                    }
                }
                return;
            }
            _ => return,
        };
        let leaves = matches!(
            action,
            Action::Open(_) | Action::Duplicate(_) | Action::NextYear(_)
        );
        drafts.run(editor, action);
        // The new draft, or the banner saying why not, must be in view.
        if leaves || drafts.blocked.get_untracked().is_some() {
            close.set(false);
        }
    };
    let lists = Memo::new(move |_| {
        let current = drafts.current_id.get();
        drafts
            .list
            .with(|entries| list::rows(entries, &current, browser::local_date_time))
    });
    view! {
        <div class="draft-list" role="dialog" aria-label="我的草稿" on:click=on_click>
            <div class="draft-list-head">
                <h2>"我的草稿"</h2>
                <button type="button" on:click=move |_| close.set(false)>"关闭"</button>
            </div>
            <div inner_html=move || lists.with(list::html)></div>
        </div>
    }
}
