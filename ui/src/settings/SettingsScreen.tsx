import type { AppInfo } from "../bindings/AppInfo";
import type { Lang } from "../bindings/Lang";
import { useBook } from "../book";
import { useI18n } from "../i18n";
import { BookSettings } from "./BookSettings";
import { VendorForm } from "./VendorForm";

const LANGS: readonly { lang: Lang; label: string }[] = [
  { lang: "ru", label: "Русский" },
  { lang: "en", label: "English" },
];

/** Настройки: language, who is working and on which book (another opened here), and the vendor's requisites. */
export function SettingsScreen(props: { onLang: (lang: Lang) => void; onBookOpened: (info: AppInfo) => void }) {
  const { onLang, onBookOpened } = props;
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
          <dt>{t("settings.version")}</dt>
          <dd>{info?.version ?? "—"}</dd>
        </div>
      </dl>
      <BookSettings onOpened={onBookOpened} />
      <VendorForm />
    </section>
  );
}
