//! The pure binding decision (`clients::decide`) on edge cases the store rarely reaches:
//! no code, no program version, no registration date, earlier payments, the order of checks.

mod common;

use chrono::NaiveDate;
use common::day;
use partnerbook_core::clients::{
    decide, AttemptPartner, BindingAttempt, ClientFacts, CurrentBinding, Decision, Refusal,
};
use partnerbook_core::partners::PartnerStatus;
use partnerbook_core::programs::templates::templates;
use partnerbook_core::programs::{BindingRules, Channel, Channel::*};

/// The binding rules of the template `program`, version in force on `date`, and its start.
fn rules(program: &str, date: NaiveDate) -> (BindingRules, NaiveDate) {
    let t = templates()
        .into_iter()
        .find(|t| t.id == program)
        .expect("a template");
    let (from, set) = t
        .versions
        .iter()
        .filter(|(from, _)| *from <= date)
        .max_by_key(|(from, _)| *from)
        .expect("in force");
    (set.binding.clone(), *from)
}

fn partner(id: &str, status: PartnerStatus, inn: Option<&str>) -> Option<AttemptPartner> {
    Some(AttemptPartner {
        id: id.to_owned(),
        status,
        status_since: None,
        inn: inn.map(str::to_owned),
        client_id: None,
    })
}

fn try_(channel: Channel, date: NaiveDate, p: Option<AttemptPartner>) -> BindingAttempt {
    BindingAttempt {
        date,
        channel,
        code: Some("CODE".into()),
        partner: p,
    }
}

fn registered(d: NaiveDate) -> ClientFacts {
    ClientFacts {
        registered: Some(d),
        ..ClientFacts::default()
    }
}

fn bound_to(partner: &str, since: NaiveDate) -> ClientFacts {
    ClientFacts {
        registered: Some(day(2025, 3, 1)),
        current: Some(CurrentBinding {
            partner: partner.into(),
            channel: Promo,
            since,
        }),
        ever_bound: true,
        ..ClientFacts::default()
    }
}

fn run(program: &str, facts: &ClientFacts, attempt: &BindingAttempt) -> Decision {
    let (r, since) = rules(program, attempt.date);
    decide(Some((&r, since)), facts, attempt)
}

fn refused(d: Decision) -> &'static str {
    match d {
        Decision::Refuse(r) => r.code(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

const BIND: Decision = Decision::Bind { note: None };

#[test]
fn no_partner_for_the_code_is_unknown_code_and_no_code_at_all_is_no_code() {
    let facts = registered(day(2025, 3, 1));
    let mut attempt = try_(Link, day(2025, 3, 1), None);
    assert_eq!(
        run("bitrix24", &facts, &attempt),
        Decision::Refuse(Refusal::UnknownCode("CODE".into()))
    );
    attempt.code = None;
    assert_eq!(
        run("bitrix24", &facts, &attempt),
        Decision::Refuse(Refusal::NoCode)
    );
    assert_eq!(Refusal::NoCode.code(), "no_code");
}

#[test]
fn an_inactive_partner_is_refused_before_anything_else_is_looked_at() {
    // Even on a date before registration and through a closed channel.
    let attempt = try_(
        Link,
        day(2026, 2, 1),
        partner("P", PartnerStatus::Disqualified, None),
    );
    assert_eq!(
        refused(run("bitrix24", &registered(day(2026, 3, 1)), &attempt)),
        "partner_inactive"
    );
    let attempt = try_(
        Link,
        day(2025, 3, 1),
        partner("P", PartnerStatus::Suspended, None),
    );
    assert_eq!(
        run("bitrix24", &registered(day(2025, 3, 1)), &attempt),
        BIND
    );
}

#[test]
fn no_program_version_in_force_is_refused() {
    let attempt = try_(
        Link,
        day(2025, 3, 1),
        partner("P", PartnerStatus::Active, None),
    );
    let d = decide(None, &registered(day(2025, 3, 1)), &attempt);
    assert_eq!(refused(d), "program_not_in_force");
}

#[test]
fn a_client_without_a_registration_date_is_refused() {
    let attempt = try_(
        Migrator,
        day(2025, 3, 1),
        partner("P", PartnerStatus::Active, None),
    );
    assert_eq!(
        refused(run("bitrix24", &ClientFacts::default(), &attempt)),
        "client_not_registered"
    );
}

#[test]
fn new_clients_only_refuses_a_client_bound_before_or_with_an_earlier_payment() {
    let p = || partner("P", PartnerStatus::Active, None);
    let ever_bound = ClientFacts {
        ever_bound: true,
        ..registered(day(2025, 3, 1))
    };
    assert_eq!(
        refused(run(
            "atlantys",
            &ever_bound,
            &try_(Promo, day(2025, 4, 1), p())
        )),
        "not_new_client"
    );
    let paid_before = ClientFacts {
        first_payment: Some(day(2025, 3, 15)),
        ..registered(day(2025, 3, 1))
    };
    assert_eq!(
        refused(run(
            "atlantys",
            &paid_before,
            &try_(Promo, day(2025, 4, 1), p())
        )),
        "not_new_client"
    );
    // The purchase made with the code itself is not an earlier payment.
    let paid_that_day = ClientFacts {
        first_payment: Some(day(2025, 4, 1)),
        ..registered(day(2025, 3, 1))
    };
    assert_eq!(
        run(
            "atlantys",
            &paid_that_day,
            &try_(Promo, day(2025, 4, 1), p())
        ),
        BIND
    );
    // bitrix24's promo is not for new clients only.
    assert_eq!(
        run("bitrix24", &paid_before, &try_(Promo, day(2025, 4, 1), p())),
        BIND
    );
}

#[test]
fn the_same_partner_again_keeps_the_binding_whatever_the_channel_allows() {
    let facts = bound_to("P", day(2025, 3, 2));
    let attempt = try_(
        Promo,
        day(2025, 4, 1),
        partner("P", PartnerStatus::Active, None),
    );
    assert_eq!(run("atlantys", &facts, &attempt), Decision::Keep);
    assert_eq!(run("bitrix24", &facts, &attempt), Decision::Keep);
}

#[test]
fn takeover_channels_refuse_an_event_older_than_the_current_binding() {
    let facts = bound_to("A", day(2025, 5, 1));
    let attempt = try_(
        Invoice,
        day(2025, 4, 30),
        partner("B", PartnerStatus::Active, None),
    );
    assert_eq!(
        run("bitrix24", &facts, &attempt),
        Decision::Refuse(Refusal::OlderThanCurrent {
            since: day(2025, 5, 1)
        })
    );
    let same_day = try_(
        Invoice,
        day(2025, 5, 1),
        partner("B", PartnerStatus::Active, None),
    );
    assert_eq!(run("bitrix24", &facts, &same_day), BIND);
}

#[test]
fn the_promo_note_is_given_only_where_the_program_allows_one_discount_per_client() {
    let facts = ClientFacts {
        promo_discount_used: true,
        ..registered(day(2025, 3, 1))
    };
    let attempt = try_(
        Promo,
        day(2025, 3, 1),
        partner("B", PartnerStatus::Active, None),
    );
    assert_eq!(
        run("bitrix24", &facts, &attempt),
        Decision::Bind {
            note: Some(Refusal::PromoDiscountUsed)
        }
    );
    assert_eq!(run("ciawifi", &facts, &attempt), BIND);
    let invoice = try_(
        Invoice,
        day(2025, 3, 1),
        partner("B", PartnerStatus::Active, None),
    );
    assert_eq!(run("bitrix24", &facts, &invoice), BIND);
}

#[test]
fn self_referral_by_the_partners_billing_account_is_exact_and_never_by_its_own_id() {
    let client = ClientFacts {
        client_id: Some("q1".into()),
        ..registered(day(2025, 3, 1))
    };
    let with_account = |account: Option<&str>| {
        try_(
            Link,
            day(2025, 3, 1),
            Some(AttemptPartner {
                client_id: account.map(str::to_owned),
                ..partner("Q1", PartnerStatus::Active, None).expect("a partner")
            }),
        )
    };
    assert_eq!(run("quantower", &client, &with_account(None)), BIND);
    assert_eq!(run("quantower", &client, &with_account(Some("Q1"))), BIND);
    assert_eq!(
        refused(run("quantower", &client, &with_account(Some("q1")))),
        "self_referral"
    );
}

#[test]
fn self_referral_needs_both_inns() {
    let own = ClientFacts {
        inn: Some("7707083893".into()),
        ..registered(day(2025, 3, 1))
    };
    let with_inn = try_(
        Link,
        day(2025, 3, 1),
        partner("P", PartnerStatus::Active, Some("7707083893")),
    );
    assert_eq!(refused(run("quantower", &own, &with_inn)), "self_referral");
    let without = try_(
        Link,
        day(2025, 3, 1),
        partner("P", PartnerStatus::Active, None),
    );
    assert_eq!(run("quantower", &own, &without), BIND);
    assert_eq!(
        run("quantower", &registered(day(2025, 3, 1)), &with_inn),
        BIND
    );
}

#[test]
fn the_window_counts_from_registration_and_is_inclusive() {
    let p = || partner("P", PartnerStatus::Active, None);
    let facts = registered(day(2025, 4, 20));
    assert_eq!(
        run("tele2-ats", &facts, &try_(Invite, day(2025, 5, 20), p())),
        BIND
    );
    assert_eq!(
        run("tele2-ats", &facts, &try_(Invite, day(2025, 5, 21), p())),
        Decision::Refuse(Refusal::WindowPassed {
            last_day: day(2025, 5, 20)
        })
    );
    assert_eq!(
        run("tele2-ats", &facts, &try_(Invite, day(2025, 4, 19), p())),
        Decision::Refuse(Refusal::BeforeRegistration {
            registered: day(2025, 4, 20)
        })
    );
}

#[test]
fn the_rule_set_is_chosen_by_the_event_date() {
    let p = || partner("P", PartnerStatus::Active, None);
    let facts = registered(day(2025, 12, 31));
    assert_eq!(
        run("bitrix24", &facts, &try_(Link, day(2025, 12, 31), p())),
        BIND
    );
    assert_eq!(
        run("bitrix24", &facts, &try_(Nfr, day(2026, 1, 1), p())),
        Decision::Refuse(Refusal::ChannelNotAccepted {
            channel: Nfr,
            since: day(2026, 1, 1)
        })
    );
    assert_eq!(
        run("bitrix24", &facts, &try_(Migrator, day(2026, 1, 1), p())),
        BIND
    );
}

#[test]
fn every_refusal_rebuilds_its_message_from_code_and_detail_in_both_languages() {
    let all = [
        Refusal::UnknownCode("X1".into()),
        Refusal::NoCode,
        Refusal::PartnerInactive {
            partner: "P-1".into(),
            status: PartnerStatus::Terminated,
        },
        Refusal::NotInForce,
        Refusal::ChannelNotAccepted {
            channel: PurchaseLink,
            since: day(2026, 1, 1),
        },
        Refusal::NotRegistered,
        Refusal::BeforeRegistration {
            registered: day(2025, 3, 1),
        },
        Refusal::NotAtRegistration {
            registered: day(2025, 3, 1),
        },
        Refusal::WindowPassed {
            last_day: day(2025, 5, 20),
        },
        Refusal::SelfReferral,
        Refusal::BoundToOther {
            partner: "P-2".into(),
            since: day(2025, 3, 1),
        },
        Refusal::NotNewClient,
        Refusal::OlderThanCurrent {
            since: day(2025, 3, 1),
        },
        Refusal::PromoDiscountUsed,
    ];
    let mut codes = std::collections::HashSet::new();
    for r in &all {
        assert!(codes.insert(r.code()), "{} is unique", r.code());
        let text = Refusal::text(r.code(), &r.detail());
        assert!(!text.ru.starts_with("отказ:"), "{}: {}", r.code(), text.ru);
        assert!(
            !text.en.starts_with("refused:"),
            "{}: {}",
            r.code(),
            text.en
        );
    }
    let text = |r: &Refusal| Refusal::text(r.code(), &r.detail());
    assert_eq!(
        text(&all[4]).ru,
        "канал «ссылка на покупку» не принимается программой с 01.01.2026"
    );
    assert_eq!(
        text(&all[10]).en,
        "the client is bound to partner P-2 since 2025-03-01; this channel does not move bindings"
    );
    assert_eq!(
        text(&all[12]).ru,
        "событие раньше текущей привязки клиента (с 01.03.2025)"
    );
    assert_eq!(
        Refusal::text("something_new", "").ru,
        "отказ: something_new"
    );
}
