//! Reading an OFD file (版式文档, GB/T 33190-2016: the fixed-layout format
//! of Chinese government documents, opened in the 数科 or 福昕 OFD readers).
//! An OFD file is a zip package; each page lists its text as runs of glyphs
//! with the place of each (`TextObject` with its `Boundary`, `CTM` and
//! `Size`; `TextCode` with `X`, `Y`, `DeltaX`, `DeltaY`). The glyphs are set
//! out again as lines of text, what stands apart on a line kept apart by a
//! run of spaces and the pages ended by form feeds, as `pdftotext -layout`
//! writes a PDF's text; the published-report reader takes that text, with
//! its checks (a row's values are read only when their count and sums fit).
//!
//! Not for: pictures (a scanned report has no text to read), signatures,
//! annotations and page templates (running headers); recognising the report
//! (that is [`super::published`]).

use super::html::{tokenize_xml, Token};
use super::layout::{
    self, decimal, default_advance, usual_direction, Direction, Glyph, MAX_DOCUMENT_GLYPHS,
    MAX_GLYPHS, MAX_PAGES,
};
use super::zip;

const NOT_OFD: &str = "不是有效的 OFD 文件：文件已损坏。请在 OFD 阅读器（如数科、福昕）中打开，全选（Ctrl+A）、复制后，用“粘贴年报”粘贴";

const NO_TEXT: &str = "这个 OFD 文件里没有文字（可能是扫描的图片），无法读取。如有该报告的网页或 Word 文件，请导入它们";

/// Whether `bytes` are an OFD package (a zip with `OFD.xml` at its root).
pub fn is_ofd(bytes: &[u8]) -> bool {
    zip::is_zip(bytes) && zip::has(bytes, "OFD.xml")
}

/// The OFD file's text, its pages' lines set out as `pdftotext -layout`
/// does (see the module's description).
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    read(bytes).map(|r| r.text)
}

/// What is read of an OFD file: its text (see [`to_text`]) and whether a
/// digit stands near a page's right edge or past it (`near_edge`, see
/// [`layout::near_right_edge`]; so for a page turned or of no known size):
/// else no number was cut there.
pub struct Read {
    pub text: String,
    pub near_edge: bool,
}

/// The OFD file's text and whether a digit stands near a page's edge (see
/// [`Read`]).
pub fn read(bytes: &[u8]) -> Result<Read, String> {
    // A part by its name; else by the name written another way, as some
    // writers do ("content.xml" for Content.xml, backslashes for slashes).
    let part = |name: &str| -> Result<String, String> {
        let found = match zip::entry(bytes, name) {
            Err(zip::Error::Missing) => zip::names(bytes)
                .into_iter()
                .find(|n| zip::resolve("", n).eq_ignore_ascii_case(name))
                .map_or(Err(zip::Error::Missing), |n| zip::entry(bytes, &n)),
            other => other,
        };
        found
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|_| NOT_OFD.to_string())
    };
    let root = element_text(&part("OFD.xml")?, "docroot").ok_or(NOT_OFD)?;
    let document = zip::resolve("", &root);
    let pages = page_locations(&part(&document)?);
    if pages.is_empty() {
        return Err(NOT_OFD.to_string());
    }
    let folder = document.rsplit_once('/').map_or("", |(d, _)| d);
    // A report has a few dozen pages; a damaged list may name millions.
    // The pages' glyphs, up to a document's worth, and the column every
    // page's lines are set out in (see `column_unit`).
    let mut all = Vec::new();
    let mut held = 0;
    // The pages' size, unless a page gives its own (mm, as the glyphs').
    let size = |xml: &str| match numbers(element_text(xml, "physicalbox").as_deref())[..] {
        [x, _, w, _] if w > 0.0 => Some(x + w),
        _ => None,
    };
    let usual = size(&part(&document)?);
    let mut near_edge = false;
    for page in pages.iter().take(MAX_PAGES) {
        if held >= MAX_DOCUMENT_GLYPHS {
            break;
        }
        let content = part(&zip::resolve(folder, page))?;
        let (glyphs, across) = upright(&content);
        // A size in other units than the glyphs' (easyofd writes points
        // for millimetres: every glyph in the page's left eighth) tells
        // nothing: a page's text reaches past its middle.
        let reach = glyphs.iter().map(|g| g.x + g.size).fold(0.0, f64::max);
        near_edge |= match size(&content).or(usual) {
            Some(right) if across && reach >= right / 2.0 => {
                layout::near_right_edge(&glyphs, right)
            }
            _ => true,
        };
        held += glyphs.len();
        all.push(glyphs);
    }
    let text = layout::text(all, Vec::new())?.ok_or_else(|| NO_TEXT.to_string())?;
    Ok(Read { text, near_edge })
}

/// An element's local name (without its namespace prefix).
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The text of the first element named `name` (local name, lower case).
fn element_text(xml: &str, name: &str) -> Option<String> {
    let mut tokens = tokenize_xml(xml).into_iter();
    tokens.find(|t| matches!(t, Token::Start { name: n, .. } if local(n) == name))?;
    match tokens.next()? {
        Token::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    }
}

/// The content part of every page of the document, in order.
fn page_locations(document: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_pages = false;
    for token in tokenize_xml(document) {
        match &token {
            Token::Start { name, .. } if local(name) == "pages" => in_pages = true,
            Token::End { name } if local(name) == "pages" => in_pages = false,
            Token::Start { name, .. } if in_pages && local(name) == "page" => {
                if let Some(loc) = token.attr("baseloc") {
                    out.push(loc.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

/// Numbers of an attribute ("1 2.5 3").
fn numbers(value: Option<&str>) -> Vec<f64> {
    value
        .unwrap_or("")
        .split_ascii_whitespace()
        .filter_map(decimal)
        .collect()
}

/// A glyph advance list (DeltaX, DeltaY): numbers, and "g N v" for N times
/// v; at most `max` (the text's glyphs: a damaged N asks for billions).
fn deltas(value: Option<&str>, max: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let mut words = value.unwrap_or("").split_ascii_whitespace();
    while out.len() < max {
        let Some(w) = words.next() else { break };
        if w == "g" {
            let n = words.next().and_then(|n| n.parse::<usize>().ok());
            let v = words.next().and_then(decimal);
            if let (Some(n), Some(v)) = (n, v) {
                out.extend(std::iter::repeat_n(v, n.min(max - out.len())));
            }
        } else if let Some(v) = decimal(w) {
            out.push(v);
        }
    }
    out
}

/// A text object being read: where its box starts, its transformation
/// (a b c d e f), its glyphs' size (in its own space) and how much the
/// transformation scales it; the pen, where the next text code without
/// X or Y goes on; and the direction its glyphs run in.
struct Object {
    origin: (f64, f64),
    ctm: [f64; 6],
    size: f64,
    scale: f64,
    pen: (f64, f64),
    direction: Direction,
}

/// Text objects one after another with one boundary (a writer's runs of a
/// line of the PDF in different fonts, "1." and "属于国家秘密", or two cells'
/// numbers, "43", " " and "6"), each set out from the boundary's start, so
/// that their glyphs fall on one another: when an object's first glyph
/// stands where the run's first does, the run's glyphs are set out one
/// after another from there, in the order written, each advancing by its
/// width (a space too); else each stays where its object put it. Set out
/// past the boundary's right edge, the widths guessed are too wide (a
/// writer's spaces narrower than half an em: easyofd's row of 表四 in one
/// box, its cells apart by a no-break space, a space and a no-break space),
/// and glyphs would stand among other objects' (easyofd's run of four
/// cells' numbers "1724 1733 590 6", a no-break space taken for an em: its
/// last put after the next cell's "2", 6 and 2 read swapped): the run is
/// drawn together into its boundary, in order, when a space between two
/// numbers still parts them (each advance at least [`MIN_SQUEEZE`] of its
/// guess); else every glyph of the run is marked damaged, and no number is
/// read from them.
#[derive(Default)]
struct Run {
    /// Each character written (spaces too), where its object put it, and
    /// its place in the page's glyphs (none for a space).
    chars: Vec<(Glyph, Option<usize>)>,
    /// Where the last object's characters start in `chars` (0: the run's
    /// first object, or none before it wrote any).
    object_from: usize,
    /// The characters set out so far, where the first and the next one
    /// go, and where the last glyph set out ends.
    laid: usize,
    start: f64,
    pen: f64,
    end: f64,
    /// The right edge of the objects' boundary (page coordinates), and
    /// whether the run was set out past it.
    right: f64,
    overflowed: bool,
}

/// The least a run's guessed advances are drawn together by to fit its
/// boundary: a number, a space and a number then stand apart by more than
/// [`lines`] runs on (0.15 of the size; a space's guess is half of it).
const MIN_SQUEEZE: f64 = 0.7;

impl Run {
    /// At an object's end: the run's glyphs in `out` set out one after
    /// another when its objects start in one place.
    fn set_out(&mut self, out: &mut [Glyph]) {
        let (Some(first), Some(last)) = (self.chars.first(), self.chars.get(self.object_from))
        else {
            return;
        };
        let (first, last) = (first.0, last.0);
        let near = (first.x - last.x).abs() < 0.05 * first.size
            && (first.y - last.y).abs() < 0.05 * first.size;
        // The same text drawn again in its place is bold made so (see
        // `lines`), not another run.
        let last_text = &self.chars[self.object_from..];
        let again = self.object_from >= last_text.len()
            && self.chars[self.object_from - last_text.len()..self.object_from]
                .iter()
                .zip(last_text)
                .all(|(a, b)| a.0.c == b.0.c);
        if self.object_from == 0 || !near || again {
            return;
        }
        if self.laid == 0 {
            self.start = first.x;
            self.pen = first.x;
        }
        self.lay(out);
    }

    /// The characters not yet set out, after those that are (each once: a
    /// page of such runs takes time in proportion to its glyphs).
    fn lay(&mut self, out: &mut [Glyph]) {
        let y = self.chars[0].0.y;
        for (glyph, at) in &self.chars[self.laid..] {
            let advance = default_advance(glyph.c, glyph.size);
            if let Some(g) = at.and_then(|i| out.get_mut(i)) {
                g.x = self.pen;
                g.y = y;
                // (Its start: the widths guessed are a little more or
                // less than the glyphs'.)
                self.overflowed |= self.pen > self.right;
                self.end = self.pen + advance;
            }
            self.pen += advance;
        }
        self.laid = self.chars.len();
    }

    /// At the run's end: the objects after the last set out, set out after
    /// it (each is set out by the next that starts where the run does, and
    /// the last has none: easyofd's "7" in a font whose baseline is not the
    /// run's, left at the boundary's start, read 751420 for 51420); then a
    /// run set out past its boundary drawn together into it, or marked
    /// damaged (see [`Run`]).
    fn finish(&mut self, out: &mut [Glyph]) {
        if self.laid > 0 && self.laid < self.chars.len() {
            self.lay(out);
        }
        if !self.overflowed {
            return;
        }
        let squeeze = (self.right - self.start) / (self.end - self.start);
        for &(_, at) in &self.chars[..self.laid] {
            if let Some(g) = at.and_then(|i| out.get_mut(i)) {
                if squeeze >= MIN_SQUEEZE {
                    g.x = self.start + (g.x - self.start) * squeeze;
                } else {
                    g.c = '\u{FFFD}';
                }
            }
        }
    }
}

/// advances as written (DeltaX, DeltaY), and its text.
struct Code {
    x: Option<f64>,
    y: Option<f64>,
    dx: String,
    dy: String,
    text: String,
}

/// `xml` with each CDATA section (`<![CDATA[…]]>`, which some writers use
/// for a text code's text) written as escaped text, as the tokenizer reads.
fn without_cdata(xml: &str) -> std::borrow::Cow<'_, str> {
    if !xml.contains("<![CDATA[") {
        return std::borrow::Cow::Borrowed(xml);
    }
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("<![CDATA[") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + "<![CDATA[".len()..];
        let end = inner.find("]]>").unwrap_or(inner.len());
        out.push_str(&crate::export::escape(&inner[..end]));
        rest = inner.get(end + "]]>".len()..).unwrap_or("");
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The glyphs of a page's content that run in the page's usual direction,
/// set out as if it ran left to right. Others are left out: a watermark
/// drawn across a table ("内部资料 2021", slanted) is not the report's text,
/// and its glyphs, standing on the table's lines among the values, left
/// rows unread. A page whose text all runs another way (a table turned a
/// quarter round) is turned back, its text's lines then the page's; the
/// second: whether the page's text runs left to right (not turned).
fn upright(content: &str) -> (Vec<Glyph>, bool) {
    let mut glyphs = glyphs(content, Direction::ACROSS);
    let Some(usual) = usual_direction(&glyphs) else {
        return (glyphs, true);
    };
    if usual != Direction::ACROSS {
        glyphs = glyphs_in(content, usual);
    }
    glyphs.retain(|g| g.direction.near(usual));
    (glyphs, usual == Direction::ACROSS)
}

/// The glyphs of a page's content in a frame turned so that text running
/// in `direction` runs left to right, moved so that none stands left of or
/// above the frame's origin.
fn glyphs_in(content: &str, direction: Direction) -> Vec<Glyph> {
    let mut glyphs = glyphs(content, direction);
    let kept = glyphs.iter().filter(|g| g.direction.near(direction));
    let left = kept.clone().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let top = kept.map(|g| g.y - g.size).fold(f64::INFINITY, f64::min);
    if left.is_finite() && top.is_finite() {
        for g in &mut glyphs {
            g.x -= left.min(0.0);
            g.y -= top.min(0.0);
        }
    }
    glyphs
}

/// The glyphs of a page's content, in page coordinates turned so that
/// `across` runs left to right (see [`upright`]).
fn glyphs(content: &str, across: Direction) -> Vec<Glyph> {
    let turn = across.turning();
    let mut out = Vec::new();
    let mut objects: Vec<Object> = Vec::new();
    let mut code: Option<Code> = None;
    // Text objects one after another with one boundary, their first glyphs
    // in one place (see `Run`): the boundary as written, and the run.
    let mut run: Option<(String, Run)> = None;
    let mut word = 0u32;
    for token in tokenize_xml(&without_cdata(content)) {
        match &token {
            Token::Start { name, .. } if local(name) == "textobject" => {
                let written = token.attr("boundary").unwrap_or("").to_string();
                let boundary = numbers(Some(&written));
                if run.as_ref().is_none_or(|(b, _)| *b != written) {
                    if let Some((_, run)) = run.as_mut() {
                        run.finish(&mut out);
                    }
                    // (The box's right edge in the turned frame: the
                    // furthest of its corners.)
                    let right = match boundary[..] {
                        [x, y, w, h] if w > 0.0 => [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
                            .iter()
                            .map(|&(x, y)| turn(x, y).0)
                            .fold(f64::NEG_INFINITY, f64::max),
                        _ => f64::INFINITY,
                    };
                    run = Some((
                        written,
                        Run {
                            right,
                            ..Run::default()
                        },
                    ));
                }
                if let Some((_, run)) = run.as_mut() {
                    run.object_from = run.chars.len();
                }
                let ctm = numbers(token.attr("ctm"));
                let ctm: [f64; 6] = ctm.try_into().unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
                let scale = (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs().sqrt();
                let size = numbers(token.attr("size"))
                    .first()
                    .copied()
                    .filter(|s| *s > 0.0)
                    .unwrap_or(3.5);
                objects.push(Object {
                    origin: (
                        boundary.first().copied().unwrap_or(0.0),
                        boundary.get(1).copied().unwrap_or(0.0),
                    ),
                    ctm,
                    size,
                    scale,
                    pen: (0.0, 0.0),
                    direction: Direction::of(&ctm),
                });
            }
            Token::End { name } if local(name) == "textobject" => {
                objects.pop();
                if let Some((_, run)) = run.as_mut() {
                    run.set_out(&mut out);
                }
            }
            Token::Start { name, .. } if local(name) == "textcode" && !objects.is_empty() => {
                let at = |k: &str| numbers(token.attr(k)).first().copied();
                let raw = |k: &str| token.attr(k).unwrap_or("").to_string();
                code = Some(Code {
                    x: at("x"),
                    y: at("y"),
                    dx: raw("deltax"),
                    dy: raw("deltay"),
                    text: String::new(),
                });
            }
            Token::Text(t) => {
                if let Some(code) = code.as_mut() {
                    code.text.push_str(t);
                }
            }
            Token::End { name } if local(name) == "textcode" => {
                let (Some(Code { x, y, dx, dy, text }), Some(object)) =
                    (code.take(), objects.last_mut())
                else {
                    continue;
                };
                let glyphs = text.chars().count();
                let (dx, dy) = (deltas(Some(&dx), glyphs), deltas(Some(&dy), glyphs));
                let (mut px, mut py) = (x.unwrap_or(object.pen.0), y.unwrap_or(object.pen.1));
                let [a, b, c, d, e, f] = object.ctm;
                let spread = evenly_spread(&text, &dx);
                let mut new_word = true;
                for (i, ch) in text.chars().enumerate() {
                    new_word |= ch.is_whitespace();
                    let kept = !ch.is_whitespace() && !ch.is_control() && out.len() < MAX_GLYPHS;
                    // (Numbered as kept: a page's words are at most its
                    // glyphs, see `interleaved_marked`.)
                    if kept && new_word {
                        word += 1;
                        new_word = false;
                    }
                    let (x, y) = turn(
                        object.origin.0 + a * px + c * py + e,
                        object.origin.1 + b * px + d * py + f,
                    );
                    let glyph = Glyph {
                        x,
                        y,
                        size: object.size * object.scale,
                        c: ch,
                        word,
                        even: spread[i],
                        direction: object.direction,
                    };
                    let mut at = None;
                    if kept {
                        at = Some(out.len());
                        out.push(glyph);
                    }
                    if let Some((_, run)) = run.as_mut() {
                        run.chars.push((glyph, at));
                    }
                    px += dx
                        .get(i)
                        .copied()
                        .unwrap_or_else(|| default_advance(ch, object.size));
                    py += dy.get(i).copied().unwrap_or(0.0);
                }
                object.pen = (px, py);
            }
            _ => {}
        }
    }
    if let Some((_, run)) = run.as_mut() {
        run.finish(&mut out);
    }
    out.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    out
}

/// For each character of a text code, whether it is in a word (characters
/// with no space between) whose glyphs the code spaces evenly, each advance
/// given and all alike: a writer's span spread over its box (easyofd writes
/// "37527" so, "g 4 1.207"), not cells' numbers run together at their
/// places ("23068" and a next cell's "8" as "230688", "g 4 3.141 4.51").
fn evenly_spread(text: &str, dx: &[f64]) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let end = (start..chars.len())
            .find(|&i| chars[i].is_whitespace())
            .unwrap_or(chars.len());
        if end > start + 1 {
            let advances = dx.get(start..end - 1).unwrap_or(&[]);
            let even = advances.len() == end - 1 - start
                && advances
                    .iter()
                    .all(|a| (a - advances[0]).abs() <= 0.01 * advances[0].abs());
            out[start..end].fill(even);
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::layout::lines;

    #[test]
    fn numbers_are_read_as_ofd_writes_them() {
        for (text, want) in [
            ("12", 12.0),
            ("-3.25", -3.25),
            ("+.5", 0.5),
            ("7.", 7.0),
            ("1e-3", 0.001),
            ("2.5E2", 250.0),
            ("0.000", 0.0),
        ] {
            assert!((decimal(text).unwrap() - want).abs() < 1e-9, "{text}");
        }
        for bad in [
            "", ".", "-", "1.2.3", "1e", "e5", "NaN", "inf", "1e999", "1x", "一",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn advances_are_read_with_their_repeats() {
        assert_eq!(deltas(Some("1 g 3 2.5 4"), 9), [1.0, 2.5, 2.5, 2.5, 4.0]);
        assert_eq!(deltas(Some("1 g 3 2.5 4"), 3), [1.0, 2.5, 2.5]);
        // A damaged "g" takes the two words after it.
        assert_eq!(deltas(Some("g x 2 3 g"), 9), [3.0]);
        assert_eq!(deltas(None, 9), Vec::<f64>::new());
        assert_eq!(deltas(Some("g 999999999999 1"), 12).len(), 12);
    }

    #[test]
    fn glyphs_stand_where_the_page_puts_them() {
        let page = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
            <ofd:TextObject Boundary="10 20 50 5" Size="4"><ofd:TextCode X="1" Y="4" DeltaX="4 g 2 5">规章 1 2</ofd:TextCode>
            <ofd:TextCode DeltaX="3">34</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject Boundary="0 0 50 5" Size="2" CTM="2 0 0 2 1 1"><ofd:TextCode X="0" Y="2">A</ofd:TextCode></ofd:TextObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let got: Vec<(f64, f64, char)> = upright(page).0.iter().map(|g| (g.x, g.y, g.c)).collect();
        // The spaces take their advances but are not glyphs; the second code
        // goes on from the pen; the CTM scales and moves.
        assert_eq!(
            got,
            [
                (11.0, 24.0, '规'),
                (15.0, 24.0, '章'),
                (25.0, 24.0, '1'),
                (29.0, 24.0, '2'),
                (31.0, 24.0, '3'),
                (34.0, 24.0, '4'),
                (1.0, 5.0, 'A'),
            ]
        );
        assert_eq!(upright(page).0[6].size, 4.0);
    }

    #[test]
    fn a_damaged_file_asks_no_more_than_a_report_takes() {
        // A page of more glyphs than a page holds: the first MAX_GLYPHS.
        let many = "字".repeat(MAX_GLYPHS + 5);
        let page = format!(
            r#"<ofd:TextObject Boundary="0 0 9 9" Size="4"><ofd:TextCode X="0" Y="4">{many}</ofd:TextCode></ofd:TextObject>"#
        );
        assert_eq!(upright(&page).0.len(), MAX_GLYPHS);
        // A document naming more pages than a report has: MAX_PAGES read.
        let listed: String = (0..MAX_PAGES + 3)
            .map(|_| r#"<ofd:Page BaseLoc="Pages/P.xml"/>"#)
            .collect();
        let files = [
            (
                "OFD.xml",
                "<ofd:OFD><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:OFD>".to_string(),
            ),
            (
                "Doc_0/Document.xml",
                format!("<ofd:Document><ofd:Pages>{listed}</ofd:Pages></ofd:Document>"),
            ),
            (
                "Doc_0/Pages/P.xml",
                r#"<ofd:TextObject Boundary="0 0 9 9" Size="4"><ofd:TextCode X="0" Y="4">一</ofd:TextCode></ofd:TextObject>"#
                    .to_string(),
            ),
        ];
        let text = to_text(&crate::export::docx::zip(&files)).unwrap();
        assert_eq!(text.matches('\u{c}').count(), MAX_PAGES);
    }

    #[test]
    fn text_in_cdata_sections_is_read() {
        let page = r#"<ofd:TextObject Boundary="10 20 50 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="5"><![CDATA[A<&]]></ofd:TextCode></ofd:TextObject>"#;
        let got: String = upright(page).0.iter().map(|g| g.c).collect();
        assert_eq!(got, "A<&");
        // Cut off inside a section: what there is.
        assert_eq!(without_cdata("a<![CDATA[b<"), "ab&lt;");
    }

    #[test]
    fn a_pages_text_is_read_in_its_usual_direction() {
        let object = |x: f64, y: f64, ctm: &str, text: &str| {
            format!(
                r#"<ofd:TextObject Boundary="{x} {y} 80 5" Size="4" {ctm}><ofd:TextCode X="0" Y="4">{text}</ofd:TextCode></ofd:TextObject>"#
            )
        };
        let page = |ctm: &str, extra: &str| {
            format!(
                "{}{}{extra}",
                object(10.0, 20.0, ctm, "规章 3 7"),
                object(10.0, 30.0, ctm, "行政规范性文件 12 0")
            )
        };
        // Turned a quarter round: the text runs down the page, its next
        // line to the left.
        let quarter = |ctm: &str| {
            format!(
                "{}{}",
                object(40.0, 10.0, ctm, "规章 3 7"),
                object(30.0, 10.0, ctm, "行政规范性文件 12 0")
            )
        };
        let read = |page: &str| lines(upright(page).0, &[], 2.0).join("\n");
        let want = read(&page("", ""));
        assert_eq!(
            want.split_whitespace().collect::<Vec<_>>(),
            ["规章", "3", "7", "行政规范性文件", "12", "0"]
        );
        // A slanting watermark's glyphs are left out.
        let mark = object(0.0, 0.0, r#"CTM="0.6 -0.8 0.8 0.6 15 40""#, "内部 2021 5");
        assert_eq!(read(&page("", &mark)), want);
        // Every object turned a quarter round: read as the text runs.
        let turned = read(&quarter(r#"CTM="0 1 -1 0 0 0""#));
        assert_eq!(
            turned.split_whitespace().collect::<Vec<_>>(),
            want.split_whitespace().collect::<Vec<_>>()
        );
        // A transformation with no direction, or out of range: taken as
        // running left to right; glyphs placed nowhere are dropped.
        for ctm in [r#"CTM="0 0 0 0 0 0""#, r#"CTM="1e308 1e308 0 1 0 0""#] {
            let got = read(&page(ctm, ""));
            assert!(got
                .chars()
                .all(|c| c == ' ' || c == '\n' || !c.is_ascii_digit() || want.contains(c)));
        }
    }

    #[test]
    fn a_number_a_writer_spread_over_its_box_is_one_number() {
        let page = |text: &str, dx: &str, size: f64| {
            format!(
                r#"<ofd:TextObject Boundary="60 50 30 {size}" Size="{size}"><ofd:TextCode X="0" Y="{size}" DeltaX="{dx}">{text}</ofd:TextCode></ofd:TextObject>"#
            )
        };
        let words = |page: &str| -> Vec<String> {
            lines(upright(page).0, &[], 2.0)
                .iter()
                .flat_map(|l| l.split_whitespace().map(str::to_string))
                .collect()
        };
        // easyofd's total of a row, its glyphs spaced evenly over its box
        // (a third of a digit apart), and two such numbers a space apart.
        assert_eq!(words(&page("37527", "g 4 1.207", 1.778)), ["37527"]);
        assert_eq!(
            words(&page("1149 37527", "g 9 1.207", 1.778)),
            ["1149", "37527"]
        );
        // A number and the next cell's, run together by the writer at their
        // places: the advances differ, the two stay apart.
        assert_eq!(
            words(&page("230688", "g 4 3.141 4.51", 4.939)),
            ["23068", "8"]
        );
        // Spaced evenly but an em apart: not one number.
        assert_eq!(words(&page("12", "4.5", 3.0)), ["1", "2"]);
    }

    #[test]
    fn a_word_with_other_glyphs_inside_it_reads_no_number() {
        // A value's run moved onto a heading's line (a damaged file): its
        // "2" stands before the heading's 项, "293" after.
        let page = concat!(
            r#"<ofd:TextObject Boundary="33 63 17 1.778" Size="1.778"><ofd:TextCode X="0" Y="1.778" DeltaX="g 8 1.82">第二十条第（六）项</ofd:TextCode></ofd:TextObject>"#,
            r#"<ofd:TextObject Boundary="46.9 63 4.5 1.778" Size="1.778"><ofd:TextCode X="0" Y="1.778" DeltaX="g 3 1.13">2293</ofd:TextCode></ofd:TextObject>"#,
        );
        let got = lines(upright(page).0, &[], 2.0).join(" ");
        assert!(got.contains('\u{FFFD}'), "{got:?}");
        assert!(!got.chars().any(|c| c.is_ascii_digit()), "{got:?}");
        // Beside the heading: both read.
        let beside = page.replace("46.9 63", "52 63");
        let got = lines(upright(&beside).0, &[], 2.0).join(" ");
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["第二十条第（六）项", "2293"]
        );
    }

    #[test]
    fn a_number_drawn_on_another_in_part_reads_no_number() {
        // (Each object's box as wide as its text: not a run of objects in
        // one box, see `Run`.)
        let object = |x: f64, text: &str| {
            let width = 0.75 * text.chars().count() as f64;
            format!(
                r#"<ofd:TextObject Boundary="{x} 95 {width} 1.5" Size="1.5"><ofd:TextCode X="0" Y="1.5" DeltaX="g 8 0.75">{text}</ofd:TextCode></ofd:TextObject>"#
            )
        };
        let words = |page: &str| -> Vec<String> {
            lines(upright(page).0, &[], 0.75)
                .iter()
                .flat_map(|l| l.split_whitespace().map(str::to_string))
                .collect()
        };
        // A run moved onto another's place ("738" onto 规章's "7", its 7 on
        // the 7): neither is read.
        let moved = [object(7.0, "规章"), object(42.0, "7"), object(42.0, "738")].concat();
        let got = words(&moved);
        assert!(!got.iter().any(|w| w.contains(['7', '3', '8'])), "{got:?}");
        // Bold drawn twice, a little apart: read once.
        let bold = [
            object(7.0, "规章"),
            object(7.1, "规章"),
            object(42.0, "738"),
        ]
        .concat();
        assert_eq!(words(&bold), ["规章", "738"]);
    }

    #[test]
    fn a_runs_last_object_is_set_out_after_the_others() {
        // easyofd's row of cells in one box, its spaces in a smaller font
        // (their baseline 1.5 down, the numbers' 1.8): the last number is
        // set out after the others, not left at the box's start.
        let object = |y: &str, text: &str| {
            format!(
                r#"<ofd:TextObject Boundary="7 70 38 1.8" Size="1.8"><ofd:TextCode X="0" Y="{y}">{text}</ofd:TextCode></ofd:TextObject>"#
            )
        };
        let page: String = [
            ("1.5", "\u{a0}"),
            ("1.8", "51420"),
            ("1.5", "\u{a0}"),
            ("1.5", " "),
            ("1.5", "\u{a0}"),
            ("1.8", "7"),
        ]
        .iter()
        .map(|(y, t)| object(y, t))
        .collect();
        let got = lines(upright(&page).0, &[], 0.9).join(" ");
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["51420", "7"],
            "{got:?}"
        );
    }

    #[test]
    fn runs_a_writer_put_in_one_place_are_set_out_one_after_another() {
        let object = |boundary: &str, x: &str, text: &str| {
            format!(
                r#"<ofd:TextObject Boundary="{boundary}" Size="2"><ofd:TextCode X="{x}" Y="2">{text}</ofd:TextCode></ofd:TextObject>"#
            )
        };
        let page = |objects: &[String]| {
            format!(
                r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>{}</ofd:Layer></ofd:Content></ofd:Page>"#,
                objects.concat()
            )
        };
        let text = |objects: &[String]| lines(upright(&page(objects)).0, &[], 1.0).join("\n");
        // easyofd's runs of a line in two fonts, and two cells' numbers with
        // the space between them, each from the boundary's start.
        let b = "10 20 12 2";
        let label = [object(b, "0", "1."), object(b, "0", "属于国家秘密")];
        assert_eq!(text(&label).trim(), "1.属于国家秘密");
        let numbers = [
            object(b, "0", "43"),
            object(b, "0", " "),
            object(b, "0", "6"),
        ];
        let got = text(&numbers);
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["43", "6"],
            "{got:?}"
        );
        // easyofd's run of two cells' numbers with no-break spaces (as wide
        // as a space), the next cell's in its own boundary just after: in
        // order.
        let run = |boundary: &str| {
            ["\u{a0}", "17", "\u{a0}", "6", "\u{a0}"]
                .map(|t| object(boundary, "0", t))
                .into_iter()
                .chain([object("17 20 1 2", "0", "2")])
                .collect::<Vec<_>>()
        };
        let got = text(&run("10 20 6 2"));
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["17", "6", "2"],
            "{got:?}"
        );
        // Set out a little past its boundary's right edge (the writer's
        // spaces narrower than guessed): drawn together into it, in order.
        let got = text(&run("10 20 3.8 2"));
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["17", "6", "2"],
            "{got:?}"
        );
        // Set out far past it, the widths guessed are wrong: no number is
        // read from the run.
        let got = text(&run("10 20 3 2"));
        let words: Vec<&str> = got.split_whitespace().collect();
        assert!(words.iter().any(|w| w.contains('\u{FFFD}')), "{got:?}");
        assert!(
            !words.iter().any(|w| ["17", "6", "176"].contains(w)),
            "{got:?}"
        );
        assert_eq!(words.last(), Some(&"2"), "{got:?}");
        // The same text drawn again in its place (bold): once.
        let bold = [object(b, "0", "规章"), object(b, "0", "规章")];
        assert_eq!(text(&bold).trim(), "规章");
        // Objects with one boundary whose text codes place them apart (a
        // writer that gives every object the page's box) stay apart.
        let page_box = "0 0 210 297";
        let apart = [object(page_box, "20", "12"), object(page_box, "40", "5")];
        let got = text(&apart);
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            ["12", "5"],
            "{got:?}"
        );
        assert!(
            got.find('5').unwrap() - got.find('2').unwrap() > 5,
            "{got:?}"
        );
    }
}
