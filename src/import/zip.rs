//! Reading the parts of a zip package (a Word .docx, an OFD file): each
//! found through the archive's central directory, stored or deflated, and
//! inflated to a limit (a zip bomb stops there).
//!
//! Not for: what the parts mean (that is [`super::docx`] and
//! [`super::ofd`]); writing zip files (that is [`crate::export::docx`]).

/// The largest part inflated (a report's main part is a few hundred KB):
/// more is not a report.
pub const MAX_PART: usize = 20 * 1024 * 1024;

/// Why a part could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// The archive is cut off or damaged, or the part is over [`MAX_PART`].
    Damaged,
    /// The archive holds no part of that name.
    Missing,
}

/// Whether `bytes` start like a zip package.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The names of the archive's parts, each with where its central
/// directory entry starts.
fn directory(zip: &[u8]) -> Option<Vec<(&[u8], usize)>> {
    // End of central directory: the last signature in the final 64 KB + 22.
    let from = zip.len().saturating_sub(65_536 + 22);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))?;
    let entries = u16_at(zip, eocd + 10)?;
    let mut at = u32_at(zip, eocd + 16)?;
    let mut out = Vec::with_capacity(entries);
    for _ in 0..entries {
        if !zip.get(at..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let name_len = u16_at(zip, at + 28)?;
        let extra_len = u16_at(zip, at + 30)?;
        let comment_len = u16_at(zip, at + 32)?;
        out.push((zip.get(at + 46..at + 46 + name_len)?, at));
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(out)
}

/// A part as the archive's directory lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its name's bytes: UTF-8 when `utf8`, else as the system that made
    /// the archive wrote them (GBK on a Chinese Windows).
    pub name: Vec<u8>,
    pub utf8: bool,
    pub encrypted: bool,
    /// Where its directory entry starts (for [`read_at`]).
    pub at: usize,
}

/// The archive's parts, in its order (none when damaged).
pub fn parts(zip: &[u8]) -> Option<Vec<Part>> {
    let flags = |at: usize| u16_at(zip, at + 8).unwrap_or(0);
    Some(
        directory(zip)?
            .into_iter()
            .map(|(name, at)| Part {
                name: name.to_vec(),
                utf8: flags(at) & 0x800 != 0,
                encrypted: flags(at) & 1 != 0,
                at,
            })
            .collect(),
    )
}

/// The bytes of the part whose directory entry starts at `at` (a
/// [`Part`]'s).
pub fn read_at(zip: &[u8], at: usize) -> Result<Vec<u8>, Error> {
    read(zip, at).ok_or(Error::Damaged)
}

/// The names of the archive's parts, in its order (none when damaged).
pub fn names(zip: &[u8]) -> Vec<String> {
    directory(zip)
        .unwrap_or_default()
        .iter()
        .map(|(n, _)| String::from_utf8_lossy(n).into_owned())
        .collect()
}

/// Whether the archive holds a part named `name`.
pub fn has(zip: &[u8], name: &str) -> bool {
    directory(zip).is_some_and(|d| d.iter().any(|(n, _)| *n == name.as_bytes()))
}

/// The bytes of the part `name`.
pub fn entry(zip: &[u8], name: &str) -> Result<Vec<u8>, Error> {
    let directory = directory(zip).ok_or(Error::Damaged)?;
    let &(_, at) = directory
        .iter()
        .find(|(n, _)| *n == name.as_bytes())
        .ok_or(Error::Missing)?;
    read_at(zip, at)
}

/// The bytes of the part whose central directory entry starts at `at`.
fn read(zip: &[u8], at: usize) -> Option<Vec<u8>> {
    let method = u16_at(zip, at + 10)?;
    let size = u32_at(zip, at + 20)?;
    let local = u32_at(zip, at + 42)?;
    if !zip.get(local..)?.starts_with(b"PK\x03\x04") {
        return None;
    }
    let start = local + 30 + u16_at(zip, local + 26)? + u16_at(zip, local + 28)?;
    let data = zip.get(start..start.checked_add(size)?)?;
    match method {
        0 if data.len() <= MAX_PART => Some(data.to_vec()),
        8 => inflate(data, false),
        _ => None,
    }
}

/// Deflated `data` inflated, to [`MAX_PART`] (more: none), with its zlib
/// header (its checksum not checked) or without; none when damaged. The
/// inflater's state (about 11 KB) is made once and kept: a PDF has a
/// stream for each of its fonts' maps, hundreds in a browser's print.
pub fn inflate(data: &[u8], zlib: bool) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    thread_local! {
        static STATE: std::cell::RefCell<Box<DecompressorOxide>> = Default::default();
    }
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF
        | if zlib {
            inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_IGNORE_ADLER32
        } else {
            0
        };
    STATE.with(|state| {
        let mut state = state.try_borrow_mut().ok()?;
        state.init();
        let mut out = vec![0; data.len().saturating_mul(4).clamp(64, MAX_PART)];
        let (mut input, mut at) = (data, 0);
        loop {
            let (status, read, written) = decompress(&mut state, input, &mut out, at, flags);
            at += written;
            match status {
                TINFLStatus::Done => {
                    out.truncate(at);
                    return Some(out);
                }
                TINFLStatus::HasMoreOutput if out.len() < MAX_PART => {
                    input = input.get(read..)?;
                    out.resize(out.len().saturating_mul(2).min(MAX_PART), 0);
                }
                _ => return None,
            }
        }
    })
}

/// The name of a part inside the package from a reference to it (an OFD
/// file's `BaseLoc`, a relationship's `Target`): `loc` from the folder
/// `folder` (from the root when it starts with '/'; '\\' read as '/'),
/// with "." and ".." resolved.
pub fn resolve(folder: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let base = if loc.starts_with('/') { "" } else { folder };
    for segment in base.split('/').chain(loc.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_package_are_resolved() {
        assert_eq!(resolve("", "Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(resolve("", "/Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(
            resolve("Doc_0", "/Doc_0/Pages/P1.xml"),
            "Doc_0/Pages/P1.xml"
        );
        assert_eq!(
            resolve("Doc_0", "./Pages\\..\\Res/a.xml"),
            "Doc_0/Res/a.xml"
        );
        assert_eq!(resolve("", "../../x"), "x");
        // (A .docx's relationship from word/document.xml.)
        assert_eq!(resolve("word", "../media/a.png"), "media/a.png");
    }

    #[test]
    fn deflated_data_inflates_whole_to_the_limit_and_damaged_data_does_not() {
        use miniz_oxide::deflate::{compress_to_vec, compress_to_vec_zlib};
        // Text that inflates to many times its size (the output grown
        // several times), with its zlib header and without.
        let text: Vec<u8> = (0..200_000u32)
            .map(|i| b"0123 Tj\n"[i as usize % 8])
            .collect();
        assert_eq!(
            inflate(&compress_to_vec_zlib(&text, 6), true),
            Some(text.clone())
        );
        assert_eq!(
            inflate(&compress_to_vec(&text, 6), false),
            Some(text.clone())
        );
        // The state kept from a damaged stream does not spoil the next.
        let mut cut = compress_to_vec(&text, 6);
        cut.truncate(cut.len() / 2);
        assert_eq!(inflate(&cut, false), None);
        assert_eq!(
            inflate(&compress_to_vec(b"BT ET", 6), false),
            Some(b"BT ET".to_vec())
        );
        // A header where none is, and none where one is: not read.
        assert_eq!(inflate(&compress_to_vec(&text, 6), true), None);
        assert_ne!(inflate(&compress_to_vec_zlib(&text, 6), false), Some(text));
        // More than a part may be: none (a bomb stops at the limit).
        let bomb = compress_to_vec(&vec![0; MAX_PART + 1], 6);
        assert_eq!(inflate(&bomb, false), None);
        let most = compress_to_vec(&vec![0; MAX_PART], 6);
        assert_eq!(inflate(&most, false).map(|v| v.len()), Some(MAX_PART));
    }
}
