import type { ImportProgress } from "../bindings/ImportProgress";
import { formatCount } from "../format";
import { useI18n } from "../i18n";

/** How far a check or a commit has read the file, with a button that cancels it. */
export function ImportProgressBar(props: { title: string; progress: ImportProgress | null; onCancel: () => void }) {
  const { title, progress, onCancel } = props;
  const { t, lang } = useI18n();
  const total = Number(progress?.total_bytes ?? 0);
  const done = Number(progress?.bytes ?? 0);
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress-line">
        <strong>{title}</strong>
        <span>
          {t("import.progressRows", { rows: formatCount(Number(progress?.rows ?? 0), lang) })}
          {percent !== null && ` · ${percent} %`}
        </span>
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t("import.cancel")}
        </button>
      </div>
      {percent === null ? <progress aria-label={title} /> : <progress aria-label={title} max={100} value={percent} />}
    </div>
  );
}
