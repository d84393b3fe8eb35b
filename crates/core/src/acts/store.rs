//! Reading and writing the `acts` table.

use crate::store::sql::{params, Db, OptionalExtension, Row};
use chrono::NaiveDate;

use super::model::{ActRow, ActState, ActStatus};
use crate::money::minor_text;
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

pub(crate) const COLUMNS: &str = "a.id, a.number, a.partner, a.program, a.conversion, a.date, a.period_from, a.period_to, a.amount, a.money, a.currency, a.vat_rate, a.vat, a.payout_kind, a.status, a.sent, a.sign_due, a.signed, a.pay_due, a.paid, a.rejected, a.reason, a.parties, a.guid";

fn day(r: &Row, i: usize) -> crate::Result<NaiveDate> {
    crate::store::values::day("act date", &r.get::<_, String>(i)?)
}

fn opt_day(r: &Row, i: usize) -> crate::Result<Option<NaiveDate>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(_) => day(r, i).map(Some),
    }
}

pub(crate) fn stored_act(r: &Row) -> crate::Result<StoredAct> {
    let status: String = r.get(14)?;
    Ok(StoredAct {
        id: r.get(0)?,
        number: r.get(1)?,
        partner: r.get(2)?,
        program: r.get(3)?,
        conversion: r.get(4)?,
        date: day(r, 5)?,
        period_from: day(r, 6)?,
        period_to: day(r, 7)?,
        amount: r.get(8)?,
        money: r.get(9)?,
        currency: r.get(10)?,
        vat_rate: r.get(11)?,
        vat: r.get(12)?,
        payout_kind: r.get(13)?,
        status: ActStatus::parse(&status).unwrap_or(ActStatus::Draft),
        sent: opt_day(r, 15)?,
        sign_due: opt_day(r, 16)?,
        signed: opt_day(r, 17)?,
        pay_due: opt_day(r, 18)?,
        paid: opt_day(r, 19)?,
        rejected: opt_day(r, 20)?,
        reason: r.get(21)?,
        parties: r.get(22)?,
        guid: r.get(23)?,
    })
}

/// The act `id`: its number (`2026-0007`) or its row id (`12`).
pub fn find_act(db: &Db, id: &str) -> Result<Option<StoredAct>> {
    let id = id.trim();
    let sql = format!(
        "SELECT {COLUMNS} FROM acts a WHERE a.number = ?1 OR (CAST(?2 AS INTEGER) IS NOT NULL AND a.id = ?2)"
    );
    let rowid = id.parse::<i64>().ok();
    db.prepare_cached(&sql)?
        .query_row(params![id, rowid], stored_act)
        .optional()
}

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

/// Writes the act's workflow columns (the rest never change).
pub(crate) fn save_state(db: &Db, act: &StoredAct, settled_by: Option<i64>) -> Result<()> {
    db.prepare_cached(
        "UPDATE acts SET status = ?2, sent = ?3, sign_due = ?4, signed = ?5, pay_due = ?6, paid = ?7,
                         rejected = ?8, reason = ?9, parties = ?10, settled_by = coalesce(?11, settled_by)
         WHERE id = ?1",
    )?
    .execute(params![
        act.id,
        act.status.key(),
        text(act.sent),
        text(act.sign_due),
        text(act.signed),
        text(act.pay_due),
        text(act.paid),
        text(act.rejected),
        act.reason,
        act.parties,
        settled_by,
    ])?;
    Ok(())
}

/// The next number of the act's year: one more than the highest ever given (acts are
/// never deleted, so a number is never given twice).
pub(crate) fn next_number(db: &Db, year: i32) -> Result<(i64, String)> {
    let seq: i64 = db
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM acts WHERE year = ?1")?
        .query_row([year], |r| r.get(0))?;
    Ok((seq, format!("{year}-{seq:04}")))
}
