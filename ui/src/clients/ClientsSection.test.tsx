import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientCard } from "../bindings/ClientCard";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ClientRow } from "../bindings/ClientRow";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ClientsSection } from "./ClientsSection";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const bound: ClientRow = {
  client: "C-5", program: "bitrix24", name: "ИП Петров", inn: null, registered: "2025-04-20",
  partner: "P-17", partner_name: "ООО Ромашка", channel: "promo", since: "2025-05-02",
};
const card: ClientCard = {
  client: bound,
  users: 12,
  active_since: null,
  promo_ends: null,
  bindings: [
    { client: "C-5", client_name: "ИП Петров", partner: "P-3", partner_name: "ООО Лютик", channel: "link", since: "2025-04-20", until: "2025-05-02" },
    { client: "C-5", client_name: "ИП Петров", partner: "P-17", partner_name: "ООО Ромашка", channel: "promo", since: "2025-05-02", until: null },
  ],
  events: [
    { client: "C-5", program: "bitrix24", date: "2026-01-10", code: "777", partner: "P-9", channel: "invoice", outcome: "refused", reason_code: "channel_closed", reason: "с 01.01.2026 привязка только через мигратор" },
  ],
};

function Harness() {
  const [open, setOpen] = useState<{ program: string; client: string } | undefined>();
  return <ClientsSection client={open} onOpen={setOpen} onOpenPartner={() => {}} />;
}

describe("the clients table", () => {
  beforeEach(() => {
    answer({
      clients_page: ({ query }) => ({ total: 1, offset: (query as ClientQuery).offset ?? 0, rows: [bound] }),
      client_card: () => card,
    });
  });

  it("shows the current partner and channel, filters to clients with no partner", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    const row = (await screen.findByText("ИП Петров")).closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText("ООО Ромашка")).toBeInTheDocument();
    expect(within(row).getByText("промокод")).toBeInTheDocument();
    expect(within(row).getByText("02.05.2025")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "без партнёра" }));
    await waitFor(() => expect(callsOf("clients_page").at(-1)?.query).toMatchObject({ bound: false }));
  });

  it("opens the card: binding history and every attempt with its outcome and reason", async () => {
    const user = userEvent.setup();
    renderInBook(<Harness />);
    await user.click(await screen.findByText("ИП Петров"));
    expect(await screen.findByRole("heading", { name: "ИП Петров" })).toBeInTheDocument();
    expect(callsOf("client_card")).toEqual([{ program: "bitrix24", client: "C-5" }]);
    expect(screen.getByText("ООО Лютик (P-3)")).toBeInTheDocument();
    expect(screen.getByText("отказ")).toBeInTheDocument();
    expect(screen.getByText("с 01.01.2026 привязка только через мигратор")).toBeInTheDocument();
  });
});
