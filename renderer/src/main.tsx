// Renderer entry: starts the cache worker before anything else, so it opens the cache while the
// window's code loads, asks once for persistent storage (so the engine does not evict the cache
// under disk pressure) and mounts the app from its own chunk.
import './core/client';

void navigator.storage?.persist?.().catch(() => undefined);

void import('./app/mount').then(({ mountApp }) => mountApp(document.getElementById('root')!));
