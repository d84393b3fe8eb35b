import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answer, callsOf } from "../test/ipc";
import { renderInBook } from "../test/render";
import { BackupsList } from "./BackupsList";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const row = (name: string, taken_at: string, reason: string, label: string, bytes: number) => ({
  path: `/data/backups/${name}`,
  name,
  taken_at,
  reason,
  label,
  bytes,
});

/** The `i`-th of the rows found (the test fails when there is none). */
function nth(rows: HTMLElement[], i: number): HTMLElement {
  const row = rows[i];
  if (!row) throw new Error(`no row ${i} of ${rows.length}`);
  return row;
}

const BATCH = row("book-20260331-181500-before-acts-batch.sqlite", "2026-03-31T18:15:00", "before-acts-batch", "перед актами за месяц", 2_560_000);
const IMPORT = row("book-20260302-090501-before-import-billing.sqlite", "2026-03-02T09:05:01", "before-import-billing", "перед импортом биллинга", 300);

describe("the book's backups on the settings screen", () => {
  it("lists when (ДД.ММ.ГГГГ ЧЧ:ММ), before what and the size; restores only after a confirmation", async () => {
    const user = userEvent.setup();
    const restored = vi.fn();
    answer({
      book_backups: () => ({ kind: "files", folder: "/data/backups", files: [BATCH, IMPORT] }),
      book_restore: ({ path }) => ({ restored: path, safety: row("book-20260401-100000-before-restore.sqlite", "2026-04-01T10:00:00", "before-restore", "перед восстановлением копии", 2_600_000) }),
    });
    renderInBook(<BackupsList onRestored={restored} />);
    const rows = await screen.findAllByTestId("backup-row");
    expect(rows.map((r) => Array.from(r.querySelectorAll("td")).slice(0, 3).map((c) => c.textContent?.replace(/\s/g, " ")))).toEqual([
      ["31.03.2026 18:15", "перед актами за месяц", "2 500 КБ"],
      ["02.03.2026 09:05", "перед импортом биллинга", "1 КБ"],
    ]);

    // Cancelled: nothing restored.
    await user.click(within(nth(rows, 1)).getByTestId("backup-restore"));
    expect(screen.getByTestId("restore-question")).toHaveTextContent("Заменить книгу копией от 02.03.2026 09:05 (перед импортом биллинга)?");
    await user.click(screen.getByTestId("restore-no"));
    expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument();
    expect(callsOf("book_restore")).toHaveLength(0);

    // Confirmed: the dialog said the book is kept as a backup first; the chosen file is restored.
    await user.click(within(nth(rows, 0)).getByTestId("backup-restore"));
    expect(screen.getByTestId("restore-confirm")).toHaveTextContent("сначала сохраняется как копия");
    await user.click(screen.getByTestId("restore-yes"));
    await waitFor(() => expect(restored).toHaveBeenCalledTimes(1));
    expect(callsOf("book_restore")).toEqual([{ path: BATCH.path }]);
    expect(screen.queryByTestId("restore-confirm")).not.toBeInTheDocument();
  });

  it("takes a backup now and lists it; a refused restore is said and nothing else happens", async () => {
    const user = userEvent.setup();
    const restored = vi.fn();
    let files = [IMPORT];
    answer({
      book_backups: () => ({ kind: "files", folder: "/data/backups", files }),
      book_backup_now: () => {
        const made = row("book-20260401-120000-manual.sqlite", "2026-04-01T12:00:00", "manual", "сделана вручную", 4096);
        files = [made, ...files];
        return made;
      },
      book_restore: () => {
        throw { code: "book_busy", message: "Книга занята: anna импортирует billing.csv (с 10:02:03).", problems: [] };
      },
    });
    renderInBook(<BackupsList onRestored={restored} />);
    expect(await screen.findAllByTestId("backup-row")).toHaveLength(1);
    await user.click(screen.getByTestId("backup-now"));
    await waitFor(() => expect(screen.getAllByTestId("backup-row")).toHaveLength(2));
    expect(screen.getAllByTestId("backup-row")[0]).toHaveTextContent("01.04.2026 12:00сделана вручную4 КБ");

    await user.click(within(nth(screen.getAllByTestId("backup-row"), 1)).getByTestId("backup-restore"));
    await user.click(screen.getByTestId("restore-yes"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Книга занята: anna импортирует billing.csv");
    expect(restored).not.toHaveBeenCalled();
  });

  it("says a server book's backups are the server's, with no buttons", async () => {
    answer({ book_backups: () => ({ kind: "server" }) });
    renderInBook(<BackupsList onRestored={() => {}} />);
    expect(await screen.findByTestId("settings-backups")).toHaveTextContent("pg_dump");
    expect(screen.queryByTestId("backup-now")).not.toBeInTheDocument();
  });
});
