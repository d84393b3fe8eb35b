import { useI18n, type MessageKey } from "./i18n";

/** A section not built yet: its name and what it will hold. */
export function PlaceholderScreen({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t(title)}</h1>
      </header>
      <div className="placeholder">
        <strong>{t("placeholder.soon")}</strong>
        <p>{t(text)}</p>
      </div>
    </section>
  );
}
