//! An act as the book keeps it, and what it shows of it (its state, its row in the acts
//! table, whether it is overdue). The SQL is `store::acts`.

use chrono::NaiveDate;

use super::model::{ActRow, ActState, ActStatus};
use crate::money::minor_text;
pub use crate::store::acts::find_act;
use crate::store::sql::Db;
use crate::{Error, Result};

/// An act as stored, money in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAct {
    pub id: i64,
    pub number: String,
    pub partner: String,
    pub program: String,
    pub conversion: i64,
    pub date: NaiveDate,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub amount: i64,
    pub money: i64,
    pub currency: String,
    pub vat_rate: Option<String>,
    pub vat: Option<i64>,
    pub payout_kind: String,
    pub status: ActStatus,
    pub sent: Option<NaiveDate>,
    pub sign_due: Option<NaiveDate>,
    pub signed: Option<NaiveDate>,
    pub pay_due: Option<NaiveDate>,
    pub paid: Option<NaiveDate>,
    pub rejected: Option<NaiveDate>,
    pub reason: Option<String>,
    pub parties: Option<String>,
    pub guid: String,
}

/// The act `id` (its number or its row id); not found is an error.
pub fn get_act(db: &Db, id: &str) -> Result<StoredAct> {
    find_act(db, id)?.ok_or_else(|| {
        Error::not_found(
            format!("Акта «{id}» нет в книге"),
            format!("There is no act «{id}» in the book"),
        )
    })
}

fn text(day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.to_string())
}

impl StoredAct {
    pub fn state(&self) -> ActState {
        ActState {
            act: self.id.to_string(),
            number: self.number.clone(),
            status: self.status,
            sent: text(self.sent),
            sign_due: text(self.sign_due),
            signed: text(self.signed),
            pay_due: text(self.pay_due),
            paid: text(self.paid),
            rejected: text(self.rejected),
            reason: self.reason.clone(),
        }
    }

    /// The deadline not yet met on `as_of`, if one has passed.
    pub fn overdue(&self, as_of: NaiveDate) -> bool {
        match self.status {
            ActStatus::Sent => self.sign_due.is_some_and(|due| due < as_of),
            ActStatus::Signed => self.pay_due.is_some_and(|due| due < as_of),
            _ => false,
        }
    }

    pub fn row(&self, name: String, unit: String, as_of: NaiveDate) -> ActRow {
        ActRow {
            act: self.id.to_string(),
            number: self.number.clone(),
            date: self.date.to_string(),
            partner: self.partner.clone(),
            name,
            program: self.program.clone(),
            amount: minor_text(self.amount),
            unit,
            money: minor_text(self.money),
            currency: self.currency.clone(),
            vat_rate: self.vat_rate.clone(),
            vat: self.vat.map(minor_text),
            payout_kind: self.payout_kind.clone(),
            period_from: self.period_from.to_string(),
            period_to: self.period_to.to_string(),
            status: self.status,
            sent: text(self.sent),
            sign_due: text(self.sign_due),
            signed: text(self.signed),
            pay_due: text(self.pay_due),
            paid: text(self.paid),
            rejected: text(self.rejected),
            reason: self.reason.clone(),
            overdue: self.overdue(as_of),
        }
    }
}
