import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BalanceRow } from "../bindings/BalanceRow";
import type { MonthlyAccrual } from "../bindings/MonthlyAccrual";
import type { PartnerLedger } from "../bindings/PartnerLedger";
import type { UnearnedPage } from "../bindings/UnearnedPage";
import type { UnearnedQuery } from "../bindings/UnearnedQuery";
import { todayIso } from "../format";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { AccrualsChart } from "./AccrualsChart";
import { AccrualsScreen } from "./AccrualsScreen";
import { showDay } from "../dateText";
import type { BalanceQuery } from "../bindings/BalanceQuery";
import type { BalanceUnitTotal } from "../bindings/BalanceUnitTotal";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

const balance = (partner: string, program: string, unit: string, over: Partial<BalanceRow> = {}): BalanceRow => ({
  partner,
  program,
  unit,
  name: `Партнёр ${partner}`,
  status: "active",
  accrued: "0.00",
  reversed: "0.00",
  annulled: "0.00",
  on_hold: "0.00",
  available: "0.00",
  converted: "0.00",
  paid: "0.00",
  ...over,
});

const ROWS: BalanceRow[] = [
  balance("P-1", "bitrix24", "bonus", { accrued: "6000.00", available: "6000.00" }),
  balance("P-2", "bitrix24", "bonus", { accrued: "3000.00", reversed: "1500.00", available: "1500.50", on_hold: "-0.50" }),
  balance("P-5", "atlantys", "KZT", { accrued: "25000.00", on_hold: "25000.00" }),
];

/** The totals the core answers for ROWS (the screen adds nothing itself). */
const TOTALS: BalanceUnitTotal[] = [
  { unit: "bonus", count: 2, accrued: "9000.00", reversed: "1500.00", annulled: "0.00", on_hold: "-0.50", available: "7500.50", converted: "0.00", paid: "0.00" },
  { unit: "KZT", count: 1, accrued: "25000.00", reversed: "0.00", annulled: "0.00", on_hold: "25000.00", available: "0.00", converted: "0.00", paid: "0.00" },
];

/** `balances_table` over ROWS, filtered by program as the core does. */
const balancesTable = ({ query }: Record<string, unknown>) => {
  const q = query as BalanceQuery;
  const rows = ROWS.filter((r) => !q.program || r.program === q.program);
  return { rows, totals: TOTALS.filter((t) => rows.some((r) => r.unit === t.unit)) };
};

const LEDGER: PartnerLedger = {
  as_of: "2026-03-30",
  balance: ROWS[1] as BalanceRow,
  unconverted: "1500.00",
  entries: [
    {
      id: 1, partner: "P-2", program: "bitrix24", unit: "bonus", kind: "credit", date: "2025-05-10", available_on: "2025-05-10",
      amount: "3000.00", rule: "first_purchase", payment: "PAY-2", client: "B-100", corrects: null, version_from: null,
      base: "6000.00", rate: "50", reason: "50 % × 6000.00 — первая покупка клиента (клиент B-100; платёж PAY-2)",
    },
    {
      id: 2, partner: "P-2", program: "bitrix24", unit: "bonus", kind: "reversal", date: "2025-05-20", available_on: "2025-05-20",
      amount: "1500.00", rule: "refund", payment: "PAY-5", client: "B-100", corrects: 1, version_from: null,
      base: "3000.00", rate: null, reason: "сторно: возврат платежа на 3000.00",
    },
  ],
};

const unearned = (q: UnearnedQuery): UnearnedPage => {
  const all = [
    { payment: "PAY-3", program: "bitrix24", unit: "bonus", date: "2025-05-12", client: "B-300", amount: "5000.00", partner: null, reason_code: "not_bound", reason: "клиент в дату оплаты не привязан ни к одному партнёру" },
    { payment: "PAY-9", program: "atlantys", unit: "KZT", date: "2025-06-01", client: "A-1", amount: "75000.00", partner: "P-5", reason_code: "promotion_not_combinable", reason: "код партнёра не суммируется с другой акцией («Весна»)" },
  ];
  const byProgram = all.filter((r) => !q.program || r.program === q.program);
  const rows = byProgram.filter((r) => !q.reason || r.reason_code === q.reason);
  const labels: Record<string, string> = { not_bound: "не привязан", promotion_not_combinable: "другая акция" };
  const codes = [...new Set(byProgram.map((r) => r.reason_code))];
  return {
    total: rows.length,
    offset: q.offset ?? 0,
    rows,
    reasons: codes.map((code) => ({ code, label: labels[code] ?? code, count: byProgram.filter((r) => r.reason_code === code).length })),
  };
};

const MONTHLY: MonthlyAccrual[] = [
  { month: "2025-03", program: "bitrix24", unit: "bonus", credited: "6000.00", reversed: "0.00", net: "6000.00" },
  { month: "2025-05", program: "bitrix24", unit: "bonus", credited: "3000.00", reversed: "1500.00", net: "1500.00" },
  { month: "2025-06", program: "atlantys", unit: "KZT", credited: "25000.00", reversed: "0.00", net: "25000.00" },
];

describe("the accruals screen", () => {
  beforeEach(() => {
    answer({
      balances_table: balancesTable,
      partner_ledger: () => LEDGER,
      unearned_page: ({ query }) => unearned(query as UnearnedQuery),
      monthly_accruals: () => MONTHLY,
    });
  });

  it("shows balances as of today, money in its unit, and a totals row per unit", async () => {
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    const row = await screen.findByTestId("balance-row-P-1");
    expect(screen.getByTestId("balances-date")).toHaveValue(showDay(todayIso(), "ru"));
    expect(callsOf("balances_table")[0]).toEqual({ query: { as_of: todayIso(), sort: "partner", descending: false } });
    const available = row.querySelector('[data-col="available"]');
    expect(plain(available?.textContent ?? null)).toBe("6 000 бонусов");
    expect(available).toHaveAttribute("data-value", "6000.00");
    expect(row.querySelector('[data-col="available"]')).toHaveClass("right");
    expect(row.querySelector('[data-col="program"]')).toHaveTextContent("bitrix24");
    expect(row.querySelector('[data-col="program"]')).toHaveAttribute("title", "Битрикс24");

    const bonus = screen.getByTestId("balances-total-bonus");
    expect(bonus.querySelector('[data-col="available"]')).toHaveAttribute("data-value", "7500.50");
    expect(plain(bonus.querySelector('[data-col="available"]')?.textContent ?? null)).toBe("7 500,50 бонуса");
    expect(bonus.querySelector('[data-col="accrued"]')).toHaveAttribute("data-value", "9000.00");
    expect(bonus.querySelector('[data-col="reversed"]')).toHaveAttribute("data-value", "1500.00");
    expect(bonus.querySelector('[data-col="on_hold"]')).toHaveAttribute("data-value", "-0.50");
    expect(bonus).toHaveTextContent("партнёров: 2");
    const kzt = screen.getByTestId("balances-total-KZT");
    expect(plain(kzt.querySelector('[data-col="on_hold"]')?.textContent ?? null)).toBe("25 000 ₸");
    expect(kzt).toHaveTextContent("партнёров: 1");
  });

  it("asks again for another day and for one program", async () => {
    const user = userEvent.setup();
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    await screen.findByTestId("balance-row-P-1");
    const date = screen.getByTestId("balances-date");
    await user.clear(date);
    await user.type(date, "2025-12-31");
    await waitFor(() => expect(callsOf("balances_table").some((c) => (c.query as BalanceQuery).as_of === "2025-12-31")).toBe(true));

    await user.click(within(screen.getByRole("group", { name: "Программа" })).getByText("Атлантис"));
    await waitFor(() => expect(screen.queryByTestId("balance-row-P-1")).toBeNull());
    expect(callsOf("balances_table").at(-1)).toEqual({ query: { as_of: "2025-12-31", program: "atlantys", sort: "partner", descending: false } });
    expect(screen.getByTestId("balance-row-P-5")).toBeInTheDocument();
    expect(screen.queryByTestId("balances-total-bonus")).toBeNull();
  });

  it("opens a partner's ledger from a balances row", async () => {
    const user = userEvent.setup();
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    await user.click(await screen.findByTestId("balance-row-P-2"));
    const entries = await screen.findByTestId("ledger-entries");
    expect(callsOf("partner_ledger")[0]).toEqual({ partner: "P-2", asOf: todayIso() });
    const rows = within(entries).getAllByRole("row").slice(1);
    expect(rows.map((r) => plain(within(r).getAllByRole("cell")[1]?.textContent ?? null))).toEqual(["начисление", "сторно"]);
    expect(plain(rows[0]?.textContent ?? null)).toContain("3 000 бонусов");
    expect(rows[0]).toHaveTextContent("10.05.2025");
    expect(rows[1]).toHaveTextContent("сторно: возврат платежа");
    expect(screen.getByTestId("accruals-tab-ledger")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("ledger-partner")).toHaveValue("P-2");
  });

  it("lists the payments that earned nothing, filtered by reason chips with counts and by program", async () => {
    const user = userEvent.setup();
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    await user.click(screen.getByTestId("accruals-tab-unearned"));
    const table = await screen.findByTestId("unearned-table");
    await within(table).findByText("PAY-3");
    expect(within(table).getByText("PAY-9")).toBeInTheDocument();
    const reasons = screen.getByTestId("unearned-reasons");
    const notBound = await within(reasons).findByRole("button", { name: "не привязан · 1" });
    expect(within(reasons).getByRole("button", { name: "другая акция · 1" })).toBeInTheDocument();

    await user.click(notBound);
    await waitFor(() => expect(within(table).queryByText("PAY-9")).toBeNull());
    expect(within(table).getByText("PAY-3")).toBeInTheDocument();
    expect(callsOf("unearned_page").at(-1)?.query).toMatchObject({ reason: "not_bound", offset: 0 });
    expect(notBound).toHaveAttribute("aria-pressed", "true");

    await user.click(notBound);
    await user.click(within(screen.getByRole("group", { name: "Программа" })).getByText("Атлантис"));
    await waitFor(() => expect(within(table).queryByText("PAY-3")).toBeNull());
    expect(callsOf("unearned_page").at(-1)?.query).toMatchObject({ program: "atlantys" });
    expect(within(reasons).queryByRole("button", { name: /не привязан/ })).toBeNull();
  });

  it("draws the accruals per month tab", async () => {
    const user = userEvent.setup();
    renderInBook(<AccrualsScreen onOpenPartner={() => {}} />);
    await user.click(screen.getByTestId("accruals-tab-monthly"));
    const chart = await screen.findByTestId("accruals-chart");
    expect(within(chart).getAllByTestId("chart-bar")).toHaveLength(3);
  });
});

describe("the accruals chart", () => {
  it("draws one bar per month and program, one chart per unit, with a title, legend, axes and a table", () => {
    renderInBook(<AccrualsChart data={MONTHLY} />);
    const chart = screen.getByTestId("accruals-chart");
    const bars = within(chart).getAllByTestId("chart-bar");
    expect(bars.map((b) => [b.getAttribute("data-program"), b.getAttribute("data-month"), b.getAttribute("data-value")])).toEqual([
      ["bitrix24", "2025-03", "6000.00"],
      ["bitrix24", "2025-05", "1500.00"],
      ["atlantys", "2025-06", "25000.00"],
    ]);
    // Heights follow the amounts within a unit.
    const height = (i: number) => Number(bars[i]?.getAttribute("height"));
    expect(height(0)).toBeGreaterThan(height(1) * 3);
    const figures = chart.querySelectorAll("figure");
    expect(figures).toHaveLength(2);
    expect(figures[0]).toHaveTextContent("Начисления по месяцам, бонусы");
    expect(figures[1]).toHaveTextContent("Начисления по месяцам, ₸");
    const svg = within(figures[0] as HTMLElement).getByRole("img");
    expect(svg).toHaveAccessibleName(/Начисления по месяцам, бонусы.*с 03\.2025 по 05\.2025/);
    // The gap month is on the axis, empty.
    expect(figures[0]).toHaveTextContent("04.2025");
    expect(within(figures[0] as HTMLElement).getByRole("list", { name: "Программы" })).toHaveTextContent("Битрикс24");
    expect(figures[0]).toHaveTextContent("Месяц");
    const table = within(figures[0] as HTMLElement).getByRole("table");
    expect(plain(table.textContent)).toContain("6 000 бонусов");
    expect(plain(table.textContent)).toContain("1 500 бонусов");
  });

  it("says so when nothing was accrued", () => {
    renderInBook(<AccrualsChart data={[]} />);
    expect(screen.getByTestId("accruals-chart")).toHaveTextContent("Начислений ещё нет.");
  });
});
