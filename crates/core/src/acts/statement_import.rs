//! A bank statement closes the payouts: read it, match its debits to the acts (see
//! [`super::statement_match`]) and mark the matched acts paid through the act's own
//! workflow (the ledger's payout entry, the audit), all in one transaction. A preview
//! changes nothing; a malformed file is refused before anything is read from the book;
//! the same statement again finds every act already paid and changes nothing.

use std::collections::HashMap;

use crate::store::sql::Db;

use super::document::act_document;
use super::statement_match::{is_vendor_debit, match_operations, named_numbers, ActFacts, Outcome};
use super::statement_report::{StatementPaid, StatementReport, StatementUnmatched};
use super::stored::{find_act, StoredAct};
use super::workflow::{act_step, ActStep};
use crate::audit::Actor;
use crate::documents::{read_bank_statement, BankStatement, Operation};
use crate::money::from_minor;
use crate::partners::get_partner;
use crate::store::Book;
use crate::vendor::vendor;
use crate::{Error, Lang, Result};

/// What the statement (the file's bytes) would do to the book; nothing is changed.
pub fn statement_preview(db: &Db, bytes: &[u8], lang: Lang) -> Result<StatementReport> {
    let statement = read_bank_statement(bytes)?;
    plan(db, &statement, lang).map(|(report, _)| report)
}

/// Marks paid every act the statement pays, in one transaction, after a backup of the
/// book (taken only when there is something to pay). Refused, nothing changed, when the
/// file is malformed or a step is refused.
pub fn statement_apply(
    book: &mut Book,
    bytes: &[u8],
    actor: &Actor,
    lang: Lang,
) -> Result<StatementReport> {
    let statement = read_bank_statement(bytes)?;
    let (preview, _) = plan(book.db(), &statement, lang)?;
    if preview.paid.is_empty() {
        return Ok(StatementReport {
            applied: true,
            ..preview
        });
    }
    book.backup("before-import-statement", actor.now)?;
    book.write(|tx| {
        let (mut report, to_pay) = plan(tx, &statement, lang)?;
        for (id, day) in to_pay {
            act_step(tx, actor, &id.to_string(), &ActStep::Pay(day))?;
        }
        report.applied = true;
        Ok(report)
    })
}

/// The report, and the acts to mark paid with their days.
fn plan(
    db: &Db,
    statement: &BankStatement,
    lang: Lang,
) -> Result<(StatementReport, Vec<(i64, chrono::NaiveDate)>)> {
    let account = vendor_account(db, statement)?;
    let acts = named_acts(db, &statement.operations, &account)?;
    let outcomes = match_operations(&statement.operations, &account, &acts);
    let mut report = StatementReport {
        paid: Vec::new(),
        already_paid: Vec::new(),
        unmatched: Vec::new(),
        skipped: 0,
        operations: count(statement.operations.len()),
        applied: false,
    };
    let mut to_pay = Vec::new();
    for (op, outcome) in statement.operations.iter().zip(outcomes) {
        match outcome {
            Outcome::Pays(act, day) => {
                report.paid.push(paid(op, act, &day.to_string()));
                to_pay.push((act.id, day));
            }
            Outcome::AlreadyPaid(act) => {
                let day = act.paid.map(|d| d.to_string()).unwrap_or_default();
                report.already_paid.push(paid(op, act, &day));
            }
            Outcome::Unmatched(reason) => {
                let act = named_numbers(&op.purpose)
                    .into_iter()
                    .find(|n| acts.contains_key(n));
                report.unmatched.push(StatementUnmatched {
                    number: op.number.clone(),
                    date: op.debited.unwrap_or(op.date).to_string(),
                    amount: money_text(op.amount),
                    recipient: op.recipient_name.clone(),
                    recipient_inn: op.recipient_inn.clone(),
                    purpose: op.purpose.clone(),
                    act,
                    code: reason.code().to_owned(),
                    reason: reason.text().get(lang).to_owned(),
                    line: count(op.line),
                });
            }
            Outcome::Skipped => report.skipped += 1,
        }
    }
    Ok((report, to_pay))
}

fn paid(op: &Operation, act: &ActFacts, day: &str) -> StatementPaid {
    StatementPaid {
        act: act.number.clone(),
        act_id: act.id.to_string(),
        partner: act.partner.clone(),
        name: act.name.clone(),
        date: day.to_owned(),
        amount: money_text(act.money),
        currency: act.currency.clone(),
        payment: op.number.clone(),
        line: count(op.line),
    }
}

/// The vendor's account; refused when it is not set, or when the statement is not of it.
fn vendor_account(db: &Db, statement: &BankStatement) -> Result<String> {
    let Some(account) = vendor(db)?.account.filter(|a| !a.trim().is_empty()) else {
        return Err(Error::refused(
            "vendor_account_missing",
            "Укажите расчётный счёт вендора в Настройках (или `vendor set --account`): по нему в выписке находятся выплаты",
            "Set the vendor's settlement account in Settings (or `vendor set --account`): the statement's payouts are found by it",
        ));
    };
    let account = account.trim().to_owned();
    if !statement.accounts.iter().any(|a| a.account == account) {
        let theirs: Vec<&str> = statement
            .accounts
            .iter()
            .map(|a| a.account.as_str())
            .collect();
        return Err(Error::refused(
            "statement_other_account",
            format!(
                "Выписка по счёту {}, а счёт вендора — {account}: в ней нет выплат вендора",
                theirs.join(", ")
            ),
            format!(
                "The statement is of account {}, the vendor's account is {account}: it holds none of the vendor's payouts",
                theirs.join(", ")
            ),
        ));
    }
    Ok(account)
}

/// The facts of every act a debit of the vendor's account names, by number.
fn named_acts(
    db: &Db,
    operations: &[Operation],
    account: &str,
) -> Result<HashMap<String, ActFacts>> {
    let mut acts = HashMap::new();
    for op in operations.iter().filter(|op| is_vendor_debit(op, account)) {
        for number in named_numbers(&op.purpose) {
            if acts.contains_key(&number) {
                continue;
            }
            // By number only: «акт № 15» is not the act of row 15.
            if let Some(act) = find_act(db, &number)?.filter(|a| a.number == number) {
                acts.insert(number, facts(db, &act)?);
            }
        }
    }
    Ok(acts)
}

fn facts(db: &Db, act: &StoredAct) -> Result<ActFacts> {
    // The partner as the act shows it (fixed when it was sent); a draft of a book whose
    // vendor is not set yet has no document: the partner's card then.
    let (name, inn) = match act_document(db, act) {
        Ok(doc) => (doc.seller.name, doc.seller.inn),
        Err(_) => {
            let partner = get_partner(db, &act.partner)?;
            (partner.name, partner.inn)
        }
    };
    let last_step = [Some(act.date), act.sent, act.signed]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(act.date);
    Ok(ActFacts {
        id: act.id,
        number: act.number.clone(),
        partner: act.partner.clone(),
        name,
        inn,
        status: act.status,
        money: from_minor(act.money),
        currency: act.currency.clone(),
        payout_kind: act.payout_kind.clone(),
        last_step,
        paid: act.paid,
    })
}

/// `7988.00`: two decimals.
fn money_text(amount: rust_decimal::Decimal) -> String {
    let mut amount = amount;
    amount.rescale(2);
    amount.to_string()
}

fn count(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}
