import { useBook } from "../book";
import { useI18n } from "../i18n";

/** Across the window while the book is open to be read only: every change will be refused. */
export function ReadOnlyBanner() {
  const { t } = useI18n();
  const { info } = useBook();
  if (!info?.read_only) return null;
  return (
    <p className="read-only-banner" role="status" data-testid="read-only-banner">
      {t("app.readOnly")}
    </p>
  );
}
