import { useState } from "react";
import { appInfo, bookOpen, pickBookFile } from "../api";
import type { AppInfo } from "../bindings/AppInfo";
import type { ErrorDto } from "../bindings/ErrorDto";
import { bookShown, useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { BackupsList } from "./BackupsList";
import { OpenBookDialog } from "./OpenBookDialog";

/**
 * Where the book is (its file, or its server) and where its backups are; another book opened
 * from a server (the dialog) or from a file (the native dialog).
 */
export function BookSettings({ onOpened }: { onOpened: (info: AppInfo) => void }) {
  const { t } = useI18n();
  const { info } = useBook();
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

  // A backup restored: the book is another, so every screen starts again on it (as when
  // another book is opened).
  const restored = () => {
    appInfo().then(onOpened, (reason: unknown) => setError(toErrorDto(reason)));
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
            <BackupsList onRestored={restored} />
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
