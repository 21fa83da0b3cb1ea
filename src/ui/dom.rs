//! Small DOM helpers for the components.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The element carrying this `data-key`, if it is on the page.
pub fn by_key(key: &str) -> Option<HtmlElement> {
    document()
        .query_selector(&format!("[data-key=\"{key}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Moves focus to the input with this `data-key` and selects its text, as a
/// spreadsheet does when you move to a cell.
pub fn focus_key(key: &str) {
    if let Some(el) = by_key(key) {
        let _ = el.focus();
        if let Ok(input) = el.dyn_into::<HtmlInputElement>() {
            input.select();
        }
    }
}

/// Scrolls the element with this `data-key` to the middle of the screen.
pub fn scroll_to_key(key: &str) {
    if let Some(el) = by_key(key) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Grows a text area to fit its content (no inner scroll bar).
pub fn fit_height(area: &HtmlTextAreaElement) {
    let style = HtmlElement::style(area);
    let _ = style.set_property("height", "auto");
    let _ = style.set_property("height", &format!("{}px", area.scroll_height() + 2));
}
