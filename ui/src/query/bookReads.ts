import { useEffect, useRef } from "react";
import { hearsBookChanged, useBookChanged } from "../bookChanged";
import { useServerRefresh } from "../serverRefresh";
import { queryCache } from "./cache";

/**
 * Keeps the cached reads current (the window calls it once): every change the shell made
 * (`book-changed`) and, for a book on a server (`shared`), the window coming back and every
 * 30 s, invalidate every answer and read again what is shown.
 */
export function useBookReads(shared: boolean): void {
  const changes = useBookChanged() + useServerRefresh(shared);
  const seen = useRef(changes);
  useEffect(() => {
    if (seen.current === changes) return;
    seen.current = changes;
    queryCache.invalidate();
  }, [changes]);
}

/** Another book was opened: nothing read from the one before stays. */
export const forgetBookReads = () => queryCache.clear();

/**
 * This window changed the book (a dialog's change): what is shown is read again. In the shell its
 * `book-changed` for that change does it (once, not twice); outside it (a plain browser, the UI's
 * tests) no event comes, so here.
 */
export const readBookAgain = () => {
  if (!hearsBookChanged()) queryCache.invalidate();
};

/** The person chose another language: the core's texts shown (reasons, refusals, labels) are read again in it. */
export const readInLanguage = () => queryCache.invalidate();
