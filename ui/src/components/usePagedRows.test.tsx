import { render, screen } from "@testing-library/react";
import { useCallback, useEffect } from "react";
import { describe, expect, it } from "vitest";
import { BookContext } from "../book";
import { usePagedRows, type PageResult } from "./usePagedRows";

type Item = { id: string };

/** Shows row 0 and row 150 (pages 0 and 1) of a table whose rows say how many times it was read. */
function Rows({ reads }: { reads: number[] }) {
  const fetchPage = useCallback(
    async (offset: number, limit: number): Promise<PageResult<Item>> => {
      reads.push(offset);
      const round = reads.filter((o) => o === offset).length;
      return { total: 1_000, rows: Array.from({ length: limit }, (_, k) => ({ id: `row-${offset + k} read ${round}` })) };
    },
    [reads],
  );
  const paged = usePagedRows<Item>("all", fetchPage);
  const { ensure } = paged;
  useEffect(() => ensure(150, 150), [ensure]);
  return (
    <>
      <div data-testid="first">{paged.rowAt(0)?.id ?? "…"}</div>
      <div data-testid="later">{paged.rowAt(150)?.id ?? "…"}</div>
    </>
  );
}

const inBook = (refresh: number, reads: number[]) => (
  <BookContext.Provider value={{ info: null, programs: [], refresh }}>
    <Rows reads={reads} />
  </BookContext.Provider>
);

describe("usePagedRows", () => {
  it("reads the pages it holds again on a refresh of the book, keeping them shown meanwhile", async () => {
    const reads: number[] = [];
    const { rerender } = render(inBook(0, reads));
    expect(await screen.findByText("row-150 read 1")).toBeInTheDocument();
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 1");
    rerender(inBook(1, reads));
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 1");
    expect(await screen.findByText("row-150 read 2")).toBeInTheDocument();
    expect(screen.getByTestId("first")).toHaveTextContent("row-0 read 2");
    expect([...reads].sort((a, b) => a - b)).toEqual([0, 0, 100, 100]);
  });
});
