//! How much of a section repeats last year's: the share of this year's
//! characters (spaces not counted) that sit in sentences also found in last
//! year's same section. Figures are not told apart ("2023年" repeats
//! "2022年"), since evaluators mark down text that only had its numbers
//! changed. The repeated sentences are returned for highlighting.

use crate::model::is_space;
use crate::model::text::char_count;

/// A section's repetition of last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repetition {
    /// Whole percent, 0–100.
    pub percent: u32,
    /// Byte ranges of this year's text that repeat last year's, in order.
    pub repeated: Vec<(usize, usize)>,
}

fn is_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// Sentences as byte ranges (each with its end mark).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_end(c) {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// A sentence as compared: no spaces or end marks, every digit alike.
fn key(sentence: &str) -> String {
    sentence
        .chars()
        .filter(|c| !is_space(*c) && !is_end(*c))
        .map(|c| {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                '#'
            } else {
                c
            }
        })
        .collect()
}

/// This year's `text` against last year's.
pub fn measure(text: &str, last: &str) -> Repetition {
    let mut before: Vec<String> = sentences(last)
        .into_iter()
        .map(|(a, b)| key(&last[a..b]))
        .filter(|k| k.chars().count() >= 4)
        .collect();
    crate::sort::by(&mut before, |a, b| a > b);
    let total = char_count(text);
    let mut same = 0;
    let mut repeated = Vec::new();
    for (a, b) in sentences(text) {
        let k = key(&text[a..b]);
        if k.chars().count() >= 4 && before.binary_search(&k).is_ok() {
            same += char_count(&text[a..b]);
            repeated.push((a, b));
        }
    }
    let percent = (same * 100 + total / 2).checked_div(total).unwrap_or(0) as u32;
    Repetition { percent, repeated }
}
