//! Each invitation is read under the program version in force on its date.

use super::{d, inv, line, tele2};
use crate::discounts::schedule;
use crate::programs::DiscountRules;

#[test]
fn each_invitation_uses_the_rules_in_force_on_its_date() {
    // A second version from 2026-02-01 raises the second step to 50 % and gives the
    // invitee 30 %; a third from 2026-03-01 stops the discounts altogether.
    let mut program = tele2();
    let mut v2 = program.versions[0].clone();
    v2.id = 2;
    v2.effective_from = d("2026-02-01");
    let rules: &mut DiscountRules = v2.rules.discounts.as_mut().expect("discounts");
    rules.invitee_percent = 30.into();
    rules.ladder[1].percent = 50.into();
    let mut v3 = v2.clone();
    v3.id = 3;
    v3.effective_from = d("2026-03-01");
    v3.rules.discounts = None;
    program.versions.extend([v2, v3]);
    let out = schedule(
        &program,
        &[
            inv("P-1", "C-1", "2026-01-10", None),
            inv("P-1", "C-4", "2026-04-20", None),
            inv("P-1", "C-3", "2026-02-05", None),
            inv("P-1", "C-2", "2026-03-01", None),
        ],
    );
    let lines: Vec<String> = out.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "invitee C-1 20% 2026-01-10..2026-04-09",
            "inviter P-1 k1 20% 2026-01-10..2026-02-04",
            "invitee C-3 30% 2026-02-05..2026-05-04",
            "inviter P-1 k2 50% 2026-02-05..2026-08-04",
        ]
    );
}
