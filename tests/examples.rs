//! The native examples other checks call (the test contract): each run as
//! a user runs it, on the fixtures. `cargo test` builds the examples before
//! it runs the tests; they sit beside the test binaries' folder.

use std::path::PathBuf;
use std::process::{Command, Output};

fn example(name: &str) -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let profile = deps.parent().unwrap().parent().unwrap();
    profile
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn import_report_reads_every_form_and_says_when_nothing_is_recognised() {
    for file in [
        "tests/fixtures/samples/pingtan-2022.html",
        "tests/fixtures/forms/pingtan-2022/page.docx",
        "tests/fixtures/forms/pingtan-2022/page.md",
        "tests/fixtures/forms/pingtan-2022/pdf-layout.txt",
        "tests/fixtures/reports/pingtan-2022.json",
    ] {
        let out = run("import_report", &[file]);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = nianbao::model::Report::from_json_str(&String::from_utf8(out.stdout).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert_eq!(report.meta.agency, "平潭综合实验区", "{file}");
        assert_eq!(report.meta.year, Some(2022), "{file}");
    }
    // Last year's report in another form: the cross-year findings on stderr.
    let out = run(
        "import_report",
        &[
            "tests/fixtures/forms/pingtan-2022/page.docx",
            "--last-year",
            "tests/fixtures/forms/pingtan-2021/page.md",
        ],
    );
    assert!(out.status.success());
    let out = run("import_report", &["README.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有识别出政府信息公开工作年度报告"));
    let out = run("import_report", &["tests/fixtures/FORMAT.md.pdf"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn render_and_check_examples_run() {
    let json = "tests/fixtures/reports/pingtan-2022.json";
    let html = run("render_html", &[json]);
    assert!(html.status.success());
    assert!(String::from_utf8_lossy(&html.stdout).contains("<table border=\"1\""));
    let docx = run("render_docx", &[json]);
    assert!(docx.status.success());
    assert!(docx.stdout.starts_with(b"PK\x03\x04"));
    let check = run("check_report", &[json]);
    assert!(check.status.success());
}

#[test]
fn examples_say_what_is_wrong_and_end_quietly_on_a_closed_pipe() {
    for name in ["render_html", "render_docx"] {
        let out = run(name, &[]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("用法"),
            "{name}"
        );
        let out = run(name, &["README.md"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let out = run(name, &["no-such-file.json"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("无法读取文件"),
            "{name}"
        );
    }
    // Piped into a reader that is gone (`| head`): a quiet end, not a panic
    // (exit status 101, or 134 where panics abort).
    for name in [
        "render_html",
        "render_docx",
        "check_report",
        "import_report",
    ] {
        let mut child = Command::new(example(name))
            .arg("tests/fixtures/reports/pingtan-2022.json")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}
