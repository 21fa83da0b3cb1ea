//! The findings panel: counts by severity, findings grouped by section, a
//! click moves focus to the cell or paragraph; warnings can be confirmed with
//! a note. Also the marks on cells and text areas ([`CellMark`]).

use super::{dom, Editor};
use crate::format;
use crate::rules::{Finding, RuleId, Severity, Summary};
use leptos::prelude::*;

pub use crate::rules::marks::{element_id, CellMark};

/// Title of a group of findings.
fn group_title(section: &str) -> &'static str {
    match section {
        "meta" => "基本信息",
        "preamble" => "正文前的说明",
        key => format::current().section(key).map_or("其他", |s| s.heading),
    }
}

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let findings = editor.findings;
    let confirmations = editor.confirmations;
    let summary =
        Memo::new(move |_| findings.with(|f| confirmations.with(|c| Summary::counted(c, f))));
    // One polite announcement when the counts change, not every message.
    let announcement = Memo::new(move |_| {
        let s = summary.get();
        format!(
            "错误 {} 项，未核实的警告 {} 项，已核实 {} 项，提示 {} 项",
            s.errors, s.warnings, s.confirmed, s.infos
        )
    });
    // One group per place findings can be about, in report order: each has
    // its own memo, so an edit re-renders only the group whose findings
    // changed (a keyed list would pull a hash map into the module).
    let places: Vec<&'static str> = ["meta", "preamble"]
        .into_iter()
        .chain(format::current().sections.iter().map(|s| s.key))
        .collect();

    view! {
        <aside id="findings" class="findings" aria-labelledby="findings-title">
            <div class="findings-head">
                <h2 id="findings-title">"检查结果"</h2>
                <p class="status" class:ok=move || summary.get().publishable() data-status="">
                    {move || summary.get().status()}
                </p>
                <p class="counts">
                    <span class="count error">"错误 " {move || summary.get().errors}</span>
                    <span class="count warning">"警告 " {move || summary.get().warnings}</span>
                    <span class="count confirmed">"已核实 " {move || summary.get().confirmed}</span>
                    <span class="count info">"提示 " {move || summary.get().infos}</span>
                </p>
            </div>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
            <div class="findings-list">
                {places.into_iter().map(|place| view! { <FindingGroup place=place/> }).collect_view()}
            </div>
        </aside>
    }
}

/// The findings about one place (a section, the preamble or the metadata).
///
/// The list re-renders only when a finding comes or goes; while the user
/// types, a finding whose figures change updates its message alone.
#[component]
fn FindingGroup(place: &'static str) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let list = Memo::new(move |_| {
        editor.findings.with(|all| {
            all.iter()
                .filter(|f| f.section == place)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let shape = Memo::new(move |_| {
        list.with(|l| {
            l.iter()
                .map(|f| (f.key.clone(), f.rule, f.severity))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let shape = shape.get();
        (!shape.is_empty()).then(|| {
            view! {
                <section class="finding-group">
                    <h3>{group_title(place)}</h3>
                    <ul>
                        {shape
                            .into_iter()
                            .map(|(key, rule, severity)| view! { <FindingItem key rule severity list/> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn FindingItem(
    key: String,
    rule: RuleId,
    severity: Severity,
    list: Memo<Vec<Finding>>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let message = {
        let key = key.clone();
        Memo::new(move |_| {
            list.with(|l| {
                l.iter()
                    .find(|f| f.key == key)
                    .map(|f| f.message.clone())
                    .unwrap_or_default()
            })
        })
    };
    let id = element_id(&key);
    let confirmed = {
        let key = key.clone();
        let confirmations = editor.confirmations;
        Memo::new(move |_| confirmations.with(|c| c.get(&key).cloned()))
    };
    let focus_of = key.clone();
    let focus = move |_| {
        let target = list.with_untracked(|l| {
            let f = l.iter().find(|f| f.key == focus_of)?;
            editor.report().with_untracked(|r| f.focus_key(r))
        });
        if let Some(target) = target {
            dom::focus_key(&target);
            dom::scroll_to_key(&target);
        }
    };
    let editing = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let confirm = {
        let key = key.clone();
        move || {
            let text = note.get_untracked().trim().to_string();
            if text.is_empty() {
                editor.notice.set(Some(
                    "请写明核实情况，例如“已核实：本年清理规范性文件”".into(),
                ));
                return;
            }
            let key = key.clone();
            editor.edit(None, move |r| {
                r.confirmations.insert(key, text);
            });
            editing.set(false);
        }
    };
    let unconfirm = {
        let key = key.clone();
        move |_| {
            let key = key.clone();
            editor.edit(None, move |r| {
                r.confirmations.remove(&key);
            });
        }
    };
    let class = move || {
        let state = if confirmed.get().is_some() {
            " confirmed"
        } else {
            ""
        };
        format!("finding {}{state}", severity.key())
    };
    view! {
        <li class=class data-rule=rule.as_str() data-key-finding=key.clone() id=id>
            <button type="button" class="finding-go" on:click=focus title="定位到相关单元格或段落">
                <span class="badge">{severity.label()}</span>
                <span class="message">{move || message.get()}</span>
            </button>
            <span class="rule-id">{rule.as_str()}</span>
            {(severity == Severity::Warning).then(|| view! {
                <div class="confirm">
                    {move || match confirmed.get() {
                        Some(text) => view! {
                            <p class="confirmed-note">"已核实：" {text.trim_start_matches("已核实：").to_string()}
                                <button type="button" class="link" on:click=unconfirm.clone()>"撤销核实"</button>
                            </p>
                        }.into_any(),
                        None if editing.get() => view! {
                            <div class="confirm-form">
                                <input type="text" aria-label="核实说明" placeholder="已核实：……"
                                    prop:value=move || note.get()
                                    on:input=move |ev| note.set(event_target_value(&ev))
                                    on:keydown={
                                        let confirm = confirm.clone();
                                        move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { confirm() }
                                    }
                                />
                                <button type="button" on:click={ let confirm = confirm.clone(); move |_| confirm() }>"确认"</button>
                                <button type="button" class="link" on:click=move |_| editing.set(false)>"取消"</button>
                            </div>
                        }.into_any(),
                        None => view! {
                            <button type="button" class="link" on:click=move |_| { note.set("已核实：".into()); editing.set(true); }>
                                "核实无误…"
                            </button>
                        }.into_any(),
                    }}
                </div>
            })}
        </li>
    }
}
