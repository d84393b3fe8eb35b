//! Writing clients and binding attempts. The decision itself is `binding::decide`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::binding::{
    decide, AttemptPartner, BindingAttempt, ClientFacts, CurrentBinding, Decision, Refusal,
};
use crate::partners::PartnerStatus;
use crate::programs::{Channel, Program};
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
    db: &Connection,
    c: &ClientRecord,
) -> Result<std::result::Result<(i64, Recorded), Vec<Problem>>> {
    let stored = db
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
        })
        .optional()?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let Some(old) = stored else {
        db.prepare_cached(
            "INSERT INTO clients (program, client_id, name, inn, registered, users, active_since, promo_ends, search)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            c.program, c.client_id, c.name, c.inn, date(c.registered), c.users,
            date(c.active_since), date(c.promo_ends),
            search_text(&c.client_id, c.name.as_deref(), c.inn.as_deref())
        ])?;
        return Ok(Ok((db.last_insert_rowid(), Recorded::Added)));
    };
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

fn facts(db: &Connection, client: i64) -> Result<ClientFacts> {
    let (registered, inn): (Option<String>, Option<String>) = db
        .prepare_cached("SELECT registered, inn FROM clients WHERE id = ?1")?
        .query_row([client], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let current = db
        .prepare_cached(
            "SELECT partner, channel, since FROM bindings WHERE client = ?1 AND until IS NULL",
        )?
        .query_row([client], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    let ever_bound: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM bindings WHERE client = ?1)")?
        .query_row([client], |r| r.get(0))?;
    let promo_discount_used: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND channel = 'promo' AND outcome IN ('bound', 'kept') AND reason IS NULL)")?
        .query_row([client], |r| r.get(0))?;
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    Ok(ClientFacts {
        registered: registered.as_deref().and_then(parse),
        inn,
        current: current.and_then(|(partner, channel, since)| {
            Some(CurrentBinding {
                partner,
                channel: Channel::parse(&channel)?,
                since: parse(&since)?,
            })
        }),
        ever_bound,
        first_payment: None,
        promo_discount_used,
    })
}

fn attempt_partner(db: &Connection, program: &str, code: &str) -> Result<Option<AttemptPartner>> {
    Ok(db
        .prepare_cached(
            "SELECT p.id, p.status, p.inn, p.status_since FROM partner_codes c JOIN partners p ON p.id = c.partner
             WHERE c.program = ?1 AND c.code = ?2 AND c.retired IS NULL",
        )?
        .query_row(params![program, code], |r| {
            let status: String = r.get(1)?;
            Ok(AttemptPartner {
                id: r.get(0)?,
                status: PartnerStatus::parse(&status).unwrap_or(PartnerStatus::Active),
                inn: r.get(2)?,
                status_since: NaiveDate::parse_from_str(&r.get::<_, String>(3)?, "%Y-%m-%d").ok(),
            })
        })
        .optional()?)
}

fn recorded_before(
    db: &Connection,
    client: i64,
    day: &str,
    channel: Channel,
    code: &str,
) -> Result<bool> {
    Ok(db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND date = ?2 AND channel = ?3 AND coalesce(code, '') = ?4 COLLATE NOCASE)",
        )?
        .query_row(params![client, day, channel.key(), code], |r| r.get(0))?)
}

/// What became of a binding attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindOutcome {
    /// The same attempt was recorded before; nothing changed.
    AlreadyRecorded,
    Bound {
        note: Option<Refusal>,
    },
    Kept,
    Refused(Refusal),
}

/// Records an attempt to bind `client` through `channel` with `code` on `date`, decided
/// by the program's rules in force that day. Idempotent: the same attempt twice is
/// recorded once.
pub fn bind(
    db: &Connection,
    program: &Program,
    client: i64,
    code: &str,
    channel: Channel,
    date: NaiveDate,
    import: Option<i64>,
) -> Result<BindOutcome> {
    bind_with(db, program, client, (code, channel, date), import, None)
}

/// The facts of a client that was added a moment ago: nothing bound, nothing recorded.
pub(crate) fn fresh_facts(record: &ClientRecord) -> ClientFacts {
    ClientFacts {
        registered: record.registered,
        inn: record.inn.clone(),
        ..ClientFacts::default()
    }
}

/// [`bind`], with the client's facts when the caller already knows them (a client it
/// has just added), which saves reading them back.
pub(crate) fn bind_with(
    db: &Connection,
    program: &Program,
    client: i64,
    (code, channel, date): (&str, Channel, NaiveDate),
    import: Option<i64>,
    known: Option<ClientFacts>,
) -> Result<BindOutcome> {
    let day = date.to_string();
    if known.is_none() && recorded_before(db, client, &day, channel, code)? {
        return Ok(BindOutcome::AlreadyRecorded);
    }
    let facts = match known {
        Some(facts) => facts,
        None => facts(db, client)?,
    };
    let partner = attempt_partner(db, &program.id, code)?;
    let version = program.version_on(date);
    let attempt = BindingAttempt {
        date,
        channel,
        code: Some(code.to_owned()),
        partner,
    };
    let decision = decide(
        version.map(|v| (&v.rules.binding, v.effective_from)),
        &facts,
        &attempt,
    );
    let (outcome, reason, detail) = match &decision {
        Decision::Bind { note } => (
            "bound",
            note.as_ref().map(Refusal::code),
            note.as_ref().map(Refusal::detail),
        ),
        Decision::Keep => ("kept", None, None),
        Decision::Refuse(r) => ("refused", Some(r.code()), Some(r.detail())),
    };
    let partner_id = attempt.partner.as_ref().map(|p| p.id.clone());
    db.prepare_cached(
        "INSERT INTO binding_events (client, date, code, partner, channel, outcome, reason, detail, version, import)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![client, day, code, partner_id, channel.key(), outcome, reason, detail, version.map(|v| v.id), import])?;
    let event = db.last_insert_rowid();
    Ok(match decision {
        Decision::Bind { note } => {
            let partner = partner_id.unwrap_or_default();
            if let Some(current) = &facts.current {
                db.prepare_cached(
                    "UPDATE bindings SET until = ?2 WHERE client = ?1 AND until IS NULL",
                )?
                .execute(params![client, day])?;
                db.prepare_cached(
                    "UPDATE partners SET bound_clients = bound_clients - 1 WHERE id = ?1",
                )?
                .execute([&current.partner])?;
            }
            db.prepare_cached("INSERT INTO bindings (client, partner, channel, since, event) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![client, partner, channel.key(), day, event])?;
            db.prepare_cached(
                "UPDATE partners SET bound_clients = bound_clients + 1 WHERE id = ?1",
            )?
            .execute([&partner])?;
            BindOutcome::Bound { note }
        }
        Decision::Keep => BindOutcome::Kept,
        Decision::Refuse(r) => BindOutcome::Refused(r),
    })
}
