//! The `acts` table: an act's row (its workflow columns change, the rest never do), the
//! acts table's filters and totals, the deadlines, the month's payouts, and the requests
//! a conversion answered.

use chrono::NaiveDate;

use crate::acts::{ActPage, ActQuery, ActSort, ActStatus, ActTotal, Conversion, StoredAct};
use crate::money::minor_text;
use crate::store::sql::{params, Db, OptionalExtension, Row};
use crate::store::values::{act_status, day, optional_day, optional_text, text};
use crate::store::{Rows, MAX_PAGE};
use crate::Result;

const COLUMNS: &str = "a.id, a.number, a.partner, a.program, a.conversion, a.date, a.period_from, a.period_to, a.amount, a.money, a.currency, a.vat_rate, a.vat, a.payout_kind, a.status, a.sent, a.sign_due, a.signed, a.pay_due, a.paid, a.rejected, a.reason, a.parties, a.guid";

fn stored_act(r: &Row) -> Result<StoredAct> {
    let on = |what: &str, i: usize| optional_day(what, optional_text(r, i)?);
    Ok(StoredAct {
        id: r.get(0)?,
        number: r.get(1)?,
        partner: r.get(2)?,
        program: r.get(3)?,
        conversion: r.get(4)?,
        date: day("acts.date", text(r, 5)?)?,
        period_from: day("acts.period_from", text(r, 6)?)?,
        period_to: day("acts.period_to", text(r, 7)?)?,
        amount: r.get(8)?,
        money: r.get(9)?,
        currency: r.get(10)?,
        vat_rate: r.get(11)?,
        vat: r.get(12)?,
        payout_kind: r.get(13)?,
        status: act_status("acts.status", text(r, 14)?)?,
        sent: on("acts.sent", 15)?,
        sign_due: on("acts.sign_due", 16)?,
        signed: on("acts.signed", 17)?,
        pay_due: on("acts.pay_due", 18)?,
        paid: on("acts.paid", 19)?,
        rejected: on("acts.rejected", 20)?,
        reason: r.get(21)?,
        parties: r.get(22)?,
        guid: r.get(23)?,
    })
}

/// The act `id`: its number (`2026-0007`) or its row id (`12`).
pub fn find_act(db: &Db, id: &str) -> Result<Option<StoredAct>> {
    let id = id.trim();
    let sql = format!(
        "SELECT {COLUMNS} FROM acts a WHERE a.number = ?1 OR (CAST(?2 AS INTEGER) IS NOT NULL AND a.id = ?2)"
    );
    let rowid = id.parse::<i64>().ok();
    db.prepare_cached(&sql)?
        .query_row(params![id, rowid], stored_act)
        .optional()
}

fn day_text(day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.to_string())
}

/// Writes the act's workflow columns (the rest never change); `settled_by` is the ledger
/// entry that settled it, when one did.
pub(crate) fn save_state(db: &Db, act: &StoredAct, settled_by: Option<i64>) -> Result<()> {
    db.prepare_cached(
        "UPDATE acts SET status = ?2, sent = ?3, sign_due = ?4, signed = ?5, pay_due = ?6, paid = ?7,
                         rejected = ?8, reason = ?9, parties = ?10, settled_by = coalesce(?11, settled_by)
         WHERE id = ?1",
    )?
    .execute(params![
        act.id,
        act.status.key(),
        day_text(act.sent),
        day_text(act.sign_due),
        day_text(act.signed),
        day_text(act.pay_due),
        day_text(act.paid),
        day_text(act.rejected),
        act.reason,
        act.parties,
        settled_by,
    ])?;
    Ok(())
}

/// A draft act a conversion makes.
pub(crate) struct NewAct<'a> {
    pub number: &'a str,
    pub year: i32,
    pub seq: i64,
    pub partner: &'a str,
    pub program: &'a str,
    /// The conversion's ledger entry.
    pub conversion: i64,
    pub date: NaiveDate,
    pub period_from: NaiveDate,
    pub amount: i64,
    pub money: i64,
    pub currency: &'a str,
    pub vat_rate: Option<rust_decimal::Decimal>,
    pub vat: Option<i64>,
    pub payout_kind: &'a str,
    pub guid: &'a str,
    pub at: &'a str,
    pub request_key: Option<&'a str>,
}

/// Adds the draft act (its period ends on its date): its row id.
pub(crate) fn insert_act(db: &Db, a: &NewAct<'_>) -> Result<i64> {
    db.prepare_cached(
        "INSERT INTO acts (number, year, seq, partner, program, conversion, date, period_from, period_to,
                           amount, money, currency, vat_rate, vat, payout_kind, status, guid, at, request_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'draft', ?16, ?17, ?18) RETURNING id",
    )?
    .query_row(
        params![
            a.number,
            a.year,
            a.seq,
            a.partner,
            a.program,
            a.conversion,
            a.date.to_string(),
            a.period_from.to_string(),
            a.date.to_string(),
            a.amount,
            a.money,
            a.currency,
            a.vat_rate.map(|r| r.normalize().to_string()),
            a.vat,
            a.payout_kind,
            a.guid,
            a.at,
            a.request_key,
        ],
        |r| r.get::<_, i64>(0),
    )
}

/// The last day of the partner's latest act not rejected, if any.
pub(crate) fn last_period_end(db: &Db, partner: &str) -> Result<Option<NaiveDate>> {
    let last: Option<String> = db
        .prepare_cached(
            "SELECT max(period_to) FROM acts WHERE partner = ?1 AND status <> 'rejected'",
        )?
        .query_row([partner], |r| r.get(0))
        .optional()?
        .flatten();
    optional_day("acts.period_to", last.as_deref())
}

/// What a conversion made under the request key `key`, and its day, if one did.
pub(crate) fn made_for_key(db: &Db, key: &str) -> Result<Option<(Conversion, NaiveDate)>> {
    db.prepare_cached(
        "SELECT a.id, a.number, a.partner, a.date, a.conversion, a.amount, g.unit
         FROM acts a JOIN programs g ON g.id = a.program WHERE a.request_key = ?1",
    )?
    .query_row([key], |r| {
        Ok((
            Conversion {
                act: r.get::<_, i64>(0)?.to_string(),
                number: r.get(1)?,
                partner: r.get(2)?,
                conversion: r.get::<_, i64>(4)?.to_string(),
                amount: minor_text(r.get(5)?),
                unit: r.get(6)?,
            },
            day("acts.date", text(r, 3)?)?,
        ))
    })
    .optional()
}

const FILTER: &str = "(CAST(?1 AS TEXT) IS NULL OR a.status = ?1) AND (CAST(?2 AS TEXT) IS NULL OR a.partner = ?2)
     AND (CAST(?3 AS TEXT) IS NULL OR a.program = ?3) AND (CAST(?4 AS TEXT) IS NULL OR substr(a.date, 1, 7) = ?4)
     AND (?5 = 0 OR (a.status = 'sent' AND a.sign_due < ?6) OR (a.status = 'signed' AND a.pay_due < ?6))
     AND (CAST(?7 AS TEXT) IS NULL OR a.number = ?7 OR CAST(a.id AS TEXT) = ?7)
     AND (CAST(?8 AS TEXT) IS NULL OR instr(lower(a.number), ?8) > 0
          OR a.partner IN (SELECT id FROM partners WHERE instr(search, ?8) > 0))";

/// The `ORDER BY` of `query`: its column in its direction, the row id breaking ties; newest
/// first when it names none.
fn act_order(query: &ActQuery) -> String {
    let Some(sort) = query.sort else {
        return "a.date DESC, a.id DESC".to_owned();
    };
    let dir = if query.descending.unwrap_or(false) {
        "DESC"
    } else {
        "ASC"
    };
    let columns: &[&str] = match sort {
        ActSort::Number => &["a.year", "a.seq"],
        ActSort::Date => &["a.date"],
        ActSort::Partner => &["p.name", "a.partner"],
        ActSort::Amount => &["a.money"],
        ActSort::Status => &["CASE a.status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 WHEN 'signed' THEN 2 WHEN 'paid' THEN 3 ELSE 4 END"],
    };
    let mut order: Vec<String> = columns.iter().map(|c| format!("{c} {dir}")).collect();
    order.push(format!("a.id {dir}"));
    order.join(", ")
}

/// The acts `query` matches, in its order (overdue judged on `as_of`): one page of them,
/// or every one; with how many match and the totals per currency.
pub(crate) fn act_page(db: &Db, query: &ActQuery, as_of: NaiveDate, rows: Rows) -> Result<ActPage> {
    // Partners' `search` column is lower-cased by Rust (SQLite's lower() knows only ASCII).
    let search = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let args = params![
        query.status.map(ActStatus::key),
        query.partner,
        query.program,
        query.month,
        query.overdue.unwrap_or(false),
        as_of.to_string(),
        query.act.as_deref().map(str::trim),
        search,
    ];
    let total: u32 = db
        .prepare_cached(&format!("SELECT count(*) FROM acts a WHERE {FILTER}"))?
        .query_row(args, |r| r.get(0))?;
    let (window, offset) = rows.sql(MAX_PAGE);
    let sql = format!(
        "SELECT {COLUMNS}, p.name, g.unit FROM acts a
         JOIN partners p ON p.id = a.partner JOIN programs g ON g.id = a.program
         WHERE {FILTER} ORDER BY {} {window}",
        act_order(query)
    );
    let rows = db
        .prepare_cached(&sql)?
        .query_map(args, |r| {
            Ok(stored_act(r)?.row(r.get(24)?, r.get(25)?, as_of))
        })?
        .collect::<Result<Vec<_>>>()?;
    let totals = db
        .prepare_cached(&format!(
            "SELECT a.currency, count(*), sum(a.money) FROM acts a WHERE {FILTER}
             GROUP BY a.currency ORDER BY a.currency"
        ))?
        .query_map(args, |r| {
            Ok(ActTotal {
                currency: r.get(0)?,
                count: r.get(1)?,
                money: minor_text(r.get(2)?),
            })
        })?
        .collect::<Result<Vec<_>>>()?;
    Ok(ActPage {
        total,
        offset,
        rows,
        totals,
    })
}

/// Acts sent and not yet signed or rejected, and acts signed and not yet paid, soonest
/// due first, each with its partner's name.
pub(crate) fn awaiting(db: &Db) -> Result<Vec<(StoredAct, String)>> {
    let sql = format!(
        "SELECT {COLUMNS}, p.name FROM acts a JOIN partners p ON p.id = a.partner
         WHERE a.status IN ('sent', 'signed')
         ORDER BY CASE a.status WHEN 'sent' THEN a.sign_due ELSE a.pay_due END, a.id"
    );
    db.prepare_cached(&sql)?
        .query_map([], |r| Ok((stored_act(r)?, r.get(24)?)))?
        .collect()
}

/// Bank payouts paid from `first` to `last`, and signed acts unpaid with a payout due by
/// `last`: by currency, then by day, then by number.
pub(crate) fn bank_payouts(db: &Db, first: NaiveDate, last: NaiveDate) -> Result<Vec<StoredAct>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM acts a
         WHERE a.payout_kind = 'bank'
           AND ((a.status = 'paid' AND a.paid BETWEEN ?1 AND ?2) OR (a.status = 'signed' AND a.pay_due <= ?2))
         ORDER BY a.currency, coalesce(a.paid, a.pay_due), a.number"
    );
    db.prepare_cached(&sql)?
        .query_map(params![first.to_string(), last.to_string()], stored_act)?
        .collect()
}

/// How many acts are drafts.
pub(crate) fn count_drafts(db: &Db) -> Result<u32> {
    db.query_row(
        "SELECT count(*) FROM acts WHERE status = 'draft'",
        [],
        |r| r.get(0),
    )
}
