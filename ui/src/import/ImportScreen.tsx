import { useState } from "react";
import {
  importCancel,
  importCheck,
  importCommit,
  importHistory,
  importPreview,
  onImportProgress,
  pickImportFile,
  type ImportExtra,
} from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { ImportReport } from "../bindings/ImportReport";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { formatCount } from "../format";
import { programName, useI18n } from "../i18n";
import { readBookAgain } from "../query/bookReads";
import { useQuery } from "../query/useQuery";
import { ImportAccruedView } from "./ImportAccruedView";
import { ImportHistory } from "./ImportHistory";
import { ImportPreviewView } from "./ImportPreviewView";
import { ImportProgressBar } from "./ImportProgressBar";
import { ImportReportView } from "./ImportReportView";

const KINDS: readonly ImportKind[] = ["partners", "clients", "billing"];

type Run = { phase: "check" | "commit"; progress: ImportProgress | null };
/** What a preview or a report was made for: it speaks for that, not for what is typed now. */
type Target = { kind: ImportKind; path: string; sheet: string; program: string };
type Outcome = Target & { report: ImportReport };
type Previewed = Target & { preview?: ImportPreview; error?: ErrorDto };

const same = (a: Target, b: Target, withProgram: boolean) =>
  a.kind === b.kind && a.path === b.path && a.sheet === b.sheet && (!withProgram || a.program === b.program);

/**
 * Импорт: a file is previewed (header matched, first rows) and checked first (nothing written),
 * and can be committed only when the check found no problem. Billing takes a program for files
 * without a program column and shows what it accrued. Check and commit show progress and can be
 * cancelled; the history of imports is below.
 */
export function ImportScreen() {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [kind, setKind] = useState<ImportKind>("partners");
  const [path, setPath] = useState("");
  const [sheet, setSheet] = useState("");
  const [program, setProgram] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const history = useQuery(importHistory, []);

  const target: Target = { kind, path: path.trim(), sheet: sheet.trim(), program: kind === "billing" ? program : "" };
  const report = outcome && same(outcome, target, true) ? outcome.report : null;
  const preview = previewed && same(previewed, target, false) ? previewed : null;
  const isXlsx = /\.xlsx$/i.test(target.path);
  const canCheck = run === null && target.path !== "";
  const canCommit = run === null && report !== null && !report.committed && report.problems.length === 0;

  const extra = (): ImportExtra => ({
    ...(target.sheet && isXlsx ? { sheet: target.sheet } : {}),
    ...(target.program ? { program: target.program } : {}),
  });

  const loadPreview = async (of: Target) => {
    if (!of.path) return;
    try {
      const result = await importPreview(of.kind, of.path, /\.xlsx$/i.test(of.path) && of.sheet ? of.sheet : undefined);
      setPreviewed({ ...of, preview: result });
    } catch (reason) {
      setPreviewed({ ...of, error: toErrorDto(reason) });
    }
  };

  const start = async (phase: Run["phase"]) => {
    const of = target;
    setRun({ phase, progress: null });
    setError(null);
    setCancelled(false);
    if (phase === "check") {
      setOutcome(null);
      if (!preview) void loadPreview(of);
    }
    const unlisten = await onImportProgress((progress) => setRun((r) => r && { ...r, progress }));
    try {
      const result = await (phase === "check" ? importCheck : importCommit)(of.kind, of.path, extra());
      setOutcome({ ...of, report: result });
      if (result.committed) readBookAgain();
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
      if (chosen) {
        setPath(chosen);
        void loadPreview({ ...target, path: chosen.trim() });
      }
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  const cancel = () => {
    importCancel().catch((reason: unknown) => setError(toErrorDto(reason)));
  };

  const needsProgram = kind === "billing" && preview?.preview?.needs_program === true && program === "";

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
                data-testid={`import-kind-${k}`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`import.kind.${k}`)}
            </label>
          ))}
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
            <button
              type="button"
              onClick={() => void loadPreview(target)}
              disabled={run !== null || target.path === ""}
              data-testid="import-preview-run"
            >
              {t("import.preview")}
            </button>
          </div>
        </div>
        {(isXlsx || kind === "billing") && (
          <div className="form-grid import-options">
            {isXlsx && (
              <div className="field">
                <label htmlFor="import-sheet">{t("import.sheet")}</label>
                <input
                  id="import-sheet"
                  name="import-sheet"
                  data-testid="import-sheet"
                  value={sheet}
                  placeholder={t("import.sheetPlaceholder")}
                  disabled={run !== null}
                  onChange={(e) => setSheet(e.target.value)}
                />
              </div>
            )}
            {kind === "billing" && (
              <div className={`field${needsProgram ? " invalid" : ""}`}>
                <label htmlFor="import-program">{t("import.program")}</label>
                <select
                  id="import-program"
                  name="import-program"
                  data-testid="import-program"
                  value={program}
                  disabled={run !== null}
                  aria-describedby={needsProgram ? "import-program-note" : undefined}
                  onChange={(e) => setProgram(e.target.value)}
                >
                  <option value="">{t("import.programFromFile")}</option>
                  {programs.map((p) => (
                    <option key={p.id} value={p.id}>
                      {programName(programs, p.id, lang)}
                    </option>
                  ))}
                </select>
                {needsProgram ? (
                  <div className="field-error" id="import-program-note" role="alert">
                    {t("import.programNeeded")}
                  </div>
                ) : (
                  <div className="field-hint">{t("import.programHint")}</div>
                )}
              </div>
            )}
          </div>
        )}
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
      <ErrorBanner error={error ?? history.error} />
      {report?.committed && (
        <div className="ok-banner" data-testid="import-summary" role="status">
          <strong>{t("import.summary", { id: String(report.import_id ?? "") })}</strong>{" "}
          {t("import.rows")}: {formatCount(Number(report.rows), lang)} · {t("import.added")}:{" "}
          {formatCount(Number(report.added), lang)} · {t("import.unchanged")}: {formatCount(Number(report.unchanged), lang)} ·{" "}
          {t("import.refused")}: {formatCount(Number(report.refused), lang)}
        </div>
      )}
      {report && report.accrued.length > 0 && <ImportAccruedView accrued={report.accrued} committed={report.committed} />}
      {report && <ImportReportView report={report} />}
      {preview?.error && !error && <ErrorBanner error={preview.error} />}
      {preview?.preview && <ImportPreviewView preview={preview.preview} />}

      <h2 className="section-title">{t("import.history")}</h2>
      {history.data ? <ImportHistory records={history.data} /> : <p className="muted">{t("common.loading")}</p>}
    </section>
  );
}
