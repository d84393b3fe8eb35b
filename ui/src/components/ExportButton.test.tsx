import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AccrualsScreen } from "../accruals/AccrualsScreen";
import type { BalanceRow } from "../bindings/BalanceRow";
import type { ExportRequest } from "../bindings/ExportRequest";
import type { PartnerQuery } from "../bindings/PartnerQuery";
import type { PartnerRow } from "../bindings/PartnerRow";
import { PartnersSection } from "../partners/PartnersSection";
import { answer, callsOf, type Handlers } from "../test/ipc";
import { renderInBook } from "../test/render";
import type { BalanceQuery } from "../bindings/BalanceQuery";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const partner = (i: number): PartnerRow => ({
  partner: `P-${i}`,
  program: "bitrix24",
  name: `Партнёр ${i}`,
  kind: "ooo",
  inn: null,
  code: null,
  status: "active",
  clients: 0,
});

const balance = (partner: string, name: string, available: string): BalanceRow => ({
  partner,
  program: "bitrix24",
  unit: "bonus",
  name,
  status: "active",
  accrued: available,
  reversed: "0.00",
  annulled: "0.00",
  on_hold: "0.00",
  available,
  converted: "0.00",
  paid: "0.00",
});

function setUp(extra: Handlers = {}) {
  answer({
    partners_page: ({ query }) => {
      const q = query as PartnerQuery;
      return { total: 250, offset: q.offset ?? 0, rows: Array.from({ length: 100 }, (_, k) => partner((q.offset ?? 0) + k)) };
    },
    // The core searches and sorts; here it answers the rows in an order of its own.
    balances_table: ({ query }) => {
      const q = query as BalanceQuery;
      const all = [balance("P-1", "ООО «Альфа»", "6000.00"), balance("P-2", "ИП Гамма", "50.00"), balance("P-10", "ООО «Бета»", "900.00")];
      const found = q.search ? all.filter((r) => r.name.toLowerCase().includes(q.search ?? "")) : all;
      return { rows: q.descending ? [...found].reverse() : found, totals: [] };
    },
    export_table: () => "/home/anna/exports/partners-2026-03-30.xlsx",
    ...extra,
  });
}

function Partners() {
  const [open, setOpen] = useState<string | undefined>();
  return <PartnersSection partner={open} onOpen={setOpen} onOpenClient={() => {}} />;
}

const sent = () => callsOf("export_table").map((a) => a.request as ExportRequest);

describe("«Экспорт в XLSX»", () => {
  beforeEach(() => setUp());

  it("sends the partners table's filter and sort, not its page, and says where the file went", async () => {
    const user = userEvent.setup();
    renderInBook(<Partners />);
    await screen.findByText("Партнёр 0");
    await user.click(screen.getByTestId("partners-program-bitrix24"));
    await user.click(screen.getByRole("button", { name: /Наименование/ }));
    await user.click(screen.getByRole("button", { name: /Наименование/ }));
    await user.click(screen.getByTestId("partners-export"));
    const notice = await screen.findByTestId("partners-export-saved");
    expect(notice).toHaveTextContent("Таблица сохранена: /home/anna/exports/partners-2026-03-30.xlsx");
    expect(sent()).toEqual([
      { lang: "ru", table: { kind: "partners", query: { program: "bitrix24", sort: "name", descending: true } } },
    ]);
  });

  it("says nothing when the save dialog was cancelled, and the reason when the export failed", async () => {
    const user = userEvent.setup();
    setUp({ export_table: () => null });
    renderInBook(<Partners />, "en");
    await screen.findByText("Партнёр 0");
    await user.click(screen.getByTestId("partners-export"));
    await waitFor(() => expect(callsOf("export_table")).toHaveLength(1));
    expect(screen.getByTestId("partners-export")).toHaveTextContent("Export to XLSX");
    expect(screen.queryByTestId("partners-export-saved")).toBeNull();
    expect(sent()[0]?.lang).toBe("en");

    setUp({
      export_table: () => {
        throw { code: "io", message: "File error: no space left on device", problems: [] };
      },
    });
    await user.click(screen.getByTestId("partners-export"));
    expect(await screen.findByRole("alert")).toHaveTextContent("no space left on device");
  });

  it("sends the balances' day, program, search and sort as the table shows them", async () => {
    const user = userEvent.setup();
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    await screen.findByTestId("balance-row-P-10");
    const rows = () => screen.getAllByTestId(/^balance-row-/).map((r) => r.dataset.testid);
    // The rows in the core's order.
    expect(rows()).toEqual(["balance-row-P-1", "balance-row-P-2", "balance-row-P-10"]);
    await user.type(screen.getByRole("searchbox"), "ооо");
    await user.click(screen.getByRole("button", { name: /Доступно/ }));
    await user.click(screen.getByRole("button", { name: /Доступно/ }));
    await waitFor(() => expect(rows()).toEqual(["balance-row-P-10", "balance-row-P-1"]));
    await user.click(screen.getByTestId("balances-export"));
    await screen.findByTestId("balances-export-saved");
    const request = sent()[0];
    expect(request?.table).toEqual({
      kind: "balances",
      query: { as_of: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), search: "ооо", sort: "available", descending: true },
    });
    // The very query the table was read with.
    expect(callsOf("balances_table").at(-1)?.query).toEqual((request?.table as { query: unknown }).query);
  });
});
