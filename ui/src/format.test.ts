import { describe, expect, it } from "vitest";
import {
  compareNatural,
  formatCount,
  formatDate,
  formatDateTime,
  formatDocumentAmount,
  formatMoney,
  minorToDecimal,
  monthIso,
  previousMonthEnd,
  sumDecimals,
  toMinor,
  yearStart,
} from "./format";

describe("formatDate", () => {
  it("shows ДД.ММ.ГГГГ in Russian", () => {
    expect(formatDate("2026-03-30", "ru")).toBe("30.03.2026");
    expect(formatDate("2025-01-05", "ru")).toBe("05.01.2025");
  });
  it("keeps ISO in English", () => {
    expect(formatDate("2026-03-30", "en")).toBe("2026-03-30");
  });
  it("shows nothing for no date, and leaves what is not a date as it is", () => {
    expect(formatDate(null, "ru")).toBe("");
    expect(formatDate(undefined, "en")).toBe("");
    expect(formatDate("30.03.2026", "ru")).toBe("30.03.2026");
  });
});

describe("formatDateTime", () => {
  it("shows the moment to the minute", () => {
    expect(formatDateTime("2026-03-30T14:05:59Z", "ru")).toBe("30.03.2026 14:05");
    expect(formatDateTime("2026-03-30 14:05:59", "en")).toBe("2026-03-30 14:05");
  });
  it("falls back to the date alone", () => {
    expect(formatDateTime("2026-03-30", "ru")).toBe("30.03.2026");
  });
});

describe("formatCount", () => {
  it("groups thousands by the language", () => {
    expect(formatCount(100000, "ru").replace(/\s/g, " ")).toBe("100 000");
    expect(formatCount(100000, "en")).toBe("100,000");
  });
});

describe("formatMoney", () => {
  const plain = (s: string) => s.replace(/\u00a0/g, " ");
  it("writes money as UI.md does", () => {
    expect(plain(formatMoney("12345.67", "RUB", "ru"))).toBe("12 345,67 ₽");
    expect(plain(formatMoney("75000.00", "KZT", "ru"))).toBe("75 000 ₸");
    expect(formatMoney("19.80", "USD", "ru")).toBe("$19.80");
    expect(plain(formatMoney("5000.00", "bonus", "ru"))).toBe("5 000 бонусов");
  });
  it("says бонус, бонуса, бонусов as Russian does", () => {
    expect(plain(formatMoney("1.00", "bonus", "ru"))).toBe("1 бонус");
    expect(plain(formatMoney("22.00", "bonus", "ru"))).toBe("22 бонуса");
    expect(plain(formatMoney("11.00", "bonus", "ru"))).toBe("11 бонусов");
    expect(plain(formatMoney("1.50", "bonus", "ru"))).toBe("1,50 бонуса");
    expect(plain(formatMoney("5000.00", "bonus", "en"))).toBe("5,000 bonuses");
  });
  it("keeps the sign and English digits", () => {
    expect(plain(formatMoney("-1500.50", "RUB", "ru"))).toBe("-1 500,50 ₽");
    expect(plain(formatMoney("12345.67", "RUB", "en"))).toBe("12,345.67 ₽");
    expect(formatMoney("-0.05", "USD", "en")).toBe("-$0.05");
    expect(formatMoney("", "RUB", "ru")).toBe("");
    expect(formatMoney("n/a", "RUB", "ru")).toBe("n/a");
  });
});

describe("decimal sums", () => {
  it("are exact", () => {
    expect(toMinor("0.1")).toBe(10n);
    expect(toMinor("-12.34")).toBe(-1234n);
    expect(toMinor("1.234")).toBeNull();
    expect(sumDecimals(["0.10", "0.20", "-0.05"])).toBe("0.25");
    expect(sumDecimals(["99999999999999.99", "0.01"])).toBe("100000000000000.00");
    expect(minorToDecimal(-5n)).toBe("-0.05");
  });
});

describe("days for acts", () => {
  it("knows the month, the last day of the month before, and the year's first day", () => {
    const now = new Date(2026, 2, 30);
    expect(monthIso(now)).toBe("2026-03");
    expect(previousMonthEnd(now)).toBe("2026-02-28");
    expect(previousMonthEnd(new Date(2026, 0, 15))).toBe("2025-12-31");
    expect(yearStart(now)).toBe("2026-01-01");
  });
});

describe("formatDocumentAmount", () => {
  it("prints two decimals with a comma and no-break spaces, as a paper act does", () => {
    expect(formatDocumentAmount("6000")).toBe("6\u00a0000,00");
    expect(formatDocumentAmount("1234567.5")).toBe("1\u00a0234\u00a0567,50");
    expect(formatDocumentAmount("-0.05")).toBe("-0,05");
    expect(formatDocumentAmount("n/a")).toBe("n/a");
  });
});

describe("compareNatural", () => {
  // The same cases as the core's `natural_order.rs`: the exports sort as the screens do.
  const SORTED = ["", "1", "2", "10", "B1", "b2", "B10", "P-2", "P-10", "P-10a", "Zeta", "ООО «Альфа»", "ООО «Бета»", "ооо «бета»"];

  it("counts digits as numbers and ignores case, then falls back to the characters", () => {
    SORTED.forEach((a, i) =>
      SORTED.forEach((b, j) => expect([a, b, Math.sign(compareNatural(a, b))]).toEqual([a, b, Math.sign(i - j)])),
    );
  });

  it("reads leading zeros as the same number, and still orders the texts", () => {
    expect(compareNatural("P-007", "P-10")).toBeLessThan(0);
    expect(compareNatural("P-007", "P-7")).toBeLessThan(0);
  });
});
