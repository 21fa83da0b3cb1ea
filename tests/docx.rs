//! The Word document: read back with an independent zip reader (which checks
//! every CRC) and XML parser. Every required part and relationship, every
//! part well-formed, the merged cells as the layout has them, the page set
//! up as GB/T 9704 asks, and user text escaped or dropped as XML requires.

use nianbao::export::docx;
use nianbao::format::layout::{self, Slot};
use nianbao::model::Report;
use std::io::Read;

fn fixture(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/reports/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Report::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every entry of the package, read and CRC-checked by the zip crate.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .1
}

/// A table's grid column widths (twips).
fn grid_widths(tbl: roxmltree::Node) -> Vec<u32> {
    tbl.descendants()
        .filter(|n| n.has_tag_name("gridCol"))
        .map(|n| {
            n.attribute((
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "w",
            ))
            .unwrap()
            .parse()
            .unwrap()
        })
        .collect()
}

#[test]
fn every_part_and_relationship_is_there_and_well_formed() {
    let parts = unzip(&docx::render(&fixture("pingtan-2022")));
    for (name, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for required in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    ] {
        assert!(names.contains(&required), "{required} in {names:?}");
    }
    // Every relationship's target exists, and every part has a content type.
    let types = part(&parts, "[Content_Types].xml");
    for rels in ["_rels/.rels", "word/_rels/document.xml.rels"] {
        let doc = roxmltree::Document::parse(part(&parts, rels)).unwrap();
        let dir = if rels.starts_with("word/") {
            "word/"
        } else {
            ""
        };
        for r in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
            let target = format!("{dir}{}", r.attribute("Target").unwrap());
            assert!(names.contains(&target.as_str()), "{rels} → {target}");
            if target.ends_with(".xml") {
                assert!(
                    types.contains(&format!("PartName=\"/{target}\"")),
                    "{target} has a content type"
                );
            }
        }
    }
    // The document names its footers by the ids the relationships give.
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("w:footerReference w:type=\"default\" r:id=\"rId4\""));
    assert!(document.contains("w:footerReference w:type=\"even\" r:id=\"rId5\""));
    assert!(part(&parts, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
}

#[test]
fn the_page_and_the_fonts_follow_gb_t_9704() {
    let parts = unzip(&docx::render(&fixture("pingtan-2022")));
    let document = part(&parts, "word/document.xml");
    // A4; 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm: right 26 mm, bottom 35 mm.
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(
        document.contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""),
        "{}",
        &document[document.len() - 700..]
    );
    // 22 lines: 225 mm / 22 = 579 twips each.
    assert!(document.contains("w:linePitch=\"579\""));
    let styles = part(&parts, "word/styles.xml");
    for (style, font, size) in [
        ("Title", "方正小标宋简体", 44),
        ("Normal", "仿宋_GB2312", 32),
        ("Heading1", "黑体", 32),
        ("Heading2", "楷体_GB2312", 32),
        ("TableText", "宋体", 21),
    ] {
        let at = styles.find(&format!("w:styleId=\"{style}\"")).unwrap();
        let rest = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            rest.contains(&format!("w:eastAsia=\"{font}\"")),
            "{style}: {rest}"
        );
        assert!(
            rest.contains(&format!("<w:sz w:val=\"{size}\"/>")),
            "{style}: {rest}"
        );
    }
    assert!(
        styles.contains("w:firstLineChars=\"200\"") && styles.contains("<w:jc w:val=\"both\"/>")
    );
    let fonts = part(&parts, "word/fontTable.xml");
    for (font, alt) in [
        ("方正小标宋简体", "宋体"),
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
    ] {
        assert!(
            fonts.contains(&format!("w:name=\"{font}\"><w:altName w:val=\"{alt}\"/>")),
            "{font}"
        );
    }
    // Page numbers 「— N —」, odd right, even left.
    let odd = part(&parts, "word/footer1.xml");
    let even = part(&parts, "word/footer2.xml");
    assert!(odd.contains("<w:jc w:val=\"right\"/>") && even.contains("<w:jc w:val=\"left\"/>"));
    assert!(odd.contains("— </w:t>") && odd.contains(" PAGE ") && odd.contains(" —</w:t>"));
    // Headings and the title in their styles; every section heading present.
    let report = fixture("pingtan-2022");
    assert!(document.contains(&format!(
        "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t>",
        report.title()
    )));
    for s in report.format.sections {
        assert!(
            document.contains(&format!(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t>",
                s.heading
            )),
            "{}",
            s.heading
        );
    }
}

#[test]
fn merged_cells_match_the_layout_data() {
    let report = fixture("pingtan-2022");
    let document = docx::document_xml(&report);
    let doc = roxmltree::Document::parse(&document).unwrap();
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .collect();
    assert_eq!(tables.len(), 3);
    for (tbl, table) in tables.iter().zip(report.format.tables) {
        let rows = layout::table_rows(report.format, table);
        let width = layout::width(&rows);
        let trs: Vec<_> = tbl.children().filter(|n| n.has_tag_name("tr")).collect();
        assert_eq!(trs.len(), rows.len(), "{}", table.key);
        let w = |n: roxmltree::Node, tag: &str| {
            n.descendants().find(|d| d.has_tag_name(tag)).map(|d| {
                d.attribute((
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "val",
                ))
                .unwrap_or("continue")
                .to_string()
            })
        };
        for (tr, row) in trs.iter().zip(&rows) {
            let tcs: Vec<_> = tr.children().filter(|n| n.has_tag_name("tc")).collect();
            // Every row covers the whole grid.
            let covered: usize = tcs
                .iter()
                .map(|tc| w(*tc, "gridSpan").map_or(1, |v| v.parse().unwrap()))
                .sum();
            assert_eq!(covered, width, "{}", table.key);
            // The cells that start here are the layout's slots, with their spans.
            let starting: Vec<_> = tcs
                .iter()
                .filter(|tc| w(**tc, "vMerge").as_deref() != Some("continue"))
                .collect();
            assert_eq!(starting.len(), row.slots.len(), "{}", table.key);
            for (tc, slot) in starting.iter().zip(&row.slots) {
                assert_eq!(
                    w(**tc, "gridSpan").map_or(1, |v| v.parse().unwrap()),
                    slot.colspan()
                );
                assert_eq!(
                    w(**tc, "vMerge").as_deref() == Some("restart"),
                    slot.rowspan() > 1
                );
                let text: String = tc
                    .descendants()
                    .filter(|n| n.is_text())
                    .map(|n| n.text().unwrap())
                    .collect();
                match slot {
                    Slot::Header { text: label, .. } => assert_eq!(text, *label),
                    Slot::Value { cell, .. } => assert_eq!(text, report.cells[*cell].display()),
                }
            }
            // Header rows repeat on every page; no row splits.
            let pr = tr.children().find(|n| n.has_tag_name("trPr")).unwrap();
            assert!(pr.children().any(|n| n.has_tag_name("cantSplit")));
            assert_eq!(pr.children().any(|n| n.has_tag_name("tblHeader")), row.head);
        }
        // Fitted to the 版心: the grid adds up to at most 156 mm.
        let grid: u32 = grid_widths(*tbl).iter().sum();
        assert!(grid <= 8844, "{}: {grid}", table.key);
    }
}

#[test]
fn user_text_is_escaped_or_dropped_as_xml_requires() {
    let mut r = fixture("tanggong-jiedao-2023");
    r.meta.agency = "某某<局>&\"办公室\"'".into();
    r.set_text(
        "overview",
        "含 <b>标签</b> & 引号\"'\u{0}\u{1}\u{8}\u{B}\u{1F}与\t制表符\u{FFFF}。",
    );
    let parts = unzip(&docx::render(&r));
    for (name, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("含 &lt;b&gt;标签&lt;/b&gt; &amp; 引号&quot;&apos;与\t制表符。"));
    assert!(document.contains("某某&lt;局&gt;&amp;&quot;办公室&quot;&apos;"));
    let doc = roxmltree::Document::parse(document).unwrap();
    let all: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect();
    assert!(all.contains("含 <b>标签</b> & 引号\"'与\t制表符。"));
    assert!(!all.contains('\u{0}') && !all.contains('\u{B}'));
}

/// The grid widths of table `table` ("table3") in the Word file of the
/// sample pingtan-2022 as it is and with the `long` values put in, after
/// checking that each long value's column holds it (0.64 em a digit at
/// 10.5 pt, and the cell's margins) and did not before, and that the table
/// keeps to the 版心's width.
fn widened(table: &str, long: &[(&str, &str)]) -> (Vec<u32>, Vec<u32>) {
    let mut report = fixture("pingtan-2022");
    for (key, value) in long {
        assert!(report.set_cell(
            key,
            nianbao::model::Cell::parse(value, nianbao::format::Kind::Count)
        ));
    }
    let nth = ["table2", "table3", "table4"]
        .iter()
        .position(|t| *t == table)
        .unwrap();
    let widths = |report: &Report| -> Vec<u32> {
        let document = docx::document_xml(report);
        let doc = roxmltree::Document::parse(&document).unwrap();
        let tbl = doc
            .descendants()
            .filter(|n| n.has_tag_name("tbl"))
            .nth(nth)
            .unwrap();
        grid_widths(tbl)
    };
    let def = report.format.table(table).unwrap();
    let positions = layout::positions(&layout::table_rows(report.format, def));
    let before = widths(&fixture("pingtan-2022"));
    let wide = widths(&report);
    for (key, value) in long {
        let cell = report.format.cell_index(key).unwrap();
        let col = positions.iter().find(|p| p.cell == cell).unwrap().col;
        let need = value.len() as u32 * 134 + 114;
        assert!(wide[col] >= need, "{key}: {} < {need}", wide[col]);
        assert!(
            before[col] < need,
            "the sample's columns already hold {value}"
        );
    }
    assert!(wide.iter().sum::<u32>() <= 8844);
    (before, wide)
}

/// Word breaks a number too long for its cell ("19267" as "1926/7"): a
/// value column is made wide enough for its longest value, in 宋体 and in
/// the wider fonts put in its place, the label columns giving up the room.
#[test]
fn a_long_number_gets_a_column_that_holds_it() {
    let long = [
        ("table3.withheld_state_secret.research", "52294"),
        ("table3.outcome_total.total", "400100"),
    ];
    let (_, wide) = widened("table3", &long);
    // The row labels keep room for several characters a line.
    assert!(wide.iter().max().unwrap() >= &1000, "{wide:?}");
}

/// 表四 has no label column to give up room: its fifteen equal columns
/// printed 81304 as 813/04. A column is widened to hold its longest value
/// when all fit, the others keeping room for their headings; with small
/// values the columns stay equal.
#[test]
fn a_long_number_in_table_four_gets_a_column_that_holds_it() {
    let long = [
        ("table4.review.corrected", "81304"),
        ("table4.review.total", "81315"),
        ("table4.litigation_direct.other", "54591"),
        ("table4.litigation_direct.total", "54593"),
    ];
    let (before, wide) = widened("table4", &long);
    assert_eq!(before.len(), 15);
    assert!(before.iter().all(|w| *w == before[0]), "{before:?}");
    // Every heading keeps at least one character (10.5 pt) a line.
    assert!(wide.iter().all(|w| *w >= 210 + 114), "{wide:?}");
}

/// 表二: its row labels (行政规范性文件, 行政事业性收费) and its column
/// headings (本年制发件数) each on one line (10.5 pt: 210 twips a
/// character, and the cell's margins). Its column headings and 第二十条
/// items sit among its data rows; they once made every column a label
/// column and gave the last value column half the table.
#[test]
fn table_two_holds_its_labels_and_headings_on_one_line() {
    let document = docx::document_xml(&fixture("pingtan-2022"));
    let doc = roxmltree::Document::parse(&document).unwrap();
    let tbl = doc.descendants().find(|n| n.has_tag_name("tbl")).unwrap();
    let widths = grid_widths(tbl);
    assert_eq!(widths.len(), 4, "{widths:?}");
    assert!(widths[0] >= 7 * 210 + 114, "{widths:?}");
    for w in &widths[1..] {
        assert!(*w >= 6 * 210 + 114, "{widths:?}");
    }
    assert!(widths.iter().sum::<u32>() <= 8844);
}
