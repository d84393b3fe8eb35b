import type { AccrualTotal } from "../bindings/AccrualTotal";
import { useBook } from "../book";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatCount, formatMoney } from "../format";
import { programName, useI18n } from "../i18n";

/** What an import accrued (or, in a check, would accrue), per program. */
export function ImportAccruedView({ accrued, committed }: { accrued: readonly AccrualTotal[]; committed: boolean }) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const count = (n: number) => formatCount(n, lang);
  const money = (value: string, a: AccrualTotal, col: string) => (
    <span data-col={col} data-value={value}>
      {formatMoney(value, a.unit, lang)}
    </span>
  );
  const columns: SimpleColumn<AccrualTotal>[] = [
    { header: t("col.program"), cell: (a) => <span data-program={a.program}>{programName(programs, a.program, lang)}</span> },
    { header: t("accrued.payments"), cell: (a) => count(a.payments), className: "right" },
    { header: t("accrued.earned"), cell: (a) => count(a.earned), className: "right" },
    { header: t("accrued.unearned"), cell: (a) => count(a.unearned), className: "right" },
    { header: t("accrued.credited"), cell: (a) => money(a.credited, a, "credited"), className: "right money" },
    { header: t("accrued.reversed"), cell: (a) => money(a.reversed, a, "reversed"), className: "right money" },
    { header: t("accrued.annulled"), cell: (a) => money(a.annulled, a, "annulled"), className: "right money" },
  ];
  return (
    <div className="import-accrued">
      <h3>{t(committed ? "accrued.titleDone" : "accrued.titleCheck")}</h3>
      <SimpleTable columns={columns} rows={accrued} empty={t("accrued.none")} testId="import-accrued" />
    </div>
  );
}
