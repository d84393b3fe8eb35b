//! Partners and the vendor: the form's create and edit, a status or a rate from a day.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::audit::Actor;
use crate::partners::{self, Partner, PartnerInput, PartnerStatus};
use crate::store::Book;
use crate::vendor::{self, Vendor};
use crate::Result;

pub fn create_partner(book: &mut Book, actor: &Actor, input: PartnerInput) -> Result<Partner> {
    book.write(|tx| partners::create_partner(tx, actor, input))
}

/// Changes the partner `id` to `input` (every field the form holds).
pub fn update_partner(
    book: &mut Book,
    actor: &Actor,
    id: &str,
    input: PartnerInput,
) -> Result<Partner> {
    book.write(|tx| partners::update_partner(tx, actor, id, input))
}

/// Changes only the fields `change` gives, with the form's checks.
pub fn set_partner_fields(
    book: &mut Book,
    actor: &Actor,
    id: &str,
    change: impl FnOnce(PartnerInput) -> PartnerInput,
) -> Result<Partner> {
    book.write(|tx| {
        let old = partners::get_partner(tx, id)?;
        partners::update_partner(tx, actor, id, change(PartnerInput::from(&old)))
    })
}

pub fn set_partner_status(
    book: &mut Book,
    actor: &Actor,
    id: &str,
    status: PartnerStatus,
    since: NaiveDate,
    reason: Option<&str>,
) -> Result<Partner> {
    book.write(|tx| partners::set_partner_status(tx, actor, id, status, since, reason))
}

pub fn set_partner_rate(
    book: &mut Book,
    actor: &Actor,
    id: &str,
    rate: Decimal,
    from: NaiveDate,
) -> Result<Partner> {
    book.write(|tx| partners::set_partner_rate(tx, actor, id, rate, from))
}

/// The vendor's requisites: only the fields `change` gives change.
pub fn set_vendor(book: &mut Book, actor: &Actor, change: Vendor) -> Result<Vendor> {
    book.write(|tx| vendor::set_vendor(tx, actor, change))
}
