//! TEXT-NUMBERS, NAME-CONSISTENT, YEAR-CONSISTENT: the narrative against the
//! tables and the metadata.
//!
//! TEXT-NUMBERS reads the text clause by clause (split at 。，、；…): a clause
//! that names a quantity ("收到…申请", "办结", "结转下年度", "行政复议", an
//! applicant type, "现行有效…规范性文件"…) and states a number of 件 is
//! compared with the table. A sentence that says none were received ("未收到…
//! 申请", "未发生…行政复议") is compared with 0. Nothing is guessed: a clause
//! with no recognised keyword, or a table value that is not a valid count, is
//! left alone.
//!
//! - [`lexicon`]: the quantities, keywords and word lists
//! - [`clauses`]: sentences and clauses
//! - [`text_numbers`], [`name_consistent`], [`year_consistent`]: one rule each
//! - numbers themselves are read by [`crate::rules::numbers`]

use super::Finding;
use crate::model::Report;

mod clauses;
mod lexicon;
mod name_consistent;
mod text_numbers;
mod year_consistent;

pub use name_consistent::name_core;

use name_consistent::name_consistent;
use text_numbers::text_numbers;
use year_consistent::year_consistent;

/// A narrative text of the report: (section key, text).
pub(super) fn texts(report: &Report) -> Vec<(&'static str, &str)> {
    let mut out = vec![("preamble", report.preamble.as_str())];
    out.extend(
        report
            .format
            .text_sections()
            .map(|s| (s.key, report.text(s.key))),
    );
    out
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    text_numbers(report, out);
    name_consistent(report, out);
    year_consistent(report, out);
}

/// What was already reported (few entries: a set would cost more code than it saves).
#[derive(Default)]
pub(super) struct Seen<T>(Vec<T>);

impl<T: PartialEq> Seen<T> {
    fn new() -> Seen<T> {
        Seen(Vec::new())
    }

    /// True when `item` is new.
    fn insert(&mut self, item: T) -> bool {
        if self.0.contains(&item) {
            return false;
        }
        self.0.push(item);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn run(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(r, &mut out);
        out
    }

    fn with_tables(pairs: &[(&str, u64)]) -> Report {
        let mut r = Report::new();
        for (i, def) in r.format.cells().iter().enumerate() {
            r.cells[i] = Cell::parse("0", def.kind);
        }
        for (k, v) in pairs {
            r.set_cell(k, Cell::Count(*v));
        }
        r.recompute_totals();
        r
    }

    #[test]
    fn numbers_in_the_text_match_the_tables() {
        let mut r = with_tables(&[
            ("table3.new_received.natural_person", 70),
            ("table3.disclosed.natural_person", 69),
            ("table3.carried_forward.natural_person", 1),
            ("table4.review.upheld", 2),
        ]);
        r.set_text("overview", "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。共有行政复议案件2件。");
        assert!(run(&r).is_empty(), "{:?}", run(&r));
        r.set_text(
            "overview",
            "本年度全区共收到七十一件申请，办结69件，2件结转下年度继续办理。",
        );
        let found = run(&r);
        let messages: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "正文“本年度全区共收到七十一件申请”中的 71 与表三“本年新收”总计 70 不符",
                "正文“2件结转下年度继续办理”中的 2 与表三“结转下年度继续办理”总计 1 不符",
            ]
        );
        assert_eq!(found[0].key, "TEXT-NUMBERS:new_received:71");
        assert_eq!(found[0].text, Some("overview"));
        assert_eq!(
            r.format.cells()[found[0].cells[0]].key,
            "table3.new_received.total"
        );
    }

    #[test]
    fn none_received_against_the_table() {
        let mut r = with_tables(&[]);
        r.set_text(
            "overview",
            "（二）依申请公开\n2023 年未收到政府信息公开申请。",
        );
        assert!(run(&r).is_empty());
        let mut r2 = with_tables(&[("table3.new_received.commercial", 2)]);
        r2.set_text("overview", "2023 年未收到政府信息公开申请。");
        let found = run(&r2);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "正文称“2023 年未收到政府信息公开申请”，但表三“本年新收”总计为 2"
        );
    }

    #[test]
    fn hint_when_text_adds_last_years_applications() {
        let mut r = with_tables(&[
            ("table3.new_received.natural_person", 71),
            ("table3.new_received.commercial", 3),
            ("table3.carried_over.natural_person", 1),
        ]);
        r.set_text(
            "overview",
            "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件。",
        );
        let found = run(&r);
        let keys: Vec<_> = found.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "TEXT-NUMBERS:new_received:75",
                "TEXT-NUMBERS:natural_person:72"
            ]
        );
        assert!(found[0].message.ends_with(
            "（本年新收 74 + 上年结转 1 = 75：如正文指二者之和，请写明“含上年结转”，否则应为 74）"
        ));
    }

    #[test]
    fn agency_name_variants() {
        assert_eq!(name_core("洛阳市西工区唐宫路街道办事处"), "唐宫路");
        assert_eq!(name_core("平潭综合实验区"), "平潭综合实验区");
        assert_eq!(name_core("某某县人民政府"), "某某县");
        let mut r = Report::new();
        r.meta.agency = "洛阳市西工区唐宫路街道办事处".into();
        r.set_text(
            "overview",
            "2023 年，唐宫路街道办事处认真贯彻……唐宫路办事处……唐宫街道领导高度重视……",
        );
        let found = run(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "NAME-CONSISTENT");
        assert_eq!(
            found[0].message,
            "正文中的“唐宫街道”与机关名称“洛阳市西工区唐宫路街道办事处”写法不一致"
        );
        r.meta.agency = "西工区唐宫街道办事处".into();
        let found = run(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "正文中的“唐宫路街道办事处”“唐宫路办事处”与机关名称“西工区唐宫街道办事处”写法不一致"
        );
        assert_eq!(found[0].key, "NAME-CONSISTENT:唐宫路");
    }

    #[test]
    fn years_other_than_the_report_year() {
        let mut r = Report::new();
        r.meta.year = Some(2023);
        r.preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。".into();
        r.set_text("overview", "2023年，本机关……");
        r.set_text("problems", "2024年，我们将采取以下措施加以改进。");
        assert!(run(&r).is_empty(), "{:?}", run(&r));
        r.preamble = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。".into();
        r.set_text("overview", "2022年，本机关……");
        let found = run(&r);
        let keys: Vec<_> = found.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "YEAR-CONSISTENT:preamble:2022",
                "YEAR-CONSISTENT:overview:2022"
            ]
        );
        assert_eq!(
            found[0].message,
            "正文“本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止”写的是 2022 年，报告年度是 2023 年"
        );
    }
}
