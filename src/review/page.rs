//! The 审核台's views as markup (every text escaped), so that the page's
//! module only moves data and events, and all of this is tested natively:
//! the overview table with its sort and filters, one report's findings, the
//! year-on-year comparison, the chart of an agency's figures, and 汇总.
//!
//! Not for: reading files or computing findings (see the parent module).

use super::aggregate::{Aggregate, Flag};
use super::repetition;
use super::{Row, Status};
use crate::export::escape;
use crate::model::Report;
use crate::rules::{Finding, Severity};

/// How the overview is shown: sort column and direction, filters, search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    /// Column key (see [`COLUMNS`]) and ascending.
    pub sort: Option<(String, bool)>,
    /// "publishable", "blocked", "unreadable" or "" for all.
    pub status: String,
    /// 机关层级 label, or "" for all.
    pub level: String,
    /// Year, or "" for all.
    pub year: String,
    /// Part of the agency's name, or "".
    pub search: String,
    /// How many rows to show (0: [`PAGE`]); a thousand rows at once would
    /// hold the page for a second.
    pub limit: usize,
}

/// Rows shown at first, and added by 再显示.
pub const PAGE: usize = 200;

/// The overview's columns: key and heading.
pub const COLUMNS: &[(&str, &str)] = &[
    ("agency", "机关名称"),
    ("level", "机关层级"),
    ("year", "报告年度"),
    ("status", "状态"),
    ("errors", "错误"),
    ("warnings", "警告"),
    ("confirmed", "已核实"),
    ("first_error", "第一个错误"),
    ("file", "文件"),
];

/// The rows shown, as indices into `rows`: filtered, then sorted.
pub fn shown(rows: &[Row], view: &View) -> Vec<usize> {
    let search: String = view.search.split_whitespace().collect();
    let mut out: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let r = &rows[i];
            (view.status.is_empty() || r.status.key() == view.status)
                && (view.level.is_empty() || r.level == view.level)
                && (view.year.is_empty()
                    || r.year.map(|y| y.to_string()).as_deref() == Some(view.year.as_str()))
                && (search.is_empty() || r.agency.contains(&search))
        })
        .collect();
    if let Some((key, ascending)) = &view.sort {
        let text = |r: &Row| -> (i64, String) {
            match key.as_str() {
                "agency" => (0, r.agency.clone()),
                "level" => (0, r.level.clone()),
                "year" => (r.year.map_or(i64::MIN, i64::from), String::new()),
                "status" => (r.status as i64, String::new()),
                "errors" => (r.errors as i64, String::new()),
                "warnings" => (r.warnings as i64, String::new()),
                "confirmed" => (r.confirmed as i64, String::new()),
                "first_error" => (0, r.first_error.clone()),
                _ => (0, r.file.clone()),
            }
        };
        // Each row's key made once, not at each comparison.
        let keys: Vec<(i64, String)> = out.iter().map(|&i| text(&rows[i])).collect();
        let mut order: Vec<usize> = (0..out.len()).collect();
        crate::sort::by(&mut order, |&a, &b| keys[a] > keys[b]);
        out = order.into_iter().map(|k| out[k]).collect();
        if !ascending {
            out.reverse();
        }
    }
    out
}

/// The filter menus' choices present in the rows: levels and years.
pub fn choices(rows: &[Row]) -> (Vec<String>, Vec<i32>) {
    let mut levels: Vec<String> = rows
        .iter()
        .map(|r| r.level.clone())
        .filter(|l| !l.is_empty())
        .collect();
    crate::sort::by(&mut levels, |a, b| a > b);
    levels.dedup();
    let mut years: Vec<i32> = rows.iter().filter_map(|r| r.year).collect();
    crate::sort::by_key(&mut years, |y| std::cmp::Reverse(*y));
    years.dedup();
    (levels, years)
}

/// The overview table: one row per report, in the view's order.
pub fn overview(rows: &[Row], view: &View, selected: Option<usize>) -> String {
    let mut html = String::from("<table class=\"overview\"><thead><tr>");
    for (key, label) in COLUMNS {
        let state = match &view.sort {
            Some((k, true)) if k == key => " aria-sort=\"ascending\"",
            Some((k, false)) if k == key => " aria-sort=\"descending\"",
            _ => "",
        };
        html.push_str(&format!(
            "<th scope=\"col\"{state}><button type=\"button\" data-sort=\"{key}\">{label}</button></th>"
        ));
    }
    html.push_str("<th scope=\"col\">操作</th></tr></thead><tbody>");
    let order = shown(rows, view);
    let limit = if view.limit == 0 { PAGE } else { view.limit };
    for &i in order.iter().take(limit) {
        let r = &rows[i];
        let year = r.year.map_or(String::new(), |y| y.to_string());
        html.push_str(&format!(
            "<tr data-report-row data-index=\"{i}\" data-agency=\"{}\" data-year=\"{year}\" data-status=\"{}\" data-errors=\"{}\" data-warnings=\"{}\" data-file=\"{}\"{}{} tabindex=\"0\">",
            escape(&r.agency),
            r.status.key(),
            r.errors,
            r.warnings,
            escape(&r.file),
            if r.duplicate { " data-duplicate" } else { "" },
            if selected == Some(i) { " class=\"selected\" aria-selected=\"true\"" } else { "" },
        ));
        let status = match (r.status, r.duplicate) {
            (s, true) => format!(
                "<span class=\"status {}\">{}</span> <span class=\"duplicate\">重复</span>",
                s.key(),
                s.label()
            ),
            (s, false) => format!("<span class=\"status {}\">{}</span>", s.key(), s.label()),
        };
        html.push_str(&format!(
            "<td>{}</td><td>{}</td><td>{year}</td><td>{status}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"first-error\">{}</td><td class=\"file\">{}</td>",
            escape(&r.agency),
            escape(&r.level),
            r.errors,
            r.warnings,
            r.confirmed,
            escape(&r.first_error),
            escape(&r.file),
        ));
        html.push_str(&format!(
            "<td><button type=\"button\" data-remove=\"{i}\" aria-label=\"移除 {}\">移除</button></td></tr>",
            escape(&r.file)
        ));
    }
    if order.is_empty() {
        html.push_str(&format!(
            "<tr><td colspan=\"{}\">（没有符合条件的报告）</td></tr>",
            COLUMNS.len() + 1
        ));
    }
    if order.len() > limit {
        html.push_str(&format!(
            "<tr><td colspan=\"{}\">还有 {} 份未显示 <button type=\"button\" data-action=\"more\">再显示 {PAGE} 份</button></td></tr>",
            COLUMNS.len() + 1,
            order.len() - limit
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// One report's findings, with the same texts and `data-rule` as the form.
pub fn findings(found: &[Finding], report: &Report) -> String {
    if found.is_empty() {
        return "<p class=\"all-clear\">没有发现问题。</p>".to_string();
    }
    let mut html = String::from("<ul class=\"findings\">");
    for f in found {
        let confirmed = report.confirmations.get(&f.key);
        html.push_str(&format!(
            "<li class=\"{}{}\" data-rule=\"{}\"><span class=\"severity\">{}</span> <span class=\"rule-id\">{}</span> {}{}</li>",
            f.severity.key(),
            if confirmed.is_some() { " confirmed" } else { "" },
            f.rule.as_str(),
            f.severity.label(),
            f.rule.as_str(),
            escape(&f.message),
            confirmed.map_or(String::new(), |c| format!("<br><span class=\"note\">核实说明：{}</span>", escape(c))),
        ));
    }
    html.push_str("</ul>");
    html
}

/// This year's text with the passages that repeat last year's marked.
fn marked(text: &str, repeated: &[(usize, usize)]) -> String {
    let mut html = String::new();
    let mut at = 0;
    for &(a, b) in repeated {
        html.push_str(&escape(&text[at..a]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[a..b]));
        html.push_str("</mark>");
        at = b;
    }
    html.push_str(&escape(&text[at..]));
    html.replace('\n', "<br>")
}

/// Year on year: each text section's repetition of last year's (with the
/// passages marked), then every table cell this year, last year, change.
pub fn comparison(this: &Report, last: &Report) -> String {
    let mut html = format!(
        "<h3>与 {} 年报告对比</h3><div class=\"repetition\">",
        last.meta.year.map_or("上一".to_string(), |y| y.to_string())
    );
    for section in this.format.text_sections() {
        let m = repetition::measure(this.text(section.key), last.text(section.key));
        html.push_str(&format!(
            "<section><h4>{}</h4><p class=\"rate\" data-repetition=\"{}\">与上年重复：{}%</p><div class=\"text\">{}</div></section>",
            escape(section.heading),
            m.percent,
            m.percent,
            marked(this.text(section.key), &m.repeated),
        ));
    }
    html.push_str("</div><table class=\"changes\"><thead><tr><th scope=\"col\">单元格</th><th scope=\"col\">本年</th><th scope=\"col\">上年</th><th scope=\"col\">变化</th></tr></thead><tbody>");
    for (i, def) in this.format.cells().iter().enumerate() {
        let (now, before) = (
            &this.cells[i],
            last.cells.get(i).cloned().unwrap_or_default(),
        );
        let change = match (now.count(), before.count()) {
            (Some(a), Some(b)) if a >= b => format!("+{}", a - b),
            (Some(a), Some(b)) => format!("−{}", b - a),
            _ => String::new(),
        };
        html.push_str(&format!(
            "<tr data-key=\"{}\"><td>{} {}</td><td>{}</td><td>{}</td><td>{change}</td></tr>",
            escape(&def.key),
            escape(def.table.caption),
            escape(&def.name),
            escape(&now.display()),
            escape(&before.display()),
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// The figures the chart follows: label and cell key.
pub const CHART: &[(&str, &str)] = &[
    ("本年新收申请", "table3.new_received.total"),
    ("予以公开", "table3.disclosed.total"),
    ("行政复议", "table4.review.total"),
    ("行政诉讼", "table4.litigation_direct.total"),
];

/// An agency's main figures per year as an inline SVG line chart (three
/// years or more); 行政诉讼 counts both kinds.
pub fn chart(reports: &[&Report]) -> Option<String> {
    let mut years: Vec<(i32, [u64; 4])> = reports
        .iter()
        .filter_map(|r| {
            let value = |k: &str| r.cell(k).and_then(|c| c.count()).unwrap_or(0);
            let y = r.meta.year?;
            Some((
                y,
                [
                    value(CHART[0].1),
                    value(CHART[1].1),
                    value(CHART[2].1),
                    value(CHART[3].1) + value("table4.litigation_after_review.total"),
                ],
            ))
        })
        .collect();
    crate::sort::by_key(&mut years, |(y, _)| *y);
    years.dedup_by_key(|(y, _)| *y);
    if years.len() < 3 {
        return None;
    }
    let (w, h, pad) = (480u64, 200u64, 30u64);
    let max = years
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = years.len() as u64;
    let x = |i: u64| pad + i * (w - 2 * pad) / (n - 1);
    let y = |v: u64| h - pad - v * (h - 2 * pad) / max;
    const COLOURS: [&str; 4] = ["#1f5fa8", "#2e7d32", "#c77700", "#b3261e"];
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"历年主要数据\">"
    );
    svg.push_str(&format!(
        "<line x1=\"{pad}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>",
        h - pad,
        w - pad,
        h - pad
    ));
    for (i, (year, _)) in years.iter().enumerate() {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{year}</text>",
            x(i as u64),
            h - pad + 16
        ));
    }
    for (k, (label, _)) in CHART.iter().enumerate() {
        let points: Vec<String> = years
            .iter()
            .enumerate()
            .map(|(i, (_, v))| format!("{},{}", x(i as u64), y(v[k])))
            .collect();
        svg.push_str(&format!(
            "<polyline data-series=\"{label}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>",
            COLOURS[k],
            points.join(" ")
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{}\">{label}</text>",
            pad + k as u64 * 110,
            14,
            COLOURS[k]
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// 汇总: every summed cell with its key, flag and breakdown by unit.
pub fn aggregate(agg: &Aggregate, findings: &[Finding]) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let mut html = format!(
        "<p class=\"aggregate-status\">汇总 {} 个单位的报告；{} 个单元格需要核对；汇总结果有 {errors} 个错误。</p>",
        agg.breakdown.first().map_or(0, Vec::len),
        agg.flagged().count(),
    );
    for (key, units) in &agg.blame {
        let message = findings
            .iter()
            .find(|f| &f.key == key)
            .map_or("", |f| f.message.as_str());
        html.push_str(&format!(
            "<p class=\"blame\" data-blame=\"{}\">{}：{}</p>",
            escape(key),
            escape(message),
            if units.is_empty() {
                "各单位的数据单独看都没有这一错误，请核对各单位未填或填写有误的单元格".to_string()
            } else {
                format!("由以下单位自身的数据引起：{}", escape(&units.join("、")))
            }
        ));
    }
    html.push_str("<table class=\"aggregate\"><thead><tr><th scope=\"col\">单元格</th><th scope=\"col\">汇总值</th><th scope=\"col\">各单位</th></tr></thead><tbody>");
    for (i, def) in agg.report.format.cells().iter().enumerate() {
        let value = agg.report.cells[i].display();
        let flag = match &agg.flags[i] {
            Some(Flag::BlankIn(units)) => format!(
                "<span class=\"flag\">{} 未填，按其余单位合计</span>",
                escape(&units.join("、"))
            ),
            Some(Flag::InvalidIn(units)) if units.is_empty() => {
                "<span class=\"flag\">数值过大，未汇总</span>".to_string()
            }
            Some(Flag::InvalidIn(units)) => format!(
                "<span class=\"flag\">{} 填写的不是数值，未汇总</span>",
                escape(&units.join("、"))
            ),
            None => String::new(),
        };
        let units: String = agg.breakdown[i]
            .iter()
            .map(|(unit, cell)| format!("<li>{}：{}</li>", escape(unit), escape(&cell.display())))
            .collect();
        html.push_str(&format!(
            "<tr{}><td>{} {}</td><td data-key=\"{}\">{}</td><td><details data-breakdown=\"{}\"><summary>各单位{}</summary><ul>{units}</ul></details></td></tr>",
            if agg.flags[i].is_some() { " class=\"flagged\"" } else { "" },
            escape(def.table.caption),
            escape(&def.name),
            escape(&def.key),
            escape(&value),
            escape(&def.key),
            if flag.is_empty() { String::new() } else { format!(" {flag}") },
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// Whether a status counts as not publishable, for the 汇总 confirmation.
pub fn has_errors(rows: &[Row], indices: &[usize]) -> usize {
    indices
        .iter()
        .filter(|&&i| rows[i].status == Status::Blocked && rows[i].errors > 0)
        .count()
}
