import type { WhatIfReport } from "../bindings/WhatIfReport";
import { formatCount, formatDate, formatMoney } from "../format";
import { useI18n } from "../i18n";

/**
 * «Применить?»: how much will be posted to how many partners — the report's own totals per unit
 * (nothing is added up here) — and the discount periods that change; Применить or Отмена.
 */
export function WhatIfConfirm(props: { report: WhatIfReport; date: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const { report, date, busy, onYes, onNo } = props;
  const { t, lang } = useI18n();
  const added = report.discounts.filter((d) => d.change === "added").length;
  const removed = report.discounts.length - added;
  return (
    <div className="whatif-confirm" role="alertdialog" aria-label={t("whatif.confirmTitle")} data-testid="whatif-confirm">
      {report.totals.length === 0 && <p>{t("whatif.confirmNone")}</p>}
      {report.totals.map((total) => (
        <p key={total.unit} data-testid={`whatif-confirm-${total.unit}`}>
          {t("whatif.confirmSum", {
            amount: formatMoney(total.difference, total.unit, lang),
            n: formatCount(total.partners_changed, lang),
          })}
        </p>
      ))}
      {report.discounts.length > 0 && (
        <p>{t("whatif.confirmDiscounts", { added: formatCount(added, lang), removed: formatCount(removed, lang) })}</p>
      )}
      <p className="muted">{t("whatif.confirmVersion", { date: formatDate(date, lang), from: formatDate(report.from, lang) })}</p>
      <div className="whatif-apply">
        <button type="button" onClick={onNo} disabled={busy}>
          {t("common.cancel")}
        </button>
        <button type="button" className="primary" onClick={onYes} disabled={busy} data-testid="whatif-confirm-yes">
          {busy ? t("whatif.applying") : t("whatif.confirmYes")}
        </button>
      </div>
    </div>
  );
}
