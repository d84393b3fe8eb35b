import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PartnerLedger } from "../bindings/PartnerLedger";
import { todayIso } from "../format";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { PartnerAccrualsTab } from "./PartnerAccrualsTab";
import { showDay } from "../dateText";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ");

// What an annulment takes is the core's sum (available and on hold): 1 000 ₸ are on hold.
const ledger = (available: string, annulled: string): PartnerLedger => ({
  as_of: "2026-03-30",
  unconverted: available === "0.00" ? "0.00" : "26000.00",
  balance: {
    partner: "P-5", program: "atlantys", unit: "KZT", name: "ТОО «Асель»", status: "active",
    accrued: "26000.00", reversed: "0.00", annulled, on_hold: available === "0.00" ? "0.00" : "1000.00", available, converted: "0.00", paid: "0.00",
  },
  entries: [
    {
      id: 1, partner: "P-5", program: "atlantys", unit: "KZT", kind: "credit", date: "2026-03-01", available_on: "2026-03-15",
      amount: "25000.00", rule: "list_price", payment: "A-1", client: "C-1", corrects: null, version_from: null,
      base: "100000.00", rate: "25", reason: "25 % × 100000.00 — от цены без скидки (клиент C-1; платёж A-1)",
    },
  ],
});

describe("the partner card's accruals tab", () => {
  let annulled = false;
  beforeEach(() => {
    annulled = false;
    answer({
      partner_ledger: () => (annulled ? ledger("0.00", "25000.00") : ledger("25000.00", "0.00")),
      annul_for_breach: () => {
        annulled = true;
        return "25000.00";
      },
    });
  });

  it("shows the balance today and the ledger", async () => {
    renderInBook(<PartnerAccrualsTab partner="P-5" />);
    const balance = await screen.findByTestId("partner-balance");
    expect(callsOf("partner_ledger")).toEqual([{ partner: "P-5" }]);
    expect(plain(balance.querySelector('[data-col="available"]')?.textContent)).toBe("25 000 ₸");
    const entries = screen.getByTestId("ledger-entries");
    expect(entries).toHaveTextContent("начисление");
    expect(entries).toHaveTextContent("15.03.2026");
    expect(entries).toHaveTextContent("от цены без скидки");
  });

  it("annuls for a breach only with a reason and after a confirmation", async () => {
    const user = userEvent.setup();
    renderInBook(<PartnerAccrualsTab partner="P-5" />);
    await user.click(await screen.findByTestId("annul-open"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByLabelText("Дата аннулирования")).toHaveValue(showDay(todayIso(), "ru"));

    await user.click(screen.getByTestId("annul-submit"));
    expect(screen.getByTestId("error-reason")).toHaveTextContent("Причина: обязательное поле не заполнено");
    expect(callsOf("annul_for_breach")).toHaveLength(0);

    await user.type(screen.getByTestId("annul-reason"), "самореферал через второй аккаунт");
    await user.click(screen.getByTestId("annul-submit"));
    const confirmation = screen.getByTestId("annul-confirmation");
    expect(plain(confirmation.textContent)).toContain("P-5 «ТОО «Асель»»");
    expect(plain(confirmation.textContent)).toContain("26 000 ₸");
    expect(callsOf("annul_for_breach")).toHaveLength(0);

    await user.click(screen.getByTestId("annul-confirm"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("annul_for_breach")).toEqual([{ partner: "P-5", date: todayIso(), reason: "самореферал через второй аккаунт" }]);
    expect(plain((await screen.findByTestId("annul-done")).textContent)).toBe("Аннулировано: 25 000 ₸.");
    await waitFor(() => expect(callsOf("partner_ledger")).toHaveLength(2));
    await waitFor(() =>
      expect(plain(screen.getByTestId("partner-balance").querySelector('[data-col="annulled"]')?.textContent)).toBe("25 000 ₸"),
    );
  });

  it("brings the book's refusal back to the field", async () => {
    const user = userEvent.setup();
    answer({
      partner_ledger: () => ledger("25000.00", "0.00"),
      annul_for_breach: () => {
        throw {
          code: "invalid",
          message: "укажите причину аннулирования",
          problems: [{ code: "reason_required", message: "укажите причину аннулирования", row: null, column: null, field: "reason" }],
        };
      },
    });
    renderInBook(<PartnerAccrualsTab partner="P-5" />);
    await user.click(await screen.findByTestId("annul-open"));
    await user.type(screen.getByTestId("annul-reason"), " x ");
    await user.click(screen.getByTestId("annul-submit"));
    await user.click(screen.getByTestId("annul-confirm"));
    expect(await screen.findByTestId("error-reason")).toHaveTextContent("укажите причину аннулирования");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });

  it("posts a manual adjustment with the amount as typed and shows what the book posted", async () => {
    const user = userEvent.setup();
    answer({
      partner_ledger: () => ledger("25000.00", "0.00"),
      adjust_balance: (args) => {
        if (args.amount === "12,345.67") {
          throw {
            code: "invalid",
            message: "не сумма",
            problems: [{ code: "bad_amount", message: "не сумма: «12,345.67»", row: null, column: null, field: "amount" }],
          };
        }
        return { entry: 9, partner: "P-5", date: todayIso(), amount: "-1200.50", unit: "KZT", available: "23799.50" };
      },
    });
    renderInBook(<PartnerAccrualsTab partner="P-5" />);
    await user.click(await screen.findByTestId("adjust-open"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText(/единицах программы \(KZT\)/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText("Сумма, KZT"), "12,345.67");
    await user.type(screen.getByTestId("adjust-reason"), "ошибочное начисление");
    await user.click(screen.getByTestId("adjust-submit"));
    expect(await screen.findByTestId("error-amount")).toHaveTextContent("не сумма: «12,345.67»");

    await user.clear(within(dialog).getByLabelText("Сумма, KZT"));
    await user.type(within(dialog).getByLabelText("Сумма, KZT"), "-1 200,50");
    await user.click(screen.getByTestId("adjust-submit"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("adjust_balance").at(-1)).toEqual({ partner: "P-5", date: todayIso(), amount: "-1 200,50", reason: "ошибочное начисление" });
    expect(plain((await screen.findByTestId("adjust-done")).textContent)).toBe("Проведена корректировка -1 200,50 ₸; доступно 23 799,50 ₸.");
    await waitFor(() => expect(callsOf("partner_ledger")).toHaveLength(2));
  });
});
