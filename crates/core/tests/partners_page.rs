//! The partners table (`partners::partner_page`): search by name, ИНН, code or id ignoring
//! case (Cyrillic too), filters, sort and paging totals.

mod common;

use common::*;
use partnerbook_core::partners::{
    partner_page, partners_of, PartnerInput, PartnerQuery, PartnerSort, PartnerStatus,
};
use partnerbook_core::programs::Channel;
use partnerbook_core::store::Book;

fn named(input: PartnerInput, name: &str) -> PartnerInput {
    PartnerInput {
        name: s(name),
        ..input
    }
}

/// Five partners in four programs.
fn registry() -> Book {
    let mut book = book();
    add_partner(
        &mut book,
        named(ooo("P-1", "bitrix24", INN_SBER, "ALFA0001"), "ООО «Альфа»"),
    );
    add_partner_with_status(
        &mut book,
        named(ooo("P-2", "bitrix24", INN_YANDEX, "BETA0002"), "ООО «Бета»"),
        "suspended",
    );
    add_partner(
        &mut book,
        named(foreign("P-3", "quantower", "GAMMA03"), "Gamma Trading"),
    );
    let ip = PartnerInput {
        kind: s("ip"),
        inn: s(INN_PERSON),
        ..named(ciawifi_partner("P-4", "54321"), "ИП Щукин Иван")
    };
    add_partner_with_status(&mut book, ip, "terminated");
    add_partner(
        &mut book,
        named(kz_partner("P-5", BIN_HALYK, "ASEL25"), "ТОО «Асель»"),
    );
    book
}

fn ids(book: &Book, q: PartnerQuery) -> (u32, Vec<String>) {
    let page = partner_page(book.db(), &q).expect("page");
    (
        page.total,
        page.rows.into_iter().map(|r| r.partner).collect(),
    )
}

fn search(book: &Book, text: &str) -> Vec<String> {
    ids(
        book,
        PartnerQuery {
            search: s(text),
            ..PartnerQuery::default()
        },
    )
    .1
}

#[test]
fn search_finds_names_ignoring_case_in_cyrillic() {
    let book = registry();
    assert_eq!(search(&book, "альфа"), ["P-1"]);
    assert_eq!(search(&book, "АЛЬФА"), ["P-1"]);
    assert_eq!(search(&book, "щукин"), ["P-4"]);
    assert_eq!(search(&book, "ЩУКИН ИВАН"), ["P-4"]);
    assert_eq!(search(&book, "gamma"), ["P-3"]);
    let (total, found) = ids(
        &book,
        PartnerQuery {
            search: s("ооо"),
            ..PartnerQuery::default()
        },
    );
    assert_eq!((total, found.len()), (2, 2));
}

#[test]
fn search_finds_inn_code_and_id() {
    let book = registry();
    assert_eq!(search(&book, INN_YANDEX), ["P-2"]);
    assert_eq!(search(&book, "770708"), ["P-1"], "part of an ИНН");
    assert_eq!(search(&book, BIN_HALYK), ["P-5"]);
    assert_eq!(search(&book, "asel25"), ["P-5"], "a code, other case");
    assert_eq!(search(&book, "54321"), ["P-4"]);
    assert_eq!(search(&book, "p-3"), ["P-3"]);
    assert!(search(&book, "nothing like this").is_empty());
    assert_eq!(search(&book, "   ").len(), 5, "a blank search is no search");
}

#[test]
fn filters_by_program_and_status_combine_with_search() {
    let book = registry();
    let q =
        |program: Option<&str>, status: Option<PartnerStatus>, search: Option<&str>| PartnerQuery {
            program: program.map(str::to_owned),
            status,
            search: search.map(str::to_owned),
            ..PartnerQuery::default()
        };
    assert_eq!(ids(&book, q(Some("bitrix24"), None, None)).0, 2);
    assert_eq!(ids(&book, q(None, Some(PartnerStatus::Active), None)).0, 3);
    assert_eq!(
        ids(
            &book,
            q(Some("bitrix24"), Some(PartnerStatus::Suspended), None)
        ),
        (1, vec!["P-2".into()])
    );
    assert_eq!(ids(&book, q(Some("quantower"), None, Some("ооо"))).0, 0);
    assert_eq!(
        ids(&book, q(None, Some(PartnerStatus::Terminated), Some("щук"))),
        (1, vec!["P-4".into()])
    );
    assert_eq!(ids(&book, q(Some("tele2-ats"), None, None)), (0, vec![]));
}

#[test]
fn sorts_by_name_id_and_status_both_ways() {
    let book = registry();
    let sorted = |sort: PartnerSort, descending: bool| {
        ids(
            &book,
            PartnerQuery {
                sort: Some(sort),
                descending: Some(descending),
                ..PartnerQuery::default()
            },
        )
        .1
    };
    assert_eq!(
        sorted(PartnerSort::Name, false),
        ["P-3", "P-4", "P-1", "P-2", "P-5"]
    );
    assert_eq!(
        sorted(PartnerSort::Name, true),
        ["P-5", "P-2", "P-1", "P-4", "P-3"]
    );
    assert_eq!(
        sorted(PartnerSort::Partner, true),
        ["P-5", "P-4", "P-3", "P-2", "P-1"]
    );
    let by_status = sorted(PartnerSort::Status, false);
    assert_eq!(
        &by_status[..3],
        ["P-1", "P-3", "P-5"],
        "active first, then by id"
    );
    // The default sort is by name.
    assert_eq!(
        ids(&book, PartnerQuery::default()).1,
        sorted(PartnerSort::Name, false)
    );
}

#[test]
fn sorting_by_clients_counts_current_bindings() {
    let book = registry();
    let p = program(&book, "bitrix24");
    for c in 0..3 {
        let id = add_client(&book, "bitrix24", &format!("C-{c}"), None, day(2025, 3, 1));
        let code = if c == 0 { "ALFA0001" } else { "BETA0002" };
        attempt(&book, &p, id, code, Channel::Link, day(2025, 3, 1));
    }
    let page = partner_page(
        book.db(),
        &PartnerQuery {
            sort: Some(PartnerSort::Clients),
            descending: Some(true),
            ..PartnerQuery::default()
        },
    )
    .expect("page");
    let top: Vec<(&str, u32)> = page
        .rows
        .iter()
        .take(2)
        .map(|r| (r.partner.as_str(), r.clients))
        .collect();
    assert_eq!(top, [("P-2", 2), ("P-1", 1)]);
}

#[test]
fn pages_report_the_total_over_all_pages() {
    let book = registry();
    let page = |offset: u32, limit: u32| {
        ids(
            &book,
            PartnerQuery {
                offset: Some(offset),
                limit: Some(limit),
                sort: Some(PartnerSort::Partner),
                ..PartnerQuery::default()
            },
        )
    };
    assert_eq!(page(0, 2), (5, vec!["P-1".into(), "P-2".into()]));
    assert_eq!(page(2, 2), (5, vec!["P-3".into(), "P-4".into()]));
    assert_eq!(page(4, 2), (5, vec!["P-5".into()]));
    assert_eq!(page(10, 2), (5, vec![]));
    let filtered = partner_page(
        book.db(),
        &PartnerQuery {
            program: s("bitrix24"),
            limit: Some(1),
            offset: Some(1),
            ..PartnerQuery::default()
        },
    )
    .expect("page");
    assert_eq!(
        (filtered.total, filtered.offset, filtered.rows.len()),
        (2, 1, 1)
    );
}

#[test]
fn a_row_shows_what_the_table_needs() {
    let book = registry();
    let rows = partners_of(book.db(), Some("ciawifi")).expect("rows");
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r.partner, "P-4");
    assert_eq!(r.name, "ИП Щукин Иван");
    assert_eq!(r.inn.as_deref(), Some(INN_PERSON));
    assert_eq!(r.code.as_deref(), Some("54321"));
    assert_eq!(r.status, PartnerStatus::Terminated);
    assert_eq!(r.clients, 0);
    let all: Vec<String> = partners_of(book.db(), None)
        .expect("rows")
        .into_iter()
        .map(|r| r.partner)
        .collect();
    assert_eq!(all, ["P-1", "P-2", "P-3", "P-4", "P-5"]);
}
