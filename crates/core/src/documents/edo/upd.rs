//! What the УПД says, decided from the act and checked against what the format needs:
//! the function, the parties, the one line, the basis, the signer, the file's id.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::classifiers::{self, Currency};
use super::requisites::{self, filled, Checks, Id, Participant, Side, Signer};
use crate::documents::model::ActDocument;
use crate::money::{minor_text, to_minor};
use crate::{Error, Result};

/// `Функция`: a счёт-фактура and transfer document for a VAT payer, a transfer document
/// only for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    SchfDop,
    Dop,
}

impl Function {
    pub fn code(self) -> &'static str {
        match self {
            Function::SchfDop => "СЧФДОП",
            Function::Dop => "ДОП",
        }
    }

    /// `НаимДокОпр`, which the format requires for both functions.
    pub fn title(self) -> &'static str {
        match self {
            Function::SchfDop => "Счет-фактура и документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)",
            Function::Dop => "Документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)",
        }
    }

    /// Whether the document is also a счёт-фактура (the parties' addresses, the VAT).
    pub fn is_invoice(self) -> bool {
        self == Function::SchfDop
    }
}

/// The service's one line of `ТаблСчФакт`, the amounts as the file writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: String,
    /// The amount without VAT: the price of one unit and the line's cost.
    pub net: String,
    /// `НалСт`: `22%` or `без НДС`.
    pub rate: String,
    /// `None`: «без НДС».
    pub vat: Option<String>,
    /// With VAT.
    pub total: String,
}

/// The contract the service was rendered under (`ОснПер`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub number: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upd {
    /// `ИдФайл`: the file's name without `.xml`.
    pub file_id: String,
    pub function: Function,
    pub made: NaiveDateTime,
    /// `НаимЭконСубСост`: the seller, who signs and sends the file.
    pub composer: String,
    pub number: String,
    pub date: NaiveDate,
    pub seller: Participant,
    pub buyer: Participant,
    pub currency: Currency,
    pub line: Line,
    /// `None`: «без документа-основания».
    pub basis: Option<Basis>,
    pub period: (NaiveDate, NaiveDate),
    pub signer: Signer,
    pub note: Option<String>,
}

impl Upd {
    /// The act in the format's terms; refused with `edo_missing_requisite` or
    /// `edo_bad_requisite` naming every field the file cannot be made without.
    pub fn from_act(doc: &ActDocument, guid: &str, made: NaiveDateTime) -> Result<Upd> {
        let mut checks = Checks::default();
        let function = if doc.vat.is_some() {
            Function::SchfDop
        } else {
            Function::Dop
        };
        let kazakh = doc.currency.trim().eq_ignore_ascii_case("KZT");
        let invoice = function.is_invoice();
        let seller =
            requisites::participant(&doc.seller, Side::Seller, kazakh, invoice, &mut checks);
        let buyer = requisites::participant(&doc.buyer, Side::Buyer, false, invoice, &mut checks);
        if invoice
            && matches!(
                seller,
                Some(Participant {
                    id: Id::Foreign { .. },
                    ..
                })
            )
        {
            checks.wrong(
                Some(Side::Seller),
                "иностранный партнёр, не состоящий на учёте в налоговых органах РФ, не выставляет счёт-фактуру (НДС исчисляет покупатель как налоговый агент) — акт должен быть без НДС",
                "a foreign partner not on the Russian tax register issues no счёт-фактура (the buyer computes the VAT as a tax agent); the act must be without VAT",
            );
        }
        let sender = requisites::edo_id(&doc.seller, Side::Seller, &mut checks);
        let recipient = requisites::edo_id(&doc.buyer, Side::Buyer, &mut checks);
        let signer = requisites::signer(&doc.seller, Side::Seller, &mut checks);
        if !is_guid(guid) {
            checks.wrong(
                None,
                format!("GUID файла «{guid}» — нужен вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"),
                format!(
                    "the file's GUID “{guid}” must look like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
                ),
            );
        }
        let number = doc.number.trim();
        if number.is_empty() {
            checks.missing(None, "номер акта", "the act's number");
        }
        let currency = classifiers::currency(&doc.currency);
        if currency.is_none() {
            checks.wrong(
                None,
                format!("валюта «{}» — УПД знает RUB, KZT, USD, EUR", doc.currency),
                format!(
                    "currency “{}”: the УПД knows RUB, KZT, USD, EUR",
                    doc.currency
                ),
            );
        }
        let line = line(doc, &mut checks);
        let basis = basis(doc, &mut checks);
        let dates = [
            (Some(doc.date), "дата акта", "the act's date"),
            (
                Some(made.date()),
                "дата формирования файла",
                "the file's date",
            ),
            (doc.contract_date, "дата договора", "the contract's date"),
            (
                Some(doc.period_from),
                "начало периода",
                "the period's start",
            ),
            (Some(doc.period_to), "конец периода", "the period's end"),
        ];
        for (date, ru, en) in dates {
            if date.is_some_and(|d| !(1900..=2099).contains(&d.year())) {
                checks.wrong(
                    None,
                    format!("{ru} вне 1900–2099"),
                    format!("{en} is outside 1900–2099"),
                );
            }
        }
        let note = filled(&doc.conversion_note).map(str::to_owned);
        let long_note = note.as_ref().is_some_and(|n| n.chars().count() > 2000);
        if long_note {
            checks.wrong(
                None,
                "пояснение к пересчёту длиннее 2000 знаков",
                "the conversion note is longer than 2000 characters",
            );
        }
        checks.finish()?;
        let (
            Some(seller),
            Some(buyer),
            Some(sender),
            Some(recipient),
            Some(signer),
            Some(currency),
            Some(line),
        ) = (seller, buyer, sender, recipient, signer, currency, line)
        else {
            // Every `None` above recorded why; this is only reached if one did not.
            return Err(Error::refused(
                "edo_bad_requisite",
                "УПД для ЭДО не сформирован: реквизиты акта неполны.",
                "Cannot make the EDO УПД: the act's requisites are incomplete.",
            ));
        };
        let file_id = format!(
            "ON_NSCHFDOPPR_{recipient}_{sender}_{}_{guid}_0_0_0_0_0_00",
            doc.date.format("%Y%m%d")
        );
        let composer = match &seller.id {
            Id::Legal { name, inn, .. } => format!("{name}, ИНН: {inn}"),
            Id::Entrepreneur { inn, .. } => format!("{}, ИНН: {inn}", doc.seller.name.trim()),
            _ => doc.seller.name.trim().to_owned(),
        };
        Ok(Upd {
            file_id,
            function,
            made,
            composer: if composer.chars().count() <= 1000 {
                composer
            } else {
                doc.seller.name.trim().to_owned()
            },
            number: number.to_owned(),
            date: doc.date,
            seller,
            buyer,
            currency,
            line,
            basis,
            period: (doc.period_from, doc.period_to),
            signer,
            note,
        })
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal.
fn is_guid(guid: &str) -> bool {
    let groups: Vec<&str> = guid.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The service's line: the amount without VAT, the rate, the VAT, the total.
fn line(doc: &ActDocument, checks: &mut Checks) -> Option<Line> {
    let name = doc.service.trim();
    if name.is_empty() {
        checks.missing(None, "наименование услуги", "the service's name");
    } else if name.chars().count() > 2000 {
        checks.wrong(
            None,
            "наименование услуги длиннее 2000 знаков",
            "the service's name is longer than 2000 characters",
        );
    }
    let total = doc.amount;
    let total_minor = to_minor(total).filter(|minor| *minor > 0);
    if total_minor.is_none() {
        checks.wrong(
            None,
            format!(
                "сумма акта {total} — нужна положительная, не больше двух знаков после запятой"
            ),
            format!("the act's amount {total} must be positive, with two decimal places at most"),
        );
    }
    let (rate, vat_minor) = match &doc.vat {
        None => (Some("без НДС".to_owned()), Some(0)),
        Some(vat) => {
            let rate = classifiers::vat_rate(vat.rate);
            if rate.is_none() {
                checks.wrong(
                    None,
                    format!(
                        "ставка НДС {} % — УПД знает 0, 5, 7, 10, 18, 20 и 22 %",
                        vat.rate.normalize()
                    ),
                    format!(
                        "VAT rate {} %: the УПД knows 0, 5, 7, 10, 18, 20 and 22 %",
                        vat.rate.normalize()
                    ),
                );
            }
            let minor =
                to_minor(vat.amount).filter(|m| *m >= 0 && total_minor.is_none_or(|t| *m < t));
            if minor.is_none() {
                checks.wrong(
                    None,
                    format!("сумма НДС {} — от нуля до суммы акта, не больше двух знаков после запятой", vat.amount),
                    format!("the VAT amount {} must be from zero to the act's amount, with two decimal places at most", vat.amount),
                );
            }
            (rate, minor)
        }
    };
    let (total_minor, vat_minor, rate) = (total_minor?, vat_minor?, rate?);
    if name.is_empty() || name.chars().count() > 2000 {
        return None;
    }
    Some(Line {
        name: name.to_owned(),
        net: minor_text(total_minor - vat_minor),
        rate,
        vat: doc.vat.as_ref().map(|_| minor_text(vat_minor)),
        total: minor_text(total_minor),
    })
}

/// The contract, when the act names one; a number without a date (or the reverse) is an
/// incomplete requisite.
fn basis(doc: &ActDocument, checks: &mut Checks) -> Option<Basis> {
    match (filled(&doc.contract_no), doc.contract_date) {
        (Some(number), Some(date)) => {
            if number.chars().count() > 255 {
                checks.wrong(
                    None,
                    "номер договора длиннее 255 знаков",
                    "the contract's number is longer than 255 characters",
                );
                return None;
            }
            Some(Basis {
                number: number.to_owned(),
                date,
            })
        }
        (Some(_), None) => {
            checks.missing(None, "дата договора", "the contract's date");
            None
        }
        (None, Some(_)) => {
            checks.missing(None, "номер договора", "the contract's number");
            None
        }
        (None, None) => None,
    }
}
