//! The `payment_outcomes` table: the payments that earned nothing, each with its reason
//! (the "what did not count and why" review), filtered and counted in SQL.

use crate::ledger::{UnearnedPayment, UnearnedQuery};
use crate::money::minor_text;
use crate::store::sql::{params, Db};
use crate::store::Rows;
use crate::Result;

const FILTER: &str = "(CAST(?1 AS TEXT) IS NULL OR p.program = ?1) AND (CAST(?2 AS TEXT) IS NULL OR o.reason = ?2) AND (CAST(?3 AS TEXT) IS NULL OR o.partner = ?3)";

/// How many payments `q` matches.
pub(crate) fn unearned_count(db: &Db, q: &UnearnedQuery) -> Result<u32> {
    db.prepare_cached(&format!(
        "SELECT count(*) FROM payment_outcomes o JOIN payments p ON p.id = o.payment WHERE {FILTER}"
    ))?
    .query_row(params![q.program, q.reason, q.partner], |r| r.get(0))
}

/// Every reason with how many payments it kept from earning (of one program and one
/// partner, if given), the most frequent first.
pub(crate) fn reason_counts(
    db: &Db,
    program: Option<&str>,
    partner: Option<&str>,
) -> Result<Vec<(String, u64)>> {
    let mut stmt = db.prepare_cached(
        "SELECT o.reason, count(*) FROM payment_outcomes o JOIN payments p ON p.id = o.payment
         WHERE (CAST(?1 AS TEXT) IS NULL OR p.program = ?1) AND (CAST(?2 AS TEXT) IS NULL OR o.partner = ?2)
         GROUP BY o.reason ORDER BY count(*) DESC",
    )?;
    let rows = stmt.query_map(params![program, partner], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The payments `q` matches, newest first: a page of them (200 unless the query says), or
/// every one; each (its `reason` left empty) with its reason's detail.
pub(crate) fn unearned_rows(
    db: &Db,
    q: &UnearnedQuery,
    rows: Rows,
) -> Result<Vec<(UnearnedPayment, String)>> {
    let (window, _) = rows.sql(200);
    let mut stmt = db.prepare_cached(&format!(
        "SELECT p.payment_id, p.program, g.unit, p.date, c.client_id, p.amount, o.partner, o.reason, coalesce(o.detail, '')
         FROM payment_outcomes o JOIN payments p ON p.id = o.payment
         JOIN clients c ON c.id = p.client JOIN programs g ON g.id = p.program
         WHERE {FILTER} ORDER BY p.date DESC, p.id DESC {window}"
    ))?;
    let rows = stmt.query_map(params![q.program, q.reason, q.partner], |r| {
        let payment = UnearnedPayment {
            payment: r.get(0)?,
            program: r.get(1)?,
            unit: r.get(2)?,
            date: r.get(3)?,
            client: r.get(4)?,
            amount: minor_text(r.get(5)?),
            partner: r.get(6)?,
            reason_code: r.get(7)?,
            reason: String::new(),
        };
        Ok((payment, r.get(8)?))
    })?;
    rows.collect()
}
