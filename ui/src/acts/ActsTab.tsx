import { DateField } from "../components/DateField";
import type { ActStatus } from "../bindings/ActStatus";
import { Chips } from "../components/Chips";
import { ProgramChips } from "../components/ProgramChips";
import { useI18n } from "../i18n";
import { ActsTable, type ActFilter } from "./ActsTable";

const STATUSES: readonly ActStatus[] = ["draft", "sent", "signed", "rejected", "paid"];

/** Акты: the filters (state, overdue, month, program) over the acts table. */
export function ActsTab(props: {
  filter: ActFilter;
  onFilter: (filter: ActFilter) => void;
  version: number;
  onOpen: (act: string) => void;
}) {
  const { filter, onFilter, version, onOpen } = props;
  const { t } = useI18n();
  // Only the filters that have a value: the table's query key stays the same for the same choice.
  const set = (change: Partial<ActFilter>) => {
    const next = Object.entries({ ...filter, ...change }).filter(([, v]) => v !== undefined && v !== "");
    onFilter(Object.fromEntries(next) as ActFilter);
  };
  return (
    <div className="tab-body">
      <div className="toolbar">
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
      <ActsTable filter={filter} version={version} onOpen={(row) => onOpen(row.act)} />
    </div>
  );
}
