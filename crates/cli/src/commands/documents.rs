//! `statement` and `payouts`: documents of a period.

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::acts::RegisterFormat;
use partnerbook_core::api;
use partnerbook_core::{Error, Problem, Result, Text};

use crate::context::Context;
use crate::options::day;
use crate::output;

pub fn statement(
    ctx: &mut Context,
    partner: &str,
    from: &str,
    to: &str,
    out: &Path,
) -> Result<ExitCode> {
    let (from, to) = (day("from", from)?, day("to", to)?);
    let today = ctx.actor().today();
    let file = api::statement_file(&ctx.book, partner, from, to, today)?;
    output::save(out, &file.bytes)?;
    output::line(&out.display().to_string());
    Ok(ExitCode::SUCCESS)
}

pub fn payouts(ctx: &mut Context, month: &str, out: &Path) -> Result<ExitCode> {
    let Some(format) = RegisterFormat::of_path(out) else {
        return Err(Error::Invalid(vec![Problem::new(
            "bad_extension",
            Text::new(
                "--out: реестр сохраняется в .pdf, .xlsx или .txt (файл для банка 1CClientBankExchange)",
                "--out: the register is saved as .pdf, .xlsx or .txt (the 1CClientBankExchange bank file)",
            ),
        )]));
    };
    let now = ctx.actor().now;
    let file = api::register_file(&ctx.book, month, format, now)?;
    output::save(out, &file.bytes)?;
    output::line(&out.display().to_string());
    Ok(ExitCode::SUCCESS)
}
