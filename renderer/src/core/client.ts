// The window's handles on the two workers. Screens import `cache` and `importer` and await
// their handlers; the contract (contract.ts) types both.
import * as Comlink from 'comlink';
import type { CoreHandlers, FollowsClock, ImportHandlers, ProgressFn } from './contract';

const cacheWorker = new Worker(new URL('./cache.worker.ts', import.meta.url), { type: 'module', name: 'cache' });
const importWorker = new Worker(new URL('./imports/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

export const cache = Comlink.wrap<CoreHandlers & FollowsClock>(cacheWorker);
export const importer = Comlink.wrap<ImportHandlers & FollowsClock>(importWorker);
// The window's clock is the app's clock; the workers keep the difference to it.
void cache.followClock(Date.now());
void importer.followClock(Date.now());

/** Wraps a progress callback so it can cross into a worker. */
export function progress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}
