//! Reports sent in one archive (.zip): the units' files as an office
//! receives them in bulk, listed and read one by one, each as if it had
//! been picked on its own ("去年.zip/财政局/年报.docx").
//!
//! Not for: the zip format itself (that is [`crate::import::zip`]); a
//! .docx or OFD file, which are zip packages too, but one report each (told
//! by their names: only a .zip is an archive).

use super::{read_item, Item};
use crate::import::{self, job, zip};

/// Largest archive accepted (100 MB): its files are read one at a time,
/// each held to its own limit.
pub const MAX_BYTES: usize = 100 * 1024 * 1024;

/// Most files listed from one archive (then one more entry, the archive
/// itself, says the rest were not read).
pub const MAX_FILES: usize = 5000;

/// Whether a file (by name) is an archive of reports.
pub fn is_archive(name: &str) -> bool {
    import::extension(name) == "zip"
}

/// Whether a file found in a folder or an archive is taken (by its name):
/// a kind a report comes in, or an archive.
pub fn taken(name: &str) -> bool {
    import::report_like(name) || is_archive(name)
}

/// The message for an archive over [`MAX_BYTES`].
pub fn too_large(bytes: usize) -> String {
    format!(
        "压缩包太大（{} MB）：只接受 100 MB 以内的，请解压后分批添加",
        bytes / (1024 * 1024)
    )
}

/// A file of an archive to read: its name (the archive's name, then its
/// path inside), where it stands, and why it cannot be read, if that is
/// known from the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub at: usize,
    pub problem: Option<String>,
}

/// An archive's files that may hold a report, and how many others it has
/// (pictures, spreadsheets, the hidden files of the system that made it).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub skipped: usize,
}

/// Lists the archive `name`'s files (the error: why none can be read). A
/// name not marked UTF-8 is read as UTF-8 when it is, else as GBK (Windows'
/// own "压缩文件夹" on a Chinese system writes it so).
pub fn list(name: &str, bytes: &[u8], decoder: &impl job::Decode) -> Result<Listing, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    let parts = zip::parts(bytes)
        .filter(|_| zip::is_zip(bytes))
        .ok_or_else(|| {
            "压缩包已损坏或不是 .zip 格式，无法打开：请解压后添加其中的文件".to_string()
        })?;
    let mut listing = Listing::default();
    for part in parts {
        let path = match std::str::from_utf8(&part.name) {
            Ok(p) => p.to_string(),
            Err(_) if part.utf8 => String::from_utf8_lossy(&part.name).into_owned(),
            Err(_) => decoder
                .decode(&part.name, "gb18030")
                .unwrap_or_else(|_| String::from_utf8_lossy(&part.name).into_owned()),
        };
        let path = path.replace('\\', "/");
        if path.ends_with('/') {
            // (A folder's own entry.)
            continue;
        }
        let base = path.rsplit('/').next().unwrap_or_default();
        let hidden =
            path.starts_with("__MACOSX/") || base.starts_with('.') || base.starts_with("~$");
        if hidden || !taken(base) {
            listing.skipped += 1;
            continue;
        }
        if listing.entries.len() == MAX_FILES {
            listing.entries.push(Entry {
                file: name.to_string(),
                at: 0,
                problem: Some(format!(
                    "压缩包中的年报文件超过 {MAX_FILES} 个，其余未读取：请解压后分批添加"
                )),
            });
            break;
        }
        let problem = if is_archive(base) {
            Some("压缩包中的压缩包不读取：请先解压，再添加其中的文件".to_string())
        } else if part.encrypted {
            Some("压缩包中的这个文件已加密，无法读取：请解压（输入密码）后再添加".to_string())
        } else {
            None
        };
        listing.entries.push(Entry {
            file: format!("{name}/{path}"),
            at: part.at,
            problem,
        });
    }
    Ok(listing)
}

/// The bytes of one listed file of the archive `bytes` (the error: why it
/// cannot be read: damaged, encrypted, or over the limit of its kind).
pub fn entry_data(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, String> {
    if let Some(why) = &entry.problem {
        return Err(why.clone());
    }
    let data = zip::read_at(bytes, entry.at).map_err(|_| {
        "压缩包中的这个文件已损坏或压缩方式不支持，无法解压：请解压后再添加".to_string()
    })?;
    match import::over_limit(&entry.file, data.len()) {
        Some(why) => Err(why),
        None => Ok(data),
    }
}

/// Reads one listed file of the archive `bytes`, as [`read_item`] reads a
/// file picked on its own.
pub fn read_entry(bytes: &[u8], entry: &Entry, decoder: &impl job::Decode) -> Item {
    match entry_data(bytes, entry) {
        Ok(data) => read_item(&entry.file, &data, decoder),
        Err(why) => Item::unreadable(entry.file.clone(), why),
    }
}

/// Reads every listed file of an archive at once, in its order (the 审核台
/// and nianbao-check read them one by one, with [`read_entry`]).
pub fn read_all(
    name: &str,
    bytes: &[u8],
    decoder: &impl job::Decode,
) -> Result<(Vec<Item>, usize), String> {
    let listing = list(name, bytes, decoder)?;
    let items = listing
        .entries
        .iter()
        .map(|e| read_entry(bytes, e, decoder))
        .collect();
    Ok((items, listing.skipped))
}
