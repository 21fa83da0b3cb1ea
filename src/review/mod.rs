//! Reviewing many reports at once, for the office that receives them (the
//! 审核台) and for the batch command (`nianbao-check`): each file read by the
//! same importer and checked by the same rules as on the form, paired with
//! the same agency's report of the year before, and summed up as overview
//! rows, findings and CSV files.
//!
//! - [`csv`]: the two CSV files (UTF-8 with BOM, for Excel and WPS)
//! - [`repetition`]: how much of a section repeats last year's
//! - [`aggregate`]: 汇总, a government's report as the sum of its units'
//! - [`archive`]: the files of a .zip, each read as a file of its own
//! - [`page`]: the 审核台's views as markup
//!
//! Not for: reading files from disk or the browser (the command and the
//! page do that and hand over bytes).

pub mod aggregate;
pub mod archive;
pub mod csv;
pub mod page;
pub mod repetition;

use crate::import::{self, job};
use crate::model::Report;
use crate::rules::{check, Context, Finding, Severity, Summary};

/// One file of a batch, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The file's name (or path) as given.
    pub file: String,
    /// The report, or why the file could not be read.
    pub report: Result<Report, String>,
    /// The importer's notes (a published page's review).
    pub notes: Vec<String>,
}

impl Item {
    /// A file that could not be read, and why.
    pub fn unreadable(file: String, why: String) -> Item {
        Item {
            file,
            report: Err(why),
            notes: Vec::new(),
        }
    }

    /// The item [`read_published`] read, as the importer worker sends it
    /// (the report as our JSON, and the notes) back to the 审核台.
    pub fn sent(&self) -> Result<(String, Vec<String>), String> {
        match &self.report {
            Ok(r) => Ok((r.to_json_string(), self.notes.clone())),
            Err(why) => Err(why.clone()),
        }
    }

    /// An item as the importer worker sent it ([`Item::sent`]).
    pub fn received(file: String, sent: Result<(String, Vec<String>), String>) -> Item {
        match sent {
            Ok((json, notes)) => match Report::from_json_str(&json) {
                Ok(r) => Item {
                    file,
                    report: Ok(r),
                    notes,
                },
                Err(_) => Item::unreadable(file, job::ANSWER_UNREADABLE.to_string()),
            },
            Err(why) => Item::unreadable(file, why),
        }
    }
}

/// Reads one file's bytes: our JSON by its name, anything else as a
/// published page or text; legacy charsets through `decoder`.
pub fn read_item(file: &str, bytes: &[u8], decoder: &impl job::Decode) -> Item {
    read_plain(file, bytes).unwrap_or_else(|| read_published(file, bytes, decoder))
}

/// What [`read_item`] reads without the importer: our JSON, and a kind not
/// read at all (why). `None` for the rest, which [`read_published`] reads
/// (in the 审核台, in the importer worker, so that the page's own module
/// does not carry the importer).
pub fn read_plain(file: &str, bytes: &[u8]) -> Option<Item> {
    let report = if let Some(why) = import::unsupported(file) {
        Err(why)
    } else if file.to_ascii_lowercase().ends_with(".json") {
        import::json_file(bytes).map_err(|e| e.join("；"))
    } else {
        return None;
    };
    Some(Item {
        file: file.to_string(),
        report,
        notes: Vec::new(),
    })
}

/// A saved page, text, Word, PDF or OFD file (the kinds
/// [`import::unsupported`] lets by, but our JSON), read by the importer.
pub fn read_published(file: &str, bytes: &[u8], decoder: &impl job::Decode) -> Item {
    let (report, notes) = match job::recognise(bytes, decoder) {
        Ok(r) => (Ok(r.report), r.notes),
        Err(e) => (Err(e), Vec::new()),
    };
    Item {
        file: file.to_string(),
        report,
        notes,
    }
}

/// Agency (as [`agency_key`] compares it) and year of a file, cheaply: a
/// saved page by its `<title>` when it names them, anything else read whole.
pub fn identify(file: &str, bytes: &[u8], decoder: &impl job::Decode) -> Option<(String, i32)> {
    let lower = file.to_ascii_lowercase();
    if [".html", ".htm", ".shtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        let head = &bytes[..bytes.len().min(16 * 1024)];
        let charset = import::published::detect_charset(bytes);
        let text = job::decode_as(head, charset, decoder).ok();
        if let Some((agency, year)) = text.as_deref().and_then(import::published::identify) {
            let key = crate::model::text::without_spaces(&agency).into_owned();
            return (!key.is_empty()).then_some((key, year));
        }
    }
    let r = read_item(file, bytes, decoder).report.ok()?;
    let key = agency_key(&r);
    (!key.is_empty()).then_some((key, r.meta.year?))
}

/// An agency's name as compared across files: no spaces.
pub fn agency_key(report: &Report) -> String {
    crate::model::text::without_spaces(&report.meta.agency).into_owned()
}

/// For each item, the index of the same agency's report of the year before,
/// if it is in the batch (the first such, in batch order).
pub fn last_years(items: &[Item]) -> Vec<Option<usize>> {
    let keys: Vec<Option<(String, i32)>> = items
        .iter()
        .map(|it| {
            let r = it.report.as_ref().ok()?;
            let agency = agency_key(r);
            (!agency.is_empty()).then_some((agency, r.meta.year?))
        })
        .collect();
    // The first item of each (agency, year), looked up once per item.
    let mut first: std::collections::BTreeMap<(&str, i32), usize> =
        std::collections::BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((a, y)) = k {
            first.entry((a.as_str(), *y)).or_insert(i);
        }
    }
    keys.iter()
        .map(|k| {
            let (agency, year) = k.as_ref()?;
            first.get(&(agency.as_str(), year - 1)).copied()
        })
        .collect()
}

/// The findings of every item (empty for unreadable ones), with the same
/// agency's earlier report as last year's where the batch has it.
pub fn check_all(items: &[Item], today: Option<crate::model::Date>) -> Vec<Vec<Finding>> {
    let last = last_years(items);
    items
        .iter()
        .zip(&last)
        .map(|(it, l)| match &it.report {
            Ok(report) => check(&Context {
                report,
                last_year: l.and_then(|i| items[i].report.as_ref().ok()),
                today,
            }),
            Err(_) => Vec::new(),
        })
        .collect()
}

/// Whether a report can be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No error, no unconfirmed warning: 可以发布.
    Publishable,
    /// 不宜发布.
    Blocked,
    /// The file could not be read.
    Unreadable,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Publishable => "publishable",
            Status::Blocked => "blocked",
            Status::Unreadable => "unreadable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Publishable => "可以发布",
            Status::Blocked => "不宜发布",
            Status::Unreadable => "无法读取",
        }
    }
}

/// One row of the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    pub agency: String,
    /// 机关层级 as shown ("" when not known).
    pub level: String,
    pub year: Option<i32>,
    pub status: Status,
    pub errors: usize,
    pub warnings: usize,
    pub confirmed: usize,
    /// The first error's message, or why the file could not be read.
    pub first_error: String,
    /// Another report of the same agency and year is in the batch.
    pub duplicate: bool,
}

/// The overview rows, in batch order.
pub fn rows(items: &[Item], findings: &[Vec<Finding>]) -> Vec<Row> {
    let key = |it: &Item| {
        it.report.as_ref().ok().and_then(|r| {
            let a = agency_key(r);
            (!a.is_empty()).then_some((a, r.meta.year))
        })
    };
    let keys: Vec<_> = items.iter().map(key).collect();
    // How many files each (agency, year) has: duplicates in one pass.
    let mut counts: std::collections::BTreeMap<&(String, Option<i32>), usize> =
        std::collections::BTreeMap::new();
    for k in keys.iter().flatten() {
        *counts.entry(k).or_default() += 1;
    }
    items
        .iter()
        .zip(findings)
        .enumerate()
        .map(|(i, (it, found))| match &it.report {
            Ok(r) => {
                let s = Summary::of(r, found);
                Row {
                    file: it.file.clone(),
                    agency: r.meta.agency.clone(),
                    level: r
                        .meta
                        .level
                        .map_or(String::new(), |l| l.label().to_string()),
                    year: r.meta.year,
                    status: if s.publishable() {
                        Status::Publishable
                    } else {
                        Status::Blocked
                    },
                    errors: s.errors,
                    warnings: s.warnings,
                    confirmed: s.confirmed,
                    first_error: found
                        .iter()
                        .find(|f| f.severity == Severity::Error)
                        .map_or(String::new(), |f| f.message.clone()),
                    duplicate: keys[i]
                        .as_ref()
                        .is_some_and(|k| counts.get(k).is_some_and(|n| *n > 1)),
                }
            }
            Err(why) => Row {
                file: it.file.clone(),
                agency: String::new(),
                level: String::new(),
                year: None,
                status: Status::Unreadable,
                errors: 0,
                warnings: 0,
                confirmed: 0,
                first_error: why.clone(),
                duplicate: false,
            },
        })
        .collect()
}

impl Row {
    /// The command's line for this file: its path first, then the status,
    /// the counts and the first error (tab-separated).
    pub fn line(&self) -> String {
        let mut line = format!("{}\t{}", self.file, self.status.label());
        if self.status != Status::Unreadable {
            line.push_str(&format!(
                "\t错误 {}\t警告 {}\t已核实 {}",
                self.errors, self.warnings, self.confirmed
            ));
            if self.duplicate {
                line.push_str("\t重复");
            }
        }
        if !self.first_error.is_empty() {
            line.push('\t');
            line.push_str(&self.first_error.replace(['\n', '\t'], " "));
        }
        line
    }
}

/// One finding as a JSON line of the batch: the file, the agency and year,
/// then the finding itself (rule, severity, message, keys, key).
pub fn finding_json(item: &Item, f: &Finding) -> String {
    let Ok(report) = &item.report else {
        return String::new();
    };
    let mut value = f.to_json(report);
    if let Some(o) = value.as_object_mut() {
        o.insert("file".into(), item.file.clone().into());
        o.insert("agency".into(), report.meta.agency.clone().into());
        o.insert("year".into(), report.meta.year.into());
    }
    crate::model::json::compact(&value)
}
