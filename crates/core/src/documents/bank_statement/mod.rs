//! A bank statement (выписка) in 1C's exchange format, 1CClientBankExchange 1.03: what a
//! «Клиент банка» exports for the book to read back the payments the bank made. The same
//! format, read, as the payment orders [`super::bank_exchange`] writes.
//!
//! The file is text, Windows-1251 or UTF-8 (detected: bytes that are valid UTF-8 are read
//! as UTF-8, others as Windows-1251), CRLF or LF line ends, one `Key=Value` a line: the
//! header (`1CClientBankExchange`, `ВерсияФормата=1.03`, …), one or more account
//! sections `СекцияРасчСчет` … `КонецРасчСчет`, one `СекцияДокумент=<kind>` …
//! `КонецДокумента` per operation, then `КонецФайла`.
//!
//! Reading is strict, and pure: a file with anything wrong (a line that is not
//! `Key=Value`, a section not closed, no `КонецФайла`, a version other than 1.03, a
//! document without one of its required keys, a sum, a date or an account that is not
//! one) is refused whole, every problem named by its line and key. Keys the book does not
//! use are kept out of the model but must still be well formed.

use chrono::NaiveDate;
use encoding_rs::WINDOWS_1251;
use rust_decimal::Decimal;

mod values;

use values::{problem, shown, Fields, Reader};

use crate::{Error, Problem, Result, Text};

/// The format's first line.
const MARKER: &str = "1CClientBankExchange";
/// The only version read.
pub const STATEMENT_VERSION: &str = "1.03";

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementEncoding {
    Utf8,
    Windows1251,
}

/// A statement as read: its header, the accounts it covers and every operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankStatement {
    pub encoding: StatementEncoding,
    /// `Отправитель=` of the header (the bank or program that made the file).
    pub sender: String,
    /// `ДатаНачала`–`ДатаКонца` of the header, when given.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub accounts: Vec<StatementAccount>,
    pub operations: Vec<Operation>,
}

/// One `СекцияРасчСчет`: the account, its period and turnover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementAccount {
    /// The line of `СекцияРасчСчет`.
    pub line: u64,
    pub account: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub opening: Option<Decimal>,
    pub credited: Option<Decimal>,
    pub debited: Option<Decimal>,
    pub closing: Option<Decimal>,
}

/// One `СекцияДокумент`: a payment (or another document) on the statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The line of `СекцияДокумент`.
    pub line: u64,
    /// `Платежное поручение`, `Банковский ордер`, …
    pub kind: String,
    /// `Номер`: the document's number.
    pub number: String,
    /// `Дата`: the document's date.
    pub date: NaiveDate,
    /// `Сумма`: positive, at most two decimals.
    pub amount: Decimal,
    /// `ПлательщикСчет` (or `ПлательщикРасчСчет` when only that is given).
    pub payer_account: String,
    pub payer_inn: Option<String>,
    pub payer_name: Option<String>,
    /// `ПолучательСчет` (or `ПолучательРасчСчет`).
    pub recipient_account: String,
    pub recipient_inn: Option<String>,
    pub recipient_name: Option<String>,
    /// `НазначениеПлатежа` (empty when none).
    pub purpose: String,
    /// `ДатаСписано`: the day the payer's account was debited.
    pub debited: Option<NaiveDate>,
    /// `ДатаПоступило`: the day the recipient's account was credited.
    pub credited: Option<NaiveDate>,
}

/// Reads a statement; refused (`invalid`, every problem with its line and key) when it is
/// not a well-formed 1CClientBankExchange 1.03 statement.
pub fn read_bank_statement(bytes: &[u8]) -> Result<BankStatement> {
    let (text, encoding) = decode(bytes)?;
    let lines = numbered_lines(&text);
    let mut problems = Vec::new();
    let statement = parse(&lines, encoding, &mut problems);
    match statement {
        Some(statement) if problems.is_empty() => Ok(statement),
        _ => Err(Error::Invalid(problems)),
    }
}

/// UTF-8 (a byte order mark allowed) when the bytes are valid UTF-8, else Windows-1251.
fn decode(bytes: &[u8]) -> Result<(String, StatementEncoding)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), StatementEncoding::Utf8));
    }
    let (text, malformed) = WINDOWS_1251.decode_without_bom_handling(bytes);
    if malformed {
        return Err(Error::Invalid(vec![Problem::new(
            "statement_encoding",
            Text::new(
                "файл не в кодировке Windows-1251 и не в UTF-8",
                "the file is neither Windows-1251 nor UTF-8",
            ),
        )]));
    }
    Ok((text.into_owned(), StatementEncoding::Windows1251))
}

/// Lines numbered from 1, without their CR; the empty ones left out.
fn numbered_lines(text: &str) -> Vec<(u64, &str)> {
    text.split('\n')
        .zip(1..)
        .map(|(line, no)| (no, line.strip_suffix('\r').unwrap_or(line).trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// Where the reader is in the file.
enum Section {
    Header,
    Account(u64, Fields),
    Document(u64, String, Fields),
    Ended,
}

fn parse(
    lines: &[(u64, &str)],
    encoding: StatementEncoding,
    problems: &mut Vec<Problem>,
) -> Option<BankStatement> {
    let Some(&(first_no, first)) = lines.first() else {
        problems.push(problem(
            "statement_empty",
            "файл пуст: это не выписка 1CClientBankExchange",
            "the file is empty: not a 1CClientBankExchange statement",
        ));
        return None;
    };
    if first != MARKER {
        problems.push(
            problem(
                "statement_marker",
                format!("файл не начинается строкой {MARKER}: это не выписка в формате обмена с «Клиент банка» (или не в кодировке Windows-1251/UTF-8)"),
                format!("the file does not start with {MARKER}: not a «Клиент банка» exchange statement (or neither Windows-1251 nor UTF-8)"),
            )
            .at_row(first_no),
        );
        return None;
    }
    let mut header = Fields::new();
    let mut accounts = Vec::new();
    let mut operations = Vec::new();
    let mut section = Section::Header;
    let mut last_no = first_no;
    for &(no, line) in &lines[1..] {
        last_no = no;
        let (key, value) = match line.split_once('=') {
            Some((key, value)) => (key.trim(), Some(value.trim())),
            None => (line, None),
        };
        section = match (section, key, value) {
            (Section::Ended, ..) => {
                problems.push(
                    problem(
                        "statement_after_end",
                        "строка после КонецФайла",
                        "a line after КонецФайла",
                    )
                    .at_row(no),
                );
                return None;
            }
            (Section::Header, "СекцияРасчСчет", None) => {
                Section::Account(no, Fields::new())
            }
            (Section::Header, "СекцияДокумент", Some(kind)) => {
                Section::Document(no, kind.to_owned(), Fields::new())
            }
            (Section::Header, "КонецФайла", None) => Section::Ended,
            (Section::Account(start, fields), "КонецРасчСчет", None) => {
                accounts.push(account(start, &fields, problems));
                Section::Header
            }
            (Section::Document(start, kind, fields), "КонецДокумента", None) => {
                operations.extend(operation(start, kind, &fields, problems));
                Section::Header
            }
            (open, marker, _) if is_marker(marker) => {
                problems.push(misplaced(&open, marker, no));
                return None;
            }
            (mut open, key, Some(value)) => {
                well_formed_key(key, no, problems);
                let in_header = matches!(open, Section::Header);
                let fields = match &mut open {
                    Section::Account(_, fields) | Section::Document(_, _, fields) => fields,
                    _ => &mut header,
                };
                // The header may repeat `Документ=` (one per kind of document).
                if fields
                    .insert(key.to_owned(), (value.to_owned(), no))
                    .is_some()
                    && !in_header
                {
                    problems.push(
                        problem(
                            "statement_key_twice",
                            "ключ повторяется в разделе",
                            "the key is given twice in the section",
                        )
                        .at(no, key),
                    );
                }
                open
            }
            (_, line, None) => {
                problems.push(
                    problem(
                        "statement_line",
                        format!("«{}» — не строка вида Ключ=Значение", shown(line)),
                        format!("«{}» is not a Key=Value line", shown(line)),
                    )
                    .at_row(no),
                );
                return None;
            }
        };
    }
    match section {
        Section::Ended => {}
        Section::Header => {
            problems.push(
                problem(
                    "statement_truncated",
                    "файл кончается без КонецФайла: он обрезан",
                    "the file ends without КонецФайла: it is cut short",
                )
                .at_row(last_no),
            );
            return None;
        }
        Section::Account(start, _) | Section::Document(start, ..) => {
            problems.push(
                problem(
                    "statement_truncated",
                    "раздел, начатый здесь, не закончен: файл обрезан",
                    "the section started here is not closed: the file is cut short",
                )
                .at_row(start),
            );
            return None;
        }
    }
    let mut reader = Reader {
        fields: &header,
        problems,
    };
    let version = reader.required("ВерсияФормата", first_no);
    if let Some((version, no)) = version {
        if version != STATEMENT_VERSION {
            reader.problems.push(
                problem(
                    "statement_version",
                    format!(
                        "версия формата «{}» не читается: только {STATEMENT_VERSION}",
                        shown(&version)
                    ),
                    format!(
                        "format version «{}» is not read: only {STATEMENT_VERSION}",
                        shown(&version)
                    ),
                )
                .at(no, "ВерсияФормата"),
            );
        }
    }
    if let Some((charset, no)) = reader.text("Кодировка") {
        if !["windows", "utf-8", "utf8"].contains(&charset.to_lowercase().as_str()) {
            reader.problems.push(
                problem(
                    "statement_encoding",
                    format!(
                        "кодировка «{}» не читается: только Windows (Windows-1251) или UTF-8",
                        shown(&charset)
                    ),
                    format!(
                        "encoding «{}» is not read: only Windows (Windows-1251) or UTF-8",
                        shown(&charset)
                    ),
                )
                .at(no, "Кодировка"),
            );
        }
    }
    let sender = reader
        .text("Отправитель")
        .map(|(v, _)| v)
        .unwrap_or_default();
    let from = reader.date("ДатаНачала");
    let to = reader.date("ДатаКонца");
    reader.date("ДатаСоздания");
    reader.account("РасчСчет");
    if accounts.is_empty() && problems.is_empty() {
        problems.push(
            problem(
                "statement_no_account",
                "в файле нет раздела СекцияРасчСчет: это не выписка (файл платёжных поручений?)",
                "the file has no СекцияРасчСчет section: not a statement (a file of payment orders?)",
            )
            .at_row(first_no),
        );
    }
    Some(BankStatement {
        encoding,
        sender,
        from,
        to,
        accounts,
        operations,
    })
}

fn is_marker(key: &str) -> bool {
    [
        MARKER,
        "СекцияРасчСчет",
        "КонецРасчСчет",
        "СекцияДокумент",
        "КонецДокумента",
        "КонецФайла",
    ]
    .contains(&key)
}

/// A section marker where it does not belong (a section inside a section, an end without
/// its start).
fn misplaced(open: &Section, marker: &str, no: u64) -> Problem {
    let (ru, en) = match open {
        Section::Account(start, _) => (
            format!("{marker} внутри раздела СекцияРасчСчет (строка {start}), не закрытого КонецРасчСчет"),
            format!("{marker} inside the СекцияРасчСчет section of line {start}, not closed by КонецРасчСчет"),
        ),
        Section::Document(start, ..) => (
            format!("{marker} внутри раздела СекцияДокумент (строка {start}), не закрытого КонецДокумента"),
            format!("{marker} inside the СекцияДокумент section of line {start}, not closed by КонецДокумента"),
        ),
        _ => (
            format!("{marker} не на своём месте"),
            format!("{marker} out of place"),
        ),
    };
    problem("statement_section", ru, en).at(no, marker)
}

/// A key is one word of letters and digits (`ПлательщикИНН`, `НазначениеПлатежа1`);
/// anything else is text in another encoding, or not this format.
fn well_formed_key(key: &str, no: u64, problems: &mut Vec<Problem>) {
    if key.is_empty() || !key.chars().all(char::is_alphanumeric) {
        problems.push(
            problem(
                "statement_key",
                format!(
                    "«{}» — не ключ формата (файл не в кодировке Windows-1251 или UTF-8?)",
                    shown(key)
                ),
                format!(
                    "«{}» is not a key of the format (the file neither Windows-1251 nor UTF-8?)",
                    shown(key)
                ),
            )
            .at_row(no),
        );
    }
}

fn account(start: u64, fields: &Fields, problems: &mut Vec<Problem>) -> StatementAccount {
    let mut r = Reader { fields, problems };
    let account = r.required_account("РасчСчет", start);
    StatementAccount {
        line: start,
        account: account.unwrap_or_default(),
        from: r.date("ДатаНачала"),
        to: r.date("ДатаКонца"),
        opening: r.sum("НачальныйОстаток", true),
        credited: r.sum("ВсегоПоступило", true),
        debited: r.sum("ВсегоСписано", true),
        closing: r.sum("КонечныйОстаток", true),
    }
}

fn operation(
    start: u64,
    kind: String,
    fields: &Fields,
    problems: &mut Vec<Problem>,
) -> Option<Operation> {
    let mut r = Reader { fields, problems };
    let number = r.required("Номер", start).map(|(v, _)| v);
    let date = r
        .required("Дата", start)
        .and_then(|(v, no)| r.parse_date("Дата", &v, no));
    let amount = r
        .required("Сумма", start)
        .and_then(|(v, no)| r.parse_sum("Сумма", &v, no, false));
    let payer_account = r.either_account("ПлательщикСчет", "ПлательщикРасчСчет", start);
    let recipient_account = r.either_account("ПолучательСчет", "ПолучательРасчСчет", start);
    let payer_inn = r.inn("ПлательщикИНН");
    let recipient_inn = r.inn("ПолучательИНН");
    let debited = r.date("ДатаСписано");
    let credited = r.date("ДатаПоступило");
    let name = |keys: [&str; 2]| {
        keys.iter()
            .find_map(|k| r.text(k))
            .map(|(v, _)| v)
            .filter(|v| !v.is_empty())
    };
    Some(Operation {
        line: start,
        kind,
        number: number?,
        date: date?,
        amount: amount?,
        payer_account: payer_account?,
        payer_inn,
        payer_name: name(["Плательщик1", "Плательщик"]),
        recipient_account: recipient_account?,
        recipient_inn,
        recipient_name: name(["Получатель1", "Получатель"]),
        purpose: r
            .text("НазначениеПлатежа")
            .map(|(v, _)| v)
            .unwrap_or_default(),
        debited,
        credited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_is_read_as_utf8_anything_else_as_windows_1251() {
        let (text, encoding) = decode("Сумма".as_bytes()).expect("utf-8");
        assert_eq!(
            (text.as_str(), encoding),
            ("Сумма", StatementEncoding::Utf8)
        );
        let (bytes, _, _) = WINDOWS_1251.encode("Сумма");
        let (text, encoding) = decode(&bytes).expect("1251");
        assert_eq!(
            (text.as_str(), encoding),
            ("Сумма", StatementEncoding::Windows1251)
        );
        let (text, _) = decode(b"\xEF\xBB\xBFabc").expect("a BOM");
        assert_eq!(text, "abc");
    }

    #[test]
    fn lines_keep_their_numbers_without_cr_and_blank_lines() {
        let lines = numbered_lines("a\r\n\r\nb\nc=1 \r\n");
        assert_eq!(lines, [(1, "a"), (3, "b"), (4, "c=1")]);
    }
}
