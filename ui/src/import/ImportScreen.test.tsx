import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportPreview } from "../bindings/ImportPreview";
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
  accrued: [],
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

  it("previews a billing file, checks it with the program chosen, and shows what it would accrue and did", async () => {
    const user = userEvent.setup();
    const BILLING = "/home/op/billing.csv";
    const preview: ImportPreview = {
      kind: "billing",
      file: BILLING,
      encoding: "UTF-8",
      headers: ["ID платежа", "Дата оплаты", "client_id", "Сумма", "Комментарий"],
      header_row: n(1),
      columns: [
        { key: "payment_id", header: "ID платежа" },
        { key: "date", header: "Дата оплаты" },
        { key: "client_id", header: "client_id" },
        { key: "amount", header: "Сумма" },
      ],
      ignored: ["Комментарий"],
      missing: [],
      duplicates: [],
      needs_program: true,
      rows: [
        ["PAY-1", "2025-03-10", "B-100", "12 000,00", "первая"],
        ["PAY-2", "2025-05-10", "B-100", "6000", ""],
      ],
      row_numbers: [n(2), n(3)],
      more: false,
    };
    const accrued = [
      { program: "atlantys", unit: "KZT", payments: n(2), earned: n(1), unearned: n(1), credited: "25000.00", reversed: "0.00", annulled: "0.00" },
    ];
    const billing = (over: Partial<ImportReport>) => report({ kind: "billing", file: BILLING, columns: preview.columns, accrued, ...over });
    answer({
      import_history: () => [],
      import_preview: () => preview,
      import_check: () => billing({}),
      import_commit: () => billing({ committed: true, import_id: n(7) }),
    });
    renderInBook(<ImportScreen />);
    await user.click(screen.getByTestId("import-kind-billing"));
    await user.type(screen.getByTestId("import-path"), BILLING);
    await user.click(screen.getByTestId("import-preview-run"));

    const shown = await screen.findByTestId("import-preview");
    expect(callsOf("import_preview")).toEqual([{ kind: "billing", path: BILLING }]);
    expect(within(shown).getByTestId("preview-columns")).toHaveTextContent("Дата оплаты → date");
    expect(within(shown).getByTestId("preview-ignored")).toHaveTextContent("Комментарий");
    const rows = within(within(shown).getByTestId("import-preview-rows")).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "PAY-1", "2025-03-10", "B-100", "12 000,00", "первая"]);
    // No program column in the file: the picker asks for one.
    expect(screen.getByText("В файле нет колонки «Программа»: выберите программу.")).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId("import-program"), "atlantys");
    expect(screen.queryByText("В файле нет колонки «Программа»: выберите программу.")).toBeNull();
    await user.click(screen.getByTestId("import-check"));
    const would = await screen.findByTestId("import-accrued");
    expect(callsOf("import_check")).toEqual([{ kind: "billing", path: BILLING, program: "atlantys" }]);
    expect(screen.getByRole("heading", { name: "Будет начислено" })).toBeInTheDocument();
    expect(would.querySelector('[data-col="credited"]')?.textContent?.replace(/\u00a0/g, " ")).toBe("25 000 ₸");
    expect(within(would).getByText("Атлантис")).toBeInTheDocument();

    await user.click(screen.getByTestId("import-commit"));
    expect(await screen.findByTestId("import-summary")).toHaveTextContent("импорт № 7");
    expect(callsOf("import_commit")).toEqual([{ kind: "billing", path: BILLING, program: "atlantys" }]);
    expect(screen.getByRole("heading", { name: "Начислено" })).toBeInTheDocument();
    expect(screen.getByTestId("import-accrued")).toHaveTextContent("Атлантис");
  });

  it("shows which required columns a file lacks before the check", async () => {
    const user = userEvent.setup();
    answer({
      import_history: () => [],
      import_preview: () => ({
        kind: "partners", file: PATH, encoding: "windows-1251", headers: ["ИНН"], header_row: n(1),
        columns: [{ key: "inn", header: "ИНН" }], ignored: [], missing: ["partner_id", "program", "name", "kind"],
        duplicates: [], needs_program: false, rows: [], row_numbers: [], more: false,
      }),
      import_check: () => report({}),
    });
    renderInBook(<ImportScreen />);
    await user.type(screen.getByTestId("import-path"), PATH);
    await user.click(screen.getByTestId("import-check"));
    const missing = await screen.findByTestId("preview-missing");
    expect(missing).toHaveTextContent("partner_id");
    expect(missing).toHaveTextContent("name");
    expect(screen.queryByTestId("import-program")).toBeNull();
    expect(callsOf("import_preview")).toEqual([{ kind: "partners", path: PATH }]);
  });
});
