//! Reading the ledger back: a partner's entries, each with the reason in words.

use crate::store::sql::Db;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Lang, Result, Text};

/// One ledger entry as `accruals --json` and the partner's ledger tab show it. Money as
/// decimal strings; `reason` is the entry explained in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LedgerEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub partner: String,
    pub program: String,
    pub unit: String,
    /// `credit`, `reversal`, `annulment`, `conversion`, `conversion_reversal`, `payout`.
    pub kind: String,
    pub date: String,
    pub available_on: String,
    pub amount: String,
    /// The rule that produced it: `first_purchase`, `later_purchase`, `active_client`,
    /// `list_price`, `amount_paid`, `contract_rate`, `refund`, `termination`, ...
    pub rule: String,
    /// The billing `payment_id` it comes from, if any.
    pub payment: Option<String>,
    /// The client's id in the billing system, if any.
    pub client: Option<String>,
    /// The entry this one corrects.
    #[ts(type = "number | null")]
    pub corrects: Option<i64>,
    /// The program version's first day.
    pub version_from: Option<String>,
    pub base: Option<String>,
    pub rate: Option<String>,
    pub reason: String,
}

fn rule_text(rule: &str) -> Text {
    match rule {
        "first_purchase" => Text::new("первая покупка клиента", "the client's first purchase"),
        "later_purchase" => Text::new(
            "последующая покупка клиента",
            "a later purchase of the client",
        ),
        "active_client" => Text::new("новый активный клиент", "a new active client"),
        "list_price" => Text::new("от цены без скидки", "of the list price"),
        "amount_paid" => Text::new("от оплаченной суммы", "of the amount paid"),
        "contract_rate" => Text::new("по ставке договора", "at the contract's rate"),
        "refund" => Text::new(
            "сторно: возврат платежа",
            "reversal: the payment was refunded",
        ),
        "termination" => Text::new(
            "аннулировано: партнёрство расторгнуто",
            "annulled: the partnership was terminated",
        ),
        "disqualification" => Text::new(
            "аннулировано: партнёр дисквалифицирован",
            "annulled: the partner was disqualified",
        ),
        "violation" => Text::new(
            "аннулировано: нарушение правил программы",
            "annulled: a breach of the program's rules",
        ),
        "conversion" => Text::new("конвертация по акту", "converted under the act"),
        "conversion_reversal" => Text::new(
            "акт отклонён, сумма вернулась на баланс",
            "the act was rejected; the amount is back on the balance",
        ),
        "payout" => Text::new("выплачено по акту", "paid out under the act"),
        "rule_change" => Text::new(
            "корректировка: правила программы изменены задним числом",
            "correction: the program's rules were changed for past payments",
        ),
        super::adjust::MANUAL_ADJUSTMENT => {
            Text::new("корректировка вручную", "a manual adjustment")
        }
        other => Text::new(other, other),
    }
}

/// Explains an entry: "50 % × 12000.00 — первая покупка клиента C-7 (платёж P-1; версия с 01.01.2026)".
fn explain(e: &LedgerEntry, detail: Option<&str>, lang: Lang) -> String {
    let what = rule_text(&e.rule).get(lang).to_owned();
    let mut text = match (&e.rate, &e.base) {
        (Some(rate), Some(base)) => format!("{rate} % × {base} — {what}"),
        (None, Some(base)) if e.rule == "refund" => match lang {
            Lang::Ru => format!("{what} на {base}"),
            Lang::En => format!("{what}: {base}"),
        },
        _ => what,
    };
    let mut about = Vec::new();
    if let Some(client) = &e.client {
        about.push(match lang {
            Lang::Ru => format!("клиент {client}"),
            Lang::En => format!("client {client}"),
        });
    }
    if let Some(payment) = &e.payment {
        about.push(match lang {
            Lang::Ru => format!("платёж {payment}"),
            Lang::En => format!("payment {payment}"),
        });
    }
    let origin = crate::programs::templates::origin().to_string();
    if let Some(from) = e.version_from.as_ref().filter(|f| **f != origin) {
        about.push(match lang {
            Lang::Ru => format!("правила с {}", crate::documents::russian::iso_date(from)),
            Lang::En => format!("rules from {from}"),
        });
    }
    if let Some(corrects) = e.corrects {
        about.push(match lang {
            Lang::Ru => format!("исправляет запись №{corrects}"),
            Lang::En => format!("corrects entry #{corrects}"),
        });
    }
    if let (Some(users), "active_client") = (detail, e.rule.as_str()) {
        about.push(match lang {
            Lang::Ru => format!("пользователей: {users}"),
            Lang::En => format!("users: {users}"),
        });
    } else if let Some(detail) = detail.filter(|d| !d.is_empty()) {
        about.push(detail.to_owned());
    }
    if !about.is_empty() {
        text.push_str(&format!(" ({})", about.join("; ")));
    }
    text
}

/// The partner's ledger, oldest first.
pub fn partner_entries(db: &Db, partner: &str, lang: Lang) -> Result<Vec<LedgerEntry>> {
    let mut entries = Vec::new();
    for (mut entry, detail) in crate::store::ledger::partner_entries(db, partner)? {
        entry.reason = explain(&entry, detail.as_deref(), lang);
        entries.push(entry);
    }
    Ok(entries)
}
