// The Imports room: the import worker's handlers. ImportService is the room's handler map; this
// names its public face for the contract and builds it for the worker.
import type { Clock } from '../../../../shared/time/clock';
import type { WorkbenchDb } from '../storage/schema';
import { ImportService } from './importService';

export type ImportHandlers = { [K in keyof ImportService]: ImportService[K] };

export function importHandlers(db: WorkbenchDb, clock: Clock): ImportHandlers {
  return new ImportService(db, clock);
}
