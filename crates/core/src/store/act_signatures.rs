//! The signatures an act came back with from EDO: stored as they came (the signed file,
//! the signature file, the certificate) with what the certificate says.

use crate::store::sql::{params, Db, OptionalExtension, Row};

use crate::documents::{ActSignature, SignerRole};
use crate::store::values::{optional_day, optional_text, signer_role, text, time};
use crate::Result;

/// A signature about to be kept: the files as they came and the verified facts.
pub(crate) struct NewSignature<'a> {
    pub facts: &'a ActSignature,
    pub document_name: &'a str,
    pub document: &'a [u8],
    pub signature_name: &'a str,
    pub signature: &'a [u8],
    pub certificate: &'a [u8],
}

const FACTS: &str =
    "role, signer, organization, inn, ogrn, serial, valid_from, valid_to, signed_at";

fn facts(r: &Row) -> Result<ActSignature> {
    Ok(ActSignature {
        role: signer_role("act_signatures.role", text(r, 0)?)?,
        signer: r.get(1)?,
        organization: r.get(2)?,
        inn: r.get(3)?,
        ogrn: r.get(4)?,
        serial: r.get(5)?,
        valid_from: time("act_signatures.valid_from", text(r, 6)?)?,
        valid_to: time("act_signatures.valid_to", text(r, 7)?)?,
        signed_at: time("act_signatures.signed_at", text(r, 8)?)?,
    })
}

/// The act's signatures, the seller's first.
pub(crate) fn act_signatures(db: &Db, act: i64) -> Result<Vec<ActSignature>> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {FACTS} FROM act_signatures WHERE act = ?1 ORDER BY role = 'buyer', id"
    ))?;
    let mut rows = stmt.query([act])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let r = &row;
        found.push(facts(r)?);
    }
    Ok(found)
}

/// The signature file the act holds for `role`, if any.
pub(crate) fn stored_signature(db: &Db, act: i64, role: SignerRole) -> Result<Option<Vec<u8>>> {
    db.prepare_cached("SELECT signature FROM act_signatures WHERE act = ?1 AND role = ?2")?
        .query_row(params![act, role.key()], |r| r.get(0))
        .optional()
}

pub(crate) fn keep_signature(db: &Db, act: i64, new: &NewSignature<'_>, at: &str) -> Result<()> {
    let f = new.facts;
    db.prepare_cached(
        "INSERT INTO act_signatures (act, role, document_name, document, signature_name, signature,
             certificate, signer, organization, inn, ogrn, serial, valid_from, valid_to, signed_at, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        act,
        f.role.key(),
        new.document_name,
        new.document,
        new.signature_name,
        new.signature,
        new.certificate,
        f.signer,
        f.organization,
        f.inn,
        f.ogrn,
        f.serial,
        f.valid_from.to_rfc3339(),
        f.valid_to.to_rfc3339(),
        f.signed_at.to_rfc3339(),
        at
    ])?;
    Ok(())
}

/// The signatures of the act `id` (number or row id), the seller's first.
pub fn signatures_of(db: &Db, id: &str) -> Result<Vec<ActSignature>> {
    act_signatures(db, crate::acts::get_act(db, id)?.id)
}

/// The act's signed package as it came: each signed file and its signature file, as
/// (name, bytes).
pub(crate) fn package_files(db: &Db, act: i64) -> Result<Vec<(String, Vec<u8>)>> {
    let mut stmt = db.prepare_cached(
        "SELECT document_name, document, signature_name, signature FROM act_signatures
         WHERE act = ?1 ORDER BY role = 'buyer', id",
    )?;
    let rows = stmt.query_map([act], |r| {
        Ok([(r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?)])
    })?;
    let mut files = Vec::new();
    for pair in rows {
        files.extend(pair?);
    }
    Ok(files)
}

/// How an act was signed, as a statement names it beside the act's ledger entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActSigning {
    pub number: String,
    pub signed: Option<chrono::NaiveDate>,
    /// Signed with electronic signatures from EDO.
    pub electronic: bool,
}

/// For each act of `partner`, by the ledger entries that name it (its conversion and
/// its settlement): its number, signing day and whether it was signed electronically.
pub fn signing_by_entry(
    db: &Db,
    partner: &str,
) -> Result<std::collections::HashMap<i64, ActSigning>> {
    let mut stmt = db.prepare_cached(
        "SELECT a.conversion, a.settled_by, a.number, a.signed,
                EXISTS (SELECT 1 FROM act_signatures s WHERE s.act = a.id)
         FROM acts a WHERE a.partner = ?1",
    )?;
    let mut rows = stmt.query([partner])?;
    let mut found = std::collections::HashMap::new();
    while let Some(row) = rows.next()? {
        let r = &row;
        let signing = ActSigning {
            number: r.get(2)?,
            signed: optional_day("acts.signed", optional_text(r, 3)?)?,
            electronic: r.get(4)?,
        };
        let settled: Option<i64> = r.get(1)?;
        if let Some(settled) = settled {
            found.insert(settled, signing.clone());
        }
        found.insert(r.get(0)?, signing);
    }
    Ok(found)
}
