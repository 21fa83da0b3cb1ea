//! A PDF page's text as placed glyphs: its content streams run (the
//! graphics state's transformation, the text state and matrices, the text
//! shown by `Tj`, `TJ`, `'` and `"`, forms drawn by `Do`), each character
//! code of a string taken as its font does (one byte, or two for a
//! composite font), given its character by the font's `ToUnicode` map, else
//! its encoding, and its width by the font's widths.
//!
//! A code whose character the font does not tell (a subset font without a
//! map) is a glyph of its own that reads as no character (U+FFFD), so that
//! no number is read from a run it stands in: never a character guessed.
//!
//! Not for: finding objects (see [`super::objects`]); setting the glyphs out
//! as lines (see [`crate::import::layout`]).

use super::objects::{is_space, Dict, File, Lexer, Name, Object, Token};
use crate::import::layout::{Direction, Glyph, MAX_GLYPHS};

/// How deep forms drawn by forms are followed.
const MAX_FORM_DEPTH: usize = 8;

/// The operators run on a page (a dense page has tens of thousands): bounds
/// the work a damaged or hostile page makes.
const MAX_OPERATIONS: usize = 2_000_000;

/// How wide a line drawn is at most to be a table's rule (points), and
/// how many a page keeps.
const MAX_RULE_WIDTH: f64 = 2.0;
const MAX_RULES: usize = 100_000;

/// The codes a font's tables are held for (two bytes).
const MAX_CODE: usize = 0x10000;

/// An affine transformation `a b c d e f`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn times(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// What a font tells of its codes.
struct Font {
    /// Two-byte codes (a composite font), else one byte; a composite
    /// font's one-byte codes (by their byte's ranges).
    wide: bool,
    one_byte: Vec<(u8, u8)>,
    /// Codes that are GBK's (a predefined CMap of Adobe-GB1, see
    /// [`gbk_encoding`]); with GB 18030's four-byte codes.
    gbk: bool,
    four_byte: bool,
    /// Each code's character ('\0': none known), and codes that stand for
    /// more than one character ("ﬁ" as "fi").
    chars: Vec<char>,
    more: Vec<(u32, String)>,
    /// Each code's width in glyph space (thousandths of the size), and the
    /// width of the others; none known (a composite font whose codes are
    /// not its glyphs' numbers, a simple font without widths): guessed by
    /// the character, as the OFD reader guesses (half an em for ASCII).
    widths: Vec<f64>,
    default_width: f64,
    guessed: bool,
    /// Glyph space to text space (a Type 3 font's matrix; else 1/1000),
    /// and how tall its glyphs are for their size.
    scale: f64,
    height: f64,
}

impl Font {
    fn char_of(&self, code: u32) -> Option<char> {
        match self.chars.get(code as usize) {
            Some(&c) if c != '\0' => Some(c),
            _ => None,
        }
    }

    fn width(&self, code: u32, text: Option<&str>) -> f64 {
        if self.guessed {
            let ascii = text.is_some_and(str::is_ascii);
            return if ascii { 500.0 } else { 1000.0 };
        }
        self.widths
            .get(code as usize)
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }

    fn read(file: &File, dict: &Dict) -> Font {
        let subtype = dict
            .get("Subtype")
            .map(|s| file.resolve(s))
            .and_then(Object::name);
        let wide = subtype == Some(b"Type0");
        let mut font = Font {
            wide,
            one_byte: Vec::new(),
            gbk: false,
            four_byte: false,
            chars: Vec::new(),
            more: Vec::new(),
            widths: Vec::new(),
            default_width: if wide { 1000.0 } else { 0.0 },
            guessed: false,
            scale: 0.001,
            height: 1.0,
        };
        let encoding = dict.get("Encoding").map(|e| file.resolve(e));
        let descendant = dict
            .get("DescendantFonts")
            .map(|d| file.resolve(d).array())
            .and_then(|a| file.dict(a.first()));
        if wide {
            // Widths by CID: the code itself for the Identity encodings
            // (what writers use); with another encoding widths stay the
            // default and positions come out a little off.
            if let Some(cid_font) = descendant {
                if let Some(dw) = cid_font
                    .get("DW")
                    .map(|d| file.resolve(d))
                    .and_then(Object::number)
                {
                    font.default_width = dw;
                }
                let identity = matches!(
                    encoding.and_then(Object::name),
                    Some(b"Identity-H" | b"Identity-V")
                );
                if identity {
                    font.widths = cid_widths(file, cid_font.get("W").map(|w| file.resolve(w)));
                }
                font.guessed = !identity;
            }
            if let Some(gbk) = encoding.and_then(Object::name).and_then(gbk_encoding) {
                font.gbk = true;
                font.four_byte = gbk.four_byte;
                font.one_byte = gbk.one_byte.to_vec();
            }
            // Encodings whose codes are the characters' UTF-16.
            if let Some(name) = encoding.and_then(Object::name) {
                if name.starts_with(b"Uni")
                    && (name.ends_with(b"UCS2-H") || name.ends_with(b"UTF16-H"))
                {
                    font.chars = (0..MAX_CODE as u32)
                        .map(|c| char::from_u32(c).unwrap_or('\0'))
                        .collect();
                }
            }
        } else {
            let first = dict
                .get("FirstChar")
                .map(|f| file.resolve(f))
                .and_then(Object::number)
                .unwrap_or(0.0);
            let widths = dict
                .get("Widths")
                .map(|w| file.resolve(w))
                .map_or(&[][..], Object::array);
            if (0.0..256.0).contains(&first) {
                font.widths = vec![0.0; first as usize];
                font.widths.extend(
                    widths
                        .iter()
                        .take(256)
                        .map(|w| file.resolve(w).number().unwrap_or(0.0)),
                );
            }
            font.guessed = widths.is_empty();
            font.chars = simple_chars(file, dict, encoding);
            if subtype == Some(b"Type3") {
                let matrix = file.numbers_of(dict.get("FontMatrix"));
                if let [a, _, _, d, ..] = matrix[..] {
                    if a.is_finite() && d.is_finite() && a != 0.0 {
                        font.scale = a;
                        font.height = (d * 1000.0).abs();
                    }
                }
            }
        }
        if let Some(map) = dict.get("ToUnicode").and_then(|m| file.stream_of(m)) {
            to_unicode(&map, &mut font);
        }
        font
    }
}

/// How a predefined CMap whose codes are GBK's reads them: its one-byte
/// codes' ranges, and whether it has GB 18030's four-byte codes.
struct Gbk {
    one_byte: &'static [(u8, u8)],
    four_byte: bool,
}

/// The predefined CMaps of Adobe-GB1 (simplified Chinese) whose codes are
/// GBK's or GB 2312's (GBK holds it): fonts a PDF does not embed are
/// written in them, often without a `ToUnicode` map, by Chinese official
/// document typesetting systems and by WPS (宋体, 仿宋_GB2312, 方正小标宋
/// named, not embedded). Their characters are GBK's, decoded by the
/// charset decoder (the browser's TextDecoder) as a page in GBK is.
fn gbk_encoding(name: &[u8]) -> Option<Gbk> {
    let name = name
        .strip_suffix(b"-H")
        .or_else(|| name.strip_suffix(b"-V"))?;
    Some(match name {
        b"GB-EUC" | b"GBK-EUC" | b"GBKp-EUC" => Gbk {
            one_byte: &[(0x00, 0x80)],
            four_byte: false,
        },
        b"GBpc-EUC" => Gbk {
            one_byte: &[(0x00, 0x80), (0xFD, 0xFF)],
            four_byte: false,
        },
        b"GBK2K" => Gbk {
            one_byte: &[(0x00, 0x80)],
            four_byte: true,
        },
        _ => return None,
    })
}

/// The characters of GBK's codes, by code (one byte: ASCII; two: lead
/// byte then trail), '\0' where `decode` gives none, or more or less than
/// one character: every two-byte code decoded in one call, each followed
/// by a line break that parts it from the next (a code GBK does not have
/// decodes to U+FFFD and what follows it, taken for none).
fn gbk_chars(decode: &dyn Fn(&[u8], &str) -> Option<String>) -> Vec<char> {
    let mut chars = vec!['\0'; MAX_CODE];
    for c in 0x20u8..0x7f {
        chars[usize::from(c)] = char::from(c);
    }
    let codes: Vec<u16> = (0x81u16..=0xFE)
        .flat_map(|lead| {
            (0x40u16..=0xFE)
                .filter(|t| *t != 0x7F)
                .map(move |t| lead << 8 | t)
        })
        .collect();
    let bytes: Vec<u8> = codes
        .iter()
        .flat_map(|c| [(c >> 8) as u8, *c as u8, b'\n'])
        .collect();
    let Some(text) = decode(&bytes, "gbk") else {
        return chars;
    };
    let pieces: Vec<&str> = text.split('\n').collect();
    if pieces.len() != codes.len() + 1 {
        return chars;
    }
    for (code, piece) in codes.iter().zip(pieces) {
        let mut it = piece.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            if c != '\u{FFFD}' && !c.is_control() {
                chars[usize::from(*code)] = c;
            }
        }
    }
    chars
}

/// A composite font's widths by CID from its `W` array (`c [w1 w2 …]` or
/// `c_first c_last w`).
fn cid_widths(file: &File, w: Option<&Object>) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    let items = w.map_or(&[][..], Object::array);
    let set = |cid: f64, width: f64, out: &mut Vec<f64>| {
        if (0.0..MAX_CODE as f64).contains(&cid) {
            let c = cid as usize;
            if out.len() <= c {
                out.resize(c + 1, 0.0);
            }
            out[c] = width;
        }
    };
    let mut i = 0;
    while i < items.len() {
        let first = file.resolve(&items[i]).number().unwrap_or(-1.0);
        match items.get(i + 1).map(|v| file.resolve(v)) {
            Some(Object::Array(ws)) => {
                for (k, w) in ws.iter().take(MAX_CODE).enumerate() {
                    set(
                        first + k as f64,
                        file.resolve(w).number().unwrap_or(0.0),
                        &mut out,
                    );
                }
                i += 2;
            }
            Some(Object::Number(last)) => {
                let width = items
                    .get(i + 2)
                    .and_then(|w| file.resolve(w).number())
                    .unwrap_or(0.0);
                let last = last.min(first + MAX_CODE as f64);
                let mut cid = first;
                while cid <= last && cid >= 0.0 {
                    set(cid, width, &mut out);
                    cid += 1.0;
                }
                i += 3;
            }
            _ => break,
        }
    }
    out
}

/// A simple font's characters by code, from its encoding, as far as it
/// tells them: the standard encodings' ASCII, the glyph names of its
/// differences (those whose characters are known). A font with its own
/// built-in encoding (embedded, not one of the standard fonts) tells none.
fn simple_chars(file: &File, dict: &Dict, encoding: Option<&Object>) -> Vec<char> {
    let mut chars = vec!['\0'; 256];
    let ascii = |chars: &mut Vec<char>| {
        for c in 0x20u8..0x7f {
            chars[c as usize] = c as char;
        }
    };
    let embedded = file.dict(dict.get("FontDescriptor")).is_some_and(|d| {
        ["FontFile", "FontFile2", "FontFile3"]
            .iter()
            .any(|k| d.get(k).is_some())
    });
    match encoding {
        Some(Object::Name(_)) => ascii(&mut chars),
        Some(Object::Dict(e)) => {
            if e.get("BaseEncoding").is_some() || !embedded {
                ascii(&mut chars);
            }
            let mut code = 0usize;
            for item in e
                .get("Differences")
                .map(|d| file.resolve(d).array())
                .unwrap_or(&[])
            {
                match file.resolve(item) {
                    Object::Number(n) => code = n.max(0.0) as usize,
                    Object::Name(name) => {
                        if let Some(slot) = chars.get_mut(code) {
                            *slot = glyph_char(name).unwrap_or('\0');
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        _ if !embedded => ascii(&mut chars),
        _ => {}
    }
    chars
}

/// The character a glyph name stands for: `uniXXXX`, `uXXXX`, the
/// digits', letters' and the few punctuation marks' names a report's
/// numbers need; none for the others (`g12`, `cid123`).
fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            name.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        });
    if let Some(h) = hex {
        return u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    }
    const NAMES: &[(&str, char)] = &[
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("period", '.'),
        ("comma", ','),
        ("space", ' '),
        ("hyphen", '-'),
        ("percent", '%'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("slash", '/'),
    ];
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

/// A `ToUnicode` map read into `font`: `bfchar` codes and `bfrange`
/// ranges, each to UTF-16 text; its `codespacerange` tells one-byte codes
/// from two-byte ones.
fn to_unicode(map: &[u8], font: &mut Font) {
    let mut lexer = Lexer::new(map, 0);
    let mut chars = std::mem::take(&mut font.chars);
    let mut set = |code: u32, text: &[u16], font: &mut Font| {
        let c = code as usize;
        if c >= MAX_CODE {
            return;
        }
        if chars.len() <= c {
            chars.resize(c + 1, '\0');
        }
        let decoded = || char::decode_utf16(text.iter().copied()).map(|c| c.unwrap_or('\u{FFFD}'));
        let mut it = decoded();
        match (it.next(), it.next()) {
            (Some(first), None) => chars[c] = first,
            (Some(_), Some(_)) => {
                chars[c] = '\u{FFFD}';
                font.more.push((code, decoded().collect()));
            }
            // Mapped to nothing: no character.
            (None, _) => chars[c] = '\u{FFFD}',
        }
    };
    let code = |s: &[u8]| s.iter().take(4).fold(0u32, |v, b| v << 8 | u32::from(*b));
    let utf16 = |s: &[u8]| -> Vec<u16> {
        s.chunks(2)
            .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
            .collect()
    };
    // 0: outside the sections read; 1 codespacerange, 2 bfchar, 3 bfrange.
    let mut section = 0;
    let mut args: Vec<Object> = Vec::new();
    while let Some(token) = lexer.token() {
        match token {
            Token::Keyword(k) => {
                section = match k {
                    b"begincodespacerange" => 1,
                    b"beginbfchar" => 2,
                    b"beginbfrange" => 3,
                    b"endcodespacerange" | b"endbfchar" | b"endbfrange" => 0,
                    _ => section,
                };
                args.clear();
            }
            Token::Value(v) => {
                args.push(v);
                match (section, &args[..]) {
                    (1, [Object::String(lo), Object::String(hi)]) => {
                        // One-byte codes of a composite font (a mixed
                        // codespace, GBK's ASCII).
                        if let ([lo], [hi]) = (&lo[..], &hi[..]) {
                            font.one_byte.push((*lo, *hi));
                        }
                        args.clear();
                    }
                    (2, [Object::String(src), Object::String(dst)]) => {
                        set(code(src), &utf16(dst), font);
                        args.clear();
                    }
                    (3, [Object::String(lo), Object::String(hi), Object::String(dst)]) => {
                        let (lo, hi) = (
                            code(lo),
                            code(hi).min(code(lo).saturating_add(MAX_CODE as u32)),
                        );
                        let mut dst = utf16(dst);
                        for c in lo..=hi {
                            set(c, &dst, font);
                            if let Some(last) = dst.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        args.clear();
                    }
                    _ if args.len() > 3 => args.clear(),
                    _ => {}
                }
            }
            Token::ArrayStart => {
                // bfrange lo hi [dst1 dst2 …]
                if let (3, [Object::String(lo), Object::String(_)]) = (section, &args[..]) {
                    let lo = code(lo);
                    let mut k = 0;
                    while let Some(Token::Value(Object::String(dst))) = lexer.token() {
                        set(lo.saturating_add(k), &utf16(&dst), font);
                        k += 1;
                    }
                }
                args.clear();
            }
            _ => args.clear(),
        }
    }
    font.chars = chars;
}

/// The graphics state the text needs.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scaling: f64,
    leading: f64,
    rise: f64,
}

/// A page's glyphs, in page space (points, y up), with the direction each
/// runs in. One reader reads every page of a document in turn (see
/// [`Page::next_page`]), each font once.
pub(super) struct Page<'f, 'a> {
    file: &'f File<'a>,
    /// Decodes bytes in a charset (GBK), and GBK's characters once
    /// decoded (see [`gbk_chars`]).
    decode: &'f dyn Fn(&[u8], &str) -> Option<String>,
    gbk: Option<Vec<char>>,
    /// Fonts read, by where their dictionaries stand in memory (the file's
    /// objects do not move while it is read).
    fonts: Vec<(usize, Font)>,
    /// The font each name of a resource dictionary stands for, by where
    /// the dictionary stands and the name, in order (a report's print sets
    /// a font thousands of times, from a hundred).
    named: Vec<(usize, Name, Option<usize>)>,
    pub glyphs: Vec<Glyph>,
    /// Thin lines drawn (a filled rectangle or a stroked segment no wider
    /// than [`MAX_RULE_WIDTH`]), their ends in page space: a table's cell
    /// borders (see [`crate::import::layout::Rule`]).
    pub rules: Vec<[f64; 4]>,
    word: u32,
    operations: usize,
}

impl<'f, 'a> Page<'f, 'a> {
    pub fn new(file: &'f File<'a>, decode: &'f dyn Fn(&[u8], &str) -> Option<String>) -> Self {
        Page {
            file,
            decode,
            gbk: None,
            fonts: Vec::new(),
            named: Vec::new(),
            glyphs: Vec::new(),
            rules: Vec::new(),
            word: 0,
            operations: 0,
        }
    }

    /// Starts the next page: its glyphs and its count of operations from
    /// none (the fonts read are kept).
    pub fn next_page(&mut self) {
        self.glyphs.clear();
        self.rules.clear();
        self.word = 0;
        self.operations = 0;
    }

    /// Runs content `data` with `resources`, from `ctm`.
    pub fn run(&mut self, data: &[u8], resources: Option<&Dict>, ctm: Matrix, depth: usize) {
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scaling: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let mut lexer = Lexer::content(data);
        let mut args: Vec<Object> = Vec::new();
        // The path being built: its straight pieces (ends, and the width
        // of a rectangle's across them), and its current point.
        let mut path: Vec<[f64; 5]> = Vec::new();
        let mut point = (0.0, 0.0);
        // Marked content open (`BMC`, `BDC`): the text it says its glyphs
        // stand for, and where they start.
        let mut marked: Vec<Option<(usize, String)>> = Vec::new();
        loop {
            lexer.skip_space();
            if lexer.at >= data.len() {
                break;
            }
            if let Some(v) = lexer.plain_value() {
                if args.len() < 64 {
                    args.push(v);
                }
                continue;
            }
            let Some(token) = lexer.token() else {
                break;
            };
            let op = match token {
                Token::Keyword(op) => op,
                other => {
                    match lexer.value_from(other, 0) {
                        Some(v) if args.len() < 64 => args.push(v),
                        Some(_) => {}
                        None => args.clear(),
                    }
                    continue;
                }
            };
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.glyphs.len() >= MAX_GLYPHS {
                break;
            }
            let n = |i: usize| args.get(i).and_then(Object::number).unwrap_or(0.0);
            let matrix = || -> Option<Matrix> {
                match &args[..] {
                    [a, b, c, d, e, f] => Some([
                        a.number()?,
                        b.number()?,
                        c.number()?,
                        d.number()?,
                        e.number()?,
                        f.number()?,
                    ]),
                    _ => None,
                }
            };
            match op {
                b"q" if saved.len() < 256 => saved.push(state.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix() {
                        state.ctm = times(&m, &state.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    state.font = args
                        .first()
                        .and_then(Object::name)
                        .and_then(|name| self.font(resources, name));
                    state.size = n(1);
                }
                b"Tc" => state.char_spacing = n(0),
                b"Tw" => state.word_spacing = n(0),
                b"Tz" => state.scaling = n(0) / 100.0,
                b"TL" => state.leading = n(0),
                b"Ts" => state.rise = n(0),
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        state.leading = -n(1);
                    }
                    tlm = times(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = matrix() {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" | b"'" | b"\"" => {
                    if op == b"\"" {
                        state.word_spacing = n(0);
                        state.char_spacing = n(1);
                    }
                    tlm = times(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                    if let Some(Object::String(s)) = args.last() {
                        self.show(s, &state, &mut tm);
                    }
                }
                b"Tj" => {
                    if let Some(Object::String(s)) = args.first() {
                        self.show(s, &state, &mut tm);
                    }
                }
                b"TJ" => {
                    for item in args.first().map_or(&[][..], Object::array) {
                        match item {
                            Object::String(s) => self.show(s, &state, &mut tm),
                            Object::Number(adjust) => {
                                let tx = -adjust / 1000.0 * state.size * state.scaling;
                                tm = times(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                            _ => {}
                        }
                    }
                }
                b"re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    if w.abs() <= h.abs() {
                        path.push([x + w / 2.0, y, x + w / 2.0, y + h, w.abs()]);
                    } else {
                        path.push([x, y + h / 2.0, x + w, y + h / 2.0, h.abs()]);
                    }
                    point = (x, y);
                }
                b"m" => point = (n(0), n(1)),
                b"l" => {
                    path.push([point.0, point.1, n(0), n(1), 0.0]);
                    point = (n(0), n(1));
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    self.rule(&path, &state.ctm);
                    path.clear();
                }
                b"n" => path.clear(),
                b"Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(Object::name) {
                        self.form(resources, name, &state.ctm, depth);
                    }
                }
                b"BI" => skip_inline_image(&mut lexer),
                b"BMC" => marked.push(None),
                b"BDC" if marked.len() < 256 => {
                    let actual = args.get(1).and_then(Object::dict).and_then(|d| {
                        match d.get("ActualText") {
                            Some(Object::String(s)) => text_string(s),
                            _ => None,
                        }
                    });
                    marked.push(actual.map(|text| (self.glyphs.len(), text)));
                }
                b"EMC" => {
                    if let Some(Some((start, text))) = marked.pop() {
                        self.put_actual_text(start, &text);
                    }
                }
                _ => {}
            }
            args.clear();
        }
    }

    /// The glyphs shown from `start` given the characters `text` of the
    /// marked content they were drawn in (its `/ActualText`: what a PDF
    /// writer says the glyphs stand for when its fonts' maps cannot, as
    /// Chromium does for ideographs whose glyphs a radical shares): one a
    /// glyph when as many; else spread evenly from the first glyph to the
    /// last (a single glyph's all drawn at it: the layout then takes its
    /// word for damaged, no number read from it). An empty text: none.
    fn put_actual_text(&mut self, start: usize, text: &str) {
        let Some(shown) = self.glyphs.get(start..) else {
            return;
        };
        let chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
        let (Some(&first), Some(&last)) = (shown.first(), shown.last()) else {
            return;
        };
        let (m, n) = (shown.len(), chars.len());
        if m == n {
            for (glyph, c) in self.glyphs[start..].iter_mut().zip(chars) {
                glyph.c = c;
            }
            return;
        }
        self.glyphs.truncate(start);
        for (k, c) in chars.into_iter().enumerate() {
            let along = if n > 1 && m > 1 {
                k as f64 / (n - 1) as f64
            } else {
                0.0
            };
            let x = first.x + (last.x - first.x) * along;
            let y = first.y + (last.y - first.y) * along;
            if self.glyphs.len() < MAX_GLYPHS {
                self.glyphs.push(Glyph { c, x, y, ..first });
            }
        }
    }

    /// The thin pieces of a path painted with `ctm` kept as rules (a line
    /// stroked is taken as thin: its width is not followed).
    fn rule(&mut self, path: &[[f64; 5]], ctm: &Matrix) {
        let scale = (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs().sqrt();
        let place = |x: f64, y: f64| times(&[1.0, 0.0, 0.0, 1.0, x, y], ctm);
        for &[x0, y0, x1, y1, width] in path {
            let (from, to) = (place(x0, y0), place(x1, y1));
            let rule = [from[4], from[5], to[4], to[5]];
            if width * scale <= MAX_RULE_WIDTH
                && rule.iter().all(|v| v.is_finite())
                && self.rules.len() < MAX_RULES
            {
                self.rules.push(rule);
            }
        }
    }

    /// Draws form XObject `name` of `resources`.
    fn form(&mut self, resources: Option<&Dict>, name: &[u8], ctm: &Matrix, depth: usize) {
        let file = self.file;
        let Some(Object::Ref(number)) = file
            .dict(resources.and_then(|r| r.get("XObject")))
            .and_then(|x| x.0.iter().find(|(k, _)| k == name))
            .map(|(_, v)| v)
        else {
            return;
        };
        let Some(Object::Stream(dict, _)) = file.get(*number) else {
            return;
        };
        if dict.get("Subtype").and_then(Object::name) != Some(b"Form") {
            return;
        }
        let Some(data) = file.stream(*number) else {
            return;
        };
        let m: Matrix = file
            .numbers_of(dict.get("Matrix"))
            .try_into()
            .unwrap_or(IDENTITY);
        let own = file.dict(dict.get("Resources")).or(resources);
        self.run(&data, own, times(&m, ctm), depth + 1);
    }

    /// The font named `name` in `resources`, read once.
    fn font(&mut self, resources: Option<&Dict>, name: &[u8]) -> Option<usize> {
        let place = resources.map_or(0, |r| r as *const Dict as usize);
        let at = self
            .named
            .binary_search_by(|(p, n, _)| (*p, &n[..]).cmp(&(place, name)));
        match at {
            Ok(i) => self.named[i].2,
            Err(i) => {
                let font = self.read_font(resources, name);
                self.named.insert(i, (place, Name::from(name), font));
                font
            }
        }
    }

    /// The font named `name` in `resources`, read unless read before by
    /// another name.
    fn read_font(&mut self, resources: Option<&Dict>, name: &[u8]) -> Option<usize> {
        let file = self.file;
        let value = file
            .dict(resources.and_then(|r| r.get("Font")))?
            .0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)?;
        let dict = file.resolve(value).dict()?;
        let key = dict as *const Dict as usize;
        if let Some(i) = self.fonts.iter().position(|(k, _)| *k == key) {
            return Some(i);
        }
        let mut font = Font::read(file, dict);
        // A font of GBK's codes without a map of its own: GBK's characters.
        if font.gbk && font.chars.is_empty() {
            let decode = self.decode;
            font.chars = self.gbk.get_or_insert_with(|| gbk_chars(decode)).clone();
        }
        self.fonts.push((key, font));
        Some(self.fonts.len() - 1)
    }

    /// Shows string `s` at `tm`, moving it on by each glyph's advance.
    fn show(&mut self, s: &[u8], state: &State, tm: &mut Matrix) {
        let Some(font) = state.font.and_then(|i| self.fonts.get(i)) else {
            return;
        };
        let font = &font.1;
        let mut new_word = true;
        let mut at = 0;
        while at < s.len() {
            let one = !font.wide
                || font
                    .one_byte
                    .iter()
                    .any(|(lo, hi)| (*lo..=*hi).contains(&s[at]));
            // (GB 18030's four-byte codes: a digit second; no character
            // known for them.)
            let four = font.four_byte && s.get(at + 1).is_some_and(|b| (0x30..=0x39).contains(b));
            let step = if one {
                1
            } else if four {
                4
            } else {
                2
            };
            let piece = &s[at..(at + step).min(s.len())];
            at += step;
            let code = piece.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
            let mut one_char = [0u8; 4];
            let text: Option<&str> = match font.char_of(code) {
                Some('\u{FFFD}') => font
                    .more
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, t)| t.as_str()),
                Some(c) => Some(c.encode_utf8(&mut one_char)),
                None => None,
            };
            let space = text.is_some_and(|t| t.chars().all(char::is_whitespace));
            new_word |= space;
            let w = font.width(code, text) * font.scale * state.size;
            let trm = times(
                &[
                    state.size * state.scaling,
                    0.0,
                    0.0,
                    state.size,
                    0.0,
                    state.rise,
                ],
                &times(tm, &state.ctm),
            );
            if !space && self.glyphs.len() < MAX_GLYPHS {
                if new_word {
                    self.word += 1;
                    new_word = false;
                }
                let size = (trm[0] * trm[3] - trm[1] * trm[2]).abs().sqrt() * font.height.min(4.0)
                    / state.scaling.abs().sqrt().max(0.01);
                let glyph = |c: char| Glyph {
                    x: trm[4],
                    y: trm[5],
                    size,
                    c,
                    word: self.word,
                    even: false,
                    direction: Direction::of(&trm),
                };
                match text {
                    Some(t) => self
                        .glyphs
                        .extend(t.chars().filter(|c| !c.is_control()).map(glyph)),
                    None => self.glyphs.push(glyph('\u{FFFD}')),
                }
            }
            let spacing = state.char_spacing
                + if !font.wide && code == 32 {
                    state.word_spacing
                } else {
                    0.0
                };
            let tx = (w + spacing) * state.scaling;
            *tm = times(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}

/// Skips an inline image's data (`BI … ID data EI`): its bytes are not
/// content.
fn skip_inline_image(lexer: &mut Lexer) {
    let bytes = lexer.bytes;
    let Some(id) = super::objects::find(bytes, b"ID", lexer.at) else {
        lexer.at = bytes.len();
        return;
    };
    let mut at = id + 3;
    while let Some(ei) = super::objects::find(bytes, b"EI", at) {
        let before = ei == 0 || is_space(bytes[ei - 1]);
        let after = bytes.get(ei + 2).is_none_or(|b| is_space(*b));
        if before && after {
            lexer.at = ei + 2;
            return;
        }
        at = ei + 2;
    }
    lexer.at = bytes.len();
}

/// A PDF text string's characters: UTF-16 after its byte order mark,
/// UTF-8 after its, else PDFDocEncoding (here its ASCII and Latin-1 part:
/// a string with another byte is none, never a character guessed).
fn text_string(s: &[u8]) -> Option<String> {
    if let Some(units) = s.strip_prefix(&[0xFE, 0xFF]) {
        let units = units
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]));
        return char::decode_utf16(units).collect::<Result<_, _>>().ok();
    }
    if let Some(utf8) = s.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(utf8.to_vec()).ok();
    }
    s.iter()
        .map(|b| (b.is_ascii() || *b >= 0xA0).then_some(char::from(*b)))
        .collect()
}
