// The import worker: parsing, reconciling and writing exports runs here, off the UI thread
// and beside the cache worker, so the window stays responsive during a 1M-row import. Its
// clock follows the window's (see shared/time/clock.ts).
import * as Comlink from 'comlink';
import { createDb } from '../storage/schema';
import { ImportService } from './importService';
import { FollowingClock } from '../../../../shared/time/clock';

const clock = new FollowingClock();
Comlink.expose(Object.assign(new ImportService(createDb(), clock), { followClock: (now: number) => clock.follow(now) }));
