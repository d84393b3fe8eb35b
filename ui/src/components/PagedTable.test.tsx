import { render, screen } from "@testing-library/react";
import type { ColumnDef } from "@tanstack/react-table";
import { Profiler } from "react";
import { describe, expect, it, vi } from "vitest";
import { LangProvider } from "../i18n";
import { PagedTable } from "./PagedTable";
import { usePagedRows } from "./usePagedRows";

type Item = { id: string };
const columns: ColumnDef<Item, string>[] = [{ id: "id", header: "ID", accessorKey: "id" }];

const readPage = async ({ offset, limit }: { offset: number; limit: number }) => ({
  total: 100_000,
  rows: Array.from({ length: limit }, (_, k): Item => ({ id: `row-${offset + k}` })),
});
const ALL = {};

function Table({ onCommit }: { onCommit: () => void }) {
  const paged = usePagedRows(readPage, ALL);
  return (
    <Profiler id="table" onRender={onCommit}>
      <PagedTable label="items" columns={columns} paged={paged} sorting={[]} onSortingChange={() => {}} onOpen={() => {}} />
    </Profiler>
  );
}

describe("PagedTable", () => {
  it("settles once its pages are in: no render loop", async () => {
    const onCommit = vi.fn();
    render(
      <LangProvider lang="ru">
        <Table onCommit={onCommit} />
      </LangProvider>,
    );
    expect(await screen.findByText("row-0")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    const settled = onCommit.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(onCommit.mock.calls.length).toBe(settled);
    expect(settled).toBeLessThan(20);
  });
});
