//! Writing clients: add, confirm, or fill in what was missing.

use crate::store::sql::{params, Db, OptionalExtension};
use chrono::NaiveDate;

use crate::{Problem, Result, Text};

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

/// The text the clients table searches: id, name and ИНН, lower-cased.
fn search_text(client_id: &str, name: Option<&str>, inn: Option<&str>) -> String {
    [Some(client_id), name, inn]
        .into_iter()
        .flatten()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What recording did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Added,
    Updated,
    Unchanged,
}

struct Stored {
    id: i64,
    name: Option<String>,
    inn: Option<String>,
    registered: Option<String>,
    users: Option<u32>,
    active_since: Option<String>,
    promo_ends: Option<String>,
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
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    // Most rows of an import are new clients: try the insert first, read only on conflict.
    let added = db
        .prepare_cached(
            "INSERT INTO clients (program, client_id, name, inn, registered, users, active_since, promo_ends, search)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (program, client_id) DO NOTHING RETURNING id",
        )?
        .query_row(params![
            c.program, c.client_id, c.name, c.inn, date(c.registered), c.users,
            date(c.active_since), date(c.promo_ends),
            search_text(&c.client_id, c.name.as_deref(), c.inn.as_deref())
        ], |r| r.get::<_, i64>(0))
        .optional()?;
    if let Some(id) = added {
        return Ok(Ok((id, Recorded::Added)));
    }
    let old = db
        .prepare_cached(
            "SELECT id, name, inn, registered, users, active_since, promo_ends FROM clients WHERE program = ?1 AND client_id = ?2",
        )?
        .query_row(params![c.program, c.client_id], |r| {
            Ok(Stored {
                id: r.get(0)?,
                name: r.get(1)?,
                inn: r.get(2)?,
                registered: r.get(3)?,
                users: r.get(4)?,
                active_since: r.get(5)?,
                promo_ends: r.get(6)?,
            })
        })?;
    let mut problems = Vec::new();
    let mut clash =
        |field: &'static str, old: &Option<String>, new: &Option<String>, ru: &str, en: &str| {
            if let (Some(o), Some(n)) = (old, new) {
                if o != n {
                    problems.push(conflict(ru, en, o).field(field));
                }
            }
        };
    clash("name", &old.name, &c.name, "наименование", "name");
    clash("inn", &old.inn, &c.inn, "ИНН", "ИНН");
    clash(
        "registered",
        &old.registered,
        &date(c.registered),
        "дата регистрации",
        "registration date",
    );
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let name = old.name.clone().or(c.name.clone());
    let inn = old.inn.clone().or(c.inn.clone());
    let registered = old.registered.clone().or(date(c.registered));
    let users = c.users.or(old.users);
    let active_since = date(c.active_since).or(old.active_since.clone());
    let promo_ends = date(c.promo_ends).or(old.promo_ends.clone());
    let same = name == old.name
        && inn == old.inn
        && registered == old.registered
        && users == old.users
        && active_since == old.active_since
        && promo_ends == old.promo_ends;
    if same {
        return Ok(Ok((old.id, Recorded::Unchanged)));
    }
    db.prepare_cached(
        "UPDATE clients SET name = ?2, inn = ?3, registered = ?4, users = ?5, active_since = ?6, promo_ends = ?7, search = ?8 WHERE id = ?1",
    )?
    .execute(params![
        old.id, name, inn, registered, users, active_since, promo_ends,
        search_text(&c.client_id, name.as_deref(), inn.as_deref())
    ])?;
    Ok(Ok((old.id, Recorded::Updated)))
}
