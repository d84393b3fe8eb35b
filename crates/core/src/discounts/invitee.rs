//! The invitee's welcome discount (PROGRAMS.md §4).

use chrono::NaiveDate;

use super::model::{DiscountPeriod, DiscountRole, Invitation};
use super::term::period_end;
use crate::programs::DiscountRules;

/// The invitee's period: from the day after its promo period ends, or from the day it
/// registered the code if that is later or the promo end is unknown.
pub(super) fn invitee_period(
    program: &str,
    rules: &DiscountRules,
    invitation: &Invitation,
) -> Option<DiscountPeriod> {
    let after_promo = invitation.promo_ends.and_then(|d| d.succ_opt());
    let start: NaiveDate = after_promo.map_or(invitation.date, |d| d.max(invitation.date));
    Some(DiscountPeriod {
        client: invitation.invitee.clone(),
        role: DiscountRole::Invitee,
        percent: Some(rules.invitee_percent.normalize()),
        start,
        end: Some(period_end(start, rules.invitee_months)?),
        excludes: rules.excludes.clone(),
        sms_package: None,
        program: program.to_owned(),
        inviter: invitation.inviter.clone(),
        invitee: invitation.invitee.clone(),
        invited: None,
    })
}
