//! A small, tolerant HTML tokenizer: enough to read the tables and paragraphs
//! of a saved government web page (Word-exported markup, unclosed tags, odd
//! attributes) and to check our own output; and, with empty elements closed,
//! the XML of Word and OFD files. It never panics: every index it slices at
//! is an ASCII delimiter.

use std::borrow::Cow;

/// One piece of an HTML document, borrowing from it where the text needs no
/// change (a name already in lower case, text without character
/// references): a Word file's 300 KB of XML is tens of thousands of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// An opening tag, name in lower case, attribute values decoded.
    Start {
        name: Cow<'a, str>,
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    },
    /// A closing tag, name in lower case.
    End { name: Cow<'a, str> },
    /// Text between tags, entities decoded.
    Text(Cow<'a, str>),
}

impl Token<'_> {
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }
}

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// Splits `html` into tokens. Comments, doctypes and processing instructions
/// are dropped; the content of script and style is dropped too. A tag
/// written self-closing (`<br/>`) is an opening tag only, as in HTML.
pub fn tokenize(html: &str) -> Vec<Token<'_>> {
    tokens(html, false)
}

/// Splits XML (a Word file's or an OFD file's parts) into tokens: as
/// [`tokenize`], but an empty element (`<w:footnoteReference w:id="2"/>`)
/// is opened and closed, and no element's content is raw text.
pub fn tokenize_xml(xml: &str) -> Vec<Token<'_>> {
    tokens(xml, true)
}

fn tokens(html: &str, xml: bool) -> Vec<Token<'_>> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        // A '<' that does not start a tag is text.
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            i += 1;
            continue;
        }
        if i > text_start {
            push_text(&mut out, &html[text_start..i]);
        }
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| i + e + 3);
        } else if next == b'!' || next == b'?' {
            i = rest.find('>').map_or(bytes.len(), |e| i + e + 1);
        } else {
            let end = tag_end(bytes, i);
            let inner = &html[i + 1..end.min(bytes.len())];
            i = (end + 1).min(bytes.len());
            if let Some(name) = inner.strip_prefix('/') {
                let name = tag_name(name);
                if !name.is_empty() {
                    out.push(Token::End { name });
                }
            } else {
                let name = tag_name(inner);
                let attrs = attributes(&inner[name.len().min(inner.len())..]);
                if xml {
                    let empty = inner.trim_end().ends_with('/');
                    out.push(Token::Start {
                        name: name.clone(),
                        attrs,
                    });
                    if empty {
                        out.push(Token::End { name });
                    }
                } else if RAW_TEXT.contains(&name.as_ref()) {
                    // Skip to the matching end tag.
                    let skip = find_end_tag(&bytes[i..], name.as_bytes());
                    let content = &html[i..i + skip];
                    if name == "title" || name == "textarea" {
                        out.push(Token::Start {
                            name: name.clone(),
                            attrs,
                        });
                        push_text(&mut out, content);
                        out.push(Token::End { name: name.clone() });
                    }
                    i += skip;
                    i = html[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
                } else {
                    out.push(Token::Start { name, attrs });
                }
            }
        }
        text_start = i;
    }
    if text_start < bytes.len() {
        push_text(&mut out, &html[text_start..]);
    }
    out
}

/// Offset of `</name` in `bytes`, the name matched without regard to ASCII
/// case (no copy of the page: this runs for every script and style).
fn find_end_tag(bytes: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(k) = bytes[at..].windows(2).position(|w| w == b"</") {
        let start = at + k;
        let candidate = &bytes[start + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return start;
        }
        at = start + 2;
    }
    bytes.len()
}

/// Index of the '>' closing the tag that starts at `start`. As in the HTML
/// standard, a quote opens a quoted value only where a value starts (after
/// '=' and any spaces); a stray quote elsewhere (a damaged attribute,
/// `valign="center"3"`) is an ordinary character and does not swallow the
/// page up to the next quote.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    // After '=' (and any spaces), where a value starts; inside an unquoted
    // value. A quoted value is skipped whole.
    let (mut before_value, mut unquoted) = (false, false);
    let mut j = start + 1;
    while j < bytes.len() {
        let b = bytes[j];
        if b == b'>' {
            return j;
        }
        if before_value {
            if b == b'"' || b == b'\'' {
                match bytes[j + 1..].iter().position(|&x| x == b) {
                    Some(k) => {
                        j += k + 2;
                        before_value = false;
                        continue;
                    }
                    None => return bytes.len(),
                }
            }
            if !b.is_ascii_whitespace() {
                (before_value, unquoted) = (false, true);
            }
        } else if unquoted {
            unquoted = !b.is_ascii_whitespace();
        } else if b == b'=' {
            before_value = true;
        }
        j += 1;
    }
    bytes.len()
}

fn tag_name(s: &str) -> Cow<'_, str> {
    // (ASCII only: a byte index ends the name on a character boundary.)
    let end = s
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b':' || b == b'-'))
        .unwrap_or(s.len());
    lower(&s[..end])
}

/// `s` in ASCII lower case, copied only when it has a capital.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn attributes(s: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name = lower(&s[start..i]);
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Cow::Borrowed("");
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = s[vs..]
                    .bytes()
                    .position(|x| x == q)
                    .map_or(b.len(), |p| vs + p);
                value = decode_entities(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&s[vs..i]);
            }
        }
        out.push((name, value));
    }
    out
}

fn push_text<'a>(out: &mut Vec<Token<'a>>, raw: &'a str) {
    if raw.is_empty() {
        return;
    }
    out.push(Token::Text(decode_entities(raw)));
}

/// Decodes character references: numeric ones and the named ones that occur
/// on Chinese government pages.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (name, consumed) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.and_then(char::from_u32).map(String::from)
        } else {
            named(name).map(String::from)
        };
        match decoded {
            Some(d) if consumed > 1 => {
                out.push_str(&d);
                rest = &rest[consumed..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "times" => "×",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "copy" => "©",
        "reg" => "®",
        "deg" => "°",
        "plusmn" => "±",
        "yen" => "¥",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_entities() {
        let html = r#"<!DOCTYPE html><p class="a" style='x: "y"'>一 &amp; 二&nbsp;三 &#x4E09;&#19977; &unknown; a < b</p><!-- c --><br/><script>if (a<b) {}</script><TD colspan=2>5</td>"#;
        let t = tokenize(html);
        assert_eq!(
            t,
            vec![
                Token::Start {
                    name: "p".into(),
                    attrs: vec![
                        ("class".into(), "a".into()),
                        ("style".into(), "x: \"y\"".into())
                    ]
                },
                Token::Text("一 & 二\u{a0}三 三三 &unknown; a < b".into()),
                Token::End { name: "p".into() },
                Token::Start {
                    name: "br".into(),
                    attrs: vec![]
                },
                Token::Start {
                    name: "td".into(),
                    attrs: vec![("colspan".into(), "2".into())]
                },
                Token::Text("5".into()),
                Token::End { name: "td".into() },
            ]
        );
    }

    #[test]
    fn xml_empty_elements_are_closed_and_nothing_is_raw_text() {
        let start = |name: &'static str, attrs: &[(&'static str, &'static str)]| Token::Start {
            name: name.into(),
            attrs: attrs.iter().map(|&(k, v)| (k.into(), v.into())).collect(),
        };
        let end = |name: &'static str| Token::End { name: name.into() };
        assert_eq!(
            tokenize_xml(r#"<w:r><w:br /><a b="1/"/><title>题</title></w:r>"#),
            vec![
                start("w:r", &[]),
                start("w:br", &[]),
                end("w:br"),
                start("a", &[("b", "1/")]),
                end("a"),
                start("title", &[]),
                Token::Text("题".into()),
                end("title"),
                end("w:r"),
            ]
        );
        // (An HTML page's <br/> opens only.)
        assert_eq!(tokenize("<br/>"), vec![start("br", &[])]);
    }

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        let text = |html: &str| -> Vec<String> {
            tokenize(html)
                .into_iter()
                .filter_map(|t| match t {
                    Token::Text(s) => Some(s.into_owned()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(text("<SCRIPT>a < b</Script><p>正文"), ["正文"]);
        assert_eq!(text("<style>p{}</STYLE >后"), ["后"]);
        assert_eq!(text("<script>if (a</b) {}</script>x"), ["x"]);
        assert_eq!(text("<script>never closed"), Vec::<String>::new());
        assert_eq!(text("<title>标题</TITLE>"), ["标题"]);
    }

    #[test]
    fn truncated_input_is_read_as_far_as_it_goes() {
        let start = |name: &'static str, attrs: &[(&'static str, &'static str)]| Token::Start {
            name: name.into(),
            attrs: attrs.iter().map(|&(k, v)| (k.into(), v.into())).collect(),
        };
        let text = |t: &'static str| Token::Text(t.into());
        let cases: Vec<(&str, Vec<Token>)> = vec![
            ("<", vec![text("<")]),
            ("<p", vec![start("p", &[])]),
            ("<p class=\"", vec![start("p", &[("class", "")])]),
            ("<!--", vec![]),
            ("&#", vec![text("&#")]),
            ("&#x110000;", vec![text("&#x110000;")]),
            ("<td colspan=", vec![start("td", &[("colspan", "")])]),
            ("<script>", vec![]),
            ("<a b='c", vec![start("a", &[("b", "c")])]),
        ];
        for (html, want) in cases {
            assert_eq!(tokenize(html), want, "{html:?}");
        }
    }

    #[test]
    fn a_stray_quote_in_a_tag_is_a_character_not_a_quoted_value() {
        // A damaged attribute (colspan=" lost, 3" left): the tag still ends
        // at its own '>', and the cell's text stays the cell's.
        let html = "<td valign=\"center\"3\" style=\"x\">75</td><td a=b\"c>9</td><p>文字</p>";
        let tokens = tokenize(html);
        let texts: Vec<&str> = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["75", "9", "文字"]);
        assert_eq!(tokens[0].attr("valign"), Some("center"));
        assert_eq!(tokens[0].attr("style"), Some("x"));
        assert_eq!(tokens[3].attr("a"), Some("b\"c"));
    }
}
