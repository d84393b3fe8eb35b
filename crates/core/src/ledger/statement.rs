//! A partner's statement (выписка) for a period: the balance before it, every entry in it
//! with its reason, and the balance after. The balance here is what is not yet converted:
//! credits less reversals, annulments and conversions, plus rejected conversions.

use crate::store::sql::Db;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::adjust::MANUAL_ADJUSTMENT;
use super::entries::partner_entries;
use crate::acts::document::{partner_party, vendor_party};
use crate::documents::{Statement, StatementLine};
use crate::partners::get_partner;
use crate::programs::load_program;
use crate::vendor::vendor;
use crate::{Error, Lang, Result};

/// What an entry of `kind` made by `rule` does to the unconverted balance, and its name
/// on a statement.
fn effect(kind: &str, rule: &str) -> (i64, &'static str) {
    match kind {
        "credit" | "reversal" if rule == MANUAL_ADJUSTMENT => {
            (if kind == "credit" { 1 } else { -1 }, "Корректировка")
        }
        "credit" => (1, "Начисление"),
        "reversal" => (-1, "Сторно"),
        "annulment" => (-1, "Аннулирование"),
        "conversion" => (-1, "Конвертация"),
        "conversion_reversal" => (1, "Возврат конвертации"),
        "payout" => (0, "Выплата"),
        _ => (0, "Запись"),
    }
}

/// The statement of `partner` from `from` to `to` inclusive, made on `made`.
pub fn statement(
    db: &Db,
    partner: &str,
    from: NaiveDate,
    to: NaiveDate,
    made: NaiveDate,
) -> Result<Statement> {
    if to < from {
        return Err(Error::refused(
            "bad_period",
            format!(
                "Период с {} по {} пуст: конец раньше начала",
                from.format("%d.%m.%Y"),
                to.format("%d.%m.%Y")
            ),
            format!("The period {from} to {to} is empty: it ends before it starts"),
        ));
    }
    let p = get_partner(db, partner)?;
    let program = load_program(db, &p.program)?;
    let signing = crate::acts::signing_by_entry(db, partner)?;
    let mut opening = Decimal::ZERO;
    let mut lines = Vec::new();
    for e in partner_entries(db, partner, Lang::Ru)? {
        let (Ok(date), Ok(amount)) = (
            NaiveDate::parse_from_str(&e.date, "%Y-%m-%d"),
            e.amount.parse::<Decimal>(),
        ) else {
            continue;
        };
        let (sign, kind) = effect(&e.kind, &e.rule);
        let change = amount * Decimal::from(sign);
        if date < from {
            opening += change;
        } else if date <= to {
            let mut reason = if sign == 0 {
                format!("{} {} {}", e.reason, amount, program.unit)
            } else {
                e.reason
            };
            if let Some(act) = signing.get(&e.id) {
                reason.push_str(&signed_words(act));
            }
            lines.push(StatementLine {
                date,
                kind: kind.to_owned(),
                reason,
                amount: change,
            });
        }
    }
    let closing = opening + lines.iter().map(|l| l.amount).sum::<Decimal>();
    Ok(Statement {
        partner_id: p.partner_id.clone(),
        partner: partner_party(&p),
        vendor: vendor_party(vendor(db)?)?,
        program: program.name_ru,
        unit: program.unit,
        from,
        to,
        opening,
        lines,
        closing,
        made,
    })
}

/// « — акт № 2026-0007, подписан 05.12.2026 (ЭП)» beside an act's entries.
fn signed_words(act: &crate::acts::ActSigning) -> String {
    match act.signed {
        Some(day) => format!(
            " — акт № {}, подписан {}{}",
            act.number,
            day.format("%d.%m.%Y"),
            if act.electronic { " (ЭП)" } else { "" }
        ),
        None => format!(" — акт № {}", act.number),
    }
}
