//! The payout register as payment orders for the bank: a file in 1C's exchange format with
//! «Клиент банка» systems, 1CClientBankExchange version 1.03 (the standard «Формат обмена
//! данными 1С:Предприятие с системой «Клиент банка»», v8.1c.ru/edi/edi_stnd/100/101.htm),
//! which the internet banks of Russian banks import as a batch of платёжные поручения.
//!
//! The file is Windows-1251 text with CRLF line ends, one `Key=Value` a line: the header
//! (`1CClientBankExchange`, `ВерсияФормата=1.03`, `Кодировка=Windows`, …, `РасчСчет`), then
//! one section `СекцияДокумент=Платежное поручение` … `КонецДокумента` per payment, then
//! `КонецФайла`.
//!
//! Only RUB lines not yet paid become payment orders: a Russian payment order moves roubles
//! only, so lines in KZT, USD … are left out (the caller warns about them, see
//! [`in_bank_exchange`]), and so are lines already paid.
//!
//! Every document carries the payer's and the recipient's ИНН, БИК and account; a file
//! with a hole in them would be bounced line by line by the bank, or worse, paid to the
//! wrong place, so a missing or invalid requisite refuses the whole file instead, naming
//! every partner concerned.
//!
//! The bank's name and correspondent account (`ПлательщикБанк1`, `ПлательщикКорсчет`, the
//! same for the recipient) are not written: the register does not carry them, and the
//! «Клиент банка» fills them from its БИК directory. The budget fields (`СтатусСоставителя`,
//! `ПоказательКБК`, `ОКАТО`, `Показатель…`) are written empty: these are not payments to
//! the budget.

use chrono::{NaiveDate, NaiveDateTime};
use encoding_rs::WINDOWS_1251;
use rust_decimal::Decimal;

use super::model::{Party, PayoutRegister, RegisterLine};
use crate::{ids, Error, Problem, Result, Text};

/// `Отправитель=` of the header.
pub const BANK_EXCHANGE_SENDER: &str = "Partnerbook";

/// The longest `НазначениеПлатежа` a payment order takes (field 24, Положение Банка России
/// № 762-П).
pub const PURPOSE_MAX_CHARS: usize = 210;

/// The longest name of the payer or the recipient (fields 8 and 16).
pub const NAME_MAX_CHARS: usize = 160;

/// The largest payment order number (up to 6 digits).
pub const NUMBER_MAX: u32 = 999_999;

/// The budget fields, written empty (the payments are not to the budget).
const BUDGET_KEYS: [&str; 8] = [
    "СтатусСоставителя",
    "ПоказательКБК",
    "ОКАТО",
    "ПоказательОснования",
    "ПоказательПериода",
    "ПоказательНомера",
    "ПоказательДаты",
    "ПоказательТипа",
];

/// Whether `line` becomes a payment order in [`bank_exchange`]: a RUB line not yet paid.
/// The caller warns about the unpaid lines for which this is `false`.
pub fn in_bank_exchange(line: &RegisterLine) -> bool {
    line.currency == "RUB" && line.paid.is_none()
}

/// The 1CClientBankExchange 1.03 file (Windows-1251 bytes, CRLF line ends) with one
/// payment order per RUB line not yet paid, numbered from `first_number` up in the
/// register's order and dated `payment_date`; `created_at` is the header's
/// `ДатаСоздания`/`ВремяСоздания`. `ДатаНачала`–`ДатаКонца` is the register's month,
/// widened to take in `payment_date` when that falls outside it (the format wants every
/// document's date inside the interval).
///
/// Refused:
/// - `register_month`: the register's month is not `YYYY-MM`;
/// - `bank_file_nothing_to_pay`: no RUB line is left to pay;
/// - `bank_file_number`: `first_number` is 0, or the last number would pass 999 999;
/// - `invalid`, with one problem per hole: a requisite the payer or a partner lacks
///   (`bank_requisite_missing`, with the field `name`, `inn`, `bik` or `account`) or gets
///   wrong (the check's own code, `inn_checksum`, `account_checksum` …, with the field), an
///   amount that is not a positive sum in kopecks (`bank_file_amount`), a character
///   Windows-1251 cannot carry (`bank_file_charset`), a name or purpose too long for the
///   payment order (`bank_file_too_long`).
pub fn bank_exchange(
    register: &PayoutRegister,
    payment_date: NaiveDate,
    created_at: NaiveDateTime,
    first_number: u32,
) -> Result<Vec<u8>> {
    let (month_first, month_last) = register.period()?;
    let to_pay: Vec<(usize, &RegisterLine)> = register
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| in_bank_exchange(line))
        .map(|(index, line)| (index + 1, line))
        .collect();
    if to_pay.is_empty() {
        return Err(Error::refused(
            "bank_file_nothing_to_pay",
            "В реестре нет неоплаченных строк в рублях: платёжных поручений не будет",
            "The register has no unpaid RUB lines: there are no payment orders to make",
        ));
    }
    check_numbers(first_number, to_pay.len())?;

    let mut problems = vendor_problems(&register.vendor);
    for (line_no, line) in &to_pay {
        problems.extend(line_problems(*line_no, line));
    }

    let vendor = &register.vendor;
    let mut text = Vec::new();
    text.push(("1CClientBankExchange", String::new()));
    let header = [
        ("ВерсияФормата", "1.03".to_owned()),
        ("Кодировка", "Windows".to_owned()),
        ("Отправитель", BANK_EXCHANGE_SENDER.to_owned()),
        ("Получатель", String::new()),
        ("ДатаСоздания", ru_date(created_at.date())),
        ("ВремяСоздания", created_at.format("%H:%M:%S").to_string()),
        ("ДатаНачала", ru_date(month_first.min(payment_date))),
        ("ДатаКонца", ru_date(month_last.max(payment_date))),
        ("РасчСчет", requisite(&vendor.account)),
        ("Документ", "Платежное поручение".to_owned()),
    ];
    text.extend(header);
    let vendor_name = [("Плательщик1", one_line(&vendor.name))];
    problems.extend(text_problems(&Whose::Payer, &vendor_name, &vendor.name));
    for ((line_no, line), number) in to_pay.iter().zip(first_number..) {
        let fields = payment_order(vendor, line, number, payment_date);
        // The payer's fields are the same in every document and were checked above.
        let own: Vec<(&'static str, String)> = fields
            .iter()
            .filter(|(key, _)| !key.starts_with("Плательщик"))
            .cloned()
            .collect();
        problems.extend(text_problems(&Whose::Partner(*line_no, line), &own, ""));
        text.push(("СекцияДокумент", "Платежное поручение".to_owned()));
        text.extend(fields);
        text.push(("КонецДокумента", String::new()));
    }
    text.push(("КонецФайла", String::new()));
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    encode(&text)
}

/// The document's fields: number, date and sum, the payer, the recipient, the payment's
/// kind, order and purpose, then the budget fields (empty).
fn payment_order(
    vendor: &Party,
    line: &RegisterLine,
    number: u32,
    payment_date: NaiveDate,
) -> Vec<(&'static str, String)> {
    let vendor_inn = requisite(&vendor.inn);
    let partner_inn = requisite(&line.inn);
    let vendor_name = one_line(&vendor.name);
    let partner_name = one_line(&line.name);
    let mut fields = vec![
        ("Номер", number.to_string()),
        ("Дата", ru_date(payment_date)),
        ("Сумма", amount_text(line.amount).unwrap_or_default()),
        ("ПлательщикСчет", requisite(&vendor.account)),
        ("Плательщик", format!("ИНН {vendor_inn} {vendor_name}")),
        ("ПлательщикИНН", vendor_inn),
        ("ПлательщикКПП", requisite(&vendor.kpp)),
        ("Плательщик1", vendor_name),
        ("ПлательщикРасчСчет", requisite(&vendor.account)),
        ("ПлательщикБИК", requisite(&vendor.bik)),
        ("ПолучательСчет", requisite(&line.account)),
        ("Получатель", format!("ИНН {partner_inn} {partner_name}")),
        ("ПолучательИНН", partner_inn),
        // Field 103 is the recipient's КПП «при наличии»: an ИП or a person has none and
        // the field stays empty (the «0» of budget payments does not apply).
        ("ПолучательКПП", requisite(&line.kpp)),
        ("Получатель1", partner_name),
        ("ПолучательРасчСчет", requisite(&line.account)),
        ("ПолучательБИК", requisite(&line.bik)),
        ("ВидОплаты", "01".to_owned()),
        ("Очередность", "5".to_owned()),
        ("НазначениеПлатежа", one_line(&line.purpose)),
    ];
    fields.extend(BUDGET_KEYS.map(|key| (key, String::new())));
    fields
}

/// Who a problem is about: the payer (the vendor) or the partner of a register line
/// (numbered from 1, as the register's № column shows it).
enum Whose<'a> {
    Payer,
    Partner(usize, &'a RegisterLine),
}

impl Whose<'_> {
    /// «у плательщика ООО "Вендор Софт"», «у партнёра P-21 «…» (строка 2 реестра)».
    fn at(&self, payer_name: &str) -> Text {
        match self {
            Whose::Payer => Text::new(
                format!("у плательщика (вендора) {payer_name}"),
                format!("of the payer (the vendor) {payer_name}"),
            ),
            Whose::Partner(line_no, line) => Text::new(
                format!(
                    "у партнёра {} «{}» (строка {line_no} реестра)",
                    line.partner_id, line.name
                ),
                format!(
                    "of partner {} «{}» (register line {line_no})",
                    line.partner_id, line.name
                ),
            ),
        }
    }
}

fn line_problems(line_no: usize, line: &RegisterLine) -> Vec<Problem> {
    let whose = Whose::Partner(line_no, line);
    let party = Requisites {
        name: &line.name,
        inn: line.inn.as_deref(),
        kpp: line.kpp.as_deref(),
        bik: line.bik.as_deref(),
        account: line.account.as_deref(),
    };
    let mut problems = requisite_problems(&party, &whose, "");
    if amount_text(line.amount).is_none() {
        let at = whose.at("");
        problems.push(Problem::new(
            "bank_file_amount",
            Text::new(
                format!(
                    "Сумма {} {}: банку передаётся положительная сумма в рублях с копейками",
                    line.amount, at.ru
                ),
                format!(
                    "The amount {} {}: the bank takes a positive sum in roubles and kopecks",
                    line.amount, at.en
                ),
            ),
        ));
    }
    problems
}

fn vendor_problems(vendor: &Party) -> Vec<Problem> {
    let party = Requisites {
        name: &vendor.name,
        inn: vendor.inn.as_deref(),
        kpp: vendor.kpp.as_deref(),
        bik: vendor.bik.as_deref(),
        account: vendor.account.as_deref(),
    };
    requisite_problems(&party, &Whose::Payer, &vendor.name)
}

/// What a payment order needs of one side.
struct Requisites<'a> {
    name: &'a str,
    inn: Option<&'a str>,
    kpp: Option<&'a str>,
    bik: Option<&'a str>,
    account: Option<&'a str>,
}

/// Each requisite missing (`bank_requisite_missing`) or failing its check (the check's
/// code), with the field it concerns; the account is checked against a valid БИК only.
fn requisite_problems(party: &Requisites<'_>, whose: &Whose<'_>, payer_name: &str) -> Vec<Problem> {
    let at = whose.at(payer_name);
    let mut problems = Vec::new();
    let mut missing = |field: &'static str| {
        problems.push(
            Problem::new(
                "bank_requisite_missing",
                Text::new(format!("нет {}", at.ru), format!("missing {}", at.en)),
            )
            .field(field),
        );
    };
    if party.name.trim().is_empty() {
        missing("name");
    }
    let inn = given(party.inn);
    let bik = given(party.bik);
    let account = given(party.account);
    for (field, value) in [("inn", inn), ("bik", bik), ("account", account)] {
        if value.is_none() {
            missing(field);
        }
    }
    let checks = [
        ("inn", inn.map(ids::check_inn)),
        ("kpp", given(party.kpp).map(ids::check_kpp)),
        ("bik", bik.map(ids::check_bik)),
        (
            "account",
            bik.filter(|b| ids::check_bik(b).is_ok())
                .zip(account)
                .map(|(b, a)| ids::check_account(b, a)),
        ),
    ];
    for (field, result) in checks {
        if let Some(Err(e)) = result {
            problems.push(
                Problem::new(
                    e.code,
                    Text::new(
                        format!("{}: {}", at.ru, e.text.ru),
                        format!("{}: {}", at.en, e.text.en),
                    ),
                )
                .field(field),
            );
        }
    }
    problems
}

/// The value, trimmed, unless there is none.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// A character Windows-1251 cannot carry, a name or purpose too long for the payment order.
fn text_problems(
    whose: &Whose<'_>,
    fields: &[(&'static str, String)],
    payer_name: &str,
) -> Vec<Problem> {
    let at = whose.at(payer_name);
    let mut problems = Vec::new();
    for (key, value) in fields {
        if let Some(c) = first_unencodable(value) {
            problems.push(Problem::new(
                "bank_file_charset",
                Text::new(
                    format!(
                        "Поле {key} {}: символ «{c}» не передаётся в кодировке Windows-1251",
                        at.ru
                    ),
                    format!(
                        "Field {key} {}: the character «{c}» cannot be sent in Windows-1251",
                        at.en
                    ),
                ),
            ));
        }
        let limit = match *key {
            "НазначениеПлатежа" => PURPOSE_MAX_CHARS,
            "Плательщик1" | "Получатель1" => NAME_MAX_CHARS,
            _ => continue,
        };
        let length = value.chars().count();
        if length > limit {
            problems.push(Problem::new(
                "bank_file_too_long",
                Text::new(
                    format!("Поле {key} {}: {length} символов, в платёжном поручении — не больше {limit}", at.ru),
                    format!("Field {key} {}: {length} characters; a payment order takes at most {limit}", at.en),
                ),
            ));
        }
    }
    problems
}

fn check_numbers(first_number: u32, count: usize) -> Result<()> {
    let last = u32::try_from(count.saturating_sub(1))
        .ok()
        .and_then(|extra| first_number.checked_add(extra));
    match last {
        Some(last) if first_number > 0 && last <= NUMBER_MAX => Ok(()),
        _ => Err(Error::refused(
            "bank_file_number",
            format!(
                "Номера платёжных поручений — от 1 до {NUMBER_MAX}: с номера {first_number} не поместятся {count}"
            ),
            format!(
                "Payment order numbers run from 1 to {NUMBER_MAX}: {count} do not fit from number {first_number}"
            ),
        )),
    }
}

/// The amount with a dot and two decimals (`12345.67`, `5000.00`), or `None` when it is not
/// positive or has fractions of a kopeck.
fn amount_text(amount: Decimal) -> Option<String> {
    if amount <= Decimal::ZERO || amount.round_dp(2) != amount {
        return None;
    }
    let mut amount = amount;
    amount.rescale(2);
    Some(amount.to_string())
}

fn ru_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

fn requisite(value: &Option<String>) -> String {
    value
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned()
}

/// Whitespace (line breaks too) collapsed to single spaces: a value is one line of the file.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_unencodable(value: &str) -> Option<char> {
    value.chars().find(|c| {
        let mut buf = [0u8; 4];
        WINDOWS_1251.encode(c.encode_utf8(&mut buf)).2
    })
}

/// `Key=Value` lines (a bare `Key` when the key is a marker), CRLF, in Windows-1251.
fn encode(text: &[(&str, String)]) -> Result<Vec<u8>> {
    const MARKERS: [&str; 3] = ["1CClientBankExchange", "КонецДокумента", "КонецФайла"];
    let mut out = String::new();
    for (key, value) in text {
        out.push_str(key);
        if !MARKERS.contains(key) {
            out.push('=');
            out.push_str(value);
        }
        out.push_str("\r\n");
    }
    let (bytes, _, unencodable) = WINDOWS_1251.encode(&out);
    if unencodable {
        return Err(Error::refused(
            "bank_file_charset",
            "Файл для банка содержит символы, которых нет в кодировке Windows-1251",
            "The bank file has characters Windows-1251 cannot carry",
        ));
    }
    Ok(bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    #[test]
    fn an_amount_has_a_dot_and_two_decimals() {
        assert_eq!(amount_text(decimal("5000")).as_deref(), Some("5000.00"));
        assert_eq!(
            amount_text(decimal("12345.67")).as_deref(),
            Some("12345.67")
        );
        assert_eq!(amount_text(decimal("80.5")).as_deref(), Some("80.50"));
        assert_eq!(amount_text(decimal("0.010")).as_deref(), Some("0.01"));
    }

    #[test]
    fn no_amount_for_nothing_a_debt_or_a_fraction_of_a_kopeck() {
        for text in ["0", "-1.00", "10.005"] {
            assert_eq!(amount_text(decimal(text)), None, "{text}");
        }
    }

    #[test]
    fn a_value_is_one_line() {
        assert_eq!(
            one_line("  Вознаграждение\r\nпо акту\t№ 5 "),
            "Вознаграждение по акту № 5"
        );
    }

    #[test]
    fn russian_text_numero_and_guillemets_fit_windows_1251_the_rouble_sign_does_not() {
        assert_eq!(first_unencodable("ООО «Ёлка» № 5 — «Щука»"), None);
        assert_eq!(first_unencodable("5 000 ₽"), Some('₽'));
    }

    #[test]
    fn numbers_run_from_1_to_999999() {
        assert!(check_numbers(1, 3).is_ok());
        assert!(check_numbers(999_998, 2).is_ok());
        for (first, count) in [(0, 1), (999_999, 2), (u32::MAX, 2)] {
            let err = check_numbers(first, count).expect_err("out of range");
            assert_eq!(err.code(), "bank_file_number", "{first} {count}");
        }
    }
}
