//! `partners::update_partner`: a new code retires the old one for good, a new status
//! starts that day, every change is in the audit history, the program cannot change.

mod common;

use common::*;
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::{
    create_partner, find_partner, partner_card, update_partner, Partner, PartnerInput,
    PartnerStatus,
};
use partnerbook_core::store::Book;
use partnerbook_core::{Error, Lang, Problem};

fn later() -> Actor {
    Actor::new("anna", at(2025, 2, 1))
}

fn update(book: &mut Book, actor: &Actor, id: &str, input: PartnerInput) -> Result<Partner, Error> {
    book.write(|tx| update_partner(tx, actor, id, input))
}

fn problems(result: Result<Partner, Error>) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(problems)) => problems,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn fields(problems: &[Problem]) -> Vec<(&'static str, &'static str)> {
    problems
        .iter()
        .map(|p| (p.field.unwrap_or("-"), p.code))
        .collect()
}

fn base() -> PartnerInput {
    ooo("P-1", "bitrix24", INN_SBER, "ALFA0001")
}

fn with_one(book: &mut Book) {
    add_partner(book, base());
}

#[test]
fn a_new_code_retires_the_old_one_which_is_never_issued_again() {
    let mut book = book();
    with_one(&mut book);
    let p = update(
        &mut book,
        &later(),
        "P-1",
        PartnerInput {
            code: s("ALFA0002"),
            ..base()
        },
    )
    .expect("ok");
    assert_eq!(p.code.as_deref(), Some("ALFA0002"));
    let card = partner_card(book.db(), "P-1", Lang::Ru).expect("card");
    let codes: Vec<(&str, &str, Option<&str>)> = card
        .codes
        .iter()
        .map(|c| (c.code.as_str(), c.issued.as_str(), c.retired.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("ALFA0001", "2025-01-10", Some("2025-02-01")),
            ("ALFA0002", "2025-02-01", None)
        ]
    );
    // Another partner cannot get the old code, neither on creation nor by editing.
    let found = problems(create_partner(
        book.db(),
        &later(),
        ooo("P-2", "bitrix24", INN_YANDEX, "ALFA0001"),
    ));
    assert_eq!(fields(&found), [("code", "code_retired")]);
    assert_eq!(
        found[0].text.ru,
        "код «ALFA0001» уже использовался (партнёр P-1) и повторно не выдаётся"
    );
    add_partner(&mut book, ooo("P-2", "bitrix24", INN_YANDEX, "BETA0001"));
    let found = problems(update(
        &mut book,
        &later(),
        "P-2",
        ooo("P-2", "bitrix24", INN_YANDEX, "alfa0001"),
    ));
    assert_eq!(fields(&found), [("code", "code_retired")]);
    // ... nor the current code of another partner.
    let found = problems(update(
        &mut book,
        &later(),
        "P-2",
        ooo("P-2", "bitrix24", INN_YANDEX, "ALFA0002"),
    ));
    assert_eq!(fields(&found), [("code", "code_taken")]);
    assert_eq!(
        find_partner(book.db(), "P-2")
            .expect("read")
            .expect("there")
            .code
            .as_deref(),
        Some("BETA0001")
    );
}

#[test]
fn a_partner_cannot_take_back_its_own_retired_code() {
    let mut book = book();
    with_one(&mut book);
    update(
        &mut book,
        &later(),
        "P-1",
        PartnerInput {
            code: s("ALFA0002"),
            ..base()
        },
    )
    .expect("ok");
    let result = update(&mut book, &later(), "P-1", base());
    assert_eq!(fields(&problems(result)), [("code", "code_retired")]);
}

#[test]
fn a_status_change_starts_that_day_and_other_edits_keep_the_date() {
    let mut book = book();
    with_one(&mut book);
    let p = update(
        &mut book,
        &later(),
        "P-1",
        PartnerInput {
            status: s("suspended"),
            ..base()
        },
    )
    .expect("ok");
    assert_eq!(
        (p.status, p.status_since.as_str()),
        (PartnerStatus::Suspended, "2025-02-01")
    );
    let even_later = Actor::new("anna", at(2025, 3, 15));
    let input = PartnerInput {
        status: s("suspended"),
        address: s("Москва, ул. Ленина, 1"),
        ..base()
    };
    let p = update(&mut book, &even_later, "P-1", input).expect("ok");
    assert_eq!(p.status_since, "2025-02-01", "the status did not change");
    assert_eq!(
        p.registered, "2025-01-10",
        "kept when the form leaves it empty"
    );
    let stored = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("there");
    assert_eq!(stored, p);
}

#[test]
fn the_audit_history_records_who_changed_what_and_when() {
    let mut book = book();
    with_one(&mut book);
    let input = PartnerInput {
        name: s("ООО «Альфа-Плюс»"),
        status: s("terminated"),
        ..base()
    };
    update(&mut book, &later(), "P-1", input).expect("ok");
    let history = partner_card(book.db(), "P-1", Lang::Ru)
        .expect("card")
        .history;
    assert_eq!(history.len(), 2, "{history:?}");
    let last = &history[0];
    assert_eq!(
        (
            last.action.as_str(),
            last.operator.as_str(),
            last.at.as_str()
        ),
        ("update", "anna", "2025-02-01 10:30:00")
    );
    let detail = last.detail.as_deref().expect("a diff");
    assert!(
        detail.contains("name: ООО «Партнёр P-1» → ООО «Альфа-Плюс»"),
        "{detail}"
    );
    assert!(detail.contains("status: active → terminated"), "{detail}");
    assert!(
        !detail.contains("inn"),
        "unchanged fields are not listed: {detail}"
    );
    assert_eq!(history[1].action, "create");
}

#[test]
fn saving_an_unchanged_form_changes_nothing() {
    let mut book = book();
    with_one(&mut book);
    let before = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("there");
    let p = update(&mut book, &later(), "P-1", base()).expect("ok");
    assert_eq!(p, before);
    assert_eq!(
        partner_card(book.db(), "P-1", Lang::Ru)
            .expect("card")
            .history
            .len(),
        1
    );
}

#[test]
fn a_partner_cannot_move_to_another_program() {
    let mut book = book();
    with_one(&mut book);
    let input = PartnerInput {
        program: s("quantower"),
        ..base()
    };
    let found = problems(update(&mut book, &later(), "P-1", input));
    assert_eq!(fields(&found), [("program", "program_change")]);
    assert_eq!(
        found[0].text.ru,
        "партнёра нельзя перевести в другую программу: заведите нового"
    );
    assert_eq!(
        find_partner(book.db(), "P-1")
            .expect("read")
            .expect("there")
            .program,
        "bitrix24"
    );
}

#[test]
fn an_invalid_edit_changes_nothing() {
    let mut book = book();
    with_one(&mut book);
    let before = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("there");
    let input = PartnerInput {
        inn: s("7707083894"),
        code: s("ALFA0003"),
        ..base()
    };
    let found = problems(update(&mut book, &later(), "P-1", input));
    assert_eq!(fields(&found), [("inn", "inn_checksum")]);
    assert_eq!(
        find_partner(book.db(), "P-1")
            .expect("read")
            .expect("there"),
        before
    );
    let card = partner_card(book.db(), "P-1", Lang::Ru).expect("card");
    assert_eq!(card.codes.len(), 1, "ALFA0003 was not issued");
}

#[test]
fn editing_a_partner_not_in_the_book_is_not_found() {
    let mut book = book();
    let err = update(&mut book, &later(), "P-404", base()).expect_err("no such partner");
    assert_eq!(err.code(), "not_found");
    assert_eq!(err.message(Lang::Ru), "нет партнёра «P-404»");
}

#[test]
fn a_new_status_sent_with_the_old_status_date_starts_today() {
    let mut book = book();
    with_one(&mut book);
    let old = partner_card(book.db(), "P-1", Lang::Ru)
        .expect("card")
        .partner;
    // The edit form sends every field back, the old status's date included.
    let p = update(
        &mut book,
        &later(),
        "P-1",
        PartnerInput {
            status: s("terminated"),
            status_since: Some(old.status_since.clone()),
            ..base()
        },
    )
    .expect("terminated");
    assert_eq!(p.status.key(), "terminated");
    assert_eq!(p.status_since, "2025-02-01");
    // A date of its own is kept.
    let p = update(
        &mut book,
        &later(),
        "P-1",
        PartnerInput {
            status: s("suspended"),
            status_since: s("2025-01-20"),
            ..base()
        },
    )
    .expect("suspended");
    assert_eq!(
        (p.status.key(), p.status_since.as_str()),
        ("suspended", "2025-01-20")
    );
}
