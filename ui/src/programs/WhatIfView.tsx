import { useEffect, useState, type FormEvent } from "react";
import { whatif, whatifApply } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { WhatIfApplied } from "../bindings/WhatIfApplied";
import type { WhatIfReport } from "../bindings/WhatIfReport";
import type { WhatIfRequest } from "../bindings/WhatIfRequest";
import { ErrorBanner } from "../components/ErrorBanner";
import { ExportButton } from "../components/ExportButton";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { formatCount, formatMoney, todayIso } from "../format";
import { useI18n } from "../i18n";
import { WhatIfConfirm } from "./WhatIfConfirm";
import { WhatIfDiscounts } from "./WhatIfDiscounts";
import { WhatIfTable, WHATIF_BY_PARTNER, type WhatIfSorting } from "./WhatIfTable";

/** Nothing would change: no partner's difference is other than zero and no discount period moves. */
export function changesNothing(report: WhatIfReport): boolean {
  return report.totals.every((t) => t.partners_changed === 0) && report.discounts.length === 0;
}

/**
 * «Что если»: the draft's rules replayed over the program's payments from the draft's first day
 * (the book is not changed), per partner with the totals per unit; exported to XLSX as sorted; applied from
 * a date after a confirmation, which posts the corrections and records the rules as a version.
 */
export function WhatIfDialog(props: {
  title: string;
  request: WhatIfRequest;
  onBack: () => void;
  onClose: () => void;
  onApplied: (applied: WhatIfApplied) => void;
}) {
  const { title, request, onBack, onClose, onApplied } = props;
  const { t, lang } = useI18n();
  const [report, setReport] = useState<WhatIfReport | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [date, setDate] = useState(todayIso);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sort, setSort] = useState<WhatIfSorting>(WHATIF_BY_PARTNER);
  const [applied, setApplied] = useState<WhatIfApplied | null>(null);
  const { byField, other } = problemsByField(error, ["date"]);

  // Not a read of the book kept current (`query/useQuery.ts`): the replay of a draft is what the
  // person confirms, so a change of the book (every 30 s on a server) does not run it again under them.
  useEffect(() => {
    whatif(request).then(setReport, (reason: unknown) => setError(toErrorDto(reason)));
  }, [request]);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    run(async () => {
      setConfirming(false);
      const done = await whatifApply(request, date);
      setApplied(done);
      onApplied(done);
    });
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (date) setConfirming(true);
  };

  return (
    <Modal title={title} onClose={onClose} wide testId="whatif-dialog">
      <div className="modal-body">
        {report === null && !error && <p className="muted">{t("whatif.loading")}</p>}
        {report && (
          <>
            <p className="whatif-facts muted">
              <span data-testid="whatif-payments">{t("whatif.payments", { n: formatCount(report.payments, lang) })}</span>
              <span>{t("whatif.rows", { n: formatCount(report.rows.length, lang) })}</span>
            </p>
            {changesNothing(report) && (
              <p className="ok-banner" role="status" data-testid="whatif-nothing">
                {t("whatif.nothing")}
              </p>
            )}
            {report.rows.length > 0 && <WhatIfTable rows={report.rows} totals={report.totals} sort={sort} onSort={setSort} />}
            {report.discounts.length > 0 && <WhatIfDiscounts changes={report.discounts} />}
          </>
        )}
        {applied && (
          <p className="ok-banner" role="status" data-testid="whatif-applied">
            {t("whatif.applied", {
              entries: formatCount(applied.entries, lang),
              partners: formatCount(applied.partners, lang),
              amount: formatMoney(applied.amount, applied.unit, lang),
              version: applied.version,
            })}
          </p>
        )}
        {report && !applied && (
          <form className="whatif-apply" onSubmit={ask} noValidate>
            <FormField name="whatif_date" label={t("whatif.date")} type="date" value={date} onChange={setDate} problems={byField.get("date")} />
            <button type="submit" disabled={busy || confirming || !date} data-testid="whatif-apply">
              {t("whatif.apply")}
            </button>
          </form>
        )}
        {report && confirming && !applied && (
          <WhatIfConfirm report={report} date={date} busy={busy} onYes={apply} onNo={() => setConfirming(false)} />
        )}
        <ErrorBanner error={error && (other.length > 0 || byField.size === 0) ? error : null} extra={other} />
      </div>
      <footer className="modal-footer">
        {!applied && (
          <button type="button" onClick={onBack} disabled={busy}>
            {t("whatif.back")}
          </button>
        )}
        <ExportButton
          table={report && !busy ? { kind: "whatif", request, sort: sort.key, descending: sort.desc } : null}
          testId="whatif-export"
        />
        <button type="button" className={applied ? "primary" : undefined} onClick={onClose}>
          {t("common.close")}
        </button>
      </footer>
    </Modal>
  );
}
