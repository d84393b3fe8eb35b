//! Partners as the book shows them, and the input a form or a spreadsheet row gives.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PartnerKind {
    /// Legal entity (ООО, АО, …).
    Ooo,
    /// Individual entrepreneur (ИП).
    Ip,
    /// Natural person (ФЛ).
    Person,
    Foreign,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 4] = [
        PartnerKind::Ooo,
        PartnerKind::Ip,
        PartnerKind::Person,
        PartnerKind::Foreign,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PartnerKind::Ooo => "ooo",
            PartnerKind::Ip => "ip",
            PartnerKind::Person => "person",
            PartnerKind::Foreign => "foreign",
        }
    }

    /// `ooo`, `ip`, `person`, `foreign`, or the Russian words (`ООО`, `ИП`, `ФЛ`, …).
    pub fn parse(value: &str) -> Option<PartnerKind> {
        match value.trim().to_lowercase().as_str() {
            "ooo" | "ооо" | "ао" | "пао" | "юл" | "legal" => Some(PartnerKind::Ooo),
            "ip" | "ип" => Some(PartnerKind::Ip),
            "person" | "фл" | "физлицо" => Some(PartnerKind::Person),
            "foreign" | "иностранный" | "нерезидент" => {
                Some(PartnerKind::Foreign)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PartnerStatus {
    Active,
    /// Accrues, cannot convert.
    Suspended,
    /// Nothing accrues after the date; the unconverted balance is annulled.
    Terminated,
    Disqualified,
}

impl PartnerStatus {
    pub const ALL: [PartnerStatus; 4] = [
        PartnerStatus::Active,
        PartnerStatus::Suspended,
        PartnerStatus::Terminated,
        PartnerStatus::Disqualified,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PartnerStatus::Active => "active",
            PartnerStatus::Suspended => "suspended",
            PartnerStatus::Terminated => "terminated",
            PartnerStatus::Disqualified => "disqualified",
        }
    }

    pub fn parse(value: &str) -> Option<PartnerStatus> {
        match value.trim().to_lowercase().as_str() {
            "active" | "действует" | "активен" => Some(PartnerStatus::Active),
            "suspended" | "приостановлен" => Some(PartnerStatus::Suspended),
            "terminated" | "расторгнут" => Some(PartnerStatus::Terminated),
            "disqualified" | "дисквалифицирован" => {
                Some(PartnerStatus::Disqualified)
            }
            _ => None,
        }
    }

    /// Whether the partner may take new clients and accrue.
    pub fn accrues(self) -> bool {
        matches!(self, PartnerStatus::Active | PartnerStatus::Suspended)
    }
}

/// What a form or a spreadsheet row gives for a partner: every value as typed.
/// Field names equal the spreadsheet's column keys (FORMATS.md).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct PartnerInput {
    pub partner_id: Option<String>,
    pub program: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub vat_payer: Option<String>,
    pub vat_rate: Option<String>,
    pub code: Option<String>,
    pub rate: Option<String>,
    pub contract_no: Option<String>,
    pub contract_date: Option<String>,
    pub registered: Option<String>,
    pub status: Option<String>,
    /// The day the status took effect (default: today when it changes).
    pub status_since: Option<String>,
    pub bik: Option<String>,
    pub account: Option<String>,
    pub address: Option<String>,
    pub signer: Option<String>,
    pub signer_position: Option<String>,
    pub email: Option<String>,
    pub edo_id: Option<String>,
    /// The partner's own account in the billing system (self-referral is checked by it).
    pub client_id: Option<String>,
}

/// A partner as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Partner {
    pub partner_id: String,
    pub program: String,
    pub name: String,
    pub kind: PartnerKind,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub vat_payer: bool,
    /// Percent, as a decimal string (`"22"`).
    pub vat_rate: Option<String>,
    /// The current referral/promo/invitation code.
    pub code: Option<String>,
    /// Reward percent on the contract (ciawifi), or a raised rate (quantower).
    pub rate: Option<String>,
    pub contract_no: Option<String>,
    /// `YYYY-MM-DD`.
    pub contract_date: Option<String>,
    pub registered: String,
    pub status: PartnerStatus,
    pub status_since: String,
    pub bik: Option<String>,
    pub account: Option<String>,
    pub address: Option<String>,
    pub signer: Option<String>,
    pub signer_position: Option<String>,
    pub email: Option<String>,
    pub edo_id: Option<String>,
    /// The partner's own account in the billing system, compared exactly with client ids.
    pub client_id: Option<String>,
}

/// One line of the partners table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerRow {
    pub partner: String,
    pub program: String,
    pub name: String,
    pub kind: PartnerKind,
    pub inn: Option<String>,
    pub code: Option<String>,
    pub status: PartnerStatus,
    /// Clients bound to the partner now.
    pub clients: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartnerSort {
    #[default]
    Name,
    Partner,
    Program,
    Inn,
    Code,
    Status,
    Clients,
}

/// A page of the partners table: search (name, ИНН, code, id), filters, sort, page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct PartnerQuery {
    pub search: Option<String>,
    pub program: Option<String>,
    pub status: Option<PartnerStatus>,
    pub sort: Option<PartnerSort>,
    pub descending: Option<bool>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerPage {
    /// Rows matching the search and filters, over all pages.
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<PartnerRow>,
}

/// A code the partner holds or held. Codes are never reused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerCode {
    pub code: String,
    pub issued: String,
    pub retired: Option<String>,
}

impl From<&Partner> for PartnerInput {
    /// The form's values for a partner the book holds: what an edit starts from.
    fn from(p: &Partner) -> PartnerInput {
        PartnerInput {
            partner_id: Some(p.partner_id.clone()),
            program: Some(p.program.clone()),
            name: Some(p.name.clone()),
            kind: Some(p.kind.key().to_owned()),
            inn: p.inn.clone(),
            kpp: p.kpp.clone(),
            ogrn: p.ogrn.clone(),
            vat_payer: Some(if p.vat_payer { "yes" } else { "no" }.to_owned()),
            vat_rate: p.vat_rate.clone(),
            code: p.code.clone(),
            rate: p.rate.clone(),
            contract_no: p.contract_no.clone(),
            contract_date: p.contract_date.clone(),
            registered: Some(p.registered.clone()),
            status: Some(p.status.key().to_owned()),
            status_since: Some(p.status_since.clone()),
            bik: p.bik.clone(),
            account: p.account.clone(),
            address: p.address.clone(),
            signer: p.signer.clone(),
            signer_position: p.signer_position.clone(),
            email: p.email.clone(),
            edo_id: p.edo_id.clone(),
            client_id: p.client_id.clone(),
        }
    }
}
