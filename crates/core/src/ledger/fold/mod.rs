//! Accrual as a pure fold: a snapshot of the facts in, the payments in date order folded
//! over it, ledger entries, outcomes and binding events out. No SQL here: the store
//! loads the snapshot in a few set-based reads and writes what comes out in bulk, and
//! what-if folds the same payments over other rules without touching the book.

mod activity;
mod binding;
mod output;
mod purchase;
mod refund;
mod snapshot;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use output::{BindingEvent, Collected, Entry, EventOutcome, Outcome, Sink};
pub use snapshot::{
    Bound, ClientState, CodeOwner, CreditState, PartnerFacts, RefundedPayment, Snapshot,
};

pub use activity::Activity;
pub use binding::{Attempt, Attempted};

use super::reasons::NoEarn;
use super::summary::{AccrualTotal, Tally};
use crate::programs::{Category, Program};
use crate::Result;

/// A billing row as the fold sees it. Money in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paid {
    /// The book's id of the payment.
    pub id: i64,
    pub program: String,
    /// The book's id of the client.
    pub client: i64,
    pub date: NaiveDate,
    /// Negative for a refund.
    pub amount: i64,
    pub list_price: i64,
    pub category: Category,
    pub direct: bool,
    /// The book's id of the payment refunded.
    pub refund_of: Option<i64>,
    pub promo_code: Option<String>,
    pub promotion: Option<String>,
}

/// The fold in progress: the snapshot as the payments so far left it, where results go,
/// and the totals per program.
pub struct Fold<'a, S: Sink> {
    snapshot: &'a mut Snapshot,
    sink: &'a mut S,
    tallies: BTreeMap<String, Tally>,
}

impl<'a, S: Sink> Fold<'a, S> {
    pub fn new(snapshot: &'a mut Snapshot, sink: &'a mut S) -> Fold<'a, S> {
        Fold {
            snapshot,
            sink,
            tallies: BTreeMap::new(),
        }
    }

    fn tally(&mut self, program: &Program) -> &mut Tally {
        let tally = self.tallies.entry(program.id.clone()).or_default();
        tally.unit.clone_from(&program.unit);
        tally
    }

    fn next_entry(&mut self) -> i64 {
        let id = self.snapshot.next_entry;
        self.snapshot.next_entry += 1;
        id
    }

    /// Accrues one payment (or refund). Payments must come in date order, rows of one
    /// day in the order they were imported.
    pub fn payment(&mut self, p: &Paid) -> Result<()> {
        let Some(program) = self.snapshot.programs.get(&p.program).cloned() else {
            return Ok(());
        };
        self.tally(&program).payments += 1;
        let (partner, reason) = match p.refund_of {
            Some(original) => self.refund(&program, p, original)?,
            None => self.purchase(&program, p)?,
        };
        let tally = self.tally(&program);
        match reason {
            None => tally.earned += 1,
            Some(reason) => {
                tally.unearned += 1;
                self.sink.outcome(Outcome {
                    payment: p.id,
                    partner,
                    reason,
                })?;
            }
        }
        Ok(())
    }

    /// What the fold accrued, per program.
    pub fn totals(&self) -> Vec<AccrualTotal> {
        self.tallies
            .iter()
            .map(|(program, t)| t.total(program))
            .collect()
    }

    /// Gives out a credit. One for a partner already terminated or disqualified (for a
    /// payment made before that day) is annulled at once: its unconverted balance stays
    /// nil.
    fn credit(&mut self, program: &Program, credit: Entry) -> Result<()> {
        let ended = self
            .snapshot
            .partners
            .get(&credit.partner)
            .and_then(PartnerFacts::ended_since);
        let annulment = ended.map(|since| Entry::annulment(self.next_entry(), &credit, since));
        let tally = self.tally(program);
        tally.credited += credit.amount;
        tally.annulled += annulment.as_ref().map_or(0, |a| a.amount);
        self.sink.entry(credit)?;
        if let Some(annulment) = annulment {
            self.sink.entry(annulment)?;
        }
        Ok(())
    }
}

/// Folds `payments` (any order: they are sorted by date, stable) over `snapshot` and
/// collects what comes out — the whole fold in memory, for what-if and tests.
pub fn accrue(snapshot: &mut Snapshot, mut payments: Vec<Paid>) -> Result<Collected> {
    payments.sort_by_key(|p| p.date);
    let mut collected = Collected::default();
    let mut fold = Fold::new(snapshot, &mut collected);
    for p in &payments {
        fold.payment(p)?;
    }
    let totals = fold.totals();
    collected.totals = totals;
    Ok(collected)
}

/// Why nothing: the reason, with the partner the payment was attributed to.
type Attributed = (Option<String>, Option<NoEarn>);
