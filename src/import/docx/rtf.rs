//! Reading an RTF file: what Word, WPS, WordPad and report systems save as
//! "RTF 格式" (and what some systems' "导出 Word" writes under a .doc name).
//! Its text is a stream of characters and control words in nested groups;
//! paragraphs end at `\par`, table cells at `\cell`, rows at `\row` after a
//! row definition (`\trowd`, each cell's right edge `\cellx` and its merges
//! `\clvmgf`, `\clvmrg`, `\clmrg`). Written, through [`super::marks`], as the
//! same HTML as a Word file, for the same recognition.
//!
//! Read: the main text as Word shows it (not text deleted with tracked
//! changes, nor hidden text), fields' results (not their codes), list
//! numbers as the file writes them for readers without lists (`\listtext`,
//! `\pntext`), characters as `\uN` or as bytes in the code page of their
//! font (`\fcharset`) or of the file (`\ansicpg`), a text box's text
//! (`\shptxt`) after the paragraph it is drawn in, as paragraphs of its
//! own. Not read: headers, footers, notes, comments, other drawings,
//! pictures and embedded objects.
//!
//! Not for: recognising the report (that is [`crate::import::published`]).

use super::marks::{cp1252, write, Props, RowDef, Run};
use super::numbering::Numbering;
use super::Merge;

/// The first bytes of an RTF file.
pub const SIGNATURE: &[u8] = b"{\\rtf";

/// The message for an RTF file in which no text was found.
pub const EMPTY: &str = "这个 RTF 文件中没有找到正文文字（可能已损坏或不完整）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入";

/// The most characters of text read (a report has tens of thousands).
const MAX_CHARS: usize = 4 * 1024 * 1024;

/// The most groups open at once (Word nests a few dozen at most).
const MAX_DEPTH: usize = 1000;

/// Destinations whose text is not the document's shown text: tables of
/// fonts, colours, styles and lists, the document's properties, headers,
/// footers, notes, comments, pictures, objects, drawings (but for a text
/// box's text, `\shptxt`), index entries, Word 6 list definitions (their
/// number text is in `\pntext`). Every destination marked `\*` is left
/// out too.
const NOT_SHOWN: &[&str] = &[
    "colortbl",
    "stylesheet",
    "info",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
    "atnid",
    "atnauthor",
    "pict",
    "object",
    "shp",
    "shprslt",
    "nonshppict",
    "do",
    "xe",
    "tc",
    "txe",
    "pn",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "filetbl",
    "xmlnstbl",
    "pgdsctbl",
    "template",
    "ftnsep",
    "ftnsepc",
    "aftnsep",
    "aftnsepc",
    "fldinst",
    "datafield",
    "nonesttables",
];

/// What a group sets that its end undoes.
#[derive(Clone, Copy)]
struct State {
    /// In a destination whose text is not shown (or the font table).
    skip: bool,
    /// In the font table: fonts' numbers and charsets are noted.
    fonts: bool,
    /// In a drawing (`\shp`) in the shown text, whose text box's text
    /// (`\shptxt`) is read; in that text.
    shape: bool,
    box_text: bool,
    /// Hidden (`\v`) or deleted with tracked changes (`\deleted`).
    hidden: bool,
    deleted: bool,
    /// In a list number's text (`\listtext`, `\pntext`): its tab, which
    /// Word draws after the number, left out.
    list_number: bool,
    /// Bytes that stand for a `\uN` character in readers without Unicode.
    uc: u32,
    /// Its font's number (-1: none yet).
    font: i32,
    /// The paragraph's table properties (`\intbl`, `\itap`).
    in_table: bool,
    depth: u32,
}

/// Reading the stream: the text so far with the marks' properties, the
/// state of each open group, and the fonts' charsets.
struct Reader<'d> {
    text: Vec<(char, u32)>,
    runs: Vec<Run>,
    stack: Vec<State>,
    state: State,
    /// Font numbers and their code pages (by `\fcharset`).
    fonts: Vec<(i32, &'static str)>,
    /// The default font (`\deff`).
    deff: i32,
    /// The file's code page (`\ansicpg`).
    ansi: &'static str,
    /// Bytes (`\'hh`) not yet decoded, and their code page.
    bytes: Vec<u8>,
    bytes_page: &'static str,
    /// Text boxes' text (paragraphs ended by '\r'), placed after the
    /// paragraph they are drawn in ends, each paragraph of its own (as the
    /// .docx reader places a text box's).
    boxed: Vec<char>,
    /// The first half of a character `\uN` gives as two (a surrogate pair).
    high: Option<u16>,
    /// Fallback bytes still to skip after a `\uN`.
    skip_bytes: u32,
    /// The row being defined (`\trowd` … `\cellx`), and the pending cell's
    /// merges (`\clvmgf`/`\clvmrg`, `\clmrg`).
    row: RowDef,
    left: i32,
    merge: Merge,
    join: bool,
    decode: &'d dyn Fn(&[u8], &str) -> Option<String>,
}

/// Reads an RTF file as the HTML a Word file is read as. `decode` decodes
/// bytes in a code page other than Windows-1252 (named as TextDecoder
/// names it: "gbk", "big5"), `None` when it cannot.
pub fn to_html(
    bytes: &[u8],
    decode: &dyn Fn(&[u8], &str) -> Option<String>,
) -> Result<String, String> {
    let mut r = Reader {
        text: Vec::new(),
        runs: Vec::new(),
        stack: Vec::new(),
        state: State {
            skip: false,
            fonts: false,
            shape: false,
            box_text: false,
            hidden: false,
            deleted: false,
            list_number: false,
            uc: 1,
            font: -1,
            in_table: false,
            depth: 1,
        },
        fonts: Vec::new(),
        deff: -1,
        ansi: "windows-1252",
        bytes: Vec::new(),
        bytes_page: "windows-1252",
        boxed: Vec::new(),
        high: None,
        skip_bytes: 0,
        row: RowDef::default(),
        left: 0,
        merge: Merge::None,
        join: false,
        decode,
    };
    r.read(bytes);
    r.flush();
    if !r.text.iter().any(|(c, _)| c.is_alphanumeric()) {
        return Err(EMPTY.to_string());
    }
    Ok(write(&r.text, &r.runs, &mut Numbering::default()))
}

impl Reader<'_> {
    fn read(&mut self, b: &[u8]) {
        let mut at = 0;
        // A destination's first control word names it.
        let mut group_start = false;
        while at < b.len() && self.text.len() < MAX_CHARS {
            let c = b[at];
            at += 1;
            match c {
                b'{' => {
                    self.flush();
                    self.skip_bytes = 0;
                    if self.stack.len() >= MAX_DEPTH {
                        return;
                    }
                    self.stack.push(self.state);
                    group_start = true;
                    continue;
                }
                b'}' => {
                    self.flush();
                    self.skip_bytes = 0;
                    match self.stack.pop() {
                        Some(s) => self.state = s,
                        None => return,
                    }
                }
                b'\\' => {
                    let Some(&next) = b.get(at) else { return };
                    if next.is_ascii_alphabetic() {
                        let start = at;
                        while at < b.len() && b[at].is_ascii_alphabetic() && at - start < 32 {
                            at += 1;
                        }
                        let word = std::str::from_utf8(&b[start..at]).unwrap_or("");
                        let digits = at;
                        if b.get(at) == Some(&b'-') {
                            at += 1;
                        }
                        while at < b.len() && b[at].is_ascii_digit() && at - digits < 11 {
                            at += 1;
                        }
                        let param = std::str::from_utf8(&b[digits..at])
                            .ok()
                            .and_then(|p| p.parse::<i64>().ok());
                        if b.get(at) == Some(&b' ') {
                            at += 1;
                        }
                        if word == "bin" {
                            // Binary data: its bytes skipped.
                            let n = param.unwrap_or(0).max(0) as usize;
                            at = at.saturating_add(n);
                        } else {
                            self.word(word, param, group_start);
                        }
                    } else {
                        at += 1;
                        match next {
                            b'\'' => {
                                let hex =
                                    b.get(at..at + 2).and_then(|h| std::str::from_utf8(h).ok());
                                if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
                                {
                                    at += 2;
                                    self.byte(byte);
                                }
                            }
                            b'*' => self.state.skip = true,
                            b'\\' | b'{' | b'}' => self.byte(next),
                            b'~' => self.push('\u{a0}'),
                            b'_' => self.push('\u{1e}'),
                            b'\r' | b'\n' => self.word("par", None, false),
                            // (Optional hyphens, formulas, index marks.)
                            _ => {}
                        }
                    }
                }
                b'\r' | b'\n' => continue,
                _ => self.byte(c),
            }
            group_start = false;
        }
    }

    /// The code page of text in the current font.
    fn page(&self) -> &'static str {
        (self.fonts.iter())
            .find(|(f, _)| *f == self.state.font)
            .map_or(self.ansi, |&(_, page)| page)
    }

    /// A byte of text (or a fallback byte to skip after `\uN`).
    fn byte(&mut self, byte: u8) {
        if self.skip_bytes > 0 {
            self.skip_bytes -= 1;
            return;
        }
        if !self.shown() {
            return;
        }
        let page = self.page();
        if page == "windows-1252" {
            self.push(cp1252(byte));
            return;
        }
        if page != self.bytes_page {
            self.flush();
            self.bytes_page = page;
        }
        self.bytes.push(byte);
    }

    /// Decodes the bytes not yet decoded.
    fn flush(&mut self) {
        if self.bytes.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.bytes);
        let text = (self.decode)(&bytes, self.bytes_page)
            .unwrap_or_else(|| bytes.iter().map(|&b| cp1252(b)).collect());
        for c in text.chars() {
            self.push_decoded(c);
        }
    }

    /// Whether the current group's text is shown.
    fn shown(&self) -> bool {
        !(self.state.skip || self.state.hidden || self.state.deleted)
    }

    /// A character of text, shown unless its group is not.
    fn push(&mut self, c: char) {
        if !self.shown() {
            return;
        }
        self.flush();
        self.push_decoded(c);
    }

    fn push_decoded(&mut self, c: char) {
        if self.state.box_text {
            self.boxed.push(c);
            return;
        }
        let at = self.text.len() as u32;
        self.text.push((c, at));
    }

    /// A paragraph's or cell's end, with its properties; first, the text
    /// boxes drawn in the paragraph it ends.
    fn mark(&mut self, c: char, props: Props, row: Option<RowDef>) {
        self.flush();
        if self.state.box_text {
            self.boxed.push('\r');
            return;
        }
        if !self.boxed.is_empty() {
            let paragraph = Props {
                in_table: props.in_table,
                depth: props.depth,
                ..Props::default()
            };
            self.end('\r', paragraph, None);
            for c in std::mem::take(&mut self.boxed) {
                if c == '\r' {
                    self.end('\r', paragraph, None);
                } else {
                    self.push_decoded(c);
                }
            }
            self.end('\r', paragraph, None);
        }
        self.end(c, props, row);
    }

    /// A mark in the text.
    fn end(&mut self, c: char, props: Props, row: Option<RowDef>) {
        let at = self.text.len() as u32;
        self.text.push((c, at));
        self.runs.push(Run {
            first: at,
            end: at + 1,
            props,
            row,
        });
    }

    /// The properties of a paragraph ending here (in a table, and how deep).
    fn paragraph_props(&self) -> Props {
        Props {
            in_table: self.state.in_table,
            depth: self.state.depth.max(1),
            ..Props::default()
        }
    }

    fn word(&mut self, word: &str, param: Option<i64>, group_start: bool) {
        let n = param.unwrap_or(0);
        let int = n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        if self.skip_bytes > 0 && word != "u" {
            self.skip_bytes -= 1;
            return;
        }
        if group_start && word == "shptxt" && self.state.shape {
            self.flush();
            self.state.skip = false;
            self.state.box_text = true;
            return;
        }
        if group_start && NOT_SHOWN.contains(&word) {
            self.flush();
            // (A drawing's text box is read unless the drawing is in text
            // not shown; its other representation, shprslt, is not.)
            self.state.shape = word == "shp" && !self.state.skip;
            self.state.skip = true;
            return;
        }
        if group_start && word == "fonttbl" {
            self.state.skip = true;
            self.state.fonts = true;
            return;
        }
        if group_start && matches!(word, "listtext" | "pntext") {
            self.state.list_number = true;
        }
        if self.state.fonts {
            match word {
                "f" => self.state.font = int,
                "fcharset" => {
                    if let Some(page) = charset_page(int) {
                        let font = self.state.font;
                        self.fonts.retain(|(f, _)| *f != font);
                        self.fonts.push((font, page));
                    }
                }
                _ => {}
            }
            return;
        }
        if self.state.skip {
            return;
        }
        match word {
            "ansicpg" => self.ansi = code_page(int),
            "deff" => {
                self.deff = int;
                self.state.font = int;
            }
            "f" => {
                self.flush();
                self.state.font = int;
            }
            "uc" => self.state.uc = int.clamp(0, 16) as u32,
            "u" => {
                let unit = (int as i16) as u16;
                self.unicode(unit);
                self.skip_bytes = self.state.uc;
            }
            "v" => self.state.hidden = param != Some(0),
            "deleted" => self.state.deleted = param != Some(0),
            "plain" => {
                self.flush();
                self.state.font = self.deff;
                self.state.hidden = false;
                self.state.deleted = false;
            }
            "pard" => {
                self.state.in_table = false;
                self.state.depth = 1;
            }
            "intbl" => self.state.in_table = true,
            "itap" => {
                self.state.depth = int.max(0) as u32;
                self.state.in_table = int > 0;
            }
            "par" | "sect" | "page" => self.mark('\r', self.paragraph_props(), None),
            "line" => self.push('\u{b}'),
            "tab" if self.state.list_number => {}
            "tab" => self.push('\t'),
            "emspace" | "enspace" | "qmspace" => self.push(' '),
            "emdash" => self.push('—'),
            "endash" => self.push('–'),
            "bullet" => self.push('•'),
            "lquote" => self.push('‘'),
            "rquote" => self.push('’'),
            "ldblquote" => self.push('“'),
            "rdblquote" => self.push('”'),
            "cell" => self.mark('\u{7}', cell_props(1, false), None),
            "nestcell" => self.mark('\u{7}', cell_props(2, false), None),
            "row" => {
                let row = self.row.clone();
                self.mark('\u{7}', cell_props(1, true), Some(row));
            }
            "nestrow" => self.mark('\u{7}', cell_props(2, true), None),
            "trowd" => {
                self.row = RowDef::default();
                self.left = 0;
                self.merge = Merge::None;
                self.join = false;
            }
            "trleft" => self.left = int,
            "clvmgf" => self.merge = Merge::Restart,
            "clvmrg" => self.merge = Merge::Continue,
            "clmrg" => self.join = true,
            "cellx" => {
                if self.row.edges.is_empty() {
                    self.row.edges.push(self.left);
                }
                self.row.edges.push(int);
                self.row.merges.push(std::mem::take(&mut self.merge));
                self.row.joins.push(std::mem::take(&mut self.join));
            }
            _ => {}
        }
    }

    /// A UTF-16 unit of `\uN`: a character, or half of one.
    fn unicode(&mut self, unit: u16) {
        match unit {
            0xD800..=0xDBFF => self.high = Some(unit),
            0xDC00..=0xDFFF => {
                if let Some(high) = self.high.take() {
                    let c =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    if let Some(c) = char::from_u32(c) {
                        self.push(c);
                    }
                }
            }
            _ => {
                self.high = None;
                if let Some(c) = char::from_u32(u32::from(unit)) {
                    self.push(c);
                }
            }
        }
    }
}

/// A cell's or row's end at `depth` (the outer table's at 1, a nested
/// table's at 2: `\nestcell`, `\nestrow`).
fn cell_props(depth: u32, row_end: bool) -> Props {
    Props {
        in_table: true,
        row_end,
        depth,
        ..Props::default()
    }
}

/// A font's code page by its charset (`\fcharsetN`); `None` for ANSI,
/// the default and Symbol, whose bytes are read in the file's code page
/// (Word writes a Chinese document's text as bytes in its code page,
/// `\ansicpg936`, under a Western font too: the font of its two-byte
/// characters is another, `\dbch\afN`).
fn charset_page(charset: i32) -> Option<&'static str> {
    Some(match charset {
        77 => "macintosh",
        128 => "shift_jis",
        129 => "euc-kr",
        134 => "gbk",
        136 => "big5",
        161 => "windows-1253",
        162 => "windows-1254",
        163 => "windows-1258",
        177 => "windows-1255",
        178 => "windows-1256",
        186 => "windows-1257",
        204 => "windows-1251",
        222 => "windows-874",
        238 => "windows-1250",
        _ => return None,
    })
}

/// A code page by its number (`\ansicpgN`), as TextDecoder names it.
fn code_page(page: i32) -> &'static str {
    match page {
        936 => "gbk",
        54936 => "gb18030",
        950 => "big5",
        932 => "shift_jis",
        949 => "euc-kr",
        874 => "windows-874",
        1250 => "windows-1250",
        1251 => "windows-1251",
        1253 => "windows-1253",
        1254 => "windows-1254",
        1255 => "windows-1255",
        1256 => "windows-1256",
        1257 => "windows-1257",
        1258 => "windows-1258",
        10000 => "macintosh",
        65001 => "utf-8",
        _ => "windows-1252",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes as the importer does natively (encoding_rs), noting each
    /// code page asked for.
    fn html(rtf: &str) -> String {
        let decode = |b: &[u8], page: &str| {
            let encoding = encoding_rs::Encoding::for_label(page.as_bytes())?;
            Some(encoding.decode(b).0.into_owned())
        };
        to_html(rtf.as_bytes(), &decode).unwrap()
    }

    fn body(html: &str) -> &str {
        html.trim_start_matches("<!DOCTYPE html><html><body>\n")
            .trim_end_matches("</body></html>\n")
    }

    /// Characters: \uN (a pair of halves one character) with its fallback
    /// skipped by \ucN; bytes in the font's code page (Big5), else the
    /// file's (GBK under a Western font); hidden, deleted, field codes and
    /// ignorable destinations not read; binary data skipped whole.
    #[test]
    fn characters_are_read_as_word_shows_them() {
        let rtf = r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fcharset0 Times;}{\f1\fcharset136 MingLiU;}}
{\info{\title x}}\pard \uc2\u20844\'b9\'ab\u24320\'bf\'aa\uc1\u-10179?\u-8704?
{\v 9}{\deleted 8}\'d6\'d0{\f1 \'a4\'a4}{\field{\*\fldinst PAGE 7}{\fldrslt 6}}{\*\bkmkstart 5}{\pict\bin3 }}}}4\par}";
        assert_eq!(body(&html(rtf)), "<p>公开\u{1F600}中中64</p>\n");
    }

    /// Tables: a row's cells' right edges (\cellx, after \trleft) make the
    /// grid, \clvmgf/\clvmrg a rowspan, \clmrg a cell joined to the one on
    /// its left; a paragraph inside a cell joins its text; a nested table's
    /// cells join their outer cell's.
    #[test]
    fn rows_are_read_from_their_definitions() {
        let rtf = r"{\rtf1\ansi
\trowd\trleft0\clvmgf\cellx100\cellx300\pard\intbl A\cell B1\par B2\cell\row
\trowd\clvmrg\cellx100\cellx200\clmrg\cellx300\pard\intbl\cell 1\cell 2\cell\row
\trowd\cellx100\cellx300\pard\intbl x\par\itap2 y\nestcell\nestrow\pard\intbl\cell z\cell\row
\pard after\par}";
        assert_eq!(
            body(&html(rtf)),
            "<table><tr><td colspan=\"1\" rowspan=\"2\">A</td><td colspan=\"2\" rowspan=\"1\">B1 B2</td></tr>\
             <tr><td colspan=\"2\" rowspan=\"1\">1 2</td></tr>\
             <tr><td colspan=\"1\" rowspan=\"1\">x y</td><td colspan=\"2\" rowspan=\"1\">z</td></tr></table>\n<p>after</p>\n"
        );
    }

    /// A text box's text (in a drawing) is read once, after the paragraph
    /// it is drawn in, paragraphs of its own; in a cell, in that cell. Not
    /// its drawing's other representation (shprslt), nor a text box in a
    /// header.
    #[test]
    fn text_boxes_are_read_after_their_paragraph() {
        let rtf = r"{\rtf1{\header {\shp{\*\shpinst{\shptxt H\par}}} h\par}
a{\shp{\*\shpinst{\sp{\sn x}{\sv 1}}{\shptxt B1\par B2\par}}{\shprslt{\*\do{\dptxbxtext B1}}}}b\par
\trowd\cellx100\pard\intbl c{\shp{\*\shpinst{\shptxt D}}}\cell\row}";
        assert_eq!(
            body(&html(rtf)),
            "<p>ab</p>\n<p>B1</p>\n<p>B2</p>\n\
             <table><tr><td colspan=\"1\" rowspan=\"1\">c D</td></tr></table>\n"
        );
    }

    /// A list number as written for readers without lists, without the tab
    /// Word draws after it; text in no group's end or an unclosed group.
    #[test]
    fn list_numbers_are_read_without_their_tab() {
        assert_eq!(
            body(&html(
                r"{\rtf1{\listtext\pard\plain \u19968?\u12289?\tab}\u24635?\tab\u32467?\par"
            )),
            "<p>一、总 结</p>\n"
        );
    }
}
