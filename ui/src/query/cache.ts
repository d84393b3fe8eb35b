import type { ErrorDto } from "../bindings/ErrorDto";
import { toErrorDto } from "../errors";

/** What the cache holds for one key: the last answer (or why the last read failed), and the read under way. */
export type Entry = {
  readonly data?: unknown;
  readonly error?: ErrorDto;
  /** The read whose answer this entry waits for; an answer of any other read is dropped. */
  readonly running?: number;
  /** The book changed since `data` was read: it is shown until a read answers again. */
  readonly stale: boolean;
};

type Slot = { entry: Entry; read?: () => Promise<unknown> };

/**
 * The answers of the book's reads, by key (the read and its arguments), shared by every screen.
 * A key with a watcher (a screen showing it) is read again whenever the book changes; the
 * others are marked stale and read again when a screen shows them next.
 */
export class QueryCache {
  /** How many answers no screen shows are kept (the ones read last): a search typed letter by letter leaves many. */
  constructor(private readonly keep = 300) {}

  /** Oldest first (an entry set again moves to the end). */
  private slots = new Map<string, Slot>();
  private watchers = new Map<string, Set<() => void>>();
  private reads = 0;

  get(key: string): Entry | undefined {
    return this.slots.get(key)?.entry;
  }

  /** Calls `listener` whenever the entry of `key` changes; the key counts as shown until unsubscribed. */
  subscribe(key: string, listener: () => void): () => void {
    const set = this.watchers.get(key) ?? new Set();
    set.add(listener);
    this.watchers.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    };
  }

  /**
   * Reads `key` with `read`, unless a read of it is under way already (then its answer is
   * awaited, shared); `again` starts a new one anyway and drops the answer of the one before.
   */
  run(key: string, read: () => Promise<unknown>, again = false): void {
    const slot = this.slots.get(key);
    if (slot?.entry.running !== undefined && !again) return;
    const id = ++this.reads;
    this.set(key, { entry: { ...slot?.entry, stale: slot?.entry.stale ?? false, running: id }, read });
    read().then(
      (data) => this.settle(key, id, { data, stale: false }),
      (reason: unknown) => this.settle(key, id, { data: this.slots.get(key)?.entry.data, error: toErrorDto(reason), stale: false }),
    );
  }

  /** The book changed: every answer is stale, the reads under way are dropped, and what is shown is read again. */
  invalidate(): void {
    for (const [key, slot] of this.slots) {
      this.slots.set(key, { ...slot, entry: { data: slot.entry.data, error: slot.entry.error, stale: true } });
    }
    this.rerun();
  }

  /** Another book: nothing read from the one before is kept, and what is shown is read from the new one. */
  clear(): void {
    const reads = new Map([...this.slots].map(([key, slot]) => [key, slot.read]));
    this.slots.clear();
    for (const [key, read] of reads) {
      if (read && this.watchers.has(key)) this.slots.set(key, { entry: { stale: true }, read });
    }
    this.rerun();
  }

  private rerun(): void {
    for (const [key, slot] of [...this.slots]) {
      if (this.watchers.has(key) && slot.read) this.run(key, slot.read, true);
      else this.notify(key);
    }
  }

  private settle(key: string, id: number, entry: Entry): void {
    const slot = this.slots.get(key);
    if (slot?.entry.running !== id) return;
    this.set(key, { ...slot, entry });
  }

  private set(key: string, slot: Slot): void {
    this.slots.delete(key);
    this.slots.set(key, slot);
    this.forgetOld();
    this.notify(key);
  }

  private forgetOld(): void {
    let over = this.slots.size - this.keep;
    for (const [key, slot] of this.slots) {
      if (over <= 0) break;
      if (this.watchers.has(key) || slot.entry.running !== undefined) continue;
      this.slots.delete(key);
      over--;
    }
  }

  private notify(key: string): void {
    for (const listener of [...(this.watchers.get(key) ?? [])]) listener();
  }
}

/** The app's one cache: every screen's reads go through it. */
export const queryCache = new QueryCache();
