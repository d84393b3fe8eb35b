//! Everything the accrual rules read, loaded before the fold in a few set-based reads
//! (the store's `accrual_snapshot`) and kept up to date by the fold as it goes: the
//! programs' versions, the partners, the codes, the clients concerned with their
//! bindings history, first purchases already earned, and the payments refunded.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::clients::{AttemptPartner, ClientFacts, CurrentBinding};
use crate::partners::PartnerStatus;
use crate::programs::{Channel, Program};

/// What the fold knows before it starts. It changes as the fold goes (a promo code binds
/// a client for its later rows, a first purchase is earned once), so a payment sees
/// everything the payments before it did.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub programs: HashMap<String, Rc<Program>>,
    pub partners: HashMap<String, PartnerFacts>,
    /// `(program, code in lower case)` → the code's partner.
    pub codes: HashMap<(String, String), CodeOwner>,
    pub clients: HashMap<i64, ClientState>,
    /// The payments that refunds of this fold refund, with what they earned.
    pub refunded: HashMap<i64, RefundedPayment>,
    /// The id the next ledger entry gets.
    pub next_entry: i64,
    /// The id the next binding event gets.
    pub next_event: i64,
}

/// A partner as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFacts {
    pub status: PartnerStatus,
    /// The day the status took effect.
    pub status_since: Option<NaiveDate>,
    pub inn: Option<String>,
    /// Its own account in the billing system.
    pub client_id: Option<String>,
    /// Its own rates, oldest first.
    pub rates: Vec<(NaiveDate, Decimal)>,
}

impl PartnerFacts {
    /// The day it was terminated or disqualified, if it was.
    pub fn ended_since(&self) -> Option<NaiveDate> {
        matches!(
            self.status,
            PartnerStatus::Terminated | PartnerStatus::Disqualified
        )
        .then_some(self.status_since)
        .flatten()
    }

    /// The partner's rate in force on `date`; with `contract`, a date before the first
    /// rate still takes it (the contract's rate is the partner's from the start).
    pub fn rate_on(&self, date: NaiveDate, contract: bool) -> Option<Decimal> {
        let in_force = self
            .rates
            .iter()
            .rev()
            .find(|(since, _)| *since <= date)
            .map(|(_, rate)| *rate);
        in_force.or_else(|| {
            contract
                .then(|| self.rates.first().map(|(_, r)| *r))
                .flatten()
        })
    }
}

/// Whose a code is. A retired code still names its partner for attribution, but binds
/// nobody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOwner {
    pub partner: String,
    pub retired: bool,
}

/// A binding of the client (a bound event, with the day it ended if it moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub partner: String,
    pub channel: Channel,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// A client the fold's payments concern.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientState {
    pub client_id: String,
    pub registered: Option<NaiveDate>,
    pub inn: Option<String>,
    /// Oldest first.
    pub bindings: Vec<Bound>,
    /// The earliest positive payment, the fold's own included.
    pub first_payment: Option<NaiveDate>,
    /// The client already had a promo-code discount.
    pub promo_discount_used: bool,
    /// Attempts already recorded: `(day, channel, code in lower case)`.
    pub attempts: HashSet<(NaiveDate, Channel, String)>,
    /// Partners that already earned the client's first purchase.
    pub firsts: HashSet<String>,
    /// The one-off active-client reward was earned.
    pub active_rewarded: bool,
}

impl ClientState {
    /// The day the client registered as far as the book knows: a client first seen in
    /// the billing registered on its first payment.
    pub fn registered_or_first_paid(&self) -> Option<NaiveDate> {
        self.registered.or(self.first_payment)
    }

    /// What the binding rules read of the client.
    pub fn facts(&self) -> ClientFacts {
        ClientFacts {
            registered: self.registered_or_first_paid(),
            inn: self.inn.clone(),
            client_id: Some(self.client_id.clone()),
            current: self
                .bindings
                .iter()
                .rev()
                .find(|b| b.until.is_none())
                .map(|b| CurrentBinding {
                    partner: b.partner.clone(),
                    channel: b.channel,
                    since: b.since,
                }),
            ever_bound: !self.bindings.is_empty(),
            first_payment: self.first_payment,
            promo_discount_used: self.promo_discount_used,
        }
    }

    /// Records a new binding on `since`: the current one ends that day.
    pub fn bind(&mut self, partner: &str, channel: Channel, since: NaiveDate) {
        for b in self.bindings.iter_mut().filter(|b| b.until.is_none()) {
            b.until = Some(since);
        }
        let at = self.bindings.partition_point(|b| b.since <= since);
        self.bindings.insert(
            at,
            Bound {
                partner: partner.to_owned(),
                channel,
                since,
                until: None,
            },
        );
    }
}

/// A payment that a refund of the fold refunds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RefundedPayment {
    pub client: i64,
    pub amount: i64,
    /// The partner it was attributed to (earned or not).
    pub partner: Option<String>,
    /// Its refunds so far: `(day, amount refunded)`, positive.
    pub refunds: Vec<(NaiveDate, i64)>,
    pub credits: Vec<CreditState>,
}

/// A credit of a refunded payment and how much of it is reversed already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditState {
    pub entry: i64,
    pub partner: String,
    pub amount: i64,
    pub available_on: NaiveDate,
    pub version: Option<i64>,
    pub reversed: i64,
    /// The credit was annulled (its partner's termination, disqualification or a breach):
    /// a refund of its payment reverses nothing more of it, the annulment took it.
    pub annulled: bool,
}

impl Snapshot {
    /// The partner a code names, as a binding attempt needs it (a retired code binds
    /// nobody).
    pub fn attempt_partner(&self, program: &str, code: &str) -> Option<AttemptPartner> {
        let owner = self.codes.get(&(program.to_owned(), code.to_lowercase()))?;
        if owner.retired {
            return None;
        }
        let facts = self.partners.get(&owner.partner)?;
        Some(AttemptPartner {
            id: owner.partner.clone(),
            status: facts.status,
            status_since: facts.status_since,
            inn: facts.inn.clone(),
            client_id: facts.client_id.clone(),
        })
    }

    /// The partner whose code this is (retired codes too).
    pub fn code_partner(&self, program: &str, code: &str) -> Option<&str> {
        self.codes
            .get(&(program.to_owned(), code.to_lowercase()))
            .map(|o| o.partner.as_str())
    }
}
