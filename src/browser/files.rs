//! Downloads (Blob + object URL) and reading files the user picks or drops.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, FileReader, HtmlAnchorElement, Url};

/// An object URL holding `content`: a link to it downloads the file even
/// when the app itself no longer runs.
pub fn object_url(mime: &str, content: &str) -> Result<String, String> {
    let parts = web_sys::js_sys::Array::of1(&content.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_message(&e))?;
    Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let url = object_url(mime, content)?;
    click_download(name, url)
}

/// Offers bytes as a file download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = web_sys::js_sys::Array::of1(&web_sys::js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| js_message(&e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    click_download(name, url)
}

/// Clicks a hidden link to `url` that downloads as `name`, then revokes it.
fn click_download(name: &str, url: String) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none").ok();
    document.body().ok_or("no body")?.append_child(&a).ok();
    // A click that does not bubble: a page's own delegated click handler
    // (the 审核台's) is not entered again while it is still running.
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(false);
    init.set_cancelable(true);
    match web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        Ok(click) => {
            let _ = a.dispatch_event(&click);
        }
        Err(_) => a.click(),
    }
    a.remove();
    // Revoke later: some browsers start the download asynchronously.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .ok();
    Ok(())
}

/// Reads a file's bytes and calls `done` once, with them or with why they
/// could not be read (the reader's error, or reading refused at once).
pub fn read_bytes(file: &File, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let reader = match FileReader::new() {
        Ok(r) => r,
        Err(e) => return done(Err(js_message(&e))),
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<Vec<u8>, String>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let (r, on_ok) = (reader.clone(), finish.clone());
    let onload = Closure::<dyn FnMut()>::new(move || {
        on_ok(match r.result() {
            Ok(buffer) if buffer.is_object() => {
                Ok(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())
            }
            Ok(_) => Err("读取结果为空".to_string()),
            Err(e) => Err(js_message(&e)),
        })
    });
    let (r, on_error) = (reader.clone(), finish.clone());
    let onerror = Closure::<dyn FnMut()>::new(move || {
        on_error(Err(r
            .error()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "浏览器无法读取该文件".to_string())))
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    reader.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onload.forget();
    onerror.forget();
    if let Err(e) = reader.read_as_array_buffer(file) {
        finish(Err(js_message(&e)));
    }
}

/// A JavaScript error's message, without Debug formatting.
pub fn js_message(error: &wasm_bindgen::JsValue) -> String {
    web_sys::js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "未知错误".to_string())
}

/// Puts `html` and `text` on the clipboard (both flavours, so a website's
/// rich-text editor or WPS gets the tables and a plain box gets tab-separated
/// text). Must run inside a user gesture. Returns false if the browser refused.
pub fn copy_rich(html: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let (html, text) = (html.to_string(), text.to_string());
    let on_copy =
        Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |e: web_sys::ClipboardEvent| {
            if let Some(data) = e.clipboard_data() {
                let _ = data.set_data("text/html", &html);
                let _ = data.set_data("text/plain", &text);
                e.prevent_default();
            }
        });
    let listener = on_copy.as_ref().unchecked_ref();
    let _ = document.add_event_listener_with_callback("copy", listener);
    let html_document: &web_sys::HtmlDocument = document.unchecked_ref();
    let ok = html_document.exec_command("copy").unwrap_or(false);
    let _ = document.remove_event_listener_with_callback("copy", listener);
    ok
}

/// Decoding legacy charsets with the browser's TextDecoder (GB18030 pages
/// need no decoding tables in our modules).
pub struct TextDecoding;

impl crate::import::job::Decode for TextDecoding {
    fn decode(&self, bytes: &[u8], charset: &str) -> Result<String, String> {
        let decoder = web_sys::TextDecoder::new_with_label(charset).map_err(|e| js_message(&e))?;
        decoder
            .decode_with_u8_array(bytes)
            .map_err(|e| js_message(&e))
    }
}
