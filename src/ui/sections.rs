//! The six sections of the report, in template order, with the notice's
//! guidance as help.

use super::table::TableView;
use super::{dom, Editor};
use crate::format::{self, Content, Section};
use crate::model::text::{char_count, outline_additions};
use crate::model::Report;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Sections() -> impl IntoView {
    let format = format::current();
    format
        .sections
        .iter()
        .map(|section| {
            let id = format!("section-{}", section.key);
            let body = match section.content {
                Content::Text => view! { <TextSection section=section/> }.into_any(),
                Content::Table(key) => {
                    let table = format.table(key).expect("section names a table");
                    view! { <TableView table=table/> }.into_any()
                }
            };
            view! {
                <section class="report-section" id=id.clone() aria-labelledby=format!("{id}-title")>
                    <h2 id=format!("{id}-title")>{section.heading}</h2>
                    <details class="guidance">
                        <summary>"填写说明"</summary>
                        <p>{section.guidance}</p>
                    </details>
                    {body}
                </section>
            }
        })
        .collect_view()
}

/// A narrative text of the report: the preamble or a section's text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Text {
    Preamble,
    Section(&'static str),
}

impl Text {
    fn get(self, r: &Report) -> &str {
        match self {
            Text::Preamble => &r.preamble,
            Text::Section(key) => r.text(key),
        }
    }

    fn set(self, r: &mut Report, value: String) {
        match self {
            Text::Preamble => r.preamble = value,
            Text::Section(key) => {
                r.set_text(key, value);
            }
        }
    }

    /// The `data-key` (JSON path) and the key findings use for it.
    fn keys(self) -> (String, &'static str) {
        match self {
            Text::Preamble => ("preamble".to_string(), "preamble"),
            Text::Section(key) => (format!("sections.{key}"), key),
        }
    }
}

/// The text before section 一 ("本报告根据…编制…统计期限自…"), optional.
#[component]
pub fn Preamble() -> impl IntoView {
    view! {
        <section class="report-section preamble" id="section-preamble" aria-labelledby="section-preamble-title">
            <h2 id="section-preamble-title">"正文前的说明（可选）"</h2>
            <TextArea
                text=Text::Preamble
                label="正文前的说明"
                placeholder="例：本报告根据《中华人民共和国政府信息公开条例》……编制。本报告所列数据的统计期限自……年1月1日起至……年12月31日止。"
            />
        </section>
    }
}

#[component]
fn TextSection(section: &'static Section) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let format = format::current();
    let key = section.key;
    let text = editor.select(move |r| r.text(key).to_string());
    let count = Memo::new(move |_| text.with(|t| char_count(t)));
    let limit = format.overview_max_chars;
    let overview_tools = (key == "overview").then(|| {
        let add_outline = move |_| {
            let additions = text.with_untracked(|t| outline_additions(format, t));
            if additions.is_empty() {
                editor.notice.set(Some("五个方面的小标题都已在文中".into()));
                return;
            }
            editor.edit(None, move |r| {
                let mut t = r.text(key).trim_end().to_string();
                for heading in additions {
                    if !t.is_empty() {
                        t.push_str("\n\n");
                    }
                    t.push_str(heading);
                    t.push('\n');
                }
                r.set_text(key, t);
            });
            dom::focus_key("sections.overview");
        };
        view! {
            <div class="text-tools">
                <button type="button" on:click=add_outline>
                    "插入提纲（五个方面的小标题）"
                </button>
                <span class="char-count" class:over=move || { count.get() > limit }>
                    {move || format!("已写 {} 字，原则上不超过 {limit} 字", count.get())}
                </span>
            </div>
        }
    });
    view! {
        {overview_tools}
        <TextArea text=Text::Section(key) label=section.heading placeholder=section.template_note/>
    }
}

/// A text area that grows with its content, keeps paragraph breaks, and
/// carries the marks of the findings about its text.
#[component]
fn TextArea(text: Text, label: &'static str, placeholder: &'static str) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (data_key, finding_key) = text.keys();
    let value = editor.select(move |r| text.get(r).to_string());
    let area: NodeRef<html::Textarea> = NodeRef::new();

    // Keep the DOM in step with the report (undo, import) without touching it
    // while the user types, and grow the box with its content.
    Effect::new(move |_| {
        let t = value.get();
        if let Some(el) = area.get() {
            if el.value() != t {
                el.set_value(&t);
            }
            dom::fit_height(&el);
        }
    });

    let field = data_key.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        editor.edit(Some(&field), move |r| text.set(r, v));
    };
    let marked = super::table::Marked::new(editor.text_mark(finding_key));
    view! {
        {move || marked.flag().map(|f| view! { <span class="text-flag" aria-hidden="true">{f} " 见检查结果"</span> })}
        <textarea
            node_ref=area
            data-key=data_key
            class=move || marked.class()
            aria-invalid=move || marked.invalid()
            aria-describedby=move || marked.described_by()
            aria-label=label
            rows="4"
            placeholder=placeholder
            on:input=on_input
            on:blur=move |_| editor.close_step()
        ></textarea>
    }
}
