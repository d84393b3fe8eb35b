//! The ledger: accruals, reversals and annulments (append-only, each pointing at what it
//! corrects), the pure reward rules that produce them, and balances as of a day.

mod accrue;
mod adjust;
mod annul;
mod balance_query;
mod balance_table;
mod balances;
mod entries;
pub mod fold;
mod monthly;
mod partner;
mod reasons;
pub mod rules;
mod statement;
mod summary;
mod unearned;
mod whatif;
pub(crate) mod write;

pub(crate) use accrue::{accrue_import, fold_clients};
pub use adjust::{adjust_balance, Adjusted, Adjustment, MANUAL_ADJUSTMENT};
pub use annul::{annul_for_breach, annul_unconverted, AnnulReason};
pub use balance_query::{balance_money, balances_shown, BalanceQuery, BalanceSort, BalanceTotal};
pub use balance_table::{balance_table, BalanceTable, BalanceUnitTotal};
pub use balances::{balances, partner_balance, partner_balance_row, Balance, BalanceRow};
pub use entries::{partner_entries, LedgerEntry};
pub use monthly::{monthly_accruals, MonthlyAccrual};
pub use partner::{partner_ledger, PartnerLedger};
pub use reasons::NoEarn;
pub use statement::statement;
pub use summary::AccrualTotal;
pub use unearned::{
    unearned_page, unearned_shown, ReasonCount, UnearnedPage, UnearnedPayment, UnearnedQuery,
};
pub use whatif::{
    apply_whatif, whatif, Change, DiscountChange, WhatIfApplied, WhatIfReport, WhatIfRequest,
    WhatIfRow, WhatIfSort, WhatIfTotal,
};
pub use write::Kind;
