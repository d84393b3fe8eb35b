//! `act show`, `act import-signed`, `act signed`: an act with the electronic signatures
//! it came back with from EDO (FORMATS.md "Signed acts from EDO").

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::acts::ActState;
use partnerbook_core::api;
use partnerbook_core::documents::ActSignature;
use partnerbook_core::{Lang, Result};
use serde::Serialize;

use super::acts::print_state;
use crate::context::Context;
use crate::output;

/// `act show --json`: the act's state and its signatures.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    state: &'a ActState,
    signatures: &'a [ActSignature],
}

fn print_signatures(ctx: &Context, signatures: &[ActSignature]) {
    for s in signatures {
        let role = match (s.role.key(), ctx.lang) {
            ("seller", Lang::Ru) => "исполнитель (партнёр)",
            (_, Lang::Ru) => "заказчик (вендор)",
            ("seller", Lang::En) => "seller (the partner)",
            (_, Lang::En) => "buyer (the vendor)",
        };
        output::line(&format!(
            "  {}: {role} — {}{}, {} {}, {} {} {} {}, {} {}",
            ctx.say("Подпись", "Signature"),
            s.signer,
            s.organization
                .as_ref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default(),
            ctx.say("сертификат", "certificate"),
            s.serial,
            ctx.say("действителен с", "valid from"),
            s.valid_from.format("%Y-%m-%d"),
            ctx.say("по", "to"),
            s.valid_to.format("%Y-%m-%d"),
            ctx.say("подписано", "signed"),
            s.signed_at.format("%Y-%m-%d %H:%M %:z"),
        ));
    }
}

pub fn show(ctx: &mut Context, id: &str, json: bool) -> Result<ExitCode> {
    let state = api::act_state(&ctx.book, id)?;
    let signatures = api::act_signatures(&ctx.book, id)?;
    if json {
        output::json(&Shown {
            state: &state,
            signatures: &signatures,
        });
    } else {
        print_state(ctx, &state, false);
        print_signatures(ctx, &signatures);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import_signed(ctx: &mut Context, path: &Path, json: bool) -> Result<ExitCode> {
    let actor = ctx.actor();
    let done = api::import_signed(&mut ctx.book, &actor, path)?;
    if json {
        output::json(&done);
        return Ok(ExitCode::SUCCESS);
    }
    let status = |s: partnerbook_core::acts::ActStatus| match ctx.lang {
        Lang::Ru => s.name_ru(),
        Lang::En => s.key(),
    };
    output::line(&match (done.added.is_empty(), ctx.lang) {
        (true, Lang::Ru) => format!(
            "Акт № {}: этот пакет уже загружен, ничего не изменилось ({}).",
            done.act,
            status(done.status)
        ),
        (true, Lang::En) => format!(
            "Act {}: this package was loaded before; nothing changed ({}).",
            done.act,
            status(done.status)
        ),
        (false, Lang::Ru) => format!(
            "Акт № {}: подписей добавлено {}; {} → {}.",
            done.act,
            done.added.len(),
            status(done.status_before),
            status(done.status)
        ),
        (false, Lang::En) => format!(
            "Act {}: {} signature(s) added; {} → {}.",
            done.act,
            done.added.len(),
            status(done.status_before),
            status(done.status)
        ),
    });
    print_signatures(ctx, &done.signatures);
    Ok(ExitCode::SUCCESS)
}

pub fn save_signed(ctx: &mut Context, id: &str, out: &Path) -> Result<ExitCode> {
    let (pdf, package) = api::signed_act_files(&ctx.book, id)?;
    let beside = out.with_file_name(format!(
        "{}.zip",
        out.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(package.name.trim_end_matches(".zip").to_owned())
    ));
    output::save(out, &pdf.bytes)?;
    output::save(&beside, &package.bytes)?;
    output::line(&out.display().to_string());
    output::line(&beside.display().to_string());
    Ok(ExitCode::SUCCESS)
}
