//! LEVEL-RULES, LEVEL-NORMATIVE, T4-WITHOUT-APPLICATIONS: what an agency of
//! its level can plausibly report.

use super::util::count;
use super::{Finding, RuleId, Severity};
use crate::cell;
use crate::format::y2021::CellId;
use crate::model::{Level, Report};

/// Levels that do not make 规章 (only 国务院部门, 省级 and 设区的市级 governments do).
fn makes_no_regulations(level: Level) -> bool {
    matches!(
        level,
        Level::Township | Level::CountyDepartment | Level::CountyGovernment
    )
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    if let Some(level) = report.meta.level {
        if makes_no_regulations(level) {
            let issued = count(report, cell!(table2.regulations.issued)).unwrap_or(0);
            if issued > 0 {
                out.push(Finding::on_cells(
                    RuleId::LEVEL_RULES,
                    Severity::Error,
                    "LEVEL-RULES:issued".into(),
                    "table2",
                    vec![cell!(table2.regulations.issued).0],
                    format!(
                        "{}无权制定规章（只有国务院部门和省、设区的市级人民政府可以），但“规章 本年制发件数”为 {issued}：行政规范性文件请填在下一行",
                        level.label()
                    ),
                ));
            }
            let in_force = count(report, cell!(table2.regulations.in_force)).unwrap_or(0);
            if in_force > 0 {
                out.push(Finding::on_cells(
                    RuleId::LEVEL_RULES,
                    Severity::Warning,
                    "LEVEL-RULES:in_force".into(),
                    "table2",
                    vec![cell!(table2.regulations.in_force).0],
                    format!(
                        "{}一般没有本机关制定的现行有效规章，但“规章 现行有效件数”为 {in_force}，请核实",
                        level.label()
                    ),
                ));
            }
        }
        let subdistrict = level == Level::Township && report.meta.agency.contains("街道");
        let issued = count(report, cell!(table2.normative_documents.issued)).unwrap_or(0);
        if subdistrict && issued > 0 {
            out.push(Finding::on_cells(
                RuleId::LEVEL_NORMATIVE,
                Severity::Warning,
                "LEVEL-NORMATIVE".into(),
                "table2",
                vec![cell!(table2.normative_documents.issued).0],
                format!("街道办事处本年制发行政规范性文件 {issued} 件：请确认本省允许街道制发行政规范性文件"),
            ));
        }
    }
    const CASES: [CellId; 3] = [
        cell!(table4.review.total),
        cell!(table4.litigation_direct.total),
        cell!(table4.litigation_after_review.total),
    ];
    let cases: u64 = CASES.iter().filter_map(|&c| count(report, c)).sum();
    let applications = count(report, cell!(table3.new_received.total)).unwrap_or(0)
        + count(report, cell!(table3.carried_over.total)).unwrap_or(0);
    let known = count(report, cell!(table3.new_received.total)).is_some();
    if cases > 0 && known && applications == 0 {
        out.push(Finding::on_cells(
            RuleId::T4_WITHOUT_APPLICATIONS,
            Severity::Info,
            "T4-WITHOUT-APPLICATIONS".into(),
            "table4",
            CASES.iter().map(|c| c.0).collect(),
            format!("表四有 {cases} 件复议、诉讼案件，但表三本年和上年都没有申请：案件可能源于往年的申请，请核实"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn run(r: &Report) -> Vec<(&'static str, Severity)> {
        let mut out = Vec::new();
        check(r, &mut out);
        out.into_iter()
            .map(|f| (f.rule.as_str(), f.severity))
            .collect()
    }

    #[test]
    fn regulations_by_level() {
        let mut r = Report::new();
        r.meta.level = Some(Level::Township);
        r.meta.agency = "某某街道办事处".into();
        assert!(run(&r).is_empty());
        r.set_cell("table2.regulations.issued", Cell::Count(1));
        r.set_cell("table2.regulations.in_force", Cell::Count(3));
        r.set_cell("table2.normative_documents.issued", Cell::Count(2));
        assert_eq!(
            run(&r),
            [
                ("LEVEL-RULES", Severity::Error),
                ("LEVEL-RULES", Severity::Warning),
                ("LEVEL-NORMATIVE", Severity::Warning)
            ]
        );
        r.meta.agency = "某某镇人民政府".into();
        assert_eq!(run(&r).len(), 2, "a 镇 may issue 行政规范性文件");
        r.meta.level = Some(Level::CityGovernment);
        assert!(run(&r).is_empty());
    }

    #[test]
    fn cases_without_applications() {
        let mut r = Report::new();
        r.set_cell("table3.new_received.total", Cell::Count(0));
        r.set_cell("table3.carried_over.total", Cell::Count(0));
        r.set_cell("table4.review.total", Cell::Count(1));
        assert_eq!(run(&r), [("T4-WITHOUT-APPLICATIONS", Severity::Info)]);
        r.set_cell("table3.carried_over.total", Cell::Count(1));
        assert!(run(&r).is_empty());
    }
}
