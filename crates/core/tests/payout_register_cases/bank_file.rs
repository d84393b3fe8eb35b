//! The register's 1CClientBankExchange file, decoded: Windows-1251, CRLF, the header, one
//! payment order per unpaid RUB line summing to their total, and the refusals.

use std::collections::HashMap;

use encoding_rs::WINDOWS_1251;
use partnerbook_core::documents::{
    bank_exchange, in_bank_exchange, sample, PayoutRegister, RegisterLine,
};
use partnerbook_core::{Error, Lang};
use rust_decimal::Decimal;

use crate::{created_at, day, generated_register, money, register_with_paid_and_kzt};

/// The file as text: it must decode as Windows-1251 (it is not UTF-8), every line ends with
/// CRLF.
fn decode(bytes: &[u8]) -> String {
    assert!(
        std::str::from_utf8(bytes).is_err(),
        "Cyrillic in Windows-1251 is not UTF-8"
    );
    let (text, _, malformed) = WINDOWS_1251.decode(bytes);
    assert!(!malformed);
    let text = text.into_owned();
    assert!(text.ends_with("КонецФайла\r\n"), "ends with КонецФайла");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every line ends with CRLF"
    );
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
    text
}

struct BankFile {
    header: Vec<String>,
    documents: Vec<HashMap<String, String>>,
    keys: Vec<Vec<String>>,
}

fn parse(text: &str) -> BankFile {
    let mut header = Vec::new();
    let mut documents = Vec::new();
    let mut keys = Vec::new();
    let mut current: Option<(HashMap<String, String>, Vec<String>)> = None;
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        if line == "СекцияДокумент=Платежное поручение" {
            assert!(current.is_none(), "a section inside a section");
            current = Some((HashMap::new(), Vec::new()));
        } else if line == "КонецДокумента" {
            let (fields, order) = current.take().expect("a section to end");
            documents.push(fields);
            keys.push(order);
        } else if let Some((fields, order)) = current.as_mut() {
            let (key, value) = line.split_once('=').expect("Key=Value");
            assert!(
                fields.insert(key.into(), value.into()).is_none(),
                "{key} twice"
            );
            order.push(key.into());
        } else {
            header.push(line.to_owned());
        }
    }
    assert!(current.is_none(), "an unfinished section");
    BankFile {
        header,
        documents,
        keys,
    }
}

fn unpaid_rub(register: &PayoutRegister) -> Vec<&RegisterLine> {
    register
        .lines
        .iter()
        .filter(|l| l.currency == "RUB" && l.paid.is_none())
        .collect()
}

/// One document per unpaid RUB line, in order, numbered on from `first_number`, whose
/// Сумма values sum to those lines' total.
fn assert_file_pays(register: &PayoutRegister, file: &BankFile, first_number: u32) {
    let lines = unpaid_rub(register);
    assert_eq!(
        file.documents.len(),
        lines.len(),
        "one document per unpaid RUB line"
    );
    let mut sum = Decimal::ZERO;
    for ((document, line), number) in file.documents.iter().zip(&lines).zip(first_number..) {
        let field = |key: &str| {
            document
                .get(key)
                .cloned()
                .unwrap_or_else(|| panic!("{key}"))
        };
        assert_eq!(field("Номер"), number.to_string());
        let amount = field("Сумма");
        let (_, kopecks) = amount.split_once('.').expect("a dot");
        assert_eq!(kopecks.len(), 2, "{amount}");
        assert_eq!(money(&amount), line.amount);
        sum += money(&amount);
        assert_eq!(Some(field("ПолучательИНН")), line.inn);
        assert_eq!(Some(field("ПолучательБИК")), line.bik);
        assert_eq!(Some(field("ПолучательСчет")), line.account);
        assert_eq!(Some(field("ПолучательРасчСчет")), line.account);
        assert_eq!(field("ПолучательКПП"), line.kpp.clone().unwrap_or_default());
        assert_eq!(field("Получатель1"), line.name);
        assert_eq!(field("НазначениеПлатежа"), line.purpose);
    }
    let total: Decimal = lines.iter().map(|l| l.amount).sum();
    assert_eq!(sum, total, "the Сумма values sum to the unpaid RUB total");
}

#[test]
fn the_bank_file_has_the_1c_header() {
    let register = sample::register();
    let bytes = bank_exchange(&register, day(2026, 11, 30), created_at(), 41).expect("file");
    let file = parse(&decode(&bytes));
    assert_eq!(
        file.header,
        [
            "1CClientBankExchange",
            "ВерсияФормата=1.03",
            "Кодировка=Windows",
            "Отправитель=Partnerbook",
            "Получатель=",
            "ДатаСоздания=01.12.2026",
            "ВремяСоздания=10:15:00",
            "ДатаНачала=01.11.2026",
            "ДатаКонца=30.11.2026",
            "РасчСчет=40702810938000000001",
            "Документ=Платежное поручение",
            "КонецФайла",
        ]
    );
}

#[test]
fn the_bank_file_of_the_sample_pays_its_rub_lines() {
    let register = sample::register();
    let bytes = bank_exchange(&register, day(2026, 11, 30), created_at(), 41).expect("file");
    let file = parse(&decode(&bytes));
    assert_file_pays(&register, &file, 41);
    assert_eq!(file.documents.len(), 2, "the USD line is left out");
    let ip = &file.documents[0];
    let expected = [
        ("Номер", "41"),
        ("Дата", "30.11.2026"),
        ("Сумма", "5000.00"),
        ("ПлательщикСчет", "40702810938000000001"),
        ("Плательщик", "ИНН 7707083893 ООО \"Вендор Софт\""),
        ("ПлательщикИНН", "7707083893"),
        ("ПлательщикКПП", "770701001"),
        ("Плательщик1", "ООО \"Вендор Софт\""),
        ("ПлательщикРасчСчет", "40702810938000000001"),
        ("ПлательщикБИК", "044525225"),
        ("ПолучательСчет", "40802810338000000077"),
        ("Получатель", "ИНН 500100732259 ИП Орлова Мария Сергеевна"),
        ("ПолучательИНН", "500100732259"),
        ("ПолучательКПП", ""),
        ("Получатель1", "ИП Орлова Мария Сергеевна"),
        ("ПолучательРасчСчет", "40802810338000000077"),
        ("ПолучательБИК", "044525225"),
        ("ВидОплаты", "01"),
        ("Очередность", "5"),
        (
            "НазначениеПлатежа",
            "Партнёрское вознаграждение по акту № 2026-0005 от 02.11.2026. Без налога (НДС)",
        ),
        ("СтатусСоставителя", ""),
        ("ПоказательКБК", ""),
        ("ОКАТО", ""),
        ("ПоказательОснования", ""),
        ("ПоказательПериода", ""),
        ("ПоказательНомера", ""),
        ("ПоказательДаты", ""),
        ("ПоказательТипа", ""),
    ];
    assert_eq!(
        file.keys[0],
        expected
            .iter()
            .map(|(k, _)| k.to_string())
            .collect::<Vec<_>>(),
        "the keys, in order"
    );
    for (key, value) in expected {
        assert_eq!(ip[key], value, "{key}");
    }
    assert_eq!(file.documents[1]["ПолучательКПП"], "780401001");
    assert_eq!(file.documents[1]["Сумма"], "12345.67");
    assert_eq!(file.documents[1]["Номер"], "42");
}

#[test]
fn paid_lines_and_other_currencies_stay_out_of_the_bank_file() {
    let register = register_with_paid_and_kzt();
    let bytes = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect("file");
    let file = parse(&decode(&bytes));
    assert_file_pays(&register, &file, 1);
    assert_eq!(file.documents.len(), 2);
    let left_out: Vec<&str> = register
        .lines
        .iter()
        .filter(|l| l.paid.is_none() && !in_bank_exchange(l))
        .map(|l| l.currency.as_str())
        .collect();
    assert_eq!(left_out, ["USD", "KZT"], "what the caller warns about");
}

#[test]
fn a_payment_date_after_the_month_widens_the_interval() {
    let register = sample::register();
    let bytes = bank_exchange(&register, day(2026, 12, 3), created_at(), 1).expect("file");
    let file = parse(&decode(&bytes));
    assert!(file.header.contains(&"ДатаНачала=01.11.2026".to_owned()));
    assert!(file.header.contains(&"ДатаКонца=03.12.2026".to_owned()));
    assert_eq!(file.documents[0]["Дата"], "03.12.2026");
}

#[test]
fn the_bank_file_of_300_random_lines_sums_to_the_unpaid_rub_total() {
    let register = generated_register(300);
    let bytes = bank_exchange(&register, day(2026, 12, 2), created_at(), 1000).expect("file");
    let file = parse(&decode(&bytes));
    assert_file_pays(&register, &file, 1000);
    assert!(file.documents.len() > 100, "{}", file.documents.len());
}

/// The problems' (code, field) and their English texts.
fn problems(err: &Error) -> (Vec<(&'static str, Option<&'static str>)>, String) {
    assert_eq!(err.code(), "invalid", "{err:?}");
    let codes = err.problems().iter().map(|p| (p.code, p.field)).collect();
    (codes, err.message(Lang::En))
}

#[test]
fn a_partner_without_inn_bik_or_account_refuses_the_file_naming_the_partner() {
    let mut register = sample::register();
    register.lines[0].inn = None;
    register.lines[1].bik = Some("  ".into());
    register.lines[1].account = None;
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect_err("holes");
    let (codes, message) = problems(&err);
    assert_eq!(
        codes,
        [
            ("bank_requisite_missing", Some("inn")),
            ("bank_requisite_missing", Some("bik")),
            ("bank_requisite_missing", Some("account")),
        ]
    );
    assert!(message.contains("partner P-17"), "{message}");
    assert!(message.contains("partner P-21"), "{message}");
    assert!(message.contains("register line 2"), "{message}");
    let ru = err.message(Lang::Ru);
    assert!(
        ru.contains("БИК: нет у партнёра P-21 «ООО \"Облачные решения\"» (строка 2 реестра)"),
        "{ru}"
    );
}

#[test]
fn a_requisite_that_fails_its_check_refuses_the_file() {
    let mut register = sample::register();
    register.lines[1].account = Some("40702810455000012345".into());
    register.lines[0].inn = Some("500100732258".into());
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect_err("wrong");
    let (codes, message) = problems(&err);
    assert_eq!(
        codes,
        [
            ("inn_checksum", Some("inn")),
            ("account_checksum", Some("account")),
        ]
    );
    assert!(message.contains("P-21"), "{message}");
}

#[test]
fn a_payer_without_account_bik_or_inn_refuses_the_file() {
    let mut register = sample::register();
    register.vendor.account = None;
    register.vendor.bik = None;
    register.vendor.inn = None;
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect_err("holes");
    let (codes, message) = problems(&err);
    assert_eq!(
        codes,
        [
            ("bank_requisite_missing", Some("inn")),
            ("bank_requisite_missing", Some("bik")),
            ("bank_requisite_missing", Some("account")),
        ]
    );
    assert!(message.contains("the payer"), "{message}");
}

#[test]
fn a_line_in_another_currency_may_lack_requisites() {
    let mut register = sample::register();
    register.lines[2].inn = None;
    register.lines[2].account = None;
    assert!(bank_exchange(&register, day(2026, 11, 30), created_at(), 1).is_ok());
}

#[test]
fn no_rub_line_to_pay_refuses_the_file() {
    let mut register = sample::register();
    for line in &mut register.lines {
        if line.currency == "RUB" {
            line.paid = Some(day(2026, 11, 20));
        }
    }
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect_err("nothing");
    assert_eq!(err.code(), "bank_file_nothing_to_pay");
}

#[test]
fn what_windows_1251_cannot_carry_or_a_payment_order_cannot_hold_is_refused() {
    let mut register = sample::register();
    register.lines[0].purpose = "Вознаграждение 5 000 ₽".into();
    register.lines[1].purpose = "Вознаграждение ".repeat(20);
    register.lines[1].amount = money("10.005");
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect_err("bad");
    let (codes, message) = problems(&err);
    assert_eq!(
        codes,
        [
            ("bank_file_amount", None),
            ("bank_file_charset", None),
            ("bank_file_too_long", None),
        ]
    );
    assert!(message.contains("«₽»"), "{message}");
}

#[test]
fn line_breaks_in_a_purpose_do_not_break_the_file() {
    let mut register = sample::register();
    register.lines[0].purpose = "Вознаграждение\r\nпо акту № 5".into();
    let bytes = bank_exchange(&register, day(2026, 11, 30), created_at(), 1).expect("file");
    let file = parse(&decode(&bytes));
    assert_eq!(
        file.documents[0]["НазначениеПлатежа"],
        "Вознаграждение по акту № 5"
    );
}

#[test]
fn payment_order_numbers_stay_within_six_digits() {
    let register = sample::register();
    let err = bank_exchange(&register, day(2026, 11, 30), created_at(), 999_999).expect_err("7");
    assert_eq!(err.code(), "bank_file_number");
    assert!(bank_exchange(&register, day(2026, 11, 30), created_at(), 999_998).is_ok());
}

#[test]
fn a_register_month_not_yyyy_mm_is_refused() {
    let mut register = sample::register();
    register.month = "ноябрь".into();
    let err = bank_exchange(&register, day(2026, 12, 2), created_at(), 1).expect_err("no month");
    assert_eq!(err.code(), "register_month");
}
