// Which tab an import belongs to: the running import holds an exclusive lock for its whole run,
// so another tab can tell an import still running elsewhere from one whose tab died.
// Web Locks in the app (tabs, workers, Electron); an in-process lock manager where there are none.

/** The locks an import takes and the question recovery asks; one per tab (or test "tab"). */
export interface RunLocks {
  /** Runs `work` holding the exclusive lock `name`; the lock goes when `work` settles or the tab dies. */
  hold<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** True while some tab holds `name`. */
  isHeld(name: string): Promise<boolean>;
}

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
  };
}

/**
 * Locks shared by every "tab" of one process (tests, Node). Closing a tab releases what it
 * holds, as the browser does when a tab or its worker dies, even if its work never settles.
 */
export class MemoryLockManager {
  private readonly held = new Map<string, MemoryRunLocks>();

  tab(): MemoryRunLocks {
    return new MemoryRunLocks(this.held);
  }
}

export class MemoryRunLocks implements RunLocks {
  private readonly mine = new Set<string>();

  constructor(private readonly held: Map<string, MemoryRunLocks>) {}

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

  /** The tab dies: its locks go, whatever its work is doing. */
  close(): void {
    for (const name of [...this.mine]) this.release(name);
  }

  private release(name: string): void {
    if (!this.mine.delete(name)) return;
    if (this.held.get(name) === this) this.held.delete(name);
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
