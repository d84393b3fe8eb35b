import { useBook } from "./book";
import { useI18n } from "./i18n";
import type { Section } from "./navigation";

/** Сводка, for now: a welcome, the book's file and the way to the two working screens. */
export function OverviewScreen({ onGo }: { onGo: (section: Section) => void }) {
  const { t } = useI18n();
  const { info } = useBook();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("overview.title")}</h1>
      </header>
      <p>{t("overview.text")}</p>
      {info && (
        <p>
          {t("overview.book")}: <span className="path">{info.book_path}</span>
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => onGo("partners")}>
          {t("overview.toPartners")}
        </button>
        <button type="button" onClick={() => onGo("import")}>
          {t("overview.toImport")}
        </button>
      </div>
      <p className="muted">{t("overview.later")}</p>
    </section>
  );
}
