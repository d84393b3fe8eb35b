import { useCallback, useEffect, useState } from "react";
import { importCancel, importCheck, importCommit, importHistory, onImportProgress, pickImportFile } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { ImportRecord } from "../bindings/ImportRecord";
import type { ImportReport } from "../bindings/ImportReport";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { formatCount } from "../format";
import { useI18n } from "../i18n";
import { ImportHistory } from "./ImportHistory";
import { ImportProgressBar } from "./ImportProgressBar";
import { ImportReportView } from "./ImportReportView";

const KINDS: readonly ImportKind[] = ["partners", "clients"];

type Run = { phase: "check" | "commit"; progress: ImportProgress | null };
type Outcome = { kind: ImportKind; path: string; report: ImportReport };

/**
 * Импорт: a file is checked first (nothing written), and can be committed only when the check
 * found no problem. Both show progress and can be cancelled; the history of imports is below.
 */
export function ImportScreen() {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<ImportKind>("partners");
  const [path, setPath] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [history, setHistory] = useState<ImportRecord[] | null>(null);

  const loadHistory = useCallback(() => {
    importHistory().then(setHistory, (reason: unknown) => setError(toErrorDto(reason)));
  }, []);
  useEffect(loadHistory, [loadHistory]);

  // A report speaks for the kind and file it was made for, not for what is typed now.
  const report = outcome && outcome.kind === kind && outcome.path === path.trim() ? outcome.report : null;
  const canCheck = run === null && path.trim() !== "";
  const canCommit = run === null && report !== null && !report.committed && report.problems.length === 0;

  const start = async (phase: Run["phase"]) => {
    const file = path.trim();
    setRun({ phase, progress: null });
    setError(null);
    setCancelled(false);
    if (phase === "check") setOutcome(null);
    const unlisten = await onImportProgress((progress) => setRun((r) => r && { ...r, progress }));
    try {
      const result = await (phase === "check" ? importCheck : importCommit)(kind, file);
      setOutcome({ kind, path: file, report: result });
      if (result.committed) loadHistory();
    } catch (reason) {
      const dto = toErrorDto(reason);
      if (dto.code === "cancelled") setCancelled(true);
      else setError(dto);
    } finally {
      unlisten();
      setRun(null);
    }
  };

  const pick = async () => {
    try {
      const chosen = await pickImportFile();
      if (chosen) setPath(chosen);
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  const cancel = () => {
    importCancel().catch((reason: unknown) => setError(toErrorDto(reason)));
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.import")}</h1>
      </header>
      <div className="import-form">
        <fieldset className="segmented" disabled={run !== null}>
          <legend>{t("import.kind")}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                id={`import-kind-${k}`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`import.kind.${k}`)}
            </label>
          ))}
          <label className="disabled" title={t("import.soon")}>
            <input type="radio" name="import-kind" value="billing" disabled />
            {t("import.kind.billing")} <span className="soon">{t("import.soon")}</span>
          </label>
        </fieldset>
        <div className="field wide">
          <label htmlFor="import-path">{t("import.path")}</label>
          <div className="path-row">
            <input
              id="import-path"
              name="import-path"
              data-testid="import-path"
              value={path}
              placeholder={t("import.pathPlaceholder")}
              disabled={run !== null}
              onChange={(e) => setPath(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && canCheck) void start("check");
              }}
            />
            <button type="button" onClick={pick} disabled={run !== null} data-testid="import-pick">
              {t("import.pick")}
            </button>
          </div>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => void start("check")} disabled={!canCheck} data-testid="import-check">
            {t("import.check")}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void start("commit")}
            disabled={!canCommit}
            data-testid="import-commit"
          >
            {t("import.commit")}
          </button>
        </div>
      </div>

      {run && (
        <ImportProgressBar
          title={t(run.phase === "check" ? "import.checking" : "import.committing")}
          progress={run.progress}
          onCancel={cancel}
        />
      )}
      {cancelled && <p className="note" role="status">{t("import.cancelled")}</p>}
      <ErrorBanner error={error} />
      {report?.committed && (
        <div className="ok-banner" data-testid="import-summary" role="status">
          <strong>{t("import.summary", { id: String(report.import_id ?? "") })}</strong>{" "}
          {t("import.rows")}: {formatCount(Number(report.rows), lang)} · {t("import.added")}:{" "}
          {formatCount(Number(report.added), lang)} · {t("import.unchanged")}: {formatCount(Number(report.unchanged), lang)} ·{" "}
          {t("import.refused")}: {formatCount(Number(report.refused), lang)}
        </div>
      )}
      {report && <ImportReportView report={report} />}

      <h2 className="section-title">{t("import.history")}</h2>
      {history === null ? <p className="muted">{t("common.loading")}</p> : <ImportHistory records={history} />}
    </section>
  );
}
