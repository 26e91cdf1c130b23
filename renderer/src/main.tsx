// Renderer entry: starts the cache worker before anything else, so it opens the cache while the
// window's code loads, asks once for persistent storage (so the engine does not evict the cache
// under disk pressure) and mounts the app from its own chunk.
import { startCache } from './core/client';
import { screenFromHash } from './state/screens';

// The worker reads ahead what the first screen needs while this window's code still loads.
startCache(screenFromHash(location.hash));
void navigator.storage?.persist?.().catch(() => undefined);

void import('./app/mount').then(({ mountApp }) => mountApp(document.getElementById('root')!));
