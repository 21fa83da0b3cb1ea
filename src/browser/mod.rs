//! The only code that talks to browser APIs. Everything here is a thin adapter
//! over web-sys / gloo-storage so that the core stays testable natively.

/// Today's date, from the browser's clock (local time).
pub fn today() -> crate::model::Date {
    let now = js_sys_date();
    crate::model::Date::new(now.0, now.1, now.2)
}

fn js_sys_date() -> (i32, u8, u8) {
    let d = web_sys::js_sys::Date::new_0();
    (
        d.get_full_year() as i32,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
}
