//! Every rule on the real published reports of ../shared/samples, with the
//! findings each must produce written down. The reports are in
//! tests/fixtures/reports, built from the samples by build.py there.
//!
//! pingtan-2019-oldformat is in the 2019 trial format: it is imported (what
//! maps) and checked as it then stands.

use nianbao::model::Report;
use nianbao::rules::{check, Context};

fn load(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/reports/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Report::from_json_str(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn keys(report: &Report, last_year: Option<&Report>) -> Vec<String> {
    let ctx = Context {
        report,
        last_year,
        today: None,
    };
    check(&ctx).into_iter().map(|f| f.key).collect()
}

#[test]
fn tanggong_2023_two_spellings_of_the_name_and_no_fee_statement() {
    let report = load("tanggong-jiedao-2023");
    // The title says 唐宫街道办事处; the text says 唐宫路街道办事处 and 唐宫路办事处.
    assert_eq!(report.meta.agency, "西工区唐宫街道办事处");
    assert_eq!(
        keys(&report, None),
        ["NAME-CONSISTENT:唐宫路", "FEE-STATEMENT"]
    );
    let findings = check(&Context::new(&report));
    assert_eq!(
        findings[0].message,
        "正文中的“唐宫路街道办事处”“唐宫路办事处”与机关名称“西工区唐宫街道办事处”写法不一致"
    );
    // "2023 年未收到政府信息公开申请" agrees with an all-zero table 三.
    assert!(report
        .text("overview")
        .contains("2023 年未收到政府信息公开申请"));
}

#[test]
fn pingtan_2021_only_a_long_overview() {
    let report = load("pingtan-2021");
    // "共收到70件申请…办结69件，1件结转下年度" all agree with the tables.
    assert_eq!(keys(&report, None), ["OVERVIEW-LENGTH"]);
}

#[test]
fn pingtan_2022_heading_and_narrative_contradictions() {
    let last = load("pingtan-2021");
    let report = load("pingtan-2022");
    assert_eq!(
        keys(&report, Some(&last)),
        [
            "SECTIONS:heading:table4",
            "OVERVIEW-LENGTH",
            "TEXT-NUMBERS:new_received:75",
            "TEXT-NUMBERS:natural_person:72",
        ]
    );
    // Against 2021 as last year: 上年结转 1 = 2021's 结转 1, and 665 + 88 − 55 = 698.
    let ctx = Context {
        report: &report,
        last_year: Some(&last),
        today: None,
    };
    let found = check(&ctx);
    assert!(found
        .iter()
        .all(|f| !matches!(f.rule.as_str(), "CARRY-OVER" | "IN-FORCE" | "ABOLISH-BOUND")));
    let text = found
        .iter()
        .find(|f| f.key == "TEXT-NUMBERS:new_received:75")
        .unwrap();
    assert_eq!(
        text.message,
        "正文“全区收到政府信息公开申请75件”中的 75 与表三“本年新收”总计 74 不符（本年新收 74 + 上年结转 1 = 75：如正文指二者之和，请写明“含上年结转”，否则应为 74）"
    );
}

#[test]
fn a_wrong_carry_over_is_caught_across_the_real_pair() {
    let last = load("pingtan-2021");
    let mut report = load("pingtan-2022");
    report.set_cell(
        "table3.carried_over.natural_person",
        nianbao::model::Cell::Count(0),
    );
    report.recompute_totals();
    let found = keys(&report, Some(&last));
    assert!(
        found.contains(&"CARRY-OVER:natural_person".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"T3-BALANCE:natural_person".to_string()),
        "{found:?}"
    );
}

#[test]
fn pingtan_2019_old_format_imported_then_checked() {
    // The 2019 trial-format page, imported: it keeps that fact, and the checks
    // that exist only in the 2021 format (the fee statement, the 1000-字
    // guidance, the three （六） rows) are not raised on it; what does not map
    // (表二 of 2019) stays blank and is an error to fix.
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/pingtan-2019-oldformat.html"
    ))
    .unwrap();
    let report = nianbao::import::published::read(&page).unwrap().report;
    assert!(report.trial_2019);
    let found = check(&Context::new(&report));
    let keys: Vec<&str> = found.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["CELL-BLANK:table2", "OVERVIEW-TOPICS"]);
    // 表二 of 2019 is not mapped (10 blanks).
    assert_eq!(found[0].cells.len(), 10);
    assert!(found[1].message.ends_with("未见：依申请公开、政府信息管理"));
    // The same report without the mark gets the 2021 format's checks.
    let mut as_2021 = report.clone();
    as_2021.trial_2019 = false;
    let keys: Vec<String> = check(&Context::new(&as_2021))
        .into_iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(
        keys,
        [
            "CELL-BLANK:table2",
            "CELL-BLANK:table3",
            "OVERVIEW-LENGTH",
            "OVERVIEW-TOPICS",
            "FEE-STATEMENT"
        ]
    );
    // The mark survives the JSON round trip.
    let back = nianbao::model::Report::from_json_str(&report.to_json_string()).unwrap();
    assert!(back.trial_2019);
    assert!(report
        .to_json_string()
        .contains("\"trial_format\": \"2019\""));
    // 23 + 0 = 23 + 0: the arithmetic of the 2019 table 三 holds.
    assert!(found.iter().all(|f| !f.rule.as_str().starts_with("T3-")));
}
