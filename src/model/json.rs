//! The report as JSON: writing, strict reading with Chinese error messages, and
//! the JSON Schema (`report.schema.json`) generated from the format.
//!
//! Shape (every key below comes from the format definition):
//!
//! ```json
//! {
//!   "schema": "nianbao.report/1",
//!   "format": "gov-2021",
//!   "meta": { "agency": "…", "level": "township", "year": 2023,
//!             "deadline": "2024-01-31", "contact": "" },
//!   "preamble": "…",
//!   "sections": { "overview": "…", "problems": "…", "other": "…" },
//!   "table2": { "regulations": { "issued": 0, … }, "fees": { "amount": "12.50" } },
//!   "table3": { "new_received": { "natural_person": 3, … }, … },
//!   "table4": { "review": { "upheld": 0, … }, … },
//!   "confirmations": { "FEE-UNIT": "已核实：…" }
//! }
//! ```
//!
//! A cell is `null` when blank, an integer for a count, a decimal string for an
//! amount (so "12.50" keeps its zero), or `{"invalid": "text as typed"}` for
//! text that is not a valid value.

use super::{Amount, Cell, Date, Level, Meta, Report};
use crate::format::{self, Content, Format, Kind};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The `schema` identifier written into every report.
pub const SCHEMA: &str = "nianbao.report/1";
/// Prefix shared by every version of the schema identifier.
pub const SCHEMA_PREFIX: &str = "nianbao.report/";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One problem found while reading a report from JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Dotted path of the value, e.g. "table3.new_received.natural_person";
    /// empty for the whole document.
    pub path: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}：{}", self.path, self.message)
        }
    }
}

impl Report {
    /// The report as a JSON value.
    pub fn to_json(&self) -> Value {
        let mut root = Map::new();
        root.insert("schema".into(), SCHEMA.into());
        root.insert("format".into(), self.format.id.into());
        root.insert("meta".into(), meta_to_json(&self.meta));
        root.insert("preamble".into(), self.preamble.clone().into());
        let mut sections = Map::new();
        for (section, text) in self.format.sections.iter().zip(&self.texts) {
            if section.content == Content::Text {
                sections.insert(section.key.into(), text.clone().into());
            }
        }
        root.insert("sections".into(), sections.into());
        for (def, cell) in self.format.cells().iter().zip(&self.cells) {
            let table = root
                .entry(def.table.key)
                .or_insert_with(|| Value::Object(Map::new()));
            let row = table
                .as_object_mut()
                .expect("tables are objects")
                .entry(def.row.key)
                .or_insert_with(|| Value::Object(Map::new()));
            row.as_object_mut()
                .expect("rows are objects")
                .insert(def.column.key.into(), cell_to_json(cell));
        }
        root.insert(
            "confirmations".into(),
            string_map_to_json(&self.confirmations),
        );
        if !self.headings.is_empty() {
            root.insert("headings".into(), string_map_to_json(&self.headings));
        }
        if self.trial_2019 {
            root.insert("trial_format".into(), "2019".into());
        }
        Value::Object(root)
    }

    /// The downloaded file: the report plus the app's name and version and the
    /// export time (`now`, ISO 8601), which readers ignore.
    pub fn to_export_json(&self, now: &str) -> String {
        let mut value = self.to_json();
        let root = value.as_object_mut().expect("a report is an object");
        root.insert(
            "app".into(),
            json!({ "name": "nianbao", "version": crate::VERSION }),
        );
        root.insert("exported_at".into(), now.into());
        // Writing a Value cannot fail; no Debug formatting of errors in the module.
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    /// Pretty-printed JSON text.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string_pretty(&self.to_json()).unwrap_or_default()
    }

    /// Reads a report from JSON text. Every problem found is reported, each
    /// with its path; nothing is guessed.
    pub fn from_json_str(text: &str) -> Result<Report, Vec<JsonError>> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![JsonError {
                path: String::new(),
                message: format!(
                    "不是有效的 JSON 文件（第 {} 行第 {} 列）",
                    e.line(),
                    e.column()
                ),
            }]
        })?;
        Report::from_json(&value)
    }

    /// Reads a report from a JSON value (see [`Report::from_json_str`]).
    pub fn from_json(value: &Value) -> Result<Report, Vec<JsonError>> {
        let mut r = Reader::default();
        let Some(root) = value.as_object() else {
            return Err(r.fail("", "应为 JSON 对象（年报文件）"));
        };
        match root.get("schema").and_then(Value::as_str) {
            Some(SCHEMA) => {}
            Some(other) if other.starts_with(SCHEMA_PREFIX) => {
                return Err(r.fail(
                    "schema",
                    &format!("该文件由更新版本的 nianbao 生成（{other}），请使用新版本打开"),
                ));
            }
            _ => {
                return Err(r.fail(
                    "schema",
                    &format!("不是 nianbao 年报文件：缺少 \"schema\": \"{SCHEMA}\""),
                ));
            }
        }
        let format = match root.get("format").and_then(Value::as_str) {
            Some(id) => match format::by_id(id) {
                Some(f) => f,
                None => return Err(r.fail("format", &format!("未知的报告格式 \"{id}\""))),
            },
            None => return Err(r.fail("format", "缺少报告格式标识")),
        };
        let mut report = Report::empty(format);
        let known: Vec<&str> = [
            "schema",
            "format",
            "meta",
            "preamble",
            "sections",
            "confirmations",
            "headings",
            "trial_format",
        ]
        .into_iter()
        .chain(EXTRA_TOP_LEVEL.iter().copied())
        .chain(format.tables.iter().map(|t| t.key))
        .collect();
        r.unknown_keys("", root, &known);
        report.meta = r.meta(root.get("meta"));
        report.preamble = r.string("preamble", root.get("preamble"));
        r.sections(format, root.get("sections"), &mut report);
        r.tables(format, root, &mut report);
        report.confirmations = r.string_map("confirmations", root.get("confirmations"));
        report.headings = r.string_map("headings", root.get("headings"));
        match root.get("trial_format") {
            None | Some(Value::Null) => {}
            Some(Value::String(v)) if v == "2019" => report.trial_2019 = true,
            Some(other) => r.error(
                "trial_format",
                format!("应为 \"2019\"（2019 年试行格式），实为 {}", shown(other)),
            ),
        }
        let sections: Vec<&str> = format.sections.iter().map(|s| s.key).collect();
        let unknown: Vec<String> = report
            .headings
            .keys()
            .filter(|k| !sections.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            r.error(&join("headings", &key), "不是本格式的部分".to_string());
        }
        if r.errors.is_empty() {
            Ok(report)
        } else {
            Err(r.errors)
        }
    }
}

/// Top-level keys written by exports around the report itself (app version,
/// export time) that a reader accepts and ignores.
pub const EXTRA_TOP_LEVEL: &[&str] = &["app", "exported_at"];

/// A map of strings as a JSON object. (Inserted one by one: collecting
/// into a `Map` sorts its entries first, and each such sort adds a few KB
/// to the form page's module, see crate::sort.)
fn string_map_to_json(map: &BTreeMap<String, String>) -> Value {
    let mut out = Map::new();
    for (k, v) in map {
        out.insert(k.clone(), v.clone().into());
    }
    Value::Object(out)
}

fn meta_to_json(meta: &Meta) -> Value {
    json!({
        "agency": meta.agency,
        "level": meta.level.map(Level::key),
        "year": meta.year,
        "deadline": meta.deadline.map(|d| d.to_string()),
        "contact": meta.contact,
    })
}

fn cell_to_json(cell: &Cell) -> Value {
    match cell {
        Cell::Blank => Value::Null,
        Cell::Count(n) => (*n).into(),
        Cell::Amount(a) => a.as_str().into(),
        Cell::Invalid(text) => json!({ "invalid": text }),
    }
}

/// A JSON value as text on one line. (Not `Value`'s `Display`: it carries
/// the pretty printer as well, for `{:#}`, a KB more in the form page.)
pub fn compact(value: &Value) -> String {
    // Writing a Value cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Shows a JSON value the way the user would see it in the file.
fn shown(value: &Value) -> String {
    let text = compact(value);
    if text.chars().count() > 40 {
        let short: String = text.chars().take(40).collect();
        format!("{short}…")
    } else {
        text
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<JsonError>,
}

impl Reader {
    fn fail(&mut self, path: &str, message: &str) -> Vec<JsonError> {
        self.error(path, message.to_string());
        std::mem::take(&mut self.errors)
    }

    fn error(&mut self, path: &str, message: String) {
        self.errors.push(JsonError {
            path: path.to_string(),
            message,
        });
    }

    fn unknown_keys(&mut self, path: &str, object: &Map<String, Value>, known: &[&str]) {
        for key in object.keys() {
            if !known.contains(&key.as_str()) {
                let full = join(path, key);
                self.error(&full, "未知字段（本版本不认识，导入会丢失它）".to_string());
            }
        }
    }

    fn object<'v>(
        &mut self,
        path: &str,
        value: Option<&'v Value>,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Some(Value::Object(map)) => Some(map),
            Some(other) => {
                self.error(path, format!("应为对象，实为 {}", shown(other)));
                None
            }
            None => {
                self.error(path, "缺少该字段".to_string());
                None
            }
        }
    }

    fn string(&mut self, path: &str, value: Option<&Value>) -> String {
        match value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => {
                self.error(path, format!("应为文字，实为 {}", shown(other)));
                String::new()
            }
        }
    }

    fn meta(&mut self, value: Option<&Value>) -> Meta {
        let mut meta = Meta::default();
        let Some(map) = self.object("meta", value) else {
            return meta;
        };
        self.unknown_keys(
            "meta",
            map,
            &["agency", "level", "year", "deadline", "contact"],
        );
        meta.agency = self.string("meta.agency", map.get("agency"));
        meta.contact = self.string("meta.contact", map.get("contact"));
        meta.level = match map.get("level") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if Level::from_key(s).is_some() => Level::from_key(s),
            Some(other) => {
                let keys: Vec<&str> = Level::ALL.iter().map(|l| l.key()).collect();
                self.error(
                    "meta.level",
                    format!("应为 {} 之一，实为 {}", keys.join("、"), shown(other)),
                );
                None
            }
        };
        meta.year = match map.get("year") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_i64() {
                Some(y) if (1900..=9998).contains(&y) => Some(y as i32),
                _ => {
                    self.error("meta.year", format!("应为四位年份，实为 {}", shown(v)));
                    None
                }
            },
        };
        meta.deadline = match map.get("deadline") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_str().and_then(Date::parse) {
                Some(d) => Some(d),
                None => {
                    self.error(
                        "meta.deadline",
                        format!("应为日期（如 \"2025-01-31\"），实为 {}", shown(v)),
                    );
                    None
                }
            },
        };
        meta
    }

    fn sections(&mut self, format: &Format, value: Option<&Value>, report: &mut Report) {
        let Some(map) = self.object("sections", value) else {
            return;
        };
        let keys: Vec<&str> = format.text_sections().map(|s| s.key).collect();
        self.unknown_keys("sections", map, &keys);
        for key in keys {
            let text = self.string(&join("sections", key), map.get(key));
            report.set_text(key, text);
        }
    }

    fn tables(&mut self, format: &'static Format, root: &Map<String, Value>, report: &mut Report) {
        for table in format.tables {
            let Some(table_map) = self.object(table.key, root.get(table.key)) else {
                continue;
            };
            let rows: Vec<&str> = table
                .blocks
                .iter()
                .flat_map(|b| b.rows)
                .map(|r| r.key)
                .collect();
            self.unknown_keys(table.key, table_map, &rows);
            for block in table.blocks {
                for row in block.rows {
                    let row_path = join(table.key, row.key);
                    let Some(row_map) = self.object(&row_path, table_map.get(row.key)) else {
                        continue;
                    };
                    let columns: Vec<&str> = block.columns.iter().map(|c| c.key).collect();
                    self.unknown_keys(&row_path, row_map, &columns);
                    for column in block.columns {
                        let path = join(&row_path, column.key);
                        let cell = match row_map.get(column.key) {
                            Some(v) => self.cell(&path, v, column.kind),
                            None => {
                                self.error(&path, "缺少该字段（空白请写 null）".to_string());
                                Cell::Blank
                            }
                        };
                        report.set_cell(&path, cell);
                    }
                }
            }
        }
    }

    fn cell(&mut self, path: &str, value: &Value, kind: Kind) -> Cell {
        match (value, kind) {
            (Value::Null, _) => Cell::Blank,
            (Value::Object(map), _) if map.len() == 1 && map.contains_key("invalid") => {
                match &map["invalid"] {
                    Value::String(s) => Cell::Invalid(s.clone()),
                    other => {
                        self.error(path, format!("\"invalid\" 应为文字，实为 {}", shown(other)));
                        Cell::Blank
                    }
                }
            }
            (Value::Number(n), Kind::Count) if n.as_u64().is_some() => {
                Cell::Count(n.as_u64().expect("checked"))
            }
            (other, Kind::Count) => {
                self.error(path, format!("应为非负整数，实为 {}", shown(other)));
                Cell::Blank
            }
            (Value::String(s), Kind::Amount) if Amount::parse(s).is_some() => {
                Cell::Amount(Amount::parse(s).expect("checked"))
            }
            (other, Kind::Amount) => {
                self.error(
                    path,
                    format!(
                        "应为非负金额（万元，写成文字如 \"12.50\"），实为 {}",
                        shown(other)
                    ),
                );
                Cell::Blank
            }
        }
    }

    /// An object of strings (confirmations, headings); absent means empty.
    fn string_map(&mut self, path: &str, value: Option<&Value>) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        match value {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (key, note) in map {
                    match note {
                        Value::String(s) => {
                            out.insert(key.clone(), s.clone());
                        }
                        other => {
                            self.error(&join(path, key), format!("应为文字，实为 {}", shown(other)))
                        }
                    }
                }
            }
            Some(other) => self.error(path, format!("应为对象，实为 {}", shown(other))),
        }
        out
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The JSON Schema of the report file, generated from the format definitions.
/// `report.schema.json` in the repository is this value; a test keeps the two equal.
pub fn json_schema() -> Value {
    let format = format::current();
    let invalid = json!({
        "type": "object",
        "description": "不是有效数值的原文，按填写原样保留",
        "properties": { "invalid": { "type": "string" } },
        "required": ["invalid"],
        "additionalProperties": false
    });
    let count = json!({
        "description": "非负整数；null 表示空白（不等于 0）",
        "oneOf": [ { "type": "integer", "minimum": 0 }, { "type": "null" }, { "$ref": "#/$defs/invalid" } ]
    });
    let amount = json!({
        "description": "金额（万元），十进制数字的文字形式，保留填写的小数位；null 表示空白",
        "oneOf": [ { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" }, { "type": "null" }, { "$ref": "#/$defs/invalid" } ]
    });
    let mut properties = Map::new();
    properties.insert("schema".into(), json!({ "const": SCHEMA }));
    properties.insert(
        "format".into(),
        json!({ "enum": format::ALL.iter().map(|f| f.id).collect::<Vec<_>>(),
                "description": "国家年报格式；gov-2021 = 国办公开办函〔2021〕30号" }),
    );
    properties.insert(
        "meta".into(),
        json!({
            "type": "object",
            "properties": {
                "agency": { "type": "string", "description": "机关名称" },
                "level": { "description": "机关层级", "oneOf": [
                    { "enum": Level::ALL.iter().map(|l| l.key()).collect::<Vec<_>>() },
                    { "type": "null" } ] },
                "year": { "description": "报告年度", "oneOf": [ { "type": "integer", "minimum": 1900, "maximum": 9998 }, { "type": "null" } ] },
                "deadline": { "description": "报送期限，null 表示次年1月31日", "oneOf": [ { "type": "string", "format": "date" }, { "type": "null" } ] },
                "contact": { "type": "string", "description": "联系方式（可选）" }
            },
            "required": ["agency", "level", "year", "deadline", "contact"],
            "additionalProperties": false
        }),
    );
    properties.insert(
        "preamble".into(),
        json!({ "type": "string", "description": "正文前的说明（可选）" }),
    );
    let mut sections = Map::new();
    for s in format.text_sections() {
        sections.insert(
            s.key.into(),
            json!({ "type": "string", "description": s.heading }),
        );
    }
    let section_keys: Vec<&str> = format.text_sections().map(|s| s.key).collect();
    let section_keys_all: Vec<&str> = format.sections.iter().map(|s| s.key).collect();
    properties.insert(
        "sections".into(),
        json!({ "type": "object", "properties": sections, "required": section_keys, "additionalProperties": false }),
    );
    let mut required: Vec<&str> = vec!["schema", "format", "meta", "preamble", "sections"];
    for table in format.tables {
        let mut rows = Map::new();
        let mut row_keys = Vec::new();
        for block in table.blocks {
            for row in block.rows {
                let mut columns = Map::new();
                for column in block.columns {
                    let reference = match column.kind {
                        Kind::Count => "#/$defs/count",
                        Kind::Amount => "#/$defs/amount",
                    };
                    let computed = if row.total_of.is_empty() && column.total_of.is_empty() {
                        ""
                    } else {
                        "（合计）"
                    };
                    columns.insert(
                        column.key.into(),
                        json!({ "$ref": reference, "description": format!("{} {}{computed}", row.label, column.label) }),
                    );
                }
                let column_keys: Vec<&str> = block.columns.iter().map(|c| c.key).collect();
                rows.insert(
                    row.key.into(),
                    json!({ "type": "object", "description": row.label, "properties": columns,
                            "required": column_keys, "additionalProperties": false }),
                );
                row_keys.push(row.key);
            }
        }
        properties.insert(
            table.key.into(),
            json!({ "type": "object", "description": table.caption, "properties": rows,
                    "required": row_keys, "additionalProperties": false }),
        );
        required.push(table.key);
    }
    properties.insert(
        "confirmations".into(),
        json!({ "type": "object", "description": "对警告的核实说明，键为发现项标识",
                "additionalProperties": { "type": "string" } }),
    );
    properties.insert(
        "headings".into(),
        json!({ "type": "object", "description": "导入的已发布报告中与模板不同的部分标题（\"\" 表示缺少该部分）",
                "propertyNames": { "enum": section_keys_all }, "additionalProperties": { "type": "string" } }),
    );
    properties.insert(
        "trial_format".into(),
        json!({ "const": "2019", "description": "由 2019 年试行格式的报告导入：只含能对应到 2021 年格式的内容" }),
    );
    properties.insert(
        "app".into(),
        json!({ "description": "导出的应用及版本（导入时忽略）" }),
    );
    properties.insert(
        "exported_at".into(),
        json!({ "type": "string", "description": "导出时间（导入时忽略）" }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "report.schema.json",
        "title": "政府信息公开工作年度报告（nianbao）",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
        "$defs": { "count": count, "amount": amount, "invalid": invalid }
    })
}
