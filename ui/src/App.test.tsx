import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import { answer, callsOf } from "./test/ipc";
import { PROGRAMS } from "./test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

describe("the app", () => {
  beforeEach(() => {
    answer({
      app_info: () => ({ version: "0.1.0", book: { kind: "file", path: "/data/book.sqlite" }, lang: "ru", operator: "Иванова" }),
      programs: () => PROGRAMS,
      set_lang: () => null,
      partners_page: () => ({ total: 0, offset: 0, rows: [] }),
      import_history: () => [],
      vendor_get: () => ({ name: "ООО Вендор" }),
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], drafts: 0, last_import: null }),
      monthly_accruals: () => [],
    });
  });

  it("starts in Russian on the overview, with the book's file", async () => {
    render(<App />);
    expect(await screen.findByText("/data/book.sqlite")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Сводка" })).toBeInTheDocument();
    expect(screen.getByTestId("overview-week")).toHaveTextContent("В ближайшие 7 дней сроков нет.");
    expect(screen.getByTestId("nav-overview")).toHaveAttribute("aria-current", "page");
  });

  it("Ctrl+K focuses the partners' search; Ctrl+I opens the import", async () => {
    render(<App />);
    fireEvent.keyDown(document, { key: "k", code: "KeyK", ctrlKey: true });
    await waitFor(() => expect(screen.getByRole("searchbox")).toHaveFocus());
    // With a Russian layout Ctrl+I gives the key «ш»: the shortcut goes by position (KeyI).
    fireEvent.keyDown(document, { key: "ш", code: "KeyI", ctrlKey: true });
    expect(await screen.findByTestId("import-path")).toBeInTheDocument();
  });

  it("switches to English: tells the shell, then speaks English", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByTestId("nav-settings"));
    expect(await screen.findByTestId("settings-operator")).toHaveTextContent("Иванова");
    await user.click(screen.getByTestId("lang-en"));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeInTheDocument();
    expect(callsOf("set_lang")).toEqual([{ lang: "en" }]);
    expect(screen.getByTestId("nav-partners")).toHaveTextContent("Partners");
  });
});
