//! The TrueType container (sfnt: a directory of tables) and the one change the documents
//! make to DejaVu before embedding it: the `name` table loses the license's full text
//! (name ID 13, 14 KB in each face), which the PDF subset would otherwise carry in every
//! document. The copyright notice (ID 0) and the license's address (ID 14) stay, and the
//! license itself is `crates/core/fonts/LICENSE`. Glyphs and metrics are untouched.

/// The name ID of the license description.
const LICENSE_TEXT: u16 = 13;

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The font without the license text in its `name` table; `None` when the font is not
/// laid out as expected (the caller then embeds it as it is).
pub fn without_license_text(font: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = usize::try_from(u32_at(font, record + 8)?).ok()?;
        let length = usize::try_from(u32_at(font, record + 12)?).ok()?;
        let data = font.get(offset..offset.checked_add(length)?)?;
        let data = if &tag == b"name" {
            name_without(data, LICENSE_TEXT)?
        } else {
            data.to_vec()
        };
        tables.push((tag, data));
    }
    assemble(font.get(0..12)?, tables)
}

/// A format-0 `name` table without the records of `name_id`.
fn name_without(table: &[u8], name_id: u16) -> Option<Vec<u8>> {
    if u16_at(table, 0)? != 0 {
        return None;
    }
    let count = usize::from(u16_at(table, 2)?);
    let storage = usize::from(u16_at(table, 4)?);
    let mut records = Vec::new();
    let mut strings = Vec::new();
    for i in 0..count {
        let at = 6 + 12 * i;
        let ids = table.get(at..at + 6)?;
        if u16_at(table, at + 6)? == name_id {
            continue;
        }
        let length = usize::from(u16_at(table, at + 8)?);
        let offset = storage + usize::from(u16_at(table, at + 10)?);
        let text = table.get(offset..offset + length)?;
        records.extend_from_slice(ids);
        records.extend_from_slice(&u16_at(table, at + 6)?.to_be_bytes());
        records.extend_from_slice(&u16::try_from(length).ok()?.to_be_bytes());
        records.extend_from_slice(&u16::try_from(strings.len()).ok()?.to_be_bytes());
        strings.extend_from_slice(text);
    }
    let kept = records.len() / 12;
    let mut out = Vec::with_capacity(6 + records.len() + strings.len());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&u16::try_from(kept).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(6 + records.len()).ok()?.to_be_bytes());
    out.extend_from_slice(&records);
    out.extend_from_slice(&strings);
    Some(out)
}

/// The sum of a table's big-endian 32-bit words (the last one padded with zeros).
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A font file from its header (version and search fields) and tables, each table
/// 4-byte aligned, with fresh checksums and the `head` table's whole-file adjustment.
fn assemble(header: &[u8], mut tables: Vec<([u8; 4], Vec<u8>)>) -> Option<Vec<u8>> {
    let directory = 12 + 16 * tables.len();
    let mut head_at = None;
    let mut offset = directory;
    let mut entries = Vec::with_capacity(16 * tables.len());
    for (tag, data) in &mut tables {
        if tag == b"head" {
            // checkSumAdjustment is counted as zero, then set for the whole file.
            data.get_mut(8..12)?.copy_from_slice(&[0; 4]);
            head_at = Some(offset);
        }
        entries.extend_from_slice(tag);
        entries.extend_from_slice(&checksum(data).to_be_bytes());
        entries.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        entries.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    let mut out = Vec::with_capacity(offset);
    out.extend_from_slice(header);
    out.extend_from_slice(&entries);
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
    let head = head_at?;
    out.get_mut(head + 8..head + 12)?
        .copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");

    /// `(name id, text length)` of every record of the font's `name` table.
    fn names(font: &[u8]) -> Vec<(u16, u16)> {
        let count = usize::from(u16_at(font, 4).expect("tables"));
        let record = (0..count)
            .map(|i| 12 + 16 * i)
            .find(|r| &font[*r..*r + 4] == b"name")
            .expect("a name table");
        let at = u32_at(font, record + 8).expect("offset") as usize;
        let n = usize::from(u16_at(font, at + 2).expect("count"));
        (0..n)
            .map(|i| {
                let r = at + 6 + 12 * i;
                let id = u16_at(font, r + 6).expect("id");
                (id, u16_at(font, r + 8).expect("length"))
            })
            .collect()
    }

    #[test]
    fn drops_only_the_license_text() {
        let trimmed = without_license_text(REGULAR).expect("DejaVu is a plain TrueType font");
        assert!(trimmed.len() + 14_000 < REGULAR.len());
        let before = names(REGULAR);
        let after = names(&trimmed);
        assert!(before.iter().any(|(id, _)| *id == 13));
        assert!(after.iter().all(|(id, _)| *id != 13));
        let kept: Vec<_> = before.into_iter().filter(|(id, _)| *id != 13).collect();
        assert_eq!(after, kept);
        // The whole file sums to the magic number, as a valid font does.
        assert_eq!(checksum(&trimmed), 0xB1B0_AFBA);
        let parsed = printpdf::ParsedFont::from_bytes(&trimmed, 0, &mut Vec::new())
            .expect("the trimmed font parses");
        let original =
            printpdf::ParsedFont::from_bytes(REGULAR, 0, &mut Vec::new()).expect("the font parses");
        for c in "Акт № 2026-0007 от 30.11.2026 ₽".chars() {
            let glyph = original.lookup_glyph_index(u32::from(c));
            assert_eq!(parsed.lookup_glyph_index(u32::from(c)), glyph);
            let glyph = glyph.unwrap_or(0);
            assert_eq!(
                parsed.get_horizontal_advance(glyph),
                original.get_horizontal_advance(glyph)
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_font() {
        assert_eq!(without_license_text(b"not a font"), None);
        assert_eq!(without_license_text(&REGULAR[..100]), None);
    }
}
