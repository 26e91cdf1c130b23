// The erasure register as the screens mark it: which orders' personal data was erased or purged,
// re-read whenever something changed the cache (an erasure, a purge, a restore).
import { cache } from '../core/client';
import { erasureMarkOf, type ErasureMark } from '../../../shared/orders/erasureMarks';
import { useAsync } from '../ui/useAsync';
import { useUi } from './uiStore';

/** Why an order has no personal data (its key and placing time), or null. */
export type ErasureMarkOf = (key: string, createdAt: number) => ErasureMark | null;

export function useErasureMarks(): ErasureMarkOf {
  const version = useUi((s) => s.cacheVersion);
  const erased = useAsync(() => cache.erasedOrders(), [version], { keepStale: true }).value;
  return (key, createdAt) => erasureMarkOf(erased ?? null, key, createdAt);
}
