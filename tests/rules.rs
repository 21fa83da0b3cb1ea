//! The rule catalogue against RULES.md, the status line, DEADLINE and speed-
//! independent properties of `check`. Each rule's passing and failing reports
//! are in the unit tests of its module (src/rules/*.rs).

use nianbao::model::{Cell, Date, Report};
use nianbao::rules::{check, Context, Severity, Summary, CATALOGUE};

#[test]
fn catalogue_has_every_rule_of_rules_md_with_its_severity() {
    let text = include_str!("fixtures/RULES.md");
    let mut ids = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 3
            && cells[1]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && !cells[1].is_empty()
            && cells[1] != "---"
        {
            ids.push((cells[1].to_string(), cells[2].to_string()));
        }
    }
    assert_eq!(ids.len(), CATALOGUE.len(), "{ids:?}");
    for ((id, severity), rule) in ids.iter().zip(CATALOGUE) {
        assert_eq!(id, rule.id.as_str());
        assert!(
            severity.starts_with(rule.severity.key()),
            "{id}: {severity} vs {:?}",
            rule.severity
        );
    }
}

fn complete() -> Report {
    let mut r = Report::new();
    for (i, def) in r.format.cells().iter().enumerate() {
        r.cells[i] = Cell::parse("0", def.kind);
    }
    r.meta.agency = "某某县某某局".into();
    r.meta.year = Some(2024);
    r.set_text("overview", "（一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……");
    r.set_text("problems", "一是政策解读形式不够丰富，未能充分运用图表图解等方式解读政策文件；二是政务新媒体更新不及时。下一步将丰富解读形式，加强新媒体管理。");
    r.set_text("other", "本年度未收取信息处理费。");
    r
}

#[test]
fn status_line_says_publishable_only_without_errors_and_unconfirmed_warnings() {
    let mut r = complete();
    let found = check(&Context::new(&r));
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(Summary::of(&r, &found).status(), "可以发布");

    r.set_text("other", "无。");
    r.set_cell("table3.new_received.natural_person", Cell::Count(2));
    r.recompute_totals();
    let found = check(&Context::new(&r));
    let s = Summary::of(&r, &found);
    assert_eq!((s.errors, s.warnings), (2, 1));
    assert_eq!(s.status(), "还有 2 个错误、1 个未核实的警告，暂不宜发布");
    // Errors come first, then warnings.
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found.last().unwrap().rule, "FEE-STATEMENT");

    // A confirmed warning no longer blocks; errors cannot be confirmed away.
    r.confirmations.insert(
        "FEE-STATEMENT".into(),
        "已核实：本年未收费，补充说明".into(),
    );
    r.confirmations
        .insert("T3-BALANCE:natural_person".into(), "不算".into());
    let s = Summary::of(&r, &check(&Context::new(&r)));
    assert_eq!((s.errors, s.warnings, s.confirmed), (2, 0, 1));
    r.set_cell("table3.disclosed.natural_person", Cell::Count(2));
    r.recompute_totals();
    assert_eq!(
        Summary::of(&r, &check(&Context::new(&r))).status(),
        "可以发布"
    );
}

#[test]
fn deadline_counts_days_and_warns_after_it() {
    let r = complete();
    let at = |today: Date| {
        let ctx = Context {
            report: &r,
            last_year: None,
            today: Some(today),
        };
        check(&ctx)
            .into_iter()
            .find(|f| f.rule == "DEADLINE")
            .map(|f| (f.severity, f.message))
    };
    assert_eq!(
        at(Date::new(2025, 1, 10)),
        Some((
            Severity::Info,
            "距报送期限（2025年1月31日）还有 21 天".to_string()
        ))
    );
    assert_eq!(
        at(Date::new(2025, 2, 3)),
        Some((
            Severity::Warning,
            "已超过报送期限（2025年1月31日）3 天".to_string()
        ))
    );
    let mut adjusted = complete();
    adjusted.meta.deadline = Some(Date::new(2025, 1, 15));
    let ctx = Context {
        report: &adjusted,
        last_year: None,
        today: Some(Date::new(2025, 1, 10)),
    };
    let f = check(&ctx)
        .into_iter()
        .find(|f| f.rule == "DEADLINE")
        .unwrap();
    assert_eq!(f.message, "距报送期限（2025年1月15日）还有 5 天");
    assert_eq!(f.focus_key(&adjusted).as_deref(), Some("meta.deadline"));
}

#[test]
fn every_finding_can_be_focused() {
    let mut r = Report::new();
    r.meta.year = Some(2023);
    r.meta.agency = "某某街道办事处".into();
    r.preamble = "统计期限自2022年1月1日起至2022年12月31日止。".into();
    r.set_cell(
        "table3.new_received.natural_person",
        Cell::Invalid("x".into()),
    );
    let found = check(&Context {
        report: &r,
        last_year: None,
        today: Some(Date::new(2024, 1, 1)),
    });
    assert!(found.len() >= 5);
    for f in &found {
        let key = f
            .focus_key(&r)
            .unwrap_or_else(|| panic!("{f} has nowhere to focus"));
        assert!(
            key.starts_with("table")
                || key.starts_with("sections.")
                || key.starts_with("meta.")
                || key == "preamble",
            "{key}"
        );
    }
}
