//! Replay is the oracle: the demo book's year of billing (every program, promo codes,
//! moved bindings, refunds, terminated partners) replayed by what-if under the rules
//! that were in force gives exactly what the imports accrued, for every partner.

use chrono::NaiveDate;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::ledger::{balances, whatif, WhatIfRequest};
use partnerbook_core::programs::{load_program, load_programs};
use partnerbook_core::store::Book;

#[test]
fn every_version_of_every_program_replays_to_what_the_book_holds() {
    let mut book = Book::open_in_memory().expect("book");
    let now = NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a date");
    fill_demo(&mut book, &Actor::new("demo", now)).expect("the demo book");
    let before = balances(book.db(), now.date(), None).expect("balances");
    let mut replayed = 0;
    for summary in load_programs(book.db()).expect("programs") {
        let program = load_program(book.db(), &summary.id).expect("program");
        for (i, version) in program.versions.iter().enumerate() {
            let to = program
                .versions
                .get(i + 1)
                .and_then(|next| next.effective_from.pred_opt());
            let request = WhatIfRequest {
                program: program.id.clone(),
                from: version.effective_from,
                to,
                rules: version.rules.clone(),
            };
            let report = whatif(book.db(), &request).expect("what-if runs");
            replayed += report.payments;
            for row in &report.rows {
                assert_eq!(
                    row.difference, "0.00",
                    "{} from {}: {row:?}",
                    program.id, version.effective_from
                );
            }
            assert!(report.discounts.is_empty(), "{:?}", report.discounts);
            assert_eq!(report.partners_changed(), 0);
        }
    }
    assert!(
        replayed > 1_000,
        "the demo's billing was replayed: {replayed}"
    );
    let after = balances(book.db(), now.date(), None).expect("balances");
    assert_eq!(before, after, "what-if changes nothing");
}

#[test]
fn tele2_ats_shows_the_discount_periods_a_change_would_add_and_remove() {
    let mut book = Book::open_in_memory().expect("book");
    let now = NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a date");
    fill_demo(&mut book, &Actor::new("demo", now)).expect("the demo book");
    let program = load_program(book.db(), "tele2-ats").expect("tele2-ats");
    let first = &program.versions[0];
    let mut rules = first.rules.clone();
    let discounts = rules.discounts.as_mut().expect("tele2-ats gives discounts");
    discounts.invitee_percent = rust_decimal::Decimal::from(25);
    let report = whatif(
        book.db(),
        &WhatIfRequest {
            program: "tele2-ats".into(),
            from: first.effective_from,
            to: None,
            rules,
        },
    )
    .expect("what-if runs");
    use partnerbook_core::ledger::Change;
    let added: Vec<_> = report
        .discounts
        .iter()
        .filter(|d| d.change == Change::Added)
        .collect();
    let removed: Vec<_> = report
        .discounts
        .iter()
        .filter(|d| d.change == Change::Removed)
        .collect();
    assert!(!added.is_empty(), "{:?}", report.discounts);
    assert_eq!(added.len(), removed.len(), "each invitee's period changes");
    assert!(added
        .iter()
        .all(|d| d.period.percent == Some(rust_decimal::Decimal::from(25))));
    assert!(removed
        .iter()
        .all(|d| d.period.percent == Some(rust_decimal::Decimal::from(20))));
    assert!(report.rows.is_empty(), "tele2-ats accrues no money");
}
