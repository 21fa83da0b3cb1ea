//! Web pages saved as one file (.mhtml, .mht): what Chrome, Edge and the
//! 360 and QQ browsers write for 「网页，单个文件」 and Internet Explorer for
//! 「Web 档案，单个文件」. Such a file is a MIME message (multipart/related)
//! whose first text/html part is the page and the next ones its frames,
//! quoted-printable or base64, in the charset its part header names; the
//! other parts (style sheets, images) are not needed.
//!
//! Not for: reading the page (see [`super::published`]), decoding charsets
//! (see [`super::job::Decode`]).

/// The page of a saved single-file web page.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    /// The page's bytes, transfer encoding undone.
    pub html: Vec<u8>,
    /// The charset its part header names (lower case), if any.
    pub charset: Option<String>,
}

/// Whether `bytes` is a MIME multipart/related message: its header (before
/// the first blank line, within the first 16 KB) names that content type.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let Some((headers, _)) = split_head(head) else {
        return false;
    };
    header(&headers, "content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/related"))
}

/// The pages of a saved single-file web page, in order: the page itself,
/// then its frames (a site may show the report in one); or why it cannot be
/// read.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    const BROKEN: &str = "网页单个文件（.mhtml/.mht）已损坏，找不到其中的网页：请在浏览器中重新打开原网页，另存为「网页，全部」（.html）后再导入";
    let (headers, body) = split_head(bytes).ok_or(BROKEN)?;
    let content_type = header(&headers, "content-type").ok_or(BROKEN)?;
    let boundary = param(&content_type, "boundary").ok_or(BROKEN)?;
    let delimiter = format!("--{boundary}");
    let mut parts = split_on(body, delimiter.as_bytes());
    parts.next(); // the preamble before the first delimiter
    let mut pages = Vec::new();
    for part in parts {
        // The closing delimiter ("--boundary--") ends the message.
        if part.starts_with(b"--") {
            break;
        }
        let Some((headers, content)) = split_head(trim_line_start(part)) else {
            continue;
        };
        // The line break before a delimiter belongs to it.
        let content = content.strip_suffix(b"\n").unwrap_or(content);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        let kind = header(&headers, "content-type").unwrap_or_default();
        if !kind.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let encoding = header(&headers, "content-transfer-encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let html = match encoding.trim() {
            "quoted-printable" => quoted_printable(content),
            "base64" => base64(content).ok_or(BROKEN)?,
            _ => content.to_vec(),
        };
        let charset = param(&kind, "charset").map(|c| c.to_ascii_lowercase());
        pages.push(Page { html, charset });
    }
    if pages.is_empty() {
        return Err(BROKEN.to_string());
    }
    Ok(pages)
}

/// The header lines (unfolded: a line starting with a space or tab goes on
/// the one before) and the rest, split at the first blank line.
fn split_head(bytes: &[u8]) -> Option<(Vec<String>, &[u8])> {
    let mut lines: Vec<String> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |e| at + e);
        let line = String::from_utf8_lossy(&bytes[at..end]);
        let line = line.trim_end_matches('\r');
        at = (end + 1).min(bytes.len());
        if line.is_empty() {
            return (!lines.is_empty()).then_some((lines, &bytes[at..]));
        }
        match (line.starts_with([' ', '\t']), lines.last_mut()) {
            (true, Some(last)) => {
                last.push(' ');
                last.push_str(line.trim());
            }
            (true, None) => return None,
            (false, _) if !line.contains(':') => return None,
            (false, _) => lines.push(line.to_string()),
        }
    }
    None
}

/// The value of header `name` (lower case), if present.
fn header(lines: &[String], name: &str) -> Option<String> {
    lines.iter().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

/// A parameter of a header value (`boundary="…"`, `charset=gb2312`).
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (n, v) = p.split_once('=')?;
        n.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// `bytes` cut at each occurrence of `delimiter` (the delimiters dropped).
fn split_on<'a>(bytes: &'a [u8], delimiter: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let r = rest?;
        match super::find(r, delimiter) {
            Some(at) => {
                rest = Some(&r[at + delimiter.len()..]);
                Some(&r[..at])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `bytes` without the line break that ends a delimiter line.
fn trim_line_start(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\r").unwrap_or(bytes);
    b.strip_prefix(b"\n").unwrap_or(b)
}

/// Quoted-printable decoded: "=XX" a byte, "=" at a line's end a soft line
/// break; anything else (a stray "=") as it is.
fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let rest = &bytes[i + 1..];
            if let (Some(&h), Some(&l)) = (rest.first(), rest.get(1)) {
                if let (Some(h), Some(l)) = (hex(h), hex(l)) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
            }
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Base64 decoded, line breaks and spaces skipped; `None` on any other
/// byte outside the alphabet.
fn base64(bytes: &[u8]) -> Option<Vec<u8>> {
    let value = |b: u8| -> Option<u32> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for &b in bytes {
        match b {
            b'\r' | b'\n' | b' ' | b'\t' => continue,
            b'=' => break,
            _ => {
                acc = acc << 6 | value(b)?;
                bits += 6;
                if bits >= 8 {
                    bits -= 8;
                    out.push((acc >> bits) as u8);
                    acc &= (1 << bits) - 1;
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IE: &str = "From: <Saved by Windows Internet Explorer 8>\r\nSubject: =?gb2312?B?xOqxqA==?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000_0000_01D00000.00000000\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000_01D00000.00000000\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/nb.htm\r\n\r\n<p>=D2=BB=A1=A2=D7=DC=CC=E5=C7=E9=BF=F6</p>=\r\n<p>x=3D1</p>\r\n\r\n------=_NextPart_000_0000_01D00000.00000000\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n\r\n------=_NextPart_000_0000_01D00000.00000000--\r\n";

    #[test]
    fn the_page_of_an_internet_explorer_archive_is_found_and_decoded() {
        let bytes = IE.as_bytes();
        assert!(is_mhtml(bytes));
        let pages = pages(bytes).unwrap();
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        assert_eq!(page.charset.as_deref(), Some("gb2312"));
        // 一、总体情况 in GB2312, the soft line break joined, =3D an "=".
        assert_eq!(
            page.html,
            b"<p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p><p>x=1</p>\r\n"
        );
    }

    #[test]
    fn a_base64_page_is_decoded_and_other_files_are_not_taken_for_one() {
        let b64 = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/css\n\np{}\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n5LiA44CB5oC7\n5L2T5oOF5Ya1\n--b--\n";
        let page = pages(b64.as_bytes()).unwrap().remove(0);
        assert_eq!(String::from_utf8(page.html).unwrap(), "一、总体情况");
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
        for not in [
            "<html><body>一、总体情况</body></html>",
            "一、总体情况\n\n二、主动公开",
            "Content-Type: text/html\n\n<p>x</p>",
            "",
        ] {
            assert!(!is_mhtml(not.as_bytes()), "{not}");
        }
    }

    #[test]
    fn a_broken_archive_says_so() {
        for broken in [
            "Content-Type: multipart/related\n\n--b\n",
            "Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nx\n--b--",
            "Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n@@@\n--b--",
        ] {
            assert!(pages(broken.as_bytes()).unwrap_err().contains("已损坏"), "{broken}");
        }
    }
}
