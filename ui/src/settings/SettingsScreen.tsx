import type { Lang } from "../bindings/Lang";
import { useBook } from "../book";
import { useI18n } from "../i18n";
import { VendorForm } from "./VendorForm";

const LANGS: readonly { lang: Lang; label: string }[] = [
  { lang: "ru", label: "Русский" },
  { lang: "en", label: "English" },
];

/** Настройки: language, who is working and on which book, and the vendor's requisites. */
export function SettingsScreen({ onLang }: { onLang: (lang: Lang) => void }) {
  const { t, lang } = useI18n();
  const { info } = useBook();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.settings")}</h1>
      </header>
      <dl className="facts settings-block">
        <div className="fact">
          <dt>{t("settings.lang")}</dt>
          <dd>
            <div className="segmented-inline" role="group" aria-label={t("settings.lang")}>
              {LANGS.map((l) => (
                <button
                  key={l.lang}
                  type="button"
                  className="chip"
                  aria-pressed={lang === l.lang}
                  data-testid={`lang-${l.lang}`}
                  onClick={() => onLang(l.lang)}
                >
                  {l.label}
                </button>
              ))}
            </div>
          </dd>
        </div>
        <div className="fact">
          <dt>{t("settings.operator")}</dt>
          <dd data-testid="settings-operator">{info?.operator ?? "—"}</dd>
        </div>
        <div className="fact">
          <dt>{t("settings.book")}</dt>
          <dd data-testid="settings-book" className="path">
            {info ? (info.book.kind === "server" ? info.book.url : info.book.path) : "—"}
          </dd>
        </div>
        <div className="fact">
          <dt>{t("settings.version")}</dt>
          <dd>{info?.version ?? "—"}</dd>
        </div>
      </dl>
      <VendorForm />
    </section>
  );
}
