//! `vendor set`, `vendor show`.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::vendor::Vendor;
use partnerbook_core::Result;

use crate::args::VendorArgs;
use crate::context::Context;
use crate::output;

pub fn set(ctx: &mut Context, args: &VendorArgs) -> Result<ExitCode> {
    let change = Vendor {
        name: args.name.clone(),
        inn: args.inn.clone(),
        kpp: args.kpp.clone(),
        ogrn: args.ogrn.clone(),
        address: args.address.clone(),
        edo_id: args.edo_id.clone(),
        signer: args.signer.clone(),
        signer_position: args.signer_position.clone(),
        bik: args.bik.clone(),
        account: args.account.clone(),
    };
    let actor = ctx.actor();
    api::set_vendor(&mut ctx.book, &actor, change)?;
    eprintln!(
        "{}",
        ctx.say(
            "Реквизиты поставщика сохранены.",
            "The vendor's requisites are saved."
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn show(ctx: &mut Context, json: bool) -> Result<ExitCode> {
    let v = api::vendor(&ctx.book)?;
    if json {
        output::json(&v);
    } else {
        let rows = [
            (ctx.say("Наименование", "Name"), &v.name),
            ("ИНН", &v.inn),
            ("КПП", &v.kpp),
            ("ОГРН", &v.ogrn),
            (ctx.say("Адрес", "Address"), &v.address),
            (ctx.say("ID ЭДО", "EDO id"), &v.edo_id),
            (ctx.say("Подписант", "Signer"), &v.signer),
            (ctx.say("Должность", "Position"), &v.signer_position),
            ("БИК", &v.bik),
            (ctx.say("Расчётный счёт", "Account"), &v.account),
        ];
        for (label, value) in rows {
            output::line(&format!("{label}: {}", output::opt(value)));
        }
    }
    Ok(ExitCode::SUCCESS)
}
