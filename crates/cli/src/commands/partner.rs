//! `partner show|set|status|rate`: one partner from the command line (FORMATS.md
//! "Partners from the command line").

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::partners::{Partner, PartnerInput, PartnerStatus};
use partnerbook_core::{Error, Problem, Result, Text};
use serde::Serialize;

use crate::args::PartnerSetArgs;
use crate::context::Context;
use crate::options::amount;
use crate::options::day;
use crate::output;

/// The card as `partner show --json` prints it: null where empty.
#[derive(Serialize)]
struct Card<'a> {
    partner: &'a str,
    program: &'a str,
    name: &'a str,
    kind: &'static str,
    inn: &'a Option<String>,
    kpp: &'a Option<String>,
    ogrn: &'a Option<String>,
    address: &'a Option<String>,
    signer: &'a Option<String>,
    signer_position: &'a Option<String>,
    email: &'a Option<String>,
    edo_id: &'a Option<String>,
    bik: &'a Option<String>,
    account: &'a Option<String>,
    contract_no: &'a Option<String>,
    contract_date: &'a Option<String>,
    vat_payer: bool,
    vat_rate: &'a Option<String>,
    status: &'static str,
    status_since: &'a str,
    rate: &'a Option<String>,
    client_id: &'a Option<String>,
    code: &'a Option<String>,
}

impl<'a> From<&'a Partner> for Card<'a> {
    fn from(p: &'a Partner) -> Card<'a> {
        Card {
            partner: &p.partner_id,
            program: &p.program,
            name: &p.name,
            kind: p.kind.key(),
            inn: &p.inn,
            kpp: &p.kpp,
            ogrn: &p.ogrn,
            address: &p.address,
            signer: &p.signer,
            signer_position: &p.signer_position,
            email: &p.email,
            edo_id: &p.edo_id,
            bik: &p.bik,
            account: &p.account,
            contract_no: &p.contract_no,
            contract_date: &p.contract_date,
            vat_payer: p.vat_payer,
            vat_rate: &p.vat_rate,
            status: p.status.key(),
            status_since: &p.status_since,
            rate: &p.rate,
            client_id: &p.client_id,
            code: &p.code,
        }
    }
}

fn print(ctx: &Context, p: &Partner, json: bool) {
    if json {
        output::json(&Card::from(p));
        return;
    }
    let say = |ru, en| ctx.say(ru, en);
    let vat = if p.vat_payer {
        format!("{} {} %", say("да,", "yes,"), output::opt(&p.vat_rate))
    } else {
        say("нет", "no").to_owned()
    };
    let rows = [
        (say("Партнёр", "Partner"), Some(p.partner_id.clone())),
        (say("Программа", "Program"), Some(p.program.clone())),
        (say("Наименование", "Name"), Some(p.name.clone())),
        (say("Тип", "Kind"), Some(p.kind.key().to_owned())),
        ("ИНН", p.inn.clone()),
        ("КПП", p.kpp.clone()),
        ("ОГРН", p.ogrn.clone()),
        (say("Адрес", "Address"), p.address.clone()),
        (say("Подписант", "Signer"), p.signer.clone()),
        (
            say("Должность подписанта", "Signer's position"),
            p.signer_position.clone(),
        ),
        ("E-mail", p.email.clone()),
        (say("ID ЭДО", "EDO id"), p.edo_id.clone()),
        ("БИК", p.bik.clone()),
        (say("Расчётный счёт", "Account"), p.account.clone()),
        (say("Договор", "Contract"), p.contract_no.clone()),
        (
            say("Дата договора", "Contract date"),
            p.contract_date.clone(),
        ),
        (say("Плательщик НДС", "VAT payer"), Some(vat)),
        (
            say("Статус", "Status"),
            Some(format!(
                "{} {} {}",
                p.status.key(),
                say("с", "since"),
                p.status_since
            )),
        ),
        (say("Ставка", "Rate"), p.rate.clone()),
        (
            say("ID клиента в биллинге", "Own billing account"),
            p.client_id.clone(),
        ),
        (say("Код", "Code"), p.code.clone()),
    ];
    for (label, value) in rows {
        output::line(&format!("{label}: {}", output::opt(&value)));
    }
}

pub fn show(ctx: &mut Context, id: &str, json: bool) -> Result<ExitCode> {
    let partner = api::partner(&ctx.book, id)?;
    print(ctx, &partner, json);
    Ok(ExitCode::SUCCESS)
}

pub fn set(ctx: &mut Context, args: &PartnerSetArgs) -> Result<ExitCode> {
    let actor = ctx.actor();
    let given = |new: &Option<String>, old: Option<String>| new.clone().or(old);
    let partner = api::set_partner_fields(&mut ctx.book, &actor, &args.id, |base| PartnerInput {
        name: given(&args.name, base.name.clone()),
        address: given(&args.address, base.address.clone()),
        signer: given(&args.signer, base.signer.clone()),
        signer_position: given(&args.signer_position, base.signer_position.clone()),
        email: given(&args.email, base.email.clone()),
        edo_id: given(&args.edo_id, base.edo_id.clone()),
        bik: given(&args.bik, base.bik.clone()),
        account: given(&args.account, base.account.clone()),
        contract_no: given(&args.contract_no, base.contract_no.clone()),
        contract_date: given(&args.contract_date, base.contract_date.clone()),
        vat_payer: given(&args.vat_payer, base.vat_payer.clone()),
        vat_rate: given(&args.vat_rate, base.vat_rate.clone()),
        client_id: given(&args.client_id, base.client_id.clone()),
        ..base
    })?;
    print(ctx, &partner, args.json);
    Ok(ExitCode::SUCCESS)
}

pub fn status(
    ctx: &mut Context,
    id: &str,
    status: &str,
    date: &str,
    reason: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let status = PartnerStatus::parse(status).ok_or_else(|| {
        Error::Invalid(vec![Problem::new(
            "bad_status",
            Text::new(
                format!("--status: «{status}» — нет такого статуса (active, suspended, terminated, disqualified)"),
                format!("--status: “{status}” is not a status (active, suspended, terminated, disqualified)"),
            ),
        )
        .field("status")])
    })?;
    let since = day("date", date)?;
    let actor = ctx.actor();
    let partner = api::set_partner_status(&mut ctx.book, &actor, id, status, since, reason)?;
    print(ctx, &partner, json);
    Ok(ExitCode::SUCCESS)
}

pub fn rate(ctx: &mut Context, id: &str, rate: &str, from: &str, json: bool) -> Result<ExitCode> {
    let rate = amount("rate", rate)?;
    let from = day("from", from)?;
    let actor = ctx.actor();
    let partner = api::set_partner_rate(&mut ctx.book, &actor, id, rate, from)?;
    print(ctx, &partner, json);
    Ok(ExitCode::SUCCESS)
}
