//! Recording binding attempts. The decision itself is `binding::decide`; this keeps the
//! history, moves bindings, and counts each partner's current clients.

use std::collections::HashMap;

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::binding::{decide, AttemptPartner, BindingAttempt, ClientFacts, Decision, Refusal};
use crate::programs::{Channel, Program};
use crate::store::bindings::{client_facts, end_binding, record_event, recorded_before, NewEvent};
use crate::store::partner_codes::attempt_partner;
use crate::store::partners::add_bound_clients;
use crate::Result;

/// What became of a binding attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindOutcome {
    /// The same attempt was recorded before; nothing changed.
    AlreadyRecorded,
    Bound {
        note: Option<Refusal>,
    },
    Kept,
    Refused(Refusal),
}

/// One attempt: the code used, through which channel, on which day.
pub type Attempt<'a> = (&'a str, Channel, NaiveDate);

/// Records binding attempts within one transaction. It remembers each code's partner
/// and keeps the partners' client counts, written by [`Binder::finish`] (an import of a
/// million rows rewrites each partner once, not once per client).
#[derive(Default)]
pub(crate) struct Binder {
    partners: HashMap<(String, String), Option<AttemptPartner>>,
    counts: HashMap<String, i64>,
}

impl Binder {
    fn partner(&mut self, db: &Db, program: &str, code: &str) -> Result<Option<AttemptPartner>> {
        let key = (program.to_owned(), code.to_lowercase());
        if let Some(found) = self.partners.get(&key) {
            return Ok(found.clone());
        }
        let found = attempt_partner(db, program, code)?;
        self.partners.insert(key, found.clone());
        Ok(found)
    }

    /// Records an attempt, decided by the program's rules in force on its date. `known`
    /// are the client's facts when the caller has them (a client it has just added).
    pub fn bind(
        &mut self,
        db: &Db,
        program: &Program,
        client: i64,
        (code, channel, date): Attempt,
        import: Option<i64>,
        known: Option<ClientFacts>,
    ) -> Result<BindOutcome> {
        if known.is_none() && recorded_before(db, client, date, channel, code)? {
            return Ok(BindOutcome::AlreadyRecorded);
        }
        let facts = match known {
            Some(facts) => facts,
            None => client_facts(db, client)?,
        };
        let partner = self.partner(db, &program.id, code)?;
        let version = program.version_on(date);
        let attempt = BindingAttempt {
            date,
            channel,
            code: Some(code.to_owned()),
            partner,
        };
        let decision = decide(
            version.map(|v| (&v.rules.binding, v.effective_from)),
            &facts,
            &attempt,
        );
        let partner = attempt.partner.map(|p| p.id);
        let event = record_event(
            db,
            &NewEvent {
                client,
                date,
                code,
                partner: partner.as_deref(),
                channel,
                recorded: decision.recorded(),
                version: version.map(|v| v.id),
                import,
            },
        )?;
        Ok(match decision {
            Decision::Bind { note } => {
                let partner = partner.unwrap_or_default();
                if let Some(current) = facts.current {
                    end_binding(db, client, date, event)?;
                    *self.counts.entry(current.partner).or_default() -= 1;
                }
                *self.counts.entry(partner).or_default() += 1;
                BindOutcome::Bound { note }
            }
            Decision::Keep => BindOutcome::Kept,
            Decision::Refuse(r) => BindOutcome::Refused(r),
        })
    }

    /// Writes the partners' client counts.
    pub fn finish(self, db: &Db) -> Result<()> {
        add_bound_clients(db, self.counts)
    }
}

/// Records an attempt to bind `client` through `channel` with `code` on `date`, decided
/// by the program's rules in force that day. Idempotent: the same attempt twice is
/// recorded once.
pub fn bind(
    db: &Db,
    program: &Program,
    client: i64,
    code: &str,
    channel: Channel,
    date: NaiveDate,
    import: Option<i64>,
) -> Result<BindOutcome> {
    let mut binder = Binder::default();
    let outcome = binder.bind(db, program, client, (code, channel, date), import, None)?;
    binder.finish(db)?;
    Ok(outcome)
}
