// The import worker: parsing, reconciling and writing exports runs here, off the UI thread
// and beside the cache worker, so the window stays responsive during a 1M-row import. Its
// clock follows the window's (see shared/time/clock.ts).
import * as Comlink from 'comlink';
import { FollowingClock } from '../../../../shared/time/clock';
import { setDisplayLocale } from '../../../../shared/domain/money';
import { createDb } from '../storage/schema';
import { importHandlers } from './handlers';

const clock = new FollowingClock();
Comlink.expose(Object.assign(importHandlers(createDb(), clock), { followClock: (now: number) => clock.follow(now), followDisplay: setDisplayLocale }));
