//! Cutting narrative text into sentences and clauses (at 。；！？ and
//! ，、：), on bytes, with no allocation per piece.
//!
//! Not for: numbers (see [`crate::rules::numbers`]) or keywords (see
//! [`super::lexicon`]).

/// Byte ranges of the pieces of `text` between separators. Works on bytes:
/// every separator is ASCII or a three-byte CJK punctuation mark, so no UTF-8
/// decoding is needed (this runs on every keystroke).
pub(super) fn split_ranges(text: &str, separator: fn(&[u8]) -> usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let n = separator(&bytes[i..]);
        if n > 0 {
            if i > start {
                out.push((start, i));
            }
            i += n;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// Length of the sentence end at the start of `b` (。；！？;!? or a line break), or 0.
pub(super) fn sentence_end_len(b: &[u8]) -> usize {
    match b {
        [b';' | b'!' | b'?' | b'\n', ..] => 1,
        // 。 U+3002
        [0xE3, 0x80, 0x82, ..] => 3,
        // ！ U+FF01, ； U+FF1B, ？ U+FF1F
        [0xEF, 0xBC, 0x81 | 0x9B | 0x9F, ..] => 3,
        _ => 0,
    }
}

/// Length of the clause end at the start of `b` (a sentence end, or ，、：,:), or 0.
pub(super) fn clause_end_len(b: &[u8]) -> usize {
    match b {
        [b',' | b':', ..] => 1,
        // 、 U+3001
        [0xE3, 0x80, 0x81, ..] => 3,
        // ， U+FF0C, ： U+FF1A
        [0xEF, 0xBC, 0x8C | 0x9A, ..] => 3,
        _ => sentence_end_len(b),
    }
}

pub(super) fn shorten(s: &str) -> String {
    let s = s.trim_matches(crate::model::is_space);
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

pub(super) fn is_sentence_char(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Byte offsets of every occurrence of any of `chars`. A `char` pattern is
/// searched with memchr on its last byte: far faster than a `&str` pattern.
pub(super) fn positions_of(text: &str, chars: &[char]) -> Vec<usize> {
    chars
        .iter()
        .flat_map(|c| text.match_indices(*c).map(|(i, _)| i))
        .collect()
}

/// The sentences of `text` that contain any of `chars`, as byte ranges in
/// text order. Finding the characters and widening to the sentence is much
/// cheaper than splitting the whole text on every keystroke; each sentence
/// is widened once, however many of the characters it holds.
pub(super) fn sentences_with(text: &str, chars: &[char]) -> Vec<(usize, usize)> {
    let mut positions = positions_of(text, chars);
    crate::sort::by_key(&mut positions, |p| *p);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for pos in positions {
        if out.last().is_some_and(|&(_, end)| pos < end) {
            continue; // in the sentence just found
        }
        let start = text[..pos].rfind(is_sentence_char).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[pos..]
            .find(is_sentence_char)
            .map_or(text.len(), |i| pos + i);
        out.push((start, end));
    }
    out
}
