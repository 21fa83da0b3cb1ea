//! TEXT-NUMBERS: numbers of 件 the text states against the tables, clause
//! by clause, and sentences saying none were received or happened, or that
//! every 复议 and 诉讼 was upheld.
//!
//! How prose is read (each case tested in `tests/prose.rs`):
//! - a number binds to the nearest quantity keyword before it in its clause
//!   (else the first after it), within the same parentheses: in
//!   "办结312件（含上年结转11件）" 312 is 办结 and 11 is 上年结转;
//! - quantities joined by 和、及、与 before one number are one sum:
//!   "予以公开和部分公开共48件";
//! - "收到申请323件（含上年结转11件）" counts 新收 + 上年结转;
//! - numerals inside set phrases ("一件事一次办", "办结一件、销号一件") and
//!   ordinals ("第一件") are not figures;
//! - "未发生…" speaks of its own clause, and not at all when the clause is
//!   about an outcome ("未发生被行政复议纠错的情况");
//! - a row whose 总计 is blank stands for the sum of its applicant cells.

use super::clauses::*;
use super::lexicon::*;
use super::{texts, Seen};
use crate::format::y2021::CellId;
use crate::model::{Cell, Report};
use crate::rules::numbers::{mentions, Mention};
use crate::rules::{Finding, RuleId, Severity};

/// The value of one cell for the text checks: its count; for a blank
/// computed total, the sum of its parts when any part is filled.
fn cell_value(report: &Report, i: usize) -> Option<u64> {
    match report.cells.get(i)? {
        Cell::Count(n) => Some(*n),
        Cell::Blank => {
            let def = report.format.cells().get(i)?;
            let parts: Vec<usize> = if !def.column.total_of.is_empty() {
                def.column
                    .total_of
                    .iter()
                    .filter_map(|c| report.format.cell_at(def.table.key, def.row.key, c))
                    .collect()
            } else {
                def.row
                    .total_of
                    .iter()
                    .filter_map(|r| report.format.cell_at(def.table.key, r, def.column.key))
                    .collect()
            };
            let mut any = false;
            let mut sum = 0;
            for p in parts {
                match &report.cells[p] {
                    Cell::Count(n) => {
                        any = true;
                        sum += n;
                    }
                    Cell::Blank => {}
                    _ => return None,
                }
            }
            any.then_some(sum)
        }
        _ => None,
    }
}

/// The table's value of a quantity, if every cell holds a usable count.
pub(super) fn table_value(report: &Report, q: &Quantity) -> Option<(u64, Vec<usize>)> {
    let mut total = 0;
    let mut cells = Vec::new();
    for &CellId(i) in q.cells {
        total += cell_value(report, i)?;
        cells.push(i);
    }
    Some((total, cells))
}

/// Keyword matches in a clause: (byte offset, byte end, quantity), longest
/// match first at each position, skipping the matched text.
pub(super) fn keywords_in(clause: &str) -> Vec<(usize, usize, &'static Quantity)> {
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
        let Some(c) = rest.chars().next() else { break };
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
                    out.push((i, i + k.len(), q));
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
        for (start, end) in sentences_with(text, &['维']) {
            all_upheld(report, section, &text[start..end], &mut seen, out);
        }
    }
}

/// Byte ranges of the parenthesised parts of a sentence （…） or (…).
fn parentheses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match c {
            '（' | '(' if open.is_none() => open = Some(i),
            '）' | ')' => {
                if let Some(a) = open.take() {
                    out.push((a, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push((a, sentence.len()));
    }
    out
}

/// The parentheses containing byte `at`, if any.
fn paren_of(parens: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    parens.iter().copied().find(|&(a, b)| a <= at && at < b)
}

/// A number that is a word, not a figure: part of a set phrase, or an
/// ordinal (第一件).
fn is_word(sentence: &str, m: &Mention) -> bool {
    if sentence[..m.start].ends_with('第') {
        return true;
    }
    SET_PHRASES.iter().any(|p| {
        sentence
            .match_indices(p)
            .any(|(at, _)| at <= m.start && m.end <= at + p.len())
    })
}

/// Quantities joined into one sum right before the number `m` ("予以公开和
/// 部分公开共48件"): at least two, else `None`.
fn sum_before(
    sentence: &str,
    m: &Mention,
    keywords: &[(usize, usize, &'static Quantity)],
) -> Option<Vec<&'static Quantity>> {
    let mut end = m.start;
    let trim = |end: &mut usize, words: &[&str]| loop {
        let before = sentence[..*end].trim_end_matches(crate::model::is_space);
        *end = before.len();
        match words.iter().find(|w| before.ends_with(*w)) {
            Some(w) => *end -= w.len(),
            None => break,
        }
    };
    trim(&mut end, AGGREGATORS);
    let mut chain = Vec::new();
    while let Some(&(a, _, q)) = keywords.iter().find(|(_, b, _)| *b == end) {
        chain.push(q);
        let before = sentence[..a].trim_end_matches(crate::model::is_space);
        match CONNECTORS.iter().find(|c| before.ends_with(*c)) {
            Some(c) => end = before.len() - c.len(),
            None => break,
        }
    }
    (chain.len() >= 2).then_some(chain)
}

/// Numbers of 件 stated in a sentence, against the tables.
pub(super) fn numbers_in_sentence(
    report: &Report,
    section: &'static str,
    sentence: &str,
    seen: &mut Seen<(&'static str, u64)>,
    out: &mut Vec<Finding>,
) {
    let parens = parentheses(sentence);
    let all_keywords = keywords_in(sentence);
    let clauses = split_ranges(sentence, clause_end_len);
    for m in mentions(sentence, UNITS) {
        if is_word(sentence, &m) {
            continue;
        }
        let mut push = |name: &'static str,
                        label: String,
                        actual: u64,
                        cells: Vec<usize>,
                        hint: Option<String>| {
            if actual == m.value || !seen.insert((name, m.value)) {
                return;
            }
            let clause = clauses
                .iter()
                .find(|(a, b)| *a <= m.start && m.start < *b)
                .map_or(sentence, |&(a, b)| &sentence[a..b]);
            let mut message = format!(
                "正文“{}”中的 {} 与{label} {actual} 不符",
                shorten(clause),
                m.value
            );
            if let Some(hint) = hint {
                message.push_str(&hint);
            }
            out.push(finding(
                format!("{name}:{}", m.value),
                section,
                cells,
                message,
            ));
        };
        // One sum of several quantities.
        if let Some(chain) = sum_before(sentence, &m, &all_keywords) {
            let mut total = 0;
            let mut cells = Vec::new();
            let mut labels = Vec::new();
            let mut ok = true;
            for q in &chain {
                match table_value(report, q) {
                    Some((v, c)) => {
                        total += v;
                        cells.extend(c);
                        labels.push(q.label);
                    }
                    None => ok = false,
                }
            }
            if ok {
                labels.reverse();
                let name = chain[0].name;
                push(
                    name,
                    format!("{}之和", labels.join("与")),
                    total,
                    cells,
                    None,
                );
            }
            continue;
        }
        // The nearest keyword in the same clause and the same parentheses.
        let clause = clauses
            .iter()
            .copied()
            .find(|(a, b)| *a <= m.start && m.start < *b)
            .unwrap_or((0, sentence.len()));
        let scope = paren_of(&parens, m.start);
        let candidates: Vec<&(usize, usize, &'static Quantity)> = all_keywords
            .iter()
            .filter(|(a, _, _)| clause.0 <= *a && *a < clause.1)
            .filter(|(a, _, _)| paren_of(&parens, *a) == scope)
            .collect();
        let q = candidates
            .iter()
            .rev()
            .find(|(a, _, _)| *a < m.start)
            .or_else(|| candidates.iter().find(|(a, _, _)| *a >= m.end))
            .map(|(_, _, q)| *q);
        let Some(q) = q else { continue };
        let Some((actual, cells)) = table_value(report, q) else {
            continue;
        };
        // "收到申请323件（含上年结转11件）": 新收 + 上年结转.
        let after = sentence[m.end..]
            .trim_start_matches(|c: char| UNITS.contains(&c) || c == '（' || c == '(');
        if let Some(&(_, _, carried)) = NEW_AND_CARRIED.iter().find(|(n, ..)| *n == q.name) {
            if INCLUDES_CARRIED.iter().any(|w| after.starts_with(w)) {
                if let Some(c) = cell_value(report, carried.0) {
                    let mut cells = cells.clone();
                    cells.push(carried.0);
                    push(
                        q.name,
                        format!("{}与上年结转之和", q.label),
                        actual + c,
                        cells,
                        None,
                    );
                }
                continue;
            }
        }
        push(
            q.name,
            q.label.to_string(),
            actual,
            cells,
            hint(report, q, m.value),
        );
    }
}

/// "未收到…申请", "未发生行政复议、行政诉讼" against the tables: the
/// negation speaks of its own clause (to the next ，。；), and not of counts
/// when the clause is about an outcome ("被…纠错", "败诉").
pub(super) fn none_in_sentence(
    report: &Report,
    section: &'static str,
    sentence: &str,
    seen: &mut Seen<(&'static str, u64)>,
    out: &mut Vec<Finding>,
) {
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
        let end = after
            .char_indices()
            .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。'))
            .map_or(after.len(), |(i, _)| i);
        let scope = &after[..end];
        if QUALIFIERS.iter().any(|w| scope.contains(w)) {
            continue;
        }
        for (_, _, q) in keywords_in(scope) {
            let Some((actual, cells)) = table_value(report, q) else {
                continue;
            };
            if actual == 0 || !seen.insert((q.name, 0)) {
                continue;
            }
            let message = format!("正文称“{}”，但{}为 {actual}", shorten(sentence), q.label);
            out.push(finding(format!("{}:none", q.name), section, cells, message));
        }
    }
}

/// "复议、诉讼结果均为维持" while table 四 shows 纠正, 其他结果 or 尚未审结.
fn all_upheld(
    report: &Report,
    section: &'static str,
    sentence: &str,
    seen: &mut Seen<(&'static str, u64)>,
    out: &mut Vec<Finding>,
) {
    if !ALL_UPHELD.iter().any(|w| sentence.contains(w)) {
        return;
    }
    let review = sentence.contains("复议");
    let litigation = sentence.contains("诉讼");
    let mut cells = Vec::new();
    let mut named = Vec::new();
    let mut total = 0;
    for (applies, rows) in [
        (review || !litigation, &UPHELD_REVIEW[..]),
        (litigation || !review, &UPHELD_LITIGATION[..]),
    ] {
        if !applies {
            continue;
        }
        for &(label, CellId(i)) in rows {
            if let Some(n) = cell_value(report, i).filter(|n| *n > 0) {
                total += n;
                cells.push(i);
                named.push(format!("{label} {n}"));
            }
        }
    }
    if cells.is_empty() || !seen.insert(("all_upheld", total)) {
        return;
    }
    let message = format!(
        "正文称“{}”，但表四中{}",
        shorten(sentence),
        named.join("，")
    );
    out.push(finding("all_upheld".to_string(), section, cells, message));
}

/// A TEXT-NUMBERS warning about `section`, keyed "TEXT-NUMBERS:{what}".
fn finding(what: String, section: &'static str, cells: Vec<usize>, message: String) -> Finding {
    Finding {
        rule: RuleId::TEXT_NUMBERS,
        severity: Severity::Warning,
        key: format!("TEXT-NUMBERS:{what}"),
        section,
        cells,
        text: Some(section),
        meta: None,
        message,
    }
}

/// A hint when the text seems to count 新收 + 上年结转 together.
pub(super) fn hint(report: &Report, q: &Quantity, stated: u64) -> Option<String> {
    let &(_, new, carried) = NEW_AND_CARRIED.iter().find(|(name, ..)| *name == q.name)?;
    let new = cell_value(report, new.0)?;
    let carried = cell_value(report, carried.0)?;
    (carried > 0 && new + carried == stated).then(|| {
        format!("（本年新收 {new} + 上年结转 {carried} = {stated}：如正文指二者之和，请写明“含上年结转”，否则应为 {new}）")
    })
}
