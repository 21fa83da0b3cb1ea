//! Word's automatic numbering: the "一、" of a heading or the "（一）" of a
//! paragraph that Word draws from a list definition (`word/numbering.xml`)
//! and that is in no text run. A paragraph is numbered through its own
//! `w:numPr` or its style's (`word/styles.xml`, through `basedOn`); each
//! list counts on from paragraph to paragraph, a level starting again
//! after a higher one.
//!
//! Word 2003 XML names the same things otherwise (`w:listDef`, `w:list`
//! and `w:ilfo`, `w:ilst`, a format's number in `w:nfc`) and holds them in
//! the document itself: read alike.
//!
//! Not for: bullets and pictures (no text is written for them).

use super::super::html::{tokenize_xml, Token};

/// A list level: its first number, its format (`w:numFmt`) and its text
/// with a place for each level's number ("%1、", "（%2）").
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// A list as paragraphs name it (`w:num`): its definition
/// (`w:abstractNum`) and the levels it starts elsewhere.
#[derive(Debug, Default)]
struct Num {
    id: String,
    list: String,
    starts: Vec<(usize, u32)>,
}

/// A paragraph style: the style it is based on and its numPr.
#[derive(Debug, Default)]
struct Style {
    id: String,
    based_on: String,
    num: Option<String>,
    level: Option<usize>,
}

/// A document's list definitions and the counts so far.
#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId and its levels (by w:ilvl).
    lists: Vec<(String, Vec<Level>)>,
    nums: Vec<Num>,
    styles: Vec<Style>,
    /// Each list's counts by level (a list of a num that starts a level
    /// elsewhere counts on its own): None before its first paragraph.
    counts: Vec<(String, Vec<Option<u32>>)>,
}

/// A list of an old binary Word file: its lsid, and each level's first
/// number, format number (as `w:nfc`) and text ("%1、").
pub type BinaryList = (u32, Vec<(u32, u8, String)>);

/// A list override of an old binary Word file: its list's lsid, and the
/// levels it starts elsewhere (level, first number).
pub type BinaryOverride = (u32, Vec<(usize, u32)>);

/// The most levels a list has (Word's nine).
const LEVELS: usize = 9;

impl Numbering {
    /// The definitions of `numbering.xml` and `styles.xml` (either empty),
    /// or of a Word 2003 XML document (both the document).
    pub fn new(numbering: &str, styles: &str) -> Numbering {
        let mut n = Numbering::default();
        let val = |t: &Token| t.attr("w:val").map(str::to_string);
        // In an abstractNum or a num's override: the level being read.
        let (mut list, mut num, mut level): (
            Option<String>,
            Option<usize>,
            Option<(usize, Level)>,
        ) = (None, None, None);
        let mut override_level = None;
        for t in tokenize_xml(numbering) {
            match &t {
                Token::Start { name, .. } => match name.as_ref() {
                    "w:abstractnum" | "w:listdef" => {
                        list = t
                            .attr("w:abstractnumid")
                            .or(t.attr("w:listdefid"))
                            .map(str::to_string);
                        if let Some(id) = &list {
                            n.lists.push((id.clone(), vec![Level::default(); LEVELS]));
                        }
                    }
                    "w:num" | "w:list" => {
                        list = None;
                        num = t.attr("w:numid").or(t.attr("w:ilfo")).map(|id| {
                            n.nums.push(Num {
                                id: id.to_string(),
                                ..Num::default()
                            });
                            n.nums.len() - 1
                        });
                    }
                    "w:abstractnumid" | "w:ilst" => {
                        if let (Some(k), Some(v)) = (num, val(&t)) {
                            n.nums[k].list = v;
                        }
                    }
                    "w:lvloverride" => {
                        override_level = t.attr("w:ilvl").and_then(|l| l.parse().ok())
                    }
                    "w:startoverride" => {
                        if let (Some(k), Some(l), Some(v)) =
                            (num, override_level, val(&t).and_then(|v| v.parse().ok()))
                        {
                            n.nums[k].starts.push((l, v));
                        }
                    }
                    "w:lvl" if list.is_some() => {
                        level = t
                            .attr("w:ilvl")
                            .and_then(|l| l.parse().ok())
                            .filter(|&l| l < LEVELS)
                            .map(|l| {
                                (
                                    l,
                                    Level {
                                        start: 1,
                                        ..Level::default()
                                    },
                                )
                            });
                    }
                    "w:start" => {
                        if let (Some((_, l)), Some(v)) =
                            (&mut level, val(&t).and_then(|v| v.parse().ok()))
                        {
                            l.start = v;
                        }
                    }
                    "w:numfmt" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, val(&t)) {
                            l.format = v;
                        }
                    }
                    "w:nfc" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, val(&t)) {
                            l.format = format_of_code(&v).to_string();
                        }
                    }
                    "w:lvltext" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, val(&t)) {
                            l.text = v;
                        }
                    }
                    _ => {}
                },
                Token::End { name } => match name.as_ref() {
                    "w:lvl" => {
                        if let (Some((i, l)), Some((_, levels))) =
                            (level.take(), n.lists.last_mut())
                        {
                            if list.is_some() {
                                levels[i] = l;
                            }
                        }
                    }
                    "w:abstractnum" | "w:listdef" => list = None,
                    "w:num" | "w:list" => num = None,
                    "w:lvloverride" => override_level = None,
                    _ => {}
                },
                Token::Text(_) => {}
            }
        }
        // Paragraph styles: their numPr and the style each is based on.
        let mut style: Option<usize> = None;
        for t in tokenize_xml(styles) {
            match &t {
                Token::Start { name, .. } => match name.as_ref() {
                    "w:style" => {
                        style = (t.attr("w:type") == Some("paragraph"))
                            .then(|| t.attr("w:styleid"))
                            .flatten()
                            .map(|id| {
                                n.styles.push(Style {
                                    id: id.to_string(),
                                    ..Style::default()
                                });
                                n.styles.len() - 1
                            });
                    }
                    "w:basedon" => {
                        if let (Some(s), Some(v)) = (style, val(&t)) {
                            n.styles[s].based_on = v;
                        }
                    }
                    "w:numid" | "w:ilfo" => {
                        if let Some(s) = style {
                            n.styles[s].num = val(&t);
                        }
                    }
                    "w:ilvl" => {
                        if let Some(s) = style {
                            n.styles[s].level = val(&t).and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Token::End { name } if name == "w:style" => style = None,
                _ => {}
            }
        }
        n
    }

    /// The definitions of an old binary Word file (see
    /// [`super::binary`]): its lists (by lsid: each level's first number,
    /// format number as Word 2003 XML's `w:nfc` and text, a level's number
    /// as "%1"), its list overrides as paragraphs name them (1, 2, …: the
    /// list's lsid and the levels it starts elsewhere) and its paragraph
    /// styles (by index: the style it is based on, its list override and
    /// level).
    pub fn binary(
        lists: Vec<BinaryList>,
        overrides: Vec<BinaryOverride>,
        styles: Vec<(Option<u16>, Option<u16>, Option<u8>)>,
    ) -> Numbering {
        let lists = lists
            .into_iter()
            .map(|(lsid, levels)| {
                let mut levels: Vec<Level> = levels
                    .into_iter()
                    .map(|(start, nfc, text)| Level {
                        start,
                        format: format_of_code(&nfc.to_string()).to_string(),
                        text,
                    })
                    .collect();
                levels.resize(LEVELS, Level::default());
                (lsid.to_string(), levels)
            })
            .collect();
        let nums = overrides
            .into_iter()
            .enumerate()
            .map(|(i, (lsid, starts))| Num {
                id: (i + 1).to_string(),
                list: lsid.to_string(),
                starts,
            })
            .collect();
        let styles = styles
            .into_iter()
            .enumerate()
            .map(|(i, (base, num, level))| Style {
                id: i.to_string(),
                based_on: base.map(|b| b.to_string()).unwrap_or_default(),
                num: num.map(|n| n.to_string()),
                level: level.map(usize::from),
            })
            .collect();
        Numbering {
            lists,
            nums,
            styles,
            counts: Vec::new(),
        }
    }

    /// The numbering of a paragraph of style `style` with its own numPr
    /// (`num`, `level`), counted: the text Word draws before it ("二、"),
    /// empty when it is not numbered or draws a bullet.
    pub fn next(&mut self, style: Option<&str>, num: Option<&str>, level: Option<usize>) -> String {
        // The style's numPr, through the styles it is based on (a few).
        let (mut style_num, mut style_level) = (None, None);
        let mut at = style;
        for _ in 0..10 {
            let Some(s) = at.and_then(|id| self.styles.iter().find(|s| s.id == id)) else {
                break;
            };
            style_num = style_num.or(s.num.clone());
            style_level = style_level.or(s.level);
            at = Some(s.based_on.as_str()).filter(|b| !b.is_empty());
        }
        let Some(num) = num.map(str::to_string).or(style_num) else {
            return String::new();
        };
        let level = level.or(style_level).unwrap_or(0).min(LEVELS - 1);
        let Some(Num { list, starts, .. }) = self.nums.iter().find(|n| n.id == num) else {
            return String::new();
        };
        let Some((_, levels)) = self.lists.iter().find(|l| l.0 == *list) else {
            return String::new();
        };
        // Each level's first number: as the num starts it, else its own.
        let starts_of: Vec<u32> = (0..LEVELS)
            .map(|l| {
                starts
                    .iter()
                    .find(|s| s.0 == l)
                    .map_or(levels[l].start, |s| s.1)
            })
            .collect();
        let key = if starts.is_empty() {
            format!("list {list}")
        } else {
            format!("num {num}")
        };
        let counts = match self.counts.iter().position(|c| c.0 == key) {
            Some(k) => &mut self.counts[k].1,
            None => {
                self.counts.push((key, vec![None; LEVELS]));
                &mut self.counts.last_mut().unwrap().1
            }
        };
        counts[level] = Some(counts[level].map_or(starts_of[level], |c| c.saturating_add(1)));
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let this = &levels[level];
        if this.format == "bullet" {
            return String::new();
        }
        // "%1" … "%9": each level's number in its format.
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = counts[l].unwrap_or(starts_of[l]);
                    out.push_str(&formatted(n, &levels[l].format));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// The format (as `w:numFmt` names it) of a Word 2003 format number
/// (`w:nfc`, [MS-OSHARED] MSONFC); decimal for one not known.
fn format_of_code(code: &str) -> &'static str {
    match code.parse::<u16>().unwrap_or(0) {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        17 => "japaneseDigitalTenThousand",
        18 => "decimalEnclosedCircle",
        22 => "decimalZero",
        23 => "bullet",
        26 => "decimalEnclosedFullstop",
        27 => "decimalEnclosedParen",
        28 => "decimalEnclosedCircleChinese",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 => "taiwaneseCounting",
        35 => "taiwaneseCountingThousand",
        36 => "taiwaneseDigital",
        37 => "chineseCounting",
        38 => "chineseLegalSimplified",
        39 => "chineseCountingThousand",
        255 => "none",
        _ => "decimal",
    }
}

/// A number in a list format (`w:numFmt`); decimal for one not known.
fn formatted(n: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    // 1-99: 一, 十, 十一, 二十, 二十一 (the tens' digit from 20 on).
    let counting = |digits: [char; 10], ten: char| -> Option<String> {
        let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
        let mut s = String::new();
        match n {
            1..=9 => s.push(digits[units]),
            10..=99 => {
                if tens > 1 {
                    s.push(digits[tens]);
                }
                s.push(ten);
                if units > 0 {
                    s.push(digits[units]);
                }
            }
            _ => return None,
        }
        Some(s)
    };
    let nth = |set: &str| set.chars().nth(n.checked_sub(1)? as usize);
    let letters = |upper: bool| -> Option<String> {
        let c = char::from(b'a' + ((n.checked_sub(1)? % 26) as u8));
        let c = if upper { c.to_ascii_uppercase() } else { c };
        Some(c.to_string().repeat((n as usize - 1) / 26 + 1))
    };
    let roman = |upper: bool| -> Option<String> {
        if !(1..4000).contains(&n) {
            return None;
        }
        let mut left = n;
        let mut s = String::new();
        for (v, r) in [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ] {
            while left >= v {
                s.push_str(r);
                left -= v;
            }
        }
        Some(if upper { s.to_ascii_uppercase() } else { s })
    };
    let written = match format {
        "none" => Some(String::new()),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => counting(DIGITS, '十'),
        "chineseLegalSimplified" => counting(LEGAL, '拾'),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => Some(
            n.to_string()
                .bytes()
                .map(|b| DIGITS[(b - b'0') as usize])
                .collect(),
        ),
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸").map(String::from),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥").map(String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            nth("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳").map(String::from)
        }
        "decimalEnclosedParen" => nth("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇").map(String::from),
        "decimalEnclosedFullstop" => nth("⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛").map(String::from),
        "decimalZero" if n < 10 => Some(format!("0{n}")),
        "lowerLetter" => letters(false),
        "upperLetter" => letters(true),
        "lowerRoman" => roman(false),
        "upperRoman" => roman(true),
        _ => None,
    };
    written.unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_formats_of_chinese_reports() {
        let f = |n, format| formatted(n, format);
        assert_eq!(
            [1, 9, 10, 11, 20, 21, 99].map(|n| f(n, "chineseCounting")),
            ["一", "九", "十", "十一", "二十", "二十一", "九十九"]
        );
        assert_eq!(f(3, "taiwaneseCountingThousand"), "三");
        assert_eq!(f(100, "chineseCounting"), "100");
        assert_eq!(f(12, "chineseLegalSimplified"), "拾贰");
        assert_eq!(f(10, "ideographDigital"), "一〇");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(3, "decimalEnclosedCircle"), "③");
        assert_eq!(f(21, "decimalEnclosedCircle"), "21");
        assert_eq!(f(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(f(7, "decimal"), "7");
        assert_eq!(f(7, "decimalZero"), "07");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(14, "upperRoman"), "XIV");
        assert_eq!(f(5, "ordinalText"), "5");
        assert_eq!(f(5, "none"), "");
    }

    /// A heading style numbered "一、" (through the style it is based on),
    /// paragraphs numbered "（一）" under it, starting again after each
    /// heading; a num that starts its list at 3; bullets draw no text.
    #[test]
    fn paragraphs_are_numbered_as_word_counts() {
        let numbering = r#"<w:numbering>
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
            <w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;
        let styles = r#"<w:styles><w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Base"/></w:style></w:styles>"#;
        let mut n = Numbering::new(numbering, styles);
        let got = [
            n.next(Some("Heading1"), None, None),
            n.next(None, Some("5"), Some(1)),
            n.next(None, Some("5"), Some(1)),
            n.next(Some("Heading1"), None, None),
            n.next(None, Some("5"), Some(1)),
            n.next(Some("Normal"), None, None),
            n.next(Some("Heading1"), Some("0"), None),
            n.next(None, Some("6"), None),
            n.next(None, Some("7"), None),
            n.next(None, Some("9"), None),
        ];
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "（二）",
                "二、",
                "（一）",
                "",
                "",
                "三、",
                "",
                ""
            ]
        );
    }

    /// The same lists in Word 2003 XML (one document holds them, the
    /// styles and the text): formats as numbers, lists as `w:ilfo`.
    #[test]
    fn word_2003_lists_are_numbered_alike() {
        let doc = r#"<w:wordDocument><w:lists>
            <w:listDef w:listDefId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:nfc w:val="39"/><w:lvlText w:val="（%2）"/></w:lvl></w:listDef>
            <w:listDef w:listDefId="1"><w:lvl w:ilvl="0"><w:nfc w:val="23"/><w:lvlText w:val="•"/></w:lvl>
              <w:lvl w:ilvl="1"><w:nfc w:val="38"/><w:lvlText w:val="%2."/></w:lvl></w:listDef>
            <w:list w:ilfo="1"><w:ilst w:val="0"/></w:list>
            <w:list w:ilfo="2"><w:ilst w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:list>
            <w:list w:ilfo="3"><w:ilst w:val="1"/></w:list></w:lists>
          <w:styles><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:listPr><w:ilfo w:val="1"/></w:listPr></w:pPr></w:style></w:styles>
          <w:body/></w:wordDocument>"#;
        let mut n = Numbering::new(doc, doc);
        let got = [
            n.next(Some("H1"), None, None),
            n.next(None, Some("1"), Some(1)),
            n.next(Some("H1"), None, None),
            n.next(None, Some("2"), None),
            n.next(None, Some("3"), None),
            n.next(None, Some("3"), Some(1)),
        ];
        assert_eq!(got, ["一、", "（一）", "二、", "三、", "", "壹."]);
        assert_eq!(format_of_code("255"), "none");
        assert_eq!(format_of_code("x"), "decimal");
    }
}
