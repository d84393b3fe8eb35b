import { useEffect, useState } from "react";
import { programVersions } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { Program } from "../bindings/Program";
import { toErrorDto } from "../errors";
import { useBook } from "../book";

/**
 * What `load` answered (or why it failed); `null` while it runs. Give a stable `load` (`useCallback`): a new one loads
 * again, and so does a refresh of the book (the last answer stays until the new one comes).
 */
export function useLoad<T>(load: () => Promise<T>): { value?: T; error?: ErrorDto } | null {
  const { refresh } = useBook();
  const [loaded, setLoaded] = useState<{ load: () => Promise<T>; value?: T; error?: ErrorDto } | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ load, value }),
      (reason: unknown) => live && setLoaded({ load, error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [load, refresh]);
  return loaded?.load === load ? loaded : null;
}

/** A program grants discounts when one of its versions has discount rules (as the book decides it). */
export function givesDiscounts(program: Program): boolean {
  return program.versions.some((v) => v.rules.discounts !== null);
}

/**
 * Whether `program` grants discounts (tele2-ats and its copies), read from the book's programs;
 * `false` until they are loaded, or when they cannot be.
 */
export function useGivesDiscounts(program: string | undefined): boolean {
  const loaded = useLoad(programVersions);
  if (!program) return false;
  return loaded?.value?.some((p) => p.id === program && givesDiscounts(p)) ?? false;
}
