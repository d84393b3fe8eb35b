import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { App } from "./App";
import { BOOK_CHANGED } from "./bookChanged";
import { answer, callsOf } from "./test/ipc";
import { PROGRAMS } from "./test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const heard = vi.hoisted(() => new Map<string, () => void>());
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (event: string, handler: () => void) => {
    heard.set(event, handler);
    return () => heard.delete(event);
  }),
}));

describe("«книга изменилась»", () => {
  it("has the screen in view read the book again (a book on this desk too)", async () => {
    const user = userEvent.setup();
    answer({
      app_info: () => ({ version: "0.1.0", book: { kind: "file", path: "/data/book.sqlite" }, lang: "ru", operator: "Иванова" }),
      programs: () => PROGRAMS,
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      partners_page: () => ({ total: 0, offset: 0, rows: [] }),
    });
    render(<App />);
    await user.click(await screen.findByTestId("nav-partners"));
    await screen.findByTestId("partners-empty");
    const before = callsOf("partners_page").length;
    await waitFor(() => expect(heard.has(BOOK_CHANGED)).toBe(true));
    act(() => heard.get(BOOK_CHANGED)?.());
    await waitFor(() => expect(callsOf("partners_page").length).toBeGreaterThan(before));
  });
});
