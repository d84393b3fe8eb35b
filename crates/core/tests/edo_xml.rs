//! The act as the УПД 5.03 XML for EDO: every file is validated against the ФНС XSD with
//! `xmllint` (a copy of the schema is in `tests/fixtures/edo`), and checked against our
//! own versions of the schema's Schematron rules, which `xmllint` does not run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{NaiveDate, NaiveDateTime};
use partnerbook_core::documents::{edo_xml, sample, ActDocument, EdoFile, Party};
use partnerbook_core::partners::PartnerKind;
use partnerbook_core::{Error, Lang};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use tempfile::TempDir;

const GUID: &str = "3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// When the file is made: 1 December 2026, 14:05:09.
fn made() -> NaiveDateTime {
    day(2026, 12, 1).and_hms_opt(14, 5, 9).expect("a time")
}

fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/edo/ON_NSCHFDOPPR_1_997_01_05_03_05.xsd")
}

fn xmllint(args: &[&str]) -> Output {
    match Command::new("xmllint").args(args).output() {
        Ok(output) => output,
        Err(e) => panic!(
            "cannot run xmllint ({e}): install libxml2-utils (`apt-get install libxml2-utils`); \
             the EDO XML is validated against the ФНС XSD with it"
        ),
    }
}

/// A file written to disk under its own name, the way the EDO operator receives it.
struct Written {
    _dir: TempDir,
    path: PathBuf,
    file: EdoFile,
}

impl Written {
    /// The result of an XPath expression that gives a string, number or boolean.
    fn xpath(&self, expr: &str) -> String {
        let path = self.path.to_str().expect("a UTF-8 temp path");
        let out = xmllint(&["--xpath", &ascii_names(expr), path]);
        assert!(
            out.status.success(),
            "xmllint --xpath {expr}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("xmllint prints UTF-8")
            .trim_end_matches('\n')
            .to_owned()
    }

    fn count(&self, expr: &str) -> usize {
        let text = self.xpath(&format!("count({expr})"));
        text.parse()
            .unwrap_or_else(|_| panic!("count({expr}) gave {text}"))
    }

    fn money(&self, expr: &str) -> Decimal {
        let text = self.xpath(&format!("string({expr})"));
        text.parse()
            .unwrap_or_else(|_| panic!("{expr} is “{text}”, not an amount"))
    }

    fn attr(&self, expr: &str) -> String {
        self.xpath(&format!("string({expr})"))
    }
}

/// `expr` with every Cyrillic name written as `*[local-name()='Имя']` (and `@Имя` as
/// `@*[local-name()='Имя']`): libxml2's XPath parser rejects non-ASCII names in steps,
/// though it compares them as strings.
fn ascii_names(expr: &str) -> String {
    let mut out = String::new();
    let mut name = String::new();
    let flush = |name: &mut String, out: &mut String| {
        if name.is_ascii() {
            out.push_str(name);
        } else {
            let attribute = out.ends_with('@');
            if attribute {
                out.pop();
            }
            let axis = if attribute { "@" } else { "" };
            out.push_str(&format!("{axis}*[local-name()='{name}']"));
        }
        name.clear();
    };
    for c in expr.chars() {
        if c.is_alphanumeric() || c == '_' {
            name.push(c);
        } else {
            flush(&mut name, &mut out);
            out.push(c);
        }
    }
    flush(&mut name, &mut out);
    out
}

/// The act as a file on disk, valid against the XSD and the Schematron rules.
fn valid(doc: &ActDocument) -> Written {
    let file = edo_xml(doc, GUID, made()).expect("the act makes a УПД");
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(&file.name);
    std::fs::write(&path, &file.bytes).expect("the file is written");
    let schema = schema();
    let out = xmllint(&[
        "--noout",
        "--schema",
        schema.to_str().expect("a UTF-8 path"),
        path.to_str().expect("a UTF-8 path"),
    ]);
    let text = encoding_rs::WINDOWS_1251.decode(&file.bytes).0.into_owned();
    assert!(
        out.status.success(),
        "{} does not validate:\n{}\n{text}",
        file.name,
        String::from_utf8_lossy(&out.stderr)
    );
    let written = Written {
        _dir: dir,
        path,
        file,
    };
    schematron(&written);
    written
}

/// Our versions of the schema's Schematron rules (those that can apply to our files).
fn schematron(w: &Written) {
    let name = w
        .file
        .name
        .strip_suffix(".xml")
        .expect("the name ends in .xml");
    assert_eq!(
        w.attr("/Файл/@ИдФайл"),
        name,
        "ИдФайл equals the file's name"
    );
    let function = w.attr("/Файл/Документ/@Функция");
    let invoice = function == "СЧФ" || function == "СЧФДОП";
    let transfer = function == "ДОП" || function == "СЧФДОП";
    if invoice {
        assert_eq!(
            w.count("/Файл/Документ/ТаблСчФакт"),
            1,
            "ТаблСчФакт for {function}"
        );
        for party in ["СвПрод", "СвПокуп"] {
            let path = format!("/Файл/Документ/СвСчФакт/{party}");
            assert_eq!(
                w.count(&format!("{path}/Адрес")),
                w.count(&path),
                "{party} has its Адрес for {function}"
            );
        }
        let unpriced = "//СведТов[@КолТов and not(@ЦенаТов > 0)]";
        assert_eq!(w.count(unpriced), 0, "a quantity has a price above zero");
        assert_eq!(
            w.count("//СведТов[not(@СтТовУчНал)]"),
            0,
            "СтТовУчНал for {function}"
        );
        assert_eq!(w.count("//ВсегоОпл[not(@СтТовУчНалВсего)]"), 0);
    }
    if transfer {
        assert_eq!(
            w.count("/Файл/Документ/СвПродПер"),
            1,
            "СвПродПер for {function}"
        );
        assert_eq!(
            w.count("/Файл/Документ/@НаимДокОпр"),
            1,
            "НаимДокОпр for {function}"
        );
        let undated = "//СвПер[not(@ДатаПер) and not(@ДатаНачПер and @ДатаОконПер)]";
        assert_eq!(w.count(undated), 0, "the transfer has its date");
    }
    assert_eq!(
        w.count("//СведТов[@ОКЕИ_Тов and not(@НаимЕдИзм)]"),
        0,
        "a unit has its name"
    );
    assert_eq!(w.count("//СвИнНеУч[not(@Идентиф) and not(@ИныеСвед)]"), 0);
    let proxy = "//Подписант[(@СпосПодтПолном = '3') != boolean(СвДоверЭл) or (@СпосПодтПолном = '5') != boolean(СвДоверБум)]";
    assert_eq!(
        w.count(proxy),
        0,
        "a proxy is given exactly when the signer acts by one"
    );
    // The totals are the sums of the lines, and each line adds up.
    let lines = w.count("//СведТов");
    assert!(lines >= 1);
    let (mut net, mut vat, mut total) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for i in 1..=lines {
        let line = format!("(//СведТов)[{i}]");
        let line_net = w.money(&format!("{line}/@СтТовБезНДС"));
        let line_vat = if w.count(&format!("{line}/СумНал/БезНДС")) == 1 {
            Decimal::ZERO
        } else {
            w.money(&format!("{line}/СумНал/СумНал"))
        };
        let line_total = w.money(&format!("{line}/@СтТовУчНал"));
        assert_eq!(line_net + line_vat, line_total, "line {i} adds up");
        net += line_net;
        vat += line_vat;
        total += line_total;
    }
    assert_eq!(w.money("//ВсегоОпл/@СтТовБезНДСВсего"), net);
    assert_eq!(w.money("//ВсегоОпл/@СтТовУчНалВсего"), total);
    if w.count("//ВсегоОпл/СумНалВсего/БезНДС") == 0 {
        assert_eq!(w.money("//ВсегоОпл/СумНалВсего/СумНал"), vat);
    } else {
        assert_eq!(vat, Decimal::ZERO, "«без НДС» in total, none in the lines");
    }
}

fn refused(doc: &ActDocument) -> Error {
    match edo_xml(doc, GUID, made()) {
        Ok(file) => panic!("expected a refusal, got {}", file.name),
        Err(e) => e,
    }
}

#[test]
fn a_vat_payer_s_act_is_a_valid_schfdop() {
    let w = valid(&sample::act(true));
    assert_eq!(
        w.file.name,
        format!(
            "ON_NSCHFDOPPR_2BE-7707083893-770701001_2LT-600072763_20261130_{GUID}_0_0_0_0_0_00.xml"
        )
    );
    assert_eq!(w.attr("/Файл/@ВерсФорм"), "5.03");
    assert_eq!(w.attr("/Файл/Документ/@Функция"), "СЧФДОП");
    assert_eq!(w.attr("/Файл/Документ/@КНД"), "1115131");
    assert_eq!(w.attr("/Файл/Документ/@ДатаИнфПр"), "01.12.2026");
    assert_eq!(w.attr("/Файл/Документ/@ВремИнфПр"), "14.05.09");
    assert_eq!(w.attr("//СвСчФакт/@НомерДок"), "2026-0007");
    assert_eq!(w.attr("//СвСчФакт/@ДатаДок"), "30.11.2026");
    // The partner sells; the quotes of its name survive the escaping.
    assert_eq!(
        w.attr("//СвПрод/ИдСв/СвЮЛУч/@НаимОрг"),
        "ООО \"Облачные решения\""
    );
    assert_eq!(w.attr("//СвПрод/ИдСв/СвЮЛУч/@ИННЮЛ"), "7804431521");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвЮЛУч/@КПП"), "780401001");
    assert_eq!(w.attr("//СвПокуп/ИдСв/СвЮЛУч/@ИННЮЛ"), "7707083893");
    assert_eq!(w.attr("//СвПрод/Адрес/АдрИнф/@КодСтр"), "643");
    assert_eq!(w.attr("//ДенИзм/@КодОКВ"), "643");
    assert_eq!(w.attr("//ДенИзм/@НаимОКВ"), "Российский рубль");
    // One line: the service, 1 conventional unit at the price without VAT.
    assert_eq!(w.count("//СведТов"), 1);
    assert_eq!(
        w.attr("//СведТов/@НаимТов"),
        "Партнёрское вознаграждение за период с 01.10.2026 по 30.11.2026"
    );
    assert_eq!(w.attr("//СведТов/@ОКЕИ_Тов"), "876");
    assert_eq!(w.attr("//СведТов/@КолТов"), "1");
    assert_eq!(w.attr("//СведТов/ДопСведТов/@ПрТовРаб"), "3");
    assert_eq!(w.attr("//СведТов/@НалСт"), "22%");
    assert_eq!(w.money("//СведТов/@ЦенаТов"), dec!(4098.36));
    assert_eq!(w.money("//СведТов/@СтТовБезНДС"), dec!(4098.36));
    assert_eq!(w.money("//СведТов/СумНал/СумНал"), dec!(901.64));
    assert_eq!(w.money("//СведТов/@СтТовУчНал"), dec!(5000.00));
    assert_eq!(w.money("//ВсегоОпл/@СтТовУчНалВсего"), dec!(5000.00));
    // Rendered on the act's date under the contract, signed by the partner's director.
    assert_eq!(w.attr("//СвПер/@ДатаПер"), "30.11.2026");
    assert_eq!(w.attr("//СвПер/ОснПер/@РеквНомерДок"), "П-2024/118");
    assert_eq!(w.attr("//СвПер/ОснПер/@РеквДатаДок"), "15.03.2024");
    assert_eq!(w.attr("//СвЛицПер/РабОргПрод/@Должность"), "Директор");
    assert_eq!(w.attr("//Подписант/ФИО/@Фамилия"), "Кузнецов");
    assert_eq!(w.attr("//Подписант/ФИО/@Имя"), "Павел");
    assert_eq!(w.attr("//Подписант/ФИО/@Отчество"), "Андреевич");
    assert_eq!(w.attr("//Подписант/@Должн"), "Директор");
    // Characters Windows-1251 lacks come through as character references.
    assert_eq!(
        w.attr("//ИнфПолФХЖ1/ТекстИнф/@Значен"),
        "5 000 бонусов × 1 ₽"
    );
}

#[test]
fn the_file_is_windows_1251_with_its_declaration() {
    let file = edo_xml(&sample::act(true), GUID, made()).expect("a УПД");
    let declaration = br#"<?xml version="1.0" encoding="windows-1251"?>"#;
    assert!(file.bytes.starts_with(declaration));
    assert!(
        std::str::from_utf8(&file.bytes).is_err(),
        "Cyrillic in Windows-1251 is not UTF-8"
    );
    let (text, _, had_errors) = encoding_rs::WINDOWS_1251.decode(&file.bytes);
    assert!(!had_errors);
    for name in [
        "Облачные решения",
        "Вендор Софт",
        "Кузнецов",
        "Файл",
        "СвПродПер",
    ] {
        assert!(text.contains(name), "{name} in the text");
    }
    assert!(text.contains("ООО &quot;Облачные решения&quot;"));
    assert!(text.contains(&format!(
        r#"ИдФайл="{}""#,
        file.name.trim_end_matches(".xml")
    )));
}

#[test]
fn an_ip_without_vat_gets_a_valid_dop() {
    let w = valid(&sample::act(false));
    assert_eq!(
        w.file.name,
        format!(
            "ON_NSCHFDOPPR_2BE-7707083893-770701001_2LT-600070554_20261130_{GUID}_0_0_0_0_0_00.xml"
        )
    );
    assert_eq!(w.attr("/Файл/Документ/@Функция"), "ДОП");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвИП/@ИННФЛ"), "500100732259");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвИП/@ОГРНИП"), "304500116000157");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвИП/ФИО/@Фамилия"), "Орлова");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвИП/ФИО/@Имя"), "Мария");
    assert_eq!(w.attr("//СвПрод/ИдСв/СвИП/ФИО/@Отчество"), "Сергеевна");
    assert_eq!(w.attr("//СведТов/@НалСт"), "без НДС");
    assert_eq!(w.attr("//СведТов/СумНал/БезНДС"), "без НДС");
    assert_eq!(w.attr("//ВсегоОпл/СумНалВсего/БезНДС"), "без НДС");
    assert_eq!(w.money("//СведТов/@СтТовБезНДС"), dec!(5000.00));
    assert_eq!(w.money("//СведТов/@СтТовУчНал"), dec!(5000.00));
    // An ИП hands the service over itself: no employee of an organisation.
    assert_eq!(w.count("//СвЛицПер"), 0);
    assert_eq!(w.attr("//Подписант/ФИО/@Фамилия"), "Орлова");
}

/// A Quantower partner from Cyprus, paid in dollars, without VAT.
fn usd_act() -> ActDocument {
    let mut doc = sample::act(false);
    doc.seller = Party {
        name: "Quantum Trade Ltd".into(),
        kind: PartnerKind::Foreign,
        inn: Some("HE412345".into()),
        kpp: None,
        ogrn: None,
        address: Some("Кипр, 3035, Лимасол, ул. Арх. Макариоса III, д. 1".into()),
        bik: None,
        account: None,
        edo_id: Some("2AE-HE412345".into()),
        signer: Some("Papadopoulos Andreas".into()),
        signer_position: Some("Director".into()),
    };
    doc.number = "2026-0008".into();
    doc.amount = dec!(80.50);
    doc.currency = "USD".into();
    doc.contract_no = None;
    doc.contract_date = None;
    doc.amount_words = "Восемьдесят долларов США 50 центов".into();
    doc.conversion_note = None;
    doc
}

#[test]
fn a_usd_act_of_a_foreign_partner_is_valid() {
    let w = valid(&usd_act());
    assert_eq!(w.attr("/Файл/Документ/@Функция"), "ДОП");
    assert_eq!(w.attr("//ДенИзм/@КодОКВ"), "840");
    assert_eq!(w.attr("//ДенИзм/@НаимОКВ"), "Доллар США");
    let seller = "//СвПрод/ИдСв/СвИнНеУч";
    assert_eq!(w.attr(&format!("{seller}/@ИдСтат")), "ИО");
    assert_eq!(w.attr(&format!("{seller}/@КодСтр")), "196");
    assert_eq!(w.attr(&format!("{seller}/@Наим")), "Quantum Trade Ltd");
    assert_eq!(w.attr(&format!("{seller}/@Идентиф")), "HE412345");
    assert_eq!(w.attr("//СвПрод/Адрес/АдрИнф/@КодСтр"), "196");
    assert_eq!(w.money("//ВсегоОпл/@СтТовУчНалВсего"), dec!(80.50));
    // Without a contract the transfer has no basis document.
    assert_eq!(w.attr("//СвПер/БезДокОснПер"), "1");
    assert_eq!(w.count("//СвПер/ОснПер"), 0);
    assert_eq!(w.attr("//СвЛицПер/РабОргПрод/ФИО/@Фамилия"), "Papadopoulos");
}

#[test]
fn a_kzt_act_of_a_kazakh_partner_is_valid() {
    let mut doc = sample::act(false);
    doc.seller = Party {
        name: "ТОО \"Асель Консалт\"".into(),
        kind: PartnerKind::Ooo,
        inn: Some("940140000385".into()),
        kpp: None,
        ogrn: None,
        address: Some("050000, г. Алматы, пр. Абая, д. 10".into()),
        bik: None,
        account: None,
        edo_id: Some("2KZ-940140000385".into()),
        signer: Some("Нурланова Асель Ериковна".into()),
        signer_position: Some("Директор".into()),
    };
    doc.amount = dec!(25000.00);
    doc.currency = "KZT".into();
    doc.service = "Партнёрское вознаграждение за период с 01.10.2026 по 31.10.2026".into();
    let w = valid(&doc);
    assert_eq!(w.attr("/Файл/Документ/@Функция"), "ДОП");
    assert_eq!(w.attr("//ДенИзм/@КодОКВ"), "398");
    assert_eq!(w.attr("//ДенИзм/@НаимОКВ"), "Тенге");
    let seller = "//СвПрод/ИдСв/СвИнНеУч";
    assert_eq!(w.attr(&format!("{seller}/@КодСтр")), "398");
    assert_eq!(w.attr(&format!("{seller}/@НаимСтран")), "Казахстан");
    assert_eq!(w.attr(&format!("{seller}/@Идентиф")), "940140000385");
    assert_eq!(w.attr(&format!("{seller}/@Наим")), "ТОО \"Асель Консалт\"");
    // The vendor buys as itself.
    assert_eq!(w.attr("//СвПокуп/ИдСв/СвЮЛУч/@ИННЮЛ"), "7707083893");
    assert_eq!(w.money("//ВсегоОпл/@СтТовУчНалВсего"), dec!(25000.00));
}

#[test]
fn a_person_s_act_is_valid_and_markup_in_names_is_escaped() {
    let mut doc = sample::act(false);
    doc.seller.kind = PartnerKind::Person;
    doc.seller.name = "Петров Пётр".into();
    doc.seller.inn = None;
    doc.seller.ogrn = None;
    doc.seller.signer = None;
    doc.seller.signer_position = None;
    doc.buyer.name = "ООО \"Рога & Копыта\" <Север> 'Юг'".into();
    doc.service = "Вознаграждение за \"лиды\" & <рефералов>\nза ноябрь".into();
    let w = valid(&doc);
    assert_eq!(w.attr("//СвПрод/ИдСв/СвФЛУч/ФИО/@Фамилия"), "Петров");
    assert_eq!(w.count("//СвПрод/ИдСв/СвФЛУч/@ИННФЛ"), 0);
    assert_eq!(w.attr("//Подписант/ФИО/@Имя"), "Пётр");
    assert_eq!(
        w.attr("//СвПокуп/ИдСв/СвЮЛУч/@НаимОрг"),
        "ООО \"Рога & Копыта\" <Север> 'Юг'"
    );
    assert_eq!(
        w.attr("//СведТов/@НаимТов"),
        "Вознаграждение за \"лиды\" & <рефералов>\nза ноябрь"
    );
}

#[test]
fn a_missing_seller_inn_is_refused_by_name() {
    let mut doc = sample::act(true);
    doc.seller.inn = None;
    let e = refused(&doc);
    assert_eq!(e.code(), "edo_missing_requisite");
    let ru = e.message(Lang::Ru);
    assert!(ru.contains("продавец (партнёр): ИНН"), "{ru}");
    let en = e.message(Lang::En);
    assert!(en.contains("seller (the partner): ИНН"), "{en}");

    let mut ip = sample::act(false);
    ip.seller.inn = Some("  ".into());
    let e = refused(&ip);
    assert_eq!(e.code(), "edo_missing_requisite");
    assert!(e.message(Lang::Ru).contains("ИНН"));
}

#[test]
fn missing_edo_ids_are_refused_together() {
    let mut doc = sample::act(true);
    doc.seller.edo_id = None;
    doc.buyer.edo_id = Some(String::new());
    let e = refused(&doc);
    assert_eq!(e.code(), "edo_missing_requisite");
    let ru = e.message(Lang::Ru);
    assert!(ru.contains("продавец (партнёр): ID ЭДО"), "{ru}");
    assert!(ru.contains("покупатель (вендор): ID ЭДО"), "{ru}");
}

#[test]
fn an_invoice_needs_both_addresses_and_a_transfer_document_does_not() {
    let mut doc = sample::act(true);
    doc.seller.address = None;
    doc.buyer.address = None;
    let e = refused(&doc);
    assert_eq!(e.code(), "edo_missing_requisite");
    let ru = e.message(Lang::Ru);
    assert!(
        ru.contains("продавец (партнёр): адрес") && ru.contains("покупатель (вендор): адрес"),
        "{ru}"
    );

    let mut dop = sample::act(false);
    dop.seller.address = None;
    dop.buyer.address = None;
    let w = valid(&dop);
    assert_eq!(w.count("//Адрес"), 0);
}

#[test]
fn other_missing_requisites_are_refused() {
    let mut doc = sample::act(true);
    doc.seller.signer = None;
    doc.seller.kpp = None;
    doc.contract_date = None;
    let e = refused(&doc);
    assert_eq!(e.code(), "edo_missing_requisite");
    let ru = e.message(Lang::Ru);
    for field in ["подписант", "КПП", "дата договора"] {
        assert!(ru.contains(field), "{field} in {ru}");
    }

    // A foreign partner's country is needed, and it comes from the address.
    let mut foreign = usd_act();
    foreign.seller.address = Some("3035, Limassol, Arch. Makariou III, 1".into());
    let e = refused(&foreign);
    assert_eq!(e.code(), "edo_missing_requisite");
    assert!(
        e.message(Lang::Ru).contains("страна"),
        "{}",
        e.message(Lang::Ru)
    );
}

#[test]
fn values_the_format_cannot_take_are_refused() {
    let mut doc = sample::act(true);
    doc.seller.inn = Some("7804431522".into());
    doc.vat = doc.vat.map(|mut vat| {
        vat.rate = Decimal::from(13);
        vat
    });
    doc.seller.edo_id = Some("2LT_600072763".into());
    let e = refused(&doc);
    assert_eq!(e.code(), "edo_bad_requisite");
    let ru = e.message(Lang::Ru);
    for field in [
        "ИНН «7804431522»",
        "ставка НДС 13",
        "ID ЭДО «2LT_600072763»",
    ] {
        assert!(ru.contains(field), "{field} in {ru}");
    }

    let e = match edo_xml(&sample::act(true), "not-a-guid", made()) {
        Ok(_) => panic!("a bad GUID makes no file"),
        Err(e) => e,
    };
    assert_eq!(e.code(), "edo_bad_requisite");
    assert!(e.message(Lang::En).contains("GUID"));

    // A foreign organisation off the Russian tax register issues no счёт-фактура.
    let mut foreign = usd_act();
    foreign.vat = sample::act(true).vat;
    let e = refused(&foreign);
    assert_eq!(e.code(), "edo_bad_requisite");
    assert!(e.message(Lang::Ru).contains("налоговый агент"));
}
