//! Reading a cell as the value an import wants: text, a date, an amount, yes or no.
//!
//! An empty (or blank) cell is `Ok(None)`: whether a value is required is the caller's call.
//! A cell that is not such a value is a [`Problem`] without row or column; the caller knows
//! both and adds them with [`Problem::at`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cell::Cell;
use crate::error::{Problem, Text};

/// The cell's text, trimmed; `None` when blank. Numbers give their decimal text (`12345`,
/// `0.5`), dates `YYYY-MM-DD`, booleans `true`/`false`.
pub fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(text) => {
            let text = text.trim();
            (!text.is_empty()).then(|| text.to_owned())
        }
        Cell::Number(_) | Cell::Date(_) | Cell::Bool(_) => Some(cell.to_string()),
    }
}

/// A date cell, or text `YYYY-MM-DD` or `DD.MM.YYYY` (day and month may have one digit).
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, Problem> {
    let Some(text) = text(cell) else {
        return Ok(None);
    };
    let parsed = match cell {
        Cell::Date(date) => Some(*date),
        Cell::Text(_) => parse_date(&text),
        Cell::Empty | Cell::Number(_) | Cell::Bool(_) => None,
    };
    parsed.map(Some).ok_or_else(|| {
        let shown = shown(&text);
        Problem::new(
            "bad_date",
            Text::new(
                format!("не дата: «{shown}» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"),
                format!("not a date: “{shown}” (expected YYYY-MM-DD or DD.MM.YYYY)"),
            ),
        )
    })
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let (year, month, day) = if let Some([year, month, day]) = three_numbers(text, '-') {
        (year.len() == 4 && month.len() == 2 && day.len() == 2).then_some((year, month, day))?
    } else {
        let [day, month, year] = three_numbers(text, '.')?;
        let short = |part: &str| (1..=2).contains(&part.len());
        (short(day) && short(month) && year.len() == 4).then_some((year, month, day))?
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// `text` split at `separator` into exactly three runs of ASCII digits.
fn three_numbers(text: &str, separator: char) -> Option<[&str; 3]> {
    let mut parts = text.split(separator);
    let three = [parts.next()?, parts.next()?, parts.next()?];
    let digits = |part: &&str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && three.iter().all(digits)).then_some(three)
}

/// A number cell, or text such as `12345.67`, `-12345,67`, `12 345,67`: an optional leading
/// minus, digits grouped by three with spaces (also no-break U+00A0 and narrow no-break
/// U+202F) or not grouped at all, and an optional decimal part after one `.` or `,`.
///
/// Anything else is refused rather than guessed at: `12,345.67` (a comma as thousands
/// separator) is not read as twelve thousand.
pub fn amount(cell: &Cell) -> Result<Option<Decimal>, Problem> {
    let Some(text) = text(cell) else {
        return Ok(None);
    };
    let parsed = match cell {
        Cell::Number(number) => Decimal::from_str_exact(number).ok(),
        Cell::Text(_) => parse_amount(&text),
        Cell::Empty | Cell::Date(_) | Cell::Bool(_) => None,
    };
    parsed.map(Some).ok_or_else(|| {
        let shown = shown(&text);
        Problem::new(
            "bad_amount",
            Text::new(
                format!("не сумма: «{shown}» (ожидается число вида 12345.67 или 12 345,67)"),
                format!("not an amount: “{shown}” (expected a number like 12345.67 or 12 345,67)"),
            ),
        )
    })
}

const GROUP_SEPARATORS: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

fn parse_amount(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(body) => (true, body),
        None => (false, text),
    };
    let (whole, fraction) = match body.find([',', '.']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = whole.split(GROUP_SEPARATORS).collect();
    let grouped_right = match groups.split_first() {
        Some((first, [])) => digits(first),
        Some((first, rest)) => {
            digits(first)
                && first.len() <= 3
                && rest.iter().all(|group| group.len() == 3 && digits(group))
        }
        None => false,
    };
    if !grouped_right || fraction.is_some_and(|fraction| !digits(fraction)) {
        return None;
    }
    let mut plain = String::with_capacity(body.len() + 1);
    if negative {
        plain.push('-');
    }
    plain.extend(groups);
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Decimal::from_str_exact(&plain).ok()
}

/// A boolean cell, a number cell 1 or 0, or text `yes`/`no`, `да`/`нет`, `1`/`0`,
/// `true`/`false` (also `истина`/`ложь`, as a Russian spreadsheet writes them), in any case.
pub fn yes_no(cell: &Cell) -> Result<Option<bool>, Problem> {
    let Some(text) = text(cell) else {
        return Ok(None);
    };
    let parsed = match cell {
        Cell::Bool(value) => Some(*value),
        Cell::Number(_) | Cell::Text(_) => match text.to_lowercase().as_str() {
            "yes" | "да" | "1" | "true" | "истина" => Some(true),
            "no" | "нет" | "0" | "false" | "ложь" => Some(false),
            _ => None,
        },
        Cell::Empty | Cell::Date(_) => None,
    };
    parsed.map(Some).ok_or_else(|| {
        let shown = shown(&text);
        Problem::new(
            "bad_yes_no",
            Text::new(
                format!("не «да» или «нет»: «{shown}» (ожидается да/нет, yes/no, 1/0, true/false)"),
                format!("not yes or no: “{shown}” (expected yes/no, да/нет, 1/0, true/false)"),
            ),
        )
    })
}

/// A cell's text for a message: long text is cut.
fn shown(text: &str) -> String {
    const LONGEST: usize = 60;
    if text.chars().count() <= LONGEST {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(LONGEST).collect();
        cut.push('…');
        cut
    }
}
