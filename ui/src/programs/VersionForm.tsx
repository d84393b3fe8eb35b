import { useState, type FormEvent } from "react";
import { programAddVersion } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { Program } from "../bindings/Program";
import type { ProblemDto } from "../bindings/ProblemDto";
import type { ProgramVersion } from "../bindings/ProgramVersion";
import type { RewardRule } from "../bindings/RewardRule";
import type { RuleSet } from "../bindings/RuleSet";
import type { WhatIfRequest } from "../bindings/WhatIfRequest";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { toErrorDto } from "../errors";
import { formatDate, todayIso, unitLabel } from "../format";
import { programName, useI18n, type MessageKey } from "../i18n";
import { useBook } from "../book";
import { WhatIfDialog } from "./WhatIfView";

/** A reward rule as typed: every parameter as text. */
type RewardDraft = { rule: RewardRule["rule"]; percent: string; within_years: string; amount: string; min_users: string };
type LadderDraft = { invited: number; percent: string; months: string; sms_package: number | null };
type Draft = {
  effective_from: string;
  rewards: RewardDraft[];
  hold_days: string;
  window_months: string;
  min_amount: string | null;
  invitee_percent: string | null;
  invitee_months: string | null;
  ladder: LadderDraft[];
};

const DECIMAL = /^\d+(?:[.,]\d+)?$/;
const WHOLE = /^\d+$/;

function draftOf(rules: RuleSet): Draft {
  return {
    effective_from: todayIso(),
    rewards: rules.rewards.map((r) => ({
      rule: r.rule,
      percent: "percent" in r ? r.percent : "",
      within_years: r.rule === "later_purchases" && r.within_years !== null ? String(r.within_years) : "",
      amount: r.rule === "active_client" ? r.amount : "",
      min_users: r.rule === "active_client" ? String(r.min_users) : "",
    })),
    hold_days: String(rules.hold_days),
    window_months: rules.binding.window_months === null ? "" : String(rules.binding.window_months),
    min_amount: rules.conversion ? rules.conversion.min_amount : null,
    invitee_percent: rules.discounts ? rules.discounts.invitee_percent : null,
    invitee_months: rules.discounts ? String(rules.discounts.invitee_months) : null,
    ladder: (rules.discounts?.ladder ?? []).map((s) => ({ ...s, months: String(s.months), percent: s.percent })),
  };
}

/** The server's field → the form's input it concerns. */
const SERVER_FIELDS: Record<string, string> = {
  effective_from: "effective_from",
  hold_days: "hold_days",
  conversion: "min_amount",
  rewards: "rewards",
  window_months: "window_months",
  discounts: "discounts",
};

/**
 * «Новая версия с даты»: the version in force copied, its rates, windows, hold, threshold and
 * amounts editable; saved as a new version from the chosen day. A typo is caught at its field
 * before sending; the book's own refusals come back at their fields too.
 */
export function VersionForm(props: {
  program: Program;
  base: ProgramVersion;
  onClose: () => void;
  onSaved: (v: ProgramVersion) => void;
  /** «Что если» → «Применить с даты» posted the corrections and recorded the rules as a version. */
  onApplied?: () => void;
}) {
  const { program, base, onClose, onSaved, onApplied } = props;
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [draft, setDraft] = useState<Draft>(() => draftOf(base.rules));
  const [local, setLocal] = useState<ProblemDto[]>([]);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [saving, setSaving] = useState(false);
  const [whatIf, setWhatIf] = useState<WhatIfRequest | null>(null);

  const problem = (field: string, key: MessageKey): ProblemDto => ({ code: "invalid", message: t(key), row: null, column: null, field });
  const serverProblems = (error?.problems ?? []).map((p) => ({ ...p, field: p.field ? (SERVER_FIELDS[p.field] ?? p.field) : null }));
  const all = [...local, ...serverProblems];
  const at = (field: string) => all.filter((p) => p.field === field);
  const known = new Set(["effective_from", "hold_days", "window_months", "min_amount", "rewards", "invitee_percent", "invitee_months", "discounts"]);
  const isKnown = (field: string | null) =>
    field !== null && (known.has(field) || /^reward-\d+-/.test(field) || /^ladder-\d+-/.test(field));
  const other = serverProblems.filter((p) => !isKnown(p.field));

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setReward = (i: number, patch: Partial<RewardDraft>) =>
    setDraft((d) => ({ ...d, rewards: d.rewards.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));
  const setStep = (i: number, patch: Partial<LadderDraft>) =>
    setDraft((d) => ({ ...d, ladder: d.ladder.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));

  /** The rule set to send, or the problems of what was typed. */
  const build = (): { rules: RuleSet } | { problems: ProblemDto[] } => {
    const found: ProblemDto[] = [];
    const decimal = (field: string, value: string) => {
      const v = value.trim();
      if (!DECIMAL.test(v)) found.push(problem(field, v === "" ? "form.required" : "version.notNumber"));
      return v.replace(",", ".");
    };
    const whole = (field: string, value: string, optional = false): number | null => {
      const v = value.trim();
      if (optional && v === "") return null;
      if (!WHOLE.test(v)) {
        found.push(problem(field, v === "" ? "form.required" : "version.notWhole"));
        return 0;
      }
      return Number(v);
    };
    if (!draft.effective_from) found.push(problem("effective_from", "form.required"));
    const rewards: RewardRule[] = draft.rewards.map((r, i) => {
      const f = (name: string) => `reward-${i}-${name}`;
      switch (r.rule) {
        case "first_purchase":
        case "list_price":
        case "amount_paid":
          return { rule: r.rule, percent: decimal(f("percent"), r.percent) };
        case "later_purchases":
          return { rule: r.rule, percent: decimal(f("percent"), r.percent), within_years: whole(f("within_years"), r.within_years, true) };
        case "active_client": {
          const original = base.rules.rewards[i];
          const channel = original && original.rule === "active_client" ? original.channel : "link";
          return { rule: r.rule, amount: decimal(f("amount"), r.amount), min_users: whole(f("min_users"), r.min_users) ?? 0, channel };
        }
        case "contract_rate":
          return { rule: "contract_rate" };
      }
    });
    const rules = JSON.parse(JSON.stringify(base.rules)) as RuleSet;
    rules.rewards = rewards;
    rules.hold_days = whole("hold_days", draft.hold_days) ?? 0;
    rules.binding = { ...rules.binding, window_months: whole("window_months", draft.window_months, true) };
    if (rules.conversion && draft.min_amount !== null) {
      rules.conversion = { ...rules.conversion, min_amount: decimal("min_amount", draft.min_amount) };
    }
    if (rules.discounts && draft.invitee_percent !== null && draft.invitee_months !== null) {
      rules.discounts = {
        ...rules.discounts,
        invitee_percent: decimal("invitee_percent", draft.invitee_percent),
        invitee_months: whole("invitee_months", draft.invitee_months) ?? 0,
        ladder: draft.ladder.map((s, i) => ({
          invited: s.invited,
          percent: decimal(`ladder-${i}-percent`, s.percent),
          months: whole(`ladder-${i}-months`, s.months) ?? 0,
          sms_package: s.sms_package,
        })),
      };
    }
    return found.length > 0 ? { problems: found } : { rules };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = build();
    setError(null);
    if ("problems" in built) {
      setLocal(built.problems);
      return;
    }
    setLocal([]);
    setSaving(true);
    try {
      onSaved(await programAddVersion(program.id, draft.effective_from, built.rules));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setSaving(false);
    }
  };

  /** «Что если»: the draft's rules replayed from its first day, once what was typed is valid. */
  const tryRules = () => {
    const built = build();
    setError(null);
    if ("problems" in built) {
      setLocal(built.problems);
      return;
    }
    setLocal([]);
    setWhatIf({ program: program.id, from: draft.effective_from, to: null, rules: built.rules });
  };

  const rewardLabel = (r: RewardDraft): string => t(`version.reward.${r.rule}`);
  const unit = unitLabel(program.unit, lang);
  const rewardsProblems = at("rewards");

  if (whatIf) {
    return (
      <WhatIfDialog
        title={t("whatif.title", { program: programName(programs, program.id, lang), from: formatDate(whatIf.from, lang) })}
        request={whatIf}
        onBack={() => setWhatIf(null)}
        onClose={onClose}
        onApplied={() => onApplied?.()}
      />
    );
  }

  return (
    <Modal title={t("version.title", { program: programName(programs, program.id, lang) })} onClose={onClose} wide>
      <form className="form" onSubmit={submit} noValidate>
        <div className="modal-body">
          <p className="muted">
            {t("version.copied", {
              from: base.effective_from === "2000-01-01" ? t("version.fromStart") : formatDate(base.effective_from, lang),
            })}
          </p>
          <fieldset className="form-group">
            <legend>{t("version.group.when")}</legend>
            <div className="form-grid">
              <FormField
                name="effective_from"
                label={t("version.effectiveFrom")}
                type="date"
                value={draft.effective_from}
                onChange={(v) => set({ effective_from: v })}
                problems={at("effective_from")}
              />
            </div>
          </fieldset>
          <fieldset className={`form-group${rewardsProblems.length ? " invalid" : ""}`}>
            <legend>{t("version.group.rewards")}</legend>
            {draft.rewards.length === 0 && <p className="muted">{t("version.noRewards")}</p>}
            <div className="form-grid">
              {draft.rewards.map((r, i) => (
                <RewardFields key={i} index={i} draft={r} label={rewardLabel(r)} unit={unit} at={at} onChange={(patch) => setReward(i, patch)} />
              ))}
            </div>
            {rewardsProblems.length > 0 && (
              <div className="field-error" data-testid="error-rewards" role="alert">
                {rewardsProblems.map((p, i) => (
                  <div key={i}>{p.message}</div>
                ))}
              </div>
            )}
          </fieldset>
          <fieldset className="form-group">
            <legend>{t("version.group.terms")}</legend>
            <div className="form-grid">
              <FormField
                name="hold_days"
                label={t("version.holdDays")}
                type="text"
                value={draft.hold_days}
                onChange={(v) => set({ hold_days: v })}
                problems={at("hold_days")}
                hint={t("version.holdHint")}
              />
              <FormField
                name="window_months"
                label={t("version.windowMonths")}
                type="text"
                value={draft.window_months}
                onChange={(v) => set({ window_months: v })}
                problems={at("window_months")}
                hint={t("version.windowHint")}
              />
              {draft.min_amount !== null && (
                <FormField
                  name="min_amount"
                  label={t("version.minAmount", { unit })}
                  type="text"
                  value={draft.min_amount}
                  onChange={(v) => set({ min_amount: v })}
                  problems={at("min_amount")}
                />
              )}
            </div>
          </fieldset>
          {draft.invitee_percent !== null && draft.invitee_months !== null && (
            <fieldset className="form-group">
              <legend>{t("version.group.discounts")}</legend>
              <div className="form-grid">
                <FormField
                  name="invitee_percent"
                  label={t("version.inviteePercent")}
                  type="text"
                  value={draft.invitee_percent}
                  onChange={(v) => set({ invitee_percent: v })}
                  problems={at("invitee_percent")}
                />
                <FormField
                  name="invitee_months"
                  label={t("version.inviteeMonths")}
                  type="text"
                  value={draft.invitee_months}
                  onChange={(v) => set({ invitee_months: v })}
                  problems={at("invitee_months")}
                />
                {draft.ladder.map((s, i) => (
                  <div key={i} className="field-pair">
                    <FormField
                      name={`ladder-${i}-percent`}
                      label={t("version.ladderPercent", { k: s.invited })}
                      type="text"
                      value={s.percent}
                      onChange={(v) => setStep(i, { percent: v })}
                      problems={at(`ladder-${i}-percent`)}
                    />
                    <FormField
                      name={`ladder-${i}-months`}
                      label={t("version.ladderMonths", { k: s.invited })}
                      type="text"
                      value={s.months}
                      onChange={(v) => setStep(i, { months: v })}
                      problems={at(`ladder-${i}-months`)}
                    />
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          <ErrorBanner error={error && (serverProblems.length === 0 || other.length > 0) ? error : null} extra={other} />
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" onClick={tryRules} disabled={saving} data-testid="program-version-whatif">
            {t("whatif.open")}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="program-version-save">
            {saving ? t("common.saving") : t("version.save")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}

function RewardFields(props: {
  index: number;
  draft: RewardDraft;
  label: string;
  unit: string;
  at: (field: string) => ProblemDto[];
  onChange: (patch: Partial<RewardDraft>) => void;
}) {
  const { index, draft, label, unit, at, onChange } = props;
  const { t } = useI18n();
  const f = (name: string) => `reward-${index}-${name}`;
  switch (draft.rule) {
    case "contract_rate":
      return <p className="field wide muted">{label}</p>;
    case "active_client":
      return (
        <div className="field-pair wide">
          <FormField
            name={f("amount")}
            label={t("version.activeAmount", { unit })}
            type="text"
            value={draft.amount}
            onChange={(v) => onChange({ amount: v })}
            problems={at(f("amount"))}
          />
          <FormField
            name={f("min_users")}
            label={t("version.activeUsers")}
            type="text"
            value={draft.min_users}
            onChange={(v) => onChange({ min_users: v })}
            problems={at(f("min_users"))}
          />
        </div>
      );
    case "later_purchases":
      return (
        <div className="field-pair wide">
          <FormField
            name={f("percent")}
            label={`${label}, %`}
            type="text"
            value={draft.percent}
            onChange={(v) => onChange({ percent: v })}
            problems={at(f("percent"))}
          />
          <FormField
            name={f("within_years")}
            label={t("version.withinYears")}
            type="text"
            value={draft.within_years}
            onChange={(v) => onChange({ within_years: v })}
            problems={at(f("within_years"))}
            hint={t("version.withinHint")}
          />
        </div>
      );
    default:
      return (
        <FormField
          name={f("percent")}
          label={`${label}, %`}
          type="text"
          value={draft.percent}
          onChange={(v) => onChange({ percent: v })}
          problems={at(f("percent"))}
        />
      );
  }
}
