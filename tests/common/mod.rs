//! What several test files share about the import fixtures of issue 16
//! (tests/fixtures/forms, made by make.py). One list, so that a new form is
//! added in one place.

// Each test file that includes this module uses part of it.
#![allow(dead_code)]
// (Test code: std sorts allowed, see clippy.toml.)
#![allow(clippy::disallowed_methods)]

/// The samples every form was made from.
pub const SAMPLES: &[&str] = &["pingtan-2021", "pingtan-2022", "tanggong-jiedao-2023"];

/// The forms that are text: copied from a browser (Chromium, Firefox), from PDF (pdftotext plain,
/// -layout and -raw, the PDF viewers of Firefox and Chromium), one cell per line,
/// Markdown (html2text's pipe tables; pandoc's, with HTML tables where cells
/// are merged).
pub const TEXT_FORMS: &[&str] = &[
    "text.txt",
    "text-firefox.txt",
    "pdf.txt",
    "pdf-layout.txt",
    "pdf-raw.txt",
    "pdf-firefox.txt",
    "pdf-chromium.txt",
    "cells.txt",
    "page.md",
    "pandoc.md",
    "pipes.txt",
];

/// The random-value fixtures (tests/fixtures/forms/random, made by
/// random.py): each variant's folder, its name, and the values put in it.
pub fn random_variants() -> Vec<(std::path::PathBuf, String, nianbao::model::Report)> {
    let dir = format!("{}/tests/fixtures/forms/random", env!("CARGO_MANIFEST_DIR"));
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    assert!(folders.len() >= 4, "{dir}");
    folders
        .into_iter()
        .map(|folder| {
            let truth = std::fs::read_to_string(folder.join("truth.json")).unwrap();
            let want = nianbao::model::Report::from_json_str(&truth).unwrap();
            let name = folder.file_name().unwrap().to_string_lossy().to_string();
            (folder, name, want)
        })
        .collect()
}

/// The parts of a zip package (an OFD file), by name, as text.
pub fn package_parts(bytes: &[u8]) -> Vec<(String, String)> {
    use nianbao::import::zip;
    zip::names(bytes)
        .into_iter()
        .map(|name| {
            let text = String::from_utf8(zip::entry(bytes, &name).unwrap()).unwrap();
            (name, text)
        })
        .collect()
}

/// A zip package of `parts`, the part at `at` holding `text` instead
/// (none when `at` is past the parts).
pub fn package_with(parts: &[(String, String)], at: usize, text: &str) -> Vec<u8> {
    let files: Vec<(&str, String)> = parts
        .iter()
        .enumerate()
        .map(|(i, (name, t))| {
            (
                name.as_str(),
                if i == at { text.to_string() } else { t.clone() },
            )
        })
        .collect();
    nianbao::export::docx::zip(&files)
}
