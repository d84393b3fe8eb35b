import { useEffect, useState } from "react";
import { bookBackups, bookOpen, pickBookFile } from "../api";
import type { AppInfo } from "../bindings/AppInfo";
import type { BookBackups } from "../bindings/BookBackups";
import type { ErrorDto } from "../bindings/ErrorDto";
import { bookShown, useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { OpenBookDialog } from "./OpenBookDialog";

/** How many of a file book's copies are named; the rest are counted. */
const BACKUPS_SHOWN = 5;

/**
 * Where the book is (its file, or its server) and where its backups are; another book opened
 * from a server (the dialog) or from a file (the native dialog).
 */
export function BookSettings({ onOpened }: { onOpened: (info: AppInfo) => void }) {
  const { t } = useI18n();
  const { info, refresh } = useBook();
  const [dialog, setDialog] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [opening, setOpening] = useState(false);

  const openFile = async () => {
    setError(null);
    try {
      const path = await pickBookFile();
      if (path === null) return;
      setOpening(true);
      onOpened(await bookOpen(path));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setOpening(false);
    }
  };

  const book = info?.book;
  return (
    <section className="settings-block book-settings" aria-label={t("settings.book")}>
      <dl className="facts">
        <div className="fact">
          <dt>{t("settings.book")}</dt>
          <dd>
            <div data-testid="settings-book" data-kind={book?.kind} className="path">
              {book ? bookShown(book) : "—"}
            </div>
            {book && <div className="muted">{t(book.kind === "server" ? "settings.bookServer" : "settings.bookFile")}</div>}
          </dd>
        </div>
        <div className="fact">
          <dt>{t("settings.backups")}</dt>
          <dd>
            <Backups refresh={refresh} />
          </dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" data-testid="book-open-server" onClick={() => setDialog(true)} disabled={opening}>
          {t("book.openServer")}
        </button>
        <button type="button" data-testid="book-open-file" onClick={openFile} disabled={opening}>
          {opening ? t("book.opening") : t("book.openFile")}
        </button>
      </div>
      <ErrorBanner error={error} />
      {dialog && <OpenBookDialog onClose={() => setDialog(false)} onOpened={onOpened} />}
    </section>
  );
}

/** The book's backups: its server's job, or the copies kept beside its file. */
function Backups({ refresh }: { refresh: number }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<{ backups?: BookBackups; error?: ErrorDto } | null>(null);
  useEffect(() => {
    let live = true;
    bookBackups().then(
      (backups) => live && setLoaded({ backups }),
      (reason: unknown) => live && setLoaded({ error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [refresh]);

  if (!loaded) return <span className="muted">{t("common.loading")}</span>;
  const backups = loaded.backups;
  if (!backups) return <ErrorBanner error={loaded.error ?? null} />;
  if (backups.kind === "server") {
    return (
      <p className="backups-note" data-testid="settings-backups" data-kind="server">
        {t("settings.backupsServer")}
      </p>
    );
  }
  const more = backups.files.length - BACKUPS_SHOWN;
  return (
    <div data-testid="settings-backups" data-kind="files">
      <p className="backups-note">{t("settings.backupsFolder", { folder: backups.folder })}</p>
      {backups.files.length === 0 ? (
        <p className="muted">{t("settings.backupsNone")}</p>
      ) : (
        <ul className="backups-list path">
          {backups.files.slice(0, BACKUPS_SHOWN).map((file) => (
            <li key={file}>{file}</li>
          ))}
          {more > 0 && <li className="muted">{t("settings.backupsMore", { n: more })}</li>}
        </ul>
      )}
    </div>
  );
}
