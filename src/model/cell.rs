//! One table cell: blank, a valid number, or text that is not a valid number.
//!
//! A blank cell and 0 are different states (blank is a finding, never a silent
//! 0), and text that does not parse is kept exactly as typed.

use crate::format::Kind;

/// The value of one table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell {
    /// Nothing entered.
    #[default]
    Blank,
    /// A whole number ≥ 0 (counts).
    Count(u64),
    /// An amount in 万元, as entered (normalised to half-width digits).
    Amount(Amount),
    /// Text that is not a valid value for the cell, kept as typed.
    Invalid(String),
}

/// A non-negative decimal amount, kept as its normalised text so that it is
/// shown exactly as entered ("12.50" stays "12.50").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount(String);

impl Amount {
    /// Parses "123", "123.45"; only half-width digits and one dot.
    pub fn parse(text: &str) -> Option<Amount> {
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return None;
        }
        Some(Amount(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The exact sum, with the larger number of decimals ("12.5" + "0.25" =
    /// "12.75"); `None` past 30 digits.
    pub fn add(&self, other: &Amount) -> Option<Amount> {
        let places = self.decimals().max(other.decimals());
        let scaled = |a: &Amount| -> Option<u128> {
            let (int, frac) = a.0.split_once('.').unwrap_or((&a.0, ""));
            let digits = format!("{int}{frac}{}", "0".repeat(places - frac.len()));
            (digits.len() <= 30).then(|| digits.parse().ok()).flatten()
        };
        let sum = scaled(self)?.checked_add(scaled(other)?)?.to_string();
        if places == 0 {
            return Some(Amount(sum));
        }
        let sum = format!(
            "{}{sum}",
            "0".repeat((places + 1).saturating_sub(sum.len()))
        );
        let (int, frac) = sum.split_at(sum.len() - places);
        Some(Amount(format!("{int}.{frac}")))
    }

    /// Number of digits after the decimal point.
    pub fn decimals(&self) -> usize {
        self.0.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// The whole 万元 (the integer part), saturating.
    pub fn whole(&self) -> u64 {
        let int = self.0.split_once('.').map_or(self.0.as_str(), |(i, _)| i);
        int.bytes().fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
    }
}

impl Cell {
    /// Reads what a user typed or pasted into a cell of this kind.
    ///
    /// Accepts full-width digits, full-width dot, surrounding (also full-width
    /// and no-break) spaces, and thousands separators in their right places.
    /// Anything else that is not empty is kept as [`Cell::Invalid`].
    pub fn parse(text: &str, kind: Kind) -> Cell {
        let trimmed = text.trim_matches(is_space);
        if trimmed.is_empty() {
            return Cell::Blank;
        }
        let normal = normalise_digits(trimmed);
        let parsed = match kind {
            Kind::Count => strip_grouping(&normal)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<u64>().ok())
                .map(Cell::Count),
            Kind::Amount => {
                let (int, frac) = match normal.split_once('.') {
                    Some((i, f)) => (i, Some(f)),
                    None => (normal.as_str(), None),
                };
                strip_grouping(int)
                    .map(|i| match frac {
                        Some(f) => format!("{i}.{f}"),
                        None => i,
                    })
                    .and_then(|s| Amount::parse(&s))
                    .map(Cell::Amount)
            }
        };
        parsed.unwrap_or_else(|| Cell::Invalid(text.to_string()))
    }

    /// The text to show in an input for this value.
    pub fn display(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Count(n) => n.to_string(),
            Cell::Amount(a) => a.as_str().to_string(),
            Cell::Invalid(s) => s.clone(),
        }
    }

    /// The count, when the cell holds a valid count.
    pub fn count(&self) -> Option<u64> {
        match self {
            Cell::Count(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }
}

/// Spaces a user may leave around a value: ASCII, full-width (U+3000) and
/// no-break (U+00A0, as pasted from web pages).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Full-width digits, dot and comma to half-width.
fn normalise_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            _ => c,
        })
        .collect()
}

/// "1,234,567" to "1234567"; `None` when commas are misplaced. Text without
/// commas is returned unchanged.
fn strip_grouping(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_string());
    }
    let mut groups = s.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        out.push_str(g);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(Cell::parse("", Kind::Count), Cell::Blank);
        assert_eq!(Cell::parse(" \u{3000}", Kind::Count), Cell::Blank);
        assert_eq!(Cell::parse("0", Kind::Count), Cell::Count(0));
        assert_eq!(Cell::parse(" ４２　", Kind::Count), Cell::Count(42));
        assert_eq!(Cell::parse("1,234", Kind::Count), Cell::Count(1234));
        for bad in ["1.5", "-1", "一", "abc", "/", "—", "无", "1,23", "+3"] {
            assert_eq!(
                Cell::parse(bad, Kind::Count),
                Cell::Invalid(bad.to_string()),
                "{bad}"
            );
        }
    }

    #[test]
    fn amounts_add_exactly() {
        let a = |s: &str| Amount::parse(s).unwrap();
        assert_eq!(a("12.5").add(&a("0.25")).unwrap().as_str(), "12.75");
        assert_eq!(a("3").add(&a("4")).unwrap().as_str(), "7");
        assert_eq!(a("0.05").add(&a("0.05")).unwrap().as_str(), "0.10");
        assert_eq!(a("9116.36").add(&a("0")).unwrap().as_str(), "9116.36");
        assert!(a(&"9".repeat(31)).add(&a("1")).is_none());
    }

    #[test]
    fn amounts_keep_their_decimals() {
        let cell = Cell::parse("12.50", Kind::Amount);
        assert_eq!(cell.display(), "12.50");
        assert_eq!(
            Cell::parse("５９４９．０８８６６７", Kind::Amount).display(),
            "5949.088667"
        );
        assert_eq!(
            Cell::parse("24,252.311082", Kind::Amount).display(),
            "24252.311082"
        );
        assert!(matches!(Cell::parse("1.", Kind::Amount), Cell::Invalid(_)));
        assert!(matches!(Cell::parse("-3", Kind::Amount), Cell::Invalid(_)));
        let Cell::Amount(a) = Cell::parse("0.1234567", Kind::Amount) else {
            panic!("seven decimals is still an amount (FEE-UNIT warns)")
        };
        assert_eq!(a.decimals(), 7);
    }
}
