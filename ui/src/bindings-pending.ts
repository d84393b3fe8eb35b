// Types the shell will generate from Rust (ts-rs) but has not yet.
// To be replaced by the generated `bindings/PartnerCard.ts` and `bindings/AppInfo.ts`:
// when they appear, delete the declaration here and import from `./bindings/…` instead.
import type { AuditEntry } from "./bindings/AuditEntry";
import type { Binding } from "./bindings/Binding";
import type { BindingEvent } from "./bindings/BindingEvent";
import type { Lang } from "./bindings/Lang";
import type { Partner } from "./bindings/Partner";
import type { PartnerCode } from "./bindings/PartnerCode";

/** A partner's card: the partner, its codes, its clients now and before, refusals, audit. */
export type PartnerCard = {
  partner: Partner;
  codes: Array<PartnerCode>;
  clients_now: Array<Binding>;
  clients_before: Array<Binding>;
  refused: Array<BindingEvent>;
  history: Array<AuditEntry>;
};

/** What the shell tells the UI at start. */
export type AppInfo = { version: string; book_path: string; lang: Lang; operator: string };
