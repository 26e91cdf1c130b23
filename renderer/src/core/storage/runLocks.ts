// Which tab an import belongs to: the running import holds an exclusive lock for its whole run,
// so another tab can tell an import still running elsewhere from one whose tab died; and one
// import writes at a time across tabs (IMPORTS_WRITING), each on the cache the one before left.
// Web Locks in the app (tabs, workers, Electron); an in-process lock manager where there are none.

/** The locks an import takes and the question recovery asks; one per tab (or test "tab"). */
export interface RunLocks {
  /** Runs `work` holding the exclusive lock `name`; the lock goes when `work` settles or the tab dies. */
  hold<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** True while some tab holds `name`. */
  isHeld(name: string): Promise<boolean>;
  /** As `hold`, but waits while another tab holds `name`; `onWait` is told first when it must wait. */
  queue<T>(name: string, work: () => Promise<T>, onWait?: () => void): Promise<T>;
}

/**
 * Held by the import writing into the cache, in whichever tab: imports in two tabs at once would
 * each classify against the cache as it was before the other wrote, and write the same orders twice.
 */
export const IMPORTS_WRITING = 'fraud-workbench:imports-writing';

const PREFIX = 'fraud-workbench:import:';

/**
 * A fresh lock name for one import run, taken before its history record exists: named after
 * the record's id, another tab could see the record running in the moment before its lock is.
 */
export function newRunLockName(): string {
  return `${PREFIX}${crypto.randomUUID()}`;
}

export function webRunLocks(locks: LockManager): RunLocks {
  return {
    // The DOM typings nest the callback's promise (Promise<Promise<T>>); the lock resolves to T.
    hold: <T>(name: string, work: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, work) as unknown as Promise<T>,
    async isHeld(name) {
      const { held = [] } = await locks.query();
      return held.some((l) => l.name === name);
    },
    async queue<T>(name: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
      const busy = Symbol('busy');
      const got = (await locks.request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => (lock ? work() : busy))) as T | typeof busy;
      if (got !== busy) return got;
      onWait?.();
      return locks.request(name, { mode: 'exclusive' }, work) as unknown as Promise<T>;
    },
  };
}

/**
 * Locks shared by every "tab" of one process (tests, Node). Closing a tab releases what it
 * holds, as the browser does when a tab or its worker dies, even if its work never settles.
 */
export class MemoryLockManager {
  private readonly held = new Map<string, MemoryRunLocks>();
  private readonly waiting = new Map<string, (() => void)[]>();

  tab(): MemoryRunLocks {
    return new MemoryRunLocks(this.held, this.waiting);
  }
}

export class MemoryRunLocks implements RunLocks {
  private readonly mine = new Set<string>();

  constructor(
    private readonly held: Map<string, MemoryRunLocks>,
    private readonly waiting: Map<string, (() => void)[]> = new Map(),
  ) {}

  async hold<T>(name: string, work: () => Promise<T>): Promise<T> {
    // Names are unique per run, so waiting for another holder never happens in the app.
    if (this.held.has(name)) throw new Error(`The lock ${name} is already held`);
    this.held.set(name, this);
    this.mine.add(name);
    try {
      return await work();
    } finally {
      this.release(name);
    }
  }

  async isHeld(name: string): Promise<boolean> {
    return this.held.has(name);
  }

  async queue<T>(name: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
    if (this.held.has(name)) onWait?.();
    while (this.held.has(name)) await new Promise<void>((r) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), r]));
    return this.hold(name, work);
  }

  /** The tab dies: its locks go, whatever its work is doing. */
  close(): void {
    for (const name of [...this.mine]) this.release(name);
  }

  private release(name: string): void {
    if (!this.mine.delete(name)) return;
    if (this.held.get(name) === this) this.held.delete(name);
    const waiters = this.waiting.get(name) ?? [];
    this.waiting.delete(name);
    for (const wake of waiters) wake();
  }
}

let fallback: RunLocks | null = null;

/** The Web Locks of this tab or worker, or one in-process manager where the runtime has none. */
export function defaultRunLocks(): RunLocks {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return webRunLocks(locks);
  fallback ??= new MemoryLockManager().tab();
  return fallback;
}
