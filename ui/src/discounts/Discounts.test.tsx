import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientCard } from "../bindings/ClientCard";
import type { DiscountPeriod } from "../bindings/DiscountPeriod";
import type { InvitedClient } from "../bindings/InvitedClient";
import type { Partner } from "../bindings/Partner";
import type { PartnerCard } from "../bindings/PartnerCard";
import type { Program } from "../bindings/Program";
import type { RuleSet } from "../bindings/RuleSet";
import { ClientCardView } from "../clients/ClientCardView";
import { PartnerCardView } from "../partners/PartnerCardView";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

const rules = (discounts: boolean): RuleSet => ({
  binding: { channels: [], window_months: discounts ? 1 : null, no_self_referral: true },
  payments: { categories: [], direct_only: false, no_other_promotion: false, new_clients_only: false, code_required: false },
  rewards: discounts ? [] : [{ rule: "first_purchase", percent: "50" }],
  hold_days: 0,
  conversion: null,
  discounts: discounts
    ? {
        invitee_percent: "20",
        invitee_months: 3,
        ladder: [
          { invited: 1, percent: "20", months: 3, sms_package: null },
          { invited: 2, percent: "40", months: 6, sms_package: null },
          { invited: 3, percent: "60", months: 12, sms_package: 1200 },
        ],
        excludes: ["sms"],
      }
    : null,
});

const program = (id: string, discounts: boolean): Program => ({
  id, name_ru: id, name_en: id, unit: "RUB", currency: "RUB", code_format: { kind: "alnum", length: 9 },
  rate_required: false, kinds: [], versions: [{ id: 1, effective_from: "2000-01-01", rules: rules(discounts) }],
});

// A copy of tele2-ats under another id: the tabs follow the rules, not the id.
const PROGRAMS: Program[] = [program("bitrix24", false), program("tele2-ats", true), program("tele2-copy", true)];

const partner = (id: string, prog: string): Partner => ({
  partner_id: id, program: prog, name: `Партнёр ${id}`, kind: "ooo", inn: "7707083893", kpp: null, ogrn: null,
  vat_payer: false, vat_rate: null, code: "5e83e12b1", rate: null, contract_no: null, contract_date: null,
  registered: "2026-01-01", status: "active", status_since: "2026-01-01", bik: null, account: null, address: null,
  signer: null, signer_position: null, email: null, edo_id: null, client_id: null,
});
const card = (id: string, prog: string): PartnerCard => ({
  partner: partner(id, prog), codes: [], clients_now: [], clients_before: [], refused: [], history: [],
});

const period = (over: Partial<DiscountPeriod>): DiscountPeriod => ({
  client: "T-1", role: "inviter", percent: "20", start: "2026-01-10", end: "2026-04-09", excludes: ["sms"],
  sms_package: null, program: "tele2-ats", inviter: "T-1", invitee: "C-1", invited: 1, ...over,
});

// T-1 invited C-1, C-2 and C-3: each new invitation cuts the running period and starts the next level.
const HISTORY: DiscountPeriod[] = [
  period({ percent: "20", start: "2026-01-10", end: "2026-01-31", invitee: "C-1", invited: 1 }),
  period({ percent: "40", start: "2026-02-01", end: "2026-02-28", invitee: "C-2", invited: 2 }),
  period({ percent: "60", start: "2026-03-01", end: "2027-02-28", invitee: "C-3", invited: 3 }),
  period({ percent: null, start: "2026-03-01", end: null, excludes: [], sms_package: 1200, invitee: "C-3", invited: 3 }),
];

const INVITED: InvitedClient[] = [
  { client: "C-1", name: "ООО Альфа", activated: "2026-01-10" },
  { client: "C-2", name: null, activated: "2026-02-01" },
  { client: "C-3", name: "ИП Петров", activated: "2026-03-01" },
];

const clientCard = (prog: string): ClientCard => ({
  client: {
    client: "C-1", program: prog, name: "ООО Альфа", inn: null, registered: "2026-01-05",
    partner: "T-1", partner_name: "Партнёр T-1", channel: "invite", since: "2026-01-10",
  },
  users: null, active_since: null, promo_ends: "2026-01-19", bindings: [], events: [],
});

const INVITEE: DiscountPeriod[] = [
  period({ client: "C-1", role: "invitee", percent: "20", start: "2026-01-20", end: "2026-04-19", invited: null }),
];

const noop = () => {};

describe("a tele2-ats partner's discounts", () => {
  beforeEach(() => {
    // Today is 15.04.2026: the 60 % period is running.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 3, 15, 12, 0));
    answer({
      program_versions: () => PROGRAMS,
      partner_card: ({ partner }) =>
        partner === "B-1" ? card("B-1", "bitrix24") : partner === "X-1" ? card("X-1", "tele2-copy") : card("T-1", "tele2-ats"),
      discount_history: ({ partner }) => (partner === "T-1" ? HISTORY : []),
      invited_clients: ({ partner }) => (partner === "T-1" ? INVITED : []),
      client_card: ({ program }) => clientCard(program as string),
      client_discounts: () => INVITEE,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the two tabs only for a program with discounts", async () => {
    const { unmount } = renderInBook(<PartnerCardView partner="T-1" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    expect(await screen.findByTestId("card-tab-discounts")).toHaveTextContent("История скидок");
    expect(screen.getByTestId("card-tab-invited")).toHaveTextContent("Приведенные клиенты");
    const labels = screen.getAllByRole("tab").map((tab) => tab.textContent);
    expect(labels.indexOf("История скидок")).toBe(labels.findIndex((l) => l?.startsWith("Клиенты")) + 1);
    unmount();

    renderInBook(<PartnerCardView partner="B-1" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    expect(await screen.findByText("Партнёр B-1")).toBeInTheDocument();
    await waitFor(() => expect(callsOf("program_versions").length).toBeGreaterThan(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId("card-tab-requisites")).toBeInTheDocument();
    expect(screen.queryByTestId("card-tab-discounts")).toBeNull();
    expect(screen.queryByTestId("card-tab-invited")).toBeNull();
  });

  it("decides by the program's rules, not its id", async () => {
    renderInBook(<PartnerCardView partner="X-1" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    expect(await screen.findByTestId("card-tab-discounts")).toBeInTheDocument();
  });

  it("lists the periods and packages in order, the running one marked", async () => {
    const user = userEvent.setup();
    renderInBook(<PartnerCardView partner="T-1" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    await user.click(await screen.findByTestId("card-tab-discounts"));
    const table = await screen.findByTestId("discount-history");
    expect(callsOf("discount_history")).toEqual([{ partner: "T-1" }]);
    const head = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(head).toEqual(["Скидка", "С", "По (включительно)", "Исключения", "Приглашено", "Приглашённый клиент"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.querySelectorAll("td")].map((td) => plain(td.textContent)))).toEqual([
      ["20 %", "10.01.2026", "31.01.2026", "кроме SMS-пакетов", "1", "C-1"],
      ["40 %", "01.02.2026", "28.02.2026", "кроме SMS-пакетов", "2", "C-2"],
      ["60 % действует", "01.03.2026", "28.02.2027", "кроме SMS-пакетов", "3", "C-3"],
      ["Пакет 1 200 SMS", "01.03.2026", "—", "", "3", "C-3"],
    ]);
    expect(within(table).getAllByTestId("discount-current")).toHaveLength(1);
    expect(rows[2]).toHaveClass("active");
    expect(rows.filter((r) => r.classList.contains("active"))).toHaveLength(1);
    expect(rows[3]).toHaveClass("discount-package");
  });

  it("marks nothing when no period runs today", async () => {
    vi.setSystemTime(new Date(2027, 5, 1, 12, 0));
    const user = userEvent.setup();
    renderInBook(<PartnerCardView partner="T-1" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    await user.click(await screen.findByTestId("card-tab-discounts"));
    const table = await screen.findByTestId("discount-history");
    expect(within(table).queryByTestId("discount-current")).toBeNull();
  });

  it("says so when the partner has no discounts yet", async () => {
    const user = userEvent.setup();
    answer({
      program_versions: () => PROGRAMS,
      partner_card: () => card("T-2", "tele2-ats"),
      discount_history: () => [],
      invited_clients: () => [],
    });
    renderInBook(<PartnerCardView partner="T-2" onBack={noop} onEdit={noop} onOpenClient={noop} />);
    await user.click(await screen.findByTestId("card-tab-discounts"));
    expect(await screen.findByTestId("discount-history")).toHaveTextContent("Скидок ещё не было");
    await user.click(screen.getByTestId("card-tab-invited"));
    expect(await screen.findByTestId("invited-clients")).toHaveTextContent("Приведенных клиентов нет");
  });

  it("lists the invited clients with the day each activated the code, and opens one", async () => {
    const user = userEvent.setup();
    const onOpenClient = vi.fn();
    renderInBook(<PartnerCardView partner="T-1" onBack={noop} onEdit={noop} onOpenClient={onOpenClient} />);
    await user.click(await screen.findByTestId("card-tab-invited"));
    const table = await screen.findByTestId("invited-clients");
    expect(callsOf("invited_clients")).toEqual([{ partner: "T-1" }]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.querySelectorAll("td")].map((td) => plain(td.textContent)))).toEqual([
      ["C-1", "ООО Альфа", "10.01.2026"],
      ["C-2", "", "01.02.2026"],
      ["C-3", "ИП Петров", "01.03.2026"],
    ]);
    await user.click(within(table).getByText("ИП Петров"));
    expect(onOpenClient).toHaveBeenCalledWith("tele2-ats", "C-3");
  });

  it("writes dates and packages the English way in English", async () => {
    const user = userEvent.setup();
    renderInBook(<PartnerCardView partner="T-1" onBack={noop} onEdit={noop} onOpenClient={noop} />, "en");
    await user.click(await screen.findByTestId("card-tab-discounts"));
    const history = await screen.findByTestId("discount-history");
    expect(plain(history.textContent)).toContain("Package of 1,200 SMS");
    expect(plain(history.textContent)).toContain("2027-02-28");
    expect(plain(history.textContent)).toContain("except SMS packages");
    expect(within(history).getByTestId("discount-current")).toHaveTextContent("current");
    await user.click(screen.getByTestId("card-tab-invited"));
    expect(await screen.findByTestId("invited-clients")).toHaveTextContent("2026-01-10");
  });

  it("shows a tele2-ats client's own discount in its card", async () => {
    const onOpenPartner = vi.fn();
    const user = userEvent.setup();
    renderInBook(<ClientCardView program="tele2-ats" client="C-1" onBack={noop} onOpenPartner={onOpenPartner} />);
    const table = await screen.findByTestId("client-discounts");
    expect(callsOf("client_discounts")).toEqual([{ program: "tele2-ats", client: "C-1" }]);
    expect(screen.getByRole("heading", { name: "Скидки" })).toBeInTheDocument();
    const rows = within(table).getAllByRole("row").slice(1);
    expect([...(rows[0]?.querySelectorAll("td") ?? [])].map((td) => plain(td.textContent))).toEqual([
      "20 % действует", "20.01.2026", "19.04.2026", "кроме SMS-пакетов", "T-1",
    ]);
    await user.click(within(table).getByRole("button", { name: "T-1" }));
    expect(onOpenPartner).toHaveBeenCalledWith("T-1");
  });

  it("shows no discounts section for a client of another program", async () => {
    renderInBook(<ClientCardView program="bitrix24" client="C-1" onBack={noop} onOpenPartner={noop} />);
    expect(await screen.findByText("ООО Альфа", { selector: "h1" })).toBeInTheDocument();
    await waitFor(() => expect(callsOf("program_versions")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId("client-discounts")).toBeNull();
    expect(callsOf("client_discounts")).toHaveLength(0);
  });
});
