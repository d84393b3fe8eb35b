import type { Lang } from "./bindings/Lang";

// Dates as a person types and reads them, by the app's language (never the system's locale):
// ДД.ММ.ГГГГ in Russian, ISO (YYYY-MM-DD) in English. The value the API gets is always ISO.

const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DOTTED_MONTH = /^(\d{1,2})\.(\d{4})$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO day of `year`, `month` (1–12), `day`, or `null` when no such day exists (31.02). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How many days the month (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What a person typed as a day → ISO `YYYY-MM-DD`; `""` for nothing typed, `null` for what is
 * not a day. Both languages take `05.01.2026`, `5.1.2026` and `2026-01-05`.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  if (s === "") return "";
  let m = DOTTED_DAY.exec(s);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO_DAY.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** An ISO day as the language writes it: `05.01.2026` / `2026-01-05`; `""` for none. */
export function showDay(iso: string, lang: Lang): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  return lang === "ru" ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** What a person typed as a month → `YYYY-MM`; `""` for nothing, `null` for what is not a month. */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  if (s === "") return "";
  let m = DOTTED_MONTH.exec(s);
  let year: number;
  let month: number;
  if (m) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else {
    m = ISO_MONTH.exec(s);
    if (!m) return null;
    year = Number(m[1]);
    month = Number(m[2]);
  }
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

/** A `YYYY-MM` month as the language writes it: `12.2026` / `2026-12`. */
export function showMonth(iso: string, lang: Lang): string {
  const m = ISO_MONTH.exec(iso);
  if (!m) return iso;
  return lang === "ru" ? `${m[2]}.${m[1]}` : iso;
}

/** What a day field shows as its pattern. */
export const DAY_PATTERN: Record<Lang, string> = { ru: "ДД.ММ.ГГГГ", en: "YYYY-MM-DD" };
/** What a month field shows as its pattern. */
export const MONTH_PATTERN: Record<Lang, string> = { ru: "ММ.ГГГГ", en: "YYYY-MM" };

/** The months' names, January first. */
export const MONTH_NAMES: Record<Lang, readonly string[]> = {
  ru: ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** The weekdays' short names in the order a calendar shows them: Monday first in Russian, Sunday in English. */
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  ru: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
  en: ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"],
};

/** The day `days` after the ISO day `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The same day `months` later (the month's last day when it has fewer days). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/**
 * The weeks a calendar shows for the month of `year`/`month` (1–12): rows of seven ISO days
 * (`null` outside the month), weeks starting on Monday in Russian and Sunday in English.
 */
export function monthWeeks(year: number, month: number, lang: Lang): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const lead = lang === "ru" ? (first + 6) % 7 : first;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
