//! Reading an old binary Word file: a .doc as Word 97-2003 saves it, and a
//! .wps as WPS saves it in the same format. The file is an OLE compound
//! file; its `WordDocument` stream holds the text in pieces (the piece
//! table, in the `0Table` or `1Table` stream), and its paragraphs'
//! properties say which paragraphs are table cells and which end a row
//! (with the row's cell edges and vertical merges). Written as the same
//! HTML as a .docx (its `Table`: a merged cell one cell with its
//! colspan and rowspan), for the same recognition.
//!
//! Read: the main text (not headers, footers, notes or comments) as Word
//! shows it (not text deleted with tracked changes, nor hidden text), a
//! field's result (not its code), tables one level deep (a table inside a
//! cell joins that cell's text), and automatic list numbers (the "一、" of
//! a heading drawn from Word's lists, through [`super::numbering`]). Not
//! read: pictures, Word 95 and older, files with an opening password (each
//! of these last two with its message). A text box's text is read after
//! the paragraph it is drawn in (not in a table).
//!
//! Not for: the .docx and XML forms (that is [`super`]); recognising the
//! report (that is [`crate::import::published`]).

use super::marks::{cp1252, run_at, write, Props, RowDef, Run};
use super::numbering::{BinaryList, BinaryOverride, Numbering};
use super::Merge;

/// The first bytes of an OLE compound file.
pub const SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The messages for a compound file that cannot be read: damaged, not a
/// Word document, with an opening password, or Word 95 and older.
pub const DAMAGED: &str = "这个 Word（.doc/.wps）文件已损坏或不完整，无法读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入";
pub const NOT_WORD: &str =
    "这个文件不是 Word 97-2003 格式的文档（可能是 Excel 等其他 Office 文件，或早期 WPS 格式），无法读取：如果是年报，请在 Word 或 WPS 中打开，另存为 .docx 后再导入";
pub const ENCRYPTED: &str = "这个 Word 文件设置了打开密码，无法读取：请在 Word 或 WPS 中打开，取消密码后另存为 .docx 再导入";
pub const TOO_OLD: &str = "这个 Word 文件是 Word 95 或更早版本的格式，无法读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入";

/// The most characters of text read (a report has tens of thousands).
const MAX_CHARS: usize = 4 * 1024 * 1024;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The end of a chain of sectors.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// An OLE compound file's streams, by name.
struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_stream: Vec<u8>,
    cutoff: u64,
    /// Streams: name, first sector, size.
    streams: Vec<(String, u32, u64)>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        if !bytes.starts_with(SIGNATURE) || bytes.len() < 512 {
            return None;
        }
        let shift = u16_at(bytes, 0x1E)?;
        if !(shift == 9 || shift == 12) || u16_at(bytes, 0x20)? != 6 {
            return None;
        }
        let sector = 1usize << shift;
        let sectors = (bytes.len() - 512).div_ceil(sector);
        let fat_sectors = u32_at(bytes, 0x2C)? as usize;
        // The FAT's sectors: 109 named in the header, the rest in a chain
        // of DIFAT sectors.
        let mut difat: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
            .collect();
        let mut next = u32_at(bytes, 0x44)?;
        let mut hops = 0;
        while (next as usize) < sectors && difat.len() < fat_sectors && hops <= sectors {
            let at = (next as usize + 1) * sector;
            let per = sector / 4 - 1;
            difat.extend((0..per).filter_map(|i| u32_at(bytes, at + 4 * i)));
            next = u32_at(bytes, at + 4 * per)?;
            hops += 1;
        }
        let mut fat = Vec::new();
        for &s in difat.iter().take(fat_sectors) {
            let at = (s as usize).checked_add(1)?.checked_mul(sector)?;
            fat.extend((0..sector / 4).map(|i| u32_at(bytes, at + 4 * i).unwrap_or(END_OF_CHAIN)));
        }
        let mut file = Compound {
            bytes,
            sector,
            fat,
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            cutoff: u64::from(u32_at(bytes, 0x38)?),
            streams: Vec::new(),
        };
        let directory = file.chain(u32_at(bytes, 0x30)?)?;
        let mut root = None;
        for entry in directory.chunks_exact(128) {
            let len = (u16_at(entry, 64)? as usize).min(64);
            let name: Vec<u16> = (0..len.saturating_sub(2) / 2)
                .filter_map(|i| u16_at(entry, 2 * i))
                .collect();
            let start = u32_at(entry, 116)?;
            let size = if shift == 9 {
                u64::from(u32_at(entry, 120)?)
            } else {
                u64::from(u32_at(entry, 120)?) | u64::from(u32_at(entry, 124)?) << 32
            };
            match entry[66] {
                2 => file
                    .streams
                    .push((String::from_utf16_lossy(&name), start, size)),
                5 if root.is_none() => root = Some((start, size)),
                _ => {}
            }
        }
        let (start, size) = root?;
        let mut mini = file.chain(start)?;
        mini.truncate(usize::try_from(size).ok()?);
        file.mini_stream = mini;
        let minifat = file.chain(u32_at(bytes, 0x3C)?).unwrap_or_default();
        file.minifat = (0..minifat.len() / 4)
            .filter_map(|i| u32_at(&minifat, 4 * i))
            .collect();
        Some(file)
    }

    /// The bytes of the chain of sectors from `start` (in the FAT).
    fn chain(&self, start: u32) -> Option<Vec<u8>> {
        follow(&self.fat, start, |s| {
            let at = (s as usize).checked_add(1)?.checked_mul(self.sector)?;
            self.bytes.get(at..at.checked_add(self.sector)?)
        })
    }

    /// The stream `name`, whole.
    fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let &(_, start, size) = self.streams.iter().find(|(n, _, _)| n == name)?;
        let mut data = if size < self.cutoff {
            follow(&self.minifat, start, |s| {
                let at = (s as usize).checked_mul(64)?;
                self.mini_stream.get(at..at.checked_add(64)?)
            })?
        } else {
            self.chain(start)?
        };
        let size = usize::try_from(size).ok()?;
        (data.len() >= size).then(|| {
            data.truncate(size);
            data
        })
    }
}

/// A chain of sectors through `table` from `start`, each sector's bytes
/// from `sector`: `None` when it runs out of the file or loops.
fn follow<'b>(
    table: &[u32],
    start: u32,
    sector: impl Fn(u32) -> Option<&'b [u8]>,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut s = start;
    let mut hops = 0;
    while s != END_OF_CHAIN {
        hops += 1;
        if hops > table.len() {
            return None;
        }
        out.extend_from_slice(sector(s)?);
        s = *table.get(s as usize)?;
    }
    Some(out)
}

/// A run of an FKP page (properties over a range of file offsets): its
/// first and end offsets, its page, and where in the page its properties
/// are (0: none).
struct FkpRun<'w> {
    first: u32,
    end: u32,
    fkp: &'w [u8],
    offset: usize,
}

/// Reads an old binary Word file as the HTML a .docx is read as.
pub fn to_html(bytes: &[u8]) -> Result<String, String> {
    let file = Compound::open(bytes).ok_or(DAMAGED)?;
    let word = file.stream("WordDocument").ok_or(NOT_WORD)?;
    let ident = u16_at(&word, 0).ok_or(DAMAGED)?;
    let nfib = u16_at(&word, 2).ok_or(DAMAGED)?;
    if ident != 0xA5EC {
        return Err(if ident == 0xA5DC { TOO_OLD } else { DAMAGED }.to_string());
    }
    if nfib < 0xC1 {
        return Err(TOO_OLD.to_string());
    }
    let flags = u16_at(&word, 0x0A).ok_or(DAMAGED)?;
    if flags & 0x0100 != 0 {
        return Err(ENCRYPTED.to_string());
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = file.stream(table_name).ok_or(DAMAGED)?;
    let fib = Fib::read(&word).ok_or(DAMAGED)?;
    let stories = fib.text(&word, &table).ok_or(DAMAGED)?;
    let mut text = stories[..fib.text_chars.min(stories.len())].to_vec();
    let boxes = fib.text_boxes(&word, &table, &stories);
    // (Paragraphs' properties too large for their page are in the Data
    // stream: a table row's end with many cells, as LibreOffice writes it.)
    let data = file.stream("Data").unwrap_or_default();
    let runs = fib.paragraph_runs(&word, &table, &data).ok_or(DAMAGED)?;
    place_boxes(&mut text, boxes, &runs);
    // (Styles that cannot be read: none, their text shown, unnumbered.)
    let styles = fib
        .pair(&word, &table, 1)
        .and_then(styles)
        .unwrap_or_default();
    let hidden = fib.hidden_runs(&word, &table, &styles).ok_or(DAMAGED)?;
    // Deleted (a tracked change) and hidden text is not shown; a
    // paragraph's or cell's end stays, as Word keeps it.
    text.retain(|&(c, fc)| {
        let i = hidden.partition_point(|r| r.1 <= fc);
        matches!(c, '\r' | '\u{7}') || hidden.get(i).is_none_or(|r| r.0 > fc)
    });
    Ok(write(
        &text,
        &runs,
        &mut fib.numbering(&word, &table, styles),
    ))
}

/// Where the FIB (the file's header) says things are.
struct Fib {
    /// Characters of the main text.
    text_chars: usize,
    /// Where the text boxes' text starts (after the main text, notes,
    /// headers and comments) and its characters.
    box_start: usize,
    box_chars: usize,
    /// Offset of the FibRgFcLcb array in the WordDocument stream.
    fc_lcb: usize,
    /// Its pairs.
    pairs: usize,
}

impl Fib {
    fn read(word: &[u8]) -> Option<Fib> {
        let csw = u16_at(word, 32)? as usize;
        let lw = 34 + 2 * csw;
        let cslw = u16_at(word, lw)? as usize;
        let ccp = |i: usize| u32_at(word, lw + 2 + 4 * i).map(|n| n as usize);
        let text_chars = ccp(3)?;
        // (ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn before them; none where
        // the FIB is too short to hold them.)
        let box_start = (3..=8).try_fold(0usize, |sum, i| sum.checked_add(ccp(i)?));
        let box_chars = box_start.and_then(|_| ccp(9)).unwrap_or(0);
        let at = lw + 2 + 4 * cslw;
        let pairs = u16_at(word, at)? as usize;
        Some(Fib {
            text_chars,
            box_start: box_start.unwrap_or(0),
            box_chars,
            fc_lcb: at + 2,
            pairs,
        })
    }

    /// The `i`th (offset, length) pair, into the table stream.
    fn pair<'t>(&self, word: &[u8], table: &'t [u8], i: usize) -> Option<&'t [u8]> {
        if i >= self.pairs {
            return None;
        }
        let fc = u32_at(word, self.fc_lcb + 8 * i)? as usize;
        let lcb = u32_at(word, self.fc_lcb + 8 * i + 4)? as usize;
        table.get(fc..fc.checked_add(lcb)?)
    }

    /// The text, each character with its offset in the WordDocument
    /// stream (where its paragraph's properties are found): the main text,
    /// and as far as the text boxes' text after it.
    fn text(&self, word: &[u8], table: &[u8]) -> Option<Vec<(char, u32)>> {
        // The piece table (Pcdt) after any property runs (Prc) in the Clx.
        let clx = self.pair(word, table, 33)?;
        let mut at = 0;
        while *clx.get(at)? == 1 {
            at += 3 + u16_at(clx, at + 1)? as usize;
        }
        if clx[at] != 2 {
            return None;
        }
        let len = u32_at(clx, at + 1)? as usize;
        let plc = clx.get(at + 5..at.checked_add(5 + len)?)?;
        let n = plc.len().checked_sub(4)? / 12;
        let mut text = Vec::new();
        let boxes_end = self.box_start.saturating_add(self.box_chars);
        let want = self.text_chars.max(boxes_end).min(MAX_CHARS);
        for i in 0..n {
            let (start, end) = (u32_at(plc, 4 * i)?, u32_at(plc, 4 * i + 4)?);
            let count = end.checked_sub(start)? as usize;
            let fc = u32_at(plc, 4 * (n + 1) + 8 * i + 2)?;
            let compressed = fc & 0x4000_0000 != 0;
            let fc = fc & 0x3FFF_FFFF;
            for k in 0..count {
                if text.len() >= want {
                    return Some(text);
                }
                let k32 = u32::try_from(k).ok()?;
                if compressed {
                    let at = fc / 2 + k32;
                    text.push((cp1252(*word.get(at as usize)?), at));
                } else {
                    let at = fc + 2 * k32;
                    let unit = u16_at(word, at as usize)?;
                    text.push((char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'), at));
                }
            }
        }
        Some(text)
    }

    /// Each text box's text (paragraphs, with their marks) and where it
    /// is drawn (the character position of its drawing's anchor in the
    /// main text), in the drawings' order; `stories` is [`Fib::text`].
    /// A text box is matched to its drawing by the drawing's id (lid), in
    /// the text boxes' table (PlcftxbxTxt) and the drawings' (PlcSpaMom).
    fn text_boxes(
        &self,
        word: &[u8],
        table: &[u8],
        stories: &[(char, u32)],
    ) -> Vec<(usize, Vec<(char, u32)>)> {
        let (Some(boxes), Some(shapes)) = (self.pair(word, table, 56), self.pair(word, table, 40))
        else {
            return Vec::new();
        };
        // A PLC: n + 1 character positions, then n entries of `size`
        // bytes; each entry's range, and the id at `at` in the entry.
        let plc = |plc: &[u8], size: usize, at: usize| -> Vec<(u32, u32, u32)> {
            let n = plc.len().saturating_sub(4) / (4 + size);
            (0..n)
                .filter_map(|i| {
                    let id = u32_at(plc, 4 * (n + 1) + size * i + at)?;
                    Some((u32_at(plc, 4 * i)?, u32_at(plc, 4 * i + 4)?, id))
                })
                .collect()
        };
        // The text boxes by their drawings' ids, each read once at most (a
        // few in a report: the first thousand of each, searched in turn;
        // no sort, which would grow the module).
        let mut by_id: Vec<(u32, u32, u32)> = plc(boxes, 22, 14).into_iter().take(1000).collect();
        let mut out = Vec::new();
        for (anchor, _, id) in plc(shapes, 26, 0).into_iter().take(1000) {
            let Some(b) = by_id.iter().position(|x| x.2 == id) else {
                continue;
            };
            let (first, end, _) = by_id.swap_remove(b);
            let start = self.box_start;
            let range = start.saturating_add(first as usize)..start.saturating_add(end as usize);
            let inside = range.end.min(start.saturating_add(self.box_chars));
            if let Some(chars) = stories.get(range.start..inside.max(range.start)) {
                out.push((anchor as usize, chars.to_vec()));
            }
        }
        out
    }

    /// The runs of characters not shown, by file offset (first, end), in
    /// order: deleted with tracked changes, or hidden.
    fn hidden_runs(&self, word: &[u8], table: &[u8], styles: &[Style]) -> Option<Vec<(u32, u32)>> {
        let hides = hiding(styles);
        let mut runs = Vec::new();
        for run in self.fkp_runs(word, table, 12, 1)? {
            let (fkp, at) = (run.fkp, run.offset);
            if at == 0 {
                continue;
            }
            let cb = *fkp.get(at)? as usize;
            let grpprl = fkp.get(at + 1..at + 1 + cb)?;
            // sprmCFRMarkDel; sprmCFVanish (on, off, or its character
            // style's value or the opposite) and sprmCIstd (the character
            // style, hidden when it hides).
            let (mut deleted, mut vanish, mut style) = (false, None, None);
            sprms(grpprl, |op, data| match op {
                0x0800 => deleted = data[0] == 1,
                0x083C => vanish = Some(data[0]),
                0x4A30 => style = u16_at(data, 0),
                _ => {}
            });
            let styled = style.is_some_and(|s| hides.get(s as usize) == Some(&true));
            let hidden = deleted
                || match vanish {
                    Some(1) => true,
                    Some(0x80) | None => styled,
                    Some(0x81) => !styled,
                    _ => false,
                };
            if hidden {
                runs.push((run.first, run.end));
            }
        }
        Some(runs)
    }

    /// The runs of a PlcBteChpx (`pair` 12, entries of 1 byte) or
    /// PlcBtePapx (13, entries of 13 bytes): each run's first and end file
    /// offsets, its FKP page and the offset of its properties in it (0:
    /// none), in the file's order, or the file is not read.
    fn fkp_runs<'w>(
        &self,
        word: &'w [u8],
        table: &[u8],
        pair: usize,
        entry: usize,
    ) -> Option<Vec<FkpRun<'w>>> {
        let plc = self.pair(word, table, pair)?;
        let n = plc.len().checked_sub(4)? / 8;
        let mut runs: Vec<FkpRun> = Vec::new();
        for i in 0..n {
            let page = (u32_at(plc, 4 * (n + 1) + 4 * i)? & 0x003F_FFFF) as usize;
            let fkp = word.get(page * 512..page * 512 + 512)?;
            let crun = fkp[511] as usize;
            for r in 0..crun {
                let (first, end) = (u32_at(fkp, 4 * r)?, u32_at(fkp, 4 * r + 4)?);
                if end < first || runs.last().is_some_and(|last| last.end > first) {
                    return None;
                }
                let offset = 2 * *fkp.get(4 * (crun + 1) + entry * r)? as usize;
                runs.push(FkpRun {
                    first,
                    end,
                    fkp,
                    offset,
                });
            }
        }
        Some(runs)
    }

    /// The file's lists and paragraph styles, for automatic numbers; no
    /// lists when they cannot be read (its paragraphs then unnumbered).
    fn numbering(&self, word: &[u8], table: &[u8], styles: Vec<Style>) -> Numbering {
        let styles = (styles.into_iter())
            .map(|s| (s.base, s.list, s.level))
            .collect();
        let (lists, overrides) = self.lists(word, table).unwrap_or_default();
        Numbering::binary(lists, overrides, styles)
    }

    /// The lists (PlfLst, each list's levels after it) and the list
    /// overrides (PlfLfo, with the levels each starts elsewhere); an
    /// override that formats a level otherwise is left out (its paragraphs
    /// unnumbered).
    fn lists(&self, word: &[u8], table: &[u8]) -> Option<(Vec<BinaryList>, Vec<BinaryOverride>)> {
        let plf = self.pair(word, table, 73)?;
        let count = u16_at(plf, 0)? as usize;
        let fc = u32_at(word, self.fc_lcb + 8 * 73)? as usize;
        let mut at = fc + plf.len();
        let mut lists = Vec::new();
        for i in 0..count {
            let lstf = plf.get(2 + 28 * i..2 + 28 * i + 28)?;
            let simple = lstf[26] & 1 != 0;
            let mut levels = Vec::new();
            for _ in 0..if simple { 1 } else { 9 } {
                let (level, size) = lvl(table.get(at..)?)?;
                levels.push(level);
                at += size;
            }
            lists.push((u32_at(lstf, 0)?, levels));
        }
        let Some(plf) = self.pair(word, table, 74) else {
            return Some((lists, Vec::new()));
        };
        let count = (u32_at(plf, 0)? as usize).min(plf.len() / 16);
        // After the overrides, each one's data: a cp, then its levels.
        let mut at = 4 + 16 * count;
        let mut overrides = Vec::new();
        for i in 0..count {
            let lfo = plf.get(4 + 16 * i..4 + 16 * i + 16)?;
            let mut starts = Vec::new();
            let mut formatted = false;
            at += 4;
            for _ in 0..lfo[12] {
                let start = u32_at(plf, at)?;
                let flags = u32_at(plf, at + 4)?;
                at += 8;
                if flags & 0x20 != 0 {
                    formatted = true;
                    at += lvl(plf.get(at..)?)?.1;
                } else if flags & 0x10 != 0 {
                    starts.push(((flags & 0xF) as usize, start));
                }
            }
            // (Not numbered: an lsid no list has.)
            overrides.push((if formatted { u32::MAX } else { u32_at(lfo, 0)? }, starts));
        }
        Some((lists, overrides))
    }

    /// Paragraph properties by file offset: (first, end, props, the row's
    /// cells when it ends a row), in order.
    fn paragraph_runs(&self, word: &[u8], table: &[u8], data: &[u8]) -> Option<Vec<Run>> {
        let mut runs = Vec::new();
        for FkpRun {
            first,
            end,
            fkp,
            offset,
        } in self.fkp_runs(word, table, 13, 13)?
        {
            let (props, row) = if offset == 0 {
                (Props::default(), None)
            } else {
                let cb = *fkp.get(offset)? as usize;
                let grpprl = if cb != 0 {
                    fkp.get(offset + 1..offset + 1 + (2 * cb).checked_sub(1)?)?
                } else {
                    let cb = *fkp.get(offset + 1)? as usize;
                    fkp.get(offset + 2..offset + 2 + 2 * cb)?
                };
                // After the paragraph's style (istd); or, when they are too
                // many for the page, where sprmPHugePapx says in the Data
                // stream (a PrcData: their size, then them).
                let mut grpprl_at = grpprl.get(2..)?;
                sprms(grpprl_at, |op, operand| {
                    if op == 0x6646 {
                        let huge = u32_at(operand, 0).and_then(|at| {
                            let at = at as usize;
                            let size = u16_at(data, at)? as usize;
                            data.get(at + 2..at + 2 + size)
                        });
                        if let Some(huge) = huge {
                            grpprl_at = huge;
                        }
                    }
                });
                let (mut props, row) = properties(grpprl_at);
                props.style = u16_at(grpprl, 0)?;
                (props, row)
            };
            runs.push(Run {
                first,
                end,
                props,
                row,
            });
        }
        Some(runs)
    }
}

/// Places each text box's text after the paragraph its drawing is anchored
/// in, as paragraphs of their own (as the .docx reader places them); not
/// when that paragraph is in a table (the box's paragraphs would break it).
fn place_boxes(text: &mut Vec<(char, u32)>, boxes: Vec<(usize, Vec<(char, u32)>)>, runs: &[Run]) {
    let marks: Vec<usize> = (0..text.len())
        .filter(|&i| matches!(text[i].0, '\r' | '\u{7}'))
        .collect();
    // (The drawings are in the order of their anchors; one out of order,
    // in a damaged file, is not placed.)
    let mut last = 0;
    let places: Vec<(usize, Vec<(char, u32)>)> = boxes
        .into_iter()
        .filter_map(|(anchor, chars)| {
            let end = *marks.get(marks.partition_point(|&m| m < anchor))?;
            let (c, fc) = text[end];
            let whole = chars.last().is_some_and(|c| c.0 == '\r');
            let ok = c == '\r'
                && !run_at(runs, fc).is_some_and(|r| r.props.in_table)
                && whole
                && end + 1 >= last;
            last = last.max(end + 1);
            ok.then_some((end + 1, chars))
        })
        .collect();
    if places.is_empty() {
        return;
    }
    let old = std::mem::take(text);
    let mut from = 0;
    for (at, chars) in places {
        text.extend_from_slice(&old[from..at]);
        text.extend(chars);
        from = at;
    }
    text.extend_from_slice(&old[from..]);
}

/// A style as the style sheet holds it: whether its character properties
/// hide text (`None`: they do not say), the style it is based on, and a
/// paragraph style's list override and level.
#[derive(Default)]
struct Style {
    vanish: Option<bool>,
    base: Option<u16>,
    list: Option<u16>,
    level: Option<u8>,
}

/// Each style of a style sheet (STSH).
fn styles(sheet: &[u8]) -> Option<Vec<Style>> {
    let header = u16_at(sheet, 0)? as usize;
    let count = u16_at(sheet, 2)? as usize;
    let base_size = u16_at(sheet, 4)? as usize;
    let mut at = 2 + header;
    let mut out = Vec::new();
    for _ in 0..count {
        let size = u16_at(sheet, at)? as usize;
        let std = sheet.get(at + 2..at + 2 + size)?;
        at += 2 + size;
        if size == 0 {
            out.push(Style::default());
            continue;
        }
        let kind = u16_at(std, 2)? & 0xF;
        let base = u16_at(std, 2)? >> 4;
        let upxs = (u16_at(std, 4)? & 0xF) as usize;
        // The name (a length, UTF-16 and a null), then the UPXs, each
        // at an even offset.
        let name = u16_at(std, base_size)? as usize;
        let mut u = base_size + 2 + 2 * name + 2;
        let mut style = Style {
            base: (base != 0x0FFF).then_some(base),
            ..Style::default()
        };
        for k in 0..upxs {
            u += u & 1;
            let len = u16_at(std, u)? as usize;
            let upx = std.get(u + 2..u + 2 + len)?;
            u += 2 + len;
            // A paragraph style's second UPX and a character style's
            // first hold character properties.
            if (kind == 1 && k == 1) || (kind == 2 && k == 0) {
                sprms(upx, |op, data| {
                    if op == 0x083C {
                        style.vanish = Some(data[0] & 1 == 1);
                    }
                });
            }
            // A paragraph style's first: its paragraph properties (after
            // its istd).
            if kind == 1 && k == 0 {
                sprms(upx.get(2..).unwrap_or_default(), |op, data| match op {
                    0x460B => style.list = u16_at(data, 0),
                    0x260A => style.level = Some(data[0]),
                    _ => {}
                });
            }
        }
        out.push(style);
    }
    Some(out)
}

/// Which styles (by index) hide their text (sprmCFVanish in their
/// character properties, or in those of the style they are based on).
fn hiding(styles: &[Style]) -> Vec<bool> {
    // A style's own value, else its base's (a few bases followed).
    (0..styles.len())
        .map(|mut i| {
            for _ in 0..16 {
                match styles[i] {
                    Style {
                        vanish: Some(v), ..
                    } => return v,
                    Style {
                        base: Some(base), ..
                    } if (base as usize) < styles.len() => i = base as usize,
                    _ => return false,
                }
            }
            false
        })
        .collect()
}

/// A list level (LVL) at the start of `b`: its first number, format
/// number and text (a level's number as "%1"), and its size.
fn lvl(b: &[u8]) -> Option<((u32, u8, String), usize)> {
    let start = u32_at(b, 0)?;
    let nfc = *b.get(4)?;
    let props = *b.get(24)? as usize + *b.get(25)? as usize;
    let at = 28 + props;
    let len = u16_at(b, at)? as usize;
    let mut text = String::new();
    for i in 0..len {
        match u16_at(b, at + 2 + 2 * i)? {
            k @ 0..=8 => text.push_str(&format!("%{}", k + 1)),
            u => text.push(char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}')),
        }
    }
    Some(((start, nfc, text), at + 2 + 2 * len))
}

/// Each sprm of a grpprl (its opcode and operand), until the end or one
/// that does not fit.
fn sprms(grpprl: &[u8], mut each: impl FnMut(u16, &[u8])) {
    let mut at = 0;
    while let Some(op) = u16_at(grpprl, at) {
        let operand = at + 2;
        let size = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match op {
                // sprmTDefTable: a two-byte size, one more than the rest.
                0xD608 => match u16_at(grpprl, operand) {
                    Some(cb) => 2 + (cb as usize).saturating_sub(1),
                    None => return,
                },
                // sprmPChgTabs: a size of 255 means two lists follow.
                0xC615 if grpprl.get(operand) == Some(&255) => {
                    let Some(&del) = grpprl.get(operand + 1) else {
                        return;
                    };
                    let add_at = operand + 2 + 4 * del as usize;
                    let Some(&add) = grpprl.get(add_at) else {
                        return;
                    };
                    add_at + 1 + 3 * add as usize - operand
                }
                _ => match grpprl.get(operand) {
                    Some(&cb) => 1 + cb as usize,
                    None => return,
                },
            },
        };
        let Some(data) = grpprl.get(operand..operand + size) else {
            return;
        };
        each(op, data);
        at = operand + size;
    }
}

/// The properties that matter here of a paragraph's sprms.
fn properties(grpprl: &[u8]) -> (Props, Option<RowDef>) {
    let mut props = Props {
        depth: 1,
        ..Props::default()
    };
    let mut row: Option<RowDef> = None;
    sprms(grpprl, |op, data| match op {
        0x2416 => props.in_table = data[0] != 0,
        0x2417 => props.row_end = data[0] != 0,
        0x6649 => {
            props.depth = u32_at(data, 0).unwrap_or(1);
            props.in_table |= props.depth > 0;
        }
        0xD608 => row = Some(row_def(&data[2..])),
        0x460B => props.list = u16_at(data, 0),
        0x260A => props.level = Some(data[0]),
        // sprmTVertMerge: a cell's vertical merge, after TDefTable's.
        0xD62B => {
            if let (Some(row), Some(&itc), Some(&merge)) = (row.as_mut(), data.get(1), data.get(2))
            {
                if let Some(m) = row.merges.get_mut(itc as usize) {
                    *m = vertical(merge);
                }
            }
        }
        _ => {}
    });
    (props, row)
}

/// A vertical merge as Word writes it (0 none, 1 merged with the cell
/// above, 3 the first of merged cells).
fn vertical(v: u8) -> Merge {
    match v & 3 {
        1 => Merge::Continue,
        3 => Merge::Restart,
        _ => Merge::None,
    }
}

/// A row's cells from its TDefTable: the count, the edges, then a TC80
/// (20 bytes, its flags first) for each cell that has one.
fn row_def(data: &[u8]) -> RowDef {
    let cells = data.first().copied().unwrap_or(0) as usize;
    let edges: Vec<i32> = (0..=cells)
        .map_while(|i| u16_at(data, 1 + 2 * i).map(|v| i32::from(v as i16)))
        .collect();
    let tcs = 1 + 2 * (cells + 1);
    let flags: Vec<u16> = (0..cells)
        .map(|i| u16_at(data, tcs + 20 * i).unwrap_or(0))
        .collect();
    RowDef {
        edges,
        merges: flags.iter().map(|f| vertical((f >> 5) as u8)).collect(),
        joins: flags.iter().map(|f| f & 2 != 0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text boxes go after the paragraph their drawing is anchored in, in
    /// their drawings' order; not into a table's paragraph, nor out of
    /// order.
    #[test]
    fn text_boxes_follow_their_paragraph() {
        let chars = |s: &str, from: u32| -> Vec<(char, u32)> { s.chars().zip(from..).collect() };
        let mut text = chars("ab\rcd\r\u{7}e\r", 0);
        let cell = Props {
            in_table: true,
            depth: 1,
            ..Props::default()
        };
        let runs = vec![Run {
            first: 3,
            end: 7,
            props: cell,
            row: None,
        }];
        let boxes = vec![
            (0, chars("X\r", 100)),
            (1, chars("Y\r", 200)),
            (4, chars("Z\r", 300)),
            (8, chars("W\r", 400)),
            // (Out of order, in a damaged file: not placed.)
            (0, chars("V\r", 500)),
        ];
        place_boxes(&mut text, boxes, &runs);
        let shown: String = text.iter().map(|c| c.0).collect();
        assert_eq!(shown, "ab\rX\rY\rcd\r\u{7}e\rW\r");
    }

    /// The sprms' sizes: by their kind, a byte that gives it, TDefTable's
    /// two bytes, PChgTabs' two lists; the sprms after each are read.
    #[test]
    fn each_sprm_is_read_at_its_size() {
        let grpprl = [
            0x16, 0x24, 1, // sprmPFInTable
            0x15, 0xC6, 255, 1, 0, 0, 0, 0, 1, 0, 0, 0, // sprmPChgTabs: 1 deleted, 1 added
            0x08, 0xD6, 6, 0, 1, 0, 0, 100, 0, // sprmTDefTable: one cell, 0 to 100
            0x49, 0x66, 2, 0, 0, 0, // sprmPItap: 2
            0x17, 0x24, 1, // sprmPFTtp
        ];
        let (props, row) = properties(&grpprl);
        assert!(props.in_table && props.row_end);
        assert_eq!(props.depth, 2);
        assert_eq!(row.unwrap().edges, vec![0, 100]);
    }
}
