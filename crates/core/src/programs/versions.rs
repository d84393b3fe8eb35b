//! A program changes by a new version from a date: rates, windows, holds, thresholds.
//! Past accruals are ledger entries and stay as they were; payments dated on or after the
//! new version's first day are accrued by it.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::model::{ProgramVersion, RuleSet};
use crate::audit::{self, Actor};
use crate::store::programs::{insert_version, load_program};
use crate::{Error, Problem, Result, Text};

fn invalid(field: &'static str, code: &'static str, ru: String, en: String) -> Error {
    Error::Invalid(vec![Problem::new(code, Text::new(ru, en)).field(field)])
}

/// Checks what a person could have typed wrong in a rule set.
pub fn check_rules(rules: &RuleSet) -> Result<()> {
    use super::model::RewardRule::*;
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    for rule in &rules.rewards {
        let percent = match rule {
            FirstPurchase { percent }
            | LaterPurchases { percent, .. }
            | ListPrice { percent }
            | AmountPaid { percent } => Some(*percent),
            ActiveClient { .. } | ContractRate => None,
        };
        if let Some(p) = percent.filter(|p| p.is_sign_negative() || *p > hundred) {
            return Err(invalid(
                "rewards",
                "bad_percent",
                format!("процент вознаграждения {p} — вне 0…100"),
                format!("reward percent {p} is outside 0…100"),
            ));
        }
    }
    if let Some(c) = &rules.conversion {
        if c.min_amount.is_sign_negative() {
            return Err(invalid(
                "conversion",
                "bad_threshold",
                "порог конвертации не может быть отрицательным".into(),
                "the conversion threshold cannot be negative".into(),
            ));
        }
    }
    if rules.hold_days > 3650 {
        return Err(invalid(
            "hold_days",
            "bad_hold",
            format!("удержание {} дней — больше 10 лет", rules.hold_days),
            format!("a hold of {} days is over 10 years", rules.hold_days),
        ));
    }
    Ok(())
}

/// Adds a version of `program` in force from `from`. A version already starting that day
/// is refused: a version once used by accruals is never edited.
pub fn add_version(
    db: &Db,
    actor: &Actor,
    program: &str,
    from: NaiveDate,
    rules: &RuleSet,
) -> Result<ProgramVersion> {
    let existing = load_program(db, program)?;
    check_rules(rules)?;
    if existing.versions.iter().any(|v| v.effective_from == from) {
        return Err(invalid(
            "effective_from",
            "version_exists",
            format!(
                "версия с {} уже есть; выберите другую дату",
                from.format("%d.%m.%Y")
            ),
            format!("a version from {from} exists already; choose another day"),
        ));
    }
    let id = insert_version(db, program, from, rules)?;
    audit::record(
        db,
        actor,
        "new_version",
        "program",
        program,
        Some(&format!("from {from}")),
    )?;
    Ok(ProgramVersion {
        id,
        effective_from: from,
        rules: rules.clone(),
    })
}
