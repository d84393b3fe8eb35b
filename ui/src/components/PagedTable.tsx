import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useI18n } from "../i18n";
import type { PagedRows } from "./usePagedRows";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** A CSS grid track: `90px`, `minmax(200px, 3fr)`. */
    width?: string;
    align?: "right";
  }
}

const ROW_HEIGHT = 28;

type Props<Row extends object> = {
  label: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
  columns: ColumnDef<Row, any>[];
  paged: PagedRows<Row>;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onOpen: (row: Row) => void;
  testId?: string;
  /** What the table says when it has no rows (what to do next); «Нет строк» when not given. */
  empty?: ReactNode;
};

/**
 * A server-paged table: TanStack Table for columns and sort headers (sorting is done by the
 * server), TanStack Virtual for the rows, so 100 000 rows scroll as smoothly as 100.
 * ↑/↓/PgUp/PgDn/Home/End move the current row, Enter opens it.
 */
export function PagedTable<Row extends object>({ label, columns, paged, sorting, onSortingChange, onOpen, testId, empty }: Props<Row>) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // The current row (keyboard); a new query starts again at the top.
  const [active, setActive] = useState({ key: paged.key, index: 0 });
  const count = paged.total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure, rowAt, key } = paged;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [ensure, first, last]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [key, virtualizer]);

  // The table holds only the rows in view; their ids are their indexes in the whole result.
  // `data` must keep its identity between renders that change nothing (TanStack Table's rule).
  const inView = useMemo(
    () =>
      items.flatMap((item) => {
        const row = rowAt(item.index);
        return row === undefined ? [] : [{ index: item.index, row }];
      }),
    [items, rowAt],
  );
  const data = useMemo(() => inView.map((w) => w.row), [inView]);
  const indexOf = useMemo(() => new Map(inView.map((w) => [w.row, w.index])), [inView]);
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(indexOf.get(row)),
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
  });
  const byIndex = table.getRowModel().rowsById;
  const template = useMemo(() => columns.map((c) => c.meta?.width ?? "1fr").join(" "), [columns]);

  const activeIndex = active.key === key ? Math.min(active.index, Math.max(count - 1, 0)) : 0;
  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive({ key, index: next });
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) move(activeIndex + (steps[e.key] ?? 0));
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(count - 1);
    else if (e.key === "Enter") {
      const row = rowAt(activeIndex);
      if (row !== undefined) onOpen(row);
    } else return;
    e.preventDefault();
  };

  return (
    <div className="paged-table" role="grid" aria-label={label} aria-rowcount={count + 1} data-testid={testId}>
      {table.getHeaderGroups().map((group) => (
        <div key={group.id} role="row" className="grid-row grid-head" style={{ gridTemplateColumns: template }}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const canSort = header.column.getCanSort();
            const content = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <div
                key={header.id}
                role="columnheader"
                className={header.column.columnDef.meta?.align === "right" ? "cell right" : "cell"}
                aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
              >
                {canSort ? (
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    {content}
                    <span className="sort-mark" aria-hidden>
                      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                    </span>
                  </button>
                ) : (
                  content
                )}
              </div>
            );
          })}
        </div>
      ))}
      <div ref={scroller} className="grid-body" role="rowgroup" tabIndex={0} onKeyDown={onKeyDown}>
        {paged.error && <div className="error-banner" role="alert">{t("common.loadFailed", { message: paged.error.message })}</div>}
        {paged.total === 0 && <div className="muted grid-empty">{empty ?? t("common.empty")}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = byIndex[String(item.index)];
            const className = item.index === activeIndex ? "grid-row active" : "grid-row";
            const style = { gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            if (!row) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={`${className} loading`} style={style}>
                  <div className="cell muted">…</div>
                </div>
              );
            }
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === activeIndex}
                className={className}
                style={style}
                onClick={() => {
                  setActive({ key, index: item.index });
                  onOpen(row.original);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={cell.column.columnDef.meta?.align === "right" ? "cell right" : "cell"}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
