// The UI's handle on the cache worker. Screens import `cache` and await its methods.
import * as Comlink from 'comlink';
import type { CacheService, ProgressFn } from './cacheService';

const worker = new Worker(new URL('./cache.worker.ts', import.meta.url), { type: 'module', name: 'cache' });

export const cache = Comlink.wrap<CacheService & { followClock(now: number): void }>(worker);
// The window's clock is the app's clock; the worker keeps the difference to it.
void cache.followClock(Date.now());

/** Wraps a progress callback so it can cross into the worker. */
export function progress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}
