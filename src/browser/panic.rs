//! What the user sees if the app panics despite the tests (a bug): a plain
//! message, the last saved copy of the open draft to download, and no more
//! editing until the page is reloaded, so nothing typed after the crash is
//! silently dropped.
//!
//! A panic aborts the wasm module (`panic = "abort"`): after the hook
//! returns, every call into it traps. So the hook builds the whole screen
//! itself, and everything on it works without the module: the backup is a
//! plain link to an object URL, read straight from storage by the core
//! ([`crate::store::backup`]); 刷新页面 is a plain link to the page.
//!
//! Not for expected errors (a full storage, a bad file): those are messages
//! of the UI, and the app goes on.

use super::storage::Backend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Id of the crash screen (one at most).
const SCREEN_ID: &str = "nianbao-crash";

/// Installs the hook: the console message (for developers), then the screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
    test_hook();
}

/// For the browser tests only: with `nianbao:test-hooks` set in storage
/// (which the app never writes), the window event `nianbao-test-panic`
/// makes the app panic, to test this screen.
fn test_hook() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let enabled = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("nianbao:test-hooks").ok().flatten())
        .is_some();
    if !enabled {
        return;
    }
    let panic = Closure::<dyn FnMut()>::new(|| panic!("test panic (nianbao:test-hooks)"));
    let _ = window
        .add_event_listener_with_callback("nianbao-test-panic", panic.as_ref().unchecked_ref());
    panic.forget();
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id(SCREEN_ID).is_some() {
        return;
    }
    // No more edits: everything on the page becomes inert.
    let children = body.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            let _ = child.set_attribute("inert", "");
        }
    }
    let backup = match Backend::detect() {
        Backend::Local => crate::store::backup(&Backend::Local),
        Backend::Memory(_) => None,
    };
    let saved = backup
        .as_ref()
        .map(|b| super::local_time(&b.saved_at))
        .filter(|t| !t.contains("NaN"))
        .map(|t| t.chars().take(5).collect::<String>());
    let message = match (&backup, &saved) {
        (Some(_), Some(time)) => format!(
            "程序出现错误，无法继续编辑。草稿已自动保存到 {time}，请下载备份并刷新页面。{time} 之后的修改未能保存，请刷新后对照补填。"
        ),
        (Some(_), None) => {
            "程序出现错误，无法继续编辑。本机保存的草稿无法读取为报告，已原样提供下载，请下载备份并刷新页面。".to_string()
        }
        (None, _) => {
            "程序出现错误，无法继续编辑。本机浏览器中没有已保存的草稿可供下载，请刷新页面。".to_string()
        }
    };
    let Ok(screen) = document.create_element("div") else {
        return;
    };
    screen.set_id(SCREEN_ID);
    screen.set_class_name("crash");
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-modal", "true");
    let _ = screen.set_attribute("aria-labelledby", "nianbao-crash-message");
    let add = |parent: &web_sys::Element, tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    let Some(p) = add(&screen, "p", &message) else {
        return;
    };
    p.set_id("nianbao-crash-message");
    if let Some(b) = &backup {
        if let (Ok(url), Some(link)) = (
            super::files::object_url("application/json", &b.content),
            add(&screen, "a", "下载 JSON 备份"),
        ) {
            let _ = link.set_attribute("href", &url);
            let _ = link.set_attribute("download", &b.file_name);
            let _ = link.set_attribute("data-action", "download-backup");
        }
    }
    if let Some(link) = add(&screen, "a", "刷新页面") {
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let here = here.split('#').next().unwrap_or_default().to_string();
        let _ = link.set_attribute("href", &here);
        let _ = link.set_attribute("data-action", "reload");
    }
    let _ = body.append_child(&screen);
    if let Some(link) = screen.query_selector("a").ok().flatten() {
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            let _ = link.focus();
        }
    }
}
