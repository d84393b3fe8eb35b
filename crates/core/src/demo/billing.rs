//! The demo's year of billing: every client pays as its program's clients do (monthly
//! tariffs, KZT packages every three months, PBX bills, a few SMS packages, resold
//! licences and refunds), written as a billing file and imported by the real import —
//! so the demo's accruals, reasons and history are exactly what a user's import makes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{Datelike, Months, NaiveDate};

use super::dice::Dice;
use crate::audit::Actor;
use crate::import::{run_import, ImportKind, ImportOptions, ImportReport};
use crate::store::clients::{registered_clients, RegisteredClient as Payer};
use crate::store::Book;
use crate::{Lang, Result};

/// One billing line: `payment_id,program,date,client_id,amount,list_price,category,direct,type,refund_of,promo_code,promotion`.
struct Line<'a> {
    id: String,
    payer: &'a Payer,
    date: NaiveDate,
    amount: i64,
    list_price: Option<i64>,
    category: &'static str,
    direct: bool,
    promo_code: Option<&'a str>,
    promotion: Option<&'static str>,
}

fn fields(l: &Line) -> Vec<String> {
    vec![
        l.id.clone(),
        l.payer.program.clone(),
        l.date.to_string(),
        l.payer.client.clone(),
        l.amount.to_string(),
        l.list_price.map(|p| p.to_string()).unwrap_or_default(),
        l.category.to_owned(),
        if l.direct { "yes" } else { "no" }.to_owned(),
        "payment".to_owned(),
        String::new(),
        l.promo_code.unwrap_or("").to_owned(),
        l.promotion.unwrap_or("").to_owned(),
    ]
}

/// One CSV line, quoted where a field needs it (client ids may hold commas or quotes).
fn record(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    quoted.join(",") + "\n"
}

/// The client's payments from its registration to `today`.
fn payments_of(
    csv: &mut Vec<Vec<String>>,
    dice: &mut Dice,
    payer: &Payer,
    today: NaiveDate,
    n: &mut u64,
) {
    let (every, price): (u32, i64) = match payer.program.as_str() {
        "bitrix24" => (1, *dice.pick(&[1990, 5990, 11990, 29990]).unwrap_or(&1990)),
        "atlantys" => (
            3,
            *dice.pick(&[100_000, 200_000, 300_000]).unwrap_or(&100_000),
        ),
        "quantower" => (1, *dice.pick(&[49, 99, 199]).unwrap_or(&49)),
        "tele2-ats" => (1, *dice.pick(&[990, 1490, 2990]).unwrap_or(&990)),
        _ => (1, *dice.pick(&[500, 900, 1500]).unwrap_or(&500)),
    };
    let mut date = payer.registered + chrono::Days::new(dice.between(0, 20) as u64);
    let mut first = true;
    while date <= today {
        *n += 1;
        let mut line = Line {
            id: format!("{}-{:06}", prefix(&payer.program), *n),
            payer,
            date,
            amount: price,
            list_price: None,
            category: "tariff",
            direct: !dice.chance(4),
            promo_code: None,
            promotion: None,
        };
        if payer.program == "atlantys" {
            // the package with the partner's code: 25 % off the list price
            line.list_price = Some(price);
            if let Some(code) = payer.code.as_deref().filter(|_| first || dice.chance(70)) {
                line.promo_code = Some(code);
                line.amount = price * 3 / 4;
            }
            if dice.chance(5) {
                line.promotion = Some("Чёрная пятница");
            }
        }
        csv.push(fields(&line));
        if payer.program == "bitrix24" && dice.chance(10) {
            *n += 1;
            let sms = Line {
                id: format!("B-{:06}", *n),
                amount: 500,
                category: "sms",
                ..line
            };
            csv.push(fields(&sms));
        }
        first = false;
        date = date
            .checked_add_months(Months::new(every))
            .unwrap_or(today.succ_opt().unwrap_or(today));
    }
}

fn prefix(program: &str) -> &'static str {
    match program {
        "bitrix24" => "B",
        "atlantys" => "A",
        "quantower" => "Q",
        "tele2-ats" => "T",
        _ => "W",
    }
}

/// A few refunds of earlier payments, full and partial, appended after the payments.
fn refunds(lines: &[Vec<String>], dice: &mut Dice, today: NaiveDate) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, f) in lines.iter().enumerate() {
        if i % 37 != 5 || !dice.chance(60) {
            continue;
        }
        let (Some(id), Some(program), Some(date), Some(client), Some(amount)) =
            (f.first(), f.get(1), f.get(2), f.get(3), f.get(4))
        else {
            continue;
        };
        let (Ok(date), Ok(amount)) = (
            NaiveDate::parse_from_str(date, "%Y-%m-%d"),
            amount.parse::<i64>(),
        ) else {
            continue;
        };
        let refund_day = date + chrono::Days::new(dice.between(3, 40) as u64);
        if refund_day > today {
            continue;
        }
        let part = if dice.chance(50) { amount } else { amount / 2 };
        out.push(vec![
            format!("{id}-R"),
            program.clone(),
            refund_day.to_string(),
            client.clone(),
            format!("-{part}"),
            String::new(),
            "tariff".into(),
            "yes".into(),
            "refund".into(),
            id.clone(),
            String::new(),
            String::new(),
        ]);
    }
    out
}

/// A file of its own in the temporary folder (several demos may run at once).
fn file() -> PathBuf {
    static MADE: AtomicU64 = AtomicU64::new(0);
    let n = MADE.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "partnerbook-demo-billing-{}-{n}.csv",
        std::process::id()
    ))
}

/// Writes the demo's billing file and imports it.
pub(super) fn import_year(book: &mut Book, actor: &Actor) -> Result<ImportReport> {
    let today = actor.today();
    let mut dice = Dice::new(u64::from(today.ordinal()) + 7919);
    let mut lines = Vec::new();
    let mut n = 0;
    for payer in registered_clients(book.db())? {
        payments_of(&mut lines, &mut dice, &payer, today, &mut n);
    }
    let refunds = refunds(&lines, &mut dice, today);
    let mut csv = String::from("payment_id,program,date,client_id,amount,list_price,category,direct,type,refund_of,promo_code,promotion\n");
    for line in lines.iter().chain(&refunds) {
        csv.push_str(&record(line));
    }
    let path = file();
    std::fs::write(&path, csv)?;
    let options = ImportOptions {
        kind: ImportKind::Billing,
        path: path.clone(),
        sheet: None,
        program: None,
        dry_run: false,
        lang: Lang::Ru,
    };
    let report = run_import(book, &options, actor, &mut |_| true);
    let _ = std::fs::remove_file(&path);
    report
}
