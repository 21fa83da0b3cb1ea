//! The drafts' banners: each says what happened and what is intact, and
//! offers what can be done (下载 JSON 备份, 重试, the conflict's two choices).

use super::Drafts;
use crate::browser;
use crate::store::session::{Action, SaveState};
use crate::store::Entry;
use crate::ui::Editor;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let drafts = expect_context::<Drafts>();
    let download = move |_| Drafts::download_backup(editor);
    let unreadable = Memo::new(move |_| {
        drafts.list.with(|l| {
            l.iter()
                .filter(|e| matches!(e, Entry::Unreadable(_)))
                .count()
        })
    });
    let retry = move |_| {
        if let Some(b) = drafts.blocked.get_untracked() {
            drafts.run(editor, b.action);
        }
    };
    view! {
        <div class="banners">
            {(!drafts.persistent).then(|| view! {
                <div class="banner warning" role="alert" data-banner="not-kept">
                    <p>"此浏览器不允许本工具保存数据（可能已禁用存储或处于隐私模式）：关闭或刷新页面后，填写的内容不会保留。请随时下载 JSON 备份。"</p>
                    <button type="button" on:click=download>"下载 JSON 备份"</button>
                </div>
            })}
            {move || drafts.startup.get().map(|message| view! {
                <div class="banner warning" role="alert" data-banner="startup-unreadable">
                    <p>{message}</p>
                    <button type="button" on:click=move |_| drafts.startup.set(None)>"知道了"</button>
                </div>
            })}
            {move || match drafts.state.get() {
                SaveState::Failed(e) => Some(view! {
                    <div class="banner error" role="alert" data-banner="save-failed">
                        <p>{format!("本次修改未能保存：{e}。")}</p>
                        <button type="button" on:click=download>"下载 JSON 备份"</button>
                        <button type="button" data-action="retry-save" on:click=move |_| drafts.save_now(editor)>"重试"</button>
                    </div>
                }.into_any()),
                _ => None,
            }}
            {move || drafts.blocked.get().map(|b| view! {
                <div class="banner error" role="alert" data-banner="blocked">
                    <p>{b.message}</p>
                    <button type="button" on:click=download>"下载 JSON 备份"</button>
                    <button type="button" data-action="retry" on:click=retry>"重试"</button>
                    <button type="button" on:click=move |_| drafts.blocked.set(None)>"关闭"</button>
                </div>
            })}
            {move || match drafts.state.get() {
                SaveState::Conflict(theirs) => Some(view! {
                    <div class="banner error" role="alert" data-banner="conflict">
                        <p>{format!(
                            "此草稿已在另一个标签页或窗口中修改（{} 保存）。为免互相覆盖，本页暂停自动保存。",
                            browser::local_date_time(&theirs.saved_at)
                        )}</p>
                        <button type="button" on:click=move |_| drafts.run(editor, Action::TakeTheirs)>"载入另一页的版本"</button>
                        <button type="button" on:click=move |_| drafts.run(editor, Action::KeepMineAsNew)>"把本页内容另存为新草稿"</button>
                    </div>
                }),
                _ => None,
            }}
            {move || (unreadable.get() > 0).then(|| view! {
                <div class="banner warning" role="status" data-banner="unreadable">
                    <p>{format!("存储中有 {} 个无法读取的草稿条目，已原样保留，可在“我的草稿”中下载其原文。", unreadable.get())}</p>
                </div>
            })}
        </div>
    }
}
