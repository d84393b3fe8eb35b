import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BOOK_CHANGED, hearsBookChanged } from "../bookChanged";
import { forgetBookReads, readBookAgain, useBookReads } from "./bookReads";
import { QueryCache } from "./cache";
import { useQuery } from "./useQuery";

const heard = vi.hoisted(() => new Map<string, () => void>());
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (event: string, handler: () => void) => {
    heard.set(event, handler);
    return () => heard.delete(event);
  }),
}));

/** A read whose answers the test gives, one call at a time. */
function controlled() {
  const calls: { args: string[]; resolve: (text: string) => void; reject: (reason: unknown) => void }[] = [];
  const read = vi.fn(
    (...args: string[]) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ args, resolve, reject });
      }),
  );
  /** Answers the `i`-th call. */
  const answer = async (i: number, text: string) => {
    const call = calls[i];
    if (!call) throw new Error(`no call ${i} of ${calls.length}`);
    await act(async () => call.resolve(text));
  };
  return { read, calls, answer };
}

function Shown({ read, args, id = "shown" }: { read: (...a: string[]) => Promise<string>; args: string[] | null; id?: string }) {
  const q = useQuery(read, args);
  return (
    <output data-testid={id} data-loading={String(q.loading)}>
      {q.error ? `error: ${q.error.code} ${q.error.message}` : (q.data ?? "…")}
    </output>
  );
}

const shown = (id = "shown") => screen.getByTestId(id);

describe("useQuery", () => {
  it("keeps each answer by its arguments: a screen shown again shows it at once while it is read again", async () => {
    const { read, calls, answer } = controlled();
    const { unmount } = render(<Shown read={read} args={["P-1"]} />);
    expect(shown()).toHaveTextContent("…");
    expect(shown()).toHaveAttribute("data-loading", "true");
    await answer(0, "card of P-1");
    expect(shown()).toHaveTextContent("card of P-1");
    expect(shown()).toHaveAttribute("data-loading", "false");
    unmount();

    render(<Shown read={read} args={["P-1"]} />);
    expect(shown()).toHaveTextContent("card of P-1");
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(shown()).toHaveAttribute("data-loading", "true");
    await answer(1, "card of P-1, again");
    expect(shown()).toHaveTextContent("card of P-1, again");

    // Other arguments are another entry: nothing of P-1 is shown for P-2.
    unmount();
    render(<Shown read={read} args={["P-2"]} id="other" />);
    expect(shown("other")).toHaveTextContent("…");
    await waitFor(() => expect(calls.at(-1)?.args).toEqual(["P-2"]));
  });

  it("shares one read between two screens asking the same", async () => {
    const { read, calls, answer } = controlled();
    render(
      <>
        <Shown read={read} args={["P-1"]} id="a" />
        <Shown read={read} args={["P-1"]} id="b" />
      </>,
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    await answer(0, "card of P-1");
    expect(shown("a")).toHaveTextContent("card of P-1");
    expect(shown("b")).toHaveTextContent("card of P-1");
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("reads again what is shown when the shell says the book changed, and drops the answer read before the change", async () => {
    const { read, calls, answer } = controlled();
    function Window() {
      useBookReads(false);
      return <Shown read={read} args={["P-1"]} />;
    }
    render(<Window />);
    await answer(0, "balance 100");
    await waitFor(() => expect(heard.has(BOOK_CHANGED)).toBe(true));

    act(() => heard.get(BOOK_CHANGED)?.());
    await waitFor(() => expect(calls).toHaveLength(2));
    // The book changed again while the read was under way: its answer is of the book before.
    act(() => heard.get(BOOK_CHANGED)?.());
    await waitFor(() => expect(calls).toHaveLength(3));
    await answer(2, "balance 300");
    expect(shown()).toHaveTextContent("balance 300");
    await answer(1, "balance 200");
    expect(shown()).toHaveTextContent("balance 300");
  });

  it("after a change made here reads once: on the shell's event when the window hears it, else at once", async () => {
    const { read, calls, answer } = controlled();
    const { unmount } = render(<Shown read={read} args={["P-1"]} />);
    await answer(0, "balance 100");
    act(() => readBookAgain());
    await waitFor(() => expect(calls).toHaveLength(2));
    await answer(1, "balance 200");
    expect(shown()).toHaveTextContent("balance 200");
    unmount();

    function Window() {
      useBookReads(false);
      return <Shown read={read} args={["P-1"]} />;
    }
    render(<Window />);
    await waitFor(() => expect(hearsBookChanged()).toBe(true));
    await waitFor(() => expect(calls).toHaveLength(3));
    await answer(2, "balance 200");
    act(() => readBookAgain());
    act(() => heard.get(BOOK_CHANGED)?.());
    await waitFor(() => expect(calls).toHaveLength(4));
    await answer(3, "balance 300");
    expect(shown()).toHaveTextContent("balance 300");
    expect(calls).toHaveLength(4);
  });

  it("never shows an answer for arguments no longer asked", async () => {
    const { read, calls, answer } = controlled();
    const { rerender } = render(<Shown read={read} args={["P-1"]} />);
    rerender(<Shown read={read} args={["P-2"]} />);
    await waitFor(() => expect(calls.map((c) => c.args)).toEqual([["P-1"], ["P-2"]]));
    await answer(1, "card of P-2");
    await answer(0, "card of P-1");
    expect(shown()).toHaveTextContent("card of P-2");
    // And back to P-1: its own answer, which came meanwhile.
    rerender(<Shown read={read} args={["P-1"]} />);
    expect(shown()).toHaveTextContent("card of P-1");
  });

  it("says why a read failed, and reads nothing while the arguments are not known", async () => {
    const { read, calls } = controlled();
    const { rerender } = render(<Shown read={read} args={null} />);
    expect(shown()).toHaveAttribute("data-loading", "false");
    expect(read).not.toHaveBeenCalled();
    rerender(<Shown read={read} args={["P-404"]} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0]?.reject({ code: "not_found", message: "Партнёр P-404 не найден", problems: [] }));
    expect(shown()).toHaveTextContent("error: not_found Партнёр P-404 не найден");
    expect(shown()).toHaveAttribute("data-loading", "false");
  });

  it("keeps nothing of a book when another is opened", async () => {
    const { read, calls, answer } = controlled();
    render(<Shown read={read} args={[]} />);
    await answer(0, "programs of book A");
    expect(shown()).toHaveTextContent("programs of book A");
    act(() => forgetBookReads());
    expect(shown()).toHaveTextContent("…");
    await waitFor(() => expect(calls).toHaveLength(2));
    // Opened again while that read was under way: its answer is of the book before.
    act(() => forgetBookReads());
    await waitFor(() => expect(calls).toHaveLength(3));
    await answer(1, "late answer of book A");
    expect(shown()).toHaveTextContent("…");
    await answer(2, "programs of book B");
    expect(shown()).toHaveTextContent("programs of book B");
  });
});

describe("the cache", () => {
  it("forgets the oldest answers no screen shows, beyond what it keeps; never one shown", async () => {
    const cache = new QueryCache(2);
    const shownKey = "shown";
    const stop = cache.subscribe(shownKey, () => {});
    cache.run(shownKey, async () => "on screen");
    for (const key of ["a", "b", "c"]) cache.run(key, async () => `answer ${key}`);
    await act(async () => {});
    expect(cache.get(shownKey)?.data).toBe("on screen");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")?.data).toBe("answer c");
    stop();
  });
});
