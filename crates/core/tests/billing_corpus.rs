//! A corpus of malformed billing files (`tests/fixtures/billing_bad/`): each one is
//! imported into a book that already holds partners, clients and a good billing file, and
//! must give exactly the problems listed here (rendered `строка N, столбец X: …` as the
//! CLI prints them), commit nothing, and leave every table of the book as it was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// What importing a file must give.
enum Expect {
    /// A report with these problems, rendered in Russian (and, when given, in English).
    Problems {
        ru: &'static [&'static str],
        en: &'static [&'static str],
    },
    /// The file could not be opened as a table: an error with this code and Russian message.
    Refused {
        code: &'static str,
        ru: &'static str,
    },
}

struct Case {
    file: &'static str,
    sheet: Option<&'static str>,
    /// `--program`.
    program: Option<&'static str>,
    expect: Expect,
}

const fn ru(file: &'static str, ru: &'static [&'static str]) -> Case {
    Case {
        file,
        sheet: None,
        program: None,
        expect: Expect::Problems { ru, en: &[] },
    }
}

const fn both(
    file: &'static str,
    ru: &'static [&'static str],
    en: &'static [&'static str],
) -> Case {
    Case {
        file,
        sheet: None,
        program: None,
        expect: Expect::Problems { ru, en },
    }
}

const fn refused(file: &'static str, code: &'static str, ru: &'static str) -> Case {
    Case {
        file,
        sheet: None,
        program: None,
        expect: Expect::Refused { code, ru },
    }
}

const NOT_A_DATE: &str = "(ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)";

/// The committed files of `tests/fixtures/billing_bad/`.
const CASES: &[Case] = &[
    // Dates.
    both(
        "date_31_february.csv",
        &["строка 2, столбец date: не дата: «31.02.2026» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"],
        &["row 2, column date: not a date: “31.02.2026” (expected YYYY-MM-DD or DD.MM.YYYY)"],
    ),
    ru(
        "date_month_13.csv",
        &["строка 2, столбец date: не дата: «2026-13-01» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"],
    ),
    ru(
        "date_text_russian_headers.csv",
        &["строка 2, столбец Дата оплаты: не дата: «вчера» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"],
    ),
    // Amounts.
    both(
        "amount_comma_thousands.csv",
        &["строка 2, столбец amount: не сумма: «12,345.67» (ожидается число вида 12345.67 или 12 345,67)"],
        &["row 2, column amount: not an amount: “12,345.67” (expected a number like 12345.67 or 12 345,67)"],
    ),
    ru(
        "amount_text.csv",
        &["строка 2, столбец amount: не сумма: «abc» (ожидается число вида 12345.67 или 12 345,67)"],
    ),
    both(
        "amount_three_decimals.csv",
        &["строка 2, столбец amount: не больше двух знаков после запятой: «1.234»"],
        &["row 2, column amount: at most two decimal places: “1.234”"],
    ),
    // Too large for the book (minor units are 64-bit); the second used to panic.
    both(
        "amount_too_large.csv",
        &[
            "строка 2, столбец amount: сумма слишком велика: «100000000000000000000»",
            "строка 3, столбец amount: сумма слишком велика: «9999999999999999999999999999»",
        ],
        &[
            "row 2, column amount: the amount is too large: “100000000000000000000”",
            "row 3, column amount: the amount is too large: “9999999999999999999999999999”",
        ],
    ),
    // Required cells left empty.
    both(
        "empty_payment_id.csv",
        &["строка 2, столбец payment_id: обязательное поле не заполнено"],
        &["row 2, column payment_id: required, but empty"],
    ),
    ru(
        "empty_date.csv",
        &["строка 2, столбец date: обязательное поле не заполнено"],
    ),
    ru(
        "empty_client_id.csv",
        &["строка 2, столбец client_id: обязательное поле не заполнено"],
    ),
    ru(
        "empty_amount.csv",
        &["строка 2, столбец amount: обязательное поле не заполнено"],
    ),
    // Columns.
    both(
        "missing_column_payment_id.csv",
        &["строка 1, столбец payment_id: нет обязательного столбца «ID платежа» («payment_id»)"],
        &["row 1, column payment_id: a required column is missing: “payment_id” (“ID платежа”)"],
    ),
    ru(
        "missing_column_date.csv",
        &["строка 1, столбец date: нет обязательного столбца «Дата оплаты» («date»)"],
    ),
    ru(
        "missing_column_client_id.csv",
        &["строка 1, столбец client_id: нет обязательного столбца «ID клиента» («client_id»)"],
    ),
    ru(
        "missing_column_amount.csv",
        &["строка 1, столбец amount: нет обязательного столбца «Сумма» («amount»)"],
    ),
    ru(
        "missing_columns_after_blank_lines.csv",
        &[
            "строка 3, столбец date: нет обязательного столбца «Дата оплаты» («date»)",
            "строка 3, столбец amount: нет обязательного столбца «Сумма» («amount»)",
        ],
    ),
    ru(
        "duplicate_column.csv",
        &["строка 1, столбец Сумма: столбцы «amount» и «Сумма» означают одно и то же — «Сумма» («amount»); оставьте один"],
    ),
    // Programs and currencies.
    both(
        "no_program_column.csv",
        &["в файле нет колонки «Программа» (program); укажите программу (--program) или добавьте колонку"],
        &["the file has no “program” column; give the program (--program) or add the column"],
    ),
    Case {
        file: "no_program_column.csv",
        sheet: None,
        program: Some("nosuch"),
        expect: Expect::Problems {
            ru: &[
                "строка 2, столбец program: нет программы «nosuch»",
                "строка 3, столбец program: нет программы «nosuch»",
            ],
            en: &[
                "row 2, column program: no program “nosuch”",
                "row 3, column program: no program “nosuch”",
            ],
        },
    },
    ru(
        "program_cell_empty.csv",
        &["строка 2, столбец program: не указана программа (колонка «Программа» или --program)"],
    ),
    ru(
        "unknown_program.csv",
        &["строка 2, столбец program: нет программы «bitrix25»"],
    ),
    both(
        "wrong_currency.csv",
        &[
            "строка 2, столбец currency: валюта «USD» не валюта программы (RUB); пересчёт валют не делается",
            "строка 3, столбец currency: валюта «RUB» не валюта программы (KZT); пересчёт валют не делается",
        ],
        &[
            "row 2, column currency: currency “USD” is not the program's (RUB); no currency conversion is done",
            "row 3, column currency: currency “RUB” is not the program's (KZT); no currency conversion is done",
        ],
    ),
    // The billing file's own values.
    ru(
        "unknown_category.csv",
        &["строка 2, столбец category: категория «лицензия» неизвестна (тариф, смс, прочее)"],
    ),
    ru(
        "bad_direct.csv",
        &["строка 2, столбец direct: не «да» или «нет»: «maybe» (ожидается да/нет, yes/no, 1/0, true/false)"],
    ),
    ru(
        "unknown_type.csv",
        &["строка 2, столбец type: тип операции «chargeback» неизвестен (оплата, возврат)"],
    ),
    // Payments and refunds.
    ru(
        "refund_positive_amount.csv",
        &["строка 2, столбец amount: сумма возврата должна быть отрицательной"],
    ),
    both(
        "payment_negative_amount.csv",
        &[
            "строка 2, столбец amount: отрицательная сумма у оплаты: для возврата укажите тип «возврат» и платёж",
            "строка 3, столбец amount: отрицательная сумма у оплаты: для возврата укажите тип «возврат» и платёж",
            "строка 3, столбец refund_of: возвращаемый платёж указан у оплаты, а не у возврата",
        ],
        &[
            "row 2, column amount: a payment with a negative amount: for a refund, give the type “refund” and the payment refunded",
            "row 3, column amount: a payment with a negative amount: for a refund, give the type “refund” and the payment refunded",
            "row 3, column refund_of: a payment (not a refund) names a payment refunded",
        ],
    ),
    ru(
        "refund_without_refund_of.csv",
        &[
            "строка 2, столбец refund_of: у возврата должен быть указан возвращаемый платёж",
            "строка 3, столбец refund_of: у возврата должен быть указан возвращаемый платёж",
        ],
    ),
    ru(
        "refund_of_on_payment.csv",
        &["строка 2, столбец refund_of: возвращаемый платёж указан у оплаты, а не у возврата"],
    ),
    both(
        "refund_of_unknown_payment.csv",
        &[
            "строка 2, столбец refund_of: возвращаемый платёж «PAY-404» не найден ни в книге, ни выше в файле",
            "строка 3, столбец refund_of: возвращаемый платёж «W-PAY-1» не найден ни в книге, ни выше в файле",
        ],
        &[
            "row 2, column refund_of: the payment refunded, “PAY-404”, is neither in the book nor above in the file",
            "row 3, column refund_of: the payment refunded, “W-PAY-1”, is neither in the book nor above in the file",
        ],
    ),
    ru(
        "refund_above_its_payment.csv",
        &["строка 2, столбец refund_of: возвращаемый платёж «NEW-1» не найден ни в книге, ни выше в файле"],
    ),
    ru(
        "refund_of_refund.csv",
        &["строка 2, столбец refund_of: «REF-1» — сам возврат, а не оплата"],
    ),
    both(
        "refund_other_client.csv",
        &["строка 2, столбец client_id: платёж «PAY-1» оплачен другим клиентом"],
        &["row 2, column client_id: payment “PAY-1” was paid by another client"],
    ),
    ru(
        "refund_dated_before_payment.csv",
        &["строка 2, столбец date: возврат раньше самого платежа (2025-03-10)"],
    ),
    both(
        "refunds_exceed_payment.csv",
        &[
            "строка 3, столбец amount: возвратов больше, чем было оплачено: к возврату осталось 1500.00",
            "строка 4, столбец amount: возвратов больше, чем было оплачено: к возврату осталось 10000.00",
        ],
        &[
            "row 3, column amount: more refunded than was paid: 1500.00 is left to refund",
            "row 4, column amount: more refunded than was paid: 10000.00 is left to refund",
        ],
    ),
    ru(
        "negative_list_price.csv",
        &["строка 2, столбец list_price: цена без скидки не может быть отрицательной"],
    ),
    // The idempotency key.
    ru(
        "duplicate_payment_id_in_file.csv",
        &["строка 4, столбец payment_id: платёж «NEW-1» уже загружен с другими данными; исправление — это новый платёж или возврат"],
    ),
    both(
        "payment_already_in_book.csv",
        &[
            "строка 2, столбец payment_id: платёж «PAY-1» уже загружен с другими данными; исправление — это новый платёж или возврат",
            "строка 4, столбец payment_id: платёж «REF-1» уже загружен с другими данными; исправление — это новый платёж или возврат",
        ],
        &[
            "row 2, column payment_id: payment “PAY-1” was imported before with other content; a correction is a new payment or a refund",
            "row 4, column payment_id: payment “REF-1” was imported before with other content; a correction is a new payment or a refund",
        ],
    ),
    // Empty files.
    both(
        "empty.csv",
        &["файл пуст: нет строки заголовков"],
        &["the file is empty: there is no header row"],
    ),
    ru("blank_lines_only.csv", &["файл пуст: нет строки заголовков"]),
    both(
        "header_only.csv",
        &["в файле нет ни одной строки данных"],
        &["the file has no data rows"],
    ),
    ru("header_and_blank_lines.csv", &["в файле нет ни одной строки данных"]),
    // The file itself.
    refused(
        "not_a_table.txt",
        "unsupported_file",
        "«not_a_table.txt»: читаются только файлы .csv и .xlsx",
    ),
    refused(
        "not_a_spreadsheet.xlsx",
        "bad_xlsx",
        "не удаётся прочитать файл XLSX: Zip error: invalid Zip archive: Could not find EOCD",
    ),
    both(
        "row_width.csv",
        &[
            "строка 2: в строке полей: 6, а в заголовке: 5 (проверьте разделители и кавычки)",
            "строка 3: в строке полей: 2, а в заголовке: 5 (проверьте разделители и кавычки)",
            "строка 4, столбец amount: не сумма: «1e3» (ожидается число вида 12345.67 или 12 345,67)",
        ],
        &[
            "row 2: the row has 6 field(s), the header has 5 (check the separators and quotes)",
            "row 3: the row has 2 field(s), the header has 5 (check the separators and quotes)",
            "row 4, column amount: not an amount: “1e3” (expected a number like 12345.67 or 12 345,67)",
        ],
    ),
    ru(
        "bom_crlf_semicolon.csv",
        &["строка 2, столбец amount: не больше двух знаков после запятой: «1000.505»"],
    ),
    // Windows-1251 is read as such: the Russian headers are found, and the values quoted in
    // the messages are the file's own.
    ru(
        "cp1251_russian_headers.csv",
        &[
            "строка 2, столбец Категория: категория «лицензия» неизвестна (тариф, смс, прочее)",
            "строка 3, столбец Сумма: не больше двух знаков после запятой: «12345.678»",
            "строка 4, столбец Сумма: отрицательная сумма у оплаты: для возврата укажите тип «возврат» и платёж",
        ],
    ),
    // UTF-16 is not an encoding a CSV file may be in: read as Windows-1251, its header
    // matches nothing, so every required column is missing.
    ru(
        "utf16le_bom.csv",
        &[
            "строка 1, столбец payment_id: нет обязательного столбца «ID платежа» («payment_id»)",
            "строка 1, столбец date: нет обязательного столбца «Дата оплаты» («date»)",
            "строка 1, столбец client_id: нет обязательного столбца «ID клиента» («client_id»)",
            "строка 1, столбец amount: нет обязательного столбца «Сумма» («amount»)",
        ],
    ),
    // Every problem of every row, in order; a good row and a refund of it in between.
    both(
        "several_problems.csv",
        &[
            "строка 3, столбец payment_id: обязательное поле не заполнено",
            "строка 3, столбец client_id: обязательное поле не заполнено",
            "строка 3, столбец date: не дата: «32.01.2025» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
            "строка 3, столбец amount: не сумма: «abc» (ожидается число вида 12345.67 или 12 345,67)",
            "строка 4, столбец amount: не больше двух знаков после запятой: «1.005»",
            "строка 4, столбец direct: не «да» или «нет»: «может быть» (ожидается да/нет, yes/no, 1/0, true/false)",
            "строка 4, столбец currency: валюта «USD» не валюта программы (KZT); пересчёт валют не делается",
            "строка 4, столбец refund_of: у возврата должен быть указан возвращаемый платёж",
            "строка 5, столбец program: нет программы «nosuch»",
            "строка 7, столбец refund_of: возвращаемый платёж «NEW-3» не найден ни в книге, ни выше в файле",
        ],
        &[
            "row 3, column payment_id: required, but empty",
            "row 3, column client_id: required, but empty",
            "row 3, column date: not a date: “32.01.2025” (expected YYYY-MM-DD or DD.MM.YYYY)",
            "row 3, column amount: not an amount: “abc” (expected a number like 12345.67 or 12 345,67)",
            "row 4, column amount: at most two decimal places: “1.005”",
            "row 4, column direct: not yes or no: “может быть” (expected yes/no, да/нет, 1/0, true/false)",
            "row 4, column currency: currency “USD” is not the program's (KZT); no currency conversion is done",
            "row 4, column refund_of: a refund must name the payment it refunds",
            "row 5, column program: no program “nosuch”",
            "row 7, column refund_of: the payment refunded, “NEW-3”, is neither in the book nor above in the file",
        ],
    ),
    // Blank lines (CRLF) and a cell of two lines in the middle: rows keep the numbers a
    // spreadsheet shows.
    ru(
        "blank_lines_in_the_middle.csv",
        &[
            "строка 5, столбец amount: не сумма: «abc» (ожидается число вида 12345.67 или 12 345,67)",
            "строка 8, столбец date: не дата: «31.02.2026» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
        ],
    ),
    // The same with old Mac line ends (a lone CR, as Excel for Mac may save a CSV).
    ru(
        "blank_line_cr_line_ends.csv",
        &["строка 4, столбец amount: не сумма: «abc» (ожидается число вида 12345.67 или 12 345,67)"],
    ),
];

fn corpus(name: &str) -> PathBuf {
    fixture(&format!("billing_bad/{name}"))
}

/// Partners and clients of the fixtures, and a good billing file already imported:
/// payments PAY-1 (B-100, 10000.00 on 2025-03-10), PAY-2 (B-200, 5000.00 on 2025-03-12),
/// its refund REF-1 (-1000.00) and W-PAY-1 (ciawifi).
fn book_with_billing() -> Book {
    let mut book = book();
    for report in [
        import_partners(&mut book, "partners_ok.csv"),
        import_clients(&mut book, "clients_ok.csv"),
        import(
            &mut book,
            ImportKind::Billing,
            &fixture("billing_corpus_baseline.csv"),
            false,
        ),
    ] {
        assert!(report.committed, "{:?}", report.problems);
    }
    book
}

/// Every row of every table, as text: what "the book is unchanged" compares.
fn snapshot(book: &Book) -> BTreeMap<String, Vec<String>> {
    let db = book.db();
    let mut tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables");
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    names
        .into_iter()
        .map(|name| {
            let mut stmt = db
                .prepare(&format!("SELECT * FROM \"{name}\""))
                .expect("a table");
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..width)
                        .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|cells| cells.join("|"))
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows.sort();
            (name, rows)
        })
        .collect()
}

/// Imports `path` into `book`, which must come out unchanged; the problems rendered in
/// `lang`, or the refusal as `code: message`.
fn problems_of(
    book: &mut Book,
    path: &Path,
    sheet: Option<&str>,
    program: Option<&str>,
    lang: Lang,
) -> Result<Vec<String>, String> {
    let before = snapshot(book);
    let options = ImportOptions {
        kind: ImportKind::Billing,
        path: path.to_path_buf(),
        sheet: sheet.map(str::to_owned),
        program: program.map(str::to_owned),
        dry_run: false,
        lang,
    };
    let outcome = run_import(book, &options, &actor(), &mut |_| true);
    let after = snapshot(book);
    assert!(
        before == after,
        "{}: the book changed:\n{}",
        path.display(),
        diff(&before, &after)
    );
    match outcome {
        Ok(report) => {
            assert!(!report.committed, "{}: committed", path.display());
            assert_eq!(report.import_id, None, "{}", path.display());
            Ok(report.problems.iter().map(|p| p.render(lang)).collect())
        }
        Err(e) => Err(format!("{}: {}", e.code(), e.message(lang))),
    }
}

fn diff(before: &BTreeMap<String, Vec<String>>, after: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::new();
    for (table, rows) in after {
        let old = before.get(table).cloned().unwrap_or_default();
        for row in rows.iter().filter(|r| !old.contains(r)) {
            out.push_str(&format!("+ {table}: {row}\n"));
        }
        for row in old.iter().filter(|r| !rows.contains(r)) {
            out.push_str(&format!("- {table}: {row}\n"));
        }
    }
    out
}

fn owned(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| (*l).to_owned()).collect()
}

fn check(case: &Case) {
    let path = corpus(case.file);
    match &case.expect {
        Expect::Problems { ru, en } => {
            let mut book = book_with_billing();
            let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::Ru);
            assert_eq!(got, Ok(owned(ru)), "{}", case.file);
            if !en.is_empty() {
                let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::En);
                assert_eq!(got, Ok(owned(en)), "{} in English", case.file);
            }
        }
        Expect::Refused { code, ru } => {
            let mut book = book_with_billing();
            let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::Ru);
            assert_eq!(got, Err(format!("{code}: {ru}")), "{}", case.file);
        }
    }
}

#[test]
fn the_baseline_imports_and_again_changes_nothing() {
    let mut book = book_with_billing();
    let before = snapshot(&book);
    let report = import(
        &mut book,
        ImportKind::Billing,
        &fixture("billing_corpus_baseline.csv"),
        false,
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.added, report.unchanged), (0, 4));
    let after = snapshot(&book);
    // Only the import's own record and its audit line are new.
    for (table, rows) in &after {
        if table != "imports" && table != "audit" {
            assert_eq!(Some(rows), before.get(table), "{table}");
        }
    }
}

#[test]
fn every_malformed_file_gives_exactly_its_problems_and_changes_nothing() {
    let mut failures = Vec::new();
    for case in CASES {
        if let Err(e) = std::panic::catch_unwind(|| check(case)) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", case.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_corpus_has_every_file_listed_and_no_other() {
    let dir = fixture("billing_bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.file.to_owned()).collect();
    listed.sort();
    listed.dedup();
    assert_eq!(on_disk, listed);
    assert!(on_disk.len() >= 32, "{} files", on_disk.len());
}

/// A workbook written for the test, with one sheet `Платежи`.
fn workbook(dir: &Path, name: &str, fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> PathBuf {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Платежи").expect("a sheet name");
    fill(sheet);
    let path = dir.join(name);
    workbook.save(&path).expect("saved");
    path
}

fn header(sheet: &mut rust_xlsxwriter::Worksheet, names: &[&str]) {
    for (col, name) in names.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(col).expect("few"), *name)
            .expect("w");
    }
}

#[test]
fn xlsx_cells_of_the_wrong_kind_are_listed_with_their_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let path = workbook(dir.path(), "cells.xlsx", |sheet| {
        header(
            sheet,
            &[
                "ID платежа",
                "Программа",
                "Дата оплаты",
                "ID клиента",
                "Сумма",
                "Прямая оплата",
            ],
        );
        let date = ExcelDateTime::from_ymd(2025, 6, 1).expect("a date");
        let format = Format::new().set_num_format("dd.mm.yyyy");
        for row in 1..=5 {
            if row == 2 {
                continue; // a blank row 3
            }
            sheet.write_string(row, 0, format!("X-{row}")).expect("w");
            sheet.write_string(row, 1, "bitrix24").expect("w");
            sheet
                .write_datetime_with_format(row, 2, &date, &format)
                .expect("w");
            sheet.write_string(row, 3, "B-100").expect("w");
            sheet.write_number(row, 4, 100.0).expect("w");
        }
        // Row 2: a plain number where the date goes.
        sheet.write_number(1, 2, 46_000.0).expect("w");
        // Row 4: a number cell with three decimals.
        sheet.write_number(3, 4, 1.234).expect("w");
        // Row 5: a boolean for an amount.
        sheet.write_boolean(4, 4, true).expect("w");
        // Row 6: a date as text that is no date, and 2 for yes/no.
        sheet.write_string(5, 2, "31.02.2026").expect("w");
        sheet.write_number(5, 5, 2.0).expect("w");
    });
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &path, None, None, Lang::Ru),
        Ok(vec![
            format!("строка 2, столбец Дата оплаты: не дата: «46000» {NOT_A_DATE}"),
            "строка 4, столбец Сумма: не больше двух знаков после запятой: «1.234»".to_owned(),
            "строка 5, столбец Сумма: не сумма: «true» (ожидается число вида 12345.67 или 12 345,67)".to_owned(),
            format!("строка 6, столбец Дата оплаты: не дата: «31.02.2026» {NOT_A_DATE}"),
            "строка 6, столбец Прямая оплата: не «да» или «нет»: «2» (ожидается да/нет, yes/no, 1/0, true/false)".to_owned(),
        ])
    );
}

#[test]
fn an_empty_sheet_a_header_only_sheet_and_a_wrong_sheet_name() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = workbook(dir.path(), "empty.xlsx", |_| {});
    let header_only = workbook(dir.path(), "header.xlsx", |sheet| {
        header(
            sheet,
            &["payment_id", "program", "date", "client_id", "amount"],
        );
    });
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &empty, None, None, Lang::Ru),
        Ok(vec!["файл пуст: нет строки заголовков".to_owned()])
    );
    assert_eq!(
        problems_of(&mut book, &header_only, None, None, Lang::En),
        Ok(vec!["the file has no data rows".to_owned()])
    );
    assert_eq!(
        problems_of(&mut book, &header_only, Some("Март"), None, Lang::Ru),
        Err("sheet_not_found: в книге нет листа «Март»; есть: «Платежи»".to_owned())
    );
    assert_eq!(
        problems_of(&mut book, &header_only, Some("March"), None, Lang::En),
        Err("sheet_not_found: the workbook has no sheet “March”; it has: «Платежи»".to_owned())
    );
}

#[test]
fn invalid_utf8_after_the_sniffed_start_is_reported_at_its_row_and_column() {
    // The first 64 KiB decide the encoding: valid UTF-8 there makes the file UTF-8, and a
    // byte that is not UTF-8 further down is a problem of its own row and column.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("late_bad_byte.csv");
    let mut bytes = b"payment_id,program,date,client_id,amount,comment\n".to_vec();
    bytes.extend_from_slice(b"NEW-1,bitrix24,2025-06-01,B-100,100,");
    bytes.extend_from_slice("я".repeat(40_000).as_bytes());
    bytes.extend_from_slice(b"\nNEW-2,bitrix24,2025-06-01,B-\xcf\xf0\xe8-1,100,\n");
    std::fs::write(&path, bytes).expect("written");
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &path, None, None, Lang::Ru),
        Ok(vec![
            "строка 3, столбец client_id: неверные байты для кодировки UTF-8 (сохраните файл в UTF-8 или Windows-1251)".to_owned()
        ])
    );
}

#[test]
fn a_dry_run_of_a_bad_file_lists_the_same_problems() {
    let mut book = book_with_billing();
    let before = snapshot(&book);
    let mut options = import_options(ImportKind::Billing, &corpus("several_problems.csv"), true);
    options.lang = Lang::Ru;
    let report = run_import(&mut book, &options, &actor(), &mut |_| true).expect("runs");
    assert!(!report.committed);
    assert_eq!(report.problems.len(), 10);
    assert_eq!(snapshot(&book), before);
}
