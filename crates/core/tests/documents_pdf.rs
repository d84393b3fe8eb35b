//! The PDF documents read back with poppler's tools, as a person's PDF reader would:
//! `pdftotext -layout` must give every requisite as real text (Cyrillic included),
//! `pdfinfo` the page size and count, `pdffonts` an embedded, subset font with a
//! ToUnicode map. The tools come with poppler-utils; without them these tests fail.
//!
//! Set `PARTNERBOOK_PDF_OUT=/some/dir` to keep the PDFs for a look.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use partnerbook_core::documents::{
    act_pdf, invoice_pdf, register_pdf, sample, statement_pdf, ActDocument, Party, PayoutRegister,
    Statement, StatementLine,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A written PDF and the directory that holds it while the test runs.
struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
    size: usize,
}

fn write(name: &str, bytes: &[u8]) -> Pdf {
    assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the PDF");
    if let Ok(out) = std::env::var("PARTNERBOOK_PDF_OUT") {
        std::fs::create_dir_all(&out).expect("PARTNERBOOK_PDF_OUT is a directory");
        std::fs::write(Path::new(&out).join(name), bytes).expect("keep the PDF");
    }
    Pdf {
        _dir: dir,
        path,
        size: bytes.len(),
    }
}

/// Runs one of poppler's tools on the PDF and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &Pdf) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(&pdf.path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "could not run `{tool}` ({e}): install poppler-utils \
                 (`apt-get install poppler-utils`, or `bash scripts/setup.sh`) to run the PDF tests"
            )
        });
    assert!(
        output.status.success(),
        "{tool} failed on {}: {}",
        pdf.path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The text as `pdftotext -layout` gives it, the no-break and thin spaces made plain.
fn text(pdf: &Pdf) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
        .replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ")
}

/// The text with every run of whitespace made one space: wrapped lines join up.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each wanted string is in the text: as it is, with its spaces as the text has them,
/// or (for a table cell that wrapped, the cells beside it printed between its lines) as
/// its words in order, close together.
fn assert_has(text: &str, wanted: &[&str]) {
    let flat = flat(text);
    let words: Vec<&str> = flat.split(' ').collect();
    let missing: Vec<&&str> = wanted
        .iter()
        .filter(|w| {
            !text.contains(**w) && !flat.contains(&self::flat(w)) && !near_in_order(&words, w)
        })
        .collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

/// The words of `wanted` appear in order in `words`, within a few words of each other.
fn near_in_order(words: &[&str], wanted: &str) -> bool {
    let wanted: Vec<&str> = wanted.split_whitespace().collect();
    let Some(first) = wanted.first() else {
        return true;
    };
    (0..words.len())
        .filter(|i| words[*i] == *first)
        .any(|start| {
            let mut at = start;
            wanted[1..].iter().all(|w| {
                let window = words.iter().enumerate().skip(at + 1).take(30);
                match window.clone().find(|(_, x)| *x == w) {
                    Some((i, _)) => {
                        at = i;
                        true
                    }
                    None => false,
                }
            })
        })
}

/// `(width, height, pages)` from `pdfinfo`, and that it names the size A4.
fn info(pdf: &Pdf) -> (f32, f32, usize) {
    let info = poppler("pdfinfo", &[], pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{info}"))
            .to_owned()
    };
    let size = field("Page size:");
    assert!(size.ends_with("pts (A4)"), "not A4: {size}");
    // `595.276 x 841.89 pts (A4)`
    let numbers: Vec<f32> = size
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [width, height] = numbers[..] else {
        panic!("page size {size}");
    };
    let pages = field("Pages:").parse().expect("page count");
    (width.round(), height.round(), pages)
}

/// Every font is embedded, subset (`ABCDEF+` name) and has a ToUnicode map.
fn assert_fonts_embedded_and_subset(pdf: &Pdf) {
    let fonts = poppler("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        assert!(
            row.contains("yes yes yes"),
            "emb/sub/uni not all yes:\n{fonts}"
        );
        let name = row.split_whitespace().next().unwrap_or("");
        assert!(
            name.contains("+DejaVu"),
            "not a DejaVu subset: {name}\n{fonts}"
        );
    }
}

/// Russian money as the documents print it, made here on its own: `17 345,67`.
fn rub(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.abs());
    let (whole, cents) = text.split_once('.').expect("two decimals");
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(*c);
    }
    let sign = if amount < Decimal::ZERO { "-" } else { "" };
    format!("{sign}{grouped},{cents}")
}

fn party_lines(party: &Party) -> Vec<String> {
    let mut wanted = vec![party.name.clone()];
    for (label, value) in [
        ("ИНН", &party.inn),
        ("КПП", &party.kpp),
        ("ОГРН", &party.ogrn),
    ] {
        if let Some(value) = value {
            let label = if label == "ОГРН" && party.kpp.is_none() {
                "ОГРНИП"
            } else {
                label
            };
            wanted.push(format!("{label} {value}"));
        }
    }
    wanted.extend(party.address.clone());
    wanted
}

fn act_requisites(doc: &ActDocument) -> Vec<String> {
    let mut wanted: Vec<String> = vec![
        "Акт № 2026-0007 от 30.11.2026".into(),
        "об оказании услуг".into(),
        "Исполнитель:".into(),
        "Заказчик:".into(),
        "Основание: Договор № П-2024/118 от 15.03.2024".into(),
        doc.service.clone(),
        "5 000,00".into(),
        "Итого: 5 000,00".into(),
        "Всего оказано услуг на сумму: 5 000,00 руб.".into(),
        doc.amount_words.clone(),
        "5 000 бонусов × 1 ₽".into(),
        "претензий".into(),
    ];
    for party in [&doc.seller, &doc.buyer] {
        wanted.extend(party_lines(party));
        let signer = party.signer.clone().expect("sample signer");
        wanted.push(party.signer_position.clone().expect("sample position"));
        wanted.push(signer.clone());
        let mut words = signer.split_whitespace();
        let surname = words.next().expect("surname");
        let initials: String = words
            .map(|w| format!(" {}.", w.chars().next().expect("initial")))
            .collect();
        wanted.push(format!("/ {surname}{initials} /"));
    }
    wanted
}

fn strs(owned: &[String]) -> Vec<&str> {
    owned.iter().map(String::as_str).collect()
}

#[test]
fn act_with_vat_has_every_requisite_on_one_a4_page() {
    let doc = sample::act(true);
    let pdf = write("act-vat.pdf", &act_pdf(&doc).expect("act PDF"));
    let text = text(&pdf);
    assert_has(&text, &strs(&act_requisites(&doc)));
    assert_has(
        &text,
        &[
            "В том числе НДС 22 %: 901,64",
            "Директор",
            "Генеральный директор",
        ],
    );
    assert!(!text.contains("Без налога"), "{text}");
    assert_eq!(info(&pdf), (595.0, 842.0, 1));
    assert_fonts_embedded_and_subset(&pdf);
    assert!(pdf.size <= 30 * 1024, "the act is {} bytes", pdf.size);
}

#[test]
fn act_without_vat_says_so_and_an_ip_has_no_kpp() {
    let doc = sample::act(false);
    let pdf = write("act-no-vat.pdf", &act_pdf(&doc).expect("act PDF"));
    let text = text(&pdf);
    assert_has(&text, &strs(&act_requisites(&doc)));
    assert_has(
        &text,
        &[
            "Без налога (НДС)",
            "ОГРНИП 304500116000157",
            "Индивидуальный предприниматель",
        ],
    );
    assert!(!text.contains("В том числе НДС"), "{text}");
    let seller = text
        .split("Исполнитель:")
        .nth(1)
        .and_then(|rest| rest.split("Заказчик:").next())
        .expect("the seller's block");
    assert!(!seller.contains("КПП"), "an ИП has no КПП: {seller}");
    assert_eq!(info(&pdf), (595.0, 842.0, 1));
    assert_fonts_embedded_and_subset(&pdf);
    assert!(pdf.size <= 30 * 1024, "the act is {} bytes", pdf.size);
}

#[test]
fn act_without_a_contract_says_so_and_long_names_wrap() {
    let mut doc = sample::act(true);
    doc.contract_no = None;
    doc.contract_date = None;
    doc.conversion_note = None;
    doc.seller.name = format!("{} {}", doc.seller.name, "и партнёры ".repeat(20));
    let pdf = write("act-no-contract.pdf", &act_pdf(&doc).expect("act PDF"));
    let text = text(&pdf);
    assert_has(&text, &["Основание: Без договора", doc.seller.name.trim()]);
    assert!(!text.contains("бонусов"), "{text}");
    assert_eq!(info(&pdf).2, 1);
}

#[test]
fn invoice_has_the_requisites_of_the_1137_form() {
    let doc = sample::act(true);
    let pdf = write("invoice.pdf", &invoice_pdf(&doc).expect("invoice PDF"));
    let text = text(&pdf);
    assert_has(
        &text,
        &[
            "СЧЁТ-ФАКТУРА № 2026-0007 от 30.11.2026",
            "1137",
            "Продавец:",
            "ООО \"Облачные решения\"",
            "194064, г. Санкт-Петербург, Тихорецкий пр-кт, д. 29, корп. 2, кв. 53",
            "ИНН/КПП продавца: 7804431521/780401001",
            "Грузоотправитель и его адрес: —",
            "Грузополучатель и его адрес: —",
            "К платёжно-расчётному документу",
            "Документ об отгрузке: № п/п 1 № 2026-0007 от 30.11.2026",
            "Покупатель: ООО \"Вендор Софт\"",
            "117997, г. Москва, ул. Вавилова, д. 19",
            "ИНН/КПП покупателя: 7707083893/770701001",
            "Валюта: наименование, код Российский рубль, 643",
            "Идентификатор государственного контракта",
            &doc.service,
            "без акциза",
            "22 %",
            "4 098,36",
            "901,64",
            "5 000,00",
            "Всего к оплате",
            "Руководитель организации или иное уполномоченное лицо",
            "Главный бухгалтер или иное уполномоченное лицо",
            "Индивидуальный предприниматель или иное уполномоченное лицо",
            "Кузнецов П. А.",
        ],
    );
    for column in ["1а", "1б", "2а", "10а", "12а", "13"] {
        assert!(
            text.contains(column),
            "column {column} is not numbered:\n{text}"
        );
    }
    assert_eq!(info(&pdf), (842.0, 595.0, 1));
    assert_fonts_embedded_and_subset(&pdf);
}

#[test]
fn invoice_names_the_currency_by_its_code() {
    for (currency, wanted) in [
        ("KZT", "Казахстанский тенге, 398"),
        ("USD", "Доллар США, 840"),
    ] {
        let mut doc = sample::act(true);
        doc.currency = currency.into();
        let pdf = write(
            "invoice-currency.pdf",
            &invoice_pdf(&doc).expect("invoice PDF"),
        );
        assert_has(&text(&pdf), &[wanted]);
    }
}

#[test]
fn an_ip_paying_vat_signs_the_invoice_as_an_ip() {
    let mut doc = sample::act(false);
    doc.vat = sample::act(true).vat;
    let pdf = write("invoice-ip.pdf", &invoice_pdf(&doc).expect("invoice PDF"));
    let text = text(&pdf);
    assert_has(
        &text,
        &[
            "ИП Орлова Мария Сергеевна",
            "ИНН/КПП продавца: 500100732259",
            "Орлова М. С.",
            "ОГРНИП 304500116000157",
            "реквизиты свидетельства о государственной регистрации",
        ],
    );
    assert!(!text.contains("500100732259/"), "an ИП has no КПП:\n{text}");
}

#[test]
fn no_invoice_without_vat() {
    let err = invoice_pdf(&sample::act(false)).expect_err("an ИП without VAT issues no invoice");
    assert_eq!(err.code(), "invoice_without_vat");
    assert!(err
        .message(partnerbook_core::Lang::Ru)
        .contains("2026-0007"));
}

fn statement_requisites(statement: &Statement) -> Vec<String> {
    vec![
        "Выписка по счёту партнёра".into(),
        "за период с 01.10.2026 по 30.11.2026".into(),
        statement.partner.name.clone(),
        statement.partner_id.clone(),
        statement.program.clone(),
        "Входящий остаток на 01.10.2026: 250,00 бонусов".into(),
        format!(
            "Исходящий остаток на 30.11.2026: {} бонусов",
            rub(statement.closing)
        ),
    ]
}

#[test]
fn statement_shows_the_balances_and_every_entry() {
    let statement = sample::statement();
    let pdf = write(
        "statement.pdf",
        &statement_pdf(&statement).expect("statement PDF"),
    );
    let text = text(&pdf);
    assert_has(&text, &strs(&statement_requisites(&statement)));
    for line in &statement.lines {
        assert_has(&text, &[&line.kind, &line.reason]);
    }
    assert_has(
        &text,
        &["+6 000,00", "-1 000,00", "-5 000,00", "01.12.2026"],
    );
    assert_eq!(info(&pdf), (595.0, 842.0, 1));
    assert_fonts_embedded_and_subset(&pdf);
}

#[test]
fn a_long_statement_paginates_with_the_head_on_every_page() {
    let mut statement = sample::statement();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    statement.lines = (1..=200)
        .map(|i| StatementLine {
            date: start + chrono::Duration::days(i / 2),
            kind: if i % 3 == 0 {
                "Сторно"
            } else {
                "Начисление"
            }
            .into(),
            reason: if i % 10 == 0 {
                format!(
                    "Запись {i}: начало причины. {} конец причины {i}.",
                    "Очень длинное описание правила, базы и ставки начисления; ".repeat(4)
                )
            } else {
                format!("Запись {i}: платёж PAY-{i} клиента C-{i}")
            },
            amount: Decimal::from(i) * dec!(10.5),
        })
        .collect();
    statement.closing =
        statement.opening + statement.lines.iter().map(|l| l.amount).sum::<Decimal>();
    let pdf = write(
        "statement-200.pdf",
        &statement_pdf(&statement).expect("statement PDF"),
    );
    let text = text(&pdf);
    assert_has(&text, &strs(&statement_requisites(&statement)));
    let (_, _, pages) = info(&pdf);
    assert!(pages >= 4, "200 lines on {pages} pages");
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), pages);
    for (i, page) in page_texts.iter().enumerate() {
        assert!(
            page.contains("Основание") && page.contains("Операция"),
            "page {} has no table head:\n{page}",
            i + 1
        );
        assert!(
            page.contains(&format!("стр. {} из {pages}", i + 1)),
            "{page}"
        );
    }
    let flat_text = flat(&text);
    for i in 1..=200 {
        assert!(
            flat_text.contains(&format!("Запись {i}:")),
            "line {i} is missing"
        );
        if i % 10 == 0 {
            assert!(
                flat_text.contains(&format!("конец причины {i}.")),
                "{i} is cut"
            );
        }
    }
    // A long reason wraps: its start and its end are on different lines.
    let start_line = text
        .lines()
        .find(|l| l.contains("Запись 10: начало"))
        .expect("the long reason");
    assert!(!start_line.contains("конец причины 10."), "{start_line}");
}

#[test]
fn an_entry_longer_than_a_page_continues_on_the_next() {
    let mut statement = sample::statement();
    let words: Vec<String> = (1..=1500).map(|i| format!("слово{i}")).collect();
    statement.lines[1].reason = words.join(" ");
    let pdf = write(
        "statement-long-entry.pdf",
        &statement_pdf(&statement).expect("PDF"),
    );
    let text = text(&pdf);
    let (_, _, pages) = info(&pdf);
    assert!(pages >= 2, "a 1 500-word reason on {pages} page(s)");
    let flat_text = flat(&text);
    let mut at = 0;
    for word in &words {
        let found = flat_text[at..].find(&format!("{word} ")).map(|i| at + i);
        at = found.unwrap_or_else(|| panic!("{word} is missing or out of order"));
    }
    assert_has(
        &text,
        &statement_requisites(&statement)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
}

#[test]
fn register_shows_every_line_and_totals_per_currency() {
    let register = sample::register();
    let pdf = write(
        "register.pdf",
        &register_pdf(&register).expect("register PDF"),
    );
    let text = text(&pdf);
    assert_has(
        &text,
        &["Реестр выплат за ноябрь 2026", &register.vendor.name],
    );
    assert_register(&register, &text);
    assert_has(&text, &["17 345,67", "80,50", "Всего выплат: 3"]);
    assert_eq!(info(&pdf), (842.0, 595.0, 1));
    assert_fonts_embedded_and_subset(&pdf);
}

#[test]
fn a_long_register_paginates() {
    let mut register = sample::register();
    let template = register.lines.clone();
    register.lines = (0..150)
        .map(|i| {
            let mut line = template[i % template.len()].clone();
            line.act_number = format!("2026-{:04}", 100 + i);
            line.amount = Decimal::from(1000 + i as i64) + dec!(0.25);
            line
        })
        .collect();
    let pdf = write(
        "register-150.pdf",
        &register_pdf(&register).expect("register PDF"),
    );
    let text = text(&pdf);
    let (_, _, pages) = info(&pdf);
    assert!(pages > 1, "150 lines on one page");
    assert_register(&register, &text);
}

/// Every line's requisites are there, and each currency's total is the sum of its lines.
fn assert_register(register: &PayoutRegister, text: &str) {
    for line in &register.lines {
        let mut wanted = vec![
            line.name.clone(),
            line.partner_id.clone(),
            format!("№ {}", line.act_number),
            format!("от {}", line.act_date.format("%d.%m.%Y")),
            rub(line.amount),
        ];
        wanted.extend(line.inn.clone());
        wanted.extend(line.bik.clone());
        wanted.extend(line.account.clone());
        assert_has(text, &strs(&wanted));
    }
    let mut currencies: Vec<&str> = Vec::new();
    for line in &register.lines {
        if !currencies.contains(&line.currency.as_str()) {
            currencies.push(&line.currency);
        }
    }
    let totals = register.totals();
    for currency in currencies {
        let sum: Decimal = register
            .lines
            .iter()
            .filter(|l| l.currency == currency)
            .map(|l| l.amount)
            .sum();
        assert!(totals.contains(&(currency.to_owned(), sum)));
        let shown = format!("Итого {currency}: {}", rub(sum));
        assert!(text.contains(&shown), "no «{shown}» in:\n{text}");
    }
}
