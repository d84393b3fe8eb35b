//! The `bindings` and `binding_events` tables: who a client belongs to and since when,
//! every attempt to bind it with what came of it, and what the binding rules need to know
//! of a client.

use chrono::NaiveDate;

use crate::clients::{Binding, BindingEvent, ClientFacts, CurrentBinding, Refusal};
use crate::programs::Channel;
use crate::store::sql::{params, Db, OptionalExtension, Row};
use crate::store::values::{binding_outcome, channel, day, optional_day, text};
use crate::{Lang, Result};

/// What the book knows of the client `client` now.
pub(crate) fn client_facts(db: &Db, client: i64) -> Result<ClientFacts> {
    let (registered, inn, client_id): (Option<String>, Option<String>, String) = db
        .prepare_cached("SELECT registered, inn, client_id FROM clients WHERE id = ?1")?
        .query_row([client], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let current = db
        .prepare_cached(
            "SELECT partner, channel, since FROM bindings WHERE client = ?1 AND until IS NULL",
        )?
        .query_row([client], |r| {
            Ok(CurrentBinding {
                partner: r.get(0)?,
                channel: channel("bindings.channel", text(r, 1)?)?,
                since: day("bindings.since", text(r, 2)?)?,
            })
        })
        .optional()?;
    let ever_bound: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM bindings WHERE client = ?1)")?
        .query_row([client], |r| r.get(0))?;
    let promo_discount_used: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND channel = 'promo' AND outcome IN ('bound', 'kept') AND reason IS NULL)")?
        .query_row([client], |r| r.get(0))?;
    let first_payment: Option<String> = db
        .prepare_cached("SELECT min(date) FROM payments WHERE client = ?1 AND amount > 0")?
        .query_row([client], |r| r.get(0))?;
    Ok(ClientFacts {
        registered: optional_day("clients.registered", registered.as_deref())?,
        inn,
        client_id: Some(client_id),
        current,
        ever_bound,
        first_payment: optional_day("payments.date", first_payment.as_deref())?,
        promo_discount_used,
    })
}

/// The same attempt (client, day, channel, code in any case) was recorded before.
pub(crate) fn recorded_before(
    db: &Db,
    client: i64,
    date: NaiveDate,
    channel: Channel,
    code: &str,
) -> Result<bool> {
    db.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND date = ?2 AND channel = ?3 AND coalesce(code, '') = ?4 COLLATE NOCASE)",
    )?
    .query_row(params![client, date.to_string(), channel.key(), code], |r| r.get(0))
}

/// A binding attempt about to be recorded.
pub(crate) struct NewEvent<'a> {
    pub client: i64,
    pub date: NaiveDate,
    pub code: &'a str,
    pub partner: Option<&'a str>,
    pub channel: Channel,
    /// `bound`, `kept` or `refused`, with the reason's code and detail.
    pub recorded: (&'static str, Option<&'static str>, Option<String>),
    /// The program version whose rules decided.
    pub version: Option<i64>,
    pub import: Option<i64>,
}

/// Records an attempt: its row id.
pub(crate) fn record_event(db: &Db, e: &NewEvent<'_>) -> Result<i64> {
    let (outcome, reason, detail) = &e.recorded;
    db.prepare_cached(
        "INSERT INTO binding_events (client, date, code, partner, channel, outcome, reason, detail, version, import)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )?
    .query_row(
        params![
            e.client,
            e.date.to_string(),
            e.code,
            e.partner,
            e.channel.key(),
            outcome,
            reason,
            detail,
            e.version,
            e.import
        ],
        |r| r.get::<_, i64>(0),
    )
}

/// Ends on `date` the client's binding made by an event other than `event`.
pub(crate) fn end_binding(db: &Db, client: i64, date: NaiveDate, event: i64) -> Result<()> {
    db.prepare_cached(
        "UPDATE binding_events SET until = ?2 WHERE client = ?1 AND outcome = 'bound' AND until IS NULL AND id <> ?3",
    )?
    .execute(params![client, date.to_string(), event])?;
    Ok(())
}

const BINDING_ROW: &str =
    "SELECT c.client_id, c.name, b.partner, p.name, b.channel, b.since, b.until
     FROM bindings b JOIN clients c ON c.id = b.client JOIN partners p ON p.id = b.partner";

fn binding_row(r: &Row) -> Result<Binding> {
    Ok(Binding {
        client: r.get(0)?,
        client_name: r.get(1)?,
        partner: r.get(2)?,
        partner_name: r.get(3)?,
        channel: channel("bindings.channel", text(r, 4)?)?,
        since: r.get(5)?,
        until: r.get(6)?,
    })
}

/// The partner's clients, now and before, newest first (at most 500 of each kind: the
/// clients table filtered by partner shows them all).
pub fn bindings_of_partner(db: &Db, partner: &str) -> Result<Vec<Binding>> {
    let mut out = Vec::new();
    for until in ["b.until IS NULL", "b.until IS NOT NULL"] {
        let sql = format!("{BINDING_ROW} WHERE b.partner = ?1 AND {until} ORDER BY b.since DESC, b.id DESC LIMIT 500");
        let mut stmt = db.prepare_cached(&sql)?;
        let rows = stmt.query_map([partner], binding_row)?;
        out.extend(rows.collect::<Result<Vec<_>>>()?);
    }
    Ok(out)
}

/// The client's bindings, oldest first.
pub(crate) fn bindings_of_client(db: &Db, client: i64) -> Result<Vec<Binding>> {
    db.prepare_cached(&format!(
        "{BINDING_ROW} WHERE b.client = ?1 ORDER BY b.since, b.id"
    ))?
    .query_map([client], binding_row)?
    .collect()
}

const EVENT_ROW: &str = "SELECT c.client_id, c.program, e.date, e.code, e.partner, e.channel, e.outcome, e.reason, e.detail
     FROM binding_events e JOIN clients c ON c.id = e.client";

fn event_row(r: &Row, lang: Lang) -> Result<BindingEvent> {
    let reason_code: Option<String> = r.get(7)?;
    let detail: Option<String> = r.get(8)?;
    Ok(BindingEvent {
        client: r.get(0)?,
        program: r.get(1)?,
        date: r.get(2)?,
        code: r.get(3)?,
        partner: r.get(4)?,
        channel: channel("binding_events.channel", text(r, 5)?)?,
        outcome: binding_outcome("binding_events.outcome", text(r, 6)?)?,
        reason: reason_code.as_deref().map(|code| {
            Refusal::text(code, detail.as_deref().unwrap_or(""))
                .get(lang)
                .to_owned()
        }),
        reason_code,
    })
}

/// Every attempt to bind the client, oldest first, reasons in `lang`.
pub(crate) fn events_of_client(db: &Db, client: i64, lang: Lang) -> Result<Vec<BindingEvent>> {
    db.prepare_cached(&format!(
        "{EVENT_ROW} WHERE e.client = ?1 ORDER BY e.date, e.id"
    ))?
    .query_map([client], |r| event_row(r, lang))?
    .collect()
}

/// Binding attempts for `partner` the rules refused, newest first (at most 500).
pub fn refused_for_partner(db: &Db, partner: &str, lang: Lang) -> Result<Vec<BindingEvent>> {
    let sql = format!("{EVENT_ROW} WHERE e.partner = ?1 AND e.outcome = 'refused' ORDER BY e.date DESC, e.id DESC LIMIT 500");
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map([partner], |r| event_row(r, lang))?;
    rows.collect()
}
