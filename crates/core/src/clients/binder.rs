//! Recording binding attempts. The decision itself is `binding::decide`; this keeps the
//! history, moves bindings, and counts each partner's current clients.

use std::collections::HashMap;

use crate::store::sql::{params, Db, OptionalExtension};
use chrono::NaiveDate;

use super::binding::{
    decide, AttemptPartner, BindingAttempt, ClientFacts, CurrentBinding, Decision, Refusal,
};
use crate::programs::{Channel, Program};
use crate::store::values;
use crate::Result;

/// What the book knows of the client now.
pub(crate) fn facts(db: &Db, client: i64) -> Result<ClientFacts> {
    let (registered, inn, client_id): (Option<String>, Option<String>, String) = db
        .prepare_cached("SELECT registered, inn, client_id FROM clients WHERE id = ?1")?
        .query_row([client], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let current = db
        .prepare_cached(
            "SELECT partner, channel, since FROM bindings WHERE client = ?1 AND until IS NULL",
        )?
        .query_row([client], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    let ever_bound: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM bindings WHERE client = ?1)")?
        .query_row([client], |r| r.get(0))?;
    let promo_discount_used: bool = db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND channel = 'promo' AND outcome IN ('bound', 'kept') AND reason IS NULL)")?
        .query_row([client], |r| r.get(0))?;
    let first_payment: Option<String> = db
        .prepare_cached("SELECT min(date) FROM payments WHERE client = ?1 AND amount > 0")?
        .query_row([client], |r| r.get(0))?;
    let current = match current {
        Some((partner, channel, since)) => Some(CurrentBinding {
            partner,
            channel: values::channel("bindings.channel", &channel)?,
            since: values::day("bindings.since", &since)?,
        }),
        None => None,
    };
    Ok(ClientFacts {
        registered: values::optional_day("clients.registered", registered.as_deref())?,
        inn,
        client_id: Some(client_id),
        current,
        ever_bound,
        first_payment: values::optional_day("payments.date", first_payment.as_deref())?,
        promo_discount_used,
    })
}

fn attempt_partner(db: &Db, program: &str, code: &str) -> Result<Option<AttemptPartner>> {
    db.prepare_cached(
            "SELECT p.id, p.status, p.inn, p.status_since, p.client_id FROM partner_codes c JOIN partners p ON p.id = c.partner
             WHERE c.program = ?1 AND c.code = ?2 AND c.retired IS NULL",
        )?
        .query_row(params![program, code], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()?
        .map(|(id, status, inn, since, client_id)| {
            Ok::<_, crate::Error>(AttemptPartner {
                id,
                status: values::status("partners.status", &status)?,
                inn,
                client_id,
                status_since: values::optional_day("partners.status_since", since.as_deref())?,
            })
        })
        .transpose()
}

/// The same attempt was recorded before.
pub(crate) fn recorded_before(
    db: &Db,
    client: i64,
    day: &str,
    channel: Channel,
    code: &str,
) -> Result<bool> {
    db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM binding_events WHERE client = ?1 AND date = ?2 AND channel = ?3 AND coalesce(code, '') = ?4 COLLATE NOCASE)",
        )?
        .query_row(params![client, day, channel.key(), code], |r| r.get(0))
}
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
        let day = date.to_string();
        if known.is_none() && recorded_before(db, client, &day, channel, code)? {
            return Ok(BindOutcome::AlreadyRecorded);
        }
        let facts = match known {
            Some(facts) => facts,
            None => facts(db, client)?,
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
        let (outcome, reason, detail) = decision.recorded();
        let partner = attempt.partner.map(|p| p.id);
        let event: i64 = db.prepare_cached(
            "INSERT INTO binding_events (client, date, code, partner, channel, outcome, reason, detail, version, import)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
        )?
        .query_row(params![client, day, code, partner, channel.key(), outcome, reason, detail, version.map(|v| v.id), import], |r| r.get::<_, i64>(0))?;
        Ok(match decision {
            Decision::Bind { note } => {
                let partner = partner.unwrap_or_default();
                if let Some(current) = facts.current {
                    db.prepare_cached(
                        "UPDATE binding_events SET until = ?2 WHERE client = ?1 AND outcome = 'bound' AND until IS NULL AND id <> ?3",
                    )?
                    .execute(params![client, day, event])?;
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
        let mut stmt = db.prepare_cached(
            "UPDATE partners SET bound_clients = bound_clients + ?2 WHERE id = ?1",
        )?;
        for (partner, delta) in self.counts.into_iter().filter(|(_, d)| *d != 0) {
            stmt.execute(params![partner, delta])?;
        }
        Ok(())
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
