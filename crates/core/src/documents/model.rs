//! What a document shows, already decided: the book fills these (amounts rounded, VAT
//! computed, words spelled out) and the renderers only lay them out.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partners::PartnerKind;

/// One side of a document: the partner (who renders the service and sells it) or the
/// vendor (who buys it and pays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Party {
    pub name: String,
    pub kind: PartnerKind,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub address: Option<String>,
    pub bik: Option<String>,
    pub account: Option<String>,
    /// The participant's id at the EDO operator (`2LT-…`, `2BE-…`).
    pub edo_id: Option<String>,
    /// Full name of who signs, «Иванов Иван Иванович».
    pub signer: Option<String>,
    pub signer_position: Option<String>,
}

/// The VAT inside an amount: `amount` = total × rate / (100 + rate), rounded half-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Vat {
    /// Percent, `22`.
    #[ts(type = "string")]
    pub rate: Decimal,
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// An act of services rendered (акт): the partner's remuneration for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActDocument {
    /// `2026-0007`: a sequence per year, never reused.
    pub number: String,
    pub date: NaiveDate,
    /// The partner: Исполнитель, seller, the EDO file's sender.
    pub seller: Party,
    /// The vendor: Заказчик, buyer, the EDO file's recipient.
    pub buyer: Party,
    pub contract_no: Option<String>,
    pub contract_date: Option<NaiveDate>,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// «Партнёрское вознаграждение за период с 01.10.2026 по 31.10.2026».
    pub service: String,
    /// In the money of the act, VAT included.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// ISO 4217 letters: `RUB`, `KZT`, `USD`.
    pub currency: String,
    /// `None`: «Без налога (НДС)».
    pub vat: Option<Vat>,
    /// The amount in Russian words: «Пять тысяч рублей 00 копеек».
    pub amount_words: String,
    /// What the amount converts, when it is not money itself: «5 000 бонусов × 1 ₽».
    pub conversion_note: Option<String>,
    /// The electronic signatures the act came back with from EDO, the seller's first.
    #[serde(default)]
    pub signatures: Vec<ActSignature>,
}

/// Which side signed: the partner (the seller's title) or the vendor (the buyer's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SignerRole {
    Seller,
    Buyer,
}

impl SignerRole {
    pub fn key(self) -> &'static str {
        match self {
            SignerRole::Seller => "seller",
            SignerRole::Buyer => "buyer",
        }
    }

    pub fn parse(key: &str) -> Option<SignerRole> {
        [SignerRole::Seller, SignerRole::Buyer]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

/// An electronic signature on an act: what its certificate says and when it was made,
/// as EDO operators print it in a stamp (`act show --json` lists these). Times are in
/// Moscow time, RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActSignature {
    pub role: SignerRole,
    /// The certificate's owner.
    pub signer: String,
    pub organization: Option<String>,
    /// ИНН (of the person or ИП), else ИНН ЮЛ.
    pub inn: Option<String>,
    /// ОГРН or ОГРНИП.
    pub ogrn: Option<String>,
    /// The certificate's serial number, hex.
    pub serial: String,
    #[ts(type = "string")]
    pub valid_from: DateTime<FixedOffset>,
    #[ts(type = "string")]
    pub valid_to: DateTime<FixedOffset>,
    #[ts(type = "string")]
    pub signed_at: DateTime<FixedOffset>,
}

/// A partner's entries for a period, with the balances around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub partner_id: String,
    pub partner: Party,
    pub vendor: Party,
    /// The program's name, «Atlantys — реферальная программа».
    pub program: String,
    /// `RUB`, `KZT`, `USD`, or `bonus`.
    pub unit: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The balance (accrued − reversed − annulled − converted + conversions returned) at the
    /// end of the day before `from`.
    pub opening: Decimal,
    pub lines: Vec<StatementLine>,
    pub closing: Decimal,
    /// The day the statement was made.
    pub made: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub date: NaiveDate,
    /// «Начисление», «Сторно», «Аннулирование», «Конвертация», «Возврат конвертации», «Выплата».
    pub kind: String,
    /// Why: the rule, base and rate, the client and payment, or the act.
    pub reason: String,
    /// Signed: what the entry adds to the balance (a payout is 0 to the balance and is
    /// shown with `amount` = 0 and the paid sum in `reason`).
    pub amount: Decimal,
}

/// The month's payout register (реестр выплат), for the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutRegister {
    /// `2026-11`.
    pub month: String,
    pub vendor: Party,
    pub lines: Vec<RegisterLine>,
    /// The day the register was made.
    pub made: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterLine {
    pub partner_id: String,
    pub name: String,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub bik: Option<String>,
    pub account: Option<String>,
    pub act_number: String,
    pub act_date: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
    /// ISO 4217 letters.
    pub currency: String,
    pub vat: Option<Vat>,
    /// The day the act was signed (by both sides).
    pub signed: Option<NaiveDate>,
    /// Signed with electronic signatures from EDO.
    pub e_signed: bool,
    pub pay_due: Option<NaiveDate>,
    pub paid: Option<NaiveDate>,
    /// Назначение платежа: «Партнёрское вознаграждение по акту № 2026-0007 от 30.11.2026. Без налога (НДС)».
    pub purpose: String,
}

/// One currency of the register: how many payouts and their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterTotal {
    pub currency: String,
    pub count: u32,
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// The register as the screen shows it: its lines and the totals per currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterView {
    pub register: PayoutRegister,
    pub totals: Vec<RegisterTotal>,
}

impl RegisterView {
    pub fn of(register: PayoutRegister) -> RegisterView {
        let totals = register
            .totals()
            .into_iter()
            .map(|(currency, amount)| RegisterTotal {
                count: u32::try_from(
                    register
                        .lines
                        .iter()
                        .filter(|l| l.currency == currency)
                        .count(),
                )
                .unwrap_or(u32::MAX),
                currency,
                amount,
            })
            .collect();
        RegisterView { register, totals }
    }
}

impl PayoutRegister {
    /// The sum of the lines per currency, in the order currencies first appear.
    pub fn totals(&self) -> Vec<(String, Decimal)> {
        let mut totals: Vec<(String, Decimal)> = Vec::new();
        for line in &self.lines {
            match totals.iter_mut().find(|(c, _)| *c == line.currency) {
                Some((_, sum)) => *sum += line.amount,
                None => totals.push((line.currency.clone(), line.amount)),
            }
        }
        totals
    }
}
