// Every Tauri command the UI calls, one typed function each. All reject with an `ErrorDto`.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppInfo } from "./bindings/AppInfo";
import type { PartnerCard } from "./bindings/PartnerCard";
import type { ClientCard } from "./bindings/ClientCard";
import type { ClientPage } from "./bindings/ClientPage";
import type { ClientQuery } from "./bindings/ClientQuery";
import type { ImportKind } from "./bindings/ImportKind";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportRecord } from "./bindings/ImportRecord";
import type { ImportReport } from "./bindings/ImportReport";
import type { Lang } from "./bindings/Lang";
import type { Partner } from "./bindings/Partner";
import type { PartnerInput } from "./bindings/PartnerInput";
import type { PartnerPage } from "./bindings/PartnerPage";
import type { PartnerQuery } from "./bindings/PartnerQuery";
import type { ProgramSummary } from "./bindings/ProgramSummary";
import type { Vendor } from "./bindings/Vendor";
import { toErrorDto } from "./errors";

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

export const partnersPage = (query: PartnerQuery) => call<PartnerPage>("partners_page", { query });
export const partnerCard = (partner: string) => call<PartnerCard>("partner_card", { partner });
export const partnerCreate = (input: PartnerInput) => call<Partner>("partner_create", { input });
export const partnerUpdate = (partner: string, input: PartnerInput) =>
  call<Partner>("partner_update", { partner, input });

export const clientsPage = (query: ClientQuery) => call<ClientPage>("clients_page", { query });
export const clientCard = (program: string, client: string) =>
  call<ClientCard>("client_card", { program, client });

export const pickImportFile = () => call<string | null>("pick_import_file");
export const importCheck = (kind: ImportKind, path: string) =>
  call<ImportReport>("import_check", { kind, path });
export const importCommit = (kind: ImportKind, path: string) =>
  call<ImportReport>("import_commit", { kind, path });
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
