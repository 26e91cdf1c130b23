// A four-digit year below 100 (0001, 0026: a typo, or a file written to confuse) is read by
// Date.UTC as 1900 + year: `0026-05-01` is stored as 1 May 1926 and `29.02.0000` as 1 March 1900,
// silently, with no problem on the row.
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../shared/ingest/dates';
import { timeZoneNamed } from '../../../shared/ingest/dates';

const UTC = timeZoneNamed('UTC')!;
const yearOf = (t: number) => (Number.isNaN(t) ? NaN : new Date(t).getUTCFullYear());

describe('four-digit years below 100', () => {
  it.each([
    ['0026-05-01 10:00', 26],
    ['0001-01-01 00:00', 1],
    ['01.05.0026 10:00', 26],
  ])('%s is never read as a year in the 1900s', (raw, year) => {
    const y = yearOf(parseTimestamp(raw, UTC));
    // Either read as written or refused: never 1900 + year.
    expect(Number.isNaN(y) || y === year).toBe(true);
  });

  it('29.02.0000 is not moved to 1 March 1900', () => {
    const t = parseTimestamp('29.02.0000 12:00', UTC);
    expect(Number.isNaN(t) || new Date(t).toISOString().startsWith('0000-02-29')).toBe(true);
  });
});
