//! How the text checks read real Chinese prose (issue: rules that read real
//! prose right). Each class of false alarm seen on real reports, with three
//! made-up phrasings each: the phrase with the right figure raises nothing,
//! the same phrase with a wrong figure is still caught. Then the
//! contradictions the tables hide.

use nianbao::import::published::read;
use nianbao::model::{Cell, Report};
use nianbao::rules::{check, Context, Finding};

/// A complete report: every cell 0 but those given, 六 with a fee statement.
fn report(cells: &[(&str, u64)]) -> Report {
    let mut r = Report::new();
    r.meta.agency = "某某市某某区某某街道办事处".into();
    r.meta.year = Some(2024);
    for (i, def) in r.format.cells().iter().enumerate() {
        r.cells[i] = Cell::parse("0", def.kind);
    }
    for (k, v) in cells {
        r.set_cell(k, Cell::Count(*v));
    }
    r.recompute_totals();
    r.set_text("other", "本年度未收取信息处理费。");
    r
}

fn with_text(mut r: Report, text: &str) -> Report {
    r.set_text("overview", text);
    r
}

/// The findings of one rule.
fn of(r: &Report, rule: &str) -> Vec<Finding> {
    check(&Context::new(r))
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The text raises no TEXT-NUMBERS finding.
fn clean(r: &Report, text: &str) {
    let found = of(&with_text(r.clone(), text), "TEXT-NUMBERS");
    assert!(found.is_empty(), "{text}: {found:#?}");
}

/// The text raises a TEXT-NUMBERS finding naming `figure`.
fn caught(r: &Report, text: &str, figure: &str) {
    let found = of(&with_text(r.clone(), text), "TEXT-NUMBERS");
    assert!(
        found.iter().any(|f| f.message.contains(figure)),
        "{text}: expected a finding about {figure}, got {found:#?}"
    );
}

// 1. Sums written in one phrase.
#[test]
fn a_sum_in_one_phrase_is_compared_with_the_sum() {
    let r = report(&[
        ("table3.new_received.natural_person", 57),
        ("table3.disclosed.natural_person", 30),
        ("table3.partially_disclosed.natural_person", 18),
        ("table3.withheld_third_party.natural_person", 2),
        ("table3.unavailable_not_held.natural_person", 3),
        ("table3.not_processed_repeated.natural_person", 4),
    ]);
    for text in [
        "本年度予以公开和部分公开共48件。",
        "办理结果中，予以公开及部分公开48件。",
        "全年予以公开与部分公开合计48件，不予公开、无法提供和不予处理共9件。",
    ] {
        clean(&r, text);
    }
    caught(&r, "本年度予以公开和部分公开共50件。", "50");
    caught(&r, "办理结果中，予以公开及部分公开47件。", "47");
    caught(&r, "不予公开、无法提供和不予处理共10件。", "10");
}

// 2. Counts in parentheses.
#[test]
fn a_count_in_parentheses_belongs_to_what_they_name() {
    let r = report(&[
        ("table3.new_received.natural_person", 301),
        ("table3.carried_over.natural_person", 11),
        ("table3.disclosed.natural_person", 312),
    ]);
    for text in [
        "全年办结申请312件（含上年结转申请11件）。",
        "共办结政府信息公开申请312件(其中上年结转11件)。",
        "本年共收到申请312件（含上年结转11件），均已办结。",
    ] {
        clean(&r, text);
    }
    caught(&r, "全年办结申请312件（含上年结转申请12件）。", "12");
    caught(&r, "共办结政府信息公开申请313件(其中上年结转11件)。", "313");
    caught(
        &r,
        "本年共收到申请313件（含上年结转11件），均已办结。",
        "313",
    );
}

// 3. Numerals that are not counts.
#[test]
fn numerals_in_set_phrases_are_words() {
    let r = report(&[
        ("table3.new_received.natural_person", 5),
        ("table3.disclosed.natural_person", 5),
    ]);
    for text in [
        "深化“一件事一次办”改革，推进一网通办、一窗受理。",
        "落实“办结一件、销号一件”机制，办结申请5件。",
        "一是规范办理，第一件申请当日办结；二是提供一站式服务，本年办结5件。",
    ] {
        clean(&r, text);
    }
    caught(&r, "深化“一件事一次办”改革，本年办结申请6件。", "6");
    caught(&r, "落实“办结一件、销号一件”机制，办结申请4件。", "4");
    caught(
        &r,
        "一是规范办理，第一件申请当日办结；二是本年办结7件。",
        "7",
    );
}

// 4. Negated or qualified statements.
#[test]
fn a_negated_outcome_says_nothing_about_the_count() {
    let r = report(&[
        ("table3.new_received.natural_person", 3),
        ("table3.disclosed.natural_person", 3),
        ("table4.review.upheld", 2),
        ("table4.litigation_direct.upheld", 1),
    ]);
    for text in [
        "全年未发生因政府信息公开被行政复议纠错的情况。",
        "本年度未出现行政复议被纠正的情形，也没有发生行政诉讼败诉案件。",
        "未发生因政府信息公开工作被投诉、被行政诉讼撤销的情况。",
    ] {
        clean(&r, text);
    }
    caught(&r, "全年未发生行政复议。", "行政复议");
    caught(&r, "本年度未出现行政诉讼。", "行政诉讼");
    caught(&r, "本年未收到政府信息公开申请。", "本年新收");
}

// 5. Agency names.
#[test]
fn agency_names_are_matched_by_their_distinctive_part() {
    let name = |agency: &str, text: &str| {
        let mut r = report(&[]);
        r.meta.agency = agency.into();
        of(&with_text(r, text), "NAME-CONSISTENT")
    };
    for (agency, text) in [
        (
            "某某省人民政府办公厅",
            "某某省人民政府办公厅认真贯彻《中华人民共和国政府信息公开条例》，回应人民群众关切，省政府办公厅主动公开政府信息。",
        ),
        (
            "某某市发展和改革委员会",
            "某某市发展和改革委员会推动高质量发展，发展和改革委员会党组高度重视。",
        ),
        (
            "洛阳市西工区唐宫路街道办事处",
            "唐宫路街\n道办事处坚持公开为常态，唐宫路 街道办事处主动公开。",
        ),
        (
            "某某县综合行政执法局",
            "某某县综合行政执法局严格执法，县综合行政执法局持续推进公开。",
        ),
    ] {
        let found = name(agency, text);
        assert!(found.is_empty(), "{agency}: {found:#?}");
    }
    let found = name(
        "洛阳市西工区唐宫路街道办事处",
        "唐宫街道办事处坚持公开为常态。",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("“唐宫街道办事处”"));
    let found = name("某某市发展和改革委员会", "某某市发展改革委员会推进公开。");
    assert!(
        found.iter().any(|f| f.message.contains("发展改革委员会")),
        "{found:#?}"
    );
    let found = name("某某县综合行政执法局", "某某乡综合行政执法局推进公开。");
    assert!(
        found.is_empty() || found[0].message.contains("某某乡"),
        "{found:#?}"
    );
}

// 6. The fee statement.
#[test]
fn any_statement_about_fees_is_a_fee_statement() {
    for text in [
        "本年度未发生收费情况。",
        "依申请公开工作中未收取任何费用。",
        "无收费事项。",
    ] {
        let mut r = report(&[]);
        r.set_text("other", text);
        assert!(of(&r, "FEE-STATEMENT").is_empty(), "{text}");
    }
    for text in [
        "无。",
        "本年度无其他需要报告的事项。",
        "持续做好政务公开工作。",
    ] {
        let mut r = report(&[]);
        r.set_text("other", text);
        assert_eq!(of(&r, "FEE-STATEMENT").len(), 1, "{text}");
    }
}

// 7. A heading split over two lines by a paste.
#[test]
fn a_heading_split_over_two_lines_is_still_the_heading() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/tanggong-jiedao-2023.txt"
    ))
    .unwrap();
    for (heading, split) in [
        ("六、其他需要报告的事项", "六、其他需要报告的\n事项"),
        (
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题\n及改进情况",
        ),
        (
            "四、政府信息公开行政复议、行政诉讼情况",
            "四、政府信息公开行政复议、\n行政诉讼情况",
        ),
    ] {
        assert!(text.contains(heading));
        let pasted = text.replacen(heading, split, 1);
        let got = read(&pasted).unwrap();
        assert!(
            got.sections.iter().all(Option::is_some),
            "{split}: {:?}",
            got.sections
        );
        assert!(
            got.report.headings.is_empty(),
            "{split}: {:?}",
            got.report.headings
        );
        // Exactly the findings of the unsplit text: no SECTIONS, no extra
        // FEE-STATEMENT because of the split.
        let keys = |r: &Report| -> Vec<String> {
            check(&Context::new(r)).into_iter().map(|f| f.key).collect()
        };
        let whole = read(&text).unwrap().report;
        assert_eq!(keys(&got.report), keys(&whole), "{split}");
        assert!(!keys(&got.report).iter().any(|k| k.starts_with("SECTIONS")));
        assert_eq!(got.report.text("other"), whole.text("other"));
    }
    // A heading that is really missing is still reported.
    let missing = text.replacen("六、其他需要报告的事项", "", 1);
    let got = read(&missing).unwrap();
    let found = check(&Context::new(&got.report));
    assert!(found.iter().any(|f| f.rule == "SECTIONS"), "{found:#?}");
}

// 8. A report from the 2019 trial format.
#[test]
fn the_2019_trial_format_is_kept_and_2021_only_checks_skip_it() {
    let mut r = report(&[]);
    r.set_text("other", "无。");
    r.set_text("overview", "全年主动公开政府信息。".repeat(120));
    for key in [
        "table3.other_overdue_correction.natural_person",
        "table3.other_unpaid_fee.commercial",
        "table3.other_other.total",
    ] {
        r.set_cell(key, Cell::Blank);
    }
    r.recompute_totals();
    let rules = |r: &Report| -> Vec<String> {
        check(&Context::new(r))
            .into_iter()
            .map(|f| f.rule.as_str().to_string())
            .collect()
    };
    let as_2021 = rules(&r);
    for rule in ["FEE-STATEMENT", "OVERVIEW-LENGTH", "CELL-BLANK"] {
        assert!(
            as_2021.iter().any(|x| x == rule),
            "2021: {rule} in {as_2021:?}"
        );
    }
    r.trial_2019 = true;
    // The mark is kept in the JSON, and read back.
    let back = Report::from_json_str(&r.to_json_string()).unwrap();
    assert!(back.trial_2019);
    let as_2019 = rules(&back);
    for rule in ["FEE-STATEMENT", "OVERVIEW-LENGTH", "CELL-BLANK"] {
        assert!(
            !as_2019.iter().any(|x| x == rule),
            "2019: {rule} in {as_2019:?}"
        );
    }
    // Any other blank cell is still reported on a 2019 report.
    let mut other = back.clone();
    other.set_cell("table3.disclosed.natural_person", Cell::Blank);
    assert!(rules(&other).iter().any(|x| x == "CELL-BLANK"));
}

// 9. A blank 总计 with its applicant cells filled.
#[test]
fn a_blank_total_stands_for_the_sum_of_its_applicant_cells() {
    let mut r = report(&[
        ("table3.new_received.natural_person", 3),
        ("table3.new_received.commercial", 2),
        ("table3.disclosed.natural_person", 3),
        ("table3.disclosed.commercial", 2),
    ]);
    for key in [
        "table3.new_received.total",
        "table3.disclosed.total",
        "table3.outcome_total.total",
    ] {
        r.set_cell(key, Cell::Blank);
    }
    for text in [
        "本年新收政府信息公开申请5件。",
        "全年予以公开5件。",
        "共收到申请5件，予以公开5件。",
    ] {
        clean(&r, text);
    }
    caught(&r, "本年新收政府信息公开申请6件。", "6");
    caught(&r, "全年予以公开4件。", "4");
    caught(&r, "共收到申请5件，予以公开7件。", "7");
}

// 10. Qualitative claims against the tables.
#[test]
fn claims_that_all_were_upheld_are_checked_against_table_four() {
    let upheld_only = report(&[
        ("table4.review.upheld", 2),
        ("table4.litigation_direct.upheld", 1),
    ]);
    let corrected = report(&[
        ("table4.review.upheld", 1),
        ("table4.review.corrected", 1),
        ("table4.litigation_after_review.pending", 1),
    ]);
    let texts = [
        "本年度行政复议、行政诉讼结果均为维持。",
        "涉及政府信息公开的行政复议案件均获维持。",
        "行政复议和行政诉讼全部维持原行政行为。",
    ];
    for text in texts {
        clean(&upheld_only, text);
        caught(&corrected, text, "结果纠正");
    }
    let found = of(&with_text(corrected.clone(), texts[0]), "TEXT-NUMBERS");
    assert!(found[0].message.contains("尚未审结"), "{found:#?}");
    assert!(found[0].message.contains(texts[0].trim_end_matches('。')));
    // The answers were on time: nothing in the tables says otherwise.
    clean(&corrected, "所有申请均在法定期限内答复。");
    // "未收到申请" while 表三 shows applications; "未发生行政复议、行政诉讼"
    // while 表四 is not 0 — the second item of the list counts too.
    let r = report(&[
        ("table3.new_received.natural_person", 2),
        ("table3.disclosed.natural_person", 2),
        ("table4.litigation_direct.upheld", 1),
    ]);
    caught(&r, "本年度未收到政府信息公开申请。", "本年新收");
    caught(&r, "全年未发生行政复议、行政诉讼。", "行政诉讼");
    clean(
        &report(&[]),
        "本年度未收到政府信息公开申请，未发生行政复议、行政诉讼。",
    );
}
