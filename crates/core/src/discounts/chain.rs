//! The inviter's ladder: one chain of invitations per inviter, with the periods and SMS
//! packages it grants (PROGRAMS.md §4, **Decision**).

use super::model::{DiscountPeriod, DiscountRole, Invitation};
use super::term::period_end;
use crate::programs::{DiscountRules, LadderStep};

/// What the schedule remembers of one inviter between its invitations.
#[derive(Debug, Default)]
pub(super) struct Chain {
    /// `k`: the invitations in the current chain.
    k: u32,
    /// Every invitation of the inviter, chains before included (the SMS packages count
    /// these, so a restarted chain never earns a package again).
    total: u32,
    /// Where the inviter's latest period sits in the schedule.
    latest: Option<usize>,
}

impl Chain {
    /// Counts `invitation` and writes what it grants the inviter into `schedule` (where a
    /// `None` is a period withdrawn, see below; [`super::schedule`] drops them).
    ///
    /// While the latest period is still running on the invitation day (that day ≤ its
    /// end, so an invitation on its very last day continues the chain), `k` grows by
    /// one; otherwise `k` restarts at 1. The new period starts that day at the level of
    /// `k` (levels past the ladder's top use its last step) and the running one is cut
    /// to end the day before, so periods never overlap.
    ///
    /// Two invitations on the same day: cutting the first day's period to end the day
    /// before its own start would leave an empty period, so that period is withdrawn
    /// and the new (higher) one takes its day instead — the history keeps only periods
    /// that last at least a day, and the inviter gets the level of the day's last
    /// invitation. An SMS package already granted that day stays.
    pub fn invite(
        &mut self,
        program: &str,
        rules: &DiscountRules,
        invitation: &Invitation,
        schedule: &mut Vec<Option<DiscountPeriod>>,
    ) {
        let date = invitation.date;
        self.total += 1;
        let running = self.latest.filter(|&i| {
            schedule
                .get(i)
                .and_then(|p| p.as_ref()?.end)
                .is_some_and(|end| date <= end)
        });
        self.k = if running.is_some() { self.k + 1 } else { 1 };
        let period = step_for(rules, self.k).and_then(|step| {
            Some(DiscountPeriod {
                percent: Some(step.percent.normalize()),
                end: Some(period_end(date, step.months)?),
                excludes: rules.excludes.clone(),
                ..granted(program, invitation, self.k)
            })
        });
        if let Some(period) = period {
            let running = running.and_then(|i| schedule.get_mut(i));
            if let Some(slot) = running {
                match slot {
                    Some(same_day) if same_day.start == date => *slot = None,
                    Some(cut) => cut.end = date.pred_opt().or(cut.end),
                    None => {}
                }
            }
            self.latest = Some(schedule.len());
            schedule.push(Some(period));
        }
        let packages = rules
            .ladder
            .iter()
            .filter(|step| step.invited == self.total)
            .filter_map(|step| step.sms_package);
        for sms in packages {
            schedule.push(Some(DiscountPeriod {
                sms_package: Some(sms),
                ..granted(program, invitation, self.total)
            }));
        }
    }
}

/// What `invitation` grants its inviter, on the invitation day: the caller fills in a
/// period's percent, end and excludes, or a package's size.
fn granted(program: &str, invitation: &Invitation, invited: u32) -> DiscountPeriod {
    DiscountPeriod {
        client: invitation.inviter.clone(),
        role: DiscountRole::Inviter,
        percent: None,
        start: invitation.date,
        end: None,
        excludes: Vec::new(),
        sms_package: None,
        program: program.to_owned(),
        inviter: invitation.inviter.clone(),
        invitee: invitation.invitee.clone(),
        invited: Some(invited),
    }
}

/// The ladder's step for `k` invitations: the highest step not above `k` (so 5+ is the
/// last step), whatever order the rules list them in. `None` below the first step.
fn step_for(rules: &DiscountRules, k: u32) -> Option<&LadderStep> {
    rules
        .ladder
        .iter()
        .filter(|step| step.invited <= k)
        .max_by_key(|step| step.invited)
}
