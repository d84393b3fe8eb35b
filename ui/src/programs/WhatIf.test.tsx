import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DiscountChange } from "../bindings/DiscountChange";
import type { Program } from "../bindings/Program";
import type { RuleSet } from "../bindings/RuleSet";
import type { WhatIfApplied } from "../bindings/WhatIfApplied";
import type { WhatIfReport } from "../bindings/WhatIfReport";
import { answer, callsOf, type Handlers } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ProgramsScreen } from "./ProgramsScreen";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ");

const RULES: RuleSet = {
  binding: { channels: [], window_months: null, no_self_referral: true },
  payments: { categories: ["tariff"], direct_only: true, no_other_promotion: false, new_clients_only: false, code_required: false },
  rewards: [{ rule: "first_purchase", percent: "50" }],
  hold_days: 0,
  conversion: null,
  discounts: null,
};

const TELE2_RULES: RuleSet = {
  binding: { channels: [], window_months: null, no_self_referral: true },
  payments: { categories: [], direct_only: false, no_other_promotion: false, new_clients_only: false, code_required: false },
  rewards: [],
  hold_days: 0,
  conversion: null,
  discounts: { invitee_percent: "10", invitee_months: 3, ladder: [{ invited: 1, percent: "10", months: 3, sms_package: null }], excludes: ["sms"] },
};

const PROGRAMS: Program[] = [
  {
    id: "bitrix24", name_ru: "Битрикс24", name_en: "Bitrix24", unit: "bonus", currency: "RUB",
    code_format: { kind: "alnum", length: 8 }, rate_required: false, kinds: [],
    versions: [{ id: 1, effective_from: "2000-01-01", rules: RULES }],
  },
  {
    id: "tele2-ats", name_ru: "Теле2 АТС", name_en: "Tele2 ATS", unit: "RUB", currency: "RUB",
    code_format: { kind: "alnum", length: 8 }, rate_required: false, kinds: [],
    versions: [{ id: 2, effective_from: "2000-01-01", rules: TELE2_RULES }],
  },
];

// The totals are the report's own: deliberately not the sum of the rows, to show nothing is added up here.
const REPORT: WhatIfReport = {
  program: "bitrix24", from: "2026-03-01", to: null, payments: 1234,
  rows: [
    { partner: "B1", program: "bitrix24", unit: "bonus", book: "17100.00", whatif: "18900.00", difference: "1800.00" },
    { partner: "B2", program: "bitrix24", unit: "bonus", book: "1000.00", whatif: "1500.00", difference: "500.00" },
    { partner: "B3", program: "bitrix24", unit: "bonus", book: "300.00", whatif: "0.00", difference: "-300.00" },
  ],
  totals: [{ unit: "bonus", book: "12345.00", whatif: "14345.00", difference: "2000.00", partners_changed: 3 }],
  discounts: [],
};

const APPLIED: WhatIfApplied = { program: "bitrix24", version: 7, entries: 5, partners: 3, unit: "bonus", amount: "2000.00" };

const change = (over: Partial<DiscountChange>): DiscountChange => ({
  change: "added", client: "C-1", role: "invitee", percent: "10", start: "2026-03-05", end: "2026-06-04", excludes: ["sms"],
  sms_package: null, program: "tele2-ats", inviter: "T-1", invitee: "C-1", invited: null, ...over,
});

function setUp(report: WhatIfReport, extra: Handlers = {}) {
  answer({
    program_versions: () => PROGRAMS,
    whatif: () => report,
    whatif_apply: () => APPLIED,
    export_table: () => "/home/u/whatif-bitrix24-2026-03-01.xlsx",
    ...extra,
  });
}

/** Opens the draft of `program`, sets its first day and runs «Что если». */
async function openWhatIf(user: ReturnType<typeof userEvent.setup>, program = "bitrix24", from = "2026-03-01") {
  renderInBook(<ProgramsScreen />);
  await user.click(await screen.findByTestId(`program-new-version-${program}`));
  const date = within(screen.getByRole("dialog")).getByLabelText("Действует с");
  await user.clear(date);
  await user.type(date, from);
  await user.click(screen.getByTestId("program-version-whatif"));
  return screen.findByTestId("whatif-dialog");
}

const partnersInOrder = () =>
  within(screen.getByTestId("whatif-table"))
    .getAllByRole("row")
    .slice(1, -1)
    .map((row) => row.querySelector("[data-col=partner]")?.textContent);

describe("«Что если» of a draft version", () => {
  beforeEach(() => setUp(REPORT));

  it("replays the draft's rules from its first day and shows the rows and the report's totals", async () => {
    const user = userEvent.setup();
    const dialog = await openWhatIf(user);
    await within(dialog).findByTestId("whatif-table");
    expect(callsOf("whatif")).toEqual([{ request: { program: "bitrix24", from: "2026-03-01", to: null, rules: RULES } }]);
    expect(dialog).toHaveTextContent("Что если: Битрикс24 с 01.03.2026");
    expect(plain(screen.getByTestId("whatif-payments").textContent)).toBe("Переиграно платежей: 1 234");

    const b1 = screen.getByTestId("whatif-row-B1");
    expect(plain(b1.querySelector("[data-col=book]")?.textContent)).toBe("17 100 бонусов");
    expect(plain(b1.querySelector("[data-col=whatif]")?.textContent)).toBe("18 900 бонусов");
    expect(plain(b1.querySelector("[data-col=difference]")?.textContent)).toBe("1 800 бонусов");
    expect(plain(screen.getByTestId("whatif-row-B3").querySelector("[data-col=difference]")?.textContent)).toBe("-300 бонусов");

    const total = screen.getByTestId("whatif-total-bonus");
    expect(plain(total.textContent)).toContain("Итого, бонусы (изменится у 3)");
    expect(plain(total.querySelector("[data-col=book]")?.textContent)).toBe("12 345 бонусов");
    expect(plain(total.querySelector("[data-col=difference]")?.textContent)).toBe("2 000 бонусов");
    expect(screen.queryByTestId("whatif-nothing")).toBeNull();

    await user.click(screen.getByTestId("whatif-export"));
    expect(await screen.findByTestId("whatif-export-saved")).toHaveTextContent("whatif-bitrix24-2026-03-01.xlsx");
    const request = { program: "bitrix24", from: "2026-03-01", to: null, rules: RULES };
    expect(callsOf("export_table")).toEqual([
      { request: { lang: "ru", table: { kind: "whatif", request, sort: "partner", descending: false } } },
    ]);
  });

  it("sorts by the difference, one way and then the other", async () => {
    const user = userEvent.setup();
    await openWhatIf(user);
    await screen.findByTestId("whatif-table");
    expect(partnersInOrder()).toEqual(["B1", "B2", "B3"]);
    await user.click(screen.getByTestId("whatif-sort-difference"));
    expect(partnersInOrder()).toEqual(["B3", "B2", "B1"]);
    expect(screen.getByTestId("whatif-sort-difference").closest("th")).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByTestId("whatif-sort-difference"));
    expect(partnersInOrder()).toEqual(["B1", "B2", "B3"]);
    expect(screen.getByTestId("whatif-sort-difference").closest("th")).toHaveAttribute("aria-sort", "descending");
    // The export is sorted as the table is.
    await user.click(screen.getByTestId("whatif-export"));
    await screen.findByTestId("whatif-export-saved");
    expect(callsOf("export_table")[0]?.request).toMatchObject({ table: { kind: "whatif", sort: "difference", descending: true } });
  });

  it("applies from a date only after a confirmation with the report's totals, then shows what was posted", async () => {
    const user = userEvent.setup();
    const dialog = await openWhatIf(user);
    await within(dialog).findByTestId("whatif-table");
    const date = within(dialog).getByLabelText("Дата проводок");
    await user.clear(date);
    await user.type(date, "2026-04-01");
    await user.click(screen.getByTestId("whatif-apply"));

    const confirm = screen.getByTestId("whatif-confirm");
    expect(plain(confirm.textContent)).toContain("Будет проведено корректировок на сумму 2 000 бонусов по 3 партнёрам. Применить?");
    expect(confirm).toHaveTextContent("Проводки будут датированы 01.04.2026; правила запишутся как версия программы с 01.03.2026.");
    expect(callsOf("whatif_apply")).toHaveLength(0);

    await user.click(screen.getByTestId("whatif-confirm-yes"));
    await waitFor(() => expect(callsOf("whatif_apply")).toHaveLength(1));
    expect(callsOf("whatif_apply")[0]).toEqual({
      request: { program: "bitrix24", from: "2026-03-01", to: null, rules: RULES },
      date: "2026-04-01",
    });
    expect(plain((await screen.findByTestId("whatif-applied")).textContent)).toBe(
      "Проведено корректировок: 5 по 3 партнёрам на сумму 2 000 бонусов; правила записаны как версия № 7.",
    );
    expect(screen.queryByTestId("whatif-apply")).toBeNull();
    await waitFor(() => expect(callsOf("program_versions")).toHaveLength(2));
  });

  it("cancelling the confirmation posts nothing; a refusal is shown", async () => {
    const user = userEvent.setup();
    setUp(REPORT, {
      whatif_apply: () => {
        throw { code: "invalid", message: "Дата проводок: раньше первого дня правил", problems: [] };
      },
    });
    const dialog = await openWhatIf(user);
    await within(dialog).findByTestId("whatif-table");
    await user.click(screen.getByTestId("whatif-apply"));
    await user.click(within(screen.getByTestId("whatif-confirm")).getByText("Отмена"));
    expect(screen.queryByTestId("whatif-confirm")).toBeNull();
    expect(callsOf("whatif_apply")).toHaveLength(0);

    await user.click(screen.getByTestId("whatif-apply"));
    await user.click(screen.getByTestId("whatif-confirm-yes"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Дата проводок: раньше первого дня правил");
    expect(screen.queryByTestId("whatif-applied")).toBeNull();
  });

  it("says so when nothing changes", async () => {
    const user = userEvent.setup();
    setUp({ ...REPORT, rows: [], totals: [], discounts: [] });
    await openWhatIf(user);
    expect(await screen.findByTestId("whatif-nothing")).toHaveTextContent("Ничего не изменится");
    expect(screen.queryByTestId("whatif-table")).toBeNull();
  });

  it("shows the discount periods of tele2-ats that would be added or removed", async () => {
    const user = userEvent.setup();
    setUp({
      ...REPORT,
      program: "tele2-ats",
      rows: [],
      totals: [],
      discounts: [
        change({}),
        change({ change: "removed", client: "T-1", role: "inviter", percent: "15", start: "2026-04-01", end: "2026-07-31", invited: 2 }),
        change({ client: "T-1", role: "inviter", percent: null, end: null, sms_package: 500, invited: 3 }),
      ],
    });
    const dialog = await openWhatIf(user, "tele2-ats");
    const table = await within(dialog).findByTestId("whatif-discounts");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("добавится");
    expect(rows[0]).toHaveTextContent("C-1");
    expect(rows[0]).toHaveTextContent("10 %");
    expect(rows[0]).toHaveTextContent("05.03.2026");
    expect(rows[0]).toHaveTextContent("04.06.2026");
    expect(rows[1]).toHaveTextContent("отменится");
    expect(rows[1]).toHaveTextContent("15 %");
    expect(rows[1]).toHaveTextContent("пригласившему");
    expect(plain(rows[2]?.textContent)).toContain("Пакет 500 SMS");
    expect(screen.queryByTestId("whatif-nothing")).toBeNull();

    await user.click(screen.getByTestId("whatif-apply"));
    expect(screen.getByTestId("whatif-confirm")).toHaveTextContent("Периодов скидок добавится: 2, отменится: 1.");
  });
});
