import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { OpenBookDialog } from "./OpenBookDialog";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const URL = "postgres://anna@db.local:5432/book";

describe("the dialog that opens a book on a server", () => {
  it("tests the connection: what the book holds, or the server's refusal in the person's language", async () => {
    const user = userEvent.setup();
    answer({
      recent_books: () => [],
      book_probe: ({ url }) => {
        if (url === URL) return { book: { kind: "server", url: URL }, partners: 1234, clients: 56 };
        if (String(url).startsWith("postgres")) {
          throw {
            code: "server_unreachable",
            message: "Не удалось подключиться к книге на сервере postgres://anna@db.local:5432/nope: на сервере нет такой базы данных",
            problems: [],
          };
        }
        throw {
          code: "invalid",
          message: "адрес книги на сервере начинается с postgres:// или postgresql://",
          problems: [{ code: "not_a_server_url", message: "адрес книги на сервере начинается с postgres:// или postgresql://", row: null, column: null, field: "url" }],
        };
      },
    });
    renderInBook(<OpenBookDialog onClose={() => {}} onOpened={() => {}} />);
    expect(await screen.findByText("Других книг ещё не открывали.")).toBeInTheDocument();
    const field = screen.getByTestId("book-url");
    await user.type(field, URL);
    await user.click(screen.getByTestId("book-probe"));
    expect(await screen.findByTestId("book-probe-ok")).toHaveTextContent(`Подключение есть: ${URL}. Партнёров: 1 234, клиентов: 56.`);

    await user.clear(field);
    await user.type(field, "postgres://anna@db.local:5432/nope");
    expect(screen.queryByTestId("book-probe-ok")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("book-probe"));
    expect(await screen.findByTestId("book-open-error")).toHaveTextContent("на сервере нет такой базы данных");

    await user.clear(field);
    await user.type(field, "db.local:5432/book");
    await user.click(screen.getByTestId("book-probe"));
    expect(await screen.findByTestId("error-url")).toHaveTextContent("Адрес книги на сервере: адрес книги на сервере начинается с postgres://");
    expect(screen.queryByTestId("book-open-error")).not.toBeInTheDocument();
    expect(callsOf("book_probe")).toHaveLength(3);
  });

  it("opens the typed URL, or a recent book; the open one is marked", async () => {
    const user = userEvent.setup();
    const opened = vi.fn();
    const info = (book: unknown) => ({ version: "0.1.0", book, lang: "ru", operator: "Иванова" });
    answer({
      recent_books: () => [
        { kind: "file", path: "/tmp/book.sqlite" },
        { kind: "server", url: URL },
        { kind: "file", path: "/home/anna/old.sqlite" },
      ],
      book_open: ({ location }) => {
        const where = String(location).trim();
        return info(where.startsWith("postgres") ? { kind: "server", url: where } : { kind: "file", path: where });
      },
    });
    renderInBook(<OpenBookDialog onClose={() => {}} onOpened={opened} />);
    const rows = await screen.findByTestId("recent-books");
    expect(rows).toHaveTextContent("Файл/tmp/book.sqliteоткрыта сейчас");
    expect(screen.queryByTestId("recent-book-0")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("recent-book-2"));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(callsOf("book_open")).toEqual([{ location: "/home/anna/old.sqlite" }]);

    await user.type(screen.getByTestId("book-url"), ` ${URL}{Enter}`);
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(opened.mock.calls[1]?.[0]).toMatchObject({ book: { kind: "server" } });
  });

  it("sends a typed password with the URL and asks to keep it only when ticked", async () => {
    const user = userEvent.setup();
    const opened = vi.fn();
    answer({
      recent_books: () => [],
      book_probe: () => ({ book: { kind: "server", url: URL }, partners: 1, clients: 0 }),
      book_open: () => ({ version: "0.1.0", book: { kind: "server", url: URL }, lang: "ru", operator: "Иванова" }),
    });
    renderInBook(<OpenBookDialog onClose={() => {}} onOpened={opened} />);
    await user.type(screen.getByTestId("book-url"), URL);
    const password = screen.getByTestId("book-password");
    expect(password).toHaveAttribute("type", "password");
    expect(screen.getByLabelText("Запомнить пароль в ~/.pgpass")).not.toBeChecked();
    await user.type(password, "se:cret");
    await user.click(screen.getByTestId("book-probe"));
    expect(await screen.findByTestId("book-probe-ok")).toBeInTheDocument();
    expect(callsOf("book_probe")).toEqual([{ url: URL, password: "se:cret" }]);

    await user.click(screen.getByTestId("book-remember"));
    await user.click(screen.getByTestId("book-open-submit"));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(callsOf("book_open")).toEqual([{ location: URL, password: "se:cret", remember: true }]);
  });
});
