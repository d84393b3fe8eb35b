//! `import partners|clients FILE [--dry-run]`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::Result;

use crate::args::{ImportArgs, ImportWhat};
use crate::context::Context;
use crate::output;

pub fn run(ctx: &mut Context, args: &ImportArgs) -> Result<ExitCode> {
    let options = ImportOptions {
        kind: match args.kind {
            ImportWhat::Partners => ImportKind::Partners,
            ImportWhat::Clients => ImportKind::Clients,
        },
        path: args.file.clone(),
        sheet: args.sheet.clone(),
        dry_run: args.dry_run,
        lang: ctx.lang,
    };
    let actor = ctx.actor();
    let show_progress = std::io::stderr().is_terminal();
    let report = run_import(&mut ctx.book, &options, &actor, &mut |p| {
        if show_progress {
            let percent = (p.bytes * 100).checked_div(p.total_bytes).unwrap_or(0);
            eprint!("\r{} {} ({percent} %)", p.rows, "…");
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
        let mut place = Vec::new();
        if let Some(row) = p.row {
            place.push(format!("{} {row}", ctx.say("строка", "row")));
        }
        if let Some(column) = &p.column {
            place.push(format!("{} {column}", ctx.say("столбец", "column")));
        }
        if place.is_empty() {
            eprintln!("{}", p.message);
        } else {
            eprintln!("{}: {}", place.join(", "), p.message);
        }
    }
    let summary = match ctx.lang {
        partnerbook_core::Lang::Ru => format!(
            "Строк: {}, добавлено: {}, уже было в книге: {}, отказано правилами программ: {}.",
            report.rows, report.added, report.unchanged, report.refused
        ),
        partnerbook_core::Lang::En => format!(
            "Rows: {}, added: {}, already imported: {}, refused by program rules: {}.",
            report.rows, report.added, report.unchanged, report.refused
        ),
    };
    eprintln!("{summary}");
    if !report.problems.is_empty() {
        eprintln!(
            "{}",
            ctx.say(
                &format!("Ошибок: {}. Ничего не записано.", report.problems.len()),
                &format!("Problems: {}. Nothing was written.", report.problems.len())
            )
        );
        return Ok(ExitCode::from(1));
    }
    if args.dry_run {
        eprintln!(
            "{}",
            ctx.say(
                "Проверка без записи: файл можно загружать.",
                "Dry run: the file can be imported."
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
