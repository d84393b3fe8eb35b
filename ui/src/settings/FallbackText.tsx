import type { StartFallback } from "../bindings/StartFallback";
import { bookShown } from "../book";
import { useI18n } from "../i18n";

/** Why the app did not start on the last book used: which book, why, and what opened instead. */
export function FallbackText({ fallback }: { fallback: StartFallback }) {
  const { t } = useI18n();
  return <>{t("book.fallback", { book: bookShown(fallback.book), reason: fallback.error.message })}</>;
}
