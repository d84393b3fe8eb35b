import { DateField } from "../components/DateField";
import { useRef, useState } from "react";
import { actsBatch, actsBatchCancel, onBatchProgress, readyBalances } from "../api";
import type { BatchProgress } from "../bindings/BatchProgress";
import type { Conversion } from "../bindings/Conversion";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { ReadyBalance } from "../bindings/ReadyBalance";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { Modal } from "../components/Modal";
import { ProgramChips } from "../components/ProgramChips";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { problemsByField, toErrorDto } from "../errors";
import { formatCount, formatDate, formatMoney, previousMonthEnd, unitLabel } from "../format";
import { programName, useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

type Phase =
  | { kind: "choose" }
  | { kind: "running"; progress: BatchProgress | null }
  | { kind: "done"; made: Conversion[] }
  | { kind: "cancelled" };

/**
 * «Сформировать акты за месяц»: the day (the last of the month before, unless changed) and
 * a program or all, the balances ready for conversion with their totals, then the batch with
 * a progress bar and a cancel button (cancelled, it changes nothing), then what it made.
 */
export function BatchDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [date, setDate] = useState(() => previousMonthEnd());
  const [program, setProgram] = useState("");
  const ready = useQuery(readyBalances, date ? [date, program || undefined] : null);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const [error, setError] = useState<ErrorDto | null>(null);
  const running = useRef(false);
  const list = ready.data;
  const rows = list?.rows;
  const loadError = ready.error;
  const { byField, other } = problemsByField(error, ["date"]);

  const run = async () => {
    if (running.current) return;
    running.current = true;
    setError(null);
    setPhase({ kind: "running", progress: null });
    const stop = await onBatchProgress((progress) =>
      setPhase((p) => (p.kind === "running" ? { kind: "running", progress } : p)),
    );
    try {
      const made = await actsBatch(date, program || undefined);
      setPhase({ kind: "done", made });
      onDone();
    } catch (reason) {
      const dto = toErrorDto(reason);
      if (dto.code === "cancelled") setPhase({ kind: "cancelled" });
      else {
        setError(dto);
        setPhase({ kind: "choose" });
      }
    } finally {
      stop();
      running.current = false;
    }
  };

  const cancel = () => void actsBatchCancel().catch((reason: unknown) => setError(toErrorDto(reason)));
  const close = () => (phase.kind === "running" ? cancel() : onClose());

  const readyColumns: SimpleColumn<ReadyBalance>[] = [
    { header: t("col.partner"), cell: (r) => r.partner },
    { header: t("col.name"), cell: (r) => r.name, className: "wrap" },
    { header: t("col.program"), cell: (r) => programName(programs, r.program, lang) },
    { header: t("balance.available"), cell: (r) => formatMoney(r.available, r.unit, lang), className: "right money" },
    { header: t("batch.threshold"), cell: (r) => formatMoney(r.min_amount, r.unit, lang), className: "right money muted" },
  ];
  const madeColumns: SimpleColumn<Conversion>[] = [
    { header: t("col.actNumber"), cell: (c) => c.number },
    { header: t("col.partner"), cell: (c) => c.partner },
    { header: t("col.amount"), cell: (c) => formatMoney(c.amount, c.unit, lang), className: "right money" },
  ];
  const progress = phase.kind === "running" ? phase.progress : null;

  return (
    <Modal title={t("batch.title")} onClose={close} wide testId="batch-dialog">
      <div className="modal-body batch-body">
        {phase.kind === "choose" && (
          <>
            <div className="toolbar">
              <label className={`inline-field${byField.has("date") ? " invalid" : ""}`}>
                <span>{t("batch.date")}</span>
                <DateField name="date" testId="batch-date" value={date} onChange={setDate} invalid={byField.has("date")} />
              </label>
            </div>
            <ProgramChips value={program || undefined} onChange={(p) => setProgram(p ?? "")} testIdPrefix="batch-program" />
            {byField.has("date") && (
              <div className="field-error" data-testid="error-date" role="alert">
                {(byField.get("date") ?? []).map((p) => p.message).join("; ")}
              </div>
            )}
            <p className="muted">{t("batch.explain", { date: formatDate(date, lang) })}</p>
            <ErrorBanner error={loadError} />
            <ErrorBanner error={error && !byField.size ? error : null} extra={other} />
            {!rows && !loadError && <p className="muted">{t("common.loading")}</p>}
            {rows && (
              <>
                <SimpleTable columns={readyColumns} rows={rows} empty={t("batch.nothingReady")} testId="batch-ready" />
                {rows.length > 0 && (
                  <div className="batch-totals">
                    {(list?.totals ?? []).map((x) => (
                      <div key={x.unit} data-testid={`batch-total-${x.unit}`} data-value={x.available}>
                        {t("batch.total", { unit: unitLabel(x.unit, lang), n: formatCount(x.count, lang) })}{" "}
                        <strong className="money">{formatMoney(x.available, x.unit, lang)}</strong>
                      </div>
                    ))}
                  </div>
                )}
              </>
            )}
          </>
        )}
        {phase.kind === "running" && (
          <div className="import-progress" data-testid="batch-progress">
            <div className="import-progress-line">
              <strong>{t("batch.running")}</strong>
              <span data-testid="batch-progress-count">
                {progress ? t("batch.progress", { done: formatCount(progress.done, lang), total: formatCount(progress.total, lang) }) : "…"}
              </span>
              <button type="button" onClick={cancel} data-testid="batch-cancel">
                {t("import.cancel")}
              </button>
            </div>
            {progress && progress.total > 0 ? (
              <progress aria-label={t("batch.running")} max={progress.total} value={progress.done} />
            ) : (
              <progress aria-label={t("batch.running")} />
            )}
          </div>
        )}
        {phase.kind === "cancelled" && (
          <p className="note" role="status" data-testid="batch-cancelled">
            {t("batch.cancelled")}
          </p>
        )}
        {phase.kind === "done" && (
          <div data-testid="batch-summary">
            <p className="ok-banner" role="status">
              {t("batch.made", { n: formatCount(phase.made.length, lang), date: formatDate(date, lang) })}
            </p>
            <SimpleTable columns={madeColumns} rows={phase.made} empty={t("batch.madeNone")} testId="batch-made" />
          </div>
        )}
      </div>
      <footer className="modal-footer">
        {phase.kind === "choose" && (
          <>
            <button type="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="button" className="primary" disabled={!rows || rows.length === 0} onClick={() => void run()} data-testid="batch-run">
              {t("batch.run")}
            </button>
          </>
        )}
        {(phase.kind === "done" || phase.kind === "cancelled") && (
          <button type="button" className="primary" onClick={onClose} data-testid="batch-close">
            {t("common.close")}
          </button>
        )}
      </footer>
    </Modal>
  );
}
