//! The `programs` and `program_versions` tables: a program's head and its versions (the
//! rules kept as JSON), the five templates a new book starts with.

use crate::store::sql::{params, Db, OptionalExtension};
use chrono::NaiveDate;

use crate::programs::templates::templates;
use crate::programs::{
    unknown_program, CodeFormat, Program, ProgramSummary, ProgramVersion, RuleSet,
};
use crate::{Error, Result};

fn json_error(e: serde_json::Error) -> Error {
    Error::refused(
        "bad_program_rules",
        format!("Правила программы не читаются: {e}"),
        format!("The program's rules cannot be read: {e}"),
    )
}

/// Writes the five built-in programs into a new book.
pub(crate) fn seed_templates(db: &Db) -> Result<()> {
    for t in templates() {
        let code_format = serde_json::to_string(&t.code_format).map_err(json_error)?;
        let kinds = serde_json::to_string(&t.kinds).map_err(json_error)?;
        db.execute(
            "INSERT INTO programs (id, name_ru, name_en, unit, currency, code_format, rate_required, kinds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![t.id, t.name_ru, t.name_en, t.unit, t.currency, code_format, t.rate_required, kinds],
        )?;
        for (from, rules) in &t.versions {
            let rules = serde_json::to_string(rules).map_err(json_error)?;
            db.execute(
                "INSERT INTO program_versions (program, effective_from, rules) VALUES (?1, ?2, ?3)",
                params![t.id, from.to_string(), rules],
            )?;
        }
    }
    Ok(())
}

pub fn load_programs(db: &Db) -> Result<Vec<ProgramSummary>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, name_ru, name_en, unit, currency FROM programs ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ProgramSummary {
            id: r.get(0)?,
            name_ru: r.get(1)?,
            name_en: r.get(2)?,
            unit: r.get(3)?,
            currency: r.get(4)?,
        })
    })?;
    rows.collect::<crate::Result<_>>()
}

/// The program with every version, oldest first.
pub fn load_program(db: &Db, id: &str) -> Result<Program> {
    let head = db
        .prepare_cached(
            "SELECT id, name_ru, name_en, unit, currency, code_format, rate_required, kinds
             FROM programs WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, String>(7)?,
            ))
        })
        .optional()?
        .ok_or_else(|| unknown_program(id))?;
    let mut stmt = db.prepare_cached(
        "SELECT id, effective_from, rules FROM program_versions WHERE program = ?1 ORDER BY effective_from",
    )?;
    let raw = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<crate::Result<Vec<_>>>()?;
    let mut versions = Vec::with_capacity(raw.len());
    for (vid, from, rules) in raw {
        let effective_from = NaiveDate::parse_from_str(&from, "%Y-%m-%d").map_err(|e| {
            Error::refused(
                "bad_program_rules",
                format!("Дата версии программы не читается: {e}"),
                format!("A program version's date cannot be read: {e}"),
            )
        })?;
        let rules: RuleSet = serde_json::from_str(&rules).map_err(json_error)?;
        versions.push(ProgramVersion {
            id: vid,
            effective_from,
            rules,
        });
    }
    let code_format: CodeFormat = serde_json::from_str(&head.5).map_err(json_error)?;
    let kinds = serde_json::from_str(&head.7).map_err(json_error)?;
    Ok(Program {
        id: head.0,
        name_ru: head.1,
        name_en: head.2,
        unit: head.3,
        currency: head.4,
        code_format,
        rate_required: head.6,
        kinds,
        versions,
    })
}

/// Adds a version of `program` in force from `from` with `rules`: its row id.
pub(crate) fn insert_version(
    db: &Db,
    program: &str,
    from: NaiveDate,
    rules: &RuleSet,
) -> Result<i64> {
    let json = serde_json::to_string(rules).map_err(json_error)?;
    db.query_row(
        "INSERT INTO program_versions (program, effective_from, rules) VALUES (?1, ?2, ?3) RETURNING id",
        params![program, from.to_string(), json],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs::Channel;
    use crate::store::Book;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn bitrix24_takes_only_the_migrator_from_2026() {
        let book = Book::open_in_memory().expect("book");
        let p = load_program(book.db(), "bitrix24").expect("program");
        let channels = |d| {
            p.version_on(d)
                .expect("in force")
                .rules
                .binding
                .channels
                .iter()
                .map(|c| c.channel)
                .collect::<Vec<_>>()
        };
        assert_eq!(channels(day(2025, 12, 31)).len(), 6);
        assert_eq!(channels(day(2026, 1, 1)), vec![Channel::Migrator]);
    }

    #[test]
    fn the_rules_survive_the_round_trip_through_the_book() {
        let book = Book::open_in_memory().expect("book");
        for t in templates() {
            let p = load_program(book.db(), t.id).expect("program");
            let stored: Vec<_> = p
                .versions
                .iter()
                .map(|v| (v.effective_from, v.rules.clone()))
                .collect();
            assert_eq!(stored, t.versions, "{}", t.id);
        }
        assert_eq!(load_programs(book.db()).expect("list").len(), 5);
        assert_eq!(
            load_program(book.db(), "nope").err().map(|e| e.code()),
            Some("unknown_program")
        );
    }
}
