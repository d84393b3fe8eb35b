//! Sample documents with believable requisites, for the renderers' tests and benchmarks.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{
    ActDocument, Party, PayoutRegister, RegisterLine, Statement, StatementLine, Vat,
};
use crate::partners::PartnerKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn money(text: &str) -> Decimal {
    text.parse().unwrap_or_default()
}

pub fn vendor() -> Party {
    Party {
        name: "ООО \"Вендор Софт\"".into(),
        kind: PartnerKind::Ooo,
        inn: Some("7707083893".into()),
        kpp: Some("770701001".into()),
        ogrn: Some("1027700132195".into()),
        address: Some("117997, г. Москва, ул. Вавилова, д. 19".into()),
        bik: Some("044525225".into()),
        account: Some("40702810938000000001".into()),
        edo_id: Some("2BE-7707083893-770701001".into()),
        signer: Some("Смирнова Анна Петровна".into()),
        signer_position: Some("Генеральный директор".into()),
    }
}

/// A partner: a legal entity paying VAT, or an ИП without VAT.
pub fn partner(vat_payer: bool) -> Party {
    if vat_payer {
        Party {
            name: "ООО \"Облачные решения\"".into(),
            kind: PartnerKind::Ooo,
            inn: Some("7804431521".into()),
            kpp: Some("780401001".into()),
            ogrn: Some("1107847010941".into()),
            address: Some(
                "194064, г. Санкт-Петербург, Тихорецкий пр-кт, д. 29, корп. 2, кв. 53".into(),
            ),
            bik: Some("044030653".into()),
            account: Some("40702810755000012345".into()),
            edo_id: Some("2LT-600072763".into()),
            signer: Some("Кузнецов Павел Андреевич".into()),
            signer_position: Some("Директор".into()),
        }
    } else {
        Party {
            name: "ИП Орлова Мария Сергеевна".into(),
            kind: PartnerKind::Ip,
            inn: Some("500100732259".into()),
            kpp: None,
            ogrn: Some("304500116000157".into()),
            address: Some("141006, Московская обл., г. Мытищи, ул. Мира, д. 5, кв. 12".into()),
            bik: Some("044525225".into()),
            account: Some("40802810338000000077".into()),
            edo_id: Some("2LT-600070554".into()),
            signer: Some("Орлова Мария Сергеевна".into()),
            signer_position: Some("Индивидуальный предприниматель".into()),
        }
    }
}

/// A bitrix24 act for 5 000 bonuses (RUB), with VAT 22 % or without.
pub fn act(vat_payer: bool) -> ActDocument {
    let amount = money("5000.00");
    ActDocument {
        number: "2026-0007".into(),
        date: day(2026, 11, 30),
        seller: partner(vat_payer),
        buyer: vendor(),
        contract_no: Some("П-2024/118".into()),
        contract_date: Some(day(2024, 3, 15)),
        period_from: day(2026, 10, 1),
        period_to: day(2026, 11, 30),
        service: "Партнёрское вознаграждение за период с 01.10.2026 по 30.11.2026".into(),
        amount,
        currency: "RUB".into(),
        vat: vat_payer.then(|| Vat {
            rate: Decimal::from(22),
            amount: money("901.64"),
        }),
        amount_words: "Пять тысяч рублей 00 копеек".into(),
        conversion_note: Some("5 000 бонусов × 1 ₽".into()),
        signatures: vec![],
    }
}

pub fn statement() -> Statement {
    let lines = vec![
        StatementLine {
            date: day(2026, 10, 3),
            kind: "Начисление".into(),
            reason: "Первая покупка клиента C-104 (платёж PAY-9001): 50 % от 12 000,00".into(),
            amount: money("6000.00"),
        },
        StatementLine {
            date: day(2026, 10, 20),
            kind: "Сторно".into(),
            reason: "Возврат платежа PAY-9001 (частичный, 2 000,00 из 12 000,00)".into(),
            amount: money("-1000.00"),
        },
        StatementLine {
            date: day(2026, 11, 30),
            kind: "Конвертация".into(),
            reason: "Акт № 2026-0007 от 30.11.2026".into(),
            amount: money("-5000.00"),
        },
    ];
    Statement {
        partner_id: "P-17".into(),
        partner: partner(false),
        vendor: vendor(),
        program: "Битрикс24 — партнёрская программа".into(),
        unit: "bonus".into(),
        from: day(2026, 10, 1),
        to: day(2026, 11, 30),
        opening: money("250.00"),
        closing: money("250.00"),
        lines,
        made: day(2026, 12, 1),
    }
}

pub fn register() -> PayoutRegister {
    let line = |id: &str, party: Party, number: &str, amount: &str, currency: &str| RegisterLine {
        partner_id: id.into(),
        name: party.name,
        inn: party.inn,
        kpp: party.kpp,
        bik: party.bik,
        account: party.account,
        act_number: number.into(),
        act_date: day(2026, 11, 2),
        amount: money(amount),
        currency: currency.into(),
        vat: None,
        signed: Some(day(2026, 11, 5)),
        e_signed: number.ends_with('6'),
        pay_due: Some(day(2026, 11, 19)),
        paid: None,
        purpose: format!(
            "Партнёрское вознаграждение по акту № {number} от 02.11.2026. Без налога (НДС)"
        ),
    };
    PayoutRegister {
        month: "2026-11".into(),
        vendor: vendor(),
        lines: vec![
            line("P-17", partner(false), "2026-0005", "5000.00", "RUB"),
            line("P-21", partner(true), "2026-0006", "12345.67", "RUB"),
            line("Q-3", partner(false), "2026-0008", "80.50", "USD"),
        ],
        made: day(2026, 12, 1),
    }
}
