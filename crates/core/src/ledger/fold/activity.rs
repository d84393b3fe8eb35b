//! The one-off reward for a client that became active (bitrix24's 100 bonuses until
//! 2025-12-31): once per client, to the partner it was bound to through the rule's
//! channel on `active_since`.

use chrono::NaiveDate;

use super::output::{Entry, Sink};
use super::snapshot::PartnerFacts;
use super::Fold;
use crate::ledger::rules::{activity_reward, available_on};
use crate::ledger::write::Kind;
use crate::Result;

/// A client's activity as the clients file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub program: String,
    pub client: i64,
    pub users: u32,
    pub active_since: NaiveDate,
}

impl<S: Sink> Fold<'_, S> {
    /// Accrues the reward when the activity earns it; `true` when it did.
    pub fn activity(&mut self, a: &Activity) -> Result<bool> {
        let Some(program) = self.snapshot.programs.get(&a.program).cloned() else {
            return Ok(false);
        };
        let Some(version) = program.version_on(a.active_since) else {
            return Ok(false);
        };
        let Some(client) = self.snapshot.clients.get(&a.client) else {
            return Ok(false);
        };
        let day = a.active_since;
        let Some(bound) = client
            .bindings
            .iter()
            .rev()
            .find(|b| b.since <= day && b.until.is_none_or(|u| day < u))
        else {
            return Ok(false);
        };
        let Some((rule, amount)) = activity_reward(&version.rules, a.users, bound.channel) else {
            return Ok(false);
        };
        let ended = self
            .snapshot
            .partners
            .get(&bound.partner)
            .and_then(PartnerFacts::ended_since);
        if client.active_rewarded || ended.is_some_and(|since| since <= day) {
            return Ok(false);
        }
        let partner = bound.partner.clone();
        let credit = Entry {
            id: self.next_entry(),
            partner,
            kind: Kind::Credit,
            date: day,
            available_on: available_on(day, version.rules.hold_days),
            amount,
            payment: None,
            client: Some(a.client),
            corrects: None,
            rule,
            version: Some(version.id),
            base: None,
            rate: None,
            detail: Some(a.users.to_string()),
        };
        if let Some(client) = self.snapshot.clients.get_mut(&a.client) {
            client.active_rewarded = true;
        }
        self.tally(&program).earned += 1;
        self.credit(&program, credit)?;
        Ok(true)
    }
}
