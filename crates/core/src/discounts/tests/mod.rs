//! The discount rules, one test per rule of PROGRAMS.md §4 (the one-month window is the
//! binding's, tested in `tests/bindings_tele2_window.rs`).

mod chain;
mod invitee;
mod packages;
mod term;
mod versions;

use chrono::NaiveDate;

use super::{schedule, DiscountPeriod, DiscountRole, Invitation};
use crate::programs::templates::templates;
use crate::programs::{Program, ProgramVersion};

/// `YYYY-MM-DD`.
fn d(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("an ISO date")
}

/// The built-in tele2-ats program, as the book loads it.
fn tele2() -> Program {
    let t = templates()
        .into_iter()
        .find(|t| t.id == "tele2-ats")
        .expect("the template");
    Program {
        id: t.id.into(),
        name_ru: t.name_ru.into(),
        name_en: t.name_en.into(),
        unit: t.unit.into(),
        currency: t.currency.into(),
        code_format: t.code_format,
        rate_required: t.rate_required,
        kinds: t.kinds,
        versions: t
            .versions
            .into_iter()
            .zip(1..)
            .map(|((effective_from, rules), id)| ProgramVersion {
                id,
                effective_from,
                rules,
            })
            .collect(),
    }
}

/// `invitee` registered `inviter`'s code on `date`; its promo period ended `promo_ends`.
fn inv(inviter: &str, invitee: &str, date: &str, promo_ends: Option<&str>) -> Invitation {
    Invitation {
        inviter: inviter.into(),
        invitee: invitee.into(),
        date: d(date),
        promo_ends: promo_ends.map(d),
    }
}

/// One line per period or package: `invitee C-1 20% 2026-03-30..2026-06-29`,
/// `inviter P-1 k2 40% …`, `inviter P-1 sms 1200 2026-03-30`.
fn line(p: &DiscountPeriod) -> String {
    let percent = p.percent.map(|x| x.to_string()).unwrap_or_default();
    let end = p.end.map(|e| e.to_string()).unwrap_or_default();
    match (p.role, p.sms_package) {
        (DiscountRole::Invitee, _) => format!("invitee {} {percent}% {}..{end}", p.client, p.start),
        (DiscountRole::Inviter, Some(sms)) => format!("inviter {} sms {sms} {}", p.client, p.start),
        (DiscountRole::Inviter, None) => format!(
            "inviter {} k{} {percent}% {}..{end}",
            p.client,
            p.invited.unwrap_or_default(),
            p.start
        ),
    }
}

fn lines(invitations: &[Invitation]) -> Vec<String> {
    schedule(&tele2(), invitations).iter().map(line).collect()
}

/// Only the inviter's lines (periods and packages).
fn inviter_lines(invitations: &[Invitation]) -> Vec<String> {
    lines(invitations)
        .into_iter()
        .filter(|l| l.starts_with("inviter"))
        .collect()
}
