//! The clients table (`clients::client_page`): search by id, name or ИНН, filters by
//! program, partner and bound/unbound, sort and paging totals.

mod common;

use common::*;
use partnerbook_core::clients::{client_page, ClientQuery, ClientSort};
use partnerbook_core::store::Book;

/// The fixtures' partners and clients.
fn with_clients() -> Book {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    import_clients(&mut book, "clients_ok.csv");
    book
}

fn ids(book: &Book, q: ClientQuery) -> (u32, Vec<String>) {
    let page = client_page(book.db(), &q).expect("page");
    (
        page.total,
        page.rows.into_iter().map(|r| r.client).collect(),
    )
}

fn search(book: &Book, text: &str) -> Vec<String> {
    ids(
        book,
        ClientQuery {
            search: s(text),
            ..ClientQuery::default()
        },
    )
    .1
}

#[test]
fn search_finds_client_id_inn_and_name_as_written() {
    let book = with_clients();
    assert_eq!(search(&book, "B-100"), ["B-100"]);
    assert_eq!(search(&book, "B-"), ["B-100", "B-200", "B-300"]);
    assert_eq!(search(&book, "7704217370"), ["B-100"]);
    assert_eq!(search(&book, "Клиент Два"), ["B-200"]);
    assert_eq!(search(&book, "Ромашка"), ["W-1"]);
    assert!(search(&book, "nothing").is_empty());
}

#[test]
fn search_ignores_case_in_cyrillic_names() {
    let book = with_clients();
    assert_eq!(search(&book, "клиент два"), ["B-200"]);
    assert_eq!(search(&book, "РОМАШКА"), ["W-1"]);
}

#[test]
fn filters_by_program_partner_and_bound() {
    let book = with_clients();
    let q = |program: Option<&str>, partner: Option<&str>, bound: Option<bool>| ClientQuery {
        program: program.map(str::to_owned),
        partner: partner.map(str::to_owned),
        bound,
        ..ClientQuery::default()
    };
    assert_eq!(ids(&book, q(Some("bitrix24"), None, None)).0, 3);
    assert_eq!(
        ids(&book, q(None, Some("P-2"), None)),
        (1, vec!["B-100".into()])
    );
    assert_eq!(
        ids(&book, q(None, Some("P-1"), None)),
        (0, vec![]),
        "B-100 moved on"
    );
    assert_eq!(
        ids(&book, q(None, None, Some(true))),
        (2, vec!["B-100".into(), "W-1".into()])
    );
    assert_eq!(
        ids(&book, q(Some("bitrix24"), None, Some(false))),
        (2, vec!["B-200".into(), "B-300".into()])
    );
}

#[test]
fn sorts_and_pages() {
    let book = with_clients();
    let sorted = |sort: ClientSort, descending: bool| {
        ids(
            &book,
            ClientQuery {
                sort: Some(sort),
                descending: Some(descending),
                ..ClientQuery::default()
            },
        )
        .1
    };
    assert_eq!(
        sorted(ClientSort::Client, false),
        ["B-100", "B-200", "B-300", "T-1", "W-1"]
    );
    assert_eq!(
        sorted(ClientSort::Registered, true),
        ["W-1", "T-1", "B-300", "B-200", "B-100"]
    );
    let page = client_page(
        book.db(),
        &ClientQuery {
            offset: Some(3),
            limit: Some(2),
            ..ClientQuery::default()
        },
    )
    .expect("page");
    assert_eq!((page.total, page.offset), (5, 3));
    assert_eq!(
        page.rows
            .iter()
            .map(|r| r.client.as_str())
            .collect::<Vec<_>>(),
        ["T-1", "W-1"]
    );
}

#[test]
fn a_row_shows_the_current_partner_channel_and_since() {
    let book = with_clients();
    let page = client_page(
        book.db(),
        &ClientQuery {
            search: s("B-100"),
            ..ClientQuery::default()
        },
    )
    .expect("page");
    let row = &page.rows[0];
    assert_eq!(row.partner.as_deref(), Some("P-2"));
    assert_eq!(
        row.partner_name.as_deref(),
        Some("ИП Борисов Борис Борисович")
    );
    assert_eq!(
        row.channel,
        Some(partnerbook_core::programs::Channel::Promo)
    );
    assert_eq!(row.since.as_deref(), Some("2025-04-01"));
    assert_eq!(row.registered.as_deref(), Some("2025-03-01"));
}
