//! The LibreOffice peer's act: the same act as Partnerbook's, written as a flat ODF text
//! document (`.fodt`, one XML file), as a department keeps an act template in Writer and
//! fills it in. Same parties and requisites, contract, service table, totals with VAT,
//! amount in words, the conversion note and both signatures, on one A4 page.

use chrono::{Datelike, NaiveDate};
use partnerbook_core::documents::russian::{
    date as ru_date, money as ru_amount, unit_word as currency_word,
};
use partnerbook_core::documents::{ActDocument, Party};

const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// `30 ноября 2026 г.`
fn long_date(day: NaiveDate) -> String {
    format!(
        "{} {} {} г.",
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `Фамилия И. О.`
fn initials(full: &str) -> String {
    let mut words = full.split_whitespace();
    let Some(last) = words.next() else {
        return String::new();
    };
    let rest: Vec<String> = words
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    if rest.is_empty() {
        last.to_owned()
    } else {
        format!("{last} {}", rest.join(" "))
    }
}

/// The party's requisites in one line: name, ИНН, КПП, ОГРН, address, bank account.
fn requisites(p: &Party) -> String {
    let mut parts = vec![p.name.clone()];
    let mut add = |label: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            parts.push(format!("{label}{v}"));
        }
    };
    add("ИНН ", &p.inn);
    add("КПП ", &p.kpp);
    add("ОГРН ", &p.ogrn);
    add("", &p.address);
    add("р/с ", &p.account);
    add("БИК ", &p.bik);
    parts.join(", ")
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        "<text:p text:style-name=\"{style}\">{}</text:p>\n",
        escape(text)
    )
}

/// A paragraph with a bold label before the text.
fn labelled(label: &str, text: &str) -> String {
    format!(
        "<text:p text:style-name=\"Gap\"><text:span text:style-name=\"B\">{}</text:span> {}</text:p>\n",
        escape(label),
        escape(text)
    )
}

fn cell(style: &str, paragraph_style: &str, text: &str) -> String {
    format!(
        "<table:table-cell table:style-name=\"{style}\" office:value-type=\"string\">{}</table:table-cell>",
        paragraph(paragraph_style, text).trim_end()
    )
}

/// The service table: header, the one service, its totals.
fn service_table(doc: &ActDocument) -> String {
    let money = ru_amount(doc.amount);
    let head = [
        "№",
        "Наименование работ, услуг",
        "Кол-во",
        "Ед.",
        "Цена",
        "Сумма",
    ];
    let row = ["1", doc.service.as_str(), "1", "усл.", &money, &money];
    let mut t = String::from("<table:table table:name=\"Services\" table:style-name=\"Tbl\">\n");
    for width in ["N", "Name", "Qty", "Unit", "Price", "Sum"] {
        t.push_str(&format!(
            "<table:table-column table:style-name=\"Col{width}\"/>\n"
        ));
    }
    let line = |cells: [&str; 6], style: &str, numbers: &str| {
        let mut r = String::from("<table:table-row>");
        for (i, text) in cells.iter().enumerate() {
            let p = match i {
                1 => style,
                0 | 2 | 3 => "Center",
                _ => numbers,
            };
            r.push_str(&cell("Cell", p, text));
        }
        r.push_str("</table:table-row>\n");
        r
    };
    t.push_str("<table:table-header-rows>");
    t.push_str(&line(head, "HeadCell", "HeadCell"));
    t.push_str("</table:table-header-rows>\n");
    t.push_str(&line(row, "Standard", "Right"));
    t.push_str("</table:table>\n");
    t
}

fn totals(doc: &ActDocument) -> String {
    let money = ru_amount(doc.amount);
    let mut out = paragraph("RightBold", &format!("Итого: {money}"));
    out.push_str(&match &doc.vat {
        Some(vat) => paragraph(
            "RightBold",
            &format!(
                "В том числе НДС ({} %): {}",
                vat.rate.normalize(),
                ru_amount(vat.amount)
            ),
        ),
        None => paragraph("RightBold", "Без налога (НДС)"),
    });
    out.push_str(&paragraph("RightBold", &format!("Всего к оплате: {money}")));
    out
}

/// Both signatures side by side, in a borderless table.
fn signatures(doc: &ActDocument) -> String {
    let side = |title: &str, p: &Party| {
        let position = p.signer_position.clone().unwrap_or_default();
        let signer = p.signer.as_deref().map(initials).unwrap_or_default();
        format!(
            "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">{}{}{}{}{}</table:table-cell>",
            paragraph("Bold", title).trim_end(),
            paragraph("Standard", &p.name).trim_end(),
            paragraph("Standard", &position).trim_end(),
            paragraph("Sign", &format!("____________________ / {signer} /")).trim_end(),
            paragraph("Standard", "М. П.").trim_end(),
        )
    };
    format!(
        "<table:table table:name=\"Signatures\" table:style-name=\"Tbl\">\n\
         <table:table-column table:style-name=\"ColHalf\" table:number-columns-repeated=\"2\"/>\n\
         <table:table-row>{}{}</table:table-row>\n</table:table>\n",
        side("Исполнитель", &doc.seller),
        side("Заказчик", &doc.buyer)
    )
}

const STYLES: &str = r#"<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="ru" fo:country="RU"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="1.5cm"/>
 </style:page-layout>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Gap" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.15cm" fo:margin-bottom="0.15cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Words" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.2cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Center" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="HeadCell" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="RightBold" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.8cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="Rule" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" fo:border-bottom="1.5pt solid #000000" fo:padding-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="B" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="17.5cm" table:align="margins" fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="ColN" style:family="table-column"><style:table-column-properties style:column-width="0.8cm"/></style:style>
 <style:style style:name="ColName" style:family="table-column"><style:table-column-properties style:column-width="9.2cm"/></style:style>
 <style:style style:name="ColQty" style:family="table-column"><style:table-column-properties style:column-width="1.4cm"/></style:style>
 <style:style style:name="ColUnit" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
 <style:style style:name="ColPrice" style:family="table-column"><style:table-column-properties style:column-width="2.45cm"/></style:style>
 <style:style style:name="ColSum" style:family="table-column"><style:table-column-properties style:column-width="2.45cm"/></style:style>
 <style:style style:name="ColHalf" style:family="table-column"><style:table-column-properties style:column-width="8.75cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="Plain" style:family="table-cell">
  <style:table-cell-properties fo:border="none" fo:padding="0.08cm"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
"#;

/// The act as a flat ODF text document.
pub fn act_fodt(doc: &ActDocument) -> String {
    let mut body = paragraph(
        "Title",
        &format!(
            "Акт № {} от {} об оказании услуг",
            doc.number,
            long_date(doc.date)
        ),
    );
    body.push_str(&labelled("Исполнитель:", &requisites(&doc.seller)));
    body.push_str(&labelled("Заказчик:", &requisites(&doc.buyer)));
    if let Some(no) = &doc.contract_no {
        let date = doc
            .contract_date
            .map(|d| format!(" от {}", ru_date(d)))
            .unwrap_or_default();
        body.push_str(&labelled("Основание:", &format!("Договор № {no}{date}")));
    }
    body.push_str(&service_table(doc));
    body.push_str(&totals(doc));
    body.push_str(&paragraph(
        "Gap",
        &format!(
            "Всего оказано услуг 1, на сумму {} {}",
            ru_amount(doc.amount),
            currency_word(&doc.currency)
        ),
    ));
    body.push_str(&paragraph("Words", &doc.amount_words));
    if let Some(note) = &doc.conversion_note {
        body.push_str(&paragraph("Gap", note));
    }
    body.push_str(&paragraph(
        "Rule",
        "Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по объёму, \
         качеству и срокам оказания услуг не имеет.",
    ));
    body.push_str(&signatures(doc));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" \
         xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" \
         office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n\
         {STYLES}<office:body>\n<office:text>\n{body}</office:text>\n</office:body>\n</office:document>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerbook_core::documents::sample;

    #[test]
    fn the_act_carries_its_figures_and_escapes_quotes() {
        let text = act_fodt(&sample::act(true));
        assert!(text.contains("Акт № 2026-0007 от 30 ноября 2026 г."));
        assert!(text.contains("ООО &quot;Облачные решения&quot;"));
        assert!(text.contains("В том числе НДС (22 %): 901,64"));
        assert!(text.contains("Пять тысяч рублей 00 копеек"));
        assert!(text.contains("Кузнецов П. А."));
        assert!(!act_fodt(&sample::act(false)).contains("НДС ("));
    }
}
