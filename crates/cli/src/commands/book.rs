//! `book check`, `book copy`: the book itself (FORMATS.md "The book's location").

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::api;
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
