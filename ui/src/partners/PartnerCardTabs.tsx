import type { PartnerCard } from "../bindings/PartnerCard";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { Binding } from "../bindings/Binding";
import type { BindingEvent } from "../bindings/BindingEvent";
import type { PartnerCode } from "../bindings/PartnerCode";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatDate, formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { PartnerDiscountsTab, PartnerInvitedTab } from "../discounts/DiscountTabs";
import { PartnerActsTab } from "../acts/PartnerActsTab";
import { PartnerAccrualsTab } from "./PartnerAccrualsTab";

/** Audit actions the UI knows how to name; others show as the shell sends them. */
const ACTIONS: Record<string, MessageKey> = {
  create: "action.create",
  update: "action.update",
  import: "action.import",
  vendor: "action.vendor",
  annul: "action.annul",
  adjust: "action.adjust",
  status: "action.status",
  rate: "action.rate",
  convert: "action.convert",
};

export type CardTab =
  | "requisites"
  | "contract"
  | "clients"
  | "discounts"
  | "invited"
  | "accruals"
  | "acts"
  | "refused"
  | "history";

/** A list of label — value pairs; empty values show as «—». */
function Facts({ rows }: { rows: readonly [MessageKey, string | null | undefined][] }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{t(label)}</dt>
          <dd>{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The panel of one tab of a partner's card. */
export function PartnerCardTabs({ tab, card, onOpenClient }: { tab: CardTab; card: PartnerCard; onOpenClient: (program: string, client: string) => void }) {
  const { t, lang } = useI18n();
  const p = card.partner;
  const date = (v: string | null) => formatDate(v, lang);
  const openBinding = (b: Binding) => onOpenClient(p.program, b.client);

  if (tab === "requisites") {
    return (
      <Facts
        rows={[
          ["field.kind", t(`kind.${p.kind}`)],
          ["field.inn", p.inn],
          ["field.kpp", p.kpp],
          ["field.ogrn", p.ogrn],
          ["card.vat", p.vat_payer ? t("card.vatYes", { rate: p.vat_rate ?? "—" }) : t("card.vatNo")],
          ["field.address", p.address],
          ["field.bik", p.bik],
          ["field.account", p.account],
          ["field.signer", p.signer],
          ["field.signer_position", p.signer_position],
          ["field.email", p.email],
          ["field.edo_id", p.edo_id],
          ["field.client_id", p.client_id],
          ["field.registered", date(p.registered)],
        ]}
      />
    );
  }
  if (tab === "contract") {
    const codeColumns: SimpleColumn<PartnerCode>[] = [
      { header: t("col.code"), cell: (c) => c.code },
      { header: t("col.issued"), cell: (c) => date(c.issued) },
      { header: t("col.retired"), cell: (c) => date(c.retired) },
    ];
    return (
      <>
        <Facts
          rows={[
            ["field.contract_no", p.contract_no ?? t("card.noContract")],
            ["field.contract_date", date(p.contract_date)],
            ["field.rate", p.rate && `${p.rate} %`],
            ["field.code", p.code],
          ]}
        />
        <h3>{t("card.codes")}</h3>
        <SimpleTable columns={codeColumns} rows={card.codes} empty={t("common.empty")} />
      </>
    );
  }
  if (tab === "clients") {
    const columns = (until: boolean): SimpleColumn<Binding>[] => [
      { header: t("col.client"), cell: (b) => b.client },
      { header: t("col.name"), cell: (b) => b.client_name ?? "" },
      { header: t("col.channel"), cell: (b) => t(`channel.${b.channel}`) },
      { header: t("col.since"), cell: (b) => date(b.since) },
      ...(until ? [{ header: t("col.until"), cell: (b: Binding) => date(b.until) }] : []),
    ];
    return (
      <>
        <h3>{t("card.clientsNow")}</h3>
        <SimpleTable columns={columns(false)} rows={card.clients_now} empty={t("common.empty")} onRowClick={openBinding} />
        <h3>{t("card.clientsBefore")}</h3>
        <SimpleTable columns={columns(true)} rows={card.clients_before} empty={t("common.empty")} onRowClick={openBinding} />
      </>
    );
  }
  if (tab === "discounts") return <PartnerDiscountsTab partner={p.partner_id} />;
  if (tab === "invited") return <PartnerInvitedTab partner={p.partner_id} program={p.program} onOpenClient={onOpenClient} />;
  if (tab === "accruals") return <PartnerAccrualsTab partner={p.partner_id} />;
  if (tab === "acts") return <PartnerActsTab partner={p.partner_id} program={p.program} />;
  if (tab === "refused") {
    const columns: SimpleColumn<BindingEvent>[] = [
      { header: t("col.date"), cell: (e) => date(e.date) },
      { header: t("col.client"), cell: (e) => e.client },
      { header: t("col.channel"), cell: (e) => t(`channel.${e.channel}`) },
      { header: t("col.code"), cell: (e) => e.code ?? "" },
      { header: t("col.reason"), cell: (e) => e.reason ?? e.reason_code ?? "", className: "wrap" },
    ];
    return (
      <SimpleTable
        columns={columns}
        rows={card.refused}
        empty={t("common.empty")}
        onRowClick={(e) => onOpenClient(e.program, e.client)}
      />
    );
  }
  const actionName = (action: string) => {
    const key = ACTIONS[action];
    return key ? t(key) : action;
  };
  const columns: SimpleColumn<AuditEntry>[] = [
    { header: t("col.at"), cell: (a) => formatDateTime(a.at, lang) },
    { header: t("col.operator"), cell: (a) => a.operator },
    { header: t("col.action"), cell: (a) => actionName(a.action) },
    { header: t("col.detail"), cell: (a) => a.detail ?? "", className: "wrap" },
  ];
  return <SimpleTable columns={columns} rows={card.history} empty={t("common.empty")} />;
}
