import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SignedImport } from "../bindings/SignedImport";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { ActDialog } from "./ActDialog";
import { ActsScreen } from "./ActsScreen";
import { actRow, DOC, page, SELLER_SIGNATURE } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

/** The drop handler the acts screen registers on the window, to drop files on it. */
const drop = vi.hoisted(() => ({ handler: null as null | ((e: { payload: { type: string; paths: string[] } }) => void) }));
vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: (handler: typeof drop.handler) => {
      drop.handler = handler;
      return Promise.resolve(() => {});
    },
  }),
}));

const ZIP = "/home/anna/Загрузки/2026-0001-signed.zip";
const DONE: SignedImport = { act: "2026-0001", status_before: "draft", status: "sent", added: [SELLER_SIGNATURE], signatures: [SELLER_SIGNATURE] };

describe("a signed package from EDO", () => {
  it("loads from «Загрузить подписанный пакет» with a typed path and shows who signed", async () => {
    const user = userEvent.setup();
    answer({ acts_page: () => page([actRow("2026-0001")]), import_signed_package: () => DONE });
    renderInBook(<ActsScreen />);
    await user.click(await screen.findByTestId("acts-signed-package-open"));
    await user.type(screen.getByTestId("signed-package-path"), ZIP);
    await user.click(screen.getByTestId("signed-package-load"));
    const done = await screen.findByTestId("signed-package-done");
    expect(callsOf("import_signed_package")).toEqual([{ path: ZIP }]);
    expect(done).toHaveTextContent("Акт № 2026-0001: подписей добавлено — 1.");
    const stamp = within(done).getByTestId("act-signature-seller");
    expect(stamp).toHaveTextContent("Исполнитель (партнёр)");
    expect(stamp).toHaveTextContent("Петров Пётр Петрович · ООО «Альфа»");
    expect(stamp).toHaveTextContent("73EB6DA7BC24A3CEF5431A7DD3E8A0A40FB4ADDF");
    expect(stamp).toHaveTextContent("Действителен с 05.12.2026 по 04.01.2027");
    expect(within(stamp).getByTestId("signature-signed-at")).toHaveTextContent("Подписан 05.12.2026 12:36 (МСК)");
    await waitFor(() => expect(callsOf("acts_page").length).toBeGreaterThan(1));
  });

  it("a zip dropped on the window is loaded at once; a refusal says why", async () => {
    answer({
      acts_page: () => page([actRow("2026-0001")]),
      import_signed_package: () => {
        throw { code: "edo_title_changed", message: "XML отличается от того, что книга сделала для акта № 2026-0001", problems: [] };
      },
    });
    renderInBook(<ActsScreen />);
    await screen.findByTestId("acts-signed-package-open");
    await waitFor(() => expect(drop.handler).not.toBeNull());
    act(() => drop.handler?.({ payload: { type: "drop", paths: ["/home/anna/notes.txt", ZIP] } }));
    await waitFor(() => expect(screen.getByTestId("signed-package-error")).toHaveTextContent("XML отличается от того, что книга сделала"));
    expect(callsOf("import_signed_package")).toEqual([{ path: ZIP }]);
    expect(screen.getByTestId("signed-package-path")).toHaveValue(ZIP);
    expect(screen.queryByTestId("signed-package-done")).not.toBeInTheDocument();
  });

  it("the act's dialog lists its signatures and saves the signed act", async () => {
    const user = userEvent.setup();
    answer({
      acts_page: () => page([actRow("2026-0001", { status: "sent" })]),
      act_preview: () => ({ ...DOC, signatures: [SELLER_SIGNATURE] }),
      save_signed_act: () => "/home/anna/act-2026-0001-signed.pdf",
    });
    renderInBook(<ActDialog act="1" onClose={() => {}} onChanged={() => {}} />);
    const signatures = await screen.findByTestId("act-signatures");
    expect(signatures).toHaveTextContent("Петров Пётр Петрович");
    const stamp = screen.getByTestId("act-preview-stamp-seller");
    expect(stamp).toHaveTextContent("Документ подписан электронной подписью");
    expect(stamp).toHaveTextContent("Подписан: 05.12.2026 12:36 (МСК)");
    expect(screen.queryByTestId("act-preview-stamp-buyer")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("act-save-signed"));
    expect(await screen.findByTestId("act-saved")).toHaveTextContent("/home/anna/act-2026-0001-signed.pdf");
    expect(callsOf("save_signed_act")).toEqual([{ act: "1" }]);
  });

  it("an act without signatures offers to load its package, not to save a signed act", async () => {
    answer({ acts_page: () => page([actRow("2026-0001")]), act_preview: () => DOC });
    renderInBook(<ActDialog act="1" onClose={() => {}} onChanged={() => {}} />);
    expect(await screen.findByTestId("act-signatures-none")).toHaveTextContent("Подписанный пакет из ЭДО не загружен.");
    expect(screen.getByTestId("act-load-package")).toBeInTheDocument();
    expect(screen.queryByTestId("act-save-signed")).not.toBeInTheDocument();
  });
});
