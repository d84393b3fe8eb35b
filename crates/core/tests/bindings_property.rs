//! Property: whatever binding attempts arrive, in whatever order, a client has at most one
//! current binding, its bindings never overlap in time, refusals change nothing, and each
//! partner's `clients` count equals its current bindings.

mod common;

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use common::*;
use partnerbook_core::clients::{BindOutcome, Binding};
use partnerbook_core::partners::{partner_card, partner_page, PartnerInput, PartnerQuery};
use partnerbook_core::programs::Channel;
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use proptest::prelude::*;

const PROGRAMS: [&str; 5] = ["bitrix24", "atlantys", "quantower", "tele2-ats", "ciawifi"];
const STATUSES: [&str; 4] = ["active", "active", "suspended", "terminated"];
const RU_INNS: [&str; 4] = [INN_SBER, INN_YANDEX, INN_TBANK, INN_OZON];
const KZ_BINS: [&str; 4] = [BIN_HALYK, BIN_KASPI, "900101301233", "500315300805"];
const CLIENTS: usize = 3;

fn base() -> NaiveDate {
    day(2025, 12, 15)
}

/// Four partners of `program` (active, active, suspended, terminated) and their codes.
fn partners(book: &mut Book, program: &str) -> Vec<(String, String, String)> {
    (0..4)
        .map(|i| {
            let id = format!("P-{i}");
            let code = if program == "ciawifi" {
                format!("1000{i}")
            } else {
                format!("CODE{i}")
            };
            let inn = if program == "atlantys" {
                KZ_BINS[i]
            } else {
                RU_INNS[i]
            };
            let input = match program {
                "atlantys" => kz_partner(&id, inn, &code),
                "ciawifi" => PartnerInput {
                    rate: s("12"),
                    ..ooo(&id, program, inn, &code)
                },
                _ => ooo(&id, program, inn, &code),
            };
            add_partner_with_status(book, input, STATUSES[i]);
            (id, code, inn.to_owned())
        })
        .collect()
}

/// One attempt: which client, which code (4 = a code nobody holds), channel, days after base.
type Step = (usize, usize, usize, u64);

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (0..CLIENTS, 0..5usize, 0..Channel::ALL.len(), 0..50u64),
        1..30,
    )
}

fn check_client(book: &Book, program: &str, client: &str) -> Result<Vec<Binding>, TestCaseError> {
    let card = card(book, program, client);
    let mut bindings = card.bindings.clone();
    let current: Vec<&Binding> = bindings.iter().filter(|b| b.until.is_none()).collect();
    prop_assert!(current.len() <= 1, "{client}: {current:?}");
    prop_assert_eq!(
        card.client.partner.as_deref(),
        current.first().map(|b| b.partner.as_str())
    );
    bindings.sort_by(|a, b| a.since.cmp(&b.since));
    for b in &bindings {
        if let Some(until) = &b.until {
            prop_assert!(b.since <= *until, "{b:?}");
        }
    }
    for pair in bindings.windows(2) {
        let until = pair[0].until.as_ref();
        prop_assert!(
            until.is_some_and(|u| *u <= pair[1].since),
            "overlap: {pair:?}"
        );
    }
    Ok(card.bindings)
}

fn run(program: &str, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut book = book();
    let partners = partners(&mut book, program);
    let p = common::program(&book, program);
    let ids: Vec<i64> = (0..CLIENTS)
        .map(|c| {
            // Client 0 has partner 0's ИНН: its attempts through partner 0 are self-referrals.
            let inn = (c == 0).then(|| partners[0].2.as_str());
            let registered = base() + Days::new(c as u64 * 3);
            add_client(&book, program, &format!("C-{c}"), inn, registered)
        })
        .collect();
    let mut seen = HashSet::new();
    for &(c, who, channel, offset) in steps {
        let client = format!("C-{c}");
        let code = partners.get(who).map_or("NOBODY", |p| p.1.as_str());
        let channel = Channel::ALL[channel];
        let date = base() + Days::new(offset);
        let before = check_client(&book, program, &client)?;
        let outcome = attempt(&book, &p, ids[c], code, channel, date);
        let after = check_client(&book, program, &client)?;
        let fresh = seen.insert((c, date, channel, code.to_owned()));
        match &outcome {
            BindOutcome::Bound { .. } => {
                prop_assert!(fresh);
                let now: Vec<&Binding> = after.iter().filter(|b| b.until.is_none()).collect();
                prop_assert_eq!(now.len(), 1);
                prop_assert_eq!(&now[0].partner, &partners[who].0);
                prop_assert_eq!(&now[0].since, &date.to_string());
                prop_assert_eq!(after.len(), before.len() + 1);
                prop_assert!(
                    who < 3,
                    "a terminated partner or unknown code bound: {outcome:?}"
                );
            }
            BindOutcome::AlreadyRecorded => {
                prop_assert!(!fresh);
                prop_assert_eq!(&before, &after);
            }
            BindOutcome::Kept | BindOutcome::Refused(_) => {
                prop_assert!(fresh);
                prop_assert_eq!(&before, &after);
            }
        }
        let events: usize = (0..CLIENTS)
            .map(|c| card(&book, program, &format!("C-{c}")).events.len())
            .sum();
        prop_assert_eq!(events, seen.len(), "every distinct attempt is stored once");
    }
    let rows = partner_page(book.db(), &PartnerQuery::default())
        .expect("page")
        .rows;
    for row in rows {
        let current = (0..CLIENTS)
            .filter(|c| {
                current_partner(&book, program, &format!("C-{c}")).as_deref()
                    == Some(row.partner.as_str())
            })
            .count();
        prop_assert_eq!(row.clients as usize, current, "{}", row.partner);
        let card = partner_card(book.db(), &row.partner, Lang::Ru).expect("card");
        prop_assert_eq!(card.clients_now.len(), current);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn bindings_stay_consistent_in_every_program(program in 0..PROGRAMS.len(), steps in steps()) {
        run(PROGRAMS[program], &steps)?;
    }

    #[test]
    fn bitrix24_bindings_stay_consistent_across_the_2026_change(steps in steps()) {
        run("bitrix24", &steps)?;
    }
}
