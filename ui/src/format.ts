import type { Lang } from "./bindings/Lang";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

/** `2026-03-30` → `30.03.2026` in Russian, unchanged in English; empty for none. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return "";
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return lang === "ru" ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** A moment (`2026-03-30T14:05:00…`) to the minute: `30.03.2026 14:05` / `2026-03-30 14:05`. */
export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return "";
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return formatDate(value, lang);
  const date = lang === "ru" ? `${m[3]}.${m[2]}.${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
  return `${date} ${m[4]}:${m[5]}`;
}

// Making an Intl.NumberFormat costs far more than using one: one per language, made once.
const COUNT_FORMATS: Record<Lang, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat("ru-RU"),
  en: new Intl.NumberFormat("en-US"),
};

/** A count with the language's thousands separator: `100 000` / `100,000`. */
export function formatCount(value: number | bigint, lang: Lang): string {
  return COUNT_FORMATS[lang].format(value);
}
