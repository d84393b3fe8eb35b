//! The reward rules, pure: given a program version, a purchase and whom it belongs to,
//! what the partner earns — or why nothing. No SQLite here (DESIGN.md: "The rules are
//! pure"), so every rule is tested on its own and a change can be replayed.

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::reasons::NoEarn;
use crate::money::percent_of;
use crate::programs::{Category, Channel, RewardRule, RuleSet};

/// A billing row as the rules see it. Money in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub date: NaiveDate,
    pub amount: i64,
    pub list_price: i64,
    pub category: Category,
    pub direct: bool,
    pub promotion: Option<String>,
    /// The row carried the attributed partner's own code.
    pub with_partners_code: bool,
}

/// The partner a purchase belongs to, and what the rules need to know of them both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub partner: String,
    /// The day the partner was terminated or disqualified, if it was.
    pub ended_since: Option<NaiveDate>,
    /// The partner's own rate in force on the purchase date (contract rate, raised rate).
    pub own_rate: Option<Decimal>,
    /// This partner already earned the client's first purchase.
    pub first_purchase_done: bool,
    pub client_registered: Option<NaiveDate>,
    /// The client paid before it was bound to this partner.
    pub paid_before_binding: bool,
}

/// What a purchase earns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earned {
    /// `first_purchase`, `later_purchase`, `list_price`, `amount_paid`, `contract_rate`.
    pub rule: &'static str,
    pub base: i64,
    pub rate: Decimal,
    pub amount: i64,
    pub available_on: NaiveDate,
}

/// The last day of "within `years` years of `from`": the day before the anniversary
/// (29 February → the anniversary is 28 February).
pub fn window_last_day(from: NaiveDate, years: u32) -> NaiveDate {
    let anniversary = from
        .checked_add_months(Months::new(years * 12))
        .unwrap_or(NaiveDate::MAX);
    anniversary.pred_opt().unwrap_or(anniversary)
}

/// The day an accrual made on `date` becomes available.
pub fn available_on(date: NaiveDate, hold_days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(hold_days.into()))
        .unwrap_or(date)
}

/// Decides what a purchase earns under `rules` (the version in force on its date).
pub fn evaluate(
    rules: &RuleSet,
    purchase: &Purchase,
    who: Option<&Attribution>,
) -> Result<Earned, NoEarn> {
    if rules.rewards.is_empty() && rules.discounts.is_some() {
        return Err(NoEarn::DiscountsOnly);
    }
    let filter = &rules.payments;
    if !filter.categories.is_empty() && !filter.categories.contains(&purchase.category) {
        return Err(NoEarn::CategoryNotCounted(purchase.category));
    }
    if filter.direct_only && !purchase.direct {
        return Err(NoEarn::NotDirect);
    }
    if let (true, Some(promotion)) = (filter.no_other_promotion, &purchase.promotion) {
        return Err(NoEarn::PromotionNotCombinable(promotion.clone()));
    }
    let who = who.ok_or(NoEarn::NotBound)?;
    if let Some(since) = who.ended_since.filter(|since| *since <= purchase.date) {
        return Err(NoEarn::PartnerEnded {
            partner: who.partner.clone(),
            since,
        });
    }
    if filter.new_clients_only && who.paid_before_binding {
        return Err(NoEarn::NotNewClient);
    }
    if filter.code_required && !purchase.with_partners_code {
        return Err(NoEarn::NoCode);
    }
    let (rule, base, rate) = reward(rules, purchase, who)?;
    let amount = percent_of(base, rate);
    if amount <= 0 {
        return Err(NoEarn::ZeroReward);
    }
    Ok(Earned {
        rule,
        base,
        rate,
        amount,
        available_on: available_on(purchase.date, rules.hold_days),
    })
}

/// The first reward rule that applies: its key, base and rate.
fn reward(
    rules: &RuleSet,
    purchase: &Purchase,
    who: &Attribution,
) -> Result<(&'static str, i64, Decimal), NoEarn> {
    let mut refusal = NoEarn::NoRule;
    for rule in &rules.rewards {
        match rule {
            RewardRule::FirstPurchase { percent } if !who.first_purchase_done => {
                return Ok(("first_purchase", purchase.amount, *percent));
            }
            RewardRule::FirstPurchase { .. } | RewardRule::ActiveClient { .. } => {}
            RewardRule::LaterPurchases {
                percent,
                within_years,
            } => {
                let last_day = match (within_years, who.client_registered) {
                    (None, _) => None,
                    (Some(years), Some(registered)) => Some(window_last_day(registered, *years)),
                    // Without a registration date the window cannot be checked: nothing.
                    (Some(_), None) => Some(NaiveDate::MIN),
                };
                match last_day {
                    Some(last_day) if purchase.date > last_day => {
                        refusal = NoEarn::OutsideWindow { last_day };
                    }
                    _ => return Ok(("later_purchase", purchase.amount, *percent)),
                }
            }
            RewardRule::ListPrice { percent } => {
                return Ok(("list_price", purchase.list_price, *percent));
            }
            RewardRule::AmountPaid { percent } => {
                let rate = who.own_rate.unwrap_or(*percent);
                return Ok(("amount_paid", purchase.amount, rate));
            }
            RewardRule::ContractRate => {
                let rate = who.own_rate.ok_or_else(|| NoEarn::NoContractRate {
                    partner: who.partner.clone(),
                })?;
                return Ok(("contract_rate", purchase.amount, rate));
            }
        }
    }
    Err(refusal)
}

/// The one-off reward for a client that became active (bitrix24's 100 bonuses): the
/// rule in force on `active_since`, when the client has more than `min_users` users and
/// was bound through the rule's channel.
pub fn activity_reward(
    rules: &RuleSet,
    users: u32,
    bound_through: Channel,
) -> Option<(&'static str, i64)> {
    rules.rewards.iter().find_map(|rule| match rule {
        RewardRule::ActiveClient {
            amount,
            min_users,
            channel,
        } if users > *min_users && *channel == bound_through => {
            crate::money::to_minor(*amount).map(|minor| ("active_client", minor))
        }
        _ => None,
    })
}
