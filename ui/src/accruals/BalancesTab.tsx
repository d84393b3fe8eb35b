import { DateField } from "../components/DateField";
import { useEffect, useMemo, useState } from "react";
import { balances } from "../api";
import type { BalanceRow } from "../bindings/BalanceRow";
import type { ErrorDto } from "../bindings/ErrorDto";
import { ErrorBanner } from "../components/ErrorBanner";
import { ExportButton } from "../components/ExportButton";
import { ProgramChips } from "../components/ProgramChips";
import { toErrorDto } from "../errors";
import { formatCount } from "../format";
import { useI18n } from "../i18n";
import { BalancesTable, BY_PARTNER, type BalancesSorting } from "./BalancesTable";
import { useBook } from "../book";

type Loaded = { key: string; rows?: BalanceRow[]; error?: ErrorDto };

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
  const { refresh } = useBook();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<BalancesSorting>(BY_PARTNER);
  const key = `${asOf}|${program ?? ""}`;

  useEffect(() => {
    if (!asOf) return;
    let live = true;
    balances(asOf, program).then(
      (rows) => live && setLoaded({ key, rows }),
      (reason: unknown) => live && setLoaded({ key, error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [asOf, program, key, refresh]);

  const current = loaded?.key === key ? loaded : null;
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const rows = current?.rows ?? [];
    return q ? rows.filter((r) => r.partner.toLowerCase().includes(q) || r.name.toLowerCase().includes(q)) : rows;
  }, [current, search]);

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
          {current?.rows && t("common.found", { n: formatCount(shown.length, lang) })}
        </span>
        <ExportButton
          table={
            asOf
              ? {
                  kind: "balances",
                  query: {
                    as_of: asOf,
                    ...(program ? { program } : {}),
                    ...(search.trim() ? { search: search.trim() } : {}),
                    sort: sort.key,
                    descending: sort.desc,
                  },
                }
              : null
          }
          testId="balances-export"
        />
      </div>
      <ProgramChips value={program} onChange={onProgram} />
      <ErrorBanner error={current?.error ?? null} />
      {!current && <p className="muted">{t("common.loading")}</p>}
      {current?.rows && <BalancesTable rows={shown} onOpen={onOpen} sort={sort} onSort={setSort} />}
    </div>
  );
}
