//! Tables 二, 三, 四 as editable grids in the official printed layout.
//!
//! The layout (merged headers, spans) comes from
//! [`crate::format::layout`]; each value slot becomes an input, or a read-only
//! output for totals the app computes.

use super::findings::CellMark;
use super::{dom, Editor};
use crate::edit::{parse_block, Direction, Grid};
use crate::format::layout::{self, Slot};
use crate::format::{self, CellDef, Kind, Table};
use crate::model::Cell;
use crate::rules::{RuleId, Severity};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TableView(table: &'static Table) -> impl IntoView {
    let format = format::current();
    let rows = layout::table_rows(format, table);
    let grid = Arc::new(Grid::new(format, table));
    let caption = table.caption;
    let (head, body): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.head);
    let render = move |row: layout::LayoutRow| {
        let grid = grid.clone();
        let slots = row
            .slots
            .into_iter()
            .map(move |slot| match slot {
                Slot::Header {
                    text,
                    colspan,
                    rowspan,
                    scope,
                } => view! {
                    <th colspan=colspan rowspan=rowspan scope=scope.as_str()>{text}</th>
                }
                .into_any(),
                Slot::Value { cell, colspan } => {
                    let def = &format.cells()[cell];
                    let content = if def.computed {
                        view! { <TotalOutput cell=cell/> }.into_any()
                    } else {
                        view! { <CellInput cell=cell grid=grid.clone()/> }.into_any()
                    };
                    let class = match (def.computed, def.kind) {
                        (true, _) => "value total",
                        (false, Kind::Amount) => "value amount",
                        (false, Kind::Count) => "value",
                    };
                    view! { <td colspan=colspan class=class>{content}</td> }.into_any()
                }
            })
            .collect_view();
        view! { <tr>{slots}</tr> }
    };
    let render_body = render.clone();
    view! {
        <div class="table-frame" tabindex="-1">
            <table class=format!("report-table {}", table.key) data-table=table.key>
                <caption class="visually-hidden">{caption}</caption>
                <thead>{head.into_iter().map(render).collect_view()}</thead>
                <tbody>{body.into_iter().map(render_body).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// The class, ARIA state and visible sign an input takes from the findings
/// concerning it: colour plus a sign, never colour alone. Each is read in the
/// attribute's own closure, which re-runs only when the mark changes.
#[derive(Clone, Copy)]
pub struct Marked(Memo<Option<CellMark>>);

impl Marked {
    /// The marks of a table cell.
    fn of(cell: usize) -> Marked {
        Marked(expect_context::<Editor>().cell_mark(cell))
    }

    pub fn new(mark: Memo<Option<CellMark>>) -> Marked {
        Marked(mark)
    }

    pub fn class(self) -> &'static str {
        self.0.with(|m| match m {
            None => "",
            Some(m) if m.rule == RuleId::CELL_BLANK => "mark-blank",
            Some(m) if m.confirmed => "mark-confirmed",
            Some(m) => match m.severity {
                Severity::Error => "mark-error",
                Severity::Warning => "mark-warning",
                Severity::Info => "mark-info",
            },
        })
    }

    /// `aria-invalid`: an error or an unconfirmed warning.
    pub fn invalid(self) -> &'static str {
        let invalid = self.0.with(|m| {
            m.as_ref()
                .is_some_and(|m| m.severity != Severity::Info && !m.confirmed)
        });
        if invalid {
            "true"
        } else {
            "false"
        }
    }

    pub fn described_by(self) -> Option<String> {
        self.0.with(|m| m.as_ref().map(|m| m.described_by.clone()))
    }

    pub fn flag(self) -> Option<&'static str> {
        self.0.with(|m| match m {
            Some(m) if m.rule == RuleId::CELL_BLANK => Some("未填"),
            Some(m) if m.confirmed => Some("✓"),
            Some(m) => Some(match m.severity {
                Severity::Error => "✕",
                Severity::Warning => "!",
                Severity::Info => "i",
            }),
            None => None,
        })
    }
}

/// A computed total, read-only.
#[component]
fn TotalOutput(cell: usize) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let def: &'static CellDef = &format::current().cells()[cell];
    let marked = Marked::of(cell);
    view! {
        <output
            data-key=def.key.as_str()
            aria-label=def.name.as_str()
            aria-describedby=move || marked.described_by()
            class=move || marked.class()
            title="由各项自动合计"
        >
            {move || editor.cell(cell).display()}
        </output>

    }
}

/// One input cell: keeps what the user typed, stores the parsed value, moves
/// like a spreadsheet, and pastes blocks.
#[component]
fn CellInput(cell: usize, grid: Arc<Grid>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let format = format::current();
    let def: &'static CellDef = &format.cells()[cell];
    let kind = def.kind;
    let marked = Marked::of(cell);
    let input: NodeRef<html::Input> = NodeRef::new();

    // Write the value into the input only when it differs from what the input
    // shows: typing "０３" must not be rewritten to "3" under the user's caret,
    // but undo, paste and import must show.
    Effect::new(move |_| {
        let v = editor.cell(cell);
        if let Some(el) = input.get() {
            if Cell::parse(&el.value(), kind) != v {
                el.set_value(&v.display());
            }
        }
    });

    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = Cell::parse(&text, kind);
        editor.edit(Some(&def.key), move |r| r.cells[cell] = parsed);
    };

    let on_blur = move |_| {
        editor.close_step();
        // Show the value in its normal form once the user leaves the cell.
        if let Some(el) = input.get() {
            let v = untrack(|| editor.cell(cell));
            if !matches!(v, Cell::Invalid(_)) && el.value() != v.display() {
                el.set_value(&v.display());
            }
        }
    };

    let nav_grid = grid.clone();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // Typing is most keystrokes: decide from the key alone, and ask the
        // input for its caret only for the left and right arrows.
        let key = ev.key();
        if !matches!(
            key.as_str(),
            "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Enter"
        ) || ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
        {
            return;
        }
        let at_edge = |left: bool| {
            let Some(el) = input.get() else { return false };
            let len = el.value().encode_utf16().count() as u32;
            let start = el.selection_start().ok().flatten().unwrap_or(0);
            let end = el.selection_end().ok().flatten().unwrap_or(len);
            (start == 0 && end == len) || if left { end == 0 } else { start == len }
        };
        let direction = match key.as_str() {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "Enter" if ev.shift_key() => Some(Direction::Up),
            "Enter" => Some(Direction::Down),
            "ArrowLeft" if at_edge(true) => Some(Direction::Left),
            "ArrowRight" if at_edge(false) => Some(Direction::Right),
            _ => None,
        };
        if let Some(direction) = direction {
            ev.prevent_default();
            if let Some(target) = nav_grid.step(cell, direction) {
                dom::focus_key(&format.cells()[target].key);
            }
        }
    };

    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        let Some(block) = parse_block(&text) else {
            return; // a single value: the input takes it as typed
        };
        ev.prevent_default();
        let paste = grid.paste(format, cell, &block);
        let count = paste.writes.len();
        editor.edit(None, move |r| {
            for (i, v) in paste.writes {
                r.cells[i] = v;
            }
        });
        let mut message = format!("已粘贴 {count} 个单元格");
        if paste.on_totals > 0 {
            message.push_str(&format!(
                "；{} 个值落在合计栏，合计由本工具自动计算",
                paste.on_totals
            ));
        }
        if paste.outside > 0 {
            message.push_str(&format!("；{} 个值超出表格范围，未粘贴", paste.outside));
        }
        editor.notice.set(Some(message));
    };

    let remainder = balance_remainder(def);
    view! {
        <input
            type="text"
            node_ref=input
            inputmode=if kind == Kind::Amount { "decimal" } else { "numeric" }
            autocomplete="off"
            data-key=def.key.as_str()
            aria-label=def.name.as_str()
            aria-invalid=move || marked.invalid()
            aria-describedby=move || marked.described_by()
            class=move || marked.class()
            placeholder=move || marked.flag().filter(|f| *f == "未填").unwrap_or("")
            on:input=on_input
            on:blur=on_blur
            on:keydown=on_keydown
            on:paste=on_paste
        />

        {remainder.map(|column| view! { <ImpliedRemainder cell=cell column=column/> })}
    }
}

/// For a cell of the balance's remainder row (四、结转下年度继续办理), the
/// column it is in.
fn balance_remainder(def: &'static CellDef) -> Option<&'static str> {
    let balance = def.table.balance.as_ref()?;
    (def.row.key == balance.remainder).then_some(def.column.key)
}

/// Beside a 结转下年度 cell: the value the balance implies, with one click to take it.
#[component]
fn ImpliedRemainder(cell: usize, column: &'static str) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let def: &'static CellDef = &format::current().cells()[cell];
    let implied = editor.select(move |r| {
        let n = r.implied_remainder(def.table, column)?;
        (r.cells[cell] != Cell::Count(n)).then_some(n)
    });
    move || {
        implied.get().map(|n| {
            view! {
                <button
                    type="button"
                    class="take-implied"
                    title="按勾稽关系计算：一 + 二 − （七）总计"
                    aria-label=format!("{}：采用计算值 {n}", def.name)
                    on:click=move |_| {
                        editor.edit(None, move |r| r.cells[cell] = Cell::Count(n));
                    }
                >
                    {format!("应为 {n}")}
                </button>
            }
        })
    }
}
