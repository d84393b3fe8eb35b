//! `import statement FILE [--json] [--dry-run]`: the bank's statement marks the acts it
//! pays paid (FORMATS.md, «Bank statements»). Exit 0 when the file was read, even with
//! debits that match no act; 1 when it is malformed (nothing changed).

use std::process::ExitCode;

use partnerbook_core::acts::{StatementPaid, StatementReport};
use partnerbook_core::api;
use partnerbook_core::{Error, Lang, Result};
use serde::Serialize;

use crate::args::ImportArgs;
use crate::context::Context;
use crate::output;

pub fn run(ctx: &mut Context, args: &ImportArgs) -> Result<ExitCode> {
    if args.sheet.is_some() || args.program.is_some() {
        eprintln!(
            "{}",
            ctx.say(
                "import statement: --sheet и --program не для выписки",
                "import statement: --sheet and --program do not apply to a statement",
            )
        );
        return Ok(ExitCode::from(2));
    }
    let bytes = std::fs::read(&args.file)?;
    let read = if args.dry_run {
        api::statement_preview(&ctx.book, &bytes, ctx.lang)
    } else {
        let actor = ctx.actor();
        api::statement_apply(&mut ctx.book, &bytes, &actor, ctx.lang)
    };
    let report = match read {
        Ok(report) => report,
        Err(e @ Error::Invalid(_)) => {
            eprintln!("{}", e.message(ctx.lang));
            eprintln!(
                "{}",
                ctx.say(
                    "Файл не прочитан как выписка 1CClientBankExchange 1.03. Ничего не изменено.",
                    "The file was not read as a 1CClientBankExchange 1.03 statement. Nothing was changed.",
                )
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e),
    };
    if args.json {
        output::json(&Json::of(&report));
    } else {
        print(ctx, &report);
    }
    eprintln!("{}", summary(&report, ctx.lang));
    Ok(ExitCode::SUCCESS)
}

/// What `--json` prints: exactly the keys FORMATS.md fixes.
#[derive(Serialize)]
struct Json {
    paid: Vec<JsonPaid>,
    already_paid: Vec<JsonPaid>,
    unmatched: Vec<JsonUnmatched>,
}

#[derive(Serialize)]
struct JsonPaid {
    act: String,
    date: String,
    amount: String,
}

#[derive(Serialize)]
struct JsonUnmatched {
    number: String,
    date: String,
    amount: String,
    reason: String,
}

impl Json {
    fn of(report: &StatementReport) -> Json {
        let paid = |rows: &[StatementPaid]| {
            rows.iter()
                .map(|p| JsonPaid {
                    act: p.act.clone(),
                    date: p.date.clone(),
                    amount: p.amount.clone(),
                })
                .collect()
        };
        Json {
            paid: paid(&report.paid),
            already_paid: paid(&report.already_paid),
            unmatched: report
                .unmatched
                .iter()
                .map(|u| JsonUnmatched {
                    number: u.number.clone(),
                    date: u.date.clone(),
                    amount: u.amount.clone(),
                    reason: u.reason.clone(),
                })
                .collect(),
        }
    }
}

/// Three tables: paid, already paid, not matched (each only when it has rows).
fn print(ctx: &Context, report: &StatementReport) {
    let paid_header = [
        ctx.say("Акт", "Act"),
        ctx.say("Партнёр", "Partner"),
        ctx.say("Дата оплаты", "Paid on"),
        ctx.say("Сумма", "Amount"),
        ctx.say("Платёж №", "Payment"),
    ];
    let paid_rows = |rows: &[StatementPaid]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|p| {
                vec![
                    p.act.clone(),
                    format!("{} {}", p.partner, p.name),
                    p.date.clone(),
                    format!("{} {}", p.amount, p.currency),
                    p.payment.clone(),
                ]
            })
            .collect()
    };
    let paid_title = if report.applied {
        ctx.say("Отмечены оплаченными:", "Marked paid:")
    } else {
        ctx.say("Будут отмечены оплаченными:", "To be marked paid:")
    };
    let sections = [
        (paid_title, &report.paid),
        (
            ctx.say("Уже оплачены:", "Already paid:"),
            &report.already_paid,
        ),
    ];
    for (title, rows) in sections {
        if !rows.is_empty() {
            output::line(title);
            output::table(&paid_header, &paid_rows(rows));
        }
    }
    if !report.unmatched.is_empty() {
        output::line(ctx.say("Не сопоставлены:", "Not matched:"));
        let header = [
            ctx.say("Платёж №", "Payment"),
            ctx.say("Дата", "Date"),
            ctx.say("Сумма", "Amount"),
            ctx.say("Причина", "Reason"),
        ];
        let rows: Vec<Vec<String>> = report
            .unmatched
            .iter()
            .map(|u| {
                vec![
                    u.number.clone(),
                    u.date.clone(),
                    u.amount.clone(),
                    u.reason.clone(),
                ]
            })
            .collect();
        output::table(&header, &rows);
    }
}

/// The closing line: how many of each, and whether anything was written.
fn summary(r: &StatementReport, lang: Lang) -> String {
    let (paid, already, unmatched, skipped) = (
        r.paid.len(),
        r.already_paid.len(),
        r.unmatched.len(),
        r.skipped,
    );
    match (lang, r.applied) {
        (Lang::Ru, true) => format!(
            "Документов в выписке: {}. Отмечено оплаченными актов: {paid}, уже были оплачены: {already}, не сопоставлено списаний: {unmatched}, пропущено (поступления и чужие счета): {skipped}.",
            r.operations
        ),
        (Lang::En, true) => format!(
            "Documents in the statement: {}. Acts marked paid: {paid}, already paid: {already}, debits not matched: {unmatched}, skipped (credits and other accounts): {skipped}.",
            r.operations
        ),
        (Lang::Ru, false) => format!(
            "Проверка без записи. Документов в выписке: {}. Будет отмечено оплаченными актов: {paid}, уже оплачены: {already}, не сопоставлено списаний: {unmatched}, пропущено (поступления и чужие счета): {skipped}.",
            r.operations
        ),
        (Lang::En, false) => format!(
            "Dry run, nothing written. Documents in the statement: {}. Acts to mark paid: {paid}, already paid: {already}, debits not matched: {unmatched}, skipped (credits and other accounts): {skipped}.",
            r.operations
        ),
    }
}
