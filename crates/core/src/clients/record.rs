//! Writing clients: add, confirm, or fill in what was missing.

use crate::store::clients::{add_client, find_client, update_client, StoredClient};
use crate::store::sql::Db;
use chrono::NaiveDate;

use crate::{Error, Problem, Result, Text};

/// A client as a spreadsheet row gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    pub program: String,
    pub client_id: String,
    pub name: Option<String>,
    pub inn: Option<String>,
    pub registered: Option<NaiveDate>,
    pub users: Option<u32>,
    pub active_since: Option<NaiveDate>,
    pub promo_ends: Option<NaiveDate>,
}

/// What recording did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Added,
    Updated,
    Unchanged,
}

fn conflict(what_ru: &str, what_en: &str, old: &str) -> Problem {
    Problem::new(
        "conflict",
        Text::new(
            format!("клиент уже есть в книге с другим значением: {what_ru} {old}"),
            format!("the client is already in the book with another {what_en}: {old}"),
        ),
    )
}

/// Adds the client, or confirms it. Identity (name, ИНН, registration date) may be
/// filled in but not changed; activity (users, active since, promo end) is updated.
/// Returns the client's row id, or the problems (each with its field key).
pub fn record_client(
    db: &Db,
    c: &ClientRecord,
) -> Result<std::result::Result<(i64, Recorded), Vec<Problem>>> {
    // Most rows of an import are new clients: try the insert first, read only on conflict.
    if let Some(id) = add_client(db, c)? {
        return Ok(Ok((id, Recorded::Added)));
    }
    let old = find_client(db, &c.program, &c.client_id)?.ok_or_else(|| {
        Error::not_found(
            format!("нет клиента «{}» в программе {}", c.client_id, c.program),
            format!("no client “{}” in program {}", c.client_id, c.program),
        )
    })?;
    let mut problems = Vec::new();
    let mut clash =
        |field: &'static str, old: Option<String>, new: Option<String>, ru: &str, en: &str| {
            if let (Some(o), Some(n)) = (old, new) {
                if o != n {
                    problems.push(conflict(ru, en, &o).field(field));
                }
            }
        };
    clash(
        "name",
        old.name.clone(),
        c.name.clone(),
        "наименование",
        "name",
    );
    clash("inn", old.inn.clone(), c.inn.clone(), "ИНН", "ИНН");
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    clash(
        "registered",
        date(old.registered),
        date(c.registered),
        "дата регистрации",
        "registration date",
    );
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let new = StoredClient {
        id: old.id,
        name: old.name.clone().or(c.name.clone()),
        inn: old.inn.clone().or(c.inn.clone()),
        registered: old.registered.or(c.registered),
        users: c.users.or(old.users),
        active_since: c.active_since.or(old.active_since),
        promo_ends: c.promo_ends.or(old.promo_ends),
    };
    if new == old {
        return Ok(Ok((old.id, Recorded::Unchanged)));
    }
    update_client(db, &c.client_id, &new)?;
    Ok(Ok((old.id, Recorded::Updated)))
}
