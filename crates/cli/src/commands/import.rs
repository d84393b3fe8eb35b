//! `import partners|clients|billing FILE [--dry-run]` (`import statement` is in
//! [`super::statement`]).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::import::{ImportOptions, ImportReport};
use partnerbook_core::ledger::AccrualTotal;
use partnerbook_core::{Lang, Result};

use crate::args::ImportArgs;
use crate::context::Context;
use crate::output;

pub fn run(ctx: &mut Context, args: &ImportArgs) -> Result<ExitCode> {
    let options = ImportOptions {
        kind: match args.kind.table() {
            Some(kind) => kind,
            None => return super::statement::run(ctx, args),
        },
        path: args.file.clone(),
        sheet: args.sheet.clone(),
        program: args.program.clone(),
        dry_run: args.dry_run,
        lang: ctx.lang,
    };
    let actor = ctx.actor();
    let show_progress = std::io::stderr().is_terminal();
    let report = api::import(&mut ctx.book, &options, &actor, &mut |p| {
        if show_progress {
            let percent = (p.bytes * 100).checked_div(p.total_bytes).unwrap_or(0);
            eprint!("\r{} ({percent} %)", p.rows);
            let _ = std::io::stderr().flush();
        }
        true
    })?;
    if show_progress {
        eprint!("\r\x1b[K");
    }
    if args.json {
        output::json(&report);
    }
    for p in &report.problems {
        eprintln!("{}", p.render(ctx.lang));
    }
    eprintln!("{}", summary(&report, ctx.lang));
    if report.problems.is_empty() {
        for total in &report.accrued {
            eprintln!("{}", accrued(total, ctx.lang));
        }
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One program's accruals: "atlantys: платежей 3, начислено по 2 на 25000.00 KZT, ...".
fn accrued(t: &AccrualTotal, lang: Lang) -> String {
    if t.payments == 0 {
        // a clients import: the one-off rewards of clients that became active
        return match lang {
            Lang::Ru => format!(
                "{}: новых активных клиентов {}; начислено {} {}, аннулировано {}.",
                t.program, t.earned, t.credited, t.unit, t.annulled
            ),
            Lang::En => format!(
                "{}: newly active clients {}; credited {} {}, annulled {}.",
                t.program, t.earned, t.credited, t.unit, t.annulled
            ),
        };
    }
    match lang {
        Lang::Ru => format!(
            "{}: платежей {}, с начислением {}, без начисления {}; начислено {} {}, сторно {}, аннулировано {}.",
            t.program, t.payments, t.earned, t.unearned, t.credited, t.unit, t.reversed, t.annulled
        ),
        Lang::En => format!(
            "{}: payments {}, earning {}, earning nothing {}; credited {} {}, reversed {}, annulled {}.",
            t.program, t.payments, t.earned, t.unearned, t.credited, t.unit, t.reversed, t.annulled
        ),
    }
}

/// The closing lines: what was written, what would be, or why nothing was.
fn summary(r: &ImportReport, lang: Lang) -> String {
    if !r.problems.is_empty() {
        let mut bad: Vec<u64> = r.problems.iter().filter_map(|p| p.row).collect();
        bad.dedup();
        return match lang {
            Lang::Ru => format!(
                "Строк: {}, с ошибками: {}.\nОшибок: {}. Ничего не записано.",
                r.rows,
                bad.len(),
                r.problems.len()
            ),
            Lang::En => format!(
                "Rows: {}, with problems: {}.\nProblems: {}. Nothing was written.",
                r.rows,
                bad.len(),
                r.problems.len()
            ),
        };
    }
    match (lang, r.committed) {
        (Lang::Ru, true) => format!(
            "Строк: {}, добавлено: {}, уже было в книге: {}, отказано правилами программ: {}.",
            r.rows, r.added, r.unchanged, r.refused
        ),
        (Lang::En, true) => format!(
            "Rows: {}, added: {}, already imported: {}, refused by program rules: {}.",
            r.rows, r.added, r.unchanged, r.refused
        ),
        (Lang::Ru, false) => format!(
            "Проверка без записи. Строк: {}, будет добавлено: {}, уже есть в книге: {}, будет отказано правилами программ: {}. Файл можно загружать.",
            r.rows, r.added, r.unchanged, r.refused
        ),
        (Lang::En, false) => format!(
            "Dry run, nothing written. Rows: {}, to add: {}, already imported: {}, to be refused by program rules: {}. The file can be imported.",
            r.rows, r.added, r.unchanged, r.refused
        ),
    }
}
