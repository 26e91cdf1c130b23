// Starts the read worker (read.worker.ts) where workers exist: in the import worker of the app and
// the bench page. Elsewhere (Node tests) the import reads in its own thread.
import type { ReadWorker } from './readAhead';

export function startReadWorker(): ReadWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: 'import-read' }) as unknown as ReadWorker;
}
