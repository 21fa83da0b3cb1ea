//! Glyphs placed on a page set out again as lines of text, as `pdftotext
//! -layout` writes a PDF's text: glyphs on one baseline make a line, what
//! stands apart on it is kept apart by a run of spaces at its column, and
//! bold drawn twice, glyphs drawn over one another and runs moved among
//! other text are read once or marked damaged. The fixed-layout readers
//! ([`super::ofd`], [`super::pdf`]) give it their pages' glyphs; the
//! published-report reader takes the text, with its checks (a row's values
//! are read only when their count and sums fit).
//!
//! Not for: reading a file (the readers do), recognising the report
//! ([`super::published`]).

/// The pages read (a report has a few dozen).
pub(super) const MAX_PAGES: usize = 1000;

/// The glyphs held of a document: no page is read after this many (a report
/// of a hundred pages has about a hundred thousand); about 10 MB.
pub(super) const MAX_DOCUMENT_GLYPHS: usize = 250_000;

/// The glyphs read of a page (a dense page has a few thousand): bounds the
/// work a damaged page makes (the bench times a page this full in the worst
/// order).
pub(super) const MAX_GLYPHS: usize = 10_000;

/// A number as OFD and PDF files write one ("12", "-3.25", ".5", "1e-3"),
/// finite. Our
/// own few lines: the standard library's float parsing added about 14 KB
/// (gzip) to the importer's module, and positions need no exact rounding.
pub(super) fn decimal(s: &str) -> Option<f64> {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], s[at + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut value = 0.0f64;
    for b in whole.bytes().chain(fraction.bytes()) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let scale = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let value = value * 10f64.powi(scale.clamp(-400, 400));
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

/// One glyph on a page: where its origin stands (millimetres from the page's
/// top left), its size, its character, the word of its text code it is part
/// of (characters written together with no space between; 0: none known),
/// whether the code spaces that word's glyphs evenly (see
/// [`evenly_spread`]), and the direction its text runs in (see
/// [`Direction`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Glyph {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub c: char,
    pub word: u32,
    pub even: bool,
    pub direction: Direction,
}

/// A vertical rule drawn on a page (a table's cell border), where its
/// glyphs are: at `x`, from `top` down to `bottom` (y grows down the page,
/// as the glyphs' baselines). Glyphs on either side of one stand apart on
/// their line however close (a printed table's narrow cells put one's
/// number against the next's: "46795" and "9" as "467959").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The direction a text object's glyphs run in on the page: its
/// transformation's x axis as a unit vector, in 64ths (so that directions a
/// rounding apart compare equal, without trigonometry in the importer's
/// module). Left to right is (64, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Direction(pub i8, pub i8);

impl Direction {
    pub const ACROSS: Direction = Direction(64, 0);

    pub fn of(ctm: &[f64; 6]) -> Direction {
        let length = (ctm[0] * ctm[0] + ctm[1] * ctm[1]).sqrt();
        if !length.is_finite() || length <= 0.0 {
            return Direction::ACROSS;
        }
        let unit = |v: f64| (v / length * 64.0).round().clamp(-64.0, 64.0) as i8;
        Direction(unit(ctm[0]), unit(ctm[1]))
    }

    /// Turns a point so that text running this way runs left to right.
    pub fn turning(self) -> impl Fn(f64, f64) -> (f64, f64) {
        let length = ((self.0 as f64).powi(2) + (self.1 as f64).powi(2)).sqrt();
        let (cos, sin) = (self.0 as f64 / length, self.1 as f64 / length);
        move |x, y| (x * cos + y * sin, -x * sin + y * cos)
    }

    /// Within a rounding of `other` (about a degree).
    pub fn near(self, other: Direction) -> bool {
        (self.0 as i16 - other.0 as i16).abs() <= 1 && (self.1 as i16 - other.1 as i16).abs() <= 1
    }
}

/// A glyph's width as the pen moves when no advance is given (a no-break
/// space as wide as a space).
pub(super) fn default_advance(c: char, size: f64) -> f64 {
    if c.is_ascii() || c == '\u{a0}' {
        size / 2.0
    } else {
        size
    }
}

/// Whether a digit of a page's `glyphs` stands within an em of its right
/// edge (at `width` from its left) or past it: no room for another digit.
/// Else no number was cut at the edge, whatever its length (a writer that
/// leaves out what falls past the edge leaves a number's first digits up
/// to it).
pub(super) fn near_right_edge(glyphs: &[Glyph], width: f64) -> bool {
    glyphs
        .iter()
        .any(|g| g.c.is_ascii_digit() && g.x + g.size > width)
}

/// The direction most of `glyphs` run in (none when there are none).
pub(super) fn usual_direction(glyphs: &[Glyph]) -> Option<Direction> {
    let mut counts: Vec<(Direction, usize)> = Vec::new();
    for g in glyphs {
        match counts.iter_mut().find(|c| c.0 == g.direction) {
            Some(c) => c.1 += 1,
            None => counts.push((g.direction, 1)),
        }
    }
    // Directions a rounding apart count together.
    let near = |d: Direction| {
        counts
            .iter()
            .filter(|c| c.0.near(d))
            .map(|c| c.1)
            .sum::<usize>()
    };
    counts.iter().max_by_key(|c| (near(c.0), c.1)).map(|c| c.0)
}

/// Whether `g` starts within a quarter of `p`'s width of `p`'s start (on a
/// line sorted by where glyphs start): drawn over it.
fn drawn_over(p: Glyph, g: Glyph) -> bool {
    g.x < p.x + 0.25 * default_advance(p.c, p.size)
}

/// What each word of a page's text codes has on the line being set out,
/// by its number (a page's words are numbered from 1 as their glyphs are
/// kept, so at most its glyphs): before bold is dropped ([`Drawn`]) and
/// after ([`Placed`]).
struct Words {
    drawn: Vec<Drawn>,
    placed: Vec<Placed>,
}

/// A word's glyphs on line `line`, those drawn over the glyph before as the
/// same character, and whether the word is damaged.
#[derive(Clone, Copy)]
struct Drawn {
    line: usize,
    glyphs: usize,
    again: usize,
    damaged: bool,
}

/// Where a word's glyphs stand on line `line`: its first and last place
/// on the line, and how many.
#[derive(Clone, Copy)]
struct Placed {
    line: usize,
    first: usize,
    last: usize,
    glyphs: usize,
}

impl Words {
    fn new(rows: &[Vec<Glyph>]) -> Self {
        let words = rows.iter().flatten().map(|g| g.word).max().unwrap_or(0) as usize + 1;
        let drawn = Drawn {
            line: usize::MAX,
            glyphs: 0,
            again: 0,
            damaged: false,
        };
        let placed = Placed {
            line: usize::MAX,
            first: 0,
            last: 0,
            glyphs: 0,
        };
        Words {
            drawn: vec![drawn; words],
            placed: vec![placed; words],
        }
    }

    /// Line `line`'s glyphs (sorted by where they start) less each drawn
    /// over the one before as the same character again, when every glyph
    /// of its word is so: bold made by drawing twice. Another word some of
    /// whose glyphs are so (a run moved onto another's place, "738" onto
    /// 规章's "7", its 7 on the 7) is damage: it and the words it was drawn
    /// over are marked.
    fn without_bold(&mut self, line: usize, row: Vec<Glyph>) -> Vec<Glyph> {
        for g in row.iter().filter(|g| g.word != 0) {
            let drawn = &mut self.drawn[g.word as usize];
            if drawn.line != line {
                *drawn = Drawn {
                    line,
                    glyphs: 0,
                    again: 0,
                    damaged: false,
                };
            }
            drawn.glyphs += 1;
        }
        let mut over: Vec<Option<u32>> = vec![None; row.len()];
        let mut before: Option<Glyph> = None;
        for (i, &g) in row.iter().enumerate() {
            match before {
                Some(p) if p.c == g.c && drawn_over(p, g) => {
                    over[i] = Some(p.word);
                    if g.word != 0 {
                        self.drawn[g.word as usize].again += 1;
                    }
                }
                _ => before = Some(g),
            }
        }
        for (i, g) in row.iter().enumerate() {
            let Some(under) = over[i] else { continue };
            let drawn = self.drawn[g.word as usize];
            if g.word != 0 && drawn.again < drawn.glyphs {
                for w in [g.word, under].into_iter().filter(|&w| w != 0) {
                    self.drawn[w as usize].damaged = true;
                }
            }
        }
        let mut out = Vec::with_capacity(row.len());
        for (i, mut g) in row.into_iter().enumerate() {
            if g.word != 0 && self.drawn[g.word as usize].damaged {
                g.c = '\u{FFFD}';
            } else if over[i].is_some() {
                continue;
            }
            out.push(g);
        }
        out
    }

    /// Line `line`'s glyphs (sorted by where they start) with each word of a
    /// text code that other glyphs stand inside marked damaged, from its
    /// first glyph to its last, those others too: a run moved onto a line
    /// of other text ("2293" onto "第二十条第（六）项", its "2" before 项 and
    /// "293" after), whose pieces would read as another number. Linear in
    /// the glyphs.
    fn interleaved_marked(&mut self, line: usize, mut row: Vec<Glyph>) -> Vec<Glyph> {
        for (i, g) in row.iter().enumerate().filter(|(_, g)| g.word != 0) {
            let placed = &mut self.placed[g.word as usize];
            if placed.line != line {
                *placed = Placed {
                    line,
                    first: i,
                    last: i,
                    glyphs: 0,
                };
            }
            placed.last = i;
            placed.glyphs += 1;
        }
        // From each interleaved word's first glyph to its last: +1 to start
        // marking and -1 after.
        let mut marks = vec![0i32; row.len() + 1];
        for (i, g) in row.iter().enumerate().filter(|(_, g)| g.word != 0) {
            let Placed {
                first,
                last,
                glyphs,
                ..
            } = self.placed[g.word as usize];
            if first == i && last + 1 - first > glyphs {
                marks[first] += 1;
                marks[last + 1] -= 1;
            }
        }
        let mut open = 0;
        for (g, mark) in row.iter_mut().zip(marks) {
            open += mark;
            if open > 0 {
                g.c = '\u{FFFD}';
            }
        }
        row
    }
}

/// The pages' glyphs set out as text (see the module's description), each
/// page ended by a form feed; none when no page has a glyph. An error when
/// the text is longer than a file the importer reads.
pub(super) fn text(
    pages: Vec<Vec<Glyph>>,
    mut rules: Vec<Vec<Rule>>,
) -> Result<Option<String>, String> {
    if pages.iter().all(Vec::is_empty) {
        return Ok(None);
    }
    let unit = column_unit(&pages);
    let mut out = String::new();
    rules.resize(pages.len(), Vec::new());
    for (glyphs, rules) in pages.into_iter().zip(rules) {
        for line in lines(glyphs, &rules, unit) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\u{c}');
        if out.len() > super::MAX_FILE_BYTES {
            return Err(super::too_large(out.len()));
        }
    }
    Ok(Some(out))
}

/// The width of a column of the lines every page is set out as: half the
/// size of the document's usual glyph (the median page's median glyph, each
/// page weighed by its glyphs). One for all pages, so that what stands in a
/// column of a table stands in one column of text on every page (a piece of
/// a number its cell wrapped onto the next page, under the number: with a
/// page's own unit, a page of text then a page of table set out their
/// columns apart, and the piece stood under another cell).
pub(super) fn column_unit(pages: &[Vec<Glyph>]) -> f64 {
    let mut medians: Vec<(f64, usize)> = pages
        .iter()
        .filter(|glyphs| !glyphs.is_empty())
        .map(|glyphs| {
            let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
            crate::sort::by_key(&mut sizes, |s| micro(*s));
            (sizes[sizes.len() / 2], sizes.len())
        })
        .collect();
    crate::sort::by_key(&mut medians, |m| micro(m.0));
    let half: usize = medians.iter().map(|m| m.1).sum::<usize>() / 2;
    let mut counted = 0;
    let usual = medians
        .iter()
        .find(|m| {
            counted += m.1;
            counted > half
        })
        .map_or(1.0, |m| m.0);
    (usual / 2.0).max(0.5)
}

/// A coordinate in thousandths of a millimetre, to sort by.
fn micro(v: f64) -> i64 {
    (v * 1000.0) as i64
}

/// A page's glyphs set out as lines, a column `unit` wide (see
/// `column_unit`): glyphs on one baseline (within 0.4 of
/// their size) make a line; on it, glyphs close together run on (justified
/// text spaces its glyphs by up to a tenth of their size), and what stands
/// apart (over 0.15 of the size, as a value beside its label, or on the
/// other side of one of `rules`) starts at its column (a character takes
/// one), at least one space on.
pub(super) fn lines(mut glyphs: Vec<Glyph>, rules: &[Rule], unit: f64) -> Vec<String> {
    if glyphs.is_empty() {
        return Vec::new();
    }
    // Writers list a page's text in reading order, nearly sorted already:
    // the app's small insertion sort is quick on it (see crate::sort).
    crate::sort::by_key(&mut glyphs, |g| (micro(g.y), micro(g.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if g.y - row[0].y <= 0.4 * g.size.min(row[0].size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut words = Words::new(&rows);
    rows.into_iter()
        .enumerate()
        .map(|(at, mut row)| {
            crate::sort::by_key(&mut row, |g| micro(g.x));
            // The rules that cross the line (its glyphs' height above
            // their baseline).
            let (y, size) = (row[0].y, row[0].size);
            let crossing: Vec<f64> = rules
                .iter()
                .filter(|r| r.top <= y - 0.3 * size && r.bottom >= y - 0.3 * size)
                .map(|r| r.x)
                .collect();
            let row = words.without_bold(at, row);
            let row = words.interleaved_marked(at, row);
            let mut line = String::new();
            let mut column = 0usize;
            let mut last: Option<Glyph> = None;
            for g in row {
                let wanted = (g.x / unit).round().clamp(0.0, 2000.0) as usize;
                let mut spaces = match last {
                    None => wanted,
                    Some(p) => {
                        let gap = g.x - p.x - default_advance(p.c, p.size);
                        let size = g.size.min(p.size);
                        // Digits of one word of a text code, spread out
                        // (easyofd spreads a span's glyphs evenly over its
                        // box: "37527" as "3 7 5 2 7"), are one number as
                        // written, unless as far apart as an em is wide.
                        let numeric = |c: char| c.is_ascii_digit() || c == '.';
                        let one_word = g.word != 0
                            && g.word == p.word
                            && g.even
                            && p.even
                            && numeric(p.c)
                            && numeric(g.c);
                        let ruled = crossing.iter().any(|x| p.x < *x && *x < g.x);
                        if !ruled && (gap < 0.15 * size || (one_word && gap < 0.5 * size)) {
                            0
                        } else {
                            wanted.saturating_sub(column).max(1)
                        }
                    }
                };
                // A glyph drawn over the one before (not the same one again:
                // see `Words::without_bold`) is damage (a writer that put two runs
                // in one place), marked so that no number is read from it.
                if let Some(p) = last {
                    if drawn_over(p, g) {
                        line.push('\u{FFFD}');
                        column += 1;
                        spaces = 0;
                    }
                }
                line.extend(std::iter::repeat_n(' ', spaces));
                line.push(g.c);
                // One column a character, wide or not, as pdftotext -layout
                // sets out its lines: what follows spaces stands at the
                // column of its place on the page, whatever text is before
                // it on its line (the pieces of a number its cell wrapped
                // are told by their columns, see normalize::wrapped_numbers).
                column += spaces + 1;
                last = Some(g);
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, y: f64, c: char) -> Glyph {
        Glyph {
            x,
            y,
            size: 4.0,
            c,
            word: 0,
            even: false,
            direction: Direction::ACROSS,
        }
    }

    #[test]
    fn a_column_stands_in_one_place_on_every_page() {
        // A page of body text (glyphs 6 wide) with a number at 100 mm, and
        // a page of a table (glyphs 3 wide), a piece of the number wrapped
        // onto it at 100 mm: both at one column.
        let row = |y: f64, size: f64, from: f64, text: &str| -> Vec<Glyph> {
            text.chars()
                .enumerate()
                .map(|(i, c)| Glyph {
                    size,
                    ..glyph(from + i as f64 * size, y, c)
                })
                .collect()
        };
        let mut body = row(10.0, 6.0, 10.0, "政府信息公开工作年度报告");
        body.extend(row(20.0, 6.0, 10.0, "主动公开政府信息情况"));
        body.extend(row(30.0, 3.0, 100.0, "2811"));
        let mut table = row(10.0, 3.0, 10.0, "行政复议结果维持结果纠正");
        table.extend(row(20.0, 3.0, 100.0, "3"));
        let pages = [body, table];
        let unit = column_unit(&pages);
        let at = |glyphs: &[Glyph], digit: char| {
            let lines = lines(glyphs.to_vec(), &[], unit);
            let line = lines.iter().find(|l| l.contains(digit)).unwrap();
            line.chars().position(|c| c == digit).unwrap()
        };
        assert_eq!(at(&pages[0], '2'), at(&pages[1], '3'));
    }

    #[test]
    fn a_rule_between_glyphs_keeps_them_apart() {
        // Two cells' numbers against each other (46795 and 9), a cell
        // border between them; and a line the rule does not reach.
        let row = |y: f64| -> Vec<Glyph> {
            "467959"
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(30.0 + 2.0 * i as f64, y, c))
                .collect()
        };
        let rule = Rule {
            x: 39.5,
            top: 45.0,
            bottom: 51.0,
        };
        let got = lines([row(50.0), row(60.0)].concat(), &[rule], 2.0);
        assert_eq!(
            got[0].split_whitespace().collect::<Vec<_>>(),
            ["46795", "9"]
        );
        assert_eq!(got[1].trim(), "467959");
        assert_eq!(lines(row(50.0), &[], 2.0)[0].trim(), "467959");
    }

    #[test]
    fn lines_keep_apart_what_stands_apart() {
        let mut row = vec![
            glyph(10.0, 50.0, '行'),
            glyph(14.0, 50.0, '政'),
            glyph(18.0, 50.0, '许'),
        ];
        row.push(glyph(22.0, 50.3, '可'));
        row.push(glyph(60.0, 50.0, '2'));
        row.push(glyph(62.0, 50.0, '9'));
        row.push(glyph(70.0, 49.8, '3'));
        row.push(glyph(40.0, 60.0, '量'));
        row.push(glyph(10.0, 40.0, '表'));
        let lines = lines(row, &[], 2.0);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].trim(), "表");
        let words: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(words, ["行政许可", "29", "3"]);
        assert!(lines[1].contains("许可     "), "{:?}", lines[1]);
        assert_eq!(lines[2].trim(), "量");
        assert!(lines[2].starts_with(&" ".repeat(15)));
    }

    #[test]
    fn glyphs_drawn_over_one_another_read_no_number() {
        // "43" and "6" put in one place (one writer puts runs of a line so):
        // no number is read from them.
        let row = vec![
            glyph(30.0, 50.0, '4'),
            glyph(32.0, 50.0, '3'),
            glyph(30.0, 50.0, '6'),
        ];
        let line = &lines(row, &[], 2.0)[0];
        assert!(line.contains('\u{FFFD}'), "{line:?}");
        assert!(!line
            .split_whitespace()
            .any(|w| w.bytes().all(|b| b.is_ascii_digit())));
        // Bold made by drawing each glyph twice, a little apart: read once.
        let bold = vec![
            glyph(10.0, 50.0, '规'),
            glyph(10.1, 50.0, '规'),
            glyph(14.0, 50.0, '章'),
            glyph(14.1, 50.0, '章'),
        ];
        assert_eq!(lines(bold, &[], 2.0)[0].trim(), "规章");
    }
}
