//! The discount schedule, pure: from a program's rules and its accepted invitations,
//! every discount period and SMS package. No SQLite here — the book stores only the
//! binding events, and the schedule is derived from them each time it is asked for.

use std::collections::HashMap;

use super::chain::Chain;
use super::invitee::invitee_period;
use super::model::{DiscountPeriod, Invitation};
use crate::programs::Program;

/// Every period and package `invitations` grant under `program`'s rules.
///
/// Each invitation is read under the version in force on its date; one made while no
/// version (or one without discounts) was in force grants nothing and does not count
/// in any chain. The invitations are taken in a fixed order — by date, then invitee
/// client id (then inviter) — whatever order they come in, so the same book always
/// gives the same schedule.
///
/// The output follows that order: for each invitation, the invitee's period, then the
/// inviter's period (the ladder and same-day invitations: `chain.rs`, `Chain::invite`),
/// then any SMS package it earned. An inviter's period cut short by a later invitation
/// keeps its place, with its end moved; one withdrawn by a second invitation the same
/// day leaves no line.
///
/// `invitations` should hold one invitation per invitee (the store passes each
/// invitee's first accepted one); an inviter's periods need all of its invitations.
pub fn schedule(program: &Program, invitations: &[Invitation]) -> Vec<DiscountPeriod> {
    let mut ordered: Vec<&Invitation> = invitations.iter().collect();
    ordered.sort_by(|a, b| (a.date, &a.invitee, &a.inviter).cmp(&(b.date, &b.invitee, &b.inviter)));
    let mut out = Vec::new();
    let mut chains: HashMap<&str, Chain> = HashMap::new();
    for invitation in ordered {
        let rules = program
            .version_on(invitation.date)
            .and_then(|v| v.rules.discounts.as_ref());
        let Some(rules) = rules else {
            continue;
        };
        out.push(invitee_period(&program.id, rules, invitation));
        chains
            .entry(invitation.inviter.as_str())
            .or_default()
            .invite(&program.id, rules, invitation, &mut out);
    }
    out.into_iter().flatten().collect()
}
