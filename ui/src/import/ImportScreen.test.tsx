import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportReport } from "../bindings/ImportReport";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ImportScreen } from "./ImportScreen";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const events = vi.hoisted(() => ({ progress: undefined as undefined | ((e: { payload: unknown }) => void) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (name: string, handler: (e: { payload: unknown }) => void) => {
    if (name === "import-progress") events.progress = handler;
    return () => {
      events.progress = undefined;
    };
  }),
}));

const PATH = "/home/op/partners.csv";

// The shell sends u64 counts as JSON numbers; the generated types say bigint.
const n = (value: number) => value;

const report = (over: Partial<ImportReport>): ImportReport => ({
  kind: "partners",
  file: PATH,
  encoding: "windows-1251",
  columns: [
    { key: "partner_id", header: "ID партнёра" },
    { key: "inn", header: "ИНН" },
  ],
  ignored: ["Комментарий"],
  rows: n(3),
  added: n(2),
  unchanged: n(1),
  refused: n(0),
  problems: [],
  committed: false,
  import_id: null,
  ...over,
});

const withProblems = report({
  problems: [
    { code: "inn_checksum", message: "неверное контрольное число", row: n(3), column: "ИНН", field: "inn" },
    { code: "required", message: "обязательное поле", row: n(7), column: "Наименование", field: "name" },
  ],
});

async function checkFile() {
  const user = userEvent.setup();
  renderInBook(<ImportScreen />);
  await user.type(screen.getByTestId("import-path"), PATH);
  await user.click(screen.getByTestId("import-check"));
  return user;
}

describe("the import screen", () => {
  it("lists every problem by row and column and keeps «Загрузить» disabled", async () => {
    answer({ import_history: () => [], import_check: () => withProblems });
    await checkFile();

    const table = await screen.findByTestId("import-problems");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["3", "ИНН", "неверное контрольное число"],
      ["7", "Наименование", "обязательное поле"],
    ]);
    expect(screen.getByTestId("import-commit")).toBeDisabled();
    expect(screen.getByTestId("import-encoding")).toHaveTextContent("windows-1251");
    expect(screen.getByTestId("import-columns")).toHaveTextContent("inn → ИНН");
    expect(screen.getByTestId("import-ignored")).toHaveTextContent("Комментарий");
    expect(callsOf("import_check")).toEqual([{ kind: "partners", path: PATH }]);
    expect(callsOf("import_commit")).toEqual([]);
  });

  it("enables «Загрузить» after a clean check and shows the summary after the commit", async () => {
    answer({
      import_history: () => [],
      import_check: () => report({}),
      import_commit: () => report({ committed: true, import_id: n(12) }),
    });
    const user = await checkFile();
    await waitFor(() => expect(screen.getByTestId("import-commit")).toBeEnabled());
    expect(screen.queryByTestId("import-problems")).toBeNull();

    await user.click(screen.getByTestId("import-commit"));
    expect(await screen.findByTestId("import-summary")).toHaveTextContent("импорт № 12");
    expect(callsOf("import_commit")).toEqual([{ kind: "partners", path: PATH }]);
    expect(screen.getByTestId("import-commit")).toBeDisabled();
    expect(callsOf("import_history").length).toBe(2);
  });

  it("forgets the check when the file changes", async () => {
    answer({ import_history: () => [], import_check: () => report({}) });
    const user = await checkFile();
    await waitFor(() => expect(screen.getByTestId("import-commit")).toBeEnabled());
    await user.type(screen.getByTestId("import-path"), "x");
    expect(screen.getByTestId("import-commit")).toBeDisabled();
  });

  it("shows progress and cancels: nothing changed", async () => {
    let reject: (reason: unknown) => void = () => {};
    answer({
      import_history: () => [],
      import_check: () => new Promise((_, r) => (reject = r)),
      import_cancel: () => {
        reject({ code: "cancelled", message: "Отменено", problems: [] });
        return null;
      },
    });
    const user = await checkFile();
    await waitFor(() => expect(events.progress).toBeDefined());
    act(() => events.progress?.({ payload: { rows: 1500, bytes: 50, total_bytes: 200 } }));
    expect(screen.getByTestId("import-progress")).toHaveTextContent(/Прочитано строк: 1\s500 · 25 %/);

    await user.click(screen.getByTestId("import-cancel"));
    expect(await screen.findByText("Отменено: в книге ничего не изменилось.")).toBeInTheDocument();
    expect(screen.queryByTestId("import-progress")).toBeNull();
    expect(screen.getByTestId("import-commit")).toBeDisabled();
  });

  it("shows the history of imports", async () => {
    answer({
      import_history: () => [
        { id: n(1), kind: "clients", file: "/x/clients.xlsx", at: "2026-03-30T10:15:00", operator: "Иванова", rows: n(10), added: n(8), unchanged: n(2), refused: n(1) },
      ],
    });
    renderInBook(<ImportScreen />);
    const history = await screen.findByTestId("import-history");
    expect(history).toHaveTextContent("30.03.2026 10:15");
    expect(history).toHaveTextContent("Клиенты");
    expect(history).toHaveTextContent("/x/clients.xlsx");
  });
});
