//! Reading a PDF file (most reports are published as PDF attachments). Its
//! pages' glyphs, each where the page puts it ([`text`]: fonts, content
//! streams; [`objects`]: the file's syntax), are set out again as lines of
//! text by [`super::layout`], as `pdftotext -layout` writes them, and the
//! published-report reader takes that text with its checks (a row's values
//! are read only when their count and sums fit). Text that runs another way
//! than most of a page's (a slanted watermark across a table) is left out;
//! a page whose text all runs another way (a table turned a quarter round)
//! is turned back.
//!
//! Files encrypted against copying or changes but opened without a
//! password are decrypted as they are read ([`crypt`]).
//!
//! Not for: scanned pages (pictures: no text to read), files that need a
//! password to open (each asks to be copied from a PDF reader instead),
//! annotations and form fields; recognising the report (that is
//! [`super::published`]).

mod crypt;
mod objects;
mod text;

use super::layout::{
    self, usual_direction, Direction, Glyph, Rule, MAX_DOCUMENT_GLYPHS, MAX_PAGES,
};
use objects::{Dict, File, Object};

/// Whether `bytes` are a PDF file (by its header, whatever its name).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// What to do instead, said at the end of each message.
const INSTEAD: &str = "请在浏览器或 PDF 阅读器中打开，全选（Ctrl+A）、复制后，用“粘贴年报”粘贴";

/// The message for a PDF file with no pages found.
pub fn damaged() -> String {
    format!("这个 PDF 文件已损坏或不完整，无法读取：{INSTEAD}")
}

/// The message for an encrypted PDF file that cannot be decrypted: it
/// needs a password to open (or is encrypted another way than the
/// standard handler's; files locked only against copying or changes are
/// read, see [`crypt`]).
pub fn encrypted() -> String {
    format!("这个 PDF 文件设置了打开密码，无法直接读取：{INSTEAD}（打开时输入密码）")
}

const NO_TEXT: &str = "这个 PDF 文件里没有文字（可能是扫描的图片），无法读取。如有该报告的网页或 Word 文件，请导入它们";

const UNMAPPED: &str = "这个 PDF 文件中很多字没有写明是哪个字（生成它的程序没有写入，从 PDF 阅读器复制出来也是乱码），识别不出年报。如有该报告的网页或 Word 文件，请导入它们";

/// The message for a PDF file whose report was not recognised, when its
/// fonts give no character for many of its glyphs (U+FFFD in their
/// ToUnicode maps, or no map: Firefox ESR on Debian printed a report so,
/// a third of its ideographs lost): a tenth of the characters other than
/// ASCII, fifty or more. None otherwise (the reason is another).
pub fn unmapped(text: &str) -> Option<String> {
    let (mut lost, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii() && !c.is_whitespace()) {
        all += 1;
        lost += usize::from(c == '\u{FFFD}');
    }
    (lost >= 50 && lost * 10 >= all).then(|| UNMAPPED.to_string())
}

/// What is read of a PDF file: its text (see [`to_text`]), the pages
/// (from 1) with digits past their right edge, and whether any digit
/// stands near a page's right edge or past it (`near_edge`, see
/// [`layout::near_right_edge`]): else no number was cut there.
pub struct Read {
    pub text: String,
    pub past_edge: Vec<usize>,
    pub near_edge: bool,
}

impl Read {
    /// The review's note on digits past a page's right edge, if any: a
    /// table wider than the page, cut at its edge (LibreOffice's PDF of
    /// it: a reader shows "26" of 26986), is read whole from the file's
    /// text, which the reader of the PDF does not see.
    pub fn note(&self) -> Option<String> {
        let pages: Vec<String> = self.past_edge.iter().map(usize::to_string).collect();
        (!pages.is_empty()).then(|| {
            format!(
                "第 {} 页有数字超出页面右边缘（表格比页面宽，PDF 阅读器中看不到，也打印不出），已按文件中的文字读取：请对照该报告的网页或 Word 文件核实",
                pages.join("、")
            )
        })
    }
}

/// The PDF file's text, its pages' lines set out as `pdftotext -layout`
/// does (see the module's description).
///
/// `decode` decodes bytes in a charset (named as TextDecoder names it:
/// "gbk"), none when it cannot: the characters of fonts whose codes are
/// GBK's.
pub fn to_text(
    bytes: &[u8],
    decode: &dyn Fn(&[u8], &str) -> Option<String>,
) -> Result<String, String> {
    read(bytes, decode).map(|r| r.text)
}

/// The PDF file's text and where digits stand past a page's edge (see
/// [`Read`], [`to_text`]).
pub fn read(bytes: &[u8], decode: &dyn Fn(&[u8], &str) -> Option<String>) -> Result<Read, String> {
    let file = File::read(bytes);
    if file.locked {
        return Err(encrypted());
    }
    let pages = pages(&file);
    if pages.is_empty() {
        return Err(damaged());
    }
    let (mut all, mut ruled) = (Vec::new(), Vec::new());
    let mut past_edge = Vec::new();
    let mut near_edge = false;
    let mut held = 0;
    let mut reader = text::Page::new(&file, decode);
    for (at, page) in pages.iter().take(MAX_PAGES).enumerate() {
        if held >= MAX_DOCUMENT_GLYPHS {
            break;
        }
        let (glyphs, rules, edge) = upright(&file, page, &mut reader);
        if edge.past {
            past_edge.push(at + 1);
        }
        near_edge |= edge.near;
        held += glyphs.len();
        all.push(glyphs);
        ruled.push(rules);
    }
    let text = layout::text(all, ruled)?.ok_or_else(|| NO_TEXT.to_string())?;
    Ok(Read {
        text,
        past_edge,
        near_edge,
    })
}

/// A page: its dictionary, its resources and its box (inherited from the
/// page tree when not its own).
struct Page<'f> {
    dict: &'f Dict,
    resources: Option<&'f Dict>,
    media: [f64; 4],
}

/// The document's pages in order: by its page tree, else (a damaged tree)
/// every page object in the order of their numbers.
fn pages<'f>(file: &'f File) -> Vec<Page<'f>> {
    let catalog = file
        .trailers
        .iter()
        .find_map(|t| file.dict(t.get("Root")))
        .filter(|c| c.get("Pages").is_some())
        .or_else(|| {
            file.numbers()
                .filter_map(|n| file.get(n).and_then(Object::dict))
                .filter(|d| is_type(d, b"Catalog"))
                .last()
        });
    let mut out = Vec::new();
    if let Some(root) = catalog.and_then(|c| c.get("Pages")) {
        let mut visited = 0;
        walk(file, root, (None, None), &mut out, &mut visited, 0);
    }
    if out.is_empty() {
        for n in file.numbers() {
            if let Some(dict) = file
                .get(n)
                .and_then(Object::dict)
                .filter(|d| is_type(d, b"Page"))
            {
                out.push(page(file, dict, (None, None)));
            }
        }
    }
    out
}

fn is_type(dict: &Dict, name: &[u8]) -> bool {
    dict.get("Type").and_then(Object::name) == Some(name)
}

/// What a page inherits from the tree above it: resources, media box.
type Inherited<'f> = (Option<&'f Dict>, Option<&'f Object>);

fn page<'f>(file: &'f File, dict: &'f Dict, inherited: Inherited<'f>) -> Page<'f> {
    let resources = file.dict(dict.get("Resources")).or(inherited.0);
    let media = file.numbers_of(dict.get("MediaBox").or(inherited.1));
    Page {
        dict,
        resources,
        media: media.try_into().unwrap_or([0.0, 0.0, 595.0, 842.0]),
    }
}

/// The pages under `node`, in order (a damaged tree's loops are cut by the
/// count of nodes visited and the depth).
fn walk<'f>(
    file: &'f File,
    node: &'f Object,
    inherited: Inherited<'f>,
    out: &mut Vec<Page<'f>>,
    visited: &mut usize,
    depth: usize,
) {
    *visited += 1;
    if depth > 64 || *visited > 4 * MAX_PAGES || out.len() >= MAX_PAGES {
        return;
    }
    let Some(dict) = file.dict(Some(node)) else {
        return;
    };
    match dict.get("Kids") {
        Some(kids) if !is_type(dict, b"Page") => {
            let inherited = (
                file.dict(dict.get("Resources")).or(inherited.0),
                dict.get("MediaBox").or(inherited.1),
            );
            for kid in file.resolve(kids).array() {
                walk(file, kid, inherited, out, visited, depth + 1);
            }
        }
        _ => out.push(page(file, dict, inherited)),
    }
}

/// A page's glyphs that run in its usual direction, set out as if it ran
/// left to right, from the page's top left, y down; its rules; where its
/// digits stand by its right edge.
fn upright(file: &File, page: &Page, reader: &mut text::Page) -> (Vec<Glyph>, Vec<Rule>, Edge) {
    let mut content = Vec::new();
    let contents = page.dict.get("Contents").map_or(&Object::Null, |c| c);
    let parts = match file.resolve(contents) {
        Object::Array(a) => a.iter().collect(),
        _ => vec![contents],
    };
    for part in parts {
        if let Some(data) = file.stream_of(part) {
            content.extend_from_slice(&data);
            content.push(b'\n');
        }
        if content.len() > super::zip::MAX_PART {
            break;
        }
    }
    reader.next_page();
    reader.run(&content, page.resources, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0);
    let mut glyphs = std::mem::take(&mut reader.glyphs);
    let usual = usual_direction(&glyphs).unwrap_or(Direction::ACROSS);
    glyphs.retain(|g| g.direction.near(usual));
    let turn = usual.turning();
    let [x0, y0, x1, y1] = page.media;
    let corners = [turn(x0, y0), turn(x1, y0), turn(x0, y1), turn(x1, y1)];
    let left = corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min);
    let top = corners
        .iter()
        .map(|c| c.1)
        .fold(f64::NEG_INFINITY, f64::max);
    for g in &mut glyphs {
        let (x, y) = turn(g.x, g.y);
        g.x = x - left;
        g.y = top - y;
    }
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite() && g.size > 0.0);
    let right = corners
        .iter()
        .map(|c| c.0)
        .fold(f64::NEG_INFINITY, f64::max);
    // The rules that stand upright on the page as its text reads, but for
    // those on its left or right edge: a table wider than the page drawn
    // cut at the edge (LibreOffice's PDF of it) has its border there, and
    // the glyphs on its far side are the rest of the number the page cut
    // ("26" on the page, "986" past its edge: one number), not another
    // cell's.
    let rules = reader
        .rules
        .iter()
        .filter_map(|&[x0, y0, x1, y1]| {
            let ((x0, y0), (x1, y1)) = (turn(x0, y0), turn(x1, y1));
            let x = (x0 + x1) / 2.0;
            let edge = (x - left).abs() <= 1.0 || (x - right).abs() <= 1.0;
            (!edge && (x1 - x0).abs() <= 2.0 && (y1 - y0).abs() >= 3.0).then(|| Rule {
                x: x - left,
                top: top - y0.max(y1),
                bottom: top - y0.min(y1),
            })
        })
        .collect();
    let width = right - left;
    let edge = Edge {
        past: (glyphs.iter()).any(|g| g.c.is_ascii_digit() && g.x >= width),
        near: layout::near_right_edge(&glyphs, width),
    };
    (glyphs, rules, edge)
}

/// Where a page's digits stand by its right edge (see [`Read`]): some past
/// it; some near it or past it (see [`layout::near_right_edge`]).
struct Edge {
    past: bool,
    near: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF of `objects` (numbered from 1; the catalog first, the page
    /// tree second) and a trailer with `trailer`'s entries.
    fn pdf(objects: &[&str], trailer: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        for (i, o) in objects.iter().enumerate() {
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        out.extend_from_slice(format!("trailer\n<</Root 1 0 R{trailer}>>\n%%EOF\n").as_bytes());
        out
    }

    /// What is read of the file, GBK decoded as the native import does.
    fn read(bytes: &[u8]) -> Result<Read, String> {
        use crate::import::job::{Decode, Native};
        super::read(bytes, &|b, charset| Native.decode(b, charset).ok())
    }

    /// The file's text (see [`read`]).
    fn to_text(bytes: &[u8]) -> Result<String, String> {
        read(bytes).map(|r| r.text)
    }

    fn stream(data: &str) -> String {
        format!("<</Length {}>>\nstream\n{data}\nendstream", data.len())
    }

    /// A one-page document showing `content` with font F1 (two-byte codes:
    /// 0001 行, 0002 政, 0003 许, 0004 可, 0010-0019 the digits, each 1000
    /// units wide), its map when `mapped`.
    fn document(content: &str, mapped: bool) -> Vec<u8> {
        let map = stream(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             2 beginbfchar <0001> <884C> <0002> <653F> endbfchar\n\
             2 beginbfrange <0003> <0004> [<8BB8> <53EF>] <0010> <0019> <0030> endbfrange\n\
             endcmap CMapName currentdict /CMap defineresource pop end end",
        );
        let unicode = if mapped { "/ToUnicode 6 0 R" } else { "" };
        pdf(
            &[
                "<</Type/Catalog/Pages 2 0 R>>",
                "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>",
                "<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
                &stream(content),
                &format!(
                    "<</Type/Font/Subtype/Type0/BaseFont/AAAAAA+Song/Encoding/Identity-H/DescendantFonts[7 0 R]{unicode}>>"
                ),
                &map,
                "<</Type/Font/Subtype/CIDFontType2/BaseFont/AAAAAA+Song/DW 1000/W[16 [500 500 500 500 500 500 500 500 500 500]]>>",
            ],
            "",
        )
    }

    const ROW: &str = "BT /F1 10 Tf 1 0 0 1 50 700 Tm <0001000200030004> Tj 150 0 Td <00120019001900130013> Tj ET";

    fn words(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    #[test]
    fn a_rows_label_and_value_stand_apart_on_their_line() {
        let text = to_text(&document(ROW, true)).unwrap();
        assert_eq!(words(&text), ["行政许可", "29933"]);
        // The value stands at its column: far right of its label.
        let line = text.lines().next().unwrap();
        assert!(line.contains("行政许可      "), "{line:?}");
        assert!(text.ends_with('\u{c}'));
    }

    #[test]
    fn codes_the_font_does_not_map_read_as_no_character() {
        // Without its map the font's codes are glyph numbers: never taken
        // for characters (0x0013 is no digit 3).
        let text = to_text(&document(ROW, false)).unwrap();
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text:?}");
        assert!(text.contains('\u{FFFD}'));
    }

    #[test]
    fn a_font_of_gbk_codes_without_a_map_reads_gbk() {
        // As WPS writes a font it does not embed: GBK-EUC-H, no map, widths
        // by CID (which the codes are not: guessed by the character).
        let doc = String::from_utf8(document("", false))
            .unwrap()
            .replace("/Encoding/Identity-H", "/Encoding/GBK-EUC-H");
        let row = "BT /F1 10 Tf 50 700 Td <D0D0D5FED0EDBFC9> Tj 150 0 Td (29933) Tj ET";
        let gbk = doc.replace(&stream(""), &stream(row));
        let text = to_text(gbk.as_bytes()).unwrap();
        assert_eq!(words(&text), ["行政许可", "29933"]);
        // Without a decoder: the ideographs unknown, the ASCII codes read.
        let blind = super::to_text(gbk.as_bytes(), &|_, _| None).unwrap();
        assert_eq!(words(&blind), ["\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", "29933"]);
        // GB 18030's four-byte codes (GBK2K-H) take four bytes: the codes
        // after them are read as they are; their own character unknown.
        let row = "BT /F1 10 Tf 50 700 Td <D0D08139EE39D5FE> Tj ET";
        let four = doc
            .replace("/Encoding/Identity-H", "/Encoding/GBK2K-H")
            .replace("GBK-EUC-H", "GBK2K-H")
            .replace(&stream(""), &stream(row));
        assert_eq!(words(&to_text(four.as_bytes()).unwrap()), ["行\u{FFFD}政"]);
        // A map of its own comes first (here 人 for GBK's 行).
        let mapped = String::from_utf8(document("BT /F1 10 Tf 50 700 Td <D0D0> Tj ET", true))
            .unwrap()
            .replace("/Encoding/Identity-H", "/Encoding/GBK-EUC-H")
            .replace("<0001> <884C>", "<D0D0> <4EBA>");
        assert_eq!(words(&to_text(mapped.as_bytes()).unwrap()), ["人"]);
    }

    #[test]
    fn a_tables_rules_part_the_numbers_of_cells_they_stand_between() {
        // Two cells' numbers drawn against each other, a border between
        // them: a thin rectangle filled (as Chromium draws it, in a scaled
        // space), a segment stroked; a rectangle only clipped, or wide (a
        // shaded cell), parts nothing.
        let cells = "BT /F1 10 Tf 50 700 Td <0014001600170019001500190019> Tj ET";
        let read = |drawing: &str| {
            let content = format!("{drawing} {cells}");
            words(&to_text(&document(&content, true)).unwrap()).join(" ")
        };
        assert_eq!(
            read("q 0.5 0 0 0.5 0 0 cm 147 1380 2 50 re f Q"),
            "46795 99"
        );
        assert_eq!(read("0.7 w 74 690 m 74 715 l S"), "46795 99");
        assert_eq!(read("74 690 1 25 re W n"), "4679599");
        assert_eq!(read("70 690 10 25 re f"), "4679599");
        assert_eq!(read(""), "4679599");
    }

    #[test]
    fn a_number_the_pages_edge_cuts_is_read_whole_and_said() {
        // A table wider than the page (595 points), cut at its edge as
        // LibreOffice draws it: its border on the edge, 26986 in the last
        // cell, "986" past the edge; a border within the page parts.
        let cell = "BT /F1 10 Tf 577 700 Td <00120016001900180016> Tj ET";
        let drawn = |drawing: &str| {
            let read = read(&document(&format!("{drawing} {cell}"), true)).unwrap();
            let note = read.note();
            (words(&read.text).join(" "), read.past_edge, note)
        };
        let (text, past, note) = drawn("1 w 595 690 m 595 715 l S");
        assert_eq!((text.as_str(), past), ("26986", vec![1]));
        assert!(note.unwrap().starts_with("第 1 页有数字超出页面右边缘"));
        assert_eq!(drawn("1 w 594.2 690 m 594.2 715 l S").0, "26986");
        assert_eq!(drawn("1 w 590 690 m 590 715 l S").0, "269 86");
        // Within the page: nothing said.
        let within = "BT /F1 10 Tf 500 700 Td <00120016001900180016> Tj ET";
        let read = read(&document(within, true)).unwrap();
        assert_eq!((read.past_edge.len(), read.note()), (0, None));
    }

    #[test]
    fn a_digit_within_an_em_of_the_pages_right_edge_may_have_been_cut() {
        // A page 595 points wide, a 10-point "2": within an em of the
        // edge no other digit fits after it (a writer that leaves out what
        // falls past the edge may have cut a number there); past it too.
        let near = |x: f64| {
            let digit = format!("BT /F1 10 Tf {x} 700 Td <0012> Tj ET");
            read(&document(&digit, true)).unwrap().near_edge
        };
        assert!(!near(500.0));
        assert!(!near(584.0));
        assert!(near(586.0));
        assert!(near(600.0));
        // Not a word's other characters.
        let word = "BT /F1 10 Tf 590 700 Td <0001> Tj ET";
        assert!(!read(&document(word, true)).unwrap().near_edge);
    }

    #[test]
    fn marked_contents_actual_text_stands_for_its_glyphs() {
        // A radical's glyph (the map says 行 for 0001: the text says 人),
        // an unmapped code given its character, a span of two glyphs given
        // three characters, one given none; spans nested and unclosed.
        let marked = "BT /F1 10 Tf 50 700 Td \
             /Span<</ActualText <FEFF4EBA>>> BDC <0001> Tj EMC \
             /P BMC /Span<</ActualText (9)>> BDC <0099> Tj EMC EMC \
             /Span<</ActualText <FEFF884C653F8BB8>>> BDC <00010002> Tj EMC \
             /Span<</ActualText ()>> BDC <0003> Tj EMC <0004> Tj \
             /Span<</ActualText <FEFF4E00>>> BDC ET";
        // (A digit is half as wide as the glyph it was drawn as: a gap
        // after it; the glyph given no character leaves its place empty.)
        assert_eq!(
            words(&to_text(&document(marked, true)).unwrap()),
            ["人9", "行政许", "可"]
        );
        // One glyph given two characters: no number read from it.
        let one = "BT /F1 10 Tf 50 700 Td /Span<</ActualText (12)>> BDC <0012> Tj EMC ET";
        let text = to_text(&document(one, true)).unwrap();
        assert!(!words(&text).contains(&"12"), "{text:?}");
        // Not Latin-1 or UTF-16: not taken (the glyph's own character).
        let odd = "BT /F1 10 Tf 50 700 Td /Span<</ActualText <90>>> BDC <0001> Tj EMC ET";
        assert_eq!(words(&to_text(&document(odd, true)).unwrap()), ["行"]);
    }

    #[test]
    fn a_page_turned_a_quarter_round_is_read_turned_back_and_a_slanted_watermark_left_out() {
        // The page's text drawn turned (as a landscape table on a portrait
        // page), with a slanted watermark's digits among it.
        let turned = format!(
            "q 0 1 -1 0 595 0 cm {ROW} Q BT /F1 30 Tf 0.7 0.7 -0.7 0.7 200 400 Tm <00110012> Tj ET"
        );
        let text = to_text(&document(&turned, true)).unwrap();
        assert_eq!(words(&text), ["行政许可", "29933"]);
    }

    #[test]
    fn kerned_and_spaced_runs_and_forms_are_read() {
        // TJ with adjustments within a number (kerning) and a gap between
        // cells; text drawn by a form.
        let kerned =
            "BT /F1 10 Tf 50 700 Td [<00010002> -20 <00030004> -15000 <0012> 10 <0019>] TJ ET";
        assert_eq!(
            words(&to_text(&document(kerned, true)).unwrap()),
            ["行政许可", "29"]
        );
        // A form drawn twice, moved by its matrix and the page's; one that
        // draws itself stops.
        let form = stream(&format!("{ROW} /X Do"));
        let doc = String::from_utf8(document("/X Do q 1 0 0 1 0 -100 cm /X Do Q", true))
            .unwrap()
            .replace(
                "/Font<</F1 5 0 R>>",
                "/Font<</F1 5 0 R>>/XObject<</X 8 0 R>>",
            )
            .replace(
                "trailer",
                &format!(
                    "8 0 obj\n{}\nendobj\ntrailer",
                    form.replace("<<", "<</Subtype/Form/Matrix[1 0 0 1 0 -20]")
                ),
            );
        let text = to_text(doc.as_bytes()).unwrap();
        assert!(
            words(&text).starts_with(&["行政许可", "29933", "行政许可", "29933"]),
            "{text}"
        );
    }

    #[test]
    fn a_fonts_widths_unknown_are_guessed_by_its_characters() {
        // Codes that are not glyph numbers (the characters' UTF-16: widths
        // by CID unknown): a number's digits half an em apart still run on.
        let doc = String::from_utf8(document("", true)).unwrap();
        let utf16 = doc
            .replace("/Encoding/Identity-H", "/Encoding/UniGB-UCS2-H")
            .replace("/ToUnicode 6 0 R", "");
        let row =
            "BT /F1 10 Tf 50 700 Td <884C653F8BB853EF> Tj 150 0 Td <00320039003900330033> Tj ET";
        let utf16 = utf16.replace(&stream(""), &stream(row));
        assert_eq!(
            words(&to_text(utf16.as_bytes()).unwrap()),
            ["行政许可", "29933"]
        );
        // A simple font without widths (a standard font not embedded).
        let simple = doc
            .replace(&stream(""), &stream("BT /F2 10 Tf 50 700 Td (29933) Tj ET"))
            .replace(
                "/Font<</F1 5 0 R>>",
                "/Font<</F1 5 0 R/F2<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>",
            );
        assert_eq!(words(&to_text(simple.as_bytes()).unwrap()), ["29933"]);
    }

    #[test]
    fn a_file_whose_glyphs_have_no_characters_says_so() {
        // Sixty glyphs whose map gives U+FFFD (as Firefox's print of a
        // report here), no report found: that is the message; the same
        // glyphs mapped to 行: the usual one.
        use crate::import::job::{recognise, Native};
        let content = format!("BT /F1 10 Tf 50 700 Td <{}> Tj ET", "0001".repeat(60));
        let lost = String::from_utf8(document(&content, true))
            .unwrap()
            .replace("<0001> <884C>", "<0001> <FFFD>");
        let err = |bytes: &[u8]| recognise(bytes, &Native).err().unwrap();
        assert_eq!(err(lost.as_bytes()), UNMAPPED);
        assert_ne!(err(&document(&content, true)), UNMAPPED);
        // A tenth of the characters other than ASCII, fifty or more.
        let text = |lost: usize, kept: usize| "\u{FFFD}".repeat(lost) + &"行 a".repeat(kept);
        assert!(unmapped(&text(50, 450)).is_some());
        assert!(unmapped(&text(50, 451)).is_none());
        assert!(unmapped(&text(49, 0)).is_none());
    }

    #[test]
    fn files_without_text_encrypted_or_damaged_say_so() {
        let picture = to_text(&document("q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", true));
        assert_eq!(picture, Err(NO_TEXT.to_string()));
        let mut locked = document(ROW, true);
        let at = locked.windows(7).position(|w| w == b"trailer").unwrap();
        locked.splice(
            at + 8..at + 8,
            b"<</Encrypt 9 0 R/Root 1 0 R>> ".iter().copied(),
        );
        assert_eq!(to_text(&locked), Err(encrypted()));
        assert_eq!(to_text(b"%PDF-1.7\n"), Err(damaged()));
        // A page tree that holds itself ends.
        let looped = pdf(
            &[
                "<</Type/Catalog/Pages 2 0 R>>",
                "<</Type/Pages/Kids[2 0 R]>>",
            ],
            "",
        );
        assert_eq!(to_text(&looped), Err(damaged()));
    }
}
