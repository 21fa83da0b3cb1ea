//! Helpers on the narrative text shared by the form and the rules.

use crate::format::Format;

/// Number of characters as an office counts 字数: every character except
/// whitespace (line breaks, spaces, full-width spaces).
pub fn char_count(text: &str) -> usize {
    // One pass over the bytes (this runs on every keystroke): count each
    // character start that is not a space as `is_space` defines it.
    let b = text.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        let x = b[i];
        let len = match x {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let space = match (x, b.get(i + 1), b.get(i + 2)) {
            (0x00..=0x7F, _, _) => x.is_ascii_whitespace(),
            (0xC2, Some(0x85 | 0xA0), _) => true,
            (0xE1, Some(0x9A), Some(0x80)) => true,
            (0xE2, Some(0x80), Some(y)) => matches!(y, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            (0xE2, Some(0x81), Some(0x9F)) => true,
            (0xE3, Some(0x80), Some(0x80)) => true,
            _ => false,
        };
        if !space {
            n += 1;
        }
        i += len;
    }
    n
}

/// The overview outline's sub-headings (（一）主动公开 …) that the text does
/// not contain yet, in order.
pub fn outline_additions(format: &Format, text: &str) -> Vec<&'static str> {
    format
        .overview_topics
        .iter()
        .map(|t| t.outline_heading)
        .filter(|h| !text.contains(h))
        .collect()
}

/// Dice similarity of the two texts' character bigrams (spaces ignored), 0–1:
/// how alike two sections or two headings are.
pub fn similarity(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| {
        let chars: Vec<char> = s.chars().filter(|c| !super::is_space(*c)).collect();
        // A bigram as one u64: the only std sort of the crate (see crate::sort).
        let mut v: Vec<u64> = chars
            .windows(2)
            .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
            .collect();
        v.sort_unstable();
        v
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn counts_characters_without_spaces() {
        let sample = "一、总体情况\n\n 2023 年，\u{3000}本机关\u{a0}\u{2003}x\u{85}é";
        let slow = sample
            .chars()
            .filter(|c| !crate::model::is_space(*c))
            .count();
        assert_eq!(char_count(sample), slow);
        assert_eq!(char_count("一、总体情况\n\n 2023 年，\u{3000}本机关"), 15);
        assert_eq!(char_count(""), 0);
    }

    #[test]
    fn outline_adds_only_missing_headings() {
        let f = format::current();
        assert_eq!(outline_additions(f, "").len(), 5);
        let some = "（一）主动公开\n全年……\n（三）政府信息管理\n";
        assert_eq!(
            outline_additions(f, some),
            [
                "（二）依申请公开",
                "（四）政府信息公开平台建设",
                "（五）监督保障"
            ]
        );
    }
}
