import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { ErrorDto } from "../bindings/ErrorDto";
import { queryCache, type Entry } from "./cache";

/** What a screen shows of a read. */
export type Query<T> = {
  /** The answer for these arguments (from the cache at once, while it is read again); `undefined` until one comes. */
  data: T | undefined;
  /** Why the last read of these arguments failed. */
  error: ErrorDto | null;
  /** A read of these arguments is under way. */
  loading: boolean;
  /** The answer for these arguments or, until it comes, the one for the arguments before (a table keeps its rows while another search is read). */
  latest: T | undefined;
  /** Reads these arguments again now. */
  reload: () => void;
};

const ids = new WeakMap<object, number>();
let named = 0;

/** The cache key of `read` (one of `api.ts`'s functions, one a command) called with `args`. */
export function queryKey(read: object, args: readonly unknown[]): string {
  let id = ids.get(read);
  if (id === undefined) {
    id = ++named;
    ids.set(read, id);
  }
  return `${id}:${JSON.stringify(args)}`;
}

/**
 * An entry of the shared cache, kept current: `key` is read when first shown (and again, the
 * cached answer shown meanwhile, each time a screen shows it anew); `null` reads nothing.
 */
function useCachedRead<T>(key: string | null, read: () => Promise<T>): Query<T> {
  const subscribe = useCallback((listener: () => void) => (key === null ? () => {} : queryCache.subscribe(key, listener)), [key]);
  const entry: Entry | undefined = useSyncExternalStore(subscribe, () => (key === null ? undefined : queryCache.get(key)));

  useEffect(() => {
    if (key !== null) queryCache.run(key, read);
    // Only a new key reads: the key stands for what `read` reads (a new function for the same
    // key would read the same again, on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const data = entry?.data as T | undefined;
  const [held, setHeld] = useState<{ data: T | undefined }>({ data: undefined });
  if (data !== undefined && held.data !== data) setHeld({ data });

  const reload = useCallback(() => {
    if (key !== null) queryCache.run(key, read, true);
  }, [key, read]);

  return {
    data,
    error: entry?.error ?? null,
    loading: key !== null && (entry === undefined || entry.running !== undefined),
    latest: key === null ? undefined : (data ?? held.data),
    reload,
  };
}

/**
 * One read of the book — one of `api.ts`'s functions with its arguments — shared by every screen
 * that asks the same, cached, and read again when the book changes (`query/bookReads.ts`). An
 * answer that comes for arguments no longer asked is never shown. `null` arguments read nothing
 * (what to read is not known yet).
 */
export function useQuery<A extends unknown[], T>(read: (...args: A) => Promise<T>, args: A | null): Query<T> {
  const key = args === null ? null : queryKey(read, args);
  return useCachedRead(key, () => (args === null ? Promise.reject(new Error("nothing to read")) : read(...args)));
}
