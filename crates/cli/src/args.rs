//! The command line's words (FORMATS.md).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use partnerbook_core::import::ImportKind;

#[derive(Parser, Debug)]
#[command(
    name = "partnerbook",
    version,
    about = "Partnerbook: the partner department's book"
)]
pub struct Cli {
    /// The book: a file, or a PostgreSQL URL postgres://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass). Default: $PARTNERBOOK_BOOK, else book.sqlite in the data directory.
    #[arg(long, global = true)]
    pub book: Option<PathBuf>,
    /// Language of messages: ru or en (default: from the environment, else ru).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Operator name for the audit log (default: the OS user).
    #[arg(long, global = true)]
    pub operator: Option<String>,
    /// Open the book to read only: every read works, every write is refused (a file
    /// without write permission opens so by itself).
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The vendor's own requisites.
    Vendor {
        #[command(subcommand)]
        command: VendorCommand,
    },
    /// Fill the book with a realistic sample of all five programs.
    Demo,
    /// Import partners, clients or billing from CSV or XLSX; or a bank statement
    /// (1CClientBankExchange) that marks the acts it pays paid.
    Import(ImportArgs),
    /// Every partner's balance as of a day.
    Balances {
        /// The day (YYYY-MM-DD or DD.MM.YYYY); entries dated later are left out.
        #[arg(long)]
        as_of: String,
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
        /// Save the table as the app exports it (XLSX) instead of printing it.
        #[arg(long, value_name = "FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// The ledger of one partner, each entry with its reason.
    Accruals {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        json: bool,
        /// Save the table as the app exports it (XLSX) instead of printing it.
        #[arg(long, value_name = "FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// Payments that earned nothing, with the reason.
    Unearned {
        #[arg(long)]
        program: Option<String>,
        /// A reason code (not_bound, not_direct, category_not_counted, ...).
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Annul a partner's unconverted balance for a breach of the program's rules.
    Annul {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// One partner: its card, or a change of its fields, status or own rate.
    Partner {
        #[command(subcommand)]
        command: PartnerCommand,
    },
    /// A manual correction of a partner's balance: a credit (+) or a debit (−), with a reason.
    Adjust {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        date: String,
        /// In the program's unit, signed: 500, -120.50.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// List partners.
    Partners {
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
        /// Save the table as the app exports it (XLSX) instead of printing it.
        #[arg(long, value_name = "FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// List clients with their current partner.
    Clients {
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
        /// Save the table as the app exports it (XLSX) instead of printing it.
        #[arg(long, value_name = "FILE.xlsx")]
        out: Option<PathBuf>,
    },
    /// A client's binding history and refused attempts.
    Bindings {
        #[arg(long)]
        client: String,
        /// Needed when the client id is used in more than one program.
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Turn a partner's available balance into a payout request and its act (a draft).
    Convert {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        date: String,
        /// In the program's unit (default: everything available).
        #[arg(long)]
        amount: Option<String>,
        /// How it is paid out: bank (default) or licence_credit (quantower).
        #[arg(long, value_enum)]
        payout: Option<PayoutWhat>,
        /// The request's own key: run again with the same key (a retry), it answers the
        /// act already made instead of making a second one.
        #[arg(long)]
        key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// An act's workflow and documents.
    Act {
        #[command(subcommand)]
        command: ActCommand,
    },
    /// The book itself: its integrity, a copy of it.
    Book {
        #[command(subcommand)]
        command: BookCommand,
    },
    /// The month's acts at once: every balance ready on --date (of one program, or all)
    /// converted in one transaction, after a backup of the book (as the app's batch).
    Batch {
        #[arg(long)]
        date: String,
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List acts, newest first.
    Acts {
        #[arg(long, value_enum)]
        status: Option<StatusWhat>,
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        program: Option<String>,
        /// Acts dated in this month, YYYY-MM.
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A partner's statement for a period, as PDF.
    Statement {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The month's payout register: .pdf, .xlsx, or .txt (1CClientBankExchange for the bank).
    Payouts {
        /// YYYY-MM.
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Acts awaiting signature and payouts due, with their due dates.
    Deadlines {
        #[arg(long)]
        as_of: String,
        #[arg(long)]
        json: bool,
    },
    /// The programs, each with its versions.
    Programs {
        #[arg(long)]
        json: bool,
    },
    /// One program: its rules by version, or a new version.
    Program {
        #[command(subcommand)]
        command: ProgramCommand,
    },
    /// Replay a program's payments as if other rules had been in force (the book is not
    /// changed), or with --apply post the differences and record the rules as a version.
    Whatif(WhatifArgs),
    /// Every discount period and SMS package granted (tele2-ats), for the billing system.
    Discounts {
        /// Only this program (default: every program that grants discounts).
        #[arg(long)]
        program: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

// Parsed once per run: the size of the largest variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum VendorCommand {
    /// Set the vendor's requisites (only the options given change).
    Set(Box<VendorArgs>),
    /// Show the vendor's requisites.
    Show {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct VendorArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub inn: Option<String>,
    #[arg(long)]
    pub kpp: Option<String>,
    #[arg(long)]
    pub ogrn: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub edo_id: Option<String>,
    #[arg(long)]
    pub signer: Option<String>,
    #[arg(long)]
    pub signer_position: Option<String>,
    /// БИК of the vendor's bank (the payout register's bank file).
    #[arg(long)]
    pub bik: Option<String>,
    /// The vendor's settlement account.
    #[arg(long)]
    pub account: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum BookCommand {
    /// Integrity of the book: the store's own check, and what it keeps twice agreeing;
    /// exit 1 with what is wrong.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Copies the whole book into an empty TARGET; prints the rows of both sides.
    Copy {
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Takes a backup of the book now (into backups/ beside it); prints it as JSON.
    Backup,
    /// The backups kept beside the book, newest first: when, before what, size.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replaces the book with the backup FILE, after checking it and backing up the
    /// book as it is; prints both as JSON.
    Restore { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum PartnerCommand {
    /// The partner's card.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change only the fields given, with the same checks as the app's form.
    Set(Box<PartnerSetArgs>),
    /// The partner's status from a day (termination and disqualification annul the
    /// unconverted balance).
    Status {
        id: String,
        /// active, suspended, terminated or disqualified.
        #[arg(long)]
        status: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The partner's own rate from a day (ciawifi contract rate, quantower raised rate).
    Rate {
        id: String,
        #[arg(long)]
        rate: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct PartnerSetArgs {
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub signer: Option<String>,
    #[arg(long)]
    pub signer_position: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub edo_id: Option<String>,
    #[arg(long, requires = "account")]
    pub bik: Option<String>,
    #[arg(long, requires = "bik")]
    pub account: Option<String>,
    #[arg(long, requires = "contract_date")]
    pub contract_no: Option<String>,
    #[arg(long, requires = "contract_no")]
    pub contract_date: Option<String>,
    /// yes or no.
    #[arg(long)]
    pub vat_payer: Option<String>,
    #[arg(long)]
    pub vat_rate: Option<String>,
    /// The partner's own account in the billing system.
    #[arg(long)]
    pub client_id: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    pub kind: ImportWhat,
    pub file: PathBuf,
    /// Only check the file; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The sheet of an XLSX workbook (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Billing: the program of rows whose file has no program column.
    #[arg(long)]
    pub program: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ImportWhat {
    Partners,
    Clients,
    Billing,
    /// A bank statement in 1CClientBankExchange 1.03 (Windows-1251 or UTF-8).
    Statement,
}

impl ImportWhat {
    /// The book's import of this kind (none: a bank statement, which is not a table import).
    pub fn table(self) -> Option<ImportKind> {
        match self {
            ImportWhat::Partners => Some(ImportKind::Partners),
            ImportWhat::Clients => Some(ImportKind::Clients),
            ImportWhat::Billing => Some(ImportKind::Billing),
            ImportWhat::Statement => None,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ProgramCommand {
    /// The program with every version and its rules.
    Show {
        /// The program's id (bitrix24, atlantys, quantower, tele2-ats, ciawifi, …).
        program: String,
        #[arg(long)]
        json: bool,
    },
    /// A new version of the program's rules in force from a day.
    AddVersion {
        program: String,
        /// The first day of the version (YYYY-MM-DD or DD.MM.YYYY).
        #[arg(long)]
        from: String,
        /// The rule set as JSON, in the shape `program show --json` prints.
        #[arg(long)]
        rules: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ActCommand {
    /// Mark the act sent to the partner; prints the day it must be signed by.
    Send(ActStepArgs),
    /// Mark the act signed; prints the day it must be paid by.
    Sign(ActStepArgs),
    /// Reject the act with a reason; its amount returns to the partner's balance.
    Reject {
        #[command(flatten)]
        step: ActStepArgs,
        #[arg(long)]
        reason: String,
    },
    /// Mark the act paid.
    Pay(ActStepArgs),
    /// Save the act as PDF.
    Pdf {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Save the счёт-фактура (VAT payers) as PDF.
    Invoice {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Save the act as the EDO XML (УПД 5.03) into a folder, under the name the format fixes.
    Xml {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show the act's state and its electronic signatures.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Load the act's signed package from EDO (a .zip or a folder): the signatures are
    /// verified and kept, and the act becomes sent / signed on the signing days.
    ImportSigned {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Save the signed act: the PDF with the signatures' stamps to --out, and beside it
    /// the package as it came from EDO (.zip).
    Signed {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct ActStepArgs {
    /// The act's number (2026-0007) or id.
    pub id: String,
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum PayoutWhat {
    Bank,
    #[value(name = "licence_credit")]
    LicenceCredit,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum StatusWhat {
    Draft,
    Sent,
    Signed,
    Rejected,
    Paid,
}

#[derive(Args, Debug)]
pub struct WhatifArgs {
    #[arg(long)]
    pub program: String,
    /// The first day of the payments replayed; the rules are in force from it.
    #[arg(long)]
    pub from: String,
    /// The last day of the payments replayed (default: every later payment).
    #[arg(long)]
    pub to: Option<String>,
    /// The rule set (JSON, as `program show --json` prints a version's rules).
    #[arg(long)]
    pub rules: PathBuf,
    /// Post the differences as correcting entries dated --date and record the rules.
    #[arg(long, requires = "date")]
    pub apply: bool,
    /// The day of the correcting entries (with --apply).
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub json: bool,
}
