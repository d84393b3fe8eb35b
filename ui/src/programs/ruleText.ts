import type { Lang } from "../bindings/Lang";
import type { Program } from "../bindings/Program";
import type { ProgramVersion } from "../bindings/ProgramVersion";
import type { RewardRule } from "../bindings/RewardRule";
import type { RuleSet } from "../bindings/RuleSet";
import { formatMoney } from "../format";
import type { Translate } from "../i18n";

/** The first day of every built-in template's first version: «from the start». */
export const ORIGIN = "2000-01-01";

/** The version in force on `day` (`YYYY-MM-DD`); the earliest one when none had started. */
export function versionOn(program: Program, day: string): ProgramVersion | undefined {
  const started = program.versions.filter((v) => v.effective_from <= day);
  const pool = started.length > 0 ? started : program.versions;
  return [...pool].sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1))[0];
}

/** A percent as typed into the book (`"20"`, `"12.5"`), Russian decimal comma. */
export function percentText(value: string, lang: Lang): string {
  return lang === "ru" ? value.replace(".", ",") : value;
}

/** One reward rule in words: «50 % первой покупки». */
export function rewardText(rule: RewardRule, t: Translate, lang: Lang, unit: string): string {
  switch (rule.rule) {
    case "first_purchase":
      return t("rule.first_purchase", { p: percentText(rule.percent, lang) });
    case "later_purchases":
      return rule.within_years === null
        ? t("rule.later_purchases", { p: percentText(rule.percent, lang) })
        : t("rule.later_purchases_within", { p: percentText(rule.percent, lang), years: rule.within_years });
    case "active_client":
      return t("rule.active_client", { amount: formatMoney(rule.amount, unit, lang), users: rule.min_users });
    case "list_price":
      return t("rule.list_price", { p: percentText(rule.percent, lang) });
    case "amount_paid":
      return t("rule.amount_paid", { p: percentText(rule.percent, lang) });
    case "contract_rate":
      return t("rule.contract_rate");
  }
}

/** The discounts in words, one line each: the invitee's, then every step of the inviter's ladder. */
export function ladderLines(rules: RuleSet, t: Translate, lang: Lang): string[] {
  const d = rules.discounts;
  if (!d) return [];
  const steps = d.ladder.map((s) =>
    t("rule.ladderStep", {
      k: s.invited,
      p: percentText(s.percent, lang),
      months: s.months,
      sms: s.sms_package === null ? "" : t("rule.sms", { n: s.sms_package }),
    }).trim(),
  );
  return [t("rule.invitee", { p: percentText(d.invitee_percent, lang), months: d.invitee_months }), ...steps];
}
