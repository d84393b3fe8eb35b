//! A rule set a person wrote as JSON (`program add-version --rules FILE.json`): read in
//! the shape the book stores, every key known, a mistake named by its place in the file.

use std::path::Path;

use serde_json::Value;

use super::model::RuleSet;
use crate::{Error, Problem, Result, Text};

fn problem(code: &'static str, ru: String, en: String) -> Error {
    Error::Invalid(vec![Problem::new(code, Text::new(ru, en))])
}

/// The rule set in `path`. A file that cannot be read, is not JSON, is not a rule set or
/// carries a key no rule set has is refused, the file and the place named.
pub fn read_rules_file(path: &Path) -> Result<RuleSet> {
    let source = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        problem(
            "rules_unreadable",
            format!("{source}: файл не читается: {e}"),
            format!("{source}: the file cannot be read: {e}"),
        )
    })?;
    rules_from_json(&source, &text)
}

/// The rule set in `text`; `source` (a file name) starts every message.
pub fn rules_from_json(source: &str, text: &str) -> Result<RuleSet> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rules: RuleSet = serde_json::from_str(text).map_err(|e| parse_error(source, &e))?;
    let given: Value = serde_json::from_str(text).map_err(|e| parse_error(source, &e))?;
    let known = serde_json::to_value(&rules).map_err(|e| parse_error(source, &e))?;
    let mut unknown = Vec::new();
    unknown_keys(&given, &known, "", &mut unknown);
    if unknown.is_empty() {
        return Ok(rules);
    }
    Err(Error::Invalid(
        unknown
            .into_iter()
            .map(|key| {
                Problem::new(
                    "unknown_rule_key",
                    Text::new(
                        format!("{source}: ключа «{key}» в наборе правил нет (опечатка?)"),
                        format!("{source}: a rule set has no key “{key}” (a typo?)"),
                    ),
                )
            })
            .collect(),
    ))
}

/// Not JSON, or JSON that is not a rule set: serde's words, at its line and column.
fn parse_error(source: &str, e: &serde_json::Error) -> Error {
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let detail = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full);
    let place_ru = format!("{source}, строка {line}, столбец {column}");
    let place_en = format!("{source}, line {line}, column {column}");
    match e.classify() {
        serde_json::error::Category::Data => problem(
            "bad_rules",
            format!("{place_ru}: это не набор правил программы: {detail}"),
            format!("{place_en}: this is not a program rule set: {detail}"),
        ),
        _ => problem(
            "rules_not_json",
            format!("{place_ru}: это не JSON: {detail}"),
            format!("{place_en}: this is not valid JSON: {detail}"),
        ),
    }
}

/// Keys of `given` that reading dropped: what `known` (the rule set written back) lacks.
/// Serde skips an unknown key silently, so a misspelt optional one would change a rule.
fn unknown_keys(given: &Value, known: &Value, path: &str, out: &mut Vec<String>) {
    match (given, known) {
        (Value::Object(given), Value::Object(known)) => {
            for (key, value) in given {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match known.get(key) {
                    Some(k) => unknown_keys(value, k, &here, out),
                    None => out.push(here),
                }
            }
        }
        (Value::Array(given), Value::Array(known)) => {
            for (i, (g, k)) in given.iter().zip(known).enumerate() {
                unknown_keys(g, k, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs::templates::templates;

    fn bitrix24_json() -> Value {
        let rules = templates()
            .into_iter()
            .find(|t| t.id == "bitrix24")
            .and_then(|t| t.versions.last().map(|(_, r)| r.clone()))
            .expect("bitrix24's rules");
        serde_json::to_value(rules).expect("as JSON")
    }

    fn message(text: &str) -> (Vec<&'static str>, String) {
        let e = rules_from_json("r.json", text).expect_err("refused");
        let codes = e.problems().iter().map(|p| p.code).collect();
        (codes, e.message(crate::Lang::En))
    }

    #[test]
    fn a_stored_rule_set_reads_back_as_it_was() {
        let json = bitrix24_json();
        let rules = rules_from_json("r.json", &format!("\u{feff}{json:#}")).expect("read");
        assert_eq!(serde_json::to_value(rules).expect("JSON"), json);
    }

    #[test]
    fn broken_json_is_named_by_line_and_column() {
        let (codes, text) = message("{\n  \"hold_days\": 0,\n  \"rewards\": [\n}");
        assert_eq!(codes, ["rules_not_json"]);
        assert!(text.starts_with("r.json, line 4, column 1: this is not valid JSON: "));
        assert!(!text.contains(" at line "), "{text}");
    }

    #[test]
    fn json_that_is_no_rule_set_is_named_with_what_is_wrong() {
        let mut json = bitrix24_json();
        json["rewards"][0]["percent"] = Value::Bool(true);
        let (codes, text) = message(&format!("{json:#}"));
        assert_eq!(codes, ["bad_rules"]);
        assert!(text.contains("this is not a program rule set"), "{text}");
        let (_, missing) = message("{}");
        assert!(missing.contains("missing field `binding`"), "{missing}");
    }

    #[test]
    fn a_misspelt_key_is_refused_not_dropped() {
        let mut json = bitrix24_json();
        json["rewards"][1]["within_year"] = Value::from(2);
        json["holds"] = Value::from(2);
        let (codes, text) = message(&json.to_string());
        assert_eq!(codes, ["unknown_rule_key", "unknown_rule_key"]);
        assert!(text.contains("“rewards[1].within_year”"), "{text}");
        assert!(text.contains("“holds”"), "{text}");
    }
}
