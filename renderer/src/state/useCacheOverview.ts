// Counts and provenance of the cache, re-read whenever something changed it.
import { useEffect, useState } from 'react';
import { cache } from '../core/client';
import type { CacheOverview } from '../core/contract';
import { useUi } from './uiStore';

export function useCacheOverview(): { overview: CacheOverview | null; error: string | null } {
  const version = useUi((s) => s.cacheVersion);
  const [overview, setOverview] = useState<CacheOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cache.overview().then(
      (o) => live && (setOverview(o), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return { overview, error };
}
