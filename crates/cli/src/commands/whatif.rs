//! `whatif`: a program's payments replayed under other rules, per partner; with `--apply`
//! the differences posted as correcting entries and the rules recorded as a version.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::ledger::{Change, WhatIfReport, WhatIfRequest};
use partnerbook_core::programs::read_rules_file;
use partnerbook_core::Result;

use crate::args::WhatifArgs;
use crate::context::Context;
use crate::options::day;
use crate::output;

pub fn run(ctx: &mut Context, args: &WhatifArgs) -> Result<ExitCode> {
    let request = WhatIfRequest {
        program: args.program.clone(),
        from: day("from", &args.from)?,
        to: args.to.as_deref().map(|to| day("to", to)).transpose()?,
        rules: read_rules_file(&args.rules)?,
    };
    if args.apply {
        let date = day("date", args.date.as_deref().unwrap_or_default())?;
        let actor = ctx.actor();
        let applied = api::whatif_apply(&mut ctx.book, &actor, &request, date)?;
        if args.json {
            output::json(&applied);
        } else {
            output::line(&format!(
                "{}: {} {}, {} {}, {} {} {}; {} {}.",
                applied.program,
                ctx.say("проведено корректировок", "correcting entries posted"),
                applied.entries,
                ctx.say("партнёров", "partners"),
                applied.partners,
                ctx.say("на сумму", "amounting to"),
                applied.amount,
                applied.unit,
                ctx.say("правила записаны версией", "rules recorded as version"),
                applied.version,
            ));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = api::whatif(&ctx.book, &request)?;
    if args.json {
        if report.rows.is_empty() && !report.discounts.is_empty() {
            output::json(&report.discounts);
        } else {
            output::json(&report.rows);
        }
        return Ok(ExitCode::SUCCESS);
    }
    print(ctx, &report);
    Ok(ExitCode::SUCCESS)
}

fn print(ctx: &Context, report: &WhatIfReport) {
    let header = [
        ctx.say("Партнёр", "Partner"),
        ctx.say("Единица", "Unit"),
        ctx.say("В книге", "In the book"),
        ctx.say("По новым правилам", "Under the rules"),
        ctx.say("Разница", "Difference"),
    ];
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|r| {
            vec![
                r.partner.clone(),
                r.unit.clone(),
                r.book.clone(),
                r.whatif.clone(),
                r.difference.clone(),
            ]
        })
        .collect();
    output::table(&header, &rows);
    for t in &report.totals {
        output::line(&format!(
            "{} ({}): {} → {}, {} {}; {} {}",
            ctx.say("Итого", "Total"),
            t.unit,
            t.book,
            t.whatif,
            ctx.say("разница", "difference"),
            t.difference,
            ctx.say("партнёров с разницей:", "partners that differ:"),
            t.partners_changed
        ));
    }
    for d in &report.discounts {
        let change = match d.change {
            Change::Added => ctx.say("добавится", "added"),
            Change::Removed => ctx.say("отменится", "removed"),
        };
        let what = match (d.period.percent, d.period.sms_package) {
            (Some(percent), _) => format!("{percent} %"),
            (None, Some(sms)) => format!("{sms} {}", ctx.say("SMS", "SMS")),
            (None, None) => String::new(),
        };
        output::line(&format!(
            "{change}: {} {what} {}–{}",
            d.period.client,
            d.period.start,
            d.period.end.map(|e| e.to_string()).unwrap_or_default(),
        ));
    }
    output::line(&format!(
        "{} {}",
        ctx.say("Платежей пересчитано:", "Payments replayed:"),
        report.payments
    ));
}
