import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ErrorDto } from "../bindings/ErrorDto";
import { queryCache, type Entry } from "../query/cache";
import { queryKey } from "../query/useQuery";

export type PageResult<Row> = { total: number; rows: Row[] };
/** Where a page starts and how many rows it holds, as every `*_page` command takes them. */
export type Paging = { offset: number; limit: number };

/** Rows of a server-paged table, loaded a page at a time as they come into view. */
export type PagedRows<Row, Page extends PageResult<Row> = PageResult<Row>> = {
  /** The query these rows answer. */
  key: string;
  /** Rows over all pages; `null` until the first page arrives. */
  total: number | null;
  rowAt: (index: number) => Row | undefined;
  /** Load the pages that hold rows `first..=last` (those not loaded or loading yet). */
  ensure: (first: number, last: number) => void;
  error: ErrorDto | null;
  /** The first page's whole answer (what comes with the rows: totals, counts), once it is read. */
  head: Page | undefined;
};

/**
 * The pages of `read(query)` (one of `api.ts`'s `*_page` functions), each a read of the shared
 * cache (`query/`): a table shown again shows its pages at once while they are read again, and a
 * change of the book reads the pages in view again in place (their rows stay until the new ones
 * come). When `query` changes, the pages of the query before are no longer shown, and answers
 * still on their way for it never are.
 */
export function usePagedRows<Q extends object, Page extends PageResult<unknown>>(
  read: (query: Q & Paging) => Promise<Page>,
  query: Q,
  pageSize = 100,
): PagedRows<Page["rows"][number], Page> {
  const key = `${queryKey(read, [query])}#${pageSize}`;
  const [wanted, setWanted] = useState<{ key: string; pages: readonly number[] }>({ key, pages: [0] });
  const pages = useMemo(() => (wanted.key === key ? wanted.pages : [0]), [wanted, key]);
  const pageKey = useCallback((page: number) => `${key}@${page}`, [key]);

  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = pages.map((page) => queryCache.subscribe(pageKey(page), listener));
      return () => stops.forEach((stop) => stop());
    },
    [pages, pageKey],
  );
  // One snapshot for all the pages wanted: the same array while none of their entries changes.
  const snapshot = useRef<readonly (Entry | undefined)[]>([]);
  const entries = useSyncExternalStore(subscribe, () => {
    const now = pages.map((page) => queryCache.get(pageKey(page)));
    const before = snapshot.current;
    if (now.length !== before.length || now.some((entry, i) => entry !== before[i])) snapshot.current = now;
    return snapshot.current;
  });

  // Each page wanted is read when first wanted under this key (a new `read` for the same key reads the same).
  const fetch = useRef({ read, query });
  useEffect(() => {
    fetch.current = { read, query };
  });
  const readPage = useCallback(
    (page: number, again = false) => {
      const { read: readNow, query: queryNow } = fetch.current;
      queryCache.run(pageKey(page), () => readNow({ ...queryNow, offset: page * pageSize, limit: pageSize }), again);
    },
    [pageKey, pageSize],
  );
  const started = useRef<{ key: string; pages: Set<number> }>({ key, pages: new Set() });
  useEffect(() => {
    if (started.current.key !== key) started.current = { key, pages: new Set() };
    for (const page of pages) {
      if (started.current.pages.has(page)) continue;
      started.current.pages.add(page);
      readPage(page);
    }
  }, [key, pages, readPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const more: number[] = [];
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        more.push(page);
        // A page whose read failed is read again when it comes into view again.
        const entry = queryCache.get(pageKey(page));
        if (entry?.error && entry.running === undefined) readPage(page, true);
      }
      setWanted((prev) => {
        const had = prev.key === key ? prev.pages : [0];
        const added = more.filter((page) => !had.includes(page));
        return added.length === 0 && prev.key === key ? prev : { key, pages: [...had, ...added] };
      });
    },
    [key, pageSize, pageKey, readPage],
  );

  const byPage = useMemo(() => {
    const map = new Map<number, Page>();
    pages.forEach((page, i) => {
      const data = entries[i]?.data as Page | undefined;
      if (data !== undefined) map.set(page, data);
    });
    return map;
  }, [pages, entries]);
  // Stable while no page arrives, so what is built from the rows in view can be memoized.
  const rowAt = useCallback(
    (index: number): Page["rows"][number] | undefined => byPage.get(Math.floor(index / pageSize))?.rows[index % pageSize],
    [byPage, pageSize],
  );
  const head = byPage.get(0);
  const total = head?.total ?? [...byPage.values()][0]?.total ?? null;
  const error = entries.find((entry) => entry?.error)?.error ?? null;
  return { key, total, rowAt, ensure, error, head };
}
