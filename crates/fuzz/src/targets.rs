//! The readers of untrusted bytes, one function each, and how each target's inputs are
//! made from the corpus. A target returns nothing: errors are the readers' answer to bad
//! input and are fine; only a panic (or a slow input) is a finding.

use partnerbook_core::import::table::{amount, date, read_table_bytes, text, yes_no, Cell};
use partnerbook_core::import::{columns_of, ImportKind};
use partnerbook_core::money::to_minor;
use partnerbook_core::programs::Category;
use rand::rngs::StdRng;
use rand::Rng;

use crate::corpus::Corpus;
use crate::mutate::mutate;
use crate::xlsx::mutate_zip;

/// What is fuzzed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A CSV table read through, header matched for each kind of import, every cell read
    /// as an amount, a date, yes/no and a category.
    Csv,
    /// The same for an XLSX workbook.
    Xlsx,
    /// One cell's text through every value parser of the imports.
    Cell,
    /// A 1CClientBankExchange statement.
    Statement,
    /// An EDO package (`act import-signed`): the zip, the titles, the signatures verified.
    Package,
    /// A detached CMS signature over a title.
    Signature,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Csv,
        Target::Xlsx,
        Target::Cell,
        Target::Statement,
        Target::Package,
        Target::Signature,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Csv => "csv",
            Target::Xlsx => "xlsx",
            Target::Cell => "cell",
            Target::Statement => "statement",
            Target::Package => "package",
            Target::Signature => "signature",
        }
    }

    /// The target of this name (`csv`, `xlsx`, …).
    pub fn named(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// How often the target is chosen, out of [`Target::weights_total`]: the cheap readers
    /// more often than a workbook.
    fn weight(self) -> u32 {
        match self {
            Target::Csv => 25,
            Target::Xlsx => 4,
            Target::Cell => 40,
            Target::Statement => 20,
            Target::Package => 4,
            Target::Signature => 7,
        }
    }

    /// A target chosen by weight.
    pub fn pick(rng: &mut StdRng) -> Target {
        let total: u32 = Target::ALL.iter().map(|t| t.weight()).sum();
        let mut n = rng.random_range(0..total);
        for target in Target::ALL {
            if n < target.weight() {
                return target;
            }
            n -= target.weight();
        }
        Target::Cell
    }

    /// A mutated input for this target.
    pub fn input(self, corpus: &Corpus, rng: &mut StdRng) -> Vec<u8> {
        fn two<'a>(items: &'a [Vec<u8>], rng: &mut StdRng) -> (&'a [u8], &'a [u8]) {
            if items.is_empty() {
                return (&[], &[]);
            }
            let a = &items[rng.random_range(0..items.len())];
            let b = &items[rng.random_range(0..items.len())];
            (a, b)
        }
        match self {
            Target::Csv => {
                let (a, b) = two(&corpus.csv, rng);
                mutate(a, b, true, rng)
            }
            Target::Xlsx => {
                let (a, b) = two(&corpus.xlsx, rng);
                mutate_zip(a, b, rng)
            }
            Target::Cell => {
                let a = corpus.cells[rng.random_range(0..corpus.cells.len())].as_bytes();
                let b = corpus.cells[rng.random_range(0..corpus.cells.len())].as_bytes();
                mutate(a, b, false, rng)
            }
            Target::Statement => {
                let (a, b) = two(&corpus.statements, rng);
                mutate(a, b, true, rng)
            }
            Target::Package => {
                let (a, b) = two(&corpus.packages, rng);
                mutate_zip(a, b, rng)
            }
            Target::Signature => {
                if corpus.signatures.is_empty() {
                    return Vec::new();
                }
                let (doc, sig) = &corpus.signatures[rng.random_range(0..corpus.signatures.len())];
                let (_, other) = &corpus.signatures[rng.random_range(0..corpus.signatures.len())];
                // The document is the first byte's worth of choice: mostly the signed one.
                let sig = mutate(sig, other, false, rng);
                let mut input = Vec::with_capacity(doc.len() + sig.len() + 4);
                let doc_len = if rng.random_bool(0.9) {
                    doc.len()
                } else {
                    rng.random_range(0..=doc.len())
                };
                input.extend_from_slice(&u32::try_from(doc_len).unwrap_or(0).to_le_bytes());
                input.extend_from_slice(&doc[..doc_len]);
                input.extend_from_slice(&sig);
                input
            }
        }
    }

    /// Feeds `input` to the reader.
    pub fn run(self, input: &[u8]) {
        match self {
            Target::Csv => table(input, false),
            Target::Xlsx => table(input, true),
            Target::Cell => cell(input),
            Target::Statement => {
                let _ = partnerbook_core::documents::read_bank_statement(input);
            }
            Target::Package => package(input),
            Target::Signature => {
                let (doc, sig) = split_signature_input(input);
                let _ = partnerbook_signature::verify_detached(doc, sig);
            }
        }
    }
}

/// A signature target's input: the document's length (4 bytes, little-endian), the
/// document, the signature.
fn split_signature_input(input: &[u8]) -> (&[u8], &[u8]) {
    let Some((len, rest)) = input.split_first_chunk::<4>() else {
        return (&[], input);
    };
    let len = (u32::from_le_bytes(*len) as usize).min(rest.len());
    rest.split_at(len)
}

const KINDS: [ImportKind; 3] = [
    ImportKind::Partners,
    ImportKind::Clients,
    ImportKind::Billing,
];

/// Reads the table through: the header matched for each kind, every cell parsed.
fn table(input: &[u8], xlsx: bool) {
    let table = match read_table_bytes(input.to_vec(), xlsx, None) {
        Ok(table) => table,
        Err(error) => return reader_alive(&error),
    };
    for kind in KINDS {
        let _ = partnerbook_core::import::table::match_leniently(table.headers(), columns_of(kind));
    }
    let _ = (table.encoding(), table.separator(), table.header_row());
    let total = table.total_bytes();
    let mut table = table;
    while let Some(row) = table.next_row() {
        let _ = table.bytes_read().min(total);
        match row {
            Ok(row) => row.cells.iter().for_each(parse_cell),
            Err(error) => reader_alive(&error),
        }
    }
}

/// The XLSX reader's thread ending without a word (a panic it did not catch) is a finding.
fn reader_alive(error: &partnerbook_core::Error) {
    let text = error.to_string();
    assert!(
        !text.contains("the reader stopped"),
        "the XLSX reader's thread died: {text}"
    );
}

fn cell(input: &[u8]) {
    let text = String::from_utf8_lossy(input).into_owned();
    parse_cell(&Cell::Text(text.clone()));
    parse_cell(&Cell::Number(text));
}

/// Every parser an import applies to a cell.
fn parse_cell(cell: &Cell) {
    let _ = text(cell);
    if let Ok(Some(value)) = amount(cell) {
        let _ = to_minor(value);
    }
    let _ = date(cell);
    let _ = yes_no(cell);
    if let Some(value) = text(cell) {
        let _ = Category::parse(&value);
    }
}

/// An EDO package: read, then each title's signature verified as `act import-signed` does.
fn package(input: &[u8]) {
    let Ok(package) = partnerbook_core::acts::read_package_bytes("package.zip", input) else {
        return;
    };
    for file in std::iter::once(&package.seller).chain(package.buyer.as_ref()) {
        let _ = partnerbook_signature::verify_detached(&file.bytes, &file.signature);
    }
}
