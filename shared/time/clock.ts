// The one source of "now" for the app, the demo generator and tests. Nothing reads the wall
// clock directly: services take a Clock, so a test runs at any fixed date it names.

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that always says `at` (epoch ms). */
export function fixedClock(at: number): Clock {
  return { now: () => at };
}

/**
 * A clock that follows another one: workers have their own `Date`, so the window tells them its
 * time once and they keep the difference. In the running app the difference is ~0; under a test
 * that pins the window's date, the workers follow it.
 */
export class FollowingClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock = systemClock) {}

  follow(theirNow: number): void {
    if (!Number.isFinite(theirNow)) throw new RangeError(`A clock reading must be a number, got ${theirNow}`);
    this.offset = theirNow - this.base.now();
  }

  now(): number {
    return this.base.now() + this.offset;
  }
}
