//! The inviter's ladder: k grows while the discount runs, restarts after it ended.

use super::{inv, inviter_lines, lines, tele2};
use crate::discounts::{schedule, DiscountRole, Invitation};

/// Invitations by P-1 of C-1, C-2, … on the given days.
fn chain(days: &[&str]) -> Vec<Invitation> {
    days.iter()
        .enumerate()
        .map(|(i, day)| inv("P-1", &format!("C-{}", i + 1), day, None))
        .collect()
}

#[test]
fn one_invitation_gives_20_percent_for_three_months() {
    assert_eq!(
        lines(&chain(&["2026-03-30"])),
        [
            "invitee C-1 20% 2026-03-30..2026-06-29",
            "inviter P-1 k1 20% 2026-03-30..2026-06-29"
        ]
    );
}

#[test]
fn k_rises_one_level_per_invitation_while_the_discount_runs_and_5_plus_stay_at_100() {
    let days = [
        "2026-01-10",
        "2026-02-10",
        "2026-03-10",
        "2026-04-10",
        "2026-05-10",
        "2026-06-10",
        "2026-07-10",
    ];
    assert_eq!(
        inviter_lines(&chain(&days)),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-02-09",
            "inviter P-1 k2 40% 2026-02-10..2026-03-09",
            "inviter P-1 k3 60% 2026-03-10..2026-04-09",
            "inviter P-1 sms 1200 2026-03-10",
            "inviter P-1 k4 80% 2026-04-10..2026-05-09",
            "inviter P-1 k5 100% 2026-05-10..2026-06-09",
            "inviter P-1 sms 3200 2026-05-10",
            "inviter P-1 k6 100% 2026-06-10..2026-07-09",
            "inviter P-1 k7 100% 2026-07-10..2027-07-09",
        ]
    );
}

#[test]
fn cut_periods_never_overlap_and_leave_no_gap() {
    let days = [
        "2026-01-10",
        "2026-01-11",
        "2026-03-01",
        "2026-12-31",
        "2027-02-28",
    ];
    let out = schedule(&tele2(), &chain(&days));
    let periods: Vec<_> = out
        .iter()
        .filter(|p| p.role == DiscountRole::Inviter && p.sms_package.is_none())
        .collect();
    assert_eq!(periods.len(), days.len());
    for pair in periods.windows(2) {
        let end = pair[0].end.expect("an end");
        assert!(pair[0].start <= end, "{pair:?}");
        assert_eq!(end.succ_opt(), Some(pair[1].start), "{pair:?}");
    }
}

#[test]
fn an_invitation_on_the_last_day_continues_the_chain() {
    // 20 % from 10.01 runs up to and including 09.04.
    assert_eq!(
        inviter_lines(&chain(&["2026-01-10", "2026-04-09"])),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-04-08",
            "inviter P-1 k2 40% 2026-04-09..2026-10-08",
        ]
    );
}

#[test]
fn an_invitation_the_day_after_the_end_restarts_at_1() {
    assert_eq!(
        inviter_lines(&chain(&["2026-01-10", "2026-04-10"])),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-04-09",
            "inviter P-1 k1 20% 2026-04-10..2026-07-09",
        ]
    );
}

#[test]
fn after_a_gap_the_chain_climbs_again_from_1() {
    assert_eq!(
        inviter_lines(&chain(&[
            "2026-01-10",
            "2026-02-10",
            "2026-09-10",
            "2026-10-10"
        ])),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-02-09",
            "inviter P-1 k2 40% 2026-02-10..2026-08-09",
            "inviter P-1 k1 20% 2026-09-10..2026-10-09",
            // The third invitation in all (not in the chain) earns the 1 200 SMS.
            "inviter P-1 sms 1200 2026-09-10",
            "inviter P-1 k2 40% 2026-10-10..2027-04-09",
        ]
    );
}

#[test]
fn a_second_invitation_the_same_day_replaces_that_days_period_instead_of_leaving_it_empty() {
    // Cutting the 20 % of 10.01 to end on 09.01 would leave an empty period: it is
    // withdrawn, and the day's second invitation gives its own level from that day.
    assert_eq!(
        lines(&chain(&["2026-01-10", "2026-01-10"])),
        [
            "invitee C-1 20% 2026-01-10..2026-04-09",
            "invitee C-2 20% 2026-01-10..2026-04-09",
            "inviter P-1 k2 40% 2026-01-10..2026-07-09",
        ]
    );
    // An earlier period is still cut the day before; the same day's steps collapse into
    // the last one; the package the day's 3rd invitation brought stays.
    assert_eq!(
        inviter_lines(&chain(&[
            "2026-01-10",
            "2026-02-10",
            "2026-02-10",
            "2026-02-10"
        ])),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-02-09",
            "inviter P-1 sms 1200 2026-02-10",
            "inviter P-1 k4 80% 2026-02-10..2027-02-09",
        ]
    );
}

#[test]
fn the_order_is_by_date_then_invitee_whatever_order_the_invitations_come_in() {
    let given = [
        inv("P-1", "C-b", "2026-01-10", None),
        inv("P-2", "C-z", "2026-01-09", None),
        inv("P-1", "C-a", "2026-01-10", None),
    ];
    let mut reversed = given.clone();
    reversed.reverse();
    assert_eq!(lines(&given), lines(&reversed));
    let invitees: Vec<String> = lines(&given)
        .into_iter()
        .filter(|l| l.starts_with("invitee"))
        .collect();
    assert_eq!(
        invitees,
        [
            "invitee C-z 20% 2026-01-09..2026-04-08",
            "invitee C-a 20% 2026-01-10..2026-04-09",
            "invitee C-b 20% 2026-01-10..2026-04-09",
        ]
    );
}

#[test]
fn each_inviter_has_its_own_chain() {
    let invitations = [
        inv("P-1", "C-1", "2026-01-10", None),
        inv("P-2", "C-2", "2026-01-20", None),
        inv("P-1", "C-3", "2026-02-10", None),
    ];
    assert_eq!(
        inviter_lines(&invitations),
        [
            "inviter P-1 k1 20% 2026-01-10..2026-02-09",
            "inviter P-2 k1 20% 2026-01-20..2026-04-19",
            "inviter P-1 k2 40% 2026-02-10..2026-08-09",
        ]
    );
}
