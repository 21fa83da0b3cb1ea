//! Drafts kept in a key-value store — `localStorage` in the browser, a map in
//! tests — so that no keystroke is ever lost.
//!
//! Keys (all under [`PREFIX`], so that other pages of the same origin, or other
//! local files opened from disk, cannot collide with them):
//!
//! | key | value |
//! |---|---|
//! | `nianbao:draft:{id}` | a [`Draft`] envelope (JSON, with `"store": 1`) |
//! | `nianbao:open` | the id of the draft that was open |
//!
//! Rules this module keeps:
//! - a save never overwrites a newer revision written by another tab: it
//!   reports [`SaveError::Conflict`] instead;
//! - a failed write (quota) leaves the previous copy as it was;
//! - an entry that cannot be read (corrupted, foreign, from a newer version)
//!   is never rewritten or removed by the store: it is listed as unreadable
//!   with its raw text, for the user to download; only an explicit
//!   [`Store::purge`] removes it.

use crate::model::Report;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

pub mod list;
pub mod session;

/// Prefix of every key this app writes.
pub const PREFIX: &str = "nianbao:";
/// The key holding the id of the open draft.
pub const OPEN_KEY: &str = "nianbao:open";
/// Version of the draft envelope this build writes.
pub const STORE_VERSION: u64 = 1;

/// The storage under the drafts.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str) -> Result<(), WriteError>;
    fn keys(&self) -> Vec<String>;
}

/// Why a write failed. The previous value stays in place either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage is full.
    Quota,
    /// Storage refused the write for another reason.
    Other(String),
}

/// A draft: the report, last year's report as the baseline, and bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    /// A name the user gave the draft ("" = none: the title is shown).
    pub name: String,
    /// Incremented by every save; a tab only saves over the revision it has.
    pub revision: u64,
    /// When it was last saved (ISO 8601, from the browser's clock).
    pub saved_at: String,
    /// In the bin (deleted, restorable).
    pub deleted: bool,
    pub report: Report,
    pub last_year: Option<Report>,
    /// The report's error count as the page last computed it (for the drafts
    /// list; the store never runs the rules); `None` if not known.
    pub errors: Option<usize>,
}

/// What the drafts list shows of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub agency: String,
    pub year: Option<i32>,
    pub saved_at: String,
    /// Errors of the report when it was saved; `None` if not known.
    pub errors: Option<usize>,
    pub deleted: bool,
}

/// An entry under our keys that cannot be used, kept as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// One entry of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Draft(DraftSummary),
    Unreadable(Unreadable),
}

/// Why a draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or not a draft.
    Corrupt(String),
    /// Written by a newer version of nianbao.
    Newer(u64),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Corrupt(why) => write!(f, "内容已损坏或不是本工具的草稿：{why}"),
            ReadError::Newer(v) => write!(
                f,
                "由更新版本的 nianbao 保存（存储格式 {v}，本版本为 {STORE_VERSION}），本版本不会改动它"
            ),
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab saved a newer revision: here it is.
    Conflict(Box<Draft>),
    /// The stored entry is unreadable: it is left alone.
    Unreadable(ReadError),
    Write(WriteError),
}

pub fn draft_key(id: &str) -> String {
    format!("{PREFIX}draft:{id}")
}

fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("draft:")
}

impl Draft {
    pub fn new(id: impl Into<String>, report: Report) -> Draft {
        Draft {
            id: id.into(),
            name: String::new(),
            revision: 0,
            saved_at: String::new(),
            deleted: false,
            report,
            last_year: None,
            errors: None,
        }
    }

    /// The envelope as JSON text.
    pub fn to_json(&self) -> String {
        // Built entry by entry: `json!` would copy each report's value
        // through a serializer (a KB more in the form page).
        let mut o = Map::new();
        o.insert("store".into(), STORE_VERSION.into());
        o.insert("id".into(), self.id.clone().into());
        o.insert("name".into(), self.name.clone().into());
        o.insert("revision".into(), self.revision.into());
        o.insert("saved_at".into(), self.saved_at.clone().into());
        o.insert("deleted".into(), self.deleted.into());
        o.insert("agency".into(), self.report.meta.agency.clone().into());
        o.insert("year".into(), self.report.meta.year.into());
        o.insert("errors".into(), self.errors.into());
        o.insert("report".into(), self.report.to_json());
        o.insert(
            "last_year".into(),
            self.last_year.as_ref().map(Report::to_json).into(),
        );
        crate::model::json::compact(&Value::Object(o))
    }

    /// Reads an envelope, migrating older store versions.
    pub fn from_json(text: &str) -> Result<Draft, ReadError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| ReadError::Corrupt(format!("不是 JSON（{e}）")))?;
        let value = migrate(value)?;
        let field = |k: &str| value.get(k);
        let report = Report::from_json(field("report").unwrap_or(&Value::Null)).map_err(|e| {
            ReadError::Corrupt(
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("；"),
            )
        })?;
        let last_year = match field("last_year") {
            None | Some(Value::Null) => None,
            Some(v) => Some(Report::from_json(v).map_err(|e| {
                ReadError::Corrupt(format!(
                    "上年报告：{}",
                    e.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("；")
                ))
            })?),
        };
        let text_of = |k: &str| field(k).and_then(Value::as_str).unwrap_or("").to_string();
        Ok(Draft {
            id: text_of("id"),
            name: text_of("name"),
            revision: field("revision").and_then(Value::as_u64).unwrap_or(0),
            saved_at: text_of("saved_at"),
            deleted: field("deleted").and_then(Value::as_bool).unwrap_or(false),
            report,
            last_year,
            errors: field("errors")
                .and_then(Value::as_u64)
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        })
    }
}

/// Brings a stored value to the current envelope version.
///
/// Version 1 is the first this app wrote; `tests/fixtures/store/draft-v1.json`
/// keeps a copy so that every later version is tested against it. A bare
/// report (a downloaded JSON file placed under our key) is wrapped.
pub fn migrate(value: Value) -> Result<Value, ReadError> {
    let Some(object) = value.as_object() else {
        return Err(ReadError::Corrupt("不是 JSON 对象".into()));
    };
    match object.get("store").map(Value::as_u64) {
        Some(Some(STORE_VERSION)) => Ok(value),
        Some(Some(v)) if v > STORE_VERSION => Err(ReadError::Newer(v)),
        Some(_) => Err(ReadError::Corrupt("未知的存储格式".into())),
        None if object
            .get("schema")
            .and_then(Value::as_str)
            .is_some_and(|s| s.starts_with(crate::model::json::SCHEMA_PREFIX)) =>
        {
            let mut o = Map::new();
            o.insert("store".into(), STORE_VERSION.into());
            o.insert("report".into(), value);
            Ok(Value::Object(o))
        }
        None => Err(ReadError::Corrupt("缺少存储格式标识".into())),
    }
}

/// Drafts over a key-value store.
#[derive(Debug)]
pub struct Store<K: KeyValue> {
    pub kv: K,
}

impl<K: KeyValue> Store<K> {
    pub fn new(kv: K) -> Store<K> {
        Store { kv }
    }

    /// Every entry under our draft keys, newest first; unreadable ones last.
    pub fn list(&self) -> Vec<Entry> {
        let mut drafts = Vec::new();
        let mut bad = Vec::new();
        for key in self.kv.keys() {
            let Some(id) = id_of_key(&key) else { continue };
            let Some(raw) = self.kv.get(&key) else {
                continue;
            };
            match summary(id, &raw) {
                Ok(s) => drafts.push(s),
                Err(e) => bad.push(Unreadable {
                    key: key.clone(),
                    raw,
                    reason: e.to_string(),
                }),
            }
        }
        crate::sort::by(&mut drafts, |a: &DraftSummary, b: &DraftSummary| {
            a.saved_at < b.saved_at
        });
        crate::sort::by(&mut bad, |a, b| a.key > b.key);
        drafts
            .into_iter()
            .map(Entry::Draft)
            .chain(bad.into_iter().map(Entry::Unreadable))
            .collect()
    }

    pub fn load(&self, id: &str) -> Option<Result<Draft, ReadError>> {
        self.kv
            .get(&draft_key(id))
            .map(|raw| Draft::from_json(&raw))
    }

    /// Saves `draft` as a new revision, unless the stored copy is newer than
    /// the revision the draft was based on. On success `draft.revision` and
    /// `draft.saved_at` are updated; on failure the draft and the stored copy
    /// are unchanged.
    pub fn save(&mut self, draft: &mut Draft, now: &str) -> Result<(), SaveError> {
        let key = draft_key(&draft.id);
        if let Some(raw) = self.kv.get(&key) {
            match Draft::from_json(&raw) {
                Ok(stored) if stored.revision > draft.revision => {
                    return Err(SaveError::Conflict(Box::new(stored)));
                }
                Ok(_) => {}
                Err(e) => return Err(SaveError::Unreadable(e)),
            }
        }
        let mut next = draft.clone();
        next.revision += 1;
        next.saved_at = now.to_string();
        self.kv
            .set(&key, &next.to_json())
            .map_err(SaveError::Write)?;
        *draft = next;
        Ok(())
    }

    /// The id of the draft that was open, if it still exists.
    pub fn open_id(&self) -> Option<String> {
        let id = self.kv.get(OPEN_KEY)?;
        self.kv.get(&draft_key(&id)).map(|_| id)
    }

    pub fn set_open(&mut self, id: &str) -> Result<(), WriteError> {
        self.kv.set(OPEN_KEY, id)
    }

    /// Moves a draft to the bin, or back (a new revision either way).
    pub fn set_deleted(&mut self, id: &str, deleted: bool, now: &str) -> Result<(), SaveError> {
        let mut draft = match self.load(id) {
            Some(Ok(d)) => d,
            Some(Err(e)) => return Err(SaveError::Unreadable(e)),
            None => return Ok(()),
        };
        draft.deleted = deleted;
        self.save(&mut draft, now)
    }

    /// Removes an entry for good: only on the user's explicit request.
    pub fn purge(&mut self, key: &str) -> Result<(), WriteError> {
        if key.starts_with(PREFIX) {
            self.kv.remove(key)?;
        }
        Ok(())
    }
}

/// The last saved copy of the open draft, as a file to download: what the
/// app offers when it can no longer run (a crash, see `browser::panic`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The file name, as for "下载 JSON".
    pub file_name: String,
    /// A report file that can be imported again; the stored text as it is
    /// when it cannot be read as a draft (nothing is lost either way).
    pub content: String,
    /// When it was saved (ISO 8601), "" if unknown.
    pub saved_at: String,
}

/// The backup of the open draft, read straight from storage.
pub fn backup<K: KeyValue>(kv: &K) -> Option<Backup> {
    let id = kv.get(OPEN_KEY)?;
    let raw = kv.get(&draft_key(&id))?;
    Some(match Draft::from_json(&raw) {
        Ok(draft) => Backup {
            file_name: draft.report.file_name("json"),
            content: draft.report.to_export_json(&draft.saved_at),
            saved_at: draft.saved_at,
        },
        Err(_) => Backup {
            file_name: "nianbao-草稿备份.json".to_string(),
            content: raw,
            saved_at: String::new(),
        },
    })
}

/// A draft's line in the list. The whole draft is read (once), so that a
/// draft whose report is damaged is listed as unreadable, not as a draft
/// that then fails to open.
fn summary(id: &str, raw: &str) -> Result<DraftSummary, ReadError> {
    let draft = Draft::from_json(raw)?;
    Ok(DraftSummary {
        id: if draft.id.is_empty() {
            id.to_string()
        } else {
            draft.id.clone()
        },
        name: draft.name.clone(),
        agency: draft.report.meta.agency.clone(),
        year: draft.report.meta.year,
        saved_at: draft.saved_at.clone(),
        errors: draft.errors,
        deleted: draft.deleted,
    })
}

/// A key-value store in memory: the fallback when the browser keeps nothing,
/// and the store of the tests (with an optional quota in bytes).
#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(WriteError::Quota);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), WriteError> {
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}
