//! A program is data: versioned rule sets, each in force from a date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A way a client gets bound to a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Link,
    Promo,
    PurchaseLink,
    Invoice,
    Nfr,
    Migrator,
    Invite,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Link,
        Channel::Promo,
        Channel::PurchaseLink,
        Channel::Invoice,
        Channel::Nfr,
        Channel::Migrator,
        Channel::Invite,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Link => "link",
            Channel::Promo => "promo",
            Channel::PurchaseLink => "purchase_link",
            Channel::Invoice => "invoice",
            Channel::Nfr => "nfr",
            Channel::Migrator => "migrator",
            Channel::Invite => "invite",
        }
    }

    pub fn parse(value: &str) -> Option<Channel> {
        let v = value.trim().to_lowercase();
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == v || c.name_ru() == v)
    }

    pub fn name_ru(self) -> &'static str {
        match self {
            Channel::Link => "ссылка",
            Channel::Promo => "промокод",
            Channel::PurchaseLink => "ссылка на покупку",
            Channel::Invoice => "счёт партнёра",
            Channel::Nfr => "nfr",
            Channel::Migrator => "мигратор",
            Channel::Invite => "приглашение",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Channel::Link => "referral link",
            Channel::Promo => "promo code",
            Channel::PurchaseLink => "purchase link",
            Channel::Invoice => "partner's invoice",
            Channel::Nfr => "NFR banner",
            Channel::Migrator => "migrator",
            Channel::Invite => "invitation",
        }
    }
}

/// What a billing row paid for (FORMATS.md: `tariff`, `sms`, `other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    Tariff,
    Sms,
    Other,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Tariff, Category::Sms, Category::Other];

    /// The key the book stores.
    pub fn key(self) -> &'static str {
        match self {
            Category::Tariff => "tariff",
            Category::Sms => "sms",
            Category::Other => "other",
        }
    }

    pub fn name_ru(self) -> &'static str {
        match self {
            Category::Tariff => "тариф",
            Category::Sms => "смс",
            Category::Other => "прочее",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Category::Tariff => "tariff",
            Category::Sms => "sms",
            Category::Other => "other",
        }
    }

    /// A key or its Russian name, in any case.
    pub fn parse(value: &str) -> Option<Category> {
        let v = value.trim().to_lowercase();
        Category::ALL
            .into_iter()
            .find(|c| c.key() == v || c.name_ru() == v)
    }
}

/// What a binding through a channel may do to a client already bound to another partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Takeover {
    /// Refused while the client is bound to another partner.
    Never,
    /// The binding always moves to the new partner.
    Always,
}

/// How one channel binds under a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelRule {
    pub channel: Channel,
    pub takeover: Takeover,
    /// Only a client with no earlier payment and no earlier binding may be bound.
    #[serde(default)]
    pub new_clients_only: bool,
    /// The event must fall on the client's registration date.
    #[serde(default)]
    pub at_registration_only: bool,
    /// Only one promo discount per client ever: a later code still moves the binding,
    /// but the client's discount is refused (the event is flagged).
    #[serde(default)]
    pub one_discount_per_client: bool,
    /// Payments made this many days before the event still count for the partner
    /// (bitrix24 migrator: 30).
    #[serde(default)]
    pub lookback_days: u32,
}

/// How codes of the program look when the book generates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "length")]
#[ts(export)]
pub enum CodeFormat {
    Digits(u8),
    Alnum(u8),
    Hex(u8),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BindingRules {
    pub channels: Vec<ChannelRule>,
    /// A client may take a code up to this many months after its own registration
    /// (tele2-ats: 1; registered 20.04 → accepted up to and including 20.05).
    #[serde(default)]
    pub window_months: Option<u32>,
    /// A partner may not bind a client with its own ИНН.
    #[serde(default)]
    pub no_self_referral: bool,
}

/// Which billing rows can earn anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentFilter {
    /// Categories that count (`tariff`, `sms`, `other`); empty = all.
    pub categories: Vec<Category>,
    /// Only payments made directly to the vendor count.
    pub direct_only: bool,
    /// A payment that carries another promotion earns nothing.
    pub no_other_promotion: bool,
    /// A purchase by a client with any payment before its binding earns nothing.
    pub new_clients_only: bool,
    /// Only purchases made with the partner's code earn (atlantys: "25 % of each
    /// purchase made with the code").
    #[serde(default)]
    pub code_required: bool,
}

/// One rule that turns a fact into an accrual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "rule")]
#[ts(export)]
pub enum RewardRule {
    /// A percentage of the client's first counting purchase, per (client, partner).
    FirstPurchase {
        #[ts(type = "string")]
        percent: Decimal,
    },
    /// A percentage of every later counting purchase, optionally only within N years of
    /// the client's registration.
    LaterPurchases {
        #[ts(type = "string")]
        percent: Decimal,
        within_years: Option<u32>,
    },
    /// A fixed amount once per client that becomes active (more than `min_users` users,
    /// active a full month), bound through the given channel.
    ActiveClient {
        #[ts(type = "string")]
        amount: Decimal,
        min_users: u32,
        channel: Channel,
    },
    /// A percentage of the list price of each purchase.
    ListPrice {
        #[ts(type = "string")]
        percent: Decimal,
    },
    /// A percentage of the amount actually paid.
    AmountPaid {
        #[ts(type = "string")]
        percent: Decimal,
    },
    /// The percentage on the partner's contract (required; no default).
    ContractRate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PayoutKind {
    Bank,
    LicenceCredit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversionRules {
    /// The least amount a conversion may take (in the program's unit).
    #[ts(type = "string")]
    pub min_amount: Decimal,
    /// Money per unit (bitrix24: 1 bonus = 1 RUB).
    #[ts(type = "string")]
    pub unit_value: Decimal,
    /// A signed contract is needed before any conversion.
    pub requires_contract: bool,
    pub payout_kinds: Vec<PayoutKind>,
    /// Monthly payouts: what became available in a month is due by this day of the next.
    pub monthly_due_day: Option<u32>,
    /// The vendor signs an act within this many business days of receiving it.
    pub sign_business_days: Option<u32>,
    /// Payout is due this many business days after signing.
    pub pay_business_days: Option<u32>,
}

/// One step of the inviter's ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LadderStep {
    pub invited: u32,
    #[ts(type = "string")]
    pub percent: Decimal,
    pub months: u32,
    /// SMS package granted once, when the inviter's total first reaches `invited`.
    pub sms_package: Option<u32>,
}

/// Discounts instead of money (tele2-ats).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiscountRules {
    #[ts(type = "string")]
    pub invitee_percent: Decimal,
    pub invitee_months: u32,
    pub ladder: Vec<LadderStep>,
    /// Service categories the discounts do not apply to.
    pub excludes: Vec<String>,
}

/// Everything a program does, in force from `effective_from` until the next version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleSet {
    pub binding: BindingRules,
    pub payments: PaymentFilter,
    pub rewards: Vec<RewardRule>,
    pub hold_days: u32,
    pub conversion: Option<ConversionRules>,
    pub discounts: Option<DiscountRules>,
}

/// A program as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Program {
    pub id: String,
    pub name_ru: String,
    pub name_en: String,
    /// `bonus` for bitrix24, else the currency.
    pub unit: String,
    pub currency: String,
    pub code_format: CodeFormat,
    /// Partners must carry their own reward rate (ciawifi).
    pub rate_required: bool,
    /// Kinds of partner the program admits; empty = every kind.
    pub kinds: Vec<crate::partners::PartnerKind>,
    pub versions: Vec<ProgramVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramVersion {
    #[ts(type = "number")]
    pub id: i64,
    pub effective_from: NaiveDate,
    pub rules: RuleSet,
}

impl Program {
    /// The version in force on `date`, if the program had started by then.
    pub fn version_on(&self, date: NaiveDate) -> Option<&ProgramVersion> {
        self.versions
            .iter()
            .filter(|v| v.effective_from <= date)
            .max_by_key(|v| v.effective_from)
    }
}

/// A program as the pickers and filters show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramSummary {
    pub id: String,
    pub name_ru: String,
    pub name_en: String,
    pub unit: String,
    pub currency: String,
}
