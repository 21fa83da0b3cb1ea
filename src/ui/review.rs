//! The 审核台 page (review.html): plain DOM over the review core, no Leptos.
//! Files picked, dropped or pasted are read one at a time, our JSON here and
//! every other kind in the importer worker (`browser::importer`, as the form
//! page imports: this page's module does not carry the importer, and the
//! page keeps answering input while a batch runs, with a progress bar),
//! archives listed and inflated here, file by file; then checked by the
//! same rules as the form, paired year on year, and shown as the overview;
//! a click shows one report, its comparison with last year and its chart;
//! 汇总 sums the shown rows. Every view's markup comes from
//! [`crate::review::page`]; this module only moves data and events.
//!
//! Not for: anything a native test can reach (it lives in the core).

use crate::browser::files::{self, TextDecoding};
use crate::browser::importer;
use crate::browser::storage::Backend;
use crate::model::Report;
use crate::review::aggregate::{aggregate, Aggregate};
use crate::review::page::{self, View};
use crate::review::{self, archive, csv, Item, Row};
use crate::rules::{check, Context, Finding};
use crate::store::{Draft, Store};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, File, HtmlElement, HtmlInputElement};

#[derive(Default)]
struct State {
    items: Vec<Item>,
    findings: Vec<Vec<Finding>>,
    rows: Vec<Row>,
    /// Items were added or removed since `rows` were made (when checking
    /// ends): the list and its counts are not yet theirs.
    unlisted: bool,
    view: View,
    selected: Option<usize>,
    /// Files waiting to be read, and how many the batch had.
    queue: VecDeque<Pending>,
    batch: usize,
    done: usize,
    /// Items still to check (after a batch is read), from this index.
    checking: Option<usize>,
    /// Items were added or removed while checking: check all again after.
    recheck: bool,
    last_years: Vec<Option<usize>>,
    aggregate: Option<Aggregate>,
    /// Files being read (each has its place in `arriving`).
    in_flight: usize,
    /// The items being read, in batch order, the first to be the
    /// `placed`-th item ever listed: each placed when its reading ends,
    /// moved to `items` when all before it are.
    arriving: VecDeque<Option<Item>>,
    placed: usize,
    /// An archive is being listed: nothing more starts until its files are
    /// queued in its place.
    opening: bool,
    /// [`pump`] is starting files (a file read at once does not start
    /// another from inside it).
    pumping: bool,
    /// Files of folders and archives that are not reports (images…), not
    /// listed.
    skipped: usize,
}

/// A file waiting to be read: picked, dropped or in a folder; one of an
/// archive's (its bytes shared by all its files); or pasted text (a name
/// given, and the text).
enum Pending {
    File(File),
    Entry(std::rc::Rc<Vec<u8>>, archive::Entry),
    Pasted(String, String),
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

fn query(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok().flatten()
}

fn set_html(id: &str, html: &str) {
    if let Some(el) = by_id(id) {
        el.set_inner_html(html);
    }
}

fn later(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
    }
}

fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    f: impl FnMut(E) + 'static,
) {
    let f = Closure::<dyn FnMut(E)>::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

/// Starts the page.
pub fn start() {
    crate::browser::panic::install();
    let Some(doc) = document() else { return };
    for (selector, folder) in [
        ("[data-action=review-files]", false),
        ("[data-action=review-folder]", true),
    ] {
        let Some(input) = query(selector).and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let take = move |input: &HtmlInputElement| {
            if input.files().is_some_and(|l| l.length() > 0) {
                enqueue(files_of(input.files()), folder);
                input.set_value("");
            }
        };
        listen(&input, "change", move |e: web_sys::Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                take(&input);
            }
        });
        // Files picked while this module loaded (the inputs are in the
        // page before it runs, on a slow machine for seconds): read now,
        // not lost.
        take(&input);
    }
    if let Some(w) = web_sys::window() {
        listen(&w, "dragover", |e: web_sys::DragEvent| e.prevent_default());
        listen(&w, "drop", |e: web_sys::DragEvent| {
            e.prevent_default();
            let Some(data) = e.data_transfer() else {
                return;
            };
            // Folders are walked through their entries; plain files as they are.
            let entries = entries_of(&data);
            if entries.iter().any(is_directory) {
                for entry in entries {
                    walk(entry);
                }
            } else {
                add_files(data.files());
            }
        });
    }
    listen(&doc, "click", on_click);
    listen(&doc, "keydown", on_key);
    listen(&doc, "change", on_filter);
    listen(&doc, "input", |e: web_sys::Event| {
        let is_search = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| el.has_attribute("data-search"));
        if is_search {
            on_filter(e);
        }
    });
    render();
}

/// The dropped items as file-system entries (`webkitGetAsEntry`, which
/// Chromium and Firefox have), taken during the drop event.
fn entries_of(data: &web_sys::DataTransfer) -> Vec<wasm_bindgen::JsValue> {
    use web_sys::js_sys::{Function, Reflect};
    let items = data.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| {
            let get = Reflect::get(&item, &"webkitGetAsEntry".into()).ok()?;
            let entry = get.dyn_ref::<Function>()?.call0(&item).ok()?;
            (!entry.is_null() && !entry.is_undefined()).then_some(entry)
        })
        .collect()
}

fn is_directory(entry: &wasm_bindgen::JsValue) -> bool {
    web_sys::js_sys::Reflect::get(entry, &"isDirectory".into()).is_ok_and(|v| v.is_truthy())
}

/// Adds every file under a dropped entry (folders recursed).
fn walk(entry: wasm_bindgen::JsValue) {
    use web_sys::js_sys::{Array, Function, Reflect};
    let call = |name: &str, args: &[&wasm_bindgen::JsValue]| -> Option<wasm_bindgen::JsValue> {
        let f = Reflect::get(&entry, &name.into()).ok()?;
        let f = f.dyn_ref::<Function>()?;
        let args: Array = args.iter().copied().collect();
        f.apply(&entry, &args).ok()
    };
    if is_directory(&entry) {
        let Some(reader) = call("createReader", &[]) else {
            return;
        };
        read_entries(reader);
    } else {
        let done = Closure::once_into_js(|file: File| enqueue([file], true));
        let _ = call("file", &[&done]);
    }
}

/// A directory reader gives its entries in batches until an empty one.
fn read_entries(reader: wasm_bindgen::JsValue) {
    use web_sys::js_sys::{Array, Function, Reflect};
    let again = reader.clone();
    let done = Closure::once_into_js(move |batch: Array| {
        if batch.length() == 0 {
            return;
        }
        for entry in batch.iter() {
            walk(entry);
        }
        read_entries(again);
    });
    if let Some(f) = Reflect::get(&reader, &"readEntries".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.call1(&reader, &done);
    }
}

/// Queues files to read; from a folder, only the kinds a report comes in
/// (the rest counted as skipped, not listed one by one). Then reads on.
fn enqueue(files: impl IntoIterator<Item = File>, from_folder: bool) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        for f in files {
            let name = f.name();
            if from_folder && !archive::taken(&name) {
                s.skipped += 1;
            } else {
                s.queue.push_back(Pending::File(f));
                s.batch += 1;
            }
        }
    });
    pump();
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map_or(Vec::new(), |l| {
        (0..l.length()).filter_map(|i| l.get(i)).collect()
    })
}

fn add_files(list: Option<web_sys::FileList>) {
    enqueue(files_of(list), false);
}

/// How many files are read at once: a few per worker, so that each has its
/// next file while it answers (the workers, as many as the machine has
/// cores, up to three, are started as the batch needs them).
fn reading_at_once() -> usize {
    2 * workers()
}

fn workers() -> usize {
    use web_sys::js_sys::Reflect;
    let cores = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| Reflect::get(&n, &"hardwareConcurrency".into()).ok())
        .and_then(|c| c.as_f64())
        .unwrap_or(1.0);
    (cores as usize).clamp(1, 3)
}

/// Starts reading the next files, as many as [`reading_at_once`]; when
/// none is left, checks the batch.
fn pump() {
    let enter = STATE.with(|s| !std::mem::replace(&mut s.borrow_mut().pumping, true));
    if !enter {
        return;
    }
    let at_once = reading_at_once();
    loop {
        let next = STATE.with(|s| {
            let mut s = s.borrow_mut();
            if s.opening || s.in_flight >= at_once {
                return None;
            }
            let f = s.queue.pop_front()?;
            s.in_flight += 1;
            let place = s.placed + s.arriving.len();
            s.arriving.push_back(None);
            Some((place, f))
        });
        let Some((place, next)) = next else { break };
        start_reading(place, next);
    }
    STATE.with(|s| s.borrow_mut().pumping = false);
    progress();
    start_checking();
}

/// Starts reading one file, to be the `place`-th item listed.
fn start_reading(place: usize, next: Pending) {
    let file = match next {
        Pending::Entry(bytes, entry) => {
            return match archive::entry_data(&bytes, &entry) {
                Ok(data) => read(place, entry.file, data),
                Err(why) => finish_file(place, Item::unreadable(entry.file, why)),
            };
        }
        Pending::Pasted(name, text) => return read(place, name, text.into_bytes()),
        Pending::File(file) => file,
    };
    let name = file.name();
    if archive::is_archive(&name) {
        return open_archive(place, file);
    }
    if let Some(why) = crate::import::over_limit(&name, file.size() as usize) {
        return finish_file(place, Item::unreadable(name, why));
    }
    files::read_bytes(&file, move |result| match result {
        Ok(bytes) => read(place, name, bytes),
        Err(e) => finish_file(
            place,
            Item::unreadable(name, format!("无法读取文件（{e}）")),
        ),
    });
}

/// Reads one file's bytes as [`review::read_item`] does: our JSON here, a
/// published page, text, Word, PDF or OFD file in the importer worker (so
/// this page's module does not carry the importer, and the page answers
/// input while it reads).
fn read(place: usize, name: String, bytes: Vec<u8>) {
    if let Some(item) = review::read_plain(&name, &bytes) {
        return finish_file(place, item);
    }
    importer::set_workers(workers());
    importer::run(importer::Input::Item(name.clone(), bytes), move |reply| {
        let sent = reply.and_then(|reply| match reply {
            importer::Reply::Item(json, notes) => Ok((json, notes)),
            _ => Err(importer::UNRECOGNISED.to_string()),
        });
        finish_file(place, Item::received(name, sent));
    });
}

/// Lists an archive's files and queues them first, in its place (the
/// batch counts them instead of it); an archive that cannot be opened is
/// listed with its reason. Nothing after it starts meanwhile, so its place
/// is the last one taken.
fn open_archive(place: usize, file: File) {
    let name = file.name();
    let failed = move |name: String, why: String| finish_file(place, Item::unreadable(name, why));
    if file.size() as usize > archive::MAX_BYTES {
        return failed(name, archive::too_large(file.size() as usize));
    }
    STATE.with(|s| s.borrow_mut().opening = true);
    files::read_bytes(&file, move |result| {
        STATE.with(|s| s.borrow_mut().opening = false);
        let bytes = match result {
            Ok(bytes) => bytes,
            Err(e) => return failed(name, format!("无法读取文件（{e}）")),
        };
        let listing = match archive::list(&name, &bytes, &TextDecoding) {
            Ok(listing) => listing,
            Err(why) => return failed(name, why),
        };
        let bytes = std::rc::Rc::new(bytes);
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.skipped += listing.skipped;
            s.batch = s.batch - 1 + listing.entries.len();
            for entry in listing.entries.into_iter().rev() {
                s.queue
                    .push_front(Pending::Entry(std::rc::Rc::clone(&bytes), entry));
            }
            // Its place goes to its files.
            s.arriving.pop_back();
            s.in_flight -= 1;
        });
        pump();
    });
}

/// One file read, to be the `place`-th item listed; the items read before it
/// in batch order are moved to the list with it.
fn finish_file(place: usize, item: Item) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let at = place - s.placed;
        s.arriving[at] = Some(item);
        s.in_flight -= 1;
        while let Some(Some(_)) = s.arriving.front() {
            if let Some(Some(item)) = s.arriving.pop_front() {
                s.items.push(item);
                s.findings.push(Vec::new());
                s.unlisted = true;
                s.done += 1;
                s.placed += 1;
            }
        }
        s.recheck |= s.checking.is_some();
    });
    // Each file's reading ends in a task of its own (the FileReader's load,
    // the worker's answer): the next one starts from here, without a
    // timer's 4 ms clamp.
    pump();
}

/// After a batch: the pairing, then every report checked, ten per task.
fn start_checking() {
    let start = STATE.with(|s| {
        let mut s = s.borrow_mut();
        // Not while files are still read: their reading ends here again.
        if s.checking.is_some()
            || s.items.is_empty()
            || s.in_flight > 0
            || s.opening
            || !s.queue.is_empty()
        {
            return false;
        }
        s.recheck = false;
        s.last_years = review::last_years(&s.items);
        s.checking = Some(0);
        true
    });
    if start {
        later(check_some);
    }
}

fn check_some() {
    let more = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let Some(from) = s.checking else {
            return Some(false);
        };
        // As many as fit in about 30 ms, then let the page answer input.
        let start = web_sys::js_sys::Date::now();
        let mut to = from;
        let end = if s.recheck { 0 } else { s.items.len() };
        while to < end && (to == from || web_sys::js_sys::Date::now() - start < 30.0) {
            let i = to;
            to += 1;
            let found = match &s.items[i].report {
                Ok(report) => check(&Context {
                    report,
                    last_year: s.last_years[i].and_then(|j| s.items[j].report.as_ref().ok()),
                    // No date: the filing deadline is the clerk's concern,
                    // not the reviewer's; and so nianbao-check's CSVs are
                    // the same as this page's, byte for byte.
                    today: None,
                }),
                Err(_) => Vec::new(),
            };
            s.findings[i] = found;
        }
        if to < end {
            s.checking = Some(to);
            Some(true)
        } else if s.recheck {
            s.checking = None;
            None
        } else {
            s.checking = None;
            s.rows = review::rows(&s.items, &s.findings);
            s.unlisted = false;
            Some(false)
        }
    });
    match more {
        Some(true) => {
            progress();
            later(check_some);
        }
        Some(false) => render(),
        // The batch changed under the check: the pairing may too.
        None => start_checking(),
    }
}

fn progress() {
    let (done, batch, checking, total, skipped, unchecked) = STATE.with(|s| {
        let s = s.borrow();
        (
            s.done,
            s.batch,
            s.checking,
            s.items.len(),
            s.skipped,
            s.unlisted,
        )
    });
    // (`unchecked`: every file read, the check of the last ones not yet
    // begun; the list and its counts are made when checking ends.)
    if let Some(bar) = query("[data-progress]") {
        let running = done < batch || checking.is_some() || unchecked;
        let _ = bar.set_attribute("max", &batch.max(1).to_string());
        let _ = bar.set_attribute("value", &done.to_string());
        if running {
            let _ = bar.remove_attribute("hidden");
        } else {
            let _ = bar.set_attribute("hidden", "");
        }
    }
    let text = match checking {
        Some(i) => format!("正在检查 {i} / {total}"),
        None if done < batch => format!("已读取 {done} / {batch} 个文件"),
        None if unchecked => format!("正在检查 0 / {total}"),
        None if batch > 0 && total > 0 => format!("已读取并检查 {total} 个文件"),
        None => String::new(),
    };
    let text = if skipped > 0 {
        format!("{text}（文件夹或压缩包中另有 {skipped} 个非年报文件未读取）")
    } else {
        text
    };
    if let Some(el) = query("[data-progress-text]") {
        el.set_text_content(Some(&text));
    }
}

/// The element of the overview that has the focus, as a selector that
/// finds it again once the overview is made anew: a row, its 移除, a
/// column's sort button.
fn focus_in_overview() -> Option<String> {
    let el = document()?.active_element()?;
    by_id("overview")?.contains(Some(&el)).then_some(())?;
    let attr = |name: &str| el.get_attribute(name);
    if let Some(i) = attr("data-remove") {
        Some(format!("[data-remove=\"{i}\"]"))
    } else if el.has_attribute("data-report-row") {
        Some(format!(
            "[data-report-row][data-index=\"{}\"]",
            attr("data-index")?
        ))
    } else {
        attr("data-sort").map(|k| format!("[data-sort=\"{k}\"]"))
    }
}

fn focus(selector: &str) {
    if let Some(el) = query(selector).and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn render() {
    progress();
    let focused = focus_in_overview();
    STATE.with(|s| {
        let s = s.borrow();
        set_html("overview", &page::overview(&s.rows, &s.view, s.selected));
        // (A keyboard user's place kept while the list is made anew.)
        if let Some(selector) = &focused {
            focus(selector);
        }
        let (levels, years) = page::choices(&s.rows);
        let options = |all: &str, values: Vec<String>, current: &str| {
            let mut html = format!("<option value=\"\">{all}</option>");
            for v in values {
                let sel = if v == current { " selected" } else { "" };
                html.push_str(&format!(
                    "<option value=\"{}\"{sel}>{}</option>",
                    crate::export::escape(&v),
                    crate::export::escape(&v)
                ));
            }
            html
        };
        if let Some(el) = query("select[data-filter=level]") {
            el.set_inner_html(&options("全部层级", levels, &s.view.level));
        }
        if let Some(el) = query("select[data-filter=year]") {
            let years = years.into_iter().map(|y| y.to_string()).collect();
            el.set_inner_html(&options("全部年度", years, &s.view.year));
        }
        let counts = format!(
            "共 {} 份：可以发布 {}，不宜发布 {}，无法读取 {}",
            s.rows.len(),
            s.rows
                .iter()
                .filter(|r| r.status == review::Status::Publishable)
                .count(),
            s.rows
                .iter()
                .filter(|r| r.status == review::Status::Blocked)
                .count(),
            s.rows
                .iter()
                .filter(|r| r.status == review::Status::Unreadable)
                .count(),
        );
        if let Some(el) = query("[data-counts]") {
            el.set_text_content(Some(&counts));
        }
    });
    render_detail();
}

/// The selected report: findings, comparison, chart, preview; or 汇总.
fn render_detail() {
    let html = STATE.with(|s| {
        let s = s.borrow();
        if let Some(agg) = &s.aggregate {
            let found = check(&Context::new(&agg.report));
            return format!(
                "<h2>汇总结果</h2><p><button type=\"button\" data-action=\"open-in-form\" data-source=\"aggregate\">在填报页中打开</button> <button type=\"button\" data-action=\"download-aggregate\">下载 JSON</button> <button type=\"button\" data-action=\"close-detail\">关闭</button></p>{}{}",
                page::findings(&found, &agg.report),
                page::aggregate(agg, &found)
            );
        }
        let Some(i) = s.selected else { return String::new() };
        let item = &s.items[i];
        let Ok(report) = &item.report else {
            return format!(
                "<h2>{}</h2><p>无法读取：{}</p>",
                crate::export::escape(&item.file),
                crate::export::escape(s.rows[i].first_error.as_str())
            );
        };
        let mut html = format!(
            "<h2>{}</h2><p class=\"detail-file\">{}</p><p><button type=\"button\" data-action=\"open-in-form\">在填报页中打开</button> <button type=\"button\" data-action=\"close-detail\">关闭</button></p>",
            crate::export::escape(&report.title()),
            crate::export::escape(&item.file)
        );
        for note in &item.notes {
            html.push_str(&format!("<p class=\"note\">{}</p>", crate::export::escape(note)));
        }
        html.push_str("<div class=\"detail-body\"><section class=\"detail-findings\"><h3>检查结果</h3>");
        html.push_str(&page::findings(&s.findings[i], report));
        // The agency's reports of every year in the batch, for the chart.
        let agency = review::agency_key(report);
        let same: Vec<&Report> = s
            .items
            .iter()
            .filter_map(|it| it.report.as_ref().ok())
            .filter(|r| review::agency_key(r) == agency)
            .collect();
        if let Some(svg) = page::chart(&same) {
            html.push_str("<h3>历年主要数据</h3>");
            html.push_str(&svg);
        }
        if let Some(last) = s.last_years.get(i).copied().flatten().and_then(|j| s.items[j].report.as_ref().ok()) {
            html.push_str("<div class=\"comparison\">");
            html.push_str(&page::comparison(report, last));
            html.push_str("</div>");
        }
        html.push_str("</section><section class=\"detail-preview\"><h3>发布稿预览</h3><iframe title=\"发布稿预览\"></iframe></section></div>");
        html
    });
    set_html("detail", &html);
    // The preview's document, set as an attribute (not markup in markup).
    // No `sandbox`: with a sandboxed frame on the page Chromium drops the
    // page's own downloads (the CSVs); the document is our own escaped
    // rendering, and a srcdoc frame inherits the page's CSP (no script runs).
    let preview = STATE.with(|s| {
        let s = s.borrow();
        let i = s.selected?;
        s.items[i]
            .report
            .as_ref()
            .ok()
            .map(crate::export::html::render)
    });
    if let (Some(doc), Some(frame)) = (preview, query("#detail iframe")) {
        let _ = frame.set_attribute("srcdoc", &doc);
    }
}

fn on_filter(e: web_sys::Event) {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let value = el
        .dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
        .or_else(|| {
            el.dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
        });
    let Some(value) = value else { return };
    let changed = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match el.get_attribute("data-filter").as_deref() {
            Some("status") => s.view.status = value,
            Some("level") => s.view.level = value,
            Some("year") => s.view.year = value,
            _ if el.has_attribute("data-search") => s.view.search = value,
            _ => return false,
        }
        true
    });
    if changed {
        render();
    }
}

/// Offers a file, within the user's click (a download started later, from
/// a timer, may be refused by the browser).
fn download(name: &str, mime: &'static str, content: String) {
    if let Err(e) = files::download(name, mime, &content) {
        if let Some(w) = web_sys::window() {
            let _ = w.alert_with_message(&format!("下载失败：{e}"));
        }
    }
}

fn on_click(e: web_sys::MouseEvent) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let closest = |sel: &str| target.closest(sel).ok().flatten();
    if let Some(b) = closest("[data-sort]") {
        let key = b.get_attribute("data-sort").unwrap_or_default();
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let ascending = !matches!(&s.view.sort, Some((k, true)) if *k == key);
            s.view.sort = Some((key, ascending));
        });
        return render();
    }
    if let Some(b) = closest("[data-remove]") {
        let i: usize = b
            .get_attribute("data-remove")
            .and_then(|v| v.parse().ok())
            .unwrap_or(usize::MAX);
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            if i < s.items.len() {
                s.items.remove(i);
                s.findings.remove(i);
                // Its row goes at once (the rows after it keep their items'
                // places), and the pairing with last year's reports is made
                // again: no index left pointing past the items.
                if i < s.rows.len() {
                    s.rows.remove(i);
                }
                s.last_years = review::last_years(&s.items);
                s.unlisted = true;
                s.selected = None;
                s.aggregate = None;
                s.recheck |= s.checking.is_some();
                if s.items.is_empty() {
                    s.rows.clear();
                    s.unlisted = false;
                    // Nothing being read either: a fresh start.
                    if s.queue.is_empty() && s.in_flight == 0 && !s.opening {
                        s.skipped = 0;
                    }
                }
            }
        });
        // The pairing may change: check again (none left: the list empty).
        render();
        // From the keyboard (a click without a pointer): the focus stays in
        // the list, on the next report's 移除 (or the one before it).
        if e.detail() == 0 {
            let remove = |i: usize| format!("[data-remove=\"{i}\"]");
            match query(&remove(i)) {
                Some(_) => focus(&remove(i)),
                None => focus(&remove(i.saturating_sub(1))),
            }
        }
        return start_checking();
    }
    if let Some(b) = closest("[data-action]") {
        let action = b.get_attribute("data-action").unwrap_or_default();
        match action.as_str() {
            "review-paste-add" => {
                let text = query("[data-action=review-paste]")
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                    .map(|t| {
                        let v = t.value();
                        t.set_value("");
                        v
                    })
                    .unwrap_or_default();
                if !text.trim().is_empty() {
                    STATE.with(|s| {
                        let mut s = s.borrow_mut();
                        let n = s.items.len() + s.arriving.len() + s.queue.len() + 1;
                        s.queue
                            .push_back(Pending::Pasted(format!("粘贴的文本 {n}.txt"), text));
                        s.batch += 1;
                    });
                    pump();
                }
            }
            "download-findings-csv" => {
                let text = STATE.with(|s| {
                    let s = s.borrow();
                    csv::findings(&s.items, &s.findings)
                });
                download("审核结果-发现项.csv", "text/csv;charset=utf-8", text);
            }
            "download-cells-csv" => {
                let text = STATE.with(|s| csv::cells(&s.borrow().items));
                download("审核结果-表格数据.csv", "text/csv;charset=utf-8", text);
            }
            "aggregate" => run_aggregate(),
            "more" => {
                STATE.with(|s| {
                    let mut s = s.borrow_mut();
                    let now = if s.view.limit == 0 {
                        page::PAGE
                    } else {
                        s.view.limit
                    };
                    s.view.limit = now + page::PAGE;
                });
                render();
            }
            "download-aggregate" => {
                let json = STATE.with(|s| {
                    s.borrow()
                        .aggregate
                        .as_ref()
                        .map(|a| a.report.to_export_json(&crate::browser::now_iso()))
                });
                if let Some(json) = json {
                    download("汇总报告.json", "application/json", json);
                }
            }
            "open-in-form" => {
                open_in_form(b.get_attribute("data-source").as_deref() == Some("aggregate"))
            }
            "close-detail" => {
                let was = STATE.with(|s| {
                    let mut s = s.borrow_mut();
                    s.aggregate = None;
                    s.selected.take()
                });
                render();
                // The focus back on the report's row (it was on 关闭).
                if let Some(i) = was {
                    focus(&format!("[data-report-row][data-index=\"{i}\"]"));
                }
            }
            _ => {}
        }
        return;
    }
    if let Some(row) = closest("tr[data-report-row]") {
        open_row(&row, e.detail() == 0);
    }
}

/// Enter or Space on a report's row (focused: the rows are in the tab
/// order) opens it, as a click does.
fn on_key(e: web_sys::KeyboardEvent) {
    if !matches!(e.key().as_str(), "Enter" | " ") {
        return;
    }
    let row = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    if let Some(row) = row.filter(|el| el.has_attribute("data-report-row")) {
        e.prevent_default();
        open_row(&row, true);
    }
}

/// A report's row opened: its detail shown and scrolled to; from the
/// keyboard, the focus on the detail's heading (where its buttons follow).
fn open_row(row: &Element, keyboard: bool) {
    let i = row.get_attribute("data-index").and_then(|v| v.parse().ok());
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.selected = i.filter(|&i| i < s.items.len() && i < s.rows.len());
        s.aggregate = None;
    });
    render();
    if let Some(d) = by_id("detail").and_then(|d| d.dyn_into::<HtmlElement>().ok()) {
        d.scroll_into_view();
    }
    let heading = query("#detail h2").and_then(|h| h.dyn_into::<HtmlElement>().ok());
    if let Some(h) = heading.filter(|_| keyboard) {
        let _ = h.set_attribute("tabindex", "-1");
        let _ = h.focus();
    }
}

/// 汇总 of the rows shown (one year), after a confirmation when some have errors.
fn run_aggregate() {
    let (indices, with_errors) = STATE.with(|s| {
        let s = s.borrow();
        let shown: Vec<usize> = page::shown(&s.rows, &s.view)
            .into_iter()
            .filter(|&i| s.items[i].report.is_ok())
            .collect();
        let errors = page::has_errors(&s.rows, &shown);
        (shown, errors)
    });
    if with_errors > 0 {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!(
                    "所选 {} 份报告中有 {with_errors} 份有错误，汇总结果也会有误。仍要汇总吗？",
                    indices.len()
                ))
                .ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
    }
    let result = STATE.with(|s| {
        let s = s.borrow();
        let units: Vec<(String, &Report)> = indices
            .iter()
            .filter_map(|&i| {
                let r = s.items[i].report.as_ref().ok()?;
                let name = if r.meta.agency.is_empty() {
                    s.items[i].file.clone()
                } else {
                    r.meta.agency.clone()
                };
                Some((name, r))
            })
            .collect();
        aggregate(&units)
    });
    match result {
        Ok(agg) => {
            STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.aggregate = Some(agg);
                s.selected = None;
            });
            render();
        }
        Err(e) => {
            if let Some(w) = web_sys::window() {
                let _ = w.alert_with_message(&e);
            }
        }
    }
}

/// A new draft of the form page (same origin, same storage) holding the
/// selected report or the 汇总; every other draft is left as it is.
fn open_in_form(aggregate: bool) {
    let report = STATE.with(|s| {
        let s = s.borrow();
        if aggregate {
            s.aggregate.as_ref().map(|a| a.report.clone())
        } else {
            s.selected
                .and_then(|i| s.items[i].report.as_ref().ok().cloned())
        }
    });
    let Some(report) = report else { return };
    let mut store = Store::new(Backend::detect());
    let mut draft = Draft::new(crate::browser::new_id(), report);
    let saved = store
        .save(&mut draft, &crate::browser::now_iso())
        .map_err(|_| "浏览器存储空间已满或不可用，未能放入填报页；请改用“下载 JSON”后在填报页导入")
        .and_then(|()| store.set_open(&draft.id).map_err(|_| "未能设为打开的草稿"));
    let Some(window) = web_sys::window() else {
        return;
    };
    match saved {
        Ok(()) => {
            let _ = window.open_with_url_and_target("index.html", "_blank");
        }
        Err(e) => {
            let _ = window.alert_with_message(e);
        }
    }
}
