//! `balances`, `accruals`, `unearned`, `annul`: the ledger from the command line.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::ledger::{Adjustment, UnearnedQuery};
use partnerbook_core::money::minor_text;
use partnerbook_core::{Lang, Result};
use serde::Serialize;

use crate::context::Context;
use crate::options::amount as amount_of;
use crate::options::day;
use crate::output::{self, opt};

pub fn balances(
    ctx: &mut Context,
    as_of: &str,
    program: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let as_of = day("as-of", as_of)?;
    let rows = api::balances(&ctx.book, as_of, program)?;
    if json {
        output::json(&rows);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Партнёр", "Partner"),
        ctx.say("Программа", "Program"),
        ctx.say("Ед.", "Unit"),
        ctx.say("Начислено", "Accrued"),
        ctx.say("Сторно", "Reversed"),
        ctx.say("Аннулировано", "Annulled"),
        ctx.say("На удержании", "On hold"),
        ctx.say("Доступно", "Available"),
        ctx.say("Конвертировано", "Converted"),
        ctx.say("Выплачено", "Paid"),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                r.partner,
                r.program,
                r.unit,
                r.accrued,
                r.reversed,
                r.annulled,
                r.on_hold,
                r.available,
                r.converted,
                r.paid,
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

pub fn accruals(ctx: &mut Context, partner: &str, json: bool) -> Result<ExitCode> {
    let entries = api::partner_entries(&ctx.book, partner, ctx.lang)?;
    if json {
        output::json(&entries);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        "№",
        ctx.say("Дата", "Date"),
        ctx.say("Вид", "Kind"),
        ctx.say("Сумма", "Amount"),
        ctx.say("Доступно с", "Available"),
        ctx.say("Основание", "Reason"),
    ];
    let rows: Vec<Vec<String>> = entries
        .into_iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.date,
                e.kind,
                e.amount,
                e.available_on,
                e.reason,
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

pub fn unearned(
    ctx: &mut Context,
    program: Option<String>,
    reason: Option<String>,
    partner: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    let mut query = UnearnedQuery {
        program,
        reason,
        partner,
        offset: Some(0),
        limit: Some(partnerbook_core::store::MAX_PAGE),
    };
    let mut rows = Vec::new();
    loop {
        let page = api::unearned_page(&ctx.book, &query, ctx.lang)?;
        let got = page.rows.len() as u32;
        rows.extend(page.rows);
        if got < partnerbook_core::store::MAX_PAGE {
            break;
        }
        query.offset = Some(query.offset.unwrap_or(0) + got);
    }
    if json {
        output::json(&rows);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Платёж", "Payment"),
        ctx.say("Программа", "Program"),
        ctx.say("Дата", "Date"),
        ctx.say("Клиент", "Client"),
        ctx.say("Сумма", "Amount"),
        ctx.say("Партнёр", "Partner"),
        ctx.say("Причина", "Reason"),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                r.payment,
                r.program,
                r.date,
                r.client,
                r.amount,
                opt(&r.partner),
                r.reason,
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Annulled<'a> {
    partner: &'a str,
    date: String,
    annulled: String,
}

pub fn annul(
    ctx: &mut Context,
    partner: &str,
    date: &str,
    reason: &str,
    json: bool,
) -> Result<ExitCode> {
    let date = day("date", date)?;
    let actor = ctx.actor();
    let annulled = api::annul_for_breach(&mut ctx.book, &actor, partner, date, reason)?;
    let annulled = minor_text(annulled);
    if json {
        output::json(&Annulled {
            partner,
            date: date.to_string(),
            annulled,
        });
    } else {
        output::line(&match ctx.lang {
            Lang::Ru => format!("Аннулировано у {partner}: {annulled}."),
            Lang::En => format!("Annulled for {partner}: {annulled}."),
        });
    }
    Ok(ExitCode::SUCCESS)
}

pub fn adjust(
    ctx: &mut Context,
    partner: &str,
    date: &str,
    amount: &str,
    reason: &str,
    json: bool,
) -> Result<ExitCode> {
    let adjustment = Adjustment {
        partner: partner.to_owned(),
        date: day("date", date)?,
        amount: amount_of("amount", amount)?,
        reason: reason.to_owned(),
    };
    let actor = ctx.actor();
    let done = api::adjust(&mut ctx.book, &actor, &adjustment)?;
    if json {
        output::json(&done);
    } else {
        output::line(&match ctx.lang {
            Lang::Ru => format!(
                "Корректировка {partner} на {}: {} {} (запись №{}); доступно {} {}.",
                done.date, done.amount, done.unit, done.entry, done.available, done.unit
            ),
            Lang::En => format!(
                "Adjusted {partner} on {}: {} {} (entry #{}); available {} {}.",
                done.date, done.amount, done.unit, done.entry, done.available, done.unit
            ),
        });
    }
    Ok(ExitCode::SUCCESS)
}
