//! SECTIONS, OVERVIEW-LENGTH, OVERVIEW-TOPICS, FEE-STATEMENT, OTHER-HIGH,
//! PROBLEMS-THIN: the report's parts and what the notice asks of them.

use super::util::count;
use super::{Context, Finding, RuleId, Severity};
use crate::cell;
use crate::format::y2021::CellId;
use crate::format::Content;
use crate::model::text::char_count;
use crate::model::text::similarity;
use crate::model::{is_space, Report};

/// Shortest 五 that can name a problem and an improvement ("about 50 characters").
pub const PROBLEMS_MIN_CHARS: usize = 50;
/// Similarity (0–1) above which 五 counts as the same as last year's.
pub const PROBLEMS_SAME_AS_LAST_YEAR: f64 = 0.9;
/// Share of （七）总计 above which （六）其他处理 needs explaining.
pub const OTHER_HIGH_SHARE: f64 = 0.10;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.report;
    sections(report, out);
    overview(report, out);
    fee_statement(report, out);
    other_high(report, out);
    problems(report, ctx.last_year, out);
}

/// Every section present with its template heading; 一, 五, 六 not empty.
fn sections(report: &Report, out: &mut Vec<Finding>) {
    for section in report.format.sections {
        if let Some(found) = report.headings.get(section.key) {
            let message = if found.is_empty() {
                format!("缺少“{}”部分", section.heading)
            } else {
                format!("标题应为“{}”，实为“{found}”", section.heading)
            };
            out.push(Finding::on_text(
                RuleId::SECTIONS,
                Severity::Error,
                format!("SECTIONS:heading:{}", section.key),
                section.key,
                message,
            ));
        }
        if section.content == Content::Text
            && report.text(section.key).trim_matches(is_space).is_empty()
        {
            out.push(Finding::on_text(
                RuleId::SECTIONS,
                Severity::Error,
                format!("SECTIONS:empty:{}", section.key),
                section.key,
                format!("“{}”没有内容", section.heading),
            ));
        }
    }
}

fn overview(report: &Report, out: &mut Vec<Finding>) {
    let format = report.format;
    let text = report.text("overview");
    if text.trim_matches(is_space).is_empty() {
        return; // SECTIONS says so
    }
    let n = char_count(text);
    // The 1000-字 guidance is the 2021 format's.
    if n > format.overview_max_chars && !report.trial_2019 {
        out.push(Finding::on_text(
            RuleId::OVERVIEW_LENGTH,
            Severity::Warning,
            "OVERVIEW-LENGTH".into(),
            "overview",
            format!(
                "“一、总体情况”共 {n} 字，格式要求“篇幅原则上不超过一千字”（多 {} 字）",
                n - format.overview_max_chars
            ),
        ));
    }
    let missing: Vec<&str> = format
        .overview_topics
        .iter()
        .filter(|t| !t.keywords.iter().any(|k| text.contains(k)))
        .map(|t| t.name)
        .collect();
    if !missing.is_empty() {
        out.push(Finding::on_text(
            RuleId::OVERVIEW_TOPICS,
            Severity::Warning,
            "OVERVIEW-TOPICS".into(),
            "overview",
            format!(
                "“一、总体情况”应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面，未见：{}",
                missing.join("、")
            ),
        ));
    }
}

/// Whether a text says anything about fees: "信息处理费", "收费"
/// ("未发生收费情况", "无收费事项"), "收取…费用" ("未收取任何费用").
pub fn states_fees(text: &str) -> bool {
    let text = crate::model::text::without_spaces(text);
    text.contains("处理费")
        || text.contains("收费")
        || (text.contains("收取") && text.contains('费'))
        || text.contains("费用")
}

/// 六 must report the 信息处理费 (even "本年度未收取信息处理费").
fn fee_statement(report: &Report, out: &mut Vec<Finding>) {
    // The 2019 trial format asked for no fee statement.
    if report.trial_2019 || states_fees(report.text("other")) {
        return;
    }
    let unpaid = count(report, cell!(table3.other_unpaid_fee.total)).unwrap_or(0);
    let message = if unpaid > 0 {
        format!(
            "表三有 {unpaid} 件申请因“逾期未按收费通知要求缴纳费用”不再处理，说明本年发出过收费通知，但“六、其他需要报告的事项”未报告信息处理费收取情况"
        )
    } else {
        "“六、其他需要报告的事项”应报告信息处理费收取情况（未收取也应写明，如“本年度未收取信息处理费”）".to_string()
    };
    out.push(Finding::on_text(
        RuleId::FEE_STATEMENT,
        Severity::Warning,
        "FEE-STATEMENT".into(),
        "other",
        message,
    ));
}

/// （六）其他处理 above 10% of （七）总计 should be explained.
fn other_high(report: &Report, out: &mut Vec<Finding>) {
    const OTHER_ROWS: [CellId; 3] = [
        cell!(table3.other_overdue_correction.total),
        cell!(table3.other_unpaid_fee.total),
        cell!(table3.other_other.total),
    ];
    let Some(total) = count(report, cell!(table3.outcome_total.total)) else {
        return;
    };
    let other: u64 = OTHER_ROWS.iter().filter_map(|&r| count(report, r)).sum();
    if total == 0 || (other as f64) <= OTHER_HIGH_SHARE * total as f64 {
        return;
    }
    out.push(Finding::on_cells(
        RuleId::OTHER_HIGH,
        Severity::Warning,
        "OTHER-HIGH".into(),
        "table3",
        OTHER_ROWS.iter().map(|r| r.0).collect(),
        format!(
            "（六）其他处理共 {other} 件，占（七）总计 {total} 件的 {}%（超过 10%），请在正文中说明原因",
            (other * 100 + total / 2) / total
        ),
    ));
}

/// 五 too short, or the same as last year's.
fn problems(report: &Report, last_year: Option<&Report>, out: &mut Vec<Finding>) {
    let text = report.text("problems");
    let n = char_count(text);
    if n == 0 {
        return; // SECTIONS says so
    }
    if n < PROBLEMS_MIN_CHARS {
        out.push(Finding::on_text(
            RuleId::PROBLEMS_THIN,
            Severity::Warning,
            "PROBLEMS-THIN:short".into(),
            "problems",
            format!("“五、存在的主要问题及改进情况”只有 {n} 字，应具体写明存在的问题和改进措施（格式要求“明确具体，避免笼统模糊”）"),
        ));
    }
    if let Some(last) = last_year {
        let similarity = similarity(text, last.text("problems"));
        if similarity >= PROBLEMS_SAME_AS_LAST_YEAR {
            out.push(Finding::on_text(
                RuleId::PROBLEMS_THIN,
                Severity::Warning,
                "PROBLEMS-THIN:same".into(),
                "problems",
                format!(
                    "“五、存在的主要问题及改进情况”与上年报告{}（格式要求“不得出现敷衍了事甚至年年雷同现象”）",
                    if similarity >= 0.999 { "完全相同".to_string() } else { format!("{}% 相同", (similarity * 100.0).round() as u32) }
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn run(r: &Report, last: Option<&Report>) -> Vec<Finding> {
        let mut out = Vec::new();
        let ctx = Context {
            report: r,
            last_year: last,
            today: None,
        };
        check(&ctx, &mut out);
        out
    }

    fn rules(found: &[Finding]) -> Vec<&str> {
        found.iter().map(|f| f.key.as_str()).collect()
    }

    fn good() -> Report {
        let mut r = Report::new();
        r.set_text(
            "overview",
            "（一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……",
        );
        r.set_text(
            "problems",
            "一是政策解读形式不够丰富，未能充分运用图表图解等方式解读政策文件；二是政务新媒体更新不及时。下一步将丰富解读形式，加强新媒体管理。",
        );
        r.set_text("other", "本年度未收取信息处理费。");
        r
    }

    #[test]
    fn a_complete_text_passes() {
        assert!(run(&good(), None).is_empty(), "{:?}", run(&good(), None));
    }

    #[test]
    fn empty_sections_and_wrong_headings() {
        let mut r = Report::new();
        r.headings.insert(
            "table4".into(),
            "四、政府信息公开行政法复议、行政诉讼情况".into(),
        );
        r.headings.insert("problems".into(), String::new());
        let found = run(&r, None);
        let sections: Vec<_> = found
            .iter()
            .filter(|f| f.rule == "SECTIONS")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            sections,
            [
                "“一、总体情况”没有内容",
                "标题应为“四、政府信息公开行政复议、行政诉讼情况”，实为“四、政府信息公开行政法复议、行政诉讼情况”",
                "缺少“五、存在的主要问题及改进情况”部分",
                "“五、存在的主要问题及改进情况”没有内容",
                "“六、其他需要报告的事项”没有内容",
            ]
        );
    }

    #[test]
    fn overview_length_and_topics() {
        let mut r = good();
        let long = format!("{}{}", r.text("overview"), "字".repeat(1000));
        r.set_text("overview", long);
        assert_eq!(rules(&run(&r, None)), ["OVERVIEW-LENGTH"]);
        r.set_text("overview", "（一）主动公开情况……（二）依申请公开……");
        let found = run(&r, None);
        assert_eq!(rules(&found), ["OVERVIEW-TOPICS"]);
        assert!(found[0]
            .message
            .ends_with("未见：政府信息管理、平台建设、监督保障"));
    }

    #[test]
    fn fee_statement_stronger_with_unpaid_fees() {
        let mut r = good();
        r.set_text("other", "无");
        let found = run(&r, None);
        assert_eq!(rules(&found), ["FEE-STATEMENT"]);
        assert!(found[0]
            .message
            .starts_with("“六、其他需要报告的事项”应报告信息处理费收取情况"));
        r.set_cell("table3.other_unpaid_fee.total", Cell::Count(2));
        assert!(run(&r, None)[0]
            .message
            .starts_with("表三有 2 件申请因“逾期未按收费通知要求缴纳费用”不再处理"));
    }

    #[test]
    fn other_high_above_ten_percent() {
        let mut r = good();
        r.set_cell("table3.outcome_total.total", Cell::Count(20));
        r.set_cell("table3.other_other.total", Cell::Count(2));
        assert!(run(&r, None).is_empty(), "10% is not above 10%");
        r.set_cell("table3.other_overdue_correction.total", Cell::Count(1));
        let found = run(&r, None);
        assert_eq!(rules(&found), ["OTHER-HIGH"]);
        assert_eq!(
            found[0].message,
            "（六）其他处理共 3 件，占（七）总计 20 件的 15%（超过 10%），请在正文中说明原因"
        );
    }

    #[test]
    fn problems_short_or_same_as_last_year() {
        let mut r = good();
        let last = good();
        assert_eq!(rules(&run(&r, Some(&last))), ["PROBLEMS-THIN:same"]);
        assert!(run(&r, Some(&last))[0]
            .message
            .contains("与上年报告完全相同"));
        r.set_text("problems", "工作还有不足，将进一步加强。");
        assert_eq!(rules(&run(&r, Some(&last))), ["PROBLEMS-THIN:short"]);
        assert!(similarity("政策解读形式不够丰富", "政府网站建设有待加强") < 0.3);
    }
}
