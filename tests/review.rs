//! The batch core of the 审核台 and `nianbao-check`: reading many files,
//! the overview rows, duplicates, year-on-year pairing, the repetition
//! measure, the CSV files and 汇总.

// (Test code: std sorts allowed, see clippy.toml.)
#![allow(clippy::disallowed_methods)]

use nianbao::import::job::Native;
use nianbao::model::{Cell, Report};
use nianbao::review::aggregate::{aggregate, Flag};
use nianbao::review::{self, csv, read_item, repetition, Item, Status};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn json_item(name: &str, report: &Report) -> Item {
    read_item(name, report.to_json_string().as_bytes(), &Native)
}

fn report(agency: &str, year: i32, cells: &[(&str, u64)]) -> Report {
    let mut r = Report::new();
    r.meta.agency = agency.into();
    r.meta.year = Some(year);
    for (i, def) in r.format.cells().iter().enumerate() {
        r.cells[i] = Cell::parse("0", def.kind);
    }
    for (k, v) in cells {
        r.set_cell(k, Cell::Count(*v));
    }
    r.recompute_totals();
    r.set_text(
        "overview",
        "主动公开、依申请公开、政府信息管理、平台建设、监督保障工作有序开展。",
    );
    r.set_text(
        "problems",
        "存在的主要问题是政策解读形式单一、基层公开标准目录更新不及时。下一步将丰富图解、视频等解读形式，按季度更新公开标准目录并加强督促检查。",
    );
    r.set_text("other", "本年度未收取信息处理费。");
    r
}

#[test]
fn files_of_every_kind_become_items_or_reasons() {
    let items = [
        read_item(
            "a/pingtan-2022.html",
            &fixture("samples/pingtan-2022.html"),
            &Native,
        ),
        read_item(
            "b/tanggong.gbk.htm",
            &fixture("samples/tanggong-jiedao-2023-gbk.html"),
            &Native,
        ),
        read_item(
            "c/tanggong.txt",
            &fixture("samples/tanggong-jiedao-2023.txt"),
            &Native,
        ),
        read_item(
            "d/pingtan-2021.json",
            &fixture("reports/pingtan-2021.json"),
            &Native,
        ),
        read_item("e/notes.txt", "会议通知".as_bytes(), &Native),
        read_item("f/report.pdf", b"%PDF-1.7", &Native),
        read_item("g/photo.png", b"\x89PNG", &Native),
        read_item("h/broken.json", b"{", &Native),
    ];
    let agencies: Vec<String> = items
        .iter()
        .map(|i| {
            i.report
                .as_ref()
                .map_or(String::new(), |r| r.meta.agency.clone())
        })
        .collect();
    assert_eq!(
        &agencies[..4],
        [
            "平潭综合实验区",
            "西工区唐宫街道办事处",
            "西工区唐宫街道办事处",
            "平潭综合实验区"
        ]
    );
    let why = |i: usize| items[i].report.as_ref().unwrap_err().clone();
    assert!(why(4).starts_with("没有识别出"), "{}", why(4));
    assert!(why(5).starts_with("这个 PDF 文件已损坏或不完整"));
    assert!(why(6).starts_with("图片中的文字无法读取"), "{}", why(6));
    assert!(why(7).contains("JSON"));
}

/// A .zip of the units' reports, zipped as Windows does on a Chinese
/// system (names in GBK, not marked UTF-8; tests/fixtures/archive/make.py):
/// its reports listed by their paths inside and read as files picked one by
/// one; a PDF and a zip inside it listed with what to do; a spreadsheet,
/// Word's lock file and macOS's hidden file passed over, counted.
#[test]
fn an_archive_of_reports_is_read_file_by_file() {
    use nianbao::review::archive;
    let zip = fixture("archive/units.zip");
    assert!(archive::is_archive("各单位.ZIP") && !archive::is_archive("年报.docx"));
    let listing = archive::list("各单位.zip", &zip, &Native).unwrap();
    let files: Vec<&str> = listing.entries.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "各单位.zip/财政局/平潭2022年报.html",
            "各单位.zip/教育局/唐宫街道2023年报.docx",
            "各单位.zip/旧/去年.zip",
            "各单位.zip/扫描件.pdf",
        ]
    );
    assert_eq!(listing.skipped, 3);
    let (items, skipped) = archive::read_all("各单位.zip", &zip, &Native).unwrap();
    assert_eq!(skipped, 3);
    // Each report as the same file picked on its own.
    for (item, path) in items.iter().zip([
        "samples/pingtan-2022.html",
        "forms/tanggong-jiedao-2023/page.docx",
    ]) {
        let alone = read_item(path, &fixture(path), &Native);
        assert_eq!(item.report, alone.report, "{}", item.file);
        assert_eq!(item.notes, alone.notes);
        assert!(item.report.is_ok());
    }
    assert!(matches!(&items[2].report, Err(why) if why.starts_with("压缩包中的压缩包不读取")));
    assert_eq!(items[3].report, Err(nianbao::import::pdf::damaged()));
    // A damaged or cut-off archive, or one that is no zip, says so.
    for bad in [&zip[..zip.len() / 2], b"PK\x03\x04", b"not a zip"] {
        assert!(archive::list("坏.zip", bad, &Native)
            .unwrap_err()
            .starts_with("压缩包已损坏"));
    }
    // More files than are listed: the last entry says the rest were not read.
    let names: Vec<(String, String)> = (0..=archive::MAX_FILES)
        .map(|i| (format!("{i}.txt"), String::new()))
        .collect();
    let refs: Vec<(&str, String)> = names.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let many = nianbao::export::docx::zip(&refs);
    let listing = archive::list("多.zip", &many, &Native).unwrap();
    assert_eq!(listing.entries.len(), archive::MAX_FILES + 1);
    let last = listing.entries.last().unwrap();
    assert_eq!(last.file, "多.zip");
    assert!(last.problem.as_deref().unwrap().contains("其余未读取"));
    // A file that cannot be had (its local header damaged): that file's
    // reason, the rest read.
    let gbk = b"\xb2\xc6\xd5\xfe\xbe\xd6/\xc6\xbd"; // 财政局/平
    let name = zip.windows(gbk.len()).position(|w| w == gbk).unwrap();
    let mut damaged = zip.clone();
    assert_eq!(&damaged[name - 30..name - 26], b"PK\x03\x04");
    damaged[name - 30] = b'X';
    let (items, _) = archive::read_all("各单位.zip", &damaged, &Native).unwrap();
    assert!(
        matches!(&items[0].report, Err(why) if why.starts_with("压缩包中的这个文件已损坏")),
        "{}",
        items[0].file
    );
    assert!(items[1].report.is_ok());
}

#[test]
fn overview_rows_pair_years_and_mark_duplicates() {
    let last = report(
        "甲镇人民政府",
        2023,
        &[
            ("table3.carried_forward.natural_person", 2),
            ("table3.new_received.natural_person", 2),
        ],
    );
    // This year's 上年结转 should be 2: it is 1, an error only the pairing finds.
    let this = report(
        "甲镇人民政府",
        2024,
        &[
            ("table3.carried_over.natural_person", 1),
            ("table3.new_received.natural_person", 3),
            ("table3.disclosed.natural_person", 4),
        ],
    );
    let clean = report("乙街道办事处", 2024, &[]);
    let mut twice = clean.clone();
    twice.set_text("other", "本年度未收取信息处理费，特此说明。");
    let items = vec![
        json_item("甲2024.json", &this),
        json_item("甲2023.json", &last),
        json_item("乙.json", &clean),
        json_item("乙-复本.json", &twice),
        read_item("坏.json", b"not json", &Native),
    ];
    assert_eq!(
        review::last_years(&items),
        [Some(1), None, None, None, None]
    );
    let findings = review::check_all(&items, None);
    assert!(
        findings[0].iter().any(|f| f.rule == "CARRY-OVER"),
        "{:#?}",
        findings[0]
    );
    let rows = review::rows(&items, &findings);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0].status, Status::Blocked);
    assert!(rows[0].errors >= 1);
    assert!(
        rows[0].first_error.contains("上年结转"),
        "{}",
        rows[0].first_error
    );
    assert_eq!(
        (rows[2].status, rows[2].errors, rows[2].warnings),
        (Status::Publishable, 0, 0),
        "{:#?}",
        findings[2]
    );
    assert!(rows[2].duplicate && rows[3].duplicate);
    assert!(!rows[0].duplicate && !rows[1].duplicate);
    assert_eq!(rows[4].status, Status::Unreadable);
    assert!(
        rows[4].first_error.starts_with("不是有效的 JSON"),
        "{}",
        rows[4].first_error
    );
    assert_eq!(rows[0].year, Some(2024));
    assert_eq!(rows[2].agency, "乙街道办事处");
}

#[test]
fn repetition_of_last_years_text() {
    let last = "2023年，我区持续深化政务公开。全年主动公开信息1200条。政策解读形式不够丰富。";
    let same = repetition::measure(last, last);
    assert_eq!(same.percent, 100);
    // Only the figures changed: still a repetition.
    let figures = "2024年，我区持续深化政务公开。全年主动公开信息1350条。政策解读形式不够丰富。";
    assert_eq!(repetition::measure(figures, last).percent, 100);
    let new = "围绕优化营商环境，新增惠企政策专栏。建立政策文件清理台账，按季度更新。";
    let fresh = repetition::measure(new, last);
    assert_eq!(fresh.percent, 0);
    assert!(fresh.repeated.is_empty());
    let half = format!("{new}政策解读形式不够丰富。");
    let m = repetition::measure(&half, last);
    assert!(m.percent > 10 && m.percent < 50, "{}", m.percent);
    assert_eq!(m.repeated.len(), 1);
    let (a, b) = m.repeated[0];
    assert_eq!(&half[a..b], "政策解读形式不够丰富。");
    assert_eq!(repetition::measure("", last).percent, 0);
}

#[test]
fn csv_fields_are_quoted_as_excel_expects() {
    assert_eq!(csv::field("普通"), "普通");
    assert_eq!(csv::field("a,b"), "\"a,b\"");
    assert_eq!(csv::field("他说\"是\""), "\"他说\"\"是\"\"\"");
    assert_eq!(csv::field("两\n行"), "\"两\n行\"");
    let mut r = report("丙局", 2024, &[("table3.new_received.natural_person", 1)]);
    r.set_cell(
        "table3.disclosed.natural_person",
        Cell::Invalid("一,件".into()),
    );
    r.confirmations
        .insert("FEE-STATEMENT".into(), "已核实，\n另见\"说明\"".into());
    r.set_text("other", "无。");
    r.recompute_totals();
    let items = vec![json_item("丙.json", &r), read_item("x.pdf", b"", &Native)];
    let findings = review::check_all(&items, None);
    let text = csv::findings(&items, &findings);
    assert!(text.starts_with("\u{FEFF}机关,年度,规则,级别,说明,核实说明\r\n"));
    assert!(text.contains("丙局,2024,FEE-STATEMENT,警告,"));
    assert!(
        text.contains(",\"已核实，\n另见\"\"说明\"\"\"\r\n"),
        "{text}"
    );
    assert_eq!(text.matches("\r\n").count(), findings[0].len() + 1);
    let cells = csv::cells(&items);
    let lines: Vec<&str> = cells.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "unreadable files have no row");
    assert!(lines[0]
        .starts_with("\u{FEFF}文件,机关,机关层级,年度,主动公开政府信息情况 规章 本年制发件数,"));
    assert!(
        lines[0].contains("收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 自然人")
    );
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header.len(), 4 + r.format.cells().len());
    assert!(lines[1].starts_with("丙.json,丙局,,2024,0,"));
    assert!(lines[1].contains(",\"一,件\","));
}

#[test]
fn aggregate_sums_cell_by_cell_and_flags_what_it_cannot_sum() {
    let mut a = report(
        "甲街道",
        2024,
        &[
            ("table3.new_received.natural_person", 3),
            ("table3.disclosed.natural_person", 3),
        ],
    );
    let mut b = report(
        "乙街道",
        2024,
        &[
            ("table3.new_received.natural_person", 2),
            ("table3.disclosed.natural_person", 2),
        ],
    );
    let c = report(
        "丙镇",
        2024,
        &[
            ("table3.new_received.commercial", 1),
            ("table3.disclosed.commercial", 1),
        ],
    );
    a.set_cell(
        "table2.fees.amount",
        Cell::parse("1.25", nianbao::format::Kind::Amount),
    );
    b.set_cell(
        "table2.fees.amount",
        Cell::parse("0.5", nianbao::format::Kind::Amount),
    );
    b.set_cell("table2.regulations.issued", Cell::Blank);
    a.set_cell("table2.licensing.decisions", Cell::Invalid("若干".into()));
    let mut all_blank = [a.clone(), b.clone(), c.clone()];
    for r in &mut all_blank {
        r.set_cell("table2.punishment.decisions", Cell::Blank);
    }
    let units: Vec<(String, &Report)> = ["甲街道", "乙街道", "丙镇"]
        .iter()
        .map(|n| n.to_string())
        .zip(all_blank.iter())
        .collect();
    let sum = aggregate(&units).unwrap();
    let f = sum.report.format;
    let at = |k: &str| f.cell_index(k).unwrap();
    let cell = |k: &str| sum.report.cells[at(k)].clone();
    assert_eq!(cell("table3.new_received.natural_person"), Cell::Count(5));
    assert_eq!(cell("table3.new_received.commercial"), Cell::Count(1));
    assert_eq!(
        cell("table3.new_received.total"),
        Cell::Count(6),
        "totals recomputed"
    );
    assert_eq!(cell("table3.outcome_total.total"), Cell::Count(6));
    assert_eq!(cell("table2.fees.amount").display(), "1.75");
    assert_eq!(
        cell("table4.review.total"),
        Cell::Count(0),
        "zeros sum to zero"
    );
    // Blank in one unit: summed over the others, flagged naming it.
    assert_eq!(cell("table2.regulations.issued"), Cell::Count(0));
    assert_eq!(
        sum.flags[at("table2.regulations.issued")],
        Some(Flag::BlankIn(vec!["乙街道".into()]))
    );
    // Not a number in one unit: left blank, flagged, never guessed.
    assert_eq!(cell("table2.licensing.decisions"), Cell::Blank);
    assert_eq!(
        sum.flags[at("table2.licensing.decisions")],
        Some(Flag::InvalidIn(vec!["甲街道".into()]))
    );
    // Blank everywhere: blank, no flag.
    assert_eq!(cell("table2.punishment.decisions"), Cell::Blank);
    assert_eq!(sum.flags[at("table2.punishment.decisions")], None);
    assert_eq!(sum.flagged().count(), 2);
    // The breakdown by unit of every cell.
    assert_eq!(
        sum.breakdown[at("table3.new_received.natural_person")],
        [
            ("甲街道".to_string(), Cell::Count(3)),
            ("乙街道".to_string(), Cell::Count(2)),
            ("丙镇".to_string(), Cell::Count(0))
        ]
    );
    assert_eq!(sum.report.meta.year, Some(2024));
    assert!(sum.report.meta.agency.is_empty());
    assert!(sum.report.preamble.contains("汇总本级 3 个单位"));
    // A sum of correct reports is correct: no arithmetic error.
    let found = nianbao::rules::check(&nianbao::rules::Context::new(&sum.report));
    assert!(
        !found
            .iter()
            .any(|f| f.rule.as_str().starts_with("T3-") || f.rule == "T4-SUM"),
        "{found:#?}"
    );
    // Its only error is the cells left blank, blamed on the units that left them blank.
    assert!(
        sum.blame.iter().all(|(k, _)| k.starts_with("CELL-BLANK")),
        "{:?}",
        sum.blame
    );
    // A unit whose own table 三 does not balance: the sum's error names it.
    let mut wrong = report("丁街道", 2024, &[("table3.new_received.natural_person", 4)]);
    wrong.set_cell("table3.disclosed.natural_person", Cell::Count(1));
    wrong.recompute_totals();
    let with_wrong =
        aggregate(&[("甲街道".to_string(), &a), ("丁街道".to_string(), &wrong)]).unwrap();
    assert!(!with_wrong.blame.is_empty());
    let arithmetic: Vec<_> = with_wrong
        .blame
        .iter()
        .filter(|(k, _)| k.starts_with("T3-"))
        .collect();
    assert!(!arithmetic.is_empty(), "{:?}", with_wrong.blame);
    assert!(
        arithmetic
            .iter()
            .all(|(_, units)| units == &["丁街道".to_string()]),
        "{:?}",
        with_wrong.blame
    );
    let found = nianbao::rules::check(&nianbao::rules::Context::new(&with_wrong.report));
    let html = nianbao::review::page::aggregate(&with_wrong, &found);
    assert!(html.contains("由以下单位自身的数据引起：丁街道"), "{html}");
    // Reports of two years are not summed.
    let other = report("丁镇", 2023, &[]);
    let e = aggregate(&[("甲街道".to_string(), &a), ("丁镇".to_string(), &other)]).unwrap_err();
    assert!(e.starts_with("所选报告不是同一年度"), "{e}");
    assert!(aggregate(&[]).is_err());
}

/// A batch learns who and which year a saved page is from its title alone,
/// and that agrees with reading the whole page.
#[test]
fn identify_agrees_with_the_whole_read() {
    for name in [
        "pingtan-2021.html",
        "pingtan-2022.html",
        "tanggong-jiedao-2023-gbk.html",
        "tanggong-jiedao-2023.txt",
    ] {
        let bytes = fixture(&format!("samples/{name}"));
        let item = read_item(name, &bytes, &Native);
        let r = item.report.as_ref().unwrap();
        assert_eq!(
            review::identify(name, &bytes, &Native),
            Some((review::agency_key(r), r.meta.year.unwrap())),
            "{name}"
        );
    }
    assert_eq!(
        nianbao::import::published::identify("<title>通知公告</title>"),
        None
    );
}

#[test]
fn the_review_page_views() {
    use nianbao::review::page::{self, View};
    let mut a = report(
        "甲镇<人民>政府",
        2024,
        &[
            ("table3.new_received.natural_person", 3),
            ("table3.disclosed.natural_person", 3),
        ],
    );
    a.meta.level = Some(nianbao::model::Level::Township);
    let b = report("乙局", 2023, &[]);
    let mut bad = report("丙局", 2024, &[("table3.new_received.natural_person", 5)]);
    bad.set_text("other", "无。");
    let items = vec![
        json_item("a.json", &a),
        json_item("b.json", &b),
        json_item("c.json", &bad),
        read_item("d.pdf", b"", &Native),
    ];
    let findings = review::check_all(&items, None);
    let rows = review::rows(&items, &findings);
    let html = page::overview(&rows, &View::default(), Some(0));
    assert_eq!(html.matches("<tr data-report-row").count(), 4);
    assert!(html.contains(r#"data-agency="甲镇&lt;人民&gt;政府" data-year="2024" data-status="publishable" data-errors="0" data-warnings="0" data-file="a.json" class="selected""#), "{html}");
    assert!(html.contains(r#"data-status="blocked""#));
    assert!(html.contains(r#"data-status="unreadable""#));
    // Filters and sorting.
    let only = |v: View| page::shown(&rows, &v);
    assert_eq!(
        only(View {
            status: "blocked".into(),
            ..View::default()
        }),
        [2]
    );
    assert_eq!(
        only(View {
            year: "2023".into(),
            ..View::default()
        }),
        [1]
    );
    assert_eq!(
        only(View {
            level: "乡镇/街道".into(),
            ..View::default()
        }),
        [0]
    );
    assert_eq!(
        only(View {
            search: "乙".into(),
            ..View::default()
        }),
        [1]
    );
    assert_eq!(
        only(View {
            sort: Some(("errors".into(), false)),
            ..View::default()
        })[0],
        2
    );
    assert_eq!(
        only(View {
            sort: Some(("year".into(), true)),
            ..View::default()
        })[..2],
        [3, 1]
    );
    let (levels, years) = page::choices(&rows);
    assert_eq!(
        (levels, years),
        (vec!["乡镇/街道".to_string()], vec![2024, 2023])
    );
    // Findings with data-rule; comparison with repetition rates.
    let f = page::findings(&findings[2], &bad);
    assert!(f.contains("data-rule=\"FEE-STATEMENT\""));
    let mut copied = b.clone();
    copied.meta.year = Some(2024);
    copied.set_text(
        "problems",
        "今年新发现的问题是公开目录更新慢，下一步按月更新。",
    );
    let cmp = page::comparison(&copied, &b);
    assert!(
        cmp.contains("data-repetition=\"100\">与上年重复：100%"),
        "{cmp}"
    );
    assert!(cmp.contains("data-repetition=\"0\""));
    assert!(cmp.contains("<mark>"));
    // The chart needs three years.
    let mut y3 = b.clone();
    y3.meta.year = Some(2022);
    assert!(page::chart(&[&a, &b]).is_none());
    let svg = page::chart(&[&a, &b, &y3]).unwrap();
    assert_eq!(svg.matches("<polyline").count(), 4);
    assert!(svg.contains(">2022<") && svg.contains(">2024<"));
    // 汇总: summed cells keep data-key, each with its breakdown.
    let agg =
        nianbao::review::aggregate::aggregate(&[("甲".into(), &a), ("丙".into(), &bad)]).unwrap();
    let html = page::aggregate(&agg, &[]);
    assert!(
        html.contains(r#"<td data-key="table3.new_received.natural_person">8</td>"#),
        "{}",
        &html[..400]
    );
    assert!(html.contains(r#"<details data-breakdown="table3.new_received.natural_person">"#));
    assert!(html.contains("<li>甲：3</li><li>丙：5</li>"));
}

#[test]
fn the_overview_shows_two_hundred_rows_at_a_time() {
    use nianbao::review::page::{self, View, PAGE};
    let items: Vec<Item> = (0..PAGE + 5)
        .map(|i| {
            json_item(
                &format!("{i}.json"),
                &report(&format!("单位{i}"), 2024, &[]),
            )
        })
        .collect();
    let findings = review::check_all(&items, None);
    let rows = review::rows(&items, &findings);
    let html = page::overview(&rows, &View::default(), None);
    assert_eq!(html.matches("<tr data-report-row").count(), PAGE);
    assert!(html.contains("还有 5 份未显示") && html.contains("data-action=\"more\""));
    let all = page::overview(
        &rows,
        &View {
            limit: PAGE * 2,
            ..View::default()
        },
        None,
    );
    assert_eq!(all.matches("<tr data-report-row").count(), PAGE + 5);
    assert!(!all.contains("data-action=\"more\""));
}

/// A page's review notes reach the batch (the 审核台's detail shows them).
#[test]
fn the_importers_notes_reach_the_item() {
    let text = String::from_utf8(fixture("samples/tanggong-jiedao-2023.txt")).unwrap();
    let twice = format!("{text}\n{text}");
    let item = read_item("twice.txt", twice.as_bytes(), &Native);
    assert!(item.report.is_ok());
    assert!(
        item.notes.iter().any(|n| n.contains("出现了 2 次")),
        "{:?}",
        item.notes
    );
    let old = read_item(
        "old.html",
        &fixture("samples/pingtan-2019-oldformat.html"),
        &Native,
    );
    assert!(
        old.notes.iter().any(|n| n.contains("2019 年试行格式")),
        "{:?}",
        old.notes
    );
}

/// The 审核台 reads a published file in the importer worker, which sends
/// the item back as our JSON and its notes: what arrives is what
/// `read_item` reads (so the page's CSV files are nianbao-check's), for
/// every kind of file the fixtures hold, read or not.
#[test]
fn an_item_sent_by_the_importer_worker_arrives_whole() {
    let root = format!("{}/tests/fixtures/forms", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .filter(|d| d.path().is_dir() && d.file_name() != "found")
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    files.sort();
    let mut read = 0;
    for path in &files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).unwrap();
        let whole = read_item(&name, &bytes, &Native);
        if review::read_plain(&name, &bytes).is_some() {
            continue;
        }
        let sent = review::read_published(&name, &bytes, &Native).sent();
        let arrived = Item::received(name.clone(), sent);
        assert_eq!(arrived, whole, "{name}");
        read += usize::from(whole.report.is_ok());
    }
    assert!(read >= 30, "only {read} of {} files read", files.len());
    // A report the page cannot read back is unreadable, with why.
    let broken = Item::received("x.html".into(), Ok(("{".into(), vec![])));
    assert!(broken.report.unwrap_err().contains("导入组件"));
}
