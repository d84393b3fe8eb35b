import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Program } from "../bindings/Program";
import type { RuleSet } from "../bindings/RuleSet";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ProgramsScreen } from "./ProgramsScreen";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

const bitrixRules = (active: boolean): RuleSet => ({
  binding: { channels: [], window_months: null, no_self_referral: true },
  payments: { categories: ["tariff"], direct_only: true, no_other_promotion: false, new_clients_only: false, code_required: false },
  rewards: [
    ...(active ? [{ rule: "active_client" as const, amount: "100", min_users: 3, channel: "link" as const }] : []),
    { rule: "first_purchase", percent: "50" },
    { rule: "later_purchases", percent: "20", within_years: 3 },
  ],
  hold_days: 0,
  conversion: {
    min_amount: "5000",
    unit_value: "1",
    requires_contract: true,
    payout_kinds: ["bank"],
    monthly_due_day: null,
    sign_business_days: 3,
    pay_business_days: 10,
  },
  discounts: null,
});

const atlantysRules: RuleSet = {
  binding: { channels: [], window_months: null, no_self_referral: true },
  payments: { categories: [], direct_only: false, no_other_promotion: true, new_clients_only: true, code_required: true },
  rewards: [{ rule: "list_price", percent: "25" }],
  hold_days: 14,
  conversion: null,
  discounts: null,
};

const PROGRAMS: Program[] = [
  {
    id: "bitrix24", name_ru: "Битрикс24", name_en: "Bitrix24", unit: "bonus", currency: "RUB",
    code_format: { kind: "alnum", length: 8 }, rate_required: false, kinds: ["ooo", "ip"],
    versions: [
      { id: 1, effective_from: "2000-01-01", rules: bitrixRules(true) },
      { id: 2, effective_from: "2026-01-01", rules: bitrixRules(false) },
    ],
  },
  {
    id: "atlantys", name_ru: "Атлантис", name_en: "Atlantys", unit: "KZT", currency: "KZT",
    code_format: { kind: "alnum", length: 6 }, rate_required: false, kinds: [],
    versions: [{ id: 3, effective_from: "2000-01-01", rules: atlantysRules }],
  },
];

describe("the programs screen", () => {
  beforeEach(() => {
    answer({
      program_versions: () => PROGRAMS,
      program_add_version: ({ program, from, rules }) => ({ id: 9, program, effective_from: from, rules }),
    });
  });

  it("lists every program with its versions and their key parameters", async () => {
    renderInBook(<ProgramsScreen />);
    const bitrix = await screen.findByTestId("program-versions-bitrix24");
    const rows = within(bitrix).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("начала");
    expect(plain(rows[0]?.textContent ?? null)).toContain("100 бонусов за нового активного клиента (больше 3 пользователей)");
    expect(rows[1]).toHaveTextContent("01.01.2026");
    expect(rows[1]).toHaveTextContent("50 % первой покупки; 20 % последующих покупок в течение 3 лет с регистрации клиента");
    expect(plain(rows[1]?.textContent ?? null)).toContain("5 000 бонусов");
    const atlantys = screen.getByTestId("program-versions-atlantys");
    expect(atlantys).toHaveTextContent("25 % цены без скидки");
    expect(atlantys).toHaveTextContent("14 дн.");
  });

  it("copies the version in force and sends the new version from the chosen day", async () => {
    const user = userEvent.setup();
    renderInBook(<ProgramsScreen />);
    await user.click(await screen.findByTestId("program-new-version-atlantys"));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByLabelText("От цены без скидки, %")).toHaveValue("25");
    expect(within(dialog).getByLabelText("Удержание, дней")).toHaveValue("14");
    expect(within(dialog).queryByLabelText(/Порог конвертации/)).toBeNull();

    const date = within(dialog).getByLabelText("Действует с");
    await user.clear(date);
    await user.type(date, "2026-07-01");
    const percent = within(dialog).getByLabelText("От цены без скидки, %");
    await user.clear(percent);
    await user.type(percent, "30,5");
    const hold = within(dialog).getByLabelText("Удержание, дней");
    await user.clear(hold);
    await user.type(hold, "21");
    await user.click(screen.getByTestId("program-version-save"));

    await waitFor(() => expect(callsOf("program_add_version")).toHaveLength(1));
    expect(callsOf("program_add_version")[0]).toEqual({
      program: "atlantys",
      from: "2026-07-01",
      rules: { ...atlantysRules, rewards: [{ rule: "list_price", percent: "30.5" }], hold_days: 21 },
    });
    expect(await screen.findByTestId("program-version-saved")).toHaveTextContent("Новая версия «Атлантис» действует с 01.07.2026.");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf("program_versions")).toHaveLength(2);
  });

  it("edits rates, the window, the threshold and the active-client amount of a version", async () => {
    const user = userEvent.setup();
    const [bitrix] = PROGRAMS;
    const first = bitrix?.versions[0];
    answer({
      program_versions: () => (bitrix && first ? [{ ...bitrix, versions: [first] }] : []),
      program_add_version: ({ program, from, rules }) => ({ id: 9, program, effective_from: from, rules }),
    });
    renderInBook(<ProgramsScreen />);
    await user.click(await screen.findByTestId("program-new-version-bitrix24"));
    const dialog = screen.getByRole("dialog");
    const amount = within(dialog).getByLabelText("Сумма за активного клиента, бонусы");
    expect(amount).toHaveValue("100");
    await user.clear(amount);
    await user.type(amount, "150");
    const users = within(dialog).getByLabelText("Больше пользователей, чем");
    await user.clear(users);
    await user.type(users, "5");
    const firstPurchase = within(dialog).getByLabelText("Первая покупка, %");
    await user.clear(firstPurchase);
    await user.type(firstPurchase, "40");
    const years = within(dialog).getByLabelText("В течение лет с регистрации");
    expect(years).toHaveValue("3");
    await user.clear(years);
    const threshold = within(dialog).getByLabelText("Порог конвертации, бонусы");
    await user.clear(threshold);
    await user.type(threshold, "3000");
    await user.click(screen.getByTestId("program-version-save"));
    await waitFor(() => expect(callsOf("program_add_version")).toHaveLength(1));
    const sent = callsOf("program_add_version")[0]?.rules as RuleSet;
    expect(sent.rewards).toEqual([
      { rule: "active_client", amount: "150", min_users: 5, channel: "link" },
      { rule: "first_purchase", percent: "40" },
      { rule: "later_purchases", percent: "20", within_years: null },
    ]);
    expect(sent.conversion?.min_amount).toBe("3000");
    expect(sent.conversion?.sign_business_days).toBe(3);
  });

  it("shows a typo at its field without sending, and the book's refusals at theirs", async () => {
    const user = userEvent.setup();
    answer({
      program_versions: () => PROGRAMS,
      program_add_version: () => {
        throw {
          code: "invalid",
          message: "Удержание: удержание 4000 дней — больше 10 лет",
          problems: [
            { code: "bad_hold", message: "удержание 4000 дней — больше 10 лет", row: null, column: null, field: "hold_days" },
            { code: "bad_percent", message: "процент вознаграждения 250 — вне 0…100", row: null, column: null, field: "rewards" },
          ],
        };
      },
    });
    renderInBook(<ProgramsScreen />);
    await user.click(await screen.findByTestId("program-new-version-atlantys"));
    const dialog = screen.getByRole("dialog");
    const hold = within(dialog).getByLabelText("Удержание, дней");
    await user.clear(hold);
    await user.type(hold, "две недели");
    await user.click(screen.getByTestId("program-version-save"));
    expect(await screen.findByTestId("error-hold_days")).toHaveTextContent("Удержание, дней: нужно целое число");
    expect(callsOf("program_add_version")).toHaveLength(0);

    await user.clear(hold);
    await user.type(hold, "4000");
    const percent = within(dialog).getByLabelText("От цены без скидки, %");
    await user.clear(percent);
    await user.type(percent, "250");
    await user.click(screen.getByTestId("program-version-save"));
    await waitFor(() => expect(callsOf("program_add_version")).toHaveLength(1));
    expect(await screen.findByTestId("error-hold_days")).toHaveTextContent("удержание 4000 дней — больше 10 лет");
    expect(screen.getByTestId("error-rewards")).toHaveTextContent("процент вознаграждения 250 — вне 0…100");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Удержание, дней")).toHaveAttribute("aria-invalid", "true");
  });
});
