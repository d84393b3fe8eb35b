//! A partner's status and own rate changed from a given day (the command line's `partner
//! status` and `partner rate`; the form changes them through `update_partner`).

use crate::store::sql::Db;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{Partner, PartnerInput, PartnerStatus};
use super::registry::{get_partner, update_partner};
use crate::audit::{self, Actor};
use crate::documents::russian::iso_date;
use crate::partners::validate_partner;
use crate::programs::find_program;
use crate::store::partner_rates::{last_accrued_day, set_rate_from};
use crate::{Error, Problem, Result, Text};

/// The partner's status from `since`; termination and disqualification annul the
/// unconverted balance as of that day (as the form does). The same status again changes
/// nothing. `reason` goes to the audit log.
pub fn set_partner_status(
    db: &Db,
    actor: &Actor,
    id: &str,
    status: PartnerStatus,
    since: NaiveDate,
    reason: Option<&str>,
) -> Result<Partner> {
    let old = get_partner(db, id)?;
    if old.status == status {
        return Ok(old);
    }
    if since.to_string() < old.registered {
        return Err(Error::Invalid(vec![Problem::new(
            "status_before_registration",
            Text::new(
                format!(
                    "статус не может действовать раньше регистрации партнёра ({})",
                    iso_date(&old.registered)
                ),
                format!(
                    "a status cannot start before the partner registered ({})",
                    old.registered
                ),
            ),
        )
        .field("status_since")]));
    }
    let input = PartnerInput {
        status: Some(status.key().to_owned()),
        status_since: Some(since.to_string()),
        ..PartnerInput::from(&old)
    };
    let partner = update_partner(db, actor, id, input)?;
    if let Some(reason) = reason.map(str::trim).filter(|r| !r.is_empty()) {
        audit::record(
            db,
            actor,
            "status",
            "partner",
            id,
            Some(&format!("{} с {since}: {reason}", status.key())),
        )?;
    }
    Ok(partner)
}

/// The partner's own rate (ciawifi's contract rate, quantower's raised rate) from `from`.
/// Payments already accrued on or after `from` keep what they earned, so a day before
/// the partner's last accrued payment is refused.
pub fn set_partner_rate(
    db: &Db,
    actor: &Actor,
    id: &str,
    rate: Decimal,
    from: NaiveDate,
) -> Result<Partner> {
    let old = get_partner(db, id)?;
    let input = PartnerInput {
        rate: Some(rate.to_string()),
        ..PartnerInput::from(&old)
    };
    let program = find_program(db, &old.program)?;
    let valid = validate_partner(&input, program.as_ref()).map_err(Error::Invalid)?;
    let rate = valid.rate.map(|r| r.to_string()).unwrap_or_default();
    if let Some(last) = last_accrued_day(db, id)?.filter(|last| from.to_string() <= *last) {
        return Err(Error::Invalid(vec![Problem::new(
            "rate_before_accruals",
            Text::new(
                format!(
                    "по {} платежи партнёра уже начислены по прежней ставке: новая ставка может действовать со следующего дня",
                    iso_date(&last)
                ),
                format!(
                    "the partner's payments up to {last} are already accrued at the old rate: the new rate can start the day after"
                ),
            ),
        )
        .field("from")]));
    }
    set_rate_from(db, id, &from.to_string(), &rate)?;
    audit::record(
        db,
        actor,
        "rate",
        "partner",
        id,
        Some(&format!(
            "{} → {rate} с {from}",
            old.rate.as_deref().unwrap_or("—")
        )),
    )?;
    get_partner(db, id)
}
