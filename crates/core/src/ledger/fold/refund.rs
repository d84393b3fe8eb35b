//! A refund in the fold: it reverses the original payment's credits pro rata. After every
//! refund of a payment the reversed total is `credit × refunded / paid`, rounded half-up,
//! so a full refund nets to exactly zero and rounding never creates money. A credit
//! already annulled is not reversed: the annulment took what was left of it, and a
//! reversal on top would take it twice.

use super::output::{Entry, Sink};
use super::{Attributed, Fold, Paid};
use crate::ledger::reasons::NoEarn;
use crate::ledger::write::Kind;
use crate::money::share;
use crate::programs::Program;
use crate::Result;

impl<S: Sink> Fold<'_, S> {
    pub(super) fn refund(
        &mut self,
        program: &Program,
        p: &Paid,
        original: i64,
    ) -> Result<Attributed> {
        let Some(refunded) = self.snapshot.refunded.get_mut(&original) else {
            return Ok((None, Some(NoEarn::RefundOfUnearned)));
        };
        refunded.refunds.push((p.date, -p.amount));
        let partner = refunded.partner.clone();
        if refunded.credits.is_empty() {
            return Ok((partner, Some(NoEarn::RefundOfUnearned)));
        }
        if refunded.credits.iter().all(|c| c.annulled) {
            return Ok((partner, Some(NoEarn::RefundOfAnnulled)));
        }
        let paid = refunded.amount;
        let so_far: i64 = refunded
            .refunds
            .iter()
            .filter(|(day, _)| *day <= p.date)
            .map(|(_, amount)| amount)
            .sum();
        let mut reversals = Vec::new();
        for credit in refunded.credits.iter_mut().filter(|c| !c.annulled) {
            let target = share(credit.amount, so_far.min(paid), paid).min(credit.amount);
            let reversal = target - credit.reversed;
            if reversal <= 0 {
                continue;
            }
            credit.reversed += reversal;
            reversals.push(Entry {
                id: 0,
                partner: credit.partner.clone(),
                kind: Kind::Reversal,
                date: p.date,
                available_on: credit.available_on,
                amount: reversal,
                payment: Some(p.id),
                client: Some(p.client),
                corrects: Some(credit.entry),
                rule: "refund",
                version: credit.version,
                base: Some(-p.amount),
                rate: None,
                detail: None,
            });
        }
        for mut reversal in reversals {
            reversal.id = self.next_entry();
            self.tally(program).reversed += reversal.amount;
            self.sink.entry(reversal)?;
        }
        Ok((partner, None))
    }
}
