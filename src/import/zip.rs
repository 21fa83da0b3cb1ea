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
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART).ok(),
        _ => None,
    }
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
}
