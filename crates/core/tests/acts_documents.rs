//! The book's documents as the app and the command line save them: an act of a real book
//! as the EDO XML (valid against the ФНС XSD, named as the format says, the same name every
//! time), as PDF and счёт-фактура (the requisites in the text), the statement and the
//! month's register in each format.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use partnerbook_core::acts::{
    act_file, act_step, convert, register_file, statement_file, ActFormat, ActStep, ConvertRequest,
    RegisterFormat,
};
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::store::Book;
use partnerbook_core::vendor::{set_vendor, Vendor};

fn vendor() -> Vendor {
    Vendor {
        name: s("ООО «Вендор Софт»"),
        inn: s(INN_TBANK),
        kpp: s("771001001"),
        ogrn: s("1027739642281"),
        address: s("127287, г. Москва, ул. 2-я Хуторская, д. 38А, стр. 26"),
        edo_id: s("2BE-7710140679-771001001"),
        signer: s("Смирнова Анна Петровна"),
        signer_position: s("Генеральный директор"),
        bik: s("044525974"),
        account: s("40702810610000000001"),
    }
}

fn partner(vat: bool) -> PartnerInput {
    PartnerInput {
        contract_no: s("П-2025/118"),
        contract_date: s("2025-01-15"),
        vat_payer: s(if vat { "yes" } else { "no" }),
        vat_rate: vat.then(|| "22".to_owned()),
        ogrn: s("1027700132195"),
        address: s("117997, г. Москва, ул. Вавилова, д. 19"),
        edo_id: s("2LT-600072763"),
        signer: s("Кузнецов Павел Андреевич"),
        signer_position: s("Директор"),
        bik: s("044525225"),
        account: s("40702810938000000001"),
        ..ooo("P-A", "bitrix24", INN_SBER, "ALFA")
    }
}

/// A bitrix24 partner with every requisite (paying VAT or not), 12 200 RUB paid by its
/// client (6 100 bonuses), converted on 2026-03-10 and taken to `steps`.
fn book_with_act(vat: bool, steps: &[ActStep]) -> (Book, String) {
    let mut book = book();
    let actor = actor();
    book.write(|tx| set_vendor(tx, &actor, vendor()))
        .expect("vendor");
    add_partner(&mut book, partner(vat));
    bitrix_client_paying(&mut book, "B-1", "ALFA", "12200");
    let req = ConvertRequest {
        partner: "P-A".into(),
        date: day(2026, 3, 10),
        amount: None,
        payout_kind: None,
        key: None,
    };
    let act = book
        .write(|tx| convert(tx, &actor, &req))
        .expect("converted")
        .act;
    for step in steps {
        book.write(|tx| act_step(tx, &actor, &act, step))
            .expect("a step");
    }
    (book, act)
}

fn run(program: &str, args: &[&str], install: &str) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): install {install}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_text(path: &Path) -> String {
    let text = run(
        "pdftotext",
        &["-layout", path.to_str().expect("utf-8 path"), "-"],
        "poppler-utils",
    );
    // pdftotext prints a no-break space as is; the checks read plain spaces
    text.replace('\u{a0}', " ")
}

#[test]
fn the_act_xml_is_valid_and_named_for_both_parties_and_the_same_every_time() {
    let (book, act) = book_with_act(true, &[ActStep::Send(day(2026, 3, 11))]);
    let now = day(2026, 3, 12).and_hms_opt(9, 0, 0).expect("now");
    let file = act_file(book.db(), &act, ActFormat::Xml, now).expect("xml");
    assert!(
        file.name
            .starts_with("ON_NSCHFDOPPR_2BE-7710140679-771001001_2LT-600072763_20260310_"),
        "{}",
        file.name
    );
    assert!(file.name.ends_with("_0_0_0_0_0_00.xml"), "{}", file.name);
    let again = act_file(book.db(), &act, ActFormat::Xml, now).expect("xml again");
    assert_eq!(again.name, file.name, "the act keeps its GUID");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(&file.name);
    std::fs::write(&path, &file.bytes).expect("written");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/edo/ON_NSCHFDOPPR_1_997_01_05_03_05.xsd");
    run(
        "xmllint",
        &[
            "--noout",
            "--schema",
            schema.to_str().expect("utf-8"),
            path.to_str().expect("utf-8"),
        ],
        "libxml2-utils",
    );
    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(&file.bytes);
    assert!(
        text.contains("СЧФДОП"),
        "a VAT payer's act is also a счёт-фактура"
    );
    assert!(
        text.contains("6100.00") && text.contains("1100.00"),
        "amount and VAT"
    );
}

#[test]
fn the_months_register_goes_to_the_bank_as_a_1c_file_and_to_excel() {
    let (book, _) = book_with_act(
        false,
        &[
            ActStep::Send(day(2026, 3, 11)),
            ActStep::Sign(day(2026, 3, 12)),
        ],
    );
    let now = day(2026, 3, 20).and_hms_opt(9, 15, 0).expect("now");
    let bank = register_file(book.db(), "2026-03", RegisterFormat::Bank, now).expect("bank file");
    assert_eq!(bank.name, "payouts-2026-03-1c.txt");
    let (text, _, bad) = encoding_rs::WINDOWS_1251.decode(&bank.bytes);
    assert!(!bad, "Windows-1251");
    for line in [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "РасчСчет=40702810610000000001",
        "Сумма=6100.00",
        "ПолучательИНН=7707083893",
        "ПолучательСчет=40702810938000000001",
        "КонецФайла",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    assert!(text.contains("по акту № 2026-0001 от 10.03.2026"), "{text}");
    let xlsx = register_file(book.db(), "2026-03", RegisterFormat::Xlsx, now).expect("xlsx");
    assert_eq!(xlsx.name, "payouts-2026-03.xlsx");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(&xlsx.name);
    std::fs::write(&path, &xlsx.bytes).expect("written");
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(&path).expect("a workbook");
    let sheet = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable");
    let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "2026-0001"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "6100"), "{cells:?}");
    let paid_later =
        register_file(book.db(), "2026-02", RegisterFormat::Bank, now).expect_err("nothing due");
    assert_eq!(paid_later.code(), "bank_file_nothing_to_pay");
}

/// Saves `bytes` as `name` in a new folder and reads its text back.
fn saved_pdf_text(name: &str, bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF"), "{name} is a PDF");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("written");
    pdf_text(&path)
}

#[test]
fn the_act_pdf_carries_every_requisite_of_both_parties_and_the_amount_in_words() {
    let (book, act) = book_with_act(true, &[ActStep::Send(day(2026, 3, 11))]);
    let now = day(2026, 3, 12).and_hms_opt(9, 0, 0).expect("now");
    let file = act_file(book.db(), &act, ActFormat::Pdf, now).expect("pdf");
    assert_eq!(file.name, "act-2026-0001.pdf");
    let text = saved_pdf_text(&file.name, &file.bytes);
    for needle in [
        "2026-0001",
        "10.03.2026",
        "ООО «Партнёр P-A»",
        INN_SBER,
        KPP,
        "1027700132195",
        "117997, г. Москва, ул. Вавилова, д. 19",
        "ООО «Вендор Софт»",
        INN_TBANK,
        "771001001",
        "1027739642281",
        "П-2025/118",
        "6 100,00",
        "1 100,00",
        "22 %",
        "Шесть тысяч сто рублей 00 копеек",
        "Директор",
        "Генеральный директор",
        "Кузнецов",
        "Смирнова",
    ] {
        assert!(text.contains(needle), "«{needle}» in the act:\n{text}");
    }
    let invoice = act_file(book.db(), &act, ActFormat::Invoice, now).expect("счёт-фактура");
    let text = saved_pdf_text(&invoice.name, &invoice.bytes).to_lowercase();
    assert!(
        text.contains("фактура") && text.contains("2026-0001") && text.contains("1 100,00"),
        "{text}"
    );
}

#[test]
fn an_act_without_vat_says_so_and_has_no_invoice() {
    let (book, act) = book_with_act(false, &[]);
    let now = day(2026, 3, 12).and_hms_opt(9, 0, 0).expect("now");
    let file = act_file(book.db(), &act, ActFormat::Pdf, now).expect("pdf");
    let text = saved_pdf_text(&file.name, &file.bytes);
    assert!(text.contains("Без налога (НДС)"), "{text}");
    assert!(
        act_file(book.db(), &act, ActFormat::Invoice, now).is_err(),
        "no счёт-фактура without VAT"
    );
}

#[test]
fn the_statement_and_the_register_print_their_balances_and_totals() {
    let (book, _) = book_with_act(
        false,
        &[
            ActStep::Send(day(2026, 3, 11)),
            ActStep::Sign(day(2026, 3, 12)),
        ],
    );
    let file = statement_file(
        book.db(),
        "P-A",
        day(2026, 3, 1),
        day(2026, 3, 31),
        day(2026, 4, 1),
    )
    .expect("statement");
    let text = saved_pdf_text(&file.name, &file.bytes);
    for needle in [
        "ООО «Партнёр P-A»",
        "01.03.2026",
        "31.03.2026",
        "6 100,00",
        "Начисление",
        "Конвертация",
    ] {
        assert!(
            text.contains(needle),
            "«{needle}» in the statement:\n{text}"
        );
    }
    let now = day(2026, 3, 20).and_hms_opt(9, 15, 0).expect("now");
    let register = register_file(book.db(), "2026-03", RegisterFormat::Pdf, now).expect("register");
    let text = saved_pdf_text(&register.name, &register.bytes);
    for needle in ["2026-0001", INN_SBER, "40702810938000000001", "6 100,00"] {
        assert!(text.contains(needle), "«{needle}» in the register:\n{text}");
    }
}
