//! The stamp EDO operators print on a signed document: a framed block saying that the
//! document was signed with an electronic signature, with the certificate's serial
//! number, its owner and organisation, its validity and the signing time.

use super::fonts::Style;
use super::layout::{Align, Sheet};
use crate::documents::model::ActSignature;

const TEXT: Style = Style::regular(7.5);
const HEAD: Style = Style::bold(7.5);
const PAD: f32 = 4.0;

/// The stamp's lines, Moscow time.
pub fn stamp_lines(s: &ActSignature) -> Vec<String> {
    let mut lines = vec![
        format!("Сертификат: {}", s.serial),
        format!("Владелец: {}", s.signer),
    ];
    if let Some(organization) = &s.organization {
        let inn = s
            .inn
            .as_ref()
            .map(|inn| format!(", ИНН {inn}"))
            .unwrap_or_default();
        lines.push(format!("Организация: {organization}{inn}"));
    }
    lines.push(format!(
        "Действителен: с {} по {}",
        s.valid_from.format("%d.%m.%Y"),
        s.valid_to.format("%d.%m.%Y")
    ));
    lines.push(format!(
        "Подписан: {} (МСК)",
        s.signed_at.format("%d.%m.%Y %H:%M")
    ));
    lines
}

/// The room a stamp takes in a column of `width`.
pub fn stamp_height(sheet: &Sheet, s: &ActSignature, width: f32) -> f32 {
    let inner = width - 2.0 * PAD;
    let rows = |style: Style, line: &str| sheet.typeface().wrap(style, line, inner).len().max(1);
    let body: usize = stamp_lines(s).iter().map(|line| rows(TEXT, line)).sum();
    rows(HEAD, HEAD_TEXT) as f32 * HEAD.line_height() + body as f32 * TEXT.line_height() + 2.0 * PAD
}

const HEAD_TEXT: &str = "Документ подписан электронной подписью";

/// Draws the stamp at the cursor in the column `x..x + width`; the cursor ends below it.
/// The caller keeps the room ([`stamp_height`]) on the page.
pub fn stamp(sheet: &mut Sheet, x: f32, width: f32, s: &ActSignature) {
    let top = sheet.y();
    sheet.gap(PAD);
    let inner = width - 2.0 * PAD;
    sheet.paragraph_in(x + PAD, inner, HEAD, Align::Left, HEAD_TEXT);
    for line in stamp_lines(s) {
        sheet.paragraph_in(x + PAD, inner, TEXT, Align::Left, &line);
    }
    sheet.gap(PAD);
    let bottom = sheet.y();
    let right = x + width;
    sheet.line(x, top, right, top);
    sheet.line(right, top, right, bottom);
    sheet.line(right, bottom, x, bottom);
    sheet.line(x, bottom, x, top);
}
