//! The report being filled in: metadata, narrative text, every table value and
//! the notes that confirm warnings.
//!
//! The model is keyed by the [`Format`](crate::format::Format) it follows:
//! table values live in a vector aligned with `format.cells()`, narrative text
//! in a vector aligned with `format.sections`. JSON reading and writing are in
//! [`json`].

mod cell;
mod date;
pub mod json;
pub mod text;
mod totals;

pub use cell::{is_space, Amount, Cell};
pub use date::Date;

use crate::format::{self, Content, Format};
use std::collections::BTreeMap;

/// Level of the reporting agency (机关层级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Township,
    CountyDepartment,
    CountyGovernment,
    CityDepartment,
    CityGovernment,
    ProvinceDepartment,
    ProvinceGovernment,
    StateCouncilDepartment,
}

impl Level {
    pub const ALL: [Level; 8] = [
        Level::Township,
        Level::CountyDepartment,
        Level::CountyGovernment,
        Level::CityDepartment,
        Level::CityGovernment,
        Level::ProvinceDepartment,
        Level::ProvinceGovernment,
        Level::StateCouncilDepartment,
    ];

    /// The key stored in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Level::Township => "township",
            Level::CountyDepartment => "county_department",
            Level::CountyGovernment => "county_government",
            Level::CityDepartment => "city_department",
            Level::CityGovernment => "city_government",
            Level::ProvinceDepartment => "province_department",
            Level::ProvinceGovernment => "province_government",
            Level::StateCouncilDepartment => "state_council_department",
        }
    }

    /// The name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Level::Township => "乡镇/街道",
            Level::CountyDepartment => "县级部门",
            Level::CountyGovernment => "县级政府",
            Level::CityDepartment => "地市级部门",
            Level::CityGovernment => "地市级政府",
            Level::ProvinceDepartment => "省级部门",
            Level::ProvinceGovernment => "省级政府",
            Level::StateCouncilDepartment => "国务院部门",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// Who reports, for which year, by when.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// 机关名称.
    pub agency: String,
    /// 机关层级.
    pub level: Option<Level>,
    /// 报告年度.
    pub year: Option<i32>,
    /// 报送期限; `None` means the default, 1月31日 of the following year.
    pub deadline: Option<Date>,
    /// Optional contact line (联系方式).
    pub contact: String,
}

impl Meta {
    /// The deadline in force: the one set, or 1月31日 after the report year.
    pub fn effective_deadline(&self) -> Option<Date> {
        self.deadline
            .or_else(|| self.year.map(|y| Date::new(y + 1, 1, 31)))
    }
}

/// The report year a new draft starts with: the year just ended, or from
/// October on the current one (offices start preparing before 12月31日).
pub fn default_year(today: Date) -> i32 {
    if today.month >= 10 {
        today.year
    } else {
        today.year - 1
    }
}

/// A whole report in one format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub format: &'static Format,
    pub meta: Meta,
    /// Text before section 一 ("本报告根据…编制…").
    pub preamble: String,
    /// Narrative text of each section, aligned with `format.sections`
    /// (always empty for table sections).
    pub texts: Vec<String>,
    /// Every table value, aligned with `format.cells()`.
    pub cells: Vec<Cell>,
    /// Notes confirming warnings, keyed by the finding's key.
    pub confirmations: BTreeMap<String, String>,
    /// Section headings as printed in an imported report, by section key,
    /// where they are not the template's ("" = the section was not found).
    /// Empty for reports written in the app, which always use the template.
    pub headings: BTreeMap<String, String>,
    /// Imported from a report in the 2019 trial format (国办公开办函〔2019〕
    /// 60号): only what maps onto the 2021 format was read, and the checks
    /// that exist only in the 2021 format are not raised on it. JSON:
    /// `"trial_format": "2019"`.
    pub trial_2019: bool,
}

impl Report {
    /// An empty report in the current format: every cell blank.
    pub fn new() -> Report {
        Report::empty(format::current())
    }

    /// An empty report in the given format.
    pub fn empty(format: &'static Format) -> Report {
        Report {
            format,
            meta: Meta::default(),
            preamble: String::new(),
            texts: vec![String::new(); format.sections.len()],
            cells: vec![Cell::Blank; format.cells().len()],
            confirmations: BTreeMap::new(),
            headings: BTreeMap::new(),
            trial_2019: false,
        }
    }

    /// The value of the cell with this dotted key.
    pub fn cell(&self, key: &str) -> Option<&Cell> {
        self.format.cell_index(key).map(|i| &self.cells[i])
    }

    /// Sets a cell by key; returns false for an unknown key.
    pub fn set_cell(&mut self, key: &str, value: Cell) -> bool {
        match self.format.cell_index(key) {
            Some(i) => {
                self.cells[i] = value;
                true
            }
            None => false,
        }
    }

    /// Narrative text of the section with this key ("" for unknown keys).
    pub fn text(&self, section: &str) -> &str {
        self.section_index(section)
            .map_or("", |i| self.texts[i].as_str())
    }

    /// Sets a section's text; returns false unless it is a text section.
    pub fn set_text(&mut self, section: &str, text: impl Into<String>) -> bool {
        match self.section_index(section) {
            Some(i) if self.format.sections[i].content == Content::Text => {
                self.texts[i] = text.into();
                true
            }
            _ => false,
        }
    }

    fn section_index(&self, key: &str) -> Option<usize> {
        self.format.sections.iter().position(|s| s.key == key)
    }

    /// A new report for the year after this one ("用上一年度报告新建"): the
    /// agency's metadata copied, 二、上年结转 taken from this report's
    /// 四、结转下年度继续办理 column by column, everything else blank.
    pub fn next_year(&self) -> Report {
        let mut next = Report::empty(format::current());
        next.meta = Meta {
            agency: self.meta.agency.clone(),
            level: self.meta.level,
            year: self.meta.year.map(|y| y + 1),
            deadline: None,
            contact: self.meta.contact.clone(),
        };
        for table in next.format.tables {
            let Some(balance) = &table.balance else {
                continue;
            };
            for block in table.blocks {
                for column in block.columns.iter().filter(|c| c.total_of.is_empty()) {
                    let from = self
                        .format
                        .cell_at(table.key, balance.remainder, column.key);
                    let to = next
                        .format
                        .cell_at(table.key, balance.carried_in, column.key);
                    if let (Some(from), Some(to)) = (from, to) {
                        next.cells[to] = self.cells[from].clone();
                    }
                }
            }
        }
        next.recompute_totals();
        next
    }

    /// The file name of a download: the title plus `extension`, with the
    /// characters file systems refuse (/ \ : * ? " < > |) replaced by "_".
    pub fn file_name(&self, extension: &str) -> String {
        let safe: String = self
            .title()
            .chars()
            .map(|c| {
                if "/\\:*?\"<>|".contains(c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        format!("{safe}.{extension}")
    }

    /// Title as published: "{机关名称}{年度}年政府信息公开工作年度报告".
    pub fn title(&self) -> String {
        let year = self.meta.year.map(|y| y.to_string()).unwrap_or_default();
        format!("{}{}年政府信息公开工作年度报告", self.meta.agency, year)
    }
}

impl Default for Report {
    fn default() -> Self {
        Report::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_year_carries_the_remainder_over() {
        let mut last = Report::new();
        last.meta.agency = "某某街道办事处".into();
        last.meta.level = Some(Level::Township);
        last.meta.year = Some(2023);
        last.meta.deadline = Some(Date::new(2024, 1, 20));
        last.set_text("overview", "去年的文字");
        last.set_cell("table3.carried_forward.natural_person", Cell::Count(2));
        last.set_cell("table3.carried_forward.commercial", Cell::Count(1));
        last.set_cell("table3.carried_forward.research", Cell::Count(0));
        last.set_cell("table2.normative_documents.in_force", Cell::Count(9));
        let next = last.next_year();
        assert_eq!(next.meta.agency, "某某街道办事处");
        assert_eq!(next.meta.level, Some(Level::Township));
        assert_eq!(next.meta.year, Some(2024));
        assert_eq!(next.meta.deadline, None);
        assert_eq!(next.text("overview"), "");
        assert_eq!(
            next.cell("table3.carried_over.natural_person"),
            Some(&Cell::Count(2))
        );
        assert_eq!(
            next.cell("table3.carried_over.commercial"),
            Some(&Cell::Count(1))
        );
        assert_eq!(
            next.cell("table3.carried_over.research"),
            Some(&Cell::Count(0))
        );
        assert_eq!(next.cell("table3.carried_over.other"), Some(&Cell::Blank));
        assert_eq!(
            next.cell("table3.carried_over.total"),
            Some(&Cell::Count(3))
        );
        assert_eq!(
            next.cell("table3.carried_forward.natural_person"),
            Some(&Cell::Blank)
        );
        assert_eq!(
            next.cell("table2.normative_documents.in_force"),
            Some(&Cell::Blank)
        );
    }

    #[test]
    fn file_names_follow_the_title() {
        let mut r = Report::new();
        r.meta.agency = "某某区/县 \"局\"".into();
        r.meta.year = Some(2024);
        assert_eq!(
            r.file_name("json"),
            "某某区_县 _局_2024年政府信息公开工作年度报告.json"
        );
    }

    #[test]
    fn default_year_follows_the_reporting_season() {
        assert_eq!(default_year(Date::new(2025, 1, 10)), 2024);
        assert_eq!(default_year(Date::new(2025, 9, 30)), 2024);
        assert_eq!(default_year(Date::new(2025, 11, 26)), 2025);
    }
}
