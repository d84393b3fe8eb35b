//! The demo on an in-memory book as of 21.11.2026.

use std::collections::BTreeSet;

use crate::store::sql::Db;
use chrono::{Months, NaiveDate};

use super::{fill_demo, DemoSummary};
use crate::acts::{acts_shown, ActQuery};
use crate::audit::Actor;
use crate::clients::{
    client_card, client_page, clients_of, Binding, BindingEvent, ClientCard, ClientQuery, Outcome,
};
use crate::ledger::{partner_entries, unearned_page, UnearnedQuery};
use crate::partners::{
    get_partner, partner_card, partners_of, Partner, PartnerKind, PartnerStatus,
};
use crate::programs::Channel;
use crate::store::counts::book_counts;
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

/// Every client's card, as the clients screen opens them (by client id).
fn cards(db: &Db) -> Vec<ClientCard> {
    clients_of(db, None)
        .expect("clients")
        .iter()
        .map(|c| client_card(db, &c.program, &c.client, Lang::En).expect("card"))
        .collect()
}

/// Every binding attempt, client by client, oldest first.
fn events(cards: &[ClientCard]) -> impl Iterator<Item = &BindingEvent> {
    cards.iter().flat_map(|c| &c.events)
}

/// Every binding, now and before, client by client.
fn bindings(cards: &[ClientCard]) -> impl Iterator<Item = (&ClientCard, &Binding)> {
    cards
        .iter()
        .flat_map(|c| c.bindings.iter().map(move |b| (c, b)))
}

/// The distinct reasons of refused attempts, in order.
fn refusal_reasons(cards: &[ClientCard]) -> Vec<String> {
    let reasons: BTreeSet<String> = events(cards)
        .filter(|e| e.outcome == Outcome::Refused)
        .filter_map(|e| e.reason_code.clone())
        .collect();
    reasons.into_iter().collect()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

/// The day a month after `text` (the end of a shorter month when it has no such day).
fn month_after(text: &str) -> String {
    (day(text) + Months::new(1)).to_string()
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
    let cards = cards(book.db());
    let reasons = refusal_reasons(&cards);
    assert!(reasons.len() >= 4, "{reasons:?}");
    let refused_in = |program: &str, reason: &str, channel: Channel| {
        events(&cards)
            .filter(|e| {
                e.program == program
                    && e.outcome == Outcome::Refused
                    && e.reason_code.as_deref() == Some(reason)
                    && e.channel == channel
            })
            .count()
    };
    let promo_after_2026 = events(&cards)
        .filter(|e| {
            e.program == "bitrix24"
                && e.channel == Channel::Promo
                && e.date.as_str() >= "2026-01-01"
                && e.reason_code.as_deref() == Some("channel_not_accepted")
        })
        .count();
    assert!(promo_after_2026 >= 1);
    assert!(refused_in("quantower", "not_at_registration", Channel::Link) >= 3);
    assert!(refused_in("tele2-ats", "invite_window_passed", Channel::Invite) >= 1);
    assert!(refused_in("tele2-ats", "self_referral", Channel::Invite) >= 1);
    assert!(refused_in("atlantys", "bound_to_other", Channel::Promo) >= 1);
    assert!(refused_in("atlantys", "self_referral", Channel::Promo) >= 1);
    assert!(refused_in("bitrix24", "bound_to_other", Channel::Migrator) >= 1);
    assert!(refused_in("ciawifi", "not_at_registration", Channel::Promo) >= 1);
    for program in PROGRAMS {
        let unknown = events(&cards)
            .filter(|e| {
                e.program == program
                    && e.reason_code.as_deref() == Some("unknown_code")
                    && e.partner.is_none()
            })
            .count();
        assert!(unknown >= 1, "{program}: no unknown code");
    }
    assert!(
        reasons.contains(&"partner_inactive".to_owned()),
        "{reasons:?}"
    );
    let refused = events(&cards)
        .filter(|e| e.outcome == Outcome::Refused)
        .count();
    assert_eq!(summary.refused, refused as u64);
    // The tele2 window: registered + 1 month is the last day accepted.
    let edge = cards
        .iter()
        .filter(|c| c.client.program == "tele2-ats")
        .filter_map(|c| Some((c, month_after(c.client.registered.as_deref()?))))
        .flat_map(|(c, edge)| c.events.iter().map(move |e| (e, edge.clone())))
        .filter(|(e, edge)| e.outcome == Outcome::Bound && e.date == *edge)
        .count();
    assert!(edge >= 1);
}

#[test]
fn bitrix24_bindings_move_between_partners() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.moved >= 3, "{summary:?}");
    let cards = cards(db);
    let bitrix24 = || bindings(&cards).filter(|(c, _)| c.client.program == "bitrix24");
    let moved_by: BTreeSet<&str> = bitrix24()
        .filter(|(c, b)| {
            c.bindings
                .iter()
                .any(|o| o.until.as_deref() == Some(b.since.as_str()))
        })
        .map(|(_, b)| b.channel.key())
        .collect();
    assert!(
        moved_by.contains("promo") && moved_by.contains("invoice"),
        "{moved_by:?}"
    );
    let no_discount = events(&cards)
        .filter(|e| {
            e.outcome == Outcome::Bound && e.reason_code.as_deref() == Some("promo_discount_used")
        })
        .count();
    assert!(no_discount >= 1);
    let (moved, _) = bitrix24()
        .find(|(_, b)| b.until.is_some())
        .expect("a binding that ended");
    let card = client_card(db, "bitrix24", &moved.client.client, Lang::Ru).expect("card");
    assert!(
        card.bindings.len() >= 2 && card.bindings[0].until.is_some(),
        "{card:?}"
    );
    let kept = events(&cards)
        .filter(|e| e.outcome == Outcome::Kept)
        .count();
    assert!(kept >= 1);
    let channels: BTreeSet<&str> = bitrix24().map(|(_, b)| b.channel.key()).collect();
    assert_eq!(
        channels.into_iter().collect::<Vec<_>>(),
        [
            "invoice",
            "link",
            "migrator",
            "nfr",
            "promo",
            "purchase_link"
        ]
    );
    let migrator_2026 = bitrix24()
        .filter(|(_, b)| b.channel == Channel::Migrator && b.since.as_str() >= "2026-01-01")
        .count();
    assert!(migrator_2026 >= 10);
}

#[test]
fn clients_carry_activity_and_promo_periods() {
    let (book, _) = filled();
    let db = book.db();
    let cards = cards(db);
    let bitrix24 = || cards.iter().filter(|c| c.client.program == "bitrix24");
    let active = bitrix24()
        .filter(|c| c.users.is_some_and(|u| u > 3) && c.active_since.is_some())
        .count();
    let users = bitrix24().filter(|c| c.users.is_some()).count();
    assert!(active >= 30 && users > active, "{active} active of {users}");
    let early = cards
        .iter()
        .filter(|c| match (&c.active_since, &c.client.registered) {
            (Some(since), Some(registered)) => *since <= month_after(registered),
            _ => false,
        })
        .count();
    assert_eq!(early, 0);
    let promo = cards
        .iter()
        .filter(|c| c.client.program == "tele2-ats")
        .filter(|c| match (&c.promo_ends, &c.client.registered) {
            (Some(ends), Some(registered)) => ends > registered,
            _ => false,
        })
        .count();
    assert!(promo >= 30);
    let today = "2026-11-21";
    let future = cards
        .iter()
        .filter(|c| {
            c.client.registered.as_deref().is_some_and(|d| d > today)
                || c.active_since.as_deref().is_some_and(|d| d > today)
        })
        .count()
        + events(&cards).filter(|e| e.date.as_str() > today).count();
    assert_eq!(future, 0);
    let partner_names: BTreeSet<String> = all_partners(db).into_iter().map(|p| p.name).collect();
    let oldest = cards
        .iter()
        .filter(|c| {
            c.client
                .name
                .as_ref()
                .is_none_or(|n| !partner_names.contains(n))
        })
        .filter_map(|c| c.client.registered.clone())
        .min();
    assert!(oldest.as_deref() >= Some("2025-08-01"), "{oldest:?}");
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
    let card = partner_card(db, &asel.partner_id, Lang::Ru).expect("card");
    let bound = card.clients_now.len();
    assert!(bound >= 2, "{bound}");
}

#[test]
fn a_second_run_refuses_and_changes_nothing() {
    let (mut book, _) = filled();
    let snapshot = |db: &Db| {
        let partners: Vec<_> = all_partners(db)
            .iter()
            .map(|p| partner_card(db, &p.partner_id, Lang::Ru).expect("card"))
            .collect();
        (
            book_counts(db).expect("counts"),
            partners,
            vendor::vendor(db).expect("vendor"),
        )
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
    assert_eq!(cards(a.db()), cards(b.db()));
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
        let cards = cards(db);
        let after = |d: &Option<String>| d.as_ref().is_some_and(|d| *d > today);
        let future = events(&cards).filter(|e| e.date > today).count()
            + cards
                .iter()
                .filter(|c| after(&c.client.registered) || after(&c.active_since))
                .count()
            + all_partners(db)
                .iter()
                .filter(|p| p.registered > today || after(&p.contract_date))
                .count();
        assert_eq!(future, 0, "{today}");
        let reasons = refusal_reasons(&cards);
        assert!(reasons.len() >= 4, "{today}: {reasons:?}");
    }
}

#[test]
fn a_year_of_billing_accrues_in_every_money_program_and_keeps_its_reasons() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.payments > 1000, "{summary:?}");
    let balances = crate::ledger::balances(db, actor().today(), None).expect("balances");
    for program in ["bitrix24", "atlantys", "quantower", "ciawifi"] {
        let credited = balances
            .iter()
            .any(|b| b.program == program && b.accrued != "0.00");
        assert!(credited, "{program}: no credit");
    }
    assert!(balances.iter().any(|b| b.reversed != "0.00"));
    let unearned = unearned_page(db, &UnearnedQuery::default(), Lang::En).expect("unearned");
    let reasons = unearned.reasons.len();
    assert!(reasons >= 5, "only {reasons} reasons");
    assert!(balances
        .iter()
        .any(|b| b.available != "0.00" && b.on_hold != "0.00"));
}

#[test]
fn acts_in_every_state_with_deadlines_overdue_and_due() {
    let (book, summary) = filled();
    let db = book.db();
    assert!(summary.acts >= 10, "{summary:?}");
    let today = actor().today();
    let acts = acts_shown(db, &ActQuery::default(), today)
        .expect("acts")
        .rows;
    assert_eq!(acts.len() as u64, summary.acts);
    let states: BTreeSet<&str> = acts.iter().map(|a| a.status.key()).collect();
    assert_eq!(
        states.into_iter().collect::<Vec<_>>(),
        ["draft", "paid", "rejected", "sent", "signed"]
    );
    let programs: BTreeSet<&str> = acts.iter().map(|a| a.program.as_str()).collect();
    assert!(
        programs.contains("bitrix24") && programs.contains("atlantys"),
        "{programs:?}"
    );
    let entries: Vec<_> = all_partners(db)
        .iter()
        .flat_map(|p| partner_entries(db, &p.partner_id, Lang::En).expect("entries"))
        .collect();
    let entries_of = |kind: &str| entries.iter().filter(|e| e.kind == kind).count();
    let acts_in = |status: &str| acts.iter().filter(|a| a.status.key() == status).count();
    let deadlines = crate::acts::deadlines(db, today).expect("deadlines");
    assert!(deadlines.iter().any(|d| d.overdue), "something is overdue");
    assert!(
        deadlines.iter().any(|d| !d.overdue),
        "something is still due"
    );
    // what the acts converted and paid is in the ledger, and no balance went negative by it
    assert_eq!(entries_of("payout"), acts_in("paid"));
    let overview = crate::overview::overview(db, today).expect("overview");
    assert!(
        !overview.overdue.is_empty() && !overview.week.is_empty(),
        "{overview:?}"
    );
    assert!(overview.overdue.iter().all(|d| d.overdue) && overview.week.iter().all(|d| !d.overdue));
    assert!(overview.drafts > 0 && overview.last_import.is_some());
    assert_eq!(entries_of("conversion_reversal"), acts_in("rejected"));
}
