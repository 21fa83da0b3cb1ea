//! nianbao-check: the 审核台's checks for auditors, natively, over thousands
//! of reports. Reads files and folders (recursed): our JSON, saved web pages
//! in any charset and saved as one file (.mhtml), Word .docx, .doc (old
//! binary Word, or a page, Word 2003 XML or RTF under that name), .wps,
//! .rtf and Word's .xml, PDF and OFD files, Markdown,
//! .txt, and the files of .zip archives; pairs each report with the same
//! agency's report of the year before among the inputs (or in `--last-year
//! DIR`); prints one line per file and a summary; writes the 审核台's two
//! CSV files byte for byte and every finding as JSON lines.
//!
//! ```sh
//! cargo run --profile native --bin nianbao-check -- PATH... [--csv findings.csv] [--cells cells.csv] [--json out.jsonl] [--last-year DIR]
//! ```
//!
//! Exit status: 0 when every file could be read, 1 when any could not, 2 on
//! bad usage. Files are checked in parallel; memory does not grow with the
//! number of files (they are read in chunks, and read again for pairing;
//! each thread holds at most one archive, up to 100 MB).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use nianbao::import::{job::Native, pdf};
    use nianbao::model::Report;
    use nianbao::review::{self, archive, csv, read_item, Item, Status};
    use nianbao::rules::{check, Context};
    use rayon::prelude::*;
    use std::collections::HashMap;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    const USAGE: &str = "用法：nianbao-check PATH... [--csv findings.csv] [--cells cells.csv] [--json out.jsonl] [--last-year DIR] [--stats]";

    /// Files read per chunk: bounds memory whatever the number of files.
    const CHUNK: usize = 64;

    struct Options {
        paths: Vec<PathBuf>,
        csv: Option<PathBuf>,
        cells: Option<PathBuf>,
        json: Option<PathBuf>,
        last_year: Option<PathBuf>,
        stats: bool,
    }

    fn parse(args: Vec<String>) -> Result<Options, String> {
        let mut o = Options {
            paths: Vec::new(),
            csv: None,
            cells: None,
            json: None,
            last_year: None,
            stats: false,
        };
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .map(PathBuf::from)
                    .ok_or(format!("{name} 需要一个文件名"))
            };
            match a.as_str() {
                "--csv" => o.csv = Some(value("--csv")?),
                "--cells" => o.cells = Some(value("--cells")?),
                "--json" => o.json = Some(value("--json")?),
                "--last-year" => o.last_year = Some(value("--last-year")?),
                "--stats" => o.stats = true,
                "-h" | "--help" => return Err(String::new()),
                s if s.starts_with("--") => return Err(format!("未知的选项 {s}")),
                _ => o.paths.push(PathBuf::from(a)),
            }
        }
        if o.paths.is_empty() {
            return Err("请给出要检查的文件或文件夹".to_string());
        }
        Ok(o)
    }

    /// Every file under `paths`, in a stable order; files given by name are
    /// always taken; in folders, reports, archives and explained kinds only
    /// (the rest counted as skipped); an archive's files in its place.
    fn collect(paths: &[PathBuf], skipped: &mut usize, missing: &mut Vec<String>) -> Vec<Source> {
        let paths = collect_paths(paths, skipped, missing);
        let mut out = Vec::with_capacity(paths.len());
        for p in paths {
            if !archive::is_archive(&p.to_string_lossy()) {
                out.push(Source::File(p));
                continue;
            }
            // An archive: its files in its place (read from it again when
            // they are read, see `archive_bytes`).
            let name = p.display().to_string();
            let listing = std::fs::read(&p)
                .map_err(|e| format!("无法读取文件（{e}）"))
                .and_then(|bytes| archive::list(&name, &bytes, &Native));
            match listing {
                Ok(listing) => {
                    *skipped += listing.skipped;
                    let path = Arc::new(p);
                    out.extend(
                        listing
                            .entries
                            .into_iter()
                            .map(|e| Source::Entry(Arc::clone(&path), e)),
                    );
                }
                Err(why) => out.push(Source::Failed(name, why)),
            }
        }
        out
    }

    /// A file to read: on disk, one of an archive's (the archive's path),
    /// or an archive that could not be opened (its reason).
    enum Source {
        File(PathBuf),
        Entry(Arc<PathBuf>, archive::Entry),
        Failed(String, String),
    }

    /// An archive read: its path and bytes.
    type Held = Option<(Arc<PathBuf>, Arc<Vec<u8>>)>;

    thread_local! {
        /// The archive a thread read last: its files are next to each other
        /// in the list, so each is read about once per pass, and memory
        /// holds one archive per thread, whatever their number.
        static ARCHIVE: std::cell::RefCell<Held> = const { std::cell::RefCell::new(None) };
    }

    /// The bytes of the archive at `path`.
    fn archive_bytes(path: &Arc<PathBuf>) -> Result<Arc<Vec<u8>>, String> {
        ARCHIVE.with(|slot| {
            let mut slot = slot.borrow_mut();
            if let Some((p, bytes)) = &*slot {
                if p == path {
                    return Ok(Arc::clone(bytes));
                }
            }
            *slot = None;
            let bytes =
                Arc::new(std::fs::read(&**path).map_err(|e| format!("无法读取文件（{e}）"))?);
            *slot = Some((Arc::clone(path), Arc::clone(&bytes)));
            Ok(bytes)
        })
    }

    fn collect_paths(
        paths: &[PathBuf],
        skipped: &mut usize,
        missing: &mut Vec<String>,
    ) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>, skipped: &mut usize) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            // (Native only, not in a page's module: see clippy.toml.)
            #[allow(clippy::disallowed_methods)]
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    walk(&p, out, skipped);
                } else {
                    // Reports, archives, and the kinds listed with their reason.
                    if archive::taken(&p.to_string_lossy()) {
                        out.push(p);
                    } else {
                        *skipped += 1;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for p in paths {
            if p.is_dir() {
                walk(p, &mut out, skipped);
            } else if p.exists() {
                out.push(p.clone());
            } else {
                missing.push(p.display().to_string());
            }
        }
        out
    }

    fn read(source: &Source) -> Item {
        let failed = Item::unreadable;
        match source {
            Source::File(path) => {
                let name = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => read_item(&name, &bytes, &Native),
                    Err(e) => failed(name, format!("无法读取文件（{e}）")),
                }
            }
            Source::Entry(path, entry) => match archive_bytes(path) {
                Ok(bytes) => archive::read_entry(&bytes, entry, &Native),
                Err(why) => failed(entry.file.clone(), why),
            },
            Source::Failed(name, why) => failed(name.clone(), why.clone()),
        }
    }

    /// (agency, year) of a file, for pairing: cheap for saved pages.
    fn identity(source: &Source) -> Option<(String, i32)> {
        match source {
            Source::File(path) => {
                let bytes = std::fs::read(path).ok()?;
                review::identify(&path.display().to_string(), &bytes, &Native)
            }
            Source::Entry(path, entry) => {
                let data = archive::entry_data(&archive_bytes(path).ok()?, entry).ok()?;
                review::identify(&entry.file, &data, &Native)
            }
            Source::Failed(..) => None,
        }
    }

    fn create(path: &Option<PathBuf>) -> Result<Option<std::io::BufWriter<std::fs::File>>, String> {
        path.as_ref()
            .map(|p| {
                std::fs::File::create(p)
                    .map(std::io::BufWriter::new)
                    .map_err(|e| format!("无法写入 {}（{e}）", p.display()))
            })
            .transpose()
    }

    /// Peak resident memory in KB (Linux), for `--stats`.
    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    pub fn run(args: Vec<String>) -> i32 {
        let o = match parse(args) {
            Ok(o) => o,
            Err(e) => {
                if !e.is_empty() {
                    eprintln!("{e}");
                }
                eprintln!("{USAGE}");
                return 2;
            }
        };
        let start = std::time::Instant::now();
        let (mut skipped, mut missing) = (0, Vec::new());
        let files = collect(&o.paths, &mut skipped, &mut missing);
        let baselines = match &o.last_year {
            Some(dir) => collect(std::slice::from_ref(dir), &mut 0, &mut missing),
            None => Vec::new(),
        };
        // Pass 1: who and which year each file is (reports are dropped).
        let ids: Vec<Option<(String, i32)>> = files.par_iter().map(identity).collect();
        let base_ids: Vec<Option<(String, i32)>> = baselines.par_iter().map(identity).collect();
        let mut seen: HashMap<&(String, i32), usize> = HashMap::new();
        for id in ids.iter().flatten() {
            *seen.entry(id).or_default() += 1;
        }
        let mut index: HashMap<(String, i32), &Source> = HashMap::new();
        for (p, id) in baselines
            .iter()
            .zip(&base_ids)
            .chain(files.iter().zip(&ids))
        {
            if let Some(id) = id {
                index.entry(id.clone()).or_insert(p);
            }
        }
        let (mut csv_out, mut cells_out, mut json_out) =
            match (create(&o.csv), create(&o.cells), create(&o.json)) {
                (Ok(a), Ok(b), Ok(c)) => (a, b, c),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    eprintln!("{e}");
                    return 2;
                }
            };
        let write = |out: &mut Option<std::io::BufWriter<std::fs::File>>, text: &str| {
            if let Some(w) = out {
                let _ = w.write_all(text.as_bytes());
            }
        };
        write(&mut csv_out, &csv::findings_head());
        write(&mut cells_out, &csv::cells_head());
        let stdout = std::io::stdout();
        let mut stdout = stdout.lock();
        let mut counts = [0usize; 3];
        let mut pdfs = 0usize;
        for m in &missing {
            let _ = writeln!(stdout, "{m}\t{}\t文件不存在", Status::Unreadable.label());
            counts[2] += 1;
        }
        // Pass 2: each chunk read, paired, checked on every core, written in order.
        for (chunk, chunk_ids) in files.chunks(CHUNK).zip(ids.chunks(CHUNK)) {
            let done: Vec<(Item, Vec<nianbao::rules::Finding>)> = chunk
                .par_iter()
                .zip(chunk_ids)
                .map(|(path, id)| {
                    let item = read(path);
                    let last: Option<Report> = id
                        .as_ref()
                        .and_then(|(a, y)| index.get(&(a.clone(), y - 1)))
                        .and_then(|p| read(p).report.ok());
                    let found = match &item.report {
                        Ok(report) => check(&Context {
                            report,
                            last_year: last.as_ref(),
                            today: None,
                        }),
                        Err(_) => Vec::new(),
                    };
                    (item, found)
                })
                .collect();
            let (items, findings): (Vec<Item>, Vec<_>) = done.into_iter().unzip();
            let mut rows = review::rows(&items, &findings);
            // Duplicates across chunks: by the identity counts.
            for (row, id) in rows.iter_mut().zip(chunk_ids) {
                if let Some(id) = id {
                    row.duplicate = seen.get(id).is_some_and(|n| *n > 1);
                }
            }
            for ((row, item), found) in rows.iter().zip(&items).zip(&findings) {
                let _ = writeln!(stdout, "{}", row.line());
                pdfs += usize::from(
                    item.report
                        .as_ref()
                        .err()
                        .is_some_and(|e| *e == pdf::damaged() || *e == pdf::encrypted()),
                );
                counts[match row.status {
                    Status::Publishable => 0,
                    Status::Blocked => 1,
                    Status::Unreadable => 2,
                }] += 1;
                write(&mut csv_out, &csv::findings_lines(item, found));
                write(&mut cells_out, &csv::cells_line(item));
                for f in found {
                    write(
                        &mut json_out,
                        &format!("{}\n", review::finding_json(item, f)),
                    );
                }
            }
        }
        let total = counts.iter().sum::<usize>();
        if pdfs > 0 {
            // (Each line says what a clerk does; the command's user can do better.)
            let _ = writeln!(
                stdout,
                "有 {pdfs} 个 PDF 文件设置了打开密码或已损坏，未能读取：可先用 poppler 的 pdftotext -layout（有密码的加 -upw 密码）转为 .txt 后再检查"
            );
        }
        let _ = writeln!(
            stdout,
            "共 {total} 个文件：可以发布 {}，不宜发布 {}，无法读取 {}{}",
            counts[0],
            counts[1],
            counts[2],
            if skipped > 0 {
                format!("；文件夹或压缩包中另有 {skipped} 个非年报文件（图片等）未检查")
            } else {
                String::new()
            }
        );
        for w in [&mut csv_out, &mut cells_out, &mut json_out]
            .into_iter()
            .flatten()
        {
            let _ = w.flush();
        }
        if o.stats {
            let secs = start.elapsed().as_secs_f64();
            eprintln!(
                "{total} files in {secs:.2} s: {:.0} files/s on {} threads; peak RSS {} KB",
                total as f64 / secs.max(1e-9),
                rayon::current_num_threads(),
                peak_rss_kb().map_or("?".to_string(), |k| k.to_string())
            );
        }
        i32::from(counts[2] > 0)
    }
}
