//! `discounts`: the tele2-ats discount schedule the billing system loads.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::discounts::{DiscountPeriod, DiscountRole};
use partnerbook_core::Result;

use crate::context::Context;
use crate::output;

pub fn run(ctx: &mut Context, program: Option<&str>, json: bool) -> Result<ExitCode> {
    let periods = api::discount_schedule(&ctx.book, program)?;
    if json {
        output::json(&periods);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Клиент", "Client"),
        ctx.say("Роль", "Role"),
        ctx.say("Скидка, %", "Percent"),
        ctx.say("С", "Start"),
        ctx.say("По", "End"),
        ctx.say("Кроме", "Excludes"),
        ctx.say("Пакет SMS", "SMS package"),
        ctx.say("Пригласил", "Inviter"),
        ctx.say("Приглашённый", "Invitee"),
        ctx.say("Приглашено", "Invited"),
    ];
    let rows: Vec<Vec<String>> = periods.iter().map(|p| row(ctx, p)).collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

fn row(ctx: &Context, p: &DiscountPeriod) -> Vec<String> {
    let role = match p.role {
        DiscountRole::Inviter => ctx.say("пригласивший", "inviter"),
        DiscountRole::Invitee => ctx.say("приглашённый", "invitee"),
    };
    vec![
        p.client.clone(),
        role.to_owned(),
        p.percent.map(|x| x.to_string()).unwrap_or_default(),
        p.start.to_string(),
        p.end.map(|d| d.to_string()).unwrap_or_default(),
        p.excludes.join(", "),
        p.sms_package.map(|n| n.to_string()).unwrap_or_default(),
        p.inviter.clone(),
        p.invitee.clone(),
        p.invited.map(|n| n.to_string()).unwrap_or_default(),
    ]
}
