//! The importer worker's side (compiled into the `importer` binary): takes
//! jobs from the page, runs [`crate::import::job`], answers. Protocol, in
//! plain JS objects:
//! - worker → page, once started: `{ready: true}`
//! - page → worker: `{id, bytes: Uint8Array}` or `{id, text: string}`
//! - worker → page: `{id, json, review}` or `{id, error}`
//! - page → worker: `{id, docx: string}` (our JSON) → `{id, bytes}` (.docx)
//! - the 审核台 → worker: `{id, item: string, bytes: Uint8Array}` (a file's
//!   name and bytes, [`crate::review::read_published`]) → `{id, json,
//!   notes: string[]}` or `{id, error}`
//!
//! Not for: anything on the page's side (that is [`super::importer`]).

use crate::import::job::{self, Answer};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Object, Reflect, Uint8Array};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// Starts answering jobs.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope =
        JsValue::from(web_sys::js_sys::global()).unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        // 下载 Word: the report (our JSON) rendered as .docx bytes.
        if let Some(json) = Reflect::get(&data, &"docx".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            let answer = Object::new();
            set(&answer, "id", &id);
            match crate::model::Report::from_json_str(&json) {
                Ok(report) => {
                    let bytes = crate::export::docx::render(&report);
                    set(&answer, "bytes", &Uint8Array::from(bytes.as_slice()));
                }
                Err(_) => set(&answer, "error", &"报告无法读取，未能生成 Word 文件".into()),
            }
            let _ = reply.post_message(&answer);
            return;
        }
        let bytes = Reflect::get(&data, &"bytes".into())
            .ok()
            .filter(|b| b.is_object());
        // The 审核台: one file of a batch, read as `review::read_item` would.
        if let Some(name) = Reflect::get(&data, &"item".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            let bytes = bytes.map_or(Vec::new(), |b| Uint8Array::new(&b).to_vec());
            let item = crate::review::read_published(&name, &bytes, &super::files::TextDecoding);
            let answer = Object::new();
            set(&answer, "id", &id);
            match item.sent() {
                Ok((json, notes)) => {
                    set(&answer, "json", &json.into());
                    let list: web_sys::js_sys::Array =
                        notes.into_iter().map(JsValue::from).collect();
                    set(&answer, "notes", &list);
                }
                Err(e) => set(&answer, "error", &e.into()),
            }
            let _ = reply.post_message(&answer);
            return;
        }
        let result: Result<Answer, String> = match bytes {
            Some(b) => job::bytes(&Uint8Array::new(&b).to_vec(), &super::files::TextDecoding),
            None => {
                let text = Reflect::get(&data, &"text".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                job::text(&text)
            }
        };
        let answer = Object::new();
        set(&answer, "id", &id);
        match result {
            Ok(a) => {
                set(&answer, "json", &a.report_json.into());
                set(&answer, "review", &a.review_html.into());
            }
            Err(e) => set(&answer, "error", &e.into()),
        }
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
