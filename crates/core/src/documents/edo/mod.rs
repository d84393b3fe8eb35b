//! The act as the ФНС universal transfer document (УПД), format 5.03
//! (`ON_NSCHFDOPPR`, Приказ ФНС ЕД-7-26/970@), for EDO: function `СЧФДОП` for a VAT
//! payer, `ДОП` otherwise; Windows-1251, named as the format names exchange files.
//!
//! The partner is the seller and the file's sender, the vendor the buyer and its
//! recipient. Nothing here reads the clock: the caller passes the file's GUID and the
//! moment the file is made (the XML carries both).
//!
//! How the act maps onto the format:
//! - a party by its kind: an organisation `СвЮЛУч`, an ИП `СвИП`, a person `СвФЛУч`; a
//!   foreign partner with a Russian organisation's ИНН is registered here (`СвЮЛУч`), any
//!   other is `СвИнНеУч` with the country its address names; the seller of a KZT act is a
//!   Kazakh resident (`СвИнНеУч`, country 398, its ИИН/БИН as the identifier);
//! - addresses as text with their country (`АдрИнф`): the book keeps no region code;
//! - one line: the service (`ПрТовРаб` 3), 1 conventional unit (ОКЕИ 876 «усл. ед») at
//!   the amount without VAT, the rate or «без НДС», the VAT, the total; no excise;
//! - the transfer on the act's date for its period, under the contract or
//!   `БезДокОснПер`; the seller's signer signs by the authority of the signature itself.

mod classifiers;
mod layout;
mod requisites;
mod upd;
mod xml;

use chrono::NaiveDateTime;

use super::model::ActDocument;
use crate::Result;

/// An exchange file ready to save or hand to the EDO operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdoFile {
    /// `ON_NSCHFDOPPR_<recipient's EDO id>_<sender's EDO id>_<YYYYMMDD>_<GUID>_0_0_0_0_0_00.xml`.
    pub name: String,
    /// The XML in Windows-1251, with its declaration.
    pub bytes: Vec<u8>,
}

/// The act as a УПД 5.03 file. `guid` names the file (`xxxxxxxx-xxxx-…`); `made_at` is
/// the date and time of forming it. A requisite the format requires and the act lacks
/// (the seller's ИНН, an EDO id, the addresses of a счёт-фактура, the signer, …) is
/// refused with `edo_missing_requisite`; a value the format cannot take with
/// `edo_bad_requisite`. Either message names every such field.
pub fn edo_xml(doc: &ActDocument, guid: &str, made_at: NaiveDateTime) -> Result<EdoFile> {
    let upd = upd::Upd::from_act(doc, guid, made_at)?;
    Ok(EdoFile {
        name: format!("{}.xml", upd.file_id),
        bytes: xml::windows_1251(&upd.xml()),
    })
}
