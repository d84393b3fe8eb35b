import { useState, type FormEvent } from "react";
import { convertBalance, partnerLedger, programVersions } from "../api";
import type { Conversion } from "../bindings/Conversion";
import type { ConversionRules } from "../bindings/ConversionRules";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { PayoutKind } from "../bindings/PayoutKind";
import type { ProblemDto } from "../bindings/ProblemDto";
import type { Program } from "../bindings/Program";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { formatDate, formatMoney, todayIso } from "../format";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

const FIELDS = ["date", "amount", "payout_kind"] as const;

/**
 * Refusals of a conversion that concern the amount or the partner as a whole: they show at
 * the amount, the field the person would change (or learn they cannot).
 */
const AT_AMOUNT = new Set([
  "under_threshold",
  "above_available",
  "nothing_to_convert",
  "bad_amount",
  "no_contract",
  "partner_suspended",
  "partner_ended",
  "no_conversion",
]);

/** Where each problem of a refused conversion belongs. */
export function convertProblems(error: ErrorDto | null): { byField: Map<string, ProblemDto[]>; other: ProblemDto[]; banner: ErrorDto | null } {
  if (error && error.problems.length === 0) {
    const field = AT_AMOUNT.has(error.code) ? "amount" : error.code === "payout_kind" ? "payout_kind" : null;
    if (field) {
      const problem: ProblemDto = { code: error.code, message: error.message, row: null, column: null, field };
      return { byField: new Map([[field, [problem]]]), other: [], banner: null };
    }
  }
  const { byField, other } = problemsByField(error, FIELDS);
  return { byField, other, banner: error && (other.length > 0 || byField.size === 0) ? error : null };
}

/** The conversion rules of a program's version in force on `date`. */
export function rulesOn(program: Program | undefined, date: string): ConversionRules | null {
  const versions = [...(program?.versions ?? [])].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const inForce = versions.filter((v) => v.effective_from <= date).pop() ?? versions[0];
  return inForce?.rules.conversion ?? null;
}

/**
 * «Конвертировать…»: the day (today unless changed), the amount (empty: everything available),
 * and for a program that pays in more than one way (quantower) the way; shows what is available
 * on the day and the program's threshold. A refusal (under the threshold, no contract,
 * suspended…) shows at the amount.
 */
export function ConvertDialog(props: { partner: string; program: string; onClose: () => void; onDone: (c: Conversion) => void }) {
  const { partner, program, onClose, onDone } = props;
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayIso);
  const [amount, setAmount] = useState("");
  const [kind, setKind] = useState<PayoutKind | "">("");
  // What is available on the day (none shown when it cannot be read), and the programs' rules.
  const ledger = useQuery(partnerLedger, /^\d{4}-\d{2}-\d{2}$/.test(date) ? [partner, date] : null);
  const programs = useQuery(programVersions, []).data;
  const [saving, setSaving] = useState(false);
  // One key per dialog: a second click or a retry after a lost answer makes no second act.
  const [requestKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<ErrorDto | null>(null);

  const rules = rulesOn(programs?.find((p) => p.id === program), date);
  const kinds = rules?.payout_kinds ?? [];
  const available = ledger.error ? undefined : ledger.data?.balance;
  const { byField, other, banner } = convertProblems(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await convertBalance(partner, date, requestKey, amount, kind || undefined));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={t("convert.title", { id: partner })} onClose={onClose} testId="convert-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <div className="modal-body">
          <p className="convert-available" data-testid="convert-available" data-value={available?.available ?? ""}>
            {available
              ? t("convert.available", { date: formatDate(date, lang), amount: formatMoney(available.available, available.unit, lang) })
              : t("common.loading")}
            {available && rules && (
              <span className="muted"> · {t("convert.threshold", { amount: formatMoney(rules.min_amount, available.unit, lang) })}</span>
            )}
          </p>
          <div className="form-grid">
            <FormField name="date" label={t("convert.date")} type="date" value={date} onChange={setDate} problems={byField.get("date")} />
            <FormField
              name="amount"
              label={t("convert.amount")}
              type="text"
              value={amount}
              onChange={setAmount}
              problems={byField.get("amount")}
              hint={t("convert.amountHint")}
            />
            {kinds.length > 1 && (
              <FormField
                name="payout_kind"
                label={t("act.payoutKind")}
                type="select"
                value={kind || (kinds[0] ?? "")}
                onChange={(v) => setKind(v as PayoutKind)}
                options={kinds.map((k) => ({ value: k, label: t(`payout.${k}`) }))}
                problems={byField.get("payout_kind")}
                wide
              />
            )}
          </div>
          <ErrorBanner error={banner} extra={other} />
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="convert-submit">
            {saving ? t("common.saving") : t("convert.submit")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
