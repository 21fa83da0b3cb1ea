//! Numbers stated in Chinese prose: "81件", "８１件", "1,234件", "八十一件",
//! "共计八十一件".

/// A number found in a text, followed by a unit character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the number (without the unit) in the text.
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub unit: char,
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Value of a Chinese numeral such as "八十一", "一百零五", "十二", "两千".
pub fn parse_chinese(s: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut any = false;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            any = true;
        } else if let Some(u) = chinese_unit(c) {
            if u >= 10_000 {
                if digit.is_none() && section == 0 && total == 0 {
                    return None;
                }
                section += digit.take().unwrap_or(0);
                total = (total + section).checked_mul(u)?;
                section = 0;
            } else {
                // "十二": a bare 十 means 一十.
                let d = digit.take().unwrap_or(if u == 10 { 1 } else { 0 });
                if d == 0 && u != 10 {
                    return None;
                }
                section += d * u;
            }
            any = true;
        } else {
            return None;
        }
    }
    any.then(|| total + section + digit.unwrap_or(0))
}

fn is_arabic(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// Every number in `text` directly followed (spaces allowed) by one of `units`.
pub fn mentions(text: &str, units: &[char]) -> Vec<Mention> {
    if !text.contains(units) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let arabic = is_arabic(c);
        if !(arabic || is_chinese_numeral(c)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() {
            let d = chars[j].1;
            let more = if arabic {
                is_arabic(d)
                    || ((d == ',' || d == '，') && chars.get(j + 1).is_some_and(|n| is_arabic(n.1)))
            } else {
                is_chinese_numeral(d)
            };
            if !more {
                break;
            }
            j += 1;
        }
        let run: String = chars[start..j].iter().map(|(_, c)| *c).collect();
        // Skip spaces between the number and its unit ("199 条").
        let mut k = j;
        while k < chars.len() && crate::model::is_space(chars[k].1) {
            k += 1;
        }
        if let Some(&(_, unit)) = chars.get(k) {
            if units.contains(&unit) {
                let value = if arabic {
                    run.chars()
                        .filter(|c| *c != ',' && *c != '，')
                        .map(|c| {
                            char::from(
                                b'0' + (c as u32
                                    - if c.is_ascii_digit() {
                                        '0' as u32
                                    } else {
                                        '０' as u32
                                    }) as u8,
                            )
                        })
                        .collect::<String>()
                        .parse()
                        .ok()
                } else {
                    parse_chinese(&run)
                };
                if let Some(value) = value {
                    let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
                    out.push(Mention {
                        start: chars[start].0,
                        end,
                        value,
                        unit,
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, n) in [
            ("八十一", 81),
            ("十二", 12),
            ("十", 10),
            ("一百零五", 105),
            ("两千", 2000),
            ("三万五千", 35_000),
            ("零", 0),
            ("九", 9),
        ] {
            assert_eq!(parse_chinese(s), Some(n), "{s}");
        }
        assert_eq!(parse_chinese("万"), None);
        assert_eq!(parse_chinese("八x"), None);
    }

    #[test]
    fn numbers_with_units() {
        let text = "共收到70件申请，办结６９件，共计八十一件，1,234 件，发布信息2645条，统一规范";
        let found: Vec<_> = mentions(text, &['件'])
            .into_iter()
            .map(|m| (m.value, &text[m.start..m.end]))
            .collect();
        assert_eq!(
            found,
            [(70, "70"), (69, "６９"), (81, "八十一"), (1234, "1,234")]
        );
        assert_eq!(mentions("2023年未收到申请", &['件']), []);
        assert_eq!(mentions("一是政策解读", &['件']), []);
    }
}
