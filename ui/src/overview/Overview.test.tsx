import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Overview } from "../bindings/Overview";
import { DOC, actRow, deadline, page } from "../acts/fixtures";
import { OverviewScreen } from "../OverviewScreen";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ");

const OVERVIEW: Overview = {
  as_of: "2026-03-30",
  overdue: [deadline("2026-0003", { what: "pay", due: "2026-03-26", days_left: -4, overdue: true, partner: "P-5", name: "ТОО «Асель»", money: "75000.00", currency: "KZT" })],
  today: [deadline("2026-0007", { what: "sign", due: "2026-03-30", days_left: 0 })],
  week: [
    deadline("2026-0008", { what: "sign", due: "2026-04-01", days_left: 2 }),
    deadline("2026-0009", { what: "pay", due: "2026-04-03", days_left: 4, money: "12345.67" }),
  ],
  ready: [
    { partner: "P-1", name: "ООО «Альфа»", program: "bitrix24", unit: "bonus", available: "6000.00", min_amount: "5000.00" },
    { partner: "P-2", name: "ИП Борисов", program: "bitrix24", unit: "bonus", available: "5500.50", min_amount: "5000.00" },
  ],
  ready_totals: [{ unit: "bonus", count: 2, available: "11500.50" }],
  drafts: 2,
  last_import: { id: 3, kind: "billing", file: "/home/anna/billing-2026-03.csv", at: "2026-03-29T10:15:00", operator: "Иванова", rows: 120, added: 118, unchanged: 0, refused: 2 },
};

describe("the overview", () => {
  beforeEach(() => {
    answer({
      overview: () => OVERVIEW,
      monthly_accruals: () => [{ month: "2026-03", program: "bitrix24", unit: "bonus", credited: "9000.00", reversed: "0.00", net: "9000.00" }],
      acts_page: () => page([actRow("2026-0009", { act: "9", status: "signed", pay_due: "2026-04-03" })]),
      act_preview: () => ({ ...DOC, number: "2026-0009" }),
      ready_balances: () => ({ rows: OVERVIEW.ready, totals: OVERVIEW.ready_totals }),
    });
  });

  it("groups the deadlines: overdue in red, today, this week — what, number, partner, money, day", async () => {
    renderInBook(<OverviewScreen onGo={() => {}} onOpenPartner={() => {}} />);
    const overdue = await screen.findByTestId("overview-overdue");
    expect(overdue).toHaveClass("ov-overdue");
    const late = within(overdue).getByTestId("deadline-2026-0003");
    expect(late).toHaveAttribute("data-what", "pay");
    expect(plain(late.textContent)).toContain("оплатить");
    expect(plain(late.textContent)).toContain("до 26.03.2026");
    expect(plain(late.textContent)).toContain("P-5 · ТОО «Асель»");
    expect(plain(late.textContent)).toContain("75 000 ₸");

    const today = screen.getByTestId("overview-today");
    expect(within(today).getAllByRole("listitem")).toHaveLength(1);
    expect(plain(within(today).getByTestId("deadline-2026-0007").textContent)).toContain("подписать");

    const week = screen.getByTestId("overview-week");
    expect(within(week).getAllByRole("listitem").map((li) => li.querySelector("button")?.dataset.due)).toEqual(["2026-04-01", "2026-04-03"]);
    expect(screen.getByTestId("overview-week-count")).toHaveTextContent("2");
    expect(plain(within(week).getByTestId("deadline-2026-0009").textContent)).toContain("12 345,67 ₽");
    expect(screen.getByTestId("overview-as-of")).toHaveTextContent("на 30.03.2026");
  });

  it("shows what is ready, the last import, the drafts and the chart", async () => {
    renderInBook(<OverviewScreen onGo={() => {}} onOpenPartner={() => {}} />);
    const ready = await screen.findByTestId("overview-ready");
    expect(plain(within(ready).getByTestId("ready-total-bonus").textContent)).toContain("11 500,50 бонуса");
    const last = screen.getByTestId("overview-last-import");
    expect(last).toHaveTextContent("billing-2026-03.csv");
    expect(last).toHaveTextContent("29.03.2026 10:15");
    expect(last).toHaveTextContent("120 (добавлено 118, отказов 2)");
    expect(screen.getByTestId("overview-drafts-count")).toHaveTextContent("2");
    expect(await screen.findByTestId("accruals-chart")).toBeInTheDocument();
  });

  it("opens the act of a deadline, and the batch from what is ready", async () => {
    const user = userEvent.setup();
    renderInBook(<OverviewScreen onGo={() => {}} onOpenPartner={() => {}} />);
    await user.click(await screen.findByTestId("deadline-2026-0009"));
    expect(await screen.findByTestId("act-preview")).toBeInTheDocument();
    await waitFor(() => expect(callsOf("act_preview")).toEqual([{ act: "9" }]));
    expect(screen.getByTestId("act-step-pay")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("overview-batch-open"));
    expect(await screen.findByTestId("batch-ready")).toHaveTextContent("ИП Борисов");
  });
});
