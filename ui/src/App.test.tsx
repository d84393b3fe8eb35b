import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import { DOC, actRow, page } from "./acts/fixtures";
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
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      monthly_accruals: () => [],
      book_backups: () => ({ kind: "files", folder: "/data/backups", files: [] }),
    });
  });

  it("starts in Russian on the overview, with the book's file", async () => {
    render(<App />);
    expect(await screen.findByText("/data/book.sqlite")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Сводка" })).toBeInTheDocument();
    expect(screen.getByTestId("overview-week")).toHaveTextContent("В ближайшие 7 дней сроков нет.");
    expect(screen.getByTestId("nav-overview")).toHaveAttribute("aria-current", "page");
  });

  it("says on the first screen when the last book did not open and the default one did", async () => {
    answer({
      app_info: () => ({
        version: "0.1.0",
        book: { kind: "file", path: "/data/book.sqlite" },
        lang: "ru",
        operator: "Иванова",
        fallback: {
          book: { kind: "server", url: "postgres://anna@db.local:5432/book" },
          error: { code: "server_unreachable", message: "по этому адресу и порту сервер не отвечает.", problems: [] },
        },
      }),
    });
    render(<App />);
    expect(await screen.findByTestId("start-fallback")).toHaveTextContent(
      "Последняя книга postgres://anna@db.local:5432/book не открылась: по этому адресу и порту сервер не отвечает. Открыта книга по умолчанию",
    );
    expect(screen.getByRole("heading", { name: "Сводка" })).toBeInTheDocument();
  });

  it("Ctrl+K finds partners, clients and acts; Enter opens the act chosen; Ctrl+I opens the import", async () => {
    const user = userEvent.setup();
    answer({
      app_info: () => ({ version: "0.1.0", book: { kind: "file", path: "/data/book.sqlite" }, lang: "ru", operator: "Иванова" }),
      programs: () => PROGRAMS,
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      partners_page: ({ query }) =>
        (query as { search?: string }).search === "альфа"
          ? { total: 1, offset: 0, rows: [{ partner: "P-1", program: "bitrix24", name: "ООО «Альфа»", kind: "ooo", inn: null, code: "ALFA", status: "active", clients: 2 }] }
          : { total: 0, offset: 0, rows: [] },
      clients_page: () => ({ total: 0, offset: 0, rows: [] }),
      acts_page: ({ query }) => {
        const q = query as { search?: string; act?: string };
        if (q.act === "3") return page([actRow("2026-0003")]);
        return q.search === "альфа" ? page([actRow("2026-0003")]) : page([]);
      },
      act_preview: () => ({ ...DOC, number: "2026-0003" }),
    });
    render(<App />);
    await screen.findByRole("heading", { name: "Сводка" });
    fireEvent.keyDown(document, { key: "л", code: "KeyK", ctrlKey: true });
    const box = await screen.findByTestId("quick-find-input");
    await waitFor(() => expect(box).toHaveFocus());
    await user.type(box, "альфа");
    expect(await screen.findByTestId("quick-find-act-2026-0003")).toHaveTextContent("Акт № 2026-0003 от 10.03.2026");
    expect(screen.getByTestId("quick-find-partner-P-1")).toHaveTextContent("P-1 · ООО «Альфа»");
    expect(callsOf("acts_page")).toContainEqual({ query: { search: "альфа", limit: 5 } });
    expect(callsOf("clients_page")).toContainEqual({ query: { search: "альфа", limit: 5 } });
    // The partner is first; the act is two down.
    await user.keyboard("{ArrowDown}{Enter}");
    expect(screen.queryByTestId("quick-find")).not.toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Акты и выплаты" })).toBeInTheDocument();
    expect(await screen.findByTestId("act-preview")).toHaveTextContent("Акт № 2026-0003 от 10.03.2026");
    expect(callsOf("act_preview")).toEqual([{ act: "3" }]);

    fireEvent.keyDown(document, { key: "Escape" });
    // With a Russian layout Ctrl+I gives the key «ш»: the shortcut goes by position (KeyI).
    fireEvent.keyDown(document, { key: "ш", code: "KeyI", ctrlKey: true });
    expect(await screen.findByTestId("import-path")).toBeInTheDocument();
  });

  it("Ctrl+K says when nothing is found", async () => {
    const user = userEvent.setup();
    answer({
      app_info: () => ({ version: "0.1.0", book: { kind: "file", path: "/data/book.sqlite" }, lang: "ru", operator: "Иванова" }),
      programs: () => PROGRAMS,
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      partners_page: () => ({ total: 0, offset: 0, rows: [] }),
      clients_page: () => ({ total: 0, offset: 0, rows: [] }),
      acts_page: () => page([]),
    });
    render(<App />);
    await screen.findByRole("heading", { name: "Сводка" });
    fireEvent.keyDown(document, { key: "k", code: "KeyK", ctrlKey: true });
    await user.type(await screen.findByTestId("quick-find-input"), "zzz");
    expect(await screen.findByTestId("quick-find-none")).toHaveTextContent("По запросу «zzz» ничего не найдено");
  });

  it("an empty partners list says to import and takes there; an empty search says to change it", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-partners"));
    const empty = await screen.findByTestId("partners-empty");
    expect(empty).toHaveTextContent("Партнёров пока нет — импортируйте файл партнёров (Ctrl+I)");
    await user.type(screen.getByRole("searchbox"), "zzz");
    await waitFor(() => expect(screen.getByTestId("partners-empty")).toHaveTextContent("Ничего не нашлось — измените поиск"));
    expect(screen.queryByTestId("partners-empty-action")).toBeNull();
    await user.clear(screen.getByRole("searchbox"));
    await user.click(await screen.findByTestId("partners-empty-action"));
    expect(await screen.findByTestId("import-path")).toBeInTheDocument();
  });

  it("switches to English: tells the shell, then speaks English, and reads what the core wrote in Russian again", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByTestId("nav-settings"));
    expect(await screen.findByTestId("settings-operator")).toHaveTextContent("Иванова");
    await waitFor(() => expect(callsOf("book_backups")).toHaveLength(1));
    await user.click(screen.getByTestId("lang-en"));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeInTheDocument();
    expect(callsOf("set_lang")).toEqual([{ lang: "en" }]);
    expect(screen.getByTestId("nav-partners")).toHaveTextContent("Partners");
    await waitFor(() => expect(callsOf("book_backups")).toHaveLength(2));
  });

  it("opens a book on a server from Настройки: the screens then show that book", async () => {
    const user = userEvent.setup();
    const server = { kind: "server", url: "postgres://anna@db.local:5432/book" };
    answer({
      app_info: () => ({ version: "0.1.0", book: { kind: "file", path: "/data/book.sqlite" }, lang: "ru", operator: "Иванова" }),
      programs: () => PROGRAMS,
      vendor_get: () => ({ name: "ООО Вендор" }),
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      monthly_accruals: () => [],
      book_backups: () =>
        callsOf("book_open").length > 0
          ? { kind: "server" }
          : {
              kind: "files",
              folder: "/data/backups",
              files: [
                {
                  path: "/data/backups/book-20260302-100000-before-acts-batch.sqlite",
                  name: "book-20260302-100000-before-acts-batch.sqlite",
                  taken_at: "2026-03-02T10:00:00",
                  reason: "before-acts-batch",
                  label: "перед актами за месяц",
                  bytes: 4096,
                },
              ],
            },
      recent_books: () => [{ kind: "file", path: "/data/book.sqlite" }],
      book_open: () => ({ version: "0.1.0", book: server, lang: "ru", operator: "Иванова" }),
    });
    render(<App />);
    await user.click(screen.getByTestId("nav-settings"));
    expect(await screen.findByTestId("settings-backups")).toHaveTextContent("02.03.2026 10:00перед актами за месяц4 КБ");
    await user.click(screen.getByTestId("book-open-server"));
    await user.type(await screen.findByTestId("book-url"), "postgres://anna@db.local:5432/book{Enter}");
    expect(await screen.findByTestId("settings-book")).toHaveTextContent("postgres://anna@db.local:5432/book");
    expect(callsOf("book_open")).toEqual([{ location: "postgres://anna@db.local:5432/book" }]);
    expect(screen.queryByTestId("open-book-dialog")).not.toBeInTheDocument();
    expect(await screen.findByTestId("settings-backups")).toHaveAttribute("data-kind", "server");
    expect(screen.getByTestId("settings-backups")).toHaveTextContent("pg_dump");
    // The book's programs are read from the new book.
    await waitFor(() => expect(callsOf("programs").length).toBe(2));
  });

  it("reads a server book again when the window comes back, and a file book not", async () => {
    const info = (book: unknown) => () => ({ version: "0.1.0", book, lang: "ru", operator: "Иванова" });
    const handlers = {
      programs: () => PROGRAMS,
      overview: () => ({ as_of: "2026-03-30", overdue: [], today: [], week: [], ready: [], ready_totals: [], drafts: 0, last_import: null }),
      monthly_accruals: () => [],
    };
    answer({ ...handlers, app_info: info({ kind: "file", path: "/data/book.sqlite" }) });
    const { unmount } = render(<App />);
    await waitFor(() => expect(callsOf("overview")).toHaveLength(1));
    await waitFor(() => expect(callsOf("programs")).toHaveLength(1));
    fireEvent.focus(window);
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf("overview")).toHaveLength(1);
    unmount();

    answer({ ...handlers, app_info: info({ kind: "server", url: "postgres://anna@db.local:5432/book" }) });
    render(<App />);
    await waitFor(() => expect(callsOf("overview")).toHaveLength(1));
    await waitFor(() => expect(callsOf("programs")).toHaveLength(1));
    fireEvent.focus(window);
    await waitFor(() => expect(callsOf("overview")).toHaveLength(2));
    await waitFor(() => expect(callsOf("programs")).toHaveLength(2));
  });
});
