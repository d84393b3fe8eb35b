//! A malformed statement is refused whole, every problem named by its line and key, and
//! changes nothing: cut short, a bad sum or date, no КонецФайла, another version, a
//! document without a required key, text in another encoding, the payment orders
//! themselves instead of a statement.

mod common;
#[path = "statement_cases/mod.rs"]
mod statement_cases;

use common::*;
use partnerbook_core::acts::{statement_apply, statement_preview};
use partnerbook_core::documents::sample_statement::windows_1251;
use partnerbook_core::{Error, Lang};
use statement_cases::*;

/// The 1-based number of the first line of `text` that `matches`.
fn line_of(text: &str, matches: impl Fn(&str) -> bool) -> u64 {
    let index = text.lines().position(matches).expect("the line");
    u64::try_from(index).expect("a line number") + 1
}

/// `text` with its line `no` (1-based) replaced by `by` (left out when `None`).
fn with_line(text: &str, no: u64, by: Option<&str>) -> String {
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let index = usize::try_from(no - 1).expect("an index");
    match by {
        Some(by) => lines[index] = by,
        None => {
            lines.remove(index);
        }
    }
    lines.join("\r\n")
}

/// Refused with `invalid`; the problems as `(code, line, key)`; the book unchanged.
fn refused(scene: &mut Scene, bytes: &[u8]) -> Vec<(String, Option<u64>, Option<String>)> {
    let ledger = ledger_rows(scene);
    let preview = statement_preview(scene.book.db(), bytes, Lang::Ru).expect_err("refused");
    let err = statement_apply(&mut scene.book, bytes, &actor(), Lang::Ru).expect_err("refused");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert_eq!(err.problems(), preview.problems());
    assert_eq!(statuses(scene), before_statement(), "no act changed");
    assert_eq!(ledger_rows(scene), ledger, "no entry added");
    err.problems()
        .iter()
        .map(|p| (p.code.to_owned(), p.row, p.column.clone()))
        .collect()
}

fn problem(code: &str, line: u64, key: Option<&str>) -> (String, Option<u64>, Option<String>) {
    (code.to_owned(), Some(line), key.map(str::to_owned))
}

#[test]
fn a_bad_sum_is_named_by_its_line_and_key() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let no = line_of(&text, |l| l.starts_with("Сумма="));
    let bad = with_line(&text, no, Some("Сумма=12,3.4"));
    assert_eq!(
        refused(&mut scene, &windows_1251(&bad)),
        [problem("statement_sum", no, Some("Сумма"))]
    );
    let err = statement_preview(scene.book.db(), &windows_1251(&bad), Lang::Ru).expect_err("bad");
    assert_eq!(
        err.message(Lang::Ru),
        format!("строка {no}, столбец Сумма: «12,3.4» — не сумма (цифры, точка, не больше двух знаков после неё)")
    );
    assert_eq!(
        err.message(Lang::En),
        format!(
            "row {no}, column Сумма: «12,3.4» is not a sum (digits, a dot, at most two decimals)"
        )
    );
}

#[test]
fn a_bad_date_and_a_bad_account_are_each_named() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let date = line_of(&text, |l| l.starts_with("ДатаСписано="));
    let account = line_of(&text, |l| l.starts_with("ПолучательСчет="));
    let bad = with_line(&text, date, Some("ДатаСписано=31.02.2026"));
    let bad = with_line(&bad, account, Some("ПолучательСчет=4070281"));
    assert_eq!(
        refused(&mut scene, &windows_1251(&bad)),
        [
            problem("statement_account", account, Some("ПолучательСчет")),
            problem("statement_date", date, Some("ДатаСписано")),
        ]
    );
}

#[test]
fn a_file_cut_short_or_without_its_last_line_is_refused() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("СекцияДокумент"))
        .nth(1)
        .map(|(i, _)| i)
        .expect("a second document");
    let cut: String = text
        .split("\r\n")
        .take(second + 5)
        .collect::<Vec<_>>()
        .join("\r\n");
    let start = u64::try_from(second).expect("a number") + 1;
    assert_eq!(
        refused(&mut scene, &windows_1251(&cut)),
        [problem("statement_truncated", start, None)]
    );
    let no_end = text.replace("КонецФайла\r\n", "");
    let last = u64::try_from(no_end.lines().count()).expect("a number");
    assert_eq!(
        refused(&mut scene, &windows_1251(&no_end)),
        [problem("statement_truncated", last, None)]
    );
}

#[test]
fn another_version_or_a_document_without_its_sum_is_refused() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let version = line_of(&text, |l| l.starts_with("ВерсияФормата="));
    let old = with_line(&text, version, Some("ВерсияФормата=1.02"));
    assert_eq!(
        refused(&mut scene, &windows_1251(&old)),
        [problem("statement_version", version, Some("ВерсияФормата"))]
    );
    let start = line_of(&text, |l| l.starts_with("СекцияДокумент"));
    let sum = line_of(&text, |l| l.starts_with("Сумма="));
    let no_sum = with_line(&text, sum, None);
    assert_eq!(
        refused(&mut scene, &windows_1251(&no_sum)),
        [problem("statement_key_missing", start, Some("Сумма"))]
    );
}

#[test]
fn text_in_another_encoding_is_refused_not_guessed() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(
        refused(&mut scene, &utf16),
        [problem("statement_marker", 1, None)]
    );
    // UTF-8 but for one Windows-1251 line: not UTF-8, so read as Windows-1251, where the
    // UTF-8 keys come out as no keys at all.
    let purpose = line_of(&text, |l| l.starts_with("НазначениеПлатежа="));
    let mut mixed = Vec::new();
    for (i, line) in text.split_inclusive("\r\n").enumerate() {
        if u64::try_from(i).expect("a number") + 1 == purpose {
            mixed.extend(windows_1251(line));
        } else {
            mixed.extend(line.as_bytes());
        }
    }
    let problems = refused(&mut scene, &mixed);
    assert_eq!(
        problems[0],
        problem("statement_key", 2, None),
        "{problems:?}"
    );
}

#[test]
fn the_payment_orders_themselves_are_not_a_statement() {
    let mut scene = scene();
    let orders = windows_1251(&orders(&scene));
    assert_eq!(
        refused(&mut scene, &orders),
        [problem("statement_no_account", 1, None)]
    );
}

#[test]
fn a_statement_of_another_account_or_without_the_vendors_account_is_refused() {
    let mut scene = scene();
    let text = statement(&scene, &[]).replace(VENDOR_ACCOUNT, PARTNER_ACCOUNT);
    let err = statement_preview(scene.book.db(), &windows_1251(&text), Lang::Ru)
        .expect_err("another account");
    assert_eq!(err.code(), "statement_other_account");
    let err = statement_apply(&mut scene.book, &windows_1251(&text), &actor(), Lang::En)
        .expect_err("another account");
    assert!(err.message(Lang::En).contains(PARTNER_ACCOUNT), "{err}");
    assert_eq!(statuses(&scene), before_statement());
}
