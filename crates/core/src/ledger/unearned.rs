//! Payments that earned nothing, each with its reason, filterable by reason: the
//! "what did not count and why" review.

use crate::store::payment_outcomes::{reason_counts, unearned_count, unearned_rows};
use crate::store::sql::Db;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::reasons::NoEarn;
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

/// One page of the payments that earned nothing, newest first, with every reason's count.
pub fn unearned_page(db: &Db, q: &UnearnedQuery, lang: Lang) -> Result<UnearnedPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let reasons = reason_counts(db, q.program.as_deref(), q.partner.as_deref())?
        .into_iter()
        .map(|(code, count)| ReasonCount {
            label: reason_label(&code, lang),
            code,
            count,
        })
        .collect();
    Ok(UnearnedPage {
        total: unearned_count(db, q)?,
        offset: q.offset.unwrap_or(0),
        rows: explained(db, q, lang, rows)?,
        reasons,
    })
}

/// Every payment the «Без начисления» table shows for `q` (its paging aside), newest first:
/// what an export of the table holds.
pub fn unearned_shown(db: &Db, q: &UnearnedQuery, lang: Lang) -> Result<Vec<UnearnedPayment>> {
    explained(db, q, lang, Rows::All)
}

/// The payments `q` matches (see [`unearned_rows`]), each reason in `lang`.
fn explained(db: &Db, q: &UnearnedQuery, lang: Lang, rows: Rows) -> Result<Vec<UnearnedPayment>> {
    let mut found = unearned_rows(db, q, rows)?;
    for (payment, detail) in &mut found {
        payment.reason = NoEarn::text(&payment.reason_code, detail)
            .get(lang)
            .to_owned();
    }
    Ok(found.into_iter().map(|(payment, _)| payment).collect())
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
        "refund_of_annulled" => ("возврат аннулированного", "refund of annulled"),
        "self_referral" => ("сам себя", "self-referral"),
        _ => return NoEarn::text(code, "").get(lang).to_owned(),
    };
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}
