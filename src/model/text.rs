//! Helpers on the narrative text shared by the form and the rules.

use crate::format::Format;

/// The byte length of the character starting at `b[i]`, and whether it is a
/// space as [`super::is_space`] defines it: read from its bytes, without
/// decoding (the texts are scanned on every keystroke).
#[inline(always)]
fn char_at(b: &[u8], i: usize) -> (usize, bool) {
    let x = b[i];
    // Most characters: ASCII, and ideographs (U+4E00–U+9FFF: E4–E9 lead bytes).
    if x < 0x80 {
        return (1, x.is_ascii_whitespace());
    }
    if (0xE4..=0xE9).contains(&x) {
        return (3, false);
    }
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
    (len, space)
}

/// Number of characters as an office counts 字数: every character except
/// whitespace (line breaks, spaces, full-width spaces).
pub fn char_count(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        let (len, space) = char_at(b, i);
        n += usize::from(!space);
        i += len;
    }
    n
}

/// `text` without its spaces ([`super::is_space`]: line breaks, full-width
/// and no-break spaces), copied only when it has some.
pub fn without_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    // Start of the current run of non-space characters.
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let (len, space) = char_at(b, i);
        if space {
            out.get_or_insert_with(|| String::with_capacity(text.len()))
                .push_str(&text[run..i]);
            run = i + len;
        }
        i += len;
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[run..]);
            std::borrow::Cow::Owned(out)
        }
    }
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
    // A bigram as one u64 (never u64::MAX: a char is at most 21 bits).
    let bigrams = |s: &str| {
        let chars: Vec<char> = without_spaces(s).chars().collect();
        chars
            .windows(2)
            .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
            .collect::<Vec<u64>>()
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Multiset intersection through a hash table of x's bigrams and their
    // counts, open addressing: linear in the lengths, and no std sort or
    // HashMap in the form page's module (several KB each, see crate::sort).
    const EMPTY: u64 = u64::MAX;
    let bits = (2 * x.len()).next_power_of_two().max(16).trailing_zeros();
    let mut keys = vec![EMPTY; 1 << bits];
    let mut counts = vec![0u32; 1 << bits];
    let slot = |keys: &[u64], k: u64| {
        let mut i = (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
        while keys[i] != k && keys[i] != EMPTY {
            i = (i + 1) & (keys.len() - 1);
        }
        i
    };
    for &k in &x {
        let i = slot(&keys, k);
        keys[i] = k;
        counts[i] += 1;
    }
    let mut common = 0usize;
    for &k in &y {
        let i = slot(&keys, k);
        if keys[i] == k && counts[i] > 0 {
            counts[i] -= 1;
            common += 1;
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // (test code: see clippy.toml)
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn similarity_counts_each_shared_bigram_as_often_as_both_texts_have_it() {
        // The Dice coefficient by sorted lists, as a reference.
        let reference = |a: &str, b: &str| {
            let bigrams = |s: &str| {
                let c: Vec<char> = without_spaces(s).chars().collect();
                let mut v: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
                v.sort();
                v
            };
            let (x, y) = (bigrams(a), bigrams(b));
            let mut rest = y.clone();
            let common = x
                .iter()
                .filter(|g| match rest.iter().position(|r| r == *g) {
                    Some(p) => {
                        rest.remove(p);
                        true
                    }
                    None => false,
                })
                .count();
            if x.is_empty() || y.is_empty() {
                0.0
            } else {
                2.0 * common as f64 / (x.len() + y.len()) as f64
            }
        };
        let texts = [
            "",
            "一",
            "一二",
            "本机关 不掌握",
            "哈哈哈哈哈",
            "哈哈哈",
            "政策解读形式不够丰富，政策解读形式不够丰富。",
            "政府网站建设有待加强",
            "2023 年，本机关共收到申请 12 件。😀😀",
            &"依申请公开工作流程不够规范。".repeat(40),
            &"政务公开工作人员业务能力有待提升，".repeat(25),
        ];
        for a in texts {
            for b in texts {
                let (got, want) = (similarity(a, b), reference(a, b));
                assert!((got - want).abs() < 1e-12, "{a:?} {b:?}: {got} {want}");
            }
        }
        assert_eq!(similarity("哈哈哈哈哈", "哈哈哈"), 2.0 * 2.0 / 6.0);
    }

    #[test]
    fn counts_and_removes_the_characters_is_space_names() {
        let sample = "一、总体情况\n\n 2023 年，\u{3000}本机关\u{a0}\u{2003}x\u{85}é";
        let slow = sample
            .chars()
            .filter(|c| !crate::model::is_space(*c))
            .count();
        assert_eq!(char_count(sample), slow);
        let kept: String = sample
            .chars()
            .filter(|c| !crate::model::is_space(*c))
            .collect();
        assert_eq!(without_spaces(sample), kept);
        assert!(matches!(
            without_spaces("本机关（一）"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(without_spaces(" 平潭\n综合 "), "平潭综合");
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
