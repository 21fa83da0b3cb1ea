//! The metadata panel: 机关名称, 机关层级, 报告年度, 报送期限, 联系方式.

use super::Editor;
use crate::model::{Date, Level};
use leptos::prelude::*;

#[component]
pub fn MetaPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let agency = editor.select(|r| r.meta.agency.clone());
    let level = editor.select(|r| r.meta.level);
    let year = editor.select(|r| r.meta.year);
    let deadline = editor.select(|r| r.meta.deadline);
    let default_deadline = editor.select(|r| r.meta.year.map(|y| Date::new(y + 1, 1, 31)));
    let contact = editor.select(|r| r.meta.contact.clone());
    let trial = editor.select(|r| r.trial_2019);
    let this_year = crate::browser::today().year;
    let years: Vec<i32> = (this_year - 6..=this_year).rev().collect();

    view! {
        <section class="meta" aria-labelledby="meta-title">
            <h2 id="meta-title">"基本信息"</h2>
            {move || trial.get().then(|| view! {
                <p class="trial-note" data-key="trial_format" role="note">
                    "本报告由 2019 年试行格式（国办公开办函〔2019〕60号）的年报导入：只含能对应到 2021 年格式的内容，2021 年格式才有的检查（信息处理费、总体情况字数、（六）其他处理三项）不适用。"
                </p>
            })}
            <div class="meta-grid">
                <label>
                    <span>"机关名称"</span>
                    <input
                        type="text"
                        data-key="meta.agency"
                        placeholder="例：洛阳市西工区唐宫路街道办事处"
                        prop:value=move || agency.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            editor.edit(Some("meta.agency"), |r| r.meta.agency = v);
                        }
                    />
                </label>
                <label>
                    <span>"机关层级"</span>
                    <select
                        data-key="meta.level"
                        prop:value=move || level.get().map(Level::key).unwrap_or("")
                        on:change=move |ev| {
                            let v = Level::from_key(&event_target_value(&ev));
                            editor.edit(None, |r| r.meta.level = v);
                        }
                    >
                        <option value="">"（请选择）"</option>
                        {Level::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.key()>{l.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>"报告年度"</span>
                    <select
                        data-key="meta.year"
                        prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse().ok();
                            editor.edit(None, |r| r.meta.year = v);
                        }
                    >
                        <option value="">"（请选择）"</option>
                        {years
                            .into_iter()
                            .map(|y| view! { <option value=y.to_string()>{format!("{y}年")}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>"报送期限"</span>
                    <input
                        type="date"
                        data-key="meta.deadline"
                        prop:value=move || deadline.get().map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = Date::parse(&event_target_value(&ev));
                            editor.edit(None, |r| r.meta.deadline = v);
                        }
                    />
                    <small class="hint">
                        {move || match (deadline.get(), default_deadline.get()) {
                            (None, Some(d)) => format!("未设置时为 {}（条例第四十九条）", d.chinese()),
                            (None, None) => "未设置时为次年1月31日（条例第四十九条）".to_string(),
                            (Some(_), _) => "本地通知另有要求时可调整".to_string(),
                        }}
                    </small>
                </label>
                <label class="wide">
                    <span>"联系方式（可选）"</span>
                    <input
                        type="text"
                        data-key="meta.contact"
                        placeholder="例：区政府办公室，电话 0379-0000000"
                        prop:value=move || contact.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            editor.edit(Some("meta.contact"), |r| r.meta.contact = v);
                        }
                    />
                </label>
            </div>
        </section>
    }
}
