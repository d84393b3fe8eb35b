//! Mutations of zip containers (XLSX workbooks and EDO packages): an entry's XML or bytes
//! mutated and the zip written again, entries renamed, dropped or added, and zip bombs —
//! small files whose entries inflate to up to 16 MB of XML — to check the readers'
//! limits.

use rand::rngs::StdRng;
use rand::Rng;

use crate::corpus::{zip_entries, zip_of};
use crate::mutate::{mutate, odd_value};

/// One mutation of a zip: often of one entry's content, sometimes of its names or of the
/// archive's bytes, rarely a bomb.
pub fn mutate_zip(input: &[u8], other: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let mut entries = zip_entries(input);
    if entries.is_empty() || rng.random_bool(0.15) {
        return mutate(input, other, false, rng);
    }
    match rng.random_range(0..100) {
        0..=59 => {
            let i = rng.random_range(0..entries.len());
            let from = entries[rng.random_range(0..entries.len())].1.clone();
            entries[i].1 = mutate(&entries[i].1, &from, true, rng);
        }
        60..=74 => {
            let i = rng.random_range(0..entries.len());
            entries[i].0 = rename(&entries[i].0, rng);
        }
        75..=84 => {
            let i = rng.random_range(0..entries.len());
            if rng.random_bool(0.5) {
                entries.remove(i);
            } else {
                let copy = entries[i].clone();
                entries.push(copy);
            }
        }
        85..=96 => {
            let i = rng.random_range(0..entries.len());
            entries[i].1 = bomb_content(&entries[i].0, rng);
        }
        _ => return bomb_zip(rng),
    }
    zip_of(&entries)
}

/// A name changed: odd text put into it, its case changed, its extension doubled.
fn rename(name: &str, rng: &mut StdRng) -> String {
    match rng.random_range(0..4) {
        0 => {
            let cut = name
                .char_indices()
                .map(|(i, _)| i)
                .nth(rng.random_range(0..name.chars().count().max(1)))
                .unwrap_or(0);
            format!("{}{}{}", &name[..cut], odd_value(rng), &name[cut..])
        }
        1 => name.to_uppercase(),
        2 => format!(
            "{name}.{}",
            ["sig", "SGN", "p7s", "xml"][rng.random_range(0..4)]
        ),
        _ => {
            // A multi-byte letter where the name's last dot was: ends and lengths shift.
            name.replacen('.', "ж", 1)
        }
    }
}

/// Content that inflates far beyond its compressed size: the XML the entry is expected to
/// hold, with one part repeated.
fn bomb_content(name: &str, rng: &mut StdRng) -> Vec<u8> {
    let megabytes = rng.random_range(1..=16);
    let target = megabytes << 20;
    let (head, unit, tail): (&str, &str, &str) = if name.contains("sharedStrings") {
        (
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            "<si><t>a</t></si>",
            "</sst>",
        )
    } else if name.contains("worksheets") {
        match rng.random_range(0..3) {
            0 => ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "A", "</t></is></c></row></sheetData></worksheet>"),
            1 => ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">", "<c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c>", "</row></sheetData></worksheet>"),
            _ => ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>", "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", "</sheetData></worksheet>"),
        }
    } else {
        ("<x>", "<!-- bomb -->", "</x>")
    };
    let mut out = Vec::with_capacity(target + head.len() + tail.len());
    out.extend_from_slice(head.as_bytes());
    while out.len() < target {
        out.extend_from_slice(unit.as_bytes());
    }
    out.extend_from_slice(tail.as_bytes());
    out
}

/// A zip of one huge entry of zeros.
fn bomb_zip(rng: &mut StdRng) -> Vec<u8> {
    let size = rng.random_range(1..=16) << 20;
    zip_of(&[("xl/worksheets/sheet1.xml".to_owned(), vec![0; size])])
}
