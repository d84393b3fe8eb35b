//! The malformed billing files of `tests/fixtures/billing_bad/` and what each must give:
//! the exact problems (Russian, and English where given) or the refusal to open it.

/// What importing a file must give.
pub enum Expect {
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

pub struct Case {
    pub file: &'static str,
    pub sheet: Option<&'static str>,
    /// `--program`.
    pub program: Option<&'static str>,
    pub expect: Expect,
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

pub const NOT_A_DATE: &str = "(ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)";

/// The committed files of `tests/fixtures/billing_bad/`.
pub const CASES: &[Case] = &[
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
