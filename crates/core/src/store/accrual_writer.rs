//! Writing what the accrual fold gives out: ledger entries (their ids chosen by the
//! fold), the reasons of payments that earned nothing, binding events, and the partners'
//! client counts once at the end. Statements are prepared once for the whole fold.

use std::collections::HashMap;

use rusqlite::{params, Connection, Statement};

use crate::ledger::fold::{BindingEvent, Entry, Outcome, Sink};
use crate::Result;

pub struct AccrualWriter<'c> {
    entry: Statement<'c>,
    outcome: Statement<'c>,
    event: Statement<'c>,
    moved: Statement<'c>,
    import: Option<i64>,
    at: String,
    /// Partners' current clients gained (or lost) by the fold's bindings.
    counts: HashMap<String, i64>,
}

impl<'c> AccrualWriter<'c> {
    pub fn new(db: &'c Connection, import: Option<i64>, at: String) -> Result<AccrualWriter<'c>> {
        Ok(AccrualWriter {
            entry: db.prepare(
                "INSERT INTO ledger (id, partner, kind, date, available_on, amount, payment, client, corrects, rule, version, base, rate, detail, import, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?,
            outcome: db.prepare(
                "INSERT INTO payment_outcomes (payment, partner, reason, detail) VALUES (?1, ?2, ?3, ?4)",
            )?,
            event: db.prepare(
                "INSERT INTO binding_events (id, client, date, code, partner, channel, outcome, reason, detail, version, import)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            moved: db.prepare(
                "UPDATE binding_events SET until = ?2 WHERE client = ?1 AND outcome = 'bound' AND until IS NULL AND id <> ?3",
            )?,
            import,
            at,
            counts: HashMap::new(),
        })
    }

    /// Writes the partners' client counts.
    pub fn finish(self, db: &Connection) -> Result<()> {
        let mut stmt =
            db.prepare("UPDATE partners SET bound_clients = bound_clients + ?2 WHERE id = ?1")?;
        for (partner, delta) in self.counts.into_iter().filter(|(_, d)| *d != 0) {
            stmt.execute(params![partner, delta])?;
        }
        Ok(())
    }
}

impl Sink for AccrualWriter<'_> {
    fn entry(&mut self, e: Entry) -> Result<()> {
        self.entry.execute(params![
            e.id,
            e.partner,
            e.kind.key(),
            e.date.to_string(),
            e.available_on.to_string(),
            e.amount,
            e.payment,
            e.client,
            e.corrects,
            e.rule,
            e.version,
            e.base,
            e.rate.map(|r| r.normalize().to_string()),
            e.detail,
            self.import,
            self.at,
        ])?;
        Ok(())
    }

    fn outcome(&mut self, o: Outcome) -> Result<()> {
        let detail = o.reason.detail();
        self.outcome.execute(params![
            o.payment,
            o.partner,
            o.reason.code(),
            Some(detail).filter(|d| !d.is_empty()),
        ])?;
        Ok(())
    }

    fn event(&mut self, e: BindingEvent) -> Result<()> {
        let day = e.date.to_string();
        self.event.execute(params![
            e.id,
            e.client,
            day,
            e.code,
            e.partner,
            e.channel.key(),
            e.outcome.key(),
            e.reason,
            e.detail,
            e.version,
            self.import,
        ])?;
        if let (crate::ledger::fold::EventOutcome::Bound, Some(partner)) = (e.outcome, &e.partner) {
            if let Some(from) = e.moved_from {
                self.moved.execute(params![e.client, day, e.id])?;
                *self.counts.entry(from).or_default() -= 1;
            }
            *self.counts.entry(partner.clone()).or_default() += 1;
        }
        Ok(())
    }
}
