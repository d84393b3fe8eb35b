import { act, fireEvent, render, screen } from "@testing-library/react";
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

  it("reads a page whose read failed again when it comes into view again, not before", async () => {
    let reads = 0;
    const read = async ({ offset, limit }: Paging) => {
      reads += 1;
      if (reads === 1) throw { code: "busy", message: "Книга занята", problems: [] };
      return { total: 10, rows: Array.from({ length: Math.min(limit, 10) }, (_, k): Item => ({ id: `row-${offset + k}` })) };
    };
    function Scrolled() {
      const paged = usePagedRows(read, ALL);
      return (
        <>
          <div data-testid="first">{paged.error ? paged.error.message : (paged.rowAt(0)?.id ?? "…")}</div>
          <button type="button" onClick={() => paged.ensure(0, 5)}>
            scroll
          </button>
        </>
      );
    }
    render(<Scrolled />);
    expect(await screen.findByText("Книга занята")).toBeInTheDocument();
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(reads).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "scroll" }));
    expect(await screen.findByText("row-0")).toBeInTheDocument();
    expect(reads).toBe(2);
  });
});
