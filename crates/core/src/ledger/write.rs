//! Appending to the ledger. Entries are only ever inserted (the book's triggers refuse
//! an update or a delete); a correction is a new entry that points at what it corrects.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

use crate::Result;

/// The kinds of entry, as the `ledger.kind` column holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Credit,
    Reversal,
    Annulment,
    /// Available balance turned into money owed (an act).
    Conversion,
    /// A rejected act's amount, back in the available balance.
    ConversionReversal,
    /// The money owed was paid.
    Payout,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Credit,
        Kind::Reversal,
        Kind::Annulment,
        Kind::Conversion,
        Kind::ConversionReversal,
        Kind::Payout,
    ];

    /// The kind a stored key names; an unknown key is `None`, never a default.
    pub fn parse(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Credit => "credit",
            Kind::Reversal => "reversal",
            Kind::Annulment => "annulment",
            Kind::Conversion => "conversion",
            Kind::ConversionReversal => "conversion_reversal",
            Kind::Payout => "payout",
        }
    }
}

/// One entry to append. Money in minor units, always positive.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub partner: &'a str,
    pub kind: Kind,
    pub date: NaiveDate,
    pub available_on: NaiveDate,
    pub amount: i64,
    pub payment: Option<i64>,
    pub client: Option<i64>,
    pub corrects: Option<i64>,
    pub rule: &'a str,
    pub version: Option<i64>,
    pub base: Option<i64>,
    pub rate: Option<Decimal>,
    pub detail: Option<String>,
    pub import: Option<i64>,
    /// When it was written (the actor's stamp).
    pub at: &'a str,
}

impl NewEntry<'_> {
    /// Appends the entry; returns its id.
    pub fn append(&self, db: &Connection) -> Result<i64> {
        db.prepare_cached(
            "INSERT INTO ledger (partner, kind, date, available_on, amount, payment, client, corrects, rule, version, base, rate, detail, import, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            self.partner,
            self.kind.key(),
            self.date.to_string(),
            self.available_on.to_string(),
            self.amount,
            self.payment,
            self.client,
            self.corrects,
            self.rule,
            self.version,
            self.base,
            self.rate.map(|r| r.normalize().to_string()),
            self.detail,
            self.import,
            self.at,
        ])?;
        Ok(db.last_insert_rowid())
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn every_kind_reads_back_from_its_key_and_nothing_else_does() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.key()), Some(kind));
        }
        assert_eq!(Kind::parse("bonus"), None);
    }
}
