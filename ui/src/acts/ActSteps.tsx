import { DateField } from "../components/DateField";
import { useState } from "react";
import { actStep, type ActStepKind } from "../api";
import type { ActRow } from "../bindings/ActRow";
import type { ActStatus } from "../bindings/ActStatus";
import type { ErrorDto } from "../bindings/ErrorDto";
import { problemsByField, toErrorDto } from "../errors";
import { todayIso } from "../format";
import { useI18n } from "../i18n";

/** The steps an act may take from each state (the core refuses any other). */
export const STEPS_FROM: Record<ActStatus, readonly ActStepKind[]> = {
  draft: ["send", "reject"],
  sent: ["sign", "reject"],
  signed: ["pay"],
  rejected: [],
  paid: [],
};

type Failure = { step: ActStepKind; error: ErrorDto };

/** One problem list, under what it concerns. */
function Problems({ id, label, messages }: { id: string; label?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="field-error" id={id} data-testid={id} role="alert">
      {messages.map((m, i) => (
        <div key={i}>{label ? `${label}: ${m}` : m}</div>
      ))}
    </div>
  );
}

/**
 * The workflow buttons the act's state allows, each with its day (today unless changed):
 * Отправить, Подписать, Отклонить (asks for the reason first), Отметить оплату. A refusal
 * shows under the step it concerns.
 */
export function ActSteps({ row, onDone }: { row: ActRow; onDone: () => void }) {
  const { t } = useI18n();
  const [dates, setDates] = useState<Partial<Record<ActStepKind, string>>>({});
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const steps = STEPS_FROM[row.status];

  const run = async (step: ActStepKind) => {
    setBusy(true);
    setFailure(null);
    try {
      await actStep(row.act, step, dates[step] ?? todayIso(), step === "reject" ? reason.trim() : undefined);
      setRejecting(false);
      setReason("");
      onDone();
    } catch (reason) {
      setFailure({ step, error: toErrorDto(reason) });
    } finally {
      setBusy(false);
    }
  };

  if (steps.length === 0) return <p className="muted">{t("act.noSteps")}</p>;
  return (
    <div className="act-steps">
      {steps.map((step) => {
        const mine = failure?.step === step ? failure.error : null;
        const { byField, other } = problemsByField(mine, ["date", "reason"]);
        const general = mine ? (other.length > 0 ? other.map((p) => p.message) : byField.size ? [] : [mine.message]) : [];
        const dateId = `act-date-${step}`;
        // «Отклонить» asks for the reason first; its confirmation runs the step.
        const button =
          step !== "reject" ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(step)} data-testid={`act-step-${step}`}>
              {t(`act.step.${step}`)}
            </button>
          ) : rejecting ? null : (
            <button type="button" className="danger-outline" disabled={busy} onClick={() => setRejecting(true)} data-testid="act-step-reject">
              {t("act.step.reject")}
            </button>
          );
        return (
          <div key={step} className="act-step" data-step={step}>
            <div className="act-step-line">
              <label className="inline-field" htmlFor={dateId}>
                <span>{t("act.stepDate")}</span>
              </label>
              <DateField
                id={dateId}
                name={`date-${step}`}
                testId={dateId}
                value={dates[step] ?? todayIso()}
                invalid={byField.has("date")}
                onChange={(d) => setDates({ ...dates, [step]: d })}
              />
              {button}
            </div>
            {step === "reject" && rejecting && (
              <div className={`field${byField.has("reason") ? " invalid" : ""}`}>
                <label htmlFor="act-reject-reason">{t("act.rejectReason")}</label>
                <textarea
                  id="act-reject-reason"
                  name="reason"
                  data-testid="act-reject-reason"
                  rows={2}
                  value={reason}
                  autoFocus
                  onChange={(e) => setReason(e.target.value)}
                />
                <Problems id="error-reason" label={t("act.rejectReason")} messages={(byField.get("reason") ?? []).map((p) => p.message)} />
                <div className="button-row">
                  <button type="button" onClick={() => setRejecting(false)} disabled={busy}>
                    {t("common.cancel")}
                  </button>
                  <button type="button" className="danger" onClick={() => void run("reject")} disabled={busy} data-testid="act-reject-confirm">
                    {t("act.rejectConfirm")}
                  </button>
                </div>
              </div>
            )}
            <Problems id="error-date" label={t("act.stepDate")} messages={(byField.get("date") ?? []).map((p) => p.message)} />
            <Problems id="act-step-error" messages={general} />
          </div>
        );
      })}
    </div>
  );
}
