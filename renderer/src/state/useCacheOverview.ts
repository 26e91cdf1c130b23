// Counts and provenance of the cache, re-read whenever something changed it.
import { cache } from '../core/client';
import type { CacheOverview } from '../core/contract';
import { useAsync } from '../ui/useAsync';
import { useUi } from './uiStore';

export function useCacheOverview(): { overview: CacheOverview | null; error: string | null } {
  const version = useUi((s) => s.cacheVersion);
  const { value, error } = useAsync(() => cache.overview(), [version], { keepStale: true });
  return { overview: value, error };
}
