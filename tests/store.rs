//! Drafts in a key-value store: revisions, two tabs, a full storage, corrupted
//! and foreign entries, and migration from the first stored version.

use nianbao::model::{Cell, Report};
use nianbao::store::{
    draft_key, Draft, Entry, KeyValue, MemoryKv, ReadError, SaveError, Store, WriteError,
};

fn report(agency: &str) -> Report {
    let mut r = Report::new();
    r.meta.agency = agency.into();
    r.meta.year = Some(2024);
    r
}

#[test]
fn save_and_load_every_detail() {
    let mut store = Store::new(MemoryKv::default());
    let mut r = report("某某街道办事处");
    r.set_cell(
        "table3.new_received.natural_person",
        Cell::Invalid("三".into()),
    );
    r.set_text("overview", "第一段\n\n第二段");
    r.confirmations
        .insert("FEE-STATEMENT".into(), "已核实".into());
    let mut draft = Draft::new("d1", r.clone());
    draft.last_year = Some(report("某某街道办事处"));
    store.save(&mut draft, "2025-01-10T08:00:00Z").unwrap();
    assert_eq!(draft.revision, 1);
    let back = store.load("d1").unwrap().unwrap();
    assert_eq!(back, draft);
    assert_eq!(back.report, r);
    store.save(&mut draft, "2025-01-10T08:01:00Z").unwrap();
    assert_eq!(store.load("d1").unwrap().unwrap().revision, 2);
}

#[test]
fn a_second_tab_never_overwrites_newer_data() {
    let mut store = Store::new(MemoryKv::default());
    let mut draft = Draft::new("d1", report("甲"));
    store.save(&mut draft, "t1").unwrap();
    // Two tabs open revision 1.
    let mut tab_a = store.load("d1").unwrap().unwrap();
    let mut tab_b = tab_a.clone();
    tab_a.report.meta.agency = "甲（A 页修改）".into();
    store.save(&mut tab_a, "t2").unwrap();
    tab_b.report.meta.agency = "甲（B 页修改）".into();
    match store.save(&mut tab_b, "t3") {
        Err(SaveError::Conflict(theirs)) => assert_eq!(theirs.report.meta.agency, "甲（A 页修改）"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        store.load("d1").unwrap().unwrap().report.meta.agency,
        "甲（A 页修改）"
    );
    assert_eq!(tab_b.revision, 1, "the refused draft is unchanged");
}

#[test]
fn a_full_storage_keeps_the_last_good_copy() {
    let mut store = Store::new(MemoryKv::default());
    let mut draft = Draft::new("d1", report("乙"));
    store.save(&mut draft, "t1").unwrap();
    let good = store.kv.get(&draft_key("d1")).unwrap();
    store.kv.quota = Some(good.len() + 40);
    draft.report.set_text("overview", "很长的文字".repeat(200));
    assert_eq!(
        store.save(&mut draft, "t2"),
        Err(SaveError::Write(WriteError::Quota))
    );
    assert_eq!(store.kv.get(&draft_key("d1")).unwrap(), good);
    assert_eq!(draft.revision, 1);
}

#[test]
fn corrupted_and_foreign_entries_are_listed_and_never_touched() {
    let mut store = Store::new(MemoryKv::default());
    let mut draft = Draft::new("ok", report("丙"));
    store.save(&mut draft, "t1").unwrap();
    store
        .kv
        .set(&draft_key("broken"), "{\"store\": 1, \"report\": {tru")
        .unwrap();
    store
        .kv
        .set(&draft_key("newer"), "{\"store\": 7, \"report\": {}}")
        .unwrap();
    store.kv.set("someone-else:data", "not ours").unwrap();
    let list = store.list();
    assert_eq!(list.len(), 3);
    assert!(matches!(&list[0], Entry::Draft(s) if s.agency == "丙"));
    let Entry::Unreadable(broken) = &list[1] else {
        panic!("{list:?}")
    };
    assert_eq!(broken.key, "nianbao:draft:broken");
    assert_eq!(broken.raw, "{\"store\": 1, \"report\": {tru");
    assert!(
        broken.reason.starts_with("内容已损坏或不是本工具的草稿"),
        "{}",
        broken.reason
    );
    let Entry::Unreadable(newer) = &list[2] else {
        panic!("{list:?}")
    };
    assert!(
        newer
            .reason
            .starts_with("由更新版本的 nianbao 保存（存储格式 7"),
        "{}",
        newer.reason
    );
    // Saving a draft with a corrupted entry's id refuses instead of overwriting.
    let mut clash = Draft::new("broken", report("丁"));
    assert!(matches!(
        store.save(&mut clash, "t2"),
        Err(SaveError::Unreadable(ReadError::Corrupt(_)))
    ));
    assert_eq!(
        store.kv.get(&draft_key("broken")).unwrap(),
        "{\"store\": 1, \"report\": {tru"
    );
    // Only an explicit purge removes it; keys of others are never removed.
    store.purge("someone-else:data").unwrap();
    assert!(store.kv.get("someone-else:data").is_some());
    store.purge("nianbao:draft:broken").unwrap();
    assert!(store.kv.get("nianbao:draft:broken").is_none());
}

#[test]
fn drafts_go_to_the_bin_and_come_back() {
    let mut store = Store::new(MemoryKv::default());
    let mut draft = Draft::new("d1", report("戊"));
    store.save(&mut draft, "t1").unwrap();
    store.set_deleted("d1", true, "t2").unwrap();
    let Entry::Draft(s) = &store.list()[0] else {
        panic!()
    };
    assert!(s.deleted);
    store.set_deleted("d1", false, "t3").unwrap();
    assert!(!store.load("d1").unwrap().unwrap().deleted);
    store.set_open("d1").unwrap();
    assert_eq!(store.open_id().as_deref(), Some("d1"));
}

#[test]
fn the_first_stored_version_still_opens() {
    // Written by this build's first release; kept as it was.
    let v1 = include_str!("fixtures/store/draft-v1.json");
    let draft = Draft::from_json(v1).expect("a v1 draft opens");
    assert_eq!(draft.id, "m3k2x9");
    assert_eq!(draft.revision, 4);
    assert_eq!(draft.report.meta.agency, "洛阳市西工区唐宫路街道办事处");
    assert_eq!(
        draft.report.cell("table3.new_received.natural_person"),
        Some(&Cell::Count(3))
    );
    assert_eq!(
        draft.report.cell("table3.carried_over.natural_person"),
        Some(&Cell::Blank)
    );
    assert_eq!(
        draft.report.cell("table3.disclosed.natural_person"),
        Some(&Cell::Invalid("一".into()))
    );
    assert_eq!(
        draft.report.confirmations["FEE-STATEMENT"],
        "已核实：本年度未收费"
    );
    assert_eq!(draft.last_year.as_ref().unwrap().meta.year, Some(2022));
    // A bare report (a downloaded file placed under our key) is wrapped.
    let bare = report("己").to_json().to_string();
    let wrapped = Draft::from_json(&bare).expect("a bare report opens");
    assert_eq!(wrapped.report.meta.agency, "己");
    assert_eq!(wrapped.revision, 0);
}

/// What the crash screen offers: the open draft's last saved copy, as a
/// report file that imports again; an unreadable entry as it is stored.
#[test]
fn backup_of_the_open_draft() {
    let mut store = Store::new(MemoryKv::default());
    assert_eq!(nianbao::store::backup(&store.kv), None);
    let mut r = report("某某街道办事处");
    r.set_text("overview", "已保存的文字");
    let mut draft = Draft::new("d1", r.clone());
    store.save(&mut draft, "2025-01-10T08:00:00.000Z").unwrap();
    store
        .save(
            &mut Draft::new("d2", report("别的机关")),
            "2025-01-10T09:00:00.000Z",
        )
        .unwrap();
    store.set_open("d1").unwrap();
    let b = nianbao::store::backup(&store.kv).unwrap();
    assert_eq!(b.saved_at, "2025-01-10T08:00:00.000Z");
    assert_eq!(b.file_name, r.file_name("json"));
    assert_eq!(nianbao::import::json_file(b.content.as_bytes()).unwrap(), r);
    store.kv.set(&draft_key("d1"), "{broken").unwrap();
    let b = nianbao::store::backup(&store.kv).unwrap();
    assert_eq!(b.content, "{broken");
    assert_eq!(b.saved_at, "");
}

/// The drafts list: titles, the current draft, the bin, unreadable entries,
/// and markup in which every text is escaped.
#[test]
fn drafts_list_rows_and_markup() {
    use nianbao::store::list;
    let mut store = Store::new(MemoryKv::default());
    let mut a = Draft::new("a", report("<b>机关</b> & 甲"));
    store.save(&mut a, "2025-01-10T08:00:00Z").unwrap();
    let mut b = Draft::new("b", Report::new());
    b.name = "我的草稿".into();
    store.save(&mut b, "2025-01-10T09:00:00Z").unwrap();
    let mut c = Draft::new("c", report("丙"));
    c.deleted = true;
    store.save(&mut c, "2025-01-10T07:00:00Z").unwrap();
    store.kv.set(&draft_key("bad"), "{").unwrap();
    let lists = list::rows(&store.list(), "a", |iso| format!("T{iso}"));
    let titles: Vec<&str> = lists.live.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["我的草稿", "<b>机关</b> & 甲"]);
    assert!(lists.live[1].current);
    assert_eq!(lists.live[1].year, "2024年");
    assert_eq!(lists.live[1].saved, "T2025-01-10T08:00:00Z");
    assert!(
        !lists.live[1].actions.iter().any(|a| a.0 == "open"),
        "the open draft has no 打开"
    );
    assert!(lists.live[0].actions.iter().any(|a| a.0 == "open"));
    assert_eq!(lists.bin.len(), 1);
    assert_eq!(
        lists.bin[0].actions,
        [("restore", "恢复"), ("purge", "彻底删除")]
    );
    assert_eq!(lists.unreadable[0].id, "nianbao:draft:bad");
    let html = list::html(&lists);
    assert!(html.contains("&lt;b&gt;机关&lt;/b&gt; &amp; 甲（当前）"));
    assert!(!html.contains("<b>"));
    assert!(html.contains(r#"data-act="purge-raw" data-id="nianbao:draft:bad""#));
    assert!(list::rows_html(&[]).contains("（无）"));
}
