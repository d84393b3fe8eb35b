//! A partner's own reward rate over time (ciawifi's contract rate, quantower's raised
//! rate). Each change is kept with the day it takes effect, so a payment imported later
//! is accrued at the rate that was in force on its own date.

use crate::store::partner_rates::{keep_rate_from, latest_rate};
use crate::store::sql::Db;

use super::Partner;
use crate::Result;

/// Records the partner's rate when it differs from the latest one kept: a new partner's
/// (`added`) from its contract date (else its registration), a change from `today`.
pub(crate) fn keep_rate(db: &Db, p: &Partner, today: &str, added: bool) -> Result<()> {
    let Some(rate) = &p.rate else {
        return Ok(());
    };
    let latest = latest_rate(db, &p.partner_id)?;
    let since = match &latest {
        Some(old) if old == rate => return Ok(()),
        None if added => p
            .contract_date
            .clone()
            .unwrap_or_else(|| p.registered.clone()),
        _ => today.to_owned(),
    };
    keep_rate_from(db, &p.partner_id, &since, rate)
}
