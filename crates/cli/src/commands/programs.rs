//! `programs`, `program show`, `program add-version`: the programs' rules by version.

use std::path::Path;
use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::programs::{read_rules_file, Program, ProgramVersion, RewardRule, RuleSet};
use partnerbook_core::{Error, Lang, Problem, Result, Text};
use serde::Serialize;

use crate::args::ProgramCommand;
use crate::context::Context;
use crate::options::day;
use crate::output;

#[derive(Serialize)]
struct VersionJson {
    id: i64,
    effective_from: String,
}

#[derive(Serialize)]
struct ProgramJson<'a, V> {
    program: &'a str,
    name: &'a str,
    unit: &'a str,
    versions: Vec<V>,
}

#[derive(Serialize)]
struct AddedJson<'a> {
    program: &'a str,
    #[serde(flatten)]
    version: &'a ProgramVersion,
}

fn name<'a>(ctx: &Context, program: &'a Program) -> &'a str {
    match ctx.lang {
        Lang::Ru => &program.name_ru,
        Lang::En => &program.name_en,
    }
}

pub fn list(ctx: &mut Context, json: bool) -> Result<ExitCode> {
    let programs = api::program_versions(&ctx.book)?;
    let out: Vec<_> = programs
        .iter()
        .map(|p| ProgramJson {
            program: &p.id,
            name: name(ctx, p),
            unit: &p.unit,
            versions: p
                .versions
                .iter()
                .map(|v| VersionJson {
                    id: v.id,
                    effective_from: v.effective_from.to_string(),
                })
                .collect(),
        })
        .collect();
    if json {
        output::json(&out);
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        ctx.say("Программа", "Program"),
        ctx.say("Наименование", "Name"),
        ctx.say("Единица", "Unit"),
        ctx.say("Версии с", "Versions from"),
    ];
    let rows: Vec<Vec<String>> = out
        .iter()
        .map(|p| {
            let days: Vec<&str> = p
                .versions
                .iter()
                .map(|v| v.effective_from.as_str())
                .collect();
            vec![
                p.program.to_owned(),
                p.name.to_owned(),
                p.unit.to_owned(),
                days.join(", "),
            ]
        })
        .collect();
    output::table(&header, &rows);
    Ok(ExitCode::SUCCESS)
}

pub fn program(ctx: &mut Context, command: &ProgramCommand) -> Result<ExitCode> {
    match command {
        ProgramCommand::Show { program, json } => show(ctx, program, *json),
        ProgramCommand::AddVersion {
            program,
            from,
            rules,
            json,
        } => add(ctx, program, from, rules, *json),
    }
}

fn show(ctx: &mut Context, id: &str, json: bool) -> Result<ExitCode> {
    let program = api::program(&ctx.book, id)?;
    if json {
        output::json(&ProgramJson {
            program: &program.id,
            name: name(ctx, &program),
            unit: &program.unit,
            versions: program.versions.iter().collect(),
        });
        return Ok(ExitCode::SUCCESS);
    }
    output::line(&format!(
        "{} — {} ({})",
        program.id,
        name(ctx, &program),
        program.unit
    ));
    for v in &program.versions {
        output::line(&format!(
            "{} {}, {} {}",
            ctx.say("Версия", "Version"),
            v.id,
            ctx.say("с", "from"),
            v.effective_from
        ));
        for (label, value) in rule_lines(ctx, &v.rules) {
            output::line(&format!("  {label}: {value}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn add(ctx: &mut Context, id: &str, from: &str, path: &Path, json: bool) -> Result<ExitCode> {
    api::program(&ctx.book, id)?;
    let from = day("from", from)?;
    let rules = read_rules_file(path)?;
    let actor = ctx.actor();
    let version = api::add_version(&mut ctx.book, &actor, id, from, &rules)
        .map_err(|e| in_command_line_terms(e, path))?;
    if json {
        output::json(&AddedJson {
            program: id,
            version: &version,
        });
    } else {
        output::line(&format!(
            "{} {id}: {} {} {} {}.",
            ctx.say("Программа", "Program"),
            ctx.say("добавлена версия", "added version"),
            version.id,
            ctx.say("с", "from"),
            version.effective_from
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The core names a version's problems by the app's fields; here the day is `--from` and
/// the rules are the file.
fn in_command_line_terms(e: Error, path: &Path) -> Error {
    let Error::Invalid(problems) = e else {
        return e;
    };
    let file = path.display();
    Error::Invalid(
        problems
            .into_iter()
            .map(|p| match p.field {
                Some("effective_from") => Problem {
                    field: Some("--from"),
                    ..p
                },
                Some(field) => Problem::new(
                    p.code,
                    Text::new(
                        format!("{file}, {field}: {}", p.text.ru),
                        format!("{file}, {field}: {}", p.text.en),
                    ),
                ),
                None => p,
            })
            .collect(),
    )
}

/// A rule set in a few lines for people; `--json` prints all of it.
fn rule_lines(ctx: &Context, rules: &RuleSet) -> Vec<(&'static str, String)> {
    let channels: Vec<&str> = rules
        .binding
        .channels
        .iter()
        .map(|c| ctx.say(c.channel.name_ru(), c.channel.name_en()))
        .collect();
    let rewards: Vec<String> = rules.rewards.iter().map(|r| reward(ctx, r)).collect();
    let rewards = if rewards.is_empty() {
        ctx.say("нет", "none").to_owned()
    } else {
        rewards.join("; ")
    };
    let mut lines = vec![
        (ctx.say("Каналы", "Channels"), channels.join(", ")),
        (ctx.say("Вознаграждение", "Rewards"), rewards),
        (
            ctx.say("Удержание, дней", "Hold, days"),
            rules.hold_days.to_string(),
        ),
    ];
    if let Some(c) = &rules.conversion {
        lines.push((
            ctx.say("Конвертация от", "Conversion from"),
            c.min_amount.to_string(),
        ));
    }
    if let Some(d) = &rules.discounts {
        let ladder: Vec<String> = d
            .ladder
            .iter()
            .map(|s| format!("{} → {} % × {}", s.invited, s.percent, s.months))
            .collect();
        lines.push((
            ctx.say("Скидки", "Discounts"),
            match ctx.lang {
                Lang::Ru => format!(
                    "приглашённому {} % на {} мес.; пригласившему (приглашено → %, мес.): {}",
                    d.invitee_percent,
                    d.invitee_months,
                    ladder.join(", ")
                ),
                Lang::En => format!(
                    "invitee {} % for {} months; inviter (invited → %, months): {}",
                    d.invitee_percent,
                    d.invitee_months,
                    ladder.join(", ")
                ),
            },
        ));
    }
    lines
}

fn reward(ctx: &Context, rule: &RewardRule) -> String {
    let ru = ctx.lang == Lang::Ru;
    match rule {
        RewardRule::FirstPurchase { percent } => {
            format!(
                "{} {percent} %",
                ctx.say("первая покупка", "first purchase")
            )
        }
        RewardRule::LaterPurchases {
            percent,
            within_years,
        } => {
            let text = format!(
                "{} {percent} %",
                ctx.say("следующие покупки", "later purchases")
            );
            match within_years {
                Some(y) if ru => format!("{text} ({y} г. с регистрации)"),
                Some(y) => format!("{text} (for {y} years from registration)"),
                None => text,
            }
        }
        RewardRule::ActiveClient {
            amount,
            min_users,
            channel,
        } if ru => format!(
            "активный клиент (больше {min_users} польз., {}) {amount}",
            channel.name_ru()
        ),
        RewardRule::ActiveClient {
            amount,
            min_users,
            channel,
        } => format!(
            "active client (over {min_users} users, {}) {amount}",
            channel.name_en()
        ),
        RewardRule::ListPrice { percent } => {
            format!(
                "{} {percent} %",
                ctx.say("от цены по прайсу", "of the list price")
            )
        }
        RewardRule::AmountPaid { percent } => {
            format!(
                "{} {percent} %",
                ctx.say("от оплаченного", "of the amount paid")
            )
        }
        RewardRule::ContractRate => ctx.say("ставка по договору", "the contract rate").into(),
    }
}
