//! The national report format, as data.
//!
//! Everything the rest of the crate knows about the official template — the six
//! sections, every table, every row and column label, the JSON key of every
//! cell, which cells are totals of which — is written down once, in a
//! [`Format`] value. The UI, the rules, the importers and the exporters read
//! labels and keys from here and never spell them out themselves.
//!
//! A new national revision of the format is a new module beside [`y2021`] that
//! builds another [`Format`], plus one line in [`ALL`].
//!
//! Vocabulary:
//! - a [`Table`] is made of [`Block`]s. Tables 三 and 四 have one block; table 二
//!   has four, one per 第二十条 item, each with its own band and columns.
//! - a block is a grid of [`Row`]s × [`Column`]s; every (row, column) pair is a
//!   cell, addressed by the dotted key `table.row.column`.
//! - a row or column with a non-empty `total_of` is computed: its value is the
//!   sum of the listed siblings.

use std::sync::OnceLock;

pub mod layout;
pub mod y2021;

/// Every format the app can read, newest first. The first one is used for new reports.
pub static ALL: &[&Format] = &[&y2021::FORMAT];

/// The format used for new reports.
pub fn current() -> &'static Format {
    ALL[0]
}

/// Looks a format up by its id (as stored in the JSON `format` field).
pub fn by_id(id: &str) -> Option<&'static Format> {
    ALL.iter().copied().find(|f| f.id == id)
}

/// One national revision of the report format.
#[derive(Debug)]
pub struct Format {
    /// Stable id, stored in every report's JSON (`"format"`).
    pub id: &'static str,
    /// Official title of the format.
    pub name: &'static str,
    /// The notice that issued it, e.g. 国办公开办函〔2021〕30号.
    pub notice: &'static str,
    /// The first report year that uses it.
    pub first_year: i32,
    /// The six sections, in template order.
    pub sections: &'static [Section],
    /// The tables, in template order.
    pub tables: &'static [Table],
    /// Topics the overview (section 一) is expected to cover, in order, with
    /// keywords that show a topic is mentioned.
    pub overview_topics: &'static [Topic],
    /// Largest number of characters the overview should have ("原则上不超过一千字").
    pub overview_max_chars: usize,
    cells: OnceLock<CellIndex>,
}

/// A section of the report.
#[derive(Debug)]
pub struct Section {
    /// JSON key of the section text (`sections.<key>`), or of its table.
    pub key: &'static str,
    /// The template heading, exactly, e.g. "一、总体情况".
    pub heading: &'static str,
    /// The template's note under the heading, e.g. "（文字描述）".
    pub template_note: &'static str,
    /// What the format notice asks this section to contain, verbatim.
    pub guidance: &'static str,
    /// Whether the section is narrative text or one of the tables.
    pub content: Content,
}

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// Narrative text, stored under `sections.<key>`.
    Text,
    /// The table with this key.
    Table(&'static str),
}

/// A topic the overview should cover.
#[derive(Debug)]
pub struct Topic {
    /// The sub-heading offered in the outline, e.g. "（一）主动公开".
    pub outline_heading: &'static str,
    /// The topic's name as the rules mention it.
    pub name: &'static str,
    /// Any of these in the text shows the topic is covered.
    pub keywords: &'static [&'static str],
}

/// How a table is laid out in the published report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Blocks one under the other, each opened by a full-width band (table 二).
    Bands,
    /// One block: rows down, columns across (table 三).
    Grid,
    /// One block printed transposed as a single data row: each row of the block
    /// becomes a group of columns (table 四).
    SingleRow,
}

/// One table of the format.
#[derive(Debug)]
pub struct Table {
    /// JSON key, e.g. "table3".
    pub key: &'static str,
    /// Caption used for accessibility and the published HTML.
    pub caption: &'static str,
    pub layout: Layout,
    /// Text of the top-left corner cell (table 三's 勾稽 note); empty if none.
    pub corner: &'static str,
    /// Header over all data columns (table 三's "申请人情况"); empty if none.
    pub column_header: &'static str,
    pub blocks: &'static [Block],
    /// Rule id checking computed columns, e.g. "T3-COLUMN-SUM".
    pub column_sum_rule: Option<&'static str>,
    /// Rule id checking computed rows, e.g. "T3-OUTCOME-SUM".
    pub row_sum_rule: Option<&'static str>,
    /// The balance identity of the table, if it has one.
    pub balance: Option<Balance>,
}

/// `inflow` rows = `outflow` rows, for every column (table 三's 勾稽关系).
#[derive(Debug)]
pub struct Balance {
    pub rule: &'static str,
    /// Row keys summed on the left, e.g. 本年新收 and 上年结转.
    pub inflow: &'static [&'static str],
    /// The inflow row that takes last year's remainder (二、上年结转).
    pub carried_in: &'static str,
    /// The row closing the year (结转下年度), which the app can suggest.
    pub remainder: &'static str,
    /// The row that totals what was handled (（七）总计).
    pub handled: &'static str,
}

/// A grid of rows × columns inside a table.
#[derive(Debug)]
pub struct Block {
    /// Full-width band over the block, e.g. "第二十条第（一）项".
    pub band: &'static str,
    /// Label of the row-label column, e.g. "信息内容"; empty if none.
    pub row_header: &'static str,
    pub rows: &'static [Row],
    pub columns: &'static [Column],
}

impl Block {
    /// Position of a row in the block, by its key.
    pub fn row_index(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    /// Position of a column in the block, by its key.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

/// A row of a block.
#[derive(Debug)]
pub struct Row {
    pub key: &'static str,
    pub label: &'static str,
    /// Short name used in messages, e.g. "本年新收" (the label when short already).
    pub short: &'static str,
    /// Enclosing row headings, outermost first (e.g. "三、本年度办理结果", "（三）不予公开").
    pub groups: &'static [&'static str],
    /// Keys of the rows this row totals; empty for an input row.
    pub total_of: &'static [&'static str],
}

/// A column of a block.
#[derive(Debug)]
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
    /// Enclosing column headings, outermost first (e.g. "法人或其他组织").
    pub groups: &'static [&'static str],
    pub kind: Kind,
    /// Keys of the columns this column totals; empty for an input column.
    pub total_of: &'static [&'static str],
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number ≥ 0.
    Count,
    /// An amount of money in 万元, kept as entered.
    Amount,
}

/// Where a cell sits in its format, with everything needed to label it.
#[derive(Debug)]
pub struct CellDef {
    /// Dotted JSON path, e.g. "table3.new_received.natural_person".
    pub key: String,
    /// Accessible name: row label (with its groups) and column label, e.g.
    /// "一、本年新收政府信息公开申请数量 自然人".
    pub name: String,
    pub table: &'static Table,
    pub block: &'static Block,
    pub row: &'static Row,
    pub column: &'static Column,
    /// Index of the table in [`Format::tables`].
    pub table_index: usize,
    pub kind: Kind,
    /// True when the app computes the value (a total row or column).
    pub computed: bool,
}

#[derive(Debug)]
struct CellIndex {
    cells: Vec<CellDef>,
    /// (key, index), sorted by key.
    by_key: Vec<(String, usize)>,
    /// (table index, block index, index of the block's first cell).
    blocks: Vec<(usize, usize, usize)>,
}

impl Format {
    /// Every cell of every table, in template order (table, block, row, column).
    pub fn cells(&self) -> &[CellDef] {
        &self.index().cells
    }

    /// Index of the cell with this dotted key.
    pub fn cell_index(&self, key: &str) -> Option<usize> {
        let by_key = &self.index().by_key;
        by_key
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| by_key[i].1)
    }

    /// Index of the cell at (table, row, column) keys, without building the
    /// dotted key (the rules call this often).
    pub fn cell_at(&self, table: &str, row: &str, column: &str) -> Option<usize> {
        for &(t, b, start) in &self.index().blocks {
            if self.tables[t].key != table {
                continue;
            }
            let block = &self.tables[t].blocks[b];
            if let Some(r) = block.row_index(row) {
                let c = block.column_index(column)?;
                return Some(start + r * block.columns.len() + c);
            }
        }
        None
    }

    /// Index of the first cell of a block: the cell at row `r`, column `c`
    /// of the block is `block_start + r * block.columns.len() + c`.
    pub fn block_start(&self, block: &Block) -> usize {
        self.index()
            .blocks
            .iter()
            .find(|&&(t, b, _)| std::ptr::eq(&self.tables[t].blocks[b], block))
            .map(|&(_, _, start)| start)
            .expect("block of this format")
    }

    /// The table with this key.
    pub fn table(&self, key: &str) -> Option<&'static Table> {
        self.tables.iter().find(|t| t.key == key)
    }

    /// The section with this key.
    pub fn section(&self, key: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The sections holding narrative text, in order.
    pub fn text_sections(&self) -> impl Iterator<Item = &'static Section> {
        self.sections.iter().filter(|s| s.content == Content::Text)
    }

    fn index(&self) -> &CellIndex {
        self.cells.get_or_init(|| {
            let mut cells = Vec::new();
            let mut blocks = Vec::new();
            for (table_index, table) in self.tables.iter().enumerate() {
                for (block_index, block) in table.blocks.iter().enumerate() {
                    blocks.push((table_index, block_index, cells.len()));
                    for row in block.rows {
                        for column in block.columns {
                            cells.push(CellDef {
                                key: format!("{}.{}.{}", table.key, row.key, column.key),
                                name: accessible_name(row, column),
                                table,
                                block,
                                row,
                                column,
                                table_index,
                                kind: column.kind,
                                computed: !row.total_of.is_empty() || !column.total_of.is_empty(),
                            });
                        }
                    }
                }
            }
            let mut by_key: Vec<(String, usize)> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| (c.key.clone(), i))
                .collect();
            crate::sort::by(&mut by_key, |(a, _), (b, _)| a > b);
            CellIndex {
                cells,
                by_key,
                blocks,
            }
        })
    }
}

/// The accessible name of a table input: its row label and its column label,
/// e.g. "一、本年新收政府信息公开申请数量 自然人" (unique in every table).
fn accessible_name(row: &Row, column: &Column) -> String {
    format!("{} {}", row.label, column.label)
}

/// Every label of the template, once per place it takes in the printed
/// template: section headings, then each table's header cells as laid out by
/// [`layout::table_rows`]. Tests compare this with the official format.
pub fn template_labels(format: &Format) -> Vec<&'static str> {
    let mut out = Vec::new();
    for section in format.sections {
        out.push(section.heading);
        if let Content::Table(key) = section.content {
            let table = format
                .table(key)
                .expect("section names a table of its format");
            for row in layout::table_rows(format, table) {
                for slot in row.slots {
                    if let layout::Slot::Header { text, .. } = slot {
                        out.push(text);
                    }
                }
            }
        }
    }
    out
}

/// Formats are compared by id: there is one static value per revision.
impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.id == other.id
    }
}

impl Eq for Format {}
