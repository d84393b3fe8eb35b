//! The five built-in programs a new book starts with (see PROGRAMS.md). Each is data:
//! a user can copy one and change rates, dates, holds and thresholds.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::*;
use crate::partners::PartnerKind;

/// A template: the program without book ids, its versions as (from, rules).
pub struct Template {
    pub id: &'static str,
    pub name_ru: &'static str,
    pub name_en: &'static str,
    pub unit: &'static str,
    pub currency: &'static str,
    pub code_format: CodeFormat,
    pub rate_required: bool,
    /// Kinds of partner the program admits; empty = every kind.
    pub kinds: Vec<PartnerKind>,
    pub versions: Vec<(NaiveDate, RuleSet)>,
}

/// The day the first version of every template is in force from.
pub fn origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn pct(n: i64) -> Decimal {
    Decimal::from(n)
}

fn channel(channel: Channel, takeover: Takeover) -> ChannelRule {
    ChannelRule {
        channel,
        takeover,
        new_clients_only: false,
        at_registration_only: false,
        one_discount_per_client: false,
        lookback_days: 0,
    }
}

fn all_payments() -> PaymentFilter {
    PaymentFilter {
        categories: vec![],
        direct_only: false,
        no_other_promotion: false,
        new_clients_only: false,
        code_required: false,
    }
}

pub fn templates() -> Vec<Template> {
    vec![bitrix24(), atlantys(), quantower(), tele2_ats(), ciawifi()]
}

fn bitrix24() -> Template {
    use Channel::*;
    use Takeover::*;
    let migrator = ChannelRule {
        lookback_days: 30,
        ..channel(Migrator, Never)
    };
    let new_at_registration = |c| ChannelRule {
        new_clients_only: true,
        at_registration_only: true,
        ..channel(c, Never)
    };
    let payments = PaymentFilter {
        categories: vec![Category::Tariff],
        direct_only: true,
        no_other_promotion: false,
        new_clients_only: false,
        code_required: false,
    };
    let purchases = vec![
        RewardRule::FirstPurchase { percent: pct(50) },
        RewardRule::LaterPurchases {
            percent: pct(20),
            within_years: Some(3),
        },
    ];
    let conversion = ConversionRules {
        min_amount: Decimal::from(5000),
        unit_value: Decimal::ONE,
        requires_contract: true,
        payout_kinds: vec![PayoutKind::Bank],
        monthly_due_day: None,
        sign_business_days: Some(3),
        pay_business_days: Some(10),
    };
    let until_2025 = RuleSet {
        binding: BindingRules {
            channels: vec![
                new_at_registration(Link),
                ChannelRule {
                    one_discount_per_client: true,
                    ..channel(Promo, Always)
                },
                channel(PurchaseLink, Always),
                channel(Invoice, Always),
                new_at_registration(Nfr),
                migrator.clone(),
            ],
            window_months: None,
            no_self_referral: true,
        },
        payments: payments.clone(),
        rewards: [
            vec![RewardRule::ActiveClient {
                amount: Decimal::from(100),
                min_users: 3,
                channel: Link,
            }],
            purchases.clone(),
        ]
        .concat(),
        hold_days: 0,
        conversion: Some(conversion.clone()),
        discounts: None,
    };
    let from_2026 = RuleSet {
        binding: BindingRules {
            channels: vec![migrator],
            window_months: None,
            no_self_referral: true,
        },
        payments,
        rewards: purchases,
        hold_days: 0,
        conversion: Some(conversion),
        discounts: None,
    };
    Template {
        id: "bitrix24",
        name_ru: "Битрикс24 — партнёрская программа",
        name_en: "Bitrix24 cloud partner program",
        unit: "bonus",
        currency: "RUB",
        code_format: CodeFormat::Alnum(8),
        rate_required: false,
        kinds: vec![PartnerKind::Ooo, PartnerKind::Ip],
        versions: vec![(origin(), until_2025), (day(2026, 1, 1), from_2026)],
    }
}

fn atlantys() -> Template {
    let new_only = |c| ChannelRule {
        new_clients_only: true,
        ..channel(c, Takeover::Never)
    };
    let rules = RuleSet {
        binding: BindingRules {
            channels: vec![new_only(Channel::Promo), new_only(Channel::Link)],
            window_months: None,
            no_self_referral: true,
        },
        payments: PaymentFilter {
            categories: vec![],
            direct_only: false,
            no_other_promotion: true,
            new_clients_only: true,
            code_required: true,
        },
        rewards: vec![RewardRule::ListPrice { percent: pct(25) }],
        hold_days: 14,
        conversion: Some(ConversionRules {
            min_amount: Decimal::ZERO,
            unit_value: Decimal::ONE,
            requires_contract: true,
            payout_kinds: vec![PayoutKind::Bank],
            monthly_due_day: Some(10),
            sign_business_days: None,
            pay_business_days: None,
        }),
        discounts: None,
    };
    Template {
        id: "atlantys",
        name_ru: "Atlantys — реферальная программа",
        name_en: "Atlantys referral program",
        unit: "KZT",
        currency: "KZT",
        code_format: CodeFormat::Alnum(6),
        rate_required: false,
        kinds: vec![],
        versions: vec![(origin(), rules)],
    }
}

fn quantower() -> Template {
    let rules = RuleSet {
        binding: BindingRules {
            channels: vec![ChannelRule {
                at_registration_only: true,
                ..channel(Channel::Link, Takeover::Never)
            }],
            window_months: None,
            no_self_referral: true,
        },
        payments: all_payments(),
        rewards: vec![RewardRule::AmountPaid { percent: pct(20) }],
        hold_days: 0,
        conversion: Some(ConversionRules {
            min_amount: Decimal::from(50),
            unit_value: Decimal::ONE,
            requires_contract: false,
            payout_kinds: vec![PayoutKind::Bank, PayoutKind::LicenceCredit],
            monthly_due_day: None,
            sign_business_days: None,
            pay_business_days: None,
        }),
        discounts: None,
    };
    Template {
        id: "quantower",
        name_ru: "Quantower — реферальная программа",
        name_en: "Quantower referral program",
        unit: "USD",
        currency: "USD",
        code_format: CodeFormat::Alnum(8),
        rate_required: false,
        kinds: vec![],
        versions: vec![(origin(), rules)],
    }
}

fn tele2_ats() -> Template {
    let step = |invited, percent, months, sms_package| LadderStep {
        invited,
        percent: pct(percent),
        months,
        sms_package,
    };
    let rules = RuleSet {
        binding: BindingRules {
            channels: vec![channel(Channel::Invite, Takeover::Never)],
            window_months: Some(1),
            no_self_referral: true,
        },
        payments: all_payments(),
        rewards: vec![],
        hold_days: 0,
        conversion: None,
        discounts: Some(DiscountRules {
            invitee_percent: pct(20),
            invitee_months: 3,
            ladder: vec![
                step(1, 20, 3, None),
                step(2, 40, 6, None),
                step(3, 60, 12, Some(1200)),
                step(4, 80, 12, None),
                step(5, 100, 12, Some(3200)),
            ],
            excludes: vec!["sms".into()],
        }),
    };
    Template {
        id: "tele2-ats",
        name_ru: "Tele2 Корпоративная АТС — приглашения",
        name_en: "Tele2 Corporate PBX invitations",
        unit: "RUB",
        currency: "RUB",
        code_format: CodeFormat::Hex(9),
        rate_required: false,
        kinds: vec![],
        versions: vec![(origin(), rules)],
    }
}

fn ciawifi() -> Template {
    let at_registration = |c| ChannelRule {
        at_registration_only: true,
        ..channel(c, Takeover::Never)
    };
    let rules = RuleSet {
        binding: BindingRules {
            channels: vec![
                at_registration(Channel::Link),
                at_registration(Channel::Promo),
            ],
            window_months: None,
            no_self_referral: true,
        },
        payments: all_payments(),
        rewards: vec![RewardRule::ContractRate],
        hold_days: 0,
        conversion: Some(ConversionRules {
            min_amount: Decimal::ZERO,
            unit_value: Decimal::ONE,
            requires_contract: true,
            payout_kinds: vec![PayoutKind::Bank],
            monthly_due_day: None,
            sign_business_days: None,
            pay_business_days: None,
        }),
        discounts: None,
    };
    Template {
        id: "ciawifi",
        name_ru: "CIA WiFi — реферальная программа",
        name_en: "CIA WiFi referral program",
        unit: "RUB",
        currency: "RUB",
        code_format: CodeFormat::Digits(5),
        rate_required: true,
        kinds: vec![],
        versions: vec![(origin(), rules)],
    }
}
