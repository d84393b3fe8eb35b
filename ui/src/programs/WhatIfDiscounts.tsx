import type { DiscountChange } from "../bindings/DiscountChange";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatCount, formatDate } from "../format";
import { useI18n } from "../i18n";
import { percentText } from "./ruleText";

/** tele2-ats: the discount periods and SMS packages the rules would add («добавится») or remove («отменится»). */
export function WhatIfDiscounts({ changes }: { changes: readonly DiscountChange[] }) {
  const { t, lang } = useI18n();
  const columns: SimpleColumn<DiscountChange>[] = [
    {
      header: t("whatif.col.change"),
      cell: (c) => (
        <span className={c.change === "added" ? "label label-active" : "label label-refused"} data-col="change">
          {t(c.change === "added" ? "whatif.change.added" : "whatif.change.removed")}
        </span>
      ),
    },
    { header: t("whatif.col.who"), cell: (c) => c.client },
    { header: t("whatif.col.role"), cell: (c) => t(c.role === "inviter" ? "whatif.role.inviter" : "whatif.role.invitee") },
    {
      header: t("discount.col.discount"),
      cell: (c) =>
        c.percent === null
          ? t("discount.package", { n: formatCount(c.sms_package ?? 0, lang) })
          : t("discount.percent", { p: percentText(c.percent, lang) }),
    },
    { header: t("discount.col.from"), cell: (c) => formatDate(c.start, lang) },
    { header: t("discount.col.to"), cell: (c) => (c.end === null ? "—" : formatDate(c.end, lang)) },
    { header: t("discount.col.inviter"), cell: (c) => c.inviter },
  ];
  return (
    <section className="whatif-discounts">
      <h3>{t("whatif.discounts")}</h3>
      <SimpleTable columns={columns} rows={changes} empty={t("common.empty")} testId="whatif-discounts" />
    </section>
  );
}
