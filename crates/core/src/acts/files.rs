//! The book's documents as files: an act (PDF, счёт-фактура, EDO XML), a statement and a
//! payout register (PDF, XLSX, 1CClientBankExchange), each with the name it is saved
//! under. The command line and the app both save what these return.

use crate::store::sql::Db;
use chrono::{NaiveDate, NaiveDateTime};

use super::document::act_document;
use super::register::payout_register;
use super::stored::get_act;
use crate::documents;
use crate::store::act_edo_files::keep_edo_file;
use crate::store::act_signatures::package_files;
use crate::Result;

/// A document ready to save: the file name it suggests, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What to make of an act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActFormat {
    /// The act, PDF.
    Pdf,
    /// The счёт-фактура, PDF (VAT payers only).
    Invoice,
    /// The ФНС УПД 5.03 XML for EDO.
    Xml,
}

/// What to make of a month's payout register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegisterFormat {
    Pdf,
    Xlsx,
    /// 1CClientBankExchange 1.03 for the bank (RUB payouts not yet paid).
    Bank,
}

impl RegisterFormat {
    /// By the file's extension: `.pdf`, `.xlsx`, `.txt` (the bank file).
    pub fn of_path(path: &std::path::Path) -> Option<RegisterFormat> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        match ext.as_str() {
            "pdf" => Some(RegisterFormat::Pdf),
            "xlsx" => Some(RegisterFormat::Xlsx),
            "txt" => Some(RegisterFormat::Bank),
            _ => None,
        }
    }
}

/// The act `id` (number or row id) as `format`; `now` stamps the EDO file, which the
/// book keeps byte for byte (a signed package must bring back exactly such a file).
pub fn act_file(db: &Db, id: &str, format: ActFormat, now: NaiveDateTime) -> Result<DocumentFile> {
    let act = get_act(db, id)?;
    let doc = act_document(db, &act)?;
    Ok(match format {
        ActFormat::Pdf => DocumentFile {
            name: format!("act-{}.pdf", act.number),
            bytes: documents::act_pdf(&doc)?,
        },
        ActFormat::Invoice => DocumentFile {
            name: format!("invoice-{}.pdf", act.number),
            bytes: documents::invoice_pdf(&doc)?,
        },
        ActFormat::Xml => {
            let file = documents::edo_xml(&doc, &act.guid, now)?;
            let file_id = file.name.trim_end_matches(".xml");
            keep_edo_file(db, act.id, file_id, &file.bytes, &now.to_string())?;
            DocumentFile {
                name: file.name,
                bytes: file.bytes,
            }
        }
    })
}

/// The act with its signatures, as archived: the PDF with the signatures' stamps, and
/// beside it the package as it came from EDO (the titles and their signature files) in
/// a `.zip`. Refused for an act without signatures.
pub fn signed_act_files(db: &Db, id: &str) -> Result<(DocumentFile, DocumentFile)> {
    let act = get_act(db, id)?;
    let doc = act_document(db, &act)?;
    if doc.signatures.is_empty() {
        return Err(crate::Error::refused(
            "act_not_signed",
            format!(
                "У акта № {} нет электронных подписей: загрузите подписанный пакет из ЭДО",
                act.number
            ),
            format!(
                "Act {} has no electronic signatures: load the signed package from EDO",
                act.number
            ),
        ));
    }
    let pdf = DocumentFile {
        name: format!("act-{}-signed.pdf", act.number),
        bytes: documents::act_pdf(&doc)?,
    };
    let package = DocumentFile {
        name: format!("act-{}-signed.zip", act.number),
        bytes: documents::zip_files(&package_files(db, act.id)?)?,
    };
    Ok((pdf, package))
}

/// The payout register of `month` (`YYYY-MM`) as `format`, made at `now`.
pub fn register_file(
    db: &Db,
    month: &str,
    format: RegisterFormat,
    now: NaiveDateTime,
) -> Result<DocumentFile> {
    let register = payout_register(db, month, now.date())?;
    Ok(match format {
        RegisterFormat::Pdf => DocumentFile {
            name: format!("payouts-{}.pdf", register.month),
            bytes: documents::register_pdf(&register)?,
        },
        RegisterFormat::Xlsx => DocumentFile {
            name: format!("payouts-{}.xlsx", register.month),
            bytes: documents::register_xlsx(&register)?,
        },
        RegisterFormat::Bank => DocumentFile {
            name: format!("payouts-{}-1c.txt", register.month),
            bytes: documents::bank_exchange(&register, now.date(), now, 1)?,
        },
    })
}

/// The statement of `partner` from `from` to `to`, made on `today`.
pub fn statement_file(
    db: &Db,
    partner: &str,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<DocumentFile> {
    let statement = crate::ledger::statement(db, partner, from, to, today)?;
    Ok(DocumentFile {
        name: format!("statement-{partner}-{from}-{to}.pdf"),
        bytes: documents::statement_pdf(&statement)?,
    })
}
