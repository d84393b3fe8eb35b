//! The clients table, and a partner's clients: in SQL, paged.

use crate::store::sql::Value;
use crate::store::sql::{Db, Row};

use super::binding::Refusal;
use super::model::{
    Binding, BindingEvent, ClientPage, ClientQuery, ClientRow, ClientSort, Outcome,
};
use crate::programs::Channel;
use crate::store::{page_sql, PageSql, Rows};
use crate::{Lang, Result};

fn channel(r: &Row, i: usize) -> crate::Result<Option<Channel>> {
    Ok(r.get::<_, Option<String>>(i)?
        .as_deref()
        .and_then(Channel::parse))
}

pub(crate) const CLIENT_ROW: &str = "SELECT c.client_id, c.program, c.name, c.inn, c.registered, b.partner, p.name, b.channel, b.since
     FROM clients c
     LEFT JOIN bindings b ON b.client = c.id AND b.until IS NULL
     LEFT JOIN partners p ON p.id = b.partner";

pub(crate) fn client_row(r: &Row) -> crate::Result<ClientRow> {
    Ok(ClientRow {
        client: r.get(0)?,
        program: r.get(1)?,
        name: r.get(2)?,
        inn: r.get(3)?,
        registered: r.get(4)?,
        partner: r.get(5)?,
        partner_name: r.get(6)?,
        channel: channel(r, 7)?,
        since: r.get(8)?,
    })
}

/// The clients `q` matches (search, program, partner, bound), in its order: one page of
/// them, or every one.
fn client_rows(db: &Db, q: &ClientQuery, rows: Rows) -> Result<(u32, u32, Vec<ClientRow>)> {
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
    let found = db
        .prepare_cached(&sql)?
        .query_map(crate::store::sql::params_from_iter(args.iter()), client_row)?
        .collect::<crate::Result<Vec<_>>>()?;
    let total: u32 = match rows {
        Rows::All => u32::try_from(found.len()).unwrap_or(u32::MAX),
        Rows::Page { .. } => db
            .prepare_cached(&format!(
                "SELECT count(*) FROM clients c LEFT JOIN bindings b ON b.client = c.id AND b.until IS NULL {filter}"
            ))?
            .query_row(crate::store::sql::params_from_iter(args.iter()), |r| r.get(0))?,
    };
    Ok((total, offset, found))
}

/// One page of the clients table.
pub fn client_page(db: &Db, q: &ClientQuery) -> Result<ClientPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let (total, offset, rows) = client_rows(db, q, rows)?;
    Ok(ClientPage {
        total,
        offset,
        rows,
    })
}

/// Every client the clients table shows for `q` (its paging aside), in its order: what an
/// export of the table holds.
pub fn clients_shown(db: &Db, q: &ClientQuery) -> Result<Vec<ClientRow>> {
    Ok(client_rows(db, q, Rows::All)?.2)
}

/// Every client (of one program, if given) with its current partner, ordered by
/// id and program — for the CLI's listing.
pub fn clients_of(db: &Db, program: Option<&str>) -> Result<Vec<ClientRow>> {
    let mut stmt = db.prepare_cached(&format!(
        "{CLIENT_ROW} WHERE CAST(?1 AS TEXT) IS NULL OR c.program = ?1 ORDER BY c.client_id, c.program"
    ))?;
    let rows = stmt.query_map([program], client_row)?;
    rows.collect::<crate::Result<_>>()
}

pub(crate) const BINDING_ROW: &str =
    "SELECT c.client_id, c.name, b.partner, p.name, b.channel, b.since, b.until
     FROM bindings b JOIN clients c ON c.id = b.client JOIN partners p ON p.id = b.partner";

pub(crate) fn binding_row(r: &Row) -> crate::Result<Binding> {
    Ok(Binding {
        client: r.get(0)?,
        client_name: r.get(1)?,
        partner: r.get(2)?,
        partner_name: r.get(3)?,
        channel: channel(r, 4)?.unwrap_or(Channel::Link),
        since: r.get(5)?,
        until: r.get(6)?,
    })
}

/// The partner's clients, now and before, newest first (at most 500 of each kind: the
/// clients table filtered by partner shows them all).
pub fn bindings_of_partner(db: &Db, partner: &str) -> Result<Vec<Binding>> {
    let mut out = Vec::new();
    for current in [true, false] {
        let until = if current {
            "b.until IS NULL"
        } else {
            "b.until IS NOT NULL"
        };
        let sql = format!("{BINDING_ROW} WHERE b.partner = ?1 AND {until} ORDER BY b.since DESC, b.id DESC LIMIT 500");
        let mut stmt = db.prepare_cached(&sql)?;
        let rows = stmt.query_map([partner], binding_row)?;
        out.extend(rows.collect::<crate::Result<Vec<_>>>()?);
    }
    Ok(out)
}

pub(crate) const EVENT_ROW: &str = "SELECT c.client_id, c.program, e.date, e.code, e.partner, e.channel, e.outcome, e.reason, e.detail
     FROM binding_events e JOIN clients c ON c.id = e.client";

pub(crate) fn event_row(r: &Row, lang: Lang) -> crate::Result<BindingEvent> {
    let outcome: String = r.get(6)?;
    let reason_code: Option<String> = r.get(7)?;
    let detail: Option<String> = r.get(8)?;
    Ok(BindingEvent {
        client: r.get(0)?,
        program: r.get(1)?,
        date: r.get(2)?,
        code: r.get(3)?,
        partner: r.get(4)?,
        channel: channel(r, 5)?.unwrap_or(Channel::Link),
        outcome: match outcome.as_str() {
            "bound" => Outcome::Bound,
            "kept" => Outcome::Kept,
            _ => Outcome::Refused,
        },
        reason: reason_code.as_deref().map(|code| {
            Refusal::text(code, detail.as_deref().unwrap_or(""))
                .get(lang)
                .to_owned()
        }),
        reason_code,
    })
}

/// Binding attempts for `partner` the rules refused, newest first (at most 500).
pub fn refused_for_partner(db: &Db, partner: &str, lang: Lang) -> Result<Vec<BindingEvent>> {
    let sql = format!("{EVENT_ROW} WHERE e.partner = ?1 AND e.outcome = 'refused' ORDER BY e.date DESC, e.id DESC LIMIT 500");
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map([partner], |r| event_row(r, lang))?;
    rows.collect::<crate::Result<Vec<_>>>()
}
