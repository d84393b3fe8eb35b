//! Why a payment earned nothing: a stable code, a detail, and the message in both
//! languages. Every payment that earns nothing keeps one of these.

use chrono::NaiveDate;

use crate::clients::Refusal;
use crate::detail::{pair, read_pair};
use crate::programs::Category;
use crate::Text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoEarn {
    /// The client was bound to no partner on the payment's date.
    NotBound,
    /// The row's category does not count (bitrix24: only `tariff`).
    CategoryNotCounted(Category),
    /// Not paid directly to the vendor.
    NotDirect,
    /// Carries another promotion, which the partner's code does not combine with.
    PromotionNotCombinable(String),
    /// The client paid before it was bound: not a new client.
    NotNewClient,
    /// The program rewards only purchases made with the partner's code.
    NoCode,
    /// Made on or after registration + N years.
    OutsideWindow { last_day: NaiveDate },
    /// The partner was terminated or disqualified on or before the payment's date.
    PartnerEnded { partner: String, since: NaiveDate },
    /// The program needs the partner's own rate, and the contract has none.
    NoContractRate { partner: String },
    /// The program pays discounts, not money (tele2-ats).
    DiscountsOnly,
    /// No reward rule of the program version applies.
    NoRule,
    /// The program had no version in force on the payment's date.
    NotInForce,
    /// A refund of a payment that earned nothing reverses nothing.
    RefundOfUnearned,
    /// A refund of a payment whose accrual was annulled (the partner's termination,
    /// disqualification or a breach) reverses nothing: the annulment took it already.
    RefundOfAnnulled,
    /// The reward rounds to zero.
    ZeroReward,
    /// The code on the row was refused for binding (self-referral, not a new client, ...).
    Binding(Refusal),
}

fn ru_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

impl NoEarn {
    /// The code of every reason of the accrual's own (a binding refusal keeps the
    /// binding rules' code).
    pub const CODES: [&'static str; 15] = [
        "not_bound",
        "category_not_counted",
        "not_direct",
        "promotion_not_combinable",
        "not_new_client",
        "no_code_used",
        "outside_window",
        "partner_ended",
        "no_contract_rate",
        "discounts_only",
        "no_rule",
        "program_not_in_force",
        "refund_of_unearned",
        "refund_of_annulled",
        "zero_reward",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            NoEarn::NotBound => "not_bound",
            NoEarn::CategoryNotCounted(_) => "category_not_counted",
            NoEarn::NotDirect => "not_direct",
            NoEarn::PromotionNotCombinable(_) => "promotion_not_combinable",
            NoEarn::NotNewClient => "not_new_client",
            NoEarn::NoCode => "no_code_used",
            NoEarn::OutsideWindow { .. } => "outside_window",
            NoEarn::PartnerEnded { .. } => "partner_ended",
            NoEarn::NoContractRate { .. } => "no_contract_rate",
            NoEarn::DiscountsOnly => "discounts_only",
            NoEarn::NoRule => "no_rule",
            NoEarn::NotInForce => "program_not_in_force",
            NoEarn::RefundOfUnearned => "refund_of_unearned",
            NoEarn::RefundOfAnnulled => "refund_of_annulled",
            NoEarn::ZeroReward => "zero_reward",
            NoEarn::Binding(r) => r.code(),
        }
    }

    /// The detail stored beside the code, enough to rebuild the message.
    pub fn detail(&self) -> String {
        match self {
            NoEarn::CategoryNotCounted(c) => c.key().to_owned(),
            NoEarn::PromotionNotCombinable(c) => c.clone(),
            NoEarn::OutsideWindow { last_day } => last_day.to_string(),
            NoEarn::PartnerEnded { partner, since } => {
                pair(("partner", partner), ("since", &since.to_string()))
            }
            NoEarn::NoContractRate { partner } => partner.clone(),
            NoEarn::Binding(r) => r.detail(),
            _ => String::new(),
        }
    }

    /// Rebuilds the message from a stored code and detail.
    pub fn text(code: &str, detail: &str) -> Text {
        let date = NaiveDate::parse_from_str(detail, "%Y-%m-%d").ok();
        match code {
            "not_bound" => Text::new(
                "клиент в дату оплаты не привязан ни к одному партнёру",
                "the client was bound to no partner on the payment date",
            ),
            "category_not_counted" => Text::new(
                format!(
                    "категория «{}» не вознаграждается: считаются только тарифы",
                    category_ru(detail)
                ),
                format!("category “{detail}” earns nothing: only tariffs count"),
            ),
            "not_direct" => Text::new(
                "оплата не напрямую вендору (через посредника) — не вознаграждается",
                "not paid directly to the vendor — earns nothing",
            ),
            "promotion_not_combinable" => Text::new(
                format!("код партнёра не суммируется с другой акцией («{detail}»)"),
                format!("the partner's code does not combine with another promotion (“{detail}”)"),
            ),
            "not_new_client" => Text::new(
                "клиент не новый: у него уже были оплаты или привязка",
                "not a new client: it already had payments or a binding",
            ),
            "no_code_used" => Text::new(
                "покупка сделана без кода партнёра",
                "the purchase was made without the partner's code",
            ),
            "outside_window" => {
                let d = date.map(ru_date).unwrap_or_default();
                Text::new(
                    format!("оплата позже трёх лет с регистрации клиента (последний день — {d})"),
                    format!("paid after the client's first three years (last day {detail})"),
                )
            }
            "partner_ended" => {
                let (partner, since) = read_pair(detail, "partner", "since");
                let since_ru = NaiveDate::parse_from_str(&since, "%Y-%m-%d")
                    .map(ru_date)
                    .unwrap_or_default();
                Text::new(format!("партнёр {partner} расторгнут или дисквалифицирован с {since_ru}: после этой даты ничего не начисляется"), format!("partner {partner} terminated or disqualified since {since}: nothing accrues after that date"))
            }
            "no_contract_rate" => Text::new(
                format!("в договоре партнёра {detail} не указана ставка вознаграждения"),
                format!("partner {detail}'s contract has no reward rate"),
            ),
            "discounts_only" => Text::new(
                "программа даёт скидки, а не деньги: см. график скидок",
                "the program gives discounts, not money: see the discount schedule",
            ),
            "no_rule" => Text::new(
                "ни одно правило вознаграждения программы не применяется",
                "no reward rule of the program applies",
            ),
            "program_not_in_force" => Text::new(
                "программа в дату оплаты не действовала",
                "the program was not in force on the payment date",
            ),
            "refund_of_unearned" => Text::new(
                "возврат платежа, за который ничего не начислялось",
                "a refund of a payment that earned nothing",
            ),
            "refund_of_annulled" => Text::new(
                "возврат платежа, начисление за который аннулировано: возвращать нечего",
                "a refund of a payment whose accrual was annulled: nothing left to reverse",
            ),
            "zero_reward" => Text::new(
                "вознаграждение после округления равно нулю",
                "the reward rounds to zero",
            ),
            other => Refusal::text(other, detail),
        }
    }
}

fn category_ru(key: &str) -> String {
    Category::parse(key).map_or_else(|| key.to_owned(), |c| c.name_ru().to_owned())
}

#[cfg(test)]
mod tests {
    use super::NoEarn;

    #[test]
    fn every_reason_has_its_own_russian_and_english_text() {
        for code in NoEarn::CODES {
            let text = NoEarn::text(code, "2026-01-01");
            assert!(!text.ru.contains(code), "{code}: {}", text.ru);
            assert!(!text.en.contains(code), "{code}: {}", text.en);
            assert_ne!(text.ru, text.en, "{code}");
        }
    }
}
