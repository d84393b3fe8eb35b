import { useRef, useState } from "react";
import { pickStatementFile, statementApply, statementPreview } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { StatementPaid } from "../bindings/StatementPaid";
import type { StatementReport } from "../bindings/StatementReport";
import type { StatementUnmatched } from "../bindings/StatementUnmatched";
import { ErrorBanner } from "../components/ErrorBanner";
import { Modal } from "../components/Modal";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { toErrorDto } from "../errors";
import { formatCount, formatDate, formatMoney } from "../format";
import { useI18n } from "../i18n";

type Phase =
  | { kind: "file" }
  | { kind: "reading" }
  | { kind: "preview"; report: StatementReport }
  | { kind: "applying"; report: StatementReport }
  | { kind: "done"; report: StatementReport };

/**
 * «Загрузить выписку»: the bank's statement (1CClientBankExchange), chosen in the native
 * dialog or typed, read against the book: the acts it will mark paid (act, partner, day,
 * amount), those already paid, the debits that match no act with the reason; then
 * «Отметить оплаченными» and what was done. A file that is not a statement is refused with
 * every problem by line and key, and changes nothing.
 */
export function BankStatementDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [path, setPath] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "file" });
  const [error, setError] = useState<ErrorDto | null>(null);
  const busy = useRef(false);

  const read = async (file: string) => {
    const target = file.trim();
    if (!target || busy.current) return;
    busy.current = true;
    setError(null);
    setPhase({ kind: "reading" });
    try {
      setPhase({ kind: "preview", report: await statementPreview(target) });
    } catch (reason) {
      setError(toErrorDto(reason));
      setPhase({ kind: "file" });
    } finally {
      busy.current = false;
    }
  };

  const pick = async () => {
    try {
      const chosen = await pickStatementFile();
      if (chosen) {
        setPath(chosen);
        await read(chosen);
      }
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  const apply = async (report: StatementReport) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    setPhase({ kind: "applying", report });
    try {
      const done = await statementApply(path.trim());
      setPhase({ kind: "done", report: done });
      onDone();
    } catch (reason) {
      setError(toErrorDto(reason));
      setPhase({ kind: "preview", report });
    } finally {
      busy.current = false;
    }
  };

  const paidColumns: SimpleColumn<StatementPaid>[] = [
    { header: t("col.actNumber"), cell: (p) => p.act },
    { header: t("col.partner"), cell: (p) => p.partner },
    { header: t("col.name"), cell: (p) => p.name, className: "wrap" },
    { header: t("bankStatement.payDate"), cell: (p) => formatDate(p.date, lang) },
    { header: t("col.amount"), cell: (p) => formatMoney(p.amount, p.currency, lang), className: "right money" },
    { header: t("bankStatement.payment"), cell: (p) => p.payment, className: "muted" },
  ];
  const unmatchedColumns: SimpleColumn<StatementUnmatched>[] = [
    { header: t("bankStatement.payment"), cell: (u) => u.number },
    { header: t("col.date"), cell: (u) => formatDate(u.date, lang) },
    { header: t("col.amount"), cell: (u) => formatMoney(u.amount, "RUB", lang), className: "right money" },
    { header: t("bankStatement.recipient"), cell: (u) => [u.recipient, u.recipient_inn].filter(Boolean).join(", "), className: "wrap" },
    { header: t("bankStatement.reason"), cell: (u) => <span data-code={u.code}>{u.reason}</span>, className: "wrap" },
  ];
  const problems = error?.problems ?? [];
  const report = phase.kind === "preview" || phase.kind === "applying" || phase.kind === "done" ? phase.report : null;
  // The file stays in view (and may be changed) until the acts are being marked.
  const choosing = phase.kind === "file" || phase.kind === "reading" || phase.kind === "preview";

  return (
    <Modal title={t("bankStatement.title")} onClose={phase.kind === "applying" ? () => {} : onClose} wide testId="bank-statement-dialog">
      <div className="modal-body batch-body">
        {choosing && (
          <>
            <div className="field wide">
              <label htmlFor="bank-statement-path">{t("bankStatement.path")}</label>
              <div className="path-row">
                <input
                  id="bank-statement-path"
                  name="bank-statement-path"
                  data-testid="bank-statement-path"
                  value={path}
                  placeholder={t("bankStatement.pathPlaceholder")}
                  disabled={phase.kind === "reading"}
                  onChange={(e) => setPath(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") void read(path);
                  }}
                />
                <button type="button" onClick={() => void pick()} disabled={phase.kind === "reading"} data-testid="bank-statement-pick">
                  {t("bankStatement.pick")}
                </button>
                <button
                  type="button"
                  onClick={() => void read(path)}
                  disabled={phase.kind === "reading" || path.trim() === ""}
                  data-testid="bank-statement-check"
                >
                  {t("bankStatement.check")}
                </button>
              </div>
            </div>
            {phase.kind !== "preview" && <p className="muted">{t("bankStatement.explain")}</p>}
            {phase.kind === "reading" && <p className="muted">{t("bankStatement.reading")}</p>}
          </>
        )}
        {problems.length > 0 ? (
          <div className="error-banner" role="alert" data-testid="bank-statement-problems">
            <div>{t("bankStatement.refused")}</div>
            <SimpleTable
              columns={[
                { header: t("bankStatement.line"), cell: (p) => p.row ?? "" },
                { header: t("bankStatement.key"), cell: (p) => p.column ?? "" },
                { header: t("bankStatement.reason"), cell: (p) => p.message, className: "wrap" },
              ]}
              rows={problems}
              empty=""
            />
          </div>
        ) : (
          <ErrorBanner error={error} />
        )}
        {report && (
          <div data-testid={phase.kind === "done" ? "bank-statement-result" : "bank-statement-preview"}>
            {phase.kind === "done" && (
              <p className="ok-banner" role="status" data-testid="bank-statement-done">
                {report.paid.length > 0 ? t("bankStatement.done", { n: formatCount(report.paid.length, lang) }) : t("bankStatement.doneNone")}
              </p>
            )}
            <p className="muted" title={path}>
              {t("bankStatement.skipped", { n: formatCount(report.operations, lang), skipped: formatCount(report.skipped, lang) })}
            </p>
            <h3>{phase.kind === "done" ? t("bankStatement.paid") : t("bankStatement.toPay")}</h3>
            <SimpleTable columns={paidColumns} rows={report.paid} empty={t("bankStatement.nothingToPay")} testId="bank-statement-paid" />
            {report.already_paid.length > 0 && (
              <>
                <h3>{t("bankStatement.alreadyPaid")}</h3>
                <SimpleTable columns={paidColumns} rows={report.already_paid} empty="" testId="bank-statement-already-paid" />
              </>
            )}
            {report.unmatched.length > 0 && (
              <>
                <h3>{t("bankStatement.unmatched")}</h3>
                <SimpleTable columns={unmatchedColumns} rows={report.unmatched} empty="" testId="bank-statement-unmatched" />
              </>
            )}
          </div>
        )}
      </div>
      <footer className="modal-footer">
        {phase.kind !== "done" && (
          <button type="button" onClick={onClose} disabled={phase.kind === "applying"}>
            {t("common.cancel")}
          </button>
        )}
        {(phase.kind === "preview" || phase.kind === "applying") && (
          <button
            type="button"
            className="primary"
            disabled={phase.kind === "applying" || phase.report.paid.length === 0}
            onClick={() => void apply(phase.report)}
            data-testid="bank-statement-apply"
          >
            {phase.kind === "applying" ? t("bankStatement.applying") : t("bankStatement.apply", { n: formatCount(phase.report.paid.length, lang) })}
          </button>
        )}
        {phase.kind === "done" && (
          <button type="button" className="primary" onClick={onClose} data-testid="bank-statement-close">
            {t("common.close")}
          </button>
        )}
      </footer>
    </Modal>
  );
}
