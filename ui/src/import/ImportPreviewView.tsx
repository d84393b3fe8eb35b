import type { ImportPreview } from "../bindings/ImportPreview";
import { useI18n } from "../i18n";

/**
 * The file before the check: which header matched which known column, what is ignored, which
 * required columns are missing, and the first rows as the file holds them.
 */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const keyOf = new Map(preview.columns.map((c) => [c.header, c.key]));
  const ignored = new Set(preview.ignored);
  const width = Math.max(preview.headers.length, ...preview.rows.map((r) => r.length));
  const indexes = Array.from({ length: width }, (_, i) => i);

  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t("preview.title")}</h3>
      <dl className="facts">
        <div className="fact">
          <dt>{t("import.encoding")}</dt>
          <dd>{preview.encoding}</dd>
        </div>
        <div className="fact">
          <dt>{t("import.ignored")}</dt>
          <dd data-testid="preview-ignored">{preview.ignored.length === 0 ? "—" : preview.ignored.join(", ")}</dd>
        </div>
      </dl>
      <div className="preview-found">
        <span className="muted">{t("preview.found")}:</span>{" "}
        <ul className="column-list" data-testid="preview-columns">
          {preview.columns.length === 0 ? (
            <li>—</li>
          ) : (
            preview.columns.map((c) => (
              <li key={c.key} data-key={c.key}>
                {c.header} → <code>{c.key}</code>
              </li>
            ))
          )}
        </ul>
      </div>
      {preview.missing.length > 0 && (
        <div className="error-banner" role="alert" data-testid="preview-missing">
          {t("preview.missing")}: {preview.missing.map((k) => <code key={k}>{k} </code>)}
        </div>
      )}
      {preview.duplicates.length > 0 && (
        <div className="error-banner" role="alert" data-testid="preview-duplicates">
          {t("preview.duplicates")}: {preview.duplicates.join(", ")}
        </div>
      )}
      {preview.rows.length === 0 ? (
        <p className="muted">{t("preview.noRows")}</p>
      ) : (
        <div className="table-scroll preview-scroll">
          <table className="simple-table preview-table" data-testid="import-preview-rows">
            <thead>
              <tr>
                <th className="right narrow">{t("col.row")}</th>
                {indexes.map((i) => {
                  const header = preview.headers[i] ?? "";
                  const key = keyOf.get(header);
                  return (
                    <th key={i} className={key ? "matched" : ignored.has(header) ? "ignored" : undefined} title={key ?? t("preview.notUsed")}>
                      {header || "—"}
                      {key && <div className="column-key">{key}</div>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  <td className="right narrow muted">{preview.row_numbers[r] ?? ""}</td>
                  {indexes.map((i) => (
                    <td key={i}>{row[i] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.more && <p className="muted">{t("preview.more", { n: preview.rows.length })}</p>}
    </div>
  );
}
