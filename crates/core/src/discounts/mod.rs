//! tele2-ats pays discounts, not money (PROGRAMS.md §4): the invitee's welcome discount,
//! the inviter's ladder of referral discounts and its SMS packages. The schedule is
//! derived from the stored binding events each time (no tables of its own), by a pure
//! function over the program's rules.

mod chain;
mod invitee;
mod model;
mod queries;
mod schedule;
mod term;

#[cfg(test)]
mod tests;

pub use model::{DiscountPeriod, DiscountRole, Invitation, InvitedClient};
pub use queries::{
    client_discounts, discount_history, discount_programs, discount_schedule, invited_clients,
    program_schedule,
};
pub use schedule::schedule;
pub use term::period_end;
