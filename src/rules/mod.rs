//! The checks of `RULES.md`, as pure functions of the report (and of last
//! year's report when one is loaded).
//!
//! [`check`] runs every rule and returns [`Finding`]s: the rule id, its
//! severity, the cells or section concerned, and a Chinese message that gives
//! expected and actual values wherever there is arithmetic. The rule ids are
//! those of `RULES.md`; [`CATALOGUE`] lists them.
//!
//! - [`arithmetic`]: T3-BALANCE, T3-OUTCOME-SUM, T3-COLUMN-SUM, T4-SUM
//! - [`cells`]: CELL-INTEGER, CELL-BLANK, FEE-AMOUNT, FEE-UNIT
//! - [`structure`]: SECTIONS, OVERVIEW-LENGTH, OVERVIEW-TOPICS, FEE-STATEMENT,
//!   OTHER-HIGH, PROBLEMS-THIN
//! - [`narrative`]: TEXT-NUMBERS, NAME-CONSISTENT, YEAR-CONSISTENT
//! - [`plausibility`]: LEVEL-RULES, LEVEL-NORMATIVE, T4-WITHOUT-APPLICATIONS
//! - [`cross_year`]: CARRY-OVER, IN-FORCE, ABOLISH-BOUND
//! - DEADLINE, here
//! - [`marks`]: how findings mark the cells and texts they concern

pub mod arithmetic;
pub mod cells;
pub mod cross_year;
pub mod marks;
pub mod narrative;
pub mod numbers;
pub mod plausibility;
pub mod structure;

use crate::model::{Date, Report};
use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The report is wrong as published.
    Error,
    /// Probably wrong; the user may confirm it with a note.
    Warning,
    /// Advice.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem found in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Rule id from RULES.md, e.g. "T3-BALANCE".
    pub rule: RuleId,
    pub severity: Severity,
    /// Stable identity within a report (rule id and what it is about); notes
    /// confirming a warning are stored under this key.
    pub key: String,
    /// The section it is grouped under (a section key, or "meta").
    pub section: &'static str,
    /// Table cells concerned (indices into `format.cells()`), most relevant first.
    pub cells: Vec<usize>,
    /// The narrative section concerned, by section key ("preamble" for the
    /// text before 一).
    pub text: Option<&'static str>,
    /// The metadata field concerned, by data-key (e.g. "meta.deadline").
    pub meta: Option<&'static str>,
    /// What is wrong, in Chinese, with expected and actual values.
    pub message: String,
}

impl Finding {
    /// A finding about table cells.
    pub fn on_cells(
        rule: RuleId,
        severity: Severity,
        key: String,
        section: &'static str,
        cells: Vec<usize>,
        message: String,
    ) -> Finding {
        Finding {
            rule,
            severity,
            key,
            section,
            cells,
            text: None,
            meta: None,
            message,
        }
    }

    /// A finding about a narrative section.
    pub fn on_text(
        rule: RuleId,
        severity: Severity,
        key: String,
        section: &'static str,
        message: String,
    ) -> Finding {
        Finding {
            rule,
            severity,
            key,
            section,
            cells: Vec::new(),
            text: Some(section),
            meta: None,
            message,
        }
    }

    /// The dotted keys of everything it concerns: its cells, then its text
    /// ("sections.overview", "preamble"), then its metadata field.
    pub fn keys(&self, report: &Report) -> Vec<String> {
        let mut keys: Vec<String> = self
            .cells
            .iter()
            .filter_map(|&i| report.format.cells().get(i).map(|d| d.key.clone()))
            .collect();
        if let Some(text) = self.text {
            keys.push(if text == "preamble" {
                "preamble".to_string()
            } else {
                format!("sections.{text}")
            });
        }
        if let Some(meta) = self.meta {
            keys.push(meta.to_string());
        }
        keys
    }

    /// One JSON object: rule, severity, message, keys (and the finding's
    /// key, under which a confirmation is stored).
    pub fn to_json(&self, report: &Report) -> serde_json::Value {
        serde_json::json!({
            "rule": self.rule.as_str(),
            "severity": self.severity.key(),
            "message": self.message,
            "keys": self.keys(report),
            "key": self.key,
        })
    }

    /// The data-key of the element to focus for this finding: the text it
    /// quotes, else its first cell, else its metadata field.
    pub fn focus_key(&self, report: &Report) -> Option<String> {
        if let Some(text) = self.text {
            return Some(if text == "preamble" {
                "preamble".to_string()
            } else {
                format!("sections.{text}")
            });
        }
        if let Some(&cell) = self.cells.first() {
            return Some(report.format.cells()[cell].key.clone());
        }
        self.meta.map(str::to_string)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{} {}] {}",
            self.rule,
            self.severity.label(),
            self.message
        )
    }
}

/// A rule id of RULES.md. Only the constants below exist, so a misspelt id
/// does not compile; [`CATALOGUE`] lists each with its severity and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(&'static str);

impl RuleId {
    pub const T3_BALANCE: RuleId = RuleId("T3-BALANCE");
    pub const T3_OUTCOME_SUM: RuleId = RuleId("T3-OUTCOME-SUM");
    pub const T3_COLUMN_SUM: RuleId = RuleId("T3-COLUMN-SUM");
    pub const T4_SUM: RuleId = RuleId("T4-SUM");
    pub const CELL_INTEGER: RuleId = RuleId("CELL-INTEGER");
    pub const CELL_BLANK: RuleId = RuleId("CELL-BLANK");
    pub const FEE_AMOUNT: RuleId = RuleId("FEE-AMOUNT");
    pub const FEE_UNIT: RuleId = RuleId("FEE-UNIT");
    pub const SECTIONS: RuleId = RuleId("SECTIONS");
    pub const OVERVIEW_LENGTH: RuleId = RuleId("OVERVIEW-LENGTH");
    pub const OVERVIEW_TOPICS: RuleId = RuleId("OVERVIEW-TOPICS");
    pub const FEE_STATEMENT: RuleId = RuleId("FEE-STATEMENT");
    pub const OTHER_HIGH: RuleId = RuleId("OTHER-HIGH");
    pub const PROBLEMS_THIN: RuleId = RuleId("PROBLEMS-THIN");
    pub const TEXT_NUMBERS: RuleId = RuleId("TEXT-NUMBERS");
    pub const NAME_CONSISTENT: RuleId = RuleId("NAME-CONSISTENT");
    pub const YEAR_CONSISTENT: RuleId = RuleId("YEAR-CONSISTENT");
    pub const LEVEL_RULES: RuleId = RuleId("LEVEL-RULES");
    pub const LEVEL_NORMATIVE: RuleId = RuleId("LEVEL-NORMATIVE");
    pub const T4_WITHOUT_APPLICATIONS: RuleId = RuleId("T4-WITHOUT-APPLICATIONS");
    pub const CARRY_OVER: RuleId = RuleId("CARRY-OVER");
    pub const IN_FORCE: RuleId = RuleId("IN-FORCE");
    pub const ABOLISH_BOUND: RuleId = RuleId("ABOLISH-BOUND");
    pub const DEADLINE: RuleId = RuleId("DEADLINE");

    /// The id as RULES.md writes it (and `data-rule` shows it).
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The rule with this id, if it is one of RULES.md's (the format names
    /// its sum rules by id).
    pub fn known(id: &str) -> Option<RuleId> {
        CATALOGUE.iter().map(|r| r.id).find(|r| r.0 == id)
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A rule of RULES.md.
#[derive(Debug)]
pub struct Rule {
    pub id: RuleId,
    pub severity: Severity,
    pub title: &'static str,
}

/// Every rule, in the order of RULES.md.
pub const CATALOGUE: &[Rule] = &[
    rule(
        RuleId::T3_BALANCE,
        Severity::Error,
        "表三勾稽关系：一 + 二 = （七）总计 + 四",
    ),
    rule(
        RuleId::T3_OUTCOME_SUM,
        Severity::Error,
        "表三（七）总计等于各项办理结果之和",
    ),
    rule(
        RuleId::T3_COLUMN_SUM,
        Severity::Error,
        "表三每行总计等于各类申请人之和",
    ),
    rule(RuleId::T4_SUM, Severity::Error, "表四各项之和等于总计"),
    rule(
        RuleId::CELL_INTEGER,
        Severity::Error,
        "数量应为不小于 0 的整数",
    ),
    rule(
        RuleId::CELL_BLANK,
        Severity::Error,
        "单元格不应空白，无数据填 0",
    ),
    rule(
        RuleId::FEE_AMOUNT,
        Severity::Error,
        "行政事业性收费应为不小于 0 的金额（万元）",
    ),
    rule(
        RuleId::FEE_UNIT,
        Severity::Warning,
        "行政事业性收费的单位应为万元",
    ),
    rule(
        RuleId::SECTIONS,
        Severity::Error,
        "六个部分齐全、顺序和标题规范，一、五、六不空",
    ),
    rule(
        RuleId::OVERVIEW_LENGTH,
        Severity::Warning,
        "总体情况原则上不超过一千字",
    ),
    rule(
        RuleId::OVERVIEW_TOPICS,
        Severity::Warning,
        "总体情况应涵盖五个方面",
    ),
    rule(
        RuleId::FEE_STATEMENT,
        Severity::Warning,
        "第六部分应报告信息处理费收取情况",
    ),
    rule(
        RuleId::OTHER_HIGH,
        Severity::Warning,
        "其他处理占比较高时应说明原因",
    ),
    rule(
        RuleId::PROBLEMS_THIN,
        Severity::Warning,
        "存在的主要问题及改进情况应具体，不与上年雷同",
    ),
    rule(
        RuleId::TEXT_NUMBERS,
        Severity::Warning,
        "正文中的数字应与表格一致",
    ),
    rule(
        RuleId::NAME_CONSISTENT,
        Severity::Warning,
        "正文中的机关名称应与机关名称一致",
    ),
    rule(
        RuleId::YEAR_CONSISTENT,
        Severity::Warning,
        "正文中的年度应与报告年度一致",
    ),
    rule(RuleId::LEVEL_RULES, Severity::Error, "本级机关无权制定规章"),
    rule(
        RuleId::LEVEL_NORMATIVE,
        Severity::Warning,
        "街道制发行政规范性文件需核实",
    ),
    rule(
        RuleId::T4_WITHOUT_APPLICATIONS,
        Severity::Info,
        "有复议诉讼但无申请",
    ),
    rule(
        RuleId::CARRY_OVER,
        Severity::Error,
        "上年结转应等于上年报告的结转下年度",
    ),
    rule(
        RuleId::IN_FORCE,
        Severity::Warning,
        "现行有效件数应与上年衔接",
    ),
    rule(
        RuleId::ABOLISH_BOUND,
        Severity::Error,
        "本年废止件数不应超过可废止的件数",
    ),
    rule(RuleId::DEADLINE, Severity::Info, "报送期限"),
];

const fn rule(id: RuleId, severity: Severity, title: &'static str) -> Rule {
    Rule {
        id,
        severity,
        title,
    }
}

/// What the rules look at.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub report: &'a Report,
    /// Last year's report, when one is loaded (cross-year rules).
    pub last_year: Option<&'a Report>,
    /// Today's date, for DEADLINE; `None` skips it.
    pub today: Option<Date>,
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report) -> Context<'a> {
        Context {
            report,
            last_year: None,
            today: None,
        }
    }
}

/// Runs every rule; findings come sorted by severity, then in report order.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    arithmetic::check(ctx.report, &mut out);
    cells::check(ctx.report, &mut out);
    structure::check(ctx, &mut out);
    narrative::check(ctx.report, &mut out);
    plausibility::check(ctx.report, &mut out);
    cross_year::check(ctx, &mut out);
    deadline(ctx, &mut out);
    let order = |f: &Finding| {
        let section = ctx
            .report
            .format
            .sections
            .iter()
            .position(|s| s.key == f.section)
            .map_or(0, |i| i + 1);
        (f.severity, section)
    };
    crate::sort::by_key(&mut out, order);
    out
}

/// Where the report stands: the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub confirmed: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(report: &Report, findings: &[Finding]) -> Summary {
        Summary::counted(&report.confirmations, findings)
    }

    /// The counts, given the report's confirmations alone.
    pub fn counted(
        confirmations: &std::collections::BTreeMap<String, String>,
        findings: &[Finding],
    ) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning if confirmations.contains_key(&f.key) => s.confirmed += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// True when the report can be published: no error, no unconfirmed warning.
    pub fn publishable(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }

    /// The status line, e.g. "可以发布" or "还有 2 个错误、1 个未核实的警告".
    pub fn status(&self) -> String {
        if self.publishable() {
            return "可以发布".to_string();
        }
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(format!("{} 个错误", self.errors));
        }
        if self.warnings > 0 {
            parts.push(format!("{} 个未核实的警告", self.warnings));
        }
        format!("还有 {}，暂不宜发布", parts.join("、"))
    }
}

/// DEADLINE: days left to the deadline (info), or past it (warning).
fn deadline(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(today), Some(deadline)) = (ctx.today, ctx.report.meta.effective_deadline()) else {
        return;
    };
    let days = today.days_until(deadline);
    let (severity, message) = if days >= 0 {
        (
            Severity::Info,
            format!("距报送期限（{}）还有 {days} 天", deadline.chinese()),
        )
    } else {
        (
            Severity::Warning,
            format!("已超过报送期限（{}）{} 天", deadline.chinese(), -days),
        )
    };
    out.push(Finding {
        rule: RuleId::DEADLINE,
        severity,
        key: "DEADLINE".into(),
        section: "meta",
        cells: Vec::new(),
        text: None,
        meta: Some("meta.deadline"),
        message,
    });
}

/// Helpers shared by the rule modules.
pub(crate) mod util {
    use crate::format::y2021::CellId;
    use crate::model::Report;

    /// The count in a cell; `None` unless a valid count.
    pub fn count(report: &Report, cell: CellId) -> Option<u64> {
        report.cells.get(cell.0).and_then(crate::model::Cell::count)
    }
}
