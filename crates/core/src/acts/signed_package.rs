//! What an EDO operator exports for one document (FORMATS.md "Signed acts from EDO"): a
//! `.zip` or a folder with the seller's title this book made (`ON_NSCHFDOPPR_….xml`)
//! and its detached signature (the same name plus `.sig`, `.sgn` or `.p7s`), optionally
//! the buyer's title (`ON_NSCHFDOPPOK_….xml`, naming the seller's file in
//! `ИдФайлИнфПр`) and its signature, and anything else (operator receipts), ignored.
//! Reading it is pure apart from the files: nothing here looks at the book.

use std::io::Read;
use std::path::Path;

use encoding_rs::WINDOWS_1251;

use crate::{Error, Result};

/// The extensions of a detached signature file.
const SIGNATURE_EXTENSIONS: [&str; 3] = ["sig", "sgn", "p7s"];
/// A package is a handful of small files; more than this is not an EDO package.
const MAX_FILES: usize = 1000;
/// The largest file read from a package (an act's title is a few kilobytes).
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A signed file of the package and its signature file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub signature_name: String,
    pub signature: Vec<u8>,
}

/// The titles of one document with their signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The seller's title's `ИдФайл`.
    pub file_id: String,
    pub seller: SignedFile,
    pub buyer: Option<SignedFile>,
}

fn refused(code: &'static str, ru: String, en: String) -> Error {
    Error::refused(code, ru, en)
}

/// Reads the package at `path`: a `.zip` file or a folder.
pub fn read_package(path: &Path) -> Result<Package> {
    let files = if path.is_dir() {
        folder_files(path)?
    } else {
        zip_files(path)?
    };
    package(files)
}

fn too_many(path: &Path) -> Error {
    refused(
        "package_unreadable",
        format!(
            "{}: больше {MAX_FILES} файлов — это не пакет ЭДО одного документа",
            path.display()
        ),
        format!(
            "{}: more than {MAX_FILES} files — not an EDO package of one document",
            path.display()
        ),
    )
}

fn too_large(name: &str) -> Error {
    refused(
        "package_unreadable",
        format!("файл {name} в пакете больше 20 МБ — это не титул ЭДО"),
        format!("the file {name} in the package is over 20 MB — not an EDO title"),
    )
}

fn folder_files(path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        if files.len() == MAX_FILES {
            return Err(too_many(path));
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.metadata()?.len() > MAX_FILE_BYTES {
            return Err(too_large(&name));
        }
        files.push((name, std::fs::read(entry.path())?));
    }
    Ok(files)
}

/// Reads a package that is a `.zip` held in memory (`name` stands for its path in the
/// messages).
pub fn read_package_bytes(name: &str, bytes: &[u8]) -> Result<Package> {
    package(zip_entries(Path::new(name), std::io::Cursor::new(bytes))?)
}

fn zip_files(path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    zip_entries(path, std::fs::File::open(path)?)
}

fn zip_entries(
    path: &Path,
    file: impl std::io::Read + std::io::Seek,
) -> Result<Vec<(String, Vec<u8>)>> {
    let not_zip = |e: &dyn std::fmt::Display| {
        refused(
            "package_unreadable",
            format!(
                "{} — не пакет ЭДО: нужен .zip или папка от оператора ({e})",
                path.display()
            ),
            format!(
                "{} is not an EDO package: a .zip or a folder from the operator is needed ({e})",
                path.display()
            ),
        )
    };
    let mut archive = zip::ZipArchive::new(file).map_err(|e| not_zip(&e))?;
    if archive.len() > MAX_FILES {
        return Err(too_many(path));
    }
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| not_zip(&e))?;
        if !entry.is_file() {
            continue;
        }
        let name = entry
            .name()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let mut bytes = Vec::new();
        // Read one byte past the limit: a bomb's declared size may lie.
        entry
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| not_zip(&e))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large(&name));
        }
        files.push((name, bytes));
    }
    Ok(files)
}

/// The value of the attribute `name="…"` in an EDO XML (Windows-1251, or UTF-8 when it
/// says so).
pub fn xml_attribute(bytes: &[u8], name: &str) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let utf8 = String::from_utf8_lossy(head)
        .to_lowercase()
        .contains("encoding=\"utf-8\"");
    let text = if utf8 {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        WINDOWS_1251
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    let key = format!("{name}=\"");
    let mut at = 0;
    while let Some(found) = text[at..].find(&key) {
        let start = at + found;
        let before = text[..start].chars().next_back();
        if before.is_some_and(char::is_whitespace) {
            let value = &text[start + key.len()..];
            return value.find('"').map(|end| value[..end].to_owned());
        }
        at = start + key.len();
    }
    None
}

fn is_title(name: &str, prefix: &str) -> bool {
    let upper = name.to_uppercase();
    upper.starts_with(prefix) && upper.ends_with(".XML")
}

/// The signature file of `name` among `files`.
fn signature_of<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a (String, Vec<u8>)> {
    files.iter().find(|(other, _)| {
        SIGNATURE_EXTENSIONS.iter().any(|ext| {
            // Compared as bytes: a name with a multi-byte letter where the title's name ends
            // must not be cut inside that letter (a panic the fuzz harness found).
            let other = other.as_bytes();
            other.len() == name.len() + ext.len() + 1
                && other[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && other[name.len() + 1..].eq_ignore_ascii_case(ext.as_bytes())
                && other[name.len()] == b'.'
        })
    })
}

fn signed(files: &[(String, Vec<u8>)], title: &(String, Vec<u8>)) -> Result<SignedFile> {
    let (name, bytes) = title;
    let Some((signature_name, signature)) = signature_of(files, name) else {
        return Err(refused(
            "package_no_signature",
            format!("в пакете нет подписи к {name}: ожидается {name}.sig, .sgn или .p7s"),
            format!("the package has no signature of {name}: {name}.sig, .sgn or .p7s is expected"),
        ));
    };
    Ok(SignedFile {
        name: name.clone(),
        bytes: bytes.clone(),
        signature_name: signature_name.clone(),
        signature: signature.clone(),
    })
}

/// The package among `files` (name, bytes).
pub fn package(files: Vec<(String, Vec<u8>)>) -> Result<Package> {
    let sellers: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| is_title(name, "ON_NSCHFDOPPR_"))
        .collect();
    let seller =
        match sellers.as_slice() {
            [one] => *one,
            [] => return Err(refused(
                "package_no_title",
                "в пакете нет титула продавца (ON_NSCHFDOPPR_….xml): это не пакет акта из книги"
                    .into(),
                "the package has no seller's title (ON_NSCHFDOPPR_….xml): not an act's package"
                    .into(),
            )),
            many => {
                return Err(refused(
                    "package_many_titles",
                    format!(
                        "в пакете {} титула продавца: загрузите пакеты по одному документу",
                        many.len()
                    ),
                    format!(
                    "the package holds {} seller's titles: load one document's package at a time",
                    many.len()
                ),
                ))
            }
        };
    let file_id = xml_attribute(&seller.1, "ИдФайл").ok_or_else(|| {
        refused(
            "package_no_title",
            format!("{}: в файле нет ИдФайл — это не титул УПД", seller.0),
            format!("{}: the file has no ИдФайл — not a УПД title", seller.0),
        )
    })?;
    let seller = signed(&files, seller)?;
    let buyers: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| is_title(name, "ON_NSCHFDOPPOK_"))
        .collect();
    let buyer = match buyers.as_slice() {
        [] => None,
        [one] => {
            let names = xml_attribute(&one.1, "ИдФайлИнфПр");
            if names.as_deref() != Some(file_id.as_str()) {
                return Err(refused(
                    "package_other_document",
                    format!(
                        "титул покупателя {} относится к другому файлу ({}), не к {file_id}",
                        one.0,
                        names.as_deref().unwrap_or("—")
                    ),
                    format!(
                        "the buyer's title {} is about another file ({}), not {file_id}",
                        one.0,
                        names.as_deref().unwrap_or("—")
                    ),
                ));
            }
            Some(signed(&files, one)?)
        }
        many => {
            return Err(refused(
                "package_many_titles",
                format!("в пакете {} титула покупателя", many.len()),
                format!("the package holds {} buyer's titles", many.len()),
            ))
        }
    };
    Ok(Package {
        file_id,
        seller,
        buyer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1251(text: &str) -> Vec<u8> {
        WINDOWS_1251.encode(text).0.into_owned()
    }

    const SELLER: &str = "ON_NSCHFDOPPR_2BE-V_2BE-P_20261205_abc.xml";

    fn seller_xml() -> Vec<u8> {
        cp1251("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Файл ИдФайл=\"ON_NSCHFDOPPR_2BE-V_2BE-P_20261205_abc\" ВерсФорм=\"5.03\"/>")
    }

    fn buyer_xml(names: &str) -> Vec<u8> {
        cp1251(&format!("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Файл ИдФайл=\"ON_NSCHFDOPPOK_x\" ИдФайлИнфПр=\"{names}\"/>"))
    }

    #[test]
    fn finds_the_titles_by_their_names_and_the_signatures_by_any_extension_and_case() {
        let files = vec![
            (SELLER.to_owned(), seller_xml()),
            (format!("{SELLER}.SGN"), b"sig1".to_vec()),
            (
                "ON_NSCHFDOPPOK_x.xml".to_owned(),
                buyer_xml(&SELLER[..SELLER.len() - 4]),
            ),
            ("ON_NSCHFDOPPOK_x.xml.p7s".to_owned(), b"sig2".to_vec()),
            ("receipt.xml".to_owned(), b"<r/>".to_vec()),
        ];
        let package = package(files).expect("a package");
        assert_eq!(package.file_id, "ON_NSCHFDOPPR_2BE-V_2BE-P_20261205_abc");
        assert_eq!(package.seller.signature, b"sig1");
        assert_eq!(package.buyer.expect("the buyer's title").signature, b"sig2");
    }

    #[test]
    fn a_title_without_its_signature_or_a_buyer_of_another_file_is_refused() {
        let alone = vec![(SELLER.to_owned(), seller_xml())];
        assert_eq!(
            package(alone).expect_err("no signature").code(),
            "package_no_signature"
        );
        let other = vec![
            (SELLER.to_owned(), seller_xml()),
            (format!("{SELLER}.sig"), b"s".to_vec()),
            (
                "ON_NSCHFDOPPOK_x.xml".to_owned(),
                buyer_xml("ON_NSCHFDOPPR_other"),
            ),
            ("ON_NSCHFDOPPOK_x.xml.sig".to_owned(), b"s".to_vec()),
        ];
        assert_eq!(
            package(other).expect_err("another file").code(),
            "package_other_document"
        );
        assert_eq!(
            package(vec![]).expect_err("empty").code(),
            "package_no_title"
        );
    }

    #[test]
    fn the_attribute_is_read_whole_and_not_from_a_longer_name() {
        let xml = buyer_xml("ON_NSCHFDOPPR_1");
        assert_eq!(
            xml_attribute(&xml, "ИдФайл").as_deref(),
            Some("ON_NSCHFDOPPOK_x")
        );
        assert_eq!(
            xml_attribute(&xml, "ИдФайлИнфПр").as_deref(),
            Some("ON_NSCHFDOPPR_1")
        );
        assert_eq!(xml_attribute(b"<a/>", "ИдФайл"), None);
    }

    /// Found by the fuzz harness: a file whose name is as long as the title's plus an
    /// extension, with a multi-byte letter across where the title's name ends, was cut
    /// inside that letter. It is no signature of the title.
    #[test]
    fn a_name_with_a_letter_where_the_titles_name_ends_is_not_its_signature() {
        let files = vec![
            ("ON_NSCHFDOPPR_a.xml".to_owned(), seller_xml()),
            ("ON_NSCHFDOPPR_a.xmжsig".to_owned(), b"s".to_vec()),
        ];
        assert_eq!(
            package(files).expect_err("no signature").code(),
            "package_no_signature"
        );
    }
}
