//! The words and cells the narrative checks know: each quantity a report's
//! text may state (its keywords, the clause context it needs, the table
//! cells that hold it), negations, units, agency-name endings.
//!
//! Not for: reading text (see [`super::clauses`]) or judging it (the rules).

use crate::cell;
use crate::format::y2021::CellId;

/// A quantity the narrative may state, and where the tables hold it.
pub(super) struct Quantity {
    pub(super) name: &'static str,
    /// Words naming it; the longest match wins at each position.
    pub(super) keywords: &'static [&'static str],
    /// The clause must also contain one of these (empty: no condition).
    pub(super) context: &'static [&'static str],
    /// Table cells summed for the table's value.
    pub(super) cells: &'static [CellId],
    /// How the message names the table value.
    pub(super) label: &'static str,
}

pub(super) const WITHHELD: &[CellId] = &[
    cell!(table3.withheld_state_secret.total),
    cell!(table3.withheld_prohibited.total),
    cell!(table3.withheld_security.total),
    cell!(table3.withheld_third_party.total),
    cell!(table3.withheld_internal.total),
    cell!(table3.withheld_process.total),
    cell!(table3.withheld_enforcement.total),
    cell!(table3.withheld_inquiry.total),
];
pub(super) const UNAVAILABLE: &[CellId] = &[
    cell!(table3.unavailable_not_held.total),
    cell!(table3.unavailable_needs_creation.total),
    cell!(table3.unavailable_unclear.total),
];
pub(super) const NOT_PROCESSED: &[CellId] = &[
    cell!(table3.not_processed_complaint.total),
    cell!(table3.not_processed_repeated.total),
    cell!(table3.not_processed_publication.total),
    cell!(table3.not_processed_excessive.total),
    cell!(table3.not_processed_confirmation.total),
];
pub(super) const OTHER: &[CellId] = &[
    cell!(table3.other_overdue_correction.total),
    cell!(table3.other_unpaid_fee.total),
    cell!(table3.other_other.total),
];
pub(super) const APPLICATION: &[&str] = &["申请"];
pub(super) const NORMATIVE: &[&str] = &["规范性文件"];

pub(super) const QUANTITIES: &[Quantity] = &[
    Quantity {
        name: "new_received",
        keywords: &["新收", "收到", "受理", "接收"],
        context: APPLICATION,
        cells: &[cell!(table3.new_received.total)],
        label: "表三“本年新收”总计",
    },
    Quantity {
        name: "carried_over",
        keywords: &["上年结转", "上年度结转", "上一年度结转"],
        context: &[],
        cells: &[cell!(table3.carried_over.total)],
        label: "表三“上年结转”总计",
    },
    Quantity {
        name: "handled",
        keywords: &["办结"],
        context: &[],
        cells: &[cell!(table3.outcome_total.total)],
        label: "表三“（七）总计”",
    },
    Quantity {
        name: "carried_forward",
        keywords: &[
            "结转下年度",
            "结转到下年度",
            "结转至下年度",
            "转入下年度",
            "结转下一年度",
        ],
        context: &[],
        cells: &[cell!(table3.carried_forward.total)],
        label: "表三“结转下年度继续办理”总计",
    },
    Quantity {
        name: "disclosed",
        keywords: &["予以公开"],
        context: &[],
        cells: &[cell!(table3.disclosed.total)],
        label: "表三“（一）予以公开”总计",
    },
    Quantity {
        name: "partially_disclosed",
        keywords: &["部分公开"],
        context: &[],
        cells: &[cell!(table3.partially_disclosed.total)],
        label: "表三“（二）部分公开”总计",
    },
    Quantity {
        name: "withheld",
        keywords: &["不予公开"],
        context: &[],
        cells: WITHHELD,
        label: "表三“（三）不予公开”各项之和",
    },
    Quantity {
        name: "unavailable",
        keywords: &["无法提供"],
        context: &[],
        cells: UNAVAILABLE,
        label: "表三“（四）无法提供”各项之和",
    },
    Quantity {
        name: "not_processed",
        keywords: &["不予处理"],
        context: &[],
        cells: NOT_PROCESSED,
        label: "表三“（五）不予处理”各项之和",
    },
    Quantity {
        name: "other_processing",
        keywords: &["其他处理"],
        context: &[],
        cells: OTHER,
        label: "表三“（六）其他处理”各项之和",
    },
    Quantity {
        name: "natural_person",
        keywords: &["自然人"],
        context: &[],
        cells: &[cell!(table3.new_received.natural_person)],
        label: "表三“本年新收”自然人",
    },
    Quantity {
        name: "commercial",
        keywords: &["商业企业"],
        context: &[],
        cells: &[cell!(table3.new_received.commercial)],
        label: "表三“本年新收”商业企业",
    },
    Quantity {
        name: "research",
        keywords: &["科研机构"],
        context: &[],
        cells: &[cell!(table3.new_received.research)],
        label: "表三“本年新收”科研机构",
    },
    Quantity {
        name: "public_welfare",
        keywords: &["社会公益组织"],
        context: &[],
        cells: &[cell!(table3.new_received.public_welfare)],
        label: "表三“本年新收”社会公益组织",
    },
    Quantity {
        name: "legal_services",
        keywords: &["法律服务机构"],
        context: &[],
        cells: &[cell!(table3.new_received.legal_services)],
        label: "表三“本年新收”法律服务机构",
    },
    Quantity {
        name: "review",
        keywords: &["行政复议"],
        context: &[],
        cells: &[cell!(table4.review.total)],
        label: "表四行政复议总计",
    },
    Quantity {
        name: "litigation",
        keywords: &["行政诉讼"],
        context: &[],
        cells: &[
            cell!(table4.litigation_direct.total),
            cell!(table4.litigation_after_review.total),
        ],
        label: "表四行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
    },
    Quantity {
        name: "normative_in_force",
        keywords: &["现行有效"],
        context: NORMATIVE,
        cells: &[cell!(table2.normative_documents.in_force)],
        label: "表二行政规范性文件“现行有效件数”",
    },
    Quantity {
        name: "normative_issued",
        keywords: &["制发", "印发", "出台"],
        context: NORMATIVE,
        cells: &[cell!(table2.normative_documents.issued)],
        label: "表二行政规范性文件“本年制发件数”",
    },
];

/// Words saying that none of something happened, followed in the sentence by
/// the quantity's keyword.
pub(super) const NEGATIONS: &[&str] = &[
    "未收到",
    "没有收到",
    "未接到",
    "未受理",
    "未发生",
    "未出现",
    "没有发生",
    "没有出现",
    "均未",
];

/// Words that join quantities into one sum before a number: "予以公开和部分
/// 公开共48件", "不予公开、无法提供和不予处理共9件".
pub(super) const CONNECTORS: &[&str] = &["以及", "和", "及", "与", "、", "跟"];

/// Words between a sum's last quantity and its number ("共", "合计"…).
pub(super) const AGGREGATORS: &[&str] = &[
    "共计", "合计", "总计", "累计", "总共", "共", "计", "为", "达",
];

/// Set phrases in which a numeral and 件 are words, not a count.
pub(super) const SET_PHRASES: &[&str] = &[
    "一件事",
    "一件一档",
    "一件一码",
    "一件不漏",
    "办结一件、销号一件",
    "办结一件，销号一件",
    "办结一件销号一件",
];

/// After a number of 本年新收 applications: the number includes 上年结转.
pub(super) const INCLUDES_CARRIED: &[&str] = &[
    "含上年结转",
    "包括上年结转",
    "含上年度结转",
    "包括上年度结转",
];

/// Words in a negated clause showing it is about an outcome, not about
/// whether there were any cases: "未发生…被行政复议纠错的情况".
pub(super) const QUALIFIERS: &[&str] = &[
    "纠错", "纠正", "败诉", "撤销", "违法", "被", "问责", "追责", "投诉", "举报",
];

/// Claims that every 复议 / 诉讼 was upheld.
pub(super) const ALL_UPHELD: &[&str] = &[
    "均为维持",
    "均获维持",
    "均被维持",
    "全部维持",
    "全部为维持",
    "均予以维持",
    "都被维持",
    "都是维持",
];

/// Units of counted cases.
pub(super) const UNITS: &[char] = &['件', '宗'];

/// For quantities of table 三's 本年新收 row: that cell and the 上年结转 cell
/// of the same column.
pub(super) const NEW_AND_CARRIED: &[(&str, CellId, CellId)] = &[
    (
        "new_received",
        cell!(table3.new_received.total),
        cell!(table3.carried_over.total),
    ),
    (
        "natural_person",
        cell!(table3.new_received.natural_person),
        cell!(table3.carried_over.natural_person),
    ),
    (
        "commercial",
        cell!(table3.new_received.commercial),
        cell!(table3.carried_over.commercial),
    ),
    (
        "research",
        cell!(table3.new_received.research),
        cell!(table3.carried_over.research),
    ),
    (
        "public_welfare",
        cell!(table3.new_received.public_welfare),
        cell!(table3.carried_over.public_welfare),
    ),
    (
        "legal_services",
        cell!(table3.new_received.legal_services),
        cell!(table3.carried_over.legal_services),
    ),
];

/// Administrative-unit words that end an agency's name.
pub(super) const AGENCY_SUFFIXES: &[&str] = &[
    "综合行政执法局",
    "街道办事处",
    "人民政府",
    "管理委员会",
    "管委会",
    "委员会",
    "办公厅",
    "办公室",
    "办事处",
    "街道",
    "政府",
    "镇",
    "乡",
    "局",
];

/// Proper names a name's stem must never be matched inside.
pub(super) const PROPER_NAMES: &[&str] = &[
    "中华人民共和国",
    "全国人民代表大会",
    "人民代表大会",
    "人民法院",
    "人民检察院",
    "人民群众",
    "中国共产党",
];
/// Units that can precede the distinctive part of a name ("洛阳市西工区…").
pub(super) const ADMIN_UNITS: &[char] = &['省', '市', '区', '县', '州', '盟', '旗'];

/// Table 四's cells that are not 维持, for "均为维持" claims: 行政复议.
pub(super) const UPHELD_REVIEW: [(&str, CellId); 3] = [
    ("行政复议“结果纠正”", cell!(table4.review.corrected)),
    ("行政复议“其他结果”", cell!(table4.review.other)),
    ("行政复议“尚未审结”", cell!(table4.review.pending)),
];

/// The same for 行政诉讼 (both kinds).
pub(super) const UPHELD_LITIGATION: [(&str, CellId); 6] = [
    (
        "未经复议直接起诉“结果纠正”",
        cell!(table4.litigation_direct.corrected),
    ),
    (
        "未经复议直接起诉“其他结果”",
        cell!(table4.litigation_direct.other),
    ),
    (
        "未经复议直接起诉“尚未审结”",
        cell!(table4.litigation_direct.pending),
    ),
    (
        "复议后起诉“结果纠正”",
        cell!(table4.litigation_after_review.corrected),
    ),
    (
        "复议后起诉“其他结果”",
        cell!(table4.litigation_after_review.other),
    ),
    (
        "复议后起诉“尚未审结”",
        cell!(table4.litigation_after_review.pending),
    ),
];
