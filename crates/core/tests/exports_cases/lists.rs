//! Партнёры and Клиенты exported with a filter, a search and a sort: every row the screen's
//! pages would show, in their order, with the screen's headers and words.

use calamine::Data;
use partnerbook_core::clients::{client_page, ClientQuery, ClientSort};
use partnerbook_core::exports::TableQuery;
use partnerbook_core::partners::{partner_page, PartnerQuery, PartnerSort, MAX_PAGE};
use partnerbook_core::Lang;

use crate::common::*;
use crate::{book_of_every_table, export, ui_headers};

const PARTNER_HEADERS: [&str; 8] = [
    "col.id",
    "col.name",
    "col.program",
    "col.kind",
    "col.inn",
    "col.code",
    "col.status",
    "col.clients",
];

/// The partner ids the screen's pages show for `query`, page after page of 2.
fn paged_partners(book: &partnerbook_core::store::Book, query: &PartnerQuery) -> Vec<String> {
    let mut ids = Vec::new();
    loop {
        let page = partner_page(
            book.db(),
            &PartnerQuery {
                offset: Some(ids.len() as u32),
                limit: Some(2),
                ..query.clone()
            },
        )
        .expect("a page");
        ids.extend(page.rows.into_iter().map(|r| r.partner));
        if ids.len() as u32 >= page.total {
            return ids;
        }
    }
}

#[test]
fn partners_of_a_program_sorted_by_name_backwards_are_every_row_in_the_screens_order() {
    let book = book_of_every_table();
    let query = PartnerQuery {
        program: s("bitrix24"),
        sort: Some(PartnerSort::Name),
        descending: Some(true),
        // A page's bounds are the screen's: the export takes every row.
        offset: Some(1),
        limit: Some(1),
        ..PartnerQuery::default()
    };
    let (name, workbook) = export(
        &book,
        TableQuery::Partners {
            query: query.clone(),
        },
        Lang::Ru,
    );
    assert_eq!(name, "partners-2026-03-20.xlsx");
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.name, "Партнёры");
    assert_eq!(sheet.headers(), ui_headers(&PARTNER_HEADERS, Lang::Ru));
    let total = partner_page(book.db(), &query).expect("a page").total;
    assert_eq!(total, 3);
    assert_eq!(sheet.height(), total as usize, "every row the filter finds");
    assert_eq!(sheet.column(0, 3), paged_partners(&book, &query));
    assert_eq!(
        sheet.column(0, 3),
        ["P-10", "P-2", "P-1"],
        "Гамма, Бета, Альфа"
    );
    // P-2: the screen's words for the program, the kind and the status.
    assert_eq!(sheet.text(2, 1).as_deref(), Some("ООО «Бета»"));
    assert_eq!(
        sheet.text(2, 2).as_deref(),
        Some("Битрикс24 — партнёрская программа")
    );
    assert_eq!(sheet.text(2, 3).as_deref(), Some("ООО/АО"));
    assert_eq!(sheet.text(2, 4).as_deref(), Some(INN_YANDEX), "ИНН as text");
    assert_eq!(sheet.text(2, 5).as_deref(), Some("BETA"));
    assert_eq!(sheet.text(2, 6).as_deref(), Some("приостановлен"));
    // Clients bound now: a number cell.
    assert_eq!(sheet.cell(3, 7), Data::Float(2.0), "P-1 has two clients");
    assert_eq!(sheet.cell(1, 7), Data::Float(0.0));
}

#[test]
fn partners_found_by_a_search_in_english() {
    let book = book_of_every_table();
    let query = PartnerQuery {
        search: s("ООО"),
        sort: Some(PartnerSort::Partner),
        ..PartnerQuery::default()
    };
    let (_, workbook) = export(
        &book,
        TableQuery::Partners {
            query: query.clone(),
        },
        Lang::En,
    );
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.name, "Partners");
    assert_eq!(sheet.headers(), ui_headers(&PARTNER_HEADERS, Lang::En));
    assert_eq!(
        sheet.height(),
        partner_page(book.db(), &query).expect("page").total as usize
    );
    assert_eq!(sheet.column(0, 3), paged_partners(&book, &query));
    assert_eq!(
        sheet.column(0, 3),
        ["P-1", "P-10", "P-2"],
        "ids as the book orders them"
    );
    assert_eq!(
        sheet.text(3, 2).as_deref(),
        Some("Bitrix24 cloud partner program")
    );
    assert_eq!(sheet.text(3, 3).as_deref(), Some("Company"));
    assert_eq!(sheet.text(3, 6).as_deref(), Some("suspended"));
}

#[test]
fn clients_sorted_by_partner_with_their_days_as_dates() {
    let book = book_of_every_table();
    let query = ClientQuery {
        program: s("bitrix24"),
        sort: Some(ClientSort::Partner),
        descending: Some(true),
        ..ClientQuery::default()
    };
    let (name, workbook) = export(
        &book,
        TableQuery::Clients {
            query: query.clone(),
        },
        Lang::Ru,
    );
    assert_eq!(name, "clients-2026-03-20.xlsx");
    let sheet = workbook.sheet(0);
    assert_eq!(
        sheet.headers(),
        ui_headers(
            &[
                "col.client",
                "col.name",
                "col.program",
                "col.registered",
                "col.partner",
                "col.channel",
                "col.since"
            ],
            Lang::Ru
        )
    );
    let page = client_page(
        book.db(),
        &ClientQuery {
            limit: Some(MAX_PAGE),
            ..query.clone()
        },
    )
    .expect("a page");
    assert_eq!(sheet.height(), page.total as usize);
    assert_eq!(page.total, 4, "B-1, B-2, B-3 and U-1");
    let shown: Vec<String> = page.rows.iter().map(|r| r.client.clone()).collect();
    assert_eq!(sheet.column(0, 4), shown);
    for (i, row) in page.rows.iter().enumerate() {
        let at = i + 1;
        assert_eq!(
            sheet.text(at, 2).as_deref(),
            Some("Битрикс24 — партнёрская программа")
        );
        match &row.partner_name {
            Some(partner) => {
                assert_eq!(sheet.text(at, 4).as_ref(), Some(partner));
                assert_eq!(sheet.text(at, 5).as_deref(), Some("мигратор"));
                assert_eq!(sheet.date(at, 6), Some(day(2026, 2, 1)), "bound on");
                assert_eq!(sheet.date(at, 3), Some(day(2026, 2, 1)), "registered");
            }
            None => {
                assert_eq!(sheet.text(at, 4).as_deref(), Some("без партнёра"));
                assert_eq!(sheet.cell(at, 5), Data::Empty);
                assert_eq!(sheet.date(at, 6), None);
            }
        }
    }
    let unbound = ClientQuery {
        bound: Some(false),
        ..query
    };
    let (_, workbook) = export(&book, TableQuery::Clients { query: unbound }, Lang::Ru);
    assert_eq!(workbook.sheet(0).height(), 1);
    assert_eq!(workbook.sheet(0).text(1, 0).as_deref(), Some("U-1"));
}
