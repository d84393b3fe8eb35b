import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REFRESH_EVERY_MS, useServerRefresh } from "./serverRefresh";

function Counter({ shared }: { shared: boolean }) {
  return <output data-testid="refresh">{useServerRefresh(shared)}</output>;
}

const shown = () => Number(screen.getByTestId("refresh").textContent);

describe("useServerRefresh", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("goes up every 30 s while shown and when the window comes back, once for a pair of signals", () => {
    render(<Counter shared />);
    expect(shown()).toBe(0);
    act(() => void vi.advanceTimersByTime(REFRESH_EVERY_MS));
    expect(shown()).toBe(1);
    act(() => void vi.advanceTimersByTime(5_000));
    act(() => {
      window.dispatchEvent(new Event("focus"));
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(shown()).toBe(2);
  });

  it("stays for a book on this desk", () => {
    render(<Counter shared={false} />);
    act(() => {
      vi.advanceTimersByTime(3 * REFRESH_EVERY_MS);
      window.dispatchEvent(new Event("focus"));
    });
    expect(shown()).toBe(0);
  });
});
