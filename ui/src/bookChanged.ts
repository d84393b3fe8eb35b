import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";

/** The event the shell sends after every change it made to the book (`src-tauri/src/state.rs`). */
export const BOOK_CHANGED = "book-changed";

/**
 * A counter that goes up each time the shell says the book changed: `query/bookReads.ts` has
 * every read shown done again (a dialog's change shows in the table behind it, Сводка, the
 * balances). Outside the shell (the UI's tests) no event comes and it stays.
 */
export function useBookChanged(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let live = true;
    let stop: UnlistenFn | undefined;
    listen(BOOK_CHANGED, () => setChanges((n) => n + 1)).then(
      (unlisten) => {
        if (!live) return unlisten();
        stop = unlisten;
        listening += 1;
      },
      () => {},
    );
    return () => {
      live = false;
      if (stop) listening -= 1;
      stop?.();
    };
  }, []);
  return changes;
}

let listening = 0;

/** Whether the window hears the shell's `book-changed` (in the shell; not in a plain browser or the UI's tests). */
export const hearsBookChanged = (): boolean => listening > 0;
