//! What the accrual reads from the book about partners and bindings, cached for the
//! length of one import (a year of billing touches each partner thousands of times).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use crate::programs::{Channel, RuleSet};
use crate::Result;

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A partner as the accrual needs it.
#[derive(Debug, Clone, Default)]
pub struct PartnerFacts {
    /// The day it was terminated or disqualified, if it was.
    pub ended_since: Option<NaiveDate>,
    /// Its own rates, oldest first.
    pub rates: Vec<(NaiveDate, Decimal)>,
}

impl PartnerFacts {
    pub fn read(db: &Connection, partner: &str) -> Result<PartnerFacts> {
        let (status, since): (String, String) = db
            .prepare_cached("SELECT status, status_since FROM partners WHERE id = ?1")?
            .query_row([partner], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let ended_since = matches!(status.as_str(), "terminated" | "disqualified")
            .then(|| day(&since))
            .flatten();
        let mut stmt = db.prepare_cached(
            "SELECT since, rate FROM partner_rates WHERE partner = ?1 ORDER BY since",
        )?;
        let rates = stmt
            .query_map([partner], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .filter_map(|r| {
                let (since, rate) = r.ok()?;
                Some((day(&since)?, rate.parse::<Decimal>().ok()?))
            })
            .collect();
        Ok(PartnerFacts { ended_since, rates })
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

/// A binding of the client, as stored.
#[derive(Debug, Clone)]
pub struct Bound {
    pub partner: String,
    pub channel: Option<Channel>,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// The client's bindings, oldest first.
pub fn bindings_of(db: &Connection, client: i64) -> Result<Vec<Bound>> {
    let mut stmt = db.prepare_cached(
        "SELECT partner, channel, since, until FROM bindings WHERE client = ?1 ORDER BY since, id",
    )?;
    let rows = stmt.query_map([client], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (partner, channel, since, until) = row?;
        if let Some(since) = day(&since) {
            found.push(Bound {
                partner,
                channel: Channel::parse(&channel),
                since,
                until: until.as_deref().and_then(day),
            });
        }
    }
    Ok(found)
}

/// Whom a payment on `date` belongs to: the binding in force that day; failing that, a
/// binding made within the channel's look-back after the payment (bitrix24's migrator
/// counts payments from 30 days before the install).
pub fn binding_on<'b>(
    bindings: &'b [Bound],
    date: NaiveDate,
    rules: &RuleSet,
) -> Option<&'b Bound> {
    let in_force = bindings
        .iter()
        .rev()
        .find(|b| b.since <= date && b.until.is_none_or(|until| date < until));
    in_force.or_else(|| {
        bindings.iter().find(|b| {
            let lookback = rules
                .binding
                .channels
                .iter()
                .find(|c| Some(c.channel) == b.channel)
                .map_or(0, |c| c.lookback_days);
            let from = b
                .since
                .checked_sub_days(Days::new(lookback.into()))
                .unwrap_or(b.since);
            lookback > 0 && from <= date && date < b.since
        })
    })
}

/// The partner whose code this is in the program (retired codes still name their partner).
pub fn partner_of_code(db: &Connection, program: &str, code: &str) -> Result<Option<String>> {
    Ok(db
        .prepare_cached("SELECT partner FROM partner_codes WHERE program = ?1 AND code = ?2")?
        .query_row(params![program, code], |r| r.get(0))
        .optional()?)
}

/// The client paid (a positive amount) before `date`.
pub fn paid_before(db: &Connection, client: i64, date: NaiveDate) -> Result<bool> {
    Ok(db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM payments WHERE client = ?1 AND date < ?2 AND amount > 0)",
        )?
        .query_row(params![client, date.to_string()], |r| r.get(0))?)
}

/// This partner already earned the client's first purchase.
pub fn first_purchase_earned(db: &Connection, client: i64, partner: &str) -> Result<bool> {
    Ok(db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM ledger WHERE client = ?1 AND partner = ?2 AND rule = 'first_purchase')",
        )?
        .query_row(params![client, partner], |r| r.get(0))?)
}

/// The client's registration date.
pub fn registered(db: &Connection, client: i64) -> Result<Option<NaiveDate>> {
    let found: Option<String> = db
        .prepare_cached("SELECT registered FROM clients WHERE id = ?1")?
        .query_row([client], |r| r.get(0))?;
    Ok(found.as_deref().and_then(day))
}

/// A partner cache for one import.
#[derive(Default)]
pub struct Partners(HashMap<String, PartnerFacts>);

impl Partners {
    pub fn get(&mut self, db: &Connection, partner: &str) -> Result<&PartnerFacts> {
        if !self.0.contains_key(partner) {
            let facts = PartnerFacts::read(db, partner)?;
            self.0.insert(partner.to_owned(), facts);
        }
        Ok(&self.0[partner])
    }
}
