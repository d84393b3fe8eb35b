//! Clients of the referral programs: atlantys (Kazakh buyers of packages with a promo
//! code), quantower (traders who register via a link) and ciawifi (venues bound at
//! registration by link or 5-digit code).

use chrono::Duration;

use super::clients::{venue, ClientPlan};
use super::context::Demo;
use super::names;
use super::numbers;
use crate::programs::{Channel, Program};

const ATLANTYS: &str = "atlantys";
const QUANTOWER: &str = "quantower";
const CIAWIFI: &str = "ciawifi";

fn kazakh_client(demo: &mut Demo, registered: chrono::NaiveDate) -> ClientPlan {
    let (name, inn) = if demo.dice.chance(78) {
        let person = demo.unique_person(names::kazakh_person);
        let age = demo.dice.between(18 * 365, 60 * 365);
        let born = demo.days_ago(age);
        (
            person.full(),
            numbers::kz_iin(&mut demo.dice, born, person.female),
        )
    } else {
        let brand = demo.unique_name(|d| names::kazakh_brand(d).to_owned());
        let founded = demo.dice.days_after(registered, -4000, -100);
        (
            format!("ТОО «{brand}»"),
            numbers::kz_bin(&mut demo.dice, founded),
        )
    };
    let id = demo.client_id(|d| format!("ATL-{}", d.number(6)));
    ClientPlan::new(ATLANTYS, id, name, Some(inn), registered)
}

/// Package buyers with a code or a link (new clients only), renewals with the same
/// code, a second partner's code for a bound client, Асель's own code.
pub(super) fn atlantys_plans(demo: &mut Demo, _program: &Program) -> Vec<ClientPlan> {
    let mut plans = Vec::new();
    for _ in 0..105 {
        let r = demo.registration_day();
        let mut plan = kazakh_client(demo, r);
        let channel = match demo.dice.below(100) {
            0..=59 => Some(Channel::Promo),
            60..=74 => Some(Channel::Link),
            _ => None,
        };
        if let Some((channel, p)) = channel.zip(demo.pick_partner(ATLANTYS, r, None)) {
            plan.by(r, &p, channel);
            match demo.dice.below(100) {
                0..=5 => plan.by(
                    r + Duration::days(demo.dice.between(88, 95)),
                    &p,
                    Channel::Promo,
                ),
                6..=9 => {
                    let later = demo.dice.days_after(r, 30, 120);
                    if let Some(other) = demo.pick_partner(ATLANTYS, later, Some(&p.id)) {
                        plan.by(later, &other, Channel::Promo);
                    }
                }
                _ => {}
            }
        }
        plans.push(plan);
    }
    let start = demo.history_start();
    let recent = demo.today - Duration::days(20);
    if let Some(asel) = demo.partner_with_code(ATLANTYS, "ASEL25") {
        // The worked example: a 100 000 ₸ package with ASEL25, and Асель's own purchase.
        if let Some(r) = demo.day_in(start.max(asel.registered), recent) {
            let mut plan = kazakh_client(demo, r);
            plan.by(r, &asel, Channel::Promo);
            plans.push(plan);
        }
        if let Some(r) = demo.day_in(start.max(asel.registered), recent) {
            let id = demo.client_id(|d| format!("ATL-{}", d.number(6)));
            let mut plan = ClientPlan::new(ATLANTYS, id, asel.name.clone(), asel.inn.clone(), r);
            plan.by(r, &asel, Channel::Promo);
            plans.push(plan);
        }
    }
    if let Some(r) = demo.day_in(start, recent - Duration::days(60)) {
        let mut plan = kazakh_client(demo, r);
        let later = demo.dice.days_after(r, 20, 50);
        if let Some(a) = demo.pick_partner(ATLANTYS, r, None) {
            plan.by(r, &a, Channel::Promo);
            if let Some(b) = demo.pick_partner(ATLANTYS, later, Some(&a.id)) {
                plan.by(later, &b, Channel::Promo);
            }
        }
        plans.push(plan);
    }
    let r = demo.registration_day();
    let mut plan = kazakh_client(demo, r);
    plan.attempt(
        r,
        &demo.unknown_code(ATLANTYS, &["ASEL52", "ASEL2S", "ASL25"]),
        Channel::Promo,
    );
    plans.push(plan);
    if let Some(gone) = demo.ending_partner(ATLANTYS) {
        let end = gone.ends.map_or(demo.today, |(end, _)| end);
        if let Some(r) = demo.day_in(end, demo.today) {
            let mut plan = kazakh_client(demo, r);
            plan.by(r, &gone, Channel::Promo);
            plans.push(plan.late());
        }
    }
    plans
}

fn trader(demo: &mut Demo, registered: chrono::NaiveDate) -> ClientPlan {
    let name = if demo.dice.chance(85) {
        demo.unique_person(names::english_person).full()
    } else {
        demo.unique_name(names::english_company)
    };
    let id = demo.client_id(|d| format!("QT-{}{}", d.between(1, 9), d.number(6)));
    ClientPlan::new(QUANTOWER, id, name, None, registered)
}

/// Traders registering via a partner's link, or on their own; links used a week late;
/// the disqualified partner's link.
pub(super) fn quantower_plans(demo: &mut Demo, _program: &Program) -> Vec<ClientPlan> {
    let mut plans = Vec::new();
    for _ in 0..95 {
        let r = demo.registration_day();
        let mut plan = trader(demo, r);
        if demo.dice.chance(55) {
            if let Some(p) = demo.pick_partner(QUANTOWER, r, None) {
                plan.by(r, &p, Channel::Link);
            }
        }
        plans.push(plan);
    }
    for _ in 0..3 {
        let r = demo.registration_day();
        let mut plan = trader(demo, r);
        if let Some(p) = demo.pick_partner(QUANTOWER, r, None) {
            plan.by(r + Duration::days(7), &p, Channel::Link);
        }
        plans.push(plan);
    }
    let r = demo.registration_day();
    let mut plan = trader(demo, r);
    plan.attempt(
        r,
        &demo.unknown_code(QUANTOWER, &["QTREF2025", "TRADER01"]),
        Channel::Link,
    );
    plans.push(plan);
    if let Some(gone) = demo.ending_partner(QUANTOWER) {
        let end = gone.ends.map_or(demo.today, |(end, _)| end);
        for _ in 0..2 {
            if let Some(r) = demo.day_in(end, demo.today) {
                let mut plan = trader(demo, r);
                plan.by(r, &gone, Channel::Link);
                plans.push(plan.late());
            }
        }
    }
    plans
}

/// Venues bound at registration by link or code; a code typed two days late; a code
/// nobody holds.
pub(super) fn ciawifi_plans(demo: &mut Demo, _program: &Program) -> Vec<ClientPlan> {
    fn new_venue(demo: &mut Demo, r: chrono::NaiveDate) -> ClientPlan {
        let (name, inn) = venue(demo);
        let id = demo.client_id(|d| format!("CW-{}{}", d.between(1, 9), d.number(4)));
        ClientPlan::new(CIAWIFI, id, name, Some(inn), r)
    }
    let mut plans = Vec::new();
    for _ in 0..78 {
        let r = demo.registration_day();
        let mut plan = new_venue(demo, r);
        let channel = match demo.dice.below(100) {
            0..=44 => Some(Channel::Link),
            45..=79 => Some(Channel::Promo),
            _ => None,
        };
        if let Some((channel, p)) = channel.zip(demo.pick_partner(CIAWIFI, r, None)) {
            plan.by(r, &p, channel);
        }
        plans.push(plan);
    }
    for _ in 0..2 {
        let r = demo.registration_day();
        let mut plan = new_venue(demo, r);
        if let Some(p) = demo.pick_partner(CIAWIFI, r, None) {
            plan.by(r + Duration::days(2), &p, Channel::Promo);
        }
        plans.push(plan);
    }
    let r = demo.registration_day();
    let mut plan = new_venue(demo, r);
    plan.attempt(
        r,
        &demo.unknown_code(CIAWIFI, &["12345", "54321", "11111"]),
        Channel::Promo,
    );
    plans.push(plan);
    plans
}
