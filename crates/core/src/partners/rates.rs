//! A partner's own reward rate over time (ciawifi's contract rate, quantower's raised
//! rate). Each change is kept with the day it takes effect, so a payment imported later
//! is accrued at the rate that was in force on its own date.

use crate::store::sql::{params, Db, OptionalExtension};

use super::Partner;
use crate::Result;

/// Records the partner's rate when it differs from the latest one kept: a new partner's
/// (`added`) from its contract date (else its registration), a change from `today`.
pub(crate) fn keep_rate(db: &Db, p: &Partner, today: &str, added: bool) -> Result<()> {
    let Some(rate) = &p.rate else {
        return Ok(());
    };
    let latest: Option<String> = db
        .prepare_cached(
            "SELECT rate FROM partner_rates WHERE partner = ?1 ORDER BY since DESC LIMIT 1",
        )?
        .query_row([&p.partner_id], |r| r.get(0))
        .optional()?;
    let since = match &latest {
        Some(old) if old == rate => return Ok(()),
        None if added => p
            .contract_date
            .clone()
            .unwrap_or_else(|| p.registered.clone()),
        _ => today.to_owned(),
    };
    db.prepare_cached(
        "INSERT INTO partner_rates (partner, since, rate) VALUES (?1, ?2, ?3)
         ON CONFLICT (partner, since) DO UPDATE SET rate = excluded.rate",
    )?
    .execute(params![p.partner_id, since, rate])?;
    Ok(())
}
