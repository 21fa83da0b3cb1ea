//! The six sections of the report, in template order.

use super::Editor;
use crate::format::{self, Content};
use leptos::prelude::*;

#[component]
pub fn Sections() -> impl IntoView {
    format::current()
        .sections
        .iter()
        .map(|section| {
            let id = format!("section-{}", section.key);
            let body = match section.content {
                Content::Text => view! { <TextSection key=section.key/> }.into_any(),
                Content::Table(_) => view! {
                    <p class="placeholder">"（表格）"</p>
                }
                .into_any(),
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
fn TextSection(key: &'static str) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let text = editor.select(move |r| r.text(key).to_string());
    let section = format::current()
        .section(key)
        .expect("section of the format");
    view! {
        <textarea
            data-key=format!("sections.{key}")
            aria-label=section.heading
            rows="8"
            placeholder=section.template_note
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                editor.change(|r| {
                    r.set_text(key, v);
                });
            }
        ></textarea>
    }
}
