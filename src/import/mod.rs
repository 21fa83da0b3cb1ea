//! Reading reports from outside: our own JSON files, and published reports
//! (saved web pages, .txt files, pasted text) with the review shown before
//! anything is created. Every failure is a Chinese message naming what and
//! where; nothing here panics on any input (`tests/never_panics.rs`).
//!
//! Not for: drafts in the browser's storage (that is `store`).

pub mod docx;
pub mod html;
pub mod job;
mod layout;
pub mod mhtml;
pub mod ofd;
pub mod pdf;
pub mod published;
pub mod review;
pub mod zip;

use crate::model::Report;

/// Largest file accepted (5 MB): a report is a few kilobytes, a saved web
/// page a few hundred.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Largest Word file, PDF or OFD file or page saved as one file (.docx,
/// .doc, .xml, .pdf, .ofd, .mhtml) accepted (30 MB): they carry their images (a scanned seal,
/// photos) and fonts, which are not read; the text read from them is still
/// held to [`MAX_FILE_BYTES`].
pub const MAX_PACKAGE_BYTES: usize = 30 * 1024 * 1024;

/// Whether a file (by name) is a package of a document and its images.
fn package(name: &str) -> bool {
    matches!(
        extension(name).as_str(),
        "docx" | "doc" | "wps" | "xml" | "ofd" | "pdf" | "mhtml" | "mht"
    )
}

/// The largest size accepted for a file of this name.
pub fn max_bytes(name: &str) -> usize {
    if package(name) {
        MAX_PACKAGE_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// The message for a file over [`MAX_FILE_BYTES`].
pub fn too_large(bytes: usize) -> String {
    format!(
        "文件太大（{}），不是年报文件：本工具只接受 5 MB 以内的文件",
        megabytes(bytes)
    )
}

/// The message for a Word file, an OFD file or a page saved as one file over
/// [`MAX_PACKAGE_BYTES`].
pub fn package_too_large(bytes: usize) -> String {
    format!(
        "文件太大（{}）：Word 文件、OFD 文件和网页单个文件只接受 30 MB 以内的（其中的图片不读取）。请删去文中的图片后另存，或把网页另存为「网页，仅 HTML」后再导入",
        megabytes(bytes)
    )
}

/// The message for a file of this name and size that is too large, if it is.
pub fn over_limit(name: &str, bytes: usize) -> Option<String> {
    (bytes > max_bytes(name)).then(|| {
        if package(name) {
            package_too_large(bytes)
        } else {
            too_large(bytes)
        }
    })
}

/// "5.0 MB".
fn megabytes(bytes: usize) -> String {
    let tenths = bytes * 10 / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The kinds of file (by extension) a report is read from.
pub const READ: &[&str] = &[
    "json", "html", "htm", "shtml", "mhtml", "mht", "txt", "md", "docx", "ofd", "doc", "wps",
    "rtf", "xml", "pdf",
];

/// Kinds a report comes in that cannot be read, each with its message
/// ([`unsupported`]); a folder's files of these kinds are listed, not skipped.
pub const EXPLAINED: &[&str] = &["odt", "rar", "7z"];

/// The message for an XML file that is not a Word document (Word 2003 XML
/// or Word XML are read, whatever their names).
pub const NOT_WORD_XML: &str =
    "这个 XML 文件不是 Word 文档，无法读取：请在 Word 或 WPS 中打开年报，另存为 .docx 或「Word XML 文档」后再导入";

/// The review's note when cells of a table read from a fixed-layout file
/// (`kind`: "PDF", "OFD") were left unread (in place of the note on text
/// copied from a PDF).
pub fn from_places(kind: &str) -> String {
    format!("表格是按 {kind} 文件中每个字的位置还原成文字后读取的：顺序无法确定的数字没有填入。如有该报告的网页或 Word 文件，导入它们可以读全")
}

/// Where `needle` first occurs in `hay` (each place its first byte is,
/// compared there: quick for the rare delimiters and keywords looked for).
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(p) = find_byte(&hay[from..], first) {
        let at = from + p;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where byte `b` first is in `hay`: eight bytes at a time until a word
/// holds it (a PDF's keywords are looked for through megabytes of binary
/// streams), then byte by byte.
fn find_byte(hay: &[u8], b: u8) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let pattern = u64::from_ne_bytes([b; 8]);
    let mut at = 0;
    for word in hay.chunks_exact(8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        // A byte of the word equal to `b` is a zero byte here.
        let x = u64::from_ne_bytes(bytes) ^ pattern;
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
            break;
        }
        at += 8;
    }
    hay[at..].iter().position(|&x| x == b).map(|p| p + at)
}

/// A file name's extension, lower case ("" when none).
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map_or(String::new(), |(_, e)| e.to_ascii_lowercase())
}

/// Whether a file (by name) is a report or a kind a report comes in.
pub fn report_like(name: &str) -> bool {
    let ext = extension(name);
    READ.contains(&ext.as_str()) || EXPLAINED.contains(&ext.as_str())
}

/// The message for a file of a kind that cannot be read, by its name: what
/// to do instead. `None` for the kinds the importer reads.
pub fn unsupported(name: &str) -> Option<String> {
    let ext = extension(name);
    if READ.contains(&ext.as_str()) {
        return None;
    }
    Some(match ext.as_str() {
        "zip" | "rar" | "7z" => "压缩包不能作为一份年报读取：请解压后添加其中的年报文件（审核台可直接添加 .zip 压缩包）".to_string(),
        "odt" => format!(".{ext} 文件无法读取：请在 Word、WPS 或 LibreOffice 中打开，另存为 .docx 后再导入"),
        // Not in EXPLAINED: a folder's spreadsheets are not reports.
        "xls" | "xlsx" | "et" => "表格文件无法作为年报导入：请在年报的表格中点一个单元格，把 Excel/WPS 表格中对应的数字整块复制后粘贴（Ctrl+V），按行列依次填入".to_string(),
        // Not in EXPLAINED either: a folder's pictures are not reports.
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "tif" | "tiff" | "webp" => "图片中的文字无法读取：如果这是年报的扫描件或截图，请改用该年报的网页或 Word 文件导入，或对照图片填写".to_string(),
        _ => "不是年报文件：只读取 .json、.html、.htm、.shtml、.mhtml、.mht、.txt、.md、.docx、.doc、.wps、.rtf、.xml、.ofd、.pdf 文件".to_string(),
    })
}

/// Reads a downloaded report file. Returns the report, or every problem found.
pub fn json_file(bytes: &[u8]) -> Result<Report, Vec<String>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(bytes.len())]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![
            "不是 UTF-8 编码的文本文件，不是本工具导出的 JSON".to_string()
        ]);
    };
    Report::from_json_str(text).map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// Reads a report JSON file from disk (the native commands): the report,
/// or every problem found, each naming the file.
pub fn json_path(path: &str) -> Result<Report, Vec<String>> {
    let bytes = std::fs::read(path).map_err(|e| vec![format!("{path}：无法读取文件（{e}）")])?;
    json_file(&bytes).map_err(|errors| errors.iter().map(|e| format!("{path}：{e}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_and_a_needle_are_found_where_they_first_are() {
        // Every place in and around a word of eight, every byte value.
        let hay: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for start in 0..20 {
            for b in [0u8, 1, 0x7f, 0x80, 0xfe, 0xff, b't'] {
                let want = hay[start..].iter().position(|&x| x == b);
                assert_eq!(find_byte(&hay[start..], b), want, "{start} {b}");
            }
        }
        assert_eq!(find_byte(b"", b'a'), None);
        assert_eq!(find_byte(b"abcdefgh", b'z'), None);
        let text = b"stream endstream trailer<</Root 1 0 R>> trailer";
        assert_eq!(find(text, b"trailer"), Some(17));
        assert_eq!(find(&text[18..], b"trailer"), Some(22));
        assert_eq!(find(text, b"xref"), None);
    }

    #[test]
    fn files_that_cannot_be_read_say_what_to_do() {
        for ok in [
            "a.json",
            "B.HTML",
            "c.htm",
            "d.shtml",
            "网页.mhtml",
            "网页.MHT",
            "e.txt",
            "f.md",
            "去年.DOCX",
            "年报.ofd",
            // (Read by what they hold: see job::recognise.)
            "去年.doc",
            "去年.WPS",
            "去年.RTF",
            "去年.xml",
            "年报.PDF",
        ] {
            assert_eq!(unsupported(ok), None, "{ok}");
        }
        assert!(unsupported("去年.ODT").unwrap().starts_with(".odt 文件"));
        // Word files and pages saved as one file carry their images.
        let big = 12 * 1024 * 1024;
        assert_eq!(over_limit("年报.docx", big), None);
        assert_eq!(over_limit("年报.MHTML", big), None);
        assert_eq!(over_limit("年报.OFD", big), None);
        assert_eq!(over_limit("年报.pdf", big), None);
        assert_eq!(over_limit("去年.doc", big), None);
        assert!(over_limit("年报.html", big)
            .unwrap()
            .starts_with("文件太大（12.0 MB），不是年报文件"));
        assert!(over_limit("年报.docx", 40 * 1024 * 1024)
            .unwrap()
            .contains("图片"));
        assert!(unsupported("数字.xlsx").unwrap().contains("整块复制后粘贴"));
        assert!(unsupported("各单位.ZIP")
            .unwrap()
            .contains("审核台可直接添加"));
        assert_eq!(unsupported("各单位.rar"), unsupported("各单位.7z"));
        for picture in ["扫描件.JPG", "截图.png", "a.jpeg", "b.tiff"] {
            assert!(
                unsupported(picture)
                    .unwrap()
                    .starts_with("图片中的文字无法读取"),
                "{picture}"
            );
        }
        assert!(!report_like("扫描件.jpg"));
        assert!(unsupported("无扩展名").unwrap().starts_with("不是年报文件"));
    }

    #[test]
    fn every_import_error_has_a_message() {
        let good = Report::new().to_export_json("2025-01-01T00:00:00Z");
        assert!(json_file(good.as_bytes()).is_ok());
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), good.as_bytes()].concat();
        assert!(json_file(&with_bom).is_ok());
        assert_eq!(
            json_file(&vec![b' '; MAX_FILE_BYTES + 1]).unwrap_err(),
            ["文件太大（5.0 MB），不是年报文件：本工具只接受 5 MB 以内的文件"]
        );
        assert_eq!(
            json_file(b"\xFF\xFE{").unwrap_err(),
            ["不是 UTF-8 编码的文本文件，不是本工具导出的 JSON"]
        );
        assert!(json_file(b"<html>").unwrap_err()[0].starts_with("不是有效的 JSON 文件"));
        assert_eq!(
            json_file(br#"{"name": "something else"}"#).unwrap_err(),
            ["schema：不是 nianbao 年报文件：缺少 \"schema\": \"nianbao.report/1\""]
        );
        let negative = good.replace("\"natural_person\": null", "\"natural_person\": -3");
        assert!(json_file(negative.as_bytes())
            .unwrap_err()
            .contains(&"table3.new_received.natural_person：应为非负整数，实为 -3".to_string()));
    }
}
