import { useState, type FormEvent } from "react";
import { adjustBalance } from "../api";
import type { Adjusted } from "../bindings/Adjusted";
import type { ErrorDto } from "../bindings/ErrorDto";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { todayIso } from "../format";
import { useI18n } from "../i18n";

const FIELDS = ["date", "amount", "reason"] as const;

/**
 * A manual adjustment of a partner's balance: the day, the amount (positive credits, negative
 * debits, in the program's unit) and the reason. The core checks everything; its problems show at
 * their fields, and what it posted comes back to the card.
 */
export function AdjustDialog(props: { partner: string; unit: string; onClose: () => void; onDone: (done: Adjusted) => void }) {
  const { partner, unit, onClose, onDone } = props;
  const { t } = useI18n();
  const [date, setDate] = useState(todayIso);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const { byField, other } = problemsByField(error, FIELDS);
  const problems = (field: string) => byField.get(field) ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onDone(await adjustBalance(partner, date, amount, reason));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={t("adjust.title", { id: partner })} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="modal-body">
          <p className="muted">{t("adjust.explain", { unit })}</p>
          <div className="form-grid">
            <FormField name="date" label={t("adjust.date")} type="date" value={date} onChange={setDate} problems={problems("date")} />
            <FormField name="amount" label={t("adjust.amount", { unit })} type="text" value={amount} onChange={setAmount} problems={problems("amount")} hint={t("adjust.amountHint")} />
            <FormField
              name="reason"
              label={t("adjust.reason")}
              type="textarea"
              wide
              testId="adjust-reason"
              value={reason}
              onChange={setReason}
              problems={problems("reason")}
            />
          </div>
          <p className="note">{t("adjust.irreversible")}</p>
          <ErrorBanner error={error} extra={other} />
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose} disabled={saving}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="adjust-submit">
            {saving ? t("common.saving") : t("adjust.do")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
