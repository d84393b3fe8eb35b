import type { SortingState } from "@tanstack/react-table";
import { useMemo } from "react";
import { clientsPage } from "../api";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ClientRow } from "../bindings/ClientRow";
import type { ClientSort } from "../bindings/ClientSort";
import { useBook } from "../book";
import { ExportButton } from "../components/ExportButton";
import { EmptyState } from "../components/EmptyState";
import { PagedTable } from "../components/PagedTable";
import { useGo } from "../navigation";
import { ProgramChips } from "../components/ProgramChips";
import { SearchBar } from "../components/SearchBar";
import { useDebounced } from "../components/useDebounced";
import { usePagedRows } from "../components/usePagedRows";
import { useI18n } from "../i18n";
import { clientColumns } from "./clientColumns";

/** What the user chose above the clients table; kept while a card is open. */
export type ClientFilters = { search: string; program?: string; unbound: boolean; sorting: SortingState };
export const NO_CLIENT_FILTERS: ClientFilters = { search: "", unbound: false, sorting: [] };

type Props = {
  filters: ClientFilters;
  onFilters: (filters: ClientFilters) => void;
  onOpen: (row: ClientRow) => void;
};

/** The clients table with their current partner: search, program and «без партнёра» chips, paging. */
export function ClientList({ filters, onFilters, onOpen }: Props) {
  const { t, lang } = useI18n();
  const go = useGo();
  const { programs } = useBook();
  const search = useDebounced(filters.search.trim(), 200);
  const sort = filters.sorting[0];
  const query = useMemo<ClientQuery>(
    () => ({
      search: search || undefined,
      program: filters.program,
      bound: filters.unbound ? false : undefined,
      sort: sort?.id as ClientSort | undefined,
      descending: sort ? sort.desc : undefined,
    }),
    [search, filters.program, filters.unbound, sort],
  );
  const paged = usePagedRows(clientsPage, query);
  const columns = useMemo(() => clientColumns(t, lang, programs), [t, lang, programs]);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.clients")}</h1>
        <ExportButton table={{ kind: "clients", query }} testId="clients-export" />
      </header>
      <SearchBar
        label={t("clients.search")}
        value={filters.search}
        onChange={(search) => onFilters({ ...filters, search })}
        total={paged.total}
      />
      <div className="toolbar">
        <ProgramChips value={filters.program} onChange={(program) => onFilters({ ...filters, program })} />
        <button
          type="button"
          className="chip"
          aria-pressed={filters.unbound}
          onClick={() => onFilters({ ...filters, unbound: !filters.unbound })}
        >
          {t("clients.unbound")}
        </button>
      </div>
      <PagedTable
        label={t("nav.clients")}
        columns={columns}
        paged={paged}
        sorting={filters.sorting}
        onSortingChange={(sorting) => onFilters({ ...filters, sorting })}
        onOpen={onOpen}
        empty={
          filters.search.trim() || filters.program || filters.unbound ? (
            <EmptyState text={t("empty.filtered")} testId="clients-empty" />
          ) : (
            <EmptyState text={t("empty.clients")} action={{ label: t("empty.toImport"), onClick: () => go("import") }} testId="clients-empty" />
          )
        }
      />
    </section>
  );
}
