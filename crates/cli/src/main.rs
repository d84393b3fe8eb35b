//! `partnerbook`: the command line over the Partnerbook core. Everything the app can do
//! to a book can be scripted here (FORMATS.md fixes the contract).

mod args;
mod commands;
mod context;
mod options;
mod output;

use std::process::ExitCode;

use clap::Parser;

use args::Cli;
use context::Context;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = context::lang(cli.lang.as_deref());
    match Context::open(&cli, lang).and_then(|mut ctx| commands::run(&mut ctx, &cli.command)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(1)
        }
    }
}
