//! The charset of a saved page's bytes (decoding itself is the browser's
//! TextDecoder, in the importer worker).

/// Charset of a saved page: from a byte-order mark, else a meta tag in the
/// first bytes, else UTF-8 when the bytes are valid UTF-8, else GB18030 (the
/// superset of GBK and GB2312, common on government sites).
pub fn detect_charset(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return "utf-8";
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return "utf-16le";
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return "utf-16be";
    }
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                (b as char).to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    if let Some(at) = head.find("charset=") {
        let value: String = head[at + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(label) = known_charset(&value) {
            return label;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        "utf-8"
    } else {
        "gb18030"
    }
}

/// A charset's name as pages and mail headers write it (lower case), as
/// [`detect_charset`] names it: the Chinese ones GB18030 (their superset),
/// UTF-8 either way it is written.
pub fn known_charset(name: &str) -> Option<&'static str> {
    match name {
        "gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936" | "gb_2312-80" => Some("gb18030"),
        "utf-8" | "utf8" => Some("utf-8"),
        _ => None,
    }
}
