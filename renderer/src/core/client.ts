// The window's handles on the two workers. Screens import `cache` and `importer` and await
// their handlers; the contract (contract.ts) types both. The cache worker starts with the window
// (main.tsx); the import worker on first use, so it does not compete with the first screen.
import * as Comlink from 'comlink';
import type { CoreHandlers, FollowsClock, ImportHandlers, ProgressFn } from './contract';
import { displayLocale, type DisplayLocale } from '../../../shared/domain/money';

type Cache = Comlink.Remote<CoreHandlers & FollowsClock>;
let cacheRemote: Cache | null = null;

/**
 * Starts the cache worker, told which screen the window opens first so it reads ahead for it (the
 * kept key index for Rings). The screen travels in the worker's name: a message to a starting
 * worker is delivered only once the window's main thread is free, which at start-up it is not.
 */
export function startCache(firstScreen: string): Cache {
  if (!cacheRemote) {
    const worker = new Worker(new URL('./cache.worker.ts', import.meta.url), { type: 'module', name: `cache:${firstScreen}` });
    cacheRemote = Comlink.wrap<CoreHandlers & FollowsClock>(worker);
    // The window's clock is the app's clock; the workers keep the difference to it.
    void cacheRemote.followClock(Date.now());
    void cacheRemote.followDisplay(displayLocale());
  }
  return cacheRemote;
}

/** The cache worker's handlers (main.tsx starts it; else the first call does). */
export const cache: Cache = new Proxy({} as Cache, { get: (_, name) => Reflect.get(startCache(''), name) as unknown });

type Importer = Comlink.Remote<ImportHandlers & FollowsClock>;
let importRemote: Importer | null = null;

function startedImporter(): Importer {
  if (!importRemote) {
    const worker = new Worker(new URL('./imports/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    importRemote = Comlink.wrap<ImportHandlers & FollowsClock>(worker);
    void importRemote.followClock(Date.now());
    void importRemote.followDisplay(displayLocale());
  }
  return importRemote;
}

/** The import worker's handlers; the worker starts on the first call. */
export const importer: Importer = new Proxy({} as Importer, { get: (_, name) => Reflect.get(startedImporter(), name) as unknown });

/** Wraps a progress callback so it can cross into a worker. */
export function progress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}

/** Tells the started workers the display locale the analyst chose (prefs.ts), for the dates in their texts. */
export function followDisplay(locale: DisplayLocale): void {
  void cacheRemote?.followDisplay(locale);
  void importRemote?.followDisplay(locale);
}
