//! One module per group of commands.

mod acts;
mod book;
mod demo;
mod discounts;
mod documents;
mod exports;
mod import;
mod ledger;
mod lists;
mod partner;
mod programs;
mod signed_acts;
mod statement;
mod vendor;
mod whatif;

use std::process::ExitCode;

use partnerbook_core::Result;

use crate::args::{BookCommand, Command, PartnerCommand, VendorCommand};
use crate::context::Context;

pub fn run(ctx: &mut Context, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Vendor {
            command: VendorCommand::Set(args),
        } => vendor::set(ctx, args),
        Command::Vendor {
            command: VendorCommand::Show { json },
        } => vendor::show(ctx, *json),
        Command::Demo => demo::run(ctx),
        Command::Import(args) => import::run(ctx, args),
        Command::Balances {
            as_of,
            program,
            out: Some(out),
            ..
        } => exports::balances(ctx, as_of, program.clone(), out),
        Command::Balances {
            as_of,
            program,
            json,
            out: None,
        } => ledger::balances(ctx, as_of, program.as_deref(), *json),
        Command::Accruals {
            partner,
            out: Some(out),
            ..
        } => exports::ledger(ctx, partner, out),
        Command::Accruals {
            partner,
            json,
            out: None,
        } => ledger::accruals(ctx, partner, *json),
        Command::Unearned {
            program,
            reason,
            partner,
            json,
        } => ledger::unearned(ctx, program.clone(), reason.clone(), partner.clone(), *json),
        Command::Annul {
            partner,
            date,
            reason,
            json,
        } => ledger::annul(ctx, partner, date, reason, *json),
        Command::Partner { command } => match command {
            PartnerCommand::Show { id, json } => partner::show(ctx, id, *json),
            PartnerCommand::Set(args) => partner::set(ctx, args),
            PartnerCommand::Status {
                id,
                status,
                date,
                reason,
                json,
            } => partner::status(ctx, id, status, date, reason.as_deref(), *json),
            PartnerCommand::Rate {
                id,
                rate,
                from,
                json,
            } => partner::rate(ctx, id, rate, from, *json),
        },
        Command::Adjust {
            partner,
            date,
            amount,
            reason,
            json,
        } => ledger::adjust(ctx, partner, date, amount, reason, *json),
        Command::Partners {
            program,
            out: Some(out),
            ..
        } => exports::partners(ctx, program.clone(), out),
        Command::Partners {
            program,
            json,
            out: None,
        } => lists::partners(ctx, program.as_deref(), *json),
        Command::Clients {
            program,
            out: Some(out),
            ..
        } => exports::clients(ctx, program.clone(), out),
        Command::Clients {
            program,
            json,
            out: None,
        } => lists::clients(ctx, program.as_deref(), *json),
        Command::Bindings {
            client,
            program,
            json,
        } => lists::bindings(ctx, client, program.as_deref(), *json),
        Command::Convert {
            partner,
            date,
            amount,
            payout,
            key,
            json,
        } => acts::convert(
            ctx,
            partner,
            date,
            amount.as_deref(),
            *payout,
            key.clone(),
            *json,
        ),
        Command::Act { command } => acts::act(ctx, command),
        Command::Book {
            command: BookCommand::Check { json },
        } => book::check(ctx, *json),
        Command::Book {
            command: BookCommand::Copy { to, json },
        } => book::copy(ctx, to, *json),
        Command::Book {
            command: BookCommand::Backup,
        } => book::backup(ctx),
        Command::Book {
            command: BookCommand::Backups { json },
        } => book::backups(ctx, *json),
        Command::Book {
            command: BookCommand::Restore { file },
        } => book::restore(ctx, file),
        Command::Batch {
            date,
            program,
            json,
        } => acts::batch(ctx, date, program.as_deref(), *json),
        Command::Acts {
            status,
            partner,
            program,
            month,
            json,
        } => acts::acts(
            ctx,
            acts::ActsFilter {
                status: *status,
                partner: partner.as_deref(),
                program: program.as_deref(),
                month: month.as_deref(),
            },
            *json,
        ),
        Command::Statement {
            partner,
            from,
            to,
            out,
        } => documents::statement(ctx, partner, from, to, out),
        Command::Payouts { month, out } => documents::payouts(ctx, month, out),
        Command::Deadlines { as_of, json } => acts::deadlines(ctx, as_of, *json),
        Command::Programs { json } => programs::list(ctx, *json),
        Command::Whatif(args) => whatif::run(ctx, args),
        Command::Program { command } => programs::program(ctx, command),
        Command::Discounts { program, json } => discounts::run(ctx, program.as_deref(), *json),
    }
}
