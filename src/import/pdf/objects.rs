//! A PDF file's objects: the syntax (numbers, names, strings, arrays,
//! dictionaries, references, streams), every `N G obj` the file holds and
//! those packed in object streams, and the filters a text's streams use
//! (Flate, ASCIIHex, ASCII85). Objects are found by scanning the file, not
//! by its cross-reference table, which damaged and incrementally saved
//! files get wrong: a later definition of a number replaces an earlier.
//!
//! Not for: pages, fonts and text (see [`super::text`]); decryption (see
//! [`super::crypt`]: streams are decrypted here by it); writing PDF.

use super::crypt::Crypt;
use std::cell::OnceCell;

/// The object numbers held (a report has a few thousand objects; a damaged
/// file may name any number).
const MAX_OBJECT_NUMBER: usize = 2_000_000;

/// How deep arrays and dictionaries nest (a report's go a few levels).
const MAX_DEPTH: usize = 32;

/// A PDF value. Streams keep their dictionary and where their data stands
/// in the bytes they were read from.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Object {
    Null,
    Bool(bool),
    Number(f64),
    Name(Name),
    String(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32),
    Stream(Dict, Data),
}

/// Where a stream's data stands: in the file, or in a decoded object
/// stream (objects in an object stream have no streams, but the type is
/// one).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Data {
    pub start: usize,
    pub end: usize,
}

/// A dictionary: its keys (names without the slash) and values in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Dict(pub Vec<(Name, Object)>);

impl Dict {
    pub fn get(&self, key: &str) -> Option<&Object> {
        self.0
            .iter()
            .find(|(k, _)| **k == *key.as_bytes())
            .map(|(_, v)| v)
    }
}

/// A name's bytes (without the slash, its `#hh` escapes decoded), held in
/// place when short (nearly every name: a dictionary's keys, a font's
/// glyph names), else on the heap. A Type 3 font names hundreds of glyphs
/// and Chromium's print of a report has a hundred such fonts: an
/// allocation a name was a tenth of reading it.
#[derive(Clone)]
pub(super) enum Name {
    Short(u8, [u8; SHORT_NAME]),
    Long(Box<[u8]>),
}

/// How long a name is held in place (the enum stays the size of a `Vec`).
const SHORT_NAME: usize = 22;

impl From<&[u8]> for Name {
    fn from(bytes: &[u8]) -> Self {
        match bytes.len() {
            n @ 0..=SHORT_NAME => {
                let mut short = [0; SHORT_NAME];
                short[..n].copy_from_slice(bytes);
                Name::Short(n as u8, short)
            }
            _ => Name::Long(bytes.into()),
        }
    }
}

impl std::ops::Deref for Name {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Name::Short(n, bytes) => &bytes[..usize::from(*n)],
            Name::Long(bytes) => bytes,
        }
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        **self == **other
    }
}

impl PartialEq<[u8]> for Name {
    fn eq(&self, other: &[u8]) -> bool {
        **self == *other
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}", String::from_utf8_lossy(self))
    }
}

impl Object {
    pub fn number(&self) -> Option<f64> {
        match self {
            Object::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn array(&self) -> &[Object] {
        match self {
            Object::Array(a) => a,
            _ => &[],
        }
    }

    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) | Object::Stream(d, _) => Some(d),
            _ => None,
        }
    }
}

/// Each byte's class in PDF syntax: white space, a delimiter, or a
/// regular character (what names, numbers and keywords are made of). One
/// look-up a byte: the lexer's loops are most of reading a file.
const CLASS: [u8; 256] = {
    let mut class = [REGULAR; 256];
    let spaces = b" \t\r\n\x0c\0";
    let mut i = 0;
    while i < spaces.len() {
        class[spaces[i] as usize] = SPACE;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        class[delimiters[i] as usize] = DELIMITER;
        i += 1;
    }
    class
};
const REGULAR: u8 = 0;
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;

pub(super) fn is_space(b: u8) -> bool {
    CLASS[b as usize] == SPACE
}

fn is_regular(b: u8) -> bool {
    CLASS[b as usize] == REGULAR
}

/// A token of PDF syntax: a value, or a keyword (`obj`, `R`, an operator
/// of a content stream) or a closing bracket.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    Value(Object),
    /// (As it stands in the bytes read: content streams are mostly
    /// operators and numbers, none of them copied.)
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
}

/// Reads tokens and values from bytes, from `at`.
pub(super) struct Lexer<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
    /// Whether `N G R` is a reference (not in a content stream, where
    /// numbers are most of it and `R` no operator).
    references: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(bytes: &'a [u8], at: usize) -> Self {
        Lexer {
            bytes,
            at,
            references: true,
        }
    }

    /// A lexer of content stream `bytes` (operands and operators, no
    /// references).
    pub fn content(bytes: &'a [u8]) -> Self {
        Lexer {
            references: false,
            ..Lexer::new(bytes, 0)
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Moves past the regular characters that start here (a name's, a
    /// number's, a keyword's).
    fn skip_regular(&mut self) {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at += rest
            .iter()
            .position(|b| !is_regular(*b))
            .unwrap_or(rest.len());
    }

    pub fn skip_space(&mut self) {
        let bytes = self.bytes;
        let mut at = self.at;
        while let Some(&b) = bytes.get(at) {
            if is_space(b) {
                at += 1;
            } else if b == b'%' {
                at += bytes[at..]
                    .iter()
                    .position(|&b| b == b'\r' || b == b'\n')
                    .unwrap_or(bytes.len() - at);
            } else {
                break;
            }
        }
        self.at = at;
    }

    /// The next token; none at the end.
    pub fn token(&mut self) -> Option<Token<'a>> {
        self.skip_space();
        let b = self.peek()?;
        self.at += 1;
        Some(match b {
            b'[' => Token::ArrayStart,
            b']' => Token::ArrayEnd,
            b'{' | b'}' => Token::Keyword(&self.bytes[self.at - 1..self.at]),
            b'<' if self.peek() == Some(b'<') => {
                self.at += 1;
                Token::DictStart
            }
            b'>' if self.peek() == Some(b'>') => {
                self.at += 1;
                Token::DictEnd
            }
            b'>' | b')' => Token::Keyword(&self.bytes[self.at - 1..self.at]),
            b'<' => Token::Value(Object::String(self.hex_string())),
            b'(' => Token::Value(Object::String(self.literal_string())),
            b'/' => Token::Value(Object::Name(self.name())),
            _ => {
                let start = self.at - 1;
                self.skip_regular();
                let word: &'a [u8] = &self.bytes[start..self.at];
                // (Numbers first: most of a file's and a content stream's
                // words.)
                if let Some(n) = number(word) {
                    return Some(Token::Value(Object::Number(n)));
                }
                match word {
                    b"true" => Token::Value(Object::Bool(true)),
                    b"false" => Token::Value(Object::Bool(false)),
                    b"null" => Token::Value(Object::Null),
                    _ => Token::Keyword(word),
                }
            }
        })
    }

    /// The name whose slash the lexer has just passed.
    fn name(&mut self) -> Name {
        let start = self.at;
        self.skip_regular();
        unescape_name(&self.bytes[start..self.at])
    }

    /// Where ` G R` ends when it follows (a generation number and `R`).
    fn reference_end(&self) -> Option<usize> {
        let b = self.bytes;
        let mut i = self.at;
        let spaces = |i: &mut usize| {
            let start = *i;
            while b.get(*i).is_some_and(|c| is_space(*c)) {
                *i += 1;
            }
            *i > start
        };
        if !spaces(&mut i) {
            return None;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start || !spaces(&mut i) || b.get(i) != Some(&b'R') {
            return None;
        }
        let after = b.get(i + 1);
        after.is_none_or(|c| !is_regular(*c)).then_some(i + 1)
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.at += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = (b as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.at += 1;
                    let c = match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            v as u8
                        }
                        // A line continued: nothing.
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.at += 1;
                            }
                            continue;
                        }
                        b'\n' => continue,
                        other => other,
                    };
                    out.push(c);
                    continue;
                }
                _ => {}
            }
            out.push(b);
        }
        out
    }

    /// Whether an array's or a dictionary's items end here: at `close`
    /// (moved past it) or at the end of the bytes (spaces before passed).
    fn closed_by(&mut self, close: &[u8]) -> bool {
        self.skip_space();
        let rest = &self.bytes[self.at.min(self.bytes.len())..];
        if rest.starts_with(close) {
            self.at += close.len();
        }
        rest.is_empty() || rest.starts_with(close)
    }

    /// Moves past the dictionary that starts here without making it, its
    /// brackets matched and its strings passed over whole: false when the
    /// bytes end first.
    pub fn skip_dictionary(&mut self) -> bool {
        let mut depth = 0usize;
        loop {
            self.skip_space();
            let Some(b) = self.peek() else {
                return false;
            };
            self.at += 1;
            match b {
                b'<' if self.peek() == Some(b'<') => {
                    self.at += 1;
                    depth += 1;
                }
                b'>' if self.peek() == Some(b'>') => {
                    self.at += 1;
                    depth = depth.saturating_sub(1);
                }
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'<' => {
                    self.hex_string();
                }
                b'(' => {
                    self.literal_string();
                }
                _ => self.skip_regular(),
            }
            if depth == 0 {
                return true;
            }
        }
    }

    /// The next value, with its arrays, dictionaries and references (`N G
    /// R`) read whole; none at the end or at a keyword (left unread) or a
    /// stray closing bracket.
    pub fn value(&mut self) -> Option<Object> {
        self.value_at(0)
    }

    fn value_at(&mut self, depth: usize) -> Option<Object> {
        let before = self.at;
        let token = self.token()?;
        let value = self.value_from(token, depth);
        if value.is_none() {
            self.at = before;
        }
        value
    }

    /// The number or name that starts here (after spaces), as
    /// [`Lexer::value`] reads it, without making a token: most of a content
    /// stream's operands and of a font's arrays (its widths, its glyphs'
    /// names). None for anything else, the lexer then where it was.
    pub fn plain_value(&mut self) -> Option<Object> {
        let start = self.at;
        match *self.bytes.get(start)? {
            b'/' => {
                self.at += 1;
                Some(Object::Name(self.name()))
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' => {
                self.skip_regular();
                match number(&self.bytes[start..self.at]) {
                    Some(n) => Some(self.number_or_reference(n)),
                    None => {
                        self.at = start;
                        None
                    }
                }
            }
            _ => None,
        }
    }

    /// Number `n` just read, or the reference (`N G R`) it starts.
    fn number_or_reference(&mut self, n: f64) -> Object {
        // (Whole checked without `fract`, a call to libm; from 2^53 every
        // number is whole.)
        let whole = n >= 9_007_199_254_740_992.0 || n == (n as u64) as f64;
        if self.references && n >= 0.0 && whole {
            // (Looked for without making tokens.)
            if let Some(end) = self.reference_end() {
                self.at = end;
                return Object::Ref(n.min(u32::MAX as f64) as u32);
            }
        }
        Object::Number(n)
    }

    /// The value `token` starts (see [`Lexer::value`]); none for a keyword
    /// or a closing bracket, the lexer then after it.
    pub fn value_from(&mut self, token: Token<'a>, depth: usize) -> Option<Object> {
        match token {
            Token::Value(Object::Number(n)) => Some(self.number_or_reference(n)),
            Token::Value(v) => Some(v),
            Token::ArrayStart if depth < MAX_DEPTH => {
                let mut items = Vec::new();
                while !self.closed_by(b"]") {
                    if let Some(v) = self.plain_value() {
                        items.push(v);
                        continue;
                    }
                    let at = self.at;
                    match self.value_at(depth + 1) {
                        Some(v) => items.push(v),
                        // A keyword or a stray bracket inside: skipped.
                        None => {
                            self.at = at;
                            self.token();
                        }
                    }
                }
                Some(Object::Array(items))
            }
            Token::DictStart if depth < MAX_DEPTH => {
                let mut entries = Vec::new();
                while !self.closed_by(b">>") {
                    let at = self.at;
                    match self.token() {
                        Some(Token::Value(Object::Name(key))) => {
                            let at = self.at;
                            match self.value_at(depth + 1) {
                                Some(v) => entries.push((key, v)),
                                None => self.at = at,
                            }
                        }
                        None => break,
                        _ => {
                            if self.at == at {
                                break;
                            }
                        }
                    }
                }
                Some(Object::Dict(Dict(entries)))
            }
            _ => None,
        }
    }
}

/// A name with its `#hh` escapes decoded.
fn unescape_name(raw: &[u8]) -> Name {
    if !raw.contains(&b'#') {
        return Name::from(raw);
    }
    let digit = |b: &u8| (*b as char).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = match raw[i] {
            b'#' => raw
                .get(i + 1..i + 3)
                .and_then(|h| Some(digit(&h[0])? * 16 + digit(&h[1])?)),
            _ => None,
        };
        match hex {
            Some(v) => {
                out.push(v as u8);
                i += 3;
            }
            None => {
                out.push(raw[i]);
                i += 1;
            }
        }
    }
    Name::from(&out[..])
}

/// A PDF number ("12", "-3.5", ".5", "4."; no exponent); none for anything
/// else. Our own few lines (as `layout::decimal`): the standard library's
/// float parsing adds about 14 KB gz to the importer's module.
pub(super) fn number(word: &[u8]) -> Option<f64> {
    let (negative, digits) = match word.first() {
        Some(b'-') => (true, &word[1..]),
        Some(b'+') => (false, &word[1..]),
        _ => (false, word),
    };
    let mut value = 0.0f64;
    let mut scale = 1.0f64;
    let (mut seen, mut point) = (false, false);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(b - b'0');
                if point {
                    scale *= 10.0;
                }
                seen = true;
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    let value = value / scale;
    (seen && value.is_finite()).then_some(if negative { -value } else { value })
}

/// A file's objects by number, and its trailers' dictionaries (the classic
/// `trailer` and cross-reference streams'), last first.
pub(super) struct File<'a> {
    pub bytes: &'a [u8],
    objects: Vec<Option<Slot>>,
    /// Decoded object streams (what their objects' data points into).
    pub packed: Vec<Vec<u8>>,
    pub trailers: Vec<Dict>,
    /// How its streams are decrypted (an encrypted file that opens
    /// without a password).
    crypt: Option<Crypt>,
    /// Whether it is encrypted and cannot be decrypted (a password to
    /// open it, another security handler).
    pub locked: bool,
}

/// An object as the scan finds it: where it stands, made into a value when
/// first asked for (a report's file holds thousands of objects, mostly its
/// structure tree's, and the text needs its pages' and fonts' few);
/// streams are made at once (their dictionaries say where their data
/// ends).
#[derive(Debug, Clone)]
struct Slot {
    at: usize,
    source: Source,
    value: OnceCell<Object>,
}

impl Slot {
    fn later(at: usize, source: Source) -> Self {
        Slot {
            at,
            source,
            value: OnceCell::new(),
        }
    }
}

/// Which bytes an object (and a stream's data) stands in: the file, or a
/// decoded object stream.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// The file, with the object's generation number.
    File(u16),
    Packed(usize),
}

impl<'a> File<'a> {
    /// Every object of the file, found by scanning it for `N G obj`.
    pub fn read(bytes: &'a [u8]) -> Self {
        let mut file = File {
            bytes,
            objects: Vec::new(),
            packed: Vec::new(),
            trailers: Vec::new(),
            crypt: None,
            locked: false,
        };
        let mut at = 0;
        let mut streams = Vec::new();
        while let Some(found) = find(bytes, b"obj", at) {
            at = found + 3;
            if bytes.get(at).is_some_and(|b| is_regular(*b)) {
                continue;
            }
            let Some((number, generation)) = object_number(bytes, found) else {
                continue;
            };
            let source = Source::File(generation);
            let mut lexer = Lexer::new(bytes, at);
            lexer.skip_space();
            let start = lexer.at;
            // A dictionary not followed by `stream` is passed over unmade.
            if bytes[start..].starts_with(b"<<") && lexer.skip_dictionary() {
                let mut after = Lexer::new(bytes, lexer.at);
                if after.token() != Some(Token::Keyword(b"stream")) {
                    at = lexer.at;
                    file.set(number, Slot::later(start, source));
                    continue;
                }
            }
            let mut lexer = Lexer::new(bytes, start);
            let Some(mut value) = lexer.value() else {
                continue;
            };
            if let Object::Dict(dict) = value {
                let mut after = Lexer::new(bytes, lexer.at);
                value = if after.token() == Some(Token::Keyword(b"stream")) {
                    let data = stream_data(bytes, after.at, &dict);
                    at = data.end;
                    Object::Stream(dict, data)
                } else {
                    at = lexer.at;
                    Object::Dict(dict)
                };
            }
            if let Object::Stream(dict, _) = &value {
                match dict.get("Type").and_then(Object::name) {
                    Some(b"ObjStm") => streams.push(number),
                    Some(b"XRef") => file.trailers.insert(0, dict.clone()),
                    _ => {}
                }
            }
            let slot = Slot {
                at: start,
                source,
                value: OnceCell::from(value),
            };
            file.set(number, slot);
        }
        // Classic trailers.
        let mut at = 0;
        while let Some(found) = find(bytes, b"trailer", at) {
            at = found + 7;
            if let Some(Object::Dict(d)) = Lexer::new(bytes, at).value() {
                file.trailers.insert(0, d);
            }
        }
        if let Some(encrypt) = file.trailers.iter().find_map(|t| t.get("Encrypt")) {
            let id = file
                .trailers
                .iter()
                .find_map(|t| match t.get("ID")?.array().first()? {
                    Object::String(id) => Some(id.as_slice()),
                    _ => None,
                });
            file.crypt = file
                .dict(Some(encrypt))
                .and_then(|e| Crypt::open(e, id.unwrap_or_default()));
            file.locked = file.crypt.is_none();
        }
        for number in streams {
            file.unpack(number);
        }
        file
    }

    fn set(&mut self, number: u32, slot: Slot) {
        let n = number as usize;
        if n >= MAX_OBJECT_NUMBER {
            return;
        }
        if self.objects.len() <= n {
            self.objects.resize(n + 1, None);
        }
        self.objects[n] = Some(slot);
    }

    /// The objects packed in object stream `number`, each unless defined
    /// in the file itself (an update saved after it).
    fn unpack(&mut self, number: u32) {
        let Some(Object::Stream(dict, _)) = self.get(number).cloned() else {
            return;
        };
        let Some(data) = self.stream(number) else {
            return;
        };
        let count = dict.get("N").and_then(Object::number).unwrap_or(0.0) as usize;
        let first = dict.get("First").and_then(Object::number).unwrap_or(0.0) as usize;
        let index = self.packed.len();
        let mut header = Lexer::new(&data, 0);
        let mut entries = Vec::new();
        for _ in 0..count.min(data.len()) {
            match (header.value(), header.value()) {
                (Some(Object::Number(n)), Some(Object::Number(offset))) => {
                    entries.push((n as u32, first.saturating_add(offset as usize)))
                }
                _ => break,
            }
        }
        for (n, offset) in entries {
            let defined = self.objects.get(n as usize).is_some_and(|o| {
                o.as_ref()
                    .is_some_and(|o| matches!(o.source, Source::File(_)))
            });
            if defined || offset >= data.len() {
                continue;
            }
            self.set(n, Slot::later(offset, Source::Packed(index)));
        }
        self.packed.push(data);
    }

    /// The numbers of the objects the file has, in order.
    pub fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.objects.len() as u32).filter(|n| self.objects[*n as usize].is_some())
    }

    /// Object `number` (none when the file has none).
    pub fn get(&self, number: u32) -> Option<&Object> {
        let slot = self.objects.get(number as usize)?.as_ref()?;
        Some(slot.value.get_or_init(|| {
            let bytes = match slot.source {
                Source::File(_) => self.bytes,
                Source::Packed(i) => self.packed.get(i).map_or(&[][..], |p| &p[..]),
            };
            Lexer::new(bytes, slot.at).value().unwrap_or(Object::Null)
        }))
    }

    /// `value`, or the object it refers to (references to references
    /// followed a few times).
    pub fn resolve<'b>(&'b self, mut value: &'b Object) -> &'b Object {
        for _ in 0..8 {
            match value {
                Object::Ref(n) => value = self.get(*n).unwrap_or(&Object::Null),
                _ => return value,
            }
        }
        &Object::Null
    }

    /// The dictionary `value` is or refers to.
    pub fn dict<'b>(&'b self, value: Option<&'b Object>) -> Option<&'b Dict> {
        value.map(|v| self.resolve(v)).and_then(Object::dict)
    }

    /// The numbers of the array `value` is or refers to (a matrix, a box).
    pub fn numbers_of(&self, value: Option<&Object>) -> Vec<f64> {
        value
            .map_or(&[][..], |v| self.resolve(v).array())
            .iter()
            .filter_map(|v| self.resolve(v).number())
            .collect()
    }

    /// The decoded data of stream object `number`.
    pub fn stream(&self, number: u32) -> Option<Vec<u8>> {
        let Object::Stream(dict, data) = self.get(number)? else {
            return None;
        };
        let source = &self.objects.get(number as usize)?.as_ref()?.source;
        let raw = match source {
            Source::File(generation) => {
                let raw = self.bytes.get(data.start..data.end)?;
                // Cross-reference streams are not encrypted.
                match &self.crypt {
                    Some(crypt) if dict.get("Type").and_then(Object::name) != Some(b"XRef") => {
                        return self.decoded(dict, &crypt.stream(number, *generation, raw)?);
                    }
                    _ => raw,
                }
            }
            Source::Packed(i) => self.packed.get(*i)?.get(data.start..data.end)?,
        };
        self.decoded(dict, raw)
    }

    /// The data of the stream `value` is or refers to, decoded.
    pub fn stream_of(&self, value: &Object) -> Option<Vec<u8>> {
        match value {
            Object::Ref(n) => match self.get(*n)? {
                Object::Ref(_) => self.stream_of(self.resolve(value)),
                _ => self.stream(*n),
            },
            _ => None,
        }
    }

    /// `raw` decoded by the filters `dict` names (none: as it is); none
    /// for a filter not read here (pictures' and old LZW streams).
    fn decoded(&self, dict: &Dict, raw: &[u8]) -> Option<Vec<u8>> {
        let filters: Vec<&[u8]> = match dict.get("Filter").map(|f| self.resolve(f)) {
            Some(Object::Name(n)) => vec![n],
            Some(Object::Array(a)) => a.iter().filter_map(|f| self.resolve(f).name()).collect(),
            _ => Vec::new(),
        };
        // (The raw data copied only when no filter decodes it.)
        let mut data = std::borrow::Cow::Borrowed(raw);
        for filter in filters {
            data = std::borrow::Cow::Owned(match filter {
                b"FlateDecode" | b"Fl" => inflate(&data)?,
                b"ASCIIHexDecode" | b"AHx" => {
                    let mut with_end = data.into_owned();
                    with_end.push(b'>');
                    Lexer::new(&with_end, 0).hex_string()
                }
                b"ASCII85Decode" | b"A85" => ascii85(&data)?,
                _ => return None,
            });
        }
        Some(data.into_owned())
    }
}

/// Flate data inflated, to the importer's limit for a part (a zip bomb
/// stops there): with its zlib header, or without (some writers leave it
/// out, or its header wrong).
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    use super::super::zip;
    zip::inflate(data, true).or_else(|| zip::inflate(data.get(2..)?, false))
}

/// ASCII85 data decoded (to its `~>`); none when damaged.
fn ascii85(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = u32::from(b - b'!');
                n += 1;
                if n == 5 {
                    let v = group
                        .iter()
                        .try_fold(0u32, |v, d| v.checked_mul(85)?.checked_add(*d))?;
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            b if is_space(b) => {}
            _ => return None,
        }
    }
    if n > 1 {
        group[n..].fill(84);
        let v = group
            .iter()
            .try_fold(0u32, |v, d| v.checked_mul(85)?.checked_add(*d))?;
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    Some(out)
}

/// Where `needle` next stands in `bytes` from `from`.
pub(super) fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    crate::import::find(bytes.get(from..)?, needle).map(|p| p + from)
}

/// The object and generation numbers of `N G obj` whose `obj` is at `at`.
fn object_number(bytes: &[u8], at: usize) -> Option<(u32, u16)> {
    let mut i = at;
    let back = |i: &mut usize, digits: bool| -> Option<usize> {
        let end = *i;
        while *i > 0
            && (if digits {
                bytes[*i - 1].is_ascii_digit()
            } else {
                is_space(bytes[*i - 1])
            })
        {
            *i -= 1;
        }
        (*i < end).then_some(end)
    };
    back(&mut i, false)?;
    let generation_end = back(&mut i, true)?;
    let generation = &bytes[i..generation_end];
    back(&mut i, false)?;
    let end = back(&mut i, true)?;
    if i > 0 && is_regular(bytes[i - 1]) {
        return None;
    }
    let number = std::str::from_utf8(&bytes[i..end]).ok()?.parse().ok()?;
    let generation = std::str::from_utf8(generation).ok()?.parse().unwrap_or(0);
    Some((number, generation))
}

/// Where a stream's data stands, its `stream` keyword's line ending at
/// `at`: its `/Length` when `endstream` follows there, else up to the next
/// `endstream`.
fn stream_data(bytes: &[u8], mut at: usize, dict: &Dict) -> Data {
    if bytes.get(at) == Some(&b'\r') {
        at += 1;
    }
    if bytes.get(at) == Some(&b'\n') {
        at += 1;
    }
    let length = dict.get("Length").and_then(Object::number).unwrap_or(-1.0);
    if length >= 0.0 {
        let end = at.saturating_add(length as usize);
        let mut after = Lexer::new(bytes, end.min(bytes.len()));
        if end <= bytes.len() && after.token() == Some(Token::Keyword(b"endstream")) {
            return Data { start: at, end };
        }
    }
    let mut end = find(bytes, b"endstream", at).unwrap_or(bytes.len());
    let stop = end;
    while end > at && matches!(bytes[end - 1], b'\r' | b'\n') {
        end -= 1;
        if stop - end == 2 {
            break;
        }
    }
    Data { start: at, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<Object> {
        Lexer::new(s.as_bytes(), 0).value()
    }

    #[test]
    fn values_are_read_as_pdf_writes_them() {
        assert_eq!(value("12"), Some(Object::Number(12.0)));
        assert_eq!(value("-.5"), Some(Object::Number(-0.5)));
        assert_eq!(value("5 0 R"), Some(Object::Ref(5)));
        assert_eq!(value("/A#20B"), Some(Object::Name(Name::from(&b"A B"[..]))));
        // Names held in place and on the heap read and compare alike.
        for n in [0, 1, SHORT_NAME - 1, SHORT_NAME, SHORT_NAME + 1, 300] {
            let long = "g".repeat(n) + "#41";
            let Some(Object::Name(name)) = value(&format!("/{long} ")) else {
                panic!("/{long}")
            };
            let want = "g".repeat(n) + "A";
            assert_eq!(&name[..], want.as_bytes());
            assert_eq!(name, Name::from(want.as_bytes()));
            assert!(name != want.as_bytes()[1..]);
            assert_eq!(format!("{name:?}"), format!("/{want}"));
        }
        assert_eq!(
            value("(a\\(b\\)\\101\\\nc)"),
            Some(Object::String(b"a(b)Ac".to_vec()))
        );
        assert_eq!(value("(x(y)z)"), Some(Object::String(b"x(y)z".to_vec())));
        assert_eq!(
            value("<4e6 F7>"),
            Some(Object::String(vec![0x4e, 0x6f, 0x70]))
        );
        let Some(Object::Dict(d)) = value("<< /W [1 [2 3] 4 5 R] /N null %c\n/K true >>") else {
            panic!()
        };
        assert_eq!(
            d.get("W").unwrap().array(),
            [
                Object::Number(1.0),
                Object::Array(vec![Object::Number(2.0), Object::Number(3.0)]),
                Object::Ref(4)
            ]
        );
        assert_eq!(d.get("N"), Some(&Object::Null));
        assert_eq!(d.get("K"), Some(&Object::Bool(true)));
        assert_eq!(number(b"1.2.3"), None);
        assert_eq!(number(b"."), None);
        // An array's numbers, references and names (read without tokens),
        // words that are no number skipped among them.
        let n = Object::Number;
        assert_eq!(
            value("[+4 .5 -0 7 0 R 1.2.3 -x 12345678901234567890 0 R /g3351 3.0 0 R 4 -1 R]")
                .unwrap()
                .array(),
            [
                n(4.0),
                n(0.5),
                n(0.0),
                Object::Ref(7),
                Object::Ref(u32::MAX),
                Object::Name(Name::from(&b"g3351"[..])),
                Object::Ref(3),
                n(4.0),
                n(-1.0),
            ]
        );
        // In a content stream `R` is no reference.
        let mut content = Lexer::content(b"7 0 R /F1 12 Tf");
        let values: Vec<Object> = std::iter::from_fn(|| {
            content.skip_space();
            content.plain_value()
        })
        .collect();
        assert_eq!(values, [n(7.0), n(0.0)]);
        assert_eq!(content.token(), Some(Token::Keyword(b"R")));
        assert_eq!(content.plain_value(), None);
        content.skip_space();
        assert_eq!(
            content.plain_value(),
            Some(Object::Name(Name::from(&b"F1"[..])))
        );
    }

    #[test]
    fn objects_are_found_packed_and_in_the_file() {
        let packed = b"10 0 11 6 (in) [1]";
        let z = miniz_oxide::deflate::compress_to_vec_zlib(packed, 6);
        let mut pdf = b"%PDF-1.5\n1 0 obj\n<</Type/Catalog>>\nendobj\n".to_vec();
        pdf.extend_from_slice(
            format!(
                "2 0 obj\n<</Type/ObjStm/N 2/First 10/Filter/FlateDecode/Length {}>>\nstream\n",
                z.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&z);
        pdf.extend_from_slice(
            b"\nendstream\nendobj\n11 0 obj (file) endobj\ntrailer <</Root 1 0 R>>\n",
        );
        let file = File::read(&pdf);
        assert_eq!(file.get(10), Some(&Object::String(b"in".to_vec())));
        // Defined in the file itself: that one.
        assert_eq!(file.get(11), Some(&Object::String(b"file".to_vec())));
        assert_eq!(file.trailers[0].get("Root"), Some(&Object::Ref(1)));
        assert_eq!(file.stream(2).unwrap(), packed);
    }

    #[test]
    fn dictionaries_passed_over_unmade_end_where_they_end() {
        // Strings with brackets, `>>`, `stream` and `N G obj` in them; a
        // dictionary in a dictionary; a stream after such a dictionary.
        let pdf = b"%PDF-1.4\n\
            1 0 obj <</A (x >> stream 3 0 obj \\) ]) /B <</C [<3E3E> (\\()]>> /D 2>> endobj\n\
            2 0 obj <</Length 4/E (>> 5 0 obj)>> stream\nabcd\nendstream endobj\n\
            4 0 obj <</F 1>> endobj\n";
        let file = File::read(pdf);
        let one = file.get(1).and_then(Object::dict).unwrap();
        assert_eq!(one.get("D"), Some(&Object::Number(2.0)));
        assert_eq!(file.get(3), None);
        assert_eq!(file.get(5), None);
        assert_eq!(file.stream(2).unwrap(), b"abcd");
        assert_eq!(file.numbers().collect::<Vec<_>>(), [1, 2, 4]);
    }

    #[test]
    fn filters_decode() {
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>").unwrap(), b"Hello World!");
        assert_eq!(ascii85(b"z~>").unwrap(), [0; 4]);
        assert_eq!(ascii85(b"\xff"), None);
    }
}
