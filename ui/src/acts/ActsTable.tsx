import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { actsPage } from "../api";
import type { ActQuery } from "../bindings/ActQuery";
import type { ActRow } from "../bindings/ActRow";
import type { ActSort } from "../bindings/ActSort";
import type { ActTotal } from "../bindings/ActTotal";
import { useBook } from "../book";
import { EmptyState } from "../components/EmptyState";
import { ExportButton } from "../components/ExportButton";
import { usePagedRows } from "../components/usePagedRows";
import { formatCount, formatDate, formatMoney, unitLabel } from "../format";
import { programName, useI18n, type MessageKey } from "../i18n";
import { ActStatusLabel } from "./ActStatusLabel";

const ROW_HEIGHT = 28;

type Column = {
  key: string;
  header: MessageKey;
  cell: (row: ActRow) => ReactNode;
  className?: string;
  /** `data-value` of the cell: the decimal string a test reads. */
  value?: (row: ActRow) => string;
  /** The core's order this column's header sorts by. */
  sort?: ActSort;
};

/** The acts a query matches, as the filters ask; `offset`/`limit` are the table's. */
export type ActFilter = Omit<ActQuery, "offset" | "limit">;

/**
 * Acts, newest first unless a header sorts them (the core sorts and searches), paged from the shell as they scroll into view: number, date, partner,
 * program, the amount in the program's unit and the money owed, the state, the two deadlines
 * and the payment. An overdue act's row is red (`data-overdue="true"`); under the rows, the
 * money of every act matched per currency. A click or Enter opens the act. «Экспорт в XLSX» saves
 * every act the filter matches, as shown.
 */
export function ActsTable(props: {
  filter: ActFilter;
  onOpen: (act: ActRow) => void;
  /** Without the partner's columns (on the partner's own card). */
  compact?: boolean;
  /** A click on a sortable header: the core sorts by that column (again: the other way). */
  onSort?: (sort: ActSort, descending: boolean) => void;
  /** What to do when there are no acts at all (the month's batch), offered by the empty table. */
  onBatch?: () => void;
}) {
  const { filter, onOpen, compact, onSort, onBatch } = props;
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const paged = usePagedRows(actsPage, filter);
  const count = paged.total ?? 0;
  const date = (d: string | null) => formatDate(d, lang);

  const columns: Column[] = [
    { key: "number", header: "col.actNumber", cell: (r) => r.number, sort: "number" },
    { key: "date", header: "col.date", cell: (r) => date(r.date), sort: "date" },
    ...(compact
      ? []
      : [
          { key: "partner", header: "col.partner", cell: (r: ActRow) => r.partner } as Column,
          { key: "name", header: "col.name", cell: (r: ActRow) => r.name, className: "ellipsis", sort: "partner" } as Column,
        ]),
    { key: "program", header: "col.program", cell: (r) => programName(programs, r.program, lang), className: "ellipsis" },
    { key: "amount", header: "col.amount", cell: (r) => formatMoney(r.amount, r.unit, lang), className: "right money", value: (r) => r.amount },
    {
      key: "money",
      header: "col.money",
      cell: (r) => formatMoney(r.money, r.currency, lang),
      className: "right money",
      value: (r) => r.money,
      sort: "amount",
    },
    { key: "status", header: "col.status", cell: (r) => <ActStatusLabel status={r.status} />, sort: "status" },
    {
      key: "sign_due",
      header: "col.signDue",
      cell: (r) => date(r.sign_due),
      className: "due",
    },
    { key: "pay_due", header: "col.payDue", cell: (r) => date(r.pay_due), className: "due" },
    { key: "paid", header: "col.paid", cell: (r) => date(r.paid) },
  ];
  const moneyAt = columns.findIndex((c) => c.key === "money");

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
  const { ensure, rowAt } = paged;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [ensure, first, last]);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const current = Math.min(active, Math.max(count - 1, 0));

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) move(current + (steps[e.key] ?? 0));
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(count - 1);
    else if (e.key === "Enter") {
      const row = rowAt(current);
      if (row) onOpen(row);
    } else return;
    e.preventDefault();
  };

  const shownTotals: ActTotal[] = paged.head?.totals ?? [];
  return (
    <div className="acts-table">
      <div className="toolbar">
        <div className="found" aria-live="polite" data-testid="acts-found">
          {paged.total !== null && t("common.found", { n: formatCount(paged.total, lang) })}
        </div>
        <ExportButton table={{ kind: "acts", query: filter }} testId="acts-export" />
      </div>
      {paged.error && (
        <div className="error-banner" role="alert">
          {t("common.loadFailed", { message: paged.error.message })}
        </div>
      )}
      <div ref={scroller} className="table-scroll" tabIndex={0} onKeyDown={onKeyDown} aria-label={t("acts.tab.acts")}>
        <table className="simple-table sticky-table" data-testid="acts-table">
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = c.sort !== undefined && filter.sort === c.sort;
                const descending = filter.descending === true;
                return (
                  <th
                    key={c.key}
                    className={c.className?.includes("right") ? "right" : undefined}
                    aria-sort={sorted ? (descending ? "descending" : "ascending") : undefined}
                  >
                    {c.sort && onSort ? (
                      <button
                        type="button"
                        className="sort-button"
                        data-testid={`acts-sort-${c.sort}`}
                        onClick={() => onSort(c.sort as ActSort, sorted ? !descending : false)}
                      >
                        {t(c.header)}
                        <span className="sort-mark" aria-hidden>
                          {sorted ? (descending ? "▼" : "▲") : ""}
                        </span>
                      </button>
                    ) : (
                      t(c.header)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paged.total === 0 && (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {filter.search || filter.status || filter.program || filter.month || filter.overdue ? (
                    <EmptyState text={t("empty.filtered")} testId="acts-empty" />
                  ) : compact ? (
                    <EmptyState text={t("empty.partnerActs")} testId="acts-empty" />
                  ) : (
                    <EmptyState
                      text={t("empty.acts")}
                      action={onBatch ? { label: t("batch.open"), onClick: onBatch } : undefined}
                      testId="acts-empty"
                    />
                  )}
                </td>
              </tr>
            )}
            {before > 0 && (
              <tr aria-hidden style={{ height: before }}>
                <td colSpan={columns.length} />
              </tr>
            )}
            {items.map((item) => {
              const r = rowAt(item.index);
              if (!r) {
                return (
                  <tr key={item.key} className="loading" style={{ height: ROW_HEIGHT }}>
                    <td colSpan={columns.length} className="muted">
                      …
                    </td>
                  </tr>
                );
              }
              const classes = ["clickable", item.index === current ? "active" : "", r.overdue ? "overdue" : ""];
              return (
                <tr
                  key={r.act}
                  data-testid={`act-row-${r.number}`}
                  data-act={r.act}
                  data-status={r.status}
                  data-overdue={String(r.overdue)}
                  className={classes.filter(Boolean).join(" ")}
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => {
                    setActive(item.index);
                    onOpen(r);
                  }}
                >
                  {columns.map((c) => {
                    const late =
                      r.overdue && ((c.key === "sign_due" && r.status === "sent") || (c.key === "pay_due" && r.status === "signed"));
                    return (
                      <td
                        key={c.key}
                        data-col={c.key}
                        data-value={c.value?.(r)}
                        className={[c.className, late ? "late" : ""].filter(Boolean).join(" ") || undefined}
                        title={c.key === "name" ? r.name : undefined}
                      >
                        {c.cell(r)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {after > 0 && (
              <tr aria-hidden style={{ height: after }}>
                <td colSpan={columns.length} />
              </tr>
            )}
          </tbody>
          <tfoot>
            {shownTotals.map((total) => (
              <tr key={total.currency} className="totals" data-testid={`acts-total-${total.currency}`}>
                <th scope="row" colSpan={moneyAt}>
                  {t("acts.total", { unit: unitLabel(total.currency, lang), n: formatCount(total.count, lang) })}
                </th>
                <td className="right money" data-col="money" data-value={total.money}>
                  {formatMoney(total.money, total.currency, lang)}
                </td>
                <td colSpan={columns.length - moneyAt - 1} />
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </div>
  );
}
