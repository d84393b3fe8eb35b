import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState, type KeyboardEvent } from "react";
import type { BalanceSort } from "../bindings/BalanceSort";
import type { BalanceTable } from "../bindings/BalanceTable";
import { useBook } from "../book";
import { formatMoney, toMinor, unitLabel } from "../format";
import { EmptyState } from "../components/EmptyState";
import { programName, useI18n } from "../i18n";
import { useGo } from "../navigation";
import { BALANCE_COLUMNS, BALANCE_LABELS } from "./ledgerLabels";

const ROW_HEIGHT = 28;

/** The column the balances are sorted by, and which way: what the export is sent too. */
export type BalancesSorting = { key: BalanceSort; desc: boolean };
export const BY_PARTNER: BalancesSorting = { key: "partner", desc: false };

/**
 * Balances, one row per partner: sortable headers, money right-aligned in its unit, a totals
 * row per unit under them. The core sorts the rows (text in the natural order, money by
 * amount) and sums the totals; rows scroll virtually; a click or Enter opens the partner's ledger.
 */
export function BalancesTable(props: {
  table: BalanceTable;
  onOpen: (partner: string) => void;
  sort: BalancesSorting;
  onSort: (sort: BalancesSorting) => void;
  /** The rows are a search's: an empty table says to change it. */
  searched?: boolean;
}) {
  const { table, onOpen, sort, onSort, searched } = props;
  const go = useGo();
  const sorted = table.rows;
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);


  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const current = Math.min(active, Math.max(sorted.length - 1, 0));

  const sortBy = (key: BalanceSort) => onSort({ key, desc: sort.key === key ? !sort.desc : false });
  const move = (to: number) => {
    const next = Math.max(0, Math.min(sorted.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) move(current + (steps[e.key] ?? 0));
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(sorted.length - 1);
    else if (e.key === "Enter") {
      const row = sorted[current];
      if (row) onOpen(row.partner);
    } else return;
    e.preventDefault();
  };

  const header = (key: BalanceSort, label: string, right = false) => (
    <th
      key={key}
      className={right ? "right" : undefined}
      aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : undefined}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span className="sort-mark" aria-hidden>
          {sort.key === key ? (sort.desc ? "▼" : "▲") : ""}
        </span>
      </button>
    </th>
  );
  const width = 3 + BALANCE_COLUMNS.length;

  return (
    <div
      ref={scroller}
      className="table-scroll"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t("accruals.tab.balances")}
    >
      <table className="simple-table sticky-table" data-testid="balances-table">
        <thead>
          <tr>
            {header("partner", t("col.partner"))}
            {header("name", t("col.name"))}
            {header("program", t("col.program"))}
            {BALANCE_COLUMNS.map((c) => header(c, t(BALANCE_LABELS[c]), true))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={width} className="muted">
                {table.totals.length === 0 && !searched ? (
                  <EmptyState text={t("empty.balances")} action={{ label: t("empty.toImport"), onClick: () => go("import") }} testId="balances-empty" />
                ) : (
                  <EmptyState text={t("empty.filtered")} testId="balances-empty" />
                )}
              </td>
            </tr>
          )}
          {before > 0 && (
            <tr aria-hidden style={{ height: before }}>
              <td colSpan={width} />
            </tr>
          )}
          {items.map((item) => {
            const r = sorted[item.index];
            if (!r) return null;
            return (
              <tr
                key={r.partner}
                data-testid={`balance-row-${r.partner}`}
                className={item.index === current ? "clickable active" : "clickable"}
                style={{ height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  onOpen(r.partner);
                }}
              >
                <td data-col="partner">{r.partner}</td>
                <td data-col="name" className="ellipsis" title={r.name}>
                  {r.name}
                </td>
                <td data-col="program" title={programName(programs, r.program, lang)}>
                  {r.program}
                </td>
                {BALANCE_COLUMNS.map((c) => (
                  <td key={c} className={(toMinor(r[c]) ?? 0n) < 0n ? "right money negative" : "right money"} data-col={c} data-value={r[c]}>
                    {formatMoney(r[c], r.unit, lang)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden style={{ height: after }}>
              <td colSpan={width} />
            </tr>
          )}
        </tbody>
        <tfoot>
          {table.totals.map((total) => (
            <tr key={total.unit} className="totals" data-testid={`balances-total-${total.unit}`}>
              <th scope="row" colSpan={3}>
                {t("accruals.total", { unit: unitLabel(total.unit, lang), n: total.count })}
              </th>
              {BALANCE_COLUMNS.map((c) => (
                <td key={c} className="right money" data-col={c} data-value={total[c]}>
                  {formatMoney(total[c], total.unit, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
