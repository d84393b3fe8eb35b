import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActQuery } from "../bindings/ActQuery";
import type { ActRow } from "../bindings/ActRow";
import { todayIso } from "../format";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ActDialog } from "./ActDialog";
import { ActsScreen } from "./ActsScreen";
import { DOC, ROWS, actRow, page } from "./fixtures";
import { showDay } from "../dateText";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const plain = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

/** `acts_page` over `rows`, filtering by act and status as the core does. */
const actsPage = (rows: ActRow[]) => (args: Record<string, unknown>) => {
  const q = args.query as ActQuery;
  return page(rows.filter((r) => (!q.act || r.act === q.act) && (!q.status || r.status === q.status) && (!q.overdue || r.overdue)));
};

describe("the acts table", () => {
  beforeEach(() => {
    answer({ acts_page: actsPage(ROWS) });
  });

  it("shows each act's state as a label, the overdue one in red, totals per currency", async () => {
    renderInBook(<ActsScreen />);
    const overdue = await screen.findByTestId("act-row-2026-0003");
    expect(overdue).toHaveAttribute("data-overdue", "true");
    expect(overdue).toHaveClass("overdue");
    expect(within(overdue).getByText("подписан")).toHaveClass("label-act-signed");
    expect(overdue.querySelector('[data-col="pay_due"]')).toHaveClass("late");
    expect(screen.getByTestId("act-row-2026-0004")).toHaveAttribute("data-overdue", "false");
    expect(within(screen.getByTestId("act-row-2026-0004")).getByText("оплачен")).toBeInTheDocument();
    expect(within(screen.getByTestId("act-row-2026-0002")).getByText("отправлен")).toBeInTheDocument();
    expect(within(screen.getByTestId("act-row-2026-0001")).getByText("отклонён")).toBeInTheDocument();
    const sent = screen.getByTestId("act-row-2026-0002");
    expect(plain(sent.querySelector('[data-col="money"]')?.textContent ?? null)).toBe("75 000 ₸");
    expect(plain(sent.querySelector('[data-col="sign_due"]')?.textContent ?? null)).toBe("16.03.2026");
    expect(plain(screen.getByTestId("acts-total-RUB").textContent)).toContain("18 000 ₽");
    expect(plain(screen.getByTestId("acts-total-KZT").textContent)).toContain("75 000 ₸");
  });

  it("sends the chosen state, overdue and month as the query", async () => {
    const user = userEvent.setup();
    renderInBook(<ActsScreen />);
    await screen.findByTestId("act-row-2026-0003");
    await user.click(screen.getByRole("button", { name: "подписан" }));
    await waitFor(() => expect(screen.queryByTestId("act-row-2026-0004")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("acts-overdue"));
    fireEvent.change(screen.getByTestId("acts-month"), { target: { value: "2026-03" } });
    await waitFor(() =>
      expect(callsOf("acts_page").at(-1)?.query).toEqual({ status: "signed", overdue: true, month: "2026-03", offset: 0, limit: 100 }),
    );
    expect(screen.getByTestId("act-row-2026-0003")).toBeInTheDocument();
  });

  it("takes the month typed as ММ.ГГГГ", async () => {
    const user = userEvent.setup();
    renderInBook(<ActsScreen />);
    await screen.findByTestId("act-row-2026-0003");
    await user.type(screen.getByTestId("acts-month"), "3.2026");
    await waitFor(() => expect(callsOf("acts_page").at(-1)?.query).toEqual({ month: "2026-03", offset: 0, limit: 100 }));
  });

  it("has the core sort by a header and search by number or partner", async () => {
    const user = userEvent.setup();
    renderInBook(<ActsScreen />);
    await screen.findByTestId("act-row-2026-0003");
    await user.click(screen.getByTestId("acts-sort-amount"));
    await waitFor(() => expect(callsOf("acts_page").at(-1)?.query).toEqual({ sort: "amount", descending: false, offset: 0, limit: 100 }));
    expect(screen.getByTestId("acts-sort-amount").closest("th")).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByTestId("acts-sort-amount"));
    await waitFor(() => expect(callsOf("acts_page").at(-1)?.query).toEqual({ sort: "amount", descending: true, offset: 0, limit: 100 }));
    expect(screen.getByTestId("acts-sort-amount").closest("th")).toHaveAttribute("aria-sort", "descending");
    await user.click(screen.getByTestId("acts-sort-partner"));
    await user.type(screen.getByTestId("acts-search"), " асель ");
    await waitFor(() =>
      expect(callsOf("acts_page").at(-1)?.query).toEqual({ sort: "partner", descending: false, search: "асель", offset: 0, limit: 100 }),
    );
  });
});

describe("the act dialog", () => {
  const open = (row: ActRow) => {
    answer({
      acts_page: actsPage([row]),
      act_preview: () => ({ ...DOC, number: row.number, vat: row.vat ? { rate: row.vat_rate ?? "22", amount: row.vat } : null }),
      act_step: () => ({ act: row.act, number: row.number, status: "sent" }),
      save_act: ({ format }) => (format === "pdf" ? "/home/anna/act-2026-0001.pdf" : null),
    });
    return renderInBook(<ActDialog act={row.act} onClose={() => {}} onChanged={() => {}} />);
  };
  const steps = () =>
    ["send", "sign", "reject", "pay"].filter((s) => screen.queryByTestId(`act-step-${s}`) !== null);

  it("shows the act as paper: title, parties, basis, sums, words, signatures", async () => {
    open(actRow("2026-0001"));
    const paper = await screen.findByTestId("act-preview");
    expect(within(paper).getByRole("heading", { name: "Акт № 2026-0001 от 10.03.2026" })).toBeInTheDocument();
    expect(screen.getByTestId("act-preview-seller")).toHaveTextContent("ООО «Альфа», ИНН 7707083893, КПП 773601001, ОГРН 1027700132195");
    expect(screen.getByTestId("act-preview-buyer")).toHaveTextContent("ООО «Вендор», ИНН 7736207543");
    expect(paper).toHaveTextContent("Договор № Д-1 от 15.01.2025");
    expect(plain(screen.getByTestId("act-preview-amount").textContent)).toBe("6 000,00");
    expect(screen.getByTestId("act-preview-vat")).toHaveTextContent("Без налога (НДС)");
    expect(screen.getByTestId("act-preview-words")).toHaveTextContent("Шесть тысяч рублей 00 копеек");
    expect(paper).toHaveTextContent("Петров Пётр Петрович");
    expect(paper).toHaveTextContent("Иванова Анна Сергеевна");
  });

  it("offers only the steps the state allows, and the invoice only with VAT", async () => {
    let view = open(actRow("2026-0001"));
    await screen.findByTestId("act-state");
    expect(steps()).toEqual(["send", "reject"]);
    expect(screen.queryByTestId("act-save-invoice")).not.toBeInTheDocument();
    view.unmount();

    view = open(actRow("2026-0002", { status: "sent", sent: "2026-03-11", sign_due: "2026-03-16" }));
    await screen.findByTestId("act-state");
    expect(steps()).toEqual(["sign", "reject"]);
    view.unmount();

    view = open(actRow("2026-0003", { status: "signed", vat_rate: "22", vat: "1081.97" }));
    await screen.findByTestId("act-state");
    expect(steps()).toEqual(["pay"]);
    expect(screen.getByTestId("act-save-invoice")).toBeInTheDocument();
    expect(plain(screen.getByTestId("act-preview-vat").textContent)).toBe("1 081,97");
    view.unmount();

    for (const status of ["paid", "rejected"] as const) {
      view = open(actRow("2026-0004", { status }));
      await screen.findByTestId("act-state");
      expect(steps()).toEqual([]);
      expect(screen.getByText("Акт в конечном состоянии: действий больше нет.")).toBeInTheDocument();
      view.unmount();
    }
  });

  it("sends with the day given, and asks a rejection's reason first", async () => {
    const user = userEvent.setup();
    open(actRow("2026-0001"));
    const date = await screen.findByTestId("act-date-send");
    expect(date).toHaveValue(showDay(todayIso(), "ru"));
    await user.clear(date);
    await user.type(date, "11.03.2026");
    await user.click(screen.getByTestId("act-step-send"));
    await waitFor(() => expect(callsOf("act_step")).toEqual([{ act: "1", step: "send", date: "2026-03-11" }]));

    await user.click(screen.getByTestId("act-step-reject"));
    expect(screen.queryByTestId("act-step-reject")).not.toBeInTheDocument();
    await user.type(screen.getByTestId("act-reject-reason"), "нет подписи");
    await user.click(screen.getByTestId("act-reject-confirm"));
    await waitFor(() => expect(callsOf("act_step")[1]).toEqual({ act: "1", step: "reject", date: todayIso(), reason: "нет подписи" }));
  });

  it("shows a refusal under the step, and the saved path (nothing on cancel)", async () => {
    const user = userEvent.setup();
    open(actRow("2026-0001"));
    answer({
      acts_page: actsPage([actRow("2026-0001")]),
      act_preview: () => DOC,
      act_step: () => {
        throw { code: "act_date_order", message: "Дата 01.03.2026 раньше, чем предыдущий шаг акта № 2026-0001 (10.03.2026)", problems: [] };
      },
      save_act: ({ format }) => (format === "pdf" ? "/home/anna/act-2026-0001.pdf" : null),
    });
    await user.click(await screen.findByTestId("act-step-send"));
    expect(await screen.findByTestId("act-step-error")).toHaveTextContent("раньше, чем предыдущий шаг");

    await user.click(screen.getByTestId("act-save-xml"));
    await waitFor(() => expect(callsOf("save_act")).toHaveLength(1));
    expect(screen.queryByTestId("act-saved")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("act-save-pdf"));
    expect(await screen.findByTestId("act-saved")).toHaveTextContent("/home/anna/act-2026-0001.pdf");
    expect(callsOf("save_act")[1]).toEqual({ act: "1", format: "pdf" });
  });
});
