//! The 2021 format: 国办公开办函〔2021〕30号, used from report year 2021 on.
//!
//! Labels are copied from the notice's template (see
//! `../shared/reference/format-2021-notice.txt` and `FORMAT.md`); keys are ours
//! and must never change once released, since saved drafts and downloaded JSON
//! files use them.

use super::{Balance, Block, Column, Content, Format, Kind, Layout, Row, Section, Table, Topic};
use std::sync::OnceLock;

pub static FORMAT: Format = Format {
    id: "gov-2021",
    name: "中华人民共和国政府信息公开工作年度报告格式",
    notice: "国办公开办函〔2021〕30号",
    first_year: 2021,
    sections: SECTIONS,
    tables: &[TABLE2, TABLE3, TABLE4],
    overview_topics: TOPICS,
    overview_max_chars: 1000,
    cells: OnceLock::new(),
};

const SECTIONS: &[Section] = &[
    Section {
        key: "overview",
        heading: "一、总体情况",
        template_note: "（文字描述）",
        guidance: "这一项报告本机关政府信息公开工作总体情况，对本机关贯彻落实《中华人民共和国政府信息公开条例》情况进行综述，主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（含《中华人民共和国政府信息公开条例》第五十条第四项规定的各级人民政府“工作考核、社会评议和责任追究结果情况”）等方面，重在聚焦主题、简明客观，篇幅原则上不超过一千字。",
        content: Content::Text,
    },
    Section {
        key: "table2",
        heading: "二、主动公开政府信息情况",
        template_note: "",
        guidance: "这一项主要报告《中华人民共和国政府信息公开条例》第二十条规定的法定主动公开内容中，适宜以数据方式呈现且具备统计汇总价值的内容，包括（一）（五）（六）（八）共四项，其中，第（五）项的行政许可数量、第（六）项的行政处罚和行政强制数量，包括已公开和依法未公开的全部处理决定。各项数据核定时间点为报告年度的12月31日。",
        content: Content::Table("table2"),
    },
    Section {
        key: "table3",
        heading: "三、收到和处理政府信息公开申请情况",
        template_note: "",
        guidance: "这一项主要报告两方面情况：一是申请人的类别；二是政府信息公开申请的最终处理结果。此项内容重在数据准确、要素齐备，全面客观反映政府信息公开申请接收和办理情况，便于政府信息公开工作主管部门全面掌握工作动态，使社会各界了解政府公开透明进程。",
        content: Content::Table("table3"),
    },
    Section {
        key: "table4",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        template_note: "",
        guidance: "这一项主要报告两方面情况：一是政府信息公开行政复议处理结果情况；二是政府信息公开行政诉讼处理结果情况。根据行政复议法和行政诉讼法有关规定，行政诉讼处理结果需进一步区分两类情形，分别是“未经复议直接起诉”和“复议后起诉”。行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量。",
        content: Content::Table("table4"),
    },
    Section {
        key: "problems",
        heading: "五、存在的主要问题及改进情况",
        template_note: "（文字描述）",
        guidance: "这一项主要报告本机关政府信息公开工作中存在的主要问题及改进情况。此项内容重在实事求是、明确具体，避免笼统模糊、泛泛而谈。查找问题要有针对性，改进举措要有实效性，不得出现敷衍了事甚至年年雷同现象。",
        content: Content::Text,
    },
    Section {
        key: "other",
        heading: "六、其他需要报告的事项",
        template_note: "（文字描述，收取信息处理费情况在此处报告。）",
        guidance: "这一项主要报告本机关认为需要报告的其他事项，以及其他有关文件专门要求通过年度报告予以报告的事项。各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。",
        content: Content::Text,
    },
];

const TOPICS: &[Topic] = &[
    Topic {
        outline_heading: "（一）主动公开",
        name: "主动公开",
        keywords: &["主动公开"],
    },
    Topic {
        outline_heading: "（二）依申请公开",
        name: "依申请公开",
        keywords: &["依申请公开", "依申请"],
    },
    Topic {
        outline_heading: "（三）政府信息管理",
        name: "政府信息管理",
        keywords: &["政府信息管理", "信息管理"],
    },
    Topic {
        outline_heading: "（四）政府信息公开平台建设",
        name: "平台建设",
        keywords: &["平台建设", "平台载体", "公开平台", "门户网站"],
    },
    Topic {
        outline_heading: "（五）监督保障",
        name: "监督保障",
        keywords: &["监督保障", "监督检查", "考核"],
    },
];

// ---------------------------------------------------------------------------
// 表二 主动公开政府信息情况

const fn count(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        groups: &[],
        kind: Kind::Count,
        total_of: &[],
    }
}

const fn row(key: &'static str, label: &'static str) -> Row {
    Row {
        key,
        label,
        short: label,
        groups: &[],
        total_of: &[],
    }
}

const DECISIONS: &[Column] = &[count("decisions", "本年处理决定数量")];

const TABLE2: Table = Table {
    key: "table2",
    caption: "主动公开政府信息情况",
    layout: Layout::Bands,
    corner: "",
    column_header: "",
    blocks: &[
        Block {
            band: "第二十条第（一）项",
            row_header: "信息内容",
            rows: &[
                row("regulations", "规章"),
                row("normative_documents", "行政规范性文件"),
            ],
            columns: &[
                count("issued", "本年制发件数"),
                count("abolished", "本年废止件数"),
                count("in_force", "现行有效件数"),
            ],
        },
        Block {
            band: "第二十条第（五）项",
            row_header: "信息内容",
            rows: &[row("licensing", "行政许可")],
            columns: DECISIONS,
        },
        Block {
            band: "第二十条第（六）项",
            row_header: "信息内容",
            rows: &[row("punishment", "行政处罚"), row("coercion", "行政强制")],
            columns: DECISIONS,
        },
        Block {
            band: "第二十条第（八）项",
            row_header: "信息内容",
            rows: &[row("fees", "行政事业性收费")],
            columns: &[Column {
                key: "amount",
                label: "本年收费金额（单位：万元）",
                groups: &[],
                kind: Kind::Amount,
                total_of: &[],
            }],
        },
    ],
    column_sum_rule: None,
    row_sum_rule: None,
    balance: None,
};

// ---------------------------------------------------------------------------
// 表三 收到和处理政府信息公开申请情况

const ORG: &[&str] = &["法人或其他组织"];

const fn org(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        groups: ORG,
        kind: Kind::Count,
        total_of: &[],
    }
}

const APPLICANT_COLUMNS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_welfare",
    "legal_services",
    "other",
];

const RESULT: &str = "三、本年度办理结果";

const fn outcome(key: &'static str, groups: &'static [&'static str], label: &'static str) -> Row {
    Row {
        key,
        label,
        short: label,
        groups,
        total_of: &[],
    }
}

const R: &[&str] = &[RESULT];
const WITHHELD: &[&str] = &[RESULT, "（三）不予公开"];
const UNAVAILABLE: &[&str] = &[RESULT, "（四）无法提供"];
const NOT_PROCESSED: &[&str] = &[RESULT, "（五）不予处理"];
const OTHER: &[&str] = &[RESULT, "（六）其他处理"];

/// Every row counted in （七）总计: each application sits in exactly one.
const OUTCOME_ROWS: &[&str] = &[
    "disclosed",
    "partially_disclosed",
    "withheld_state_secret",
    "withheld_prohibited",
    "withheld_security",
    "withheld_third_party",
    "withheld_internal",
    "withheld_process",
    "withheld_enforcement",
    "withheld_inquiry",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "not_processed_complaint",
    "not_processed_repeated",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirmation",
    "other_overdue_correction",
    "other_unpaid_fee",
    "other_other",
];

const TABLE3: Table = Table {
    key: "table3",
    caption: "收到和处理政府信息公开申请情况",
    layout: Layout::Grid,
    corner: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    column_header: "申请人情况",
    blocks: &[Block {
        band: "",
        row_header: "",
        rows: &[
            Row {
                short: "本年新收",
                ..row("new_received", "一、本年新收政府信息公开申请数量")
            },
            Row {
                short: "上年结转",
                ..row("carried_over", "二、上年结转政府信息公开申请数量")
            },
            outcome("disclosed", R, "（一）予以公开"),
            outcome(
                "partially_disclosed",
                R,
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            ),
            outcome("withheld_state_secret", WITHHELD, "1.属于国家秘密"),
            outcome(
                "withheld_prohibited",
                WITHHELD,
                "2.其他法律行政法规禁止公开",
            ),
            outcome("withheld_security", WITHHELD, "3.危及“三安全一稳定”"),
            outcome("withheld_third_party", WITHHELD, "4.保护第三方合法权益"),
            outcome("withheld_internal", WITHHELD, "5.属于三类内部事务信息"),
            outcome("withheld_process", WITHHELD, "6.属于四类过程性信息"),
            outcome("withheld_enforcement", WITHHELD, "7.属于行政执法案卷"),
            outcome("withheld_inquiry", WITHHELD, "8.属于行政查询事项"),
            outcome(
                "unavailable_not_held",
                UNAVAILABLE,
                "1.本机关不掌握相关政府信息",
            ),
            outcome(
                "unavailable_needs_creation",
                UNAVAILABLE,
                "2.没有现成信息需要另行制作",
            ),
            outcome(
                "unavailable_unclear",
                UNAVAILABLE,
                "3.补正后申请内容仍不明确",
            ),
            outcome(
                "not_processed_complaint",
                NOT_PROCESSED,
                "1.信访举报投诉类申请",
            ),
            outcome("not_processed_repeated", NOT_PROCESSED, "2.重复申请"),
            outcome(
                "not_processed_publication",
                NOT_PROCESSED,
                "3.要求提供公开出版物",
            ),
            outcome(
                "not_processed_excessive",
                NOT_PROCESSED,
                "4.无正当理由大量反复申请",
            ),
            outcome(
                "not_processed_confirmation",
                NOT_PROCESSED,
                "5.要求行政机关确认或重新出具已获取信息",
            ),
            outcome(
                "other_overdue_correction",
                OTHER,
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            outcome(
                "other_unpaid_fee",
                OTHER,
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            outcome("other_other", OTHER, "3.其他"),
            Row {
                key: "outcome_total",
                label: "（七）总计",
                short: "（七）总计",
                groups: R,
                total_of: OUTCOME_ROWS,
            },
            Row {
                short: "结转下年度",
                ..row("carried_forward", "四、结转下年度继续办理")
            },
        ],
        columns: &[
            count("natural_person", "自然人"),
            org("commercial", "商业企业"),
            org("research", "科研机构"),
            org("public_welfare", "社会公益组织"),
            org("legal_services", "法律服务机构"),
            org("other", "其他"),
            Column {
                key: "total",
                label: "总计",
                groups: &[],
                kind: Kind::Count,
                total_of: APPLICANT_COLUMNS,
            },
        ],
    }],
    column_sum_rule: Some("T3-COLUMN-SUM"),
    row_sum_rule: Some("T3-OUTCOME-SUM"),
    balance: Some(Balance {
        rule: "T3-BALANCE",
        inflow: &["new_received", "carried_over"],
        carried_in: "carried_over",
        handled: "outcome_total",
        remainder: "carried_forward",
    }),
};

// ---------------------------------------------------------------------------
// 表四 政府信息公开行政复议、行政诉讼情况

const LITIGATION: &[&str] = &["行政诉讼"];

const TABLE4: Table = Table {
    key: "table4",
    caption: "政府信息公开行政复议、行政诉讼情况",
    layout: Layout::SingleRow,
    corner: "",
    column_header: "",
    blocks: &[Block {
        band: "",
        row_header: "",
        rows: &[
            row("review", "行政复议"),
            Row {
                key: "litigation_direct",
                label: "未经复议直接起诉",
                short: "行政诉讼（未经复议直接起诉）",
                groups: LITIGATION,
                total_of: &[],
            },
            Row {
                key: "litigation_after_review",
                label: "复议后起诉",
                short: "行政诉讼（复议后起诉）",
                groups: LITIGATION,
                total_of: &[],
            },
        ],
        columns: &[
            count("upheld", "结果维持"),
            count("corrected", "结果纠正"),
            count("other", "其他结果"),
            count("pending", "尚未审结"),
            Column {
                key: "total",
                label: "总计",
                groups: &[],
                kind: Kind::Count,
                total_of: &["upheld", "corrected", "other", "pending"],
            },
        ],
    }],
    column_sum_rule: Some("T4-SUM"),
    row_sum_rule: None,
    balance: None,
};

/// The tables of this format, for compile-time look-ups ([`cell`]).
pub const TABLES: &[Table] = &[TABLE2, TABLE3, TABLE4];

/// A cell of this format, by its index in `Format::cells()`, resolved when
/// the crate compiles: write it with [`cell!`](crate::cell), never by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId(pub usize);

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The cell at (table, row, column) keys. In a `const` (as [`cell!`](crate::cell)
/// uses it) a key that is not in the format stops the build.
pub const fn cell(table: &str, row: &str, column: &str) -> CellId {
    let mut index = 0;
    let mut t = 0;
    while t < TABLES.len() {
        let mut b = 0;
        while b < TABLES[t].blocks.len() {
            let block = &TABLES[t].blocks[b];
            let mut r = 0;
            while r < block.rows.len() {
                let mut c = 0;
                while c < block.columns.len() {
                    if same(TABLES[t].key, table)
                        && same(block.rows[r].key, row)
                        && same(block.columns[c].key, column)
                    {
                        return CellId(index);
                    }
                    index += 1;
                    c += 1;
                }
                r += 1;
            }
            b += 1;
        }
        t += 1;
    }
    panic!("no such cell in the 2021 format")
}

/// A cell of the 2021 format by its dotted key, checked by the compiler:
/// `cell!(table3.new_received.total)`. A misspelt key does not compile:
///
/// ```compile_fail
/// let _ = nianbao::cell!(table3.new_recieved.total);
/// ```
///
/// ```
/// let id = nianbao::cell!(table3.new_received.total);
/// let f = nianbao::format::current();
/// assert_eq!(f.cells()[id.0].key, "table3.new_received.total");
/// ```
#[macro_export]
macro_rules! cell {
    ($table:ident . $row:ident . $column:ident) => {{
        const ID: $crate::format::y2021::CellId =
            $crate::format::y2021::cell(stringify!($table), stringify!($row), stringify!($column));
        ID
    }};
}
