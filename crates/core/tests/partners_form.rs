//! `partners::create_partner`: every field checked, each problem naming its field with a
//! stable code; codes issued or generated; nothing saved when anything is wrong.

mod common;

use std::collections::HashSet;

use common::*;
use partnerbook_core::partners::{
    create_partner, find_partner, partner_card, partner_page, PartnerInput, PartnerKind,
    PartnerQuery, PartnerStatus,
};
use partnerbook_core::store::Book;
use partnerbook_core::{Error, ErrorDto, Lang, Problem};

/// Tries to create the partner right on the connection (no transaction around it).
fn create(book: &Book, input: PartnerInput) -> Result<partnerbook_core::partners::Partner, Error> {
    create_partner(book.db(), &actor(), input)
}

fn problems(result: Result<partnerbook_core::partners::Partner, Error>) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(problems)) => problems,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// `(field, code)` of each problem.
fn fields(problems: &[Problem]) -> Vec<(&'static str, &'static str)> {
    problems
        .iter()
        .map(|p| (p.field.unwrap_or("-"), p.code))
        .collect()
}

fn nothing_saved(book: &Book) {
    let page = partner_page(book.db(), &PartnerQuery::default()).expect("page");
    assert_eq!(page.total, 0, "{:?}", page.rows);
}

/// A partner registered long ago, entered without a status date, has been active since
/// its registration (not since the day it was typed in).
#[test]
fn an_active_partner_without_a_status_date_is_active_since_its_registration() {
    let book = book();
    let input = PartnerInput {
        registered: s("16.08.2024"),
        ..ooo("P-1", "bitrix24", INN_SBER, "ALFA0001")
    };
    let p = create(&book, input).expect("valid");
    assert_eq!(p.registered, "2024-08-16");
    assert_eq!(p.status_since, "2024-08-16");
    let terminated = create(
        &book,
        PartnerInput {
            registered: s("16.08.2024"),
            status: s("terminated"),
            ..ooo("P-2", "bitrix24", INN_YANDEX, "BETA0001")
        },
    )
    .expect("valid");
    assert_eq!(
        terminated.status_since, "2025-01-10",
        "another status: as of today"
    );
}

#[test]
fn a_valid_partner_is_saved_with_its_code_and_defaults() {
    let book = book();
    let input = PartnerInput {
        ogrn: s("1027700132195"),
        bik: s("044525225"),
        account: s("40702810238720001420"),
        contract_no: s("Д-17"),
        contract_date: s("15.01.2025"),
        email: s("alfa@example.ru"),
        vat_payer: s("да"),
        vat_rate: s("22"),
        ..ooo("P-1", "bitrix24", INN_SBER, "ALFA0001")
    };
    let p = create(&book, input).expect("valid");
    assert_eq!(p.kind, PartnerKind::Ooo);
    assert_eq!(p.status, PartnerStatus::Active);
    assert_eq!(p.status_since, "2025-01-10", "the actor's day");
    assert_eq!(p.registered, "2025-01-10", "default: today");
    assert_eq!(p.contract_date.as_deref(), Some("2025-01-15"));
    assert!(p.vat_payer);
    assert_eq!(p.vat_rate.as_deref(), Some("22"));
    let stored = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("stored");
    assert_eq!(stored, p);
    let card = partner_card(book.db(), "P-1", Lang::Ru).expect("card");
    assert_eq!(card.codes.len(), 1);
    assert_eq!(
        (card.codes[0].code.as_str(), card.codes[0].issued.as_str()),
        ("ALFA0001", "2025-01-10")
    );
    assert_eq!(card.history.len(), 1);
    assert_eq!(
        (
            card.history[0].action.as_str(),
            card.history[0].operator.as_str()
        ),
        ("create", "tester")
    );
    assert_eq!(card.history[0].at, "2025-01-10 10:30:00");
}

#[test]
fn a_wrong_inn_check_digit_is_a_problem_of_the_inn_field() {
    let book = book();
    let found = problems(create(
        &book,
        ooo("P-1", "bitrix24", "7707083894", "ALFA0001"),
    ));
    assert_eq!(fields(&found), [("inn", "inn_checksum")]);
    assert_eq!(found[0].text.ru, "неверное контрольное число");
    assert_eq!(found[0].text.en, "wrong check digit");
    nothing_saved(&book);
    let dto = ErrorDto::new(&Error::Invalid(found), Lang::Ru);
    assert_eq!(dto.code, "invalid");
    assert_eq!(dto.problems[0].field.as_deref(), Some("inn"));
    assert_eq!(dto.problems[0].code, "inn_checksum");
}

#[test]
fn a_legal_entity_needs_a_kpp_and_a_ten_digit_inn() {
    let book = book();
    let no_kpp = PartnerInput {
        kpp: None,
        ..ooo("P-1", "bitrix24", INN_SBER, "ALFA0001")
    };
    let found = problems(create(&book, no_kpp));
    assert_eq!(fields(&found), [("kpp", "required")]);
    assert_eq!(found[0].text.ru, "обязательное поле не заполнено");
    let twelve = ooo("P-1", "bitrix24", INN_PERSON, "ALFA0001");
    assert_eq!(
        fields(&problems(create(&book, twelve))),
        [("inn", "inn_length")]
    );
    let no_inn = PartnerInput {
        inn: None,
        ..ooo("P-1", "bitrix24", INN_SBER, "ALFA0001")
    };
    assert_eq!(
        fields(&problems(create(&book, no_inn))),
        [("inn", "required")]
    );
    nothing_saved(&book);
}

#[test]
fn bitrix24_does_not_admit_a_natural_person() {
    let book = book();
    let person = PartnerInput {
        kind: s("person"),
        kpp: None,
        ..ooo("P-1", "bitrix24", INN_PERSON, "ALFA0001")
    };
    let found = problems(create(&book, person.clone()));
    assert_eq!(fields(&found), [("kind", "kind_not_admitted")]);
    assert_eq!(
        found[0].text.ru,
        "программа bitrix24 не принимает партнёров этого типа"
    );
    // The same person is welcome in quantower; an ИП in bitrix24.
    create(
        &book,
        PartnerInput {
            program: s("quantower"),
            ..person.clone()
        },
    )
    .expect("quantower");
    create(
        &book,
        PartnerInput {
            partner_id: s("P-2"),
            kind: s("ip"),
            ..person
        },
    )
    .expect("ИП");
}

#[test]
fn ciawifi_needs_the_reward_rate_and_a_sensible_one() {
    let book = book();
    let found = problems(create(&book, foreign("P-1", "ciawifi", "")));
    assert_eq!(fields(&found), [("rate", "rate_required")]);
    assert_eq!(
        found[0].text.ru,
        "программа требует ставку вознаграждения в договоре партнёра"
    );
    for bad in ["0", "150", "-5"] {
        let input = PartnerInput {
            rate: s(bad),
            ..foreign("P-1", "ciawifi", "")
        };
        assert_eq!(
            fields(&problems(create(&book, input))),
            [("rate", "percent_range")],
            "{bad}"
        );
    }
    let input = PartnerInput {
        rate: s("abc"),
        ..foreign("P-1", "ciawifi", "")
    };
    assert_eq!(
        fields(&problems(create(&book, input))),
        [("rate", "bad_amount")]
    );
    nothing_saved(&book);
    let p = create(
        &book,
        PartnerInput {
            rate: s("12,5"),
            ..foreign("P-1", "ciawifi", "")
        },
    )
    .expect("ok");
    assert_eq!(p.rate.as_deref(), Some("12.5"));
}

#[test]
fn bank_details_are_checked_with_the_control_key() {
    let book = book();
    let with = |bik: Option<&str>, account: Option<&str>| PartnerInput {
        bik: bik.map(str::to_owned),
        account: account.map(str::to_owned),
        ..foreign("P-1", "quantower", "Q1")
    };
    let found = problems(create(&book, with(Some("144525225"), None)));
    assert_eq!(fields(&found), [("bik", "bik_format")]);
    assert_eq!(found[0].text.ru, "должен начинаться с 04 — кода России");
    let found = problems(create(
        &book,
        with(Some("044525700"), Some("40702810238720001420")),
    ));
    assert_eq!(fields(&found), [("account", "account_checksum")]);
    assert_eq!(
        found[0].text.ru,
        "не сходится с БИК 044525700 по контрольному ключу"
    );
    let found = problems(create(&book, with(None, Some("40702810238720001420"))));
    assert_eq!(fields(&found), [("bik", "bik_required")]);
    nothing_saved(&book);
    create(&book, with(Some("044525225"), Some("40702810238720001420"))).expect("valid pair");
}

#[test]
fn every_problem_of_a_form_is_listed_at_once() {
    let book = book();
    let input = PartnerInput {
        partner_id: s("P-1"),
        program: s("bitrix24"),
        name: None,
        kind: s("ooo"),
        inn: s("7707083894"),
        kpp: s("7736010"),
        ogrn: s("304500116000157"),
        vat_payer: s("наверное"),
        email: s("not-an-email"),
        contract_date: s("32.01.2025"),
        status: s("sleeping"),
        ..PartnerInput::default()
    };
    let found = fields(&problems(create(&book, input)));
    for expected in [
        ("name", "required"),
        ("inn", "inn_checksum"),
        ("kpp", "kpp_length"),
        ("ogrn", "ogrn_kind"),
        ("vat_payer", "bad_yes_no"),
        ("email", "bad_email"),
        ("contract_date", "bad_date"),
        ("status", "bad_status"),
    ] {
        assert!(
            found.contains(&expected),
            "{expected:?} missing from {found:?}"
        );
    }
    nothing_saved(&book);
}

#[test]
fn required_fields_unknown_program_and_unknown_kind() {
    let book = book();
    let found = fields(&problems(create(&book, PartnerInput::default())));
    for key in ["partner_id", "program", "name", "kind"] {
        assert!(found.contains(&(key, "required")), "{key}: {found:?}");
    }
    let found = fields(&problems(create(&book, foreign("P-1", "nosuch", "X"))));
    assert_eq!(found, [("program", "unknown_program")]);
    let input = PartnerInput {
        kind: s("martian"),
        ..foreign("P-1", "quantower", "X")
    };
    assert_eq!(
        fields(&problems(create(&book, input))),
        [("kind", "bad_kind")]
    );
    let input = PartnerInput {
        vat_payer: s("yes"),
        ..foreign("P-1", "quantower", "X")
    };
    assert_eq!(
        fields(&problems(create(&book, input))),
        [("vat_rate", "vat_rate_required")]
    );
}

#[test]
fn an_atlantys_partner_has_a_kazakh_bin_and_no_kpp() {
    let book = book();
    create(&book, kz_partner("P-1", BIN_HALYK, "ASEL25")).expect("a БИН, no КПП");
    let found = problems(create(&book, kz_partner("P-2", INN_SBER, "BOLAT25")));
    assert_eq!(fields(&found), [("inn", "kz_iin_length")]);
    let found = problems(create(&book, kz_partner("P-2", "940140000386", "BOLAT25")));
    assert_eq!(fields(&found), [("inn", "kz_iin_checksum")]);
}

#[test]
fn an_empty_ciawifi_code_is_generated_five_digits_and_unique() {
    let mut book = book();
    let mut codes = HashSet::new();
    for i in 0..40 {
        let p = add_partner(&mut book, ciawifi_partner(&format!("P-{i}"), ""));
        let code = p.code.expect("generated");
        assert_eq!(code.len(), 5, "{code}");
        assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
        assert!(!code.starts_with('0'), "{code}");
        assert!(codes.insert(code.clone()), "{code} issued twice");
        let card = partner_card(book.db(), &format!("P-{i}"), Lang::Ru).expect("card");
        assert_eq!(card.codes[0].code, code);
    }
}

#[test]
fn generated_codes_of_other_programs_follow_their_format() {
    let mut book = book();
    let tele2 = add_partner(&mut book, ooo("P-T", "tele2-ats", INN_SBER, ""))
        .code
        .expect("code");
    assert!(
        tele2.len() == 9 && tele2.bytes().all(|b| b.is_ascii_hexdigit()),
        "{tele2}"
    );
    let b24 = add_partner(&mut book, ooo("P-B", "bitrix24", INN_SBER, ""))
        .code
        .expect("code");
    assert!(
        b24.len() == 8 && b24.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{b24}"
    );
}

#[test]
fn a_ciawifi_code_must_be_exactly_five_digits() {
    let book = book();
    for bad in ["1234", "123456", "12a45"] {
        let found = problems(create(&book, ciawifi_partner("P-1", bad)));
        assert_eq!(fields(&found), [("code", "code_format")], "{bad}");
    }
    let found = problems(create(&book, ciawifi_partner("P-1", "1234")));
    assert_eq!(
        found[0].text.ru,
        "код программы — ровно 5 цифр, а не «1234»"
    );
}

#[test]
fn a_code_already_held_is_refused_as_code_taken_even_in_another_case() {
    let mut book = book();
    add_partner(&mut book, foreign("P-1", "quantower", "SAME01"));
    for code in ["SAME01", "same01"] {
        let found = problems(create(&book, foreign("P-2", "quantower", code)));
        assert_eq!(fields(&found), [("code", "code_taken")], "{code}");
        assert_eq!(
            found[0].text.ru,
            format!("код «{code}» уже выдан партнёру P-1")
        );
    }
    // Codes are unique per program: another program may use the same code.
    add_partner(&mut book, foreign("P-3", "atlantys", "SAME01"));
    let page = partner_page(book.db(), &PartnerQuery::default()).expect("page");
    assert_eq!(page.total, 2);
}

#[test]
fn a_partner_id_is_unique_in_the_book() {
    let mut book = book();
    add_partner(&mut book, foreign("P-1", "quantower", "Q1"));
    let found = problems(create(&book, foreign("P-1", "atlantys", "A1")));
    assert_eq!(fields(&found), [("partner_id", "partner_exists")]);
    assert_eq!(found[0].text.ru, "партнёр «P-1» уже есть в книге");
}

#[test]
fn a_refused_form_issues_no_code() {
    let book = book();
    let bad = PartnerInput {
        inn: s("7707083894"),
        ..ooo("P-1", "bitrix24", INN_SBER, "KEEP0001")
    };
    problems(create(&book, bad));
    nothing_saved(&book);
    // The code was not issued: the corrected form gets it.
    let p = create(&book, ooo("P-1", "bitrix24", INN_SBER, "KEEP0001")).expect("corrected");
    assert_eq!(p.code.as_deref(), Some("KEEP0001"));
}
