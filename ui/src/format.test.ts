import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime } from "./format";

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
