//! Stage 3: table values, each format row found by its label and its values
//! accepted only when their count fits; nothing guessed.
//!
//! Not for: finding the tables (see [`super::outline`]).

use super::{norm, Recognised, Source, Spread};
use crate::format::{Layout, Table};
use crate::model::{is_space, Cell};

/// Reads every table of the format from the tables found; a 2019-format
/// report keeps what maps and notes what does not.
pub(super) fn read_all(tables: &[(&'static str, Spread)], recognised: &mut Recognised) {
    let all_text: String = tables
        .iter()
        .flat_map(|(_, r)| r.iter().flatten())
        .map(|c| c.0.as_str())
        .collect();
    recognised.format_2019 = all_text.contains("本年新制作数量")
        || all_text.contains("第二十条第（九）项")
        || all_text.contains("第二十条第(九)项");
    recognised.report.trial_2019 = recognised.format_2019;
    for table in crate::format::current().tables {
        let rows: Vec<&Vec<(String, usize)>> = tables
            .iter()
            .filter(|(k, _)| *k == table.key)
            .flat_map(|(_, r)| r.iter())
            .collect();
        if recognised.format_2019 && table.key == "table2" {
            recognised.notes.push(
                "这是 2019 年试行格式的报告：其表二的栏目（本年新制作数量等）与 2021 年格式不同，未导入".to_string(),
            );
            continue;
        }
        match table.layout {
            Layout::SingleRow => read_single_row(table, &rows, recognised),
            Layout::Bands | Layout::Grid => read_by_labels(table, &rows, recognised),
        }
    }
    if recognised.format_2019 {
        if let Some(v) = old_other_row(tables) {
            recognised.notes.push(format!(
                "2019 年格式的“（六）其他处理”只有一行（总计 {v}），无法拆分为 2021 年格式的三项，这三行未导入"
            ));
        }
    }
}

/// The 2019 format's single （六）其他处理 row, if present: its total.
pub(super) fn old_other_row(tables: &[(&str, Spread)]) -> Option<String> {
    tables
        .iter()
        .filter(|(k, _)| *k == "table3")
        .flat_map(|(_, rows)| rows.iter())
        .find(|row| {
            row.iter().any(|c| norm(&c.0) == norm("（六）其他处理"))
                && row.iter().filter(|c| numeric(&c.0)).count() >= 7
        })
        .and_then(|row| {
            row.iter()
                .rev()
                .find(|c| numeric(&c.0))
                .map(|c| c.0.clone())
        })
}

pub(super) fn numeric(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    !s.is_empty()
        && !matches!(
            Cell::parse(s, crate::format::Kind::Amount),
            Cell::Invalid(_)
        )
}

/// Distinct source cells of a row, in order.
pub(super) fn distinct(row: &[(String, usize)]) -> Vec<&(String, usize)> {
    let mut out: Vec<&(String, usize)> = Vec::new();
    for cell in row {
        if out.last().is_none_or(|last| last.1 != cell.1) && !out.iter().any(|c| c.1 == cell.1) {
            out.push(cell);
        }
    }
    out
}

/// Tables 二 and 三: each format row found by its label; its values are the
/// last cells of the row.
pub(super) fn read_by_labels(table: &Table, rows: &[&Vec<(String, usize)>], out: &mut Recognised) {
    let format = out.report.format;
    // Each printed row's distinct cells and their normalised text, once.
    type Printed<'a> = (Vec<&'a (String, usize)>, Vec<String>);
    let printed: Vec<Printed> = rows
        .iter()
        .map(|cells| {
            let cells = distinct(cells);
            let normed = cells.iter().map(|c| norm(&c.0)).collect();
            (cells, normed)
        })
        .collect();
    for block in table.blocks {
        for row in block.rows {
            let label = norm(row.label);
            // The label alone in a cell; long labels may be cut or continue.
            let found = printed.iter().find_map(|(cells, normed)| {
                let pos = normed.iter().position(|n| {
                    *n == label
                        || (label.chars().count() > 8
                            && (n.starts_with(&label)
                                || (n.len() >= 12 && label.starts_with(n.as_str()))))
                })?;
                Some((cells.clone(), pos))
            });
            let Some((cells, pos)) = found else { continue };
            let mut values: Vec<&(String, usize)> = cells[pos + 1..].to_vec();
            let n = block.columns.len();
            // Empty cells past the values (a row drawn wider than its values):
            // dropped only while more cells than values remain, so a blank
            // last value is never shifted.
            while values.len() > n && values.last().is_some_and(|c| c.0.is_empty()) {
                values.pop();
            }
            if values.len() < n {
                continue;
            }
            let values = &values[values.len() - n..];
            for (column, (text, _)) in block.columns.iter().zip(values) {
                let i = format
                    .cell_at(table.key, row.key, column.key)
                    .expect("cell of the format");
                let cell = Cell::parse(text, column.kind);
                if !text.is_empty() {
                    out.report.cells[i] = cell;
                    out.sources[i] = Some(Source {
                        row: cells[pos].0.clone(),
                        text: text.clone(),
                    });
                }
            }
        }
    }
}

/// Table 四: the values of its one data row, in order (the row may be split
/// over several printed rows or tables).
pub(super) fn read_single_row(table: &Table, rows: &[&Vec<(String, usize)>], out: &mut Recognised) {
    let format = out.report.format;
    let block = &table.blocks[0];
    let needed = block.rows.len() * block.columns.len();
    let mut values: Vec<String> = Vec::new();
    for row in rows {
        let cells = distinct(row);
        if cells.len() >= 2
            && cells.iter().all(|c| numeric(&c.0) || c.0.is_empty())
            && cells.iter().any(|c| numeric(&c.0))
        {
            values.extend(cells.iter().map(|c| c.0.clone()));
        }
    }
    if values.len() != needed {
        return;
    }
    let mut values = values.into_iter();
    for row in block.rows {
        for column in block.columns {
            let text = values.next().expect("counted");
            let i = format
                .cell_at(table.key, row.key, column.key)
                .expect("cell of the format");
            if !text.is_empty() {
                out.report.cells[i] = Cell::parse(&text, column.kind);
                out.sources[i] = Some(Source {
                    row: format!("{} {}", row.label, column.label),
                    text,
                });
            }
        }
    }
}
