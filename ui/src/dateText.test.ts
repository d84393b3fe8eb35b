import { describe, expect, it } from "vitest";
import { addMonths, monthWeeks, parseDay, parseMonth, showDay, showMonth } from "./dateText";

describe("parseDay", () => {
  it("takes ДД.ММ.ГГГГ, short days and months, and ISO", () => {
    expect(parseDay("05.01.2026")).toBe("2026-01-05");
    expect(parseDay("5.1.2026")).toBe("2026-01-05");
    expect(parseDay(" 2026-01-05 ")).toBe("2026-01-05");
    expect(parseDay("29.02.2028")).toBe("2028-02-29");
  });
  it("refuses what is not a day, and gives nothing for nothing", () => {
    expect(parseDay("31.02.2026")).toBeNull();
    expect(parseDay("29.02.2026")).toBeNull();
    expect(parseDay("12/05/2026")).toBeNull();
    expect(parseDay("05.13.2026")).toBeNull();
    expect(parseDay("5.1.26")).toBeNull();
    expect(parseDay("завтра")).toBeNull();
    expect(parseDay("  ")).toBe("");
  });
});

describe("showDay", () => {
  it("writes ДД.ММ.ГГГГ in Russian and ISO in English", () => {
    expect(showDay("2026-12-05", "ru")).toBe("05.12.2026");
    expect(showDay("2026-12-05", "en")).toBe("2026-12-05");
    expect(showDay("", "ru")).toBe("");
  });
});

describe("months", () => {
  it("are typed as ММ.ГГГГ or ISO and shown by the language", () => {
    expect(parseMonth("12.2026")).toBe("2026-12");
    expect(parseMonth("3.2026")).toBe("2026-03");
    expect(parseMonth("2026-12")).toBe("2026-12");
    expect(parseMonth("13.2026")).toBeNull();
    expect(parseMonth("Dec 2026")).toBeNull();
    expect(showMonth("2026-12", "ru")).toBe("12.2026");
    expect(showMonth("2026-12", "en")).toBe("2026-12");
  });
  it("keep the day within the month when moved", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });
});

describe("monthWeeks", () => {
  it("starts the week on Monday in Russian and on Sunday in English", () => {
    // 1 February 2026 is a Sunday.
    expect(monthWeeks(2026, 2, "ru")[0]).toEqual([null, null, null, null, null, null, "2026-02-01"]);
    expect(monthWeeks(2026, 2, "en")[0]?.[0]).toBe("2026-02-01");
    expect(monthWeeks(2026, 2, "en").flat().filter(Boolean)).toHaveLength(28);
  });
});
