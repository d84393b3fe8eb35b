//! The счёт-фактура a VAT-paying partner issues with its act, in the layout of
//! Appendix 1 to Постановление Правительства РФ от 26.12.2011 № 1137: the numbered
//! header lines (1)–(8), the table with its numbered columns 1–13, «Всего к оплате»,
//! and the signatures. Landscape A4.

use super::act::net;
use super::fonts::Style;
use super::layout::{Align, Orientation, Sheet};
use super::table::{Cell, Column, Head, Table};
use crate::documents::model::{ActDocument, Party};
use crate::documents::russian;
use crate::{Error, Result};

const TEXT: Style = Style::regular(8.0);
const SMALL: Style = Style::regular(6.5);
const DASH: &str = "—";

/// The счёт-фактура for the act; refused when the act carries no VAT (the partner is not
/// a VAT payer and issues none).
pub fn invoice_pdf(doc: &ActDocument) -> Result<Vec<u8>> {
    let Some(vat) = &doc.vat else {
        return Err(Error::refused(
            "invoice_without_vat",
            format!(
                "Счёт-фактура составляется только плательщиком НДС: акт № {} — без налога (НДС).",
                doc.number
            ),
            format!(
                "An invoice (счёт-фактура) is issued only by a VAT payer: act {} carries no VAT.",
                doc.number
            ),
        ));
    };
    let date = russian::date(doc.date);
    let title = format!("Счёт-фактура № {} от {date}", doc.number);
    let mut sheet = Sheet::new(&title, Orientation::Landscape, doc.date)?;

    for line in [
        "Приложение № 1",
        "к постановлению Правительства Российской Федерации",
        "от 26 декабря 2011 г. № 1137",
    ] {
        sheet.paragraph(SMALL, Align::Right, line);
    }
    sheet.gap(4.0);
    let heading = Style::bold(11.0);
    field(
        &mut sheet,
        heading,
        &format!("СЧЁТ-ФАКТУРА № {} от {date}", doc.number),
        "",
        "(1)",
    );
    field(&mut sheet, TEXT, "ИСПРАВЛЕНИЕ №", "— от —", "(1а)");
    sheet.gap(4.0);

    let (currency, code) = russian::currency_name_and_code(&doc.currency);
    let seller = &doc.seller;
    let buyer = &doc.buyer;
    let fields = [
        ("Продавец:", seller.name.clone(), "(2)"),
        ("Адрес:", or_dash(&seller.address), "(2а)"),
        ("ИНН/КПП продавца:", inn_kpp(seller), "(2б)"),
        ("Грузоотправитель и его адрес:", DASH.into(), "(3)"),
        ("Грузополучатель и его адрес:", DASH.into(), "(4)"),
        ("К платёжно-расчётному документу №", "— от —".into(), "(5)"),
        (
            "Документ об отгрузке:",
            format!("№ п/п 1 № {} от {date}", doc.number),
            "(5а)",
        ),
        ("Покупатель:", buyer.name.clone(), "(6)"),
        ("Адрес:", or_dash(&buyer.address), "(6а)"),
        ("ИНН/КПП покупателя:", inn_kpp(buyer), "(6б)"),
        (
            "Валюта: наименование, код",
            format!("{currency}, {code}"),
            "(7)",
        ),
        (
            "Идентификатор государственного контракта, договора (соглашения) (при наличии):",
            DASH.into(),
            "(8)",
        ),
    ];
    for (label, value, number) in &fields {
        field(&mut sheet, TEXT, label, value, number);
    }
    sheet.gap(6.0);

    goods(&mut sheet, doc, &vat.rate, vat.amount);
    sheet.gap(14.0);
    signatures(&mut sheet, seller);
    sheet.finish(|page, count| (count > 1).then(|| format!("{title} · стр. {page} из {count}")))
}

fn or_dash(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| DASH.into())
}

/// `7804431521/780401001`; an ИП has no КПП: `500100732259`.
fn inn_kpp(party: &Party) -> String {
    match (&party.inn, &party.kpp) {
        (Some(inn), Some(kpp)) => format!("{inn}/{kpp}"),
        (Some(inn), None) => inn.clone(),
        (None, Some(kpp)) => format!("—/{kpp}"),
        (None, None) => DASH.into(),
    }
}

/// A header line of the form: the label, the value wrapped after it on a rule, and the
/// line's number in the form at the right edge.
fn field(sheet: &mut Sheet, style: Style, label: &str, value: &str, number: &str) {
    let code_width = 30.0;
    let label_width = sheet.typeface().width(style, label) + style.size * 0.5;
    let room = (sheet.content_width() - label_width - code_width).max(80.0);
    let lines = sheet.typeface().wrap(style, value, room);
    sheet.keep(style.line_height() * lines.len() as f32);
    let (x, top) = (sheet.left(), sheet.y());
    sheet.text_at(x, top, style, label);
    let right = x + sheet.content_width() - code_width;
    let code_top = top + style.baseline() - SMALL.baseline();
    sheet.text_in(right, code_width, code_top, SMALL, Align::Right, number);
    for (i, line) in lines.iter().enumerate() {
        let line_top = top + i as f32 * style.line_height();
        sheet.text_at(x + label_width, line_top, style, line);
        let underline = line_top + style.line_height() - 1.0;
        sheet.line(x + label_width, underline, right - 4.0, underline);
    }
    sheet.gap(style.line_height() * lines.len() as f32);
}

fn goods(
    sheet: &mut Sheet,
    doc: &ActDocument,
    rate: &rust_decimal::Decimal,
    vat: rust_decimal::Decimal,
) {
    let c = Align::Center;
    let r = Align::Right;
    let columns = [
        Column::new("№ п/п", 3.0, c),
        Column::new(
            "Наименование товара (описание выполненных работ, оказанных услуг), имущественного права",
            26.0,
            Align::Left,
        ),
        Column::new("Код вида товара", 4.5, c),
        Column::new("код", 4.0, c),
        Column::new("условное обозначение (национальное)", 6.5, c),
        Column::new("Количество (объём)", 5.0, r),
        Column::new("Цена (тариф) за единицу измерения", 7.5, r),
        Column::new(
            "Стоимость товаров (работ, услуг), имущественных прав без налога — всего",
            8.5,
            r,
        ),
        Column::new("В том числе сумма акциза", 6.5, c),
        Column::new("Налоговая ставка", 5.0, c),
        Column::new("Сумма налога, предъявляемая покупателю", 7.5, r),
        Column::new(
            "Стоимость товаров (работ, услуг), имущественных прав с налогом — всего",
            8.5,
            r,
        ),
        Column::new("цифровой код", 4.5, c),
        Column::new("краткое наименование", 5.5, c),
        Column::new(
            "Регистрационный номер декларации на товары или регистрационный номер партии \
             товара, подлежащего прослеживаемости",
            9.0,
            c,
        ),
        Column::new("код", 4.0, c),
        Column::new("условное обозначение", 5.5, c),
        Column::new(
            "Количество товара, подлежащего прослеживаемости, в количественной единице \
             измерения товара, используемой в целях осуществления прослеживаемости",
            10.0,
            c,
        ),
    ];
    let title = |i: usize| Head::Text(columns[i].title.clone(), 1);
    let text = |t: &str, span: usize| Head::Text(t.to_owned(), span);
    let mut top: Vec<Head> = (0..3).map(title).collect();
    top.push(text("Единица измерения", 2));
    top.extend((5..12).map(title));
    top.push(text("Страна происхождения товара", 2));
    top.push(title(14));
    top.push(text(
        "Количественная единица измерения товара, используемая в целях осуществления \
         прослеживаемости",
        2,
    ));
    top.push(title(17));
    let mut second: Vec<Head> = vec![Head::Above, Head::Above, Head::Above, title(3), title(4)];
    second.extend((5..12).map(|_| Head::Above));
    second.extend([
        title(12),
        title(13),
        Head::Above,
        title(15),
        title(16),
        Head::Above,
    ]);
    let numbers = [
        "1", "1а", "1б", "2", "2а", "3", "4", "5", "6", "7", "8", "9", "10", "10а", "11", "12",
        "12а", "13",
    ];
    let numbers: Vec<Head> = numbers.iter().map(|n| text(n, 1)).collect();

    let net = russian::money(net(doc));
    let vat = russian::money(vat);
    let total = russian::money(doc.amount);
    let mut line: Vec<Cell> = [
        "1",
        doc.service.as_str(),
        DASH,
        "876",
        "усл. ед.",
        "1",
        net.as_str(),
        net.as_str(),
        "без\u{a0}акциза",
    ]
    .into_iter()
    .map(Cell::new)
    .collect();
    line.push(Cell::new(format!("{} %", russian::rate(*rate))));
    line.extend([vat.as_str(), total.as_str()].map(Cell::new));
    line.extend((12..18).map(|_| Cell::new(DASH)));
    let totals = vec![
        Cell::new("Всего к оплате (9)")
            .span(7)
            .bold()
            .align(Align::Left),
        Cell::new(net.as_str()).bold(),
        Cell::new("X").span(2).align(c),
        Cell::new(vat.as_str()).bold(),
        Cell::new(total.as_str()).bold(),
    ];
    Table::new(sheet, &columns, Style::regular(5.5), Style::regular(7.0))
        .with_head(vec![top, second, numbers])
        .draw(sheet, &[line, totals]);
}

fn signatures(sheet: &mut Sheet, seller: &Party) {
    let is_ip = seller.kind == crate::partners::PartnerKind::Ip;
    let signer = seller.signer.as_deref().map(russian::initials);
    let (head, ip) = if is_ip {
        (None, signer)
    } else {
        (signer, None)
    };
    sheet.keep(TEXT.line_height() * 9.0);
    let gutter = 24.0;
    let width = (sheet.content_width() - gutter) / 2.0;
    let (left, right) = (sheet.left(), sheet.left() + width + gutter);
    let top = sheet.y();
    let role = "Руководитель организации или иное уполномоченное лицо";
    signature(sheet, left, width, role, head.as_deref(), "(ф.и.о.)");
    let bottom = sheet.y();
    sheet.set_y(top);
    let role = "Главный бухгалтер или иное уполномоченное лицо";
    signature(sheet, right, width, role, None, "(ф.и.о.)");
    sheet.set_y(bottom.max(sheet.y()) + 8.0);

    let top = sheet.y();
    let role = "Индивидуальный предприниматель или иное уполномоченное лицо";
    signature(sheet, left, width, role, ip.as_deref(), "(ф.и.о.)");
    let bottom = sheet.y();
    sheet.set_y(top);
    let registration = is_ip
        .then(|| seller.ogrn.as_deref().map(|o| format!("ОГРНИП {o}")))
        .flatten();
    let caption = "(реквизиты свидетельства о государственной регистрации индивидуального \
                   предпринимателя)";
    signature(sheet, right, width, "", registration.as_deref(), caption);
    sheet.set_y(bottom.max(sheet.y()));
}

/// The role, then a rule to sign on and the name on a rule beside it, each captioned
/// below: «(подпись)», «(ф.и.о.)». A missing name leaves its rule blank.
fn signature(sheet: &mut Sheet, x: f32, width: f32, role: &str, name: Option<&str>, caption: &str) {
    let bold = Style::bold(8.0);
    if role.is_empty() {
        sheet.gap(bold.line_height());
    } else {
        sheet.paragraph_in(x, width, bold, Align::Left, role);
    }
    sheet.gap(8.0);
    let top = sheet.y();
    let sign = 100.0;
    let (name_x, name_width) = (x + sign + 12.0, width - sign - 12.0);
    if let Some(name) = name {
        sheet.text_in(name_x, name_width, top, TEXT, Align::Center, name);
    }
    let rule = top + TEXT.line_height();
    if !role.is_empty() {
        sheet.line(x, rule, x + sign, rule);
        sheet.text_in(x, sign, rule + 1.0, SMALL, Align::Center, "(подпись)");
    }
    sheet.line(name_x, rule, name_x + name_width, rule);
    sheet.set_y(rule + 1.0);
    sheet.paragraph_in(name_x, name_width, SMALL, Align::Center, caption);
}
