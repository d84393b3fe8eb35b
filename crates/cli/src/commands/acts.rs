//! `convert`, `act …`, `acts`, `deadlines`: from a balance to a paid act.

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::acts::{
    ActFormat, ActQuery, ActState, ActStatus, ActStep, ConvertRequest, DeadlineKind,
};
use partnerbook_core::api;
use partnerbook_core::programs::PayoutKind;
use partnerbook_core::Result;

use crate::args::{ActCommand, ActStepArgs, PayoutWhat, StatusWhat};
use crate::context::Context;
use crate::options::amount as amount_of;
use crate::options::day;
use crate::output::{self, opt};

use super::signed_acts;

pub fn convert(
    ctx: &mut Context,
    partner: &str,
    date: &str,
    amount: Option<&str>,
    payout: Option<PayoutWhat>,
    key: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    let amount = amount.map(|text| amount_of("amount", text)).transpose()?;
    let request = ConvertRequest {
        partner: partner.to_owned(),
        date: day("date", date)?,
        amount,
        payout_kind: payout.map(|p| match p {
            PayoutWhat::Bank => PayoutKind::Bank,
            PayoutWhat::LicenceCredit => PayoutKind::LicenceCredit,
        }),
        key,
    };
    let actor = ctx.actor();
    let done = api::convert(&mut ctx.book, &actor, &request)?;
    if json {
        output::json(&done);
    } else {
        output::line(&format!(
            "{} {} {}: {} {} → {} {}",
            ctx.say("Партнёр", "Partner"),
            done.partner,
            ctx.say("конвертировал", "converted"),
            done.amount,
            done.unit,
            ctx.say("акт (черновик) №", "act (draft)"),
            done.number
        ));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn act(ctx: &mut Context, command: &ActCommand) -> Result<ExitCode> {
    let (args, step) = match command {
        ActCommand::Send(a) => (a, ActStep::Send(day("date", &a.date)?)),
        ActCommand::Sign(a) => (a, ActStep::Sign(day("date", &a.date)?)),
        ActCommand::Reject { step, reason } => (
            step,
            ActStep::Reject(day("date", &step.date)?, reason.clone()),
        ),
        ActCommand::Pay(a) => (a, ActStep::Pay(day("date", &a.date)?)),
        ActCommand::Pdf { id, out } => return save_act(ctx, id, ActFormat::Pdf, out, false),
        ActCommand::Invoice { id, out } => {
            return save_act(ctx, id, ActFormat::Invoice, out, false)
        }
        ActCommand::Xml { id, out } => return save_act(ctx, id, ActFormat::Xml, out, true),
        ActCommand::Show { id, json } => return signed_acts::show(ctx, id, *json),
        ActCommand::ImportSigned { path, json } => {
            return signed_acts::import_signed(ctx, path, *json)
        }
        ActCommand::Signed { id, out } => return signed_acts::save_signed(ctx, id, out),
    };
    let ActStepArgs { id, json, .. } = args;
    let actor = ctx.actor();
    let state = api::act_step(&mut ctx.book, &actor, id, &step)?;
    print_state(ctx, &state, *json);
    Ok(ExitCode::SUCCESS)
}

pub(super) fn print_state(ctx: &Context, state: &ActState, json: bool) {
    if json {
        output::json(state);
        return;
    }
    let status = match ctx.lang {
        partnerbook_core::Lang::Ru => state.status.name_ru(),
        partnerbook_core::Lang::En => state.status.key(),
    };
    let mut text = format!("{} {}: {status}", ctx.say("Акт №", "Act"), state.number);
    let days = [
        (ctx.say("отправлен", "sent"), &state.sent),
        (ctx.say("подписать до", "sign by"), &state.sign_due),
        (ctx.say("подписан", "signed"), &state.signed),
        (ctx.say("оплатить до", "pay by"), &state.pay_due),
        (ctx.say("оплачен", "paid"), &state.paid),
        (ctx.say("отклонён", "rejected"), &state.rejected),
        (ctx.say("причина", "reason"), &state.reason),
    ];
    for (label, value) in days {
        if let Some(value) = value {
            text.push_str(&format!("; {label} {value}"));
        }
    }
    output::line(&text);
}

/// Saves an act's document: to `out`, or into the folder `out` under its own name.
fn save_act(
    ctx: &mut Context,
    id: &str,
    format: ActFormat,
    out: &Path,
    into_folder: bool,
) -> Result<ExitCode> {
    let actor = ctx.actor();
    let file = api::act_file(&mut ctx.book, id, format, actor.now)?;
    let path = if into_folder {
        std::fs::create_dir_all(out)?;
        out.join(&file.name)
    } else {
        out.to_path_buf()
    };
    output::save(&path, &file.bytes)?;
    output::line(&path.display().to_string());
    Ok(ExitCode::SUCCESS)
}

pub struct ActsFilter<'a> {
    pub status: Option<StatusWhat>,
    pub partner: Option<&'a str>,
    pub program: Option<&'a str>,
    pub month: Option<&'a str>,
}

pub fn acts(ctx: &mut Context, filter: ActsFilter, json: bool) -> Result<ExitCode> {
    let query = ActQuery {
        status: filter.status.map(|s| match s {
            StatusWhat::Draft => ActStatus::Draft,
            StatusWhat::Sent => ActStatus::Sent,
            StatusWhat::Signed => ActStatus::Signed,
            StatusWhat::Rejected => ActStatus::Rejected,
            StatusWhat::Paid => ActStatus::Paid,
        }),
        partner: filter.partner.map(str::to_owned),
        program: filter.program.map(str::to_owned),
        month: filter.month.map(str::to_owned),
        limit: Some(u32::MAX),
        ..ActQuery::default()
    };
    let today = ctx.actor().today();
    let mut rows = Vec::new();
    let mut offset = 0;
    loop {
        let page = api::acts_page(
            &ctx.book,
            &ActQuery {
                offset: Some(offset),
                ..query.clone()
            },
            today,
        )?;
        offset += page.rows.len() as u32;
        let done = page.rows.is_empty() || offset >= page.total;
        rows.extend(page.rows);
        if done {
            break;
        }
    }
    if json {
        output::json(&rows);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Акт", "Act"),
        ctx.say("Дата", "Date"),
        ctx.say("Партнёр", "Partner"),
        ctx.say("Сумма", "Money"),
        ctx.say("Валюта", "Currency"),
        ctx.say("Состояние", "Status"),
        ctx.say("Подписать до", "Sign by"),
        ctx.say("Оплатить до", "Pay by"),
        ctx.say("Оплачен", "Paid"),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                r.number,
                r.date,
                r.partner,
                r.money,
                r.currency,
                format!("{}{}", r.status.key(), if r.overdue { " !" } else { "" }),
                opt(&r.sign_due),
                opt(&r.pay_due),
                opt(&r.paid),
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

pub fn deadlines(ctx: &mut Context, as_of: &str, json: bool) -> Result<ExitCode> {
    let as_of = day("as-of", as_of)?;
    let rows = api::deadlines(&ctx.book, as_of)?;
    if json {
        output::json(&rows);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Срок", "Due"),
        ctx.say("Что", "What"),
        ctx.say("Акт", "Act"),
        ctx.say("Партнёр", "Partner"),
        ctx.say("Сумма", "Money"),
        ctx.say("Валюта", "Currency"),
        ctx.say("Просрочен", "Overdue"),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|d| {
            vec![
                d.due,
                match d.what {
                    DeadlineKind::Sign => ctx.say("подписать", "sign").to_owned(),
                    DeadlineKind::Pay => ctx.say("оплатить", "pay").to_owned(),
                },
                d.number,
                format!("{} {}", d.partner, d.name),
                d.money,
                d.currency,
                if d.overdue {
                    ctx.say("да", "yes").to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

pub fn batch(ctx: &mut Context, date: &str, program: Option<&str>, json: bool) -> Result<ExitCode> {
    let date = day("date", date)?;
    let actor = ctx.actor();
    let mut progress = |_: partnerbook_core::acts::BatchProgress| true;
    let made = api::acts_batch(&mut ctx.book, &actor, date, program, &mut progress)?;
    if json {
        output::json(&made);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &made {
        output::line(&format!(
            "{} {}: {} {} → {} {}",
            ctx.say("Партнёр", "Partner"),
            c.partner,
            c.amount,
            c.unit,
            ctx.say("акт (черновик) №", "act (draft)"),
            c.number
        ));
    }
    output::line(&match ctx.lang {
        partnerbook_core::Lang::Ru => format!("Актов сформировано: {}.", made.len()),
        partnerbook_core::Lang::En => format!("Acts made: {}.", made.len()),
    });
    Ok(ExitCode::SUCCESS)
}
