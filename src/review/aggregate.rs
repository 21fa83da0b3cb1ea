//! 汇总: a government's report whose tables are the sum of its units'
//! reports. Nothing is guessed: a cell blank in every unit stays blank; a
//! cell blank in some units is summed over the others and flagged, naming
//! them; a cell holding text that is not a number in any unit is left blank
//! and flagged. The totals are recomputed, so the rules judge the sum as
//! any report, and every summed cell keeps its breakdown by unit.

use crate::format::Kind;
use crate::model::{Cell, Report};

/// Why a summed cell needs a look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// Blank in these units: summed over the others.
    BlankIn(Vec<String>),
    /// Not a number in these units: the sum is left blank.
    InvalidIn(Vec<String>),
}

/// A 汇总 and how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub report: Report,
    /// For each cell of the format: what each unit gave, in unit order.
    pub breakdown: Vec<Vec<(String, Cell)>>,
    /// For each cell of the format: its flag, if any.
    pub flags: Vec<Option<Flag>>,
    /// For each error of the sum (by finding key): the units whose own
    /// figures break the same check.
    pub blame: Vec<(String, Vec<String>)>,
}

impl Aggregate {
    /// The cells with a flag, as (cell index, flag).
    pub fn flagged(&self) -> impl Iterator<Item = (usize, &Flag)> {
        self.flags
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.as_ref().map(|f| (i, f)))
    }
}

/// The usual preamble of a 汇总, with the number of units.
pub fn preamble(units: usize) -> String {
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，汇总本级 {units} 个单位政府信息公开工作情况编制而成。"
    )
}

/// Sums `units` (name, report); all must be of one year.
pub fn aggregate(units: &[(String, &Report)]) -> Result<Aggregate, String> {
    if units.is_empty() {
        return Err("没有选择要汇总的报告".to_string());
    }
    let mut years: Vec<Option<i32>> = units.iter().map(|(_, r)| r.meta.year).collect();
    years.dedup();
    if years.len() != 1 || years[0].is_none() {
        let mut shown: Vec<String> = units
            .iter()
            .map(|(n, r)| {
                format!(
                    "{n}（{}）",
                    r.meta
                        .year
                        .map_or("年度未填".to_string(), |y| format!("{y}年"))
                )
            })
            .collect();
        shown.truncate(10);
        return Err(format!(
            "所选报告不是同一年度，无法汇总：{}。请按年度筛选后再汇总。",
            shown.join("、")
        ));
    }
    let format = crate::format::current();
    let mut report = Report::empty(format);
    report.meta.year = years[0];
    report.preamble = preamble(units.len());
    let mut breakdown = Vec::with_capacity(format.cells().len());
    let mut flags = Vec::with_capacity(format.cells().len());
    for (i, def) in format.cells().iter().enumerate() {
        let given: Vec<(String, Cell)> = units
            .iter()
            .map(|(n, r)| (n.clone(), r.cells.get(i).cloned().unwrap_or(Cell::Blank)))
            .collect();
        let blank: Vec<String> = given
            .iter()
            .filter(|(_, c)| c.is_blank())
            .map(|(n, _)| n.clone())
            .collect();
        let invalid: Vec<String> = given
            .iter()
            .filter(|(_, c)| matches!(c, Cell::Invalid(_)))
            .map(|(n, _)| n.clone())
            .collect();
        let (cell, flag) = if !invalid.is_empty() {
            (Cell::Blank, Some(Flag::InvalidIn(invalid)))
        } else if blank.len() == given.len() {
            (Cell::Blank, None)
        } else {
            let sum = match def.kind {
                Kind::Count => given
                    .iter()
                    .filter_map(|(_, c)| c.count())
                    .try_fold(0u64, u64::checked_add)
                    .map(Cell::Count),
                Kind::Amount => {
                    let mut total: Option<crate::model::Amount> = None;
                    let mut ok = true;
                    for (_, c) in &given {
                        if let Cell::Amount(a) = c {
                            total = match total {
                                None => Some(a.clone()),
                                Some(t) => t.add(a).or_else(|| {
                                    ok = false;
                                    None
                                }),
                            };
                        }
                    }
                    total.filter(|_| ok).map(Cell::Amount)
                }
            };
            let flag = (!blank.is_empty()).then_some(Flag::BlankIn(blank));
            match sum {
                Some(cell) => (cell, flag),
                None => (Cell::Blank, Some(Flag::InvalidIn(Vec::new()))),
            }
        };
        // Computed totals are recomputed from the summed parts below.
        if !def.computed {
            report.cells[i] = cell;
            flags.push(flag);
        } else {
            flags.push(None);
        }
        breakdown.push(given);
    }
    report.recompute_totals();
    let blame = blame(units, &report);
    Ok(Aggregate {
        report,
        breakdown,
        flags,
        blame,
    })
}

/// A sum of correct reports is correct: for each error of the sum, the
/// units whose own reports have the same error (same rule, same place).
fn blame(units: &[(String, &Report)], sum: &Report) -> Vec<(String, Vec<String>)> {
    use crate::rules::{check, Context, Severity};
    let errors: Vec<String> = check(&Context::new(sum))
        .into_iter()
        .filter(|f| f.severity == Severity::Error && !f.cells.is_empty())
        .map(|f| f.key)
        .collect();
    if errors.is_empty() {
        return Vec::new();
    }
    let per_unit: Vec<(String, Vec<String>)> = units
        .iter()
        .map(|(name, r)| {
            let keys = check(&Context::new(r)).into_iter().map(|f| f.key).collect();
            (name.clone(), keys)
        })
        .collect();
    errors
        .into_iter()
        .map(|key| {
            let culprits = per_unit
                .iter()
                .filter(|(_, keys)| keys.contains(&key))
                .map(|(n, _)| n.clone())
                .collect();
            (key, culprits)
        })
        .collect()
}
