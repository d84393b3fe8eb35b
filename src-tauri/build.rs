//! Tauri's build step, with the app's own commands listed so that only these are
//! callable from the web view (each still has to be allowed in `capabilities/`).

/// Every command the UI may call; keep in step with `commands::handler` in `main.rs`
/// and with `capabilities/main.json`.
const COMMANDS: &[&str] = &[
    "app_info",
    "set_lang",
    "programs",
    "book_probe",
    "book_open",
    "recent_books",
    "pick_book_file",
    "book_backups",
    "partners_page",
    "partner_card",
    "partner_create",
    "partner_update",
    "clients_page",
    "client_card",
    "discount_history",
    "invited_clients",
    "client_discounts",
    "discount_schedule",
    "pick_import_file",
    "import_preview",
    "import_check",
    "import_commit",
    "import_cancel",
    "import_history",
    "balances",
    "partner_ledger",
    "unearned_page",
    "monthly_accruals",
    "annul_for_breach",
    "adjust_balance",
    "program_versions",
    "program_add_version",
    "whatif",
    "whatif_apply",
    "vendor_get",
    "vendor_set",
    "convert_balance",
    "act_step",
    "acts_page",
    "act_preview",
    "payout_register",
    "deadlines",
    "ready_balances",
    "overview",
    "acts_batch",
    "acts_batch_cancel",
    "pick_statement_file",
    "statement_preview",
    "statement_apply",
    "pick_signed_package",
    "import_signed_package",
    "save_signed_act",
    "save_act",
    "save_register",
    "save_statement",
    "export_table",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("failed to run tauri-build");
}
