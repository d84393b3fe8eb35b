import type { ReactNode } from "react";

export type SimpleColumn<Row> = { header: string; cell: (row: Row) => ReactNode; className?: string };

/** A small table that is all on screen (a card's tab, a report): no paging, no sorting. */
export function SimpleTable<Row>(props: {
  columns: readonly SimpleColumn<Row>[];
  rows: readonly Row[];
  empty: string;
  testId?: string;
  onRowClick?: (row: Row) => void;
  /** Extra classes of a row (e.g. `active` for the one in force). */
  rowClassName?: (row: Row) => string | undefined;
}) {
  const { columns, rows, empty, testId, onRowClick, rowClassName } = props;
  if (rows.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <table className="simple-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr
            key={r}
            className={[onRowClick ? "clickable" : "", rowClassName?.(row) ?? ""].filter(Boolean).join(" ") || undefined}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
            onKeyDown={onRowClick ? (e) => e.key === "Enter" && onRowClick(row) : undefined}
            tabIndex={onRowClick ? 0 : undefined}
          >
            {columns.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
