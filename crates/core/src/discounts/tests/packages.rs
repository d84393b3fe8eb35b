//! SMS packages: once per inviter, when its total invitations first reach 3 and 5.

use super::{inv, inviter_lines, tele2};
use crate::discounts::{schedule, Invitation};

fn invitations(days: &[&str]) -> Vec<Invitation> {
    days.iter()
        .enumerate()
        .map(|(i, day)| inv("P-1", &format!("C-{}", i + 1), day, None))
        .collect()
}

fn packages(days: &[&str]) -> Vec<String> {
    inviter_lines(&invitations(days))
        .into_iter()
        .filter(|l| l.contains(" sms "))
        .collect()
}

#[test]
fn the_total_counts_across_chains_not_k() {
    // 3 in a chain (1 200 SMS), a gap, then 2 more: k restarts at 1 but the total
    // reaches 5 (3 200 SMS); further invitations earn no package again.
    let days = [
        "2026-01-10",
        "2026-01-20",
        "2026-01-30",
        "2027-06-01",
        "2027-06-15",
        "2029-01-01",
        "2029-01-02",
        "2029-01-03",
    ];
    assert_eq!(
        packages(&days),
        [
            "inviter P-1 sms 1200 2026-01-30",
            "inviter P-1 sms 3200 2027-06-15"
        ]
    );
    let k_at_five = inviter_lines(&invitations(&days))
        .into_iter()
        .find(|l| l.contains("2027-06-15.."));
    assert_eq!(
        k_at_five.as_deref(),
        Some("inviter P-1 k2 40% 2027-06-15..2027-12-14")
    );
}

#[test]
fn a_package_is_granted_on_the_day_with_no_percent_no_end_and_no_excludes() {
    let out = schedule(
        &tele2(),
        &invitations(&["2026-01-10", "2026-03-01", "2026-03-02"]),
    );
    let package = out
        .iter()
        .find(|p| p.sms_package.is_some())
        .expect("a package");
    assert_eq!(
        serde_json::to_value(package).expect("serialises"),
        serde_json::json!({"client": "P-1", "role": "inviter", "percent": null,
            "start": "2026-03-02", "end": null, "excludes": [], "sms_package": 1200,
            "program": "tele2-ats", "inviter": "P-1", "invitee": "C-3", "invited": 3})
    );
}

#[test]
fn packages_are_per_inviter() {
    let mut all = invitations(&["2026-01-10", "2026-01-11"]);
    all.push(inv("P-2", "D-1", "2026-01-12", None));
    assert!(inviter_lines(&all).iter().all(|l| !l.contains(" sms ")));
}
