import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BalanceRow } from "../bindings/BalanceRow";
import type { ConversionRules } from "../bindings/ConversionRules";
import type { Program } from "../bindings/Program";
import { todayIso } from "../format";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ConvertDialog, convertProblems } from "./ConvertDialog";
import { actRow, page } from "./fixtures";
import { PartnerActsTab } from "./PartnerActsTab";
import { showDay } from "../dateText";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ");

const balance = (partner: string, program: string, unit: string, available: string): BalanceRow => ({
  partner, program, unit, name: "ООО «Альфа»", status: "active",
  accrued: available, reversed: "0.00", annulled: "0.00", on_hold: "0.00", available, converted: "0.00", paid: "0.00",
});

const rules = (over: Partial<ConversionRules>): ConversionRules => ({
  min_amount: "5000.00", unit_value: "1", requires_contract: true, payout_kinds: ["bank"],
  monthly_due_day: null, sign_business_days: 3, pay_business_days: 10, ...over,
});

const program = (id: string, unit: string, conversion: ConversionRules): Program => ({
  id, name_ru: id, name_en: id, unit, currency: unit === "bonus" ? "RUB" : unit, code_format: { kind: "alnum", length: 8 },
  rate_required: false, kinds: [],
  versions: [{ id: 1, effective_from: "2020-01-01", rules: { conversion } as Program["versions"][number]["rules"] }],
});

const PROGRAM_VERSIONS = [
  program("bitrix24", "bonus", rules({})),
  program("quantower", "USD", rules({ min_amount: "50.00", requires_contract: false, payout_kinds: ["bank", "licence_credit"] })),
];

describe("the partner card's acts tab", () => {
  let converted = false;
  beforeEach(() => {
    converted = false;
    answer({
      acts_page: () => page(converted ? [actRow("2026-0001")] : []),
      partner_ledger: ({ partner }) => ({ as_of: todayIso(), balance: balance(String(partner), "bitrix24", "bonus", "6000.00"), entries: [] }),
      program_versions: () => PROGRAM_VERSIONS,
      convert_balance: () => {
        converted = true;
        return { conversion: "7", act: "1", number: "2026-0001", partner: "P-1", amount: "6000.00", unit: "bonus" };
      },
    });
  });

  it("converts everything available by default: the act appears as a draft", async () => {
    const user = userEvent.setup();
    renderInBook(<PartnerActsTab partner="P-1" program="bitrix24" />);
    expect(await screen.findByTestId("acts-empty")).toHaveTextContent("Актов пока нет — сконвертируйте доступный баланс кнопкой «Конвертировать…»");
    expect(callsOf("acts_page")[0]).toEqual({ query: { partner: "P-1", offset: 0, limit: 100 } });

    await user.click(screen.getByTestId("acts-convert-open"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByLabelText("Дата конвертации")).toHaveValue(showDay(todayIso(), "ru"));
    expect(within(dialog).getByLabelText("Сумма")).toHaveValue("");
    await waitFor(() => expect(plain(screen.getByTestId("convert-available").textContent)).toContain("6 000 бонусов"));
    expect(plain(screen.getByTestId("convert-available").textContent)).toContain("порог программы 5 000 бонусов");
    expect(within(dialog).queryByLabelText("Способ выплаты")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("convert-submit"));
    await waitFor(() => expect(callsOf("convert_balance")).toEqual([{ partner: "P-1", date: todayIso(), key: expect.any(String) }]));
    expect(await screen.findByTestId("convert-done")).toHaveTextContent("Создан акт № 2026-0001");
    const row = await screen.findByTestId("act-row-2026-0001");
    expect(within(row).getByText("черновик")).toBeInTheDocument();
    expect(row.querySelector('[data-col="partner"]')).toBeNull();
  });
});

describe("the convert dialog", () => {
  const refuse = (code: string, message: string) => {
    answer({
      partner_ledger: () => ({ as_of: todayIso(), balance: balance("P-1", "bitrix24", "bonus", "6000.00"), entries: [] }),
      program_versions: () => PROGRAM_VERSIONS,
      convert_balance: () => {
        throw { code, message, problems: [] };
      },
    });
  };

  it("shows a refusal under the threshold at the amount field", async () => {
    const user = userEvent.setup();
    refuse("under_threshold", "Сумма 3000.00 меньше порога программы 5000.00 bonus (доступно 6000.00)");
    const done = vi.fn();
    renderInBook(<ConvertDialog partner="P-1" program="bitrix24" onClose={() => {}} onDone={done} />);
    await user.type(screen.getByLabelText("Сумма"), "3000");
    await user.click(screen.getByTestId("convert-submit"));
    const error = await screen.findByTestId("error-amount");
    expect(error).toHaveTextContent("меньше порога программы");
    expect(screen.getByLabelText("Сумма")).toHaveAttribute("aria-invalid", "true");
    expect(callsOf("convert_balance")).toEqual([{ partner: "P-1", date: todayIso(), key: expect.any(String), amount: "3000" }]);
    expect(done).not.toHaveBeenCalled();
    expect(document.querySelector(".error-banner")).toBeNull();
  });

  it("shows no contract and a suspension at the amount too; a bad date at the date", () => {
    for (const code of ["no_contract", "partner_suspended", "above_available"]) {
      const { byField, banner } = convertProblems({ code, message: "нет", problems: [] });
      expect([...byField.keys()]).toEqual(["amount"]);
      expect(banner).toBeNull();
    }
    const bad = convertProblems({
      code: "invalid", message: "Ошибки", problems: [{ code: "bad_date", message: "не дата", row: null, column: null, field: "date" }],
    });
    expect(bad.byField.get("date")?.[0]?.message).toBe("не дата");
    expect(bad.banner).toBeNull();
    expect(convertProblems({ code: "vendor_missing", message: "Заполните реквизиты", problems: [] }).banner?.message).toBe("Заполните реквизиты");
  });

  it("asks a quantower partner how to pay out", async () => {
    const user = userEvent.setup();
    answer({
      partner_ledger: () => ({ as_of: todayIso(), balance: balance("P-4", "quantower", "USD", "120.00"), entries: [] }),
      program_versions: () => PROGRAM_VERSIONS,
      convert_balance: () => ({ conversion: "8", act: "2", number: "2026-0002", partner: "P-4", amount: "120.00", unit: "USD" }),
    });
    renderInBook(<ConvertDialog partner="P-4" program="quantower" onClose={() => {}} onDone={() => {}} />);
    const kind = await screen.findByLabelText("Способ выплаты");
    expect(within(kind).getByRole("option", { name: "зачёт в оплату лицензий" })).toBeInTheDocument();
    await user.selectOptions(kind, "licence_credit");
    await user.click(screen.getByTestId("convert-submit"));
    await waitFor(() =>
      expect(callsOf("convert_balance")).toEqual([{ partner: "P-4", date: todayIso(), key: expect.any(String), payoutKind: "licence_credit" }]),
    );
  });
});
