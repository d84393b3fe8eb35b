import { useState, type FormEvent } from "react";
import { annulForBreach } from "../api";
import type { BalanceRow } from "../bindings/BalanceRow";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { ProblemDto } from "../bindings/ProblemDto";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { formatDate, formatMoney, todayIso } from "../format";
import { useI18n } from "../i18n";

const FIELDS = ["date", "reason"] as const;

/**
 * Annulment for a breach of the rules: the day and the reason, then a confirmation that says
 * what is lost; only the confirmation calls the shell. Problems show at their fields.
 */
export function AnnulDialog(props: {
  balance: BalanceRow;
  /** What the annulment takes (available and on hold), summed by the core. */
  unconverted: string;
  onClose: () => void;
  onDone: (annulled: string) => void;
}) {
  const { balance, unconverted, onClose, onDone } = props;
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayIso);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [local, setLocal] = useState<Record<string, ProblemDto[]>>({});

  const { byField, other } = problemsByField(error, FIELDS);
  const problems = (field: string) => [...(local[field] ?? []), ...(byField.get(field) ?? [])];

  const next = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, ProblemDto[]> = {};
    const required = (field: string) => ({ code: "required", message: t("form.required"), row: null, column: null, field });
    if (!date) found.date = [required("date")];
    if (!reason.trim()) found.reason = [required("reason")];
    setLocal(found);
    setError(null);
    if (Object.keys(found).length === 0) setConfirming(true);
  };

  const confirm = async () => {
    setSaving(true);
    try {
      const annulled = await annulForBreach(balance.partner, date, reason.trim());
      onDone(annulled);
    } catch (reason) {
      setError(toErrorDto(reason));
      setConfirming(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={t("annul.title", { id: balance.partner })} onClose={onClose}>
      {!confirming ? (
        <form className="form" onSubmit={next}>
          <div className="modal-body">
            <p className="muted">{t("annul.explain")}</p>
            <div className="form-grid">
              <FormField name="date" label={t("annul.date")} type="date" value={date} onChange={setDate} problems={problems("date")} />
              <FormField
                name="reason"
                label={t("annul.reason")}
                type="textarea"
                wide
                testId="annul-reason"
                value={reason}
                onChange={setReason}
                problems={problems("reason")}
              />
            </div>
            <ErrorBanner error={error} extra={other} />
          </div>
          <footer className="modal-footer">
            <button type="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="danger" data-testid="annul-submit">
              {t("annul.next")}
            </button>
          </footer>
        </form>
      ) : (
        <>
          <div className="modal-body" role="alert" data-testid="annul-confirmation">
            <p>
              {t("annul.confirm", {
                id: balance.partner,
                name: balance.name,
                date: formatDate(date, lang),
                amount: formatMoney(unconverted, balance.unit, lang),
              })}
            </p>
            <p className="muted">
              {t("annul.reason")}: {reason.trim()}
            </p>
            <p className="note">{t("annul.irreversible")}</p>
          </div>
          <footer className="modal-footer">
            <button type="button" onClick={() => setConfirming(false)} disabled={saving}>
              {t("annul.back")}
            </button>
            <button type="button" className="danger" onClick={() => void confirm()} disabled={saving} data-testid="annul-confirm">
              {saving ? t("common.saving") : t("annul.do")}
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}
