import { useState, type FormEvent } from "react";
import { bookOpen, bookProbe, recentBooks } from "../api";
import type { AppInfo } from "../bindings/AppInfo";
import type { BookProbe } from "../bindings/BookProbe";
import type { ErrorDto } from "../bindings/ErrorDto";
import { bookShown, useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { formatCount } from "../format";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

type Busy = "idle" | "probing" | "opening";

/**
 * «Открыть книгу на сервере»: the server's URL and, when PGPASSWORD or ~/.pgpass do not give it,
 * its password (for this session; kept in ~/.pgpass only when «Запомнить пароль» is ticked, never
 * in the book or the recent books), «Проверить подключение» says what the book holds or why it
 * cannot be reached, «Открыть» makes it the app's book; the recent books open with one click.
 */
export function OpenBookDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (info: AppInfo) => void }) {
  const { t, lang } = useI18n();
  const { info } = useBook();
  const [url, setUrl] = useState("");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState<Busy>("idle");
  const [probe, setProbe] = useState<BookProbe | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const recentRead = useQuery(recentBooks, []);
  // The recent books, or none when they cannot be read.
  const recent = recentRead.error ? [] : (recentRead.data ?? null);
  const { byField } = problemsByField(error, ["url"]);

  const tryIt = async () => {
    if (busy !== "idle") return;
    setBusy("probing");
    setProbe(null);
    setError(null);
    try {
      setProbe(await bookProbe(url, password));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setBusy("idle");
    }
  };

  const open = async (location: string, typed?: { password: string; remember: boolean }) => {
    if (busy !== "idle") return;
    setBusy("opening");
    setError(null);
    try {
      onOpened(await bookOpen(location, typed));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      setBusy("idle");
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open(url, { password, remember });
  };

  const current = info ? bookShown(info.book) : null;
  return (
    <Modal title={t("book.dialogTitle")} onClose={onClose} testId="open-book-dialog" wide>
      <form className="form" onSubmit={submit} noValidate>
        <div className="modal-body">
          <FormField
            name="url"
            label={t("book.url")}
            type="text"
            value={url}
            onChange={(value) => {
              setUrl(value);
              setProbe(null);
              setError(null);
            }}
            problems={byField.get("url")}
            hint={t("book.urlHint")}
            testId="book-url"
            wide
          />
          <FormField
            name="password"
            label={t("book.password")}
            type="password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              setProbe(null);
              setError(null);
            }}
            testId="book-password"
          />
          <FormField
            name="remember"
            label={t("book.remember")}
            type="checkbox"
            value={remember ? "yes" : "no"}
            onChange={(value) => setRemember(value === "yes")}
            testId="book-remember"
          />
          <div className="button-row">
            <button type="button" data-testid="book-probe" onClick={tryIt} disabled={busy !== "idle"}>
              {busy === "probing" ? t("book.probing") : t("book.probe")}
            </button>
          </div>
          {probe && (
            <p className="ok-banner" role="status" data-testid="book-probe-ok" data-partners={probe.partners}>
              {t("book.probeOk", {
                url: bookShown(probe.book),
                partners: formatCount(probe.partners, lang),
                clients: formatCount(probe.clients, lang),
              })}
            </p>
          )}
          {error && byField.size === 0 && (
            <div data-testid="book-open-error">
              <ErrorBanner error={error} />
            </div>
          )}
          <section className="recent-books">
            <h3>{t("book.recent")}</h3>
            {recent === null && <p className="muted">{t("common.loading")}</p>}
            {recent?.length === 0 && <p className="muted">{t("book.recentNone")}</p>}
            {recent && recent.length > 0 && (
              <ul data-testid="recent-books">
                {recent.map((book, i) => {
                  const shown = bookShown(book);
                  return (
                    <li key={shown} className="recent-book">
                      <span className={`label label-book-${book.kind}`}>
                        {t(book.kind === "server" ? "book.kindServer" : "book.kindFile")}
                      </span>
                      <span className="path">{shown}</span>
                      {shown === current ? (
                        <span className="muted">{t("book.current")}</span>
                      ) : (
                        <button type="button" data-testid={`recent-book-${i}`} onClick={() => void open(shown)} disabled={busy !== "idle"}>
                          {t("book.open")}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="primary" data-testid="book-open-submit" disabled={busy !== "idle"}>
            {busy === "opening" ? t("book.opening") : t("book.open")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
