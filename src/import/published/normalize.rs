//! Stage 0: the text as extracted by other programs, made plain before it is
//! recognised: characters a PDF's fonts or a converter substitute (Kangxi
//! radicals and CJK compatibility ideographs for ordinary ideographs,
//! full-width digits, odd spaces, soft hyphens), and, for plain text, the
//! page furniture of a PDF (page numbers, running headers, at the form feeds
//! pdftotext writes between pages), Markdown markup (`#` headings, emphasis)
//! and hard line breaks inside sentences.
//!
//! Not for: what the text means (see [`super::blocks`], [`super::outline`]).

use super::only;
use crate::model::is_space;

/// U+2F00–U+2FD5, the Kangxi radicals, as the ideographs they stand for
/// (Unicode's compatibility mappings).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// U+F900–U+FAD9, the CJK compatibility ideographs, as their unified
/// ideographs (Unicode's canonical mappings; unassigned ones map to themselves).
const COMPATIBILITY: &str = "豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮兩凉梁糧良諒量勵呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂燎療蓼遼龍暈阮劉杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘藺隣鱗麟林淋臨立笠粒狀炙識什茶刺切度拓糖宅洞暴輻行降見廓兀嗀﨎﨏塚﨑晴﨓﨔凞猪益礼神祥福靖精羽﨟蘒﨡諸﨣﨤逸都﨧﨨﨩飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸難響頻恵𤋮舘﩮﩯並况全侀充冀勇勺喝啕喙嗢塚墳奄奔婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆視調諸請謁諾諭謹變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎";

/// CJK radicals (supplement) that PDFs of simplified text use for whole
/// characters: the ideograph each stands for.
const RADICALS: &[(char, char)] = &[
    ('\u{2E9D}', '月'),
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EA9}', '王'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECB}', '车'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEA}', '黾'),
    ('\u{2EEC}', '齐'),
    ('\u{2EEE}', '齿'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF3}', '龟'),
];

/// One character made plain: `None` drops it.
fn plain(c: char) -> Option<char> {
    let nth = |table: &str, start: u32| table.chars().nth((c as u32 - start) as usize);
    Some(match c {
        '\u{2F00}'..='\u{2FD5}' => nth(KANGXI, 0x2F00)?,
        '\u{F900}'..='\u{FAD9}' => nth(COMPATIBILITY, 0xF900)?,
        '\u{2E80}'..='\u{2EFF}' => RADICALS.iter().find(|r| r.0 == c).map_or(c, |r| r.1),
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0)?,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2063}' | '\u{FEFF}' => return None,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    })
}

/// `text` with every character made plain (see the module's description);
/// borrowed when it has nothing to change, as most pages.
pub(super) fn chars(text: &str) -> std::borrow::Cow<'_, str> {
    // (A page is mostly ASCII markup and ordinary ideographs, which stay:
    // they are told at once, and runs of them copied whole.)
    let stays = |c: char| {
        let u = c as u32;
        u < 0xA0 || (0x3001..0xF900).contains(&u) || plain(c) == Some(c)
    };
    let (mut out, mut from) = (String::new(), 0);
    for (i, c) in text.char_indices().filter(|&(_, c)| !stays(c)) {
        out.push_str(&text[from..i]);
        out.extend(plain(c));
        from = i + c.len_utf8();
    }
    if from == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// Plain text (not HTML) as lines to recognise: page furniture dropped,
/// Markdown markup removed, lines broken inside a sentence joined (in
/// `markdown` whose paragraphs are set apart by blank lines, every line of a
/// paragraph: see [`paragraphs`]); in text whose columns are aligned
/// (`order`, as [`order`] tells it), numbers wrapped in their cells joined
/// (see [`wrapped_numbers`]); in text our reader set out from a PDF or an
/// OFD file's glyphs (`set_out`), a row's empty cells marked (see
/// [`blank_cells_marked`]), and so in text of a cell a line (see
/// [`empty_lines_marked`]).
pub(super) fn text_lines(text: &str, markdown: bool, order: Order, set_out: bool) -> Vec<String> {
    let lines = without_furniture(text);
    let lines = match order {
        Order::Aligned if set_out => {
            let (lines, moved) = numbers_joined(lines);
            let lines = marks_moved_up(first_values_moved_down(lines));
            blank_cells_by_header(blank_cells_marked(lines, &moved))
        }
        Order::Aligned => first_values_moved_down(wrapped_numbers(lines)),
        Order::Lines => empty_lines_marked(ordinals_rejoined(lines)),
        Order::Cells => empty_cells_between_tabs(ordinals_rejoined(lines)),
        Order::Blocks => lines,
    };
    let lines = if markdown && blank_separated(&lines) {
        paragraphs(lines)
    } else {
        lines
    };
    let (lines, set_back) = if markdown {
        prose_rows(lines)
    } else {
        (lines, Vec::new())
    };
    let lines: Vec<String> = lines.iter().map(|l| markdown_line(l)).collect();
    join_wrapped(lines, &set_back)
}

/// Text of a cell a line ([`Order::Lines`]): an empty line between two
/// lines of one value each (a number, a mark printed for a 0) is a row's
/// empty cell, marked [`BLANK_CELL`] (counted 0 in its row's sums, left
/// unread, as a page's). A Word file saved as text writes each cell on a
/// line of its own, an empty cell as an empty line (LibreOffice's writes a
/// cell of "-" so too); a row's values stand on one line of a page, so no
/// viewer's copy tried has an empty line between two of them. (Where a row
/// starts or ends, an empty line may be a merged cell's: not marked.)
fn empty_lines_marked(mut lines: Vec<String>) -> Vec<String> {
    for i in 1..lines.len().saturating_sub(1) {
        if lines[i].trim_matches(is_space).is_empty()
            && one_value(&lines[i - 1])
            && one_value(&lines[i + 1])
        {
            lines[i] = BLANK_CELL.to_string();
        }
    }
    lines
}

/// A browser's copy of cells that hold paragraphs ([`Order::Cells`]): a
/// row's cells one after another, a line of a tab alone between two. Two
/// such lines with no text between (but empty lines), a value of the row
/// before and after them, part an empty cell: marked [`BLANK_CELL`]
/// (counted 0 in its row's sums, left unread, as a page's). (Not next to a
/// label: a table may have a spacer cell there; a row one number short is
/// read where the table's sums place its blank, see `tables::stream`.) A
/// cell's value with another on a line of its own under it, a tab's line
/// next, holds both: joined as the pieces of one number ([`WRAPPED`]), read
/// only where the sums check it. A copy keeps each cell's number whole, so
/// the second is a stray (a note's mark) or the rest of a number its cell
/// broke; as two values, with an empty cell next to the row's label (not
/// marked) the row's count fits and it was read as printed, its numbers a
/// cell on (the mutation test's salt 45 on found/pingtan-2021-copy-1231004:
/// "2" / "10" in 3.补正后申请内容仍不明确's row).
fn empty_cells_between_tabs(lines: Vec<String>) -> Vec<String> {
    let tab = |l: &str| l.trim_matches(is_space).is_empty() && l.contains('\t');
    // Whether the next line with text after each is a value; a tab's line.
    let mut value_next = vec![false; lines.len()];
    let mut tab_next = vec![false; lines.len()];
    let (mut next, mut next_tab) = (false, false);
    for (i, line) in lines.iter().enumerate().rev() {
        (value_next[i], tab_next[i]) = (next, next_tab);
        if tab(line) {
            (next, next_tab) = (false, true);
        } else if !line.trim_matches(is_space).is_empty() {
            (next, next_tab) = (one_value(line), false);
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // Whether the last line with text was a value, and a tab's line since;
    // where the last value is in `out` when it came right after a tab's
    // line (a cell's).
    let (mut after_value, mut tabbed) = (false, false);
    let mut cell_value: Option<usize> = None;
    for (i, line) in lines.into_iter().enumerate() {
        if tab(&line) {
            if tabbed && after_value && value_next[i] {
                out.push(BLANK_CELL.to_string());
            }
            tabbed = true;
        } else if !line.trim_matches(is_space).is_empty() {
            let value = one_value(&line);
            if let Some(at) = cell_value.filter(|_| value && !tabbed && tab_next[i]) {
                let piece = line.trim_matches(is_space).to_string();
                out[at] = format!("{}{WRAPPED}{piece}", out[at].trim_matches(is_space));
                cell_value = None;
                continue;
            }
            cell_value = (value && tabbed).then_some(out.len());
            (after_value, tabbed) = (value, false);
        }
        out.push(line);
    }
    out
}

/// Whether a line holds values alone, numbers or marks printed for a 0 (a
/// table's row, or its cells: "0 0 0 0 0 0 0" at the top of two pages of
/// -raw text is no running header).
fn values(line: &str) -> bool {
    let mut words = line.split(is_space).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| number(w) || zero_sign(w))
}

/// Whether a line holds one value alone, as a cell a line does: a number
/// or a mark printed for a 0 (see [`zero_sign`]).
fn one_value(line: &str) -> bool {
    values(line) && !line.trim_matches(is_space).contains(is_space)
}

/// Lines in reading order with a label's ordinal on a line of its own and
/// its words on the next, from its 、 or dot on (a PDF viewer's copy of a
/// cell: "4" / "、无正当理由 大量反复申请", "2" / "．申请人逾期", "3" / "、" /
/// "危及“三"): the two one line again, so that the ordinal is not read as
/// the row before's value. A line never starts with 、, nor with a dot
/// before words; the ordinal is one or two digits alone. So is one in
/// brackets, each on a line of its own: "（" / "4" / "）无正当理由" (nor
/// does a line start with a closing bracket).
fn ordinals_rejoined(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let words = line.trim_start_matches(is_space);
        let after = words.strip_prefix(['、', '．', '.']);
        let ordinal = out.last().map_or("", |l| l.trim_matches(is_space));
        let number =
            (1..=2).contains(&ordinal.len()) && ordinal.bytes().all(|b| b.is_ascii_digit());
        let opened =
            out.len() >= 2 && matches!(out[out.len() - 2].trim_matches(is_space), "（" | "(");
        if number && opened && words.starts_with(['）', ')']) {
            let ordinal = out.pop().expect("the ordinal's line");
            let bracket = out.pop().expect("the bracket's line");
            let joined = format!(
                "{}{}{words}",
                bracket.trim_matches(is_space),
                ordinal.trim_matches(is_space)
            );
            out.push(joined);
        } else if number
            && after.is_some_and(|a| {
                a.is_empty() || a.starts_with(|c: char| !c.is_ascii_digit() && !is_space(c))
            })
        {
            let joined = format!("{ordinal}{words}");
            *out.last_mut().expect("the ordinal's line") = joined;
        } else {
            out.push(line);
        }
    }
    out
}

/// Whether a text is Markdown: a `#` heading or a pipe table's rule line.
pub(super) fn is_markdown(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim_matches(is_space);
        let heading = t.trim_start_matches('#');
        (heading.len() < t.len() && t.len() - heading.len() <= 6 && heading.starts_with(' '))
            || pipe_rule(t)
    })
}

/// Whether a line has a pipe between two cells, not only at its ends ("|
/// 一、总体情况 |", a layout table's cell, has none): a pipe table's row or
/// rule line.
pub(super) fn inner_pipe(line: &str) -> bool {
    line.trim_matches(is_space).trim_matches('|').contains('|')
}

/// A Markdown pipe table's rule line: "| --- | :-: |".
pub(super) fn pipe_rule(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    t.contains('|') && t.contains("---") && t.chars().all(|c| "|-: ".contains(c))
}

/// Whether a text's lines with `|` are table rows: Markdown with a pipe
/// table's rule line, or text that web page readers write without one, each
/// cell followed by " |" ("规章 | 0 | 0 | 0 |"): three or more such lines of
/// two or more cells.
pub(super) fn pipe_rows(lines: &[String]) -> bool {
    lines.iter().any(|l| pipe_rule(l))
        || lines
            .iter()
            .filter(|l| {
                let t = l.trim_matches(is_space);
                t.strip_suffix('|').is_some_and(|t| {
                    t.split('|')
                        .filter(|c| !c.trim_matches(is_space).is_empty())
                        .count()
                        >= 2
                })
            })
            .count()
            >= 3
}

/// Whether a Markdown text's pipe tables are a converter's guess at a
/// page's layout (markitdown's Markdown of a PDF): many tables of a row or
/// two each (each line of the PDF that looks like cells its own table, a
/// rule after its first row), not a few tables of many rows as converters
/// of web pages and Word files write. Such a row may have lost a piece of a
/// number wrapped in its cell ("16323" written "1632", its "3" on the next
/// page): see [`super::tables::read_by_labels`].
pub(super) fn pipes_from_layout(text: &str) -> bool {
    let (mut rules, mut rows) = (0usize, 0usize);
    for line in text.lines() {
        let t = line.trim_matches(is_space);
        if pipe_rule(t) {
            rules += 1;
        } else if inner_pipe(t) {
            rows += 1;
        }
    }
    rules >= LAYOUT_TABLES && rows < 2 * rules
}

/// Markdown with the lines of prose a converter took for a table's rows
/// set back as text, for [`join_wrapped`] to join with the lines around
/// them (markitdown's Markdown of a PDF makes a table of a line with a
/// number or a Latin word set apart: "| 2021 | 年，无收取信息处理费情况。 |",
/// "| 新媒体、办公场所的 | LED | 屏及宣传栏、… |"; of a line spaced out, a
/// heading's: "| 五 | . | 其 | 他 | 需 |"): each row's cells' text with a
/// space between, the rule line dropped. Only a table all of whose rows
/// are such lines: ten characters or more but for ASCII ones, a number or
/// a Latin word followed by other text ("2022 年", "7 号楼", "OA 系统"),
/// ending with text (a table's row ends with its numbers, its header's
/// rows have none), but for the first row of two or more, which needs no
/// number (a line spaced out to the page's width before the line with
/// one); or, a table of one row, three or more cells of one character
/// each (the first may be a heading's number, "5."). With the lines, whether each is such a row set back.
fn prose_rows(lines: Vec<String>) -> (Vec<String>, Vec<bool>) {
    let row = |l: &str| !pipe_rule(l) && inner_pipe(l);
    let cells = |l: &str| -> Vec<String> {
        l.trim_matches(is_space)
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim_matches(is_space).to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    // A row of prose: ten wide characters or more, ending with text;
    // whether a number or a Latin word is followed by text in it.
    let prose = |cells: &[String]| {
        let chars: Vec<char> = cells.concat().chars().filter(|&c| !is_space(c)).collect();
        let wide = chars.iter().filter(|c| !c.is_ascii()).count();
        let latin_then_text = chars.windows(2).any(|p| {
            (p[0].is_ascii_alphanumeric() || p[0] == '%') && !p[1].is_ascii() && p[1] != '．'
        });
        let ends_in_text = cells
            .last()
            .is_some_and(|c| c.chars().any(|c| !c.is_ascii() && !is_space(c)));
        (wide >= 10 && ends_in_text).then_some(latin_then_text)
    };
    // (The first cell may be a heading's number: "| 5. | 其 | 他 | 需 |".)
    let number = |c: &str| {
        c.chars().count() <= 4 && c.ends_with(['.', '．', '、', '）', ')']) && c.len() > 1
    };
    let spaced = |cells: &[String]| {
        cells.len() >= 3
            && cells
                .iter()
                .enumerate()
                .all(|(i, c)| c.chars().count() == 1 || (i == 0 && number(c)))
            && cells.iter().any(|c| !c.is_ascii())
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut set_back = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        // A table (a row, its rule line, more rows): its lines from i on,
        // each looked at once.
        let end = (i..lines.len())
            .find(|&j| !(row(&lines[j]) || pipe_rule(&lines[j])))
            .unwrap_or(lines.len());
        let table = &lines[i..end.max(i + 1)];
        let rows = || table.iter().filter(|l| !pipe_rule(l)).map(|l| cells(l));
        let lines_of_text = table.len() > 1
            && row(&table[0])
            && pipe_rule(&table[1])
            && (rows()
                .map(|r| prose(&r))
                .collect::<Option<Vec<bool>>>()
                .is_some_and(|latin| {
                    // (Its first row may be a line spaced out to the full
                    // width, "| 工 作 年 | 度 报 告 | … | 公 开 办 函 |", over
                    // "| 〔2021〕30 | 号）等文件要求… |".)
                    latin.iter().skip(1).all(|&l| l) && latin.iter().any(|&l| l)
                })
                || rows().count() == 1 && spaced(&cells(&table[0])));
        if lines_of_text {
            for r in rows() {
                out.push(r.join(" "));
                set_back.push(true);
            }
        } else {
            out.extend(table.iter().cloned());
            set_back.extend(table.iter().map(|_| false));
        }
        i += table.len();
    }
    (out, set_back)
}

/// The fewest pipe tables a converter's guess at a page's layout has: the
/// format's tables, with 表二 in four, are seven.
const LAYOUT_TABLES: usize = 8;

/// Whether most text lines (not table rows) are followed by a blank line:
/// paragraphs set apart as Markdown writers do. Text converted from a PDF
/// into Markdown (markitdown) has its lines one after another, a paragraph's
/// end known only by its full stop: [`join_wrapped`] reads it.
fn blank_separated(lines: &[String]) -> bool {
    let text = |l: &String| {
        let t = l.trim_matches(is_space);
        !t.is_empty() && !t.starts_with('|') && !l.contains('\t')
    };
    let (mut all, mut apart) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        if text(line) {
            all += 1;
            apart += usize::from(
                lines
                    .get(i + 1)
                    .is_none_or(|l| l.trim_matches(is_space).is_empty()),
            );
        }
    }
    apart * 2 >= all
}

/// Markdown's paragraphs on one line each: a line break inside a paragraph
/// is a soft break (pandoc wraps its lines at spaces: "共更新信息\n199\n条"),
/// joined with a space where one side is a Latin letter or digit, else with
/// nothing. Kept apart: blank lines, headings, table rows, list items and
/// quotes, and hard breaks (two trailing spaces, or a backslash).
fn paragraphs(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut open = false; // the last line may continue
    for line in lines {
        let t = line.trim_start_matches(is_space);
        // Headings, table rows, HTML: lines of their own that never continue.
        let closed = t.starts_with(['#', '|', '<']) || line.contains('\t');
        // Quotes and list items start a paragraph of their own.
        let item = t.starts_with(['>', '-', '*', '+'])
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let own = t.is_empty() || closed || item;
        match out.last_mut() {
            Some(prev) if open && !own => {
                let t = t.trim_end_matches(is_space);
                if prev.ends_with(|c: char| c.is_ascii_alphanumeric())
                    || t.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    prev.push(' ');
                }
                prev.push_str(t);
            }
            _ => out.push(line.trim_end_matches(is_space).to_string()),
        }
        let hard = line.ends_with("  ") || line.trim_end_matches(is_space).ends_with('\\');
        if hard {
            if let Some(prev) = out.last_mut() {
                if prev.ends_with('\\') {
                    prev.pop();
                }
            }
        }
        open = !t.is_empty() && !hard && !closed;
    }
    out
}

/// A line that is only a page number: "5", "- 5 -", "— 5 —", "第5页",
/// "第 5 页 共 12 页", "5/12" (of at least 1, at most the total). The
/// number, and whether it is unmistakable (dashes or 页 around it) rather
/// than a bare number. A dash on one side only is no page number's: "－
/// 362" is two cells of a table's row, the first printed as a dash for a
/// 0 (a PDF viewer's copy puts them on a line); nor are digits apart: "1
/// 0" and "0 0 0 / 0 0 0" are a row's cells, a slash printed for a 0.
fn page_number(line: &str) -> Option<(u32, bool)> {
    let t = crate::model::text::without_spaces(line);
    let dashes = |c: char| "-—–－─".contains(c);
    let around = t.starts_with(dashes) && t.ends_with(dashes);
    // A number of a page: its digits together, at most four.
    let number = |s: &str| {
        let s = s.trim_matches(is_space);
        let digits = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| s.parse::<u32>().ok()).flatten()
    };
    if around || !(t.starts_with(dashes) || t.ends_with(dashes)) {
        if let Some(n) = number(line.trim_matches(|c| is_space(c) || dashes(c))) {
            return Some((n, around));
        }
    }
    if let Some(rest) = t.strip_prefix('第') {
        let (n, after) = rest.split_once('页')?;
        let total_ok = after.is_empty()
            || after
                .strip_prefix('共')
                .and_then(|a| a.strip_suffix('页'))
                .is_some_and(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()));
        if total_ok && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            return Some((n.parse().ok()?, true));
        }
    }
    let (n, total) = line.split_once('/')?;
    let (n, total) = (number(n)?, number(total)?);
    (1..=total).contains(&n).then_some((n, true))
}

/// The lines of `text` without the page numbers and running headers and
/// footers that a PDF's text has at its page breaks (form feeds). A bare
/// number is taken for a page number only when the numbers at the page
/// edges count up with the pages; a header only when it repeats on most
/// pages. Text without form feeds loses only unmistakable page numbers.
fn without_furniture(text: &str) -> Vec<String> {
    let pages: Vec<Vec<&str>> = text.split('\u{C}').map(|p| p.lines().collect()).collect();
    if pages.len() < 2 {
        // Text pasted from a PDF viewer: no page breaks, so only the page
        // numbers that cannot be anything else ("— 3 —", "第3页"), and
        // bare ones that count up the pages (see [`counted_pages`]).
        let lines: Vec<&str> = text.lines().collect();
        let counted = counted_pages(&lines);
        let split = split_page_numbers(&lines);
        return (lines.iter().zip(counted).zip(split))
            .filter(|((l, counted), split)| {
                !counted && !split && !page_number(l).is_some_and(|(_, sure)| sure)
            })
            .map(|((l, _), _)| l.to_string())
            .collect();
    }
    // The first and last non-empty line of each page.
    let edges: Vec<[Option<usize>; 2]> = pages
        .iter()
        .map(|p| {
            let filled = |l: &&str| !l.trim_matches(is_space).is_empty();
            [p.iter().position(filled), p.iter().rposition(filled)]
        })
        .collect();
    let mut drop: Vec<Vec<bool>> = pages.iter().map(|p| vec![false; p.len()]).collect();
    // Page numbers: the offset (number − page index) most pages agree on.
    let mut offsets: Vec<(i64, usize)> = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        for at in e.iter().flatten() {
            if let Some((n, _)) = page_number(pages[i][*at]) {
                let offset = i64::from(n) - i as i64;
                match offsets.iter_mut().find(|o| o.0 == offset) {
                    Some(o) => o.1 += 1,
                    None => offsets.push((offset, 1)),
                }
            }
        }
    }
    // (On half the pages or more: a page's number is on nearly every page.
    // Two pages' edge numbers may agree by chance, a wrapped number's piece
    // at a page's top and a stray number after the last form feed: the piece
    // was dropped, its row read short.)
    let filled_pages = edges.iter().filter(|e| e[0].is_some()).count();
    let agreed = offsets
        .iter()
        .max_by_key(|o| o.1)
        .filter(|o| o.1 >= 2 && o.1 * 2 >= filled_pages)
        .map(|o| o.0);
    // (At the edge, foot or top, where those agreeing stand on two pages
    // or more: a wrapped number's piece at a page's top whose number it is
    // by chance, the page's own at its foot, "77" / "7" on page 7, "8" /
    // "五、…" on page 8, stays.)
    let agrees = |i: usize, at: usize| {
        page_number(pages[i][at]).is_some_and(|(n, _)| agreed == Some(i64::from(n) - i as i64))
    };
    let sides: Vec<usize> = (0..2)
        .map(|side| {
            (edges.iter().enumerate())
                .filter(|(i, e)| e[side].is_some_and(|at| agrees(*i, at)))
                .count()
        })
        .collect();
    for (i, e) in edges.iter().enumerate() {
        for (side, at) in e.iter().enumerate() {
            let Some(at) = *at else { continue };
            if let Some((_, sure)) = page_number(pages[i][at]) {
                if sure || (agrees(i, at) && sides[side] >= 2) {
                    drop[i][at] = true;
                }
            }
        }
    }
    // Running headers and footers: the same line at the same edge of at
    // least half the pages (and two), not a page number.
    #[allow(clippy::needless_range_loop)] // `side` picks the same edge of every page
    for side in 0..2 {
        let texts: Vec<Option<&str>> = (0..pages.len())
            .map(|i| {
                edges[i][side]
                    .filter(|&at| !drop[i][at])
                    .map(|at| pages[i][at].trim_matches(is_space))
            })
            .collect();
        for (i, line) in texts.iter().enumerate() {
            let Some(line) = line else { continue };
            let same = texts.iter().filter(|t| **t == Some(*line)).count();
            if same >= 2 && same * 2 >= pages.len() && line.chars().count() < 60 && !values(line) {
                if let Some(at) = edges[i][side] {
                    drop[i][at] = true;
                }
            }
        }
    }
    repeated_headings(&pages, &mut drop);
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for (j, line) in page.iter().enumerate() {
            if !drop[i][j] {
                out.push(line.to_string());
            }
        }
    }
    out
}

/// Which `lines` of text without page breaks (a PDF viewer's copy) are the
/// two halves of a page number set between dashes broken over two lines
/// ("—" / "3 —", Chromium's copy of a page broken in a table's row):
/// joined, a page number that follows the one before it ("— 2 —") or
/// comes before the one after it ("— 4 —"), each on a line of its own.
/// Apart, neither is taken for one: "—" is a cell printed for a 0, "3 —"
/// two cells.
fn split_page_numbers(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let sure: Vec<(usize, u32)> = (lines.iter().enumerate())
        .filter_map(|(i, l)| page_number(l).filter(|p| p.1).map(|p| (i, p.0)))
        .collect();
    for i in 1..lines.len() {
        let joined = format!("{} {}", lines[i - 1], lines[i]);
        let Some((n, true)) = page_number(&joined) else {
            continue;
        };
        if sure.iter().any(|p| p.0 == i - 1 || p.0 == i) {
            continue;
        }
        let before = sure.iter().rev().find(|p| p.0 < i - 1);
        let after = sure.iter().find(|p| p.0 > i);
        if before.is_some_and(|p| p.1 + 1 == n) || after.is_some_and(|p| n + 1 == p.1) {
            out[i - 1] = true;
            out[i] = true;
        }
    }
    out
}

/// A CJK character (not punctuation, digits or Latin letters).
pub(super) fn ideograph(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

/// Fewest lines a page of a PDF viewer's copy has (a page of a table set
/// out a row a line: some twenty).
const PAGE_LINES: usize = 10;

/// Which `lines` of text without page breaks (a PDF viewer's copy) are
/// bare page numbers ("3" alone on its line, as Word numbers its pages).
/// First those between two lines of prose (the sentence the page broke),
/// then those between a line of prose and a line of words without digits
/// (a heading, or a web page's own words after the report) that count up
/// with them, and the text's last line after a line of words (a last page
/// ending in "无"), where they count up, pages apart; then the pages' numbers
/// between and before them, where every way to place them, in order,
/// pages apart, puts a number on the same line (a page of a table: "3"
/// after a row's values, before the next row's label; a table's cells a
/// line, a "2" among them, come after page 3's "3"). A short report whose
/// pages all end in its tables: its last line's number where the pages
/// before it, three or more, can be placed. Without two such numbers (or
/// the last line's) none goes: a table's cells stand alone on their lines
/// too, so a page's number is not looked for among them otherwise, and
/// none is taken that may be a value.
fn counted_pages(lines: &[&str]) -> Vec<bool> {
    let mut counted = vec![false; lines.len()];
    let bare = |i: usize| match page_number(lines[i]) {
        Some((n, false)) if n > 0 => Some(n),
        _ => None,
    };
    let filled = |i: &usize| !lines[*i].trim_matches(is_space).is_empty();
    // A line of prose: a sentence's words, not a row's label and values.
    let prose = |i: usize| {
        let l = lines[i].trim_matches(is_space);
        l.chars().filter(|&c| ideograph(c)).count() >= 10
            && !l.ends_with(|c: char| c.is_ascii_digit())
    };
    let mut anchors: Vec<(usize, u32)> = (0..lines.len())
        .filter_map(|i| Some((i, bare(i)?)))
        .filter(|&(i, _)| {
            let before = (0..i).rev().find(filled);
            let after = (i + 1..lines.len()).find(filled);
            before.is_some_and(prose) && after.is_none_or(prose)
        })
        .collect();
    // (The last page may be short: "六、其他需要报告的事项", "无", its number.)
    let last = (0..lines.len()).rev().find(filled);
    let gap = |b: usize| if Some(b) == last { 1 } else { PAGE_LINES };
    let apart = |(a, m): (usize, u32), (b, n): (usize, u32)| {
        n > m && b - a >= PAGE_LINES * (n - m - 1) as usize + gap(b)
    };
    if !anchors.windows(2).all(|w| apart(w[0], w[1])) {
        return counted;
    }
    // Then those between a line of prose and a line of words without
    // digits (a page that ends a paragraph, the next starting with a
    // heading, or the text going on past the report: a web page printed,
    // "附件下载"), where they count up, pages apart, with those.
    let strict = anchors.len();
    let words = |i: usize| lines[i].chars().any(ideograph);
    let heading_after = |i: usize| {
        let before = (0..i).rev().find(filled);
        let after = (i + 1..lines.len()).find(filled);
        before.is_some_and(prose)
            && after.is_some_and(|a| words(a) && !lines[a].contains(|c: char| c.is_ascii_digit()))
    };
    for i in (0..lines.len()).filter(|&i| heading_after(i)) {
        let Some(n) = bare(i) else { continue };
        let at = anchors.partition_point(|a| a.0 < i);
        let fits = (at == 0 || apart(anchors[at - 1], (i, n)))
            && anchors.get(at).is_none_or(|&next| apart((i, n), next));
        if fits && anchors.get(at).is_none_or(|a| a.0 != i) {
            anchors.insert(at, (i, n));
        }
    }
    // The text's last line, a bare number after a line of words (a last
    // page that ends in a short line, "无"): the last page's, where the
    // pages since the last of those (or since the first page: three or
    // more, a short report's pages all ending in its tables) can be placed.
    let end = last.and_then(|i| Some((i, bare(i)?)));
    let after_words = |(i, _): (usize, u32)| (0..i).rev().find(filled).is_some_and(words);
    let end = end.filter(|&end| {
        let since = anchors.iter().copied().rfind(|a| a.0 < end.0);
        let from = since.unwrap_or((0, 0));
        let placed = apart(from, end) && (since.is_some() || end.1 >= 3);
        after_words(end) && placed && pages_between(from, end, &bare, gap(end.0)).0 > 0
    });
    if let Some(end) = end.filter(|e| !anchors.contains(e)) {
        anchors.push(end);
    }
    if anchors.is_empty() {
        return counted;
    }
    // One number between lines of prose is not enough, the pages before
    // it placed or not (a stray "2" there and the piece "1" of a wrapped
    // 48441 on a line of its own), nor are those before a line of words
    // alone; the last line's, the pages before it placed, is.
    if strict < 2 && end.is_none() {
        return counted;
    }
    let before = match anchors[0].1 {
        1 => Vec::new(),
        _ => pages_between((0, 0), anchors[0], &bare, gap(anchors[0].0)).1,
    };
    let between = anchors
        .windows(2)
        .flat_map(|w| pages_between(w[0], w[1], &bare, gap(w[1].0)).1);
    for i in before
        .into_iter()
        .chain(between)
        .chain(anchors.iter().map(|a| a.0))
    {
        counted[i] = true;
    }
    counted
}

/// The lines that hold the numbers of the pages between two pages' (a
/// line and its number each; see [`counted_pages`]): the ways to place
/// them, lines whose `bare` number is each page's, in order, a page apart,
/// are none, one or more (0, 1, 2): how many, and the lines that every way
/// puts a page's number on (a table's cells a line hold numbers too: "4"
/// on two lines, only one of them before page 5's "5"). The last page's
/// lines between, `last_gap` at least (a page's, or one: the text's last
/// page).
fn pages_between(
    (a, m): (usize, u32),
    (b, n): (usize, u32),
    bare: &dyn Fn(usize) -> Option<u32>,
    last_gap: usize,
) -> (u8, Vec<usize>) {
    let places: Vec<Vec<usize>> = (m + 1..n)
        .map(|page| {
            (a + PAGE_LINES..b)
                .filter(|&i| bare(i) == Some(page))
                .collect()
        })
        .collect();
    // ways[k][j]: the ways (none, one, more: at most 2) to place the pages
    // from the k-th on, the k-th at places[k][j]; reached[k][j]: whether
    // the pages before it can be placed.
    let mut ways: Vec<Vec<u8>> = places.iter().map(|p| vec![0; p.len()]).collect();
    for k in (0..places.len()).rev() {
        for (j, &at) in places[k].iter().enumerate() {
            ways[k][j] = match places.get(k + 1) {
                None => u8::from(at + last_gap <= b),
                Some(next) => (next.iter().zip(&ways[k + 1]))
                    .filter(|(&to, _)| to >= at + PAGE_LINES)
                    .fold(0, |sum, (_, &w)| (sum + w).min(2)),
            };
        }
    }
    let mut reached: Vec<Vec<bool>> = places.iter().map(|p| vec![false; p.len()]).collect();
    for k in 0..places.len() {
        for (j, &at) in places[k].iter().enumerate() {
            reached[k][j] = match k {
                0 => true,
                _ => (places[k - 1].iter().zip(&reached[k - 1]))
                    .any(|(&from, &r)| r && from + PAGE_LINES <= at),
            };
        }
    }
    let all = ways
        .first()
        .map_or(1, |w| w.iter().fold(0, |sum, &w| (sum + w).min(2)));
    let on_every_way = (0..places.len()).filter_map(|k| {
        let on: Vec<usize> = (0..places[k].len())
            .filter(|&j| reached[k][j] && ways[k][j] > 0)
            .collect();
        match on[..] {
            [j] => Some(places[k][j]),
            _ => None,
        }
    });
    (all, on_every_way.collect())
}

/// Marks in `drop` a table's heading rows that a page repeats at its top
/// (Word's 标题行重复, a browser printing a table's head on every page):
/// the lines at the top of a page, after its furniture, that repeat
/// lines printed one after another earlier (spaces aside), at least two,
/// without digits (never a value), one of them several columns apart
/// (pdftotext -layout: a heading row, not a sentence). A row broken over
/// the page break has its label's pieces on both sides of them
/// ("（二）部分公开" … heading … "（区分处理的，只…）").
fn repeated_headings(pages: &[Vec<&str>], drop: &mut [Vec<bool>]) {
    let compact = |l: &str| crate::model::text::without_spaces(l).into_owned();
    // Every non-blank line kept so far, compacted, in order.
    let mut before: Vec<String> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let kept: Vec<usize> = (0..page.len())
            .filter(|&j| !drop[i][j] && !page[j].trim_matches(is_space).is_empty())
            .collect();
        // The top lines that could be a heading: no digits, a dozen at most.
        let top: Vec<String> = kept
            .iter()
            .map(|&j| page[j])
            .take_while(|l| !l.bytes().any(|b| b.is_ascii_digit()))
            .take(12)
            .map(compact)
            .collect();
        // The most of them that repeat a run of earlier lines.
        let repeats = (2..=top.len())
            .rev()
            .find(|&k| before.windows(k).any(|w| w == &top[..k]))
            .filter(|&k| kept[..k].iter().any(|&j| columns(page[j]) >= 3));
        if let Some(k) = repeats {
            for &j in &kept[..k] {
                drop[i][j] = true;
            }
        }
        before.extend(
            kept.iter()
                .filter(|&&j| !drop[i][j])
                .map(|&j| compact(page[j])),
        );
    }
}

/// Joins the two pieces of a number wrapped in its narrow table cell
/// (`pdftotext -layout`: "7446" on the line above its row's values, "9" on
/// the line below, in the same column): the line `M` between them gets
/// the number "7446⁠9" where its row lacks a value, the pieces joined by
/// [`WRAPPED`], so that the table reader takes it only where sums check it
/// (see `tables::stream::words`). Taken only when every number of the lines above
/// and below is such a piece: in a gap between the words of `M`, as many
/// above as below in each such gap (two columns side by side wrapped:
/// paired in order), the upper not starting with 0; `M` a table row (see
/// [`table_like`]). In a cell aligned to its top (Word's default) the
/// upper piece is among the row's values and the rest on the line below:
/// joined when every number of that line (not a table row) stands under
/// exactly one word of `M`, a number not starting with 0, each its own
/// (or, past the rest of the row's label on the line below, on the line
/// after). Pieces around a row are joined before those under a row (the
/// line between two rows may hold either's).
/// Lines with pipes or tabs are left as they are.
fn wrapped_numbers(lines: Vec<String>) -> Vec<String> {
    numbers_joined(lines).0
}

/// [`wrapped_numbers`]' lines, and for each whether a word of it was set
/// right of its column (see [`set_out`]: a joined number is wider than its
/// pieces).
fn numbers_joined(mut lines: Vec<String>) -> (Vec<String>, Vec<bool>) {
    // Table rows whose numbers' pieces stand around them, joined in pass 2
    // (not looked at again in pass 3).
    let mut joined_around = vec![false; lines.len()];
    let mut moved = vec![false; lines.len()];
    for pass in 0..4 {
        for m in 1..lines.len().saturating_sub(1) {
            let Some(((joined, moving), edits)) = joined_row(&lines, m, pass, &joined_around)
            else {
                continue;
            };
            moved[m] |= moving;
            if pass == 2 {
                joined_around[m] = true;
            }
            for edit in edits {
                match edit {
                    Edit::Blank(l, pieces) => lines[l] = blank(&lines[l], &pieces),
                    Edit::Clear(l) => lines[l].clear(),
                }
            }
            lines[m] = joined;
        }
    }
    (lines, moved)
}

/// A number of a line: its columns, itself, and the gap between the row's
/// words it stands in (k: between word k − 1 and word k), if any (see
/// [`wrapped_numbers`]).
type Piece = (usize, usize, String, Option<usize>);

/// A word of a line: the columns it spans (its first, and past its
/// last), and itself (see [`spans`]).
type Word<'a> = (usize, usize, &'a str);

/// The lines of pieces over or under a row, outermost first: (line,
/// pieces) (see `RowLines::far`).
type Layers = Vec<(usize, Vec<Piece>)>;

/// `line` with the columns of `pieces` made spaces.
fn blank(line: &str, pieces: &[Piece]) -> String {
    line.chars()
        .enumerate()
        .map(|(i, c)| {
            if pieces.iter().any(|p| p.0 <= i && i < p.1) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// What joining the pieces of numbers wrapped around row `m` of `lines`
/// makes of the lines, in `pass` of [`wrapped_numbers`]: pieces taken off
/// a line, or a line cleared, in this order.
enum Edit {
    Blank(usize, Vec<Piece>),
    Clear(usize),
}

/// Where the pieces of a row's wrapped numbers stand (see
/// `RowLines::around`): the upper pieces, if any, and their line; the
/// lower ones and theirs; whether they pair around the row (see
/// [`around_pair`]); and whether the line under the row is the rest of
/// its label, the line after numbers alone.
struct Around {
    up: usize,
    above: Vec<Piece>,
    down: usize,
    below: Vec<Piece>,
    around: bool,
    past_label: bool,
}

/// Whether pieces `above` and `below` a row pair around it: as many, each
/// pair in the same gap between the row's words, in order, none above
/// starting with 0.
fn around_pair(above: &[Piece], below: &[Piece]) -> bool {
    let gaps = |p: &[Piece]| -> Option<Vec<usize>> {
        let gaps: Option<Vec<usize>> = p.iter().map(|x| x.3).collect();
        gaps.filter(|g| g.windows(2).all(|w| w[0] <= w[1]))
    };
    match (gaps(above), gaps(below)) {
        (Some(up), Some(down)) => {
            !up.is_empty() && up == down && !above.iter().any(|a| a.2.starts_with('0'))
        }
        _ => false,
    }
}

/// Row `m` of `lines`, whose wrapped numbers' pieces [`joined_row`] looks
/// for around it: its words (columns, word), how many are numbers, and
/// the column its first number starts at.
struct RowLines<'a> {
    lines: &'a [String],
    m: usize,
    row: Vec<Word<'a>>,
    values: usize,
    first_value: usize,
}

impl<'a> RowLines<'a> {
    fn new(lines: &'a [String], m: usize) -> Self {
        let row = spans(&lines[m]);
        let values = row.iter().filter(|r| number(r.2)).count();
        let first_value = first_number(&row);
        RowLines {
            lines,
            m,
            row,
            values,
            first_value,
        }
    }

    /// Whether line `l` is a line of the label's text alone: words, no
    /// number, left of the row's values.
    fn label_text(&self, l: usize) -> bool {
        let words = spans(&self.lines[l]);
        !words.is_empty()
            && !words.iter().any(|w| number(w.2))
            && text_left_of(&words, self.first_value)
    }

    /// The numbers of `line`, each with the gap between the row's words
    /// it stands in, if it fits in one.
    fn pieces(&self, line: &str) -> Vec<Piece> {
        let row = &self.row;
        spans(line)
            .into_iter()
            .filter(|w| number(w.2))
            .map(|(start, end, w)| {
                let k = row.partition_point(|r| r.1 <= start);
                // (Placed roughly: a piece of three digits or more
                // one column into the word before it is past it:
                // "2926" over "196"'s last digit.)
                let k = match row.get(k) {
                    Some(r) if r.0 < start && r.1 == start + 1 && end - start >= 3 => k + 1,
                    _ => k,
                };
                let fits = row.get(k).is_none_or(|r| end <= r.0);
                (start, end, w.to_string(), fits.then_some(k))
            })
            .collect()
    }

    /// The one word of the row piece `p` is over or under, if one.
    fn within(&self, p: &Piece) -> Option<usize> {
        only(
            (self.row.iter().enumerate())
                .filter(|(_, r)| p.0 < r.1 && r.0 < p.1)
                .map(|(k, _)| k),
        )
    }

    /// The words of the row that pieces `above` and `below` (of lines
    /// `up` and `down`) are over and under. Neither line a table row;
    /// two lines away, a line of numbers alone may be one's look
    /// (several cells' outer pieces, "12 10 28"): each is then a
    /// piece; so may the row's label with fewer pieces than the row
    /// has values, right of it ("2.重复申请 69 29" two lines over
    /// "83 1 50 0": the label's cell aligned to its top, the
    /// numbers' to their middle).
    fn three_of(
        &self,
        (above, up): (&[Piece], usize),
        (below, down): (&[Piece], usize),
    ) -> Option<Vec<usize>> {
        let (lines, m) = (self.lines, self.m);
        let (row, values, first_value) = (&self.row, self.values, self.first_value);
        let far = up + 2 == m;
        let no_row = |l: usize, pieces: &[Piece]| {
            let words = spans(&lines[l]);
            !table_like(&lines[l])
                || (far
                    && (words.iter().all(|w| number(w.2))
                        || (text_left_of(&words, first_value) && pieces.len() < values)))
        };
        let over: Option<Vec<usize>> = above.iter().map(|p| self.within(p)).collect();
        let under: Option<Vec<usize>> = below.iter().map(|p| self.within(p)).collect();
        match (over, under) {
            (Some(over), Some(under))
                if !over.is_empty()
                    && over == under
                    && over.windows(2).all(|w| w[0] < w[1])
                    && no_row(up, above)
                    && no_row(down, below)
                    && over
                        .iter()
                        .zip(above.iter().zip(below))
                        .all(|(&k, (a, b))| {
                            number(row[k].2)
                                && !a.2.starts_with('0')
                                && a.2.len() >= row[k].2.len()
                                && b.2.len() <= row[k].2.len()
                        }) =>
            {
                Some(over)
            }
            _ => None,
        }
    }

    /// A number wrapped over three lines of a cell aligned to its middle
    /// ("6" over the row's "5", "8" under it: 658): on the lines above
    /// and below, pieces each over (under) one word of the row in its
    /// columns, the same words, numbers; no piece above starting with 0
    /// or shorter than its word, none below longer; neither line a
    /// table row.
    /// Or, where no pieces pair around the row, such a number's upper
    /// piece past the rest of the row's label, over its values (the
    /// label's lines spaced otherwise: "7、属于行政执法" / "2" / "案卷" /
    /// the row's "… 8 …" / "3" for 283; or its label's first line: "71"
    /// / "一、本年新收政府信" / the row's "… 97" / "息公开申请数量" / "9"
    /// for 71979, the lower piece past the label's rest too): the line
    /// between text alone, left of the row's values; fewer pieces than
    /// the row has values (a line of as many is another row's values:
    /// "848 567 … 2924" / "诉类申请" / "2.重复申请 2 1 … 450" / "3.要求提
    /// 供公" / "7 0 8 … 19" would join 848⁠2⁠7 …, the sums broken, and
    /// two rows lose their values); `place` then holds those pieces.
    /// The words of the row such numbers stand in, if any.
    fn three(&self, place: &mut Around) -> Option<Vec<usize>> {
        let (lines, m) = (self.lines, self.m);
        let three = self.three_of((&place.above, m - 1), (&place.below, m + 1));
        if three.is_some()
            || place.around
            || !place.above.is_empty()
            || m < 2
            || place.down != m + 1
        {
            return three;
        }
        let rest = spans(&lines[m - 1]);
        if rest.is_empty() || table_like(&lines[m - 1]) || !text_left_of(&rest, self.first_value) {
            return None;
        }
        let further = self.pieces(&lines[m - 2]);
        let further = if further.len() < self.values {
            further
        } else {
            Vec::new()
        };
        let lower = match place.below.is_empty() && place.past_label {
            true => (m + 2, self.pieces(&lines[m + 2])),
            false => (m + 1, place.below.clone()),
        };
        let hosts = self.three_of((&further, m - 2), (&lower.1, lower.0))?;
        (place.up, place.above) = (m - 2, further);
        (place.down, place.below) = lower;
        Some(hosts)
    }

    /// Around the row whose numbers wrapped in two lines were joined (a
    /// table row, or a row with few numbers that fit), a number
    /// wrapped over three lines of its cell, centred: its outer
    /// pieces a line further ("79" / "832 1630" / the row's "82" /
    /// "35 57" / "2" for 83235, 79822 and 163057); the lower one past
    /// a line of the label's text, if there is one (the other column's
    /// label printed on lines between: "19" / "1989" / the row's "5 3 1
    /// 4 2 88" / "8" / "另行制作" / "3" for 19883 and 19898).
    /// Or over five lines of a cell one digit wide: two pieces over
    /// the row's, the upper past a line of the label's text if
    /// there is one, two under it ("7、属于行政执法 2" / "案卷" / "0"
    /// / "2151" / the row's "… 6 …" / "3" / "1" / "1" for 20611,
    /// 21513 around the row): the inner pieces each as wide as its
    /// host, the outer as three lines' are.
    /// (Outermost first: the lines over the row's, and under it.)
    /// `up`: the line of the pieces over the row's joined with those
    /// under it, on the line right under the row.
    fn far(&self, up: usize) -> Option<(Vec<usize>, Layers, Layers)> {
        let (lines, m) = (self.lines, self.m);
        let row = &self.row;
        let low = match m + 3 < lines.len() && self.label_text(m + 2) {
            true => m + 3,
            false => m + 2,
        };
        let (over, under) = (self.pieces(&lines[up - 1]), self.pieces(&lines[low]));
        match self.three_of((&over, up - 1), (&under, low)) {
            Some(hosts) => Some((hosts, vec![(up - 1, over)], vec![(low, under)])),
            // (Not past a line of the label's text under the row: its
            // inner piece would be there.)
            None if low == m + 2 && up >= 3 && m + 3 < lines.len() => {
                let top = match self.label_text(up - 2) {
                    true => up - 3,
                    false => up - 2,
                };
                let inner_hosts = |p: &[Piece]| -> Option<Vec<usize>> {
                    p.iter()
                        .map(|p| self.within(p).filter(|&k| p.2.len() == row[k].2.len()))
                        .collect()
                };
                let (outer_over, outer_under) =
                    (self.pieces(&lines[top]), self.pieces(&lines[m + 3]));
                self.three_of((&outer_over, top), (&outer_under, m + 3))
                    .filter(|hosts| {
                        [(up - 1, &over), (m + 2, &under)].iter().all(|(l, p)| {
                            !table_like(&lines[*l]) && inner_hosts(p).as_ref() == Some(hosts)
                        })
                    })
                    .map(|hosts| {
                        (
                            hosts,
                            vec![(top, outer_over), (up - 1, over)],
                            vec![(m + 2, under), (m + 3, outer_under)],
                        )
                    })
            }
            None => None,
        }
    }

    /// Where the pieces of the row's wrapped numbers stand, around it or
    /// under it (see [`joined_row`]); `sparse_row`: a row wrapped around
    /// a few numbers (see [`sparse`]).
    fn around(&self, sparse_row: bool) -> Around {
        let (lines, m) = (self.lines, self.m);
        let (values, first_value) = (self.values, self.first_value);
        let mut above = self.pieces(&lines[m - 1]);
        // The line below the pieces' rest: the next line; or, in a table
        // row whose label's rest (or its group's) has the next line to
        // itself, no number on it, the line after when it holds numbers
        // alone (a cell's number centred, the label's lines spaced
        // otherwise: "(5)属于三类内部事务 479" / the row's values / "信息" /
        // "02" for 47902; or aligned to its top: "属于行政查询 … 85 874" /
        // "事项" / "4" for 854, see below).
        // (For pieces around the row, the line after may hold text
        // left of the row's values too, a label's: "要求提供公 5998" /
        // the row's "0 303 1 0 635 60927" / "（五" / "开出版物 8" for
        // 59988, the group's label and the row's each on lines of
        // their own; a line that looks like a table row only with
        // fewer numbers than the row has values: "不 予 公 30 2" under
        // "信息" for 47730 and 49402, the group's label beside them.
        // Pieces under a row alone are not taken past such a line: its
        // text may be the next row's label, its number that row's
        // piece.)
        let (past_label, past_label_text) = match !sparse_row && m + 2 < lines.len() {
            true => {
                let next = spans(&lines[m + 1]);
                let after = spans(&lines[m + 2]);
                let rest = !next.is_empty()
                    && !next.iter().any(|w| number(w.2))
                    && !table_like(&lines[m + 1])
                    && after.iter().any(|w| number(w.2));
                (
                    rest && after.iter().all(|w| number(w.2)),
                    rest && (!table_like(&lines[m + 2])
                        || self.pieces(&lines[m + 2]).len() < values)
                        && text_left_of(&after, first_value),
                )
            }
            false => (false, false),
        };
        let mut down = m + 1;
        let mut below = self.pieces(&lines[m + 1]);
        if (past_label || past_label_text) && !around_pair(&above, &below) {
            // (Centred. A piece below may be the longer: Chromium
            // breaks 53018 in a narrow cell as "53" over "018".)
            let further = self.pieces(&lines[m + 2]);
            if around_pair(&above, &further) {
                (down, below) = (m + 2, further);
            }
        }
        let mut around = around_pair(&above, &below);
        // Or the upper pieces past a line of the label's text, left of
        // the row's values, on a line that is no table row ("4.保护第三方
        // 56" / "573" / "合法权益" / the row's "0 547 3 2 82 8" / "87" /
        // "7" for 57387; 56827 over three lines, see `far`), or one with
        // fewer numbers than the row has values, each in a gap of the
        // row's, as below (the line between a piece of the group's
        // heading: "945 82 954" / "理  结" / "处理的，只计这一情 0 2 0 0" /
        // "75 5 02" for 94575, 825 and 95402; "5.属于三类内 545 5458" /
        // "公开" / "8 0 0 0 69" / "部事务信息 05 2").
        let mut up = m - 1;
        if !around && !sparse_row && above.is_empty() && down == m + 1 && m >= 2 {
            let further = self.pieces(&lines[m - 2]);
            if self.label_text(m - 1)
                && !table_like(&lines[m - 1])
                && (!table_like(&lines[m - 2]) || further.len() < values)
                && around_pair(&further, &below)
            {
                (up, above, around) = (m - 2, further, true);
            }
        }
        Around {
            up,
            above,
            down,
            below,
            around,
            past_label,
        }
    }

    /// Cells aligned to their top (Word's default) or a row whose label
    /// has more lines than its numbers' cells: the lower pieces of the
    /// row's numbers (`below`, of line `down`, or further down where they
    /// are) joined to the row's `words`, with the numbers that fit whole
    /// on a line between. The line and pieces joined, those numbers, and
    /// the lines of further pieces (to clear); none where not certain (see
    /// [`joined_row`]).
    #[allow(clippy::type_complexity)]
    fn join_top_aligned(
        &self,
        (above, past_label): (&[Piece], bool),
        (mut down, mut below): (usize, Vec<Piece>),
        words: &mut Vec<(usize, String)>,
    ) -> Option<(usize, Vec<Piece>, Vec<Piece>, Vec<usize>)> {
        let mut whole: Vec<Piece> = Vec::new();
        let mut further: Vec<usize> = Vec::new();
        let (lines, m) = (self.lines, self.m);
        let (row, values, first_value) = (&self.row, self.values, self.first_value);
        // Cells aligned to their top (Word's default): the upper piece
        // among the row's values, the rest on the line below, under it
        // (within two columns: pdftotext places them roughly), and
        // under no other word of the row, no longer than it (a cell's
        // first line is its fullest). That line is no table row: text
        // with its numbers, or as many numbers as the row's (another
        // row's values); pieces of several columns are fewer than the
        // row's numbers, alone ("2642 … 2986 …" over "4 … 1") or
        // after the rest of its label (see `label_rest`).
        // (Of the words it is within two columns of, the one it
        // starts or ends with, give or take a column: "46" under
        // 746, beside 535's end; else the only one.)
        let under_one = |start: usize, end: usize, words: &mut dyn Iterator<Item = usize>| {
            let near: Vec<usize> = words
                .filter(|&k| start < row[k].1 + 2 && row[k].0 < end + 2)
                .collect();
            let aligned = |&k: &usize| start.abs_diff(row[k].0) <= 1 || end.abs_diff(row[k].1) <= 1;
            only(near.iter().copied().filter(aligned)).or_else(|| only(near.into_iter()))
        };
        // (Past the rest of the row's label, left of its values, no
        // piece over the row: else a centred number's, see above.)
        // Nor where a number of that line stands over a number of a
        // table row right under it: the upper piece of that row's
        // number as well, wrapped over three lines, centred ("属于四类
        // 过程性信息 8 4 0 7 0 0 19" / "属于行政执法案卷" / "4" / "0 0 0 1
        // 558 0 975" / "7": 417, not 7⁠4 and 1⁠7, both rows' sums
        // broken).
        let over_next_row = |l: usize| {
            l + 1 < lines.len()
                && table_like(&lines[l + 1])
                && self.pieces(&lines[l]).iter().any(|p| {
                    (spans(&lines[l + 1]).iter()).any(|r| number(r.2) && p.0 < r.1 && r.0 < p.1)
                })
        };
        if below.is_empty()
            && above.is_empty()
            && past_label
            && text_left_of(&spans(&lines[m + 1]), first_value)
            && !over_next_row(m + 2)
        {
            (down, below) = (m + 2, self.pieces(&lines[m + 2]));
        }
        // A row whose label has more lines than its numbers' cells,
        // centred: the numbers that fit whole on the line below its
        // first (numbers alone, under none of the row's words), the
        // label's rest on the next, if any, then the lower pieces of
        // the others, every one of the row's numbers wrapped (a number
        // that fits stands on the middle line): "一.本年新收政府信息公开
        // 申 15627 3245 … 1184" / "332646" / "请数量" / "0 0 2 6 1 7"
        // for 156270 32450 … 11847 332646.
        // Or the label's rest on the line of the lower pieces, the
        // whole numbers beside the row's, not under any (columns of
        // our own PDF text: "一．本年新收政府信息公开申请数 620 774 826
        // 577 18 4403" / "158691" between 620 and 774 / "量 22 21 28
        // 79 05 46"): only where the row's numbers and the whole ones
        // are as many as a row of a block with a total row has (表三's
        // seven); the row's sums still check it.
        if above.is_empty() && down == m + 1 && !below.is_empty() && values > 0 {
            let line = spans(&lines[m + 1]);
            let apart = |b: &Piece, slack: usize| {
                b.0 >= first_value
                    && row
                        .iter()
                        .all(|r| !(b.0 < r.1 + slack && r.0 < b.1 + slack))
            };
            let mut next = m + 2;
            if next + 1 < lines.len() && self.label_text(next) {
                next += 1;
            }
            if next < lines.len() && line.len() == below.len() {
                let lower_line = spans(&lines[next]);
                let alone = lower_line.iter().all(|w| number(w.2));
                let after_rest = next == m + 2 && text_left_of(&lower_line, first_value);
                let taken = (alone && below.iter().all(|b| apart(b, 2)))
                    || ((alone || after_rest)
                        && below.iter().all(|b| apart(b, 0))
                        && total_row_lengths().contains(&(values + below.len())));
                let lower = self.pieces(&lines[next]);
                if taken && lower.len() == values {
                    whole = std::mem::take(&mut below);
                    (down, below) = (next, lower);
                }
            }
        }
        let under = |b: &Piece| under_one(b.0, b.1, &mut (0..row.len()));
        let hosts: Option<Vec<usize>> = below.iter().map(under).collect();
        let hosts = hosts.filter(|h| {
            !h.is_empty()
                && h.windows(2).all(|w| w[0] < w[1])
                && h.iter().zip(&below).all(|(&k, b)| {
                    number(row[k].2) && !row[k].2.starts_with('0') && b.2.len() <= row[k].2.len()
                })
        })?;
        // Fewer pieces than the row's values, on a line of numbers
        // alone or after the rest of the row's label ("卷 4 46",
        // "部事务信息 83 6": its text left of the row's values). Not
        // after a label's ordinal: the next row's line, one number short
        // for a cell left empty ("四、结转下年度继续办理 5 0 0 279 4 288"
        // under （七）总计's seven).
        let under = spans(&lines[down]);
        let label_rest = text_left_of(&under, first_value)
            && !under.first().is_some_and(|w| starts_numbered(w.2));
        if table_like(&lines[down]) && !(label_rest && below.len() < values) && whole.is_empty() {
            return None;
        }
        // A piece left on the line above, or past lines of the label's
        // text, over a host (fewer than the row's values: no row's
        // own): the number may be wrapped over three lines, centred,
        // its upper piece there, not joined as such above (its upper
        // piece the shorter: "本年 70 7" / "度办" / "予以公开 … 34 … 109" /
        // "理结" / "7 6" for 70347 and 71096, Chromium's print of a
        // narrow table). Joined in two, as 347 and 1096, the row's sum
        // holds as well: not certain. (Past every line with nothing over
        // the row's values, the label's text or a page's number: one
        // more between, the pieces are as far from the row.)
        let mut over = m - 1;
        let beside = |l: usize| spans(&lines[l]).iter().all(|w| w.1 <= first_value);
        while over >= 1 && beside(over) {
            over -= 1;
        }
        // (A row's own line, its numbers joined already, has as many
        // numbers as this one.)
        let numbers = (spans(&lines[over]).iter())
            .filter(|w| w.2.chars().all(|c| c.is_ascii_digit() || c == WRAPPED))
            .count();
        if numbers < values
            && (self.pieces(&lines[over]).iter())
                .any(|p| self.within(p).is_some_and(|k| hosts.contains(&k)))
        {
            return None;
        }
        for (&k, b) in hosts.iter().zip(&below) {
            words[k].1 = format!("{}{WRAPPED}{}", row[k].2, b.2);
        }
        words.extend(whole.iter().map(|w| (w.0, w.2.clone())));
        // A number wrapped over more lines of its cell (a cell one
        // digit wide: 9 over 6, 6, 5, 9 for 96659; "5" / "4" / "3"
        // for 543): under a piece as wide as its host, lines of
        // numbers alone, each under such a piece of the line above,
        // no wider than its host, and so on while a piece is as
        // wide. (Sums check the whole: one cell changed breaks
        // them.)
        let full = |k: usize, piece: &str| piece.len() == row[k].2.len();
        let mut open: Vec<usize> = hosts
            .iter()
            .zip(&below)
            .filter(|(&k, b)| full(k, &b.2))
            .map(|(&k, _)| k)
            .collect();
        let mut j = down + 1;
        while !open.is_empty() && j < lines.len() {
            let line = spans(&lines[j]);
            let placed: Option<Vec<(usize, &str)>> = line
                .iter()
                .map(|&(start, end, piece)| {
                    let k = under_one(start, end, &mut open.iter().copied())?;
                    (number(piece) && piece.len() <= row[k].2.len()).then_some((k, piece))
                })
                .collect();
            let Some(placed) =
                placed.filter(|p| !p.is_empty() && p.windows(2).all(|w| w[0].0 < w[1].0))
            else {
                break;
            };
            for &(k, piece) in &placed {
                words[k].1.push(WRAPPED);
                words[k].1.push_str(piece);
            }
            further.push(j);
            open = placed
                .into_iter()
                .filter(|&(k, piece)| full(k, piece))
                .map(|(k, _)| k)
                .collect();
            j += 1;
        }
        Some((down, below, whole, further))
    }
}

/// Row `m`'s line with the pieces of its numbers joined in `pass` of
/// [`wrapped_numbers`] (`joined_around`: the rows whose pieces around them
/// were joined in pass 2), whether a word of it was moved (see
/// [`set_out`]), and the edits that take those pieces off the lines around
/// it; none where nothing is joined.
fn joined_row(
    lines: &[String],
    m: usize,
    pass: usize,
    joined_around: &[bool],
) -> Option<((String, bool), Vec<Edit>)> {
    let sparse_pass = pass < 2;
    // Not among cells set apart by pipes or tabs (a Markdown table pads
    // its columns to their width on screen, an ideograph two: columns
    // counted in characters do not line up).
    // (Bytes: a search for either of two chars is slow on long lines.)
    let delimited =
        (lines[m - 1..=m + 1].iter()).any(|l| l.bytes().any(|b| matches!(b, b'|' | b'\t')));
    // First the rows wrapped around a few numbers (those with their
    // label second), then table rows.
    let sparse_row = sparse_pass && !delimited && sparse(lines, m, pass == 1);
    let taken = if sparse_pass {
        sparse_row
    } else {
        !delimited && table_like(&lines[m]) && !joined_around[m]
    };
    if !taken {
        return None;
    }
    let at = RowLines::new(lines, m);
    let row = &at.row;
    let mut place = at.around(sparse_row);
    // Table rows with pieces around them first (pass 2), then the
    // others (pass 3): a piece under a row that is over the next
    // row's gap, with one under it there, is the next row's
    // ("107" over "3.本年度 18" over "予以公开 … 555" over "85": 18⁠85
    // the next row's 总计, not 107⁠18).
    // (The caller marks the row joined around.)
    if pass == 2 && !place.around {
        return None;
    }
    // (A cell's first line is its fullest.)
    if sparse_row
        && !(place.around
            && (place.above.iter())
                .zip(&place.below)
                .all(|(a, b)| b.2.len() <= a.2.len()))
    {
        return None;
    }
    let three = at.three(&mut place);
    let Around {
        up,
        above,
        down,
        below,
        around,
        past_label,
    } = place;
    // A number wrapped over three or five lines around the row (see
    // `RowLines::far`).
    let far = match around && down == m + 1 && up >= 1 && m + 2 < lines.len() {
        true => at.far(up),
        false => None,
    };
    // The row's words, with the joined numbers.
    let mut words: Vec<(usize, String)> = row.iter().map(|r| (r.0, r.2.to_string())).collect();
    // The lower pieces and their line; the numbers that fit whole, on
    // the line under the row, of a row whose other numbers' lower
    // pieces are further down; lines under the row that held the
    // further pieces of a number (see `RowLines::join_top_aligned`).
    let (down, below, whole, further) = if around {
        for (a, b) in above.iter().zip(&below) {
            words.push((a.0, format!("{}{WRAPPED}{}", a.2, b.2)));
        }
        if let Some((hosts, over, under)) = &far {
            for (i, &k) in hosts.iter().enumerate() {
                let mut joined = String::new();
                for (_, layer) in over {
                    joined.push_str(&layer[i].2);
                    joined.push(WRAPPED);
                }
                joined.push_str(row[k].2);
                for (_, layer) in under {
                    joined.push(WRAPPED);
                    joined.push_str(&layer[i].2);
                }
                words[k].1 = joined;
            }
        }
        (down, below, Vec::new(), Vec::new())
    } else if let Some(hosts) = &three {
        for (i, &k) in hosts.iter().enumerate() {
            words[k].1 = format!("{}{WRAPPED}{}{WRAPPED}{}", above[i].2, row[k].2, below[i].2);
        }
        (down, below, Vec::new(), Vec::new())
    } else {
        at.join_top_aligned((&above, past_label), (down, below), &mut words)?
    };
    let joined = set_out(words);
    let mut edits: Vec<Edit> = Vec::new();
    if around || three.is_some() {
        edits.push(Edit::Blank(up, above));
    }
    edits.push(Edit::Blank(down, below));
    if let Some((_, over, under)) = far {
        for (l, layer) in over.into_iter().chain(under) {
            edits.push(Edit::Blank(l, layer));
        }
    }
    edits.extend(further.into_iter().map(Edit::Clear));
    if !whole.is_empty() {
        edits.push(Edit::Blank(m + 1, whole));
    }
    Some((joined, edits))
}

/// Words set out on a line at their columns, in the order of their
/// columns, two spaces at least between them; and whether a word was set
/// right of its column for that (one before it ran into it).
fn set_out(mut words: Vec<(usize, String)>) -> (String, bool) {
    crate::sort::by_key(&mut words, |w| w.0);
    let mut line = String::new();
    let mut moved = false;
    for (start, word) in words {
        let at = line.chars().count();
        let pad = if at == 0 {
            start
        } else {
            start.saturating_sub(at).max(2)
        };
        moved |= at + pad != start;
        line.extend(std::iter::repeat_n(' ', pad));
        line.push_str(&word);
    }
    (line, moved)
}

/// A row most of whose numbers wrapped around the few that fit (a
/// narrow table printed by Chromium: "7355 8530 2872 …" over "（七）总计
/// 3499", "4 5 81 …" under it): not a table row itself (or one only by
/// its label and those few numbers, taken after the others), no sentence;
/// the lines above and below numbers alone, as many on each, two or
/// more. Joined first, only as pieces around it (below each gap's pieces
/// as there), before a row above takes a number of it for its own
/// cell's wrapped piece. A row all of whose numbers wrapped has none on
/// its line ("（七）总计" alone): the pieces above then look like numbers
/// that filled their cells, each piece below under its own (see
/// `bare_row_pieces`), and the line above them has numbers (the row
/// before ends there). Two rows' values around a label would join with
/// their sums holding (12 34 … 281 over 1 2 … 6 as 121 342 … 2816), so
/// not where rows print their values on a line above their labels (the
/// line above those values is then a label) nor where a row's label
/// starts above its values (so is the line above).
fn sparse(lines: &[String], m: usize, labelled_pass: bool) -> bool {
    let alone = |line: &str| {
        let words = spans(line);
        (words.len() >= 2 && words.iter().all(|w| number(w.2))).then_some(words.len())
    };
    let row = spans(&lines[m]);
    let bare = || {
        m >= 2
            && spans(&lines[m - 2]).iter().any(|w| number(w.2))
            && bare_row_pieces(&spans(&lines[m - 1]), &spans(&lines[m + 1]))
    };
    // A row with its label and a few numbers looks like a table row:
    // taken after the others (a bare row's look needs the numbers two
    // lines above it, which such a row's pieces may be).
    let labelled =
        || row.first().is_some_and(|w| !number(w.2)) && text_left_of(&row, first_number(&row));
    (if labelled_pass {
        table_like(&lines[m]) && labelled()
    } else {
        !table_like(&lines[m])
    }) && !lines[m].contains(['，', '。'])
        && !row.is_empty()
        && alone(&lines[m - 1]).is_some_and(|n| alone(&lines[m + 1]) == Some(n))
        && (row.iter().any(|w| number(w.2)) || bare())
}

/// How many values a row of a block with a total row has (表三's seven, 表四's
/// blocks'): a row's sums can check them.
fn total_row_lengths() -> Vec<usize> {
    (crate::format::current().tables.iter())
        .flat_map(|t| t.blocks.iter())
        .filter(|b| b.rows.iter().any(|r| !r.total_of.is_empty()))
        .map(|b| b.columns.len())
        .collect()
}

/// A row whose first value or two stand on its label's line, the rest on
/// the line under it, numbers alone (easyofd's OFD file sets a cell's text
/// on its own baseline: "2．重复申请0" / "19847 467 36477 0 0 56791"): the
/// first values moved down onto that line, left of its numbers as on the
/// page, so that the row's values stand on one line, as a row's do (a row
/// split over lines is read only where the values keep their places, see
/// `tables::stream::out_of_place`). Only where every value moved stands left of
/// every number under it (a value drawn a little off its line, in its
/// column among the others, stays) and the two lines' numbers are as many
/// as a row of a block with a total row has (表三's seven: a row of 表二
/// with its one value is left alone); the row's sums still check it.
fn first_values_moved_down(mut lines: Vec<String>) -> Vec<String> {
    let lengths = total_row_lengths();
    for i in 0..lines.len().saturating_sub(1) {
        let under = spans(&lines[i + 1]);
        if under.len() < 2 || !under.iter().all(|w| value_word(w.2)) {
            continue;
        }
        let words = spans(&lines[i]);
        // The label's words, then its values to move: (column, value).
        let Some(text) = words.iter().rposition(|w| !value_word(w.2)) else {
            continue;
        };
        let mut moved: Vec<(usize, String)> = Vec::new();
        let (last_start, last_end, last) = words[text];
        // A value run into the label's last word ("重复申请0": a number
        // after an ideograph at the word's end).
        let label = last.trim_end_matches(|c: char| c.is_ascii_digit());
        if label.len() < last.len() && label.chars().next_back().is_some_and(ideograph) {
            let at = last_start + label.chars().count();
            moved.push((at, last[label.len()..].to_string()));
        }
        moved.extend(words[text + 1..].iter().map(|w| (w.0, w.2.to_string())));
        let first_under = under[0].0;
        if moved.is_empty()
            || moved.len() > 2
            || lines[i].contains(['，', '。'])
            || !lengths.contains(&(moved.len() + under.len()))
            || !moved
                .iter()
                .all(|(at, v)| at + v.chars().count() < first_under)
        {
            continue;
        }
        let keep = match moved.len() > words.len() - text - 1 {
            true => last_start + label.chars().count(),
            false => last_end,
        };
        let upper: String = lines[i].chars().take(keep).collect();
        let mut lower = String::new();
        for (at, v) in &moved {
            let pad = at
                .saturating_sub(lower.chars().count())
                .max(usize::from(!lower.is_empty()));
            lower.extend(std::iter::repeat_n(' ', pad));
            lower.push_str(v);
        }
        let rest: String = lines[i + 1].chars().skip(lower.chars().count()).collect();
        lower.push_str(&rest);
        (lines[i], lines[i + 1]) = (upper, lower);
    }
    lines
}

/// A mark printed for a 0 ("–", "/": see [`zero_sign`]) drawn a little
/// below its row's line, alone on the next line, moved up into the row's
/// line at its place (hunt 1226004's PDF: 2.申请人逾期未按… "989 3 0 0 0
/// 992" with "–" under the gap where 社会公益组织's cell is; left there, it
/// came after the row's total, out of its place, and the row was unread).
/// Only into a line ending in a row's values, one fewer than a row of a
/// block with a total row has (see [`total_row_lengths`]), the mark within
/// a gap between two of them, over none; and under or over a value of a
/// line near (up to 6 lines) with a row's values all, that stands over or
/// under none of the row's: the column the row lacks.
fn marks_moved_up(mut lines: Vec<String>) -> Vec<String> {
    const NEAR_LINES: usize = 6;
    let lengths = total_row_lengths();
    let overlap = |a: &Word, b: &Word| within(a, &(b.0, b.1));
    for i in 0..lines.len().saturating_sub(1) {
        let under = spans(&lines[i + 1]);
        let [mark] = under[..] else {
            continue;
        };
        if !zero_sign(mark.2) {
            continue;
        }
        let words = spans(&lines[i]);
        let first = words
            .iter()
            .rposition(|w| !value_word(w.2))
            .map_or(0, |t| t + 1);
        let values = &words[first..];
        if values.is_empty() || !lengths.contains(&(values.len() + 1)) {
            continue;
        }
        let in_gap = (values.windows(2)).any(|p| p[0].1 < mark.0 && mark.1 < p[1].0);
        // (A line near with a row's values all, one of them in the
        // column the row lacks, under or over the mark.)
        let placed = |l: usize| {
            let near = spans(&lines[l]);
            let near: Vec<&Word> = near.iter().filter(|w| value_word(w.2)).collect();
            near.len() == values.len() + 1
                && near
                    .iter()
                    .any(|n| overlap(n, &mark) && !values.iter().any(|v| overlap(n, v)))
        };
        let around =
            (i.saturating_sub(NEAR_LINES)..i).chain(i + 2..(i + 2 + NEAR_LINES).min(lines.len()));
        if !in_gap || !around.into_iter().any(placed) {
            continue;
        }
        let mut line: Vec<char> = lines[i].chars().collect();
        let marked: Vec<char> = mark.2.chars().collect();
        line.splice(mark.0..mark.1, marked);
        (lines[i], lines[i + 1]) = (line.into_iter().collect(), String::new());
    }
    lines
}

/// A row's empty cells in text our reader set out from a PDF's or an OFD
/// file's glyphs (each glyph in the column its place on the page gives,
/// see [`crate::import::layout`]), marked by [`BLANK_CELL`] in their
/// columns, so that the row's other values are read in theirs (a row
/// printed "4 449 7282 _ 1 0 7736" has six numbers for seven cells: which
/// one is empty, only its place tells; so is a glyph our reader could not
/// read, a dash of a font without its character). A row of a block with a
/// total row (表三's seven values: see [`total_row_lengths`]) one or two
/// values short; the lines that place its columns: the nearest above and
/// below it with all their values, as many, within 40 lines (a page's
/// break may stand between; where none place it, lines of one value fewer
/// than 表三's, a table whose total column was lost past the page's edge,
/// see `find`); else the two nearest on
/// one side (the table's last row; the next is 表四's), as many (past rows
/// with cells empty too; none with a number joined from its pieces, whose
/// words after it have moved: see [`wrapped_numbers`]); their values in
/// the same columns one over the other (each column their two values'
/// span, the columns apart). Every value of the row in exactly one column,
/// in order; each empty one clear of the line's words (but 无 or 空 in the
/// first cell, a word of the label by its place in the line, see
/// [`row_cells`]: marked a value) and not the total's (a total cut at the
/// page's edge, or too long for its cell, is no empty cell: see
/// `tables::stream`'s rows cut). The row's sums still check its reading
/// (an empty cell counts 0). Not for pdftotext -layout, whose columns
/// drift by a few characters from row to row (a row's value can stand
/// under the next column's in the rows around).
fn blank_cells_marked(mut lines: Vec<String>, moved: &[bool]) -> Vec<String> {
    // How far the rows that place a row's columns may stand: a page's
    // break between (its number, the next page's heading row repeated,
    // labels of a narrow column a few characters a line; hunt 1186003's
    // row 29 lines under those above it).
    const NEAR_LINES: usize = 40;
    let rows: Vec<Option<Vec<Word>>> = lines.iter().map(|l| row_cells(l)).collect();
    let lengths = total_row_lengths();
    // (表三's rows without their total: see `find` below. Not 表四's
    // blocks, of four parts: lines of four numbers are too common.)
    let lost_total: Vec<usize> = (lengths.iter())
        .filter(|&&n| n >= 7)
        .map(|n| n - 1)
        .collect();
    // (A number joined from its pieces may have moved the words after it
    // on its line: see [`set_out`]. Not a row that places others.)
    let joined = |cells: &[Word]| cells.iter().any(|w| w.2.contains(WRAPPED));
    let mut marks: Vec<(usize, Vec<(usize, bool)>)> = Vec::new();
    for (m, row) in rows.iter().enumerate() {
        let unmoved = !moved.get(m).copied().unwrap_or(false);
        let Some(row) = row.as_ref().filter(|_| unmoved).map(|r| before_joining(r)) else {
            continue;
        };
        let row = &row;
        // The row placed by the lines of `lengths` values.
        let find = |lengths: &[usize]| {
            // The two nearest lines of more values than the row's, as many as
            // a row of such a block has, none joined, of the lines `from`
            // (past other rows with cells empty).
            let nearest = |from: &mut dyn Iterator<Item = usize>| -> Vec<&Vec<Word>> {
                (from.take(NEAR_LINES))
                    .filter_map(|l| rows[l].as_ref())
                    .filter(|c| !joined(c) && c.len() > row.len() && lengths.contains(&c.len()))
                    .take(2)
                    .collect()
            };
            let (up, down) = (
                nearest(&mut (0..m).rev()),
                nearest(&mut (m + 1..rows.len())),
            );
            // The nearest above and below, as many; else the two nearest on
            // one side (the row last before a table's end, or the next
            // table's row, or before a page's break; a row whose wide numbers
            // the text set out a few characters right of their columns, as
            // （七）总计's "294562" under "706"): the first two whose columns
            // place the row.
            let same = |a: &Vec<Word>, b: &Vec<Word>| a.len() == b.len();
            let mut pairs: Vec<(&Vec<Word>, &Vec<Word>)> = Vec::new();
            if let (Some(&a), Some(&b)) = (up.first(), down.first()) {
                pairs.push((a, b));
            }
            pairs.extend(
                [&up, &down]
                    .into_iter()
                    .filter(|r| r.len() == 2)
                    .map(|r| (r[0], r[1])),
            );
            pairs
                .into_iter()
                .filter(|(a, b)| same(a, b))
                .find_map(|(above, below)| {
                    let n = above.len();
                    if row.len() + 2 < n {
                        return None;
                    }
                    // Each column: its two values' span, theirs overlapping or side by
                    // side (a glyph's place rounded to a column: "0" one column left
                    // of the "0" over it); the columns apart.
                    let columns: Vec<(usize, usize)> = above
                        .iter()
                        .zip(below)
                        .map(|(a, b)| {
                            (a.0 <= b.1 && b.0 <= a.1).then(|| (a.0.min(b.0), a.1.max(b.1)))
                        })
                        .collect::<Option<_>>()
                        .filter(|c: &Vec<(usize, usize)>| c.windows(2).all(|p| p[0].1 <= p[1].0))?;
                    let placed = placed_in(row, &columns)?;
                    Some((n, columns, placed))
                })
        };
        // (A table whose total column was lost past the page's edge: its
        // rows one value fewer, placed so where no whole row places them;
        // its last column then no total, which may be cut at the page's
        // edge, but one of the parts, 其他, whose sum down it checks an
        // empty cell there as any other.)
        let found =
            (find(&lengths).map(|f| (f, true))).or_else(|| find(&lost_total).map(|f| (f, false)));
        let Some(((n, columns, placed), total_last)) = found else {
            continue;
        };
        let words = spans(&lines[m]);
        // (Where the column is, the mark's place; whether before a word.)
        let empty: Option<Vec<(usize, bool)>> = (0..n)
            .filter(|c| !placed.contains(c))
            .map(|c| {
                if c + 1 == n && total_last {
                    return None;
                }
                let over: Vec<usize> = (0..words.len())
                    .filter(|&k| within(&words[k], &columns[c]))
                    .collect();
                // 无 printed in the row's first cell, right before its first
                // value: a word of the label by its place in the line (see
                // [`row_cells`]), a value by its column.
                if let [k] = over[..] {
                    let first = words.get(k + 1).is_some_and(|w| w.0 == row[0].0);
                    let wu = zero_word(words[k].2);
                    let own = (0..n).filter(|&d| within(&words[k], &columns[d])).count() == 1;
                    return (first && wu && own).then_some((words[k].0, true));
                }
                let at = clear_in(&words, columns[c]);
                at.filter(|_| over.is_empty()).map(|at| (at, false))
            })
            .collect();
        if let Some(empty) = empty {
            marks.push((m, empty));
        }
    }
    for (m, at) in marks {
        lines[m] = with_marks(&lines[m], at);
    }
    lines
}

/// A row's values as they stood before [`wrapped_numbers`] joined the
/// pieces of its numbers: a joined number where the line sets it (its
/// column, on a line no word of which joining moved) as wide as its widest
/// piece.
fn before_joining<'a>(cells: &[Word<'a>]) -> Vec<Word<'a>> {
    (cells.iter())
        .map(|&(from, to, w)| match w.contains(WRAPPED) {
            true => (
                from,
                from + w
                    .split(WRAPPED)
                    .map(|p| p.chars().count())
                    .max()
                    .unwrap_or(0),
                w,
            ),
            false => (from, to, w),
        })
        .collect()
}

/// Whether word `w` of a line stands within the column `c` spans (its
/// first character's column to past its last's).
fn within(w: &Word, c: &(usize, usize)) -> bool {
    w.0 < c.1 && c.0 < w.1
}

/// Where each of a row's `values` stands among `columns` (apart, left to
/// right): each within exactly one, in order; else none.
fn placed_in(values: &[Word], columns: &[(usize, usize)]) -> Option<Vec<usize>> {
    (values.iter())
        .map(|w| only((0..columns.len()).filter(|&c| within(w, &columns[c]))))
        .collect::<Option<Vec<usize>>>()
        .filter(|p| p.windows(2).all(|p| p[0] < p[1]))
}

/// A character of `column` with spaces either side on the line of `words`
/// (see [`spans`]), for a mark there to be a word of its own.
fn clear_in(words: &[Word], (from, to): (usize, usize)) -> Option<usize> {
    (from..to).find(|&i| !words.iter().any(|w| w.0 <= i + 1 && i < w.1 + 1))
}

/// `line` with [`BLANK_CELL`] put at each of `marks`' characters: before
/// the word there (`true`: a value printed for a 0, see
/// [`blank_cells_marked`]) or in place of a space (past the line's end,
/// spaces added up to it).
fn with_marks(line: &str, mut marks: Vec<(usize, bool)>) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    // (From the right, so that a mark put before a word moves none of
    // the columns left to mark.)
    crate::sort::by_key(&mut marks, |a| std::cmp::Reverse(a.0));
    for (i, before) in marks {
        if before {
            chars.insert(i, BLANK_CELL);
            continue;
        }
        if chars.len() <= i {
            chars.resize(i + 1, ' ');
        }
        chars[i] = BLANK_CELL;
    }
    chars.into_iter().collect()
}

/// A table laid out as one row (表四, see `format::Layout::SingleRow`) in
/// text our reader set out from a PDF's or an OFD file's glyphs, its line
/// of values one or two short of its cells: its empty cells marked by
/// [`BLANK_CELL`] under the header's columns (表四 has no other row whose
/// columns would place them, and its three groups' sums cannot tell which
/// of a group's cells is empty). The header: the words right above the
/// line (up to [`HEADER_LINES`], no line with a number between), each all
/// of the characters of the table's column labels; those one over the
/// other (a glyph set out a column off) make a column, as wide as its
/// characters are on the page (an ideograph two of the text's columns,
/// see `layout::column_unit`); exactly one column a cell, in order, its
/// characters from top to bottom its label ("结" / "果" / "维" / "持"
/// printed a character a line, or "结果维持" on one). Every value of the
/// line within exactly one column's span, in order; each column left
/// without a value no total (a total cut at the page's edge is no empty
/// cell) and clear of the line's words; else nothing is marked. The
/// groups' sums still check the reading (an empty cell counts 0).
fn blank_cells_by_header(mut lines: Vec<String>) -> Vec<String> {
    let format = crate::format::current();
    let blocks = (format.tables.iter())
        .filter(|t| t.layout == crate::format::Layout::SingleRow)
        .flat_map(|t| t.blocks.iter());
    for block in blocks {
        let labels: Vec<&str> = (block.rows.iter())
            .flat_map(|_| block.columns.iter().map(|c| c.label))
            .collect();
        let totals: Vec<bool> = (block.rows.iter())
            .flat_map(|_| block.columns.iter().map(|c| !c.total_of.is_empty()))
            .collect();
        let of_labels = |w: &str| w.chars().all(|c| labels.iter().any(|l| l.contains(c)));
        for m in 0..lines.len() {
            let Some(row) = row_cells(&lines[m]) else {
                continue;
            };
            let short = labels.len().saturating_sub(row.len());
            if !(1..=2).contains(&short) || row.iter().any(|w| w.2.contains(WRAPPED)) {
                continue;
            }
            // The header's words above the line, top to bottom: (where
            // they start and end on the page, their text).
            let above = (m.saturating_sub(HEADER_LINES)..m)
                .rev()
                .take_while(|&l| !spans(&lines[l]).iter().any(|w| value_word(w.2)))
                .collect::<Vec<usize>>();
            // (Each column's span and its label as read.)
            let mut columns: Vec<((usize, usize), String)> = Vec::new();
            for &l in above.iter().rev() {
                for (from, _, text) in spans(&lines[l]).into_iter().filter(|w| of_labels(w.2)) {
                    let to = from + 2 * text.chars().count();
                    match columns.iter_mut().find(|c| from < c.0 .1 && c.0 .0 < to) {
                        Some((span, label)) => {
                            *span = (span.0.min(from), span.1.max(to));
                            label.push_str(text);
                        }
                        None => columns.push(((from, to), text.to_string())),
                    }
                }
            }
            crate::sort::by_key(&mut columns, |c| c.0 .0);
            let (spans_of, named): (Vec<(usize, usize)>, Vec<String>) = columns.into_iter().unzip();
            let apart = spans_of.windows(2).all(|p| p[0].1 <= p[1].0);
            if !(apart && named.iter().map(String::as_str).eq(labels.iter().copied())) {
                continue;
            }
            let Some(placed) = placed_in(&row, &spans_of) else {
                continue;
            };
            let words = spans(&lines[m]);
            let marks: Option<Vec<(usize, bool)>> = (0..spans_of.len())
                .filter(|c| !placed.contains(c))
                .map(|c| {
                    let over = words.iter().any(|w| within(w, &spans_of[c]));
                    let at = (!totals[c] && !over).then(|| clear_in(&words, spans_of[c]));
                    Some((at.flatten()?, false))
                })
                .collect();
            if let Some(marks) = marks {
                lines[m] = with_marks(&lines[m], marks);
            }
        }
    }
    lines
}

/// How many lines above a table's line of values its header may take (see
/// [`blank_cells_by_header`]): 表四's labels printed a character a line,
/// its groups' a line apart (four characters, two lines each, and the
/// groups' names over them).
const HEADER_LINES: usize = 12;

/// A line's words from its first value on, when every one is a row's
/// value: a number (its pieces joined by [`WRAPPED`]), a mark printed for
/// a 0 ("-", "/"), or, after a value, 无 or 空 (before one, a word of a
/// label: "申 请 人 无" letter-spaced); and no value run into the text
/// before them.
fn row_cells(line: &str) -> Option<Vec<Word<'_>>> {
    let value = |w: &str| value_word(w) || zero_sign(w);
    let words = spans(line);
    let first = words.iter().position(|w| value(w.2))?;
    let (label, cells) = words.split_at(first);
    // (A value run into its label's text, "（一）予以公开194", stands left
    // of the columns: the row's values are not all in theirs.)
    let glued = label
        .iter()
        .any(|w| w.2.ends_with(|c: char| c.is_ascii_digit()));
    let all = cells.iter().all(|w| value(w.2) || zero_word(w.2));
    (all && !glued).then(|| cells.to_vec())
}

/// Whether numbers `above` and `below` a row's line that has none of its
/// own (each a line of numbers alone, as many) are the pieces of its
/// numbers, every one wrapped: each above two digits or more and not
/// starting with 0 (a number that filled its cell; a cell one digit wide,
/// which Chromium's print of a narrow table may have, is left unread), each
/// below no longer, starting under it (pdftotext places pieces roughly: up
/// to a column before it), not under the one before.
fn bare_row_pieces(above: &[Word], below: &[Word]) -> bool {
    above.len() == below.len()
        && above.iter().zip(below).enumerate().all(|(k, (a, b))| {
            a.2.len() >= 2
                && !a.2.starts_with('0')
                && b.2.len() <= a.2.len()
                && b.0 + 2 > a.0
                && b.0 < a.1
                && (k == 0 || above[k - 1].1 <= b.0)
        })
}

/// What joins the pieces of a number that its cell wrapped (see
/// [`wrapped_numbers`]). U+2060 WORD JOINER, which [`chars`] drops from
/// the input, so it is never the text's own.
pub(super) const WRAPPED: char = '\u{2060}';

/// Marks an empty cell of a table's row (see [`blank_cells_marked`]), a
/// word of its own; or, before 无 or 空, the word as a row's value printed
/// for a 0 (see `tables::stream::words`). U+2063 INVISIBLE SEPARATOR,
/// which [`chars`] drops from the input, so it is never the text's own.
pub(super) const BLANK_CELL: char = '\u{2063}';

/// Starts each cell's text in a table's row set among the table's words
/// (see `Outline::texts_and_tables`), for the words to keep the pipe
/// column each came from (see `tables::stream::words`). U+2061 FUNCTION
/// APPLICATION, which [`chars`] drops from the input, so it is never the
/// text's own.
pub(super) const CELL_EDGE: char = '\u{2061}';

/// Starts the first row of a table set among the table's words (see
/// [`CELL_EDGE`]): rows of two tables are not in one another's columns.
/// U+2062 INVISIBLE TIMES, which [`chars`] drops from the input.
pub(super) const TABLE_START: char = '\u{2062}';

/// Whether `w` is 无 or 空, which a cell may print for a 0 but which are
/// also words of labels ("申 请 人 无" printed letter-spaced): a value only
/// where its place shows it.
pub(super) fn zero_word(w: &str) -> bool {
    matches!(w.trim_matches(is_space), "无" | "空")
}

/// Whether `w` is a mark printed for a 0 that is no word
/// ([`crate::rules::cells::blank_mark`]'s "—", "/"; not [`zero_word`]'s,
/// nor a backslash, a Markdown line break's).
pub(super) fn zero_sign(w: &str) -> bool {
    crate::rules::cells::blank_mark(w) && !zero_word(w) && w.trim_matches(is_space) != "\\"
}

/// Whether `w` is a number as a row's value is: digits, a decimal point,
/// its pieces joined by [`WRAPPED`].
fn value_word(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == WRAPPED)
}

/// Whether `w` is a number as a cell's piece is: digits only.
fn number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// The column the first number among a line's `words` starts at (0 when
/// none).
fn first_number(words: &[Word]) -> usize {
    words.iter().find(|w| number(w.2)).map_or(0, |w| w.0)
}

/// Whether every word of a line's `words` but its numbers ends by column
/// `at`: text only left of a row's values (its label, or the label's rest).
fn text_left_of(words: &[Word], at: usize) -> bool {
    words.iter().all(|w| number(w.2) || w.1 <= at)
}

/// Whether a word starts with a row label's ordinal: a numeral (一 to
/// 十, or digits) and 、 or a full stop, or one in brackets ("四、结转…",
/// "2．没有现成信", "（七）总计"); a label's rest never does.
fn starts_numbered(word: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = word.trim_start_matches(['（', '(']);
    let after = rest.trim_start_matches(numeral);
    let bracketed = rest.len() < word.len();
    after.len() < rest.len()
        && match bracketed {
            true => after.starts_with(['）', ')']),
            false => after.starts_with(['、', '．', '.']),
        }
}

/// The words of a line with the columns they span (in characters, as
/// `pdftotext -layout` sets out its lines): (start, end, word).
fn spans(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (column, byte)
    for (column, (byte, c)) in line.char_indices().enumerate() {
        match (start, is_space(c)) {
            (None, false) => start = Some((column, byte)),
            (Some((from, at)), true) => {
                out.push((from, column, &line[at..byte]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((from, at)) = start {
        out.push((from, line.chars().count(), &line[at..]));
    }
    out
}

/// How many pieces a line of `pdftotext -layout` text has, set apart by
/// two or more spaces (a table row's columns).
fn columns(line: &str) -> usize {
    line.split("  ")
        .filter(|p| !p.trim_matches(is_space).is_empty())
        .count()
}

/// A Markdown line as text: no `#` heading marks, no `**`/`__` emphasis, no
/// `>` quote mark, no backslash escapes (`1\.` is `1.`), no inline HTML
/// of emphasis (see [`without_inline_tags`]). Pipe tables are kept (see
/// `blocks::text_blocks`).
fn markdown_line(line: &str) -> String {
    let line = without_inline_tags(line);
    let t = line.trim_start_matches(is_space);
    // A row of cells keeps the tabs of its first empty cells (a copy of a
    // table whose empty cells hold its rows' places, as its page does).
    let t = match t.contains('\t') {
        true => line.trim_start_matches(|c| c != '\t' && is_space(c)),
        false => t,
    };
    let t = match t.trim_start_matches('#') {
        rest if rest.len() < t.len() && rest.starts_with(' ') => rest.trim_start_matches(is_space),
        _ => t,
    };
    let t = t.strip_prefix("> ").unwrap_or(t);
    if !(t.contains("**") || t.contains("__") || t.contains('\\')) {
        return t.to_string();
    }
    let t = t.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() && next != '|' => {}
            _ => out.push(c),
        }
    }
    out
}

/// `line` without the inline HTML that Markdown converters write for what
/// Markdown cannot say (markitdown: "<u>5.要求行政机关确认…</u>" for an
/// underlined label): emphasis tags go, a line break inside a table cell
/// (`<br>`) becomes a space, so that two numbers it parts stay two ("0 75",
/// never "075"). Other markup is left as it is.
fn without_inline_tags(line: &str) -> std::borrow::Cow<'_, str> {
    const EMPHASIS: [&str; 9] = ["u", "ins", "b", "strong", "i", "em", "s", "del", "mark"];
    if !line.contains('<') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let end = tag.find('>').filter(|&e| e <= 8);
        let name = end.map(|e| {
            tag[1..e]
                .trim_start_matches('/')
                .trim_end_matches('/')
                .trim()
                .to_ascii_lowercase()
        });
        match (end, name.as_deref()) {
            (Some(e), Some("br")) => {
                out.push(' ');
                rest = &tag[e + 1..];
            }
            (Some(e), Some(n)) if EMPHASIS.contains(&n) => rest = &tag[e + 1..],
            _ => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// How a text without a grid gives a table's words (see
/// `tables::stream::read_stream`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// A page's lines in reading order, its columns not kept: a PDF
    /// viewer's copy, cells one a line, pdftotext -raw.
    Lines,
    /// A page's lines with its columns aligned by runs of spaces
    /// (pdftotext -layout, an OFD file set out): a row's values stand on
    /// its line, right of its label.
    Aligned,
    /// Blocks of a layout analysis in its own order (plain pdftotext): not
    /// the rows' order.
    Blocks,
    /// A browser's copy of a web page whose table cells hold paragraphs
    /// (Word's HTML): each cell on lines of its own, a line of a tab alone
    /// between two cells of a row; the cells in the table's order, as the
    /// page has them.
    Cells,
}

impl Order {
    /// Whether the text has a table's cells in the table's order, as the
    /// page shows them ([`Order::Cells`]): a row whose total is not its sum
    /// is then the report's 勾稽 error, read as printed (as from the page
    /// itself) for the checks to name, not a sign of numbers out of order.
    pub(super) fn as_printed(self) -> bool {
        self == Order::Cells
    }
}

/// How `text` orders a table's words. Plain `pdftotext` extracts a PDF
/// block by block: page ends marked with form feeds, words one space apart,
/// each block ended by a blank line; it cuts a page into blocks by its own
/// layout analysis (each table cell one) and orders them by it, not by the
/// table's rows. `pdftotext -layout` keeps the page's lines and aligns
/// columns with runs of spaces; `-raw` keeps the drawing order, without
/// blank lines; a PDF viewer's copy has no form feeds. A text of cells a
/// line (PyMuPDF's, a viewer's copy) with a few lines of two cells a gap
/// apart ("68006   5": a narrow table's cells side by side) is not aligned:
/// its numbers alone on their lines outnumber them, where aligned text has
/// few (a number wrapped, a page's number). A browser's copy of a page
/// whose cells hold paragraphs has a line of a tab alone between two cells
/// of a row ([`Order::Cells`]), which no other text tried has.
pub(super) fn order(text: &str) -> Order {
    let (mut lines, mut blank, mut aligned, mut alone, mut tabs) = (0, 0, 0, 0, 0);
    for line in text.lines() {
        let t = line.trim_matches(is_space);
        lines += 1;
        tabs += usize::from(t.is_empty() && line.contains('\t'));
        blank += usize::from(t.is_empty());
        aligned += usize::from(t.contains("   ") && !contents_entry(t));
        alone += usize::from(!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    }
    if tabs >= CELL_PARAGRAPHS {
        Order::Cells
    } else if text.contains('\u{c}') && aligned < 5 && blank * 5 >= lines {
        Order::Blocks
    } else if aligned >= 5 && aligned > alone {
        Order::Aligned
    } else {
        Order::Lines
    }
}

/// How many lines of a tab alone make a text [`Order::Cells`]: a table's
/// worth (a browser's copy of one has a line a cell), not a stray tab. No
/// PDF viewer's or converter's text tried has any.
const CELL_PARAGRAPHS: usize = 10;

/// Width of a line in half-width units (an ideograph counts 2).
fn width(line: &str) -> usize {
    line.chars()
        .filter(|c| !is_space(*c))
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

/// Lines that end a sentence or a clause a line may end with.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(is_space)
        .chars()
        .last()
        .is_none_or(|c| "。！？；：…”’」』）)!?;:".contains(c))
}

/// A line that holds table cells or values: tabs, pipes, or two or more
/// numbers with little text (a sentence with a few figures is not one).
fn table_like(line: &str) -> bool {
    if line.contains('\t') || line.contains('|') {
        return true;
    }
    // (A number's pieces joined by [`wrapped_numbers`] are one number.)
    let numbers = line
        .split(is_space)
        .filter(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == WRAPPED)
        })
        .count();
    let ideographs = line
        .chars()
        .filter(|&c| !c.is_ascii() && !is_space(c) && c != WRAPPED && c != BLANK_CELL)
        .count();
    numbers >= 2 && numbers * 4 >= ideographs
}

/// An entry of a table of contents: text, then leader dots or a gap of
/// spaces, then a page number ("四、政府信息公开行政复议、行政诉讼情况 ..........
/// 4", "一、总体情况        1"). As wide as the text's lines, it is still a
/// line of its own, not a sentence wrapped; its gap is not a table's
/// columns (see [`order`]).
fn contents_entry(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    let before = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let leaders = before.trim_end_matches(is_space);
    let text = leaders.trim_end_matches(|c: char| ".…⋯·．".contains(c));
    let dotted = leaders[text.len()..].chars().count() >= 3;
    // A gap of spaces after a heading's text: not after a number, not
    // after other gaps (a row of a table set out in columns).
    let spaced = text.len() == leaders.len()
        && before[leaders.len()..].chars().count() >= 2
        && !text.ends_with(|c: char| c.is_ascii_digit())
        && !text.contains("  ")
        && !text.is_ascii();
    (1..=3).contains(&(line.len() - before.len())) && (dotted || spaced)
}

/// Joins lines a PDF broke inside a sentence, a name or a heading. The text
/// is taken as hard-wrapped only when many lines share one full width and
/// most of them end mid-sentence (paragraphs copied from a web page end in
/// 。); then a full-width line not ending a sentence continues on the next.
/// A title split before 度报告 is joined too. A line `set_back` from a
/// converter's table row (see [`prose_rows`]) is full at half the width:
/// its gaps, which the converter took for cells' edges, count for nothing.
fn join_wrapped(lines: Vec<String>, set_back: &[bool]) -> Vec<String> {
    let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    let mut sorted: Vec<usize> = widths.iter().copied().filter(|&w| w >= 30).collect();
    crate::sort::by_key(&mut sorted, |w| *w);
    let full = sorted.get(sorted.len() * 9 / 10).copied().unwrap_or(0);
    let is_full = |i: usize| {
        let from_row = set_back.get(i).copied().unwrap_or(false);
        full > 0
            && (widths[i] + 8 >= full || (from_row && widths[i] * 2 >= full))
            && widths[i] <= full + 4
            && !table_like(&lines[i])
            && !contents_entry(&lines[i])
    };
    let full_lines: Vec<usize> = (0..lines.len()).filter(|&i| is_full(i)).collect();
    let open = full_lines
        .iter()
        .filter(|&&i| !ends_sentence(&lines[i]))
        .count();
    let wrapped = full_lines.len() >= 8 && open * 2 >= full_lines.len();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut joining = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_matches(is_space);
        let title_tail = out.last().is_some_and(|prev: &String| {
            prev.contains("政府信息公开")
                && !prev.contains("年度报告")
                && prev.chars().count() < 60
                && format!("{prev}{trimmed}").contains("年度报告")
                && trimmed.chars().count() <= 6
        });
        // A blank line inside a broken sentence: a page break.
        if joining && trimmed.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if (joining && !table_like(trimmed)) || title_tail => {
                let ascii_seam = prev.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && trimmed.starts_with(|c: char| c.is_ascii_alphanumeric());
                if ascii_seam {
                    prev.push(' ');
                }
                prev.push_str(trimmed);
            }
            _ => out.push(if wrapped { trimmed } else { line }.to_string()),
        }
        // A colon that introduces a number on the next line ("…电话/传真：" /
        // "0591-23165370。") does not end the line's sentence; one that
        // introduces a list does ("…如下：" / "1.加强…").
        let colon_then_number = trimmed.ends_with(['：', ':'])
            && lines.get(i + 1).is_some_and(|next| {
                let next = next.trim_matches(is_space);
                let rest = next.trim_start_matches(|c: char| c.is_ascii_digit());
                rest.len() < next.len() && !rest.starts_with(['.', '、', '．', ')', '）', '，'])
            });
        joining = wrapped
            && is_full(i)
            && (!ends_sentence(trimmed) || colon_then_number)
            && !section_heading(trimmed);
    }
    out
}

/// Whether `line` is a section heading of the format, numbered in any way
/// ("（三）政府信息公开行政复议、行政诉讼情况" for 四, its number one off): it
/// ends its line, though as wide as the page's lines (a narrow page), and
/// the table's caption under it is not its rest.
fn section_heading(line: &str) -> bool {
    let words = |s: &str| {
        let s = super::norm(s);
        let numbering = |c: char| "()、.一二三四五六七八九十".contains(c) || c.is_ascii_digit();
        s.trim_start_matches(numbering).to_string()
    };
    let this = words(line);
    !this.is_empty()
        && crate::format::current()
            .sections
            .iter()
            .any(|s| words(s.heading) == this)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_entries_are_told_by_their_leaders_and_page_number() {
        for entry in [
            "四、政府信息公开行政复议、行政诉讼情况 .......... 4",
            "  一、总体情况……………1",
            "（一）主动公开方面 ··· 12",
            // A gap of spaces (NBSPs as a page's contents may have them).
            "一、总体情况        1",
            "\u{3000}\u{3000}（一）主动公开方面\u{a0}\u{a0}\u{a0}1",
        ] {
            assert!(contents_entry(entry), "{entry}");
        }
        for line in [
            "全区共主动公开政府信息 14571 条。一是做好规范性文件公开",
            "截至 2022 年底共 3",
            "一、总体情况 .. 1",
            "......",
            "见附表…… 1234",
            // Rows of a table set out by pdftotext -layout.
            "行政许可                     2293",
            "0        0        5",
            "规章       0       0       3",
            "1.本机关不掌握相关政府信息     0     0    12",
            "一、总体情况 1",
        ] {
            assert!(!contents_entry(line), "{line}");
        }
    }

    #[test]
    fn characters_are_made_plain() {
        assert_eq!(chars("⼀、总体情况"), "一、总体情况");
        assert_eq!(chars("⼈⺠政府 ⻔户⽹站"), "人民政府 门户网站");
        assert_eq!(chars("\u{F900}\u{FA0C}"), "\u{8C48}\u{5140}");
        assert_eq!(
            chars("１２\u{3000}件\u{00A0}公\u{00AD}开\u{200B}"),
            "12 件 公开"
        );
        for c in ['\u{2F00}', '\u{2FD5}', '\u{F900}', '\u{FAD9}'] {
            assert_ne!(chars(&c.to_string()), c.to_string(), "{c:?}");
        }
        // The marks the importer sets in text are never the input's own.
        for c in [WRAPPED, BLANK_CELL, CELL_EDGE, TABLE_START] {
            assert_eq!(chars(&format!("1{c}2")), "12", "{c:?}");
        }
    }

    #[test]
    fn how_a_text_orders_its_words_is_told_by_form_feeds_and_aligned_columns() {
        let plain = "一、总体情况\n\n正文。\n\n行政许可\n\n2293\n\u{c}第二页\n";
        assert_eq!(order(plain), Order::Blocks);
        // A PDF viewer's copy: no form feeds.
        assert_eq!(order(&plain.replace('\u{c}', "")), Order::Lines);
        // pdftotext -layout: columns aligned with runs of spaces.
        let layout = plain.replace("行政许可\n\n2293", &"行政许可        2293\n".repeat(5));
        assert_eq!(order(&layout), Order::Aligned);
        // pdftotext -raw: no blank lines.
        assert_eq!(order(&plain.replace("\n\n", "\n")), Order::Lines);
        // A table of contents whose page numbers stand after a gap of
        // spaces has no columns (a PDF's text in lines, PyMuPDF's).
        let contents = "目 录\n".to_string()
            + &"一、总体情况        1\n（一）主动公开方面        1\n".repeat(5);
        let lines = plain.replace('\u{c}', "").replace("\n\n", "\n");
        assert_eq!(order(&(contents.clone() + &lines)), Order::Lines);
        assert_eq!(order(&(contents + &layout)), Order::Aligned);
        // Cells a line, a few side by side a gap apart: not aligned.
        let cells =
            "行政许可\n2293\n行政处罚\n1282\n行政强制\n42\n".repeat(2) + &"68006   5\n".repeat(5);
        assert_eq!(order(&cells), Order::Lines);
        assert_eq!(
            order(&(cells.clone() + &"1   2\n".repeat(2))),
            Order::Aligned
        );
        // A browser's copy of cells that hold paragraphs: a line of a tab
        // alone between a row's cells, a table's worth of them.
        let row = "行政许可\t\n\n2293\n\n\t\n\n7\n\n";
        assert_eq!(order(&row.repeat(CELL_PARAGRAPHS)), Order::Cells);
        assert_eq!(order(&row.repeat(CELL_PARAGRAPHS - 1)), Order::Lines);
        assert_eq!(order(&(cells + &row.repeat(CELL_PARAGRAPHS))), Order::Cells);
    }

    #[test]
    fn page_numbers_and_running_headers_go() {
        let text = "某某局2023年年报\n一、总体情况\n正文\n— 1 —\n\u{C}某某局2023年年报\n规章\n5\n\n2\n\u{C}某某局2023年年报\n3\n7\n3\n";
        let lines = without_furniture(text);
        let kept: Vec<&str> = lines
            .iter()
            .map(String::as_str)
            .filter(|l| !l.is_empty())
            .collect();
        // "5" and the first "3" are values, the last lines of pages 2 and 3 their numbers.
        assert_eq!(kept, ["一、总体情况", "正文", "规章", "5", "3", "7"]);
        // Without form feeds only unmistakable page numbers go.
        assert_eq!(without_furniture("1\n2\n- 3 -\n第 4 页\n"), ["1", "2"]);
        // A page number between dashes broken over two lines goes where it
        // follows the one before or comes before the one after (Chromium's
        // copy, hunt 1189000: "6 44 57" / "—" / "3 —" / "请"); not one out of
        // their order, nor without them: "—" a cell, "3 —" two.
        let split = |n: u32, next: u32| {
            let text = format!("— 2 —\n0 1 6\n—\n{n} —\n请\n— {next} —\n");
            without_furniture(&text)
        };
        assert_eq!(split(3, 4), ["0 1 6", "请"]);
        assert_eq!(split(3, 9), ["0 1 6", "请"]);
        assert_eq!(split(5, 4), ["0 1 6", "—", "5 —", "请"]);
        assert_eq!(
            split(3, 4)[..],
            without_furniture("— 2 —\n0 1 6\n— 3 —\n请\n— 4 —\n")[..]
        );
        assert_eq!(
            without_furniture("0 1 6\n—\n3 —\n请\n"),
            ["0 1 6", "—", "3 —", "请"]
        );
        // Bare numbers between lines of prose that count up pages go, and
        // the ones between them that every way to place them puts on one
        // line; not when they are fewer than a page apart, or do not count
        // up, or stand alone (a stray "2", and the piece "1" of a wrapped
        // number on a line of its own before it).
        let prose = "本机关认真贯彻落实政府信息公开条例的各项要求和规定";
        let page = |n: usize, last: &str| {
            let mut lines = vec![prose; PAGE_LINES];
            lines.push(last);
            format!("{}\n{n}\n", lines.join("\n"))
        };
        let text = [
            page(1, prose),
            page(2, "0 0 0"),
            page(3, prose),
            page(4, prose),
        ]
        .concat();
        assert!(without_furniture(&text)
            .iter()
            .all(|l| l.parse::<u32>().is_err()));
        let rows = ["行政许可 0"; PAGE_LINES].join("\n");
        let alone = format!(
            "{rows}\n1\n{}\n2\n{prose}\n",
            [prose; PAGE_LINES].join("\n")
        );
        assert_eq!(without_furniture(&alone).len(), 2 * PAGE_LINES + 3);
        let short = format!("{prose}\n1\n{prose}\n2\n{prose}\n");
        assert_eq!(without_furniture(&short).len(), 5);
        let down = [page(2, prose), page(1, prose)].concat();
        assert_eq!(without_furniture(&down).len(), 2 * PAGE_LINES + 4);
        // A page whose number two lines could hold: both stay.
        let twice = [page(1, prose), page(2, "2"), page(3, prose)].concat();
        let kept = without_furniture(&twice);
        assert_eq!(kept.iter().filter(|l| *l == "2").count(), 2);
        assert!(!kept.iter().any(|l| l == "1" || l == "3"));
        // The text's last line after a line of words ("无"), the pages
        // before it placed: it goes too; so in a short report whose pages
        // all end in its tables, three pages or more.
        let last_page = "六、其他需要报告的事项\n无\n3\n";
        let last = [page(1, prose), page(2, "0 0 0"), last_page.to_string()].concat();
        assert!(without_furniture(&last)
            .iter()
            .all(|l| l.parse::<u32>().is_err()));
        let row = "行政许可 0";
        let table = |n: usize, last: &str| page(n, last).replace(prose, row);
        let tables = [table(1, row), table(2, row), table(3, "无")].concat();
        assert!(without_furniture(&tables)
            .iter()
            .all(|l| l.parse::<u32>().is_err()));
        // Page 2's number on either of two lines: they stay, the pages
        // every way places go (after a page's number between lines of
        // prose, or before the last line's alone).
        let second = format!("{}\n{}\n2\n2\n", [prose; 5].join("\n"), [row; 5].join("\n"));
        let either = [
            page(1, prose),
            second,
            table(3, row),
            last_page.replace('3', "4"),
        ]
        .concat();
        let kept = without_furniture(&either);
        assert_eq!(kept.iter().filter(|l| *l == "2").count(), 2);
        assert!(!kept.iter().any(|l| ["1", "3", "4"].contains(&l.as_str())));
        let alone = without_furniture(&[table(1, "1"), table(2, row), table(3, "无")].concat());
        assert_eq!(alone.iter().filter(|l| *l == "1").count(), 2);
        assert!(!alone.iter().any(|l| l == "2" || l == "3"));
        let two = [table(1, row), table(2, "无")].concat();
        assert_eq!(without_furniture(&two).len(), 2 * PAGE_LINES + 4);
        // A dash on one side only: two cells, a 0 printed as a dash.
        assert_eq!(without_furniture("－ 362\n362 —\n"), ["－ 362", "362 —"]);
        // "n/total" goes; a row's cells with a slash printed for a 0, or
        // digits apart, stay.
        assert_eq!(without_furniture("3/12\n3 / 12\n"), Vec::<String>::new());
        let cells = "0 0 0 / 0 0 0\n1 / 0\n0/0\n5/3\n";
        assert_eq!(
            without_furniture(cells),
            ["0 0 0 / 0 0 0", "1 / 0", "0/0", "5/3"]
        );
        let pages = "甲\n1 0\n\u{C}乙\n1 1\n\u{C}丙\n1 2\n";
        assert_eq!(without_furniture(pages).len(), 6);
        // Numbers at the edges of two pages of six, counting up as pages
        // do, are no page numbers: a page's number is on nearly every page
        // (a wrapped number's piece at a page's top and a stray number).
        let few = "甲\n1\n\u{C}乙\n\u{C}丙\n\u{C}丁\n4\n\u{C}戊\n\u{C}己\n";
        assert_eq!(without_furniture(few).len(), 8);
        // A page's top line a number that is the page's by chance (a
        // wrapped number's piece, "77" / "7" on page 7 then "8" on page 8),
        // the pages' numbers at their feet: it stays, the feet's go.
        let piece = "甲\n1\n\u{C}乙 77\n2\n\u{C}3\n丙\n3\n\u{C}丁\n4\n";
        assert_eq!(without_furniture(piece), ["甲", "乙 77", "3", "丙", "丁"]);
        // Numbers at the tops of pages, so agreeing: they go.
        let tops = "1\n甲\n\u{C}2\n乙\n\u{C}3\n丙\n";
        assert_eq!(without_furniture(tops), ["甲", "乙", "丙"]);
        // A row's values at the top of two pages are no running header.
        let tops = "0 0 0 0 0 0 0\n甲\n\u{C}0 0 0 0 0 0 0\n乙\n\u{C}丙\n";
        assert_eq!(without_furniture(tops).len(), 5);
    }

    #[test]
    fn a_second_number_in_a_copied_cell_is_joined_as_its_piece() {
        let lines = |t: &str| t.split('|').map(str::to_string).collect::<Vec<_>>();
        // "2" and "10" in one cell, a tab's line after: one number's pieces.
        let got = empty_cells_between_tabs(lines("标签\t||\t||2||10||\t||3"));
        assert!(got.contains(&format!("2{WRAPPED}10")), "{got:?}");
        assert!(!got.iter().any(|l| l == "10"), "{got:?}");
        // A row's last cell, text next; a number after a label's cell: kept.
        for text in ["标签\t||\t||2||10||正文", "标签\t||2||\t||10"] {
            let got = empty_cells_between_tabs(lines(text));
            assert!(got.iter().any(|l| l == "10"), "{got:?}");
            assert!(!got.iter().any(|l| l.contains(WRAPPED)), "{got:?}");
        }
    }

    #[test]
    fn a_table_heading_repeated_at_a_page_top_goes() {
        let heading = "        申请人情况\n  自然人   商业企业   总计\n";
        let text = format!(
            "表三\n{heading}一、本年新收  1  2  3\n（二）部分公开  4  5  9\n\u{C}{heading}（区分处理的）\n\u{C}  自然人   商业企业   总计\n正文\n"
        );
        let kept: Vec<String> = without_furniture(&text)
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        // Repeated at the second page's top: gone; the first heading, and a
        // single heading line repeated (not a heading row for certain), kept.
        assert_eq!(
            kept,
            [
                "表三",
                "申请人情况",
                "自然人 商业企业 总计",
                "一、本年新收 1 2 3",
                "（二）部分公开 4 5 9",
                "（区分处理的）",
                "自然人 商业企业 总计",
                "正文",
            ]
        );
        // Lines with digits are never taken for a heading.
        let rows = "  一  1   2   3\n  二  4   5   9\n";
        let text = format!("表三\n{rows}\u{C}{rows}正文\n");
        assert_eq!(without_furniture(&text).len(), 6);
        // Prose repeated at a page top (no columns) stays.
        let prose = "第一句话没有数字\n第二句话也没有\n";
        let text = format!("开头\n{prose}\u{C}{prose}结尾\n");
        assert_eq!(without_furniture(&text).len(), 6);
    }

    /// [`wrapped_numbers`] of `lines`, each line's words with one space
    /// between.
    fn join(lines: &[&str]) -> Vec<String> {
        wrapped_numbers(lines.iter().map(|l| l.to_string()).collect())
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// `s` with [`WRAPPED`] for each "~".
    fn w(s: &str) -> String {
        s.replace('~', &WRAPPED.to_string())
    }

    /// [`blank_cells_marked`] of `lines`: each line's words, "_" for a
    /// mark.
    fn marked(lines: &[String]) -> Vec<String> {
        blank_cells_marked(lines.to_vec(), &[])
            .iter()
            .map(|l| l.replace(BLANK_CELL, "_"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// A line with each word from its column on (characters, as our
    /// reader sets out a page; see [`set_out`]).
    fn at_columns(words: &[(usize, &str)]) -> String {
        set_out(words.iter().map(|&(at, w)| (at, w.to_string())).collect()).0
    }

    /// A table's row as our reader sets it out: its label at its column,
    /// each value at its own (an empty one left out).
    fn row_at(columns: &[usize], label: (usize, &str), values: &[&str]) -> String {
        let mut words = vec![label];
        words.extend(
            (columns.iter().copied())
                .zip(values.iter().copied())
                .filter(|(_, v)| !v.is_empty()),
        );
        at_columns(&words)
    }

    #[test]
    fn an_empty_cell_of_table_4_is_marked_under_its_header_column() {
        // A line with each word exactly at its column (at least a space
        // apart).
        let line = |words: &[(usize, String)]| {
            let mut line = String::new();
            for (at, word) in words {
                let pad = at
                    .saturating_sub(line.chars().count())
                    .max(usize::from(!line.is_empty()));
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(word);
            }
            line
        };
        // As our reader set out a PDF's 表四 (hunt 1215000): 尚未审结 of
        // 未经复议直接起诉 empty; the labels a character a line, the first
        // group's a line above the others'.
        let at = [9, 12, 16, 20, 25, 30, 34, 37, 41, 44, 49, 53, 56, 60, 64];
        let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let mut head = vec!["行政复议                行政诉讼".to_string()];
        for k in 0..4 {
            for first in [true, false] {
                let words: Vec<(usize, String)> = (0..15)
                    .filter(|&c| (c < 5) == first)
                    .filter_map(|c| Some((at[c], labels[c % 5].chars().nth(k)?.to_string())))
                    .collect();
                head.push(line(&words));
            }
        }
        let values = |columns: &[usize], values: [&str; 15]| {
            let words: Vec<(usize, String)> = (columns.iter().copied())
                .zip(values)
                .filter(|(_, v)| !v.is_empty())
                .map(|(c, v)| (c, v.to_string()))
                .collect();
            line(&words)
        };
        let row = [
            "0", "0", "5", "2206", "2211", "741", "0", "153", "", "894", "0", "0", "4", "0", "0",
        ];
        let marked = |head: &[String], values: String| {
            let mut lines = head.to_vec();
            lines.push(values);
            let out = blank_cells_by_header(lines);
            let last = out.last().unwrap().replace(BLANK_CELL, "_");
            last.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let unmarked = |head: &[String], values: String| {
            let want = values.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(marked(head, values), want);
        };
        assert_eq!(
            marked(&head, values(&at, row)),
            "0 0 5 2206 2211 741 0 153 _ 894 0 0 4 0 0"
        );
        // Two empty: both.
        let mut two = row;
        two[1] = "";
        assert_eq!(
            marked(&head, values(&at, two)),
            "0 _ 5 2206 2211 741 0 153 _ 894 0 0 4 0 0"
        );
        // Labels on one line, a cell ten columns wide.
        let wide: Vec<usize> = (0..15).map(|c| 10 * c).collect();
        let wide_head: Vec<(usize, String)> = (0..15)
            .map(|c| (wide[c], labels[c % 5].to_string()))
            .collect();
        assert_eq!(
            marked(&[line(&wide_head)], values(&wide, row)),
            "0 0 5 2206 2211 741 0 153 _ 894 0 0 4 0 0"
        );
        // A total empty (it may be cut at the page's edge): none.
        let mut total = row;
        total[14] = "";
        unmarked(&head, values(&at, total));
        // A value over two columns (its place not certain): none.
        let mut long = row;
        long[7] = "15380";
        unmarked(&head, values(&at, long));
        // A column missing from the header, a label otherwise, a line with
        // a number between: none.
        unmarked(&head[..head.len() - 1], values(&at, row));
        let mut other = head.clone();
        other[1] = other[1].replacen('结', "审", 1);
        unmarked(&other, values(&at, row));
        let mut between = head.clone();
        between.insert(3, "12".to_string());
        unmarked(&between, values(&at, row));
        // As many values as cells: nothing to mark.
        let mut full = row;
        full[8] = "0";
        unmarked(&head, values(&at, full));
    }

    #[test]
    fn a_mark_drawn_under_its_rows_line_is_moved_up_into_its_place() {
        // As our reader set out hunt 1226004's PDF: 2.申请人逾期未按…
        // "989 3 0 _ 0 0 992", its 社会公益组织 printed "–" a line lower.
        let columns = [20, 26, 33, 39, 45, 52, 60];
        let row = |label: &str, values: [&str; 7]| row_at(&columns, (11, label), &values);
        let other = ["0", "22415", "0", "0", "2", "0", "22417"];
        let lines = |mark: String| {
            vec![
                row("正当", ["0", "0", "0", "0", "6", "0", "6"]),
                row("理", ["989", "3", "0", "", "0", "0", "992"]),
                mark,
                row("3.其他", other),
            ]
        };
        let moved = |lines: Vec<String>| -> Vec<String> {
            (marks_moved_up(lines).iter())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        };
        let got = moved(lines(at_columns(&[(39, "–")])));
        assert_eq!(got[1..3], ["理 989 3 0 – 0 0 992", ""]);
        // Over a value of the row, in a gap no row near has a value in
        // (at 37), a number, two marks: left.
        for mark in [
            at_columns(&[(33, "–")]),
            at_columns(&[(37, "–")]),
            at_columns(&[(39, "7")]),
            at_columns(&[(39, "–"), (45, "–")]),
        ] {
            let before = lines(mark);
            let want: Vec<String> = (before.iter())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            assert_eq!(moved(before), want);
        }
    }

    #[test]
    fn an_empty_cell_is_marked_in_a_row_with_a_number_joined_from_its_pieces() {
        // As our reader set out hunt 1225007's PDF: （一）予以公开's 35600
        // wrapped round its line ("3560" / "0"), 科研机构's "–" lost.
        let columns = [28, 35, 40, 45, 51, 56, 60];
        let row = |label: &str, values: [&str; 7]| row_at(&columns, (18, label), &values);
        let lines = |top: &str, bottom: &str| {
            vec![
                row("开申请数量", ["205", "229", "0", "0", "0", "6", "440"]),
                at_columns(&[(27, top)]),
                row("（一）予以公开", ["", "0", "", "974", "4", "0", "36578"]),
                at_columns(&[(28, bottom)]),
                row("二．部分公开", ["963", "0", "0", "8", "2", "804", "1777"]),
            ]
        };
        // Pieces joined, then the empty cells marked, as the import does.
        let read = |lines: Vec<String>| -> String {
            let (lines, moved) = numbers_joined(lines);
            blank_cells_marked(lines, &moved)[2]
                .replace(BLANK_CELL, "_")
                .replace(WRAPPED, "~")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            read(lines("3560", "0")),
            "（一）予以公开 3560~0 0 _ 974 4 0 36578"
        );
        // The joined number wider than its gap: the value after it moved
        // right, every column after it uncertain; nothing marked.
        assert_eq!(
            read(lines("35600", "1")),
            "（一）予以公开 35600~1 0 974 4 0 36578"
        );
    }

    #[test]
    fn an_empty_last_cell_is_marked_where_the_total_column_was_lost() {
        // As our reader set out hunt 1207001's PDF, 表三 wider than the
        // page, its total column lost whole: rows of six values, 其他 the
        // last; 3.危及“三安全一稳定”'s empty.
        let columns = [35, 45, 53, 62, 71, 82, 92];
        let row = |values: &[&str]| row_at(&columns, (23, "秘密"), values);
        let around = |middle: String, n: usize| {
            let full: [&str; 7] = ["107", "598", "108", "93243", "0", "0", "94056"];
            let other: [&str; 7] = ["6", "592", "0", "6", "0", "0", "604"];
            vec![row(&full[..n]), middle, row(&other[..n])]
        };
        let lost = row(&["1", "0", "63635", "7", "2"]);
        assert_eq!(marked(&around(lost.clone(), 6))[1], "秘密 1 0 63635 7 2 _");
        // The rows around with their totals: the last column is the
        // total's, which may be cut at the page's edge, never marked.
        let cut = row(&["1", "0", "63635", "7", "2", "0"]);
        assert_eq!(marked(&around(cut, 7))[1], "秘密 1 0 63635 7 2 0");
        let short = row(&["1", "0", "63635", "7", "2", "", "63645"]);
        assert_eq!(marked(&around(short, 7))[1], "秘密 1 0 63635 7 2 _ 63645");
    }

    #[test]
    fn an_empty_cell_is_marked_where_its_column_stands() {
        // As our reader set out a PDF's 表三 (hunt 1132000): 公益组织 of
        // 2.没有现成… empty; 无 printed in that of the row under it.
        let columns = [28, 36, 43, 51, 60, 68, 74];
        let row = |label: &str, values: [&str; 7]| row_at(&columns, (18, label), &values);
        let above = row(
            "掌握相关政",
            ["599", "0", "0", "99006", "0", "807", "100412"],
        );
        let below = row("请内容仍不", ["3", "0", "24690", "无", "9", "0", "24702"]);
        let lines = |middle: &str| {
            vec![
                above.clone(),
                "（四".to_string(),
                middle.to_string(),
                "行制作".to_string(),
                below.clone(),
            ]
        };
        let one = row("信息需要另", ["4", "449", "7282", "", "1", "0", "7736"]);
        assert_eq!(marked(&lines(&one))[2], "信息需要另 4 449 7282 _ 1 0 7736");
        // Two cells empty; the first.
        let two = row("信息需要另", ["", "449", "7282", "", "1", "0", "7736"]);
        assert_eq!(marked(&lines(&two))[2], "信息需要另 _ 449 7282 _ 1 0 7736");
        // The table's last row (the next line 表四's fifteen values): by
        // the two rows above; a row past another with a cell empty.
        let fifteen = at_columns(&(0..15).map(|k| (28 + 4 * k, "1")).collect::<Vec<_>>());
        let last = vec![above.clone(), below.clone(), one.clone(), fifteen];
        assert_eq!(marked(&last)[2], "信息需要另 4 449 7282 _ 1 0 7736");
        // A page's break between (its number, the next page's heading row
        // repeated, labels broken over many lines: hunt 1186003, the row
        // above 29 lines up): rows within 40 lines place it; not further.
        let apart = |lines: usize| {
            let mut text = vec![above.clone()];
            text.extend((0..lines).map(|_| "政府信息".to_string()));
            text.extend([one.clone(), below.clone()]);
            marked(&text)[lines + 1].clone()
        };
        assert_eq!(apart(30), "信息需要另 4 449 7282 _ 1 0 7736");
        assert_eq!(apart(45), "信息需要另 4 449 7282 1 0 7736");
        let past = vec![above.clone(), one.clone(), two.clone(), below.clone()];
        assert_eq!(
            marked(&past)[1..3],
            [
                "信息需要另 4 449 7282 _ 1 0 7736",
                "信息需要另 _ 449 7282 _ 1 0 7736"
            ]
        );
        // 无 in the first cell, a word of the label by its place in the
        // line, a value by its column; not left of it.
        let wu = row("信息需要另", ["无", "449", "7282", "", "1", "0", "7736"]);
        assert_eq!(marked(&lines(&wu))[2], "信息需要另 _无 449 7282 _ 1 0 7736");
        let label = at_columns(&[
            (18, "信息需要"),
            (23, "无"),
            (36, "449"),
            (43, "7282"),
            (60, "1"),
            (68, "0"),
            (74, "7736"),
        ]);
        assert_eq!(
            marked(&lines(&label))[2],
            "信息需要 无 _ 449 7282 _ 1 0 7736"
        );
        // Left as they are: a value under two columns (a number run into
        // the next cell), three cells short, the total's column empty (cut
        // at the page's edge, or its number too long for its cell), the
        // row under with a value fewer or its values not under those above,
        // a label's text in the empty column, a value run into its label,
        // 表二's rows (no sums).
        let mut run_into = one.clone();
        run_into.replace_range(
            run_into.find("7282").unwrap()..run_into.find("7282").unwrap() + 11,
            "72821111111",
        );
        let rows = [
            run_into,
            row("信息需要另", ["4", "449", "7282", "", "", "", "7736"]),
            row("信息需要另", ["4", "449", "7282", "9", "1", "0", ""]),
            row("信息需要另", ["4", "449", "7282", "制作", "1", "0", "7736"]),
            // (easyofd's OFD file: the first value run into its label.)
            row("需要另4", ["", "449", "7282", "9", "1", "0", "7745"]),
        ];
        for middle in &rows {
            assert_eq!(
                marked(&lines(middle))[2],
                marked(std::slice::from_ref(middle))[0],
                "{middle}"
            );
        }
        let fewer = row("请内容仍不", ["3", "0", "24690", "", "9", "0", "24702"]);
        let moved = below.replacen("      9", "9      ", 1);
        // (Each value between two of those above: another table's columns.)
        let between = at_columns(&[
            (18, "请内容仍不"),
            (33, "3"),
            (38, "0"),
            (46, "2"),
            (57, "1"),
            (63, "9"),
            (72, "0"),
            (81, "5"),
        ]);
        for under in [fewer, moved, between] {
            let lines = vec![above.clone(), one.clone(), under];
            assert_eq!(
                marked(&lines)[1],
                "信息需要另 4 449 7282 1 0 7736",
                "{lines:?}"
            );
        }
        let table2 = [
            at_columns(&[
                (2, "行政许可"),
                (28, "3"),
                (40, "4"),
                (52, "5"),
                (64, "6"),
                (76, "7"),
            ]),
            at_columns(&[(2, "其他"), (28, "3"), (40, "4"), (64, "6"), (76, "7")]),
            at_columns(&[
                (2, "行政处罚"),
                (28, "3"),
                (40, "4"),
                (52, "5"),
                (64, "6"),
                (76, "7"),
            ]),
        ];
        assert_eq!(marked(&table2)[1], "其他 3 4 6 7");
    }

    #[test]
    fn a_line_ending_in_a_colon_before_a_number_runs_on() {
        // Hard-wrapped text: lines of one width, most mid-sentence.
        let full =
            "本报告的电子版可在平潭综合实验区党工委管委会政府门户网站的政府信息公开专栏中下载如";
        let mut lines: Vec<String> = vec![full.to_string(); 8];
        lines.push(
            "平潭综合实验区北厝金井湾片区管委会大楼主楼十四层邮编三五零四零零电话/传真：".into(),
        );
        lines.push("0591-23165370。".into());
        let joined = join_wrapped(lines.clone(), &[]);
        assert!(
            joined[0].ends_with("电话/传真：0591-23165370。"),
            "{joined:?}"
        );
        // Not before a list's first item, nor before text.
        for next in [
            "1.加强组织领导。",
            "2、规范审核发布机制。",
            "一是加强组织领导。",
        ] {
            let mut lines = lines.clone();
            *lines.last_mut().unwrap() = next.to_string();
            let joined = join_wrapped(lines, &[]);
            assert_eq!(joined.last().unwrap(), next);
        }
    }

    #[test]
    fn a_row_with_numbers_joined_from_their_pieces_is_a_table_row() {
        // (Eight ideographs, three numbers and four joined from their
        // pieces, whose joiners are no text: a table row, no sentence's
        // line that the next line's text may run on from.)
        assert!(table_like(&w(
            "无法提   信息需要另      480~32  74  0  84~38~1  0  41~49~8  173~985"
        )));
    }

    #[test]
    fn lines_of_prose_a_converter_set_as_table_rows_are_lines_again() {
        let set_back = |lines: &[&str]| prose_rows(lines.iter().map(|l| l.to_string()).collect());
        let rule = "| --- | --- | --- |";
        // A line with a number or a Latin word set apart; a spaced heading.
        for (row, want) in [
            (
                "| 2021 | 年，无收取信息处理费情况。 |  |",
                "2021 年，无收取信息处理费情况。",
            ),
            (
                "| 新媒体、办公场所的 | LED | 屏及宣传栏、电视广播等媒介进 |",
                "新媒体、办公场所的 LED 屏及宣传栏、电视广播等媒介进",
            ),
            (
                "| 均在法定期限内予以答复，办结率 |  | 100%。三是加强行政复议、 |",
                "均在法定期限内予以答复，办结率 100%。三是加强行政复议、",
            ),
            ("| 五 | . | 其 | 他 | 需 |", "五 . 其 他 需"),
            ("| 5.  |     | 其   |     | 他   | 需   |", "5. 其 他 需"),
        ] {
            let (lines, from_rows) = set_back(&["前文", row, rule, "后文"]);
            assert_eq!(lines, ["前文", want, "后文"], "{row}");
            assert_eq!(from_rows, [false, true, false], "{row}");
        }
        // Two rows of prose, both set back.
        let (lines, _) = set_back(&[
            "| 政府信息公开申请 | 75 | 件，涉及自然人 | 72 件、商业企业 |",
            rule,
            "| 均在法定期限内予以答复，办结率 | 100%。三是加强行政复议、 |",
        ]);
        assert_eq!(lines.len(), 2);
        // A line spaced out to the page's width over a line of prose.
        let (lines, from_rows) = set_back(&[
            "| 工 作 年 | 度 报 告 | 格 式 | > 的 通 | 知 》 （ | 国 办 | 公 开 办 函 |",
            rule,
            "| 〔2021〕30 | 号）等文件要求，汇总平潭综合实验区各 |  |",
        ]);
        assert_eq!(
            lines,
            [
                "工 作 年 度 报 告 格 式 > 的 通 知 》 （ 国 办 公 开 办 函",
                "〔2021〕30 号）等文件要求，汇总平潭综合实验区各"
            ]
        );
        assert_eq!(from_rows, [true, true]);
        // A table's rows: ending with numbers, a header's without one, a
        // label's short pieces; a table with one row of prose and one not;
        // a spaced line among rows; lines with pipes but no rule line.
        for lines in [
            vec!["| 理的，只计这一情形，不 | 5 | 0 0 | 0 0 | 0 5 |", rule],
            vec![
                "| （本列数据的勾稽关系为：第一项加第二项之和 | 法人或其他组织 |",
                rule,
            ],
            vec!["| 3 | 4 无正当理由大量 |", rule],
            vec![
                "| 2021 | 年，无收取信息处理费情况。 |",
                rule,
                "| 行政机关不 | 0 | 347 | 0 7 | 319 |",
            ],
            vec!["| 五 | . | 其 | 他 | 需 |", rule, "| 果 | 果 | 他 |"],
            vec![
                "| 〔2021〕30 | 号）等文件要求，汇总平潭综合实验区各 |",
                rule,
                "| 工 作 年 | 度 报 告 | 格 式 | > 的 通 | 知 》 （ | 国 办 | 公 开 办 函 |",
            ],
            vec!["| 2021 | 年，无收取信息处理费情况。 |", "后文"],
        ] {
            let (got, from_rows) = set_back(&lines);
            assert_eq!(got, lines, "{lines:?}");
            assert!(from_rows.iter().all(|&b| !b), "{lines:?}");
        }
    }

    #[test]
    fn a_piece_placed_a_column_into_the_word_before_it_is_past_it() {
        // LibreOffice's PDF of a narrow table 四 (its text as the PDF
        // reader sets it out): 29262 and 30041 wrapped, "2926" a column
        // into 196's last digit.
        let lines = [
            "                                                       2926 3004",
            "           4   0  0 415 419 790 2  0   0 792 295 288 196",
            "                                                         2    1",
        ];
        assert_eq!(
            join(&lines)[1],
            w("4 0 0 415 419 790 2 0 0 792 295 288 196 2926~2 3004~1")
        );
        // Not two columns into it, nor a piece of two digits (a piece over
        // the word, of a number wrapped in three lines, may be so placed).
        for up in [
            "                                                      2926 3004",
            "                                                       29   3004",
        ] {
            let got = join(&[up, lines[1], lines[2]]);
            assert_eq!(got[1], "4 0 0 415 419 790 2 0 0 792 295 288 196", "{up:?}");
        }
    }

    #[test]
    fn a_number_centred_in_its_cell_is_joined_past_the_rest_of_the_rows_label() {
        // Chromium's print of a narrow table (pdftotext -layout's lines):
        // the label's two lines around the row's values, a wrapped number's
        // pieces over the first and under the second (47902, 33750 and
        // 33737).
        let label = "                      (5)属于三类内部事务                            479";
        let row = "                                     629  99   0   63   657      49350";
        let piece = "                                                             02";
        assert_eq!(
            join(&[label, row, "                      信息", piece, ""]),
            [
                "(5)属于三类内部事务",
                "629 99 0 63 657 479~02 49350",
                "信息",
                "",
                ""
            ]
            .map(w)
        );
        let lines = [
            "      （3）本                                         3373            337",
            "              一.予以公开                 0    0    8        5    0",
            "      年度办理",
            "                                                   7             50",
            "",
        ];
        assert_eq!(
            join(&lines),
            [
                "（3）本",
                "一.予以公开 0 0 8 3373~7 5 0 337~50",
                "年度办理",
                "",
                ""
            ]
            .map(w)
        );
        // Past the group label's line, a piece below longer than the one
        // over it (Chromium: 51904 and 53018 as "519" / "04" and "53" /
        // "018").
        let lines = [
            "            三．本                                  519          53",
            "                  予以公开               549 1   562     2   0",
            "            年度办",
            "                                                 04         018",
            "            理结果",
        ];
        assert_eq!(
            join(&lines),
            [
                "三．本",
                "予以公开 549 1 562 519~04 2 0 53~018",
                "年度办",
                "",
                "理结果"
            ]
            .map(w)
        );
        // Past the label's rest, the lower pieces beside the rest of the
        // group's label, left of the row's values, fewer than them
        // (Chromium: 47730 and 49402 as "477" / "30" and "4940" / "2",
        // 不予公开 beside them).
        let lines = [
            "                    5.属于三类内部事务                    477     4940",
            "             （ 三 ）               0   408 466  798     0",
            "                    信息",
            "             不 予 公                                30      2",
            "             开      6.属于四类过程",
        ];
        assert_eq!(
            join(&lines),
            [
                "5.属于三类内部事务",
                "（ 三 ） 0 408 466 798 477~30 0 4940~2",
                "信息",
                "不 予 公",
                "开 6.属于四类过程"
            ]
            .map(w)
        );
        // Not when the line after the label's rest has text or a piece of
        // another gap; nor past a line with a number (then the pieces are
        // the next line's, or no row's).
        for (rest, under) in [
            (
                "                      信息",
                "                                                             02 见",
            ),
            (
                "                      信息",
                "                                                  02",
            ),
            ("                      信息 3", piece),
        ] {
            let got = join(&[label, row, rest, under, ""]);
            assert_eq!(got[1], "629 99 0 63 657 49350", "{rest:?} {under:?}");
        }
    }

    #[test]
    fn a_labels_ordinal_on_a_line_of_its_own_is_joined_to_its_words() {
        let lines = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ordinals_rejoined(lines(&["5 20", "4", "、无正当理由 大量反复申请", "0"])),
            lines(&["5 20", "4、无正当理由 大量反复申请", "0"])
        );
        assert_eq!(
            ordinals_rejoined(lines(&[
                "9 241",
                "3",
                "、",
                "危及“三",
                "7 1075",
                "2",
                "．申请人逾期"
            ])),
            lines(&["9 241", "3、", "危及“三", "7 1075", "2．申请人逾期"])
        );
        assert_eq!(
            ordinals_rejoined(lines(&["0 5", "（", "4", "）无正当理由 98", "7"])),
            lines(&["0 5", "（4）无正当理由 98", "7"])
        );
        // Not a number of three digits, one with text, nor before a 、 and
        // a number; a bracket's number only in brackets.
        for kept in [
            &["5 20", "400", "、无正当理由"][..],
            &["共 4", "、无正当理由"],
            &["4", "、5"],
            &["0", ".5"],
            &["（", "400", "）无正当理由"],
            &["5", "4", "）无正当理由"],
        ] {
            assert_eq!(ordinals_rejoined(lines(kept)), lines(kept));
        }
    }

    #[test]
    fn a_piece_under_a_row_over_the_next_rows_gap_is_the_next_rows() {
        // Chromium's print of a narrow table (the PDF's placed text): 1885
        // wrapped in the next row's 总计 cell, centred, "18" on the line
        // under 上年结转's values, near the end of its 107.
        let lines = [
            "",
            "       上年结转政府信息公开申请数量            0    0  0   9   98  0  107",
            "       3.本年度                                              18",
            "       办理结    予以公开               0   9   712 609 0   555",
            "                                                        85",
            "       果",
        ];
        let want = [
            "",
            "上年结转政府信息公开申请数量 0 0 0 9 98 0 107",
            "3.本年度",
            "办理结 予以公开 0 9 712 609 0 555 18~85",
            "",
            "果",
        ];
        assert_eq!(join(&lines), want.map(w));
        // With no piece under the next row, 107's.
        let mut lines = lines;
        lines[4] = "";
        assert_eq!(
            join(&lines)[1],
            w("上年结转政府信息公开申请数量 0 0 0 9 98 0 107~18")
        );
    }

    #[test]
    fn a_number_aligned_to_its_cells_top_is_joined_past_the_rest_of_the_rows_label() {
        // Chromium's print of a narrow table (the PDF's placed text): the
        // row's values on its label's first line, 854 wrapped in its cell
        // aligned to the top, "4" under the label's second line.
        let row = "                        属于行政查询   9  8  0   3  0  85 874";
        let rest = "                        事项";
        let piece = "                                                  4";
        assert_eq!(
            join(&["", row, rest, piece, ""]),
            ["", "属于行政查询 9 8 0 3 0 85~4 874", "事项", "", ""].map(w)
        );
        // Not when the label's rest stands among the values (no label's),
        // has a number, or the piece's line has text or is under no value.
        for (rest, under) in [
            ("                                   事项", piece),
            ("                        事项 3", piece),
            (
                rest,
                "                                                  4 见",
            ),
            (rest, "                                         4"),
        ] {
            let got = join(&["", row, rest, under, ""]);
            assert_eq!(
                got[1], "属于行政查询 9 8 0 3 0 85 874",
                "{rest:?} {under:?}"
            );
        }
        // Nor under a row with a piece over it (no number of the line above
        // taken).
        let over = "                                         7";
        let got = join(&[over, row, rest, piece, ""]);
        assert_eq!(got[1], "属于行政查询 9 8 0 3 0 85 874");
    }

    #[test]
    fn a_number_its_cell_wrapped_is_joined_where_its_row_lacks_it() {
        // Lines left as they are (only their spaces closed up).
        let untouched = |lines: &[&str]| {
            let plain: Vec<String> = lines
                .iter()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            assert_eq!(join(lines), plain, "{lines:?}");
        };
        for (lines, want) in [
            // "7446" above the row's gap between 0 and 6, "9" below it.
            (
                [
                    "1.属于国家          7446",
                    "       3       0             6   74485",
                    "秘密                  9",
                ],
                ["1.属于国家", "3 0 7446~9 6 74485", "秘密"],
            ),
            // Pieces in two gaps, one above and one below in each.
            (
                [
                    "   24          7",
                    "总计      5   7       48",
                    "    4           3",
                ],
                ["", "总计 24~4 5 7 7~3 48", ""],
            ),
            // Two in one gap (two columns side by side without a value on
            // the row's line): paired in order.
            (
                [
                    "           1967   8123",
                    "总计  12659               2090",
                    "              5     0",
                ],
                ["", "总计 12659 1967~5 8123~0 2090", ""],
            ),
            // A cell aligned to its top: the upper piece among the row's
            // values, the rest under it on the line below (pdftotext places
            // it a column or two off).
            (
                [
                    "",
                    "7.属于行  913   0  1765   0   123  18691",
                    "执法案卷              5",
                ],
                ["", "7.属于行 913 0 1765~5 0 123 18691", "执法案卷"],
            ),
        ] {
            assert_eq!(join(&lines), want.map(w), "{lines:?}");
        }
        // A cell one digit wide, aligned to its top: the further pieces
        // on lines of their own under it, each as wide, the last no wider.
        let top = "7.属于行  8   1   0   9   0   512  97180";
        let lines = [
            "",
            top,
            "执法案卷               6",
            "                   6",
            "                   5",
            "                   9",
            "8.属于行政查询事",
        ];
        let want = [
            "",
            "7.属于行 8 1 0 9~6~6~5~9 0 512 97180",
            "执法案卷",
            "",
            "",
            "",
            "8.属于行政查询事",
        ];
        assert_eq!(join(&lines), want.map(w));
        // Not past a piece narrower than its cell, nor a line of two
        // numbers, a number under another column or wider than the cell.
        let top = "7.属于行  8   1   0   93  0   512  97180";
        let row = "7.属于行 8 1 0 93~66 0 512 97180";
        for (lines, want) in [
            (
                ["", top, "执法案卷               6", "                   6"],
                ["", "7.属于行 8 1 0 93~6 0 512 97180", "执法案卷", "6"],
            ),
            (
                [
                    "",
                    top,
                    "执法案卷               66",
                    "                   6 1",
                ],
                ["", row, "执法案卷", "6 1"],
            ),
            (
                [
                    "",
                    top,
                    "执法案卷               66",
                    "                         6",
                ],
                ["", row, "执法案卷", "6"],
            ),
            (
                [
                    "",
                    top,
                    "执法案卷               66",
                    "                   666",
                ],
                ["", row, "执法案卷", "666"],
            ),
        ] {
            assert_eq!(join(&lines), want.map(w), "{lines:?}");
        }
        // Pieces of several cells on the line with the rest of the row's
        // label, one of them ("4", as wide as its cell) over a further
        // piece: 543 in three lines, 74646 in two ("46" under 746, a
        // column after 535's end).
        let top = "7.属于行政执法案      1    0    5     5  535 746  75730";
        let lines = [
            "",
            top,
            "卷                              4      46",
            "                               3",
            "8.属于行政查询事",
        ];
        let want = [
            "",
            "7.属于行政执法案 1 0 5 5~4~3 535 746~46 75730",
            "卷",
            "",
            "8.属于行政查询事",
        ];
        assert_eq!(join(&lines), want.map(w));
        // Not from a line with text among the pieces, nor with as many
        // numbers as the row's (the next row's values); a further line
        // only under a piece as wide as its cell.
        for (below, further, want) in [
            (
                "卷                              4  见  46",
                "                               3",
                "7.属于行政执法案 1 0 5 5 535 746 75730",
            ),
            (
                "卷         1    0    4     5  535 46   71",
                "",
                "7.属于行政执法案 1 0 5 5 535 746 75730",
            ),
            (
                "卷                                      46",
                "                                        3",
                "7.属于行政执法案 1 0 5 5 535 746~46 75730",
            ),
        ] {
            let got = join(&["", top, below, further]);
            assert_eq!(got[1], w(want), "{below:?}");
        }
        // Nor from the next row's line, its label with its ordinal, one
        // number short for a cell left empty (hunt 1178001's -layout
        // text: 5 0 0 279 4 288 were joined to （七）总计's numbers); "卷"
        // for it, they are pieces.
        let total = "        （七）总计          69561 85150 113108 72524 1797 866 343006";
        let next = "四、结转下年度继续办理            5        0      0       279    4        288";
        let got = join(&["", total, next, ""]);
        assert_eq!(got[1..3], [total, next].map(|l| join(&[l])[0].clone()));
        for word in [
            "（七）总计",
            "(1)属于",
            "2．没有现成信",
            "12.其他",
            "四、结转",
        ] {
            assert!(starts_numbered(word), "{word}");
        }
        for word in ["卷", "（四", "）无", "2022年", "部事务信息", "四"] {
            assert!(!starts_numbered(word), "{word}");
        }
        let rest = next.replacen("四、结转下年度继续办理", "卷          ", 1);
        let got = join(&["", total, &rest, ""]);
        assert!(got[1].contains(&w("69561~5")), "{}", got[1]);
        // Numbers wrapped in two lines around a row (83235, 163057), and
        // one in three lines centred among them (79822): its outer pieces
        // two lines away, over and under its piece on the row.
        let row = "     433 0   0  0   433     82 0   0       772 0   8   9  789";
        let lines = [
            "                            79",
            "                        832            1630",
            row,
            "                        35             57",
            "                            2",
        ];
        // (Five lines joined into the middle one, the rest emptied.)
        let joined_into_middle = |lines: &[&str; 5], want: &str| {
            assert_eq!(join(lines), ["", "", want, "", ""].map(w), "{lines:?}");
        };
        joined_into_middle(
            &lines,
            "433 0 0 0 433 832~35 79~82~2 0 0 1630~57 772 0 8 9 789",
        );
        // Not so when a piece above has none under it, or the one below is
        // longer than its piece on the row.
        for (up, down) in [
            (
                "                            79 0",
                "                            2",
            ),
            (
                "                            79",
                "                            222",
            ),
        ] {
            let lines = [up, lines[1], row, lines[3], down];
            let got = join(&lines);
            assert_eq!(
                got[2],
                w("433 0 0 0 433 832~35 82 0 0 1630~57 772 0 8 9 789"),
                "{lines:?}"
            );
        }
        // The lower piece past a line of the label's text (the other
        // column's label printed on lines between: 19883 in three lines,
        // 19898 in two, half a line off).
        let lines = [
            "                                 （2）没有现                            19",
            "                          (四)无                                        1989",
            "                                 成信息需要       5    3   1   4   2    88",
            "                          法提                                          8",
            "                                 另行制作",
            "                          供                                        3",
        ];
        assert_eq!(
            join(&lines),
            [
                "（2）没有现",
                "(四)无",
                "成信息需要 5 3 1 4 2 19~88~3 1989~8",
                "法提",
                "另行制作",
                "供"
            ]
            .map(w)
        );
        // Not when that piece is longer than its piece on the row, nor
        // past a line with text right of the row's values.
        for (l, line) in [
            (
                5,
                "                          供                                        333",
            ),
            (
                4,
                "                                 另行制作                            见",
            ),
        ] {
            let mut lines = lines;
            lines[l] = line;
            assert_eq!(
                join(&lines)[2],
                w("成信息需要 5 3 1 4 2 88 1989~8"),
                "{line:?}"
            );
        }
        // Two lines away, lines of numbers alone each of which is such a
        // piece (表四's row, three numbers in three lines: 12311, 10129,
        // 28660); not when one of them is over no number of the row.
        let lines = [
            "                        12 10                28",
            "48            49     42        228               2866",
            "   0   9  0      18     31 12      0   0  4  66",
            "5             4      6         84                4",
            "                        1  9                 0",
        ];
        joined_into_middle(
            &lines,
            "48~5 0 9 0 49~4 18 42~6 12~31~1 10~12~9 228~84 0 0 4 28~66~0 2866~4",
        );
        let lines = [
            "                        12 10                28  7",
            lines[1],
            lines[2],
            lines[3],
            "                        1  9                 0   3",
        ];
        assert_eq!(
            join(&lines)[2],
            w("48~5 0 9 0 49~4 18 42~6 31 12 228~84 0 0 4 66 2866~4")
        );
        // So too around a row with one number that fit (not a table row by
        // itself), the rest wrapped in two lines around it: the number on
        // its line wrapped in three (12 / 67 / 26 for 126726).
        let lines = [
            "                                             12",
            "                         895 252 928 779 383    6776",
            "        （七）总计                                67",
            "                         68  294 24  29  16     57",
            "                                             26",
        ];
        joined_into_middle(
            &lines,
            "（七）总计 895~68 252~294 928~24 779~29 383~16 12~67~26 6776~57",
        );
        // A row with its label and a few numbers that fit (table-like),
        // the rest wrapped in two lines around it and in three, the outer
        // pieces two lines away: its pieces, not taken first for a row of
        // the line of pieces above it (which would join 14~81 … 33~60).
        let lines = [
            "                                 14     30     10 33",
            "                                    139    113       332",
            "                   （七）总计         81     46     78 60",
            "                                    0      64        785",
            "                                 01     7      57 6",
        ];
        joined_into_middle(
            &lines,
            "（七）总计 14~81~01 139~0 30~46~7 113~64 10~78~57 33~60~6 332~785",
        );
        // Two lines above the row (numbers alone in a cell centred), the
        // outer pieces may follow the row's label (its cell aligned to its
        // top), fewer than the row's values; not with text among them.
        let lines = [
            "                       2.重复申请    69     29",
            "                                           87  71    108",
            "                                 83 1   50        0",
            "                                           01  7     757",
            "                                 3      5",
        ];
        assert_eq!(
            join(&lines),
            [
                "2.重复申请",
                "",
                "69~83~3 1 29~50~5 87~01 71~7 0 108~757",
                "",
                ""
            ]
            .map(w)
        );
        let lines = [
            "                       2.重复申请    69  注 29",
            lines[1],
            lines[2],
            lines[3],
            lines[4],
        ];
        let got = join(&lines);
        assert_eq!(got[0], "2.重复申请 69 注 29");
        assert_eq!(got[2], w("83 1 50 87~01 71~7 0 108~757"));
        // A row with one number that fit (not a table row by itself), the
        // rest wrapped around it, under a row of its own values (Chromium's
        // print of a narrow table): its pieces, not the row above's.
        // And a row all of whose numbers wrapped, none on its line, under
        // the row before's values: its pieces around it.
        for (lines, want) in [
            (
                [
                    "3.其他   9    0    728      0    9    0   746",
                    "         7355 8530          2872 8648 337 53949",
                    "（七）总计              3499",
                    "         4    5              81   4    6   9",
                ],
                [
                    "3.其他 9 0 728 0 9 0 746",
                    "",
                    "（七）总计 7355~4 8530~5 3499 2872~81 8648~4 337~6 53949~9",
                    "",
                ],
            ),
            (
                [
                    "3.其他   9    4    0    6    0    9   28",
                    "         1837 9040 3141 1138 1074 866 44814",
                    "（七）总计",
                    "         6    4    1    28   52   73 4",
                ],
                [
                    "3.其他 9 4 0 6 0 9 28",
                    "",
                    "（七）总计 1837~6 9040~4 3141~1 1138~28 1074~52 866~73 44814~4",
                    "",
                ],
            ),
        ] {
            assert_eq!(join(&lines), want.map(w), "{lines:?}");
        }
        // Not joined: a piece over a value of the row; pieces in different
        // gaps; another number on the line above; an upper piece starting
        // with 0; a line of prose between; two above, one below in a gap;
        // in a cell aligned to its top, a piece under two of the row's
        // words, under a 0, or on a line of values.
        let row = "3   0        6   74485";
        let top = "7.属于行  913   0  1765   0   123  18691";
        for lines in [
            ["", top, "执法案卷                 5"],
            ["", top, "执法案卷        5"],
            ["", top, "       913         1765"],
            ["    7446", row, "        9"],
            ["        7446", row, "               9"],
            ["1       7446", row, "        9"],
            ["        0446", row, "        9"],
            [
                "        7446",
                "本年共收到申请 3 件，办结 0 件，",
                "        9",
            ],
            ["     74  46", row, "        9"],
        ] {
            untouched(&lines);
        }
        // Not so: under a label's line (values printed above their labels:
        // the lines around a label are two rows'); a piece above of one
        // digit or starting with 0; a piece below under the next piece
        // above, or longer than its own.
        let before = "3.其他   9    4    0    6    0    9   28";
        for lines in [
            [
                "2.重复申请",
                "         1837 9040 3141",
                "（七）总计",
                "         6    4    1",
            ],
            [
                before,
                "         1837 9    3141",
                "（七）总计",
                "         6    4    1",
            ],
            [
                before,
                "         1837 0940 3141",
                "（七）总计",
                "         6    4    1",
            ],
            [
                before,
                "         1837 9040 3141",
                "（七）总计",
                "         6         1 4",
            ],
            [
                before,
                "         1837 9040 3141",
                "（七）总计",
                "         6    40400 1",
            ],
        ] {
            untouched(&lines);
        }
        // Nor around a row with one number: a piece below longer than its
        // piece above; fewer below; text among the pieces; no number on the
        // row's line and no row before; a sentence.
        let top = "         7355 8530          2872";
        let row = "（七）总计              3499";
        for lines in [
            [top, row, "         4    5              81234"],
            [top, row, "         4    5"],
            [top, row, "         4    5   合计       8"],
            [top, "（七）总计", "         4    5              8"],
            [
                top,
                "共收到申请，办结        3499",
                "         4    5              8",
            ],
        ] {
            untouched(&lines);
        }
    }

    #[test]
    fn wrapped_lines_are_joined_and_paragraphs_kept() {
        let line = "本机关坚持以习近平新时代中国特色社会主义思想为指导认真贯彻落实条例规定推进公开";
        let mut text =
            String::from("平潭综合实验区2022年度政府信息公开工作年\n度报告\n一、总体情况\n");
        for _ in 0..10 {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str("工作。\n（一）主动公开\n规章 0 0 0\n");
        let lines = text_lines(&text, false, order(&text), false);
        assert_eq!(lines[0], "平潭综合实验区2022年度政府信息公开工作年度报告");
        assert_eq!(lines[1], "一、总体情况");
        assert_eq!(lines[2], format!("{}工作。", line.repeat(10)));
        assert_eq!(lines[3], "（一）主动公开");
        assert_eq!(lines[4], "规章 0 0 0");
        // Paragraphs that end in 。 are not joined.
        let para = format!("{line}。");
        let text = [para.as_str(); 12].join("\n");
        assert_eq!(text_lines(&text, false, order(&text), false).len(), 12);
    }

    #[test]
    fn markdown_paragraphs_are_one_line_each() {
        let md = "# 平潭综合实验区2022年度政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开\n\n2023\n年，共更新信息\n199\n条。\n\n（二）依申请公开\n\n未收到申请。\n\n第一行  \n第二行\\\n第三行\n\n| 规章 | 0 |\n| 行政规范性文件 | 1 |\n- 一项\n- 二项\n";
        assert!(is_markdown(md));
        assert!(!is_markdown("一、总体情况\n2023\n年"));
        assert_eq!(
            text_lines(md, true, order(md), false),
            [
                "平潭综合实验区2022年度政府信息公开工作年度报告",
                "",
                "一、总体情况",
                "",
                "（一）主动公开",
                "",
                "2023 年，共更新信息 199 条。",
                "",
                "（二）依申请公开",
                "",
                "未收到申请。",
                "",
                "第一行",
                "第二行",
                "第三行",
                "",
                "| 规章 | 0 |",
                "| 行政规范性文件 | 1 |",
                "- 一项",
                "- 二项",
            ]
        );
        // Not Markdown: every line stays (text pasted from a page).
        assert_eq!(
            text_lines("2023\n年", false, Order::Lines, false),
            ["2023", "年"]
        );
        // Markdown whose lines follow one another (markitdown's PDF text
        // with its pipe tables): lines are not taken as soft breaks.
        let pdf = "一、总体情况\n2022年，本机关\n（一）主动公开\n| 规章 | 0 |\n| --- | --- |\n二、主动公开政府信息情况\n";
        assert!(is_markdown(pdf));
        assert_eq!(
            text_lines(pdf, true, order(pdf), false)[..3],
            ["一、总体情况", "2022年，本机关", "（一）主动公开"]
        );
    }

    #[test]
    fn markdown_marks_go() {
        assert_eq!(markdown_line("## 一、总体情况"), "一、总体情况");
        assert_eq!(markdown_line("**（一）主动公开**"), "（一）主动公开");
        assert_eq!(markdown_line("#标签"), "#标签");
        assert_eq!(
            markdown_line("| <u>5.要求行政机关确认或重新出具已获取信息</u> | 0 |"),
            "| 5.要求行政机关确认或重新出具已获取信息 | 0 |"
        );
        // A line break in a cell parts two numbers; other markup stays.
        assert_eq!(markdown_line("| 0<br>75 | 1<BR/>2 |"), "| 0 75 | 1 2 |");
        assert_eq!(markdown_line("a < b <c> <u"), "a < b <c> <u");
        assert_eq!(
            markdown_line("| | 1\\. 属于国家秘密| 0"),
            "| | 1. 属于国家秘密| 0"
        );
    }
    #[test]
    fn a_section_heading_numbered_any_way_is_no_wrapped_line() {
        for line in [
            "（三）政府信息公开行政复议、行政诉讼情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "5. 其他需要报告的事项",
        ] {
            assert!(section_heading(line), "{line}");
        }
        for line in [
            "（三）政府信息管理方面",
            "政府信息公开行政复议、行政诉讼情况的说明",
            "",
        ] {
            assert!(!section_heading(line), "{line}");
        }
    }
}
