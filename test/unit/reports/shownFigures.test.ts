// The figures the Reports screen shows follow the display setting: a German analyst reads 0,00 %,
// 5,2 h and +1,5 pp; the CSV exports keep the raw values (KpiView, TrendTables).
import { afterEach, describe, expect, it } from 'vitest';
import { setDisplayLocale } from '../../../shared/domain/money';
import { programmeRatioText } from '../../../shared/reports/programmes';
import { change, changePp, decisionLogText, hours, pct } from '../../../renderer/src/features/reports/figureText';

afterEach(() => setDisplayLocale('iso'));

describe('report figures as shown', () => {
  it('ISO: decimal points', () => {
    expect([pct(0), pct(0.1234, 1), hours(5.25), hours(72), change(115, 100), changePp(0.03, 0.015), programmeRatioText(2999 / 199_940)]).toEqual([
      '0.00 %',
      '12.3 %',
      '5.3 h',
      '3.0 d',
      '+15.0 %',
      '+1.50 pp',
      '1.499 %',
    ]);
  });

  it('German: decimal commas, the same rounding', () => {
    setDisplayLocale('de-DE');
    expect([pct(0), pct(0.1234, 1), hours(5.25), hours(72), change(85, 100), changePp(0.015, 0.03), programmeRatioText(2999 / 199_940)]).toEqual([
      '0,00 %',
      '12,3 %',
      '5,3 h',
      '3,0 d',
      '−15,0 %',
      '−1,50 pp',
      '1,499 %',
    ]);
    expect(pct(null)).toBe('–');
  });
});

describe('the title page', () => {
  it('says the decision log was empty rather than print entry 0 and a hash of zeros', () => {
    expect(decisionLogText({ seq: 0, hash: '0'.repeat(64) })).toBe('empty');
    expect(decisionLogText({ seq: 12, hash: 'ab'.repeat(32) })).toBe(`entry 12, ${'ab'.repeat(32)}`);
    // Saved before snapshots named the log's head.
    expect(decisionLogText(undefined)).toBe('–');
  });
});
