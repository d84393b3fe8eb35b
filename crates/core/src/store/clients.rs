//! The `clients` table: adding a client or filling in what it lacked, and the clients
//! table's search, filters, sort and paging (in SQL, paged).

use chrono::NaiveDate;

use crate::clients::{ClientQuery, ClientRecord, ClientRow, ClientSort};
use crate::programs::Channel;
use crate::store::sql::{params, Db, OptionalExtension, Row, Value};
use crate::store::values::{channel, day, optional_day, optional_text, text};
use crate::store::{page_sql, rows_and_total, PageSql, Rows};
use crate::Result;

/// A client as the book keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredClient {
    pub id: i64,
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

fn day_text(day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.to_string())
}

/// A client's columns as an import writes new clients in bulk, in the order of
/// [`client_values`].
const CLIENT_COLUMNS: [&str; 10] = [
    "id",
    "program",
    "client_id",
    "name",
    "inn",
    "registered",
    "users",
    "active_since",
    "promo_ends",
    "search",
];

/// A new client's values, its id given by the import (see [`insert_clients`]).
pub(crate) fn client_values(id: i64, c: &ClientRecord) -> [Value; 10] {
    let text = |t: Option<String>| t.map_or(Value::Null, Value::Text);
    [
        Value::Integer(id),
        Value::Text(c.program.clone()),
        Value::Text(c.client_id.clone()),
        text(c.name.clone()),
        text(c.inn.clone()),
        text(day_text(c.registered)),
        c.users
            .map_or(Value::Null, |u| Value::Integer(i64::from(u))),
        text(day_text(c.active_since)),
        text(day_text(c.promo_ends)),
        Value::Text(search_text(
            &c.client_id,
            c.name.as_deref(),
            c.inn.as_deref(),
        )),
    ]
}

/// The id after the book's largest client id (the write lock is held).
pub(crate) fn next_client_id(db: &Db) -> Result<i64> {
    db.query_row("SELECT coalesce(max(id), 0) + 1 FROM clients", [], |r| {
        r.get(0)
    })
}

/// Writes new clients, `values` holding them one after another (as [`client_values`]
/// gives them); the book's own counter moves past their ids.
pub(crate) fn insert_clients(db: &Db, values: &mut Vec<Value>) -> Result<()> {
    db.insert_rows("clients", &CLIENT_COLUMNS, values)?;
    db.ids_given("clients")
}

/// Adds the client unless the program already has one with its id: the new row's id, or
/// `None` when it was there.
pub(crate) fn add_client(db: &Db, c: &ClientRecord) -> Result<Option<i64>> {
    db.prepare_cached(
        "INSERT INTO clients (program, client_id, name, inn, registered, users, active_since, promo_ends, search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (program, client_id) DO NOTHING RETURNING id",
    )?
    .query_row(
        params![
            c.program,
            c.client_id,
            c.name,
            c.inn,
            day_text(c.registered),
            c.users,
            day_text(c.active_since),
            day_text(c.promo_ends),
            search_text(&c.client_id, c.name.as_deref(), c.inn.as_deref())
        ],
        |r| r.get::<_, i64>(0),
    )
    .optional()
}

/// The client `client_id` of `program`, if the book has it.
pub(crate) fn find_client(db: &Db, program: &str, client_id: &str) -> Result<Option<StoredClient>> {
    db.prepare_cached(
        "SELECT id, name, inn, registered, users, active_since, promo_ends FROM clients WHERE program = ?1 AND client_id = ?2",
    )?
    .query_row(params![program, client_id], |r| {
        Ok(StoredClient {
            id: r.get(0)?,
            name: r.get(1)?,
            inn: r.get(2)?,
            registered: optional_day("clients.registered", optional_text(r, 3)?)?,
            users: r.get(4)?,
            active_since: optional_day("clients.active_since", optional_text(r, 5)?)?,
            promo_ends: optional_day("clients.promo_ends", optional_text(r, 6)?)?,
        })
    })
    .optional()
}

/// Rewrites what the book knows of the client `c.id` (its id in the billing system is
/// `client_id`).
pub(crate) fn update_client(db: &Db, client_id: &str, c: &StoredClient) -> Result<()> {
    db.prepare_cached(
        "UPDATE clients SET name = ?2, inn = ?3, registered = ?4, users = ?5, active_since = ?6, promo_ends = ?7, search = ?8 WHERE id = ?1",
    )?
    .execute(params![
        c.id,
        c.name,
        c.inn,
        day_text(c.registered),
        c.users,
        day_text(c.active_since),
        day_text(c.promo_ends),
        search_text(client_id, c.name.as_deref(), c.inn.as_deref())
    ])?;
    Ok(())
}

const CLIENT_ROW: &str = "SELECT c.client_id, c.program, c.name, c.inn, c.registered, b.partner, p.name, b.channel, b.since
     FROM clients c
     LEFT JOIN bindings b ON b.client = c.id AND b.until IS NULL
     LEFT JOIN partners p ON p.id = b.partner";

fn optional_channel(r: &Row, i: usize) -> Result<Option<Channel>> {
    optional_text(r, i)?
        .map(|c| channel("bindings.channel", c))
        .transpose()
}

fn client_row(r: &Row) -> Result<ClientRow> {
    Ok(ClientRow {
        client: r.get(0)?,
        program: r.get(1)?,
        name: r.get(2)?,
        inn: r.get(3)?,
        registered: r.get(4)?,
        partner: r.get(5)?,
        partner_name: r.get(6)?,
        channel: optional_channel(r, 7)?,
        since: r.get(8)?,
    })
}

/// The clients `q` matches (search, program, partner, bound), in its order: one page of
/// them, or every one; with how many match and the offset answered.
pub(crate) fn client_rows(
    db: &Db,
    q: &ClientQuery,
    rows: Rows,
) -> Result<(u32, u32, Vec<ClientRow>)> {
    let mut filters = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(search) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        args.push(Value::Text(search.to_lowercase()));
        filters.push(format!("instr(c.search, ?{}) > 0", args.len()));
    }
    if let Some(program) = q.program.as_deref().filter(|s| !s.is_empty()) {
        args.push(Value::Text(program.to_owned()));
        filters.push(format!("c.program = ?{}", args.len()));
    }
    if let Some(partner) = q.partner.as_deref().filter(|s| !s.is_empty()) {
        args.push(Value::Text(partner.to_owned()));
        filters.push(format!("b.partner = ?{}", args.len()));
    }
    match q.bound {
        Some(true) => filters.push("b.partner IS NOT NULL".into()),
        Some(false) => filters.push("b.partner IS NULL".into()),
        None => {}
    }
    let PageSql {
        filter,
        window,
        offset,
        direction,
    } = page_sql(&filters, rows, q.descending);
    let order = match q.sort.unwrap_or_default() {
        ClientSort::Client => "c.client_id",
        ClientSort::Name => "c.name",
        ClientSort::Program => "c.program",
        ClientSort::Registered => "c.registered",
        ClientSort::Partner => "b.partner",
    };
    let sql =
        format!("{CLIENT_ROW} {filter} ORDER BY {order} {direction}, c.id {direction} {window}");
    let count = format!(
        "SELECT count(*) FROM clients c LEFT JOIN bindings b ON b.client = c.id AND b.until IS NULL {filter}"
    );
    let (total, found) = rows_and_total(db, (&sql, &count), &args, rows, client_row)?;
    Ok((total, offset, found))
}

/// Every client (of one program, if given) with its current partner, ordered by
/// id and program — for the CLI's listing.
pub fn clients_of(db: &Db, program: Option<&str>) -> Result<Vec<ClientRow>> {
    let mut stmt = db.prepare_cached(&format!(
        "{CLIENT_ROW} WHERE CAST(?1 AS TEXT) IS NULL OR c.program = ?1 ORDER BY c.client_id, c.program"
    ))?;
    let rows = stmt.query_map([program], client_row)?;
    rows.collect::<Result<_>>()
}

/// The client `client_id` of `program` as the clients table shows it, if the book has it.
pub(crate) fn client_shown(db: &Db, program: &str, client_id: &str) -> Result<Option<ClientRow>> {
    db.prepare_cached(&format!(
        "{CLIENT_ROW} WHERE c.program = ?1 AND c.client_id = ?2"
    ))?
    .query_row(params![program, client_id], client_row)
    .optional()
}

/// A client with its registration day and the code of its current partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegisteredClient {
    pub program: String,
    pub client: String,
    pub registered: NaiveDate,
    pub code: Option<String>,
}

/// Every client with a registration day, in the order added.
pub(crate) fn registered_clients(db: &Db) -> Result<Vec<RegisteredClient>> {
    let mut stmt = db.prepare_cached(
        "SELECT c.program, c.client_id, c.registered, p.code
         FROM clients c
         LEFT JOIN bindings b ON b.client = c.id AND b.until IS NULL
         LEFT JOIN partners p ON p.id = b.partner
         WHERE c.registered IS NOT NULL ORDER BY c.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RegisteredClient {
            program: r.get(0)?,
            client: r.get(1)?,
            registered: day("clients.registered", text(r, 2)?)?,
            code: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The program's clients: their row ids by `client_id`.
pub(crate) fn client_ids(db: &Db, program: &str) -> Result<std::collections::HashMap<String, i64>> {
    db.prepare("SELECT client_id, id FROM clients WHERE program = ?1")?
        .query_map([program], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Adds a client known only by its id (a billing row's unknown client, bound to nobody);
/// its row id.
pub(crate) fn add_unknown_client(db: &Db, program: &str, client_id: &str) -> Result<i64> {
    db.prepare_cached(
        "INSERT INTO clients (program, client_id, search) VALUES (?1, ?2, ?3) RETURNING id",
    )?
    .query_row(
        params![program, client_id, search_text(client_id, None, None)],
        |r| r.get(0),
    )
}
