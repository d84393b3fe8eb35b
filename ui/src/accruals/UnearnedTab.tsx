import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { unearnedPage } from "../api";
import type { ReasonCount } from "../bindings/ReasonCount";
import type { UnearnedPayment } from "../bindings/UnearnedPayment";
import { useBook } from "../book";
import { Chips } from "../components/Chips";
import { ExportButton } from "../components/ExportButton";
import { PagedTable } from "../components/PagedTable";
import { ProgramChips } from "../components/ProgramChips";
import { usePagedRows } from "../components/usePagedRows";
import { formatCount, formatDate, formatMoney } from "../format";
import { programName, useI18n } from "../i18n";

/** Без начисления: payments that earned nothing, each with its reason; filters by reason (with counts) and program. */
export function UnearnedTab({ onOpenPartner }: { onOpenPartner: (partner: string) => void }) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [program, setProgram] = useState<string | undefined>();
  const [reason, setReason] = useState<string | undefined>();
  // The reasons and their counts come with every page (under the program filter, not the reason's).
  const [reasons, setReasons] = useState<{ program: string; list: ReasonCount[] } | null>(null);

  const query = useMemo(() => ({ ...(program ? { program } : {}), ...(reason ? { reason } : {}) }), [program, reason]);
  const paged = usePagedRows(unearnedPage, query);
  const answered = paged.head?.reasons;
  if (answered && reasons?.list !== answered) setReasons({ program: program ?? "", list: answered });

  const columns = useMemo(() => {
    const defs: ColumnDef<UnearnedPayment, string>[] = [
      { id: "date", header: t("col.date"), cell: ({ row }) => formatDate(row.original.date, lang), meta: { width: "minmax(90px, 0.8fr)" } },
      { id: "payment", header: t("col.payment"), accessorKey: "payment", meta: { width: "minmax(90px, 1fr)" } },
      {
        id: "program",
        header: t("col.program"),
        cell: ({ row }) => <span title={programName(programs, row.original.program, lang)}>{row.original.program}</span>,
        meta: { width: "minmax(80px, 0.8fr)" },
      },
      {
        id: "client",
        header: t("col.client"),
        cell: ({ row }) => <span title={row.original.client}>{row.original.client}</span>,
        meta: { width: "minmax(120px, 1.5fr)" },
      },
      { id: "partner", header: t("col.partner"), cell: ({ row }) => row.original.partner ?? "—", meta: { width: "minmax(80px, 0.8fr)" } },
      {
        id: "amount",
        header: t("col.amount"),
        cell: ({ row }) => formatMoney(row.original.amount, row.original.unit, lang),
        meta: { width: "minmax(120px, 1.1fr)", align: "right" },
      },
      {
        id: "reason",
        header: t("col.reason"),
        cell: ({ row }) => <span title={row.original.reason}>{row.original.reason}</span>,
        meta: { width: "minmax(240px, 4fr)" },
      },
    ];
    return defs.map((c) => ({ ...c, enableSorting: false }));
  }, [t, lang, programs]);

  const reasonList = reasons && reasons.program === (program ?? "") ? reasons.list : [];
  // A chosen reason stays a chip even when the program filter leaves it no payment.
  const chips = reasonList.map((r) => ({ value: r.code, label: `${r.label} · ${formatCount(r.count, lang)}` }));
  if (reason && !reasonList.some((r) => r.code === reason)) chips.push({ value: reason, label: `${reason} · 0` });

  return (
    <div className="tab-body tab-fill">
      <ProgramChips
        value={program}
        onChange={(p) => {
          setProgram(p);
        }}
      />
      <div data-testid="unearned-reasons">
        <Chips label={t("filter.reason")} allLabel={t("common.all")} chips={chips} value={reason} onChange={setReason} />
      </div>
      <div className="toolbar">
        <span className="found" aria-live="polite">
          {paged.total !== null && t("common.found", { n: formatCount(paged.total, lang) })}
        </span>
        <ExportButton
          table={{ kind: "unearned", query }}
          testId="unearned-export"
        />
      </div>
      <PagedTable
        label={t("accruals.tab.unearned")}
        columns={columns}
        paged={paged}
        sorting={[]}
        onSortingChange={() => {}}
        onOpen={(row) => row.partner && onOpenPartner(row.partner)}
        testId="unearned-table"
      />
    </div>
  );
}
