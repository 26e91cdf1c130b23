// The worker that owns the local cache for the UI: opening, querying and bulk writes run
// here so the window stays responsive while 1M orders load or filter.
import * as Comlink from 'comlink';
import { createDb } from '../db/schema';
import { CacheService } from '../db/cacheService';

Comlink.expose(new CacheService(createDb()));
