//! tele2-ats clients: every inviter is a PBX client too; invitees register a code within
//! a month of their own registration (later ones are refused); a company's second account
//! cannot use its own code.

use chrono::{Duration, Months};

use super::clients::{busiest, russian_business, ClientPlan};
use super::context::Demo;
use crate::programs::{Channel, Program};

const PROGRAM: &str = "tele2-ats";

fn pbx_id(demo: &mut Demo) -> String {
    demo.client_id(|d| format!("ATS-{}{}", d.between(1, 9), d.number(6)))
}

/// A new PBX: promo period of 14 or 30 days for most (its last day is `promo_ends`).
fn new_pbx(demo: &mut Demo, registered: chrono::NaiveDate) -> ClientPlan {
    let (name, inn) = russian_business(demo);
    let id = pbx_id(demo);
    let mut plan = ClientPlan::new(PROGRAM, id, name, Some(inn), registered);
    if demo.dice.chance(70) {
        let days = if demo.dice.chance(60) { 13 } else { 29 };
        plan.record.promo_ends = Some(registered + Duration::days(days));
    }
    plan
}

pub(super) fn plans(demo: &mut Demo, _program: &Program) -> Vec<ClientPlan> {
    let mut plans = Vec::new();
    let inviters: Vec<_> = demo
        .partners
        .iter()
        .filter(|p| p.program == PROGRAM)
        .cloned()
        .collect();
    for p in &inviters {
        let r = demo.dice.days_after(p.registered, -300, -30);
        let id = pbx_id(demo);
        let mut plan = ClientPlan::new(PROGRAM, id, p.name.clone(), p.inn.clone(), r);
        plan.record.promo_ends = Some(r + Duration::days(13));
        plans.push(plan);
    }
    for _ in 0..82 {
        let r = demo.registration_day();
        let mut plan = new_pbx(demo, r);
        let day = match demo.dice.below(100) {
            0..=74 => Some(demo.dice.days_after(r, 0, 27)),
            75..=83 => Some(demo.dice.days_after(r, 35, 75)),
            _ => None,
        };
        if let Some((day, p)) = day.and_then(|d| Some(d).zip(demo.pick_partner(PROGRAM, d, None))) {
            plan.by(day, &p, Channel::Invite);
        }
        plans.push(plan);
    }
    let start = demo.history_start();
    // A chain: five clients invited a week apart lift the busiest inviter to 100 %.
    if let Some(top) = busiest(demo, PROGRAM, demo.today - Duration::days(60)) {
        if let Some(base) = demo.day_in(start.max(top.registered), demo.today - Duration::days(60))
        {
            for k in 0..5 {
                let r = base + Duration::days(7 * k);
                let mut plan = new_pbx(demo, r);
                plan.by(r + Duration::days(1), &top, Channel::Invite);
                plans.push(plan);
            }
        }
    }
    // The window's last day is accepted, the day after is not.
    if let Some(r) = demo.day_in(start, demo.today - Duration::days(45)) {
        for extra in [0, 1] {
            let mut plan = new_pbx(demo, r);
            let last = r.checked_add_months(Months::new(1)).unwrap_or(r);
            if let Some(p) = demo.pick_partner(PROGRAM, last, None) {
                plan.by(last + Duration::days(extra), &p, Channel::Invite);
            }
            plans.push(plan);
        }
    }
    // A second account of an inviter's company, with the inviter's own code.
    if let Some(own) = inviters.first() {
        if let Some(r) = demo.day_in(start.max(own.registered), demo.today - Duration::days(10)) {
            let id = pbx_id(demo);
            let name = format!("{} (второй номер)", own.name);
            let mut plan = ClientPlan::new(PROGRAM, id, name, own.inn.clone(), r);
            plan.by(r + Duration::days(3), own, Channel::Invite);
            plans.push(plan);
        }
    }
    // A second inviter's code for an invited client; the code from the program's text.
    if let Some(r) = demo.day_in(start, demo.today - Duration::days(30)) {
        let mut plan = new_pbx(demo, r);
        let a = demo.pick_partner(PROGRAM, r, None);
        if let Some(a) = a {
            plan.by(r + Duration::days(2), &a, Channel::Invite);
            if let Some(b) = demo.pick_partner(PROGRAM, r, Some(&a.id)) {
                plan.by(r + Duration::days(10), &b, Channel::Invite);
            }
        }
        plans.push(plan);
    }
    let r = demo.registration_day();
    let mut plan = new_pbx(demo, r);
    plan.attempt(
        r + Duration::days(1),
        &demo.unknown_code(PROGRAM, &["5e83e12b1", "5e83e12b7"]),
        Channel::Invite,
    );
    plans.push(plan);
    plans
}
