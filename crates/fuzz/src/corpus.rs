//! The inputs mutations start from: the repository's table fixtures (`tests/fixtures`),
//! workbooks and EDO packages made from them here, a bank statement, and a title with its
//! signatures made once by OpenSSL's gost engine (`crates/fuzz/corpus`).

use std::io::Write;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

/// The seeds of every target.
pub struct Corpus {
    /// CSV files, as read from the fixtures.
    pub csv: Vec<Vec<u8>>,
    /// XLSX workbooks (billing, partners, clients tables).
    pub xlsx: Vec<Vec<u8>>,
    /// Single cell texts: amounts, dates, yes/no, categories, operation types.
    pub cells: Vec<String>,
    /// 1CClientBankExchange statements (UTF-8 and Windows-1251).
    pub statements: Vec<Vec<u8>>,
    /// EDO packages as `.zip` bytes.
    pub packages: Vec<Vec<u8>>,
    /// (document, detached signature) pairs.
    pub signatures: Vec<(Vec<u8>, Vec<u8>)>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_in(dir: &Path, extension: &str, into: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_in(&path, extension, into);
        } else if path.extension().is_some_and(|e| e == extension) {
            if let Ok(bytes) = std::fs::read(&path) {
                into.push(bytes);
            }
        }
    }
}

impl Corpus {
    /// Reads the fixtures and builds the rest; the same every time.
    pub fn load() -> Corpus {
        let root = repo_root();
        let mut csv = Vec::new();
        files_in(&root.join("tests/fixtures"), "csv", &mut csv);
        let xlsx = csv
            .iter()
            .take(12)
            .filter_map(|file| workbook(file))
            .collect();
        let own = root.join("crates/fuzz/corpus");
        let title = std::fs::read(own.join("title.xml")).unwrap_or_default();
        let mut signatures = Vec::new();
        for bits in [256, 512] {
            if let Ok(signature) = std::fs::read(own.join(format!("title.xml.{bits}.sig"))) {
                signatures.push((title.clone(), signature));
            }
        }
        let packages = signatures
            .iter()
            .map(|(doc, sig)| package_zip(doc, sig))
            .collect();
        Corpus {
            csv,
            xlsx,
            cells: CELLS.iter().map(|c| (*c).to_owned()).collect(),
            statements: vec![
                STATEMENT.as_bytes().to_vec(),
                encoding_rs::WINDOWS_1251.encode(STATEMENT).0.into_owned(),
            ],
            packages,
            signatures,
        }
    }
}

const CELLS: &[&str] = &[
    "12345.67",
    "-12 345,67",
    "1\u{a0}234\u{202f}567,5",
    "\u{2212}0.01",
    "99999999999999999999999999999",
    "2026-03-31",
    "1.2.2026",
    "31.12.2026",
    "да",
    "False",
    "истина",
    "tariff",
    "смс",
    "прочее",
    "оплата",
    "refund",
];

/// A statement of one account and two documents, CRLF line ends.
const STATEMENT: &str = "1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=Windows\r\n\
Отправитель=Бухгалтерия предприятия\r\nПолучатель=\r\nДатаСоздания=13.03.2026\r\n\
ВремяСоздания=10:00:00\r\nДатаНачала=01.03.2026\r\nДатаКонца=31.03.2026\r\n\
РасчСчет=40702810000000000777\r\nДокумент=Платежное поручение\r\nСекцияРасчСчет\r\n\
ДатаНачала=01.03.2026\r\nДатаКонца=31.03.2026\r\nРасчСчет=40702810000000000777\r\n\
НачальныйОстаток=1000000.00\r\nВсегоПоступило=0.00\r\nВсегоСписано=11100.00\r\n\
КонечныйОстаток=988900.00\r\nКонецРасчСчет\r\nСекцияДокумент=Платежное поручение\r\n\
Номер=1\r\nДата=12.03.2026\r\nСумма=5000.00\r\nПлательщикСчет=40702810000000000777\r\n\
ПлательщикИНН=7707083893\r\nПлательщик1=ООО «Вендор»\r\n\
ПолучательСчет=40702810938000000001\r\nПолучательИНН=7701234567\r\nПолучатель1=ООО «А»\r\n\
НазначениеПлатежа=Вознаграждение по акту № 2026-0001 от 10.03.2026. Без НДС\r\n\
ДатаСписано=13.03.2026\r\nКонецДокумента\r\nСекцияДокумент=Платежное поручение\r\n\
Номер=2\r\nДата=12.03.2026\r\nСумма=6100.00\r\nПлательщикСчет=40702810000000000777\r\n\
ПолучательСчет=40702810938000000001\r\nНазначениеПлатежа=по акту № 2026-0002\r\n\
ДатаСписано=13.03.2026\r\nКонецДокумента\r\nКонецФайла\r\n";

/// The CSV fixture as a one-sheet workbook of text cells (its `,` or `;` split naively).
fn workbook(csv: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(csv).ok()?;
    let separator = if text.lines().next()?.contains(';') {
        ';'
    } else {
        ','
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (row, line) in text.lines().enumerate() {
        for (column, value) in line.split(separator).enumerate() {
            let (row, column) = (u32::try_from(row).ok()?, u16::try_from(column).ok()?);
            match value.parse::<f64>() {
                Ok(number) if value.len() < 12 => sheet.write_number(row, column, number),
                _ => sheet.write_string(row, column, value),
            }
            .ok()?;
        }
    }
    book.save_to_buffer().ok()
}

/// The name of the seller's title in the packages.
pub const TITLE: &str = "ON_NSCHFDOPPR_2BE_2BE_20261205_fuzz.xml";

/// An EDO package: the title, its signature and an operator's receipt.
pub fn package_zip(title: &[u8], signature: &[u8]) -> Vec<u8> {
    zip_of(&[
        (TITLE.to_owned(), title.to_vec()),
        (format!("{TITLE}.sig"), signature.to_vec()),
        ("receipt.xml".to_owned(), b"<receipt ok=\"1\"/>".to_vec()),
    ])
}

/// A zip of `entries` (deflated); a name too long for the format leaves its entry out.
pub fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        // The writer panics on a name longer than the format holds.
        if name.len() > usize::from(u16::MAX) / 2 {
            continue;
        }
        if zip.start_file(name.as_str(), options).is_err() || zip.write_all(bytes).is_err() {
            break;
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// The entries of a zip (names and bytes); empty when it is not one.
pub fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            continue;
        };
        let name = entry.name().to_owned();
        let mut data = Vec::new();
        if std::io::Read::read_to_end(&mut std::io::Read::take(&mut entry, 64 << 20), &mut data)
            .is_ok()
        {
            entries.push((name, data));
        }
    }
    entries
}
