//! The format definition against the official format (tests/fixtures/FORMAT.md,
//! a copy of ../shared/reference/FORMAT.md).

use nianbao::format::{self, template_labels, Kind};
use std::collections::{BTreeMap, HashSet};

/// Labels of FORMAT.md, once per place they take in the template.
fn official_labels() -> Vec<String> {
    let text = include_str!("fixtures/FORMAT.md");
    let mut labels = Vec::new();
    let blocks: Vec<&str> = text.split("```").skip(1).step_by(2).collect();
    // Only the three parts of the 2021 format: sections, table 二, table 三 rows, table 四.
    let part = |heading: &str| {
        let start = text.find(heading).expect(heading);
        let block = text[start..].split("```").nth(1).expect("code block");
        block.to_string()
    };
    assert!(blocks.len() >= 4);

    for line in part("## Sections").lines() {
        if let Some(h) = split_cells(line).into_iter().next() {
            labels.push(h);
        }
    }
    for line in part("## Table 二").lines() {
        labels.extend(line.split('|').flat_map(split_cells));
    }
    // Table 三's header is described in prose: the corner text and 申请人情况,
    // then the columns line.
    let t3 = &text[text.find("## Table 三").unwrap()..text.find("## Table 四").unwrap()];
    let corner_start = t3.find("\"（本列").unwrap() + 1;
    let corner_end = corner_start + t3[corner_start..].find('"').unwrap();
    labels.push(t3[corner_start..corner_end].to_string());
    labels.push("申请人情况".to_string());
    let columns = t3.lines().find(|l| l.starts_with("Columns:")).unwrap();
    let columns = columns
        .trim_start_matches("Columns:")
        .trim()
        .trim_end_matches('.');
    labels.extend(
        columns
            .split(['|', '{', '}'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
    );
    for line in part("## Table 三").lines() {
        labels.extend(split_cells(line));
    }
    for line in part("## Table 四").lines() {
        labels.extend(line.split('|').flat_map(split_cells));
    }
    labels
}

/// Labels in one line of a FORMAT.md code block: separated by two or more
/// spaces, without the layout notes in ASCII parentheses.
fn split_cells(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let without_notes = {
        let mut s = String::new();
        let mut depth = 0;
        for c in line.chars() {
            match c {
                '(' => depth += 1,
                ')' if depth > 0 => depth -= 1,
                _ if depth == 0 => s.push(c),
                _ => {}
            }
        }
        s
    };
    for part in without_notes.split("  ") {
        let part = part.trim();
        if !part.is_empty() {
            out.push(part.to_string());
        }
    }
    out
}

fn multiset<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for s in items {
        *m.entry(s.into()).or_insert(0) += 1;
    }
    m
}

#[test]
fn every_official_label_is_in_the_format_exactly_once_per_place() {
    let official = multiset(official_labels());
    let ours = multiset(
        template_labels(format::current())
            .into_iter()
            .map(String::from),
    );
    // Sanity: the parse found the repeats FORMAT.md announces.
    assert_eq!(official["信息内容"], 4);
    assert_eq!(official["本年处理决定数量"], 2);
    assert_eq!(official["结果维持"], 3);
    assert_eq!(official["总计"], 4, "表三 总计 column + 表四 three 总计");
    let missing: Vec<_> = official
        .iter()
        .filter(|(k, n)| ours.get(*k) != Some(n))
        .collect();
    let extra: Vec<_> = ours
        .iter()
        .filter(|(k, n)| official.get(*k) != Some(n))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "official labels not matched: {missing:?}\nlabels not in FORMAT.md: {extra:?}"
    );
}

#[test]
fn tables_have_the_official_sizes() {
    let f = format::current();
    let count = |table: &str| f.cells().iter().filter(|c| c.table.key == table).count();
    assert_eq!(count("table2"), 10);
    assert_eq!(count("table3"), 25 * 7);
    assert_eq!(count("table4"), 15);
    let t3 = f.table("table3").unwrap();
    assert_eq!(t3.blocks[0].rows.len(), 25);
    assert_eq!(t3.blocks[0].columns.len(), 7);
    let amounts: Vec<_> = f
        .cells()
        .iter()
        .filter(|c| c.kind == Kind::Amount)
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(amounts, ["table2.fees.amount"]);
}

#[test]
fn keys_are_unique_and_dotted() {
    let f = format::current();
    let mut seen = HashSet::new();
    for cell in f.cells() {
        assert!(seen.insert(cell.key.clone()), "duplicate key {}", cell.key);
        assert_eq!(cell.key.split('.').count(), 3, "{}", cell.key);
        assert!(cell
            .key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'));
        assert_eq!(
            f.cell_index(&cell.key).map(|i| &f.cells()[i].key),
            Some(&cell.key)
        );
    }
    let sections: HashSet<_> = f.sections.iter().map(|s| s.key).collect();
    assert_eq!(sections.len(), 6);
}

#[test]
fn sections_in_template_order() {
    let headings: Vec<_> = format::current()
        .sections
        .iter()
        .map(|s| s.heading)
        .collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
}

#[test]
fn accessible_names_join_row_and_column_labels() {
    let f = format::current();
    let name = |key: &str| f.cells()[f.cell_index(key).unwrap()].name.clone();
    assert_eq!(
        name("table3.new_received.natural_person"),
        "一、本年新收政府信息公开申请数量 自然人"
    );
    assert_eq!(
        name("table3.withheld_state_secret.commercial"),
        "1.属于国家秘密 商业企业"
    );
    assert_eq!(
        name("table4.litigation_direct.upheld"),
        "未经复议直接起诉 结果维持"
    );
    assert_eq!(
        name("table2.fees.amount"),
        "行政事业性收费 本年收费金额（单位：万元）"
    );
}

#[test]
fn totals_are_declared_as_data() {
    let f = format::current();
    let computed: Vec<_> = f
        .cells()
        .iter()
        .filter(|c| c.computed)
        .map(|c| c.key.as_str())
        .collect();
    // 表三: the 总计 column on 25 rows plus the （七）总计 row's 6 other cells; 表四: 3 totals.
    assert_eq!(computed.len(), 25 + 6 + 3);
    assert!(computed.contains(&"table3.outcome_total.natural_person"));
    assert!(computed.contains(&"table4.review.total"));
    assert!(!computed.contains(&"table3.carried_forward.natural_person"));
    let t3 = f.table("table3").unwrap();
    let total_row = t3.blocks[0]
        .rows
        .iter()
        .find(|r| r.key == "outcome_total")
        .unwrap();
    assert_eq!(total_row.total_of.len(), 2 + 8 + 3 + 5 + 3);
}

/// The compile-time cell references agree with the format's own index for
/// every cell.
#[test]
fn compile_time_cell_ids_match_the_index() {
    use nianbao::format::y2021::cell;
    let f = nianbao::format::current();
    for (i, def) in f.cells().iter().enumerate() {
        let mut parts = def.key.split('.');
        let (t, r, c) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        assert_eq!(cell(t, r, c).0, i, "{}", def.key);
    }
    assert_eq!(
        nianbao::cell!(table4.review.total).0,
        f.cell_index("table4.review.total").unwrap()
    );
}
