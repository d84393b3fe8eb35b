//! What the discount schedule is made of: the invitations it is derived from, the
//! periods and packages it grants, and the inviter's list of invited clients.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One accepted invitation: the invitee registered the inviter's code on `date`.
/// The store gives each invitee's first accepted invitation only (see
/// [`crate::discounts::discount_schedule`]): an invitee is discounted once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// The inviter's partner id.
    pub inviter: String,
    /// The invitee's client id.
    pub invitee: String,
    /// The day the invitee registered the code.
    pub date: NaiveDate,
    /// The invitee's last promo day, when known.
    pub promo_ends: Option<NaiveDate>,
}

/// Who a period is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum DiscountRole {
    /// The partner whose code was registered (the referral discount and SMS packages).
    Inviter,
    /// The client that registered a code (its welcome discount).
    Invitee,
}

/// A discount period or a granted SMS package, as the billing system loads it
/// (FORMATS.md, `discounts --json`). The first seven fields are the documented shape;
/// `program`, `inviter`, `invitee` and `invited` are extra, for the screens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiscountPeriod {
    /// The invitee's client id, or for an inviter its partner id.
    pub client: String,
    pub role: DiscountRole,
    /// The discount in percent, as a decimal string; `None` for an SMS package.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub percent: Option<Decimal>,
    /// The first day of the period, or the day a package was granted.
    pub start: NaiveDate,
    /// The last day of the period, inclusive; `None` for an SMS package.
    pub end: Option<NaiveDate>,
    /// Service categories the discount does not apply to (empty for a package).
    pub excludes: Vec<String>,
    /// The number of SMS in a granted package; `None` for a discount period.
    pub sms_package: Option<u32>,
    pub program: String,
    /// The inviter's partner id (for an invitee: who invited it).
    pub inviter: String,
    /// The invitee whose invitation gave this period or package.
    pub invitee: String,
    /// For an inviter's period, `k`: the invitations in the current chain; for a
    /// package, the inviter's total invitations that earned it; `None` for an invitee.
    pub invited: Option<u32>,
}

/// One line of the inviter's "Приведенные клиенты" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvitedClient {
    pub client: String,
    pub name: Option<String>,
    /// The day the client registered the inviter's code.
    pub activated: NaiveDate,
}
