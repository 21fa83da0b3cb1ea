//! TEXT-NUMBERS, NAME-CONSISTENT, YEAR-CONSISTENT: the narrative against the
//! tables and the metadata.
//!
//! TEXT-NUMBERS reads the text clause by clause (split at 。，、；…): a clause
//! that names a quantity ("收到…申请", "办结", "结转下年度", "行政复议", an
//! applicant type, "现行有效…规范性文件"…) and states a number of 件 is
//! compared with the table. A sentence that says none were received ("未收到…
//! 申请", "未发生…行政复议") is compared with 0. Nothing is guessed: a clause
//! with no recognised keyword, or a table value that is not a valid count, is
//! left alone.

use super::numbers::mentions;
use super::{Finding, RuleId, Severity};
use crate::cell;
use crate::format::y2021::CellId;
use crate::model::{Cell, Report};

/// A quantity the narrative may state, and where the tables hold it.
struct Quantity {
    name: &'static str,
    /// Words naming it; the longest match wins at each position.
    keywords: &'static [&'static str],
    /// The clause must also contain one of these (empty: no condition).
    context: &'static [&'static str],
    /// Table cells summed for the table's value.
    cells: &'static [CellId],
    /// How the message names the table value.
    label: &'static str,
}

const WITHHELD: &[CellId] = &[
    cell!(table3.withheld_state_secret.total),
    cell!(table3.withheld_prohibited.total),
    cell!(table3.withheld_security.total),
    cell!(table3.withheld_third_party.total),
    cell!(table3.withheld_internal.total),
    cell!(table3.withheld_process.total),
    cell!(table3.withheld_enforcement.total),
    cell!(table3.withheld_inquiry.total),
];
const UNAVAILABLE: &[CellId] = &[
    cell!(table3.unavailable_not_held.total),
    cell!(table3.unavailable_needs_creation.total),
    cell!(table3.unavailable_unclear.total),
];
const NOT_PROCESSED: &[CellId] = &[
    cell!(table3.not_processed_complaint.total),
    cell!(table3.not_processed_repeated.total),
    cell!(table3.not_processed_publication.total),
    cell!(table3.not_processed_excessive.total),
    cell!(table3.not_processed_confirmation.total),
];
const OTHER: &[CellId] = &[
    cell!(table3.other_overdue_correction.total),
    cell!(table3.other_unpaid_fee.total),
    cell!(table3.other_other.total),
];
const APPLICATION: &[&str] = &["申请"];
const NORMATIVE: &[&str] = &["规范性文件"];

const QUANTITIES: &[Quantity] = &[
    Quantity {
        name: "new_received",
        keywords: &["新收", "收到", "受理", "接收"],
        context: APPLICATION,
        cells: &[cell!(table3.new_received.total)],
        label: "表三“本年新收”总计",
    },
    Quantity {
        name: "carried_over",
        keywords: &["上年结转", "上年度结转", "上一年度结转"],
        context: &[],
        cells: &[cell!(table3.carried_over.total)],
        label: "表三“上年结转”总计",
    },
    Quantity {
        name: "handled",
        keywords: &["办结"],
        context: &[],
        cells: &[cell!(table3.outcome_total.total)],
        label: "表三“（七）总计”",
    },
    Quantity {
        name: "carried_forward",
        keywords: &[
            "结转下年度",
            "结转到下年度",
            "结转至下年度",
            "转入下年度",
            "结转下一年度",
        ],
        context: &[],
        cells: &[cell!(table3.carried_forward.total)],
        label: "表三“结转下年度继续办理”总计",
    },
    Quantity {
        name: "disclosed",
        keywords: &["予以公开"],
        context: &[],
        cells: &[cell!(table3.disclosed.total)],
        label: "表三“（一）予以公开”总计",
    },
    Quantity {
        name: "partially_disclosed",
        keywords: &["部分公开"],
        context: &[],
        cells: &[cell!(table3.partially_disclosed.total)],
        label: "表三“（二）部分公开”总计",
    },
    Quantity {
        name: "withheld",
        keywords: &["不予公开"],
        context: &[],
        cells: WITHHELD,
        label: "表三“（三）不予公开”各项之和",
    },
    Quantity {
        name: "unavailable",
        keywords: &["无法提供"],
        context: &[],
        cells: UNAVAILABLE,
        label: "表三“（四）无法提供”各项之和",
    },
    Quantity {
        name: "not_processed",
        keywords: &["不予处理"],
        context: &[],
        cells: NOT_PROCESSED,
        label: "表三“（五）不予处理”各项之和",
    },
    Quantity {
        name: "other_processing",
        keywords: &["其他处理"],
        context: &[],
        cells: OTHER,
        label: "表三“（六）其他处理”各项之和",
    },
    Quantity {
        name: "natural_person",
        keywords: &["自然人"],
        context: &[],
        cells: &[cell!(table3.new_received.natural_person)],
        label: "表三“本年新收”自然人",
    },
    Quantity {
        name: "commercial",
        keywords: &["商业企业"],
        context: &[],
        cells: &[cell!(table3.new_received.commercial)],
        label: "表三“本年新收”商业企业",
    },
    Quantity {
        name: "research",
        keywords: &["科研机构"],
        context: &[],
        cells: &[cell!(table3.new_received.research)],
        label: "表三“本年新收”科研机构",
    },
    Quantity {
        name: "public_welfare",
        keywords: &["社会公益组织"],
        context: &[],
        cells: &[cell!(table3.new_received.public_welfare)],
        label: "表三“本年新收”社会公益组织",
    },
    Quantity {
        name: "legal_services",
        keywords: &["法律服务机构"],
        context: &[],
        cells: &[cell!(table3.new_received.legal_services)],
        label: "表三“本年新收”法律服务机构",
    },
    Quantity {
        name: "review",
        keywords: &["行政复议"],
        context: &[],
        cells: &[cell!(table4.review.total)],
        label: "表四行政复议总计",
    },
    Quantity {
        name: "litigation",
        keywords: &["行政诉讼"],
        context: &[],
        cells: &[
            cell!(table4.litigation_direct.total),
            cell!(table4.litigation_after_review.total),
        ],
        label: "表四行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
    },
    Quantity {
        name: "normative_in_force",
        keywords: &["现行有效"],
        context: NORMATIVE,
        cells: &[cell!(table2.normative_documents.in_force)],
        label: "表二行政规范性文件“现行有效件数”",
    },
    Quantity {
        name: "normative_issued",
        keywords: &["制发", "印发", "出台"],
        context: NORMATIVE,
        cells: &[cell!(table2.normative_documents.issued)],
        label: "表二行政规范性文件“本年制发件数”",
    },
];

/// Words saying that none of something happened, followed in the sentence by
/// the quantity's keyword.
const NEGATIONS: &[&str] = &[
    "未收到",
    "没有收到",
    "未接到",
    "未受理",
    "未发生",
    "未出现",
    "没有发生",
    "没有出现",
    "均未",
];

/// Units of counted cases.
const UNITS: &[char] = &['件', '宗'];

/// A narrative text of the report: (section key, text).
fn texts(report: &Report) -> Vec<(&'static str, &str)> {
    let mut out = vec![("preamble", report.preamble.as_str())];
    out.extend(
        report
            .format
            .text_sections()
            .map(|s| (s.key, report.text(s.key))),
    );
    out
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    text_numbers(report, out);
    name_consistent(report, out);
    year_consistent(report, out);
}

/// The table's value of a quantity, if every cell holds a valid count.
fn table_value(report: &Report, q: &Quantity) -> Option<(u64, Vec<usize>)> {
    let mut total = 0;
    let mut cells = Vec::new();
    for &CellId(i) in q.cells {
        match &report.cells[i] {
            Cell::Count(n) => total += n,
            _ => return None,
        }
        cells.push(i);
    }
    Some((total, cells))
}

/// Byte ranges of the pieces of `text` between separators. Works on bytes:
/// every separator is ASCII or a three-byte CJK punctuation mark, so no UTF-8
/// decoding is needed (this runs on every keystroke).
fn split_ranges(text: &str, separator: fn(&[u8]) -> usize) -> Vec<(usize, usize)> {
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
fn sentence_end_len(b: &[u8]) -> usize {
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
fn clause_end_len(b: &[u8]) -> usize {
    match b {
        [b',' | b':', ..] => 1,
        // 、 U+3001
        [0xE3, 0x80, 0x81, ..] => 3,
        // ， U+FF0C, ： U+FF1A
        [0xEF, 0xBC, 0x8C | 0x9A, ..] => 3,
        _ => sentence_end_len(b),
    }
}

/// Keyword matches in a clause: (byte offset, quantity), longest match first
/// at each position, skipping the matched text.
fn keywords_in(clause: &str) -> Vec<(usize, &'static Quantity)> {
    // First characters of all keywords, sorted: most characters of a clause
    // start no keyword and are passed over with a binary search.
    static FIRST: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut v: Vec<char> = QUANTITIES
            .iter()
            .flat_map(|q| q.keywords.iter().filter_map(|k| k.chars().next()))
            .collect();
        crate::sort::by_key(&mut v, |c| *c);
        v.dedup();
        v
    });
    let mut out = Vec::new();
    let mut i = 0;
    while i < clause.len() {
        let rest = &clause[i..];
        let c = rest.chars().next().expect("i is on a char boundary");
        if first.binary_search(&c).is_err() {
            i += c.len_utf8();
            continue;
        }
        let best = QUANTITIES
            .iter()
            .flat_map(|q| q.keywords.iter().map(move |k| (q, *k)))
            .filter(|(_, k)| rest.starts_with(k))
            .max_by_key(|(_, k)| k.len());
        match best {
            Some((q, k)) => {
                if q.context.is_empty() || q.context.iter().any(|c| clause.contains(c)) {
                    out.push((i, q));
                }
                i += k.len();
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

fn shorten(s: &str) -> String {
    let s = s.trim_matches(crate::model::is_space);
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn text_numbers(report: &Report, out: &mut Vec<Finding>) {
    let mut seen = Seen::new();
    for (section, text) in texts(report) {
        for (start, end) in sentences_with(text, UNITS) {
            numbers_in_sentence(report, section, &text[start..end], &mut seen, out);
        }
        // Every negation starts with one of these: search 3 needles, not 9.
        for (start, end) in sentences_with(text, &['未', '没', '均']) {
            let sentence = &text[start..end];
            if !sentence.contains(UNITS) {
                none_in_sentence(report, section, sentence, &mut seen, out);
            }
        }
    }
}

fn is_sentence_char(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Byte offsets of every occurrence of any of `chars`. A `char` pattern is
/// searched with memchr on its last byte: far faster than a `&str` pattern.
fn positions_of(text: &str, chars: &[char]) -> Vec<usize> {
    chars
        .iter()
        .flat_map(|c| text.match_indices(*c).map(|(i, _)| i))
        .collect()
}

/// The sentences of `text` that contain any of `chars`, as byte ranges in
/// text order. Finding the characters and widening to the sentence is much
/// cheaper than splitting the whole text on every keystroke.
fn sentences_with(text: &str, chars: &[char]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = positions_of(text, chars)
        .into_iter()
        .map(|pos| {
            let start = text[..pos].rfind(is_sentence_char).map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
            let end = text[pos..]
                .find(is_sentence_char)
                .map_or(text.len(), |i| pos + i);
            (start, end)
        })
        .collect();
    crate::sort::by_key(&mut out, |r| *r);
    out.dedup();
    out
}

/// What was already reported (few entries: a set would cost more code than it saves).
#[derive(Default)]
struct Seen<T>(Vec<T>);

impl<T: PartialEq> Seen<T> {
    fn new() -> Seen<T> {
        Seen(Vec::new())
    }

    /// True when `item` is new.
    fn insert(&mut self, item: T) -> bool {
        if self.0.contains(&item) {
            return false;
        }
        self.0.push(item);
        true
    }
}

/// Numbers of 件 stated clause by clause, against the tables.
fn numbers_in_sentence(
    report: &Report,
    section: &'static str,
    sentence: &str,
    seen: &mut Seen<(&'static str, u64)>,
    out: &mut Vec<Finding>,
) {
    {
        for (start, end) in split_ranges(sentence, clause_end_len) {
            let clause = &sentence[start..end];
            let numbers = mentions(clause, UNITS);
            if numbers.is_empty() {
                continue;
            }
            let keywords = keywords_in(clause);
            for m in &numbers {
                // The nearest keyword before the number, else the first after it.
                let q = keywords
                    .iter()
                    .rev()
                    .find(|(at, _)| *at < m.start)
                    .or_else(|| keywords.iter().find(|(at, _)| *at >= m.end))
                    .map(|(_, q)| *q);
                let Some(q) = q else { continue };
                let Some((actual, cells)) = table_value(report, q) else {
                    continue;
                };
                if actual == m.value || !seen.insert((q.name, m.value)) {
                    continue;
                }
                let mut message = format!(
                    "正文“{}”中的 {} 与{} {actual} 不符",
                    shorten(clause),
                    m.value,
                    q.label
                );
                if let Some(hint) = hint(report, q, m.value) {
                    message.push_str(&hint);
                }
                out.push(Finding {
                    rule: RuleId::TEXT_NUMBERS,
                    severity: Severity::Warning,
                    key: format!("TEXT-NUMBERS:{}:{}", q.name, m.value),
                    section,
                    cells,
                    text: Some(section),
                    meta: None,
                    message,
                });
            }
        }
    }
}

/// "未收到…申请", "未发生…行政复议" against the tables.
fn none_in_sentence(
    report: &Report,
    section: &'static str,
    sentence: &str,
    seen: &mut Seen<(&'static str, u64)>,
    out: &mut Vec<Finding>,
) {
    {
        {
            let negations = sentence
                .char_indices()
                .filter(|(_, c)| matches!(c, '未' | '没' | '均'))
                .filter_map(|(i, _)| {
                    NEGATIONS
                        .iter()
                        .find(|n| sentence[i..].starts_with(*n))
                        .map(|_| i)
                });
            for at in negations {
                let after = &sentence[at..];
                for (_, q) in keywords_in(after) {
                    let Some((actual, cells)) = table_value(report, q) else {
                        continue;
                    };
                    if actual == 0 || !seen.insert((q.name, 0)) {
                        continue;
                    }
                    out.push(Finding {
                        rule: RuleId::TEXT_NUMBERS,
                        severity: Severity::Warning,
                        key: format!("TEXT-NUMBERS:{}:none", q.name),
                        section,
                        cells,
                        text: Some(section),
                        meta: None,
                        message: format!("正文称“{}”，但{}为 {actual}", shorten(sentence), q.label),
                    });
                }
            }
        }
    }
}

/// For quantities of table 三's 本年新收 row: that cell and the 上年结转 cell
/// of the same column.
const NEW_AND_CARRIED: &[(&str, CellId, CellId)] = &[
    (
        "new_received",
        cell!(table3.new_received.total),
        cell!(table3.carried_over.total),
    ),
    (
        "natural_person",
        cell!(table3.new_received.natural_person),
        cell!(table3.carried_over.natural_person),
    ),
    (
        "commercial",
        cell!(table3.new_received.commercial),
        cell!(table3.carried_over.commercial),
    ),
    (
        "research",
        cell!(table3.new_received.research),
        cell!(table3.carried_over.research),
    ),
    (
        "public_welfare",
        cell!(table3.new_received.public_welfare),
        cell!(table3.carried_over.public_welfare),
    ),
    (
        "legal_services",
        cell!(table3.new_received.legal_services),
        cell!(table3.carried_over.legal_services),
    ),
];

/// A hint when the text seems to count 新收 + 上年结转 together.
fn hint(report: &Report, q: &Quantity, stated: u64) -> Option<String> {
    let &(_, new, carried) = NEW_AND_CARRIED.iter().find(|(name, ..)| *name == q.name)?;
    let new = report.cells[new.0].count()?;
    let carried = report.cells[carried.0].count()?;
    (carried > 0 && new + carried == stated).then(|| {
        format!("（本年新收 {new} + 上年结转 {carried} = {stated}：如正文指二者之和，请写明“含上年结转”，否则应为 {new}）")
    })
}

/// Administrative-unit words that end an agency's name.
const AGENCY_SUFFIXES: &[&str] = &[
    "街道办事处",
    "人民政府",
    "管理委员会",
    "管委会",
    "委员会",
    "办事处",
    "街道",
    "政府",
    "镇",
    "乡",
    "局",
];
/// Units that can precede the distinctive part of a name ("洛阳市西工区…").
const ADMIN_UNITS: &[char] = &['省', '市', '区', '县', '州', '盟', '旗'];

/// The distinctive part of an agency's name: "洛阳市西工区唐宫路街道办事处" → "唐宫路".
pub fn name_core(agency: &str) -> &str {
    let mut core = agency.trim();
    if let Some(s) = AGENCY_SUFFIXES.iter().find(|s| core.ends_with(*s)) {
        if core.chars().count() > s.chars().count() + 1 {
            core = &core[..core.len() - s.len()];
        }
    }
    loop {
        let cut = core
            .char_indices()
            .find(|(_, c)| ADMIN_UNITS.contains(c))
            .map(|(i, c)| i + c.len_utf8());
        match cut {
            Some(at) if core[at..].chars().count() >= 2 => core = &core[at..],
            _ => return core,
        }
    }
}

fn name_consistent(report: &Report, out: &mut Vec<Finding>) {
    let agency = report.meta.agency.trim();
    let core = name_core(agency);
    let stem: String = core.chars().take(2).collect();
    if stem.chars().count() < 2 {
        return;
    }
    // The name from its distinctive part on: "唐宫路街道办事处".
    let tail = agency.find(core).map_or(core, |i| &agency[i..]);
    // Variant of the distinctive part → the forms written, per section.
    let mut variants: Vec<(&'static str, String, Vec<String>)> = Vec::new();
    for (section, text) in texts(report) {
        for (at, _) in text.match_indices(stem.as_str()) {
            let rest = &text[at..];
            if rest.starts_with(tail) {
                continue; // the name itself, maybe followed by a unit: "…实验区管委会"
            }
            // The nearest agency word within a name's length ends the name.
            let window: String = rest.chars().take(core.chars().count() + 6).collect();
            let Some((end, suffix)) = AGENCY_SUFFIXES
                .iter()
                .filter_map(|s| window.find(s).map(|i| (i, *s)))
                .min_by_key(|(i, s)| (*i, std::cmp::Reverse(s.len())))
            else {
                continue;
            };
            let variant = &rest[..end];
            if variant == core || variant.chars().count() < 2 {
                continue;
            }
            let written = format!("{variant}{suffix}");
            match variants.iter_mut().find(|(_, v, _)| v == variant) {
                Some((_, _, forms)) if !forms.contains(&written) => forms.push(written),
                Some(_) => {}
                None => variants.push((section, variant.to_string(), vec![written])),
            }
        }
    }
    for (section, variant, forms) in variants {
        let quoted: Vec<String> = forms.iter().map(|f| format!("“{f}”")).collect();
        out.push(Finding {
            rule: RuleId::NAME_CONSISTENT,
            severity: Severity::Warning,
            key: format!("NAME-CONSISTENT:{variant}"),
            section,
            cells: Vec::new(),
            text: Some(section),
            meta: Some("meta.agency"),
            message: format!("正文中的{}与机关名称“{agency}”写法不一致", quoted.concat()),
        });
    }
}

/// Four-digit years followed by 年 in a text: (byte offset, year).
fn years_in(text: &str) -> Vec<(usize, i32)> {
    let digit = |c: char| {
        c.to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
    };
    let mut out = Vec::new();
    // (start offset, value, length) of the current run of digits.
    let mut run: Option<(usize, i32, usize)> = None;
    let mut after_run: Option<(usize, i32)> = None; // a 4-digit run waiting for 年
    for (i, c) in text.char_indices() {
        if let Some(d) = digit(c) {
            after_run = None;
            run = Some(match run {
                Some((start, v, n)) => (start, v.saturating_mul(10) + d as i32, n + 1),
                None => (i, d as i32, 1),
            });
            continue;
        }
        if let Some((start, v, 4)) = run.take() {
            after_run = Some((start, v));
        }
        match after_run {
            Some((start, v)) if c == '年' => {
                out.push((start, v));
                after_run = None;
            }
            Some(_) if crate::model::is_space(c) => {}
            _ => after_run = None,
        }
    }
    out
}

fn year_consistent(report: &Report, out: &mut Vec<Finding>) {
    let Some(year) = report.meta.year else { return };
    let mut seen = Seen::new();
    for (section, text) in texts(report) {
        // Sentences naming a statistic period or a report: "统计…", "…12月31日", "年度报告".
        let mut candidates: Vec<(usize, usize)> = sentences_with(text, &['统', '告', '日'])
            .into_iter()
            .filter(|&(s, e)| {
                let t = &text[s..e];
                t.contains("统计") || t.contains("12月31日") || t.contains("年度报告")
            })
            .collect();
        if section == "overview" {
            // The opening "2023年，" of 一、总体情况 is the report year.
            let first = text.find(is_sentence_char).unwrap_or(text.len());
            if !candidates.contains(&(0, first)) {
                candidates.insert(0, (0, first));
            }
        }
        for (start, end) in candidates {
            let sentence = &text[start..end];
            let period = (sentence.contains("统计")
                && [
                    "统计期限",
                    "统计时限",
                    "统计期间",
                    "统计时间",
                    "统计周期",
                    "数据统计",
                ]
                .iter()
                .any(|k| sentence.contains(k)))
                || (sentence.contains("1月1日") && sentence.contains("12月31日"));
            let years = years_in(sentence);
            let mut wrong: Vec<i32> = Vec::new();
            if period {
                wrong.extend(years.iter().map(|(_, y)| *y).filter(|y| *y != year));
            }
            // "2022年度政府信息公开工作年度报告", "2022年政府信息公开工作年度报告".
            for (at, y) in &years {
                let after = &sentence[*at..];
                let tail: String = after.chars().skip(5).take(16).collect();
                if tail.contains("年度报告") && !tail.contains('《') && *y != year {
                    wrong.push(*y);
                }
            }
            if section == "overview" && start == 0 {
                if let Some((0, y)) = years.first() {
                    if *y != year && sentence[4..].trim_start().starts_with("年，") {
                        wrong.push(*y);
                    }
                }
            }
            wrong.dedup();
            for y in wrong {
                if !seen.insert((section, y)) {
                    continue;
                }
                out.push(Finding {
                    rule: RuleId::YEAR_CONSISTENT,
                    severity: Severity::Warning,
                    key: format!("YEAR-CONSISTENT:{section}:{y}"),
                    section,
                    cells: Vec::new(),
                    text: Some(section),
                    meta: Some("meta.year"),
                    message: format!(
                        "正文“{}”写的是 {y} 年，报告年度是 {year} 年",
                        shorten(sentence)
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(r, &mut out);
        out
    }

    fn with_tables(pairs: &[(&str, u64)]) -> Report {
        let mut r = Report::new();
        for (i, def) in r.format.cells().iter().enumerate() {
            r.cells[i] = Cell::parse("0", def.kind);
        }
        for (k, v) in pairs {
            r.set_cell(k, Cell::Count(*v));
        }
        r.recompute_totals();
        r
    }

    #[test]
    fn numbers_in_the_text_match_the_tables() {
        let mut r = with_tables(&[
            ("table3.new_received.natural_person", 70),
            ("table3.disclosed.natural_person", 69),
            ("table3.carried_forward.natural_person", 1),
            ("table4.review.upheld", 2),
        ]);
        r.set_text("overview", "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。共有行政复议案件2件。");
        assert!(run(&r).is_empty(), "{:?}", run(&r));
        r.set_text(
            "overview",
            "本年度全区共收到七十一件申请，办结69件，2件结转下年度继续办理。",
        );
        let found = run(&r);
        let messages: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "正文“本年度全区共收到七十一件申请”中的 71 与表三“本年新收”总计 70 不符",
                "正文“2件结转下年度继续办理”中的 2 与表三“结转下年度继续办理”总计 1 不符",
            ]
        );
        assert_eq!(found[0].key, "TEXT-NUMBERS:new_received:71");
        assert_eq!(found[0].text, Some("overview"));
        assert_eq!(
            r.format.cells()[found[0].cells[0]].key,
            "table3.new_received.total"
        );
    }

    #[test]
    fn none_received_against_the_table() {
        let mut r = with_tables(&[]);
        r.set_text(
            "overview",
            "（二）依申请公开\n2023 年未收到政府信息公开申请。",
        );
        assert!(run(&r).is_empty());
        let mut r2 = with_tables(&[("table3.new_received.commercial", 2)]);
        r2.set_text("overview", "2023 年未收到政府信息公开申请。");
        let found = run(&r2);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "正文称“2023 年未收到政府信息公开申请”，但表三“本年新收”总计为 2"
        );
    }

    #[test]
    fn hint_when_text_adds_last_years_applications() {
        let mut r = with_tables(&[
            ("table3.new_received.natural_person", 71),
            ("table3.new_received.commercial", 3),
            ("table3.carried_over.natural_person", 1),
        ]);
        r.set_text(
            "overview",
            "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件。",
        );
        let found = run(&r);
        let keys: Vec<_> = found.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "TEXT-NUMBERS:new_received:75",
                "TEXT-NUMBERS:natural_person:72"
            ]
        );
        assert!(found[0].message.ends_with(
            "（本年新收 74 + 上年结转 1 = 75：如正文指二者之和，请写明“含上年结转”，否则应为 74）"
        ));
    }

    #[test]
    fn agency_name_variants() {
        assert_eq!(name_core("洛阳市西工区唐宫路街道办事处"), "唐宫路");
        assert_eq!(name_core("平潭综合实验区"), "平潭综合实验区");
        assert_eq!(name_core("某某县人民政府"), "某某县");
        let mut r = Report::new();
        r.meta.agency = "洛阳市西工区唐宫路街道办事处".into();
        r.set_text(
            "overview",
            "2023 年，唐宫路街道办事处认真贯彻……唐宫路办事处……唐宫街道领导高度重视……",
        );
        let found = run(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "NAME-CONSISTENT");
        assert_eq!(
            found[0].message,
            "正文中的“唐宫街道”与机关名称“洛阳市西工区唐宫路街道办事处”写法不一致"
        );
        r.meta.agency = "西工区唐宫街道办事处".into();
        let found = run(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "正文中的“唐宫路街道办事处”“唐宫路办事处”与机关名称“西工区唐宫街道办事处”写法不一致"
        );
        assert_eq!(found[0].key, "NAME-CONSISTENT:唐宫路");
    }

    #[test]
    fn years_other_than_the_report_year() {
        let mut r = Report::new();
        r.meta.year = Some(2023);
        r.preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。".into();
        r.set_text("overview", "2023年，本机关……");
        r.set_text("problems", "2024年，我们将采取以下措施加以改进。");
        assert!(run(&r).is_empty(), "{:?}", run(&r));
        r.preamble = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。".into();
        r.set_text("overview", "2022年，本机关……");
        let found = run(&r);
        let keys: Vec<_> = found.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "YEAR-CONSISTENT:preamble:2022",
                "YEAR-CONSISTENT:overview:2022"
            ]
        );
        assert_eq!(
            found[0].message,
            "正文“本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止”写的是 2022 年，报告年度是 2023 年"
        );
    }
}
