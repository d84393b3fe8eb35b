//! Every read the app's screens make answers on the demo book — whichever engine the test
//! books are on (`PARTNERBOOK_TEST_ENGINE=postgres` puts them on a server): the tables,
//! the cards, the accruals, the acts and their deadlines, Сводка, the chart per month,
//! the payout register, a statement and an export.

use chrono::{Datelike, NaiveDate};
use partnerbook_core::acts::{
    act_document, acts_page, deadlines, get_act, payout_register, register_file, statement_file,
    ActQuery, RegisterFormat,
};
use partnerbook_core::audit::Actor;
use partnerbook_core::clients::{client_card, client_page, ClientQuery};
use partnerbook_core::demo::fill_demo;
use partnerbook_core::discounts::{discount_history, discount_schedule, invited_clients};
use partnerbook_core::exports::{export_table, ExportRequest, TableQuery};
use partnerbook_core::import::import_history;
use partnerbook_core::ledger::{
    balances, monthly_accruals, partner_ledger, unearned_page, UnearnedQuery,
};
use partnerbook_core::overview::overview;
use partnerbook_core::partners::{partner_card, partner_page, PartnerQuery};
use partnerbook_core::programs::{load_program, load_programs};
use partnerbook_core::store::Book;
use partnerbook_core::vendor::vendor;
use partnerbook_core::Lang;

#[test]
fn every_screen_reads_the_demo_book() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a day");
    let now = today.and_hms_opt(12, 0, 0).expect("a time");
    let mut book = Book::open_in_memory().expect("a book");
    fill_demo(&mut book, &Actor::new("demo", now)).expect("the demo");
    let db = book.db();

    let programs = load_programs(db).expect("programs");
    assert_eq!(programs.len(), 5);
    for p in &programs {
        load_program(db, &p.id).expect("a program's versions");
    }
    vendor(db).expect("the vendor");

    let partners = partner_page(
        db,
        &PartnerQuery {
            limit: Some(50),
            ..PartnerQuery::default()
        },
    )
    .expect("partners");
    assert_eq!(partners.total, 60);
    let partner = &partners.rows[0].partner;
    partner_card(db, partner, Lang::Ru).expect("a partner's card");
    let clients = client_page(
        db,
        &ClientQuery {
            limit: Some(50),
            ..ClientQuery::default()
        },
    )
    .expect("clients");
    assert!(clients.total > 500, "{}", clients.total);
    let client = &clients.rows[0];
    client_card(db, &client.program, &client.client, Lang::Ru).expect("a client's card");

    let tele2 = partner_page(
        db,
        &PartnerQuery {
            program: Some("tele2-ats".into()),
            limit: Some(1),
            ..PartnerQuery::default()
        },
    )
    .expect("tele2 partners");
    let inviter = &tele2.rows[0].partner;
    discount_history(db, inviter).expect("a discount history");
    invited_clients(db, inviter).expect("invited clients");
    assert!(!discount_schedule(db, None)
        .expect("the schedule")
        .is_empty());

    assert!(!import_history(db).expect("the imports").is_empty());
    let rows = balances(db, today, None).expect("balances");
    assert_eq!(rows.len(), 60);
    let bitrix = balances(db, today, Some("bitrix24")).expect("one program's balances");
    assert!(bitrix.iter().all(|r| r.program == "bitrix24") && !bitrix.is_empty());
    partner_ledger(db, partner, today, Lang::Ru).expect("a partner's ledger");
    let unearned = unearned_page(db, &UnearnedQuery::default(), Lang::Ru).expect("unearned");
    assert!(unearned.total > 0);
    let months = monthly_accruals(db).expect("accruals per month");
    assert!(!months.is_empty());
    assert!(months.iter().all(|m| !m.unit.is_empty()), "{months:?}");

    let acts = acts_page(db, &ActQuery::default(), today).expect("acts");
    assert!(acts.total > 0);
    act_document(db, &get_act(db, &acts.rows[0].act).expect("an act")).expect("its paper");
    deadlines(db, today).expect("deadlines");
    let summary = overview(db, today).expect("Сводка");
    assert_eq!(summary.as_of, "2026-11-21");
    let month = format!("{}-{:02}", today.year(), today.month());
    payout_register(db, &month, today).expect("the payout register");
    register_file(db, &month, RegisterFormat::Xlsx, now).expect("the register's file");
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day");
    statement_file(db, partner, from, today, today).expect("a statement");
    let request = ExportRequest {
        lang: Lang::Ru,
        table: TableQuery::Acts {
            query: ActQuery::default(),
        },
    };
    export_table(db, &request, today).expect("the acts exported");
}
