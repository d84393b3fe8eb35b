import { useState } from "react";
import { bookBackupNow, bookBackups, bookRestore } from "../api";
import type { BackupRow } from "../bindings/BackupRow";
import type { ErrorDto } from "../bindings/ErrorDto";
import { ErrorBanner } from "../components/ErrorBanner";
import { Modal } from "../components/Modal";
import { toErrorDto } from "../errors";
import { formatCount, formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

/** A size in kilobytes (at least 1), with the language's separators. */
function sizeKb(bytes: number, lang: "ru" | "en"): string {
  return formatCount(Math.max(1, Math.round(bytes / 1024)), lang);
}

/**
 * The book's backups: its server's job, or the copies kept beside its file — when, before what,
 * how large — with «Сделать копию сейчас» and, per copy, «Восстановить…» after a confirmation
 * that says the book as it is now is kept as a copy first. `onRestored` is told after a restore
 * (every screen reads the book again).
 */
export function BackupsList({ onRestored }: { onRestored: () => void }) {
  const { t, lang } = useI18n();
  const loaded = useQuery(bookBackups, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [confirm, setConfirm] = useState<BackupRow | null>(null);

  const backupNow = async () => {
    setBusy(true);
    setError(null);
    try {
      await bookBackupNow();
      loaded.reload();
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (row: BackupRow) => {
    setBusy(true);
    setError(null);
    try {
      await bookRestore(row.path);
      setConfirm(null);
      onRestored();
    } catch (reason) {
      setConfirm(null);
      setError(toErrorDto(reason));
      loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  const backups = loaded.data;
  if (!backups) return loaded.error ? <ErrorBanner error={loaded.error} /> : <span className="muted">{t("common.loading")}</span>;
  if (backups.kind === "server") {
    return (
      <p className="backups-note" data-testid="settings-backups" data-kind="server">
        {t("settings.backupsServer")}
      </p>
    );
  }
  return (
    <div data-testid="settings-backups" data-kind="files">
      <p className="backups-note">{t("settings.backupsFolder", { folder: backups.folder })}</p>
      {backups.files.length === 0 ? (
        <p className="muted">{t("settings.backupsNone")}</p>
      ) : (
        <table className="backups-table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t("settings.backupWhen")}</th>
              <th>{t("settings.backupBefore")}</th>
              <th className="num">{t("settings.backupSize")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.files.map((row) => (
              <tr key={row.path} data-testid="backup-row" data-reason={row.reason} title={row.name}>
                <td>{formatDateTime(row.taken_at, lang)}</td>
                <td>{row.label}</td>
                <td className="num">{t("settings.backupKb", { n: sizeKb(row.bytes, lang) })}</td>
                <td>
                  <button type="button" data-testid="backup-restore" disabled={busy} onClick={() => setConfirm(row)}>
                    {t("settings.backupRestore")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" data-testid="backup-now" disabled={busy} onClick={backupNow}>
          {t("settings.backupNow")}
        </button>
      </div>
      <ErrorBanner error={error} />
      {confirm && (
        <Modal title={t("settings.restoreTitle")} onClose={() => !busy && setConfirm(null)} testId="restore-confirm">
          <p data-testid="restore-question">
            {t("settings.restoreQuestion", { when: formatDateTime(confirm.taken_at, lang), before: confirm.label })}
          </p>
          <p className="muted">{t("settings.restoreKeeps")}</p>
          <div className="button-row">
            <button type="button" className="primary" data-testid="restore-yes" disabled={busy} onClick={() => restore(confirm)}>
              {busy ? t("settings.restoring") : t("settings.restoreYes")}
            </button>
            <button type="button" data-testid="restore-no" disabled={busy} onClick={() => setConfirm(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
