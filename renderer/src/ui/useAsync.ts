// The one way screens load data and run actions against the workers: a value loaded whenever its
// inputs change, a busy flag, and a failure turned into an error message instead of an exception.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';

export interface Async<T> {
  /** The last loaded value; null before the first load (and while reloading unless `keepStale`). */
  value: T | null;
  /** Why the last load or action failed; cleared when an action starts or a load succeeds. */
  error: string | null;
  /** A load or an action is running. */
  busy: boolean;
  setValue: Dispatch<SetStateAction<T | null>>;
  setError(message: string | null): void;
  /** Loads again now (after an action changed what the value shows). */
  reload(): Promise<void>;
  /** Runs an action: its failure becomes `error`, and it resolves to undefined instead of rejecting. */
  run<R>(job: () => Promise<R>): Promise<R | undefined>;
}

export interface AsyncOptions {
  /** Keep showing the old value while new inputs load (default: clear it, so stale figures never show). */
  keepStale?: boolean;
}

/** The message a failed worker call carries, whatever was thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Loads `load()` whenever `deps` change (`load` may return null: nothing to load for these inputs).
 * A load answered after newer inputs, or after the screen closed, is dropped.
 */
export function useAsync<T>(load: () => Promise<T> | null, deps: DependencyList, options: AsyncOptions = {}): Async<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(0);
  const generation = useRef(0);
  // Reload (called from event handlers) must use the loader of the latest render.
  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });

  const tracked = useCallback(async <R>(job: () => Promise<R>): Promise<R> => {
    setRunning((n) => n + 1);
    try {
      return await job();
    } finally {
      setRunning((n) => n - 1);
    }
  }, []);

  const reload = useCallback(async () => {
    const pending = latest.current();
    if (!pending) return;
    const gen = ++generation.current;
    try {
      const next = await tracked(() => pending);
      if (gen !== generation.current) return;
      setValue(() => next);
      setError(null);
    } catch (e) {
      if (gen === generation.current) setError(messageOf(e));
    }
  }, [tracked]);

  const keepStale = options.keepStale ?? false;
  useEffect(() => {
    if (!keepStale) setValue(null);
    void reload();
    // New inputs or a closed screen: whatever is still loading is for the old ones.
    const loads = generation;
    return () => {
      loads.current++;
    };
    // The caller's deps decide when to load, like useEffect's: everything the loader reads, and the
    // triggers (the cache version) that say the same call now answers differently.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const run = useCallback(
    async <R>(job: () => Promise<R>): Promise<R | undefined> => {
      setError(null);
      try {
        return await tracked(job);
      } catch (e) {
        setError(messageOf(e));
        return undefined;
      }
    },
    [tracked],
  );

  return { value, error, busy: running > 0, setValue, setError, reload, run };
}

const NOTHING_TO_LOAD = () => null;

/** A form's or a panel's actions with nothing to load: `run`, `busy` and `error` of useAsync. */
export function useActions(): Pick<Async<never>, 'run' | 'busy' | 'error' | 'setError'> {
  const { run, busy, error, setError } = useAsync<never>(NOTHING_TO_LOAD, []);
  return { run, busy, error, setError };
}
