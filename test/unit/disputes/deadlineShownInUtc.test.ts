// A response deadline on screen says its zone. The app shows times in UTC; "respond by 2026-06-10
// 06:59" without it reads as the analyst's own clock, hours off in Berlin, Auckland or Los Angeles.
// The dispute's and the claim's detail both write the deadline through respondByText.
import { afterEach, describe, expect, it } from 'vitest';
import { respondByText } from '../../../shared/disputes/deadlines';
import { setDisplayLocale } from '../../../shared/domain/money';

afterEach(() => setDisplayLocale('iso'));

// A PayPal deadline given as 9 June: the end of that day in Los Angeles (PDT), 06:59:59 UTC on 10 June.
const DUE = Date.UTC(2026, 5, 10, 6, 59, 59);

describe('a response deadline as shown', () => {
  it('names UTC, with the countdown', () => {
    expect(respondByText(DUE, Date.UTC(2026, 5, 9, 12))).toBe('2026-06-10 06:59 UTC (in 18 h)');
    expect(respondByText(DUE, Date.UTC(2026, 5, 10, 8))).toBe('2026-06-10 06:59 UTC (overdue by 1 h 1 min)');
  });

  it('names UTC in the display locale too', () => {
    setDisplayLocale('de-DE');
    expect(respondByText(DUE, Date.UTC(2026, 5, 9, 12))).toBe('10.06.2026 06:59 UTC (in 18 h)');
  });
});
