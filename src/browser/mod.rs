//! The only code that talks to browser APIs: storage, downloads, files, the
//! clock, the crash screen, the importer worker (both its sides). Everything here is a thin adapter over web-sys and gloo-storage so
//! that the core stays testable natively.

pub mod files;
pub mod importer;
pub mod panic;
pub mod storage;
pub mod worker;

/// Today's date, from the browser's clock (local time).
pub fn today() -> crate::model::Date {
    let d = web_sys::js_sys::Date::new_0();
    crate::model::Date::new(
        d.get_full_year() as i32,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
}

/// Now as ISO 8601 (UTC), e.g. "2025-01-10T08:00:00.000Z".
pub fn now_iso() -> String {
    String::from(web_sys::js_sys::Date::new_0().to_iso_string())
}

/// The local time of an ISO timestamp as "HH:MM:SS".
pub fn local_time(iso: &str) -> String {
    let d = web_sys::js_sys::Date::new(&iso.into());
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The local date and time of an ISO timestamp as "2025-01-10 16:00".
pub fn local_date_time(iso: &str) -> String {
    let d = web_sys::js_sys::Date::new(&iso.into());
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A fresh draft id: time plus randomness, base 36.
pub fn new_id() -> String {
    let t = web_sys::js_sys::Date::now() as u64;
    let r = (web_sys::js_sys::Math::random() * 1e9) as u64;
    format!("{}{}", radix36(t), radix36(r))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

/// The address of the 审核台 from the form page: the one-file offline
/// edition opened from disk links to the 审核台's offline edition beside it.
pub fn review_page() -> &'static str {
    let from_disk = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    if from_disk {
        "nianbao-review-offline.html"
    } else {
        "review.html"
    }
}
