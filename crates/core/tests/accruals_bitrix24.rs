//! bitrix24: 50 % of the first purchase per (client, partner), 20 % of later purchases
//! within three years of registration, the 100-bonus active client until 2025-12-31, the
//! migrator's 30-day look-back, only direct paid tariffs.

mod common;

use common::*;
use partnerbook_core::clients::{record_client, ClientRecord};
use partnerbook_core::programs::Channel;
use partnerbook_core::store::Book;

fn bitrix_book() -> Book {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA"));
    add_partner(&mut book, ooo("P-B", "bitrix24", INN_YANDEX, "BETA"));
    book
}

/// A client registered on `registered`, bound through `channel` to `code` on `bound`.
fn bound_client(
    book: &Book,
    client: &str,
    registered: chrono::NaiveDate,
    code: &str,
    channel: Channel,
    bound: chrono::NaiveDate,
) {
    let program = program(book, "bitrix24");
    let id = add_client(book, "bitrix24", client, None, registered);
    let outcome = attempt(book, &program, id, code, channel, bound);
    assert_eq!(outcome_code(&outcome), "bound");
}

fn pay(id: &str, date: &str, client: &str, amount: &str) -> String {
    format!("{id},bitrix24,{date},{client},{amount},,,,,,,\n")
}

#[test]
fn fifty_percent_of_the_first_purchase_then_twenty_of_the_later_ones() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 3, 1),
        "ALFA",
        Channel::Link,
        day(2025, 3, 1),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}{}",
            pay("X-2", "2025-05-01", "C-1", "12000"),
            pay("X-1", "2025-04-01", "C-1", "10000.50"),
            pay("X-3", "2026-02-01", "C-1", "999.99"),
        ),
    );
    // the file lists X-2 first, but X-1 is the earlier purchase: it is the first
    assert_eq!(
        entries(&book, "P-A"),
        vec![
            ("credit".into(), "5000.25".into(), "first_purchase".into()),
            ("credit".into(), "2400.00".into(), "later_purchase".into()),
            ("credit".into(), "200.00".into(), "later_purchase".into()),
        ]
    );
    let b = balance(&book, "P-A", day(2026, 12, 31));
    assert_eq!(b.unit, "bonus");
    assert_eq!(b.available, "7600.25");
}

#[test]
fn purchases_from_the_third_anniversary_of_registration_earn_nothing() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2023, 3, 15),
        "ALFA",
        Channel::Link,
        day(2023, 3, 15),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}{}",
            pay("X-1", "2023-04-01", "C-1", "100"),
            pay("X-2", "2026-03-14", "C-1", "100"),
            pay("X-3", "2026-03-15", "C-1", "100"),
        ),
    );
    assert_eq!(
        reason_of(&book, "X-2"),
        None,
        "the last day of the three years"
    );
    assert_eq!(reason_of(&book, "X-3").as_deref(), Some("outside_window"));
    let text = partnerbook_core::ledger::unearned_page(
        book.db(),
        &Default::default(),
        partnerbook_core::Lang::Ru,
    )
    .expect("unearned")
    .rows[0]
        .reason
        .clone();
    assert!(text.contains("14.03.2026"), "{text}");
}

#[test]
fn a_client_registered_on_29_february_has_its_window_end_on_27_february() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2024, 2, 29),
        "ALFA",
        Channel::Link,
        day(2024, 2, 29),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}{}",
            pay("X-1", "2024-03-01", "C-1", "100"),
            pay("X-2", "2027-02-27", "C-1", "100"),
            pay("X-3", "2027-02-28", "C-1", "100"),
        ),
    );
    assert_eq!(reason_of(&book, "X-2"), None);
    assert_eq!(reason_of(&book, "X-3").as_deref(), Some("outside_window"));
}

#[test]
fn only_direct_paid_tariffs_count() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 3, 1),
        "ALFA",
        Channel::Link,
        day(2025, 3, 1),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}X-1,bitrix24,2025-04-01,C-1,500,,смс,да,,,,\n\
             X-2,bitrix24,2025-04-02,C-1,500,,other,yes,,,,\n\
             X-3,bitrix24,2025-04-03,C-1,500,,тариф,нет,,,,\n\
             X-4,bitrix24,2025-04-04,C-1,500,,tariff,1,,,,\n"
        ),
    );
    assert_eq!(
        reason_of(&book, "X-1").as_deref(),
        Some("category_not_counted")
    );
    assert_eq!(
        reason_of(&book, "X-2").as_deref(),
        Some("category_not_counted")
    );
    assert_eq!(reason_of(&book, "X-3").as_deref(), Some("not_direct"));
    assert_eq!(reason_of(&book, "X-4"), None, "the first counting purchase");
    assert_eq!(entries(&book, "P-A")[0].2, "first_purchase");
}

#[test]
fn after_a_move_the_new_partner_earns_fifty_percent_of_its_own_first_purchase() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 3, 1),
        "ALFA",
        Channel::Link,
        day(2025, 3, 1),
    );
    let program = program(&book, "bitrix24");
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("X-1", "2025-04-01", "C-1", "1000")
        ),
    );
    let client: i64 = book
        .db()
        .query_row("SELECT id FROM clients WHERE client_id = 'C-1'", [], |r| {
            r.get(0)
        })
        .expect("client");
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &program,
            client,
            "BETA",
            Channel::Invoice,
            day(2025, 5, 1)
        )),
        "bound"
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}",
            pay("X-2", "2025-05-02", "C-1", "1000"),
            pay("X-3", "2025-06-02", "C-1", "1000")
        ),
    );
    assert_eq!(
        entries(&book, "P-A"),
        vec![("credit".into(), "500.00".into(), "first_purchase".into())]
    );
    assert_eq!(
        entries(&book, "P-B"),
        vec![
            ("credit".into(), "500.00".into(), "first_purchase".into()),
            ("credit".into(), "200.00".into(), "later_purchase".into()),
        ]
    );
}

#[test]
fn the_migrator_counts_purchases_from_30_days_before_the_install() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 12, 1),
        "ALFA",
        Channel::Migrator,
        day(2026, 2, 10),
    );
    bound_client(
        &book,
        "C-2",
        day(2025, 12, 1),
        "ALFA",
        Channel::Migrator,
        day(2026, 2, 10),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}{}",
            pay("X-1", "2026-01-11", "C-1", "1000"),
            pay("X-2", "2026-01-10", "C-2", "1000"),
            pay("X-3", "2026-02-11", "C-2", "1000"),
        ),
    );
    assert_eq!(
        reason_of(&book, "X-1"),
        None,
        "30 days before the install: the first purchase"
    );
    assert_eq!(
        reason_of(&book, "X-2").as_deref(),
        Some("not_bound"),
        "31 days before"
    );
    assert_eq!(
        entries(&book, "P-A"),
        vec![
            ("credit".into(), "500.00".into(), "first_purchase".into()),
            ("credit".into(), "500.00".into(), "first_purchase".into()),
        ]
    );
}

#[test]
fn a_payment_before_a_non_migrator_binding_is_not_the_partners() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 3, 1),
        "ALFA",
        Channel::Invoice,
        day(2025, 3, 20),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("X-1", "2025-03-19", "C-1", "1000")
        ),
    );
    assert_eq!(reason_of(&book, "X-1").as_deref(), Some("not_bound"));
}

#[test]
fn purchases_in_2026_still_earn_under_the_new_rules() {
    let mut book = bitrix_book();
    bound_client(
        &book,
        "C-1",
        day(2025, 6, 1),
        "ALFA",
        Channel::Link,
        day(2025, 6, 1),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}",
            pay("X-1", "2025-12-31", "C-1", "1000"),
            pay("X-2", "2026-01-01", "C-1", "1000")
        ),
    );
    let ledger =
        partnerbook_core::ledger::partner_entries(book.db(), "P-A", partnerbook_core::Lang::Ru)
            .expect("ledger");
    assert_eq!(ledger[0].version_from.as_deref(), Some("2000-01-01"));
    assert_eq!(
        ledger[1].version_from.as_deref(),
        Some("2026-01-01"),
        "the payment's date picks the rules"
    );
    assert!(
        ledger[1].reason.contains("правила с 01.01.2026"),
        "{}",
        ledger[1].reason
    );
}

fn activity(
    book: &mut Book,
    client: &str,
    users: u32,
    since: chrono::NaiveDate,
) -> Vec<partnerbook_core::ledger::AccrualTotal> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("activity.csv");
    std::fs::write(
        &path,
        format!("client_id,program,registered,users,active_since\n{client},bitrix24,2025-03-01,{users},{since}\n"),
    )
    .expect("written");
    let report = import(
        book,
        partnerbook_core::import::ImportKind::Clients,
        &path,
        false,
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.accrued
}

#[test]
fn an_active_client_brought_by_link_earns_100_bonuses_once_until_2025() {
    let mut book = bitrix_book();
    for (client, channel) in [
        ("C-1", Channel::Link),
        ("C-2", Channel::Link),
        ("C-3", Channel::Link),
        ("C-4", Channel::Invoice),
    ] {
        bound_client(
            &book,
            client,
            day(2025, 3, 1),
            "ALFA",
            channel,
            day(2025, 3, 1),
        );
    }
    let totals = activity(&mut book, "C-1", 4, day(2025, 12, 31));
    assert_eq!(totals[0].credited, "100.00");
    activity(&mut book, "C-1", 10, day(2025, 12, 31));
    activity(&mut book, "C-2", 4, day(2026, 1, 1));
    activity(&mut book, "C-3", 3, day(2025, 6, 1));
    activity(&mut book, "C-4", 4, day(2025, 6, 1));
    assert_eq!(
        entries(&book, "P-A"),
        vec![("credit".into(), "100.00".into(), "active_client".into())],
        "once per client; not from 2026; more than 3 users; only through the link"
    );
}

#[test]
fn an_unknown_client_in_the_billing_is_created_unbound() {
    let mut book = bitrix_book();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("X-1", "2025-03-19", "NEW-1", "1000")
        ),
    );
    assert_eq!(reason_of(&book, "X-1").as_deref(), Some("not_bound"));
    let record = ClientRecord {
        program: "bitrix24".into(),
        client_id: "NEW-1".into(),
        name: Some("Новый".into()),
        inn: None,
        registered: Some(day(2025, 3, 1)),
        users: None,
        active_since: None,
        promo_ends: None,
    };
    let (_, recorded) = record_client(book.db(), &record)
        .expect("db")
        .expect("the clients import can fill it in");
    assert_eq!(recorded, partnerbook_core::clients::Recorded::Updated);
}

/// A client first seen in the billing pays without a code, then with B1's promo code,
/// then again: the code binds it to B1 on the second payment (50 % of it, the first
/// purchase while bound) and the third earns 20 % — whether the rows come in one file
/// or three. The three-year window runs from its first payment, the day the book first
/// saw it.
fn new_client_bound_by_a_promo_code_mid_stream(files: &[&[(&str, &str, &str, &str)]]) {
    let mut book = book();
    add_partner(&mut book, ooo("B1", "bitrix24", INN_SBER, "BONE"));
    for rows in files {
        let mut csv = BILLING_HEADER.to_owned();
        for (id, date, amount, code) in rows.iter() {
            csv.push_str(&format!("{id},bitrix24,{date},cz,{amount},,,,,,{code},\n"));
        }
        billing_ok(&mut book, &csv);
    }
    assert_eq!(
        entries(&book, "B1"),
        vec![
            ("credit".into(), "1000.00".into(), "first_purchase".into()),
            ("credit".into(), "600.00".into(), "later_purchase".into()),
        ]
    );
    assert_eq!(reason_of(&book, "Z-1").as_deref(), Some("not_bound"));
    assert_eq!(reason_of(&book, "Z-2"), None);
    assert_eq!(reason_of(&book, "Z-3"), None);
    assert_eq!(balance(&book, "B1", day(2025, 12, 31)).available, "1600.00");
}

const CZ_ROWS: [(&str, &str, &str, &str); 3] = [
    ("Z-1", "2025-06-01", "1000", ""),
    ("Z-2", "2025-06-02", "2000", "BONE"),
    ("Z-3", "2025-06-03", "3000", ""),
];

#[test]
fn a_promo_code_earlier_in_the_same_file_binds_the_client_for_its_later_rows() {
    new_client_bound_by_a_promo_code_mid_stream(&[&CZ_ROWS]);
}

#[test]
fn a_promo_code_binds_the_client_for_later_files_too() {
    new_client_bound_by_a_promo_code_mid_stream(&[&CZ_ROWS[..1], &CZ_ROWS[1..2], &CZ_ROWS[2..]]);
}
