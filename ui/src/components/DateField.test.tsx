import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { Lang } from "../bindings/Lang";
import { todayIso } from "../format";
import { renderInBook } from "../test/render";
import { DateField } from "./DateField";

function Field({ start, month, onValue }: { start: string; month?: boolean; onValue: (v: string) => void }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <DateField
        name="day"
        month={month}
        value={value}
        onChange={(v) => {
          setValue(v);
          onValue(v);
        }}
      />
      <output data-testid="held">{value}</output>
    </>
  );
}

const setUp = (lang: Lang, start = "2026-12-05", month = false) => {
  const onValue = vi.fn();
  renderInBook(<Field start={start} month={month} onValue={onValue} />, lang);
  return { onValue, input: screen.getByTestId("day") as HTMLInputElement, held: () => screen.getByTestId("held").textContent };
};

describe("DateField", () => {
  it("shows ДД.ММ.ГГГГ in Russian and ISO in English, whatever the system's locale", () => {
    expect(setUp("ru").input.value).toBe("05.12.2026");
    document.body.innerHTML = "";
    expect(setUp("en").input.value).toBe("2026-12-05");
  });

  it("turns what a person types into ISO, short forms and ISO in Russian too", async () => {
    const { input, held } = setUp("ru");
    await userEvent.clear(input);
    await userEvent.type(input, "5.1.2026");
    expect(held()).toBe("2026-01-05");
    await userEvent.tab();
    expect(input.value).toBe("05.01.2026");
    await userEvent.clear(input);
    await userEvent.type(input, "2026-02-03");
    expect(held()).toBe("2026-02-03");
  });

  it("says under the field that a bad date is not one, and holds no value for it", async () => {
    const { input, held } = setUp("ru");
    await userEvent.clear(input);
    await userEvent.type(input, "31.02.2026");
    expect(held()).toBe("");
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.tab();
    expect(screen.getByTestId("date-error-day")).toHaveTextContent("Это не дата: введите её как ДД.ММ.ГГГГ");
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("says it in English as ISO", async () => {
    const { input } = setUp("en");
    await userEvent.clear(input);
    await userEvent.type(input, "12/05/2026");
    await userEvent.tab();
    expect(screen.getByTestId("date-error-day")).toHaveTextContent("Not a date: type it as YYYY-MM-DD");
  });

  it("picks a day from a Monday-first calendar in Russian, with month names in Russian", async () => {
    const { held, input } = setUp("ru");
    await userEvent.click(screen.getByTestId("day-calendar-open"));
    expect(screen.getByTestId("day-calendar-title")).toHaveTextContent("Декабрь 2026");
    const heads = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(heads[0]).toBe("Пн");
    await userEvent.click(screen.getByRole("button", { name: "17" }));
    expect(held()).toBe("2026-12-17");
    expect(input.value).toBe("17.12.2026");
    expect(screen.queryByTestId("day-calendar")).toBeNull();
  });

  it("is usable from the keyboard: arrows, PageDown, Enter; Esc closes", async () => {
    const { held } = setUp("en");
    await userEvent.click(screen.getByTestId("day-calendar-open"));
    expect(screen.getByTestId("day-calendar-title")).toHaveTextContent("December 2026");
    expect(screen.getAllByRole("columnheader")[0]).toHaveTextContent("Su");
    expect(document.activeElement).toHaveAttribute("data-day", "2026-12-05");
    await userEvent.keyboard("{ArrowRight}{ArrowDown}{PageDown}");
    expect(screen.getByTestId("day-calendar-title")).toHaveTextContent("January 2027");
    await userEvent.keyboard("{Enter}");
    expect(held()).toBe("2027-01-13");
    await userEvent.click(screen.getByTestId("day-calendar-open"));
    await userEvent.keyboard("{ArrowLeft}{Escape}");
    expect(screen.queryByTestId("day-calendar")).toBeNull();
    expect(held()).toBe("2027-01-13");
  });

  it("marks today in the calendar", async () => {
    setUp("ru", "");
    fireEvent.click(screen.getByTestId("day-calendar-open"));
    const today = document.querySelector(`[data-day="${todayIso()}"]`);
    expect(today).toHaveAttribute("aria-current", "date");
    expect(today).toHaveClass("today");
  });

  it("as a month: ММ.ГГГГ in Russian, picked by name", async () => {
    const { input, held } = setUp("ru", "2026-12", true);
    expect(input.value).toBe("12.2026");
    await userEvent.click(screen.getByTestId("day-calendar-open"));
    await userEvent.click(screen.getByRole("button", { name: "Март" }));
    expect(held()).toBe("2026-03");
    expect(input.value).toBe("03.2026");
  });

  it("shows a value set from outside, and follows the language", () => {
    const { input } = setUp("en", "2026-12", true);
    expect(input.value).toBe("2026-12");
  });
});
