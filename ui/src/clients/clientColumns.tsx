import type { ColumnDef } from "@tanstack/react-table";
import type { ClientRow } from "../bindings/ClientRow";
import type { Lang } from "../bindings/Lang";
import type { ProgramSummary } from "../bindings/ProgramSummary";
import { formatDate } from "../format";
import { programName, type Translate } from "../i18n";

/** The clients table's columns; a sortable column's id is its `ClientSort`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
export function clientColumns(t: Translate, lang: Lang, programs: readonly ProgramSummary[]): ColumnDef<ClientRow, any>[] {
  return [
    { id: "client", header: t("col.client"), accessorKey: "client", meta: { width: "minmax(100px, 1.2fr)" } },
    { id: "name", header: t("col.name"), accessorKey: "name", meta: { width: "minmax(180px, 3fr)" } },
    {
      id: "program",
      header: t("col.program"),
      cell: ({ row }) => programName(programs, row.original.program, lang),
      meta: { width: "minmax(100px, 1.3fr)" },
    },
    {
      id: "registered",
      header: t("col.registered"),
      cell: ({ row }) => formatDate(row.original.registered, lang),
      meta: { width: "minmax(100px, 1fr)" },
    },
    {
      id: "partner",
      header: t("col.partner"),
      cell: ({ row }) =>
        row.original.partner ? (
          <span title={row.original.partner}>{row.original.partner_name ?? row.original.partner}</span>
        ) : (
          <span className="muted">{t("clients.unbound")}</span>
        ),
      meta: { width: "minmax(160px, 2.5fr)" },
    },
    {
      id: "channel",
      header: t("col.channel"),
      enableSorting: false,
      cell: ({ row }) => (row.original.channel ? t(`channel.${row.original.channel}`) : ""),
      meta: { width: "minmax(100px, 1.2fr)" },
    },
    {
      id: "since",
      header: t("col.since"),
      enableSorting: false,
      cell: ({ row }) => formatDate(row.original.since, lang),
      meta: { width: "minmax(90px, 1fr)" },
    },
  ];
}
