//! Manual adjustments: staff correct a partner's balance by hand, with a reason — a
//! credit (a positive amount) or a debit (a negative one). Like every entry it is only
//! ever appended: a credit entry, or a reversal pointing at nothing, with the rule
//! `manual_adjustment` and the reason as its detail, available on its own day (no hold),
//! and recorded in the audit log.

use crate::store::sql::Db;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::balances::partner_balance;
use super::fold::Entry;
use super::write::Kind;
use crate::audit::{self, Actor};
use crate::money::{minor_text, to_minor};
use crate::partners::get_partner;
use crate::programs::load_program;
use crate::store::append_entry;
use crate::{Error, Problem, Result, Text};

/// The rule an adjustment's entry carries.
pub const MANUAL_ADJUSTMENT: &str = "manual_adjustment";

/// A correction of `partner`'s balance on `date`: `amount` in the program's unit,
/// positive to credit, negative to debit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Adjustment {
    pub partner: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub reason: String,
}

/// What an adjustment posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Adjusted {
    #[ts(type = "number")]
    pub entry: i64,
    pub partner: String,
    pub date: String,
    /// Signed, in the program's unit (`"-150.00"` for a debit).
    pub amount: String,
    pub unit: String,
    /// The available balance after it, as of its day.
    pub available: String,
}

fn problem(code: &'static str, field: &'static str, ru: String, en: String) -> Error {
    Error::Invalid(vec![Problem::new(code, Text::new(ru, en)).field(field)])
}

/// Posts the adjustment. A debit may not take more than is available on its day; a zero,
/// a fraction of a kopeck or an empty reason is refused, nothing written.
pub fn adjust_balance(db: &Db, actor: &Actor, adjustment: &Adjustment) -> Result<Adjusted> {
    let reason = adjustment.reason.trim();
    if reason.is_empty() {
        return Err(problem(
            "reason_required",
            "reason",
            "укажите причину корректировки".into(),
            "give the reason for the adjustment".into(),
        ));
    }
    let partner = get_partner(db, &adjustment.partner)?;
    let unit = load_program(db, &partner.program)?.unit;
    let minor = to_minor(adjustment.amount)
        .filter(|m| *m != 0)
        .ok_or_else(|| {
            problem(
                "bad_amount",
                "amount",
                format!(
                    "сумма {} не подходит: нужно число, не ноль, не больше двух знаков после запятой",
                    adjustment.amount
                ),
                format!(
                    "the amount {} will not do: a non-zero number with at most two decimals",
                    adjustment.amount
                ),
            )
        })?;
    let date = adjustment.date;
    let available = partner_balance(db, &partner.partner_id, date)?.available();
    if minor < 0 && -minor > available {
        return Err(problem(
            "adjustment_exceeds_balance",
            "amount",
            format!(
                "списать {} {unit} нельзя: на {} доступно {} {unit}",
                minor_text(-minor),
                date.format("%d.%m.%Y"),
                minor_text(available)
            ),
            format!(
                "cannot debit {} {unit}: {} {unit} is available on {date}",
                minor_text(-minor),
                minor_text(available)
            ),
        ));
    }
    let entry = append_entry(
        db,
        Entry {
            id: 0,
            partner: partner.partner_id.clone(),
            kind: if minor > 0 {
                Kind::Credit
            } else {
                Kind::Reversal
            },
            date,
            available_on: date,
            amount: minor.abs(),
            payment: None,
            client: None,
            corrects: None,
            rule: MANUAL_ADJUSTMENT,
            version: None,
            base: None,
            rate: None,
            detail: Some(reason.to_owned()),
        },
        &actor.stamp(),
    )?;
    audit::record(
        db,
        actor,
        "adjust",
        "partner",
        &partner.partner_id,
        Some(&format!("{date}: {} {unit} ({reason})", minor_text(minor))),
    )?;
    Ok(Adjusted {
        entry,
        partner: partner.partner_id.clone(),
        date: date.to_string(),
        amount: minor_text(minor),
        unit,
        available: minor_text(partner_balance(db, &partner.partner_id, date)?.available()),
    })
}
