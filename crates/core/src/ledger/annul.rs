//! Annulment: a terminated or disqualified partner, or one that broke the rules, loses
//! every unconverted accrual (PROGRAMS.md). The credits still on hold are annulled one by
//! one (each entry points at its credit and keeps its availability day, so the balance's
//! `on_hold` stays right); what was already available is annulled in one entry.

use crate::store::ledger::held_credits;
use crate::store::sql::Db;
use chrono::NaiveDate;

use super::balances::partner_balance;
use super::fold::Entry;
use super::write::Kind;
use crate::store::append_entry;
use crate::Result;

/// Why a balance was annulled: `termination`, `disqualification` or `violation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnulReason {
    Termination,
    Disqualification,
    Violation,
}

impl AnnulReason {
    pub fn key(self) -> &'static str {
        match self {
            AnnulReason::Termination => "termination",
            AnnulReason::Disqualification => "disqualification",
            AnnulReason::Violation => "violation",
        }
    }
}

/// Annuls the partner's unconverted balance as of `date`; returns the amount annulled
/// (minor units, 0 when there was nothing to annul).
pub fn annul_unconverted(
    db: &Db,
    partner: &str,
    date: NaiveDate,
    reason: AnnulReason,
    detail: Option<&str>,
    at: &str,
) -> Result<i64> {
    let entry = |amount, available_on, corrects| Entry {
        id: 0,
        partner: partner.to_owned(),
        kind: Kind::Annulment,
        date,
        available_on,
        amount,
        payment: None,
        client: None,
        corrects,
        rule: reason.key(),
        version: None,
        base: None,
        rate: None,
        detail: detail.map(str::to_owned),
    };
    let held = held_credits(db, partner, date)?;
    let mut annulled = 0;
    for (credit, remaining, available_on) in held {
        append_entry(db, entry(remaining, available_on, Some(credit)), at)?;
        annulled += remaining;
    }
    let rest = partner_balance(db, partner, date)?.unconverted();
    if rest > 0 {
        append_entry(db, entry(rest, date, None), at)?;
        annulled += rest;
    }
    Ok(annulled)
}

/// Staff annul a partner's unconverted balance for a breach of the program's rules
/// (bitrix24 violation, atlantys exclusion, quantower self-referral). Returns the amount
/// annulled, in minor units; the reason is kept on the entry and in the audit log.
pub fn annul_for_breach(
    db: &Db,
    actor: &crate::audit::Actor,
    partner: &str,
    date: NaiveDate,
    reason: &str,
) -> Result<i64> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(crate::Error::Invalid(vec![crate::Problem::new(
            "reason_required",
            crate::Text::new(
                "укажите причину аннулирования",
                "give the reason for the annulment",
            ),
        )
        .field("reason")]));
    }
    crate::partners::get_partner(db, partner)?;
    let annulled = annul_unconverted(
        db,
        partner,
        date,
        AnnulReason::Violation,
        Some(reason),
        &actor.stamp(),
    )?;
    crate::audit::record(
        db,
        actor,
        "annul",
        "partner",
        partner,
        Some(&format!(
            "{date}: {} ({reason})",
            crate::money::minor_text(annulled)
        )),
    )?;
    Ok(annulled)
}
