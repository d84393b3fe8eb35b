//! `act import-signed`: an act's package back from EDO. The seller's title must be byte
//! for byte a file the book made for the act; each signature is verified (GOST R
//! 34.10-2012 over Streebog, the certificate valid when it signed) and must be the
//! partner's (the seller's title) or the vendor's (the buyer's); the act keeps them and
//! moves to sent on the partner's signing day and to signed on the vendor's (Moscow
//! time). Anything wrong refuses the whole package, nothing changed; the same package
//! again changes nothing.

use std::path::Path;

use crate::store::sql::Db;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::ActStatus;
use super::signed_package::{read_package, SignedFile};
use super::stored::get_act;
use super::workflow::{act_step, ActStep};
use crate::audit::{self, Actor};
use crate::documents::{ActSignature, SignerRole};
use crate::partners::get_partner;
use crate::store::act_edo_files::edo_files;
use crate::store::act_signatures::{keep_signature, stored_signature, NewSignature};
use crate::vendor::vendor;
use crate::{Error, Result};

/// Moscow time, in which EDO signing days count (UTC+3, no daylight saving since 2014).
pub fn moscow() -> FixedOffset {
    FixedOffset::east_opt(3 * 3600).expect("UTC+3 is a valid offset")
}

/// What loading a package did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignedImport {
    /// The act's number.
    pub act: String,
    pub status_before: ActStatus,
    pub status: ActStatus,
    /// The signatures this package added (none when it was loaded before).
    pub added: Vec<ActSignature>,
    /// Every signature the act now has.
    pub signatures: Vec<ActSignature>,
}

fn signature_error(file: &str, e: &partnerbook_signature::SignatureError) -> Error {
    Error::refused(
        e.code(),
        format!("{file}: {}", e.ru()),
        format!("{file}: {}", e.en()),
    )
}

fn at_moscow(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&moscow())
}

/// A signature checked: what it says, the ИНН its certificate names, the certificate.
struct Verified {
    facts: ActSignature,
    inns: Vec<String>,
    certificate: Vec<u8>,
}

/// Verifies `file`'s signature and says who made it, as `role`.
fn verify(file: &SignedFile, role: SignerRole) -> Result<Verified> {
    let signed = partnerbook_signature::verify_detached(&file.bytes, &file.signature)
        .map_err(|e| signature_error(&file.signature_name, &e))?;
    let inns = [signed.inn.clone(), signed.inn_le.clone()]
        .into_iter()
        .flatten()
        .collect();
    Ok(Verified {
        facts: ActSignature {
            role,
            signer: signed.signer,
            organization: signed.organization,
            inn: signed.inn_le.or(signed.inn),
            ogrn: signed.ogrn,
            serial: signed.serial,
            valid_from: at_moscow(signed.valid_from),
            valid_to: at_moscow(signed.valid_to),
            signed_at: at_moscow(signed.signed_at),
        },
        inns,
        certificate: signed.certificate,
    })
}

/// Refuses a signature whose certificate names ИНН none of which is the party's.
fn check_party(
    file: &SignedFile,
    verified: &Verified,
    party_inn: Option<&str>,
    whose: (&str, &str),
) -> Result<()> {
    let Some(expected) = party_inn else {
        return Ok(());
    };
    if verified.inns.is_empty() || verified.inns.iter().any(|inn| inn == expected) {
        return Ok(());
    }
    let named = verified.inns.join(", ");
    let signer = &verified.facts.signer;
    Err(Error::refused(
        "signature_other_party",
        format!(
            "{}: подписано {signer} (ИНН {named}), а не {} (ИНН {expected})",
            file.signature_name, whose.0
        ),
        format!(
            "{}: signed by {signer} (ИНН {named}), not by {} (ИНН {expected})",
            file.signature_name, whose.1
        ),
    ))
}

/// Loads the package at `path` onto the act whose seller's title it carries.
pub fn import_signed(db: &Db, actor: &Actor, path: &Path) -> Result<SignedImport> {
    let package = read_package(path)?;
    let made = edo_files(db, &package.file_id)?;
    let Some(&(act_id, _)) = made.first() else {
        return Err(Error::refused(
            "edo_unknown_file",
            format!(
                "{}: этот файл сделан не этой книгой — подписанный пакет принимается только для акта, чей XML сохранён из книги",
                package.seller.name
            ),
            format!(
                "{}: this book did not make the file — a signed package is taken only for an act whose XML was saved from the book",
                package.seller.name
            ),
        ));
    };
    let act = get_act(db, &act_id.to_string())?;
    if !made.iter().any(|(_, bytes)| *bytes == package.seller.bytes) {
        return Err(Error::refused(
            "edo_title_changed",
            format!(
                "{}: XML отличается от того, что книга сделала для акта № {} — файл изменён после выгрузки",
                package.seller.name, act.number
            ),
            format!(
                "{}: the XML differs from the one the book made for act {} — the file was changed after it was saved",
                package.seller.name, act.number
            ),
        ));
    }
    if act.status == ActStatus::Rejected {
        return Err(Error::refused(
            "act_rejected",
            format!(
                "Акт № {} отклонён: подписи к нему не принимаются",
                act.number
            ),
            format!(
                "Act {} was rejected: no signatures are taken for it",
                act.number
            ),
        ));
    }
    let partner = get_partner(db, &act.partner)?;
    let vendor_inn = vendor(db)?.inn;
    let mut signed = vec![(SignerRole::Seller, &package.seller)];
    if let Some(buyer) = &package.buyer {
        signed.push((SignerRole::Buyer, buyer));
    }
    let mut added = Vec::new();
    let mut days = Vec::new();
    for (role, file) in signed {
        let verified = verify(file, role)?;
        let (inn, whose) = match role {
            SignerRole::Seller => (partner.inn.as_deref(), ("партнёром", "the partner")),
            SignerRole::Buyer => (vendor_inn.as_deref(), ("вендором", "the vendor")),
        };
        check_party(file, &verified, inn, whose)?;
        days.push((role, verified.facts.signed_at.date_naive()));
        match stored_signature(db, act.id, role)? {
            Some(kept) if kept == file.signature => continue,
            Some(_) => {
                return Err(Error::refused(
                    "act_signed_otherwise",
                    format!(
                        "Акт № {} уже подписан {} другой подписью",
                        act.number, whose.0
                    ),
                    format!(
                        "Act {} is already signed by {} with another signature",
                        act.number, whose.1
                    ),
                ))
            }
            None => {}
        }
        keep_signature(
            db,
            act.id,
            &NewSignature {
                facts: &verified.facts,
                document_name: &file.name,
                document: &file.bytes,
                signature_name: &file.signature_name,
                signature: &file.signature,
                certificate: &verified.certificate,
            },
            &actor.stamp(),
        )?;
        added.push(verified.facts);
    }
    let id = act.id.to_string();
    for (role, day) in days {
        let status = get_act(db, &id)?.status;
        match (role, status) {
            (SignerRole::Seller, ActStatus::Draft) => {
                act_step(db, actor, &id, &ActStep::Send(day))?;
            }
            (SignerRole::Buyer, ActStatus::Sent) => {
                act_step(db, actor, &id, &ActStep::Sign(day))?;
            }
            _ => {}
        }
    }
    let after = get_act(db, &id)?;
    if !added.is_empty() {
        let who: Vec<String> = added
            .iter()
            .map(|s| format!("{} {} ({})", s.role.key(), s.signer, s.serial))
            .collect();
        audit::record(
            db,
            actor,
            "import_signed",
            "act",
            &act.number,
            Some(&who.join("; ")),
        )?;
    }
    Ok(SignedImport {
        act: act.number,
        status_before: act.status,
        status: after.status,
        added,
        signatures: crate::store::act_signatures::act_signatures(db, act.id)?,
    })
}
