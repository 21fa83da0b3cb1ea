//! YEAR-CONSISTENT: the years the text names against the report year.

use super::clauses::*;
use super::{texts, Seen};
use crate::model::Report;
use crate::rules::{Finding, RuleId, Severity};

/// Four-digit years followed by 年 in a text: (byte offset, year).
pub(super) fn years_in(text: &str) -> Vec<(usize, i32)> {
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

pub(super) fn year_consistent(report: &Report, out: &mut Vec<Finding>) {
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
