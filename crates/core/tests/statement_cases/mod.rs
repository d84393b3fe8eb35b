//! The book the statement tests start from, and the statement made from its own payment
//! orders.
#![allow(dead_code)]

use chrono::NaiveDate;
use partnerbook_core::acts::{
    act_step, convert, get_act, register_file, ActStep, ConvertRequest, RegisterFormat,
};
use partnerbook_core::documents::sample_statement::{
    from_windows_1251, statement_of_orders, Order,
};
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::store::Book;

use crate::common::*;

pub const BIK: &str = "044525225";
pub const VENDOR_ACCOUNT: &str = "40702810000000000777";
pub const PARTNER_ACCOUNT: &str = "40702810938000000001";

/// A book with the vendor's bank and four acts of March 2026: `a` (P-A, 5 000.00) and `v`
/// (P-V, 6 100.00 with VAT) and `c` (P-C, 7 000.00) signed on 12.03, `sent` (P-A,
/// 5 000.00) only sent.
pub struct Scene {
    pub book: Book,
    pub a: String,
    pub v: String,
    pub sent: String,
    pub c: String,
}

fn partner(id: &str, inn: &str, code: &str, vat: bool) -> PartnerInput {
    PartnerInput {
        contract_no: s(&format!("Д-{id}")),
        contract_date: s("2025-01-15"),
        vat_payer: s(if vat { "yes" } else { "no" }),
        vat_rate: vat.then(|| "22".to_owned()),
        bik: s(BIK),
        account: s(PARTNER_ACCOUNT),
        ..ooo(id, "bitrix24", inn, code)
    }
}

fn act_for(book: &mut Book, partner: &str, amount: &str, steps: &[ActStep]) -> String {
    let actor = actor();
    let request = ConvertRequest {
        partner: partner.into(),
        date: day(2026, 3, 10),
        amount: Some(amount.parse().expect("an amount")),
        payout_kind: None,
        key: None,
    };
    let act = book
        .write(|tx| convert(tx, &actor, &request))
        .expect("converted")
        .act;
    for step in steps {
        book.write(|tx| act_step(tx, &actor, &act, step))
            .expect("a step");
    }
    get_act(book.db(), &act).expect("the act").number
}

pub fn scene() -> Scene {
    let mut book = book();
    set_vendor(&mut book);
    let bank = partnerbook_core::vendor::Vendor {
        bik: s(BIK),
        account: s(VENDOR_ACCOUNT),
        ..Default::default()
    };
    let actor = actor();
    book.write(|tx| partnerbook_core::vendor::set_vendor(tx, &actor, bank))
        .expect("the vendor's bank");
    add_partner(&mut book, partner("P-A", INN_SBER, "ALFA", false));
    add_partner(&mut book, partner("P-V", INN_YANDEX, "VITA", true));
    add_partner(&mut book, partner("P-C", INN_OZON, "CORA", false));
    bitrix_client_paying(&mut book, "B-1", "ALFA", "30000");
    bitrix_client_paying(&mut book, "B-2", "VITA", "30000");
    bitrix_client_paying(&mut book, "B-3", "CORA", "20000");
    let signed = [
        ActStep::Send(day(2026, 3, 11)),
        ActStep::Sign(day(2026, 3, 12)),
    ];
    let a = act_for(&mut book, "P-A", "5000", &signed);
    let v = act_for(&mut book, "P-V", "6100", &signed);
    let sent = act_for(&mut book, "P-A", "5000", &signed[..1]);
    let c = act_for(&mut book, "P-C", "7000", &signed);
    Scene {
        book,
        a,
        v,
        sent,
        c,
    }
}

/// The register's bank file of March 2026, as the book writes it (Windows-1251), decoded.
pub fn orders(scene: &Scene) -> String {
    let file = register_file(
        scene.book.db(),
        "2026-03",
        RegisterFormat::Bank,
        at(2026, 3, 19),
    )
    .expect("the bank file");
    from_windows_1251(&file.bytes)
}

/// The bank's statement of the book's orders: each act's order debited on the day
/// `debited` gives (left out on `None`), then `extra`.
pub fn statement_with(
    scene: &Scene,
    debited: &dyn Fn(&str) -> Option<NaiveDate>,
    extra: &[String],
) -> String {
    statement_of_orders(&orders(scene), debited, extra)
}

/// The orders of `a` and `v` debited on 20.03.2026 (`c`'s not carried out), then `extra`.
pub fn statement(scene: &Scene, extra: &[String]) -> String {
    let c = scene.c.clone();
    statement_with(
        scene,
        &move |act| (act != c).then(|| day(2026, 3, 20)),
        extra,
    )
}

/// A payment order from the vendor's account to `PARTNER_ACCOUNT`, debited on 20.03.2026.
pub fn order<'a>(number: &'a str, amount: &'a str, inn: &'a str, purpose: &'a str) -> Order<'a> {
    Order {
        number,
        day: day(2026, 3, 20),
        amount,
        payer_account: VENDOR_ACCOUNT,
        recipient_account: PARTNER_ACCOUNT,
        recipient_inn: inn,
        purpose,
    }
}

/// `(status, paid)` of `a`, `v`, `sent` and `c`.
pub fn statuses(scene: &Scene) -> Vec<(&'static str, Option<String>)> {
    [&scene.a, &scene.v, &scene.sent, &scene.c]
        .iter()
        .map(|number| {
            let act = get_act(scene.book.db(), number).expect("the act");
            (act.status.key(), act.paid.map(|d| d.to_string()))
        })
        .collect()
}

/// The acts before any statement: three signed, one sent.
pub fn before_statement() -> Vec<(&'static str, Option<String>)> {
    vec![
        ("signed", None),
        ("signed", None),
        ("sent", None),
        ("signed", None),
    ]
}

/// `(date, amount)` of the partner's payout entries.
pub fn payouts(scene: &Scene, partner: &str) -> Vec<(String, String)> {
    partnerbook_core::ledger::partner_entries(scene.book.db(), partner, partnerbook_core::Lang::Ru)
        .expect("the ledger")
        .into_iter()
        .filter(|e| e.kind == "payout")
        .map(|e| (e.date, e.amount))
        .collect()
}

/// Every ledger row, as text.
pub fn ledger_rows(scene: &Scene) -> Vec<String> {
    rows(scene, "SELECT id || ' ' || partner || ' ' || kind || ' ' || amount || ' ' || date FROM ledger ORDER BY id")
}

/// Every audit row, as text.
pub fn audit_rows(scene: &Scene) -> Vec<String> {
    rows(
        scene,
        "SELECT id || ' ' || action || ' ' || entity_id FROM audit ORDER BY id",
    )
}

fn rows(scene: &Scene, sql: &str) -> Vec<String> {
    let db = scene.book.db();
    let mut stmt = db.prepare(sql).expect("a query");
    stmt.query_map([], |r| r.get::<_, String>(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("text")
}
