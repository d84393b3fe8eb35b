//! The demo on an in-memory book as of 21.11.2026.

use crate::store::sql::{Db, Dialect};
use chrono::NaiveDate;

use super::{fill_demo, DemoSummary};
use crate::audit::Actor;
use crate::clients::{client_card, client_page, ClientQuery};
use crate::partners::{get_partner, partners_of, Partner, PartnerKind, PartnerStatus};
use crate::store::Book;
use crate::{ids, settings, vendor, Lang};

const PROGRAMS: [&str; 5] = ["bitrix24", "atlantys", "quantower", "tele2-ats", "ciawifi"];

fn actor() -> Actor {
    let now = NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a date");
    Actor::new("demo", now)
}

fn filled() -> (Book, DemoSummary) {
    let mut book = Book::open_in_memory().expect("book");
    let summary = fill_demo(&mut book, &actor()).expect("demo");
    (book, summary)
}

fn all_partners(db: &Db) -> Vec<Partner> {
    partners_of(db, None)
        .expect("partners")
        .iter()
        .map(|r| get_partner(db, &r.partner).expect("partner"))
        .collect()
}

fn number(db: &Db, sql: &str) -> u64 {
    db.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn strings(db: &Db, sql: &str) -> Vec<String> {
    let mut stmt = db.prepare(sql).expect(sql);
    let rows = stmt.query_map([], |r| r.get(0)).expect(sql);
    rows.collect::<crate::Result<_>>().expect(sql)
}

#[test]
fn every_program_has_partners_and_bound_clients() {
    let (book, summary) = filled();
    let db = book.db();
    assert_eq!(summary.partners, 60);
    assert!((560..=680).contains(&summary.clients), "{summary:?}");
    assert!(summary.events > summary.clients / 2, "{summary:?}");
    assert_eq!(summary.partners, all_partners(db).len() as u64);
    for program in PROGRAMS {
        let partners = partners_of(db, Some(program)).expect("partners");
        assert!(
            partners.len() >= 10,
            "{program}: {} partners",
            partners.len()
        );
        let bound = client_page(
            db,
            &ClientQuery {
                program: Some(program.into()),
                bound: Some(true),
                ..ClientQuery::default()
            },
        )
        .expect("clients");
        assert!(bound.total >= 20, "{program}: {} bound", bound.total);
        let unbound = client_page(
            db,
            &ClientQuery {
                program: Some(program.into()),
                bound: Some(false),
                ..ClientQuery::default()
            },
        )
        .expect("clients");
        assert!(unbound.total > 0, "{program}: every client bound");
    }
    let statuses: Vec<PartnerStatus> = all_partners(db).iter().map(|p| p.status).collect();
    for status in PartnerStatus::ALL {
        assert!(statuses.contains(&status), "no {status:?} partner");
    }
}

#[test]
fn refused_attempts_carry_their_reasons() {
    let (book, summary) = filled();
    let db = book.db();
    let reasons = strings(
        db,
        "SELECT DISTINCT reason FROM binding_events WHERE outcome = 'refused' ORDER BY reason",
    );
    assert!(reasons.len() >= 4, "{reasons:?}");
    let refused_in = |program: &str, reason: &str, channel: &str| {
        number(db, &format!(
            "SELECT count(*) FROM binding_events e JOIN clients c ON c.id = e.client
             WHERE c.program = '{program}' AND e.outcome = 'refused' AND e.reason = '{reason}' AND e.channel = '{channel}'"
        ))
    };
    let promo_after_2026 = number(db, "SELECT count(*) FROM binding_events e JOIN clients c ON c.id = e.client
         WHERE c.program = 'bitrix24' AND e.channel = 'promo' AND e.date >= '2026-01-01' AND e.reason = 'channel_not_accepted'");
    assert!(promo_after_2026 >= 1);
    assert!(refused_in("quantower", "not_at_registration", "link") >= 3);
    assert!(refused_in("tele2-ats", "invite_window_passed", "invite") >= 1);
    assert!(refused_in("tele2-ats", "self_referral", "invite") >= 1);
    assert!(refused_in("atlantys", "bound_to_other", "promo") >= 1);
    assert!(refused_in("atlantys", "self_referral", "promo") >= 1);
    assert!(refused_in("bitrix24", "bound_to_other", "migrator") >= 1);
    assert!(refused_in("ciawifi", "not_at_registration", "promo") >= 1);
    for program in PROGRAMS {
        let unknown = number(
            db,
            &format!(
                "SELECT count(*) FROM binding_events e JOIN clients c ON c.id = e.client
             WHERE c.program = '{program}' AND e.reason = 'unknown_code' AND e.partner IS NULL"
            ),
        );
        assert!(unknown >= 1, "{program}: no unknown code");
    }
    assert!(
        reasons.contains(&"partner_inactive".to_owned()),
        "{reasons:?}"
    );
    assert_eq!(
        summary.refused,
        number(
            db,
            "SELECT count(*) FROM binding_events WHERE outcome = 'refused'"
        )
    );
    // The tele2 window: registered + 1 month is the last day accepted.
    let edge = number(
        db,
        &format!(
            "SELECT count(*) FROM binding_events e JOIN clients c ON c.id = e.client
         WHERE c.program = 'tele2-ats' AND e.outcome = 'bound' AND e.date = {}",
            month_after(db, "c.registered")
        ),
    );
    assert!(edge >= 1);
}

#[test]
fn bitrix24_bindings_move_between_partners() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.moved >= 3, "{summary:?}");
    let moved_by = strings(db, "SELECT DISTINCT b.channel FROM bindings b JOIN clients c ON c.id = b.client
         WHERE c.program = 'bitrix24' AND EXISTS (SELECT 1 FROM bindings o WHERE o.client = b.client AND o.until = b.since)");
    assert!(
        moved_by.contains(&"promo".to_owned()) && moved_by.contains(&"invoice".to_owned()),
        "{moved_by:?}"
    );
    let no_discount = number(db, "SELECT count(*) FROM binding_events WHERE outcome = 'bound' AND reason = 'promo_discount_used'");
    assert!(no_discount >= 1);
    let client = strings(db, "SELECT c.client_id FROM bindings b JOIN clients c ON c.id = b.client WHERE b.until IS NOT NULL AND c.program = 'bitrix24' LIMIT 1");
    let card = client_card(db, "bitrix24", &client[0], Lang::Ru).expect("card");
    assert!(
        card.bindings.len() >= 2 && card.bindings[0].until.is_some(),
        "{card:?}"
    );
    let kept = number(
        db,
        "SELECT count(*) FROM binding_events WHERE outcome = 'kept'",
    );
    assert!(kept >= 1);
    let channels = strings(db, "SELECT DISTINCT channel FROM bindings b JOIN clients c ON c.id = b.client WHERE c.program = 'bitrix24' ORDER BY 1");
    assert_eq!(
        channels,
        [
            "invoice",
            "link",
            "migrator",
            "nfr",
            "promo",
            "purchase_link"
        ]
    );
    let migrator_2026 = number(
        db,
        "SELECT count(*) FROM bindings b JOIN clients c ON c.id = b.client
         WHERE c.program = 'bitrix24' AND b.channel = 'migrator' AND b.since >= '2026-01-01'",
    );
    assert!(migrator_2026 >= 10);
}

#[test]
fn clients_carry_activity_and_promo_periods() {
    let (book, _) = filled();
    let db = book.db();
    let active = number(db, "SELECT count(*) FROM clients WHERE program = 'bitrix24' AND users > 3 AND active_since IS NOT NULL");
    let users = number(
        db,
        "SELECT count(*) FROM clients WHERE program = 'bitrix24' AND users IS NOT NULL",
    );
    assert!(active >= 30 && users > active, "{active} active of {users}");
    let early = number(
        db,
        &format!(
            "SELECT count(*) FROM clients WHERE active_since <= {}",
            month_after(db, "registered")
        ),
    );
    assert_eq!(early, 0);
    let promo = number(
        db,
        "SELECT count(*) FROM clients WHERE program = 'tele2-ats' AND promo_ends > registered",
    );
    assert!(promo >= 30);
    let future = number(db, "SELECT count(*) FROM clients WHERE registered > '2026-11-21' OR active_since > '2026-11-21'")
        + number(db, "SELECT count(*) FROM binding_events WHERE date > '2026-11-21'");
    assert_eq!(future, 0);
    let oldest: Vec<String> = strings(db, "SELECT min(registered) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.name = c.name)");
    assert!(oldest[0].as_str() >= "2025-08-01", "{oldest:?}");
}

#[test]
fn asel_and_her_code() {
    let (book, _) = filled();
    let db = book.db();
    let asel = all_partners(db)
        .into_iter()
        .find(|p| p.code.as_deref() == Some("ASEL25"))
        .expect("Асель");
    assert_eq!(
        (asel.name.as_str(), asel.kind, asel.program.as_str()),
        ("Сапарова Асель Маратовна", PartnerKind::Person, "atlantys")
    );
    assert!(asel.contract_no.is_some());
    let bound = number(
        db,
        &format!(
            "SELECT count(*) FROM bindings WHERE partner = '{}' AND until IS NULL",
            asel.partner_id
        ),
    );
    assert!(bound >= 2, "{bound}");
}

#[test]
fn a_second_run_refuses_and_changes_nothing() {
    let (mut book, _) = filled();
    let snapshot = |db: &Db| {
        [
            "partners",
            "clients",
            "binding_events",
            "bindings",
            "audit",
            "settings",
            "partner_codes",
        ]
        .map(|t| number(db, &format!("SELECT count(*) FROM {t}")))
    };
    let before = snapshot(book.db());
    let err = fill_demo(&mut book, &actor()).expect_err("a book with data");
    assert_eq!(err.code(), "demo_not_empty");
    assert_eq!(
        err.message(Lang::Ru),
        "В книге уже есть данные: демо-данные заполняют только пустую книгу"
    );
    assert_eq!(
        err.message(Lang::En),
        "The book already has data: demo data fills only an empty book"
    );
    assert_eq!(snapshot(book.db()), before);
}

#[test]
fn the_same_day_gives_the_same_book() {
    let (a, sa) = filled();
    let (b, sb) = filled();
    assert_eq!(sa, sb);
    assert_eq!(all_partners(a.db()), all_partners(b.db()));
    let clients = |db: &Db| {
        strings(db, "SELECT client_id || ' ' || coalesce(name, '') || ' ' || coalesce(inn, '') FROM clients ORDER BY id")
    };
    assert_eq!(clients(a.db()), clients(b.db()));
    let events = |db: &Db| {
        strings(db, "SELECT date || code || channel || outcome || coalesce(reason, '') FROM binding_events ORDER BY id")
    };
    assert_eq!(events(a.db()), events(b.db()));
}

#[test]
fn every_requisite_passes_the_books_checks() {
    let (book, _) = filled();
    let db = book.db();
    let (mut inns, mut kpps, mut ogrns, mut accounts) = (0, 0, 0, 0);
    for p in all_partners(db) {
        let who = format!("{} {}", p.partner_id, p.name);
        if let Some(inn) = &p.inn {
            let checked = match (p.program.as_str(), p.kind) {
                ("atlantys", _) => ids::check_kz_iin_bin(inn),
                (_, PartnerKind::Ooo) => ids::check_inn_legal(inn),
                _ => ids::check_inn_person(inn),
            };
            assert_eq!(checked, Ok(()), "{who}");
            inns += 1;
        }
        if let Some(kpp) = &p.kpp {
            assert_eq!(ids::check_kpp(kpp), Ok(()), "{who}");
            assert_eq!(p.inn.as_deref().map(|i| &i[..4]), Some(&kpp[..4]));
            kpps += 1;
        }
        if let Some(ogrn) = &p.ogrn {
            assert_eq!(ids::check_ogrn(ogrn), Ok(()), "{who}");
            assert_eq!(
                ogrn.len(),
                if p.kind == PartnerKind::Ip { 15 } else { 13 },
                "{who}"
            );
            ogrns += 1;
        }
        if let (Some(bik), Some(account)) = (&p.bik, &p.account) {
            assert_eq!(ids::check_account(bik, account), Ok(()), "{who}");
            accounts += 1;
        }
        if p.vat_payer {
            assert!(matches!(p.vat_rate.as_deref(), Some("22" | "5")), "{who}");
        }
        if p.program == "ciawifi" {
            assert!(
                p.rate.is_some() && p.code.as_ref().is_some_and(|c| c.len() == 5),
                "{who}"
            );
        }
        if p.program == "tele2-ats" {
            let code = p.code.clone().unwrap_or_default();
            assert!(
                code.len() == 9 && code.bytes().all(|b| b.is_ascii_hexdigit()),
                "{who}"
            );
        }
        assert!(p.email.as_deref().is_some_and(|e| e.contains('@')), "{who}");
    }
    // Everyone but quantower's five companies and four people abroad has an ИНН, ИИН or
    // БИН; the 25 Russian ООО/АО a КПП; they and the 12 Russian ИП an ОГРН(ИП); every
    // Russian partner an account.
    assert_eq!((inns, kpps, ogrns, accounts), (51, 25, 37, 39));
    let v = vendor::vendor(db).expect("vendor");
    assert_eq!(
        ids::check_inn_legal(v.inn.as_deref().unwrap_or_default()),
        Ok(())
    );
    assert_eq!(ids::check_kpp(v.kpp.as_deref().unwrap_or_default()), Ok(()));
    assert_eq!(
        ids::check_ogrn(v.ogrn.as_deref().unwrap_or_default()),
        Ok(())
    );
    assert!(v.signer.is_some() && v.name.is_some());
}

#[test]
fn the_users_vendor_and_operator_stay() {
    let mut book = Book::open_in_memory().expect("book");
    let me = vendor::Vendor {
        name: Some("ООО «Моя компания»".into()),
        ..vendor::Vendor::default()
    };
    book.write(|tx| {
        vendor::set_vendor(tx, &actor(), me.clone())?;
        settings::set(tx, "operator", "Иванова")
    })
    .expect("settings");
    fill_demo(&mut book, &actor()).expect("a book with only settings is empty");
    assert_eq!(vendor::vendor(book.db()).expect("vendor"), me);
    assert_eq!(
        settings::get(book.db(), "operator")
            .expect("operator")
            .as_deref(),
        Some("Иванова")
    );
}

/// Before bitrix24's cutover every channel binds; years after it only the migrator.
#[test]
fn any_day_gives_a_sane_book() {
    for (y, m, d) in [(2025, 3, 1), (2030, 6, 15)] {
        let now = NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a date");
        let today = now.date().to_string();
        let mut book = Book::open_in_memory().expect("book");
        let summary = fill_demo(&mut book, &Actor::new("demo", now)).expect("demo");
        let db = book.db();
        assert_eq!(summary.partners, 60, "{today}");
        assert!(
            summary.clients >= 560 && summary.bound >= 300,
            "{today}: {summary:?}"
        );
        let future = number(db, &format!("SELECT count(*) FROM binding_events WHERE date > '{today}'"))
            + number(db, &format!("SELECT count(*) FROM clients WHERE registered > '{today}' OR active_since > '{today}'"))
            + number(db, &format!("SELECT count(*) FROM partners WHERE registered > '{today}' OR contract_date > '{today}'"));
        assert_eq!(future, 0, "{today}");
        let reasons = strings(
            db,
            "SELECT DISTINCT reason FROM binding_events WHERE outcome = 'refused'",
        );
        assert!(reasons.len() >= 4, "{today}: {reasons:?}");
    }
}

#[test]
fn a_year_of_billing_accrues_in_every_money_program_and_keeps_its_reasons() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.payments > 1000, "{summary:?}");
    for program in ["bitrix24", "atlantys", "quantower", "ciawifi"] {
        let credited = number(
            db,
            &format!("SELECT count(*) FROM ledger l JOIN partners p ON p.id = l.partner WHERE p.program = '{program}' AND l.kind = 'credit'"),
        );
        assert!(credited > 0, "{program}: no credit");
    }
    assert!(number(db, "SELECT count(*) FROM ledger WHERE kind = 'reversal'") > 0);
    let reasons = number(db, "SELECT count(DISTINCT reason) FROM payment_outcomes");
    assert!(reasons >= 5, "only {reasons} reasons");
    let balances = crate::ledger::balances(db, actor().today(), None).expect("balances");
    assert!(balances
        .iter()
        .any(|b| b.available != "0.00" && b.on_hold != "0.00"));
}

#[test]
fn acts_in_every_state_with_deadlines_overdue_and_due() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.acts >= 10, "{summary:?}");
    assert_eq!(number(db, "SELECT count(*) FROM acts"), summary.acts);
    let states = strings(db, "SELECT DISTINCT status FROM acts ORDER BY status");
    assert_eq!(states, ["draft", "paid", "rejected", "sent", "signed"]);
    let programs = strings(db, "SELECT DISTINCT program FROM acts ORDER BY program");
    assert!(
        programs.contains(&"bitrix24".to_owned()) && programs.contains(&"atlantys".to_owned()),
        "{programs:?}"
    );
    let today = actor().today();
    let deadlines = crate::acts::deadlines(db, today).expect("deadlines");
    assert!(deadlines.iter().any(|d| d.overdue), "something is overdue");
    assert!(
        deadlines.iter().any(|d| !d.overdue),
        "something is still due"
    );
    // what the acts converted and paid is in the ledger, and no balance went negative by it
    let paid = number(db, "SELECT count(*) FROM ledger WHERE kind = 'payout'");
    assert_eq!(
        paid,
        number(db, "SELECT count(*) FROM acts WHERE status = 'paid'")
    );
    let overview = crate::overview::overview(db, today).expect("overview");
    assert!(
        !overview.overdue.is_empty() && !overview.week.is_empty(),
        "{overview:?}"
    );
    assert!(overview.overdue.iter().all(|d| d.overdue) && overview.week.iter().all(|d| !d.overdue));
    assert!(overview.drafts > 0 && overview.last_import.is_some());
    let returned = number(
        db,
        "SELECT count(*) FROM ledger WHERE kind = 'conversion_reversal'",
    );
    assert_eq!(
        returned,
        number(db, "SELECT count(*) FROM acts WHERE status = 'rejected'")
    );
}

/// The SQL for the day a month after the day in `column`, as each engine says it.
fn month_after(db: &Db, column: &str) -> String {
    match db.dialect() {
        Dialect::Sqlite => format!("date({column}, '+1 month')"),
        Dialect::Postgres => format!("to_char({column}::date + interval '1 month', 'YYYY-MM-DD')"),
    }
}
