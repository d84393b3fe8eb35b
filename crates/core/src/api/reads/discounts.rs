//! tele2-ats's discounts: an inviter's history and invitees, a client's, the schedule.

use crate::discounts::{self, DiscountPeriod, InvitedClient};
use crate::store::Book;
use crate::Result;

/// The inviter's discount periods and SMS packages, oldest first.
pub fn discount_history(book: &Book, partner: &str) -> Result<Vec<DiscountPeriod>> {
    book.read(|db| discounts::discount_history(db, partner))
}

/// The clients that registered the partner's code, oldest first.
pub fn invited_clients(book: &Book, partner: &str) -> Result<Vec<InvitedClient>> {
    book.read(|db| discounts::invited_clients(db, partner))
}

/// The client's own (invitee) discount periods.
pub fn client_discounts(book: &Book, program: &str, client: &str) -> Result<Vec<DiscountPeriod>> {
    book.read(|db| discounts::client_discounts(db, program, client))
}

/// Every period and package of `program`, or of every program that grants discounts.
pub fn discount_schedule(book: &Book, program: Option<&str>) -> Result<Vec<DiscountPeriod>> {
    book.read(|db| discounts::discount_schedule(db, program))
}
