//! What-if with the rules in force, the replay oracle (FORMATS.md, "Programs, and
//! what-if"): for each program of the generated year, `program show P --json` gives the
//! version in force on the year's first day; its rules go to a file, and
//! `whatif --program P --from D --rules FILE --json` replays every payment of the year
//! under them. The book must not differ from its own replay: every partner's difference
//! is zero. A command this `partnerbook` does not have (exit 2) is reported as not run.

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::child::{self, Measured};
use crate::imports;
use crate::partners_file::PROGRAMS;
use crate::year;

/// One program's replay.
pub struct Replay {
    pub program: &'static str,
    pub measured: Measured,
    /// Rows of the JSON (partners with an entry in either result), when it parsed.
    pub partners: Option<usize>,
    /// Partners whose difference is not zero (money) or with a discount period added or
    /// removed (tele2-ats).
    pub differing: Option<usize>,
}

/// What the what-if part found.
pub enum WhatIf {
    /// `program show` or `whatif` is not there yet, or failed before any replay.
    NotRun(String),
    Ran(Vec<Replay>),
}

impl WhatIf {
    /// The time of every replay together (the year's payments, all programs).
    pub fn total(&self) -> Option<Duration> {
        match self {
            WhatIf::Ran(replays) => Some(replays.iter().map(|r| r.measured.wall).sum()),
            WhatIf::NotRun(_) => None,
        }
    }

    /// Partners that differ, over every program; `None` when some replay gave no count.
    pub fn differing(&self) -> Option<usize> {
        match self {
            WhatIf::Ran(replays) => replays.iter().map(|r| r.differing).sum(),
            WhatIf::NotRun(_) => None,
        }
    }

    /// Every replay exited 0.
    pub fn ok(&self) -> bool {
        match self {
            WhatIf::Ran(replays) => replays
                .iter()
                .all(|r| r.measured.status.success() && !r.measured.timed_out),
            WhatIf::NotRun(_) => false,
        }
    }
}

fn book_args<'a>(book: &'a Path, rest: &[&'a OsStr]) -> Vec<&'a OsStr> {
    let mut args: Vec<&OsStr> = vec![
        "--book".as_ref(),
        book.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ];
    args.extend_from_slice(rest);
    args
}

/// The rules of the version in force on `day`: the latest version effective on or before
/// it (the first version when all begin later).
fn rules_in_force(show: &Value, day: &str) -> Option<Value> {
    let versions = show.get("versions")?.as_array()?;
    let from = |v: &Value| {
        v.get("effective_from")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let in_force = versions
        .iter()
        .filter(|v| from(v).as_str() <= day)
        .max_by_key(|v| from(v))
        .or_else(|| versions.iter().min_by_key(|v| from(v)))?;
    in_force.get("rules").cloned()
}

/// A decimal text that is not zero ("0", "0.00", "-0.00" are zero).
fn nonzero(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// Partners whose row says they differ: a non-zero `difference`, or a `change` (a
/// discount period added or removed).
fn differing(rows: &[Value]) -> usize {
    let mut partners: Vec<&str> = rows
        .iter()
        .filter(|row| {
            let money = row
                .get("difference")
                .map(|d| match d {
                    Value::String(s) => nonzero(s),
                    Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
                    _ => false,
                })
                .unwrap_or(false);
            money || row.get("change").is_some_and(|c| !c.is_null())
        })
        .map(|row| row.get("partner").and_then(Value::as_str).unwrap_or("?"))
        .collect();
    partners.sort_unstable();
    partners.dedup();
    partners.len()
}

fn stderr_tail(m: &Measured) -> String {
    m.stderr.lines().take(5).collect::<Vec<_>>().join(" / ")
}

/// Runs the replay of every program of the year over `book`, with the rule files in
/// `scratch`.
pub fn run(
    partnerbook: &Path,
    book: &Path,
    scratch: &Path,
    limit: Option<Duration>,
) -> std::io::Result<WhatIf> {
    let from = year::first_day().to_string();
    let mut replays = Vec::new();
    for program in PROGRAMS {
        let show = child::run(
            partnerbook,
            &book_args(
                book,
                &[
                    "program".as_ref(),
                    "show".as_ref(),
                    program.as_ref(),
                    "--json".as_ref(),
                ],
            ),
            scratch,
            limit,
        )?;
        if imports::not_available(&show) {
            return Ok(WhatIf::NotRun(
                "not run (command missing: program show)".into(),
            ));
        }
        if !show.status.success() {
            return Ok(WhatIf::NotRun(format!(
                "not run (program show {program} exited with {}: {})",
                show.status,
                stderr_tail(&show)
            )));
        }
        let rules = serde_json::from_str::<Value>(&show.stdout)
            .ok()
            .and_then(|v| rules_in_force(&v, &from));
        let Some(rules) = rules else {
            return Ok(WhatIf::NotRun(format!(
                "not run (program show {program} --json gave no version in force on {from})"
            )));
        };
        let file = scratch.join(format!("rules-{program}.json"));
        std::fs::write(&file, serde_json::to_string_pretty(&rules)?)?;
        let measured = child::run(
            partnerbook,
            &book_args(
                book,
                &[
                    "whatif".as_ref(),
                    "--program".as_ref(),
                    program.as_ref(),
                    "--from".as_ref(),
                    from.as_ref(),
                    "--rules".as_ref(),
                    file.as_os_str(),
                    "--json".as_ref(),
                ],
            ),
            scratch,
            limit,
        )?;
        if imports::not_available(&measured) {
            return Ok(WhatIf::NotRun("not run (command missing: whatif)".into()));
        }
        if !measured.status.success() {
            eprintln!(
                "warning: partnerbook whatif --program {program} exited with {}: {}",
                measured.status,
                stderr_tail(&measured)
            );
        }
        let rows = serde_json::from_str::<Value>(&measured.stdout)
            .ok()
            .and_then(|v| v.as_array().cloned());
        replays.push(Replay {
            program,
            partners: rows.as_ref().map(Vec::len),
            differing: rows.as_deref().map(differing),
            measured,
        });
    }
    Ok(WhatIf::Ran(replays))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_in_force_is_the_latest_begun() {
        let show: Value = serde_json::json!({"program": "bitrix24", "versions": [
            {"id": 1, "effective_from": "2020-01-01", "rules": {"a": 1}},
            {"id": 2, "effective_from": "2025-06-01", "rules": {"a": 2}},
            {"id": 3, "effective_from": "2027-01-01", "rules": {"a": 3}}
        ]});
        assert_eq!(
            rules_in_force(&show, "2025-12-01"),
            Some(serde_json::json!({"a": 2}))
        );
    }

    #[test]
    fn only_nonzero_differences_and_changes_count() {
        let rows: Vec<Value> = serde_json::from_str(
            r#"[{"partner": "B1", "difference": "0.00"},
                {"partner": "B2", "difference": "-0.00"},
                {"partner": "B3", "difference": "12.50"},
                {"partner": "T1", "change": "added"},
                {"partner": "T1", "change": "removed"}]"#,
        )
        .unwrap_or_default();
        assert_eq!(differing(&rows), 2);
    }
}
