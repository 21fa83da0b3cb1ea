//! "Nothing panics on any input", as a tested property of every path that
//! takes outside input: our JSON, published pages and text (tokenizer,
//! charset detection, tables with any spans, headings, numbers), Word files,
//! pages saved as one file (.mhtml), OFD files, and drafts read back from
//! storage.
//!
//! A small seeded mutator of our own (repeatable: the same seeds give the
//! same inputs) turns real reports into at least 100,000 inputs per path:
//! truncation, random bytes, deleted and repeated slices, deep nesting, huge,
//! zero and negative spans, tag soup, shuffled lines, long digit runs,
//! repeated reports, empty input. A panic is caught and reported with the
//! seed and the input that caused it; every crash found becomes a named
//! regression test (see `tests/import.rs`).

use nianbao::import;
use nianbao::import::html::{decode_entities, tokenize, tokenize_xml};
use nianbao::import::published::{detect_charset, read, read_set_out};
use nianbao::model::Report;
use nianbao::store::{Draft, KeyValue, MemoryKv, Store};
use std::panic::{catch_unwind, AssertUnwindSafe};

mod common;

/// Inputs per path.
const RUNS: u64 = 100_000;

/// splitmix64: small, fast and repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that reach deep paths: markup, spans, headings, labels, numbers.
const DICTIONARY: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th colspan=\"3\">",
    "<td rowspan=\"0\">",
    "<td colspan=\"-5\">",
    "<td rowspan=\"99999999999999999999\">",
    "<td colspan=\"100\" rowspan=\"100\">",
    "<p>",
    "</p>",
    "<br>",
    "<div>",
    "<title>",
    "</title>",
    "<meta charset=\"gbk\">",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&nbsp;",
    "&#x4E00;",
    "&#99999999;",
    "&#;",
    "&amp",
    "\t",
    "\n",
    "某某街道办事处2024年政府信息公开工作年度报告",
    "一、本年新收政府信息公开申请数量",
    "（七）总计",
    "规章",
    "行政规范性文件",
    "行政事业性收费",
    "第二十条第（九）项",
    "本年新制作数量",
    "（六）其他处理",
    "12.50",
    "-3",
    "１２",
    "99999999999999999999999",
    "0",
    "\u{3000}",
    "\u{FEFF}",
    "\u{0}",
    "\"schema\": \"nianbao.report/1\"",
    "\"store\": 1",
    "{\"invalid\": \"三\"}",
    "null",
    "[",
    "{",
    "}",
    "]",
    "\"",
    ",",
    ":",
];

/// One mutation of `input`; several are applied in a row.
fn mutate_once(rng: &mut Rng, input: &mut Vec<u8>) {
    let len = input.len();
    match rng.below(12) {
        // Truncation.
        0 => input.truncate(rng.below(len + 1)),
        // Random bytes over the input.
        1 => {
            for _ in 0..=rng.below(8) {
                if !input.is_empty() {
                    let at = rng.below(input.len());
                    input[at] = rng.next() as u8;
                }
            }
        }
        // A slice deleted.
        2 => {
            let a = rng.below(len + 1);
            let b = (a + rng.below(400)).min(len);
            input.drain(a..b);
        }
        // A slice repeated (a report pasted twice when it is the whole).
        3 => {
            let a = rng.below(len + 1);
            let b = if rng.below(16) == 0 {
                len
            } else {
                (a + rng.below(2000)).min(len)
            };
            let piece = input[a..b].to_vec();
            let at = rng.below(input.len() + 1);
            input.splice(at..at, piece);
        }
        // A dictionary piece (or a section heading of the format) inserted.
        4..=6 => {
            let headings = &nianbao::format::current().sections;
            let piece = if rng.below(4) == 0 {
                rng.pick(headings).heading
            } else {
                rng.pick(DICTIONARY)
            };
            let piece = piece.as_bytes().to_vec();
            let at = rng.below(len + 1);
            input.splice(at..at, piece);
        }
        // Deep nesting.
        7 => {
            let open = *rng.pick(&["<table><tr><td>", "<div>", "[", "{\"a\":", "<td>"]);
            // Mostly shallow; now and then thousands deep.
            let deep = rng.below(10) == 0;
            let depth = 1 + rng.below(if deep { 3000 } else { 60 });
            let at = rng.below(len + 1);
            input.splice(at..at, open.repeat(depth).into_bytes());
        }
        // Shuffled lines.
        8 => {
            let text = String::from_utf8_lossy(input).into_owned();
            let mut lines: Vec<&str> = text.split('\n').collect();
            for i in (1..lines.len()).rev() {
                if rng.below(3) == 0 {
                    let j = rng.below(i + 1);
                    lines.swap(i, j);
                }
            }
            *input = lines.join("\n").into_bytes();
        }
        // A long digit run.
        9 => {
            let digits = "9".repeat(1 + rng.below(400));
            let at = rng.below(len + 1);
            input.splice(at..at, digits.into_bytes());
        }
        // Tag soup: random pieces of markup.
        10 => {
            let mut soup = Vec::new();
            for _ in 0..rng.below(40) {
                soup.extend_from_slice(
                    rng.pick(&["<", ">", "/", "=", "\"", "'", "td", "tr", " ", "table"])
                        .as_bytes(),
                );
            }
            let at = rng.below(len + 1);
            input.splice(at..at, soup);
        }
        // Empty.
        _ => {
            if rng.below(20) == 0 {
                input.clear();
            }
        }
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut input = seed.to_vec();
    for _ in 0..=rng.below(4) {
        mutate_once(rng, &mut input);
    }
    input
}

/// Runs `check` on `RUNS` mutated inputs; on a panic, fails naming the run
/// and the start of the input.
fn never_panics(path: &str, seeds: &[Vec<u8>], salt: u64, check: impl Fn(&[u8])) {
    never_panics_runs(path, seeds, salt, RUNS, check)
}

/// [`never_panics`] with fewer runs, for inputs that take long to read.
fn never_panics_runs(path: &str, seeds: &[Vec<u8>], salt: u64, runs: u64, check: impl Fn(&[u8])) {
    let mut rng = Rng(salt);
    for run in 0..runs {
        let seed = rng.pick(seeds);
        let input = mutate(&mut rng, seed);
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            let shown: String = String::from_utf8_lossy(&input).chars().take(300).collect();
            panic!(
                "{path}: run {run} (salt {salt}) panicked on an input of {} bytes starting {shown:?}",
                input.len()
            );
        }
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Windows of a file, so that each input is small and runs are many.
fn windows(bytes: &[u8], size: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        out.push(bytes[at..(at + size).min(bytes.len())].to_vec());
        at += size / 2;
    }
    out
}

/// A small complete report page: all six headings and the three tables.
fn small_page() -> Vec<u8> {
    let report: Report = Report::from_json_str(
        &String::from_utf8(fixture("reports/tanggong-jiedao-2023.json")).unwrap(),
    )
    .unwrap();
    nianbao::export::html::render(&report).into_bytes()
}

#[test]
fn json_import_never_panics() {
    let seeds = vec![
        fixture("reports/pingtan-2022.json"),
        fixture("reports/tanggong-jiedao-2023.json"),
        br#"{"schema":"nianbao.report/1","format":"gov-2021","meta":{"year":2024}}"#.to_vec(),
    ];
    never_panics("json", &seeds, 1, |bytes| {
        let _ = import::json_file(bytes);
    });
}

#[test]
fn published_import_never_panics() {
    let mut seeds = windows(&fixture("samples/tanggong-jiedao-2023.txt"), 1200);
    seeds.extend(
        windows(&fixture("samples/pingtan-2022.html"), 1500)
            .into_iter()
            .step_by(8),
    );
    seeds.push(small_page());
    seeds.push(fixture("samples/tanggong-jiedao-2023.txt"));
    // The text forms of issue 16: PDF text (form feeds, numbers), cells one
    // per line, Markdown pipe tables.
    for form in common::TEXT_FORMS {
        seeds.extend(
            windows(&fixture(&format!("forms/pingtan-2022/{form}")), 1500)
                .into_iter()
                .step_by(2),
        );
    }
    // The text our reader sets out from a PDF, a row with an empty cell
    // (read as such: `read_set_out`, which places empty cells by columns).
    seeds.extend(
        windows(
            &fixture("forms/found/pingtan-2021-blanks-1132000/pdf-placed.txt"),
            1500,
        )
        .into_iter()
        .step_by(2),
    );
    never_panics("published", &seeds, 2, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let _ = read(&text);
        let _ = read_set_out(&text, false);
        let _ = read_set_out(&text, true);
    });
}

#[test]
fn tokenizer_charset_and_decoding_never_panic() {
    let mut seeds = windows(&fixture("samples/pingtan-2021.html"), 2000);
    seeds.push(fixture("samples/tanggong-jiedao-2023-gbk.html"));
    never_panics("tokenizer", &seeds, 3, |bytes| {
        // Charset detection and decoding (as nianbao-check decodes).
        let charset = detect_charset(bytes);
        let _ = nianbao::import::job::Decode::decode(&nianbao::import::job::Native, bytes, charset);
        let text = String::from_utf8_lossy(bytes);
        let tokens = tokenize(&text);
        // Every token's text is a piece of the input, decoded.
        assert!(tokens.len() <= text.len() + 1);
        // (An empty element two tokens, each of at least three bytes.)
        assert!(tokenize_xml(&text).len() <= text.len() + 1);
        let _ = decode_entities(&text);
    });
}

/// Word files, damaged anywhere: the zip's directory, a deflated stream, the
/// XML (issue 16).
#[test]
fn docx_import_never_panics() {
    let seeds = vec![
        fixture("forms/tanggong-jiedao-2023/page.docx"),
        // (Tracked changes, a footnote, hidden text, a text box.)
        fixture("forms/pingtan-2021/revised.docx"),
        // (Automatic numbering: list definitions and styles.)
        fixture("forms/pingtan-2021/numbered.docx"),
        // (The page held whole: an MHT part where a w:altChunk stands.)
        fixture("forms/tanggong-jiedao-2023/html-docx.docx"),
        nianbao::export::docx::render(
            &Report::from_json_str(
                &String::from_utf8(fixture("reports/tanggong-jiedao-2023.json")).unwrap(),
            )
            .unwrap(),
        ),
    ];
    // Each run inflates and reads a whole document: 20,000 runs (~4 s).
    never_panics_runs("docx", &seeds, 5, RUNS / 5, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

/// An old binary Word file (.doc, .wps), damaged anywhere: besides the
/// mutations of every path, numbers of its own (sector numbers, sizes,
/// offsets, counts) set to 0, small, large or 0xFFFFFFFF at any 4-byte
/// place, in the header and the streams alike.
#[test]
fn binary_word_import_never_panics() {
    let seeds = vec![
        fixture("forms/pingtan-2021/binary.doc"),
        // (Lists; tracked changes and hidden text.)
        fixture("forms/pingtan-2021/numbered.doc"),
        fixture("forms/pingtan-2021/revised.doc"),
        fixture("forms/tanggong-jiedao-2023/binary.doc"),
    ];
    let mut rng = Rng(12);
    let mut numbers = Vec::new();
    for _ in 0..400 {
        let mut file = rng.pick(&seeds).clone();
        for _ in 0..=rng.below(3) {
            let at = rng.below(file.len() / 4) * 4;
            let value: u32 = *rng.pick(&[
                0,
                1,
                7,
                511,
                4096,
                0xFFFF,
                0x7FFF_FFFF,
                0xFFFF_FFFE,
                0xFFFF_FFFF,
            ]);
            // The header, the FIB and the table stream most often.
            let at = if rng.below(2) == 0 { at % 2048 } else { at };
            file[at..at + 4].copy_from_slice(&value.to_le_bytes());
        }
        numbers.push(file);
    }
    never_panics_runs("binary word numbers", &numbers, 13, RUNS / 50, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
    never_panics_runs("binary word", &seeds, 14, RUNS / 10, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

/// `file` with one to five of `words` put in at random places.
fn words_put_in(rng: &mut Rng, mut file: Vec<u8>, words: &[&str]) -> Vec<u8> {
    for _ in 0..=rng.below(4) {
        let at = rng.below(file.len());
        let word = rng.pick(words);
        file.splice(at..at, word.bytes());
    }
    file
}

/// An RTF file, damaged anywhere: the fixtures (characters as \uN and as
/// GBK bytes; lists, tracked changes, hidden text, a drawing), pieces of
/// them after their heads, and control words with extreme numbers
/// (\uN out of range or half a pair, \ucN, \binN, \cellxN, \itapN),
/// groups left open or closed too often.
#[test]
fn rtf_import_never_panics() {
    let page = fixture("forms/pingtan-2021/page.rtf");
    let body = page.windows(6).position(|w| w == b"\\trowd").unwrap();
    let head = &page[..page.windows(8).position(|w| w == b"{\\*\\gene").unwrap()];
    let mut seeds = vec![
        page.clone(),
        fixture("forms/pingtan-2021/gbk.rtf"),
        fixture("forms/pingtan-2021/numbered.rtf"),
        fixture("forms/pingtan-2021/revised.rtf"),
        fixture("forms/tanggong-jiedao-2023/pandoc.rtf"),
    ];
    for piece in windows(&page[body..], 4000).into_iter().step_by(8) {
        seeds.push([head, &piece[..]].concat());
    }
    let words = [
        "\\u-99999999999 ",
        "\\u55296 ",
        "\\u56320?",
        "\\uc99999 ",
        "\\uc-1 ",
        "\\bin99999999 ",
        "\\bin-5 ",
        "\\cellx-2147483648 ",
        "\\cellx99999999999 ",
        "\\itap4294967295 ",
        "\\trleft-99999 ",
        "\\f-1 ",
        "\\ansicpg65001 ",
        "\\'",
        "\\'g",
        "{{{{{{{{",
        "}}}}}}}}",
        "\\row\\row",
        "\\nestcell\\nestrow\\cell",
    ];
    let mut rng = Rng(15);
    for _ in 0..100 {
        let file = rng.pick(&seeds[..5]).clone();
        seeds.push(words_put_in(&mut rng, file, &words));
    }
    seeds.push([&b"{\\rtf1"[..], &b"{".repeat(100_000)].concat());
    never_panics_runs("rtf", &seeds, 16, RUNS / 50, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

/// A PDF's streams written out uncompressed (those of up to 64 KB inflated:
/// contents, maps, object streams; fonts stay as they are), so that the
/// mutations reach the operators, strings and maps.
fn uncompressed_pdf(pdf: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    let find = |from: usize, needle: &[u8]| {
        pdf[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    while let Some(filter) = find(at, b"/Filter/FlateDecode") {
        let Some(stream) = find(filter, b"stream\n") else {
            break;
        };
        let Some(end) = find(stream, b"endstream") else {
            break;
        };
        let data = &pdf[stream + 7..end];
        let data = data.strip_suffix(b"\n").unwrap_or(data);
        match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, 64 * 1024) {
            Ok(plain) => {
                out.extend_from_slice(&pdf[at..filter]);
                out.extend_from_slice(&pdf[filter + 19..stream + 7]);
                out.extend_from_slice(&plain);
                out.push(b'\n');
            }
            Err(_) => out.extend_from_slice(&pdf[at..end]),
        }
        at = end;
    }
    out.extend_from_slice(&pdf[at..]);
    out
}

/// A PDF file, damaged anywhere (issue 16): LibreOffice's and Chromium's,
/// their streams uncompressed, and with numbers and structures of its own
/// put in anywhere (lengths, counts, code ranges and widths out of range, a
/// page tree and forms that hold themselves, nesting without end, operators
/// with too few or extreme operands).
#[test]
fn pdf_import_never_panics() {
    let page = fixture("forms/tanggong-jiedao-2023/page.pdf");
    let chromium = fixture("forms/tanggong-jiedao-2023/chromium.pdf");
    let mut seeds = vec![uncompressed_pdf(&page), page, uncompressed_pdf(&chromium)];
    // Encrypted (their keys, lengths and crypt filters damaged too).
    for locked in ["locked.pdf", "locked-rc4-40.pdf", "locked-aes256.pdf"] {
        seeds.push(fixture(&format!("forms/tanggong-jiedao-2023/{locked}")));
    }
    // (The lengths corrected by the reader: uncompressed, each /Length is
    // wrong, and the data is found by its endstream.)
    let words = [
        " 99999999999 ",
        " -1 ",
        " 4294967295 0 R ",
        "/Length 99999999999",
        "/N 99999999 /First 99999999",
        "/W [0 99999999 5 65535 [1 2 3] -5 -1 7]",
        "/Kids [1 0 R 2 0 R 3 0 R 4 0 R 5 0 R 6 0 R]",
        "/Type/Page/Contents 4 0 R/Resources<</XObject<</X 4 0 R>>>>",
        "/Subtype/Form/Matrix[1e308 0 0 1e308 0 0]",
        "/X Do /X Do ",
        "<0000> <FFFF> <0000> ",
        "beginbfrange <00> <FF> [<00> <> <D800>] endbfrange ",
        "begincodespacerange <00> <80> endcodespacerange ",
        "BT /F1 99999999 Tf 0 Tz 99999999 99999999 Td (0123) Tj ET ",
        "1e308 1e308 1e308 1e308 1e308 1e308 cm ",
        "[(1) -99999999999 (2)] TJ ",
        "BI /W 1 /H 1 ID \x7f\x01 ",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "q q q q q q q q Q Q ",
        "/Span<</ActualText <FEFF4EBA>>> BDC ",
        "/Span<</ActualText (12345)>> BDC EMC EMC EMC ",
        "/P BMC /Span<</ActualText <FEFFD800>>> BDC ",
        "/Encoding/GBK-EUC-H ",
        "/Encoding/GBK2K-V/ToUnicode null ",
        "<8139EE39FE> Tj ",
        "0 0 1 99999 re f 0 0 0.5 -1e308 re S ",
        "1e308 0 m 1e308 1e308 l 5 5 l S n f* B* ",
        "(\\",
        "stream\r\n",
        "/Encrypt 1 0 R",
        "/V 5/R 6/Length 99999999",
        "/V 4/R 4/CF<</StdCF<</CFM/AESV2/Length 3>>>>/StmF/StdCF",
        "/U <00> /O <> /UE (x)",
        "/Filter[/ASCIIHexDecode/ASCII85Decode/FlateDecode]",
    ];
    let mut rng = Rng(17);
    for _ in 0..60 {
        // (Mostly LibreOffice's, the quicker to read; encrypted ones too.)
        let file = seeds[match rng.below(8) {
            0 | 1 => 2,
            2 => 3 + rng.below(3),
            _ => 0,
        }]
        .clone();
        seeds.push(words_put_in(&mut rng, file, &words));
    }
    seeds.push([&b"%PDF-1.7\n1 0 obj "[..], &b"[".repeat(100_000)].concat());
    seeds.push([&b"%PDF-1.7\n"[..], &b"1 0 obj ".repeat(20_000)].concat());
    // Each run reads a whole document: 1,000 runs (~20 s).
    never_panics_runs("pdf", &seeds, 18, RUNS / 100, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

/// Word 2003 XML (a .doc of one XML file), damaged anywhere; and pieces
/// of it after its head, as the start of a text. Word XML (Flat OPC) too:
/// whole, and its body cut short before its other parts (its parts'
/// names and bounds damaged more often).
#[test]
fn word_2003_import_never_panics() {
    let file = fixture("forms/pingtan-2021/word2003.doc");
    let head = &file[..file.windows(5).position(|w| w == b"<w:bo").unwrap()];
    // (And one with lists: w:lists, w:listPr.)
    let flat = fixture("forms/pingtan-2021/flat-numbered.xml");
    let body = flat.windows(7).position(|w| w == b"<w:body").unwrap();
    let after = flat.windows(9).position(|w| w == b"</w:body>").unwrap();
    let mut seeds = vec![
        file.clone(),
        fixture("forms/pingtan-2021/numbered-2003.doc"),
        flat.clone(),
        [&flat[..body + 4000], &flat[after..]].concat(),
    ];
    for piece in windows(&file, 3000).into_iter().step_by(4) {
        seeds.push([head, &piece[..]].concat());
    }
    never_panics_runs("word 2003", &seeds, 6, RUNS / 10, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

/// An archive of reports (.zip), damaged anywhere: listed and each file
/// read as the 审核台 and nianbao-check read them.
#[test]
fn archive_reading_never_panics() {
    use nianbao::review::archive;
    let zip = fixture("archive/units.zip");
    never_panics_runs("archive", &[zip], 8, RUNS / 20, |bytes| {
        if let Ok(listing) = archive::list("a.zip", bytes, &nianbao::import::job::Native) {
            for e in &listing.entries {
                let _ = archive::read_entry(bytes, e, &nianbao::import::job::Native);
            }
        }
    });
}

/// OFD files (版式文档), damaged anywhere: the zip's directory, a deflated
/// part; and their XML inside a sound package (each of OFD.xml, the
/// document and a page damaged): Boundary, CTM, DeltaX ("g N v" with any N)
/// and sizes of any value.
#[test]
fn ofd_import_never_panics() {
    let recognise = |bytes: &[u8]| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    };
    let ofd = fixture("forms/tanggong-jiedao-2023/page.ofd");
    let parts = common::package_parts(&ofd);
    let package = |damaged: &str, at: usize| common::package_with(&parts, at, damaged);
    never_panics_runs(
        "ofd",
        &[ofd.clone(), package("", usize::MAX)],
        7,
        RUNS / 20,
        recognise,
    );
    let page = parts
        .iter()
        .position(|(n, _)| n.ends_with("Content.xml"))
        .unwrap();
    let document = parts
        .iter()
        .position(|(n, _)| n.ends_with("Document.xml"))
        .unwrap();
    let root = parts.iter().position(|(n, _)| n == "OFD.xml").unwrap();
    let mut seeds: Vec<Vec<u8>> = parts.iter().map(|(_, t)| t.clone().into_bytes()).collect();
    // easyofd's pages too: runs of objects with one boundary, words spread
    // evenly over their boxes.
    let easyofd = common::package_parts(&fixture("forms/pingtan-2022/page-easyofd.ofd"));
    seeds.extend(
        (easyofd.iter())
            .filter(|(n, _)| n.ends_with("Content.xml"))
            .map(|(_, t)| t.clone().into_bytes()),
    );
    seeds.push(
        br#"<ofd:TextObject Boundary="1e308 -1e308 NaN 5" Size="-0" CTM="0 0 0 0 inf 1"><ofd:TextCode X="1e309" DeltaX="g 4294967296 1e308 g -1 2">123</ofd:TextCode></ofd:TextObject>"#
            .to_vec(),
    );
    never_panics_runs("ofd parts", &seeds, 8, RUNS / 50, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        for at in [page, document, root] {
            recognise(&package(&text, at));
        }
    });
}

/// Web pages saved as one file (.mhtml, .mht), damaged anywhere: the MIME
/// header, the boundary, the quoted-printable page.
#[test]
fn mhtml_import_never_panics() {
    let seeds = vec![
        fixture("forms/tanggong-jiedao-2023/page.mhtml"),
        fixture("forms/tanggong-jiedao-2023/page-ie.mht"),
    ];
    never_panics_runs("mhtml", &seeds, 6, RUNS / 5, |bytes| {
        let _ = nianbao::import::job::recognise(bytes, &nianbao::import::job::Native);
    });
}

#[test]
fn drafts_read_from_storage_never_panic() {
    let mut draft = Draft::new(
        "d1",
        Report::from_json_str(&String::from_utf8(fixture("reports/pingtan-2021.json")).unwrap())
            .unwrap(),
    );
    draft.last_year = None;
    let seeds = vec![
        draft.to_json().into_bytes(),
        fixture("store/draft-v1.json"),
        br#"{"store":1,"id":"x","report":null}"#.to_vec(),
    ];
    never_panics("drafts", &seeds, 4, |bytes| {
        let raw = String::from_utf8_lossy(bytes).into_owned();
        let mut kv = MemoryKv::default();
        kv.set("nianbao:draft:d1", &raw).unwrap();
        kv.set("nianbao:open", "d1").unwrap();
        let store = Store::new(kv);
        let _ = store.list();
        let _ = store.load("d1");
        let _ = store.open_id();
    });
}
