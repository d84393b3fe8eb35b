import type { ColumnDef } from "@tanstack/react-table";
import type { PartnerRow } from "../bindings/PartnerRow";
import type { ProgramSummary } from "../bindings/ProgramSummary";
import { StatusLabel } from "../components/StatusLabel";
import { formatCount } from "../format";
import { programName, type Translate } from "../i18n";
import type { Lang } from "../bindings/Lang";

/** The partners table's columns; a sortable column's id is its `PartnerSort`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
export function partnerColumns(t: Translate, lang: Lang, programs: readonly ProgramSummary[]): ColumnDef<PartnerRow, any>[] {
  return [
    { id: "partner", header: t("col.id"), accessorKey: "partner", meta: { width: "minmax(80px, 1fr)" } },
    { id: "name", header: t("col.name"), accessorKey: "name", meta: { width: "minmax(200px, 3.5fr)" } },
    {
      id: "program",
      header: t("col.program"),
      accessorKey: "program",
      cell: ({ row }) => programName(programs, row.original.program, lang),
      meta: { width: "minmax(100px, 1.4fr)" },
    },
    {
      id: "kind",
      header: t("col.kind"),
      enableSorting: false,
      cell: ({ row }) => t(`kind.${row.original.kind}`),
      meta: { width: "minmax(110px, 1.1fr)" },
    },
    { id: "inn", header: t("col.inn"), accessorKey: "inn", meta: { width: "minmax(100px, 1.2fr)" } },
    { id: "code", header: t("col.code"), accessorKey: "code", meta: { width: "minmax(80px, 1fr)" } },
    {
      id: "status",
      header: t("col.status"),
      cell: ({ row }) => <StatusLabel status={row.original.status} />,
      meta: { width: "minmax(160px, 1.5fr)" },
    },
    {
      id: "clients",
      header: t("col.clients"),
      cell: ({ row }) => formatCount(row.original.clients, lang),
      meta: { width: "minmax(90px, 0.9fr)", align: "right" },
    },
  ];
}
