import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { VendorForm } from "./VendorForm";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

describe("the vendor form", () => {
  it("has БИК and расчётный счёт, and shows their problems under them", async () => {
    const user = userEvent.setup();
    answer({
      vendor_get: () => ({ name: "ООО «Вендор»", inn: "7736207543" }),
      vendor_set: () => {
        throw {
          code: "invalid",
          message: "Реквизиты не сохранены",
          problems: [{ code: "bad_account", message: "счёт не сходится с БИК по контрольному ключу", row: null, column: null, field: "account" }],
        };
      },
    });
    renderInBook(<VendorForm />);
    await user.type(await screen.findByLabelText("БИК"), "044525225");
    await user.type(screen.getByLabelText("Расчётный счёт"), "40702810000000000001");
    await user.click(screen.getByTestId("vendor-save"));
    expect(await screen.findByTestId("error-account")).toHaveTextContent("Расчётный счёт: счёт не сходится с БИК");
    await waitFor(() => expect(callsOf("vendor_set")).toHaveLength(1));
    expect(callsOf("vendor_set")[0]?.vendor).toMatchObject({ bik: "044525225", account: "40702810000000000001" });
  });
});
