//! A purchase in the fold: the promo code on the row tried as a binding, the partner the
//! payment belongs to on its date, and what the pure rules say it earns.

use chrono::{Days, NaiveDate};

use super::binding::{Attempt, Attempted};
use super::output::{Entry, Sink};
use super::snapshot::{Bound, ClientState};
use super::{Attributed, Fold, Paid};
use crate::clients::{Decision, Refusal};
use crate::ledger::reasons::NoEarn;
use crate::ledger::rules::{evaluate, Attribution, Purchase};
use crate::ledger::write::Kind;
use crate::programs::{Channel, Program, ProgramVersion, RewardRule, RuleSet};
use crate::Result;

/// Whom a payment on `date` belongs to: the binding in force that day; failing that, a
/// binding made within the channel's look-back after the payment (bitrix24's migrator
/// counts payments from 30 days before the install).
pub fn binding_on<'b>(
    bindings: &'b [Bound],
    date: NaiveDate,
    rules: &RuleSet,
) -> Option<&'b Bound> {
    let in_force = bindings
        .iter()
        .rev()
        .find(|b| b.since <= date && b.until.is_none_or(|until| date < until));
    in_force.or_else(|| {
        bindings.iter().find(|b| {
            let lookback = rules
                .binding
                .channels
                .iter()
                .find(|c| c.channel == b.channel)
                .map_or(0, |c| c.lookback_days);
            let from = b
                .since
                .checked_sub_days(Days::new(lookback.into()))
                .unwrap_or(b.since);
            lookback > 0 && from <= date && date < b.since
        })
    })
}

impl<S: Sink> Fold<'_, S> {
    pub(super) fn purchase(&mut self, program: &Program, p: &Paid) -> Result<Attributed> {
        let Some(version) = program.version_on(p.date) else {
            return Ok((None, Some(NoEarn::NotInForce)));
        };
        let rules = &version.rules;
        let mut code_partner = None;
        if let Some(code) = &p.promo_code {
            if let Some(refusal) = self.promo_attempt(program, version, p, code)? {
                return Ok((None, Some(NoEarn::Binding(refusal))));
            }
            code_partner = self
                .snapshot
                .code_partner(&program.id, code)
                .map(str::to_owned);
        }
        let Some(client) = self.snapshot.clients.get(&p.client) else {
            return Ok((None, Some(NoEarn::NotBound)));
        };
        let Some(bound) = binding_on(&client.bindings, p.date, rules) else {
            let purchase = purchase_of(p, false);
            let reason = evaluate(rules, &purchase, None).err();
            return Ok((None, Some(reason.unwrap_or(NoEarn::NotBound))));
        };
        let purchase = purchase_of(p, code_partner.as_deref() == Some(bound.partner.as_str()));
        let who = self.attribution(rules, p, client, bound);
        let partner = Some(who.partner.clone());
        let earned = match evaluate(rules, &purchase, Some(&who)) {
            Ok(earned) => earned,
            Err(reason) => return Ok((partner, Some(reason))),
        };
        let credit = Entry {
            id: self.next_entry(),
            partner: who.partner.clone(),
            kind: Kind::Credit,
            date: p.date,
            available_on: earned.available_on,
            amount: earned.amount,
            payment: Some(p.id),
            client: Some(p.client),
            corrects: None,
            rule: earned.rule,
            version: Some(version.id),
            base: Some(earned.base),
            rate: Some(earned.rate),
            detail: None,
        };
        if earned.rule == "first_purchase" {
            if let Some(client) = self.snapshot.clients.get_mut(&p.client) {
                client.firsts.insert(who.partner.clone());
            }
        }
        // A credit of a partner already ended is annulled as it is given (`credit`).
        let annulled = self
            .snapshot
            .partners
            .get(&credit.partner)
            .and_then(super::PartnerFacts::ended_since)
            .is_some();
        if let Some(refunded) = self.snapshot.refunded.get_mut(&p.id) {
            refunded.partner.clone_from(&partner);
            refunded.credits.push(super::CreditState {
                entry: credit.id,
                partner: credit.partner.clone(),
                amount: credit.amount,
                available_on: credit.available_on,
                version: credit.version,
                reversed: 0,
                annulled,
            });
        }
        self.credit(program, credit)?;
        Ok((partner, None))
    }

    fn attribution(
        &self,
        rules: &RuleSet,
        p: &Paid,
        client: &ClientState,
        bound: &Bound,
    ) -> Attribution {
        // under a contract rate, a payment before the first rate still takes it
        let contract = rules.rewards.contains(&RewardRule::ContractRate);
        let facts = self.snapshot.partners.get(&bound.partner);
        let new_only = rules.payments.new_clients_only;
        Attribution {
            partner: bound.partner.clone(),
            ended_since: facts.and_then(|f| f.ended_since()),
            own_rate: facts.and_then(|f| f.rate_on(p.date, contract)),
            first_purchase_done: client.firsts.contains(&bound.partner),
            client_registered: client.registered_or_first_paid(),
            paid_before_binding: new_only && client.first_payment.is_some_and(|d| d < bound.since),
        }
    }

    /// The row's promo code, tried as a binding on the payment's day (once: the same
    /// attempt again is not decided twice). `Some` when it was refused.
    fn promo_attempt(
        &mut self,
        program: &Program,
        version: &ProgramVersion,
        p: &Paid,
        code: &str,
    ) -> Result<Option<Refusal>> {
        let rules = &version.rules;
        let promo = rules
            .binding
            .channels
            .iter()
            .any(|c| c.channel == Channel::Promo);
        let blocked = rules.payments.no_other_promotion && p.promotion.is_some();
        if !promo || blocked {
            return Ok(None);
        }
        let attempt = Attempt {
            program: program.id.clone(),
            client: p.client,
            code: code.to_owned(),
            channel: Channel::Promo,
            date: p.date,
        };
        Ok(match self.decide_attempt(program, &attempt)? {
            Attempted::Decided(Decision::Refuse(refusal)) => Some(refusal),
            _ => None,
        })
    }
}

fn purchase_of(p: &Paid, with_partners_code: bool) -> Purchase {
    Purchase {
        date: p.date,
        amount: p.amount,
        list_price: p.list_price,
        category: p.category,
        direct: p.direct,
        promotion: p.promotion.clone(),
        with_partners_code,
    }
}
