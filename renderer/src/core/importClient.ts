// The UI's handle on the import worker.
import * as Comlink from 'comlink';
import type { ImportService } from './imports/importService';

const worker = new Worker(new URL('./imports/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

export const importer = Comlink.wrap<ImportService & { followClock(now: number): void }>(worker);
// The window's clock is the app's clock; the worker keeps the difference to it.
void importer.followClock(Date.now());
