// Runs the current orders query in the cache worker and fetches result rows page by page
// as the table scrolls; stale pages from an older query are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { cache } from '../../core/client';
import type { OrderRow } from '../../core/contract';
import { useUi } from '../../state/uiStore';

export const PAGE_SIZE = 100;

export interface OrderRowsState {
  total: number | null;
  loading: boolean;
  error: string | null;
  /** Milliseconds the last query took in the worker round trip. */
  queryMs: number | null;
  /** Bumped when a query completes, so views re-fetch rows even if the count is unchanged. */
  version: number;
  /** The search text of the result on screen (the box may already hold newer text). */
  appliedSearch: string;
  row(index: number): OrderRow | undefined;
  ensureRange(start: number, end: number): void;
}

export function useOrderRows(): OrderRowsState {
  const { filter, sort, search, cacheVersion } = useUi();
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [queryMs, setQueryMs] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [appliedSearch, setAppliedSearch] = useState('');
  const [, setTick] = useState(0);
  const generation = useRef(0);
  const pages = useRef(new Map<number, OrderRow[] | 'loading'>());

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    const started = performance.now();
    cache.queryOrders({ filter, sort, search }).then(
      (n) => {
        if (gen !== generation.current) return;
        pages.current = new Map();
        setTotal(n);
        setQueryMs(performance.now() - started);
        setVersion((v) => v + 1);
        setAppliedSearch(search);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (gen !== generation.current) return;
        setError(e.message);
        setLoading(false);
      },
    );
  }, [filter, sort, search, cacheVersion]);

  const ensureRange = useCallback((start: number, end: number) => {
    const gen = generation.current;
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
      if (pages.current.has(p)) continue;
      pages.current.set(p, 'loading');
      cache.orderRows(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).then(
        (rows) => {
          if (gen !== generation.current) return;
          pages.current.set(p, rows);
          setTick((t) => t + 1);
        },
        (e: Error) => gen === generation.current && setError(e.message),
      );
    }
  }, []);

  const row = useCallback((index: number) => {
    const page = pages.current.get(Math.floor(index / PAGE_SIZE));
    return page === undefined || page === 'loading' ? undefined : page[index % PAGE_SIZE];
  }, []);

  return { total, loading, error, queryMs, version, appliedSearch, row, ensureRange };
}
