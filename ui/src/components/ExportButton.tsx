import { useState } from "react";
import { exportTable } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { TableQuery } from "../bindings/TableQuery";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";

type Props = {
  /** The table and the query it is shown with now (filters, search, sort); none while it cannot be exported. */
  table: TableQuery | null;
  /** `data-testid` of the button; the notice of the saved file is `<testId>-saved`. */
  testId?: string;
};

/**
 * «Экспорт в XLSX» of a table: every row its query finds, in its order, as the screen shows
 * them; the system's save dialog asks where (starting in the last folder used). Says where the
 * file was saved, or why not; a cancelled dialog says nothing.
 */
export function ExportButton({ table, testId = "export-xlsx" }: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);

  const run = async () => {
    if (!table || busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const path = await exportTable({ lang, table });
      if (path) setSaved(path);
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export">
      <button type="button" onClick={run} disabled={busy || !table} data-testid={testId}>
        {busy ? t("export.busy") : t("export.xlsx")}
      </button>
      {saved && (
        <span className="ok-banner export-notice" role="status" data-testid={`${testId}-saved`} data-path={saved}>
          {t("export.saved")} <span className="path">{saved}</span>
        </span>
      )}
      {error && (
        <span className="error-banner export-notice" role="alert" data-testid={`${testId}-error`}>
          {error.message}
        </span>
      )}
    </span>
  );
}
