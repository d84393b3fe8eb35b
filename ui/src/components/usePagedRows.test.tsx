import { act, render, screen } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { queryCache } from "../query/cache";
import { usePagedRows, type Paging } from "./usePagedRows";

type Item = { id: string };

/** A table of 1 000 rows whose rows say how many times their page was read. */
function table(reads: number[]) {
  return async ({ offset, limit }: Paging) => {
    reads.push(offset);
    const round = reads.filter((o) => o === offset).length;
    return { total: 1_000, rows: Array.from({ length: limit }, (_, k): Item => ({ id: `row-${offset + k} read ${round}` })) };
  };
}

/** Shows row 0 and row 150 (pages 0 and 1). */
function Rows({ read }: { read: (q: Paging) => Promise<{ total: number; rows: Item[] }> }) {
  const paged = usePagedRows(read, ALL);
  const { ensure } = paged;
  useEffect(() => ensure(150, 150), [ensure]);
  return (
    <>
      <div data-testid="first">{paged.rowAt(0)?.id ?? "…"}</div>
      <div data-testid="later">{paged.rowAt(150)?.id ?? "…"}</div>
    </>
  );
}
const ALL = {};

describe("usePagedRows", () => {
  it("reads the pages it holds again when the book changes, keeping them shown meanwhile", async () => {
    const reads: number[] = [];
    render(<Rows read={table(reads)} />);
    expect(await screen.findByText("row-150 read 1")).toBeInTheDocument();
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 1");
    act(() => queryCache.invalidate());
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 1");
    expect(await screen.findByText("row-150 read 2")).toBeInTheDocument();
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 2");
    expect([...reads].sort((a, b) => a - b)).toEqual([0, 0, 100, 100]);
  });

  it("shows a table shown again from the cache at once, while its pages are read again", async () => {
    const reads: number[] = [];
    const read = table(reads);
    const { unmount } = render(<Rows read={read} />);
    expect(await screen.findByText("row-150 read 1")).toBeInTheDocument();
    unmount();
    render(<Rows read={read} />);
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 1");
    expect(await screen.findByText("row-150 read 2")).toBeInTheDocument();
  });
});
