//! One import job, as the importer worker runs it (`browser::worker`): the
//! input as it arrives (bytes of a file, or pasted text) and the answer the
//! page needs (the report as our JSON, and the review's markup). Plain Rust,
//! so the whole path is tested natively; the worker only moves messages.
//!
//! A .docx file is recognised by its content (a zip package) and read
//! through [`super::docx`]; an old binary Word or WPS file (an OLE
//! compound file) through [`super::docx::binary`]; an RTF file through
//! [`super::docx::rtf`]; an OFD file likewise (a zip package with
//! `OFD.xml`), its pages' text set out by [`super::ofd`]; a PDF file by its
//! header, its pages' text set out by [`super::pdf`]; a web page saved
//! as one file (.mhtml) by its MIME header, its page taken out by
//! [`super::mhtml`].
//!
//! Decoding legacy charsets is the browser's TextDecoder in the worker, and
//! encoding_rs natively ([`Native`]); see [`Decode`].

use super::{published, review};

/// What the page shows before the user chooses: the recognised report as
/// nianbao JSON (read back with `Report::from_json_str`) and its review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub report_json: String,
    pub review_html: String,
}

/// What a page says when the report the worker sent (our JSON) cannot be
/// read back: never expected, the two sides being one build.
pub const ANSWER_UNREADABLE: &str = "导入组件返回的报告无法读取";

/// Decodes bytes in a charset other than UTF-8 (the browser's TextDecoder
/// in the worker; a test double natively).
pub trait Decode {
    fn decode(&self, bytes: &[u8], charset: &str) -> Result<String, String>;
}

/// Reads pasted text.
pub fn text(text: &str) -> Result<Answer, String> {
    published::read(text).map(answer)
}

/// What the page is sent of a recognised report.
fn answer(r: published::Recognised) -> Answer {
    Answer {
        report_json: r.report.to_json_string(),
        review_html: review::html(&r),
    }
}

/// Reads a file's bytes: a Word file (.docx, old binary .doc, RTF), a PDF or an OFD file by its content, anything else as text
/// in the charset detected, then decoded and read.
pub fn bytes(bytes: &[u8], decoder: &impl Decode) -> Result<Answer, String> {
    recognise(bytes, decoder).map(answer)
}

/// Recognises the report in a file's bytes (see [`bytes`]).
pub fn recognise(bytes: &[u8], decoder: &impl Decode) -> Result<published::Recognised, String> {
    // Kinds told by their first bytes, whatever the file's name: an old
    // binary Word or WPS file (an OLE compound file), RTF, PDF, and a .doc
    // or .xml that is a web page, a .docx, Word 2003 XML or Word XML.
    if bytes.starts_with(super::docx::binary::SIGNATURE) {
        if bytes.len() > super::MAX_PACKAGE_BYTES {
            return Err(super::package_too_large(bytes.len()));
        }
        return published::read(&super::docx::binary::to_html(bytes)?);
    }
    if bytes.starts_with(super::docx::rtf::SIGNATURE) {
        if bytes.len() > super::MAX_PACKAGE_BYTES {
            return Err(super::package_too_large(bytes.len()));
        }
        let decode = |b: &[u8], page: &str| decoder.decode(b, page).ok();
        return published::read(&super::docx::rtf::to_html(bytes, &decode)?);
    }
    if super::pdf::is_pdf(bytes) {
        if bytes.len() > super::MAX_PACKAGE_BYTES {
            return Err(super::package_too_large(bytes.len()));
        }
        let decode = |b: &[u8], charset: &str| decoder.decode(b, charset).ok();
        let read = super::pdf::read(bytes, &decode)?;
        let mut r = read_placed(&read.text, "PDF", !read.near_edge)
            .map_err(|e| super::pdf::unmapped(&read.text).unwrap_or(e))?;
        r.notes.extend(read.note());
        return Ok(r);
    }
    // Word files and pages saved as one file carry images, which are not
    // read: up to MAX_PACKAGE_BYTES (a .docx's parts are held to their own
    // limit when inflated, a saved page's to MAX_FILE_BYTES).
    if super::zip::is_zip(bytes) {
        if bytes.len() > super::MAX_PACKAGE_BYTES {
            return Err(super::package_too_large(bytes.len()));
        }
        if super::ofd::is_ofd(bytes) {
            let read = super::ofd::read(bytes)?;
            return read_placed(&read.text, "OFD", !read.near_edge);
        }
        return word(super::docx::pieces(bytes)?, decoder);
    }
    if super::mhtml::is_mhtml(bytes) {
        if bytes.len() > super::MAX_PACKAGE_BYTES {
            return Err(super::package_too_large(bytes.len()));
        }
        // The page, else the first of its frames that holds a report.
        let mut first_error = None;
        for page in super::mhtml::pages(bytes)? {
            if page.html.len() > super::MAX_FILE_BYTES {
                return Err(super::too_large(page.html.len()));
            }
            match published::read(&decode_as(&page.html, charset(&page), decoder)?) {
                Ok(r) => return Ok(r),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        return Err(first_error.unwrap_or_default());
    }
    if bytes.len() > super::MAX_FILE_BYTES {
        return Err(super::too_large(bytes.len()));
    }
    let text = decode(bytes, decoder)?;
    if super::docx::is_flat_opc(&text) {
        return word(super::docx::flat_pieces(&text)?, decoder);
    }
    if super::docx::is_word_2003(&text) {
        return published::read(&super::docx::xml_to_html(&text));
    }
    if text.trim_start().starts_with("<?xml") && !published::looks_like_html(&text) {
        return Err(super::NOT_WORD_XML.to_string());
    }
    published::read(&text)
}

/// Reads the text a fixed-layout file's glyphs were set out as (see
/// [`super::layout`]), its notes on cells left unread saying so: no text
/// was copied, the file's glyphs placed no number certainly. `uncut`: no
/// digit stood near a page's right edge (see [`published::read_set_out`]).
fn read_placed(text: &str, kind: &str, uncut: bool) -> Result<published::Recognised, String> {
    let mut r = published::read_set_out(text, uncut)?;
    let placed =
        format!("也可能是 {kind} 文件中数字的位置不能确定其所在的格（如数字在单元格中折成几段）");
    for note in r.notes.iter_mut() {
        if *note == published::FROM_WORDS {
            *note = super::from_places(kind);
        } else if note.contains(published::COPIED_OUT_OF_ORDER) {
            *note = note.replace(published::COPIED_OUT_OF_ORDER, &placed);
        }
    }
    Ok(r)
}

/// Reads a Word file's pieces: its text, and the pages it holds whole in
/// their places.
fn word(
    pieces: Vec<super::docx::Piece>,
    decoder: &impl Decode,
) -> Result<published::Recognised, String> {
    let mut html = String::new();
    for piece in pieces {
        match piece {
            super::docx::Piece::Html(h) => html.push_str(&h),
            super::docx::Piece::Whole(page) => {
                if let Some(page) = whole_page(&page, decoder) {
                    html.push_str(&page);
                }
            }
        }
    }
    published::read(&html)
}

/// A web page a Word file holds whole (see [`super::docx::Piece`]), as
/// text: a page saved as one file (its page), or a page; nothing when it is
/// neither (a Word file or plain text held whole is not read).
fn whole_page(bytes: &[u8], decoder: &impl Decode) -> Option<String> {
    if super::mhtml::is_mhtml(bytes) {
        let page = super::mhtml::pages(bytes).ok()?.into_iter().next()?;
        return decode_as(&page.html, charset(&page), decoder).ok();
    }
    let text = decode(bytes, decoder).ok()?;
    published::looks_like_html(&text).then_some(text)
}

/// The charset of a page saved as one file: the one its part names, else
/// the one detected from its bytes.
fn charset(page: &super::mhtml::Page) -> &str {
    match page.charset.as_deref() {
        Some(named) => published::known_charset(named).unwrap_or(named),
        None => published::detect_charset(&page.html),
    }
}

/// The text of a file's bytes, in the charset detected from all of them.
pub fn decode(bytes: &[u8], decoder: &impl Decode) -> Result<String, String> {
    if bytes.len() > super::MAX_FILE_BYTES {
        return Err(super::too_large(bytes.len()));
    }
    decode_as(bytes, published::detect_charset(bytes), decoder)
}

/// `bytes` as text in `charset`: UTF-8 without its byte-order mark (bad
/// bytes replaced), any other through `decoder`.
pub fn decode_as(bytes: &[u8], charset: &str, decoder: &impl Decode) -> Result<String, String> {
    if charset == "utf-8" {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    decoder
        .decode(bytes, charset)
        .map_err(|e| format!("无法按 {charset} 解码该文件：{e}"))
}

/// Decoding natively (the command and the examples), with encoding_rs.
#[cfg(not(target_arch = "wasm32"))]
pub struct Native;

#[cfg(not(target_arch = "wasm32"))]
impl Decode for Native {
    fn decode(&self, bytes: &[u8], charset: &str) -> Result<String, String> {
        let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())
            .ok_or_else(|| format!("不支持的字符集 {charset}"))?;
        let (text, _, _) = encoding.decode(bytes);
        Ok(text.into_owned())
    }
}
