import { invoke } from "@tauri-apps/api/core";
import { vi } from "vitest";

/** What a command answers in a test: a value, or a function of the arguments (throw to reject). */
export type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;

/**
 * Makes the mocked `invoke` (the test file does `vi.mock("@tauri-apps/api/core")`) answer the
 * given commands; any other command rejects, so a call the test did not expect shows up.
 */
export function answer(handlers: Handlers) {
  const mocked = vi.mocked(invoke);
  mocked.mockReset();
  mocked.mockImplementation(async (command: string, args?: unknown) => {
    const handler = handlers[command];
    if (!handler) throw { code: "unexpected", message: `no handler for ${command}`, problems: [] };
    return handler((args ?? {}) as Record<string, unknown>);
  });
  return mocked;
}

/** The arguments of every call of `command` so far. */
export function callsOf(command: string): Record<string, unknown>[] {
  return vi
    .mocked(invoke)
    .mock.calls.filter(([c]) => c === command)
    .map(([, args]) => (args ?? {}) as Record<string, unknown>);
}
