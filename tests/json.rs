//! The report's JSON form: lossless round trip, strict reading, and the schema
//! file kept in the repository.

use nianbao::format::{self, Kind};
use nianbao::model::json::{json_schema, SCHEMA};
use nianbao::model::{Cell, Date, Level, Report};
use serde_json::{json, Value};

/// A report touching every kind of value: blank, 0, counts, an amount with a
/// trailing zero, invalid text, multi-line text with markup characters.
fn sample() -> Report {
    let mut r = Report::new();
    r.meta.agency = "洛阳市西工区唐宫路街道办事处".into();
    r.meta.level = Some(Level::Township);
    r.meta.year = Some(2023);
    r.meta.deadline = Some(Date::new(2024, 1, 20));
    r.meta.contact = "电话：0379-1234567".into();
    r.preamble = "本报告根据《条例》编制。\n统计期限自2023年1月1日起至2023年12月31日止。".into();
    r.set_text(
        "overview",
        "（一）主动公开\n\n全年公开 <b>199</b> 条 & \"更多\"。",
    );
    r.set_text("problems", "一是……\n二是……");
    r.set_text("other", "本年度未收取信息处理费。");
    r.set_cell("table3.new_received.natural_person", Cell::Count(3));
    r.set_cell("table3.new_received.commercial", Cell::Count(0));
    r.set_cell(
        "table3.carried_over.natural_person",
        Cell::Invalid("一".into()),
    );
    r.set_cell("table3.carried_over.commercial", Cell::Invalid("/".into()));
    r.set_cell("table2.fees.amount", Cell::parse("12.50", Kind::Amount));
    r.confirmations
        .insert("FEE-UNIT".into(), "已核实：本年收费确为12.50万元".into());
    r
}

#[test]
fn round_trip_is_lossless() {
    let report = sample();
    let text = report.to_json_string();
    let back = Report::from_json_str(&text).expect("reads back");
    assert_eq!(back, report);
    assert_eq!(back.to_json_string(), text);
}

#[test]
fn blank_zero_and_invalid_text_are_three_states() {
    let json = sample().to_json();
    assert_eq!(json["table3"]["new_received"]["natural_person"], json!(3));
    assert_eq!(json["table3"]["new_received"]["commercial"], json!(0));
    assert_eq!(json["table3"]["new_received"]["research"], Value::Null);
    assert_eq!(
        json["table3"]["carried_over"]["natural_person"],
        json!({"invalid": "一"})
    );
    assert_eq!(json["table2"]["fees"]["amount"], json!("12.50"));
    let back = Report::from_json(&json).unwrap();
    assert_eq!(
        back.cell("table3.new_received.commercial"),
        Some(&Cell::Count(0))
    );
    assert_eq!(
        back.cell("table3.new_received.research"),
        Some(&Cell::Blank)
    );
    assert_eq!(
        back.cell("table3.carried_over.commercial"),
        Some(&Cell::Invalid("/".into()))
    );
    assert_eq!(back.cell("table2.fees.amount").unwrap().display(), "12.50");
}

#[test]
fn keys_are_the_dotted_paths_of_the_format() {
    let json = Report::new().to_json();
    for cell in format::current().cells() {
        let mut v = &json;
        for part in cell.key.split('.') {
            v = v
                .get(part)
                .unwrap_or_else(|| panic!("{} missing in JSON", cell.key));
        }
        assert!(v.is_null(), "{} of a new report is blank", cell.key);
    }
    assert_eq!(json["schema"], SCHEMA);
    assert_eq!(json["format"], "gov-2021");
}

#[test]
fn many_random_reports_round_trip() {
    // A small LCG: no test dependency needed for a property this simple.
    let mut seed: u64 = 0x2021_0030;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let texts = [
        "", "0", "7", "１２", "1.5", "-1", "无", "—", " 3 ", "abc\"<>&", "12.500",
    ];
    for _ in 0..200 {
        let mut r = Report::new();
        for (i, def) in format::current().cells().iter().enumerate() {
            let t = texts[(next() % texts.len() as u64) as usize];
            r.cells[i] = Cell::parse(t, def.kind);
        }
        r.meta.year = Some(2000 + (next() % 40) as i32);
        r.set_text("overview", texts[(next() % texts.len() as u64) as usize]);
        let back = Report::from_json_str(&r.to_json_string()).unwrap();
        assert_eq!(back, r);
    }
}

fn errors(value: Value) -> Vec<String> {
    Report::from_json(&value)
        .expect_err("must be refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn with(path: &[&str], v: Value) -> Value {
    let mut json = sample().to_json();
    let mut target = &mut json;
    for p in &path[..path.len() - 1] {
        target = &mut target[*p];
    }
    target[path[path.len() - 1]] = v;
    json
}

#[test]
fn reading_names_what_is_wrong_and_where() {
    assert_eq!(
        errors(with(
            &["table3", "new_received", "natural_person"],
            json!("abc")
        )),
        ["table3.new_received.natural_person：应为非负整数，实为 \"abc\""]
    );
    assert_eq!(
        errors(with(&["table4", "review", "upheld"], json!(-1))),
        ["table4.review.upheld：应为非负整数，实为 -1"]
    );
    assert_eq!(
        errors(with(&["table4", "review", "upheld"], json!(1.5))),
        ["table4.review.upheld：应为非负整数，实为 1.5"]
    );
    assert_eq!(
        errors(with(&["table2", "fees", "amount"], json!(12.5))),
        ["table2.fees.amount：应为非负金额（万元，写成文字如 \"12.50\"），实为 12.5"]
    );
    assert_eq!(
        errors(with(&["meta", "year"], json!("2023"))),
        ["meta.year：应为四位年份，实为 \"2023\""]
    );
    assert_eq!(
        errors(with(&["schema"], json!("something/else"))),
        [format!(
            "schema：不是 nianbao 年报文件：缺少 \"schema\": \"{SCHEMA}\""
        )]
    );
    assert_eq!(
        errors(with(&["schema"], json!("nianbao.report/9"))),
        ["schema：该文件由更新版本的 nianbao 生成（nianbao.report/9），请使用新版本打开"]
    );
    assert_eq!(
        errors(with(
            &["table3", "new_received", "natrual_person"],
            json!(1)
        )),
        ["table3.new_received.natrual_person：未知字段（本版本不认识，导入会丢失它）"]
    );
    let mut missing = sample().to_json();
    missing["table4"].as_object_mut().unwrap().remove("review");
    assert_eq!(errors(missing), ["table4.review：缺少该字段"]);
    let e = Report::from_json_str("{\"schema\": ").unwrap_err();
    assert!(
        e[0].to_string()
            .starts_with("不是有效的 JSON 文件（第 1 行"),
        "{}",
        e[0]
    );
    // Every problem is listed, not only the first.
    let mut two = with(&["table3", "new_received", "natural_person"], json!("x"));
    two["table4"]["review"]["total"] = json!(true);
    assert_eq!(errors(two).len(), 2);
}

#[test]
fn the_download_carries_app_format_and_time_and_reads_back() {
    let text = sample().to_export_json("2025-01-15T08:00:00.000Z");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["app"]["name"], "nianbao");
    assert_eq!(value["app"]["version"], nianbao::VERSION);
    assert_eq!(value["format"], "gov-2021");
    assert_eq!(value["exported_at"], "2025-01-15T08:00:00.000Z");
    assert_eq!(Report::from_json_str(&text).unwrap(), sample());
    assert_eq!(
        sample().file_name("json"),
        "洛阳市西工区唐宫路街道办事处2023年政府信息公开工作年度报告.json"
    );
}

#[test]
fn export_extras_are_accepted() {
    let mut json = sample().to_json();
    json["app"] = json!({"name": "nianbao", "version": "0.1.0"});
    json["exported_at"] = json!("2024-01-15T08:00:00Z");
    assert_eq!(Report::from_json(&json).unwrap(), sample());
}

/// Checks a value against the subset of JSON Schema that report.schema.json uses.
fn conforms(v: &Value, schema: &Value, defs: &Value) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return conforms(v, &defs[name], defs);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = options
            .iter()
            .filter(|s| conforms(v, s, defs).is_ok())
            .count();
        return if ok == 1 {
            Ok(())
        } else {
            Err(format!("{v} matches {ok} of oneOf"))
        };
    }
    if let Some(c) = schema.get("const") {
        if v != c {
            return Err(format!("{v} != const {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            return Err(format!("{v} not in enum"));
        }
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("integer") => {
            let n = v.as_i64().ok_or(format!("{v} not an integer"))?;
            if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
                if n < min {
                    return Err(format!("{n} < {min}"));
                }
            }
        }
        Some("null") if !v.is_null() => return Err(format!("{v} not null")),
        Some("string") => {
            let s = v.as_str().ok_or(format!("{v} not a string"))?;
            if schema.get("pattern").is_some() {
                let (i, f) = s.split_once('.').unwrap_or((s, "0"));
                let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
                if !(digits(i) && digits(f)) {
                    return Err(format!("{s} does not match the amount pattern"));
                }
            }
        }
        Some("object") => {
            let map = v.as_object().ok_or(format!("{v} not an object"))?;
            let props = schema.get("properties").and_then(Value::as_object);
            for req in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if !map.contains_key(req.as_str().unwrap()) {
                    return Err(format!("missing {req}"));
                }
            }
            for (k, child) in map {
                match props.and_then(|p| p.get(k)) {
                    Some(s) => conforms(child, s, defs).map_err(|e| format!("{k}.{e}"))?,
                    None => match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) => return Err(format!("unexpected {k}")),
                        Some(s @ Value::Object(_)) => conforms(child, s, defs)?,
                        _ => {}
                    },
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[test]
fn reports_conform_to_the_schema() {
    let schema = json_schema();
    let defs = schema["$defs"].clone();
    conforms(&sample().to_json(), &schema, &defs).unwrap();
    conforms(&Report::new().to_json(), &schema, &defs).unwrap();
    let bad = with(&["table3", "new_received", "natural_person"], json!(-2));
    assert!(conforms(&bad, &schema, &defs).is_err());
    let bad = with(&["table3", "new_received", "extra"], json!(1));
    assert!(conforms(&bad, &schema, &defs).is_err());
}

#[test]
fn schema_file_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/report.schema.json");
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    if std::env::var_os("NIANBAO_WRITE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "report.schema.json is out of date: run `make schema` and commit it"
    );
}
