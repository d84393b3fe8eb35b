//! An act as a document: the parties' requisites (fixed when the act was sent, else the
//! book's current ones), the service, the money, the VAT and the amount in words.

use crate::store::sql::Db;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::stored::StoredAct;
use crate::documents::russian::{date as ru_date, money as ru_amount, unit_word};
use crate::documents::words::amount_in_words;
use crate::documents::{ActDocument, Party, Vat};
use crate::money::from_minor;
use crate::partners::{get_partner, Partner, PartnerKind};
use crate::programs::load_program;
use crate::store::act_signatures::act_signatures;
use crate::vendor::{vendor, Vendor};
use crate::{Error, Result};

/// The partner and the vendor as the act shows them.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Parties {
    pub seller: Party,
    pub buyer: Party,
    /// The partner's contract: number and `YYYY-MM-DD`.
    #[serde(default)]
    pub contract_no: Option<String>,
    #[serde(default)]
    pub contract_date: Option<String>,
}

pub(crate) fn partner_party(p: &Partner) -> Party {
    Party {
        name: p.name.clone(),
        kind: p.kind,
        inn: p.inn.clone(),
        kpp: p.kpp.clone(),
        ogrn: p.ogrn.clone(),
        address: p.address.clone(),
        bik: p.bik.clone(),
        account: p.account.clone(),
        edo_id: p.edo_id.clone(),
        signer: p.signer.clone(),
        signer_position: p.signer_position.clone(),
    }
}

/// The vendor as a party; refused until its name and ИНН are set.
pub(crate) fn vendor_party(v: Vendor) -> Result<Party> {
    let (Some(name), Some(inn)) = (v.name, v.inn) else {
        return Err(Error::refused(
            "vendor_missing",
            "Заполните реквизиты поставщика (наименование и ИНН) в Настройках или командой `vendor set`",
            "Set the vendor's requisites (name and ИНН) in Settings or with `vendor set`",
        ));
    };
    Ok(Party {
        name,
        kind: PartnerKind::Ooo,
        inn: Some(inn),
        kpp: v.kpp,
        ogrn: v.ogrn,
        address: v.address,
        bik: v.bik,
        account: v.account,
        edo_id: v.edo_id,
        signer: v.signer,
        signer_position: v.signer_position,
    })
}

fn current_parties(db: &Db, act: &StoredAct) -> Result<Parties> {
    let partner = get_partner(db, &act.partner)?;
    Ok(Parties {
        seller: partner_party(&partner),
        buyer: vendor_party(vendor(db)?)?,
        contract_no: partner.contract_no,
        contract_date: partner.contract_date,
    })
}

/// The parties as JSON, fixed on the act when it is sent.
pub(crate) fn parties_json(db: &Db, act: &StoredAct) -> Result<String> {
    serde_json::to_string(&current_parties(db, act)?).map_err(|e| {
        Error::refused(
            "act_parties",
            format!("Не записать реквизиты акта: {e}"),
            format!("Cannot store the act's requisites: {e}"),
        )
    })
}

fn parties(db: &Db, act: &StoredAct) -> Result<Parties> {
    match act.parties.as_deref().map(serde_json::from_str::<Parties>) {
        Some(Ok(fixed)) => Ok(fixed),
        _ => current_parties(db, act),
    }
}

fn day(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The act `act` as a document.
pub fn act_document(db: &Db, act: &StoredAct) -> Result<ActDocument> {
    let Parties {
        seller,
        buyer,
        contract_no,
        contract_date,
    } = parties(db, act)?;
    let program = load_program(db, &act.program)?;
    let money = from_minor(act.money);
    let amount = from_minor(act.amount);
    let vat = match (&act.vat_rate, act.vat) {
        (Some(rate), Some(vat)) => rate.parse::<Decimal>().ok().map(|rate| Vat {
            rate,
            amount: from_minor(vat),
        }),
        _ => None,
    };
    let conversion_note = (program.unit != act.currency).then(|| {
        let per_unit = if amount.is_zero() {
            Decimal::ZERO
        } else {
            (money / amount).normalize()
        };
        format!(
            "Конвертация {} бонусов по курсу 1 бонус = {} {}",
            ru_amount(amount),
            per_unit,
            unit_word(&act.currency)
        )
    });
    Ok(ActDocument {
        number: act.number.clone(),
        date: act.date,
        seller,
        buyer,
        contract_no,
        contract_date: day(contract_date.as_deref()),
        period_from: act.period_from,
        period_to: act.period_to,
        service: format!(
            "Партнёрское вознаграждение по программе «{}» за период с {} по {}",
            program.name_ru,
            ru_date(act.period_from),
            ru_date(act.period_to)
        ),
        amount: money,
        currency: act.currency.clone(),
        vat,
        amount_words: amount_in_words(money, &act.currency),
        conversion_note,
        signatures: act_signatures(db, act.id)?,
    })
}
