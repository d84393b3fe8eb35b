//! What the fold gives out: ledger entries, the reasons of payments that earned nothing,
//! and binding events. A [`Sink`] takes them as they come (the store writes them; what-if
//! and tests collect them).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::reasons::NoEarn;
use super::super::summary::AccrualTotal;
use super::super::write::Kind;
use crate::programs::Channel;
use crate::Result;

/// A ledger entry the fold made; its id is chosen by the fold (the snapshot's next id),
/// so an entry can point at another one made in the same fold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub partner: String,
    pub kind: Kind,
    pub date: NaiveDate,
    pub available_on: NaiveDate,
    /// Minor units, always positive: the kind says which way it goes.
    pub amount: i64,
    pub payment: Option<i64>,
    pub client: Option<i64>,
    pub corrects: Option<i64>,
    pub rule: &'static str,
    pub version: Option<i64>,
    pub base: Option<i64>,
    pub rate: Option<Decimal>,
    pub detail: Option<String>,
}

impl Entry {
    /// The annulment of `credit` from `since` (the partner's termination).
    pub fn annulment(id: i64, credit: &Entry, since: NaiveDate) -> Entry {
        Entry {
            id,
            partner: credit.partner.clone(),
            kind: Kind::Annulment,
            date: since,
            available_on: credit.available_on,
            amount: credit.amount,
            payment: None,
            client: None,
            corrects: Some(credit.id),
            rule: "termination",
            version: None,
            base: None,
            rate: None,
            detail: None,
        }
    }

    /// The amount as it counts in a net accrual: credits up, reversals down, else 0.
    pub fn net(&self) -> i64 {
        match self.kind {
            Kind::Credit => self.amount,
            Kind::Reversal => -self.amount,
            _ => 0,
        }
    }
}

/// A payment that earned nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub payment: i64,
    /// The partner it was attributed to, when there was one.
    pub partner: Option<String>,
    pub reason: NoEarn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventOutcome {
    Bound,
    Kept,
    Refused,
}

impl EventOutcome {
    pub fn key(self) -> &'static str {
        match self {
            EventOutcome::Bound => "bound",
            EventOutcome::Kept => "kept",
            EventOutcome::Refused => "refused",
        }
    }
}

/// A binding attempt the fold decided (a promo code on a billing row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingEvent {
    pub id: i64,
    pub client: i64,
    pub date: NaiveDate,
    pub code: String,
    pub partner: Option<String>,
    pub channel: Channel,
    pub outcome: EventOutcome,
    pub reason: Option<&'static str>,
    pub detail: Option<String>,
    pub version: Option<i64>,
    /// A binding that ended with this one (the client moved from this partner).
    pub moved_from: Option<String>,
}

/// Where the fold's results go, one at a time.
pub trait Sink {
    fn entry(&mut self, entry: Entry) -> Result<()>;
    fn outcome(&mut self, outcome: Outcome) -> Result<()>;
    fn event(&mut self, event: BindingEvent) -> Result<()>;
}

/// Everything a fold gave out, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    pub entries: Vec<Entry>,
    pub outcomes: Vec<Outcome>,
    pub events: Vec<BindingEvent>,
    pub totals: Vec<AccrualTotal>,
}

impl Sink for Collected {
    fn entry(&mut self, entry: Entry) -> Result<()> {
        self.entries.push(entry);
        Ok(())
    }

    fn outcome(&mut self, outcome: Outcome) -> Result<()> {
        self.outcomes.push(outcome);
        Ok(())
    }

    fn event(&mut self, event: BindingEvent) -> Result<()> {
        self.events.push(event);
        Ok(())
    }
}
