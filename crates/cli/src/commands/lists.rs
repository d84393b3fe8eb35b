//! `partners`, `clients`, `bindings`: reading the book.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::clients::{ClientQuery, Outcome};
use partnerbook_core::partners::MAX_PAGE;
use partnerbook_core::{Error, Result};
use serde::Serialize;

use crate::context::Context;
use crate::output::{self, opt};

#[derive(Serialize)]
struct PartnerJson<'a> {
    partner: &'a str,
    program: &'a str,
    name: &'a str,
    kind: &'a str,
    inn: &'a Option<String>,
    code: &'a Option<String>,
    status: &'a str,
}

pub fn partners(ctx: &mut Context, program: Option<&str>, json: bool) -> Result<ExitCode> {
    let rows = api::partners_of(&ctx.book, program)?;
    if json {
        let out: Vec<_> = rows
            .iter()
            .map(|r| PartnerJson {
                partner: &r.partner,
                program: &r.program,
                name: &r.name,
                kind: r.kind.key(),
                inn: &r.inn,
                code: &r.code,
                status: r.status.key(),
            })
            .collect();
        output::json(&out);
    } else {
        let header = [
            "ID",
            ctx.say("Программа", "Program"),
            ctx.say("Наименование", "Name"),
            ctx.say("Тип", "Kind"),
            "ИНН",
            ctx.say("Код", "Code"),
            ctx.say("Статус", "Status"),
            ctx.say("Клиентов", "Clients"),
        ];
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.partner.clone(),
                    r.program.clone(),
                    r.name.clone(),
                    r.kind.key().into(),
                    opt(&r.inn),
                    opt(&r.code),
                    r.status.key().into(),
                    r.clients.to_string(),
                ]
            })
            .collect();
        output::table(&header, &rows);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn clients(ctx: &mut Context, program: Option<&str>, json: bool) -> Result<ExitCode> {
    let rows = api::clients_of(&ctx.book, program)?;
    if json {
        output::json(&rows);
    } else {
        let header = [
            ctx.say("ID клиента", "Client"),
            ctx.say("Программа", "Program"),
            ctx.say("Наименование", "Name"),
            ctx.say("Зарегистрирован", "Registered"),
            ctx.say("Партнёр", "Partner"),
            ctx.say("Канал", "Channel"),
            ctx.say("С", "Since"),
        ];
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.client.clone(),
                    r.program.clone(),
                    opt(&r.name),
                    opt(&r.registered),
                    opt(&r.partner),
                    r.channel.map(|c| c.key().to_owned()).unwrap_or_default(),
                    opt(&r.since),
                ]
            })
            .collect();
        output::table(&header, &rows);
    }
    Ok(ExitCode::SUCCESS)
}

fn outcome(o: Outcome, ctx: &Context) -> &'static str {
    match o {
        Outcome::Bound => ctx.say("привязан", "bound"),
        Outcome::Kept => ctx.say("без изменений", "kept"),
        Outcome::Refused => ctx.say("отказ", "refused"),
    }
}

pub fn bindings(
    ctx: &mut Context,
    client: &str,
    program: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let program = match program {
        Some(p) => p.to_owned(),
        None => {
            let found = api::client_page(
                &ctx.book,
                &ClientQuery {
                    search: Some(client.to_owned()),
                    limit: Some(MAX_PAGE),
                    ..ClientQuery::default()
                },
            )?;
            let programs: Vec<String> = found
                .rows
                .into_iter()
                .filter(|r| r.client == client)
                .map(|r| r.program)
                .collect();
            match programs.as_slice() {
                [one] => one.clone(),
                [] => {
                    return Err(Error::not_found(
                        format!("нет клиента «{client}»"),
                        format!("no client “{client}”"),
                    ));
                }
                _ => {
                    return Err(Error::refused(
                        "ambiguous_client",
                        format!("клиент «{client}» есть в нескольких программах ({}): укажите --program", programs.join(", ")),
                        format!("client “{client}” is in several programs ({}): give --program", programs.join(", ")),
                    ));
                }
            }
        }
    };
    let card = api::client_card(&ctx.book, &program, client, ctx.lang)?;
    if json {
        output::json(&card);
        return Ok(ExitCode::SUCCESS);
    }
    output::line(&format!(
        "{} {} ({})",
        ctx.say("Клиент", "Client"),
        card.client.client,
        card.client.program
    ));
    output::line(ctx.say("Привязки:", "Bindings:"));
    let rows: Vec<Vec<String>> = card
        .bindings
        .iter()
        .map(|b| {
            vec![
                b.partner.clone(),
                b.channel.key().into(),
                b.since.clone(),
                opt(&b.until),
            ]
        })
        .collect();
    output::table(
        &[
            ctx.say("Партнёр", "Partner"),
            ctx.say("Канал", "Channel"),
            ctx.say("С", "Since"),
            ctx.say("По", "Until"),
        ],
        &rows,
    );
    output::line(ctx.say("События:", "Events:"));
    let rows: Vec<Vec<String>> = card
        .events
        .iter()
        .map(|e| {
            vec![
                e.date.clone(),
                opt(&e.code),
                opt(&e.partner),
                e.channel.key().into(),
                outcome(e.outcome, ctx).to_owned(),
                opt(&e.reason),
            ]
        })
        .collect();
    output::table(
        &[
            ctx.say("Дата", "Date"),
            ctx.say("Код", "Code"),
            ctx.say("Партнёр", "Partner"),
            ctx.say("Канал", "Channel"),
            ctx.say("Итог", "Outcome"),
            ctx.say("Причина", "Reason"),
        ],
        &rows,
    );
    Ok(ExitCode::SUCCESS)
}
