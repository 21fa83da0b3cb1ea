//! Table values from a table's words when no grid was found (text
//! extracted from a PDF or an OFD file, cells one a line, Markdown, a
//! browser's copy): each format row found by its label among the words and
//! its values taken where their count and the table's sums check them,
//! numbers their cells wrapped joined in the one way the sums allow; or the
//! whole table from its numbers in order (see [`read_stream`]).
//!
//! Not for: tables read from their grid (see [`super`]); the text set out
//! from a page's glyphs (see [`crate::import::layout`]) or normalised (see
//! [`super::super::normalize`]).

use super::*;

/// A table's text without its grid (text extracted from a PDF, cells one
/// per line, a browser's copy of cells holding paragraphs): words and
/// numbers in reading order.
#[derive(Clone, Debug, PartialEq)]
enum Word {
    Text(String),
    Value(String),
    /// A number its cell wrapped, in a table without sums to check its
    /// joining by: no row that holds it is read, and it is no part of a
    /// label (it may stand among a wrapped label's lines: "行政规范性文" /
    /// "1490" / "件 6").
    Wrapped,
}

impl Word {
    /// The number it is, if a value.
    fn value(&self) -> Option<&String> {
        match self {
            Word::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// The words of a table's lines, and the line each is on. A number whose
/// cell wrapped it, its pieces joined by [`WRAPPED`] (kept, for the review:
/// see [`count_of`]), is a value only in a table with sums to check it by
/// (`summed`); else [`Word::Wrapped`]. 无 or 空 between two numbers of a
/// line is a row's value printed for a 0, as in a page's cell (a word of a
/// label stands left of its row's values, never among them or after
/// them); its cell keeps it as printed. So is one ending a line of aligned
/// text right after a value ("0 0 0 0 0 无", the row's label broken over
/// the lines around: "四、结转下年度继续办" / … / "理", whose 无 would
/// otherwise join it). So is one alone on its line between two values,
/// each a line apart, in text not `aligned` (cells a line: a viewer's copy,
/// pdftotext -raw, a Word file saved as text): a label's 无 alone on its
/// line is one of a label printed a character a line ("）" / "无" / "法",
/// （四）无法提供 down a narrow cell), among its characters, not values;
/// and so is one last on its line right after a value there, a value on
/// the next (PyMuPDF's "24021 无" / "0", hunt 1227000: the 无 right of a
/// number on its baseline, where only values stand; a label's stands left
/// of its row's values, and its next word is the label's). In
/// a browser's copy of cells apart by lines of a tab alone (`cells`, see
/// [`Order::Cells`]; those lines dropped) a line of 无 alone with a value
/// next is a cell of its own wherever it stands, right after its row's
/// label too: the copy keeps each cell's text whole, in the table's order
/// (a label's characters a line, 无 / 法 / 提 / 供, have none next).
/// One right after its row's label, or among its pieces, is the row's
/// value where the row's sums tell (see [`zero_words_by_labels`]).
/// With the words of a table's row (Markdown's pipe tables, see
/// [`CELL_EDGE`]), the table and the column each is in ([`PipeCell`]).
fn words(
    paras: &[String],
    (summed, aligned, cells): (bool, bool, bool),
) -> (Vec<Word>, Vec<usize>, Vec<PipeCell>) {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut cell_of = Vec::new();
    let mut tables = 0;
    for (line, p) in paras.iter().enumerate() {
        let mut column: Option<usize> = None;
        let mut ws = p
            .split(is_space)
            .filter_map(|mut w| {
                loop {
                    if let Some(rest) = w.strip_prefix(TABLE_START) {
                        tables += 1;
                        w = rest;
                    } else if let Some(rest) = w.strip_prefix(CELL_EDGE) {
                        column = Some(column.map_or(0, |c| c + 1));
                        w = rest;
                    } else {
                        break;
                    }
                }
                (!w.is_empty()).then(|| (w, column.map(|c| (tables, c))))
            })
            .peekable();
        while let Some((w, cell)) = ws.next() {
            let w = match run_into(w, ws.peek().map(|n| n.0)) {
                Some((value, text)) => {
                    out.push(Word::Value(value.to_string()));
                    lines.push(line);
                    cell_of.push(cell);
                    text
                }
                None => w,
            };
            // (Only the pieces of a number are joined by WRAPPED; text run
            // into them makes no value.)
            let pieces = || w.contains(WRAPPED) && numeric(&w.replace(WRAPPED, ""));
            // (A mark printed for a 0 is a value, as in a page's cell: see
            // `zero_mark`.)
            if numeric(w) || zero_mark(w) || (summed && pieces()) {
                out.push(Word::Value(w.to_string()));
            } else if w.contains(WRAPPED) {
                out.push(Word::Wrapped);
            } else if let Some((mark, value)) = mark_run_into(w) {
                out.push(Word::Value(mark.to_string()));
                out.push(Word::Value(value.to_string()));
                lines.push(line);
                cell_of.push(cell);
            } else if let Some((text, value)) = glued(w) {
                out.push(Word::Text(norm(text)));
                out.push(Word::Value(value.to_string()));
                lines.push(line);
                cell_of.push(cell);
            } else {
                out.push(Word::Text(norm(w)));
            }
            lines.push(line);
            cell_of.push(cell);
        }
    }
    for i in 1..out.len().saturating_sub(1) {
        let one_line = lines[i - 1] == lines[i] && lines[i + 1] == lines[i];
        let alone = lines[i - 1] < lines[i] && lines[i + 1] > lines[i];
        let last = lines[i - 1] == lines[i] && lines[i + 1] > lines[i];
        let a_cell = cells && alone;
        // (Aligned text: last on its line, right after a value there.)
        let ends_values = aligned && last && out[i - 1].value().is_some();
        let lines_of_cells = (alone || last) && !aligned;
        let among = ((one_line || lines_of_cells) && out[i - 1].value().is_some() || a_cell)
            && out[i + 1].value().is_some()
            || ends_values;
        if let Word::Text(t) = &out[i] {
            if among && super::super::normalize::zero_word(t) {
                out[i] = Word::Value(format!("{BLANK_CELL}{t}"));
            }
        }
    }
    (out, lines, cell_of)
}

/// 无 or 空 printed for a row's first value (its 0) that a text puts
/// among its label's words, marked a value: right after the label, or
/// between its pieces (the label broken over the lines round its values).
/// PDF and OFD text: "一、本年新收政府信" / "无 7 0 0 0 9 16" / "息公开申请数量"
/// set out, "一、本年新收政府信息公开申请数量" / "无 7 0 0 0 9 16" in
/// pdftotext -raw's (hunt 1221000): it otherwise joins the label's pieces
/// (…政府信无息公开…), or leaves the row a value short. Only where the
/// label stands whole in the text words round it with it left out, and
/// the values after it, it counted first, are as many as the row's cells
/// and hold its sums: a 无 of a label printed a character a line
/// (（四）无法提供, 1.申请人无正当理由… down a narrow cell) is among the
/// label's words, not before or within a row label without it.
fn zero_words_by_labels(table: &Table, words: &mut [Word]) {
    // The text words joined, from `from` back (`back`) or on.
    let text = |words: &[Word], from: &mut dyn Iterator<Item = usize>, back: bool| {
        let mut out = String::new();
        for w in from.map_while(|w| match &words[w] {
            Word::Text(t) => Some(t.clone()),
            _ => None,
        }) {
            if back {
                out.insert_str(0, &w);
            } else {
                out.push_str(&w);
            }
        }
        out
    };
    for i in 0..words.len() {
        let Word::Text(t) = &words[i] else {
            continue;
        };
        if !super::super::normalize::zero_word(t) {
            continue;
        }
        let mut values = vec![format!("{BLANK_CELL}{t}")];
        values.extend(words[i + 1..].iter().map_while(|w| w.value().cloned()));
        if values.len() == 1 {
            continue;
        }
        let end = i + values.len();
        let before = text(words, &mut (0..i).rev(), true);
        let after = text(words, &mut (end..words.len()), false);
        let labelled = (table.blocks.iter())
            .filter(|block| block.columns.len() == values.len())
            // (A row's sums to check it by: a total column.)
            .filter(|block| block.columns.iter().any(|c| !c.total_of.is_empty()))
            .any(|block| {
                block.rows.iter().enumerate().any(|(r, row)| {
                    let label = norm(row.label);
                    let split = label.char_indices().skip(1).any(|(k, _)| {
                        before.ends_with(&label[..k]) && after.starts_with(&label[k..])
                    });
                    (before.ends_with(&label) || split) && holds(block, r, &values)
                })
            });
        if labelled {
            words[i] = Word::Value(values[0].clone());
        }
    }
}

/// Where a word of a table's row set among a table's words stands: the
/// table (counted from 1 in the words) and its column (from 0, the first
/// pipe cell's). Markdown's pipe cells are a converter's guess at the
/// page's columns, but one table's rows share it.
type PipeCell = Option<(usize, usize)>;

/// Whether the numbers among `words` (word indices, in reading order) of a
/// text whose columns are aligned ([`Order::Aligned`]) are out of the
/// places a row's values have on a page. Two ways a value drawn away from
/// its place shows (a cell aligned otherwise, a run of an OFD file placed a
/// little off), with the row's sum still holding:
/// - a number before text on its own line: a value stands right of its
///   row's label, never left of any text;
/// - a row printed on one line (three or more of its numbers on it; two
///   for a row without sums to check it by) with others on other lines: a
///   value drawn a little above or below comes first or last in reading
///   order, not in its column's place.
///
/// A row on one line, or its cells one a line, keeps its order. Not for
/// text whose lines do not keep the page's columns (a PDF viewer's copy
/// puts a row's cells one, two or three a line, some on its label's line,
/// in order).
fn out_of_place(words: &[Word], line_of: &[usize], at: &[usize], summed: bool) -> bool {
    let before_text = at.iter().any(|&v| {
        words[v + 1..]
            .iter()
            .zip(&line_of[v + 1..])
            .take_while(|(_, &l)| l == line_of[v])
            .any(|(w, _)| matches!(w, Word::Text(_)))
    });
    let lines: Vec<usize> = at.iter().map(|&v| line_of[v]).collect();
    let on = |line: usize| lines.iter().filter(|&&l| l == line).count();
    let row_line = if summed { 3 } else { 2 };
    let split = lines.iter().any(|&l| on(l) >= row_line) && lines.iter().any(|&l| l != lines[0]);
    before_text || split
}

/// A row label found among a table's words: (block, row, the word it
/// starts in, the variant of the label found if not the label, where it
/// starts in the text words joined and the label as matched, normalised).
type Anchor<'a> = (usize, usize, usize, Option<&'a str>, (usize, String));

/// A row not found whose label's words stand more than once between the
/// rows found around it (see `between` in [`find_anchors`]): the gap (its
/// block and the found row before), its block and row, the words' places,
/// the label's words and as printed.
type Pending<'a> = ((usize, usize), (usize, usize), Vec<usize>, &'a str, String);

/// Markdown: whether a row's values `run`, none on its label's lines (the
/// label ending in word `end`, the next row's starting in word `next`),
/// stand on the line right after them, the line after that holding only
/// a piece of one of its `groups` (a group cell's text centred around the
/// row: "(3)不予 1.属于国家秘密" / "| | 0 | 1 370 | 7 | 0 0 378 |" / "公开",
/// "（三）不予公开"'s pieces; on the values' line, before them, only such
/// pieces: "| （三） | | 0 | …"), or being the next row's line with its
/// label and all its values (`next_line`: "总计" / "| | | 67395 | … |" / "|
/// 四、结转下年度继续办理 | | 8 | …"), or being the first line of the
/// next row's label wrapped around that row's own values (`next_around`:
/// "重复申请" / "| | 3 862 | 797 | … |" / "要求提供公" / "| | 376 0 | … |" /
/// "开出版物", the next row's values on its label's lines, see
/// [`read_stream`]): the row's values, held between its label and what
/// follows it as on the page. (Values under a label with nothing of these
/// under them may be the next row's, its label printed under its values.)
fn between_group_pieces(
    words: &[Word],
    line_of: &[usize],
    (run, end, next): (&[usize], usize, usize),
    (groups, next_line, next_around): (&[&str], Option<usize>, Option<usize>),
) -> bool {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return false;
    };
    let line = line_of[first];
    let piece = |w: usize| group_piece(&words[w], groups);
    let under: Vec<usize> = (last + 1..words.len())
        .take_while(|&w| line_of[w] <= line + 1)
        .collect();
    let under_text: String = under
        .iter()
        .filter_map(|&w| match &words[w] {
            Word::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let group_under = !under.is_empty()
        && under.iter().all(|&w| line_of[w] == line + 1 && w < next)
        && under_text.chars().count() >= 2
        && groups.iter().any(|g| norm(g).contains(under_text.as_str()));
    let next_row_under =
        next == last + 1 && (next_line == Some(line + 1) || next_around == Some(line + 1));
    line == line_of[end] + 1
        && run.iter().all(|&w| line_of[w] == line)
        && (end + 1..first).all(piece)
        && (group_under || next_row_under)
}

/// Whether a word is text, a piece of one of a row's `groups` (its
/// heading's text centred around the row, broken over lines).
fn group_piece(word: &Word, groups: &[&str]) -> bool {
    matches!(word, Word::Text(t) if groups.iter().any(|g| norm(g).contains(t.as_str())))
}

/// The word a row label found in `joined` (the text words joined, `owner`
/// the word of each byte) ends in: `found`, where it starts and the label
/// as matched (normalised); its last character found from there on (a
/// label interrupted by pieces of headings ends further on; found early in
/// a piece, the label is taken to end sooner: fewer values read, none
/// wrong), where it ends a word before word `until` (the next row's label)
/// if it does anywhere: inside a word it may be a heading's ("2.重复申" …
/// "申请人情况" … "请 7", the label's rest after the next page's heading
/// row), else the word it starts in.
fn label_end(joined: &str, owner: &[usize], found: (usize, &str), until: usize) -> usize {
    let (at, label) = found;
    let tail_at = label.char_indices().next_back().map_or(0, |(i, _)| i);
    let tail = &label[tail_at..];
    // (Past pieces of headings, `at + tail_at` may fall inside a character.)
    let from = (at + tail_at..joined.len())
        .find(|&i| joined.is_char_boundary(i))
        .unwrap_or(joined.len());
    let ends = joined[from..]
        .match_indices(tail)
        .map(|(i, _)| from + i + tail.len());
    let word_end = |end: usize| owner.get(end).is_none_or(|&w| w != owner[end - 1]);
    let before = |end: &usize| owner[end - 1] < until;
    let ending = ends.clone().take_while(before).find(|&end| word_end(end));
    ending
        .or(ends.clone().next())
        .map_or(owner[at], |end| owner[end - 1])
}

/// A word that is a row's last value with the next row's label run into
/// it (a PDF viewer's copy of a row that fills its line: "86477（二）部分公开",
/// "876313.危及", "11295四、结转下年度继续办理", "128342三" / "、" of a group's
/// heading set a character a line): the number and the text. Only text
/// that starts as a label does: a bracket, a numeral and its 、 or full
/// stop (in the word or starting the `next`), or an ordinal 1. to 9. (the number's last digit before
/// a full stop, half- or full-width, or 、 and an ideograph, in the word or
/// starting the `next` word, "02." "其他法律…": a digit alone with it is
/// the label's own; "1112527．属于行").
fn run_into<'a>(word: &'a str, next: Option<&str>) -> Option<(&'a str, &'a str)> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut rest = word[digits..].chars();
    let (first, second) = (rest.next()?, rest.next());
    // What follows an ordinal's full stop: in the word, or the next word.
    let after = second.or_else(|| next.and_then(|n| n.chars().next()));
    let at = match first {
        '.' | '．' | '、' if after.is_some_and(ideograph) => digits.checked_sub(1)?,
        '(' | '（' => digits,
        c if "一二三四五六七".contains(c) && matches!(after, Some('、' | '.' | '．')) => {
            digits
        }
        // (No number, no value: the costly look among the labels only
        // after digits.)
        c if digits > 0
            && ideograph(c)
            && label_without_its_ordinal(&word[digits..], &word[..digits]) =>
        {
            digits
        }
        _ => return None,
    };
    let value = &word[..at];
    (!value.is_empty() && (value == "0" || !value.starts_with('0'))).then(|| (value, &word[at..]))
}

/// Whether `text` is a row label of the format printed without its
/// ordinal, an ordinal not in digits ("结转下年度继续办理" for
/// 四、结转下年度继续办理, "总计" for （七）总计), or its first four words or
/// more: no digit before it in a word is its ordinal, so all are a number
/// run into it (`number`). So is a number before a label whose ordinal is
/// in digits, or its first four words or more, when it does not end in
/// that ordinal ("4申请人逾期未" for 2.申请人逾期未按收费通知要求…, "62其他"
/// for 3.其他: in a PDF viewer's copy the row before's total run into the
/// label printed without its ordinal; not "2申请人逾期未", nor
/// "12申请人逾期未", "23其他": the 2, the 3 may be its ordinal, its full
/// stop lost); and before a group's heading, or its first two words or
/// more, when it does not end in the group's numeral in digits, nor in the
/// ordinal of a label `text` may be too ("6其他" may be 六's, "3其他" 3.其他's).
fn label_without_its_ordinal(text: &str, number: &str) -> bool {
    let text = norm(text);
    let Some(first) = text.chars().next() else {
        return false;
    };
    let count = text.chars().count();
    let format = crate::format::current();
    // The labels it is, or starts (its first words, four or more, the rest
    // on the next line: "18799部分公开（区分处"): whether their ordinals are
    // in digits, and the ordinals.
    let rows: Vec<(bool, String)> = (format.tables.iter())
        .flat_map(|t| t.blocks.iter())
        .flat_map(|b| b.rows.iter())
        // (Cheap test first.)
        .filter(|row| {
            row.label
                .chars()
                .any(|c| super::super::norm_char(c) == first)
        })
        .filter_map(|row| {
            let label = norm(row.label);
            let (n, words) = ordinal(&label)?;
            let starts = words == text || (count >= 4 && words.starts_with(&text));
            let digits = n.bytes().all(|b| b.is_ascii_digit());
            starts.then(|| (digits, n.to_string()))
        })
        .collect();
    // A group's heading (its ordinal a Chinese numeral), its words or their
    // first two or more, with its numeral in digits ("153其他处" / "理" for
    // （六）其他处理, "3728不予" / "公开" for （三）不予公开).
    let groups = (format.tables.iter())
        .flat_map(|t| t.blocks.iter())
        .flat_map(|b| b.rows.iter())
        .flat_map(|row| row.groups.iter())
        .filter(|g| g.chars().any(|c| super::super::norm_char(c) == first))
        .filter_map(|g| {
            let g = norm(g);
            let (n, words) = ordinal(&g)?;
            let starts = words == text || (count >= 2 && words.starts_with(&text));
            starts.then(|| in_digits(n)).flatten()
        });
    // The ordinals in digits of what it may be: none may end the number.
    let mut ordinals = (rows.iter())
        .filter(|r| r.0)
        .map(|r| r.1.clone())
        .chain(groups)
        .peekable();
    rows.iter().any(|(digits, _)| !digits)
        || (ordinals.peek().is_some() && ordinals.all(|n| !number.ends_with(&n)))
}

/// A word that is a dash printed for a 0 with the next cell's number run
/// into it (PyMuPDF's text of a row "… 18 0 －913 0 913 …": a full-width
/// dash leaves too little room after it for the tool to see two words;
/// "－0"): the mark and the number, two cells. Only a dash wider than a
/// minus sign ("－", "—", not "-"): "-5" may be a number printed negative,
/// one cell. (A page number's "—3—" has a dash after its number too: no
/// cell's.)
fn mark_run_into(word: &str) -> Option<(&str, &str)> {
    let at = word.find(|c: char| c.is_ascii_digit())?;
    let (mark, number) = word.split_at(at);
    let whole =
        number.bytes().all(|b| b.is_ascii_digit()) && (number == "0" || !number.starts_with('0'));
    let wide_dash = mark.chars().all(|c| "－—–―─".contains(c));
    (whole && wide_dash && super::super::normalize::zero_sign(mark)).then_some((mark, number))
}

/// A word that is a label's line with the row's first value run into it
/// (pdftotext -layout, a wrapped label's line ending where the value
/// starts: "安全一稳7", "6.属于四类过2"; an OFD file's text box holding
/// a label and its amount, "行政事业性收费12.3456"): the text and the
/// number. Only a number after an ideograph, at the word's end: the
/// format's labels hold no digits but their ordinals, which come first
/// ("1.属于国家秘密"). A decimal with its whole part is a value, as it is
/// in a word of its own (in a row of counts, a cell holding what is printed,
/// which the checks then flag). So is a mark printed for a 0 (a dash or a
/// slash, [`super::super::normalize::zero_sign`]; not 无, a word of
/// labels) run into a label's line after an ideograph: the row's
/// first cell "-" (PyMuPDF's "3.危及“三-", pdftotext's "行政法规禁—"; the
/// format's labels hold no dash nor slash).
fn glued(word: &str) -> Option<(&str, &str)> {
    let ends_label = |text: &str| text.chars().next_back().is_some_and(ideograph);
    // ("——" is one mark.)
    let marked = (word.char_indices().rev().take(2))
        .map(|(at, _)| word.split_at(at))
        .find(|(text, mark)| super::super::normalize::zero_sign(mark) && ends_label(text));
    if marked.is_some() {
        return marked;
    }
    let digits = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let mut at = digits(word);
    // A decimal: its whole part before the point.
    if at < word.len() && word[..at].ends_with('.') && digits(&word[..at - 1]) < at - 1 {
        at = digits(&word[..at - 1]);
    }
    let (text, value) = word.split_at(at);
    (!value.is_empty() && ends_label(text)).then_some((text, value))
}

/// Where `label` occurs in `text` interrupted by pieces of its enclosing
/// headings (`groups`): a PDF's reading order may put a piece of the merged
/// cell to its left between a row label's lines ("4.保护第三方合（三）法权益",
/// "5.属于三类内部开事务信息"; with wider numbers pdftotext -layout wraps
/// labels more: "（二）部分公开度办（区分处理的，理结只计这一情形，果不计其他情形）",
/// three pieces of 三、本年度办理结果; pieces of two headings side by side:
/// "1.本机关不掌握结四相关政府信息"). A piece may also be the table's
/// heading row repeated at the top of a page, the row broken over the page
/// ("（二）部分公开" … 申请人情况 … 自然人 … "（区分处理的，…）" in a PDF
/// viewer's copy or pdftotext -raw): `headings` (the table's column
/// headings, normalised) one after another, two or more of them whole,
/// pieces of others between (Chromium's copy draws a heading cell line by
/// line: "商业企", "总计", "业"). At most eight pieces (see `PIECES`), each
/// a run of a heading's text; the label's own characters all in order.
/// Byte offsets of the starts.
fn interrupted<'a>(
    text: &'a str,
    label: &'a str,
    groups: &'a [String],
    headings: &'a [String],
) -> impl Iterator<Item = usize> + 'a {
    let first = label.chars().next();
    text.char_indices()
        .filter(move |&(_, c)| Some(c) == first)
        .map(|(i, _)| i)
        .filter(move |&i| interrupted_from(&text[i..], label, groups, headings))
}

/// Whether `text` starts with `label` interrupted by pieces of its
/// headings (see [`interrupted`]).
fn interrupted_from(text: &str, label: &str, groups: &[String], headings: &[String]) -> bool {
    // `calls`: what is left of the search's budget (see PIECES).
    fn rest(
        text: &str,
        label: &str,
        groups: &[String],
        headings: &[String],
        pieces: usize,
        calls: &std::cell::Cell<usize>,
    ) -> bool {
        if label.is_empty() {
            return true;
        }
        if calls.get() == 0 {
            return false;
        }
        calls.set(calls.get() - 1);
        let same = text
            .chars()
            .zip(label.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        if same == label.len() {
            return true;
        }
        // Pieces only between two of the label's characters; two in a row
        // when from two headings ("6.属于四类过程、开性信息": 、 of
        // 三、本年度办理结果, 开 of （三）不予公开).
        if (same == 0 && pieces == 0) || pieces == PIECES {
            return false;
        }
        // Each time the longest start of what is left within a heading; the
        // label may go on after any of them once two are whole (its next
        // character may be in a heading too: "…公开申" 申请人情况 自然人 …
        // "请", whose 请 is in 申请人情况).
        let row_from = |k: usize| {
            let (mut after, mut whole) = (&text[k..], 0);
            while let Some(end) = starts_within(after, headings).last().filter(|&end| end > 0) {
                whole += usize::from(headings.iter().any(|h| *h == after[..end]));
                after = &after[end..];
                if whole >= 2 && rest(after, &label[k..], groups, headings, pieces + 1, calls) {
                    return true;
                }
            }
            false
        };
        // The heading row may start within what matched ("（" of the
        // corner's "（本列数据…" taken for the label's "（区分…").
        if ends(&text[..same]).any(row_from) {
            return true;
        }
        let (text, label) = (&text[same..], &label[same..]);
        starts_within(text, groups)
            .any(|i| rest(&text[i..], label, groups, headings, pieces + 1, calls))
    }
    // At most eight pieces (a group heading printed one character a line
    // beside a long label: "（", "六", "）", "其", "他", "处", "理" between
    // the lines of 1.申请人无正当理由…), and so many ways to cut text into
    // pieces at most 16,384 tries a place: past them, not found. (That
    // label broken over a page, the heading row and its group inside it,
    // took over 8,192; found/nianbao-libreoffice-790011.)
    const PIECES: usize = 8;
    let calls = std::cell::Cell::new(16_384);
    rest(text, label, groups, headings, 0, &calls)
}

/// The ends of `text`'s starts, a character or more (byte offsets).
fn ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
}

/// The ends of `text`'s starts that lie within one of `among`, shortest
/// first.
fn starts_within<'b>(text: &'b str, among: &'b [String]) -> impl Iterator<Item = usize> + 'b {
    ends(text).take_while(move |&i| among.iter().any(|s| s.contains(&text[..i])))
}

/// A table's column headings as its heading row prints them (its corner,
/// the heading over its columns, each block's row heading, each column's
/// label and the groups over them), normalised.
fn column_headings(table: &Table) -> Vec<String> {
    let mut all = vec![table.corner, table.column_header];
    for block in table.blocks {
        all.push(block.row_header);
        for column in block.columns {
            all.push(column.label);
            all.extend(column.groups);
        }
    }
    all.into_iter()
        .filter(|h| !h.is_empty())
        .map(norm)
        .collect()
}

/// The ways to part one or two of a row's numbers (`values`, fewer than its
/// `cells`) in two where two cells' numbers ran together, each piece a
/// count as written ("0", or not starting with 0), that `holds` the row's
/// sums; digits that are no count ("00", "012") are such numbers, parted. In a row whose last cell is the total of all the others
/// ([`one_total`]), where the numbers are the row's own with a cell left
/// empty or lost (a number unread, damage), no parting of parts holds: a
/// part parted sums to less than it was. A total parted (into a part and
/// the total) may: with a number X lost, when X is that part times
/// 10^k + 1, k the total's digits (lost 33, "1 0 0 0 0 34" as 1 … 3 | 4);
/// so the total only alone, its part three digits or more (a number that
/// ran out of its cell is wide: X then over 100 100). Not the total with
/// another (with two cells empty such a parting holds: 8 376 9111 6 9501
/// as 8 376 91 11 6 9 | 501). Only where a row of the block shows its
/// total (see `total_shown` in [`read_stream`]): with the total column lost
/// at the page's edge the last number is a part, and partings hold that
/// are not (10 0 0 0 0 1 as 1 0 0 0 0 0 | 1).
fn parted(values: &[&String], cells: usize, holds: &dyn Fn(&[String]) -> bool) -> Vec<Vec<String>> {
    let short = cells.saturating_sub(values.len());
    let digits = |v: &str| v.bytes().all(|b| b.is_ascii_digit());
    // (Digits that are no count, "00" or "012", are two cells' numbers run
    // together: each such is one of the partings.)
    let no_count = values.iter().filter(|v| !may_be_count(v)).count();
    if !(1..=2).contains(&short) || !values.iter().all(|v| digits(v)) || no_count > short {
        return Vec::new();
    }
    // Each way: the values with `left` more partings, from value `from` on
    // (the same parting in another order found once); the total (the last
    // value) only when it is the one parting.
    fn part(
        now: Vec<String>,
        left: usize,
        from: usize,
        total: bool,
        ways: &mut Vec<Vec<String>>,
        holds: &dyn Fn(&[String]) -> bool,
    ) {
        if left == 0 {
            if now.iter().all(|v| may_be_count(v)) && holds(&now) && !ways.contains(&now) {
                ways.push(now);
            }
            return;
        }
        let end = if total { now.len() } else { now.len() - 1 };
        for i in from..end {
            for at in 1..now[i].len() {
                let (a, b) = now[i].split_at(at);
                // (The total's part three digits or more, see above.)
                if !may_part(a, b) || (i + 1 == now.len() && a.len() < 3) {
                    continue;
                }
                let mut next = now.clone();
                next.splice(i..=i, [a.to_string(), b.to_string()]);
                part(next, left - 1, i, total, ways, holds);
            }
        }
    }
    let mut ways = Vec::new();
    let now: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    part(now, short, 0, short == 1, &mut ways, holds);
    ways
}

/// Whether a number may be parted as `a` and `b`, two cells' numbers run
/// together (see [`parted`]): both counts, and not a part ending in 0
/// before one digit ("81660" and "8" of "816608"): a stray 0 in 81668,
/// a cell left empty, holds the same sums (81660 + 8 = 81668).
fn may_part(a: &str, b: &str) -> bool {
    may_be_count(a) && may_be_count(b) && !(a.len() > 1 && a.ends_with('0') && b.len() == 1)
}

/// The readings of a row of `cells` given one number fewer (`values`, in
/// text of a cell a line, or aligned text whose columns did not place the
/// gap): a cell left empty, blank or a mark printed for 0 that the text
/// lost (a PDF's glyph without its character), at each place where the
/// row's sum holds with it 0 (`holds`), marked [`BLANK_CELL`] (unread).
/// Places that give every cell the same count make one reading, a cell 0
/// in one and empty in another unknown (a [`BLANK_CELL`] too: "0 0 9199 2
/// 665 9866" with an empty cell among the first three reads those three
/// unknown, the rest as printed). A number lost (damage) leaves a place
/// only where it was 0 or its row all 0s. None where a number is no count
/// ("00": two cells' numbers run together, see [`parted`]; an empty value
/// is one not yet known, see [`Ways`]).
fn with_an_empty_cell(
    values: &[&String],
    cells: usize,
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    with_empty_cells(values, cells, 1, holds)
}

/// The readings of a row of `cells` given `empty` numbers fewer (one or
/// two, see [`with_an_empty_cell`]): the cells left empty at each set of
/// places where the row's sum holds, merged as there.
fn with_empty_cells(
    values: &[&String],
    cells: usize,
    empty: usize,
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    if values.len() + empty != cells || values.iter().any(|v| !v.is_empty() && !may_be_count(v)) {
        return Vec::new();
    }
    let blank = BLANK_CELL.to_string();
    let counts = |reading: &[String]| reading.iter().map(|v| count_of(v)).collect::<Vec<_>>();
    // The places of the empty cells, in order.
    let places: Vec<Vec<usize>> = match empty {
        1 => (0..cells).map(|a| vec![a]).collect(),
        2 => (0..cells)
            .flat_map(|a| (a + 1..cells).map(move |b| vec![a, b]))
            .collect(),
        _ => Vec::new(),
    };
    let mut readings: Vec<Vec<String>> = Vec::new();
    for at in places {
        let mut reading: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        for &a in &at {
            reading.insert(a, blank.clone());
        }
        if !holds(&reading) {
            continue;
        }
        match readings.iter_mut().find(|r| counts(r) == counts(&reading)) {
            Some(same) => {
                for (cell, value) in same.iter_mut().zip(&reading) {
                    if cell != value {
                        *cell = blank.clone();
                    }
                }
            }
            None => readings.push(reading),
        }
    }
    readings
}

/// The readings of a row of `cells` given one or two numbers fewer (text
/// of a cell a line, aligned text whose columns did not place the gaps):
/// cells left empty (see [`with_empty_cells`]), numbers run together (see
/// [`parted`]), or, two fewer, one of each (a part's number parted, never
/// the total: see [`parted`]); `apart`, cells apart by tabs (a browser's
/// copy), only empty cells. For the table's other sums to choose (see
/// [`RowValues::Placings`]).
fn fewer(
    values: &[&String],
    cells: usize,
    apart: bool,
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    let short = cells.saturating_sub(values.len());
    let empty = with_empty_cells(values, cells, short, holds);
    if apart {
        return empty;
    }
    let mut ways = [parted(values, cells, holds), empty].concat();
    let digits = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    for i in (0..values.len().saturating_sub(1)).filter(|_| short == 2) {
        if !digits(values[i]) {
            continue;
        }
        for at in 1..values[i].len() {
            let (a, b) = values[i].split_at(at);
            if !may_part(a, b) {
                continue;
            }
            let mut once: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            once.splice(i..=i, [a.to_string(), b.to_string()]);
            let once: Vec<&String> = once.iter().collect();
            for way in with_an_empty_cell(&once, cells, holds) {
                if !ways.contains(&way) {
                    ways.push(way);
                }
            }
        }
    }
    ways
}

/// The one reading that `ways` (readings of the same cells, each holding
/// every sum) make certain: a cell on which they all agree is as certain
/// as one way's; the others are `unknown`. None without a way.
fn agreed(ways: &[Vec<String>], unknown: String) -> Option<Vec<String>> {
    let (first, rest) = ways.split_first()?;
    Some(
        (first.iter().enumerate())
            .map(|(i, v)| match rest.iter().all(|way| way[i] == *v) {
                true => v.clone(),
                false => unknown.clone(),
            })
            .collect(),
    )
}

/// Most numbers a wrapped row may have beyond its cells (see [`rejoined`]):
/// six (表四's row broken over a page with five numbers wrapped was found,
/// more than the four allowed before). The ways to join grow with it: see
/// `make bench`'s worst case, every row of -raw text with six numbers more;
/// joining adjacent pieces stops at the first sum broken (see [`Ways`]).
const WRAPS: usize = 6;

/// Most numbers a wrapped row of `cells` may have beyond them: [`WRAPS`], or
/// one for every two cells where that is more (表四's fifteen: seven, found
/// in pdftotext -raw, a piece a line).
fn most_wraps(cells: usize) -> usize {
    WRAPS.max(cells / 2)
}

/// Where the rest of a row's wrapped numbers may come after its values
/// (see [`rejoined`]).
#[derive(Clone, Copy)]
enum After {
    /// After text on a later line: the rest of the row's label, the next
    /// page's heading row (text without columns; in a table of many rows,
    /// not from the line above the next row's label, which in a row whose
    /// cells are centred may hold that row's numbers). The pieces have
    /// their line to themselves, or follow the label's last word (given)
    /// to its line's end: pdftotext -raw of a row broken over a page puts
    /// its values with the label's first line, then the next page's
    /// heading, then "申请数量 7", the label's rest and the piece that
    /// wrapped.
    Text(usize),
    /// On a later line (表四's one row, after the next page's heading row,
    /// which aligned text drops); or one a line, in text of a cell a line
    /// (given: true), as PyMuPDF sets out the pieces after the heading row
    /// it keeps.
    Line(bool),
    /// On a later line of the row's label, up to its last (the line given):
    /// aligned text of a row broken over a page, its values on the first
    /// page, the rest of its label on the next, a piece beside it
    /// ("（二）部分公开 … 6974 … 69748" … "只计这一情形， 8"), the last word of
    /// its line and its only number.
    Label(usize),
    /// On the line right under the row's values, nothing between, the
    /// line theirs alone (or one a line, in text of cells one a line): a
    /// row broken over a page whose top does not repeat the heading row
    /// ("(七)总计 29558 9445 1075 6532 81423 1511 296633" / "8 5 9 0" for
    /// 94458 10755 65329 15110); or after pieces of the row's groups (given)
    /// on that line, pieces of a group's heading set out on the next page
    /// whose repeated heading row aligned text drops ("（一）予以公开 0 66855
    /// 0 3 4 1846 85329" / "本年 7" for 18467, 本年 of 三、本年度办理结果);
    /// or, the row's label going on past its values (the word it ends in
    /// given), on the line right under the label's last, the next page's
    /// first ("保护第三方合法权 5 1331 176 12 73581 7 87097" / "益" / "6"
    /// for 13316). The next row's upper pieces, its cells centred, may stand
    /// there too, so only the table's other sums choose among these
    /// readings (see [`read_by_other_sums`]).
    Below(&'static [&'static str], usize),
}

/// The readings of numbers (`run`, word indices) that are more than the
/// `cells` they fill because narrow cells wrapped some of them: every way of
/// joining the pieces of a number into `cells` values for which `holds`
/// (their sums), a number's first piece not starting with 0; numbers as
/// many as the cells, the one reading as they are when it holds. One
/// reading is certain; several are not. Two ways a wrapped number's pieces come:
/// - `adjacent` (text without columns: a PDF viewer's copy, pdftotext -raw):
///   a number that ends a line, then the number that starts the next, no
///   word between ("0 0 6776", "2", "238 946 0 68946" for 0 0 67762 238 946
///   0 68946). A piece longer than the one before it is a way too, though a
///   cell's lines are as wide: a number broken otherwise ("8" / "88" / "0")
///   may sum as another joining does (8 880 and 888 0), and the row is then
///   not certain;
/// - `after` the row (see [`After`]): its `cells` values, then the rest of
///   its wrapped numbers side by side on one line, in their columns' order
///   (pieces on two lines may be of two wraps, their order not the
///   columns'), as when the row broke over a page ("0 0 4652 964 3 469
///   47962" …
///   "（区分处理的，只计这一情形，不计其他情形）" "6"; a page's columns are its
///   own, so their places tell nothing, and a piece's host has more than
///   one digit).
fn joinings(
    words: &[Word],
    line_of: &[usize],
    run: &[usize],
    cells: usize,
    (adjacent, after): (bool, After),
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    // Each way of choosing `left` of the places allowed, in order.
    fn choose(
        g: usize,
        left: usize,
        allowed: &[bool],
        chosen: &mut [bool],
        visit: &mut dyn FnMut(&[bool]),
    ) {
        if left == 0 {
            return visit(chosen);
        }
        for h in g..allowed.len() {
            if allowed[h] {
                chosen[h] = true;
                choose(h + 1, left - 1, allowed, chosen, visit);
                chosen[h] = false;
            }
        }
    }
    let extra = run.len().saturating_sub(cells);
    if run.len() < cells || extra > most_wraps(cells) {
        return Vec::new();
    }
    let digits = |w: usize| digits_at(words, w);
    let value = |w: usize| match &words[w] {
        Word::Value(v) => Some(v.clone()),
        _ => None,
    };
    let mut found = Vec::new();
    let mut take = |values: Vec<String>| {
        // (Both ways may join the same pieces. A joined number too long to
        // be a count is none: its sum is unknown, not holding.)
        if values.iter().all(|v| may_be_count(v)) && !found.contains(&values) && holds(&values) {
            found.push(values);
        }
    };
    if extra == 0 {
        // As many as the cells: the one reading, as they are.
        take(run.iter().filter_map(|&w| value(w)).collect());
        return found;
    }
    if adjacent {
        // Gap g joins run[g] and run[g + 1].
        let joinable: Vec<bool> = run
            .windows(2)
            .map(|p| {
                p[1] == p[0] + 1
                    && line_of[p[1]] > line_of[p[0]]
                    && digits(p[0]).zip(digits(p[1])).is_some()
            })
            .collect();
        let pieces: Option<Vec<&str>> = run
            .iter()
            .map(|&w| match &words[w] {
                Word::Value(v) => Some(v.as_str()),
                _ => None,
            })
            .collect();
        if let Some(pieces) = pieces {
            let ways = Ways {
                pieces: &pieces,
                joinable: &joinable,
                cells,
                holds,
            };
            ways.visit(0, extra, &mut Vec::new(), &mut take);
        }
    }
    let (head, tail) = run.split_at(cells);
    let pieces: Option<Vec<&str>> = tail.iter().map(|&w| digits(w)).collect();
    let (last, first, end) = (head[cells - 1], tail[0], tail[extra - 1]);
    // (After::Below: the word the pieces' line comes right under, the row's
    // last value or its label's last word past it.)
    let above = match after {
        After::Below(_, label_end) if (last..first).contains(&label_end) => label_end,
        _ => last,
    };
    let apart = match after {
        After::Text(_) => first > last + 1 && line_of[first] > line_of[last],
        After::Line(_) => line_of[first] > line_of[last],
        After::Label(label_end) => line_of[first] > line_of[last] && line_of[end] <= label_end,
        After::Below(groups, _) => {
            line_of[first] == line_of[above] + 1
                && (above + 1..first).all(|w| group_piece(&words[w], groups))
        }
    };
    // The pieces side by side, on lines of their own (not a note's numbers),
    // or ending the label's line.
    let side_by_side = tail.windows(2).all(|p| p[1] == p[0] + 1);
    let alone = side_by_side
        && match after {
            After::Label(_) => {
                // (A number before them on their line would be the row's
                // last value: not apart.)
                let ends_line = line_of.get(end + 1).is_none_or(|&l| l > line_of[end]);
                line_of[first] == line_of[end] && ends_line
            }
            // (On one line: a row's wrapped pieces come on the line below
            // its values or after the page's break, not some on each.)
            After::Text(label_end) => {
                let after_label = first == label_end + 1
                    && line_of[label_end] == line_of[first]
                    && on_own_lines(line_of, label_end, end);
                line_of[first] == line_of[end] && (on_own_lines(line_of, first, end) || after_label)
            }
            After::Line(one_a_line) => {
                let one_a_line =
                    one_a_line && tail.windows(2).all(|p| line_of[p[1]] == line_of[p[0]] + 1);
                (line_of[first] == line_of[end] || one_a_line) && on_own_lines(line_of, first, end)
            }
            // (Or one a line, as cells are in text set out one a line; after
            // pieces of the row's groups, on the line those pieces start.)
            After::Below(..) => {
                let one_a_line = first == above + 1
                    && tail.windows(2).all(|p| line_of[p[1]] == line_of[p[0]] + 1);
                (line_of[first] == line_of[end] || one_a_line)
                    && on_own_lines(line_of, above + 1, end)
            }
        };
    if let Some(pieces) = pieces.filter(|_| apart && alone) {
        // Only sums place these pieces, so a host must look like a number
        // that filled its cell: more than one digit (no table prints a cell
        // one digit wide; "3 6 0 33 100" with "4" after the next page's
        // heading, its total's sum broken, read 64 for 6 and 100 for 1004).
        let hosts: Vec<bool> = head
            .iter()
            .map(|&w| digits(w).is_some_and(|d| d.len() > 1))
            .collect();
        let mut chosen = vec![false; cells];
        choose(0, extra, &hosts, &mut chosen, &mut |chosen| {
            let mut values: Vec<String> = head.iter().filter_map(|&w| value(w)).collect();
            let at = (0..cells).filter(|&c| chosen[c]);
            for (c, piece) in at.zip(&pieces) {
                if values[c].len() < piece.len() {
                    return;
                }
                values[c].push(WRAPPED);
                values[c].push_str(piece);
            }
            take(values);
        });
    }
    found
}

/// Whether words `first..=last` have the rest of their line to themselves
/// after words of text only, one at least.
fn after_text((words, line_of): (&[Word], &[usize]), (first, last): (usize, usize)) -> bool {
    let line = line_of[first];
    let mut before = (0..first)
        .rev()
        .take_while(|&w| line_of[w] == line)
        .peekable();
    before.peek().is_some()
        && before.all(|w| words[w].value().is_none())
        && line_of.get(last + 1).is_none_or(|&l| l > line_of[last])
}

/// The word at `w` when it is a value of digits alone (no dot, no sign):
/// a piece that may be joined with another into one number.
fn digits_at(words: &[Word], w: usize) -> Option<&str> {
    match &words[w] {
        Word::Value(v) if v.bytes().all(|b| b.is_ascii_digit()) => Some(v.as_str()),
        _ => None,
    }
}

/// Markdown: the readings of a row (`run`, word indices, more than its
/// `cells`) whose numbers its narrow cells wrapped, centred: the upper
/// pieces on a line of numbers alone over the row's line, the lower on one
/// under it, as many ("21" / "| 74075 | 0 0 74290 | … |" / "5" for 215
/// 74075 0 0 74290 …, 表四's one row); with `label` (its first word), the
/// upper may follow words of text on a line from its label's first on
/// (its label's words, "| 6.属于四类过程 | | 3521 |", or their rest: "| |
/// 成信息需 | | 4109 |" under "| | (2)没有现 |"), the lower words of text
/// ("| | 193 0 | | 627 0 | 432 36463 |" / "| 性信息 | | 1 |" for 35211). A converter's pipe cells are not the
/// page's columns (two cells' numbers in one: "| 9 2 |"), but a number's
/// pieces stand in the pipe column of the values around its cell ("| 56
/// |" over "| 9 2 |" for 568 in 9 2 568), the row's values in columns to
/// their left before it and those to their right after it (`cell_of`, see
/// [`PipeCell`]); within that, only the sums place them: every way of
/// setting the pieces, each upper joined with the lower in the same place
/// on its line (no longer than it, not starting with 0), among the row's
/// values in order for which `holds`. One reading is certain; several are
/// not.
fn centred_pieces(
    (words, line_of, cell_of): (&[Word], &[usize], &[PipeCell]),
    run: &[usize],
    label: Option<usize>,
    cells: usize,
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    let value = |w: usize| digits_at(words, w).map(str::to_string);
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return Vec::new();
    };
    let on = |line: usize| -> Vec<usize> {
        run.iter()
            .copied()
            .filter(|&w| line_of[w] == line)
            .collect()
    };
    let (up, down) = (on(line_of[first]), on(line_of[last]));
    let row: Vec<usize> = run
        .iter()
        .copied()
        .filter(|w| !up.contains(w) && !down.contains(w))
        .collect();
    let shape = !row.is_empty()
        && up.len() == down.len()
        && row.len() + up.len() == cells
        && row.iter().all(|&w| line_of[w] == line_of[row[0]])
        && line_of[first] < line_of[row[0]]
        && line_of[row[0]] < line_of[last]
        && (on_own_lines(line_of, up[0], up[up.len() - 1])
            || label.is_some_and(|l| {
                line_of[l] <= line_of[up[0]]
                    && after_text((words, line_of), (up[0], up[up.len() - 1]))
            }))
        && (on_own_lines(line_of, down[0], last)
            || label.is_some() && after_text((words, line_of), (down[0], last)));
    let (Some(values), Some(pairs)) = (
        row.iter()
            .map(|&w| value(w))
            .collect::<Option<Vec<String>>>(),
        up.iter()
            .zip(&down)
            .map(|(&u, &d)| {
                let (u, d) = (value(u)?, value(d)?);
                (!u.starts_with('0') && d.len() <= u.len()).then(|| format!("{u}{WRAPPED}{d}"))
            })
            .collect::<Option<Vec<String>>>(),
    ) else {
        return Vec::new();
    };
    if !shape {
        return Vec::new();
    }
    // Whether the joined number `p`, after the row's first `before`
    // values, stands between the values of the pipe columns left and
    // right of its pieces'.
    let in_columns = |p: usize, before: usize| {
        let (Some((t, up_at)), Some((down_table, down_at))) = (cell_of[up[p]], cell_of[down[p]])
        else {
            return true;
        };
        let (left, right) = (up_at.min(down_at), up_at.max(down_at));
        t != down_table
            || row.iter().enumerate().all(|(i, &w)| match cell_of[w] {
                Some((table, at)) if table == t => match i < before {
                    true => at <= right,
                    false => at >= left,
                },
                _ => true,
            })
    };
    // Each way of choosing the places of the joined numbers, in order.
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut places: Vec<usize> = (0..pairs.len()).collect();
    loop {
        let mut reading = Vec::with_capacity(cells);
        let (mut p, mut v) = (0, 0);
        for c in 0..cells {
            if places.get(p) == Some(&c) {
                reading.push(pairs[p].clone());
                p += 1;
            } else {
                reading.push(values[v].clone());
                v += 1;
            }
        }
        let placed = places
            .iter()
            .enumerate()
            .all(|(p, &c)| in_columns(p, c - p));
        if placed && holds(&reading) && !found.contains(&reading) {
            found.push(reading);
        }
        // The next choice: the last place that can move, moved on, those
        // after it right behind it.
        let k = pairs.len();
        let Some(i) = (0..k).rev().find(|&i| places[i] < cells - k + i) else {
            break;
        };
        places[i] += 1;
        for j in i + 1..k {
            places[j] = places[j - 1] + 1;
        }
    }
    found
}

/// The ways of joining adjacent pieces of numbers (see [`joinings`]): each
/// piece starts a value or, across a gap that may be joined, continues the
/// one before; exactly as many values as the cells. A value once followed by
/// another is whole, so the sums among the values so far (the rest unknown)
/// are checked then: a way whose first values break a sum is not followed
/// further (表四's groups of five, each with its total, prune the ways of
/// joining a row with many numbers wrapped to a few).
struct Ways<'a> {
    pieces: &'a [&'a str],
    joinable: &'a [bool],
    cells: usize,
    holds: &'a dyn Fn(&[String]) -> bool,
}

impl Ways<'_> {
    fn visit(
        &self,
        i: usize,
        joins: usize,
        values: &mut Vec<String>,
        take: &mut dyn FnMut(Vec<String>),
    ) {
        let Some(piece) = self.pieces.get(i) else {
            if values.len() == self.cells {
                take(values.clone());
            }
            return;
        };
        if i > 0 && joins > 0 && self.joinable[i - 1] {
            let last = values.last_mut().expect("a piece before");
            let at = last.len();
            last.push(WRAPPED);
            last.push_str(piece);
            self.visit(i + 1, joins - 1, values, take);
            values.last_mut().expect("a piece before").truncate(at);
        }
        if values.len() < self.cells && (values.is_empty() || self.whole_so_far(values)) {
            values.push(piece.to_string());
            self.visit(i + 1, joins, values, take);
            values.pop();
        }
    }

    /// Whether the values so far, the last now whole, may begin a reading:
    /// the last a count (see [`may_be_count`]), the sums among them holding.
    fn whole_so_far(&self, values: &[String]) -> bool {
        if !may_be_count(values.last().expect("a value")) {
            return false;
        }
        let mut known = values.to_vec();
        known.resize(self.cells, String::new());
        (self.holds)(&known)
    }
}

/// Whether a reading of pieces joined may be a cell's count: a count, its
/// first piece not starting with 0 (joined from "0" and "47", no number).
fn may_be_count(value: &str) -> bool {
    !(value.starts_with('0') && value.len() > 1) && count_of(value).is_some()
}

/// Whether words `first..=last` have their lines to themselves: no word
/// before `first` on its line, none after `last` on its.
fn on_own_lines(line_of: &[usize], first: usize, last: usize) -> bool {
    (first == 0 || line_of[first - 1] < line_of[first])
        && line_of.get(last + 1).is_none_or(|&l| l > line_of[last])
}

/// The readings of [`joinings`], with a second when the one found may be a
/// number that is no value at all: a number standing alone on its line (a
/// page number, a footnote's mark, kept by text copied without its page
/// breaks) left out, the rest read as they are or joined also hold the
/// sums (a stray "100" after 0 9 6 8 0 0 23, cells one a line: 0 9 68 0 0
/// 23 100 holds, and so does 0 9 6 8 0 0 23 without it).
fn rejoined(
    words: &[Word],
    line_of: &[usize],
    run: &[usize],
    cells: usize,
    ways: (bool, After),
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    let mut found = joinings(words, line_of, run, cells, ways, holds);
    if found.len() != 1 {
        return found;
    }
    if let Some((_, mut other)) =
        without_one_alone(words, line_of, run, cells, (ways, false), holds).next()
    {
        found.extend(other.pop());
    }
    found
}

/// For each number of `run` standing alone on its line (see
/// [`rejoined`]), in turn, its word and the readings of [`joinings`] of
/// the rest (none where they do not hold). `(ways, at_ends)`: the ways of
/// joining, and whether only the run's first and last numbers are left out
/// (where a page's number stands, see [`only_one`]).
fn without_one_alone<'a>(
    words: &'a [Word],
    line_of: &'a [usize],
    run: &'a [usize],
    cells: usize,
    (ways, at_ends): ((bool, After), bool),
    holds: &'a dyn Fn(&[String]) -> bool,
) -> impl Iterator<Item = (usize, Vec<Vec<String>>)> + 'a {
    let alone = |w: usize| on_own_lines(line_of, w, w);
    let end = move |i: usize| !at_ends || i == 0 || i + 1 == run.len();
    (run.iter()
        .enumerate()
        .filter(move |&(i, &w)| end(i) && alone(w)))
    .map(move |(i, &w)| (w, without_one(words, line_of, (run, i), cells, ways, holds)))
    .filter(|(_, found)| !found.is_empty())
}

/// The readings of [`joinings`] of `run` without its `i`th number; one
/// alone on its line left out with its line, so that the lines around it
/// are next to each other ("3" / "0" / "0" / "1" / "0" / "8" without the
/// "1": pieces one a line).
fn without_one(
    words: &[Word],
    line_of: &[usize],
    (run, i): (&[usize], usize),
    cells: usize,
    ways: (bool, After),
    holds: &dyn Fn(&[String]) -> bool,
) -> Vec<Vec<String>> {
    let rest: Vec<usize> = [&run[..i], &run[i + 1..]].concat();
    let w = run[i];
    if !on_own_lines(line_of, w, w) {
        return joinings(words, line_of, &rest, cells, ways, holds);
    }
    // The words around the run (those `joinings` looks at: the run's, the
    // label's end it names, one on either side) without `w`, its line gone.
    let (adjacent, after) = ways;
    let named = match after {
        After::Text(k) | After::Below(_, k) => Some(k),
        After::Line(_) | After::Label(_) => None,
    };
    let (first, last) = (run[0], run[run.len() - 1]);
    let lo = named.map_or(first, |k| k.min(first)).saturating_sub(1);
    let hi = (named.map_or(last, |k| k.max(last)) + 2).min(words.len());
    let kept = (lo..hi).filter(|&k| k != w);
    let near: Vec<Word> = kept.clone().map(|k| words[k].clone()).collect();
    let lines: Vec<usize> = kept.map(|k| line_of[k] - usize::from(k > w)).collect();
    let at = |k: usize| k - lo - usize::from(k > w);
    let after = match after {
        After::Text(k) => After::Text(at(k)),
        After::Below(groups, k) => After::Below(groups, at(k)),
        After::Label(line) => After::Label(line - usize::from(line > line_of[w])),
        After::Line(one_a_line) => After::Line(one_a_line),
    };
    let rest: Vec<usize> = rest.into_iter().map(at).collect();
    joinings(&near, &lines, &rest, cells, (adjacent, after), holds)
}

/// The one reading among `readings` (the same one found more ways counts
/// once), if only one: a run no joining of which holds its row's sums
/// (see [`rejoined`]) read with a number standing alone on its line left
/// out ([`without_one_alone`]: a page's number after a row's numbers,
/// cells one a line: "0" / "698" / "4" / "0" / "7" / "0" / "709" / "4", the
/// page's 4), if only one does, whichever is left out, and the run's first
/// or last is (where a page's number stands: with the row's total lost,
/// "0 1 0 6 0 3 0 4" held as 0 1 0 0 3 0 | 4 without its 6; a "9" doubled,
/// "9 2 9 6 8 4 3 32" holds without either 9, 2 in 自然人 without the
/// first). Each reading comes with what was left out (the first found of
/// that reading's).
fn only_one<T>(readings: impl Iterator<Item = (T, Vec<String>)>) -> Option<(T, Vec<String>)> {
    let mut found: Vec<(T, Vec<String>)> = Vec::new();
    for (left_out, reading) in readings {
        if !found.iter().any(|(_, r)| *r == reading) {
            found.push((left_out, reading));
        }
    }
    match <[(T, Vec<String>); 1]>::try_from(found) {
        Ok([one]) => Some(one),
        Err(_) => None,
    }
}

/// The rows a note of many rows of one cause names at most.
const UNSUMMED_SHOWN: usize = 5;

/// Rows named in a note: many such rows come of one cause (the text's
/// order, a cut column), not of many slips, so the first few show it.
fn first_few(rows: &[String]) -> String {
    if rows.len() > UNSUMMED_SHOWN {
        format!("{}等", rows[..UNSUMMED_SHOWN].join("、"))
    } else {
        rows.join("、")
    }
}

/// Rows of a table read from words whose numbers came in order and as many
/// as the row's cells, but whose total is not the sum of its parts, where
/// they are not certain to stand as on the page (see
/// [`RowValues::Printed`]): left unread (the numbers may be out of order,
/// or pieces of numbers wrapped), and named in one note, as the
/// report's own 勾稽 error is the likelier cause, which the reviewer checks
/// against the source (or a column cut at the page's edge: the rows no
/// other sum checks, see [`read_cut`]).
#[derive(Default)]
struct Unsummed(Vec<(&'static str, u64, u64)>);

impl Unsummed {
    fn note(self, table: &Table, out: &mut Recognised) {
        if self.0.is_empty() {
            return;
        }
        // A total the first digits of its sum: the last column cut at the
        // page's right edge (a table wider than the page, whose PDF shows
        // and holds only what fits). Every row so: cut, not a 勾稽 error
        // (one row alone: either). Some so and some not (a wide table in a
        // report with its own slips): each cause named, and the rows not
        // cut, which want the closer look, listed first.
        let is_cut = |&(_, total, sum): &(&str, u64, u64)| cut_off(total, sum);
        let cut = self.0.iter().filter(|r| is_cut(r)).count();
        let rest = self.0.len() - cut;
        let why = match (cut, rest) {
            (1, 0) => "该行的总计只是各项之和的前几位数字，可能是表格比页面宽，最右一列的数字在页面边缘被截断，也可能是原报告的勾稽错误：请对照原文或该报告的网页、Word 文件核实后填写".to_string(),
            (_, 0) => "这些行的总计都只是各项之和的前几位数字，可能是表格比页面宽，最右一列的数字在页面边缘被截断：请对照原文或该报告的网页、Word 文件核实后填写".to_string(),
            (2.., _) => format!("其中 {cut} 行的总计只是各项之和的前几位数字，可能是表格比页面宽，最右一列的数字在页面边缘被截断；另 {rest} 行可能是原报告的勾稽错误，{COPIED_OUT_OF_ORDER}：请对照原文或该报告的网页、Word 文件核实后填写"),
            _ => format!("可能是原报告的勾稽错误，{COPIED_OUT_OF_ORDER}，请对照原文核实后填写"),
        };
        let first = |r: &&(&str, u64, u64)| cut < 2 || !is_cut(r);
        let rows: Vec<String> = (self.0.iter().filter(first))
            .chain(self.0.iter().filter(|r| !first(r)))
            .map(|(row, total, sum)| format!("「{row}」（总计 {total}，各项之和 {sum}）"))
            .collect();
        let shown = first_few(&rows);
        out.notes.push(format!(
            "{}有 {} 行的数字个数相符，但总计不等于各项之和，未导入：{shown}。{why}",
            crate::rules::cells::table_name(table.key),
            rows.len(),
        ));
    }
}

/// Whether a row's printed total is the first digits of the sum of its
/// parts: its last column cut at the page's right edge (a table wider than
/// the page, whose PDF shows and holds only what fits), or the report's
/// own slip (see [`Unsummed`]).
fn cut_off(total: u64, sum: u64) -> bool {
    let (total, sum) = (total.to_string(), sum.to_string());
    sum.len() > total.len() && sum.starts_with(&total)
}

/// A row whose total was cut off ([`cut_off`]): its block and row, its
/// numbers (as many as its cells; the total's empty when none was
/// printed), and its total as printed with its sum (none: its whole
/// column lost).
type CutRow = (usize, usize, Vec<String>, Option<(u64, u64)>);

/// Reads the rows whose total column was cut at the page's edge
/// ([`cut_off`]), or lost whole (no row of the block shows its total),
/// but for their totals; and so the rows of such a block whose total is not
/// their sum (`misfits`: their totals may be cut there too). Their other
/// numbers are where a row's stand (as many as its cells, the last the
/// total's first digits; or one fewer), but their own sum no longer checks
/// them; the table's other sums do: each number is read where a sum down
/// its column (see [`column_sums`]: its block's total row with all its
/// parts, (七)总计 and the rows it sums, or the table's balance, 一 + 二 −
/// (七) = 四) holds with it, every cell it needs known (not the cells of
/// rows read as printed, `printed`: see [`RowValues::Printed`]); a column
/// whose sums do not hold (a number printed wrong in it, the report's slip)
/// stays unread, and so do the 0s of a row two of whose columns' sums do
/// not hold, its total no cut one (its numbers may have moved, a 0 into a
/// blank cell's place). Their totals stay unread (the app sums them).
/// `read` as in [`read_stream`]; the rows some of whose numbers were read.
fn read_cut<'c>(
    table: &Table,
    (cut, misfits, printed): (&'c [CutRow], &'c [CutRow], &[usize]),
    waiting: &[Waiting],
    read: &mut Vec<(usize, String, String)>,
) -> Vec<&'c CutRow> {
    let format = crate::format::current();
    let cell = |b: usize, r: usize, c: usize| {
        let block = &table.blocks[b];
        format.cell_at(table.key, block.rows[r].key, block.columns[c].key)
    };
    let in_read = |b: usize, r: usize, c: usize| read_cell(table, (read, printed), (b, r, c));
    // Rows none of whose cells another way read.
    let misfits = (misfits.iter()).filter(|x| cut.iter().any(|y| y.0 == x.0) && all_drawn(&x.2));
    let cut: Vec<&CutRow> = (cut.iter().chain(misfits))
        .filter(|(b, r, values, ..)| (0..values.len()).all(|c| in_read(*b, *r, c).is_none()))
        .collect();
    let (mut taken, mut cells) = (Vec::new(), Vec::new());
    for (b, block) in table.blocks.iter().enumerate() {
        let here: Vec<&CutRow> = cut.iter().copied().filter(|x| x.0 == b).collect();
        if here.is_empty() {
            continue;
        }
        let part = |c: usize| block.columns[c].total_of.is_empty();
        // (A row one number short, its empty cell's place unknown: the
        // cells all its readings agree on, see [`placed_by_columns`].)
        let agreed_on = |r: usize, c: usize| {
            let w = waiting.iter().find(|w| w.3 && (w.0, w.1) == (b, r))?;
            count_of(&agreed(&w.2, String::new())?[c])
        };
        let known_at = |r: usize, c: usize| match here.iter().find(|x| x.1 == r) {
            Some(x) => part(c).then(|| count_of(&x.2[c])).flatten(),
            None => match in_read(b, r, c) {
                Some(x) => count_of(&x.1),
                None => agreed_on(r, c),
            },
        };
        let grid = cell_grid(block, known_at);
        let known = |r: usize, c: usize| grid[r][c];
        let sums = column_sums(table, block);
        // A total row's sum failing in a column may be its numbers cut at
        // the page's edge (the last column printed, the total column
        // lost): its rows are unsure there, and a sum holding with one
        // checks nothing (本年新收 and （七）总计 both 179205 cut to "1792",
        // 上年结转 and 结转下年度 0: the balance holds, 1792 plus 0 is 1792
        // plus 0, while （七）总计's own sum fails). (Not the balance's
        // failing: a report that does not balance is common, and its rows'
        // other sums check them.)
        let unsure_at = |r: usize, c: usize| {
            (sums.iter())
                .filter(|sum| sum.1.len() == 1 && in_sum(r, sum))
                .any(|sum| column_sum_sides(sum, c, &known) == Some(false))
        };
        let unsure = cell_grid(block, unsure_at);
        let holds = |r: usize, c: usize| {
            (sums.iter()).filter(|sum| in_sum(r, sum)).any(|sum| {
                column_sum_holds(sum, c, &known)
                    && !(sum.0.iter().chain(&sum.1)).any(|&x| unsure[x][c])
            })
        };
        for &x in &here {
            let (_, r, ref values, ..) = *x;
            let before = cells.len();
            // A row may have its numbers moved (a cell left blank and lost,
            // a number wrapped in two, the count fitting by chance): a 0
            // moved holds as the blank it stands for does. A number moved
            // breaks the sums of the column it left and the one it took,
            // so where two of the row's columns' sums fail its 0s stay
            // unread; unless its total is its parts' sum's first digits
            // (cut), which numbers moved would not make. (One column's sum
            // failing is a slip, or its column cut at the page's edge.)
            let checked: Vec<usize> = (0..values.len()).filter(|&c| part(c)).collect();
            let failing = checked.iter().filter(|&&c| !holds(r, c)).count();
            let cut = x.3.is_some_and(|(total, sum)| cut_off(total, sum));
            let zero = |c: usize| failing >= 2 && !cut && count_of(&values[c]) == Some(0);
            for c in checked.into_iter().filter(|&c| !zero(c) && holds(r, c)) {
                if let Some(i) = cell(b, r, c) {
                    cells.push((i, values[c].clone(), block.rows[r].label.to_string()));
                }
            }
            if cells.len() > before {
                taken.push(x);
            }
        }
    }
    read.extend(cells);
    taken
}

/// A row of [`RowValues::CutPlacings`]: its block and row, its readings
/// (see [`cut_placings`]), and its total as printed with its parts' sum.
type CutWays = (usize, usize, Vec<Vec<String>>, (u64, u64));

/// The readings of row `r` of `block` (block `b`), its `values` one number
/// short and no reading holding its sum (see [`fewer`]), where its total
/// is its parts' sum's first digits (its column cut at the page's edge,
/// see [`cut_off`]) with a cell among its parts left empty (blank, or a
/// mark its PDF's font could not map): "0 0 541 0 0 54" for 0 0 (empty)
/// 541 0 0 | 541, or 0 0 541 (empty) 0 0. The places of the empty cell as
/// [`with_an_empty_cell`] gives them (those giving every cell the same
/// count one reading, its cells 0 in one and empty in another unknown);
/// the sums down the columns choose (see [`placed_by_columns`]).
fn cut_placings(block: &Block, (b, r): (usize, usize), values: &[&String]) -> RowValues {
    let sides = |reading: &[String]| row_mismatch(block, &|_, c| count_of(&reading[c]), r);
    let cut = |reading: &[String]| sides(reading).is_some_and(|(total, sum)| cut_off(total, sum));
    let ways = with_an_empty_cell(values, block.columns.len(), &cut);
    match ways.first().and_then(|way| sides(way)) {
        Some(sides) => RowValues::CutPlacings((b, r, ways, sides)),
        None => RowValues::Unread,
    }
}

/// Row `r` of `block` (block `b`) from its `run` of numbers (text of a
/// cell a line) one more than its cells, the last alone on its line,
/// where the others are the row's with its total its parts' sum's first
/// digits (see [`cut_off`]): a page's number after a row whose total was
/// cut at the page's edge ("0 0 1 7 0 413 4" / "5", 4 for 421, the page's
/// 5; PyMuPDF's "728" / … / "15" / "5" for 1570), which no reading holding
/// the row's sum leaves out (see [`without_one_alone`]). A row cut, for
/// [`read_cut`]: its parts read where the sums down their columns hold.
fn cut_before_a_stray(
    block: &Block,
    (b, r): (usize, usize),
    words: &[Word],
    line_of: &[usize],
    run: &[usize],
) -> RowValues {
    let Some((&last, rest)) = run.split_last() else {
        return RowValues::Unread;
    };
    let values: Vec<String> = rest
        .iter()
        .filter_map(|&w| words[w].value().cloned())
        .collect();
    let counts: Option<Vec<u64>> = values.iter().map(|v| count_of(v)).collect();
    let sides = counts
        .filter(|c| c.len() == rest.len() && c.len() == block.columns.len() && one_total(block))
        .filter(|_| {
            !values.iter().any(|v| v.contains(WRAPPED)) && on_own_lines(line_of, last, last)
        })
        .and_then(|c| row_mismatch(block, &|_, col| Some(c[col]), r));
    match sides {
        Some((total, sum)) if cut_off(total, sum) => {
            RowValues::CutBeforeStray((b, r, values, Some((total, sum))))
        }
        _ => RowValues::Unread,
    }
}

/// The cell of row `r`, column `c` of block `b` of `table` as `read`, if
/// read and not as printed (`printed`: a row read as printed, its total
/// not its sum, checks no other; see [`RowValues::Printed`]).
fn read_cell<'a>(
    table: &Table,
    (read, printed): (&'a [(usize, String, String)], &[usize]),
    (b, r, c): (usize, usize, usize),
) -> Option<&'a (usize, String, String)> {
    let block = &table.blocks[b];
    let format = crate::format::current();
    let i = format.cell_at(table.key, block.rows[r].key, block.columns[c].key)?;
    (!printed.contains(&i)).then(|| read.iter().find(|x| x.0 == i))?
}

/// A row for [`placed_by_columns`] to place: its block and row, its
/// readings, and, for a row cut, its total and sum.
type ToPlace<'a> = (usize, usize, &'a [Vec<String>], Option<(u64, u64)>);

/// Rows of several readings in a block some of whose rows' totals were cut
/// at the page's edge: those of [`RowValues::CutPlacings`] (`ways`) and
/// the rows one number short whose own sum holds for each place of their
/// empty cell (`waiting`, see [`RowValues::Placings`]: "无 0 0 0 3 0 3",
/// the 无 taken for a word of the label, as 0 0 0 0 3 0 | 3 or 0 0 0 3 0
/// 0 | 3), each as the one of its readings under which a sum down each
/// column where its readings differ holds (see [`column_sums`]), every
/// cell that sum needs known: by the rows cut (`cut`, their parts; and
/// `misfits`', their totals not their sums, as printed), the rows read
/// (`read`, not those read as printed, `printed`: see
/// [`RowValues::Printed`]), and the cells on which the readings of each
/// other such row agree (see [`agreed`]). A column whose sum no reading
/// holds (a slip in another row's number there, the report's) tells none
/// apart and is passed over; a column left unknown leaves the row for
/// later. None where no reading or more than one does. A row placed so places the others with it; the rows of
/// a block left are tried together (each in one column's sum with another
/// places it only so), the one way of reading them all whose sums hold,
/// if only one (up to `TOGETHER` ways). The first, as rows cut (for
/// [`read_cut`], whose sums check each number again); the second, in
/// `waiting` with the one reading (for [`read_agreed`], whose sums check
/// each cell again), a row whose sums do not place it left with its
/// readings. In a block without a cut row, none: the sums of
/// [`read_by_other_sums`] chose the rows they could.
fn placed_by_columns(
    table: &Table,
    (cut, misfits, ways, waiting): (&[CutRow], &[CutRow], &[CutWays], &mut [Waiting]),
    (read, printed): (&[(usize, String, String)], &[usize]),
) -> Vec<CutRow> {
    // (Ways to place a block's rows together, at most: beyond, none is
    // tried together. Each way checks the rows' columns anew, about 6 µs
    // natively: 6144 ways, seven rows of two to four readings, took 40 ms;
    // see `make bench`.)
    const TOGETHER: usize = 1_000;
    let cut_block = |b: usize| cut.iter().any(|x| x.0 == b);
    let mut rows: Vec<ToPlace> = (ways.iter())
        .filter(|x| cut_block(x.0))
        .map(|(b, r, ways, sides)| (*b, *r, &ways[..], Some(*sides)))
        .collect();
    rows.extend(
        (waiting.iter())
            .filter(|w| w.3 && cut_block(w.0))
            .map(|w| (w.0, w.1, &w.2[..], None)),
    );
    // The cells of the rows not to place, and the sums down each block's
    // columns, looked up once (each way asks for them anew).
    let fixed_at = |b: usize, row: usize, c: usize| -> Option<u64> {
        let part = table.blocks[b].columns[c].total_of.is_empty();
        // (A row whose total is not its sum, no cut one, in a cut block:
        // its parts as printed, as [`read_cut`] takes them.)
        match (cut.iter().chain(misfits.iter().filter(|x| all_drawn(&x.2))))
            .find(|x| (x.0, x.1) == (b, row))
        {
            Some(x) => part.then(|| count_of(&x.2[c])).flatten(),
            None => count_of(&read_cell(table, (read, printed), (b, row, c))?.1),
        }
    };
    let (fixed, sums): (Vec<Vec<Vec<Option<u64>>>>, Vec<_>) = (table.blocks.iter().enumerate())
        .map(|(b, block)| match rows.iter().any(|x| x.0 == b) {
            true => (
                cell_grid(block, |row, c| fixed_at(b, row, c)),
                column_sums(table, block),
            ),
            false => (Vec::new(), Vec::new()),
        })
        .unzip();
    // Each reading's counts, parsed once.
    let counts: Vec<Vec<Vec<Option<u64>>>> = (rows.iter())
        .map(|x| {
            (x.2.iter())
                .map(|v| v.iter().map(|v| count_of(v)).collect())
                .collect()
        })
        .collect();
    // Row `k` read as its reading `j`, in each column where its readings differ:
    // whether a sum down it holds (Some(true)), is unknown (None) or fails,
    // the other rows to place read as `other(o, column)` gives for row `o`
    // of `rows` (their cells unknown where it gives none).
    let column_sides = |k: usize, j: usize, other: &dyn Fn(usize, usize) -> Option<u64>| {
        let (b, r, ..) = rows[k];
        let block = &table.blocks[b];
        let part = |c: usize| block.columns[c].total_of.is_empty();
        let known = |row: usize, c: usize| -> Option<u64> {
            if row == r {
                return counts[k][j][c];
            }
            if let Some(o) = (0..rows.len()).find(|&o| (rows[o].0, rows[o].1) == (b, row)) {
                // (A cut total checks nothing.)
                if rows[o].3.is_some() && !part(c) {
                    return None;
                }
                return other(o, c);
            }
            fixed[b][row][c]
        };
        let differ = |c: &usize| part(*c) && counts[k].iter().any(|x| x[*c] != counts[k][0][*c]);
        (0..block.columns.len())
            .filter(differ)
            .map(|c| {
                let sides: Vec<Option<bool>> = (sums[b].iter())
                    .filter(|sum| in_sum(r, sum))
                    .map(|sum| column_sum_sides(sum, c, &known))
                    .collect();
                match sides.contains(&Some(true)) {
                    true => Some(true),
                    false => sides.iter().all(Option::is_some).then_some(false),
                }
            })
            .collect::<Vec<Option<bool>>>()
    };
    let holds_all = |sides: Vec<Option<bool>>| sides.iter().all(|s| *s == Some(true));
    // The reading chosen for each: one at a time, the others' cells those
    // their readings agree on, while any is placed so.
    let mut chosen: Vec<Option<usize>> = vec![None; rows.len()];
    let agreed_on: Vec<Option<Vec<Option<u64>>>> = (rows.iter())
        .map(|x| {
            Some(
                agreed(x.2, String::new())?
                    .iter()
                    .map(|v| count_of(v))
                    .collect(),
            )
        })
        .collect();
    let agreed_or_chosen = |chosen: &[Option<usize>], o: usize, c: usize| match chosen[o] {
        Some(j) => counts[o][j][c],
        None => agreed_on[o].as_ref()?[c],
    };
    loop {
        let mut placed_one = false;
        for k in 0..rows.len() {
            if chosen[k].is_some() {
                continue;
            }
            let other = |o: usize, c: usize| agreed_or_chosen(&chosen, o, c);
            // A column whose sum no reading holds (a slip in another row's
            // number there, the report's) tells none apart; one unknown,
            // not yet.
            let sides: Vec<Vec<Option<bool>>> = (0..rows[k].2.len())
                .map(|j| column_sides(k, j, &other))
                .collect();
            if sides.iter().flatten().any(Option::is_none) {
                continue;
            }
            let telling = |j: usize| sides.iter().any(|x| x[j] == Some(true));
            let fitting: Vec<usize> = (0..sides.len())
                .filter(|&x| (0..sides[x].len()).all(|j| !telling(j) || sides[x][j] == Some(true)))
                .collect();
            if let [one] = fitting[..] {
                chosen[k] = Some(one);
                placed_one = true;
            }
        }
        if !placed_one {
            break;
        }
    }
    // Then the rows left of each block together (two in one column's sum
    // place each other only so): the one way of reading them all whose
    // sums hold.
    for (b, _) in table.blocks.iter().enumerate() {
        let open: Vec<usize> = (0..rows.len())
            .filter(|&k| rows[k].0 == b && chosen[k].is_none())
            .collect();
        // (Counted without overflowing: many rows of many readings.)
        let ways = (open.iter()).try_fold(1usize, |n, &k| {
            n.checked_mul(rows[k].2.len()).filter(|&n| n <= TOGETHER)
        });
        let Some(ways) = ways.filter(|_| open.len() >= 2) else {
            continue;
        };
        let mut found: Vec<Vec<usize>> = Vec::new();
        for mut n in 0..ways {
            let mut pick = vec![0; rows.len()];
            for &k in &open {
                pick[k] = n % rows[k].2.len();
                n /= rows[k].2.len();
            }
            let other = |o: usize, c: usize| match open.contains(&o) {
                true => counts[o][pick[o]][c],
                false => agreed_or_chosen(&chosen, o, c),
            };
            if open
                .iter()
                .all(|&k| holds_all(column_sides(k, pick[k], &other)))
            {
                found.push(pick);
            }
        }
        if let [pick] = &found[..] {
            for &k in &open {
                chosen[k] = Some(pick[k]);
            }
        }
    }
    // (The rows' places, apart from `waiting`, which they borrow.)
    let rows: Vec<_> = (rows.iter().zip(chosen))
        .map(|(x, one)| ((x.0, x.1, x.3), one.map(|j| x.2[j].clone())))
        .collect();
    let mut placed = Vec::new();
    for ((b, r, sides), one) in rows {
        match (sides, one) {
            (Some(sides), Some(one)) => placed.push((b, r, one, Some(sides))),
            (None, Some(one)) => {
                if let Some(w) = waiting.iter_mut().find(|w| (w.0, w.1) == (b, r)) {
                    w.2 = vec![one];
                }
            }
            (_, None) => {}
        }
    }
    placed
}

/// The sums of `table`'s `block` down its columns, each as the rows whose
/// values add up (first) to those of the others (second), in every column:
/// each total row's (the rows it sums; itself alone) and the table's
/// balance's (一 + 二; (七) + 四, two rows), where the block has all its rows.
fn column_sums(table: &Table, block: &Block) -> Vec<(Vec<usize>, Vec<usize>)> {
    let at =
        |keys: &[&str]| -> Option<Vec<usize>> { keys.iter().map(|k| block.row_index(k)).collect() };
    let mut sums: Vec<(Vec<usize>, Vec<usize>)> = (block.rows.iter().enumerate())
        .filter(|(_, row)| !row.total_of.is_empty())
        .filter_map(|(t, row)| Some((at(row.total_of)?, vec![t])))
        .collect();
    if let Some(balance) = &table.balance {
        if let (Some(inflow), Some(outflow)) = (
            at(balance.inflow),
            at(&[balance.handled, balance.remainder]),
        ) {
            sums.push((inflow, outflow));
        }
    }
    sums
}

/// Whether the sum down the columns `sum` (see [`column_sums`]) holds in
/// column `c` with the values `known(row, column)`, every cell it needs
/// known.
fn column_sum_holds(
    sum: &(Vec<usize>, Vec<usize>),
    c: usize,
    known: &dyn Fn(usize, usize) -> Option<u64>,
) -> bool {
    column_sum_sides(sum, c, known) == Some(true)
}

/// Whether the two sides of the sum down the columns `sum` are equal in
/// column `c` with the values `known(row, column)`: Some(false), the sum
/// fails; None when a cell it needs is unknown (it neither holds nor fails).
fn column_sum_sides(
    (plus, minus): &(Vec<usize>, Vec<usize>),
    c: usize,
    known: &dyn Fn(usize, usize) -> Option<u64>,
) -> Option<bool> {
    let add = |rows: &[usize]| {
        rows.iter()
            .try_fold(0u64, |sum, &r| sum.checked_add(known(r, c)?))
    };
    Some(add(plus)? == add(minus)?)
}

/// `at(row, column)` for each cell of `block`, by row: looked up once
/// where sums down the columns ask for each cell many times.
fn cell_grid<T>(block: &Block, at: impl Fn(usize, usize) -> T) -> Vec<Vec<T>> {
    (0..block.rows.len())
        .map(|r| (0..block.columns.len()).map(|c| at(r, c)).collect())
        .collect()
}

/// Whether row `r` is in the sum down the columns `sum`.
fn in_sum(r: usize, (plus, minus): &(Vec<usize>, Vec<usize>)) -> bool {
    plus.contains(&r) || minus.contains(&r)
}

/// The largest number left out of a row as a page's number (see
/// [`RowValues::LeftOut`]): an annual report has tens of pages. A row's own
/// last number alone on its line may stand where a page's would, the rest
/// holding the row's sums without it ("6 0 248 0 476 49" / "779" / "1227",
/// 497 wrapped, its piece "7" lost and 779 in its place: 49 and 779 held,
/// 1227 left out; found by the mutation test, salt 29): a larger one is
/// no page's.
const PAGE_NUMBER_MAX: u64 = 99;

/// How far apart the page numbers of one table may be (a table of three
/// or four pages; a note's marks are as small): see [`read_by_columns`].
const PAGES_APART: u64 = 3;

/// Reads the rows whose total is not their sum (see [`Unsummed`]; not cut
/// at the page's edge: `misfits`) where the table's other sums check their
/// numbers: one number of each row printed wrong (the report's 勾稽 error,
/// its row's total off by as much), in one way alone of placing it (its
/// column, for each row) every number of the rows stands in a sum down its
/// column (see [`column_sums`]) whose cells are all known and that holds,
/// the wrong one taken for what the row's total says. Each number but the
/// wrong one is then where its column's sum puts it, and that one in the
/// place left (numbers out of order break two columns' sums, which one
/// number wrong in a row does not mend): the row is read as printed, for
/// the checks to name. A sum the report breaks elsewhere (an unbalanced
/// 一 + 二 = (七) + 四) checks none. The rows of a block are tried together
/// (two in one sum check it only together), first with its rows of several
/// readings the other sums did not choose (`waiting`, see [`Waiting`]: each
/// waits for the other's cells), a reading of each one more choice of the
/// way, then without, then each alone (with the rows waiting, then
/// without), the others unknown. Not in a block some of whose rows were cut
/// at the page's edge (`cut`: a cut total may look so), nor where the wrong
/// number is a total as long as the block's longest other (it may be cut
/// there too) unless no number was cut (`uncut`, see [`How`]), nor where
/// the wrong number has fewer digits than the number its column needs (it
/// may be a piece of a number wrapped in its cell: "2774" / "0" for
/// 27740, its pieces read as two cells, hunt 1190007, the next cell's 无
/// lost; a digit of it lost too, "274", in the mutation test), nor by a
/// piece marked damaged
/// (`misfits` hold none, see `Found::damaged`), nor where it is a row's
/// first or last number within [`PAGES_APART`] of a number a row was read
/// without (`strays`, see [`RowValues::LeftOut`]: a page's number where
/// the page broke, in a lost number's place); a row is checked by rows
/// read otherwise (not as printed, `printed`, see [`read_cut`]), and by
/// those read as printed whose total is not their sum (the report's other
/// 勾稽 errors, at most `MAX_PRINTED_SLIPS` of a block) with their wrong
/// number placed too, each way with the rows tried (the rows waiting, last,
/// with each of two such rows alone, the other unknown: one no sum checks,
/// an unbalanced table's 一, would leave every way unchecked). A row may
/// hold one empty cell placed by the page's columns, and numbers joined
/// from their pieces (see [`checked_by_columns`]): the empty cell counts 0
/// and stays unread; neither is taken for the wrong number, which its
/// column's sum does not check. The rows read, as `read_cut`'s.
fn read_by_columns<'c>(
    table: &Table,
    (misfits, cut): (&'c [CutRow], &[CutRow]),
    (printed, strays): (&[usize], &[u64]),
    (uncut, waiting): (bool, &[Waiting]),
    read: &mut Vec<(usize, String, String)>,
) -> Vec<&'c CutRow> {
    // (Ways to read rows together, at most: beyond, none is tried.)
    const WAYS: usize = 20_000;
    // (More rows than this together are tried each alone: the ways to
    // place a number wrong in each grow as the cells to the rows' power.)
    const TOGETHER: usize = 4;
    // (More rows read as printed with their total not their sum than this
    // in a block, and none checks a row: too many ways.)
    const MAX_PRINTED_SLIPS: usize = 2;
    let format = crate::format::current();
    let mut taken: Vec<&CutRow> = Vec::new();
    let mut cells = Vec::new();
    for (b, block) in table.blocks.iter().enumerate() {
        let here: Vec<&CutRow> = misfits
            .iter()
            .filter(|x| x.0 == b && x.3.is_some())
            .collect();
        // (Rows one number short waiting, with rows read as printed whose
        // total is not their sum, are tried together with none of these:
        // see below.)
        let waits_here = waiting.iter().any(|w| w.0 == b);
        if (here.is_empty() && !waits_here) || !one_total(block) || cut.iter().any(|x| x.0 == b) {
            continue;
        }
        let n = block.columns.len();
        let cell =
            |r: usize, c: usize| format.cell_at(table.key, block.rows[r].key, block.columns[c].key);
        let sums = column_sums(table, block);
        // The rows read as printed whose total is not their sum (the
        // report's other 勾稽 errors, `printed`): their cells check the
        // rows tried only with their wrong number placed too, each way
        // with the tried rows' (not read again: they are read).
        let mut printed_slips: Vec<CutRow> = (0..block.rows.len())
            .filter_map(|r| {
                let values: Vec<String> = (0..n)
                    .map(|c| {
                        let i = cell(r, c).filter(|i| printed.contains(i))?;
                        Some(read.iter().find(|x| x.0 == i)?.1.clone())
                    })
                    .collect::<Option<_>>()?;
                let sides = row_mismatch(block, &|_, c| count_of(&values[c]), r)?;
                Some((b, r, values, Some(sides)))
            })
            .collect();
        if printed_slips.len() > MAX_PRINTED_SLIPS {
            printed_slips.clear();
        }
        // (No row of these: the rows waiting are tried with those read as
        // printed alone, their wrong numbers placed, each way with the
        // waiting rows' readings; hunt 1225000's PDF, 3.危及… "0 0 0 527 0
        // 332 862" side by side, a slip, and 7.属于行政执法案卷 "1 0 414 0 6
        // 421", a cell blank whose place the page's columns did not tell,
        // with 上年结转 of an unbalanced table, a slip too, among these.)
        if here.is_empty() && printed_slips.is_empty() {
            continue;
        }
        // (Each try: its rows, whether with the rows waiting, and the rows
        // read as printed with it.)
        let all_slips: Vec<&CutRow> = printed_slips.iter().collect();
        let mut tries: Vec<(Vec<&CutRow>, bool, Vec<&CutRow>)> = Vec::new();
        if here.len() <= TOGETHER {
            if waits_here {
                tries.push((here.clone(), true, all_slips.clone()));
            }
            if !here.is_empty() {
                tries.push((here.clone(), false, all_slips.clone()));
            }
        }
        // (Each alone: with the rows waiting first, the others unknown; one
        // no sum checks, an unbalanced table's 一, leaves every way of them
        // together unchecked.)
        if here.len() > 1 {
            for &x in &here {
                if waits_here {
                    tries.push((vec![x], true, all_slips.clone()));
                }
                tries.push((vec![x], false, all_slips.clone()));
            }
        }
        // (Last, the rows waiting with those read as printed, none of these:
        // a row of these the sums cannot check, one of an unbalanced
        // table's 一, 二 or 四, checks nothing; so, two read as printed, the
        // rows waiting with each alone, the other unknown (hunt 1231004's
        // browser copy: 一、本年新收… a slip of a table whose 一 + 二 = (七) +
        // 四 does not hold, 3.危及… a slip among (七)总计's rows, and
        // 3.补正后申请内容仍不明确 blank and 无 in its first two cells).)
        if waits_here && !here.is_empty() && !printed_slips.is_empty() {
            tries.push((Vec::new(), true, all_slips.clone()));
        }
        if waits_here && all_slips.len() > 1 {
            tries.extend(all_slips.iter().map(|&x| (Vec::new(), true, vec![x])));
        }
        // (Whether a try has read the rows waiting.)
        let mut waits_read = false;
        for (tried, with_waiting, slips) in tries {
            if tried
                .iter()
                .any(|x| taken.iter().any(|y| std::ptr::eq(*x, *y)))
                || (with_waiting && waits_read)
            {
                continue;
            }
            // (The rows tried first, then those read as printed.)
            let group: Vec<&CutRow> = tried.iter().copied().chain(slips).collect();
            // Tried together, with the block's rows of several readings
            // whose choice waited for these rows' cells (see
            // [`Waiting`]): each way of placing the wrong numbers with each
            // choice of their readings.
            let waits: Vec<&Waiting> = match with_waiting {
                true => waiting.iter().filter(|w| w.0 == b).collect(),
                false => Vec::new(),
            };
            let placings = n.pow(group.len() as u32);
            let ways = (waits.iter()).try_fold(placings, |ways, w| ways.checked_mul(w.2.len()));
            let Some(ways) = ways.filter(|&ways| ways <= WAYS) else {
                continue;
            };
            let reading = |way: usize, w: usize| {
                let mut at = way / placings;
                for wait in &waits[..w] {
                    at /= wait.2.len();
                }
                &waits[w].2[at % waits[w].2.len()]
            };
            let rows: Vec<usize> = group.iter().map(|x| x.1).collect();
            let known_at = |row: usize, c: usize| -> Option<u64> {
                if let Some(x) = group.iter().find(|x| x.1 == row) {
                    return count_of(&x.2[c]);
                }
                let i = cell(row, c).filter(|i| !printed.contains(i))?;
                count_of(&read.iter().find(|x| x.0 == i)?.1)
            };
            let grid = cell_grid(block, known_at);
            // Each way to place one number wrong in each row (its column,
            // for each row), its value less what the row's total is off by
            // (a part; a total, more; none below 0): every cell of the rows
            // then in a sum whose cells are all known and that holds (a sum
            // the report breaks elsewhere, as an unbalanced 一 + 二 = (七) +
            // 四, checks none).
            let off: Vec<i128> = (group.iter())
                .map(|x| {
                    x.3.map_or(0, |(total, sum)| i128::from(total) - i128::from(sum))
                })
                .collect();
            // A total may be cut at the page's edge (see
            // `Found::side_by_side`) where it has as many digits as the
            // longest of the block's others: a way that takes it for the
            // wrong number is not read.
            let digits = |v: &str| v.chars().filter(char::is_ascii_digit).count();
            let longest = (0..block.rows.len())
                .filter(|r| !rows.contains(r))
                .filter_map(|r| {
                    Some(digits(
                        &read.iter().find(|x| Some(x.0) == cell(r, n - 1))?.1,
                    ))
                })
                .max();
            let total_whole =
                |g: usize| uncut || longest.is_some_and(|m| digits(&group[g].2[n - 1]) < m);
            let mut holding = Vec::new();
            for way in 0..ways {
                let place = |g: usize| way % placings / n.pow(g as u32) % n;
                let value = |row: usize, c: usize| -> Option<u64> {
                    if let Some(w) = waits.iter().position(|w| w.1 == row) {
                        return count_of(&reading(way, w)[c]);
                    }
                    let v = i128::from(grid[row][c]?);
                    let v = match rows.iter().position(|&r| r == row) {
                        Some(g) if place(g) == c && c == n - 1 => v - off[g],
                        Some(g) if place(g) == c => v + off[g],
                        _ => v,
                    };
                    u64::try_from(v).ok()
                };
                let checked = |r: usize, c: usize| {
                    (sums.iter()).any(|sum| in_sum(r, sum) && column_sum_holds(sum, c, &value))
                };
                let all = rows.iter().chain(waits.iter().map(|w| &w.1));
                // (Nor an empty cell nor a number joined from its pieces
                // is the wrong number: see [`checked_by_columns`].)
                let unchecked = (0..group.len()).any(|g| !as_drawn(&group[g].2[place(g)]));
                if !unchecked && all.into_iter().all(|&r| (0..n).all(|c| checked(r, c))) {
                    // (A wrong number of fewer digits than the one its
                    // column needs: it may be a wrapped number's piece.)
                    let piece = |g: usize| {
                        let printed = digits(&group[g].2[place(g)]);
                        let needed = value(group[g].1, place(g)).map(|v| v.to_string().len());
                        needed.is_some_and(|needed| needed > printed)
                    };
                    // (A row's first or last number wrong, within a few
                    // of a number another row was read without, a page's:
                    // it may be the next or last page's, standing where
                    // the page broke, after a number of the row was lost.)
                    let page = |g: usize| {
                        let near = |v: u64| strays.iter().any(|&p| v.abs_diff(p) <= PAGES_APART);
                        (place(g) == 0 || place(g) == n - 1)
                            && count_of(&group[g].2[place(g)]).is_some_and(near)
                    };
                    let whole = (0..group.len())
                        .all(|g| (place(g) != n - 1 || total_whole(g)) && !piece(g) && !page(g));
                    holding.push((whole, way));
                }
            }
            let [(true, way)] = holding[..] else {
                continue;
            };
            waits_read |= !waits.is_empty();
            for (w, wait) in waits.iter().enumerate() {
                for (c, value) in reading(way, w).iter().enumerate() {
                    if let Some(i) = cell(wait.1, c) {
                        cells.push((i, value.clone(), block.rows[wait.1].label.to_string()));
                    }
                }
            }
            for x in tried {
                for (c, value) in x.2.iter().enumerate() {
                    if let (Some(i), false) = (cell(x.1, c), empty_cell(value)) {
                        cells.push((i, value.clone(), block.rows[x.1].label.to_string()));
                    }
                }
                taken.push(x);
            }
        }
    }
    read.extend(cells);
    taken
}

/// The rows one number short (see [`RowValues::Placings`]) that neither the
/// table's other sums chose a reading of nor [`read_by_columns`] read
/// (`waiting`, none of their cells in `read`): each cell on which all their
/// readings agree ([`agreed`]: mostly the row's total, which the empty
/// cell's place does not move) where a sum down its column holds with it,
/// every cell that sum needs known ([`column_sum_holds`]: the cells of the
/// rows so agreed, and those `read` but not as printed, `printed`). A
/// reading none of whose places is right (a number lost that is no 0, with
/// a slip making up for it) would be caught there. The cells are added to
/// `read`; the rows read so in part, as the review names them.
fn read_agreed(
    table: &Table,
    waiting: &[Waiting],
    printed: &[usize],
    read: &mut Vec<(usize, String, String)>,
) -> Vec<&'static str> {
    let format = crate::format::current();
    let mut rows = Vec::new();
    for (b, block) in table.blocks.iter().enumerate() {
        let n = block.columns.len();
        let cell =
            |r: usize, c: usize| format.cell_at(table.key, block.rows[r].key, block.columns[c].key);
        let unread = |r: usize| {
            (0..n)
                .filter_map(|c| cell(r, c))
                .all(|i| !read.iter().any(|x| x.0 == i))
        };
        let open: Vec<(usize, Vec<String>)> = (waiting.iter())
            .filter(|w| w.0 == b && w.3 && unread(w.1))
            .filter_map(|w| Some((w.1, agreed(&w.2, String::new())?)))
            .collect();
        let known = |row: usize, c: usize| -> Option<u64> {
            if let Some((_, values)) = open.iter().find(|x| x.0 == row) {
                return count_of(&values[c]);
            }
            let i = cell(row, c).filter(|i| !printed.contains(i))?;
            count_of(&read.iter().find(|x| x.0 == i)?.1)
        };
        let sums = column_sums(table, block);
        let mut cells = Vec::new();
        for (r, values) in &open {
            let before = cells.len();
            for (c, value) in values.iter().enumerate() {
                let checked =
                    (sums.iter()).any(|sum| in_sum(*r, sum) && column_sum_holds(sum, c, &known));
                if let (Some(i), true) = (cell(*r, c), checked && as_drawn(value)) {
                    cells.push((i, value.clone(), block.rows[*r].label.to_string()));
                }
            }
            if cells.len() > before {
                rows.push(block.rows[*r].short);
            }
        }
        read.extend(cells);
    }
    rows
}

/// Drops from `read` the totals of the rows of a block some of whose rows'
/// totals were cut at the page's edge ([`cut_off`], the rows `cut`: two or
/// more, or one read where the other sums check it, `cut_read`; one alone
/// may as well be the report's slip) that may be cut there too: a row
/// whose printed total is the sum of its parts may be so, its parts a
/// slip summing to the digits left ("1 0 2 0 0 0 3" for a row whose total
/// is 344), and the column's edge, lost in a viewer's copy, cannot tell.
/// A total printed with fewer digits than every cut one is taken as
/// whole: the edge leaves a number's first digits up to it, so a cut
/// number shows about as many as the cut ones (a left-aligned column,
/// exactly as many); shorter ones fit. Its parts stay read; the app sums
/// them. The rows dropped so, as the review names them.
fn drop_totals_beside_cut(
    table: &Table,
    (cut, cut_read): (&[CutRow], &[&CutRow]),
    read: &mut Vec<(usize, String, String)>,
) -> Vec<String> {
    let format = crate::format::current();
    let mut rows = Vec::new();
    for (b, block) in table.blocks.iter().enumerate() {
        let printed: Vec<usize> = (cut.iter().filter(|x| x.0 == b))
            .filter_map(|x| Some(x.3?.0.to_string().len()))
            .collect();
        let Some(&fewest) = printed.iter().min() else {
            continue;
        };
        if printed.len() < 2 && !cut_read.iter().any(|x| x.0 == b && x.3.is_some()) {
            continue;
        }
        for row in block.rows {
            let totals: Vec<usize> = (block.columns.iter())
                .filter(|c| !c.total_of.is_empty())
                .filter_map(|c| format.cell_at(table.key, row.key, c.key))
                .collect();
            let before = read.len();
            read.retain(|x| {
                !totals.contains(&x.0)
                    || count_of(&x.1).is_none_or(|n| n.to_string().len() < fewest)
            });
            if read.len() < before {
                rows.push(format!("「{}」", row.short));
            }
        }
    }
    rows
}

/// The rows of `block` (of `table`) that a sum other than their own
/// checks, every cell it needs known (`known(row, column)`, in the parts'
/// columns) and holding in every one of them (see [`column_sums`]): each
/// total row's with all the rows it sums ((七)总计 and the rows it sums;
/// the caller has checked that they hold, see [`sums_hold`]), and the
/// table's balance's (一 + 二 − (七) = 四).
fn checked_by_other_sums(
    table: &Table,
    block: &Block,
    known: &dyn Fn(usize, usize) -> Option<u64>,
) -> Vec<usize> {
    let parts: Vec<usize> = (0..block.columns.len())
        .filter(|&c| block.columns[c].total_of.is_empty())
        .collect();
    let mut checked: Vec<usize> = Vec::new();
    for sum in column_sums(table, block) {
        // (A total row's sums hold where its cells are known: the caller's
        // to check, see [`sums_hold`]; the balance's, checked here.)
        if parts.iter().all(|&c| column_sum_holds(&sum, c, known)) {
            checked.extend(sum.0.iter().chain(&sum.1));
        }
    }
    checked
}

/// A row of several readings (see [`RowValues::Ways`]) that the table's
/// other sums did not choose (see [`read_by_other_sums`]): its block, its
/// row and its readings, for [`read_by_columns`] to try with the rows whose
/// total is not their sum, which those sums need; and whether they are
/// [`RowValues::Placings`] (see [`read_agreed`]).
type Waiting = (usize, usize, Vec<Vec<String>>, bool);

/// What the table's other sums left of the rows of several readings: those
/// they did not choose ([`Waiting`]), and the labels of the rows one number
/// short they read in part (see [`together`]), for [`put_read`].
type Left<'a> = (&'a [Waiting], Vec<&'static str>);

/// A row read by way 1 of [`read_stream`]: its anchor and its values.
type RowRead = (usize, Vec<String>);

/// A row of several readings (see [`RowValues::Ways`]): its anchor, its
/// readings, and whether they are [`RowValues::Placings`].
type RowWays = (usize, Vec<Vec<String>>, bool);

/// The rows of several readings (see [`RowValues::Ways`]) for which one
/// reading alone makes the table's other sums hold with every cell they
/// need known (see [`checked_by_other_sums`]; the rows `taken`, anchor and
/// values, known), each with that reading; a row read otherwise is not.
/// A row chosen may let the other sums check another: again, until none
/// is; then the rows of a block left so read together (see [`together`]),
/// and again while that chooses one.
fn read_by_other_sums(
    table: &Table,
    anchors: &[Anchor],
    taken: &[RowRead],
    pending: &[RowWays],
) -> Vec<RowRead> {
    let mut chosen: Vec<RowRead> = Vec::new();
    loop {
        let before = chosen.len();
        alone(table, anchors, (taken, pending), &mut chosen);
        if chosen.len() == before {
            together(table, anchors, (taken, pending), &mut chosen);
        }
        if chosen.len() == before {
            return chosen;
        }
    }
}

/// The rows of `pending` not read (`taken`) nor `chosen`, one by one, each
/// with the one reading that alone makes the other sums hold (see
/// [`read_by_other_sums`]), added to `chosen`.
fn alone(
    table: &Table,
    anchors: &[Anchor],
    (taken, pending): (&[RowRead], &[RowWays]),
    chosen: &mut Vec<RowRead>,
) {
    for (k, ways, _) in pending {
        let (b, r) = (anchors[*k].0, anchors[*k].1);
        let block = &table.blocks[b];
        let values_of = |row: usize| {
            let mut rows = taken.iter().chain(chosen.iter());
            rows.find(|(j, _)| (anchors[*j].0, anchors[*j].1) == (b, row))
                .map(|(_, values)| values)
        };
        if values_of(r).is_some() {
            continue;
        }
        let fits = |values: &Vec<String>| {
            let known = |row: usize, c: usize| match row == r {
                true => count_of(&values[c]),
                false => count_of(&values_of(row)?[c]),
            };
            sums_hold(block, &known, None)
                && checked_by_other_sums(table, block, &known).contains(&r)
        };
        let fitting: Vec<&Vec<String>> = ways.iter().filter(|values| fits(values)).collect();
        if let [one] = fitting[..] {
            let one = one.clone();
            chosen.push((*k, one));
        }
    }
}

/// A row of [`together`]: its anchor, its row in its block, its readings,
/// whether they are [`RowValues::Placings`], and their counts.
struct Open<'a> {
    k: usize,
    row: usize,
    ways: &'a [Vec<String>],
    placings: bool,
    counts: Vec<Vec<Option<u64>>>,
}

/// The rows of `pending` not read (`taken`) nor `chosen` that no reading
/// of alone makes the other sums hold, others of their block pending too
/// (several rows' numbers wrapped around their values, 二, 8., 4. and
/// (七)总计 in one Markdown text), read together: every way of reading them
/// all (at most [`MOST_TOGETHER`]); a row's reading is chosen when it is
/// the same in every way whose sums hold with the row checked by another
/// sum, and there is one; added to `chosen`. A row one number short
/// ([`RowValues::Placings`]) whose readings in those ways differ is added
/// with the cells they agree on ([`agreed`]), the others unknown (""): two
/// such rows whose empty cells' places make up for each other in the
/// column sums ("552 8 1 0 5 566" and "9 467 1 0 1 478") keep their other
/// cells.
fn together(
    table: &Table,
    anchors: &[Anchor],
    (taken, pending): (&[RowRead], &[RowWays]),
    chosen: &mut Vec<RowRead>,
) {
    let counts =
        |values: &Vec<String>| -> Vec<Option<u64>> { values.iter().map(|v| count_of(v)).collect() };
    for (b, block) in table.blocks.iter().enumerate() {
        // The block's rows known: read, or chosen.
        let mut grid: Vec<Option<Vec<Option<u64>>>> = vec![None; block.rows.len()];
        for (j, values) in taken.iter().chain(chosen.iter()) {
            if anchors[*j].0 == b {
                grid[anchors[*j].1] = Some(counts(values));
            }
        }
        let open: Vec<Open> = (pending.iter())
            .filter(|(k, ..)| anchors[*k].0 == b && grid[anchors[*k].1].is_none())
            .map(|(k, ways, placings)| Open {
                k: *k,
                row: anchors[*k].1,
                ways,
                placings: *placings,
                counts: ways.iter().map(counts).collect(),
            })
            .collect();
        let ways = (open.iter()).try_fold(1usize, |n, o| {
            n.checked_mul(o.ways.len()).filter(|&n| n <= MOST_TOGETHER)
        });
        let (true, Some(ways)) = (open.len() > 1, ways) else {
            continue;
        };
        // Per open row, per reading: whether a way that holds, the row
        // checked, has it.
        let mut held: Vec<Vec<bool>> = open.iter().map(|o| vec![false; o.ways.len()]).collect();
        for i in 0..ways {
            let mut picked = Vec::with_capacity(open.len());
            let mut n = i;
            for o in &open {
                picked.push(n % o.ways.len());
                grid[o.row] = Some(o.counts[n % o.ways.len()].clone());
                n /= o.ways.len();
            }
            let known = |row: usize, c: usize| grid[row].as_ref()?[c];
            if !sums_hold(block, &known, None) {
                continue;
            }
            let checked = checked_by_other_sums(table, block, &known);
            for (j, o) in open.iter().enumerate() {
                if checked.contains(&o.row) {
                    held[j][picked[j]] = true;
                }
            }
        }
        for (o, held) in open.iter().zip(held) {
            let used: Vec<Vec<String>> = (o.ways.iter().zip(held))
                .filter(|(_, held)| *held)
                .map(|(way, _)| way.clone())
                .collect();
            match agreed(&used, String::new()) {
                Some(one) if used.iter().all(|way| *way == one) => chosen.push((o.k, one)),
                Some(cells)
                    if o.placings && cells.iter().any(|v| as_drawn(v) && count_of(v).is_some()) =>
                {
                    chosen.push((o.k, cells))
                }
                _ => {}
            }
        }
    }
}

/// The most ways of reading several rows together [`together`] tries (each
/// row's readings multiplied).
const MOST_TOGETHER: usize = 16384;

/// Way 1 of [`read_stream`]: the rows of `by_row` (the table's blocks) found
/// by their labels among `words` (`joined`: the text words joined, `owner`:
/// the word each byte is in; `headings`: the table's column headings),
/// each where it is (a PDF's reading order may move a label down past
/// other rows) when it occurs once, in the text's order; and those found
/// with their ordinal written another way: (block, row, the label as
/// printed).
fn find_anchors(
    by_row: &'static [Block],
    words: &[Word],
    (joined, owner): (&str, &[usize]),
    headings: &[String],
) -> (Vec<Anchor<'static>>, Vec<(usize, usize, String)>) {
    let mut anchors: Vec<Anchor> = Vec::new();
    // (block, row, the label as printed) of rows found with their ordinal
    // written another way.
    let mut restyled: Vec<(usize, usize, String)> = Vec::new();
    let once = |label: &str| found_once(joined, label);
    for (b, block) in by_row.iter().enumerate() {
        for (r, row) in block.rows.iter().enumerate() {
            let official = joined.contains(&norm(row.label));
            let groups: Vec<String> = row.groups.iter().map(|g| norm(g)).collect();
            // (Its groups with their ordinals written otherwise, looked for
            // only when the groups as the format has them find no one place:
            // more pieces make more ways to read a label.)
            let restyled_groups: Vec<String> =
                groups.iter().flat_map(|g| group_styles(g)).collect();
            // Where a label is, whole or interrupted by pieces of its
            // groups, when once (see [`one_place`]).
            let place = |label: &str| {
                let label = &norm(label);
                let interrupted = |groups| interrupted(joined, label, groups, headings);
                once(label)
                    .or_else(|| one_place(interrupted(&groups), (joined, owner), headings))
                    .or_else(|| one_place(interrupted(&restyled_groups), (joined, owner), headings))
            };
            match place(row.label) {
                Some(at) => anchors.push((b, r, owner[at], None, (at, norm(row.label)))),
                None if !official => {
                    // Its ordinal written another way, found once in one way.
                    let restyles = restyles(&norm(row.label));
                    let mut other: Vec<(usize, String)> = restyles
                        .iter()
                        .filter_map(|c| Some((once(c)?, c.clone())))
                        .collect();
                    // Else its words, whole or broken by pieces of its groups
                    // (one search, not one for each way of writing its
                    // ordinal: it is slow), after another ordinal or none;
                    // found in several places, the one place after another
                    // ordinal (the heading row repeated inside the label may
                    // start with its first words: "2、申请人" 申请人情况 自然人
                    // … "逾期未按…", 申请人 found in both).
                    let words = || {
                        let v = variant(row.label)?;
                        let v_norm = norm(v);
                        // (Each way of writing its ordinal, as printed
                        // before its words, and the label so written.)
                        let ordinals: Vec<(&str, &String)> = (restyles.iter())
                            .filter_map(|c| Some((c.strip_suffix(v_norm.as_str())?, c)))
                            .collect();
                        let ordinal = |at: usize| {
                            ordinals.iter().find_map(|&(before, c)| {
                                (joined[..at].ends_with(before))
                                    .then(|| (at - before.len(), c.clone()))
                            })
                        };
                        let at = place(v).or_else(|| {
                            // (One place, maybe after two ways of writing
                            // the ordinal: "（1）" and "1）".)
                            let mut starts = (ordinals.iter())
                                .flat_map(|&(before, _)| {
                                    let found = joined.match_indices(before);
                                    found.map(move |(i, _)| i + before.len())
                                })
                                .filter(|&at| {
                                    interrupted_from(&joined[at..], &v_norm, &groups, headings)
                                });
                            let first = starts.next()?;
                            starts.all(|at| at == first).then_some(first)
                        })?;
                        Some((at, v, ordinal(at)))
                    };
                    // (Where, as printed, and the variant it is if not the
                    // label with its ordinal written another way.)
                    let found = if other.len() == 1 {
                        let (at, printed) = other.remove(0);
                        Some((at, printed, None))
                    } else {
                        words().map(|(at, v, ordinal)| match ordinal {
                            Some((at, printed)) => (at, printed, None),
                            None => (at, norm(v), Some(v)),
                        })
                    };
                    if let Some((at, printed, v)) = found {
                        anchors.push((b, r, owner[at], v, (at, printed.clone())));
                        if v.is_none() {
                            restyled.push((b, r, printed));
                        }
                    }
                }
                None => {}
            }
        }
    }
    // Rows still not found whose label printed otherwise is short or
    // printed elsewhere too (其他 for 3.其他; 总计 for （七）总计, also a
    // column's heading): a word that is that label (or it after another
    // ordinal: 三、其他), the only one between
    // the found rows around them (the one before's label past its end);
    // rows not found between the same two found in order, or none of them.
    // (The block and found row before, the anchor.)
    let mut between: Vec<((usize, usize), Anchor)> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    // The words of the table's heading row repeated at a page's top (总计,
    // 其他 there are column headings): a run of words each a piece of a
    // heading, two or more of them whole. A word inside such a run, or one
    // between two pieces of headings, is the heading's; the run's last word
    // may be a row's label when a value follows it ("… 其他 总计 4191").
    let heading_piece = |w: usize| match &words[w] {
        Word::Text(t) => headings.iter().any(|h| h.contains(t.as_str())),
        _ => false,
    };
    let mut in_heading_row = vec![false; words.len()];
    let mut w = 0;
    while w < words.len() {
        let end = (w..words.len())
            .find(|&e| !heading_piece(e))
            .unwrap_or(words.len());
        let whole = (w..end)
            .filter(|&e| matches!(&words[e], Word::Text(t) if headings.contains(t)))
            .count();
        for (e, heading) in in_heading_row.iter_mut().enumerate().take(end).skip(w) {
            let inner = w < e && e + 1 < end;
            let labelled = e + 1 == end && matches!(words.get(end), Some(Word::Value(_)));
            *heading = inner || (whole >= 2 && !labelled);
        }
        w = end + 1;
    }
    for (b, block) in by_row.iter().enumerate() {
        let found = |r: usize| anchors.iter().find(|a| a.0 == b && a.1 == r);
        for (r, row) in block.rows.iter().enumerate() {
            let before = (0..r).rev().find_map(found);
            let after = (r + 1..block.rows.len()).find_map(found);
            let (None, Some(before), Some(after)) = (found(r), before, after) else {
                continue;
            };
            let from = label_end(joined, owner, (before.4 .0, &before.4 .1), after.2);
            let Some(v) = variant(row.label).or_else(|| Some(ordinal(row.label)?.1)) else {
                continue;
            };
            if from >= after.2 || joined.contains(&norm(row.label)) {
                continue;
            }
            let printed = norm(v);
            // The word it is in is that label, or it after an ordinal.
            let word = |at: usize| {
                let w = owner[at];
                let start = owner[..at]
                    .iter()
                    .rposition(|&o| o != w)
                    .map_or(0, |p| p + 1);
                let end = owner[at..]
                    .iter()
                    .position(|&o| o != w)
                    .map_or(joined.len(), |p| at + p);
                let text = &joined[start..end];
                text == printed || without_ordinal(text) == Some(printed.as_str())
            };
            let places: Vec<usize> = joined
                .match_indices(printed.as_str())
                .map(|(at, _)| at)
                .filter(|&at| word(at) && from < owner[at] && owner[at] < after.2)
                .filter(|&at| !in_heading_row[owner[at]])
                .collect();
            match places[..] {
                [at] => between.push(((b, before.1), (b, r, owner[at], Some(v), (at, printed)))),
                [_, _, ..] => pending.push(((b, before.1), (b, r), places, v, printed)),
                [] => {}
            }
        }
    }
    // A row with more than one such word between the rows found around it:
    // the one word between the rows of the same gap found so before and
    // after it ("三.其他" before （七）总计's "总计", "其他" once more in the
    // heading row repeated on the next page, after it).
    for (gap, (b, r), places, v, printed) in pending {
        let others = || between.iter().filter(|x| x.0 == gap).map(|x| &x.1);
        let after = others().filter(|a| a.1 > r).map(|a| a.2).min();
        let before = others().filter(|a| a.1 < r).map(|a| a.2).max();
        let within = (places.into_iter()).filter(|&at| {
            after.is_none_or(|w| owner[at] < w) && before.is_none_or(|w| owner[at] > w)
        });
        if after.is_some() || before.is_some() {
            if let Some(at) = only(within) {
                between.push((gap, (b, r, owner[at], Some(v), (at, printed))));
            }
        }
    }
    crate::sort::by_key(&mut between, |x| (x.0, x.1 .1));
    for gap in between.chunk_by(|x, y| x.0 == y.0) {
        if gap.windows(2).all(|w| w[0].1 .2 < w[1].1 .2) {
            anchors.extend(gap.iter().map(|(_, a)| a.clone()));
        }
    }
    crate::sort::by_key(&mut anchors, |a| a.2);
    // Two labels starting in one word: neither can be told apart.
    let shared: Vec<usize> = anchors
        .windows(2)
        .filter(|w| w[0].2 == w[1].2)
        .map(|w| w[0].2)
        .collect();
    anchors.retain(|a| !shared.contains(&a.2));
    (anchors, restyled)
}

/// The one place of `found` (where a label interrupted by pieces of
/// headings starts in the text words joined, `joined`, `owner` the word of
/// each byte); of several, the one whose word from there on is not pieces
/// of the table's `headings`, when one is: a label found starting within
/// the heading row takes the rest of it for pieces of headings
/// ("（本列数据…" … "本年新收政府信息公开申" and the heading row repeated
/// over a page, then "请数量": 本年新收… found from 本列's 本 too, the rest
/// of the heading row and 本年's 本 taken for pieces of headings; 总计 in
/// "总计商业", 总计 and 商业企业's start).
fn one_place(
    mut found: impl Iterator<Item = usize>,
    (joined, owner): (&str, &[usize]),
    headings: &[String],
) -> Option<usize> {
    let first = found.next()?;
    let Some(second) = found.next() else {
        return Some(first);
    };
    let in_headings = |&at: &usize| {
        let end = (at..joined.len()).find(|&e| owner[e] != owner[at]);
        let mut word = &joined[at..end.unwrap_or(joined.len())];
        // (Each time its longest start within a heading.)
        while !word.is_empty() {
            match starts_within(word, headings).last() {
                Some(c) => word = &word[c..],
                None => return false,
            }
        }
        true
    };
    let found = [first, second].into_iter().chain(found);
    only(found.filter(|at| !in_headings(at)))
}

/// Where `label` (normalised) is in `joined`, when it is there once.
fn found_once(joined: &str, label: &str) -> Option<usize> {
    only(joined.match_indices(norm(label).as_str()).map(|(at, _)| at))
}

/// Way 2 of [`read_stream`]: the whole table from its numbers in order
/// (`value_at`: the values among `words`, on lines `line_of`), when they
/// are exactly as many as its cells and every sum holds (or all the same
/// number), or 表四's numbers wrapped in their cells joined in the one way
/// that holds its sums (of several such ways, the cells on which they all
/// agree); taken in place of the rows `read` by way 1 when every one of
/// those agrees (a row whose total is not its sum noted in `unsummed`).
/// The cells the ways of joining left unread, as the review names them.
fn read_in_order(
    (format, table): (&Format, &Table),
    (words, line_of, cell_of): (&[Word], &[usize], &[PipeCell]),
    How { order, rows, uncut }: How,
    value_at: &[usize],
    (read, unsummed): (&mut Vec<(usize, String, String)>, &mut Unsummed),
    notes: &mut Vec<String>,
) -> Vec<String> {
    let reordered = order == Order::Blocks;
    let aligned = order == Order::Aligned;
    let text = |w: usize| words[w].value();
    let needed: usize = table
        .blocks
        .iter()
        .map(|b| b.rows.len() * b.columns.len())
        .sum();
    // In order: not in reordered text, and a table of one data row (表四),
    // which has no labels among its values, not from numbers scattered
    // among its headings (plain pdftotext prints pingtan-2022's 表四 so, out
    // of order). Unless they are all the same number (all 0), which no
    // order changes.
    // 表四's numbers side by side, then a later section's heading ("（四）存在
    // 的主要问题及改进情况", numbered so that it was not found): what follows
    // is that section's text, its years and counts no cells of the table;
    // only that run of numbers is the table's. (Not any text: a table
    // broken over a page repeats its headings before its wrapped pieces.)
    let consecutive = |at: &[usize]| at.windows(2).all(|w| w[1] == w[0] + 1);
    let next_heading = |from: usize| {
        let until = words[from..]
            .iter()
            .position(|w| !matches!(w, Word::Text(_)))
            .map_or(words.len(), |k| from + k);
        let text: String = words[from..until]
            .iter()
            .filter_map(|w| match w {
                Word::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        !text.is_empty()
            && (format.text_sections())
                .any(|s| text.contains(&super::super::outline::heading_words(s.heading)))
    };
    let value_at: &[usize] = match value_at.get(needed.saturating_sub(1)) {
        Some(&last)
            if table.layout == Layout::SingleRow
                && !reordered
                && value_at.len() > needed
                && consecutive(&value_at[..needed])
                && next_heading(last + 1) =>
        {
            &value_at[..needed]
        }
        _ => value_at,
    };
    let same = value_at.windows(2).all(|w| text(w[0]) == text(w[1]));
    let in_order = !reordered && (table.layout != Layout::SingleRow || consecutive(value_at));
    // In order, a table is taken only when it has sums to check them by.
    let summed = table.blocks.iter().all(has_sums);
    // Whether the numbers read (as many as the cells, in order) hold every
    // sum of the table.
    let holds = |values: &[String]| {
        block_starts(table).all(|(block, k)| {
            let n = block.columns.len();
            let values = &values[k..k + block.rows.len() * n];
            sums_hold(block, &|r, c| count_of(&values[r * n + c]), None)
        })
    };
    // The rows of the numbers read (as many as the cells, in order, a value
    // not yet known empty) whose total is not their sum: each its block,
    // its row and where its values start.
    let rows_off = |values: &[String]| {
        let mut off = Vec::new();
        for (b, (block, k)) in block_starts(table).enumerate() {
            let n = block.columns.len();
            let get = |r: usize, c: usize| count_of(&values[k + r * n + c]);
            for r in 0..block.rows.len() {
                if row_mismatch(block, &get, r).is_some() {
                    off.push((b, r, k + r * n));
                }
            }
        }
        off
    };
    // The readings of 表四's numbers one fewer than its cells: a cell left
    // empty (blank, or a mark printed for 0 whose glyph the text lost) at
    // each place where every sum holds with it 0 (see
    // [`with_an_empty_cell`]), or two numbers run together, parted so that
    // every sum holds (see [`parted`]). A cell on which they all agree is
    // read, the others are unknown (see [`agreed`]: a row's parts "7 416
    // 579 1002" with 其他结果 lost: the empty cell may be any of the four,
    // only the total is read).
    let one_fewer = |values: &[String]| {
        let values: Vec<&String> = values.iter().collect();
        [
            with_an_empty_cell(&values, needed, &holds),
            parted(&values, needed, &holds),
        ]
        .concat()
    };
    // Whether the numbers were read as pieces centred around 表四's row;
    // whether as one fewer than the cells (the cells unknown marked
    // BLANK_CELL).
    let (mut centred, mut emptied) = (false, false);
    let all: Option<Vec<String>> = if value_at.len() == needed && (same || (in_order && summed)) {
        Some(value_at.iter().filter_map(|&w| text(w)).cloned().collect())
    } else if !reordered
        && summed
        && table.layout == Layout::SingleRow
        && value_at.len() > needed
        && consecutive(&value_at[..needed])
    {
        // 表四's numbers wrapped in their cells (see [`rejoined`]): one way
        // of joining them holds every sum. (A table of many rows is read
        // by row: the ways to join its numbers are too many to try.)
        let ways = (
            order == Order::Lines && in_order,
            After::Line(order == Order::Lines),
        );
        let mut found = rejoined(words, line_of, value_at, needed, ways, &holds);
        // (Markdown: its lines hold the pieces around the row, so its
        // numbers are on three lines, not out of their places.)
        let around = match rows {
            true => centred_pieces((words, line_of, cell_of), value_at, None, needed, &holds),
            false => Vec::new(),
        };
        centred = !around.is_empty();
        for way in around {
            if !found.contains(&way) {
                found.push(way);
            }
        }
        // Several ways may hold every sum (Markdown's pipe cells are not
        // the page's columns: "| 93 | | 93 | 56 |" / "| | 3 0 4 | 376 |
        // 2 | 0 | …" / "| 0 | | 7 | 7 |" reads 2 567 or 567 2 for
        // 未经复议直接起诉's 结果纠正 and 其他结果): the others are left
        // undecided (empty here).
        if !found.is_empty() || rows {
            agreed(&found, String::new())
        } else {
            // None: wrapped pieces and a cell left empty too, each way of
            // joining them into one fewer than the cells read so.
            let short = |values: &[String]| !one_fewer(values).is_empty();
            let joined = rejoined(words, line_of, value_at, needed - 1, ways, &short);
            let readings: Vec<Vec<String>> = joined.iter().flat_map(|v| one_fewer(v)).collect();
            // (A row with both a joined number and an empty cell: the two
            // trade off in its sum, so neither is checked: its cells
            // unknown. "12 0 0 0 12" with a 0 too many after it read 120 0
            // 0 _ 120, "12" and "0" joined twice.)
            let readings: Vec<Vec<String>> = readings
                .into_iter()
                .map(|mut reading| {
                    for (block, k) in block_starts(table) {
                        let n = block.columns.len();
                        for row in reading[k..k + block.rows.len() * n].chunks_mut(n) {
                            if row.iter().any(|v| v.contains(WRAPPED))
                                && row.iter().any(|v| v.starts_with(BLANK_CELL))
                            {
                                row.fill(BLANK_CELL.to_string());
                            }
                        }
                    }
                    reading
                })
                .collect();
            emptied = !readings.is_empty();
            if emptied {
                // (A number alone on its line left out, the rest holding
                // every sum, reads otherwise: a "0" between 表四's "8" and
                // "8", cells one a line, read 80 80 for 8 8, "8" and "0"
                // joined twice, a cell of the next group empty. Where they
                // differ, neither is read.)
                let strays =
                    without_one_alone(words, line_of, value_at, needed, (ways, false), &holds);
                let strays: Vec<Vec<String>> = strays.flat_map(|(_, found)| found).collect();
                agreed(&[readings, strays].concat(), BLANK_CELL.to_string())
            } else {
                // Nor so: one row's total not its sum (the report's 勾稽
                // error, or a piece of its numbers lost). The one way of
                // joining them that holds every other sum is read but for
                // that row (see `unread_rows` below); where several do, the
                // same row off in each, the cells of the other rows they
                // agree on are, that row not (its pieces may be joined any
                // way) and named.
                //
                // (Unless a number alone on its line left out, the rest
                // joined, holds every sum: a page's number or a note's mark
                // among the pieces, "3" / "0" / "0" / "1" / "0" / "8" for
                // 3683 3690 52210 52210 248, with 复议后起诉's row taken for
                // the one off, its pieces "1" / "0" / "8", left 5221 and
                // 5221 unjoined. Where the two differ, neither is read.)
                let one_off = |values: &[String]| rows_off(values).len() <= 1;
                let joinings = ways;
                let ways = rejoined(words, line_of, value_at, needed, joinings, &one_off);
                let strays: Vec<Vec<String>> = match ways.is_empty() {
                    true => Vec::new(),
                    false => without_one_alone(
                        words,
                        line_of,
                        value_at,
                        needed,
                        (joinings, false),
                        &holds,
                    )
                    .flat_map(|(_, found)| found)
                    .collect(),
                };
                let offs: Vec<_> = ways.iter().map(|way| rows_off(way)).collect();
                match &ways[..] {
                    [one] if strays.is_empty() => Some(one.clone()),
                    [_, ..] if offs.iter().all(|off| off.len() == 1 && *off == offs[0]) => {
                        let (b, r, at) = offs[0][0];
                        let row = &table.blocks[b].rows[r];
                        notes.push(format!(
                            "{}「{}」的数字在原文中因单元格太窄断成几行，没有一种接法能使该行的总计等于各项之和（可能是原报告的勾稽错误，也可能是复制的文字有缺漏），该行未导入，请对照原文填写",
                            crate::rules::cells::table_name(table.key),
                            row.short,
                        ));
                        emptied = true;
                        let n = table.blocks[b].columns.len();
                        let ways: Vec<Vec<String>> = (ways.iter().cloned())
                            .map(|mut way| {
                                way[at..at + n].fill(BLANK_CELL.to_string());
                                way
                            })
                            .chain(strays)
                            .collect();
                        agreed(&ways, BLANK_CELL.to_string())
                    }
                    _ => None,
                }
            }
        }
    } else if !reordered
        && !rows
        && summed
        && table.layout == Layout::SingleRow
        && value_at.len() + 1 == needed
        && in_order
    {
        // 表四's numbers in order, one fewer than its cells (see
        // `one_fewer`).
        let values: Vec<String> = value_at.iter().filter_map(|&w| text(w)).cloned().collect();
        emptied = true;
        agreed(&one_fewer(&values), BLANK_CELL.to_string())
    } else {
        None
    };
    let mut undecided = Vec::new();
    if let Some(all) = all {
        let mut whole: Vec<(usize, String, String)> = Vec::new();
        let mut holds = true;
        // 表四's numbers in order and as many as its cells, one row's total
        // not its sum, the other rows' sums holding: read but for that row,
        // named (see [`Unsummed`]): the report's 勾稽 error, or its last
        // column (复议后起诉's 总计) cut at the page's edge (a table wider
        // than the page; see [`cut_off`]), or numbers out of order, which
        // the other rows' sums show are not theirs: numbers moved from one
        // row to another break both rows' sums, a number missing in one
        // row and a piece of a wrapped one in another (as many numbers as
        // cells by chance) every sum between them. Not a row read as
        // printed (`as_printed`). So too where several rows' totals are
        // not their sums (two slips, hunt 1224006's 行政复议 and 未经复议
        // 直接起诉): those rows and every row between them unread, the
        // rows before and after read, each holding its sum in its place
        // (a number missing before them and a piece too many after, or
        // numbers moved, would have moved them too).
        let mut unread_rows: Option<std::ops::RangeInclusive<usize>> = None;
        for (block, k) in block_starts(table) {
            let n = block.columns.len();
            let values = &all[k..k + block.rows.len() * n];
            // (A cell the readings of one number fewer did not agree on
            // unknown: no sum it stands in checks the others.)
            let get = |r: usize, c: usize| {
                let value = &values[r * n + c];
                (!(emptied && empty_cell(value))).then(|| count_of(value))?
            };
            let sums = sums_hold(block, &get, None);
            // Each row's numbers in their places (all the same: no order
            // changes them).
            let placed = same
                || !aligned
                || centred
                || !value_at[k.min(value_at.len())..(k + block.rows.len() * n).min(value_at.len())]
                    .chunks(n)
                    .any(|row| out_of_place(words, line_of, row, has_sums(block)));
            // Aligned text: 表四's numbers side by side on one line, in
            // order (`in_order`: one after another, no text between) and as
            // many as its cells, none marked damaged (see
            // `Found::side_by_side`), are in their columns' order, as on
            // the page: a row whose total is not its sum is the report's
            // 勾稽 error, read as printed for the checks to name; not the
            // last row's, whose total ends the line and may be cut at the
            // page's edge (see [`cut_off`]): that row is left unread,
            // named, the others read; unless no number was cut there
            // (`uncut`, see [`How`]).
            let last = block.rows.len().saturating_sub(1);
            let one_line = aligned
                && !rows
                && table.layout == Layout::SingleRow
                && in_order
                && value_at.windows(2).all(|p| line_of[p[1]] == line_of[p[0]])
                && values.iter().all(|v| as_drawn(v))
                && !words.iter().any(marked_damaged);
            let side_by_side = one_line && (uncut || row_mismatch(block, &get, last).is_none());
            let mismatched: Vec<usize> = (0..block.rows.len())
                .filter(|&r| row_mismatch(block, &get, r).is_some())
                .collect();
            // (A browser's copy of a table of rows: a row whose total is
            // not its sum is read as printed where way 1 read it so too,
            // its label found; one way 1 left unread may hold numbers moved
            // from the next, an empty cell next to a label not marked and a
            // stray number, a note's mark, making up the count: the
            // mutation test's salt 45 on found/pingtan-2021-copy-1231004,
            // "10" put after 2.没有现成信息…'s "3", its 1876 read as
            // 3.补正后…'s first cell. 表四's one row has no label among its
            // numbers, its empty cells marked between tabs.)
            let read_so = |r: usize| {
                (block.columns.iter())
                    .filter_map(|c| format.cell_at(table.key, block.rows[r].key, c.key))
                    .all(|i| read.iter().any(|x| x.0 == i))
            };
            let copied = order.as_printed()
                && (table.layout == Layout::SingleRow || mismatched.iter().all(|&r| read_so(r)));
            let as_printed = (copied || side_by_side) && in_order;
            holds &= (sums || as_printed) && placed;
            // (Rows off, the others read: each of those, where several are
            // off, with a total that is no 0: an all-0 row's sum holds with
            // any 0s, wherever they stand. A line of pieces lost, the mutation
            // test's salt 46 on found/pingtan-2021-chromium-1073004: 表四's
            // "85 85 13 14 91" over "0 0 0 0 0 9 0 0 2 921" / "7 7 4 3 9",
            // the first five 0s, of three groups, read as 行政复议's.)
            let telling = |first: usize, end: usize| {
                first == end
                    || (0..=last)
                        .filter(|r| !(first..=end).contains(r))
                        .all(|r| get(r, n - 1).is_some_and(|total| total > 0))
            };
            if let (Some(&first), Some(&end)) = (mismatched.first(), mismatched.last()) {
                if table.layout == Layout::SingleRow
                    && telling(first, end)
                    && end - first < last
                    && table.blocks.len() == 1
                    && in_order
                    && !same
                    && placed
                    && last > 0
                    && block.rows.iter().all(|row| row.total_of.is_empty())
                    && !as_printed
                {
                    unread_rows = Some(first..=end);
                }
            }
            // 表四's numbers side by side, in order: a row whose total is
            // not its sum is named (see [`Unsummed`]).
            if table.layout == Layout::SingleRow && in_order {
                for (r, row) in block.rows.iter().enumerate() {
                    if let Some((total, sum)) = row_mismatch(block, &get, r) {
                        unsummed.0.push((row.short, total, sum));
                    }
                }
            }
            for (r, row) in block.rows.iter().enumerate() {
                for (c, column) in block.columns.iter().enumerate() {
                    let value = &values[r * n + c];
                    if value.is_empty() {
                        undecided.push(format!("「{} {}」", row.short, column.label));
                        continue;
                    }
                    // (Unknown: left out, so that no sum counts it 0.)
                    if emptied && empty_cell(value) {
                        continue;
                    }
                    if let Some(i) = format.cell_at(table.key, row.key, column.key) {
                        whole.push((i, value.clone(), format!("{} {}", row.label, column.label)));
                    }
                }
            }
        }
        if let Some(rows) = unread_rows.clone() {
            let block = &table.blocks[0];
            let unread: Vec<usize> = (block.rows[rows].iter())
                .flat_map(|row| block.columns.iter().map(|c| (row.key, c.key)))
                .filter_map(|(row, column)| format.cell_at(table.key, row, column))
                .collect();
            whole.retain(|x| !unread.contains(&x.0));
        }
        let agrees = read
            .iter()
            .all(|(i, text, _)| whole.iter().any(|(j, t, _)| i == j && t == text));
        if (holds || unread_rows.is_some()) && agrees {
            *read = whole;
            if unread_rows.is_none() {
                *unsummed = Unsummed::default();
            }
            return undecided;
        }
    }
    Vec::new()
}

/// The end of [`read_stream`]: rows whose total was cut at the page's edge
/// read where the other sums check them (see [`read_cut`]), rows whose
/// total is not their sum (`misfits`) where the sums down the columns do
/// (see [`read_by_columns`]; `uncut`: no number was cut), the cells rows
/// one number short agree on (see [`read_agreed`]; [`Left`]), the notes on
/// how rows were read, rows with a joined number dropped where their
/// block's sums do not hold (but for the cells of rows read as printed,
/// `printed`, see [`RowValues::Printed`]), and the cells `read` put in the
/// report.
fn put_read(
    table: &Table,
    (mut read, uncut): (Vec<(usize, String, String)>, bool),
    (cut, misfits, (waiting, mut agreed_rows)): (&[CutRow], &[CutRow], Left),
    (anchors, restyled): (&[Anchor], &[(usize, usize, String)]),
    (mut unsummed, (printed, as_printed)): (Unsummed, (&[usize], &[usize])),
    strays_left_out: &[u64],
    out: &mut Recognised,
) {
    let format = out.report.format;
    let taken = read_cut(table, (cut, misfits, as_printed), waiting, &mut read);
    // (A row whose total is not its sum, no cut one, read beside cut ones.)
    let beside_cut = |x: &&CutRow| x.3.is_some_and(|(total, sum)| !cut_off(total, sum));
    let (beside, cut_read): (Vec<&CutRow>, Vec<&CutRow>) =
        taken.iter().copied().partition(beside_cut);
    let misfits_read = read_by_columns(
        table,
        (misfits, cut),
        (as_printed, strays_left_out),
        (uncut, waiting),
        &mut read,
    );
    // (Their cells, as printed, check no other: see [`RowValues::Printed`].)
    let mut printed = printed.to_vec();
    for x in &misfits_read {
        let block = &table.blocks[x.0];
        printed.extend(
            (block.columns.iter())
                .filter_map(|c| format.cell_at(table.key, block.rows[x.1].key, c.key)),
        );
    }
    let printed = &printed[..];
    agreed_rows.extend(read_agreed(table, waiting, printed, &mut read));
    // Those rows read by a label printed otherwise: noted as the rows above.
    for x in taken.iter().chain(&misfits_read) {
        let variant = (anchors.iter())
            .find(|a| (a.0, a.1) == (x.0, x.1))
            .and_then(|a| a.3);
        label_printed(table, (x.0, x.1), variant, restyled, out);
    }
    let name = crate::rules::cells::table_name(table.key);
    let short = |x: &&CutRow| table.blocks[x.0].rows[x.1].short;
    let listed = |rows: &[&CutRow]| {
        first_few(
            &rows
                .iter()
                .map(|x| format!("「{}」", short(x)))
                .collect::<Vec<_>>(),
        )
    };
    // The columns of which the rows `taken` read by their columns' sums
    // had a number left unread (its column's sums not holding).
    let unread_columns = |rows: &[&CutRow]| {
        let mut labels: Vec<&str> = Vec::new();
        for x in rows {
            let block = &table.blocks[x.0];
            for column in block.columns.iter().filter(|c| c.total_of.is_empty()) {
                let i = format.cell_at(table.key, block.rows[x.1].key, column.key);
                if i.is_some_and(|i| !read.iter().any(|y| y.0 == i))
                    && !labels.contains(&column.label)
                {
                    labels.push(column.label);
                }
            }
        }
        match labels.is_empty() {
            true => String::new(),
            false => format!(
                "；「{}」列的合计不符，这些行在该列的数字未导入",
                labels.join("」「")
            ),
        }
    };
    // Rows read that the note on rows whose total is not their sum no
    // longer names (each named by a note of its own below).
    let mut read_after_all = |rows: &[&CutRow]| {
        let rows: Vec<&str> = rows.iter().map(short).collect();
        unsummed.0.retain(|x| !rows.contains(&x.0));
        rows.len()
    };
    if !cut_read.is_empty() {
        let rows = read_after_all(&cut_read);
        let printed = cut_read.iter().find_map(|x| Some((short(x), x.3?)));
        let lost = cut_read.iter().any(|x| x.3.is_none());
        let how = match printed {
            Some((row, (total, sum))) => format!(
                "{}只印出了前几位数字（如「{row}」印出 {total}，各项之和 {sum}）",
                if lost { "没有印出或" } else { "" }
            ),
            None => "没有印出（每行的数字比格式少一个）".to_string(),
        };
        out.notes.push(format!(
            "{name}有 {rows} 行的总计{how}，应是表格比页面宽，最右一列在页面边缘被截断：已读取这些行的各项（经各列的合计核对{}），总计未导入，由各项自动合计，请对照原文核实：{}",
            unread_columns(&cut_read),
            listed(&cut_read),
        ));
    }
    if !beside.is_empty() {
        let rows = read_after_all(&beside);
        out.notes.push(format!(
            "{name}有 {rows} 行的总计不等于各项之和，而表中有的总计在页面边缘被截断，这些行的总计也可能只印出了前几位数字：已读取这些行的各项（经各列的合计核对{}），总计未导入，由各项自动合计，请对照原文核实：{}",
            unread_columns(&beside),
            listed(&beside),
        ));
    }
    if !misfits_read.is_empty() {
        let rows = read_after_all(&misfits_read);
        out.notes.push(format!(
            "{name}有 {rows} 行的总计与各项之和不符，表中各列的合计核对了这些行的数字：每行只有一个数字与所在列的合计不符，且差额与该行相同，应是原报告的勾稽错误，已按原文读取（检查结果会指出），请对照原文核实：{}",
            listed(&misfits_read),
        ));
    }
    // Rows whose total column was lost that no other sum checks: named.
    let lost: Vec<&CutRow> = (cut.iter())
        .filter(|x| x.3.is_none() && !taken.iter().any(|y| std::ptr::eq(*y, *x)))
        .collect();
    if !lost.is_empty() {
        out.notes.push(format!(
            "{name}有 {} 行的数字比格式少一个，总计一列没有印出，应是表格比页面宽，最右一列在页面边缘被截断；表中其他的合计无法核对这些行，未导入：{}。请对照原文或该报告的网页、Word 文件核实后填写",
            lost.len(),
            listed(&lost),
        ));
    }
    if !agreed_rows.is_empty() {
        out.notes.push(format!(
            "{name}有 {} 行的数字比格式少一个或两个（有空白的格，或印出的“-”“无”等在原文中丢失），空格的位置有几种可能：已读取位置确定（每种可能下都相同，如总计；或各列的合计只容许一种位置）并经各列的合计核对的数字，其余未导入，请对照原文填写：{}",
            agreed_rows.len(),
            first_few(&agreed_rows.iter().map(|r| format!("「{r}」")).collect::<Vec<_>>()),
        ));
    }
    unsummed.note(table, out);
    // A row's sum may hold for a joining its cells did not make by chance
    // ("66" "7" "6" "94" as 667 6 94 for 66 7 694, both summing to 767):
    // where the block's other sums are known, they check it too. A block
    // whose sums do not hold over what was read keeps no row with a joined
    // number (a sum left unknown, a row unread, tells nothing; nor does a
    // row read as printed, its total not its sum, see
    // [`RowValues::Printed`]).
    for block in table.blocks.iter().filter(|b| has_sums(b)) {
        let at = |r: usize, c: usize| {
            let i = format.cell_at(table.key, block.rows[r].key, block.columns[c].key)?;
            let k = read.iter().position(|x| x.0 == i)?;
            (!printed.contains(&i)).then_some(k)
        };
        let cells = |r: usize| (0..block.columns.len()).filter_map(move |c| at(r, c));
        let wrapped: Vec<usize> = (0..block.rows.len())
            .filter(|&r| cells(r).any(|k| read[k].1.contains(WRAPPED)))
            .collect();
        if wrapped.is_empty() || sums_hold(block, &|r, c| count_of(&read[at(r, c)?].1), None) {
            continue;
        }
        let drop: Vec<usize> = wrapped
            .iter()
            .flat_map(|&r| cells(r))
            .map(|k| read[k].0)
            .collect();
        read.retain(|x| !drop.contains(&x.0));
    }
    let dropped = drop_totals_beside_cut(table, (cut, &cut_read), &mut read);
    if !dropped.is_empty() {
        out.notes.push(format!(
            "{name}有 {} 行的总计与各项之和相符，但表中其他行的总计在页面边缘被截断，这些行印出的总计也可能只是前几位数字：已读取这些行的各项，总计未导入，由各项自动合计，请对照原文核实：{}",
            dropped.len(),
            first_few(&dropped),
        ));
    }
    // Numbers their cells wrapped, joined: named for the review.
    let mut joined: Vec<String> = Vec::new();
    for (i, text, row) in &read {
        let def = &format.cells()[*i];
        if text.contains(WRAPPED) {
            joined.push(format!("「{} {}」", def.row.short, def.column.label));
        }
        // (An empty cell marked in its column stays unread, as a page's.)
        let text = text.replace([WRAPPED, BLANK_CELL], "");
        if text.is_empty() {
            continue;
        }
        out.report.cells[*i] = Cell::parse(&text, def.kind);
        out.sources[*i] = Some(Source {
            row: row.clone(),
            text,
        });
    }
    if !joined.is_empty() {
        out.notes.push(format!(
            "{}有 {} 个数字在原文中因单元格太窄折成几段，已接成一个数并经总计核对后读取：{}，请对照原文核实",
            crate::rules::cells::table_name(table.key),
            joined.len(),
            joined.join("、")
        ));
    }
}

/// Each of `anchors`' values (word indices): the numbers between it and
/// the next anchor, but a row's ordinal printed as a word of its own, and
/// in Markdown and aligned text the values a row's label has before it (see
/// below); whether a wrapped number is among them (see [`Word::Wrapped`]:
/// not read); and whether they were taken from before the row's label.
fn runs_of(
    (table, by_row): (&Table, &[Block]),
    (words, line_of): (&[Word], &[usize]),
    (joined, owner): (&str, &[usize]),
    anchors: &[Anchor],
    How { order, rows, .. }: How,
) -> (Vec<Vec<usize>>, Vec<bool>, Vec<bool>) {
    let aligned = order == Order::Aligned;
    // Each anchor's values: the numbers between it and the next anchor.
    // (word indices)
    let mut runs: Vec<Vec<usize>> = anchors
        .iter()
        .enumerate()
        .map(|(k, &(_, _, start, _, _))| {
            let end = anchors.get(k + 1).map_or(words.len(), |a| a.2);
            (start..end)
                .filter(|&w| matches!(words[w], Word::Value(_)))
                .collect()
        })
        .collect();
    // A row's ordinal printed as a word of its own ("2.其他法律行政法规禁止公开
    // 0 … 0" / "3 危及“三安全一稳定” …"): no value of the row before, which
    // has one number too many with it.
    for k in 1..runs.len() {
        let (b, r, start, _, (at, printed)) = &anchors[k];
        let Some((number, _)) = ordinal(table.blocks[*b].rows[*r].label) else {
            continue;
        };
        // Found by its words alone, which start a word (not printed with
        // its ordinal in another style: "(3)补正后…" after a lone "3" has
        // its own; the 3 is the row before's, a piece of its wrapped
        // number).
        let own_word = !printed.starts_with(number)
            && ordinal(printed).is_none()
            && (*at == 0 || owner[at - 1] != *start);
        let cells = table.blocks[anchors[k - 1].0].columns.len();
        let before = &mut runs[k - 1];
        if own_word
            && before.len() > cells
            && before.last() == Some(&(start.wrapping_sub(1)))
            && matches!(&words[start - 1], Word::Value(v) if v == number)
        {
            before.pop();
        }
    }
    // Anchors with a wrapped number among their values (see
    // [`Word::Wrapped`]): not read.
    let mut wrapped: Vec<bool> = anchors
        .iter()
        .enumerate()
        .map(|(k, &(_, _, start, _, _))| {
            let end = anchors.get(k + 1).map_or(words.len(), |a| a.2);
            words[start..end].contains(&Word::Wrapped)
        })
        .collect();
    let text = |w: usize| words[w].value();
    // Markdown: a row's values on a line between the row before's label,
    // wrapped around values of its own, and its label, with none after its
    // label (a converter puts a row's values before its label where both
    // stand on one line of the page, after it elsewhere: "1. 信访举报投诉类" /
    // "| | 0 0 | 80355 0 | … |" / "处理 申请" / "| | 0 3 | 0 5 | 0 0 | 8 |" /
    // "2. 重复申请" / "(3)要求提供公开"): the row before has its own, so those
    // are this row's (`before_label`), both rows' sums holding.
    let mut before_label = vec![false; anchors.len()];
    for k in 1..runs.len() {
        let (a, b) = (&anchors[k - 1], &anchors[k]);
        if !rows
            || !runs[k].is_empty()
            || wrapped[k - 1]
            || next_row(by_row, a.0, a.1) != Some((b.0, b.1))
        {
            continue;
        }
        let (own, next) = (&table.blocks[a.0], &table.blocks[b.0]);
        let (n, m) = (own.columns.len(), next.columns.len());
        if !has_sums(own) || !has_sums(next) || runs[k - 1].len() != n + m {
            continue;
        }
        let label = line_of[a.2]..=line_of[label_end(joined, owner, (a.4 .0, &a.4 .1), b.2)];
        let (first, then) = runs[k - 1].split_at(n);
        let line = line_of[then[0]];
        let values = |ws: &[usize]| ws.iter().filter_map(|&w| text(w)).collect::<Vec<_>>();
        let groups = next.rows[b.1].groups;
        let piece = |w: usize| group_piece(&words[w], groups);
        let before = first.iter().all(|&w| label.contains(&line_of[w]))
            && then.iter().all(|&w| line_of[w] == line)
            && *label.end() < line
            && line < line_of[b.2]
            && (then[m - 1] + 1..b.2).all(piece)
            && row_of(own, a.1, &values(first)).is_ok()
            && row_of(next, b.1, &values(then)).is_ok();
        if before {
            runs[k] = runs[k - 1].split_off(n);
            before_label[k] = true;
        }
    }
    // Aligned text: a row broken over a page may have its values' line
    // above its label's first line, so that the row before it has two
    // rows' values, each a line of its own, and it none. Each line is its
    // row's, in the rows' order; their sums check them, or, in a block
    // without sums (表二's), a line of as many numbers as a row's cells,
    // two or more: a number on a line of its own between two labels of
    // one cell each ("行政许可 0" / "10" / "行政处罚") may be anything (a
    // stray one the mutation test put there, the row after it blank).
    for k in 1..runs.len() {
        let (b, r) = (anchors[k - 1].0, anchors[k - 1].1);
        let cells = table.blocks[b].columns.len();
        if !has_sums(&table.blocks[b]) && cells < 2 {
            continue;
        }
        let lines: Vec<usize> = runs[k - 1].iter().map(|&w| line_of[w]).collect();
        // (The row before these two read its own count: none of these
        // values is its.)
        let before = k < 2 || runs[k - 2].len() == table.blocks[anchors[k - 2].0].columns.len();
        if aligned
            && before
            && next_row(by_row, b, r) == Some((anchors[k].0, anchors[k].1))
            && table.blocks[anchors[k].0].columns.len() == cells
            && runs[k].is_empty()
            && lines.len() == 2 * cells
            && lines[..cells].iter().all(|&l| l == lines[0])
            && lines[cells..]
                .iter()
                .all(|&l| l == lines[cells] && l > lines[0])
        {
            runs[k] = runs[k - 1].split_off(cells);
            wrapped[k] = wrapped[k - 1];
        }
    }
    (runs, wrapped, before_label)
}

/// The row after row `r` of block `b` among `blocks`, in the format's order.
fn next_row(blocks: &[Block], b: usize, r: usize) -> Option<(usize, usize)> {
    if r + 1 < blocks[b].rows.len() {
        Some((b, r + 1))
    } else if b + 1 < blocks.len() {
        Some((b + 1, 0))
    } else {
        None
    }
}

/// Markdown: a block of a table without sums (表二's) between its band
/// and the next block's, as many numbers as its cells, all its rows but
/// one read from their labels' lines (`rows_read`, of `anchors`): the
/// numbers left are that row's (a converter puts a value on a line before
/// or after its label, never past the band of another block: "行政许可" /
/// "2293").
fn read_left_rows(
    (format, table, by_row): (&Format, &Table, &[Block]),
    (words, line_of): (&[Word], &[usize]),
    (joined, owner): (&str, &[usize]),
    (anchors, runs, rows_read): (&[Anchor], &[Vec<usize>], &[usize]),
    read: &mut Vec<(usize, String, String)>,
) {
    let once = |label: &str| found_once(joined, label);
    let text = |w: usize| words[w].value();
    let band_at = |b: usize| match table.blocks.get(b)?.band {
        "" => None,
        band => once(band).map(|at| owner[at]),
    };
    for (b, block) in by_row.iter().enumerate() {
        let (Some(from), n) = (band_at(b), block.columns.len()) else {
            continue;
        };
        if has_sums(block) {
            continue;
        }
        let to = match b + 1 < by_row.len() {
            true => band_at(b + 1),
            false => Some(words.len()),
        };
        let Some(to) = to.filter(|&to| to > from) else {
            continue;
        };
        let region = from..to;
        if words[region.clone()].contains(&Word::Wrapped) {
            continue;
        }
        let values: Vec<usize> = region
            .clone()
            .filter(|&w| matches!(words[w], Word::Value(_)))
            .collect();
        let mut used: Vec<usize> = Vec::new();
        let mut left: Vec<usize> = Vec::new(); // (rows)
        let mut found = true;
        for r in 0..block.rows.len() {
            match anchors.iter().position(|a| (a.0, a.1) == (b, r)) {
                Some(k) if rows_read.contains(&k) => used.extend(&runs[k]),
                Some(k) if region.contains(&anchors[k].2) => left.push(r),
                _ => found = false,
            }
        }
        let rest: Vec<usize> = values
            .iter()
            .copied()
            .filter(|w| !used.contains(w))
            .collect();
        let [r] = left[..] else { continue };
        if !found
            || values.len() != block.rows.len() * n
            || used.iter().any(|w| !values.contains(w))
            || rest.len() != n
            || rest.iter().any(|&w| line_of[w] != line_of[rest[0]])
        {
            continue;
        }
        let row = &block.rows[r];
        for (column, &w) in block.columns.iter().zip(&rest) {
            if let (Some(i), Some(text)) = (format.cell_at(table.key, row.key, column.key), text(w))
            {
                read.push((i, text.to_string(), row.label.to_string()));
            }
        }
    }
}

/// Way 1 of [`read_stream`]: the table's words and the rows found among
/// them (see [`find_anchors`] and [`runs_of`]), whose values
/// [`row_values`] reads; `total_shown`: whether each block's total column
/// was printed.
#[derive(Clone, Copy)]
struct Found<'a> {
    table: &'a Table,
    by_row: &'a [Block],
    words: &'a [Word],
    line_of: &'a [usize],
    cell_of: &'a [PipeCell],
    joined: &'a str,
    owner: &'a [usize],
    anchors: &'a [Anchor<'static>],
    runs: &'a [Vec<usize>],
    wrapped: &'a [bool],
    before_label: &'a [bool],
    total_shown: &'a [bool],
    how: How,
}

/// What way 1 makes of a row found.
enum RowValues {
    Unread,
    /// Its values, one a cell.
    Read(Vec<String>),
    /// Its values, numbers run together parted (see [`parted`]).
    Parted(Vec<String>),
    /// Its values with a number alone on its line left out (and that
    /// number), the one reading that holds so (see [`only_one`]): read, but
    /// as the rows of
    /// [`RowValues::Printed`], checking no other row's reading (the number
    /// left out may stand for one of the row's lost, and another row's
    /// total be taken for a 勾稽 error by the sums it would make whole).
    /// But in a block whose totals were cut at the page's edge, where the
    /// sums down the columns read the cut rows' parts (see [`read_cut`],
    /// [`placed_by_columns`]), its cells are known to those sums: a
    /// reading wrong there breaks a column's sum, which then reads nothing
    /// in it, and no row there is read as a 勾稽 error (PyMuPDF's "0 8 0 0 0
    /// 0 8" / "6" / "政机关不再…", the page's 6 among the label's lines, left
    /// every column of its cut block unknown). So too where those sums read
    /// a row whose total is not its sum as the report's 勾稽 error (see
    /// [`read_by_columns`]), which takes no slip near the number left out
    /// (given: a page's number, the next page's as near).
    LeftOut(Vec<String>, u64),
    /// Its values in their columns' order, as printed, its total not their
    /// sum (see [`Order::as_printed`], `Found::side_by_side`): the
    /// report's 勾稽 error, for the checks to name; no sum that checks
    /// other rows' readings holds with it (see [`read_by_other_sums`],
    /// [`put_read`]).
    Printed(Vec<String>),
    /// As many numbers as its cells, its total not their sum (the row's
    /// [`CutRow`], the total and the sum as its last): the row read but
    /// for its total where its total was cut at the page's edge (see
    /// [`read_cut`]), or as printed where the table's other sums check its
    /// numbers (see [`read_by_columns`]).
    Unsummed(CutRow),
    /// One number short, the block's total column printed nowhere: its
    /// parts (see [`read_cut`]).
    Cut(CutRow),
    /// One number short, its total its parts' sum's first digits (cut at
    /// the page's edge) and a cell among its parts left empty: its
    /// readings, for the sums down the columns to choose (see
    /// [`cut_placings`]).
    CutPlacings(CutWays),
    /// One number more than its cells, the last a page's number after a
    /// row whose total was cut (see [`cut_before_a_stray`]): its numbers
    /// without it, a row cut where others of its block are.
    CutBeforeStray(CutRow),
    /// Readings its own sums do not make certain, one of which the table's
    /// other sums may choose (see [`read_by_other_sums`]).
    Ways(Vec<Vec<String>>),
    /// One or two numbers short: readings, as [`RowValues::Ways`], each of
    /// the row's numbers in their order, only the empty cells' places (see
    /// [`with_empty_cells`]) or the partings of numbers run together (see
    /// [`parted`], [`fewer`]) differing; where no sum chooses one, the cells they
    /// all agree on may still be read (see [`read_agreed`]). (A wrapped
    /// row's ways may all take the next row's pieces: not so.)
    Placings(Vec<Vec<String>>),
}

impl Found<'_> {
    /// The word row `k`'s label ends in (see [`label_end`]).
    fn label_end(&self, k: usize) -> usize {
        let found = &self.anchors[k].4;
        let until = self.anchors.get(k + 1).map_or(usize::MAX, |a| a.2);
        label_end(self.joined, self.owner, (found.0, &found.1), until)
    }

    /// Whether the word right after word `w` starts a heading of the
    /// table's heading row (see [`column_headings`]), four characters or
    /// more: `w` is the page's last, the heading row repeated at the next
    /// page's top (PyMuPDF's text: "0" / "0" / "0" / "6" / "0" / "0" / "6" /
    /// "6" / "（本列数据的勾稽关系", the page's number between).
    fn heading_after(&self, w: usize) -> bool {
        let Some(Word::Text(text)) = self.words.get(w + 1) else {
            return false;
        };
        let long = |s: &str| s.chars().count() >= 4;
        long(text)
            && column_headings(self.table)
                .iter()
                .any(|h| h.starts_with(text.as_str()) || (long(h) && text.starts_with(h.as_str())))
    }

    /// Whether a word marked damaged (see [`marked_damaged`]) stands
    /// between the row before's numbers and the next row's label, among
    /// row `k`'s: a number of it may lack the piece so lost.
    fn damaged(&self, k: usize) -> bool {
        let (words, anchors) = (self.words, self.anchors);
        let Some(&first) = self.runs[k].first() else {
            return false;
        };
        let before = (0..first)
            .rev()
            .find(|&w| matches!(words[w], Word::Value(_)));
        let until = anchors.get(k + 1).map_or(words.len(), |a| a.2);
        words[before.map_or(0, |w| w + 1)..until]
            .iter()
            .any(marked_damaged)
    }

    /// Aligned text: whether row `k`'s numbers, as many as its cells, are
    /// side by side on one line of its label's lines (its first to its
    /// last), nothing between them, the numbers before them the row
    /// before's, as many as its cells, and none after them before the next
    /// row's label but that row's: the row's cells in their columns' order,
    /// as on the page. A number its cell wrapped leaves pieces a line above
    /// or below the others' (a piece joined to it, see [`Word`], is not
    /// side by side; chromium.pdf's "1672 14897 5922 …" / "（七）总计" / "51 6
    /// 7 06 07 76 3", the pieces under the label seven numbers side by
    /// side): its row's other pieces among its numbers, or the row
    /// before's one too many, or one under them, or marked damaged between
    /// the row before's numbers and the next row. Its total shorter than
    /// another row's of its block, or no number cut at the page's edge (see
    /// [`How`]).
    fn side_by_side(&self, k: usize) -> bool {
        let Found {
            table,
            words,
            line_of,
            anchors,
            runs,
            before_label,
            ..
        } = *self;
        let run = &runs[k];
        let cells = |k: usize| table.blocks[anchors[k].0].columns.len();
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
            return false;
        };
        let label = line_of[anchors[k].2]..=line_of[self.label_end(k)];
        let before = (0..first)
            .rev()
            .find(|&w| matches!(words[w], Word::Value(_)));
        // (Nor a number after them, before the next row's label, that is
        // not that row's: a piece under them. "919 7925 0 0 0 8 80185" /
        // "卷 8" for 919 79258 0 0 0 8 80185 read 7925, the piece "7"
        // between it and the row before's numbers lost, that row's 33907
        // whose lower piece it was.)
        let until = anchors.get(k + 1).map_or(words.len(), |a| a.2);
        let after = (last + 1..until).find(|&w| matches!(words[w], Word::Value(_)));
        let whole = |w: &usize| words[*w].value().is_some_and(|v| as_drawn(v));
        // A total with as many digits as the longest of its block's other
        // rows' may be cut at the page's edge (a left-aligned column cut
        // there shows a long number's first digits up to it, as many as
        // the longest whole ones fill), its sum broken as well by a slip in
        // its row: only a shorter one is whole, unless no number was cut
        // there (see [`How`]). (A right-aligned column cut there cuts
        // every total, see [`cut_off`].)
        let digits = |k: usize| {
            let total = runs[k].last().and_then(|&w| words[w].value());
            total.map(|v| v.chars().filter(char::is_ascii_digit).count())
        };
        let longest = (0..anchors.len())
            .filter(|&j| j != k && anchors[j].0 == anchors[k].0 && runs[j].len() == cells(j))
            .filter_map(digits)
            .max();
        run.len() == cells(k)
            && (self.how.uncut || digits(k).is_some_and(|d| longest.is_some_and(|m| d < m)))
            && !self.damaged(k)
            && run.iter().all(whole)
            && !before_label[k]
            && last - first + 1 == run.len()
            && line_of[first] == line_of[last]
            && label.contains(&line_of[first])
            && before.is_none_or(|w| {
                k > 0 && runs[k - 1].contains(&w) && runs[k - 1].len() == cells(k - 1)
            })
            && after.is_none_or(|w| runs.get(k + 1).is_none_or(|next| next.contains(&w)))
    }

    /// Text in reading order (a viewer's copy), row `k`'s numbers more
    /// than its cells: the first as many as its cells side by side on a
    /// line of its label, holding its sums, each number after them alone
    /// on its line (a page's number, kept by a copy without page breaks:
    /// "（二）部分公开 0 0 793 0 87335 0 88128" / "5" / the table's heading
    /// row repeated). None of those is a piece of the row's numbers:
    /// joined to one, it would break the sums that hold without it. Those
    /// first ones, if so.
    fn before_strays(&self, k: usize) -> Option<Vec<String>> {
        let cells = self.table.blocks[self.anchors[k].0].columns.len();
        let (own, rest) = self.runs[k].split_at_checked(cells)?;
        let drawn = |w: &usize| self.words[*w].value().is_some_and(|v| as_drawn(v));
        let alone = |w: &usize| on_own_lines(self.line_of, *w, *w);
        match !rest.is_empty() && rest.iter().all(alone) && own.iter().all(drawn) {
            true => self.side_by_side_on_label(k, own),
            false => None,
        }
    }

    /// The values of words `own` of row `k`: as many as its cells, one
    /// after another on one line of its label's lines, holding its sums.
    fn side_by_side_on_label(&self, k: usize, own: &[usize]) -> Option<Vec<String>> {
        let (b, r, start, _, _) = self.anchors[k];
        let (block, line_of) = (&self.table.blocks[b], self.line_of);
        let label = line_of[start]..=line_of[self.label_end(k)];
        let values: Vec<String> = (own.iter())
            .filter_map(|&w| self.words[w].value().cloned())
            .collect();
        (!own.is_empty()
            && own.len() == block.columns.len()
            && values.len() == own.len()
            && own.windows(2).all(|p| p[1] == p[0] + 1)
            && own.iter().all(|&w| line_of[w] == line_of[own[0]])
            && label.contains(&line_of[own[0]])
            && holds(block, r, &values))
        .then_some(values)
    }

    /// Markdown: whether the values after row `k`'s label are its own: on
    /// its label's lines, taken from before its label (`before_label`), or
    /// past them only between pieces of its groups' labels up to the next
    /// row (see [`between_group_pieces`]) and with no number alone on the
    /// line right before its label.
    fn own_values(&self, k: usize) -> bool {
        let Found {
            table,
            words,
            line_of,
            anchors,
            runs,
            before_label,
            ..
        } = *self;
        let text = |w: usize| words[w].value();
        let (b, r, start, _, _) = anchors[k];
        let row = &table.blocks[b].rows[r];
        let end = self.label_end(k);
        let lines = line_of[start]..=line_of[end];
        // The next row's line when its label and all its values are on
        // it alone.
        let next_on_own_line = anchors.get(k + 1).and_then(|a| {
            let line = line_of[a.2];
            let run = &runs[k + 1];
            let whole = run.len() == table.blocks[a.0].columns.len()
                && run.iter().all(|&w| line_of[w] == line)
                && on_own_lines(line_of, a.2, run[run.len() - 1]);
            whole.then_some(line)
        });
        // The next row's first line when its label is wrapped around
        // its values: all its cells on one line past its label's first
        // line and not past its last, its sums holding (a row's
        // label centred on its values: those above it are not its).
        let next_around = anchors.get(k + 1).and_then(|a| {
            let (block, run) = (&table.blocks[a.0], &runs[k + 1]);
            let first = line_of[a.2];
            let last = line_of[self.label_end(k + 1)];
            let line = line_of[*run.first()?];
            let values: Vec<&String> = run.iter().filter_map(|&w| text(w)).collect();
            let around = has_sums(block)
                && run.len() == block.columns.len()
                && run.iter().all(|&w| line_of[w] == line)
                && first < line
                && line <= last
                && row_of(block, a.1, &values).is_ok();
            around.then_some(first)
        });
        // A number alone on the line right before the label: a value
        // before its label (a converter's order: "0" / "行政处罚") or a
        // stray one; then the numbers after the label are not
        // certainly the row's.
        let lone_before = start > 0
            && matches!(words[start - 1], Word::Value(_))
            && on_own_lines(line_of, start - 1, start - 1);
        let on_label_lines = runs[k].iter().all(|&w| lines.contains(&line_of[w]));
        before_label[k]
            || on_label_lines
            || (!lone_before
                && between_group_pieces(
                    words,
                    line_of,
                    (
                        &runs[k],
                        end,
                        anchors.get(k + 1).map_or(words.len(), |a| a.2),
                    ),
                    (row.groups, next_on_own_line, next_around),
                ))
    }

    /// Aligned text and Markdown: the numbers on row `k`'s label's lines
    /// alone, as many as its cells, side by side on one line, holding its
    /// sums: the row's values wherever the others after its label are from
    /// (see [`row_values`]).
    fn on_label_lines(&self, k: usize) -> Option<Vec<String>> {
        match has_sums(&self.table.blocks[self.anchors[k].0]) {
            true => self.on_label_lines_unsummed(k),
            false => None,
        }
    }

    /// [`Found::on_label_lines`] in a block with sums or without (no sum
    /// then checks them: for the caller to tell they can be no other
    /// row's).
    fn on_label_lines_unsummed(&self, k: usize) -> Option<Vec<String>> {
        let start = self.anchors[k].2;
        if self.how.order != Order::Aligned {
            return None;
        }
        let label = self.line_of[start]..=self.line_of[self.label_end(k)];
        let own: Vec<usize> = (self.runs[k].iter().copied())
            .filter(|&w| label.contains(&self.line_of[w]))
            .collect();
        self.side_by_side_on_label(k, &own)
    }

    /// Aligned text, row `k`'s values out of place (see [`out_of_place`]):
    /// its values where a row's stand, or, its row broken over a page, the
    /// rest of its wrapped numbers after them on its label's lines (see
    /// `After::Label`), one joining holding; or only the numbers on its
    /// label's lines ([`Found::on_label_lines`]): those after its label's
    /// last line are pieces of the next row's numbers, wrapped over more
    /// lines than its label has (a narrow table printed by Chromium: "52"
    /// and "732 1258" between a long label's last line and "3.其他 0 0 6 0
    /// 63"). None where neither is certain.
    /// (A Markdown text's lines are not a page's: its pipe tables' padding
    /// only looks aligned. A row there is read from its label's lines.)
    fn out_of_place_values(&self, k: usize) -> Option<Vec<String>> {
        let Found {
            table,
            words,
            line_of,
            anchors,
            runs,
            ..
        } = *self;
        let (b, r, _, _, _) = anchors[k];
        let block = &table.blocks[b];
        let cells = block.columns.len();
        let end = line_of[self.label_end(k)];
        let run = &runs[k];
        if run.len() > cells
            && has_sums(block)
            && !out_of_place(words, line_of, &run[..cells], true)
        {
            let ways = (false, After::Label(end));
            let holds = |values: &[String]| holds(block, r, values);
            if let [one] = &rejoined(words, line_of, run, cells, ways, &holds)[..] {
                return Some(one.clone());
            }
        }
        self.on_label_lines(k)
    }

    /// Markdown: the readings of row `k`'s numbers its narrow cells
    /// wrapped, centred on its values' line (see [`centred_pieces`]): the
    /// upper pieces after its label's words (its first or the rest) and
    /// the values on the line under them ("| 二、上年结转政府信息公 | | 4110 |" / "| | 5 | 781 |
    /// … | 64791 |" / "1" / "开申请数量" for 41101), or alone on the line
    /// right above its label's, the line above them a whole row's ("| |
    /// 3.其他 | 0 | 14321 | … | 107437 |" / "| | | 11565 | | 21129 |" / "| 总计
    /// | 2317 | 282583 | … |" / "| | 7 | | 8 |" for 115657 and 211298); the
    /// lower on the next line, alone or after text (its label's rest). The
    /// readings holding the row's sums, for the table's other sums to
    /// choose one of (see [`read_by_other_sums`]): pieces on a line between
    /// two rows' values may be either's. Pieces among its label's lines
    /// are its own: their one reading, if no pieces above its label make
    /// others, is read.
    fn centred(&self, k: usize) -> RowValues {
        let Found {
            table,
            words,
            line_of,
            cell_of,
            anchors,
            runs,
            ..
        } = *self;
        let (b, r, start, _, _) = anchors[k];
        let block = &table.blocks[b];
        let cells = block.columns.len();
        if !has_sums(block) {
            return RowValues::Unread;
        }
        let holds = |values: &[String]| holds(block, r, values);
        let first = line_of[start];
        let on = |line: usize| runs[k].iter().copied().filter(move |&w| line_of[w] == line);
        // The words on a line before the label's.
        let before = |line: usize| (0..start).filter(move |&w| line_of[w] == line);
        let values_on = |line: usize| before(line).filter(|&w| words[w].value().is_some()).count();
        let numbers_alone = |line: usize| before(line).all(|w| digits_at(words, w).is_some());
        let ways_of = |run: Vec<usize>, label: Option<usize>| {
            centred_pieces((words, line_of, cell_of), &run, label, cells, &holds)
        };
        // The run's first three lines of numbers (text between: its
        // label's or its groups' pieces).
        let mut lines: Vec<usize> = runs[k].iter().map(|&w| line_of[w]).collect();
        lines.dedup();
        let mut ways = match lines[..] {
            [up, row, down, ..] => {
                ways_of(on(up).chain(on(row)).chain(on(down)).collect(), Some(start))
            }
            _ => Vec::new(),
        };
        let among_label = ways.len();
        if first >= 2
            && values_on(first - 1) > 0
            && numbers_alone(first - 1)
            && values_on(first - 2) == cells
        {
            let run = before(first - 1).chain(on(first)).chain(on(first + 1));
            for way in ways_of(run.collect(), None) {
                if !ways.contains(&way) {
                    ways.push(way);
                }
            }
        }
        match ways.len() {
            0 => RowValues::Unread,
            1 if among_label == 1 => RowValues::Read(ways.remove(0)),
            _ => RowValues::Ways(ways),
        }
    }

    /// The readings of row `k`'s numbers, more than its cells, with the
    /// rest of its wrapped numbers on the line under its values (see
    /// [`After::Below`]) holding its sums: for the table's other sums to
    /// choose one of.
    fn below(&self, k: usize) -> RowValues {
        let (b, r, ..) = self.anchors[k];
        let block = &self.table.blocks[b];
        let (run, cells) = (&self.runs[k], block.columns.len());
        let holds = |values: &[String]| holds(block, r, values);
        if !has_sums(block) {
            return RowValues::Unread;
        }
        match joinings(
            self.words,
            self.line_of,
            run,
            cells,
            (false, After::Below(block.rows[r].groups, self.label_end(k))),
            &holds,
        ) {
            ways if ways.is_empty() => RowValues::Unread,
            ways => RowValues::Ways(ways),
        }
    }
}

/// Whether `values` hold the sums of row `r` of `block`.
fn holds(block: &Block, r: usize, values: &[String]) -> bool {
    row_mismatch(block, &|_, c| count_of(&values[c]), r).is_none()
}

/// Whether `word` holds glyphs a file drew over one another, marked damaged
/// (U+FFFD, see `crate::import::layout`): a piece of a number so is no
/// number, and the numbers around it may lack it.
fn marked_damaged(word: &Word) -> bool {
    matches!(word, Word::Text(t) if t.contains('\u{FFFD}'))
}

/// Whether `value` is a number as a row's cell prints it, side by side
/// with the others (see `Found::side_by_side`): no pieces joined (see
/// [`Word`]), no leading 0 (two runs drawn over each other, an OFD file's
/// damage: "09", 0 with 9 over it), no empty cell (see [`empty_cell`]).
fn as_drawn(value: &str) -> bool {
    !(value.contains(WRAPPED) || value.len() > 1 && value.starts_with('0') || empty_cell(value))
}

/// Whether `value` is a number printed with a leading 0 ("09"), no piece
/// joined to it (see [`as_drawn`]).
fn leading_zero(value: &str) -> bool {
    value.len() > 1 && value.starts_with('0') && value.bytes().all(|b| b.is_ascii_digit())
}

/// Whether every one of a row's `values` is a number as drawn (see
/// [`as_drawn`]).
fn all_drawn(values: &[String]) -> bool {
    values.iter().all(|v| as_drawn(v))
}

/// Whether a row's `values` are numbers as drawn but for at most one empty
/// cell marked in its column (see [`empty_cell`]) and numbers joined from
/// their pieces (see [`Word`]): a row whose total is not its sum that
/// [`read_by_columns`] may read, the empty cell counted 0 in the sums down
/// its column and left unread, neither taken for the wrong number (so each
/// is checked by its column's sum). A cell placed in the wrong column, or
/// a piece joined to the wrong number, moves a number or a piece into
/// another column, breaking two columns' sums where one wrong number
/// mends one (hunt 1210007's 7.属于行政执法案卷 "0 1 694/6 2 0 0 6948").
fn checked_by_columns(values: &[String]) -> bool {
    let empty = values.iter().filter(|v| empty_cell(v)).count();
    let joined = |v: &str| v.contains(WRAPPED) && count_of(v).is_some();
    empty <= 1 && (values.iter()).all(|v| as_drawn(v) || empty_cell(v) || joined(v))
}

/// Whether a value is an empty cell marked in its column (see
/// `normalize::blank_cells_marked`): placed by the page's columns, not by
/// the order of the row's values, it is read only where the row's sums
/// hold.
fn empty_cell(value: &str) -> bool {
    value.starts_with(BLANK_CELL) && value.len() == BLANK_CELL.len_utf8()
}

/// The values of row `k` of `found`'s anchors, or why it is not read.
fn row_values(found_rows: &Found, k: usize) -> RowValues {
    let Found {
        table,
        by_row,
        words,
        line_of,
        anchors,
        runs,
        wrapped,
        total_shown,
        how: How { order, rows, .. },
        ..
    } = *found_rows;
    let reordered = order == Order::Blocks;
    let aligned = order == Order::Aligned;
    let text = |w: usize| words[w].value();
    let (b, r, _, _, _) = anchors[k];
    let block = &table.blocks[b];
    let cells = block.columns.len();
    let holds = |values: &[String]| holds(block, r, values);
    // The values after a label may be another row's when its own were
    // lost (a line dropped) and the next row's label was not found:
    // taken only when the row after it (in the format) is the label that
    // comes next, or there is none; or its own on its label's lines
    // ("3.要求提供公" / "0 267 0 0 7 0 274" / "开出版物", the next row's
    // label damaged, its values after).
    let after = next_row(by_row, b, r);
    if after.is_some_and(|x| anchors.get(k + 1).is_none_or(|a| (a.0, a.1) != x))
        && found_rows.on_label_lines(k).is_none()
    {
        return RowValues::Unread;
    }
    if wrapped[k] {
        return RowValues::Unread;
    }
    // Markdown: a mark printed for a 0 ("—") on a line apart from the
    // row's other values (markitdown sets a cell's text that it did not
    // keep in the table's pipes on a line of its own: "| 0 0 | 0 0 | | 0
    // 0 |" / "—" for 0 0 0 0 — 0 0): its place among them is not certain,
    // and the sums, which count it 0 as a 0, cannot tell it.
    let run = &runs[k];
    let mark = |w: usize| words[w].value().is_some_and(|v| zero_mark(v));
    if rows && (run.iter()).any(|&w| mark(w) && run.iter().any(|&x| line_of[x] != line_of[w])) {
        return RowValues::Unread;
    }
    // Aligned text: a row's values may stand above its label's first
    // line (its row broken over a page, above), so the values before a
    // row with none of its own may be that row's, this row's lost (a
    // line dropped): neither is read. But for those on this row's
    // label's lines, all its values on one line, holding its sums (see
    // `Found::on_label_lines`): a row's lines are its own ("报投诉类 0 0 0
    // 778 849 47973 49600" between "1.信访举" and "申请", then "2 69 0 0
    // 8 79" over "2.重复申请").
    // So in a block without sums (表二's) when the next row, in another
    // block, has another number of cells ("行政规范性文件 24945 9 0" over
    // 第二十条第（五）项's heading and a blank 行政许可), or its block's
    // band stands between them and its label ("行政许可 2" / "第二十条第
    // （六）项" / … / a blank 行政处罚, hunt 1223007): they cannot be its.
    if aligned && !rows && runs.get(k + 1).is_some_and(|next| next.is_empty()) {
        let band_between = |a: &Anchor| {
            let from = runs[k].last().map_or(anchors[k].2, |&w| w + 1);
            let between: String = (words[from..a.2].iter())
                .filter_map(|w| match w {
                    Word::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            let band = norm(table.blocks[a.0].band);
            !band.is_empty() && between.contains(&band)
        };
        let other_block =
            |a: &Anchor| a.0 != b && (table.blocks[a.0].columns.len() != cells || band_between(a));
        let not_next_rows = anchors.get(k + 1).is_some_and(other_block);
        let own = match not_next_rows {
            true => found_rows.on_label_lines_unsummed(k),
            false => found_rows.on_label_lines(k),
        };
        return match own {
            Some(values) => RowValues::Read(values),
            None => RowValues::Unread,
        };
    }
    // Aligned text, a block without sums (表二's): a row's values on its
    // label's lines, as the page has them; a number on a line of its own
    // under a label (a row left blank, "行政处罚" / "10") may be anything,
    // a page's number, a footnote's mark, and no sum checks it.
    let label = line_of[anchors[k].2]..=line_of[found_rows.label_end(k)];
    if aligned && !rows && !has_sums(block) && !run.iter().all(|&w| label.contains(&line_of[w])) {
        return RowValues::Unread;
    }
    // Aligned text: its values out of place (see
    // `Found::out_of_place_values`).
    let broken = match aligned && !rows && out_of_place(words, line_of, &runs[k], has_sums(block)) {
        true => match found_rows.out_of_place_values(k) {
            Some(values) => Some(values),
            None => return found_rows.below(k),
        },
        false => None,
    };
    // Markdown: the values after its label are its own (see
    // `Found::own_values`), or those on its label's lines are (the
    // others past them the next row's upper pieces: "| | 3.其他 | | 0
    // 14321 | 92363 | … | 107437 |" / "| | | | | 11565 | | | 21129 |" /
    // "| 总计 | | 2317 | …").
    if rows && !found_rows.own_values(k) {
        return match found_rows.on_label_lines(k) {
            Some(values) => RowValues::Read(values),
            None => found_rows.centred(k),
        };
    }
    let values: Vec<&String> = runs[k].iter().filter_map(|&w| text(w)).collect();
    let values: Vec<String> = match (broken, row_of(block, r, &values)) {
        (Some(values), _) => values,
        (None, Ok(values)) => values.into_iter().cloned().collect(),
        // (A row's numbers after its label, as the page shows them; not
        // two of a cell joined as a number's pieces, see
        // `normalize::empty_cells_between_tabs`.)
        (None, Err(Some(_)))
            if order.as_printed() && !values.iter().any(|v| v.contains(WRAPPED)) =>
        {
            return RowValues::Printed(values.into_iter().cloned().collect());
        }
        // Aligned text: a row's numbers side by side on a line of its
        // label (see `Found::side_by_side`), whatever their sum, as on
        // the page: its total not its sum is the report's 勾稽 error, read
        // as printed for the checks to name. (Not a total that is its
        // sum's first digits: a column cut at the page's edge, see
        // [`read_cut`].)
        (None, Err(Some((total, sum))))
            if aligned && !rows && !cut_off(total, sum) && found_rows.side_by_side(k) =>
        {
            return RowValues::Printed(values.into_iter().cloned().collect());
        }
        (None, Err(Some((total, sum)))) => {
            let values = values.iter().map(|v| v.to_string()).collect();
            return RowValues::Unsummed((b, r, values, Some((total, sum))));
        }
        // One number short, the block's total column printed nowhere:
        // the row's parts, its total lost at the page's edge (see
        // `total_shown` in [`read_stream`]).
        (None, Err(None))
            if values.len() + 1 == cells && one_total(block) && !total_shown[b] && !reordered =>
        {
            if values.iter().all(|v| count_of(v).is_some()) {
                let mut values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                values.push(String::new());
                return RowValues::Cut((b, r, values, None));
            }
            return RowValues::Unread;
        }
        // Text of a cell a line, or aligned text whose columns did not
        // place the gap (see `normalize::blank_cells_marked`), one or two
        // numbers fewer: cells left empty (blank, or a mark printed for 0
        // the text lost) where the row's sum holds with them (see
        // [`with_empty_cells`]: a part's number may stand on either side
        // of one, so the row's own sum does not place it), or two cells'
        // numbers run together (see below), or one of each (see
        // [`fewer`]): the table's other sums may choose (see
        // [`read_by_other_sums`]). A browser's copy, too: a blank cell next
        // to its label is not marked (see
        // `normalize::empty_cells_between_tabs`); its cells, apart by
        // tabs, never run together.
        (None, Err(None))
            if matches!(order, Order::Lines | Order::Aligned | Order::Cells)
                && !rows
                && values.len() < cells
                && values.len() + 2 >= cells
                && one_total(block)
                && total_shown[b] =>
        {
            let ways = fewer(&values, cells, order == Order::Cells, &holds);
            let blank = |way: &Vec<String>| way.iter().any(|v| v.starts_with(BLANK_CELL));
            match &ways[..] {
                [] => return cut_placings(block, (b, r), &values),
                [one] if !blank(one) => return RowValues::Parted(one.clone()),
                _ => return RowValues::Placings(ways),
            }
        }
        // More numbers than cells: numbers wrapped in their cells, read
        // when only one way of joining them holds the row's sums (or the
        // table's other sums, see `Found::below`).
        (None, Err(None)) if order == Order::Lines && has_sums(block) => {
            let run = &runs[k];
            let end = found_rows.label_end(k);
            let ways = (true, After::Text(end));
            match &rejoined(words, line_of, run, cells, ways, &holds)[..] {
                [one] => one.clone(),
                [] => {
                    let left_out = |at_ends| {
                        without_one_alone(words, line_of, run, cells, (ways, at_ends), &holds)
                            .flat_map(|(w, found)| found.into_iter().map(move |r| (w, r)))
                    };
                    // A page's number: a number alone right before the
                    // heading row repeated at the next page's top, left out
                    // (the rest of a number wrapped over the page may come
                    // after the heading).
                    let page_number = || {
                        let at = run.iter().position(|&w| {
                            found_rows.heading_after(w) && on_own_lines(line_of, w, w)
                        })?;
                        let readings = without_one(words, line_of, (run, at), cells, ways, &holds);
                        only_one(readings.into_iter().map(|r| (run[at], r)))
                    };
                    // (As a page's number: not past PAGE_NUMBER_MAX.)
                    let a_page = |(w, values): (usize, Vec<String>)| {
                        let stray = count_of(words[w].value()?)?;
                        (stray <= PAGE_NUMBER_MAX).then_some((values, stray))
                    };
                    match found_rows.before_strays(k) {
                        Some(values) => values,
                        None => match only_one(left_out(false))
                            .filter(|(_, one)| left_out(true).any(|(_, r)| r == *one))
                            .or_else(page_number)
                            .and_then(a_page)
                        {
                            Some((values, stray)) => {
                                return RowValues::LeftOut(values, stray);
                            }
                            None => match found_rows.below(k) {
                                RowValues::Unread => {
                                    return cut_before_a_stray(block, (b, r), words, line_of, run)
                                }
                                below => return below,
                            },
                        },
                    }
                }
                _ => return RowValues::Unread,
            }
        }
        // Fewer numbers than cells: two cells' numbers run together (a
        // narrow cell without borders, its number into the next's:
        // "80668072"), read when only one way of parting them holds
        // the row's sum.
        (None, Err(None)) if values.len() < cells && one_total(block) && total_shown[b] => {
            match &parted(&values, cells, &holds)[..] {
                [one] => return RowValues::Parted(one.clone()),
                _ => return RowValues::Unread,
            }
        }
        // Markdown: more numbers than cells on its label's lines, the
        // pieces of numbers wrapped around the row's values.
        (None, Err(None)) if rows && values.len() > cells => return found_rows.centred(k),
        (None, Err(None)) => return RowValues::Unread,
    };
    RowValues::Read(values)
}

/// Each block of `table` with where its cells start among the table's
/// cells read in order, a row after another (表四: its groups).
fn block_starts(table: &Table) -> impl Iterator<Item = (&Block, usize)> {
    (table.blocks.iter()).scan(0, |k, block| {
        let at = *k;
        *k += block.rows.len() * block.columns.len();
        Some((block, at))
    })
}

/// Reads a table from its words when no grid was found (see [`Word`]).
/// Two ways, both refusing rather than guessing:
/// 1. by row: each row label found where it is, when it occurs once (its
///    pieces may be split by line breaks, numbers and pieces of the merged
///    heading to its left, see [`interrupted`]), the values between it
///    and the next row label found taken when their count is the row's and
///    the row's own sum (总计 column) holds (its total cut at the page's
///    edge, or the whole column lost there: the other sums, see
///    [`read_cut`]). Labels one under another
///    before all their values are not read together;
/// 2. the whole table: when the numbers are exactly as many as the table's
///    cells, in reading order, they are its cells row by row, taken only if
///    the table has sums and every one of them holds, and no row read by
///    way 1 disagrees.
///
/// [`Order::Lines`] text (a PDF viewer's copy, pdftotext -raw): a row, or
/// 表四's one row, with a few numbers more than its cells is read when
/// one way alone of joining numbers its cells wrapped holds its sums (see
/// [`rejoined`]); in any text, 表四's row with the rest of its wrapped
/// numbers on a later line (its row broken over a page). In this and
/// aligned text, a row with the rest of its wrapped numbers right under
/// its values is read when one way alone makes the table's other sums
/// hold (see [`After::Below`]); so is a Markdown text's row with pieces
/// of its numbers around its values (see `Found::centred`). Several such
/// rows are read together (see [`read_by_other_sums`]).
///
/// [`Order::Aligned`] text (pdftotext -layout, an OFD file set out): a
/// row's numbers are read only where a row's values stand on its page (see
/// [`out_of_place`]); a row whose total is not its sum is read as printed
/// where its numbers stand side by side on a line of its label (see
/// `Found::side_by_side`; 表四's line, see [`read_in_order`]), as from
/// the page, for the checks to name (see [`RowValues::Printed`]).
///
/// [`Order::Cells`] (a browser's copy of a page whose cells hold
/// paragraphs): the cells are in the table's order, so a row whose total is
/// not its sum is read as printed; otherwise as [`Order::Lines`] text, but
/// for numbers wrapped in their cells, which a page's text has not.
///
/// [`Order::Blocks`] (plain pdftotext): the numbers are in the order of
/// the tool's layout analysis, not of the rows. A page's labels and its
/// values come in separate flows, two cells of a row swapped: the numbers
/// after a run of labels were once the nine rows after them, every count
/// and sum holding (47 cells read wrong); a row's value came before its
/// label, so the next row's followed it; 表四's row 0 0 0 3 3 came out as
/// 0 0 3 0 3. Then neither way reads: only a table whose numbers are all
/// the same (all 0), as many as its cells, which no order changes.
///
/// `how` ([`How`]): with `rows`, the words hold a Markdown text's table
/// rows among its paragraphs (see `Outline::texts_and_tables`); a converter
/// that wrote them from a PDF may put a row's value on a line before its
/// label (“3” / “行政许可”; a row's seven values before the six lines of
/// its label, the next row's after them, their sum holding), so that the
/// values after a label are the next row's: a row is read only from
/// values on its label's lines (its first to its last, as a converter puts
/// a row's values among its label's lines).
pub(super) fn read_stream(table: &Table, paras: &[String], how: How, out: &mut Recognised) {
    let How { order, rows, .. } = how;
    let format = out.report.format;
    let reordered = order == Order::Blocks;
    let summed = table.blocks.iter().all(has_sums);
    let (mut words, line_of, cell_of) = words(
        paras,
        (summed, order == Order::Aligned, order == Order::Cells),
    );
    zero_words_by_labels(table, &mut words);
    // The text words joined, and for each character the word it came from.
    let mut joined = String::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if let Word::Text(t) = w {
            joined.push_str(t);
            owner.extend(std::iter::repeat_n(i, t.len()));
        }
    }
    let value_at: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| matches!(w, Word::Value(_)))
        .map(|(i, _)| i)
        .collect();
    // Way 1: each row's label where it is (a PDF's reading order may move
    // a label down past other rows), when it occurs once; not for a table
    // printed transposed (its row labels head columns), nor in reordered
    // text.
    let by_row = if table.layout == Layout::SingleRow || reordered {
        &[][..]
    } else {
        table.blocks
    };
    let (anchors, restyled) =
        find_anchors(by_row, &words, (&joined, &owner), &column_headings(table));
    let (runs, wrapped, before_label) = runs_of(
        (table, by_row),
        (&words, &line_of),
        (&joined, &owner),
        &anchors,
        how,
    );
    let text = |w: usize| words[w].value();
    // Whether a block's total column was printed: a row with as many
    // numbers as its cells whose sums hold. A table wider than the page may
    // lose it whole at the page's edge (every total gone, each row one
    // number short): then a row's last number is a part, not its total, so
    // no row's numbers are parted (two numbers run together, see
    // [`parted`]: "10 0 0 0 0 1" parted as 1 0 0 0 0 0 | 1, three cells
    // wrong), and the rows are read but for their totals where the other
    // sums check them (see [`read_cut`]).
    let mut total_shown = vec![false; table.blocks.len()];
    for (a, run) in anchors.iter().zip(&runs) {
        let values: Vec<&String> = run.iter().filter_map(|&w| text(w)).collect();
        total_shown[a.0] |= row_of(&table.blocks[a.0], a.1, &values).is_ok();
    }
    let mut read: Vec<(usize, String, String)> = Vec::new(); // (cell, text, row label)
    let mut rows_read: Vec<usize> = Vec::new(); // (anchors)
    let mut unsummed = Unsummed::default();
    let mut cut: Vec<CutRow> = Vec::new();
    let mut misfits: Vec<CutRow> = Vec::new();
    let mut cut_ways: Vec<CutWays> = Vec::new();
    let mut strays: Vec<CutRow> = Vec::new();
    let mut parted_rows: Vec<&str> = Vec::new();
    let mut pending: Vec<RowWays> = Vec::new();
    let found_rows = Found {
        table,
        by_row,
        words: &words,
        line_of: &line_of,
        cell_of: &cell_of,
        joined: &joined,
        owner: &owner,
        anchors: &anchors,
        runs: &runs,
        wrapped: &wrapped,
        before_label: &before_label,
        total_shown: &total_shown,
        how,
    };
    // A row whose total is not its sum: cut at the page's edge (see
    // [`read_cut`]), or for the sums down its columns to check (see
    // [`read_by_columns`]).
    let sort_unsummed =
        |k: usize, row_read: CutRow, (cut, misfits): (&mut Vec<CutRow>, &mut Vec<CutRow>)| {
            let (total, sum) = row_read.3.unwrap_or_default();
            match cut_off(total, sum) && one_total(&table.blocks[row_read.0]) {
                true => cut.push(row_read),
                // (Not by a piece marked damaged: a number may lack it.)
                false
                    if !reordered && checked_by_columns(&row_read.2) && !found_rows.damaged(k) =>
                {
                    misfits.push(row_read)
                }
                false => {}
            }
        };
    let mut taken: Vec<RowRead> = Vec::new();
    let mut printed: Vec<usize> = Vec::new(); // (anchors)
    let mut left_out: Vec<usize> = Vec::new(); // (anchors)
    let mut strays_left_out: Vec<u64> = Vec::new();
    for (k, &(b, r, ..)) in anchors.iter().enumerate() {
        let row = &table.blocks[b].rows[r];
        let values = match row_values(&found_rows, k) {
            RowValues::Unread => continue,
            // (A number printed with a leading 0, no piece joined to it, is
            // no count as a cell prints it: a piece of a number its cell
            // wrapped ("48" / "09" / "7" for 48097; the mutation test's salt
            // 41 on found/pingtan-2021-chromium-1041008, its row's total
            // swapped for 57, which 0 39 09 7 0 2 sum to), or two runs
            // drawn over each other; its row's sum may hold by chance.)
            RowValues::Read(values) if values.iter().any(|v| leading_zero(v)) => continue,
            RowValues::Read(values) => values,
            RowValues::Parted(values) => {
                parted_rows.push(row.short);
                values
            }
            RowValues::Printed(values) => {
                printed.push(k);
                values
            }
            RowValues::LeftOut(values, stray) => {
                printed.push(k);
                left_out.push(k);
                strays_left_out.push(stray);
                values
            }
            RowValues::Unsummed(row_read) => {
                let (total, sum) = row_read.3.unwrap_or_default();
                unsummed.0.push((row.short, total, sum));
                sort_unsummed(k, row_read, (&mut cut, &mut misfits));
                continue;
            }
            RowValues::Cut(cut_row) => {
                cut.push(cut_row);
                continue;
            }
            RowValues::CutBeforeStray(row_read) => {
                strays.push(row_read);
                continue;
            }
            RowValues::CutPlacings(ways) => {
                let (total, sum) = ways.3;
                unsummed.0.push((row.short, total, sum));
                cut_ways.push(ways);
                continue;
            }
            RowValues::Ways(ways) => {
                pending.push((k, ways, false));
                continue;
            }
            RowValues::Placings(ways) => {
                pending.push((k, ways, true));
                continue;
            }
        };
        taken.push((k, values));
    }
    // A row with a page's number after its cut total, where others of its
    // block were cut (a total its sum's first digits by chance, in one row
    // alone, may be a slip: "9 2 9 6 8 4 3" / "32", 3 for 38).
    let cut_blocks: Vec<usize> = cut.iter().map(|x| x.0).collect();
    for x in strays.into_iter().filter(|x| cut_blocks.contains(&x.0)) {
        let (total, sum) = x.3.unwrap_or_default();
        unsummed
            .0
            .push((table.blocks[x.0].rows[x.1].short, total, sum));
        cut.push(x);
    }
    // A block some of whose rows' totals were cut at the page's edge (see
    // [`read_cut`]): any row's last number may be cut there, so a row whose
    // total is not its sum is no more read as printed, but named, and
    // checked as any such row (hunt 1222000's OFD: 4.保护第三方合法权益 "7 0
    // 906 0 0 189 1097" side by side, its 7 the slip, among rows cut; left
    // out, every column's sum was unknown and four cut rows unread). (A
    // row with a number left out holds its sums: kept, see
    // [`RowValues::LeftOut`].)
    let cut_blocks: Vec<usize> = cut.iter().map(|x| x.0).collect();
    let mut unsure: Vec<(usize, CutRow)> = Vec::new();
    taken.retain(|(k, values)| {
        let (b, r, ..) = anchors[*k];
        if !printed.contains(k) || !cut_blocks.contains(&b) || left_out.contains(k) {
            return true;
        }
        let block = &table.blocks[b];
        if let Some((total, sum)) = row_mismatch(block, &|_, c| count_of(&values[c]), r) {
            unsummed.0.push((block.rows[r].short, total, sum));
            unsure.push((*k, (b, r, values.clone(), Some((total, sum)))));
        }
        false
    });
    for (k, row_read) in unsure {
        sort_unsummed(k, row_read, (&mut cut, &mut misfits));
    }
    // (A row read as printed, its total not its sum, checks no other.)
    let checked: Vec<RowRead> = (taken.iter())
        .filter(|(k, _)| !printed.contains(k))
        .cloned()
        .collect();
    let by_other_sums = read_by_other_sums(table, &anchors, &checked, &pending);
    let mut waiting: Vec<Waiting> = (pending.iter())
        .filter(|(k, ..)| !by_other_sums.iter().any(|x| x.0 == *k))
        .map(|(k, ways, placings)| (anchors[*k].0, anchors[*k].1, ways.clone(), *placings))
        .collect();
    // Rows one number short read in part (see [`together`]).
    let partly: Vec<&'static str> = (by_other_sums.iter())
        .filter(|(k, values)| {
            values.iter().any(String::is_empty) && pending.iter().any(|p| p.0 == *k && p.2)
        })
        .map(|(k, _)| table.blocks[anchors[*k].0].rows[anchors[*k].1].short)
        .collect();
    taken.extend(by_other_sums);
    let mut printed_cells: Vec<usize> = Vec::new();
    // (Those of rows read as printed, not with a number left out: in a
    // block cut at the page's edge the latter check the cut rows, see
    // [`RowValues::LeftOut`].)
    let mut as_printed_cells: Vec<usize> = Vec::new();
    crate::sort::by_key(&mut taken, |(k, _)| *k);
    for (k, values) in taken {
        let (b, r, _, variant, _) = anchors[k];
        let block = &table.blocks[b];
        let row = &block.rows[r];
        for (column, text) in block.columns.iter().zip(values) {
            if let Some(i) = format.cell_at(table.key, row.key, column.key) {
                read.push((i, text.to_string(), row.label.to_string()));
                if printed.contains(&k) {
                    printed_cells.push(i);
                }
                if printed.contains(&k) && !left_out.contains(&k) {
                    as_printed_cells.push(i);
                }
            }
        }
        rows_read.push(k);
        label_printed(table, (b, r), variant, &restyled, out);
    }
    if !parted_rows.is_empty() {
        out.notes.push(format!(
            "{}有 {} 行的数字在原文中连在一起（单元格太窄，一格的数字伸进了旁边一格），已按唯一能使总计相符的拆法读取：{}，请对照原文核实",
            crate::rules::cells::table_name(table.key),
            parted_rows.len(),
            parted_rows.iter().map(|r| format!("「{r}」")).collect::<Vec<_>>().join("、"),
        ));
    }
    // Markdown: a row of a block without sums read from the numbers its
    // other rows left (see `read_left_rows`).
    if rows {
        read_left_rows(
            (format, table, by_row),
            (&words, &line_of),
            (&joined, &owner),
            (&anchors, &runs, &rows_read),
            &mut read,
        );
    }
    // Way 2: the whole table from its numbers in order.
    let undecided = read_in_order(
        (format, table),
        (&words, &line_of, &cell_of),
        how,
        &value_at,
        (&mut read, &mut unsummed),
        &mut out.notes,
    );
    if !undecided.is_empty() {
        out.notes.push(format!(
            "{}的数字在原文中因单元格太窄断成几行，有几种接法都与各项合计相符，其中 {} 个单元格的数字无法确定，未导入：{}，请对照原文填写",
            crate::rules::cells::table_name(table.key),
            undecided.len(),
            first_few(&undecided),
        ));
    }
    let placed = placed_by_columns(
        table,
        (&cut, &misfits, &cut_ways, &mut waiting),
        (&read, &as_printed_cells),
    );
    cut.extend(placed);
    put_read(
        table,
        (read, how.uncut),
        (&cut, &misfits, (&waiting, partly)),
        (&anchors, &restyled),
        (unsummed, (&printed_cells, &as_printed_cells)),
        &strays_left_out,
        out,
    );
}

/// Row `r` of block `b` read by a label printed otherwise: as `variant`
/// (see [`variant_note`]), or with its ordinal written another way (its
/// label as printed among `restyled`): told (see [`RowNote`]).
fn label_printed(
    table: &Table,
    (b, r): (usize, usize),
    variant: Option<&str>,
    restyled: &[(usize, usize, String)],
    out: &mut Recognised,
) {
    let row = &table.blocks[b].rows[r];
    if let Some(v) = variant {
        RowNote::add(
            out,
            table,
            row,
            Told::Variant(variant_note(table, v, row.label)),
        );
    }
    if let Some((_, _, printed)) = restyled.iter().find(|x| (x.0, x.1) == (b, r)) {
        RowNote::add(out, table, row, Told::Restyled(printed.clone()));
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // (test code: see clippy.toml)
mod tests {
    use super::*;

    /// Numbers below `n` (xorshift from `seed`), the same on every run.
    fn random(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    #[test]
    fn a_group_heading_is_also_looked_for_with_its_ordinal_written_otherwise() {
        let got = group_styles(&norm("（四）无法提供"));
        for printed in [
            "（四）无法提供",
            "四、无法提供",
            "四.无法提供",
            "4.无法提供",
            "4、无法提供",
            "（4）无法提供",
        ] {
            assert!(got.contains(&norm(printed)), "{printed}: {got:?}");
        }
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(group_styles("三、本年度办理结果").contains(&"(3)本年度办理结果".to_string()));
        assert_eq!(group_styles("申请人情况"), ["申请人情况"]);
    }

    #[test]
    fn of_several_places_a_label_is_at_the_one_not_within_the_heading_row() {
        let headings: Vec<String> = [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "总计",
            "商业企业",
        ]
        .map(norm)
        .to_vec();
        // The words joined, the word of each byte, where each word starts.
        let text = |words: &[&str]| {
            let (mut joined, mut owner, mut starts) = (String::new(), Vec::new(), Vec::new());
            for (i, w) in words.iter().enumerate() {
                starts.push(joined.len());
                joined.push_str(&norm(w));
                owner.resize(joined.len(), i);
            }
            (joined, owner, starts)
        };
        // The place chosen of `places` (a word, a character in it), as one.
        let one = |words: &[&str], places: &[(usize, usize)]| {
            let (joined, owner, starts) = text(words);
            let places = places.iter().map(|&(w, c)| {
                let chars = joined[starts[w]..].char_indices();
                starts[w] + chars.map(|(i, _)| i).nth(c).unwrap()
            });
            let at = one_place(places, (&joined, &owner), &headings);
            at.map(|at| (owner[at], joined[at..].chars().next().unwrap()))
        };
        // 本列's 本 and 本年新收…: the one outside the heading row.
        let words = ["（本列数据的勾稽关系", "本年新收政府信息公开申", "请数量"];
        assert_eq!(one(&words, &[(0, 1), (1, 0)]), Some((1, '本')));
        // "总计商业", 总计 and 商业企业's start, is the heading row's.
        let words = ["总计商业", "总计甲"];
        assert_eq!(one(&words, &[(0, 0), (1, 0)]), Some((1, '总')));
        // Both outside it, or both within: none; one place: that one.
        let words = ["本年新收甲", "本年新收乙"];
        assert_eq!(one(&words, &[(0, 0), (1, 0)]), None);
        assert_eq!(one(&["总计商业", "总计"], &[(0, 0), (1, 0)]), None);
        assert_eq!(one(&["总计商业"], &[(0, 0)]), Some((0, '总')));
    }

    #[test]
    fn a_label_ends_in_its_last_character_that_ends_a_word() {
        // The words' text joined, each byte's word.
        let joined_of = |texts: &[&str]| {
            let (mut joined, mut owner) = (String::new(), Vec::new());
            for (w, t) in texts.iter().enumerate() {
                joined.push_str(&norm(t));
                owner.extend(std::iter::repeat_n(w, norm(t).len()));
            }
            (joined, owner)
        };
        let label = norm("2.重复申请");
        // Broken over a page, the heading row between: 请 of 申请人情况 is
        // the heading's.
        let (joined, owner) = joined_of(&["2.重复申", "（本列数据…）", "申请人情况", "予", "请"]);
        assert_eq!(label_end(&joined, &owner, (0, &label), usize::MAX), 4);
        // Not past the next row's label (word 4): the first 请, as before.
        assert_eq!(label_end(&joined, &owner, (0, &label), 4), 2);
        // Whole in one word; not found past its start: that word.
        let (joined, owner) = joined_of(&["2.重复申请", "申请人情况", "请"]);
        assert_eq!(label_end(&joined, &owner, (0, &label), usize::MAX), 0);
        let (joined, owner) = joined_of(&["2.重复申", "处理"]);
        assert_eq!(label_end(&joined, &owner, (0, &label), usize::MAX), 0);
    }

    #[test]
    fn wu_between_two_numbers_of_a_line_or_alone_between_two_is_a_value() {
        let lines = [
            "3 0 24690 无 9 0 24702",
            "申 请 人 无 3",
            "3 无",
            "无 3",
            "3",
            "空 4 空 5",
        ]
        .map(String::from);
        let marked = |lines: &[String], aligned: bool| -> Vec<String> {
            let (words, ..) = words(lines, (true, aligned, false));
            (words.iter())
                .map(|w| match w {
                    Word::Value(v) if v.starts_with(BLANK_CELL) => format!("({})", &v[3..]),
                    Word::Value(v) | Word::Text(v) => v.clone(),
                    Word::Wrapped => "~".into(),
                })
                .collect()
        };
        // (A row's line; a label letter-spaced; 无 last on its line or
        // first, the number around it on another line: in aligned text,
        // last on its line right after a value, a value.)
        let read = "3 0 24690 (无) 9 0 24702 申 请 人 无 3 3 无 无 3 3 空 4 (空) 5";
        assert_eq!(marked(&lines, false).join(" "), read);
        let aligned = read.replace("3 3 无 无 3", "3 3 (无) 无 3");
        assert_eq!(marked(&lines, true).join(" "), aligned);
        // Cells a line: alone between two values, a line apart each; not
        // among a label's characters a line each (（四）无法提供 down a
        // narrow cell), nor after a label's line, nor in aligned text
        // (where a row's values share its line).
        let lines = [
            "3",
            "无",
            "5",
            "）",
            "无",
            "法",
            "5",
            "无",
            "提供",
            "1.本机关",
            "无",
            "0",
        ];
        let lines = lines.map(String::from);
        let read = "3 (无) 5 ) 无 法 5 无 提供 1.本机关 无 0";
        assert_eq!(marked(&lines, false).join(" "), read);
        assert!(!marked(&lines, true).iter().any(|w| w.starts_with('(')));
    }

    #[test]
    fn a_numbers_pieces_with_text_run_into_them_are_no_value() {
        let w = WRAPPED;
        let (words, ..) = words(
            &[format!("无法提 480{w}32 74 173{w}985供")],
            (true, true, false),
        );
        let values: Vec<&str> = words
            .iter()
            .filter_map(|w| match w {
                Word::Value(v) => Some(v.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(values, [format!("480{w}32").as_str(), "74"]);
        assert!(words.iter().any(|w| matches!(w, Word::Wrapped)));
    }

    #[test]
    fn numbers_run_together_are_parted_only_where_one_way_holds() {
        let block = &crate::format::current().tables[1].blocks[0];
        assert!(one_total(block));
        assert!(!one_total(&crate::format::current().tables[0].blocks[0]));
        let holds =
            |values: &[String]| row_mismatch(block, &|_, c| count_of(&values[c]), 0).is_none();
        let ways = |values: &[&str]| {
            let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            let values: Vec<&String> = values.iter().collect();
            parted(&values, 7, &holds)
        };
        let row = |values: &[&str]| values.iter().map(|v| v.to_string()).collect::<Vec<_>>();
        // One row's 8066 run into its total 8072; two cells' numbers run
        // into the next's (48917 and 989, 76185 and 8). Not a total parted
        // with a part under three digits: 33 lost, "1 0 0 0 0 34" holds as
        // 1 0 0 0 0 3 | 4.
        assert_eq!(
            ways(&["0", "0", "0", "0", "6", "80668072"]),
            [row(&["0", "0", "0", "0", "6", "8066", "8072"])]
        );
        assert_eq!(
            ways(&["48917989", "761858", "0", "0", "126099"]),
            [row(&["48917", "989", "76185", "8", "0", "0", "126099"])]
        );
        // Digits that are no count ("06", "00"): two cells' numbers run
        // together, parted there; not more of them than the cells short,
        // nor the total with a part under three digits (see above).
        assert_eq!(
            ways(&["0", "0", "0", "06", "0", "6"]),
            [row(&["0", "0", "0", "0", "6", "0", "6"])]
        );
        assert!(ways(&["0", "0", "0", "0", "6", "06"]).is_empty());
        assert_eq!(
            ways(&["78459", "8", "1", "00", "0", "78468"]),
            [row(&["78459", "8", "1", "0", "0", "0", "78468"])]
        );
        assert!(ways(&["00", "00", "00", "0", "0"]).is_empty());
        assert!(ways(&["0", "0", "0", "0", "6", "006"]).is_empty());
        // Not a part ending in 0 before one digit: 9 81660 8 2 0 2 81681
        // holds, and so does 81668 with a stray 0 and a cell empty (the
        // mutation test's salt 18, found/nianbao-layout-1170007).
        assert!(ways(&["9", "816608", "2", "0", "2", "81681"]).is_empty());
        assert_eq!(
            ways(&["9", "816618", "2", "0", "2", "81682"]),
            [row(&["9", "81661", "8", "2", "0", "2", "81682"])]
        );
        // Not a piece starting with 0, nor a count of cells more than two
        // short, nor numbers that are not counts.
        assert!(ways(&["1", "0", "0", "0", "0", "34"]).is_empty());
        assert_eq!(ways(&["1", "0", "0", "0", "0", "123124"]).len(), 1);
        assert!(ways(&["0", "0", "0", "45"]).is_empty());
        assert!(ways(&["0", "0", "0", "0", "1.5", "15"]).is_empty());
        // The total with another: not, though a way holds (a row's own
        // numbers, two cells left empty, as 8 376 91 11 6 9 501).
        assert!(ways(&["8", "376", "9111", "6", "9501"]).is_empty());
        // A row's own numbers, a cell or two left empty (its sum holding)
        // or lost: no parting holds (random rows, each cell left empty or
        // lost in turn, and with another).
        let mut next = random(0x9E37_79B9_7F4A_7C15u64);
        let mut parted_whole = 0;
        for _ in 0..2000 {
            let parts: Vec<u64> = (0..6)
                .map(|_| match next(3) {
                    0 => next(10),
                    1 => next(1000),
                    _ => next(100_000),
                })
                .collect();
            let total: u64 = parts.iter().sum();
            let all: Vec<String> = parts.iter().chain([&total]).map(u64::to_string).collect();
            for (one, two, lost) in (0..6).flat_map(|e| {
                let other = (e + 1 + next(5) as usize) % 6;
                [
                    (e, e, false),
                    (e, other, false),
                    (e, e, true),
                    (e, other, true),
                ]
            }) {
                let empty = |c: usize| c == one || c == two;
                let total: u64 = match lost {
                    true => total,
                    false => total - parts[one] - if two != one { parts[two] } else { 0 },
                };
                let own: Vec<String> = (parts.iter().enumerate())
                    .filter(|&(c, _)| !empty(c))
                    .map(|(_, v)| v.to_string())
                    .chain([total.to_string()])
                    .collect();
                let own: Vec<&str> = own.iter().map(String::as_str).collect();
                assert!(ways(&own).is_empty(), "{own:?}");
            }
            // Two cells run together: the row's own numbers are among the
            // ways that hold, the only one when one is found.
            let glued = next(6) as usize;
            let mut run: Vec<String> = all.clone();
            let joined = format!("{}{}", run[glued], run[glued + 1]);
            run.splice(glued..=glued + 1, [joined]);
            let run: Vec<&str> = run.iter().map(String::as_str).collect();
            let found = ways(&run);
            assert!(found.contains(&all) || found.is_empty(), "{run:?}");
            parted_whole += usize::from(found == [all.clone()]);
        }
        // (Most such rows part one way only.)
        assert!(parted_whole > 1600, "{parted_whole} of 2000");
    }

    #[test]
    fn a_label_is_found_past_its_tables_heading_row_repeated_inside_it() {
        let table = &crate::format::current().tables[1];
        let headings = column_headings(table);
        let label = norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        let groups = [norm("三、本年度办理结果")];
        let find = |text: &str| interrupted(text, &label, &groups, &headings).count();
        // Chromium's copy: the heading row between the label's pieces, a
        // heading cell drawn line by line ("商业企", "总计", "业").
        let repeated = norm(
            "（二）部分公开（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\
             申请人情况自然人法人或其他组织商业企总计业科研机构理结果（区分处理的，只计这一情形，不计其他情形）",
        );
        assert_eq!(find(&repeated), 1);
        // One heading alone is not a heading row; text that ends in the
        // headings finds nothing (and ends).
        assert_eq!(
            find(&norm(
                "（二）部分公开自然人（区分处理的，只计这一情形，不计其他情形）"
            )),
            0
        );
        assert_eq!(find(&norm("（二）部分公开申请人情况自然人商业")), 0);
    }

    #[test]
    fn a_value_run_into_a_label_line_is_parted_from_it() {
        let run = |w| run_into(w, None);
        assert_eq!(
            run("86477（二）部分公开"),
            Some(("86477", "（二）部分公开"))
        );
        assert_eq!(run("34687（"), Some(("34687", "（")));
        assert_eq!(run("876313.危及"), Some(("87631", "3.危及")));
        assert_eq!(run("03、危及"), Some(("0", "3、危及")));
        assert_eq!(
            run("11295四、结转下年度继续办理"),
            Some(("11295", "四、结转下年度继续办理"))
        );
        assert_eq!(run_into("02.", Some("其他法律")), Some(("0", "2.")));
        // A group's heading set a character a line, its numeral's 、 the
        // next word (Chromium's copy, hunt 1161004: "128342三" / "、").
        assert_eq!(run_into("128342三", Some("、")), Some(("128342", "三")));
        assert_eq!(run_into("128342三", Some("本")), None);
        // Full-width full stops, a Chinese numeral's full stop.
        assert_eq!(run("1112527．属于行"), Some(("111252", "7．属于行")));
        assert_eq!(
            run("11295四.结转下年度继续办理"),
            Some(("11295", "四.结转下年度继续办理"))
        );
        // A label printed without its ordinal, the ordinal not in digits.
        assert_eq!(
            run("385719结转下年度继续办理"),
            Some(("385719", "结转下年度继续办理"))
        );
        assert_eq!(run("72977总计"), Some(("72977", "总计")));
        assert_eq!(
            run("18799部分公开（区分处"),
            Some(("18799", "部分公开（区分处"))
        );
        // A label whose ordinal is in digits, its first four words or more,
        // after a number that does not end in that ordinal.
        assert_eq!(run("4申请人逾期未"), Some(("4", "申请人逾期未")));
        assert_eq!(run("306属于国家秘密"), Some(("306", "属于国家秘密")));
        assert_eq!(run("62其他"), Some(("62", "其他")));
        // A group's heading without its ordinal, or its first two words or
        // more (of each heading they start: 不予公开 and 不予处理).
        assert_eq!(run("153其他处"), Some(("153", "其他处")));
        assert_eq!(run("0不予公开"), Some(("0", "不予公开")));
        assert_eq!(run("3728不予"), Some(("3728", "不予")));
        // A label, a number, a decimal, a year, text: none. (A label whose
        // ordinal is in digits: the digit before it may be its ordinal,
        // "3危及…", "2申请人逾期未", "12申请人逾期未"; so may a label's
        // words shorter than four, "5其他".)
        for word in [
            "3.危及",
            "（二）部分公开",
            "24252.311082",
            "12.5万元",
            "2021年",
            "0三",
            "四、结转",
            "01（二）",
            "12.",
            "3其他",
            "6其他",
            "23其他",
            "2其",
            "3危及“三安全一稳定”",
            "7结转",
            "7总",
            "3部分公开理的",
            "2申请人逾期未",
            "12申请人逾期未",
            "31属于国家秘密",
            "4申请人",
            "16其他处",
            "15不予",
            "33不予",
            "9不",
            "3不予公开",
        ] {
            assert_eq!(run(word), None, "{word}");
        }
        assert_eq!(run_into("12.", Some("3456")), None);
        assert_eq!(run_into("2.", Some("其他法律")), None);
        assert_eq!(glued("安全一稳0"), Some(("安全一稳", "0")));
        assert_eq!(glued("内部事务信637"), Some(("内部事务信", "637")));
        assert_eq!(glued("6.属于四类过2"), Some(("6.属于四类过", "2")));
        assert_eq!(
            glued("行政事业性收费12.3456"),
            Some(("行政事业性收费", "12.3456"))
        );
        assert_eq!(glued("收费0.5"), Some(("收费", "0.5")));
        assert_eq!(glued("3.危及“三-"), Some(("3.危及“三", "-")));
        assert_eq!(glued("行政法规禁——"), Some(("行政法规禁", "——")));
        assert_eq!(glued("需要另行制作/"), Some(("需要另行制作", "/")));
        // Ordinals, years, numbers inside words, decimals without their
        // whole part or after no ideograph, a mark alone, after no
        // ideograph or before a number, 无: not values.
        for word in [
            "1.属于国家秘密",
            "2022年",
            "共12件",
            "稳.5",
            "abc7",
            "abc7.5",
            "7",
            "1.2",
            "稳",
            "稳7.",
            "-",
            "稳——7",
            "“-",
            "稳无",
        ] {
            assert_eq!(glued(word), None, "{word}");
        }
    }

    #[test]
    fn pieces_centred_around_a_row_are_placed_only_by_its_sums() {
        // 表四's three groups of five, each total last.
        let holds = |values: &[String]| {
            values.chunks(5).all(|g| {
                let n: Vec<u64> = g.iter().map(|v| count_of(v).unwrap()).collect();
                n[4] == n[..4].iter().sum::<u64>()
            })
        };
        // Lines: the upper pieces, the row, the lower pieces; with "|",
        // a pipe table's rows (each word in its pipe column).
        let lines = |up: &str, row: &str, down: &str| {
            let (mut words, mut line_of, mut cell_of) = (Vec::new(), Vec::new(), Vec::new());
            for (l, line) in [up, row, down].iter().enumerate() {
                let piped = line.contains('|');
                let cells = line.trim_matches('|').split('|');
                for (c, cell) in cells.enumerate() {
                    for w in cell.split_whitespace() {
                        words.push(Word::Value(w.to_string()));
                        line_of.push(l);
                        cell_of.push(piped.then_some((1, c)));
                    }
                }
            }
            let run: Vec<usize> = (0..words.len()).collect();
            centred_pieces((&words, &line_of, &cell_of), &run, None, 15, &holds)
        };
        let joined = |v: &[String]| v.iter().map(|v| v.replace(WRAPPED, "")).collect::<Vec<_>>();
        // One place holds: 665, 诉讼's total.
        let got = lines("66", "4 0 4 55980 55988 0 4 0 661 6 0 1 0 7", "5");
        assert_eq!(got.len(), 1);
        assert_eq!(
            joined(&got[0]),
            [
                "4", "0", "4", "55980", "55988", "0", "4", "0", "661", "665", "6", "0", "1", "0",
                "7"
            ]
        );
        // Four places hold (678 any of the first four): no one reading.
        let got = lines("67", "0 0 1 679 0 0 0 3 3 1 683 0 1098 1782", "8");
        assert_eq!(got.len(), 4);
        // Two pieces over, one under; a lower piece longer than the upper;
        // an upper starting with 0: none.
        assert!(lines("66 1", "4 0 4 55980 55988 0 4 0 661 6 0 1 0", "5").is_empty());
        assert!(lines("6", "4 0 4 55980 55988 0 4 0 661 6 0 1 0 7", "65").is_empty());
        assert!(lines("06", "4 0 4 55980 55988 0 4 0 661 6 0 1 0 7", "5").is_empty());
        // Markitdown's pipe cells, two cells' numbers in one: a number's
        // pieces stand in the pipe column of the values around its cell.
        // 0 9 2 568 579 | 0 0 540 1 541 | 0 0 4 0 4: 568 after 0 (left of
        // "56"), before 579 (right of it), three places; 540 after 579 0,
        // before 1 541, two.
        let (up, down) = ("| | | 56 | | 54 | | | | |", "| | | 8 | | 0 | | | | |");
        let row = "| | 0 | 9 2 | 579 0 | 0 | 1 541 | 0 0 | 4 0 | 4 |";
        let got = lines(up, row, down);
        assert_eq!(got.len(), 6);
        let at_568: Vec<usize> = (got.iter())
            .map(|r| joined(r).iter().position(|v| v == "568").unwrap())
            .collect();
        assert_eq!(at_568, [1, 1, 2, 2, 3, 3]);
        for r in &got {
            let r = joined(r);
            assert_eq!([&r[0], &r[4], &r[5]], ["0", "579", "0"]);
            assert_eq!(r[8..], ["1", "541", "0", "0", "4", "0", "4"]);
            assert!(r[6..8] == ["540", "0"] || r[6..8] == ["0", "540"]);
        }
        // A piece changed (the "0" under 54 a "2"): 542 holds only as the
        // total after 1 541 (its parts, 541 pending), right of its pieces'
        // column: none. Without the columns, that (568 in any of four
        // places), 540 read 1.
        let down = "| | | 8 | | 2 | | | | |";
        assert!(lines(up, row, down).is_empty());
        let unpiped = |l: &str| l.replace('|', " ");
        let got = lines(&unpiped(up), &unpiped(row), &unpiped(down));
        assert_eq!(got.len(), 4);
        assert!((got.iter()).all(|r| joined(r)[5..10] == ["0", "0", "1", "541", "542"]));
    }

    #[test]
    fn a_lower_piece_longer_than_the_upper_is_a_way_of_joining_too() {
        // 3 5 888 0 0 5 901 with 888 broken "8" / "88": 3 5 8 880 0 5 901
        // sums too. Both are ways: the row is not certain.
        let pieces = ["3", "5", "8", "88", "0", "0", "5", "901"];
        let words: Vec<Word> = pieces.iter().map(|p| Word::Value(p.to_string())).collect();
        let line_of: Vec<usize> = (0..words.len()).collect();
        let run: Vec<usize> = (0..words.len()).collect();
        // (Unknown while a reading is begun: holding so far.)
        let holds = |v: &[String]| {
            let n: Option<Vec<u64>> = v.iter().map(|x| count_of(x)).collect();
            n.is_none_or(|n| n[..6].iter().sum::<u64>() == n[6])
        };
        let got = joinings(&words, &line_of, &run, 7, (true, After::Text(0)), &holds);
        let w = WRAPPED;
        let read = |v: [&str; 7]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                read(["3", "5", &format!("8{w}88"), "0", "0", "5", "901"]),
                read(["3", "5", "8", &format!("88{w}0"), "0", "5", "901"]),
            ]
        );
    }

    #[test]
    fn pieces_right_under_a_rows_values_are_ways_only_on_lines_of_their_own() {
        // (七)总计 29558 94458 10755 65329 81423 15110 296633, four numbers
        // broken.
        let holds = |v: &[String]| {
            let n: Vec<u64> = v.iter().map(|x| count_of(x).unwrap()).collect();
            n[..6].iter().sum::<u64>() == n[6]
        };
        // ("x" is text, "g" a piece of the row's group, "L" the last word of
        // its label, "T" the next row's label, where the run ends.)
        let groups = &["三、本年度办理结果"];
        let ways = |lines: &[&str]| {
            let (mut words, mut line_of, mut run) = (Vec::new(), Vec::new(), Vec::new());
            let (mut ended, mut label_end) = (false, 0);
            for (l, line) in lines.iter().enumerate() {
                for w in line.split_whitespace() {
                    if w == "L" {
                        label_end = words.len();
                        words.push(Word::Text("益".to_string()));
                    } else if w == "g" {
                        words.push(Word::Text("本年".to_string()));
                    } else if w == "x" || w == "T" {
                        ended |= w == "T";
                        words.push(Word::Text("其他".to_string()));
                    } else {
                        if !ended {
                            run.push(words.len());
                        }
                        words.push(Word::Value(w.to_string()));
                    }
                    line_of.push(l);
                }
            }
            let after = (false, After::Below(groups, label_end));
            let got = joinings(&words, &line_of, &run, 7, after, &holds);
            let joined = |v: &Vec<String>| v.iter().map(|x| x.replace(WRAPPED, "")).collect();
            got.iter().map(joined).collect::<Vec<Vec<String>>>()
        };
        let row = "29558 9445 1075 6532 81423 1511 296633";
        let want = [
            "29558", "94458", "10755", "65329", "81423", "15110", "296633",
        ];
        for lines in [
            &[row, "8 5 9 0"][..],
            &[row, "8 5 9 0", "T 7 0"],
            &[row, "8", "5", "9", "0"],
            &["29558 9445 1075", "6532 81423 1511 296633", "8 5 9 0"],
            &[row, "g 8 5 9 0"],
            &[row, "g g 8 5 9 0", "T"],
            &[row, "L", "8 5 9 0"],
            &[row, "x L", "8", "5", "9", "0"],
        ] {
            assert_eq!(ways(lines), [want], "{lines:?}");
        }
        // Not right under the values, not on lines of their own, not all on
        // one line nor one a line: none.
        for lines in [
            &[row, "x", "8 5 9 0"][..],
            &[row, "", "8 5 9 0"],
            &[row, "8 5 9 0 x"],
            &[row, "8 5", "9 0"],
            &[&format!("{row} 8 5 9 0")],
            // (Text other than pieces of its groups before them, or those
            // pieces ending the values' line, or pieces one a line.)
            &[row, "x 8 5 9 0"],
            &[row, "g x 8 5 9 0"],
            &[&format!("{row} g"), "8 5 9 0"],
            &[row, "g 8", "5", "9", "0"],
            // (Nor after other text under its label's last line, nor on
            // that line.)
            &[row, "L", "x 8 5 9 0"],
            &[row, "L", "", "8 5 9 0"],
            &[row, "L 8 5 9 0"],
        ] {
            assert!(ways(lines).is_empty(), "{lines:?}");
        }
    }

    /// The ways of joining adjacent pieces, walked value by value and left at
    /// the first sum broken (`Ways`), are every way of choosing the joins
    /// whose values hold the sums: checked against trying every choice, on
    /// rows of 7 cells (one total) and of 15 (表四's three groups of five),
    /// numbers wrapped at random, some pieces changed so that no sum holds.
    #[test]
    fn the_ways_of_joining_pruned_by_sums_are_all_the_ways_that_hold() {
        let mut next = random(0x2545_F491_4F6C_DD1Du64);
        let (mut found, mut true_found) = (0, 0);
        for case in 0..1200 {
            let groups = if case % 2 == 0 { 1 } else { 3 };
            let per = if groups == 1 { 7 } else { 5 };
            let cells = groups * per;
            let mut values: Vec<u64> = Vec::new();
            for _ in 0..groups {
                let parts: Vec<u64> = (0..per - 1)
                    .map(|_| match next(3) {
                        0 => next(10),
                        1 => next(1000),
                        _ => next(100_000),
                    })
                    .collect();
                values.push(parts.iter().sum());
                values.extend(parts);
                let total = values.len() - per;
                values[total..].rotate_left(1);
            }
            // Each value a line; wrapped, its pieces on lines of their own.
            let (mut pieces, mut line_of) = (Vec::new(), Vec::new());
            for v in &values {
                let text = v.to_string();
                let cut = if text.len() > 1 && next(3) == 0 {
                    text.len().div_ceil(2) + next(text.len() as u64 / 2) as usize
                } else {
                    text.len()
                };
                for piece in [&text[..cut], &text[cut..]] {
                    if !piece.is_empty() {
                        pieces.push(piece.to_string());
                        line_of.push(line_of.len());
                    }
                }
            }
            if next(4) == 0 {
                let k = next(pieces.len() as u64) as usize;
                pieces[k] = next(100).to_string();
            }
            let extra = pieces.len() - cells;
            // (The model below tries every choice of gaps: too many
            // choices, no case.)
            let choices = (0..extra).fold(1u64, |c, k| c * (pieces.len() - 1 - k) as u64)
                / (1..=extra as u64).product::<u64>();
            if extra == 0 || extra > most_wraps(cells) || choices > 5000 {
                continue;
            }
            let holds = |values: &[String]| {
                (0..groups).all(|g| {
                    let get = |c: usize| count_of(&values[g * per + c]);
                    let parts: Option<Vec<u64>> = (0..per - 1).map(get).collect();
                    match (get(per - 1), parts) {
                        (Some(total), Some(parts)) => total == parts.iter().sum::<u64>(),
                        _ => true,
                    }
                })
            };
            let words: Vec<Word> = pieces.iter().map(|p| Word::Value(p.clone())).collect();
            let run: Vec<usize> = (0..words.len()).collect();
            // (No label among these words: its last word given as the
            // first, which no piece after the row's values follows.)
            let mut got = joinings(
                &words,
                &line_of,
                &run,
                cells,
                (true, After::Text(0)),
                &holds,
            );
            // Every choice of `extra` gaps that may be joined.
            fn every(
                g: usize,
                left: usize,
                joinable: &[bool],
                chosen: &mut Vec<usize>,
                out: &mut Vec<Vec<usize>>,
            ) {
                if left == 0 {
                    return out.push(chosen.clone());
                }
                for h in (g..joinable.len()).filter(|&h| joinable[h]) {
                    chosen.push(h);
                    every(h + 1, left - 1, joinable, chosen, out);
                    chosen.pop();
                }
            }
            let joinable = vec![true; pieces.len() - 1];
            let mut choices = Vec::new();
            every(0, extra, &joinable, &mut Vec::new(), &mut choices);
            let mut want: Vec<Vec<String>> = Vec::new();
            for joins in choices {
                let mut read: Vec<String> = Vec::new();
                for (i, piece) in pieces.iter().enumerate() {
                    match read.last_mut() {
                        Some(last) if joins.contains(&(i - 1)) => {
                            last.push(WRAPPED);
                            last.push_str(piece);
                        }
                        _ => read.push(piece.clone()),
                    }
                }
                if read.iter().all(|v| may_be_count(v)) && holds(&read) && !want.contains(&read) {
                    want.push(read);
                }
            }
            got.sort();
            want.sort();
            assert_eq!(got, want, "{pieces:?}");
            found += got.len();
            let truth: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            true_found += got
                .iter()
                .filter(|r| {
                    r.iter()
                        .map(|v| v.replace(WRAPPED, ""))
                        .eq(truth.iter().cloned())
                })
                .count();
        }
        // (The cases exercise the search: readings found, the true one among them.)
        assert!(found > 500 && true_found > 300, "{found} {true_found}");
    }

    /// 表三's rows with two readings each that their own sums hold (two of
    /// their parts swapped). (七)总计 chosen by the balance lets its sum
    /// choose a row's; where neither is chosen alone (四 unknown), they are
    /// read together, one way of reading both holding every sum. Two rows
    /// whose swaps make up for each other are not read.
    #[test]
    fn rows_no_reading_of_which_is_chosen_alone_are_read_together() {
        let format = crate::format::current();
        let table = format.tables.iter().find(|t| t.key == "table3").unwrap();
        let (block, balance) = (&table.blocks[0], table.balance.as_ref().unwrap());
        let (rows, cells) = (block.rows.len(), block.columns.len());
        let at = |key: &str| block.row_index(key).unwrap();
        let parts: Vec<usize> = (0..cells)
            .filter(|&c| block.columns[c].total_of.is_empty())
            .collect();
        let (a, b, handled) = (
            at("disclosed"),
            at("partially_disclosed"),
            at(balance.handled),
        );
        // A whole table: its parts, 一's large; (七)总计 the sum of its rows;
        // 四 = 一 + 二 − (七); each total column the sum of its parts.
        let whole = |b_mirrors_a: bool| {
            let mut grid = vec![vec![0u64; cells]; rows];
            for (r, row) in grid.iter_mut().enumerate() {
                for &c in &parts {
                    row[c] = (r as u64 * 7 + c as u64 * 3) % 11 + 1;
                }
            }
            if b_mirrors_a {
                (grid[b][parts[0]], grid[b][parts[1]]) = (grid[a][parts[1]], grid[a][parts[0]]);
            }
            for &c in &parts {
                grid[at(balance.inflow[0])][c] += 1000;
                grid[handled][c] = block.rows[handled]
                    .total_of
                    .iter()
                    .map(|k| grid[at(k)][c])
                    .sum();
                let inflow: u64 = balance.inflow.iter().map(|k| grid[at(k)][c]).sum();
                grid[at(balance.remainder)][c] = inflow - grid[handled][c];
            }
            for row in grid.iter_mut() {
                for (c, column) in block.columns.iter().enumerate() {
                    if !column.total_of.is_empty() {
                        row[c] = column
                            .total_of
                            .iter()
                            .map(|k| row[block.column_index(k).unwrap()])
                            .sum();
                    }
                }
            }
            grid.iter()
                .map(|row| row.iter().map(u64::to_string).collect::<Vec<String>>())
                .collect::<Vec<_>>()
        };
        let swapped = |values: &Vec<String>| {
            let mut values = values.clone();
            values.swap(parts[0], parts[1]);
            values
        };
        let anchors: Vec<Anchor> = (0..rows)
            .map(|r| (0, r, r, None, (0, String::new())))
            .collect();
        let read = |grid: &Vec<Vec<String>>, pending: &[usize]| {
            let taken: Vec<RowRead> = (0..rows)
                .filter(|r| !pending.contains(r))
                .map(|r| (r, grid[r].clone()))
                .collect();
            let ways: Vec<RowWays> = (pending.iter())
                .map(|&r| (r, vec![swapped(&grid[r]), grid[r].clone()], false))
                .collect();
            let mut chosen = read_by_other_sums(table, &anchors, &taken, &ways);
            chosen.sort();
            chosen
        };
        let grid = whole(false);
        assert_ne!(grid[a][parts[0]], grid[a][parts[1]]);
        // (七)总计 by the balance, then the row by (七)'s sum.
        let want = vec![(a, grid[a].clone()), (handled, grid[handled].clone())];
        assert_eq!(read(&grid, &[a, handled]), want);
        // b's swap makes up for a's: both ways of the two hold.
        let grid = whole(true);
        assert_eq!(
            read(&grid, &[a, b, handled]),
            vec![(handled, grid[handled].clone())]
        );
        // 四 unknown: the balance checks neither (七) nor 二 (not read);
        // of the four ways of reading the row and (七) together, one holds.
        let carried = at(balance.carried_in);
        let mut grid = whole(false);
        grid[at(balance.remainder)] = vec![String::new(); cells];
        assert_eq!(read(&grid, &[a, carried, handled]), want);
    }
}
