import type { SortingState } from "@tanstack/react-table";
import { useMemo } from "react";
import { partnersPage } from "../api";
import type { PartnerQuery } from "../bindings/PartnerQuery";
import type { PartnerSort } from "../bindings/PartnerSort";
import type { PartnerStatus } from "../bindings/PartnerStatus";
import { useBook } from "../book";
import { Chips } from "../components/Chips";
import { ExportButton } from "../components/ExportButton";
import { EmptyState } from "../components/EmptyState";
import { PagedTable } from "../components/PagedTable";
import { useGo } from "../navigation";
import { ProgramChips } from "../components/ProgramChips";
import { SearchBar } from "../components/SearchBar";
import { useDebounced } from "../components/useDebounced";
import { usePagedRows } from "../components/usePagedRows";
import { useI18n } from "../i18n";
import { partnerColumns } from "./partnerColumns";
import { PARTNER_STATUSES } from "./partnerFields";

/** What the user chose above the partners table; kept while a card is open. */
export type PartnerFilters = { search: string; program?: string; status?: PartnerStatus; sorting: SortingState };
export const NO_PARTNER_FILTERS: PartnerFilters = { search: "", sorting: [] };

type Props = {
  filters: PartnerFilters;
  onFilters: (filters: PartnerFilters) => void;
  onOpen: (partner: string) => void;
  onNew: () => void;
};

/** The partners table: search, program and status chips, sort headers, server paging. */
export function PartnerList({ filters, onFilters, onOpen, onNew }: Props) {
  const { t, lang } = useI18n();
  const go = useGo();
  const { programs } = useBook();

  const search = useDebounced(filters.search.trim(), 200);
  const sort = filters.sorting[0];
  const query = useMemo<PartnerQuery>(
    () => ({
      search: search || undefined,
      program: filters.program,
      status: filters.status,
      sort: sort?.id as PartnerSort | undefined,
      descending: sort ? sort.desc : undefined,
    }),
    [search, filters.program, filters.status, sort],
  );
  const paged = usePagedRows(partnersPage, query);
  const columns = useMemo(() => partnerColumns(t, lang, programs), [t, lang, programs]);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.partners")}</h1>
        <div className="header-actions">
          <ExportButton table={{ kind: "partners", query }} testId="partners-export" />
          <button type="button" className="primary" onClick={onNew}>
            {t("partners.new")}
          </button>
        </div>
      </header>
      <SearchBar
        label={t("partners.search")}
        value={filters.search}
        onChange={(search) => onFilters({ ...filters, search })}
        total={paged.total}
      />
      <div className="toolbar">
        <ProgramChips
          value={filters.program}
          onChange={(program) => onFilters({ ...filters, program })}
          testIdPrefix="partners-program"
        />
        <Chips
          label={t("filter.status")}
          allLabel={t("common.all")}
          chips={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filters.status}
          onChange={(status) => onFilters({ ...filters, status })}
        />
      </div>
      <PagedTable
        label={t("nav.partners")}
        columns={columns}
        paged={paged}
        sorting={filters.sorting}
        onSortingChange={(sorting) => onFilters({ ...filters, sorting })}
        onOpen={(row) => onOpen(row.partner)}
        empty={
          filters.search.trim() || filters.program || filters.status ? (
            <EmptyState text={t("empty.filtered")} testId="partners-empty" />
          ) : (
            <EmptyState text={t("empty.partners")} action={{ label: t("empty.toImport"), onClick: () => go("import") }} testId="partners-empty" />
          )
        }
      />
    </section>
  );
}
