//! bitrix24 clients: portals bound through all six channels until the cutover, only the
//! migrator after it; bindings moved by promo codes and invoices; refused attempts.

use chrono::{Duration, Months, NaiveDate};

use super::clients::{russian_business, ClientPlan};
use super::context::Demo;
use super::names;
use crate::programs::{Channel, Program};

const PROGRAM: &str = "bitrix24";
const CLIENTS: usize = 205;
const PORTAL: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// Codes that no partner holds: typed from memory, or from another program.
const MISTYPED: [&str; 4] = ["B24PARTN", "BX24PROMO", "PROMO2025", "PARTNER01"];

/// The first day only the migrator binds (2026-01-01 in the template), read from the
/// program's versions.
fn migrator_only_since(program: &Program) -> Option<NaiveDate> {
    program
        .versions
        .iter()
        .find(|v| {
            let channels = &v.rules.binding.channels;
            !channels.is_empty() && channels.iter().all(|c| c.channel == Channel::Migrator)
        })
        .map(|v| v.effective_from)
}

/// A portal: `granit-logistik.bitrix24.ru`, or a generated `b24-x7k2q9.bitrix24.ru`.
fn new_client(demo: &mut Demo, registered: NaiveDate) -> ClientPlan {
    let (name, inn) = russian_business(demo);
    new_client_named(demo, registered, name, inn)
}

fn new_client_named(
    demo: &mut Demo,
    registered: NaiveDate,
    name: String,
    inn: String,
) -> ClientPlan {
    let bare = name.trim_start_matches("ООО").trim_start_matches("АО");
    let slug = names::translit(bare);
    let id = demo.client_id(|d| {
        if d.chance(65) && !slug.is_empty() {
            format!("{slug}.bitrix24.ru")
        } else {
            format!("b24-{}.bitrix24.ru", d.chars(PORTAL, 6))
        }
    });
    let mut plan = ClientPlan::new(PROGRAM, id, name, Some(inn), registered);
    activity(demo, &mut plan);
    plan
}

/// Intranet users and, for a client with more than 3 that stayed a full month, the day
/// it became active.
fn activity(demo: &mut Demo, plan: &mut ClientPlan) {
    if !demo.dice.chance(75) {
        return;
    }
    let users = match demo.dice.below(10) {
        0..=2 => demo.dice.between(1, 3),
        3..=7 => demo.dice.between(4, 15),
        _ => demo.dice.between(16, 120),
    };
    plan.record.users = u32::try_from(users).ok();
    let month_later = plan.registered().checked_add_months(Months::new(1));
    if let Some(month_later) = month_later.filter(|_| users > 3) {
        let grew = if demo.dice.chance(70) {
            0
        } else {
            demo.dice.between(1, 90)
        };
        let active = month_later + Duration::days(1 + grew);
        plan.record.active_since = (active <= demo.today).then_some(active);
    }
}

/// Until the cutover: one channel of six, sometimes a move to another partner (refused
/// once it falls after the cutover) or the same partner again.
fn open_era(demo: &mut Demo, plan: &mut ClientPlan) {
    let r = plan.registered();
    let (day, channel) = match demo.dice.below(100) {
        0..=29 => (r, Channel::Link),
        30..=34 => (r, Channel::Nfr),
        35..=49 => (demo.dice.days_after(r, 0, 14), Channel::Promo),
        50..=59 => (demo.dice.days_after(r, 3, 45), Channel::Invoice),
        60..=67 => (demo.dice.days_after(r, 7, 90), Channel::PurchaseLink),
        68..=79 => (demo.dice.days_after(r, 0, 30), Channel::Migrator),
        _ => return,
    };
    let Some(first) = demo.pick_partner(PROGRAM, day, None) else {
        return;
    };
    plan.by(day, &first, channel);
    let roll = demo.dice.below(100);
    if roll < 18 {
        let later = demo.dice.days_after(day, 15, 100);
        if let Some(other) = demo.pick_partner(PROGRAM, later, Some(&first.id)) {
            let channel = if demo.dice.chance(55) {
                Channel::Promo
            } else {
                Channel::Invoice
            };
            plan.by(later, &other, channel);
        }
    } else if roll < 24 {
        let later = demo.dice.days_after(day, 30, 200);
        plan.by(later, &first, Channel::Invoice);
    }
}

/// From the cutover: the migrator; partners still sending links and promo codes are
/// refused; a second partner's migrator does not take a bound client.
fn migrator_era(demo: &mut Demo, plan: &mut ClientPlan) {
    let r = plan.registered();
    let roll = demo.dice.below(100);
    let day = demo.dice.days_after(r, 0, 30);
    let Some(first) = demo.pick_partner(PROGRAM, day, None) else {
        return;
    };
    match roll {
        0..=44 => plan.by(day, &first, Channel::Migrator),
        45..=54 => {
            let old = [
                Channel::Promo,
                Channel::Link,
                Channel::Invoice,
                Channel::PurchaseLink,
            ];
            let channel = demo.dice.pick(&old).copied().unwrap_or(Channel::Promo);
            plan.by(r, &first, channel);
            if demo.dice.chance(50) {
                let later = demo.dice.days_after(day, 5, 40);
                plan.by(later, &first, Channel::Migrator);
            }
        }
        55..=59 => {
            plan.by(day, &first, Channel::Migrator);
            let later = demo.dice.days_after(day, 30, 120);
            if let Some(other) = demo.pick_partner(PROGRAM, later, Some(&first.id)) {
                plan.by(later, &other, Channel::Migrator);
            }
        }
        _ => {}
    }
}

/// The cases every demo book shows, whatever the dice said (each where the dates allow).
fn scripted(demo: &mut Demo, cutover: Option<NaiveDate>, plans: &mut Vec<ClientPlan>) {
    let start = demo.history_start();
    let open_until = cutover.unwrap_or(demo.today) - Duration::days(60);
    // Moved by another partner's promo code or invoice; the second promo gets no discount.
    for (first, second) in [
        (Channel::Link, Channel::Promo),
        (Channel::Promo, Channel::Promo),
        (Channel::Nfr, Channel::Invoice),
    ] {
        let Some(r) = demo.day_in(start, open_until) else {
            break;
        };
        let mut plan = new_client(demo, r);
        let later = demo.dice.days_after(r, 10, 40);
        if let Some(a) = busiest(demo, r) {
            plan.by(r, &a, first);
            if let Some(b) = demo.pick_partner(PROGRAM, later, Some(&a.id)) {
                plan.by(later, &b, second);
            }
        }
        plans.push(plan);
    }
    // A promo code after the cutover, for a client bound before it.
    if let Some(cut) = cutover {
        for _ in 0..2 {
            let (Some(r), Some(late)) = (
                demo.day_in(start, cut - Duration::days(1)),
                demo.day_in(cut, demo.today),
            ) else {
                break;
            };
            let mut plan = new_client(demo, r);
            if let (Some(a), Some(b)) = (
                demo.pick_partner(PROGRAM, r, None),
                demo.pick_partner(PROGRAM, late, None),
            ) {
                plan.by(r, &a, Channel::Link);
                plan.by(late, &b, Channel::Promo);
            }
            plans.push(plan);
        }
    }
    // A referral link used days after the portal was registered.
    if let Some(r) = demo.day_in(start, open_until) {
        let mut plan = new_client(demo, r);
        if let Some(a) = demo.pick_partner(PROGRAM, r, None) {
            plan.by(r + Duration::days(3), &a, Channel::Link);
        }
        plans.push(plan);
    }
    // A second partner's migrator for a client bound by the first.
    for _ in 0..2 {
        let Some(r) = demo.day_in(start, demo.today - Duration::days(90)) else {
            break;
        };
        let mut plan = new_client(demo, r);
        let later = demo.dice.days_after(r, 20, 60);
        if let Some(a) = demo.pick_partner(PROGRAM, r, None) {
            plan.by(r, &a, Channel::Migrator);
            if let Some(b) = demo.pick_partner(PROGRAM, later, Some(&a.id)) {
                plan.by(later, &b, Channel::Migrator);
            }
        }
        plans.push(plan);
    }
    // Codes no partner holds.
    for typo in MISTYPED.iter().take(2) {
        let r = demo.registration_day();
        let mut plan = new_client(demo, r);
        let code = demo.unknown_code(PROGRAM, &[typo]);
        plan.attempt(r, &code, Channel::Migrator);
        plans.push(plan);
    }
    // A partner installing its own migrator on its own portal.
    if let Some(own) = demo
        .partners
        .iter()
        .find(|p| p.program == PROGRAM && p.ends.is_none())
        .cloned()
    {
        if let Some(r) = demo.day_in(own.registered, demo.today - Duration::days(3)) {
            let inn = own.inn.clone().unwrap_or_default();
            let mut plan = new_client_named(demo, r, own.name.clone(), inn);
            plan.by(r + Duration::days(2), &own, Channel::Migrator);
            plans.push(plan);
        }
    }
    // The terminated partner's migrator, after the termination.
    if let Some(gone) = demo.ending_partner(PROGRAM) {
        let end = gone.ends.map_or(demo.today, |(end, _)| end);
        if let Some(r) = demo.day_in(end, demo.today) {
            let mut plan = new_client(demo, r);
            plan.by(r, &gone, Channel::Migrator);
            plans.push(plan.late());
        }
    }
}

fn busiest(demo: &Demo, day: NaiveDate) -> Option<super::context::DemoPartner> {
    super::clients::busiest(demo, PROGRAM, day)
}

pub(super) fn plans(demo: &mut Demo, program: &Program) -> Vec<ClientPlan> {
    let cutover = migrator_only_since(program);
    let mut plans = Vec::with_capacity(CLIENTS + 12);
    for _ in 0..CLIENTS {
        let registered = demo.registration_day();
        let mut plan = new_client(demo, registered);
        if cutover.is_none_or(|c| registered < c) {
            open_era(demo, &mut plan);
        } else {
            migrator_era(demo, &mut plan);
        }
        plans.push(plan);
    }
    scripted(demo, cutover, &mut plans);
    plans
}
