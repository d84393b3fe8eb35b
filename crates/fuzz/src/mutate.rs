//! Mutations of bytes and of text rows: each takes the input and a seeded RNG and returns
//! the changed input. [`mutate`] picks one to three of them at random.

use rand::rngs::StdRng;
use rand::Rng;

/// Texts that break naive readers: long, odd Unicode, control characters, separators,
/// quotes, numbers at their limits.
const ODD: &[&str] = &[
    "\"",
    "\"\"\"",
    ";,;,",
    "\r",
    "\0",
    "\u{feff}",
    "\u{202e}",
    "\u{0301}",
    "Ж",
    "👩‍👩‍👧‍👦",
    "\u{fffd}",
    "\u{2212}",
    "\u{a0}",
    "9999999999999999999999999999999",
    "-0",
    "1e400",
    "79228162514264337593543950336",
    "00.00.0000",
    "29.02.2100",
    "2026-13-45",
    "NaN",
    "=HYPERLINK(\"x\")",
    "<?xml",
    "]]>",
    "&#0;",
    "1CClientBankExchange",
    "КонецФайла",
    "СекцияДокумент=",
    "Сумма=",
];

/// The most a mutated input may weigh: far beyond any field or row a reader meets, small
/// enough that a reader slower than 2 s on it is slow, not just fed a gigabyte (a huge
/// field repeated a thousand times made inputs of hundreds of megabytes).
pub const MAX_INPUT: usize = 4 * 1024 * 1024;

/// One to three mutations of `input`; `rows` says the input is text made of lines (a table
/// or a statement), so row mutations apply too. `other` is another input to splice from.
/// The result is cut at [`MAX_INPUT`].
pub fn mutate(input: &[u8], other: &[u8], rows: bool, rng: &mut StdRng) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..rng.random_range(1..=3) {
        bytes.truncate(MAX_INPUT);
        let choices = if rows { 12 } else { 8 };
        bytes = match rng.random_range(0..choices) {
            0 => flip_bits(bytes, rng),
            1 => insert_bytes(bytes, rng),
            2 => delete_bytes(bytes, rng),
            3 => truncate(bytes, rng),
            4 => splice(&bytes, other, rng),
            5 => odd_text(bytes, rng),
            6 => overwrite_interesting(bytes, rng),
            7 => repeat_chunk(bytes, rng),
            8 => duplicate_row(&bytes, rng),
            9 => replace_field(&bytes, rng),
            10 => reencode(&bytes, rng),
            _ => splice_rows(&bytes, other, rng),
        };
    }
    bytes.truncate(MAX_INPUT);
    bytes
}

fn at(bytes: &[u8], rng: &mut StdRng) -> usize {
    rng.random_range(0..=bytes.len())
}

pub fn flip_bits(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    if bytes.is_empty() {
        return bytes;
    }
    for _ in 0..rng.random_range(1..=8) {
        let i = rng.random_range(0..bytes.len());
        bytes[i] ^= 1 << rng.random_range(0..8);
    }
    bytes
}

pub fn insert_bytes(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    let i = at(&bytes, rng);
    let n = rng.random_range(1..=16);
    let new: Vec<u8> = (0..n).map(|_| rng.random()).collect();
    bytes.splice(i..i, new);
    bytes
}

pub fn delete_bytes(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    let i = at(&bytes, rng);
    let end = (i + rng.random_range(1..=64)).min(bytes.len());
    bytes.drain(i..end);
    bytes
}

pub fn truncate(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    let i = at(&bytes, rng);
    bytes.truncate(i);
    bytes
}

/// The start of one input and the end of the other.
pub fn splice(bytes: &[u8], other: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let mut out = bytes[..at(bytes, rng)].to_vec();
    out.extend_from_slice(&other[at(other, rng)..]);
    out
}

/// An odd text, or a long run of one, put in at a random place.
pub fn odd_text(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    let i = at(&bytes, rng);
    bytes.splice(i..i, odd_value(rng).into_bytes());
    bytes
}

/// A value for a field: an odd text, a huge one (up to a megabyte), or control characters.
pub fn odd_value(rng: &mut StdRng) -> String {
    let odd = ODD[rng.random_range(0..ODD.len())];
    match rng.random_range(0..6) {
        0 => odd.repeat(rng.random_range(1..=100_000)),
        1 => (0..rng.random_range(1..64))
            .map(|_| char::from(rng.random_range(0u8..32)))
            .collect(),
        2 => (0..rng.random_range(1..64))
            .filter_map(|_| char::from_u32(rng.random_range(0x80..0x11_0000)))
            .collect(),
        _ => odd.to_owned(),
    }
}

/// Bytes at the edges: 0, 0xFF, 0x7F, 0x80 written over the input.
pub fn overwrite_interesting(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    const EDGES: [u8; 8] = [0, 0xFF, 0x7F, 0x80, b'\n', b'"', b';', b'='];
    for _ in 0..rng.random_range(1..=4) {
        if bytes.is_empty() {
            break;
        }
        let i = rng.random_range(0..bytes.len());
        bytes[i] = EDGES[rng.random_range(0..EDGES.len())];
    }
    bytes
}

/// How many copies of `piece` bytes an input of `len` bytes can take in and stay within
/// [`MAX_INPUT`] (at least one): a mutation never builds more than it keeps (a 4 MB line
/// repeated a thousand times made 4 GB before being cut).
fn room(len: usize, piece: usize) -> usize {
    (MAX_INPUT.saturating_sub(len) / piece.max(1)).max(1)
}

/// A chunk of the input repeated many times in place.
pub fn repeat_chunk(mut bytes: Vec<u8>, rng: &mut StdRng) -> Vec<u8> {
    let i = at(&bytes, rng);
    let end = (i + rng.random_range(1..=32)).min(bytes.len());
    let times = rng.random_range(2..=1000).min(room(bytes.len(), end - i));
    let chunk = bytes[i..end].repeat(times);
    bytes.splice(i..i, chunk);
    bytes
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|b| *b == b'\n').collect()
}

/// One line repeated in place, up to a thousand times.
pub fn duplicate_row(bytes: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let lines = lines(bytes);
    if lines.is_empty() {
        return bytes.to_vec();
    }
    let i = rng.random_range(0..lines.len());
    let times = if rng.random_bool(0.9) { 2 } else { 1000 };
    let times = times.min(room(bytes.len(), lines[i].len()));
    let mut out = Vec::with_capacity(bytes.len() + lines[i].len() * times);
    for (n, line) in lines.iter().enumerate() {
        for _ in 0..if n == i { times } else { 1 } {
            out.extend_from_slice(line);
        }
    }
    out
}

/// One field of one line (split at `,`, `;` or `=`) replaced by an odd value.
pub fn replace_field(bytes: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let lines = lines(bytes);
    if lines.is_empty() {
        return bytes.to_vec();
    }
    let i = rng.random_range(0..lines.len());
    let line = lines[i];
    let cuts: Vec<usize> = line
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b',' | b';' | b'='))
        .map(|(n, _)| n)
        .collect();
    let end_of_line = line
        .iter()
        .position(|b| *b == b'\r' || *b == b'\n')
        .unwrap_or(line.len());
    let field = rng.random_range(0..=cuts.len());
    let start = if field == 0 { 0 } else { cuts[field - 1] + 1 };
    let end = cuts.get(field).copied().unwrap_or(end_of_line).max(start);
    let mut out = Vec::with_capacity(bytes.len() + 64);
    for line in &lines[..i] {
        out.extend_from_slice(line);
    }
    out.extend_from_slice(&line[..start]);
    out.extend_from_slice(odd_value(rng).as_bytes());
    out.extend_from_slice(&line[end..]);
    for line in &lines[i + 1..] {
        out.extend_from_slice(line);
    }
    out
}

/// The text in another encoding: Windows-1251, UTF-16 (either order, with or without a
/// byte order mark), KOI8-R, or with a UTF-8 byte order mark.
pub fn reencode(bytes: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    match rng.random_range(0..5) {
        0 => encoding_rs::WINDOWS_1251.encode(&text).0.into_owned(),
        1 => encoding_rs::KOI8_R.encode(&text).0.into_owned(),
        2 => {
            let mut out = vec![0xFF, 0xFE];
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        3 => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => {
            let mut out = b"\xEF\xBB\xBF".to_vec();
            out.extend_from_slice(bytes);
            out
        }
    }
}

/// The lines of one input with lines of the other put in among them.
pub fn splice_rows(bytes: &[u8], other: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let mine = lines(bytes);
    let theirs = lines(other);
    let mut out = Vec::with_capacity(bytes.len() + other.len());
    for line in &mine {
        out.extend_from_slice(line);
        if !theirs.is_empty() && rng.random_bool(0.3) {
            out.extend_from_slice(theirs[rng.random_range(0..theirs.len())]);
        }
    }
    out
}
