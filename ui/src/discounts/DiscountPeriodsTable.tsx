import type { DiscountPeriod } from "../bindings/DiscountPeriod";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatCount, formatDate } from "../format";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import { percentText } from "../programs/ruleText";

/** Service categories the discounts may leave out, in words («кроме SMS-пакетов»). */
const EXCEPT: Record<string, MessageKey> = {
  sms: "discount.except.sms",
  tariff: "discount.except.tariff",
  other: "discount.except.other",
};

function exceptText(excludes: readonly string[], t: Translate): string {
  return excludes.map((c) => (EXCEPT[c] ? t(EXCEPT[c]) : t("discount.except", { what: c }))).join(", ");
}

/** A discount period in force on `today` (`YYYY-MM-DD`); a package never is. */
export function isCurrent(period: DiscountPeriod, today: string): boolean {
  return period.percent !== null && period.start <= today && (period.end === null || today <= period.end);
}

type Props = {
  periods: readonly DiscountPeriod[];
  /** `YYYY-MM-DD`: the period running on this day is marked as current. */
  today: string;
  /** An inviter's history (k invited, the invitee behind each line) or an invitee's own periods (who invited it). */
  role: "inviter" | "invitee";
  empty: string;
  testId: string;
  onOpenPartner?: (partner: string) => void;
};

/**
 * Discount periods and SMS packages, in the order given: percent, first and last day
 * (inclusive), what the discount leaves out; the period running today is highlighted.
 */
export function DiscountPeriodsTable({ periods, today, role, empty, testId, onOpenPartner }: Props) {
  const { t, lang } = useI18n();
  const date = (v: string | null) => formatDate(v, lang);
  const columns: SimpleColumn<DiscountPeriod>[] = [
    {
      header: t("discount.col.discount"),
      cell: (p) =>
        p.percent === null ? (
          <span data-col="discount">{t("discount.package", { n: formatCount(p.sms_package ?? 0, lang) })}</span>
        ) : (
          <>
            <span data-col="discount">{t("discount.percent", { p: percentText(p.percent, lang) })}</span>
            {isCurrent(p, today) && (
              <>
                {" "}
                <span className="label label-active" data-testid="discount-current">
                  {t("discount.current")}
                </span>
              </>
            )}
          </>
        ),
    },
    { header: t("discount.col.from"), cell: (p) => date(p.start) },
    // A package is granted on a day: it has no last day.
    { header: t("discount.col.to"), cell: (p) => (p.end === null ? "—" : date(p.end)) },
    { header: t("discount.col.excludes"), cell: (p) => exceptText(p.excludes, t) },
  ];
  if (role === "inviter") {
    columns.push(
      { header: t("discount.col.invited"), cell: (p) => (p.invited === null ? "" : formatCount(p.invited, lang)), className: "right" },
      { header: t("discount.col.invitee"), cell: (p) => p.invitee, className: "wrap" },
    );
  } else {
    columns.push({
      header: t("discount.col.inviter"),
      cell: (p) =>
        onOpenPartner ? (
          <button type="button" className="link-button" onClick={() => onOpenPartner(p.inviter)}>
            {p.inviter}
          </button>
        ) : (
          p.inviter
        ),
      className: "wrap",
    });
  }
  return (
    <SimpleTable
      columns={columns}
      rows={periods}
      empty={empty}
      testId={testId}
      rowClassName={(p) => [p.percent === null ? "discount-package" : "discount-period", isCurrent(p, today) ? "active" : ""].join(" ").trim()}
    />
  );
}
