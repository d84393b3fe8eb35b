//! `import partners`: one row per partner (FORMATS.md).

use crate::store::sql::Db;

use super::rows::{RowImport, RowResult};
use super::table::{col, text, ColumnMap, ColumnSpec, Row};
use crate::audit::Actor;
use crate::partners::{import_partner, ImportedRow, PartnerInput};
use crate::programs::ProgramCache;
use crate::Result;

pub const PARTNER_COLUMNS: &[ColumnSpec] = &[
    col(
        "partner_id",
        &["partner_id", "ID партнёра", "ID партнера"],
        true,
    ),
    col("program", &["program", "Программа"], true),
    col("name", &["name", "Наименование"], true),
    col("kind", &["kind", "Тип"], true),
    col("inn", &["inn", "ИНН"], false),
    col("kpp", &["kpp", "КПП"], false),
    col("ogrn", &["ogrn", "ОГРН", "ОГРНИП"], false),
    col("vat_payer", &["vat_payer", "Плательщик НДС"], false),
    col("vat_rate", &["vat_rate", "Ставка НДС"], false),
    col("code", &["code", "Код"], false),
    col("rate", &["rate", "Ставка"], false),
    col("contract_no", &["contract_no", "Номер договора"], false),
    col("contract_date", &["contract_date", "Дата договора"], false),
    col("registered", &["registered", "Дата регистрации"], false),
    col("status", &["status", "Статус"], false),
    col(
        "status_since",
        &["status_since", "Статус с", "Дата статуса"],
        false,
    ),
    col("bik", &["bik", "БИК"], false),
    col(
        "account",
        &["account", "Расчётный счёт", "Расчетный счет"],
        false,
    ),
    col("address", &["address", "Адрес"], false),
    col("signer", &["signer", "Подписант"], false),
    col(
        "signer_position",
        &["signer_position", "Должность подписанта"],
        false,
    ),
    col("email", &["email", "E-mail", "Email"], false),
    col("edo_id", &["edo_id", "ID ЭДО"], false),
    col("client_id", &["client_id", "ID клиента партнёра"], false),
];

/// A partners row as the input the form would give.
pub fn partner_input(row: &Row, columns: &ColumnMap) -> PartnerInput {
    let get = |key| text(columns.cell(row, key));
    PartnerInput {
        partner_id: get("partner_id"),
        program: get("program"),
        name: get("name"),
        kind: get("kind"),
        inn: get("inn"),
        kpp: get("kpp"),
        ogrn: get("ogrn"),
        vat_payer: get("vat_payer"),
        vat_rate: get("vat_rate"),
        code: get("code"),
        rate: get("rate"),
        contract_no: get("contract_no"),
        contract_date: get("contract_date"),
        registered: get("registered"),
        status: get("status"),
        status_since: get("status_since"),
        bik: get("bik"),
        account: get("account"),
        address: get("address"),
        signer: get("signer"),
        signer_position: get("signer_position"),
        email: get("email"),
        edo_id: get("edo_id"),
        client_id: get("client_id"),
    }
}

/// Partners rows, with the programs they name read once.
#[derive(Default)]
pub struct PartnerRows {
    programs: ProgramCache,
}

impl RowImport for PartnerRows {
    fn row(
        &mut self,
        db: &Db,
        actor: &Actor,
        _import: i64,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<RowResult> {
        let input = partner_input(row, columns);
        let program = match input.program.as_deref() {
            Some(id) => self.programs.get(db, id)?,
            None => None,
        };
        Ok(
            match import_partner(db, actor, input, program.as_deref())? {
                Ok(ImportedRow::Added) => RowResult::Added,
                Ok(ImportedRow::Unchanged) => RowResult::Unchanged,
                Err(problems) => RowResult::Problems(problems),
            },
        )
    }
}
