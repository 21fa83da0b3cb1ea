//! The draft session under every storage fault: each action × each fault,
//! checking after every step that no typed character is lost, the user is
//! told, the last good copy is intact, and nothing is called saved that is
//! not. Then the fault goes away and the action is retried, as the banner's
//! 重试 does.

// (Test code: std sorts allowed, see clippy.toml.)
#![allow(clippy::disallowed_methods)]

use nianbao::model::Report;
use nianbao::store::session::{Action, SaveState, Session, StorageError};
use nianbao::store::{draft_key, Draft, KeyValue, MemoryKv, Store, WriteError};

/// A store that fails as told.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    None,
    /// Every write: the quota.
    Full,
    /// Every write refused (storage disabled after the page opened).
    Unavailable,
    /// The first write succeeds, every later one hits the quota.
    FullOnSecondWrite,
    /// The open draft's entry was corrupted by someone else.
    OpenUnreadable,
    /// The entry the action reads (draft B) is corrupted.
    TargetUnreadable,
    /// Another tab saved a newer revision of the open draft.
    NewerInOtherTab,
}

const FAULTS: [Fault; 7] = [
    Fault::None,
    Fault::Full,
    Fault::Unavailable,
    Fault::FullOnSecondWrite,
    Fault::OpenUnreadable,
    Fault::TargetUnreadable,
    Fault::NewerInOtherTab,
];

#[derive(Debug, Clone)]
struct Faulty {
    inner: MemoryKv,
    fault: Fault,
    writes: usize,
}

impl KeyValue for Faulty {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.writes += 1;
        match self.fault {
            Fault::Full => return Err(WriteError::Quota),
            Fault::Unavailable => return Err(WriteError::Other("SecurityError".into())),
            Fault::FullOnSecondWrite if self.writes > 1 => return Err(WriteError::Quota),
            _ => {}
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), WriteError> {
        match self.fault {
            Fault::Unavailable => Err(WriteError::Other("SecurityError".into())),
            _ => self.inner.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
}

const TYPED: &str = "刚刚输入、尚未保存的文字：一二三";
const NOW: &str = "2025-01-10T09:00:00.000Z";

fn report(agency: &str) -> Report {
    let mut r = Report::new();
    r.meta.agency = agency.into();
    r.meta.year = Some(2024);
    r
}

/// A store with drafts A (open), B, C (in the bin) and an unreadable entry;
/// the user has typed into A without a save yet.
fn setup() -> Session<Faulty> {
    let mut store = Store::new(MemoryKv::default());
    for (id, deleted) in [("A", false), ("B", false), ("C", true)] {
        let mut d = Draft::new(id, report(&format!("机关{id}")));
        d.deleted = deleted;
        d.report.set_text("overview", "已保存的文字");
        store.save(&mut d, "2025-01-10T08:00:00.000Z").unwrap();
    }
    store.kv.set("nianbao:draft:bad", "{not json").unwrap();
    store.set_open("A").unwrap();
    let kv = Faulty {
        inner: store.kv,
        fault: Fault::None,
        writes: 0,
    };
    let (mut session, problem) = Session::start(kv, true, Report::new(), "fresh".into());
    assert!(problem.is_none());
    assert_eq!(session.draft().id, "A");
    let mut r = session.draft().report.clone();
    r.set_text("overview", TYPED);
    session.edit(r, None);
    assert_eq!(session.state(), &SaveState::Unsaved);
    assert!(session.leave_would_lose());
    session
}

fn actions() -> Vec<Action> {
    vec![
        Action::New(Box::new(Report::new())),
        Action::Open("B".into()),
        Action::Duplicate("B".into()),
        Action::Duplicate("A".into()),
        Action::NextYear("B".into()),
        Action::ImportAsNew(Box::new(report("导入的机关"))),
        Action::Rename("A".into(), "新名称".into()),
        Action::Rename("B".into(), "B的新名称".into()),
        Action::Delete("A".into(), Box::new(Report::new())),
        Action::Delete("B".into(), Box::new(Report::new())),
        Action::Restore("C".into()),
        Action::Purge(draft_key("C")),
        Action::Purge("nianbao:draft:bad".into()),
        Action::TakeTheirs,
        Action::KeepMineAsNew,
    ]
}

/// The id or key an action names, for the step's name.
fn target(action: &Action) -> String {
    match action {
        Action::Open(id)
        | Action::Duplicate(id)
        | Action::NextYear(id)
        | Action::Rename(id, _)
        | Action::Delete(id, _)
        | Action::Restore(id)
        | Action::Purge(id) => id.clone(),
        _ => String::new(),
    }
}

fn inject(session: &mut Session<Faulty>, fault: Fault) -> Option<String> {
    // Faults that are data are written through a side door, as another tab
    // or a corrupting program would.
    let kv = session_kv(session);
    match fault {
        Fault::OpenUnreadable => {
            kv.inner.set(&draft_key("A"), "{corrupted").unwrap();
            Some("{corrupted".into())
        }
        Fault::TargetUnreadable => {
            kv.inner.set(&draft_key("B"), "{corrupted B").unwrap();
            None
        }
        Fault::NewerInOtherTab => {
            let raw = kv.inner.get(&draft_key("A")).unwrap();
            let mut theirs = Draft::from_json(&raw).unwrap();
            theirs.revision += 5;
            theirs.report.set_text("overview", "另一页的文字");
            let json = theirs.to_json();
            kv.inner.set(&draft_key("A"), &json).unwrap();
            session.external_write(&draft_key("A"), Some(&json));
            None
        }
        other => {
            kv.fault = other;
            kv.writes = 0;
            None
        }
    }
}

/// The session's store, for the test's side door.
fn session_kv(session: &mut Session<Faulty>) -> &mut Faulty {
    session.kv_mut()
}

fn stored(session: &Session<Faulty>, id: &str) -> Option<Result<Draft, String>> {
    session
        .kv()
        .inner
        .get(&draft_key(id))
        .map(|raw| Draft::from_json(&raw).map_err(|_| raw))
}

/// The invariants after any step.
fn check(session: &Session<Faulty>, step: &str, before_a: &Option<Result<Draft, String>>) {
    // No edit lost: the typed text is in the session or in storage.
    let in_session = session.draft().id == "A" && session.draft().report.text("overview") == TYPED;
    let in_storage =
        matches!(stored(session, "A"), Some(Ok(d)) if d.report.text("overview") == TYPED);
    let kept_as_new = session.draft().report.text("overview") == TYPED
        || session.kv().inner.map.values().any(
            |raw| matches!(Draft::from_json(raw), Ok(d) if d.report.text("overview") == TYPED),
        );
    assert!(
        in_session || in_storage || kept_as_new,
        "{step}: the typed text is lost (open: {}, state {:?})",
        session.draft().id,
        session.state()
    );
    // The last good copy intact: A's entry is the one before, or the typed one.
    match (before_a, stored(session, "A")) {
        (Some(Err(raw)), Some(Err(now))) => assert_eq!(raw, &now, "{step}: unreadable A rewritten"),
        (Some(Err(_)), other) => panic!("{step}: unreadable A touched: {other:?}"),
        (_, Some(Ok(d))) => assert!(
            d.report.text("overview") == TYPED
                || Some(d.report.text("overview"))
                    == before_a
                        .as_ref()
                        .and_then(|b| b.as_ref().ok())
                        .map(|b| b.report.text("overview")),
            "{step}: A's stored copy is neither the last good one nor the typed one"
        ),
        (_, None) => panic!("{step}: A's entry is gone"),
        (_, Some(Err(raw))) => panic!("{step}: A's entry corrupted: {raw}"),
    }
    // Nothing called saved that is not: Saved(at) means storage holds it.
    if let SaveState::Saved(at) = session.state() {
        if !at.is_empty() {
            let copy = stored(session, &session.draft().id);
            assert!(
                matches!(&copy, Some(Ok(d)) if d.report == session.draft().report && d.name == session.draft().name),
                "{step}: state says saved at {at} but storage differs"
            );
        }
    }
    // The unreadable entry is never touched but by its own purge.
    if !step.contains("nianbao:draft:bad") {
        assert_eq!(
            session.kv().inner.get("nianbao:draft:bad").as_deref(),
            Some("{not json"),
            "{step}"
        );
    }
}

#[test]
fn every_action_under_every_fault_loses_nothing() {
    let mut report_lines = Vec::new();
    for fault in FAULTS {
        for action in actions() {
            let step = format!("{} {} under {fault:?}", action.label(), target(&action));
            let mut session = setup();
            let raw_a = inject(&mut session, fault);
            let before_a = stored(&session, "A");
            if let Some(raw) = raw_a {
                assert_eq!(before_a, Some(Err(raw)));
            }
            let result = session.apply(action.clone(), "N1".into(), NOW);
            check(&session, &step, &before_a);
            match &result {
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    // Blocked: still on A with the typed text, and the page
                    // warns before leaving unless the edits did get saved.
                    assert_eq!(session.draft().id, "A", "{step}: blocked but switched");
                    assert_eq!(session.draft().report.text("overview"), TYPED, "{step}");
                    let saved = matches!(stored(&session, "A"), Some(Ok(d)) if d.report.text("overview") == TYPED);
                    assert!(session.leave_would_lose() || saved, "{step}");
                }
                Ok(done) => {
                    assert!(!done.message.is_empty());
                    if done.message.contains("原草稿已保存") {
                        assert!(
                            matches!(stored(&session, "A"), Some(Ok(d)) if d.report.text("overview") == TYPED),
                            "{step}: says 原草稿已保存 but it is not: {}",
                            done.message
                        );
                    }
                }
            }
            // Faults that block every write must block what needs a write.
            if matches!(fault, Fault::Full | Fault::Unavailable) {
                let leaves = matches!(
                    action,
                    Action::New(_)
                        | Action::Open(_)
                        | Action::Duplicate(_)
                        | Action::NextYear(_)
                        | Action::ImportAsNew(_)
                        | Action::Delete(..)
                );
                if leaves {
                    assert!(
                        result.is_err(),
                        "{step}: the edits could not be saved, yet it went on"
                    );
                    assert!(matches!(
                        result.as_ref().unwrap_err(),
                        StorageError::Full | StorageError::Refused(_)
                    ));
                }
            }
            report_lines.push(format!(
                "{step}: {}",
                match &result {
                    Ok(d) => d.message.clone(),
                    Err(e) => format!("未执行：{e}"),
                }
            ));
            // The fault goes away; 重试 runs the same action again.
            if result.is_err()
                && matches!(
                    fault,
                    Fault::Full | Fault::Unavailable | Fault::FullOnSecondWrite
                )
            {
                session_kv(&mut session).fault = Fault::None;
                let retry = session.apply(action.clone(), "N2".into(), NOW);
                check(&session, &format!("retry {step}"), &before_a);
                assert!(retry.is_ok(), "retry {step}: {retry:?}");
                assert!(
                    matches!(stored(&session, "A"), Some(Ok(d)) if d.report.text("overview") == TYPED)
                        || session.draft().report.text("overview") == TYPED,
                    "retry {step}"
                );
            }
        }
    }
    assert_eq!(report_lines.len(), FAULTS.len() * actions().len());
}

/// The scenario of the issue: storage full, the banner's save failed, then
/// 新建草稿 or 打开 another draft. The switch must not happen, the editor
/// keeps every character, and the message never says 原草稿已保存.
#[test]
fn storage_full_then_new_or_open_keeps_every_character() {
    for action in [
        Action::New(Box::new(Report::new())),
        Action::Open("B".into()),
    ] {
        let mut session = setup();
        inject(&mut session, Fault::Full);
        assert_eq!(session.save(NOW), Err(StorageError::Full));
        assert!(matches!(
            session.state(),
            SaveState::Failed(StorageError::Full)
        ));
        let e = session.apply(action, "N".into(), NOW).unwrap_err();
        assert_eq!(e, StorageError::Full);
        assert!(e.to_string().contains("浏览器存储空间已满"));
        assert_eq!(session.draft().id, "A");
        assert_eq!(session.draft().report.text("overview"), TYPED);
        assert!(matches!(session.state(), SaveState::Failed(_)));
        // Space freed: the same action now saves first, then switches.
        session.kv_mut().fault = Fault::None;
        let done = session
            .apply(Action::Open("B".into()), "N".into(), NOW)
            .unwrap();
        assert!(done.switched);
        assert_eq!(
            stored(&session, "A")
                .unwrap()
                .unwrap()
                .report
                .text("overview"),
            TYPED
        );
    }
}

#[test]
fn leave_prompt_only_while_something_is_unsaved() {
    let mut session = setup();
    assert!(session.leave_would_lose());
    session.save(NOW).unwrap();
    assert!(!session.leave_would_lose());
    assert!(matches!(session.state(), SaveState::Saved(at) if at == NOW));
    // A store that keeps nothing: any edit is at risk.
    let (mut memory, _) = Session::start(MemoryKv::default(), false, Report::new(), "m".into());
    assert!(!memory.leave_would_lose());
    memory.edit(report("甲"), None);
    memory.save(NOW).unwrap();
    assert!(memory.leave_would_lose());
}

#[test]
fn an_unreadable_last_open_draft_is_reported_at_startup_and_kept() {
    let mut kv = MemoryKv::default();
    kv.set(&draft_key("X"), "{broken").unwrap();
    kv.set("nianbao:open", "X").unwrap();
    let (session, problem) = Session::start(kv, true, Report::new(), "fresh".into());
    let problem = problem.unwrap();
    assert_eq!(problem.id, "X");
    assert!(problem
        .to_string()
        .starts_with("上次打开的草稿（X）无法读取，已原样保留"));
    assert_eq!(session.draft().id, "fresh");
    assert_eq!(
        session.kv().get(&draft_key("X")).as_deref(),
        Some("{broken")
    );
}

#[test]
fn every_storage_error_has_one_message() {
    use nianbao::store::ReadError;
    let errors = [
        StorageError::Full,
        StorageError::Refused("SecurityError".into()),
        StorageError::Unreadable(ReadError::Newer(9)),
        StorageError::Conflict,
        StorageError::Missing,
    ];
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for (e, m) in errors.iter().zip(&messages) {
        assert!(!m.is_empty(), "{e:?}");
    }
    let mut unique = messages.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), messages.len());
    assert!(messages[0].contains("上一次保存的内容完好"));
}

/// Which draft is open is written too; when that write fails nothing is
/// lost, and the user is told rather than left to find another draft open
/// next time.
#[test]
fn a_failed_write_of_the_open_draft_is_told() {
    let mut session = setup();
    session.save(NOW).unwrap();
    assert_eq!(session.take_notice(), None);
    // Opening B needs no save (A is saved): the one write is which draft is open.
    session_kv(&mut session).fault = Fault::Full;
    let done = session
        .apply(Action::Open("B".into()), "N".into(), NOW)
        .unwrap();
    assert!(done.switched);
    let notice = session.take_notice().expect("told");
    assert!(
        notice.starts_with("未能记下当前打开的草稿（浏览器存储空间已满"),
        "{notice}"
    );
    assert_eq!(session.take_notice(), None, "once");
    assert_eq!(session.kv().inner.get("nianbao:open").as_deref(), Some("A"));
}
