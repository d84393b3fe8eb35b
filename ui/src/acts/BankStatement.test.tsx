import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { StatementReport } from "../bindings/StatementReport";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ActsScreen } from "./ActsScreen";
import { BankStatementDialog } from "./BankStatementDialog";
import { actRow, page } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
const FILE = "/home/anna/kl_to_1c.txt";

const paid = (act: string, amount: string, over = {}) => ({
  act,
  act_id: "7",
  partner: "P-1",
  name: "ООО «Альфа»",
  date: "2026-12-07",
  amount,
  currency: "RUB",
  payment: "1",
  line: 12,
  ...over,
});

const PREVIEW: StatementReport = {
  paid: [paid("2026-0146", "7988.00")],
  already_paid: [paid("2026-0140", "5000.00", { partner: "P-2", name: "ИП Борисов", date: "2026-12-01", payment: "2" })],
  unmatched: [
    {
      number: "15",
      date: "2026-12-07",
      amount: "100.00",
      recipient: "ООО «Ромашка»",
      recipient_inn: "7707083893",
      purpose: "Оплата по акту № 2026-0999",
      act: null,
      code: "no_such_act",
      reason: "акта № 2026-0999 нет в книге",
      line: 60,
    },
  ],
  skipped: 3,
  operations: 6,
  applied: false,
};

describe("the bank statement", () => {
  it("from «Загрузить выписку»: the native dialog's file previewed, marked paid, the acts table refreshed", async () => {
    const user = userEvent.setup();
    let status: "signed" | "paid" = "signed";
    answer({
      acts_page: () => page([actRow("2026-0146", { status })]),
      pick_statement_file: () => FILE,
      statement_preview: () => PREVIEW,
      statement_apply: () => {
        status = "paid";
        return { ...PREVIEW, applied: true };
      },
    });
    renderInBook(<ActsScreen />);
    expect(within(await screen.findByTestId("act-row-2026-0146")).getByText("подписан")).toBeInTheDocument();

    await user.click(screen.getByTestId("acts-bank-statement-open"));
    await user.click(screen.getByTestId("bank-statement-pick"));
    const preview = await screen.findByTestId("bank-statement-preview");
    expect(callsOf("statement_preview")).toEqual([{ path: FILE }]);
    expect(screen.getByTestId("bank-statement-path")).toHaveValue(FILE);

    const [, toPay] = within(screen.getByTestId("bank-statement-paid")).getAllByRole("row");
    const cells = plain(toPay?.textContent);
    expect(cells).toContain("2026-0146");
    expect(cells).toContain("ООО «Альфа»");
    expect(cells).toContain("07.12.2026");
    expect(cells).toContain("7 988 ₽");
    expect(plain(screen.getByTestId("bank-statement-already-paid").textContent)).toContain("2026-0140");
    const unmatched = screen.getByTestId("bank-statement-unmatched");
    expect(plain(unmatched.textContent)).toContain("акта № 2026-0999 нет в книге");
    expect(plain(unmatched.textContent)).toContain("100 ₽");
    expect(plain(preview.textContent)).toContain("Документов в выписке: 6; пропущено поступлений и операций других счетов: 3.");
    expect(callsOf("statement_apply")).toEqual([]);

    const before = callsOf("acts_page").length;
    await user.click(screen.getByTestId("bank-statement-apply"));
    expect(await screen.findByTestId("bank-statement-done")).toHaveTextContent("Отмечено оплаченными актов: 1.");
    expect(callsOf("statement_apply")).toEqual([{ path: FILE }]);
    expect(within(screen.getByTestId("bank-statement-result")).getByText("Отмечены оплаченными")).toBeInTheDocument();
    await waitFor(() => expect(callsOf("acts_page").length).toBeGreaterThan(before));
    await user.click(screen.getByTestId("bank-statement-close"));
    expect(screen.queryByTestId("bank-statement-dialog")).not.toBeInTheDocument();
    expect(within(await screen.findByTestId("act-row-2026-0146")).getByText("оплачен")).toBeInTheDocument();
  });

  it("a malformed file: every problem by line and key, nothing to apply", async () => {
    const user = userEvent.setup();
    answer({
      statement_preview: () => {
        throw {
          code: "invalid",
          message: "строка 14, столбец Сумма: «12,3.4» — не сумма",
          problems: [{ code: "statement_sum", message: "«12,3.4» — не сумма", row: 14, column: "Сумма", field: null }],
        };
      },
    });
    renderInBook(<BankStatementDialog onClose={() => {}} onDone={() => {}} />);
    await user.type(screen.getByTestId("bank-statement-path"), "/tmp/bad.txt{Enter}");
    const problems = await screen.findByTestId("bank-statement-problems");
    expect(problems).toHaveTextContent("ничего не изменено");
    const [, row] = within(problems).getAllByRole("row");
    expect(row).toHaveTextContent("14");
    expect(row).toHaveTextContent("Сумма");
    expect(row).toHaveTextContent("«12,3.4» — не сумма");
    expect(callsOf("statement_preview")).toEqual([{ path: "/tmp/bad.txt" }]);
    expect(screen.queryByTestId("bank-statement-apply")).not.toBeInTheDocument();
  });

  it("nothing to pay: the button stays disabled, in English too", async () => {
    const user = userEvent.setup();
    answer({ statement_preview: () => ({ ...PREVIEW, paid: [] }) });
    renderInBook(<BankStatementDialog onClose={() => {}} onDone={() => {}} />, "en");
    await user.type(screen.getByTestId("bank-statement-path"), FILE);
    await user.click(screen.getByTestId("bank-statement-check"));
    expect(await screen.findByTestId("bank-statement-paid")).toHaveTextContent("No act to mark paid");
    expect(screen.getByTestId("bank-statement-apply")).toBeDisabled();
    expect(screen.getByTestId("bank-statement-apply")).toHaveTextContent("Mark paid (0)");
  });
});
