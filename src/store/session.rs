//! The draft session: which draft is open, the revision this page's copy is
//! based on, whether its edits are saved, failed to save or conflict with
//! another tab, and every action on drafts, as methods that say what
//! happened. The UI is a view of it (`ui::drafts`); the fault-matrix test
//! (`tests/session.rs`) drives it over a quota-limited in-memory store.
//!
//! The one rule: an action that leaves the open draft (new, open,
//! duplicate, new from last year, import as new, delete the open draft, keep
//! mine as new) saves its edits first; if they cannot be saved the action
//! does not happen and its error says why, the session keeps the edits, and
//! the user can download a backup or retry. Nothing is reported saved that
//! was not.
//!
//! Not for: where the report lives while it is typed (the editor's signal in
//! the UI, which hands the session its content with [`Session::set_content`]),
//! nor the wording of buttons and banners.

use super::{draft_key, Draft, Entry, KeyValue, ReadError, SaveError, Store, WriteError};
use crate::model::Report;
use std::fmt;

/// Why a storage action did not happen. One message each, said once.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// The browser's storage is full.
    Full,
    /// Storage refused for another reason (the browser's words).
    Refused(String),
    /// The stored entry of that draft cannot be read; it was left alone.
    Unreadable(ReadError),
    /// Another tab saved a newer revision of the open draft.
    Conflict,
    /// The draft is no longer in storage.
    Missing,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => f.write_str(
                "浏览器存储空间已满（上一次保存的内容完好）。请下载 JSON 备份，并在“我的草稿”中彻底删除不用的草稿后重试",
            ),
            StorageError::Refused(why) => write!(
                f,
                "浏览器拒绝保存（{why}），上一次保存的内容完好。请下载 JSON 备份后重试"
            ),
            StorageError::Unreadable(e) => write!(
                f,
                "存储中该草稿的条目无法读取，未覆盖它：{e}。请下载 JSON 备份"
            ),
            StorageError::Conflict => f.write_str(
                "此草稿已在另一个标签页或窗口中修改，为免互相覆盖未保存。请先选择“载入另一页的版本”或“把本页内容另存为新草稿”",
            ),
            StorageError::Missing => f.write_str("该草稿已不在浏览器存储中"),
        }
    }
}

impl From<WriteError> for StorageError {
    fn from(e: WriteError) -> StorageError {
        match e {
            WriteError::Quota => StorageError::Full,
            WriteError::Other(why) => StorageError::Refused(why),
        }
    }
}

/// Whether the open draft's content is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Saved at this ISO time ("" = opened and not changed since).
    Saved(String),
    /// Edited since the last save; the autosave will write it.
    Unsaved,
    /// The last save failed; the previous copy in storage is intact.
    Failed(StorageError),
    /// Another tab saved this newer copy; nothing is saved until the user
    /// takes it or keeps this page's content as a new draft.
    Conflict(Box<Draft>),
}

/// Every action on drafts: the UI's buttons, and the retry of a blocked one.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A new, empty draft holding this report (the year preset).
    New(Box<Report>),
    Open(String),
    Duplicate(String),
    /// A draft for the next year with that draft as last year's report.
    NextYear(String),
    /// A report read from a file or a published page, as a new draft.
    ImportAsNew(Box<Report>),
    Rename(String, String),
    /// To the bin; the open draft is replaced by this new report.
    Delete(String, Box<Report>),
    Restore(String),
    /// Removes a key for good (a draft in the bin, an unreadable entry).
    Purge(String),
    TakeTheirs,
    KeepMineAsNew,
}

impl Action {
    /// What the action is, for "…未执行" messages.
    pub fn label(&self) -> &'static str {
        match self {
            Action::New(_) => "新建草稿",
            Action::Open(_) => "打开草稿",
            Action::Duplicate(_) => "复制草稿",
            Action::NextYear(_) => "用作上年报告新建",
            Action::ImportAsNew(_) => "导入为新草稿",
            Action::Rename(..) => "重命名",
            Action::Delete(..) => "删除草稿",
            Action::Restore(_) => "恢复草稿",
            Action::Purge(_) => "彻底删除",
            Action::TakeTheirs => "载入另一页的版本",
            Action::KeepMineAsNew => "另存为新草稿",
        }
    }
}

/// What an action did, for the notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// The message, true to what happened.
    pub message: String,
    /// The editor must show the open draft again (another one was opened).
    pub switched: bool,
}

/// The open draft and its store.
#[derive(Debug)]
pub struct Session<K: KeyValue> {
    store: Store<K>,
    draft: Draft,
    state: SaveState,
    /// Edited since the page opened (for a store that keeps nothing).
    edited: bool,
    /// The store outlives the page (not a memory fallback).
    pub persistent: bool,
    /// See [`Session::take_notice`].
    notice: Option<String>,
}

/// What went wrong when the session started, for its own banner.
#[derive(Debug, Clone, PartialEq)]
pub struct StartupProblem {
    pub id: String,
    pub error: ReadError,
}

impl fmt::Display for StartupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "上次打开的草稿（{}）无法读取，已原样保留（可在“我的草稿”中下载其原文）；现在打开的是一份新草稿。原因：{}",
            self.id, self.error
        )
    }
}

impl<K: KeyValue> Session<K> {
    /// Opens the draft that was open, or starts `fresh` (not yet stored)
    /// under the id `new_id`.
    pub fn start(
        kv: K,
        persistent: bool,
        fresh: Report,
        new_id: String,
    ) -> (Session<K>, Option<StartupProblem>) {
        let store = Store::new(kv);
        let mut problem = None;
        let draft = match store.open_id().map(|id| (store.load(&id), id)) {
            Some((Some(Ok(draft)), _)) => draft,
            Some((Some(Err(error)), id)) => {
                problem = Some(StartupProblem { id, error });
                Draft::new(new_id, fresh)
            }
            _ => Draft::new(new_id, fresh),
        };
        let state = SaveState::Saved(draft.saved_at.clone());
        let session = Session {
            store,
            draft,
            state,
            edited: false,
            persistent,
            notice: None,
        };
        (session, problem)
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    pub fn kv(&self) -> &K {
        &self.store.kv
    }

    /// The storage itself, bypassing the session (tests inject faults here).
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.store.kv
    }

    /// Every entry of the store, for the drafts list.
    pub fn list(&self) -> Vec<Entry> {
        self.store.list()
    }

    /// The content was edited: the state becomes unsaved (a conflict stays).
    pub fn touch(&mut self) {
        self.edited = true;
        if !matches!(self.state, SaveState::Conflict(_)) {
            self.state = SaveState::Unsaved;
        }
    }

    /// The editor's current content, handed over before a save or an
    /// action, with its error count as the page computed it (the drafts list
    /// shows it; the store never runs the rules).
    pub fn set_content(
        &mut self,
        report: Report,
        last_year: Option<Report>,
        errors: Option<usize>,
    ) {
        self.draft.report = report;
        self.draft.last_year = last_year;
        self.draft.errors = errors;
    }

    /// Edits the content (`set_content` and `touch` at once).
    pub fn edit(&mut self, report: Report, last_year: Option<Report>) {
        self.set_content(report, last_year, None);
        self.touch();
    }

    /// Leaving the page now would lose something: edits not saved, a failed
    /// save, a conflict, or (when the store keeps nothing) any edit at all.
    pub fn leave_would_lose(&self) -> bool {
        !matches!(self.state, SaveState::Saved(_)) || (!self.persistent && self.edited)
    }

    /// Saves the open draft if it has unsaved or failed edits.
    pub fn save(&mut self, now: &str) -> Result<(), StorageError> {
        match &self.state {
            SaveState::Saved(_) => Ok(()),
            SaveState::Conflict(_) => Err(StorageError::Conflict),
            SaveState::Unsaved | SaveState::Failed(_) => self.write(now),
        }
    }

    /// Writes the open draft as a new revision, whatever the state says.
    fn write(&mut self, now: &str) -> Result<(), StorageError> {
        let result = self.store.save(&mut self.draft, now);
        match result {
            Ok(()) => {
                self.state = SaveState::Saved(self.draft.saved_at.clone());
                self.remember_open();
                Ok(())
            }
            Err(SaveError::Conflict(theirs)) => {
                self.state = SaveState::Conflict(theirs);
                Err(StorageError::Conflict)
            }
            Err(e) => {
                let e = match e {
                    SaveError::Unreadable(e) => StorageError::Unreadable(e),
                    SaveError::Write(w) => w.into(),
                    SaveError::Conflict(_) => StorageError::Conflict,
                };
                self.state = SaveState::Failed(e.clone());
                Err(e)
            }
        }
    }

    /// Another tab wrote `key` (the browser's storage event): a newer copy
    /// of the open draft puts the session in conflict. True when it did.
    pub fn external_write(&mut self, key: &str, value: Option<&str>) -> bool {
        if key != draft_key(&self.draft.id) {
            return false;
        }
        match value.map(Draft::from_json) {
            Some(Ok(theirs)) if theirs.revision > self.draft.revision => {
                self.state = SaveState::Conflict(Box::new(theirs));
                true
            }
            _ => false,
        }
    }

    fn load(&self, id: &str) -> Result<Draft, StorageError> {
        match self.store.load(id) {
            Some(Ok(d)) => Ok(d),
            Some(Err(e)) => Err(StorageError::Unreadable(e)),
            None => Err(StorageError::Missing),
        }
    }

    /// The draft `id`: the open one as this page holds it, else from storage.
    fn open_or_load(&self, id: &str) -> Result<Draft, StorageError> {
        if id == self.draft.id {
            Ok(self.draft.clone())
        } else {
            self.load(id)
        }
    }

    /// Makes `draft` the open draft, stored as it is (new drafts are written
    /// at once; a failure leaves it open and unsaved, never lost).
    fn switch(&mut self, draft: Draft, now: &str, write: bool) -> Result<(), StorageError> {
        self.draft = draft;
        self.edited = false;
        self.state = SaveState::Saved(self.draft.saved_at.clone());
        if write {
            self.write(now)
        } else {
            self.remember_open();
            Ok(())
        }
    }

    /// Records which draft is open, for the next visit. Failing that loses
    /// no data, but the user is told (see [`Session::take_notice`]).
    fn remember_open(&mut self) {
        if let Err(e) = self.store.set_open(&self.draft.id) {
            self.notice = Some(format!(
                "未能记下当前打开的草稿（{}）：下次打开本页时可能打开另一份草稿，请在“我的草稿”中选择",
                StorageError::from(e)
            ));
        }
    }

    /// A message about something that failed without losing data (which
    /// draft opens next time), once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// Runs `action`. `new_id` names a draft the action creates. On `Err`,
    /// nothing happened but what the error says (and the open draft's edits
    /// are still in the session).
    pub fn apply(
        &mut self,
        action: Action,
        new_id: String,
        now: &str,
    ) -> Result<Done, StorageError> {
        let done = |message: &str, switched: bool| Done {
            message: message.to_string(),
            switched,
        };
        // Where a new draft could not be written: open and unsaved, not lost.
        let new_draft = |s: &mut Self, draft: Draft, ok: &str| -> Result<Done, StorageError> {
            match s.switch(draft, now, true) {
                Ok(()) => Ok(done(ok, true)),
                Err(e) => Ok(Done {
                    message: format!(
                        "已打开新草稿，但它未能保存：{e}。原草稿已保存，新草稿的内容在编辑器中，请勿关闭页面"
                    ),
                    switched: true,
                }),
            }
        };
        match action {
            Action::New(report) => {
                self.save(now)?;
                new_draft(
                    self,
                    Draft::new(new_id, *report),
                    "已新建草稿（原草稿已保存，可在“我的草稿”中打开）",
                )
            }
            Action::Open(id) => {
                if id == self.draft.id {
                    return Ok(done("该草稿已打开", false));
                }
                let draft = self.load(&id)?;
                self.save(now)?;
                self.switch(draft, now, false)?;
                Ok(done("已打开草稿（原草稿已保存）", true))
            }
            Action::Duplicate(id) => {
                let source = self.open_or_load(&id)?;
                self.save(now)?;
                let mut copy = Draft::new(new_id, source.report.clone());
                copy.last_year = source.last_year;
                copy.errors = source.errors;
                copy.name = format!("{}（副本）", display_name(&source.name, &source.report));
                new_draft(self, copy, "已复制为新草稿并打开（原草稿已保存）")
            }
            Action::NextYear(id) => {
                let source = self.open_or_load(&id)?;
                self.save(now)?;
                let mut next = Draft::new(new_id, source.report.next_year());
                next.last_year = Some(source.report);
                new_draft(self, next, "已用上一年度报告新建：机关信息已复制，“二、上年结转”已按上年“结转下年度继续办理”填入，上年报告作为跨年度检查的依据（原草稿已保存）")
            }
            Action::ImportAsNew(report) => {
                self.save(now)?;
                new_draft(
                    self,
                    Draft::new(new_id, *report),
                    "已导入为新草稿（原草稿已保存，未改动）",
                )
            }
            Action::Rename(id, name) => {
                if id == self.draft.id {
                    // On failure the new name stays, unsaved like any edit.
                    self.draft.name = name;
                    self.touch();
                    self.save(now)?;
                } else {
                    let mut draft = self.load(&id)?;
                    draft.name = name;
                    self.store.save(&mut draft, now).map_err(save_error)?;
                }
                Ok(done("已重命名", false))
            }
            Action::Delete(id, replacement) => {
                if id == self.draft.id {
                    self.save(now)?;
                    self.store.set_deleted(&id, true, now).map_err(save_error)?;
                    new_draft(
                        self,
                        Draft::new(new_id, *replacement),
                        "已移到回收站，可在“我的草稿”的回收站中恢复；已打开一份新草稿",
                    )
                } else {
                    self.load(&id)?;
                    self.store.set_deleted(&id, true, now).map_err(save_error)?;
                    Ok(done("已移到回收站，可在“我的草稿”的回收站中恢复", false))
                }
            }
            Action::Restore(id) => {
                self.load(&id)?;
                self.store
                    .set_deleted(&id, false, now)
                    .map_err(save_error)?;
                Ok(done("已从回收站恢复", false))
            }
            Action::Purge(key) => {
                if key == draft_key(&self.draft.id) {
                    return Ok(done("当前打开的草稿不能彻底删除", false));
                }
                self.store.purge(&key)?;
                Ok(done("已彻底删除", false))
            }
            Action::TakeTheirs => {
                let SaveState::Conflict(theirs) = &self.state else {
                    return Ok(done("没有需要处理的冲突", false));
                };
                let theirs = (**theirs).clone();
                // This page's content goes to the bin first: replaced, not lost.
                let mut mine = Draft::new(new_id, self.draft.report.clone());
                mine.last_year = self.draft.last_year.clone();
                mine.name = format!(
                    "{}（被替换的本页版本）",
                    display_name(&self.draft.name, &self.draft.report)
                );
                mine.deleted = true;
                self.store.save(&mut mine, now).map_err(save_error)?;
                self.switch(theirs, now, false)?;
                Ok(done(
                    "已载入另一页保存的版本；本页原来的内容已放入回收站，可随时恢复",
                    true,
                ))
            }
            Action::KeepMineAsNew => {
                let mut mine = Draft::new(new_id, self.draft.report.clone());
                mine.last_year = self.draft.last_year.clone();
                mine.name = format!(
                    "{}（本页的版本）",
                    display_name(&self.draft.name, &self.draft.report)
                );
                // Written before anything else: if it fails, the conflict stays.
                let mut stored = mine.clone();
                self.store.save(&mut stored, now).map_err(save_error)?;
                self.switch(stored, now, false)?;
                Ok(done(
                    "已把本页内容另存为新草稿（另一页的版本保持不变）",
                    true,
                ))
            }
        }
    }
}

fn save_error(e: SaveError) -> StorageError {
    match e {
        SaveError::Conflict(_) => StorageError::Conflict,
        SaveError::Unreadable(e) => StorageError::Unreadable(e),
        SaveError::Write(w) => w.into(),
    }
}

/// The name shown for a draft: its own name, else its title.
pub fn display_name(name: &str, report: &Report) -> String {
    if !name.is_empty() {
        return name.to_string();
    }
    if report.meta.agency.is_empty() {
        "（未填写机关名称）".to_string()
    } else {
        report.title()
    }
}
