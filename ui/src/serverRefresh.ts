import { useEffect, useState } from "react";

/** How often a server book is read again while the window is shown. */
export const REFRESH_EVERY_MS = 30_000;
/** Signals closer together than this (focus and "shown again" come as a pair) count once. */
const SAME_RETURN_MS = 1_000;

/**
 * A counter for the screens to read the book again, for a book others change (on a server): it
 * goes up when the window comes back (focus, shown again) and every 30 s while it is shown.
 * For a book on this desk (`shared` false) it stays.
 */
export function useServerRefresh(shared: boolean): number {
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    if (!shared) return;
    let last = 0;
    const again = () => {
      const now = Date.now();
      if (now - last < SAME_RETURN_MS) return;
      last = now;
      setRefresh((n) => n + 1);
    };
    const whenShown = () => {
      if (document.visibilityState === "visible") again();
    };
    window.addEventListener("focus", again);
    document.addEventListener("visibilitychange", whenShown);
    const timer = window.setInterval(whenShown, REFRESH_EVERY_MS);
    return () => {
      window.removeEventListener("focus", again);
      document.removeEventListener("visibilitychange", whenShown);
      window.clearInterval(timer);
    };
  }, [shared]);
  return refresh;
}
