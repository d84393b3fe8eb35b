import { DateField } from "../components/DateField";
import { useState } from "react";
import { payoutRegister, saveRegister } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { RegisterFormat } from "../bindings/RegisterFormat";
import type { RegisterLine } from "../bindings/RegisterLine";
import { ErrorBanner } from "../components/ErrorBanner";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { toErrorDto } from "../errors";
import { formatCount, formatDate, formatMoney, monthIso, unitLabel } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { useQuery } from "../query/useQuery";

const SAVES: readonly { format: RegisterFormat; label: MessageKey }[] = [
  { format: "pdf", label: "register.save.pdf" },
  { format: "xlsx", label: "register.save.xlsx" },
  { format: "bank", label: "register.save.bank" },
];

/**
 * Реестр выплат: a month (the current one unless changed), what its register holds (bank
 * payouts paid in the month and signed acts due by its end), and saving it as PDF, XLSX or
 * the bank's 1C file through the system's dialog.
 */
export function RegisterTab() {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(monthIso);
  const [saved, setSaved] = useState<{ path?: string; error?: ErrorDto } | null>(null);
  const [saving, setSaving] = useState(false);

  // A month half typed reads nothing: what was shown for the month before stays out of view.
  const loaded = useQuery(payoutRegister, /^\d{4}-\d{2}$/.test(month) ? [month] : null);
  const view = loaded.data;
  const lines = view?.register.lines;

  const save = async (format: RegisterFormat) => {
    setSaving(true);
    setSaved(null);
    try {
      const path = await saveRegister(month, format);
      if (path) setSaved({ path });
    } catch (reason) {
      setSaved({ error: toErrorDto(reason) });
    } finally {
      setSaving(false);
    }
  };

  const date = (d: string | null) => formatDate(d, lang);
  const columns: SimpleColumn<RegisterLine>[] = [
    { header: t("col.partner"), cell: (l) => l.partner_id },
    { header: t("col.name"), cell: (l) => l.name, className: "ellipsis" },
    { header: t("col.inn"), cell: (l) => l.inn ?? "" },
    { header: t("field.bik"), cell: (l) => l.bik ?? "" },
    { header: t("field.account"), cell: (l) => l.account ?? "" },
    { header: t("col.act"), cell: (l) => t("register.act", { number: l.act_number, date: date(l.act_date) }) },
    { header: t("col.money"), cell: (l) => formatMoney(l.amount, l.currency, lang), className: "right money" },
    { header: t("register.vat"), cell: (l) => (l.vat ? formatMoney(l.vat.amount, l.currency, lang) : t("register.noVat")), className: "right money" },
    { header: t("act.signed"), cell: (l) => (l.signed ? `${date(l.signed)}${l.e_signed ? ` ${t("register.eSigned")}` : ""}` : "") },
    { header: t("col.payDue"), cell: (l) => date(l.pay_due) },
    { header: t("col.paid"), cell: (l) => date(l.paid) },
  ];

  return (
    <div className="tab-body">
      <div className="toolbar">
        <label className="inline-field">
          <span>{t("register.month")}</span>
          <DateField month name="month" testId="register-month" value={month} onChange={setMonth} />
        </label>
        {SAVES.map((s) => (
          <button key={s.format} type="button" disabled={saving || !lines} onClick={() => void save(s.format)} data-testid={`register-save-${s.format}`}>
            {t(s.label)}
          </button>
        ))}
      </div>
      <p className="muted">{t("register.explain")}</p>
      {saved?.path && (
        <p className="ok-banner" role="status" data-testid="register-saved">
          {t("act.savedTo")} <span className="path">{saved.path}</span>
        </p>
      )}
      <ErrorBanner error={saved?.error ?? null} />
      <ErrorBanner error={loaded.error} />
      {!view && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      {lines && (
        <>
          <SimpleTable columns={columns} rows={lines} empty={t("register.empty")} testId="register-lines" />
          {lines.length > 0 && (
            <div className="batch-totals">
              {(view?.totals ?? []).map((x) => (
                <div key={x.currency} data-testid={`register-total-${x.currency}`} data-value={x.amount}>
                  {t("register.total", { unit: unitLabel(x.currency, lang), n: formatCount(x.count, lang) })}{" "}
                  <strong className="money">{formatMoney(x.amount, x.currency, lang)}</strong>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
