//! A binding attempt in the fold (a clients file's code, a billing row's promo code),
//! decided by the pure binding rules over the client as the fold knows it then, and
//! given out as a binding event. The same attempt again is not decided twice.

use chrono::NaiveDate;

use super::output::{BindingEvent, EventOutcome, Sink};
use super::Fold;
use crate::clients::{decide, BindingAttempt, Decision};
use crate::programs::{Channel, Program};
use crate::Result;

/// What became of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempted {
    /// The same attempt (client, day, channel, code) was recorded before.
    AlreadyRecorded,
    Decided(Decision),
}

/// One attempt: the code used, through which channel, on which day, for which client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub program: String,
    pub client: i64,
    pub code: String,
    pub channel: Channel,
    pub date: NaiveDate,
}

impl<S: Sink> Fold<'_, S> {
    /// Decides `attempt` by the program's rules in force on its day.
    pub fn attempt(&mut self, attempt: &Attempt) -> Result<Attempted> {
        let Some(program) = self.snapshot.programs.get(&attempt.program).cloned() else {
            return Ok(Attempted::AlreadyRecorded);
        };
        self.decide_attempt(&program, attempt)
    }

    pub(super) fn decide_attempt(&mut self, program: &Program, a: &Attempt) -> Result<Attempted> {
        let key = (a.date, a.channel, a.code.to_lowercase());
        let Some(client) = self.snapshot.clients.get(&a.client) else {
            return Ok(Attempted::AlreadyRecorded);
        };
        if client.attempts.contains(&key) {
            return Ok(Attempted::AlreadyRecorded);
        }
        let version = program.version_on(a.date);
        let attempt = BindingAttempt {
            date: a.date,
            channel: a.channel,
            code: Some(a.code.clone()),
            partner: self.snapshot.attempt_partner(&program.id, &a.code),
        };
        let facts = client.facts();
        let decision = decide(
            version.map(|v| (&v.rules.binding, v.effective_from)),
            &facts,
            &attempt,
        );
        let (_, reason, detail) = decision.recorded();
        let outcome = match decision {
            Decision::Bind { .. } => EventOutcome::Bound,
            Decision::Keep => EventOutcome::Kept,
            Decision::Refuse(_) => EventOutcome::Refused,
        };
        let partner = attempt.partner.map(|p| p.id);
        let moved_from = match (&decision, &facts.current) {
            (Decision::Bind { .. }, Some(current)) => Some(current.partner.clone()),
            _ => None,
        };
        let id = self.snapshot.next_event;
        self.snapshot.next_event += 1;
        if let Some(client) = self.snapshot.clients.get_mut(&a.client) {
            client.attempts.insert(key);
            if a.channel == Channel::Promo && outcome != EventOutcome::Refused && reason.is_none() {
                client.promo_discount_used = true;
            }
            if let (Decision::Bind { .. }, Some(partner)) = (&decision, &partner) {
                client.bind(partner, a.channel, a.date);
            }
        }
        self.sink.event(BindingEvent {
            id,
            client: a.client,
            date: a.date,
            code: a.code.clone(),
            partner,
            channel: a.channel,
            outcome,
            reason,
            detail,
            version: version.map(|v| v.id),
            moved_from,
        })?;
        Ok(Attempted::Decided(decision))
    }
}
