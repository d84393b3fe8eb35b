//! The accruals screen and the partner card's «Начисления» tab: balances as of a day, a
//! partner's ledger, payments that earned nothing, accruals per month, and annulment for
//! a breach of the rules.

use partnerbook_core::api;
use partnerbook_core::ledger::{
    Adjusted, Adjustment, BalanceQuery, BalanceRow, BalanceTable, MonthlyAccrual, PartnerLedger,
    UnearnedPage, UnearnedQuery,
};
use partnerbook_core::money::minor_text;
use partnerbook_core::{ErrorDto, Text};
use tauri::State;

use super::days::{amount as amount_of, day, day_or_today};
use crate::state::AppState;

/// Every partner's balance as of `as_of` (today when none), of one program or all.
#[tauri::command]
pub async fn balances(
    state: State<'_, AppState>,
    as_of: Option<String>,
    program: Option<String>,
) -> Result<Vec<BalanceRow>, ErrorDto> {
    state
        .read(move |book, _| {
            let as_of = day_or_today("as_of", as_of.as_deref())?;
            api::balances(book, as_of, program.as_deref())
        })
        .await
}

/// The balances table as the accruals screen asks for it (day, program, search, sort), with
/// the totals per unit: the screen adds no money.
#[tauri::command]
pub async fn balances_table(
    state: State<'_, AppState>,
    query: BalanceQuery,
) -> Result<BalanceTable, ErrorDto> {
    state
        .read(move |book, _| api::balance_table(book, &query))
        .await
}

/// One partner's balance as of `as_of` (today when none) and every entry of its ledger.
#[tauri::command]
pub async fn partner_ledger(
    state: State<'_, AppState>,
    partner: String,
    as_of: Option<String>,
) -> Result<PartnerLedger, ErrorDto> {
    state
        .read(move |book, lang| {
            let as_of = day_or_today("as_of", as_of.as_deref())?;
            api::partner_ledger(book, &partner, as_of, lang)
        })
        .await
}

/// A page of the payments that earned nothing, with the count of each reason.
#[tauri::command]
pub async fn unearned_page(
    state: State<'_, AppState>,
    query: UnearnedQuery,
) -> Result<UnearnedPage, ErrorDto> {
    state
        .read(move |book, lang| api::unearned_page(book, &query, lang))
        .await
}

/// Credits and reversals per month per program, oldest first.
#[tauri::command]
pub async fn monthly_accruals(state: State<'_, AppState>) -> Result<Vec<MonthlyAccrual>, ErrorDto> {
    state.read(move |book, _| api::monthly_accruals(book)).await
}

/// Annuls the partner's unconverted balance as of `date` for a breach of the rules;
/// answers the amount annulled (a decimal string in the program's unit).
#[tauri::command]
pub async fn annul_for_breach(
    state: State<'_, AppState>,
    partner: String,
    date: String,
    reason: String,
) -> Result<String, ErrorDto> {
    state
        .change(
            Text::new(
                "аннулирует начисления за нарушение",
                "is annulling accruals for a breach",
            ),
            move |book, actor, _| {
                let date = day("date", &date)?;
                api::annul_for_breach(book, actor, &partner, date, &reason).map(minor_text)
            },
        )
        .await
}

/// A manual correction of the partner's balance on `date`: `amount` typed by the person
/// (`500`, `-120,50`, in the program's unit) with its reason; answers what was posted.
#[tauri::command]
pub async fn adjust_balance(
    state: State<'_, AppState>,
    partner: String,
    date: String,
    amount: String,
    reason: String,
) -> Result<Adjusted, ErrorDto> {
    state
        .change(
            Text::new("корректирует баланс", "is adjusting a balance"),
            move |book, actor, _| {
                let adjustment = Adjustment {
                    partner,
                    date: day("date", &date)?,
                    amount: amount_of("amount", &amount)?,
                    reason,
                };
                api::adjust(book, actor, &adjustment)
            },
        )
        .await
}
