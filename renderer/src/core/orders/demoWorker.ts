// Starts the demo worker (demo.worker.ts) where workers exist: in the app's cache worker and the
// bench page. Elsewhere (Node tests) the demo year is made in the loading thread.
import type { DemoWorker } from './demoAhead';

export function startDemoWorker(): DemoWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module', name: 'demo-data' }) as unknown as DemoWorker;
}
