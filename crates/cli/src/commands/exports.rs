//! `--out FILE.xlsx` on `partners`, `clients`, `balances` and `accruals`: the table saved
//! exactly as the app's «Экспорт в XLSX» saves it, in the order the listing prints.

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::clients::{ClientQuery, ClientSort};
use partnerbook_core::exports::{ExportRequest, TableQuery};
use partnerbook_core::ledger::{BalanceQuery, BalanceSort};
use partnerbook_core::partners::{PartnerQuery, PartnerSort};
use partnerbook_core::{Error, Problem, Result, Text};

use crate::context::Context;
use crate::options::day;
use crate::output;

fn save(ctx: &Context, table: TableQuery, out: &Path) -> Result<ExitCode> {
    let xlsx = out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return Err(Error::Invalid(vec![Problem::new(
            "bad_extension",
            Text::new(
                "--out: таблица сохраняется в .xlsx",
                "--out: the table is saved as .xlsx",
            ),
        )]));
    }
    let request = ExportRequest {
        lang: ctx.lang,
        table,
    };
    let file = api::export_table(&ctx.book, &request, ctx.actor().today())?;
    output::save(out, &file.bytes)?;
    output::line(&out.display().to_string());
    Ok(ExitCode::SUCCESS)
}

pub fn partners(ctx: &mut Context, program: Option<String>, out: &Path) -> Result<ExitCode> {
    let query = PartnerQuery {
        program,
        sort: Some(PartnerSort::Partner),
        ..PartnerQuery::default()
    };
    save(ctx, TableQuery::Partners { query }, out)
}

pub fn clients(ctx: &mut Context, program: Option<String>, out: &Path) -> Result<ExitCode> {
    let query = ClientQuery {
        program,
        sort: Some(ClientSort::Client),
        ..ClientQuery::default()
    };
    save(ctx, TableQuery::Clients { query }, out)
}

pub fn balances(
    ctx: &mut Context,
    as_of: &str,
    program: Option<String>,
    out: &Path,
) -> Result<ExitCode> {
    let query = BalanceQuery {
        as_of: day("as-of", as_of)?,
        program,
        search: None,
        sort: Some(BalanceSort::Partner),
        descending: None,
    };
    save(ctx, TableQuery::Balances { query }, out)
}

pub fn ledger(ctx: &mut Context, partner: &str, out: &Path) -> Result<ExitCode> {
    let table = TableQuery::Ledger {
        partner: partner.to_owned(),
    };
    save(ctx, table, out)
}
