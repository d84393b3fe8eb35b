// Every Tauri command the UI calls, one typed function each. All reject with an `ErrorDto`.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Adjusted } from "./bindings/Adjusted";
import type { SignedImport } from "./bindings/SignedImport";
import type { ActDocument } from "./bindings/ActDocument";
import type { ActFormat } from "./bindings/ActFormat";
import type { ActPage } from "./bindings/ActPage";
import type { ActQuery } from "./bindings/ActQuery";
import type { ActState } from "./bindings/ActState";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupRow } from "./bindings/BackupRow";
import type { BookBackups } from "./bindings/BookBackups";
import type { RestoredBackup } from "./bindings/RestoredBackup";
import type { BookLocation } from "./bindings/BookLocation";
import type { BookProbe } from "./bindings/BookProbe";
import type { BatchProgress } from "./bindings/BatchProgress";
import type { Conversion } from "./bindings/Conversion";
import type { Deadline } from "./bindings/Deadline";
import type { Overview } from "./bindings/Overview";
import type { PayoutKind } from "./bindings/PayoutKind";
import type { RegisterView } from "./bindings/RegisterView";
import type { ReadyList } from "./bindings/ReadyList";
import type { StatementReport } from "./bindings/StatementReport";
import type { RegisterFormat } from "./bindings/RegisterFormat";
import type { PartnerCard } from "./bindings/PartnerCard";
import type { ClientCard } from "./bindings/ClientCard";
import type { ClientPage } from "./bindings/ClientPage";
import type { ClientQuery } from "./bindings/ClientQuery";
import type { BalanceQuery } from "./bindings/BalanceQuery";
import type { BalanceTable } from "./bindings/BalanceTable";
import type { DiscountPeriod } from "./bindings/DiscountPeriod";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ImportKind } from "./bindings/ImportKind";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportRecord } from "./bindings/ImportRecord";
import type { ImportReport } from "./bindings/ImportReport";
import type { InvitedClient } from "./bindings/InvitedClient";
import type { Lang } from "./bindings/Lang";
import type { MonthlyAccrual } from "./bindings/MonthlyAccrual";
import type { Partner } from "./bindings/Partner";
import type { PartnerInput } from "./bindings/PartnerInput";
import type { PartnerLedger } from "./bindings/PartnerLedger";
import type { PartnerPage } from "./bindings/PartnerPage";
import type { PartnerQuery } from "./bindings/PartnerQuery";
import type { Program } from "./bindings/Program";
import type { ProgramSummary } from "./bindings/ProgramSummary";
import type { ProgramVersion } from "./bindings/ProgramVersion";
import type { RuleSet } from "./bindings/RuleSet";
import type { UnearnedPage } from "./bindings/UnearnedPage";
import type { UnearnedQuery } from "./bindings/UnearnedQuery";
import type { Vendor } from "./bindings/Vendor";
import type { WhatIfApplied } from "./bindings/WhatIfApplied";
import type { WhatIfReport } from "./bindings/WhatIfReport";
import type { WhatIfRequest } from "./bindings/WhatIfRequest";
import { toErrorDto } from "./errors";

/** The options that have a value (the shell reads a missing one as none). */
function given(extra: ImportExtra): ImportExtra {
  const out: ImportExtra = {};
  if (extra.sheet) out.sheet = extra.sheet;
  if (extra.program) out.program = extra.program;
  return out;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toErrorDto(reason);
  }
}

export const appInfo = () => call<AppInfo>("app_info");
export const setLang = (lang: Lang) => call<null>("set_lang", { lang });
export const programs = () => call<ProgramSummary[]>("programs");

/** A server's password typed for this session (kept in ~/.pgpass when `remember`), or none. */
export type Password = { password: string; remember: boolean };

/** Connects to the book at a server's URL (with the password typed, if any) and says what it holds; the open book stays. */
export const bookProbe = (url: string, password?: string) =>
  call<BookProbe>("book_probe", password ? { url, password } : { url });
/** Makes the book at `location` (a server's URL, or a book file) the app's book; the app's info on it. */
export const bookOpen = (location: string, password?: Password) =>
  call<AppInfo>("book_open", password?.password ? { location, ...password } : { location });
/** The books opened lately, newest first. */
export const recentBooks = () => call<BookLocation[]>("recent_books");
/** The native open dialog for a book file; `null` when cancelled. */
export const pickBookFile = () => call<string | null>("pick_book_file");
/** Where the open book's backups are (a file book's copies, or its server's job). */
export const bookBackups = () => call<BookBackups>("book_backups");
/** A backup of the open book taken now. */
export const bookBackupNow = () => call<BackupRow>("book_backup_now");
/** The open book replaced with the backup at `path` (the book kept as a backup first). */
export const bookRestore = (path: string) => call<RestoredBackup>("book_restore", { path });

export const partnersPage = (query: PartnerQuery) => call<PartnerPage>("partners_page", { query });
export const partnerCard = (partner: string) => call<PartnerCard>("partner_card", { partner });
export const partnerCreate = (input: PartnerInput) => call<Partner>("partner_create", { input });
export const partnerUpdate = (partner: string, input: PartnerInput) =>
  call<Partner>("partner_update", { partner, input });

export const clientsPage = (query: ClientQuery) => call<ClientPage>("clients_page", { query });
export const clientCard = (program: string, client: string) =>
  call<ClientCard>("client_card", { program, client });

/** The inviter's discount periods and SMS packages («История скидок»), oldest first. */
export const discountHistory = (partner: string) => call<DiscountPeriod[]>("discount_history", { partner });
/** The clients that registered the partner's code («Приведенные клиенты»), oldest first. */
export const invitedClients = (partner: string) => call<InvitedClient[]>("invited_clients", { partner });
/** The client's own (invitee) discount periods. */
export const clientDiscounts = (program: string, client: string) =>
  call<DiscountPeriod[]>("client_discounts", { program, client });
/** Every period and package of a program, or of every program that grants discounts. */
export const discountSchedule = (program?: string) =>
  call<DiscountPeriod[]>("discount_schedule", program ? { program } : {});

export const pickImportFile = () => call<string | null>("pick_import_file");
/** What a check or a commit takes besides the kind and the file (each only when given). */
export type ImportExtra = { sheet?: string; program?: string };
export const importPreview = (kind: ImportKind, path: string, sheet?: string) =>
  call<ImportPreview>("import_preview", { kind, path, ...(sheet ? { sheet } : {}) });
export const importCheck = (kind: ImportKind, path: string, extra: ImportExtra = {}) =>
  call<ImportReport>("import_check", { kind, path, ...given(extra) });
export const importCommit = (kind: ImportKind, path: string, extra: ImportExtra = {}) =>
  call<ImportReport>("import_commit", { kind, path, ...given(extra) });
export const importCancel = () => call<null>("import_cancel");
export const importHistory = () => call<ImportRecord[]>("import_history");

/**
 * Progress of a running check or commit; resolves to the function that stops listening.
 * Outside the shell (a plain browser) there are no events: the work still runs, without progress.
 */
export async function onImportProgress(handler: (progress: ImportProgress) => void): Promise<UnlistenFn> {
  try {
    return await listen<ImportProgress>("import-progress", (event) => handler(event.payload));
  } catch {
    return () => {};
  }
}

export const vendorGet = () => call<Vendor>("vendor_get");
export const vendorSet = (vendor: Vendor) => call<Vendor>("vendor_set", { vendor });

/** Balances of every partner (of one program) as of a day, `YYYY-MM-DD`. */
/** The balances table: rows searched and sorted, totals per unit, all by the core. */
export const balancesTable = (query: BalanceQuery) => call<BalanceTable>("balances_table", { query });
/** A partner's balance as of a day (today when none) and its whole ledger. */
export const partnerLedger = (partner: string, asOf?: string) =>
  call<PartnerLedger>("partner_ledger", { partner, ...(asOf ? { asOf } : {}) });
export const unearnedPage = (query: UnearnedQuery) => call<UnearnedPage>("unearned_page", { query });
export const monthlyAccruals = () => call<MonthlyAccrual[]>("monthly_accruals");
/** Annuls the partner's unconverted balance as of `date`; resolves to the amount annulled (decimal string). */
export const annulForBreach = (partner: string, date: string, reason: string) =>
  call<string>("annul_for_breach", { partner, date, reason });
/** A manual credit (+) or debit (−) of the partner's balance with its reason; the amount as typed. */
export const adjustBalance = (partner: string, date: string, amount: string, reason: string) =>
  call<Adjusted>("adjust_balance", { partner, date, amount, reason });

export const programVersions = () => call<Program[]>("program_versions");
export const programAddVersion = (program: string, from: string, rules: RuleSet) =>
  call<ProgramVersion>("program_add_version", { program, from, rules });
/** «Что если»: the program's payments replayed under other rules; the book is not changed. */
export const whatif = (request: WhatIfRequest) => call<WhatIfReport>("whatif", { request });
/** Posts the differences as correcting entries dated `date` (`YYYY-MM-DD`) and records the rules as a version. */
export const whatifApply = (request: WhatIfRequest, date: string) =>
  call<WhatIfApplied>("whatif_apply", { request, date });

/**
 * Converts a partner's available balance on `date` (all of it when `amount` is empty) into a draft
 * act. `key` is the caller's own for this request: sent again (a retry), it answers the same act.
 */
export const convertBalance = (partner: string, date: string, key: string, amount?: string, payoutKind?: PayoutKind) =>
  call<Conversion>("convert_balance", {
    partner,
    date,
    key,
    ...(amount && amount.trim() ? { amount: amount.trim() } : {}),
    ...(payoutKind ? { payoutKind } : {}),
  });
export type ActStepKind = "send" | "sign" | "reject" | "pay";
/** Takes the act one step on `date`; a rejection needs its reason. */
export const actStep = (act: string, step: ActStepKind, date: string, reason?: string) =>
  call<ActState>("act_step", { act, step, date, ...(reason !== undefined ? { reason } : {}) });
export const actsPage = (query: ActQuery) => call<ActPage>("acts_page", { query });
/** The act as its documents show it (parties, service, money, VAT, amount in words). */
export const actPreview = (act: string) => call<ActDocument>("act_preview", { act });
/** Acts awaiting signature or payment as of a day (today when none), soonest first. */
export const deadlines = (asOf?: string) => call<Deadline[]>("deadlines", asOf ? { asOf } : {});
/** Partners whose available balance may be converted on a day (today when none). */
export const readyBalances = (asOf?: string, program?: string) =>
  call<ReadyList>("ready_balances", { ...(asOf ? { asOf } : {}), ...(program ? { program } : {}) });
/** Сводка as of a day (today when none). */
export const overview = (asOf?: string) => call<Overview>("overview", asOf ? { asOf } : {});
/** Converts every ready balance on `date` in one transaction; progress comes as `acts-batch-progress`. */
export const actsBatch = (date: string, program?: string) =>
  call<Conversion[]>("acts_batch", { date, ...(program ? { program } : {}) });
/** Stops a running batch: nothing it did stays. */
export const actsBatchCancel = () => call<null>("acts_batch_cancel");
/** Progress of a running batch of acts; resolves to the function that stops listening. */
export async function onBatchProgress(handler: (progress: BatchProgress) => void): Promise<UnlistenFn> {
  try {
    return await listen<BatchProgress>("acts-batch-progress", (event) => handler(event.payload));
  } catch {
    return () => {};
  }
}
/** The native open dialog for a bank statement (1CClientBankExchange); `null` when cancelled. */
export const pickStatementFile = () => call<string | null>("pick_statement_file");
/** What the bank statement at `path` would mark paid, already paid and not match; changes nothing. */
export const statementPreview = (path: string) => call<StatementReport>("statement_preview", { path });
/** Marks paid every act the bank statement at `path` pays (after a backup of the book). */
export const statementApply = (path: string) => call<StatementReport>("statement_apply", { path });

/** The native open dialog for an act's signed package from EDO (`.zip`); `null` when cancelled. */
export const pickSignedPackage = () => call<string | null>("pick_signed_package");
/** Loads a signed package (a `.zip` or a folder) onto the act whose seller's title it carries. */
export const importSignedPackage = (path: string) => call<SignedImport>("import_signed_package", { path });
/** Saves the signed act's PDF (the save dialog) and the package beside it; the PDF's path, or `null`. */
export const saveSignedAct = (act: string) => call<string | null>("save_signed_act", { act });
/** The month's payout register (`YYYY-MM`), as its files show it. */
export const payoutRegister = (month: string) => call<RegisterView>("payout_register", { month });

// Saving documents: each opens the system's save dialog and answers the path saved, or null when cancelled.
export const saveAct = (act: string, format: ActFormat) => call<string | null>("save_act", { act, format });
export const saveRegister = (month: string, format: RegisterFormat) =>
  call<string | null>("save_register", { month, format });
export const saveStatement = (partner: string, from: string, to: string) =>
  call<string | null>("save_statement", { partner, from, to });
/** A table as it is shown (its filters, search and sort; every row), as XLSX in the request's language. */
export const exportTable = (request: ExportRequest) => call<string | null>("export_table", { request });
