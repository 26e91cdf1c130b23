import { describe, expect, it } from 'vitest';
import { fixedClock, FollowingClock, type Clock } from '../../../shared/time/clock';

function steppingClock(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('the clock', () => {
  it('a fixed clock always says the same time', () => {
    const c = fixedClock(Date.UTC(2026, 11, 31, 23, 30));
    expect(c.now()).toBe(Date.UTC(2026, 11, 31, 23, 30));
    expect(c.now()).toBe(c.now());
  });

  it("a following clock takes the other clock's reading and then moves with its own", () => {
    const own = steppingClock(1_000_000);
    const c = new FollowingClock(own);
    expect(c.now()).toBe(1_000_000);
    c.follow(Date.UTC(2027, 0, 1, 0, 15));
    expect(c.now()).toBe(Date.UTC(2027, 0, 1, 0, 15));
    own.advance(90_000);
    expect(c.now()).toBe(Date.UTC(2027, 0, 1, 0, 16, 30));
  });

  it('refuses a reading that is not a number', () => {
    expect(() => new FollowingClock().follow(Number.NaN)).toThrow(/must be a number/);
  });
});
