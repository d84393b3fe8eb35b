import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorDto } from "../bindings/ErrorDto";
import { useBook } from "../book";
import { toErrorDto } from "../errors";

export type PageResult<Row> = { total: number; rows: Row[] };
export type FetchPage<Row> = (offset: number, limit: number) => Promise<PageResult<Row>>;

/** Rows of a server-paged table, loaded a page at a time as they come into view. */
export type PagedRows<Row> = {
  /** The query these rows answer. */
  key: string;
  /** Rows over all pages; `null` until the first page arrives. */
  total: number | null;
  rowAt: (index: number) => Row | undefined;
  /** Load the pages that hold rows `first..=last` (those not loaded or loading yet). */
  ensure: (first: number, last: number) => void;
  error: ErrorDto | null;
};

type Loaded<Row> = { key: string; total: number | null; pages: ReadonlyMap<number, Row[]>; error: ErrorDto | null };

const empty = <Row,>(key: string): Loaded<Row> => ({ key, total: null, pages: new Map(), error: null });

/**
 * `key` names the query (search, filters, sort): when it changes, what was loaded is dropped
 * and answers still on their way for the old key are ignored. A refresh of the book reads the
 * loaded pages again in place: their rows stay on screen until the new ones come.
 */
export function usePagedRows<Row>(key: string, fetchPage: FetchPage<Row>, pageSize = 100): PagedRows<Row> {
  const [loaded, setLoaded] = useState<Loaded<Row>>(() => empty(key));
  const requested = useRef<{ key: string; pages: Set<number> }>({ key, pages: new Set() });

  const load = useCallback(
    (page: number) => {
      if (requested.current.key !== key) requested.current = { key, pages: new Set() };
      const pages = requested.current.pages;
      if (pages.has(page)) return;
      pages.add(page);
      fetchPage(page * pageSize, pageSize).then(
        (result) =>
          setLoaded((prev) => {
            const base = prev.key === key ? prev : empty<Row>(key);
            const next = new Map(base.pages);
            next.set(page, result.rows);
            return { key, total: result.total, pages: next, error: null };
          }),
        (reason: unknown) => {
          pages.delete(page);
          setLoaded((prev) => ({ ...(prev.key === key ? prev : empty<Row>(key)), error: toErrorDto(reason) }));
        },
      );
    },
    [key, fetchPage, pageSize],
  );

  useEffect(() => load(0), [load]);

  const { refresh } = useBook();
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    const loadedPages = requested.current.key === key ? [...requested.current.pages] : [];
    requested.current = { key, pages: new Set() };
    for (const page of loadedPages.length > 0 ? loadedPages : [0]) load(page);
  }, [refresh, key, load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) load(page);
    },
    [load, pageSize],
  );

  const current = loaded.key === key ? loaded : null;
  const pages = current?.pages;
  // Stable while no page arrives, so what is built from the rows in view can be memoized.
  const rowAt = useCallback(
    (index: number) => pages?.get(Math.floor(index / pageSize))?.[index % pageSize],
    [pages, pageSize],
  );
  return { key, total: current?.total ?? null, rowAt, ensure, error: current?.error ?? null };
}
