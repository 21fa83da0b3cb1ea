//! The page's side of the importer worker (which also writes .docx files):
//! starts it on the first import or Word download
//! (so its module is not loaded before the user needs it), queues jobs until
//! it is ready, and hands each answer to its callback. If the worker cannot
//! start, the job it was given is told so in Chinese; if it fails or takes
//! too long over a job, that job is ([`failed`], [`watch`]) and the jobs
//! queued behind it go to another worker. The form page has one worker; the
//! 审核台 starts up to [`set_workers`] to read a batch's files side by side.
//!
//! Where the worker comes from: the offline edition defines
//! `window.nianbaoImporter()`, which makes it from code inlined in the page;
//! the hosted edition names its loader in `<meta name="nianbao-importer">`
//! (both written by `tools/postbuild.mjs`).
//!
//! Not for: the worker's own side ([`super::worker`]).

use crate::import::job::Answer;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Object, Reflect, Uint8Array};
use web_sys::{MessageEvent, Worker};

/// What to read.
pub enum Input {
    /// A file's bytes (charset detected in the worker).
    Bytes(Vec<u8>),
    /// Pasted text or HTML.
    Text(String),
    /// A report (our JSON) to render as .docx: the answer's bytes.
    Docx(String),
    /// A file of the 审核台's batch (its name and bytes), read as
    /// [`crate::review::read_published`] reads it.
    Item(String, Vec<u8>),
}

/// What the worker answered: a recognised report, a file's bytes, or a
/// batch's file read (the report as our JSON, and the importer's notes).
pub enum Reply {
    Read(Answer),
    Bytes(Vec<u8>),
    Item(String, Vec<String>),
}

type Done = Box<dyn FnOnce(Result<Reply, String>)>;

/// A job sent to a worker, kept until it answers: its id, the message
/// (sent again to another worker if this one fails before it), its bytes'
/// length, and what to call with the answer.
struct Job {
    id: u32,
    message: JsValue,
    len: usize,
    done: Done,
}

/// One worker: its jobs waiting to be sent (until it is ready) and those
/// waiting for its answer, in the order sent (it answers in that order).
struct Importer {
    /// Which worker this is (its messages name it).
    serial: u32,
    worker: Worker,
    ready: bool,
    queue: Vec<JsValue>,
    waiting: Vec<Job>,
    /// When it started its first waiting job (ms): see [`watch`].
    since: f64,
}

/// The workers: one for the form page; the 审核台 may start more
/// ([`set_workers`]) to read a batch's files side by side.
struct Pool {
    workers: Vec<Importer>,
    max: usize,
    next_job: u32,
    next_serial: u32,
}

thread_local! {
    static POOL: RefCell<Pool> = const {
        RefCell::new(Pool {
            workers: Vec::new(),
            max: 1,
            next_job: 0,
            next_serial: 0,
        })
    };
}

/// How many workers may read at once (at least one; the form page keeps
/// one). Each is started only when every other has work waiting.
pub fn set_workers(max: usize) {
    POOL.with(|p| p.borrow_mut().max = max.max(1));
}

const UNAVAILABLE: &str = "导入组件未能启动，无法读取已发布的年报";

/// What a page says when the worker's answer is not the kind it asked for.
pub const UNRECOGNISED: &str = "导入组件返回了无法识别的结果";

fn spawn() -> Result<Worker, String> {
    let window = web_sys::window().ok_or(UNAVAILABLE)?;
    let maker = Reflect::get(&window, &"nianbaoImporter".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(make) = maker.dyn_ref::<Function>() {
        return make
            .call0(&window)
            .map(JsCast::unchecked_into)
            .map_err(|e| format!("{UNAVAILABLE}（{}）", super::files::js_message(&e)));
    }
    let url = window
        .document()
        .and_then(|d| {
            d.query_selector("meta[name=nianbao-importer]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .ok_or(UNAVAILABLE)?;
    Worker::new(&url).map_err(|e| format!("{UNAVAILABLE}（{}）", super::files::js_message(&e)))
}

/// The worker `serial` failed: the job it was reading (the first it has not
/// answered) fails with `message`, the jobs queued behind it go to another
/// worker; the worker is dropped.
fn failed(serial: u32, message: &str) {
    let importer = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.workers.iter().position(|w| w.serial == serial)?;
        Some(p.workers.remove(at))
    });
    if let Some(importer) = importer {
        importer.worker.terminate();
        let mut waiting = importer.waiting.into_iter();
        if let Some(job) = waiting.next() {
            (job.done)(Err(message.to_string()));
        }
        for job in waiting {
            dispatch(job);
        }
    }
}

/// How long a worker may take over one job (ms): 30 s and 3 s more per MB
/// of its bytes (a 20 MB PDF reads in a few seconds on a slow PC); with
/// the browser tests' `nianbao:test-hooks` set in storage, 2 s.
fn limit(len: usize) -> f64 {
    let test = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("nianbao:test-hooks").ok().flatten())
        .is_some();
    if test {
        return 2000.0;
    }
    30_000.0 + 3000.0 * (len / (1024 * 1024)) as f64
}

/// Stops a worker that has taken longer than [`limit`] over a job (a file
/// that never finishes must not hold the rest of a batch, nor the import
/// forever): that job fails, the rest go to another worker. Runs every
/// half second once a worker has started.
fn watch() {
    let now = web_sys::js_sys::Date::now();
    let late: Vec<(u32, f64)> = POOL.with(|p| {
        (p.borrow().workers.iter())
            .filter_map(|w| {
                let job = w.waiting.first()?;
                (now - w.since > limit(job.len)).then_some((w.serial, now - w.since))
            })
            .collect()
    });
    for (serial, took) in late {
        let seconds = (took / 1000.0) as u64;
        failed(
            serial,
            &format!("读取超时：{seconds} 秒仍未读完，已停止。请确认文件完好，或改用该年报的其他格式（网页、Word 或 PDF 文件）"),
        );
    }
}

fn start_watching() {
    thread_local! {
        static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let tick = Closure::<dyn FnMut()>::new(watch);
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            500,
        );
    }
    tick.forget();
}

fn on_message(serial: u32, e: MessageEvent) {
    let data = e.data();
    let get = |k: &str| {
        Reflect::get(&data, &k.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if Reflect::get(&data, &"ready".into()).is_ok_and(|v| v.is_truthy()) {
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if let Some(imp) = p.workers.iter_mut().find(|w| w.serial == serial) {
                imp.ready = true;
                imp.since = web_sys::js_sys::Date::now();
                for job in imp.queue.drain(..) {
                    let _ = imp.worker.post_message(&job);
                }
            }
        });
        return;
    }
    let id = Reflect::get(&data, &"id".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map_or(u32::MAX, |v| v as u32);
    let done = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let imp = p.workers.iter_mut().find(|w| w.serial == serial)?;
        let at = imp.waiting.iter().position(|j| j.id == id)?;
        // (The next job starts now.)
        imp.since = web_sys::js_sys::Date::now();
        Some(imp.waiting.remove(at).done)
    });
    let Some(done) = done else { return };
    if let Some(bytes) = Reflect::get(&data, &"bytes".into())
        .ok()
        .filter(|b| b.is_object())
    {
        return done(Ok(Reply::Bytes(Uint8Array::new(&bytes).to_vec())));
    }
    if let Some(notes) = Reflect::get(&data, &"notes".into())
        .ok()
        .filter(|n| n.is_object())
    {
        let notes = web_sys::js_sys::Array::from(&notes)
            .iter()
            .filter_map(|n| n.as_string())
            .collect();
        return done(match get("json") {
            Some(json) => Ok(Reply::Item(json, notes)),
            None => Err(UNRECOGNISED.to_string()),
        });
    }
    done(match (get("json"), get("review"), get("error")) {
        (Some(report_json), Some(review_html), _) => Ok(Reply::Read(Answer {
            report_json,
            review_html,
        })),
        (_, _, Some(error)) => Err(error),
        _ => Err(UNRECOGNISED.to_string()),
    });
}

/// The worker to send a job to: an idle one, else a new one while the
/// pool has room, else the one with the fewest jobs waiting.
fn pick() -> Result<u32, String> {
    let (idle, room, least) = POOL.with(|p| {
        let p = p.borrow();
        let idle = p.workers.iter().find(|w| w.waiting.is_empty());
        let least = p.workers.iter().min_by_key(|w| w.waiting.len());
        (
            idle.map(|w| w.serial),
            p.workers.len() < p.max,
            least.map(|w| w.serial),
        )
    });
    if let Some(serial) = idle.or(least.filter(|_| !room)) {
        return Ok(serial);
    }
    let worker = spawn()?;
    let serial = POOL.with(|p| {
        let mut p = p.borrow_mut();
        p.next_serial += 1;
        p.next_serial
    });
    let message = Closure::<dyn FnMut(MessageEvent)>::new(move |e| on_message(serial, e));
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    message.forget();
    let error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        failed(
            serial,
            "导入组件出错，未能读完。请重试；若仍失败，请刷新页面。",
        );
    });
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    error.forget();
    POOL.with(|p| {
        p.borrow_mut().workers.push(Importer {
            serial,
            worker,
            ready: false,
            queue: Vec::new(),
            waiting: Vec::new(),
            since: web_sys::js_sys::Date::now(),
        })
    });
    start_watching();
    Ok(serial)
}

/// Reads `input` in the worker and calls `done` with the answer.
pub fn run(input: Input, done: impl FnOnce(Result<Reply, String>) + 'static) {
    let id = POOL.with(|p| {
        let mut p = p.borrow_mut();
        p.next_job += 1;
        p.next_job
    });
    let job = Object::new();
    let _ = Reflect::set(&job, &"id".into(), &id.into());
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&job, &key.into(), value);
    };
    let len = match input {
        Input::Bytes(b) => {
            set("bytes", &Uint8Array::from(b.as_slice()));
            b.len()
        }
        Input::Text(t) => {
            set("text", &t.as_str().into());
            t.len()
        }
        Input::Docx(json) => {
            set("docx", &json.as_str().into());
            json.len()
        }
        Input::Item(name, b) => {
            set("item", &name.into());
            set("bytes", &Uint8Array::from(b.as_slice()));
            b.len()
        }
    };
    dispatch(Job {
        id,
        message: job.into(),
        len,
        done: Box::new(done),
    });
}

/// Sends a job to a worker ([`pick`]), or queues it there until the
/// worker is ready.
fn dispatch(job: Job) {
    let serial = match pick() {
        Ok(serial) => serial,
        Err(e) => return (job.done)(Err(e)),
    };
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let Some(imp) = p.workers.iter_mut().find(|w| w.serial == serial) else {
            return;
        };
        if imp.ready {
            let _ = imp.worker.post_message(&job.message);
            if imp.waiting.is_empty() {
                imp.since = web_sys::js_sys::Date::now();
            }
        } else {
            imp.queue.push(job.message.clone());
        }
        imp.waiting.push(job);
    });
}
