//! Helpers on the narrative text shared by the form and the rules.

use crate::format::Format;

/// Number of characters as an office counts 字数: every character except
/// whitespace (line breaks, spaces, full-width spaces).
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !super::is_space(*c)).count()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn counts_characters_without_spaces() {
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
