import { useState, type FormEvent } from "react";
import { saveStatement } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { todayIso, yearStart } from "../format";
import { useI18n } from "../i18n";

/** «Выписка…»: the partner's entries from one day to another, saved as PDF through the system's dialog. */
export function StatementDialog({ partner, onClose }: { partner: string; onClose: () => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => yearStart());
  const [to, setTo] = useState(todayIso);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const { byField, other } = problemsByField(error, ["from", "to"]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await saveStatement(partner, from, to));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={t("statement.title", { id: partner })} onClose={onClose} testId="statement-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <div className="modal-body">
          <div className="form-grid">
            <FormField name="from" label={t("statement.from")} type="date" value={from} onChange={setFrom} problems={byField.get("from")} />
            <FormField name="to" label={t("statement.to")} type="date" value={to} onChange={setTo} problems={byField.get("to")} />
          </div>
          {saved && (
            <p className="ok-banner" role="status" data-testid="statement-saved">
              {t("act.savedTo")} <span className="path">{saved}</span>
            </p>
          )}
          <ErrorBanner error={error && (other.length > 0 || byField.size === 0) ? error : null} extra={other} />
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            {t("common.close")}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="statement-save">
            {saving ? t("common.saving") : t("statement.save")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
