//! Helpers shared by the core's integration tests: a book in memory, a fixed clock,
//! partners of each program, clients and binding attempts.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use partnerbook_core::audit::Actor;
use partnerbook_core::clients::{
    bind, client_card, record_client, BindOutcome, ClientCard, ClientRecord, Recorded,
};
use partnerbook_core::partners::{create_partner, Partner, PartnerInput};
use partnerbook_core::programs::{load_program, Channel, Program};
use partnerbook_core::store::Book;
use partnerbook_core::Lang;

/// Valid identifiers (real organisations' ones, as the core's unit tests use them).
pub const INN_SBER: &str = "7707083893";
pub const INN_YANDEX: &str = "7736207543";
pub const INN_TBANK: &str = "7710140679";
pub const INN_OZON: &str = "7704217370";
/// A 12-digit ИНН (person or ИП).
pub const INN_PERSON: &str = "500100732259";
pub const KPP: &str = "773601001";
/// Kazakhstan БИН (Halyk Bank, Kaspi Bank).
pub const BIN_HALYK: &str = "940140000385";
pub const BIN_KASPI: &str = "971240001315";

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(10, 30, 0).expect("a real time")
}

/// The operator `tester`, acting on 2025-01-10 10:30.
pub fn actor() -> Actor {
    Actor::new("tester", at(2025, 1, 10))
}

pub fn book() -> Book {
    Book::open_in_memory().expect("a book in memory")
}

pub fn program(book: &Book, id: &str) -> Program {
    load_program(book.db(), id).expect("a built-in program")
}

pub fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

/// A legal entity (ООО) of `program` with the given ИНН and code; valid everywhere but
/// in KZT programs (use [`kz_partner`]) and ciawifi (needs a rate: [`ciawifi_partner`]).
pub fn ooo(id: &str, program: &str, inn: &str, code: &str) -> PartnerInput {
    PartnerInput {
        partner_id: s(id),
        program: s(program),
        name: s(&format!("ООО «Партнёр {id}»")),
        kind: s("ooo"),
        inn: s(inn),
        kpp: s(KPP),
        code: s(code),
        ..PartnerInput::default()
    }
}

/// A foreign partner (no ИНН): admitted by every program but bitrix24.
pub fn foreign(id: &str, program: &str, code: &str) -> PartnerInput {
    PartnerInput {
        partner_id: s(id),
        program: s(program),
        name: s(&format!("Partner {id} Ltd")),
        kind: s("foreign"),
        code: s(code),
        ..PartnerInput::default()
    }
}

pub fn kz_partner(id: &str, bin: &str, code: &str) -> PartnerInput {
    PartnerInput {
        partner_id: s(id),
        program: s("atlantys"),
        name: s(&format!("ТОО «{id}»")),
        kind: s("ooo"),
        inn: s(bin),
        code: s(code),
        ..PartnerInput::default()
    }
}

pub fn ciawifi_partner(id: &str, code: &str) -> PartnerInput {
    PartnerInput {
        rate: s("10"),
        ..foreign(id, "ciawifi", code)
    }
}

pub fn add_partner(book: &mut Book, input: PartnerInput) -> Partner {
    let actor = actor();
    book.write(|tx| create_partner(tx, &actor, input))
        .expect("a valid partner")
}

pub fn add_partner_with_status(book: &mut Book, input: PartnerInput, status: &str) -> Partner {
    add_partner(
        book,
        PartnerInput {
            status: s(status),
            ..input
        },
    )
}

/// Records a client of `program` registered on `registered`; gives its row id.
pub fn add_client(
    book: &Book,
    program: &str,
    client: &str,
    inn: Option<&str>,
    registered: NaiveDate,
) -> i64 {
    let record = ClientRecord {
        program: program.to_owned(),
        client_id: client.to_owned(),
        name: Some(format!("Клиент {client}")),
        inn: inn.map(str::to_owned),
        registered: Some(registered),
        users: None,
        active_since: None,
        promo_ends: None,
    };
    let (id, recorded) = record_client(book.db(), &record)
        .expect("the database answers")
        .expect("a valid client");
    assert_eq!(recorded, Recorded::Added, "{client} is new");
    id
}

/// One binding attempt, through the store.
pub fn attempt(
    book: &Book,
    program: &Program,
    client: i64,
    code: &str,
    channel: Channel,
    date: NaiveDate,
) -> BindOutcome {
    bind(book.db(), program, client, code, channel, date, None).expect("the database answers")
}

/// The refusal code of an outcome, `bound`/`kept`/`already` for the others (with the
/// note's code after a colon when a binding carries one).
pub fn outcome_code(outcome: &BindOutcome) -> String {
    match outcome {
        BindOutcome::Bound { note: None } => "bound".into(),
        BindOutcome::Bound { note: Some(n) } => format!("bound:{}", n.code()),
        BindOutcome::Kept => "kept".into(),
        BindOutcome::AlreadyRecorded => "already".into(),
        BindOutcome::Refused(r) => r.code().into(),
    }
}

pub fn card(book: &Book, program: &str, client: &str) -> ClientCard {
    client_card(book.db(), program, client, Lang::Ru).expect("the client is in the book")
}

pub fn card_en(book: &Book, program: &str, client: &str) -> ClientCard {
    client_card(book.db(), program, client, Lang::En).expect("the client is in the book")
}

/// The client's current partner, as the clients table shows it.
pub fn current_partner(book: &Book, program: &str, client: &str) -> Option<String> {
    card(book, program, client).client.partner
}

/// `(partner, since, until)` of every binding of the client, oldest first.
pub fn history(book: &Book, program: &str, client: &str) -> Vec<(String, String, Option<String>)> {
    card(book, program, client)
        .bindings
        .into_iter()
        .map(|b| (b.partner, b.since, b.until))
        .collect()
}

/// A file under the repository's `tests/fixtures/`.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

pub fn import_options(
    kind: partnerbook_core::import::ImportKind,
    path: &std::path::Path,
    dry_run: bool,
) -> partnerbook_core::import::ImportOptions {
    partnerbook_core::import::ImportOptions {
        kind,
        path: path.to_path_buf(),
        sheet: None,
        program: None,
        dry_run,
        lang: Lang::Ru,
    }
}

/// Imports (or checks, with `dry_run`) a file; the report.
pub fn import(
    book: &mut Book,
    kind: partnerbook_core::import::ImportKind,
    path: &std::path::Path,
    dry_run: bool,
) -> partnerbook_core::import::ImportReport {
    partnerbook_core::import::run_import(
        book,
        &import_options(kind, path, dry_run),
        &actor(),
        &mut |_| true,
    )
    .expect("the import runs")
}

pub fn import_partners(book: &mut Book, name: &str) -> partnerbook_core::import::ImportReport {
    import(
        book,
        partnerbook_core::import::ImportKind::Partners,
        &fixture(name),
        false,
    )
}

pub fn import_clients(book: &mut Book, name: &str) -> partnerbook_core::import::ImportReport {
    import(
        book,
        partnerbook_core::import::ImportKind::Clients,
        &fixture(name),
        false,
    )
}

/// `(row, column, code)` of each problem of a report.
pub fn placed(
    report: &partnerbook_core::import::ImportReport,
) -> Vec<(Option<u64>, Option<String>, String)> {
    report
        .problems
        .iter()
        .map(|p| (p.row, p.column.clone(), p.code.clone()))
        .collect()
}

/// How many partners, clients and past imports the book holds (through the public API).
pub fn counts(book: &Book) -> [usize; 3] {
    let partners = partnerbook_core::partners::partner_page(book.db(), &Default::default())
        .expect("partners")
        .total;
    let clients = partnerbook_core::clients::client_page(book.db(), &Default::default())
        .expect("clients")
        .total;
    let imports = partnerbook_core::import::import_history(book.db()).expect("history");
    [partners as usize, clients as usize, imports.len()]
}

/// Imports billing rows given as CSV text (a header line first); the report.
pub fn billing(book: &mut Book, csv: &str) -> partnerbook_core::import::ImportReport {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("billing.csv");
    std::fs::write(&path, csv).expect("written");
    import(
        book,
        partnerbook_core::import::ImportKind::Billing,
        &path,
        false,
    )
}

/// Like [`billing`], but the file must import cleanly.
pub fn billing_ok(book: &mut Book, csv: &str) -> partnerbook_core::import::ImportReport {
    let report = billing(book, csv);
    assert!(
        report.problems.is_empty() && report.committed,
        "clean import expected: {:?}",
        report.problems
    );
    report
}

/// The partner's balance as of a day.
pub fn balance(
    book: &Book,
    partner: &str,
    as_of: NaiveDate,
) -> partnerbook_core::ledger::BalanceRow {
    partnerbook_core::ledger::balances(book.db(), as_of, None)
        .expect("balances")
        .into_iter()
        .find(|b| b.partner == partner)
        .expect("the partner is listed")
}

/// `(accrued, reversed, annulled, on_hold, available)` of a balance, as strings.
pub fn sums(b: &partnerbook_core::ledger::BalanceRow) -> [&str; 5] {
    [
        &b.accrued,
        &b.reversed,
        &b.annulled,
        &b.on_hold,
        &b.available,
    ]
}

/// `(kind, amount, rule)` of every entry of the partner's ledger.
pub fn entries(book: &Book, partner: &str) -> Vec<(String, String, String)> {
    partnerbook_core::ledger::partner_entries(book.db(), partner, Lang::Ru)
        .expect("ledger")
        .into_iter()
        .map(|e| (e.kind, e.amount, e.rule))
        .collect()
}

/// The reason code a payment keeps (None when it earned).
pub fn reason_of(book: &Book, payment: &str) -> Option<String> {
    book.db()
        .query_row(
            "SELECT o.reason FROM payments p LEFT JOIN payment_outcomes o ON o.payment = p.id WHERE p.payment_id = ?1",
            [payment],
            |r| r.get(0),
        )
        .expect("the payment is in the book")
}

pub const BILLING_HEADER: &str =
    "payment_id,program,date,client_id,amount,list_price,category,direct,type,refund_of,promo_code,promotion\n";

/// Sets the vendor's requisites every document needs.
pub fn set_vendor(book: &mut Book) {
    let vendor = partnerbook_core::vendor::Vendor {
        name: s("ООО «Вендор»"),
        inn: s(INN_TBANK),
        kpp: s("771001001"),
        address: s("Москва"),
        signer: s("Смирнова А. П."),
        signer_position: s("Генеральный директор"),
        ..Default::default()
    };
    let actor = actor();
    book.write(|tx| partnerbook_core::vendor::set_vendor(tx, &actor, vendor))
        .expect("the vendor's requisites");
}

/// A bitrix24 client registered on 2026-02-01 and bound that day by the migrator to
/// `code`, with its first purchase of `paid` RUB on 2026-03-02 (payment id = client id):
/// half of it is credited to the partner.
pub fn bitrix_client_paying(book: &mut Book, client: &str, code: &str, paid: &str) {
    let program = program(book, "bitrix24");
    let id = add_client(book, "bitrix24", client, None, day(2026, 2, 1));
    let bound = attempt(book, &program, id, code, Channel::Migrator, day(2026, 2, 1));
    assert_eq!(outcome_code(&bound), "bound");
    billing_ok(
        book,
        &format!("{BILLING_HEADER}{client},bitrix24,2026-03-02,{client},{paid},,,,,,,\n"),
    );
}
