//! The six sections of the report, in template order, with the notice's
//! guidance as help.

use super::table::TableView;
use super::{dom, Editor};
use crate::format::{self, Content, Section};
use crate::model::text::{char_count, outline_additions};
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

#[component]
fn TextSection(section: &'static Section) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let format = format::current();
    let key = section.key;
    let data_key = format!("sections.{key}");
    let text = editor.select(move |r| r.text(key).to_string());
    let area: NodeRef<html::Textarea> = NodeRef::new();

    // Keep the DOM in step with the report (undo, import) without touching it
    // while the user types, and grow the box with its content.
    Effect::new(move |_| {
        let t = text.get();
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
        editor.edit(Some(&field), move |r| {
            r.set_text(key, v);
        });
    };

    let is_overview = key == "overview";
    let count = Memo::new(move |_| text.with(|t| char_count(t)));
    let limit = format.overview_max_chars;
    let overview_tools = is_overview.then(|| {
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
            if let Some(el) = area.get_untracked() {
                let _ = el.focus();
            }
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
        <textarea
            node_ref=area
            data-key=data_key
            aria-label=section.heading
            rows="6"
            placeholder=section.template_note
            on:input=on_input
            on:blur=move |_| editor.close_step()
        ></textarea>
    }
}
