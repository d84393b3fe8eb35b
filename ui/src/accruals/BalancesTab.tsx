import { DateField } from "../components/DateField";
import { useMemo, useState } from "react";
import { useDebounced } from "../components/useDebounced";
import { balancesTable } from "../api";
import type { BalanceQuery } from "../bindings/BalanceQuery";
import { ErrorBanner } from "../components/ErrorBanner";
import { ExportButton } from "../components/ExportButton";
import { ProgramChips } from "../components/ProgramChips";
import { formatCount } from "../format";
import { useI18n } from "../i18n";
import { BalancesTable, BY_PARTNER, type BalancesSorting } from "./BalancesTable";
import { useQuery } from "../query/useQuery";

/** Балансы: every partner's balance as of a day, of one program or all, with totals per unit. */
export function BalancesTab(props: {
  asOf: string;
  onAsOf: (day: string) => void;
  program: string | undefined;
  onProgram: (program: string | undefined) => void;
  onOpen: (partner: string) => void;
}) {
  const { asOf, onAsOf, program, onProgram, onOpen } = props;
  const { t, lang } = useI18n();
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<BalancesSorting>(BY_PARTNER);
  const typed = useDebounced(search.trim(), 200);
  // The core searches, sorts and sums: the table shows what it answers.
  const query = useMemo<BalanceQuery | null>(
    () =>
      asOf
        ? { as_of: asOf, ...(program ? { program } : {}), ...(typed ? { search: typed } : {}), sort: sort.key, descending: sort.desc }
        : null,
    [asOf, program, typed, sort],
  );
  const loaded = useQuery(balancesTable, query ? [query] : null);
  // While another search or sort is read, the rows before it stay (the headers keep their place).
  const table = loaded.latest;

  return (
    <div className="tab-body">
      <div className="toolbar">
        <label className="inline-field">
          <span>{t("accruals.asOf")}</span>
          <DateField name="as_of" testId="balances-date" value={asOf} onChange={onAsOf} />
        </label>
        <input
          type="search"
          className="search"
          name="balances-search"
          aria-label={t("accruals.search")}
          placeholder={t("accruals.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="found" aria-live="polite">
          {loaded.data && t("common.found", { n: formatCount(loaded.data.rows.length, lang) })}
        </span>
        <ExportButton
          table={query ? { kind: "balances", query } : null}
          testId="balances-export"
        />
      </div>
      <ProgramChips value={program} onChange={onProgram} />
      <ErrorBanner error={loaded.error} />
      {!loaded.error && !table && <p className="muted">{t("common.loading")}</p>}
      {table && <BalancesTable table={table} onOpen={onOpen} sort={sort} onSort={setSort} searched={Boolean(typed || program)} />}
    </div>
  );
}
