// The import worker: parsing, reconciling and writing exports runs here, off the UI thread
// and beside the cache worker, so the window stays responsive during a 1M-row import.
import * as Comlink from 'comlink';
import { createDb } from '../db/schema';
import { ImportService } from '../db/importService';

Comlink.expose(new ImportService(createDb()));
