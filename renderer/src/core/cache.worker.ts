// The worker that owns the local cache for the UI: opening, querying and bulk writes run
// here so the window stays responsive while 1M orders load or filter. Its clock follows the
// window's (see shared/time/clock.ts), so the whole app has one "now".
import * as Comlink from 'comlink';
import { FollowingClock } from '../../../shared/time/clock';
import { setDisplayLocale } from '../../../shared/domain/money';
import { createDb } from './storage/schema';
import { createCore } from './createCore';
import type { CoreHandlers, FollowsClock } from './contract';

const clock = new FollowingClock();
const exposed: CoreHandlers & FollowsClock = {
  ...createCore(createDb(), clock, { openNow: true }),
  followClock: (now: number) => clock.follow(now),
  followDisplay: setDisplayLocale,
};
// The window names the worker after its first screen (client.ts): read ahead for it at once.
exposed.firstScreen(self.name.replace(/^cache:/, ''));
Comlink.expose(exposed);
