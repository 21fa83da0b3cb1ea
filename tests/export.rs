//! The published HTML: a golden file of the seed report, the structure of
//! every table parsed back out of the output, and escaping of every user text.

use std::borrow::Cow;

use nianbao::export::html::{plain_text, render};
use nianbao::format;
use nianbao::import::html::{tokenize, Token};
use nianbao::model::{Cell, Report};

fn fixture(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/reports/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Report::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn golden_html_of_the_seed_report() {
    let html = render(&fixture("tanggong-jiedao-2023"));
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/golden/tanggong-jiedao-2023.html"
    );
    if std::env::var_os("NIANBAO_WRITE_GOLDEN").is_some() {
        std::fs::write(path, &html).unwrap();
    }
    let golden = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        html == golden,
        "HTML differs from tests/fixtures/golden/tanggong-jiedao-2023.html; if the change is intended, run NIANBAO_WRITE_GOLDEN=1 cargo test --test export and review the diff"
    );
}

/// A parsed table: rows of (tag, text, colspan, rowspan, in thead).
#[derive(Debug, Default)]
struct Table {
    caption: String,
    rows: Vec<Vec<(String, String, usize, usize)>>,
    head_rows: usize,
}

fn parse(html: &str) -> (Vec<String>, Vec<Table>, Vec<Token<'_>>) {
    let tokens = tokenize(html);
    let mut headings = Vec::new();
    let mut tables = Vec::new();
    let mut current: Option<Table> = None;
    let mut in_head = false;
    let mut open: Option<(String, String, usize, usize)> = None;
    let mut in_h2 = false;
    let mut in_caption = false;
    for t in &tokens {
        match t {
            Token::Start { name, .. } => match name.as_ref() {
                "h2" => {
                    in_h2 = true;
                    headings.push(String::new());
                }
                "table" => current = Some(Table::default()),
                "caption" => in_caption = true,
                "thead" => in_head = true,
                "tr" => {
                    let table = current.as_mut().unwrap();
                    table.rows.push(Vec::new());
                    if in_head {
                        table.head_rows += 1;
                    }
                }
                "th" | "td" => {
                    let n = |k: &str| t.attr(k).map_or(1, |v| v.parse().unwrap());
                    open = Some((name.to_string(), String::new(), n("colspan"), n("rowspan")));
                }
                _ => {}
            },
            Token::End { name } => match name.as_ref() {
                "h2" => in_h2 = false,
                "caption" => in_caption = false,
                "thead" => in_head = false,
                "table" => tables.push(current.take().unwrap()),
                "th" | "td" => {
                    let cell = open.take().unwrap();
                    current
                        .as_mut()
                        .unwrap()
                        .rows
                        .last_mut()
                        .unwrap()
                        .push(cell);
                }
                _ => {}
            },
            Token::Text(text) => {
                if in_h2 {
                    headings.last_mut().unwrap().push_str(text);
                } else if in_caption {
                    current.as_mut().unwrap().caption.push_str(text);
                } else if let Some(cell) = open.as_mut() {
                    cell.1.push_str(text);
                }
            }
        }
    }
    (headings, tables, tokens)
}

/// Width of every row once rowspans and colspans are laid out.
fn widths(table: &Table) -> Vec<usize> {
    let mut carry: Vec<usize> = Vec::new(); // remaining rowspan per column
    let mut out = Vec::new();
    for row in &table.rows {
        let mut width = carry.iter().filter(|&&n| n > 0).count();
        let mut next = carry
            .iter()
            .map(|n| n.saturating_sub(1))
            .collect::<Vec<_>>();
        let mut col = 0;
        for (_, _, colspan, rowspan) in row {
            while col < carry.len() && carry[col] > 0 {
                col += 1;
            }
            for c in col..col + colspan {
                if c >= next.len() {
                    next.resize(c + 1, 0);
                }
                next[c] = rowspan - 1;
            }
            col += colspan;
            width += colspan;
        }
        out.push(width);
        carry = next;
    }
    out
}

#[test]
fn structure_of_every_table_and_the_headings() {
    let report = fixture("pingtan-2022");
    let page = render(&report);
    let (headings, tables, tokens) = parse(&page);
    let official: Vec<&str> = nianbao::format::current()
        .sections
        .iter()
        .map(|s| s.heading)
        .collect();
    assert_eq!(headings, official);
    assert_eq!(tables.len(), 3);
    let [t2, t3, t4] = [&tables[0], &tables[1], &tables[2]];
    assert_eq!(t2.caption, "主动公开政府信息情况");

    // 表二: four bands, each with a header row; single values span 3 columns.
    assert_eq!(t2.rows.len(), 14);
    assert!(widths(t2).iter().all(|&w| w == 4), "{:?}", widths(t2));
    assert_eq!(
        t2.rows[0],
        [("th".to_string(), "第二十条第（一）项".to_string(), 4, 1)]
    );
    assert_eq!(
        t2.rows[13][1],
        ("td".to_string(), "9116.36".to_string(), 3, 1),
        "the fee as entered"
    );

    // 表三: three header rows, corner colspan 3 rowspan 3, 本年度办理结果 rowspan 22.
    assert_eq!(t3.head_rows, 3);
    assert_eq!(t3.rows.len(), 28);
    assert!(widths(t3).iter().all(|&w| w == 10), "{:?}", widths(t3));
    assert_eq!(t3.rows[0][0].2, 3);
    assert_eq!(t3.rows[0][0].3, 3);
    assert_eq!(
        t3.rows[0][1],
        ("th".to_string(), "申请人情况".to_string(), 7, 1)
    );
    assert_eq!(
        t3.rows[1][1],
        ("th".to_string(), "法人或其他组织".to_string(), 5, 1)
    );
    assert_eq!(
        t3.rows[5][0],
        ("th".to_string(), "三、本年度办理结果".to_string(), 1, 22)
    );
    assert_eq!(
        t3.rows[7][0],
        ("th".to_string(), "（三）不予公开".to_string(), 1, 8)
    );
    let first: Vec<&str> = t3.rows[3].iter().skip(1).map(|c| c.1.as_str()).collect();
    assert_eq!(
        first,
        ["71", "3", "0", "0", "0", "0", "74"],
        "0 is printed as 0"
    );

    // 表四: three header rows and one data row of 15 values.
    assert_eq!(t4.head_rows, 3);
    assert_eq!(t4.rows.len(), 4);
    assert!(widths(t4).iter().all(|&w| w == 15), "{:?}", widths(t4));
    assert_eq!(
        t4.rows[0][0],
        ("th".to_string(), "行政复议".to_string(), 5, 1)
    );
    assert_eq!(
        t4.rows[0][1],
        ("th".to_string(), "行政诉讼".to_string(), 10, 1)
    );
    assert_eq!(t4.rows[3].len(), 15);

    // Every header cell has a scope; there is no script and no external resource.
    for t in &tokens {
        if let Token::Start { name, attrs } = t {
            assert_ne!(name, "script");
            assert_ne!(name, "link");
            assert_ne!(name, "img");
            if name == "th" {
                assert!(t.attr("scope").is_some());
            }
            for (k, v) in attrs {
                assert!(!k.starts_with("on"), "{k}");
                assert!(!v.contains("http"), "{k}={v}");
            }
        }
    }
}

#[test]
fn every_user_text_is_shown_literally() {
    let nasty = "<script>alert(1)</script>\" onload=\"x &amp; </td>";
    let mut report = Report::new();
    report.meta.agency = nasty.into();
    report.meta.year = Some(2024);
    report.meta.contact = nasty.into();
    report.preamble = nasty.into();
    for section in format::current().text_sections() {
        report.set_text(section.key, nasty);
    }
    report.set_cell(
        "table3.new_received.natural_person",
        Cell::Invalid(nasty.into()),
    );
    let html = render(&report);
    let tokens = tokenize(&html);
    let starts: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Start { name, .. } => Some(name.as_ref()),
            _ => None,
        })
        .collect();
    assert!(!starts.contains(&"script"), "no executable markup");
    assert!(tokens.iter().all(|t| t.attr("onload").is_none()));
    let texts: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Text(s) => Some(s.as_ref()),
            _ => None,
        })
        .collect();
    // Title, h1, preamble, the three texts and the invalid cell show it literally.
    assert!(
        texts.iter().filter(|t| t.contains(nasty)).count() >= 7,
        "{texts:?}"
    );
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x &amp;amp; &lt;/td&gt;"
    ));
    // The table still has its 28 rows: </td> in a value did not break it.
    let (_, tables, _) = parse(&html);
    assert_eq!(tables[1].rows.len(), 28);
}

#[test]
fn plain_text_lines_up_the_tables() {
    let text = plain_text(&fixture("pingtan-2022"));
    assert!(text.starts_with("平潭综合实验区2022年政府信息公开工作年度报告\n"));
    assert!(
        text.contains("\n一、本年新收政府信息公开申请数量\t\t\t71\t3\t0\t0\t0\t0\t74\n"),
        "{text}"
    );
    assert!(text.contains("\n行政事业性收费\t9116.36\n"));
}

/// Word, WPS and LibreOffice open an .html file as a document and ignore class
/// and descendant selectors and `em` indents: every element carries its own
/// typography, and every table its grid as attributes (issue 18).
#[test]
fn every_element_carries_its_look_for_word_processors() {
    let html = render(&fixture("tanggong-jiedao-2023"));
    type Attrs<'a> = [(Cow<'a, str>, Cow<'a, str>)];
    let style_of = |attrs: &Attrs| {
        attrs
            .iter()
            .find(|(k, _)| k == "style")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    let attr = |attrs: &Attrs, name: &str| {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.to_string())
    };
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for token in tokenize(&html) {
        let Token::Start { name, attrs } = token else {
            continue;
        };
        let style = style_of(&attrs);
        let expect: &[&str] = match name.as_ref() {
            "h1" => &[
                "text-align:center",
                "font-size:22pt",
                "方正小标宋简体",
                "SimSun",
            ],
            "h2" => &["font-size:16pt", "SimHei", "text-indent:32pt"],
            "h3" => &["font-size:16pt", "KaiTi", "text-indent:32pt"],
            "p" => &[
                "font-size:16pt",
                "FangSong",
                "text-indent:32pt",
                "text-align:justify",
            ],
            "table" => {
                assert_eq!(attr(&attrs, "border").as_deref(), Some("1"));
                assert_eq!(attr(&attrs, "cellspacing").as_deref(), Some("0"));
                assert!(attr(&attrs, "cellpadding").is_some());
                &["border-collapse:collapse", "width:100%"]
            }
            "th" | "td" => &[
                "border:1px solid #000",
                "padding:",
                "SimSun",
                "font-size:10.5pt",
            ],
            _ => &[],
        };
        for part in expect {
            assert!(
                style.contains(part),
                "<{name} style=\"{style}\"> lacks {part}"
            );
        }
        *seen.entry(name.into_owned()).or_default() += 1;
    }
    for name in ["h1", "h2", "h3", "p", "table", "th", "td"] {
        assert!(
            seen.get(name).copied().unwrap_or(0) > 0,
            "no <{name}> in the sample"
        );
    }
    assert!(
        html.contains("@page { size: 210mm 297mm;"),
        "A4 as lengths, which LibreOffice honours"
    );
}
