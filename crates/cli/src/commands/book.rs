//! `book check`, `book copy`: the book itself (FORMATS.md "The book's location").

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::store::{BackupFile, KEEP};
use partnerbook_core::Result;
use serde_json::json;

use crate::context::Context;
use crate::output;

pub fn check(ctx: &mut Context, json: bool) -> Result<ExitCode> {
    let found = api::check_book(&ctx.book)?;
    if json {
        let problems: Vec<_> = found
            .iter()
            .map(|f| json!({ "code": f.code, "message": f.text.get(ctx.lang) }))
            .collect();
        output::json(&json!({ "ok": found.is_empty(), "problems": problems }));
    } else if found.is_empty() {
        output::line(ctx.say("Книга в порядке.", "The book is sound."));
    } else {
        for f in &found {
            eprintln!("{}", f.text.get(ctx.lang));
        }
    }
    Ok(if found.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn copy(ctx: &mut Context, to: &str, json: bool) -> Result<ExitCode> {
    let counted = ctx.book.copy_to(Path::new(to))?;
    if json {
        output::json(&counted);
    } else {
        let rows: Vec<Vec<String>> = counted
            .iter()
            .map(|c| {
                vec![
                    c.table.to_owned(),
                    c.source.to_string(),
                    c.target.to_string(),
                ]
            })
            .collect();
        output::table(
            &[
                ctx.say("Таблица", "Table"),
                ctx.say("В книге", "In the book"),
                ctx.say("В копии", "In the copy"),
            ],
            &rows,
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A backup as the command line prints it.
fn backup_json(ctx: &Context, b: &BackupFile) -> serde_json::Value {
    json!({
        "path": b.path.display().to_string(),
        "taken_at": b.taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "reason": b.reason,
        "label": b.reason.label(ctx.lang),
        "bytes": b.bytes,
    })
}

pub fn backup(ctx: &mut Context) -> Result<ExitCode> {
    let taken = api::backup_now(&ctx.book, &ctx.actor())?;
    output::json(&backup_json(ctx, &taken));
    Ok(ExitCode::SUCCESS)
}

pub fn backups(ctx: &mut Context, json: bool) -> Result<ExitCode> {
    let kept = api::list_backups(&ctx.book)?;
    if json {
        let list: Vec<_> = kept.iter().map(|b| backup_json(ctx, b)).collect();
        output::json(&json!({ "keep": KEEP, "backups": list }));
    } else {
        let rows: Vec<Vec<String>> = kept
            .iter()
            .map(|b| {
                vec![
                    b.taken_at.format("%d.%m.%Y %H:%M:%S").to_string(),
                    b.reason.label(ctx.lang).to_owned(),
                    b.bytes.to_string(),
                    b.path.display().to_string(),
                ]
            })
            .collect();
        output::table(
            &[
                ctx.say("Когда", "When"),
                ctx.say("Перед чем", "Before"),
                ctx.say("Байт", "Bytes"),
                ctx.say("Файл", "File"),
            ],
            &rows,
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn restore(ctx: &mut Context, file: &Path) -> Result<ExitCode> {
    let actor = ctx.actor();
    let restored = api::restore_backup(&mut ctx.book, &actor, file)?;
    output::json(&json!({
        "restored": restored.from.display().to_string(),
        "safety_backup": backup_json(ctx, &restored.safety),
    }));
    Ok(ExitCode::SUCCESS)
}
