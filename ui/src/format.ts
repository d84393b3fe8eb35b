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

// Money. Amounts cross IPC as decimal strings ("12345.67", "-0.05"); they are summed as
// integer minor units (BigInt), never as floats.

const NBSP = "\u00a0";
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** `"12345.6"` → `1234560n` (minor units); `null` for what is not a decimal with ≤ 2 places. */
export function toMinor(value: string): bigint | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const minor = BigInt(m[2] ?? "0") * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -minor : minor;
}

/** `1234560n` → `"12345.60"`, the form the shell sends. */
export function minorToDecimal(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / 100n;
  const cents = String(abs % 100n).padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${cents}`;
}

/** The exact sum of decimal strings (what is not a decimal counts as zero). */
export function sumDecimals(values: readonly string[]): string {
  return minorToDecimal(values.reduce((sum, v) => sum + (toMinor(v) ?? 0n), 0n));
}

const SYMBOLS: Record<string, string> = { RUB: "₽", KZT: "₸", EUR: "€", USD: "$" };

/** Russian plural of «бонус» for an amount (fractions take the genitive singular: 1,5 бонуса). */
function bonusesRu(minor: bigint): string {
  const abs = minor < 0n ? -minor : minor;
  if (abs % 100n !== 0n) return "бонуса";
  const n = abs / 100n;
  const last2 = n % 100n;
  const last = n % 10n;
  if (last2 >= 11n && last2 <= 14n) return "бонусов";
  if (last === 1n) return "бонус";
  if (last >= 2n && last <= 4n) return "бонуса";
  return "бонусов";
}

/** Digits grouped by three with `sep`. */
function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * An amount with its unit, as UI.md writes money: `12 345,67 ₽`, `75 000 ₸`, `$19.80`,
 * `5 000 бонусов` (no-break spaces; whole amounts without kopecks). English: `12,345.67 ₽`,
 * `5,000 bonuses`. What is not a decimal is shown as it came.
 */
export function formatMoney(value: string | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined || value === "") return "";
  const minor = toMinor(value);
  if (minor === null) return value;
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const usd = unit === "USD";
  const ruDigits = lang === "ru" && !usd;
  const whole = group(String(abs / 100n), ruDigits ? NBSP : ",");
  const cents = abs % 100n;
  const fraction = cents === 0n ? "" : `${ruDigits ? "," : "."}${String(cents).padStart(2, "0")}`;
  const number = `${whole}${fraction}`;
  const sign = negative ? "-" : "";
  if (usd) return `${sign}$${number}`;
  if (unit === "bonus") {
    const word = lang === "ru" ? bonusesRu(minor) : abs === 100n ? "bonus" : "bonuses";
    return `${sign}${number}${NBSP}${word}`;
  }
  return `${sign}${number}${NBSP}${SYMBOLS[unit] ?? unit}`;
}

/** A unit's name for headings: «бонусы», «₽», «₸», «$». */
export function unitLabel(unit: string, lang: Lang): string {
  if (unit === "bonus") return lang === "ru" ? "бонусы" : "bonuses";
  return SYMBOLS[unit] ?? unit;
}

/** Today in the local time zone, `YYYY-MM-DD` (what a date input holds). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The month of a day, `YYYY-MM` (what a month input holds). */
export function monthIso(now: Date = new Date()): string {
  return todayIso(now).slice(0, 7);
}

/** The last day of the month before `now`'s, `YYYY-MM-DD`: the day a month's acts are made on. */
export function previousMonthEnd(now: Date = new Date()): string {
  return todayIso(new Date(now.getFullYear(), now.getMonth(), 0));
}

/** The first day of `now`'s year, `YYYY-MM-DD`. */
export function yearStart(now: Date = new Date()): string {
  return `${now.getFullYear()}-01-01`;
}

/**
 * An amount as a Russian document prints it: always two decimals, no-break spaces between
 * thousands, a comma (`6 000,00`). What is not a decimal is shown as it came.
 */
export function formatDocumentAmount(value: string): string {
  const minor = toMinor(value);
  if (minor === null) return value;
  const abs = minor < 0n ? -minor : minor;
  const cents = String(abs % 100n).padStart(2, "0");
  return `${minor < 0n ? "-" : ""}${group(String(abs / 100n), NBSP)},${cents}`;
}

// The order the screens sort text columns in on the client (balances, what-if), and their
// exports too: the core's `natural_order.rs` keeps the same rule with the same test cases.

type Run = { digits: boolean; text: string };

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const c of text) {
    const digits = c >= "0" && c <= "9";
    const last = out[out.length - 1];
    if (last && last.digits === digits) last.text += c;
    else out.push({ digits, text: c });
  }
  return out;
}

const byCodePoints = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]?.codePointAt(0) ?? 0;
    const y = b[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};

/** Each character lower-cased on its own (as Rust's `char::to_lowercase`), as code points. */
const lowered = (text: string): string[] => [...text].flatMap((c) => [...c.toLowerCase()]);

/**
 * `a` against `b`: runs of digits compare as numbers (`P-2` before `P-10`), other runs letter
 * by letter ignoring case; texts equal that way fall back to their characters.
 */
export function compareNatural(a: string, b: string): number {
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i] as Run;
    const y = rb[i] as Run;
    let order: number;
    if (x.digits && y.digits) {
      const nx = x.text.replace(/^0+/, "");
      const ny = y.text.replace(/^0+/, "");
      order = nx.length !== ny.length ? (nx.length < ny.length ? -1 : 1) : nx < ny ? -1 : nx > ny ? 1 : 0;
    } else if (x.digits !== y.digits) {
      order = x.digits ? -1 : 1;
    } else {
      order = byCodePoints(lowered(x.text), lowered(y.text));
    }
    if (order !== 0) return order;
  }
  if (ra.length !== rb.length) return ra.length < rb.length ? -1 : 1;
  return byCodePoints([...a], [...b]);
}
