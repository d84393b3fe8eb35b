import type { LedgerEntry } from "../bindings/LedgerEntry";
import type { PartnerLedger } from "../bindings/PartnerLedger";
import { ExportButton } from "../components/ExportButton";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatDate, formatMoney } from "../format";
import { useI18n } from "../i18n";
import { BALANCE_COLUMNS, BALANCE_LABELS, ENTRY_KINDS } from "./ledgerLabels";

/** A partner's balance as of a day (label — amount) and every ledger entry with its reason; the entries export to XLSX. */
export function PartnerLedgerView({ ledger }: { ledger: PartnerLedger }) {
  const { t, lang } = useI18n();
  const b = ledger.balance;
  const kind = (k: string) => {
    const key = ENTRY_KINDS[k];
    return key ? t(key) : k;
  };
  const columns: SimpleColumn<LedgerEntry>[] = [
    { header: t("col.date"), cell: (e) => formatDate(e.date, lang) },
    { header: t("col.entryKind"), cell: (e) => <span className={`label label-entry-${e.kind}`}>{kind(e.kind)}</span> },
    {
      header: t("col.amount"),
      cell: (e) => (
        <span data-col="amount" data-value={e.amount}>
          {formatMoney(e.amount, e.unit, lang)}
        </span>
      ),
      className: "right money",
    },
    { header: t("col.availableOn"), cell: (e) => (e.kind === "credit" ? formatDate(e.available_on, lang) : "") },
    { header: t("col.reason"), cell: (e) => e.reason, className: "wrap" },
  ];
  return (
    <div className="ledger" data-testid="partner-ledger">
      <h3>{t("ledger.balanceOn", { date: formatDate(ledger.as_of, lang) })}</h3>
      <dl className="facts balance-facts" data-testid="partner-balance">
        {BALANCE_COLUMNS.map((c) => (
          <div key={c} className={c === "available" ? "fact strong" : "fact"}>
            <dt>{t(BALANCE_LABELS[c])}</dt>
            <dd className="money" data-col={c} data-value={b[c]}>
              {formatMoney(b[c], b.unit, lang)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="toolbar">
        <h3>{t("ledger.entries")}</h3>
        <ExportButton table={{ kind: "ledger", partner: b.partner }} testId="ledger-export" />
      </div>
      <SimpleTable columns={columns} rows={ledger.entries} empty={t("ledger.noEntries")} testId="ledger-entries" />
    </div>
  );
}
