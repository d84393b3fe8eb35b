//! A snapshot made by hand (no book): the built-in programs, partners, clients and their
//! bindings, and payments to fold over it.
#![allow(dead_code)]

use std::rc::Rc;

use chrono::NaiveDate;
use partnerbook_core::ledger::fold::{accrue, Bound, ClientState, Collected, Paid, PartnerFacts};
use partnerbook_core::ledger::fold::{CodeOwner, Snapshot};
use partnerbook_core::partners::PartnerStatus;
use partnerbook_core::programs::templates::templates;
use partnerbook_core::programs::{Category, Channel, Program, ProgramVersion};
use rust_decimal::Decimal;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The five built-in programs, versions numbered from 1.
pub fn snapshot() -> Snapshot {
    let mut snapshot = Snapshot {
        next_entry: 1,
        next_event: 1,
        ..Snapshot::default()
    };
    let mut version = 0;
    for t in templates() {
        let program = Program {
            id: t.id.to_owned(),
            name_ru: t.name_ru.to_owned(),
            name_en: t.name_en.to_owned(),
            unit: t.unit.to_owned(),
            currency: t.currency.to_owned(),
            code_format: t.code_format,
            rate_required: t.rate_required,
            kinds: t.kinds.clone(),
            versions: t
                .versions
                .iter()
                .map(|(from, rules)| {
                    version += 1;
                    ProgramVersion {
                        id: version,
                        effective_from: *from,
                        rules: rules.clone(),
                    }
                })
                .collect(),
        };
        snapshot
            .programs
            .insert(program.id.clone(), Rc::new(program));
    }
    snapshot
}

/// An active partner of `program` with `code`.
pub fn partner(snapshot: &mut Snapshot, id: &str, program: &str, code: &str) {
    snapshot.partners.insert(
        id.to_owned(),
        PartnerFacts {
            status: PartnerStatus::Active,
            status_since: None,
            inn: None,
            client_id: None,
            rates: vec![],
        },
    );
    snapshot.codes.insert(
        (program.to_owned(), code.to_lowercase()),
        CodeOwner {
            partner: id.to_owned(),
            retired: false,
        },
    );
}

pub fn rate(snapshot: &mut Snapshot, partner: &str, since: NaiveDate, percent: i64) {
    if let Some(p) = snapshot.partners.get_mut(partner) {
        p.rates.push((since, Decimal::from(percent)));
    }
}

/// Client `id` (its book id), registered on `registered`, bound to `partner` through
/// `channel` on `bound` (when given). Its first payment is set from `payments` later.
pub fn client(
    snapshot: &mut Snapshot,
    id: i64,
    registered: Option<NaiveDate>,
    bound: Option<(&str, Channel, NaiveDate)>,
) {
    let bindings = bound
        .map(|(partner, channel, since)| {
            vec![Bound {
                partner: partner.to_owned(),
                channel,
                since,
                until: None,
            }]
        })
        .unwrap_or_default();
    snapshot.clients.insert(
        id,
        ClientState {
            client_id: format!("C{id}"),
            registered,
            bindings,
            ..ClientState::default()
        },
    );
}

/// Client `id` registered on `since` and bound that day to `partner` through `channel`.
pub fn bound(snapshot: &mut Snapshot, id: i64, partner: &str, channel: Channel, since: NaiveDate) {
    client(snapshot, id, Some(since), Some((partner, channel, since)));
}

/// A payment (positive) of client `client` in `program`; list price = amount.
pub fn pay(id: i64, program: &str, client: i64, date: NaiveDate, amount: i64) -> Paid {
    Paid {
        id,
        program: program.to_owned(),
        client,
        date,
        amount,
        list_price: amount,
        category: Category::Tariff,
        direct: true,
        refund_of: None,
        promo_code: None,
        promotion: None,
    }
}

/// A refund of payment `of` (amount positive here, stored negative).
pub fn refund(id: i64, of: &Paid, date: NaiveDate, amount: i64) -> Paid {
    Paid {
        id,
        refund_of: Some(of.id),
        date,
        amount: -amount,
        list_price: -amount,
        ..of.clone()
    }
}

/// Folds `payments` over `snapshot` as an import would: first payments and refunded
/// payments are filled in from the payments themselves, as the store does.
pub fn fold(mut snapshot: Snapshot, payments: Vec<Paid>) -> Collected {
    for p in &payments {
        if p.amount > 0 {
            if let Some(c) = snapshot.clients.get_mut(&p.client) {
                c.first_payment = Some(c.first_payment.map_or(p.date, |d| d.min(p.date)));
            }
        }
        if let Some(original) = p.refund_of {
            let amount = payments
                .iter()
                .find(|o| o.id == original)
                .map_or(0, |o| o.amount);
            snapshot.refunded.entry(original).or_default().amount = amount;
        }
    }
    accrue(&mut snapshot, payments).expect("the fold runs")
}

/// `(partner, kind, amount, rule)` of every entry.
pub fn entries(c: &Collected) -> Vec<(String, &'static str, i64, &'static str)> {
    c.entries
        .iter()
        .map(|e| (e.partner.clone(), e.kind.key(), e.amount, e.rule))
        .collect()
}

/// Net accrual (credits − reversals) of a partner.
pub fn net(c: &Collected, partner: &str) -> i64 {
    c.entries
        .iter()
        .filter(|e| e.partner == partner)
        .map(|e| e.net())
        .sum()
}
