import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { queryCache } from "../query/cache";

// jsdom lays nothing out: give elements a size so the virtualizer has a viewport to fill.
Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });

// Each test starts with nothing read: the cache of the book's reads is the app's one.
afterEach(() => {
  cleanup();
  queryCache.clear();
});
