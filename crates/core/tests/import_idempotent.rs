//! Re-importing a file changes nothing; the same key with other content is a conflict;
//! a clients file records bindings and refusals as the programs' rules decide.

mod common;

use common::*;
use partnerbook_core::clients::Outcome;
use partnerbook_core::import::ImportKind;
use partnerbook_core::partners::{find_partner, PartnerKind, PartnerStatus};

#[test]
fn a_partners_file_goes_in_whole_with_every_column_read() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_ok.csv");
    assert!(report.committed, "{:?}", report.problems);
    assert!(report.import_id.is_some());
    assert_eq!(
        (report.rows, report.added, report.unchanged, report.refused),
        (6, 6, 0, 0)
    );
    assert_eq!(report.encoding, "UTF-8");
    let p1 = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("there");
    assert_eq!(p1.name, "ООО «Альфа»");
    assert_eq!(p1.kind, PartnerKind::Ooo);
    assert_eq!(
        (p1.inn.as_deref(), p1.kpp.as_deref()),
        (Some(INN_SBER), Some(KPP))
    );
    assert_eq!(p1.ogrn.as_deref(), Some("1027700132195"));
    assert!(p1.vat_payer);
    assert_eq!(p1.vat_rate.as_deref(), Some("22"));
    assert_eq!(p1.code.as_deref(), Some("ALFA2025"));
    assert_eq!(p1.contract_no.as_deref(), Some("Д-1"));
    assert_eq!(p1.contract_date.as_deref(), Some("2025-01-15"));
    assert_eq!(p1.registered, "2025-01-10");
    assert_eq!(p1.bik.as_deref(), Some("044525225"));
    assert_eq!(p1.email.as_deref(), Some("alfa@example.ru"));
    let p3 = find_partner(book.db(), "P-3")
        .expect("read")
        .expect("there");
    assert_eq!(p3.rate.as_deref(), Some("15"));
    assert_eq!(
        p3.contract_date.as_deref(),
        Some("2025-02-20"),
        "DD.MM.YYYY read"
    );
    let p4 = find_partner(book.db(), "P-4")
        .expect("read")
        .expect("there");
    assert_eq!(p4.status, PartnerStatus::Suspended);
    assert_eq!(p4.kind, PartnerKind::Foreign);
}

#[test]
fn importing_the_same_partners_again_reports_every_row_unchanged() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let before = find_partner(book.db(), "P-1").expect("read");
    let again = import_partners(&mut book, "partners_ok.csv");
    assert!(again.committed, "{:?}", again.problems);
    assert_eq!((again.rows, again.added, again.unchanged), (6, 0, 6));
    assert_eq!(find_partner(book.db(), "P-1").expect("read"), before);
    assert_eq!(counts(&book)[0], 6);
}

#[test]
fn the_same_partner_id_with_other_content_is_a_conflict() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let report = import_partners(&mut book, "partners_conflict.csv");
    assert!(!report.committed);
    assert_eq!(
        placed(&report),
        [(Some(2), Some("name".into()), "conflict".into())]
    );
    assert_eq!(
        report.problems[0].message,
        "партнёр «P-1» уже есть в книге с другим значением; измените его в карточке"
    );
    let p1 = find_partner(book.db(), "P-1")
        .expect("read")
        .expect("there");
    assert_eq!(p1.name, "ООО «Альфа»");
}

#[test]
fn a_partner_twice_in_one_file_with_other_content_is_a_conflict() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("twice.csv");
    std::fs::write(
        &path,
        "partner_id,program,name,kind,code\nP-1,quantower,One Ltd,foreign,Q1\nP-1,quantower,Other Ltd,foreign,Q1\n",
    )
    .expect("write");
    let mut book = book();
    let report = import(&mut book, ImportKind::Partners, &path, false);
    assert_eq!(
        placed(&report),
        [(Some(3), Some("name".into()), "conflict".into())]
    );
    assert_eq!(counts(&book), [0, 0, 0]);
}

#[test]
fn a_clients_file_binds_moves_and_records_refusals() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let report = import_clients(&mut book, "clients_ok.csv");
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!(
        (report.rows, report.added, report.unchanged, report.refused),
        (6, 4, 0, 2)
    );
    assert_eq!(
        history(&book, "bitrix24", "B-100"),
        vec![
            ("P-1".into(), "2025-03-01".into(), Some("2025-04-01".into())),
            ("P-2".into(), "2025-04-01".into(), None),
        ]
    );
    let b200 = card(&book, "bitrix24", "B-200");
    assert_eq!(b200.client.partner, None);
    assert_eq!(b200.events[0].outcome, Outcome::Refused);
    assert_eq!(
        b200.events[0].reason_code.as_deref(),
        Some("not_at_registration")
    );
    assert_eq!(card(&book, "bitrix24", "B-300").events.len(), 0);
    assert_eq!(
        current_partner(&book, "ciawifi", "W-1").as_deref(),
        Some("P-3")
    );
    let t1 = card(&book, "tele2-ats", "T-1");
    assert_eq!(
        t1.events[0].reason_code.as_deref(),
        Some("invite_window_passed")
    );
    assert_eq!(t1.client.name.as_deref(), Some("ООО «АТС-Клиент»"));
}

#[test]
fn importing_the_same_clients_again_changes_nothing() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    import_clients(&mut book, "clients_ok.csv");
    let before: Vec<_> = ["B-100", "B-200", "B-300"]
        .map(|c| card(&book, "bitrix24", c))
        .into();
    let again = import_clients(&mut book, "clients_ok.csv");
    assert!(again.committed, "{:?}", again.problems);
    assert_eq!(
        (again.rows, again.added, again.unchanged, again.refused),
        (6, 0, 6, 0)
    );
    let after: Vec<_> = ["B-100", "B-200", "B-300"]
        .map(|c| card(&book, "bitrix24", c))
        .into();
    assert_eq!(before, after);
}

#[test]
fn a_client_with_another_name_than_the_books_is_a_conflict() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    import_clients(&mut book, "clients_ok.csv");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("renamed.csv");
    std::fs::write(
        &path,
        "client_id,program,name,registered\nB-300,bitrix24,ООО «Другое»,2025-03-07\n",
    )
    .expect("write");
    let report = import(&mut book, ImportKind::Clients, &path, false);
    assert_eq!(
        placed(&report),
        [(Some(2), Some("name".into()), "conflict".into())]
    );
    assert_eq!(
        card(&book, "bitrix24", "B-300").client.name.as_deref(),
        Some("ООО «Клиент Три»")
    );
}
