//! How findings mark the places they concern: each table cell, text area or
//! metadata field shows the worst finding about it (an unconfirmed warning
//! is worse than a confirmed one) and is described by every finding's
//! element. The UI renders these marks (`ui::table`, `ui::sections`).
//!
//! Not for: which findings there are (that is [`super::check`]).

use super::{Finding, RuleId, Severity};
use std::collections::BTreeMap;

/// The id of the element showing a finding (for aria-describedby), from
/// the finding's key.
pub fn element_id(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    // Keys may differ only in non-ASCII characters: add a short hash.
    let hash = key
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    format!("finding-{safe}-{hash:x}")
}

/// How a cell or text area is marked: the worst finding concerning it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellMark {
    pub severity: Severity,
    /// Rule of that finding.
    pub rule: RuleId,
    /// Ids of the elements of every finding concerning it.
    pub described_by: String,
    /// Whether the worst finding is a confirmed warning.
    pub confirmed: bool,
}

/// Adds a finding to a place's mark, keeping the worst.
pub fn add(slot: &mut Option<CellMark>, f: &Finding, confirmations: &BTreeMap<String, String>) {
    let id = element_id(&f.key);
    let confirmed = confirmations.contains_key(&f.key);
    let rank = |s: Severity, confirmed: bool| (s, confirmed);
    match slot {
        Some(m) => {
            m.described_by.push(' ');
            m.described_by.push_str(&id);
            if rank(f.severity, confirmed) < rank(m.severity, m.confirmed) {
                m.severity = f.severity;
                m.rule = f.rule;
                m.confirmed = confirmed;
            }
        }
        None => {
            *slot = Some(CellMark {
                severity: f.severity,
                rule: f.rule,
                described_by: id,
                confirmed,
            })
        }
    }
}

/// The marks of every table cell (`cells` of them).
pub fn cell_marks(
    findings: &[Finding],
    confirmations: &BTreeMap<String, String>,
    cells: usize,
) -> Vec<Option<CellMark>> {
    let mut marks = vec![None; cells];
    for f in findings {
        for &cell in &f.cells {
            if let Some(slot) = marks.get_mut(cell) {
                add(slot, f, confirmations);
            }
        }
    }
    marks
}

/// The mark of a narrative section or metadata field (by the finding's
/// `text` or `meta`).
pub fn text_mark(
    findings: &[Finding],
    confirmations: &BTreeMap<String, String>,
    key: &str,
) -> Option<CellMark> {
    let mut mark = None;
    for f in findings
        .iter()
        .filter(|f| f.text == Some(key) || f.meta == Some(key))
    {
        add(&mut mark, f, confirmations);
    }
    mark
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: RuleId, severity: Severity, key: &str, cells: Vec<usize>) -> Finding {
        Finding::on_cells(rule, severity, key.into(), "table3", cells, String::new())
    }

    #[test]
    fn the_worst_finding_marks_a_cell_and_every_one_describes_it() {
        let findings = [
            finding(
                RuleId::TEXT_NUMBERS,
                Severity::Warning,
                "TEXT-NUMBERS:一",
                vec![3],
            ),
            finding(
                RuleId::T3_BALANCE,
                Severity::Error,
                "T3-BALANCE:total",
                vec![3, 5],
            ),
            finding(
                RuleId::CELL_BLANK,
                Severity::Error,
                "CELL-BLANK:table3",
                vec![7],
            ),
        ];
        let marks = cell_marks(&findings, &BTreeMap::new(), 8);
        let m = marks[3].as_ref().unwrap();
        assert_eq!(
            (m.rule, m.severity, m.confirmed),
            (RuleId::T3_BALANCE, Severity::Error, false)
        );
        assert_eq!(
            m.described_by,
            format!(
                "{} {}",
                element_id("TEXT-NUMBERS:一"),
                element_id("T3-BALANCE:total")
            )
        );
        assert_eq!(marks[5].as_ref().unwrap().rule, RuleId::T3_BALANCE);
        assert_eq!(marks[7].as_ref().unwrap().rule, RuleId::CELL_BLANK);
        assert!(marks[0].is_none() && marks[4].is_none());
    }

    #[test]
    fn an_unconfirmed_warning_is_worse_than_a_confirmed_one() {
        let findings = [
            finding(RuleId::FEE_UNIT, Severity::Warning, "FEE-UNIT", vec![9]),
            finding(
                RuleId::TEXT_NUMBERS,
                Severity::Warning,
                "TEXT-NUMBERS:x",
                vec![9],
            ),
        ];
        let confirmed = BTreeMap::from([("FEE-UNIT".to_string(), "已核实".to_string())]);
        let m = cell_marks(&findings, &confirmed, 10)[9].clone().unwrap();
        assert_eq!((m.rule, m.confirmed), (RuleId::TEXT_NUMBERS, false));
        let only = cell_marks(&findings[..1], &confirmed, 10)[9]
            .clone()
            .unwrap();
        assert!(only.confirmed);
    }

    #[test]
    fn element_ids_are_safe_and_distinct() {
        assert!(element_id("T3-BALANCE:total").starts_with("finding-T3-BALANCE_total-"));
        assert_ne!(
            element_id("NAME-CONSISTENT:甲"),
            element_id("NAME-CONSISTENT:乙")
        );
        assert!(element_id("a b\"<")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
