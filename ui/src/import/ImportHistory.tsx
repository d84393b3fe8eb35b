import type { ImportRecord } from "../bindings/ImportRecord";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatCount, formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";

const KIND_LABELS: Record<string, MessageKey> = {
  partners: "import.kind.partners",
  clients: "import.kind.clients",
  billing: "import.kind.billing",
};

/** Past imports, newest as the shell orders them. */
export function ImportHistory({ records }: { records: readonly ImportRecord[] }) {
  const { t, lang } = useI18n();
  const count = (n: number) => formatCount(n, lang);
  const kind = (k: string) => {
    const label = KIND_LABELS[k];
    return label ? t(label) : k;
  };
  const columns: SimpleColumn<ImportRecord>[] = [
    { header: t("col.at"), cell: (r) => formatDateTime(r.at, lang) },
    { header: t("import.kind"), cell: (r) => kind(r.kind) },
    { header: t("col.file"), cell: (r) => r.file, className: "wrap" },
    { header: t("col.operator"), cell: (r) => r.operator },
    { header: t("col.rows"), cell: (r) => count(r.rows), className: "right" },
    { header: t("col.added"), cell: (r) => count(r.added), className: "right" },
    { header: t("col.unchanged"), cell: (r) => count(r.unchanged), className: "right" },
    { header: t("col.refused"), cell: (r) => count(r.refused), className: "right" },
  ];
  return <SimpleTable columns={columns} rows={records} empty={t("import.historyEmpty")} testId="import-history" />;
}
