//! The vendor's own requisites and signer, printed on every document.

use crate::store::sql::Db;
use crate::store::vendor::keep_vendor;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::{ids, Error, Problem, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct Vendor {
    pub name: Option<String>,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub address: Option<String>,
    pub edo_id: Option<String>,
    pub signer: Option<String>,
    pub signer_position: Option<String>,
    /// The bank the vendor pays from (the payout register's bank file).
    pub bik: Option<String>,
    pub account: Option<String>,
}

impl Vendor {
    /// `other`'s filled fields over `self`'s.
    fn merged(self, other: Vendor) -> Vendor {
        let pick = |new: Option<String>, old: Option<String>| match new.map(|v| v.trim().to_owned())
        {
            Some(v) if v.is_empty() => None,
            Some(v) => Some(v),
            None => old,
        };
        Vendor {
            name: pick(other.name, self.name),
            inn: pick(other.inn, self.inn),
            kpp: pick(other.kpp, self.kpp),
            ogrn: pick(other.ogrn, self.ogrn),
            address: pick(other.address, self.address),
            edo_id: pick(other.edo_id, self.edo_id),
            signer: pick(other.signer, self.signer),
            signer_position: pick(other.signer_position, self.signer_position),
            bik: pick(other.bik, self.bik),
            account: pick(other.account, self.account),
        }
    }

    fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if let Some(inn) = &self.inn {
            if let Err(e) = ids::check_inn(inn) {
                out.push(e.into_problem("inn"));
            }
        }
        if let Some(kpp) = &self.kpp {
            if let Err(e) = ids::check_kpp(kpp) {
                out.push(e.into_problem("kpp"));
            }
        }
        if let Some(ogrn) = &self.ogrn {
            if let Err(e) = ids::check_ogrn(ogrn) {
                out.push(e.into_problem("ogrn"));
            }
        }
        if let Some(bik) = &self.bik {
            if let Err(e) = ids::check_bik(bik) {
                out.push(e.into_problem("bik"));
            }
        }
        if let (Some(bik), Some(account)) = (&self.bik, &self.account) {
            if let Err(e) = ids::check_account(bik, account) {
                out.push(e.into_problem("account"));
            }
        }
        out
    }
}

pub use crate::store::vendor::vendor;

/// Sets the given fields (an empty string clears one); checks ИНН, КПП and ОГРН.
pub fn set_vendor(db: &Db, actor: &Actor, change: Vendor) -> Result<Vendor> {
    let next = vendor(db)?.merged(change);
    let problems = next.problems();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let json = keep_vendor(db, &next)?;
    audit::record(db, actor, "update", "vendor", "vendor", Some(&json))?;
    Ok(next)
}
