// A ring's dates and busiest day as its detail says them: one date for a ring of one day, and a
// peak of one order said as one order.
import { afterEach, describe, expect, it } from 'vitest';
import { ringPeak, ringSpan } from '../../../renderer/src/features/rings/ringWording';
import { setDisplayLocale } from '../../../shared/domain/money';

afterEach(() => setDisplayLocale('iso'));

describe('a ring in words', () => {
  it('a ring within one day shows that day once, not "2026-11-16 – 2026-11-16"', () => {
    expect(ringSpan(Date.UTC(2026, 10, 16, 19, 1), Date.UTC(2026, 10, 16, 19, 25))).toBe('2026-11-16');
    expect(ringSpan(Date.UTC(2026, 10, 16, 19, 1), Date.UTC(2026, 10, 18, 8))).toBe('2026-11-16 – 2026-11-18');
    setDisplayLocale('de-DE');
    expect(ringSpan(Date.UTC(2026, 10, 16, 23, 59), Date.UTC(2026, 10, 17, 0, 1))).toBe('16.11.2026 – 17.11.2026');
  });

  it('a peak of one order in 24 h is one order', () => {
    expect(ringPeak(1)).toBe('peak 1 order in 24 h');
    expect(ringPeak(3)).toBe('peak 3 orders in 24 h');
  });
});
