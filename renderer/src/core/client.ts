// The window's handles on the two workers. Screens import `cache` and `importer` and await
// their handlers; the contract (contract.ts) types both. The cache worker starts with the window;
// the import worker on first use, so it does not compete with the first screen at start-up.
import * as Comlink from 'comlink';
import type { CoreHandlers, FollowsClock, ImportHandlers, ProgressFn } from './contract';

const cacheWorker = new Worker(new URL('./cache.worker.ts', import.meta.url), { type: 'module', name: 'cache' });

export const cache = Comlink.wrap<CoreHandlers & FollowsClock>(cacheWorker);
// The window's clock is the app's clock; the workers keep the difference to it.
void cache.followClock(Date.now());

type Importer = Comlink.Remote<ImportHandlers & FollowsClock>;
let importRemote: Importer | null = null;

function startedImporter(): Importer {
  if (!importRemote) {
    const worker = new Worker(new URL('./imports/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    importRemote = Comlink.wrap<ImportHandlers & FollowsClock>(worker);
    void importRemote.followClock(Date.now());
  }
  return importRemote;
}

/** The import worker's handlers; the worker starts on the first call. */
export const importer: Importer = new Proxy({} as Importer, { get: (_, name) => Reflect.get(startedImporter(), name) as unknown });

/** Wraps a progress callback so it can cross into a worker. */
export function progress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}
