import type { ImportReport } from "../bindings/ImportReport";
import type { ProblemDto } from "../bindings/ProblemDto";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatCount } from "../format";
import { useI18n, type MessageKey } from "../i18n";

/** What a check (or a commit) found: encoding, columns, counts and every problem by row and column. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const count = (n: number) => formatCount(n, lang);
  const problemColumns: SimpleColumn<ProblemDto>[] = [
    { header: t("col.row"), cell: (p) => (p.row === null ? "—" : String(p.row)), className: "right narrow" },
    { header: t("col.column"), cell: (p) => p.column ?? p.field ?? "—" },
    { header: t("col.error"), cell: (p) => p.message, className: "wrap" },
  ];
  const counts: [MessageKey, number][] = [
    ["import.rows", report.rows],
    [report.committed ? "import.added" : "import.toAdd", report.added],
    ["import.unchanged", report.unchanged],
    ["import.refused", report.refused],
  ];

  return (
    <div className="import-report">
      <dl className="facts">
        <div className="fact">
          <dt>{t("import.encoding")}</dt>
          <dd data-testid="import-encoding">{report.encoding}</dd>
        </div>
        {counts.map(([label, n]) => (
          <div className="fact" key={label}>
            <dt>{t(label)}</dt>
            <dd>{count(n)}</dd>
          </div>
        ))}
      </dl>
      <div className="import-columns">
        <h3>{t("import.columns")}</h3>
        <ul className="column-list" data-testid="import-columns">
          {report.columns.map((c) => (
            <li key={c.key}>
              <code>{c.key}</code> → {c.header}
            </li>
          ))}
        </ul>
        {report.ignored.length > 0 && (
          <p className="muted" data-testid="import-ignored">
            {t("import.ignored")}: {report.ignored.join(", ")}
          </p>
        )}
      </div>
      {report.problems.length > 0 ? (
        <>
          <div className="error-banner" role="alert">
            {t("import.problemsFound", { n: count(report.problems.length) })}
          </div>
          <SimpleTable columns={problemColumns} rows={report.problems} empty="" testId="import-problems" />
        </>
      ) : (
        !report.committed && <p className="ok-banner">{t("import.noProblems")}</p>
      )}
    </div>
  );
}
