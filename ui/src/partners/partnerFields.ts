import type { Partner } from "../bindings/Partner";
import type { PartnerInput } from "../bindings/PartnerInput";
import type { PartnerKind } from "../bindings/PartnerKind";
import type { PartnerStatus } from "../bindings/PartnerStatus";
import type { MessageKey } from "../i18n";

/** A form field: its key is the spreadsheet's column key (FORMATS.md) and the input's `name`/`id`. */
export type FieldKey = keyof PartnerInput;
export type FieldSpec = {
  key: FieldKey;
  type: "text" | "date" | "email" | "select" | "checkbox";
  hint?: MessageKey;
  wide?: boolean;
};

export const PARTNER_KINDS: readonly PartnerKind[] = ["ooo", "ip", "person", "foreign"];
export const PARTNER_STATUSES: readonly PartnerStatus[] = ["active", "suspended", "terminated", "disqualified"];

export const FIELD_GROUPS: readonly { title: MessageKey; fields: readonly FieldSpec[] }[] = [
  {
    title: "form.group.main",
    fields: [
      { key: "partner_id", type: "text" },
      { key: "program", type: "select" },
      { key: "name", type: "text", wide: true },
      { key: "kind", type: "select" },
      { key: "status", type: "select" },
      { key: "status_since", type: "date" },
      { key: "registered", type: "date" },
    ],
  },
  {
    title: "form.group.requisites",
    fields: [
      { key: "inn", type: "text" },
      { key: "kpp", type: "text" },
      { key: "ogrn", type: "text" },
      { key: "vat_payer", type: "checkbox" },
      { key: "vat_rate", type: "text", hint: "form.percentHint" },
      { key: "bik", type: "text" },
      { key: "account", type: "text" },
      { key: "address", type: "text", wide: true },
    ],
  },
  {
    title: "form.group.contract",
    fields: [
      { key: "code", type: "text", hint: "form.codeHint" },
      { key: "rate", type: "text", hint: "form.percentHint" },
      { key: "contract_no", type: "text" },
      { key: "contract_date", type: "date" },
      { key: "client_id", type: "text", hint: "form.clientIdHint" },
    ],
  },
  {
    title: "form.group.contacts",
    fields: [
      { key: "signer", type: "text" },
      { key: "signer_position", type: "text" },
      { key: "email", type: "email" },
      { key: "edo_id", type: "text" },
    ],
  },
];

export const FIELD_KEYS: readonly FieldKey[] = FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.key));

export type PartnerValues = Record<FieldKey, string>;

/** A new partner's form: a company, active; the program left to choose. */
export function blankValues(): PartnerValues {
  const values = Object.fromEntries(FIELD_KEYS.map((k) => [k, ""])) as PartnerValues;
  return { ...values, kind: "ooo", status: "active", vat_payer: "no" };
}

/** The form's values for a partner the book holds. */
export function valuesOf(p: Partner): PartnerValues {
  const text = (v: string | null) => v ?? "";
  return {
    partner_id: p.partner_id,
    program: p.program,
    name: p.name,
    kind: p.kind,
    inn: text(p.inn),
    kpp: text(p.kpp),
    ogrn: text(p.ogrn),
    vat_payer: p.vat_payer ? "yes" : "no",
    vat_rate: text(p.vat_rate),
    code: text(p.code),
    rate: text(p.rate),
    contract_no: text(p.contract_no),
    contract_date: text(p.contract_date),
    registered: p.registered,
    status: p.status,
    status_since: p.status_since,
    bik: text(p.bik),
    account: text(p.account),
    address: text(p.address),
    signer: text(p.signer),
    signer_position: text(p.signer_position),
    email: text(p.email),
    edo_id: text(p.edo_id),
    client_id: text(p.client_id),
  };
}
