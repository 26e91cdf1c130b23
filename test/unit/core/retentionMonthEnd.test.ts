// The retention period counts calendar months back from today. A month shorter than today's date
// (30 or 28/29 days) has its last day as "the same day N months ago": 31 March less one month is
// 28 February, not 3 March, which would purge days that are still inside the period.
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../renderer/src/core/privacy/personalData';

const day = (t: number | null) => new Date(t!).toISOString().slice(0, 10);

describe('the retention cut-off at the end of a month', () => {
  it('keeps all of the last month when today is the 31st and that month is shorter', () => {
    expect(day(retentionCutoff(1, Date.UTC(2026, 2, 31, 10)))).toBe('2026-02-28');
    expect(day(retentionCutoff(1, Date.UTC(2028, 2, 31, 10)))).toBe('2028-02-29');
    expect(day(retentionCutoff(1, Date.UTC(2026, 4, 31, 10)))).toBe('2026-04-30');
    expect(day(retentionCutoff(3, Date.UTC(2026, 11, 31, 23, 59)))).toBe('2026-09-30');
  });

  it('reads 29 February a year on as 28 February', () => {
    expect(day(retentionCutoff(12, Date.UTC(2028, 1, 29, 10)))).toBe('2027-02-28');
    expect(day(retentionCutoff(48, Date.UTC(2028, 1, 29, 10)))).toBe('2024-02-29');
  });

  it('is unchanged where the day exists in both months', () => {
    expect(day(retentionCutoff(1, Date.UTC(2026, 2, 28, 10)))).toBe('2026-02-28');
    expect(day(retentionCutoff(6, Date.UTC(2026, 9, 25, 1, 30)))).toBe('2026-04-25');
  });
});
