import { DateField } from "../components/DateField";
import { useMemo, useState } from "react";
import type { ActStatus } from "../bindings/ActStatus";
import { Chips } from "../components/Chips";
import { ProgramChips } from "../components/ProgramChips";
import { useDebounced } from "../components/useDebounced";
import { useI18n } from "../i18n";
import { ActsTable, type ActFilter } from "./ActsTable";

const STATUSES: readonly ActStatus[] = ["draft", "sent", "signed", "rejected", "paid"];

/** Акты: the search (number, partner) and filters (state, overdue, month, program) over the acts table. */
export function ActsTab(props: {
  filter: ActFilter;
  onFilter: (filter: ActFilter) => void;
  onOpen: (act: string) => void;
  onBatch?: () => void;
}) {
  const { filter, onFilter, onOpen, onBatch } = props;
  const { t } = useI18n();
  const [text, setText] = useState(filter.search ?? "");
  const search = useDebounced(text.trim(), 250);
  // The search joins the query once typing pauses; the other filters at once.
  const query = useMemo(() => {
    const { search: _typed, ...rest } = filter;
    void _typed;
    return search ? { ...rest, search } : rest;
  }, [filter, search]);
  // Only the filters that have a value: the table's query key stays the same for the same choice.
  const set = (change: Partial<ActFilter>) => {
    const next = Object.entries({ ...filter, ...change }).filter(([, v]) => v !== undefined && v !== "");
    onFilter(Object.fromEntries(next) as ActFilter);
  };
  return (
    <div className="tab-body">
      <div className="toolbar">
        <input
          type="search"
          className="search"
          name="acts-search"
          data-testid="acts-search"
          aria-label={t("acts.search")}
          placeholder={t("acts.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="inline-field">
          <span>{t("acts.month")}</span>
          <DateField month name="acts-month" testId="acts-month" value={filter.month ?? ""} onChange={(m) => set({ month: m || undefined })} />
        </label>
        {filter.month && (
          <button type="button" className="link-button" onClick={() => set({ month: undefined })}>
            {t("acts.allMonths")}
          </button>
        )}
        <button
          type="button"
          className="chip chip-danger"
          aria-pressed={filter.overdue === true}
          data-testid="acts-overdue"
          onClick={() => set({ overdue: filter.overdue ? undefined : true })}
        >
          {t("acts.overdue")}
        </button>
      </div>
      <Chips
        label={t("col.status")}
        allLabel={t("common.all")}
        chips={STATUSES.map((s) => ({ value: s, label: t(`actStatus.${s}`) }))}
        value={filter.status}
        onChange={(status) => set({ status })}
      />
      <ProgramChips value={filter.program} onChange={(program) => set({ program })} />
      <ActsTable
        filter={query}
        onOpen={(row) => onOpen(row.act)}
        onSort={(sort, descending) => set({ sort, descending })}
        onBatch={onBatch}
      />
    </div>
  );
}
