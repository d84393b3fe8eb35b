import { useState } from "react";
import { actPreview, actsPage, saveAct, saveSignedAct } from "../api";
import type { ActFormat } from "../bindings/ActFormat";
import type { ErrorDto } from "../bindings/ErrorDto";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { Modal } from "../components/Modal";
import { toErrorDto } from "../errors";
import { formatDate, formatMoney } from "../format";
import { programName, useI18n, type MessageKey } from "../i18n";
import { useQuery } from "../query/useQuery";
import { ActPreview } from "./ActPreview";
import { ActSignatureList } from "./ActSignatureList";
import { SignedPackageDialog } from "./SignedPackageDialog";
import { ActStatusLabel } from "./ActStatusLabel";
import { ActSteps } from "./ActSteps";

type Saved = { format: ActFormat | "signed"; path: string } | { format: ActFormat | "signed"; error: ErrorDto };

const SAVES: readonly { format: ActFormat; label: MessageKey }[] = [
  { format: "pdf", label: "act.save.pdf" },
  { format: "invoice", label: "act.save.invoice" },
  { format: "xml", label: "act.save.xml" },
];

/**
 * An act: the paper as it will print (from `act_preview`), its state and days, the workflow
 * steps its state allows, and saving it as PDF, счёт-фактура (VAT payers only) or EDO XML
 * through the system's dialog. `act` is the act's id or number. `onChanged` is told after a step
 * changed the act (the screen reads the book again, this dialog with it).
 */
export function ActDialog({ act, onClose, onChanged }: { act: string; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const rows = useQuery(actsPage, [{ act, limit: 1 }]);
  const preview = useQuery(actPreview, [act]);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saving, setSaving] = useState(false);
  const [loadingPackage, setLoadingPackage] = useState(false);
  // Shown once both reads answered (or failed).
  const current =
    (rows.data !== undefined || rows.error) && (preview.data !== undefined || preview.error)
      ? { row: rows.data ? (rows.data.rows[0] ?? null) : undefined, rowError: rows.error, doc: preview.data, docError: preview.error }
      : null;
  const row = current?.row;
  const doc = current?.doc;
  const hasVat = Boolean(row?.vat_rate ?? doc?.vat);

  const save = async (format: ActFormat | "signed") => {
    if (!row) return;
    setSaving(true);
    setSaved(null);
    try {
      const path = format === "signed" ? await saveSignedAct(row.act) : await saveAct(row.act, format);
      if (path) setSaved({ format, path });
    } catch (reason) {
      setSaved({ format, error: toErrorDto(reason) });
    } finally {
      setSaving(false);
    }
  };

  const date = (d: string | null) => formatDate(d, lang) || "—";
  const title = row ? t("act.title", { number: row.number, date: formatDate(row.date, lang) }) : t("act.titleLoading");
  return (
    <Modal title={title} onClose={onClose} className="modal-act" testId="act-dialog">
      <div className="act-dialog-body">
        <div className="act-paper-scroll">
          {!current && <p className="muted">{t("common.loading")}</p>}
          {current?.docError && (
            <div data-testid="act-preview-error">
              <ErrorBanner error={current.docError} />
            </div>
          )}
          {doc && <ActPreview doc={doc} />}
        </div>
        <aside className="act-side">
          <ErrorBanner error={current?.rowError ?? null} />
          {current && row === null && <p className="error-banner">{t("act.notFound", { act })}</p>}
          {row && (
            <>
              <div className="act-side-head" data-testid="act-state" data-status={row.status}>
                <ActStatusLabel status={row.status} />
                {row.overdue && <span className="label label-overdue">{t("act.overdue")}</span>}
              </div>
              <dl className="act-facts">
                <dt>{t("col.partner")}</dt>
                <dd>
                  {row.partner} · {row.name}
                </dd>
                <dt>{t("col.program")}</dt>
                <dd>{programName(programs, row.program, lang)}</dd>
                <dt>{t("col.amount")}</dt>
                <dd className="money">{formatMoney(row.amount, row.unit, lang)}</dd>
                <dt>{t("col.money")}</dt>
                <dd className="money" data-testid="act-money" data-value={row.money}>
                  {formatMoney(row.money, row.currency, lang)}
                  {row.vat && (
                    <span className="muted act-vat">
                      {t("act.vatIncluded", { rate: row.vat_rate ?? "", vat: formatMoney(row.vat, row.currency, lang) })}
                    </span>
                  )}
                </dd>
                <dt>{t("act.payoutKind")}</dt>
                <dd>{row.payout_kind === "licence_credit" ? t("payout.licence_credit") : t("payout.bank")}</dd>
                <dt>{t("act.sent")}</dt>
                <dd data-testid="act-sent">{date(row.sent)}</dd>
                <dt>{t("col.signDue")}</dt>
                <dd data-testid="act-sign-due" className={row.overdue && row.status === "sent" ? "late" : undefined}>
                  {date(row.sign_due)}
                </dd>
                <dt>{t("act.signed")}</dt>
                <dd data-testid="act-signed">{date(row.signed)}</dd>
                <dt>{t("col.payDue")}</dt>
                <dd data-testid="act-pay-due" data-value={row.pay_due ?? ""} className={row.overdue && row.status === "signed" ? "late" : undefined}>
                  {date(row.pay_due)}
                </dd>
                <dt>{t("col.paid")}</dt>
                <dd data-testid="act-paid">{date(row.paid)}</dd>
                {row.status === "rejected" && (
                  <>
                    <dt>{t("act.rejected")}</dt>
                    <dd data-testid="act-rejected">
                      {date(row.rejected)}: {row.reason}
                    </dd>
                  </>
                )}
              </dl>
              <h3>{t("act.workflow")}</h3>
              <ActSteps
                key={`${row.act}|${row.status}`}
                row={row}
                onDone={() => {
                  onChanged();
                }}
              />
              <h3>{t("signature.title")}</h3>
              {doc && <ActSignatureList signatures={doc.signatures} />}
              <div className="act-saves">
                <button type="button" onClick={() => setLoadingPackage(true)} data-testid="act-load-package">
                  {t("signedPackage.open")}
                </button>
              </div>
              <h3>{t("act.documents")}</h3>
              <div className="act-saves">
                {SAVES.filter((s) => s.format !== "invoice" || hasVat).map((s) => (
                  <button key={s.format} type="button" disabled={saving} onClick={() => void save(s.format)} data-testid={`act-save-${s.format}`}>
                    {t(s.label)}
                  </button>
                ))}
                {doc && doc.signatures.length > 0 && (
                  <button type="button" disabled={saving} onClick={() => void save("signed")} data-testid="act-save-signed">
                    {t("act.save.signed")}
                  </button>
                )}
              </div>
              {saved && "path" in saved && (
                <p className="ok-banner" role="status" data-testid="act-saved">
                  {t("act.savedTo")} <span className="path">{saved.path}</span>
                </p>
              )}
              {saved && "error" in saved && (
                <div data-testid="act-save-error">
                  <ErrorBanner error={saved.error} />
                </div>
              )}
            </>
          )}
        </aside>
      </div>
      {loadingPackage && (
        <SignedPackageDialog
          onClose={() => setLoadingPackage(false)}
          onDone={() => {
            onChanged();
          }}
        />
      )}
    </Modal>
  );
}
