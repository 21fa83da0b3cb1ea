//! TEXT-NUMBERS: numbers of 件 the text states against the tables, clause
//! by clause, and sentences saying none were received or happened.

use super::clauses::*;
use super::lexicon::*;
use super::{texts, Seen};
use crate::format::y2021::CellId;
use crate::model::{Cell, Report};
use crate::rules::numbers::mentions;
use crate::rules::{Finding, RuleId, Severity};

/// The table's value of a quantity, if every cell holds a valid count.
pub(super) fn table_value(report: &Report, q: &Quantity) -> Option<(u64, Vec<usize>)> {
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

/// Keyword matches in a clause: (byte offset, quantity), longest match first
/// at each position, skipping the matched text.
pub(super) fn keywords_in(clause: &str) -> Vec<(usize, &'static Quantity)> {
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

pub(super) fn text_numbers(report: &Report, out: &mut Vec<Finding>) {
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

/// Numbers of 件 stated clause by clause, against the tables.
pub(super) fn numbers_in_sentence(
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
pub(super) fn none_in_sentence(
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

/// A hint when the text seems to count 新收 + 上年结转 together.
pub(super) fn hint(report: &Report, q: &Quantity, stated: u64) -> Option<String> {
    let &(_, new, carried) = NEW_AND_CARRIED.iter().find(|(name, ..)| *name == q.name)?;
    let new = report.cells[new.0].count()?;
    let carried = report.cells[carried.0].count()?;
    (carried > 0 && new + carried == stated).then(|| {
        format!("（本年新收 {new} + 上年结转 {carried} = {stated}：如正文指二者之和，请写明“含上年结转”，否则应为 {new}）")
    })
}
