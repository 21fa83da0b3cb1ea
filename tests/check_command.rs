//! nianbao-check, the batch command: its exit statuses, its output lines,
//! its CSV files byte for byte the same as the 审核台's (the review core's
//! writers over the same files), and no panic on mutated inputs.

use nianbao::import::job::Native;
use nianbao::review::{self, csv, read_item};
use std::path::{Path, PathBuf};
use std::process::Command;

fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao-check"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_fixtures(dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [
        ("samples/pingtan-2021.html", "a/pingtan-2021.html"),
        ("samples/pingtan-2022.html", "a/pingtan-2022.html"),
        ("samples/tanggong-jiedao-2023-gbk.html", "b/tanggong.htm"),
        ("reports/tanggong-jiedao-2023.json", "b/tanggong.json"),
    ] {
        let to = dir.join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(from), to).unwrap();
    }
}

#[test]
fn exit_statuses_lines_and_csvs_identical_to_the_review_core() {
    let dir = temp_dir("csv");
    copy_fixtures(&dir);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let run = |extra: &[&Path]| {
        let mut c = command();
        c.arg(dir.join("a")).arg(dir.join("b"));
        for p in extra {
            c.arg(p);
        }
        c.arg("--csv").arg(out.join("f.csv"));
        c.arg("--cells").arg(out.join("c.csv"));
        c.arg("--json").arg(out.join("f.jsonl"));
        c.output().unwrap()
    };
    let ok = run(&[]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8(ok.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    // The files in the order the command takes them: each line starts with its path.
    let files = [
        dir.join("a/pingtan-2021.html"),
        dir.join("a/pingtan-2022.html"),
        dir.join("b/tanggong.htm"),
        dir.join("b/tanggong.json"),
    ];
    for (line, f) in lines.iter().zip(&files) {
        assert!(line.starts_with(&f.display().to_string()), "{line}");
    }
    assert!(lines[4].starts_with("共 4 个文件"), "{}", lines[4]);
    // The same files through the review core, as the 审核台 reads them.
    let items: Vec<_> = files
        .iter()
        .map(|f| {
            read_item(
                &f.display().to_string(),
                &std::fs::read(f).unwrap(),
                &Native,
            )
        })
        .collect();
    let findings = review::check_all(&items, None);
    assert_eq!(
        std::fs::read_to_string(out.join("f.csv")).unwrap(),
        csv::findings(&items, &findings)
    );
    assert_eq!(
        std::fs::read_to_string(out.join("c.csv")).unwrap(),
        csv::cells(&items)
    );
    let json = std::fs::read_to_string(out.join("f.jsonl")).unwrap();
    assert_eq!(
        json.lines().count(),
        findings.iter().map(Vec::len).sum::<usize>()
    );
    for l in json.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["file"].is_string() && v["rule"].is_string() && v["keys"].is_array());
    }
    // The two 唐宫 files are one agency and year: marked as duplicates.
    assert!(lines[2].contains("\t重复") && lines[3].contains("\t重复"));
    assert!(!lines[1].contains("\t重复"));

    // A file that cannot be read: listed with its reason, exit status 1.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let failed = run(&[&bad]);
    assert_eq!(failed.status.code(), Some(1));
    let stdout = String::from_utf8(failed.stdout).unwrap();
    assert!(
        stdout.contains(&format!("{}\t无法读取\t不是有效的 JSON", bad.display())),
        "{stdout}"
    );

    // A damaged PDF: its line says what a clerk does, the line before the
    // summary what the command's user can do.
    let pdf = dir.join("年报.pdf");
    std::fs::write(&pdf, "%PDF-1.7\n").unwrap();
    let failed = run(&[&pdf]);
    assert_eq!(failed.status.code(), Some(1));
    let stdout = String::from_utf8(failed.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[4].starts_with(&format!(
            "{}\t无法读取\t这个 PDF 文件已损坏或不完整",
            pdf.display()
        )),
        "{stdout}"
    );
    assert!(lines[5].contains(
        "1 个 PDF 文件设置了打开密码或已损坏，未能读取：可先用 poppler 的 pdftotext -layout"
    ));
    assert!(lines[6].starts_with("共 5 个文件"), "{stdout}");

    // A .zip of reports: each of its files a line, by its path inside.
    let zip = dir.join("各单位.zip");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive/units.zip"),
        &zip,
    )
    .unwrap();
    let out = command().arg(&zip).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let inside = |f: &str| format!("{}/{f}\t", zip.display());
    assert!(
        lines[0].starts_with(&inside("财政局/平潭2022年报.html")),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&inside("教育局/唐宫街道2023年报.docx")),
        "{stdout}"
    );
    assert!(!lines[1].contains("无法读取"), "{stdout}");
    assert!(
        lines[2].starts_with(&inside("旧/去年.zip")) && lines[2].contains("压缩包中的压缩包不读取")
    );
    assert!(
        lines.last().unwrap().starts_with("共 4 个文件")
            && lines
                .last()
                .unwrap()
                .ends_with("另有 3 个非年报文件（图片等）未检查"),
        "{stdout}"
    );

    // Bad usage: exit status 2.
    assert_eq!(command().output().unwrap().status.code(), Some(2));
    assert_eq!(
        command()
            .arg("--nope")
            .arg(&dir)
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same per-file path as the command (read, then check), over 10,000
/// mutated inputs of every kind; and the command itself over a folder of
/// truncated, binary, huge and deeply nested files.
#[test]
fn no_input_makes_the_command_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let seeds: Vec<(String, Vec<u8>)> = [
        "samples/tanggong-jiedao-2023.txt",
        "samples/tanggong-jiedao-2023-gbk.html",
        "reports/pingtan-2021.json",
    ]
    .iter()
    .map(|p| (p.to_string(), std::fs::read(root.join(p)).unwrap()))
    .collect();
    let mut state: u64 = 7;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let dir = temp_dir("fuzz");
    for run in 0..10_000 {
        let (name, seed) = &seeds[next() % seeds.len()];
        let mut bytes = seed.clone();
        match next() % 5 {
            0 => bytes.truncate(next() % (bytes.len() + 1)),
            1 => {
                for _ in 0..8 {
                    let at = next() % bytes.len().max(1);
                    if let Some(b) = bytes.get_mut(at) {
                        *b = next() as u8;
                    }
                }
            }
            2 => {
                let at = next() % (bytes.len() + 1);
                bytes.splice(at..at, "<table><tr><td>".repeat(next() % 2000).into_bytes());
            }
            3 => bytes = (0..next() % 4000).map(|_| next() as u8).collect(),
            _ => {
                let copy = bytes.clone();
                bytes.extend_from_slice(&copy);
            }
        }
        let item = read_item(name, &bytes, &Native);
        let found = review::check_all(std::slice::from_ref(&item), None);
        let _ = review::rows(std::slice::from_ref(&item), &found);
        if run % 100 == 0 {
            let ext = name.rsplit('.').next().unwrap();
            std::fs::write(dir.join(format!("{run}.{ext}")), &bytes).unwrap();
        }
    }
    std::fs::write(dir.join("huge.html"), "<p>".repeat(3_000_000)).unwrap();
    let out = command().arg(&dir).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        102,
        "one line per file and the summary"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Reports of one agency in consecutive years are paired, among the inputs
/// or from --last-year DIR (which is not checked itself).
#[test]
fn consecutive_years_are_paired_among_the_inputs_and_from_last_year() {
    use nianbao::model::Cell;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let last = nianbao::model::Report::from_json_str(
        &std::fs::read_to_string(root.join("pingtan-2021.json")).unwrap(),
    )
    .unwrap();
    let mut this = last.clone();
    this.meta.year = Some(2022);
    // 上年结转 differs from last year's 结转下年度: only the pairing sees it.
    let carried = this
        .cell("table3.carried_over.natural_person")
        .and_then(Cell::count)
        .unwrap_or(0);
    this.set_cell(
        "table3.carried_over.natural_person",
        Cell::Count(carried + 3),
    );
    this.recompute_totals();
    let dir = temp_dir("pairs");
    let base = dir.join("base");
    std::fs::create_dir_all(&base).unwrap();
    std::fs::write(dir.join("2022.json"), this.to_json_string()).unwrap();
    std::fs::write(base.join("2021.json"), last.to_json_string()).unwrap();
    let carry_over = |args: &[&Path], last_year: Option<&Path>| {
        let mut c = command();
        c.args(args);
        if let Some(l) = last_year {
            c.arg("--last-year").arg(l);
        }
        let out = c.arg("--json").arg(dir.join("out.jsonl")).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let json = std::fs::read_to_string(dir.join("out.jsonl")).unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            json.lines()
                .filter(|l| l.contains("\"CARRY-OVER\""))
                .count(),
        )
    };
    let alone = dir.join("2022.json");
    assert_eq!(
        carry_over(&[&alone], None).1,
        0,
        "no last year: nothing to compare"
    );
    // 自然人 and its 总计 both differ from last year's.
    let among = carry_over(&[&alone, &base.join("2021.json")], None).1;
    assert_eq!(among, 2, "paired among the inputs");
    let (stdout, n) = carry_over(&[&alone], Some(&base));
    assert_eq!(n, among, "paired with --last-year");
    assert_eq!(
        stdout.lines().count(),
        2,
        "the baseline itself is not checked: {stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
