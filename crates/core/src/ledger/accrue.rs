//! Accruing payments: finds whom each payment belongs to, asks the pure rules what it
//! earns, and appends the ledger entries — or records why it earned nothing.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::facts::{
    binding_on, bindings_of, first_purchase_earned, paid_before, partner_of_code, registered,
    Bound, Partners,
};
use super::reasons::NoEarn;
use super::rules::{activity_reward, evaluate, Attribution, Earned, Purchase};
use super::summary::{AccrualTotal, Tally};
use super::write::{Kind, NewEntry};
use crate::clients::{facts, recorded_before, BindOutcome, Binder};
use crate::programs::{Channel, Program, ProgramCache, RewardRule, RuleSet};
use crate::Result;

/// What the accrual knows of a client during one import.
struct ClientState {
    bindings: Vec<Bound>,
    registered: Option<NaiveDate>,
}

/// A stored payment, as the accrual reads it back.
#[derive(Debug, Clone)]
pub struct StoredPayment {
    pub id: i64,
    pub program: String,
    pub client: i64,
    pub date: NaiveDate,
    pub amount: i64,
    pub list_price: i64,
    pub category: String,
    pub direct: bool,
    pub refund_of: Option<i64>,
    pub promo_code: Option<String>,
    pub promotion: Option<String>,
}

/// Accrues within one transaction; remembers programs, partners and first purchases.
pub(crate) struct Accruer {
    programs: ProgramCache,
    partners: Partners,
    /// Each client's bindings and registration day, read once per import.
    clients: HashMap<i64, Rc<ClientState>>,
    /// (client, partner) → the partner already earned the client's first purchase.
    firsts: HashMap<(i64, String), bool>,
    codes: HashMap<(String, String), Option<String>>,
    binder: Binder,
    tallies: BTreeMap<String, Tally>,
    import: Option<i64>,
    at: String,
}

impl Accruer {
    pub fn new(import: Option<i64>, at: String) -> Accruer {
        Accruer {
            programs: ProgramCache::default(),
            partners: Partners::default(),
            clients: HashMap::new(),
            firsts: HashMap::new(),
            codes: HashMap::new(),
            binder: Binder::default(),
            tallies: BTreeMap::new(),
            import,
            at,
        }
    }

    fn program(&mut self, db: &Connection, id: &str) -> Result<Option<Rc<Program>>> {
        self.programs.get(db, id)
    }

    fn tally(&mut self, program: &Program) -> &mut Tally {
        let tally = self.tallies.entry(program.id.clone()).or_default();
        tally.unit.clone_from(&program.unit);
        tally
    }

    /// Accrues one payment (or refund). Payments must come in date order.
    pub fn payment(&mut self, db: &Connection, p: &StoredPayment) -> Result<()> {
        let Some(program) = self.program(db, &p.program)? else {
            return Ok(());
        };
        self.tally(&program).payments += 1;
        let outcome = match p.refund_of {
            Some(original) => self.refund(db, &program, p, original)?,
            None => self.purchase(db, &program, p)?,
        };
        let (partner, reason) = outcome;
        let tally = self.tally(&program);
        match &reason {
            None => tally.earned += 1,
            Some(_) => tally.unearned += 1,
        }
        if let Some(reason) = &reason {
            db.prepare_cached(
                "INSERT INTO payment_outcomes (payment, partner, reason, detail) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                p.id,
                partner,
                reason.code(),
                Some(reason.detail()).filter(|d| !d.is_empty()),
            ])?;
        }
        Ok(())
    }

    /// A purchase: (the partner it was attributed to, why it earned nothing).
    fn purchase(
        &mut self,
        db: &Connection,
        program: &Program,
        p: &StoredPayment,
    ) -> Result<(Option<String>, Option<NoEarn>)> {
        let Some(version) = program.version_on(p.date) else {
            return Ok((None, Some(NoEarn::NotInForce)));
        };
        let rules = &version.rules;
        let mut code_partner = None;
        if let Some(code) = &p.promo_code {
            let promo = rules
                .binding
                .channels
                .iter()
                .any(|c| c.channel == Channel::Promo);
            let blocked = rules.payments.no_other_promotion && p.promotion.is_some();
            let day = p.date.to_string();
            if promo && !blocked && !recorded_before(db, p.client, &day, Channel::Promo, code)? {
                // A client first seen in the billing registered, as far as the book
                // knows, on the day of this purchase.
                let mut known = facts(db, p.client)?;
                known.registered = known.registered.or(Some(p.date));
                let attempt = (code.as_str(), Channel::Promo, p.date);
                let outcome =
                    self.binder
                        .bind(db, program, p.client, attempt, self.import, Some(known))?;
                if let BindOutcome::Refused(refusal) = outcome {
                    return Ok((None, Some(NoEarn::Binding(refusal))));
                }
            }
            code_partner = self.code(db, &program.id, code)?;
        }
        let client = self.client(db, p.client)?;
        let bound = binding_on(&client.bindings, p.date, rules);
        let purchase = Purchase {
            date: p.date,
            amount: p.amount,
            list_price: p.list_price,
            category: p.category.clone(),
            direct: p.direct,
            promotion: p.promotion.clone(),
            with_partners_code: bound
                .is_some_and(|b| code_partner.as_deref() == Some(b.partner.as_str())),
        };
        let who = match bound {
            None => None,
            Some(b) => {
                Some(self.attribution(db, rules, p, &b.partner, b.since, client.registered)?)
            }
        };
        let partner = who.as_ref().map(|w| w.partner.clone());
        match (evaluate(rules, &purchase, who.as_ref()), who) {
            (Err(reason), _) => Ok((partner, Some(reason))),
            (Ok(earned), Some(who)) => {
                self.credit(db, program, version.id, p, &who, &earned)?;
                Ok((partner, None))
            }
            (Ok(_), None) => Ok((None, Some(NoEarn::NotBound))),
        }
    }

    fn attribution(
        &mut self,
        db: &Connection,
        rules: &RuleSet,
        p: &StoredPayment,
        partner: &str,
        since: NaiveDate,
        registered: Option<NaiveDate>,
    ) -> Result<Attribution> {
        // under a contract rate, a payment before the first rate still takes it
        let contract = rules.rewards.contains(&RewardRule::ContractRate);
        let facts = self.partners.get(db, partner)?;
        let (ended_since, own_rate) = (facts.ended_since, facts.rate_on(p.date, contract));
        let key = (p.client, partner.to_owned());
        let first_purchase_done = match self.firsts.get(&key) {
            Some(done) => *done,
            None => {
                let done = first_purchase_earned(db, p.client, partner)?;
                self.firsts.insert(key, done);
                done
            }
        };
        let new_only = rules.payments.new_clients_only;
        Ok(Attribution {
            partner: partner.to_owned(),
            ended_since,
            own_rate,
            first_purchase_done,
            client_registered: registered,
            paid_before_binding: new_only && paid_before(db, p.client, since)?,
        })
    }

    fn credit(
        &mut self,
        db: &Connection,
        program: &Program,
        version: i64,
        p: &StoredPayment,
        who: &Attribution,
        earned: &Earned,
    ) -> Result<()> {
        let credit = NewEntry {
            partner: &who.partner,
            kind: Kind::Credit,
            date: p.date,
            available_on: earned.available_on,
            amount: earned.amount,
            payment: Some(p.id),
            client: Some(p.client),
            corrects: None,
            rule: earned.rule,
            version: Some(version),
            base: Some(earned.base),
            rate: Some(earned.rate),
            detail: None,
            import: self.import,
            at: &self.at,
        };
        let id = credit.append(db)?;
        if earned.rule == "first_purchase" {
            self.firsts.insert((p.client, who.partner.clone()), true);
        }
        self.tally(program).credited += earned.amount;
        self.annul_if_ended(db, program, who, id, earned.amount, earned.available_on)
    }

    /// A credit for a partner already terminated or disqualified (for a payment made
    /// before that day) is annulled at once: its unconverted balance stays nil.
    fn annul_if_ended(
        &mut self,
        db: &Connection,
        program: &Program,
        who: &Attribution,
        credit: i64,
        amount: i64,
        available_on: NaiveDate,
    ) -> Result<()> {
        let Some(since) = who.ended_since else {
            return Ok(());
        };
        NewEntry {
            partner: &who.partner,
            kind: Kind::Annulment,
            date: since,
            available_on,
            amount,
            payment: None,
            client: None,
            corrects: Some(credit),
            rule: "termination",
            version: None,
            base: None,
            rate: None,
            detail: None,
            import: self.import,
            at: &self.at,
        }
        .append(db)?;
        self.tally(program).annulled += amount;
        Ok(())
    }

    /// A refund reverses the original payment's credits pro rata: after every refund of a
    /// payment the reversed total is `credit × refunded / paid`, rounded half-up, so a full
    /// refund nets to exactly zero and rounding never creates money.
    fn refund(
        &mut self,
        db: &Connection,
        program: &Program,
        p: &StoredPayment,
        original: i64,
    ) -> Result<(Option<String>, Option<NoEarn>)> {
        let (paid, partner): (i64, Option<String>) = db
            .prepare_cached(
                "SELECT p.amount, coalesce(o.partner, (SELECT partner FROM ledger WHERE payment = p.id LIMIT 1))
                 FROM payments p LEFT JOIN payment_outcomes o ON o.payment = p.id WHERE p.id = ?1",
            )?
            .query_row([original], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let refunded: i64 = db
            .prepare_cached(
                "SELECT -coalesce(sum(amount), 0) FROM payments WHERE refund_of = ?1 AND (date < ?2 OR (date = ?2 AND id <= ?3))",
            )?
            .query_row(params![original, p.date.to_string(), p.id], |r| r.get(0))?;
        let mut stmt = db.prepare_cached(
            "SELECT c.id, c.partner, c.amount, c.available_on, c.version,
                    coalesce((SELECT sum(x.amount) FROM ledger x WHERE x.corrects = c.id AND x.kind = 'reversal'), 0)
             FROM ledger c WHERE c.payment = ?1 AND c.kind = 'credit'",
        )?;
        let credits = stmt
            .query_map([original], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if credits.is_empty() {
            return Ok((partner, Some(NoEarn::RefundOfUnearned)));
        }
        for (credit, credit_partner, amount, available_on, version, reversed) in credits {
            let target = crate::money::share(amount, refunded.min(paid), paid).min(amount);
            let reversal = target - reversed;
            if reversal <= 0 {
                continue;
            }
            NewEntry {
                partner: &credit_partner,
                kind: Kind::Reversal,
                date: p.date,
                available_on: NaiveDate::parse_from_str(&available_on, "%Y-%m-%d")
                    .unwrap_or(p.date),
                amount: reversal,
                payment: Some(p.id),
                client: Some(p.client),
                corrects: Some(credit),
                rule: "refund",
                version,
                base: Some(-p.amount),
                rate: None,
                detail: None,
                import: self.import,
                at: &self.at,
            }
            .append(db)?;
            self.tally(program).reversed += reversal;
        }
        Ok((partner, None))
    }

    /// The one-off reward for a client that became active (bitrix24's 100 bonuses until
    /// 2025-12-31), once per client, to the partner it was bound to through the rule's
    /// channel on `active_since`.
    pub fn activity(
        &mut self,
        db: &Connection,
        program: &Program,
        client: i64,
        users: u32,
        active_since: NaiveDate,
    ) -> Result<bool> {
        let Some(version) = program.version_on(active_since) else {
            return Ok(false);
        };
        let state = self.client(db, client)?;
        let Some(bound) = state
            .bindings
            .iter()
            .rev()
            .find(|b| b.since <= active_since && b.until.is_none_or(|u| active_since < u))
        else {
            return Ok(false);
        };
        let Some(channel) = bound.channel else {
            return Ok(false);
        };
        let Some((rule, amount)) = activity_reward(&version.rules, users, channel) else {
            return Ok(false);
        };
        let earned_before: bool = db
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM ledger WHERE client = ?1 AND rule = 'active_client')",
            )?
            .query_row([client], |r| r.get(0))?;
        let ended = self.partners.get(db, &bound.partner)?.ended_since;
        if earned_before || ended.is_some_and(|since| since <= active_since) {
            return Ok(false);
        }
        let who = Attribution {
            partner: bound.partner.clone(),
            ended_since: ended,
            own_rate: None,
            first_purchase_done: false,
            client_registered: None,
            paid_before_binding: false,
        };
        let available_on = super::rules::available_on(active_since, version.rules.hold_days);
        let id = NewEntry {
            partner: &bound.partner,
            kind: Kind::Credit,
            date: active_since,
            available_on,
            amount,
            payment: None,
            client: Some(client),
            corrects: None,
            rule,
            version: Some(version.id),
            base: None,
            rate: None,
            detail: Some(users.to_string()),
            import: self.import,
            at: &self.at,
        }
        .append(db)?;
        self.tally(program).credited += amount;
        self.tally(program).earned += 1;
        self.annul_if_ended(db, program, &who, id, amount, available_on)?;
        Ok(true)
    }

    fn client(&mut self, db: &Connection, client: i64) -> Result<Rc<ClientState>> {
        if let Some(state) = self.clients.get(&client) {
            return Ok(state.clone());
        }
        let state = Rc::new(ClientState {
            bindings: bindings_of(db, client)?,
            registered: registered(db, client)?,
        });
        self.clients.insert(client, state.clone());
        Ok(state)
    }

    fn code(&mut self, db: &Connection, program: &str, code: &str) -> Result<Option<String>> {
        let key = (program.to_owned(), code.to_lowercase());
        if let Some(found) = self.codes.get(&key) {
            return Ok(found.clone());
        }
        let found = partner_of_code(db, program, code)?;
        self.codes.insert(key, found.clone());
        Ok(found)
    }

    /// Writes what the binder kept pending and returns the totals per program.
    pub fn finish(self, db: &Connection) -> Result<Vec<AccrualTotal>> {
        self.binder.finish(db)?;
        Ok(self
            .tallies
            .iter()
            .map(|(program, t)| t.total(program))
            .collect())
    }
}
