import { useMemo } from "react";
import type { WhatIfRow } from "../bindings/WhatIfRow";
import type { WhatIfSort } from "../bindings/WhatIfSort";
import type { WhatIfTotal } from "../bindings/WhatIfTotal";
import { compareNatural, formatCount, formatMoney, toMinor, unitLabel } from "../format";
import { useI18n, type MessageKey } from "../i18n";

type SortKey = WhatIfSort;
/** The column the rows are sorted by, and which way: what the export is sent too. */
export type WhatIfSorting = { key: WhatIfSort; desc: boolean };
export const WHATIF_BY_PARTNER: WhatIfSorting = { key: "partner", desc: false };

const LABELS: Record<SortKey, MessageKey> = {
  partner: "col.partner",
  book: "whatif.col.book",
  whatif: "whatif.col.whatif",
  difference: "whatif.col.difference",
};
const MONEY: readonly Exclude<SortKey, "partner">[] = ["book", "whatif", "difference"];

// Comparing only: amounts are ordered by their minor units, never added here.
const compareMoney = (a: string, b: string) => {
  const x = toMinor(a) ?? 0n;
  const y = toMinor(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
};
const compareRows = (key: SortKey) => (a: WhatIfRow, b: WhatIfRow) =>
  key === "partner" ? compareNatural(a.partner, b.partner) : compareMoney(a[key], b[key]) || compareNatural(a.partner, b.partner);

const moneyClass = (value: string) => ((toMinor(value) ?? 0n) < 0n ? "right money negative" : "right money");

/**
 * The per-partner table of a what-if: in the book, under the rules, the difference; a click on a
 * header sorts by it (again: the other way). The totals per unit are the report's own.
 */
export function WhatIfTable(props: {
  rows: readonly WhatIfRow[];
  totals: readonly WhatIfTotal[];
  sort: WhatIfSorting;
  onSort: (sort: WhatIfSorting) => void;
}) {
  const { rows, totals, sort, onSort } = props;
  const { t, lang } = useI18n();
  const sorted = useMemo(() => {
    const cmp = compareRows(sort.key);
    return [...rows].sort((a, b) => (sort.desc ? -cmp(a, b) : cmp(a, b)));
  }, [rows, sort]);

  const sortBy = (key: SortKey) => onSort({ key, desc: sort.key === key ? !sort.desc : false });
  const header = (key: SortKey) => (
    <th
      key={key}
      className={key === "partner" ? undefined : "right"}
      aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : undefined}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)} data-testid={`whatif-sort-${key}`}>
        {t(LABELS[key])}
        <span className="sort-mark" aria-hidden>
          {sort.key === key ? (sort.desc ? "▼" : "▲") : ""}
        </span>
      </button>
    </th>
  );

  return (
    <div className="table-scroll whatif-scroll">
      <table className="simple-table sticky-table" data-testid="whatif-table">
        <thead>
          <tr>{(["partner", ...MONEY] as SortKey[]).map(header)}</tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={`${r.partner}-${r.unit}`} data-testid={`whatif-row-${r.partner}`}>
              <td data-col="partner">{r.partner}</td>
              {MONEY.map((c) => (
                <td key={c} className={moneyClass(r[c])} data-col={c} data-value={r[c]}>
                  {formatMoney(r[c], r.unit, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totals.map((total) => (
            <tr key={total.unit} className="totals" data-testid={`whatif-total-${total.unit}`}>
              <th scope="row">
                {t("whatif.total", { unit: unitLabel(total.unit, lang), n: formatCount(total.partners_changed, lang) })}
              </th>
              {MONEY.map((c) => (
                <td key={c} className={moneyClass(total[c])} data-col={c} data-value={total[c]}>
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
