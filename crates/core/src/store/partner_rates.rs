//! A partner's own rates over time, as `partner rate` changes them.

use crate::store::sql::{params, Db, OptionalExtension};

use crate::Result;

/// The day of the partner's latest payment already accrued, if any.
pub(crate) fn last_accrued_day(db: &Db, partner: &str) -> Result<Option<String>> {
    Ok(db
        .prepare_cached(
            "SELECT max(date) FROM ledger WHERE partner = ?1 AND kind = 'credit' AND payment IS NOT NULL",
        )?
        .query_row([partner], |r| r.get(0))
        .optional()?
        .flatten())
}

/// The partner's newest rate kept, if any.
pub(crate) fn latest_rate(db: &Db, partner: &str) -> Result<Option<String>> {
    db.prepare_cached(
        "SELECT rate FROM partner_rates WHERE partner = ?1 ORDER BY since DESC LIMIT 1",
    )?
    .query_row([partner], |r| r.get(0))
    .optional()
}

/// Keeps the partner's rate `rate` from `since` (a rate kept for that day is replaced).
pub(crate) fn keep_rate_from(db: &Db, partner: &str, since: &str, rate: &str) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO partner_rates (partner, since, rate) VALUES (?1, ?2, ?3)
         ON CONFLICT (partner, since) DO UPDATE SET rate = excluded.rate",
    )?
    .execute(params![partner, since, rate])?;
    Ok(())
}

/// The partner's rate `rate` from `since`; the partner's row shows its newest rate.
pub(crate) fn set_rate_from(db: &Db, partner: &str, since: &str, rate: &str) -> Result<()> {
    keep_rate_from(db, partner, since, rate)?;
    db.prepare_cached(
        "UPDATE partners SET rate = (SELECT rate FROM partner_rates WHERE partner = ?1 ORDER BY since DESC LIMIT 1) WHERE id = ?1",
    )?
    .execute([partner])?;
    Ok(())
}
