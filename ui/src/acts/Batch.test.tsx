import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RegisterView } from "../bindings/RegisterView";
import { monthIso, previousMonthEnd } from "../format";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ActsScreen } from "./ActsScreen";
import { BatchDialog } from "./BatchDialog";
import { DOC, page } from "./fixtures";
import { showDay, showMonth } from "../dateText";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ");

const READY = [
  { partner: "P-1", name: "ООО «Альфа»", program: "bitrix24", unit: "bonus", available: "6000.00", min_amount: "5000.00" },
  { partner: "P-5", name: "ТОО «Асель»", program: "atlantys", unit: "KZT", available: "75000.00", min_amount: "0.00" },
];

/** What the core answers: the rows and its totals per unit. */
const READY_LIST = {
  rows: READY,
  totals: [
    { unit: "bonus", count: 1, available: "6000.00" },
    { unit: "KZT", count: 1, available: "75000.00" },
  ],
};

describe("the month's batch of acts", () => {
  it("shows what is ready on the last day of the month before, with totals; makes the acts", async () => {
    const user = userEvent.setup();
    answer({
      ready_balances: () => READY_LIST,
      acts_batch: () => [
        { conversion: "1", act: "1", number: "2026-0001", partner: "P-1", amount: "6000.00", unit: "bonus" },
        { conversion: "2", act: "2", number: "2026-0002", partner: "P-5", amount: "75000.00", unit: "KZT" },
      ],
    });
    const done = vi.fn();
    renderInBook(<BatchDialog onClose={() => {}} onDone={done} />);
    expect(screen.getByTestId("batch-date")).toHaveValue(showDay(previousMonthEnd(), "ru"));
    expect(await screen.findByTestId("batch-ready")).toHaveTextContent("ТОО «Асель»");
    expect(callsOf("ready_balances")[0]).toEqual({ asOf: previousMonthEnd() });
    expect(plain(screen.getByTestId("batch-total-bonus").textContent)).toContain("6 000 бонусов");
    expect(plain(screen.getByTestId("batch-total-KZT").textContent)).toContain("75 000 ₸");

    await user.click(screen.getByTestId("batch-program-atlantys"));
    await waitFor(() => expect(callsOf("ready_balances").at(-1)).toEqual({ asOf: previousMonthEnd(), program: "atlantys" }));
    await user.click(screen.getByTestId("batch-run"));
    const summary = await screen.findByTestId("batch-summary");
    expect(summary).toHaveTextContent("Сформировано актов: 2");
    expect(within(summary).getByText("2026-0002")).toBeInTheDocument();
    expect(callsOf("acts_batch")).toEqual([{ date: previousMonthEnd(), program: "atlantys" }]);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it("cancelled, says nothing changed", async () => {
    const user = userEvent.setup();
    let finish: (v: unknown) => void = () => {};
    answer({
      ready_balances: () => READY_LIST,
      acts_batch: () => new Promise((_, reject) => (finish = reject)),
      acts_batch_cancel: () => {
        finish({ code: "cancelled", message: "Отменено; ничего не изменено.", problems: [] });
        return null;
      },
    });
    const done = vi.fn();
    renderInBook(<BatchDialog onClose={() => {}} onDone={done} />);
    await screen.findByTestId("batch-ready");
    await user.click(screen.getByTestId("batch-run"));
    expect(await screen.findByTestId("batch-progress")).toBeInTheDocument();
    await user.click(screen.getByTestId("batch-cancel"));
    expect(await screen.findByTestId("batch-cancelled")).toHaveTextContent("ни одного акта не создано");
    expect(done).not.toHaveBeenCalled();
  });
});

describe("the payout register", () => {
  const REGISTER: RegisterView["register"] = {
    month: monthIso(),
    vendor: DOC.buyer,
    made: "2026-03-30",
    lines: [
      {
        partner_id: "P-1", name: "ООО «Альфа»", inn: "7707083893", kpp: "773601001", bik: "044525225", account: "40702810238720001420",
        act_number: "2026-0001", act_date: "2026-03-10", amount: "6000.00", currency: "RUB", vat: { rate: "22", amount: "1081.97" },
        signed: "2026-03-12", e_signed: true,
        pay_due: "2026-03-26", paid: "2026-03-20", purpose: "Партнёрское вознаграждение по акту № 2026-0001",
      },
      {
        partner_id: "P-2", name: "ИП Борисов", inn: "500100732259", kpp: null, bik: null, account: null,
        act_number: "2026-0002", act_date: "2026-03-11", amount: "1500.50", currency: "RUB", vat: null,
        signed: "2026-03-13", e_signed: false,
        pay_due: "2026-03-27", paid: null, purpose: "…",
      },
    ],
  };

  beforeEach(() => {
    answer({
      acts_page: () => page([]),
      payout_register: (): RegisterView => ({ register: REGISTER, totals: [{ currency: "RUB", count: 2, amount: "7500.50" }] }),
      save_register: ({ format }) => (format === "bank" ? "/home/anna/payouts-1c.txt" : null),
    });
  });

  it("previews this month's lines with totals and saves the bank file", async () => {
    const user = userEvent.setup();
    renderInBook(<ActsScreen />);
    await user.click(screen.getByTestId("acts-tab-register"));
    expect(screen.getByTestId("register-month")).toHaveValue(showMonth(monthIso(), "ru"));
    const lines = await screen.findByTestId("register-lines");
    expect(callsOf("payout_register")).toEqual([{ month: monthIso() }]);
    expect(within(lines).getAllByRole("row")).toHaveLength(3);
    expect(plain(lines.textContent)).toContain("№ 2026-0001 от 10.03.2026");
    expect(plain(lines.textContent)).toContain("1 081,97 ₽");
    expect(plain(lines.textContent)).toContain("без НДС");
    expect(screen.getByTestId("register-total-RUB")).toHaveAttribute("data-value", "7500.50");

    await user.click(screen.getByTestId("register-save-pdf"));
    await waitFor(() => expect(callsOf("save_register")).toHaveLength(1));
    expect(screen.queryByTestId("register-saved")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("register-save-bank"));
    expect(await screen.findByTestId("register-saved")).toHaveTextContent("/home/anna/payouts-1c.txt");
    expect(callsOf("save_register")[1]).toEqual({ month: monthIso(), format: "bank" });
  });
});
