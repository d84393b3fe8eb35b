//! Payments that earned nothing, each with its reason, filterable by reason: the
//! "what did not count and why" review.

use crate::store::sql::{params, Db};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::reasons::NoEarn;
use crate::money::minor_text;
use crate::store::Rows;
use crate::{Lang, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct UnearnedQuery {
    pub program: Option<String>,
    /// A reason code (`not_bound`, `not_direct`, ...).
    pub reason: Option<String>,
    pub partner: Option<String>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnearnedPayment {
    pub payment: String,
    pub program: String,
    pub unit: String,
    pub date: String,
    pub client: String,
    pub amount: String,
    pub partner: Option<String>,
    pub reason_code: String,
    pub reason: String,
}

/// How many payments earned nothing for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReasonCount {
    pub code: String,
    pub label: String,
    #[ts(type = "number")]
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnearnedPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<UnearnedPayment>,
    /// Every reason with its count (under the program filter, not the reason filter).
    pub reasons: Vec<ReasonCount>,
}

const FILTER: &str = "(CAST(?1 AS TEXT) IS NULL OR p.program = ?1) AND (CAST(?2 AS TEXT) IS NULL OR o.reason = ?2) AND (CAST(?3 AS TEXT) IS NULL OR o.partner = ?3)";

/// One page of the payments that earned nothing, newest first, with every reason's count.
pub fn unearned_page(db: &Db, q: &UnearnedQuery, lang: Lang) -> Result<UnearnedPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let offset = q.offset.unwrap_or(0);
    let total: u32 = db
        .prepare_cached(&format!("SELECT count(*) FROM payment_outcomes o JOIN payments p ON p.id = o.payment WHERE {FILTER}"))?
        .query_row(params![q.program, q.reason, q.partner], |r| r.get(0))?;
    let rows = unearned_rows(db, q, lang, rows)?;
    let mut stmt = db.prepare_cached(
        "SELECT o.reason, count(*) FROM payment_outcomes o JOIN payments p ON p.id = o.payment
         WHERE (CAST(?1 AS TEXT) IS NULL OR p.program = ?1) AND (CAST(?2 AS TEXT) IS NULL OR o.partner = ?2)
         GROUP BY o.reason ORDER BY count(*) DESC",
    )?;
    let reasons = stmt
        .query_map(params![q.program, q.partner], |r| {
            let code: String = r.get(0)?;
            Ok(ReasonCount {
                label: reason_label(&code, lang),
                code,
                count: r.get(1)?,
            })
        })?
        .collect::<crate::Result<Vec<_>>>()?;
    Ok(UnearnedPage {
        total,
        offset,
        rows,
        reasons,
    })
}

/// Every payment the «Без начисления» table shows for `q` (its paging aside), newest first:
/// what an export of the table holds.
pub fn unearned_shown(db: &Db, q: &UnearnedQuery, lang: Lang) -> Result<Vec<UnearnedPayment>> {
    unearned_rows(db, q, lang, Rows::All)
}

/// The payments `q` matches, newest first: a page of them (200 unless the query says), or
/// every one.
fn unearned_rows(
    db: &Db,
    q: &UnearnedQuery,
    lang: Lang,
    rows: Rows,
) -> Result<Vec<UnearnedPayment>> {
    let (window, _) = rows.sql(200);
    let mut stmt = db.prepare_cached(&format!(
        "SELECT p.payment_id, p.program, g.unit, p.date, c.client_id, p.amount, o.partner, o.reason, coalesce(o.detail, '')
         FROM payment_outcomes o JOIN payments p ON p.id = o.payment
         JOIN clients c ON c.id = p.client JOIN programs g ON g.id = p.program
         WHERE {FILTER} ORDER BY p.date DESC, p.id DESC {window}"
    ))?;
    let rows = stmt
        .query_map(params![q.program, q.reason, q.partner], |r| {
            let code: String = r.get(7)?;
            let detail: String = r.get(8)?;
            Ok(UnearnedPayment {
                payment: r.get(0)?,
                program: r.get(1)?,
                unit: r.get(2)?,
                date: r.get(3)?,
                client: r.get(4)?,
                amount: minor_text(r.get(5)?),
                partner: r.get(6)?,
                reason: NoEarn::text(&code, &detail).get(lang).to_owned(),
                reason_code: code,
            })
        })?
        .collect::<crate::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A short name of a reason for the filter chips.
fn reason_label(code: &str, lang: Lang) -> String {
    let (ru, en) = match code {
        "not_bound" => ("не привязан", "not bound"),
        "category_not_counted" => ("не тариф", "not a tariff"),
        "not_direct" => ("не прямая оплата", "not direct"),
        "promotion_not_combinable" => ("другая акция", "other promotion"),
        "not_new_client" => ("не новый клиент", "not a new client"),
        "no_code_used" => ("без кода", "no code"),
        "outside_window" => ("после 3 лет", "after 3 years"),
        "partner_ended" => ("партнёр расторгнут", "partner ended"),
        "no_contract_rate" => ("нет ставки", "no rate"),
        "discounts_only" => ("только скидки", "discounts only"),
        "refund_of_unearned" => ("возврат без начисления", "refund of unearned"),
        "self_referral" => ("сам себя", "self-referral"),
        _ => return NoEarn::text(code, "").get(lang).to_owned(),
    };
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}
