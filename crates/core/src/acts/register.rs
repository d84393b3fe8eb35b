//! The month's payout register (реестр выплат): every bank payout paid in the month, and
//! every signed act not yet paid whose payout is due by the month's end (so an overdue
//! payout stays on the register until it is paid).

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::document::{act_document, vendor_party};
use crate::documents::month_days;
use crate::documents::russian::{date as ru_date, money as ru_amount};
use crate::documents::{PayoutRegister, RegisterLine};
use crate::store::acts::bank_payouts;
use crate::vendor::vendor;
use crate::Result;

/// The register of `month` (`YYYY-MM`), made on `made`.
pub fn payout_register(db: &Db, month: &str, made: NaiveDate) -> Result<PayoutRegister> {
    let (first, last) = month_days(month)?;
    let acts = bank_payouts(db, first, last)?;
    let mut lines = Vec::with_capacity(acts.len());
    for act in &acts {
        let doc = act_document(db, act)?;
        let vat_words = match &doc.vat {
            Some(vat) => format!(
                "В том числе НДС {} % — {}",
                vat.rate.normalize(),
                ru_amount(vat.amount)
            ),
            None => "Без налога (НДС)".to_owned(),
        };
        lines.push(RegisterLine {
            partner_id: act.partner.clone(),
            purpose: format!(
                "Партнёрское вознаграждение по акту № {} от {} по договору {}. {vat_words}",
                act.number,
                ru_date(act.date),
                match (&doc.contract_no, doc.contract_date) {
                    (Some(no), Some(date)) => format!("№ {no} от {}", ru_date(date)),
                    (Some(no), None) => format!("№ {no}"),
                    _ => "без номера".to_owned(),
                }
            ),
            name: doc.seller.name,
            inn: doc.seller.inn,
            kpp: doc.seller.kpp,
            bik: doc.seller.bik,
            account: doc.seller.account,
            act_number: act.number.clone(),
            act_date: act.date,
            amount: doc.amount,
            currency: act.currency.clone(),
            e_signed: !doc.signatures.is_empty(),
            vat: doc.vat,
            signed: act.signed,
            pay_due: act.pay_due,
            paid: act.paid,
        });
    }
    Ok(PayoutRegister {
        month: first.format("%Y-%m").to_string(),
        vendor: vendor_party(vendor(db)?)?,
        lines,
        made,
    })
}
