import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { partnerCreate } from "../api";
import type { Partner } from "../bindings/Partner";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { PartnerForm } from "./PartnerForm";
import { blankValues } from "./partnerFields";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const invalidInn = {
  code: "invalid",
  message: "Данные партнёра не прошли проверку",
  problems: [
    { code: "inn_checksum", message: "неверное контрольное число", row: null, column: null, field: "inn" },
    { code: "required", message: "обязательное поле", row: null, column: null, field: "name" },
  ],
};

function renderForm() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderInBook(<PartnerForm title="Новый партнёр" initial={blankValues()} save={partnerCreate} onSaved={onSaved} onClose={onClose} />);
  return { onSaved, onClose };
}

describe("PartnerForm", () => {
  beforeEach(() => {
    answer({
      partner_create: () => {
        throw invalidInn;
      },
    });
  });

  it("shows each problem of an invalid answer under its field and stays open with the values", async () => {
    const user = userEvent.setup();
    const { onSaved, onClose } = renderForm();
    await user.type(screen.getByRole("textbox", { name: "ID партнёра" }), "P-17");
    await user.selectOptions(screen.getByRole("combobox", { name: "Программа" }), "bitrix24");
    await user.type(screen.getByRole("textbox", { name: "ИНН" }), "7707083894");
    await user.click(screen.getByTestId("partner-save"));

    expect(await screen.findByTestId("error-inn")).toHaveTextContent("ИНН: неверное контрольное число");
    expect(screen.getByTestId("error-name")).toHaveTextContent("Наименование: обязательное поле");
    expect(screen.getByRole("textbox", { name: "ИНН" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("error-kpp")).toBeNull();
    // Still open, values kept, nothing else happened.
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "ИНН" })).toHaveValue("7707083894");
    expect(screen.getByRole("textbox", { name: "ID партнёра" })).toHaveValue("P-17");
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    // What was sent: every field as typed, the checkbox as "no", the kind and status defaults.
    const [args] = callsOf("partner_create");
    expect(args?.input).toMatchObject({ partner_id: "P-17", program: "bitrix24", inn: "7707083894", kind: "ooo", status: "active", vat_payer: "no", code: "" });
  });

  it("submits on Enter and reports the saved partner", async () => {
    const saved = { partner_id: "P-17", name: "ООО Ромашка" } as Partner;
    answer({ partner_create: () => saved });
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    await user.type(screen.getByRole("textbox", { name: "Наименование" }), "ООО Ромашка{Enter}");
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(callsOf("partner_create")[0]?.input).toMatchObject({ name: "ООО Ромашка" });
  });

  it("sends vat_payer as yes when ticked", async () => {
    answer({ partner_create: () => ({ partner_id: "P-1" }) });
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole("checkbox", { name: "Плательщик НДС" }));
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(callsOf("partner_create")).toHaveLength(1));
    expect(callsOf("partner_create")[0]?.input).toMatchObject({ vat_payer: "yes" });
  });

  it("closes on Esc", () => {
    const { onClose } = renderForm();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("shows a refusal that is not about a field at the top and stays open", async () => {
    answer({
      partner_create: () => {
        throw { code: "duplicate", message: "Партнёр P-17 уже есть в книге", problems: [] };
      },
    });
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    await user.click(screen.getByTestId("partner-save"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Партнёр P-17 уже есть в книге");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
