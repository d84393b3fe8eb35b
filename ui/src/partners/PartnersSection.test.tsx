import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PartnerCard } from "../bindings/PartnerCard";
import type { Partner } from "../bindings/Partner";
import type { PartnerQuery } from "../bindings/PartnerQuery";
import type { PartnerRow } from "../bindings/PartnerRow";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { PartnersSection } from "./PartnersSection";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const TOTAL = 100_000;

const row = (i: number): PartnerRow => ({
  partner: `P-${i}`,
  program: "bitrix24",
  name: i === 0 ? "ООО Ромашка" : `Партнёр ${i}`,
  kind: "ooo",
  inn: "7707083893",
  code: `C${i}`,
  status: i === 0 ? "suspended" : "active",
  clients: i,
});

const partner: Partner = {
  partner_id: "P-0", program: "bitrix24", name: "ООО Ромашка", kind: "ooo", inn: "7707083893", kpp: "770701001",
  ogrn: null, vat_payer: false, vat_rate: null, code: "C0", rate: null, contract_no: "Д-1", contract_date: "2025-02-01",
  registered: "2025-01-15", status: "suspended", status_since: "2026-03-30", bik: null, account: null, address: null,
  signer: null, signer_position: null, email: null, edo_id: null, client_id: null,
};
const card: PartnerCard = {
  partner,
  codes: [{ code: "C0", issued: "2025-01-15", retired: null }],
  clients_now: [],
  clients_before: [],
  refused: [],
  history: [],
};

function Harness() {
  const [open, setOpen] = useState<string | undefined>();
  return <PartnersSection partner={open} onOpen={setOpen} onOpenClient={() => {}} />;
}

describe("the partners table", () => {
  beforeEach(() => {
    answer({
      partners_page: ({ query }) => {
        const q = query as PartnerQuery;
        const offset = q.offset ?? 0;
        const count = Math.min(q.limit ?? 100, TOTAL - offset);
        return { total: TOTAL, offset, rows: Array.from({ length: count }, (_, k) => row(offset + k)) };
      },
      partner_card: () => card,
    });
  });

  it("renders the rows of a page and the count", async () => {
    renderInBook(<Harness />);
    expect(await screen.findByText("ООО Ромашка")).toBeInTheDocument();
    expect(screen.getByText(/Найдено: 100\s000/)).toBeInTheDocument();
    const first = screen.getByText("ООО Ромашка").closest('[role="row"]') as HTMLElement;
    expect(within(first).getByText("P-0")).toBeInTheDocument();
    expect(within(first).getByText("Битрикс24")).toBeInTheDocument();
    expect(within(first).getByText("приостановлен")).toBeInTheDocument();
    expect(within(first).getByText("ООО/АО")).toBeInTheDocument();
    // Only the rows in view are in the document, not 100 000.
    expect(screen.getAllByRole("row").length).toBeLessThan(120);
    expect(callsOf("partners_page")[0]?.query).toMatchObject({ offset: 0, limit: 100 });
  });

  it("sends the search text in the query", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    await screen.findByText("ООО Ромашка");
    await user.type(screen.getByRole("searchbox"), "7707");
    await waitFor(() => expect(callsOf("partners_page").some((a) => (a.query as PartnerQuery).search === "7707")).toBe(true));
    // Debounced: the half-typed text was never sent.
    expect(callsOf("partners_page").some((a) => (a.query as PartnerQuery).search === "77")).toBe(false);
  });

  it("sends the chosen sort and filters", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    await screen.findByText("ООО Ромашка");
    await user.click(screen.getByRole("button", { name: "Наименование" }));
    await waitFor(() => expect(callsOf("partners_page").at(-1)?.query).toMatchObject({ sort: "name", descending: false }));
    await user.click(within(screen.getByRole("group", { name: "Статус" })).getByRole("button", { name: "расторгнут" }));
    await waitFor(() => expect(callsOf("partners_page").at(-1)?.query).toMatchObject({ status: "terminated", sort: "name" }));
  });

  it("opens the partner's card on a row click", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    await user.click(await screen.findByText("ООО Ромашка"));
    expect(await screen.findByRole("heading", { name: /ООО Ромашка/ })).toBeInTheDocument();
    expect(callsOf("partner_card")).toEqual([{ partner: "P-0" }]);
    expect(screen.getByRole("tab", { name: "Реквизиты" })).toHaveAttribute("aria-selected", "true");
    await user.click(screen.getByRole("tab", { name: "Договор и коды" }));
    expect(screen.getByText("Д-1")).toBeInTheDocument();
    expect(screen.getByText("01.02.2025")).toBeInTheDocument();
  });

  it("opens the current row's card on Enter", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    await screen.findByText("ООО Ромашка");
    screen.getByRole("rowgroup").focus();
    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(callsOf("partner_card")).toEqual([{ partner: "P-1" }]));
  });
});
