// A KPI report of a period not over yet (or past the latest order in the data) says its figures
// are partial, on the note, the title page and the programme month it stops in.
import { describe, expect, it } from 'vitest';
import { kpiReport, partialPeriod } from '../../../shared/reports/kpi';
import { partialText } from '../../../renderer/src/features/reports/figureText';

const DAY = 86_400_000;
const NOV = Date.UTC(2026, 10, 1);
const DEC = Date.UTC(2026, 11, 1);
const NOW = Date.UTC(2026, 10, 18, 14);

const report = (now: number, latestOrder: number | undefined) =>
  kpiReport({
    from: NOV,
    to: DEC,
    slaHours: 24,
    decisions: [],
    placedAt: new Map(),
    ordersPlaced: 0,
    disputes: [],
    submittedAt: new Map(),
    programmes: [],
    thresholds: [],
    now,
    latestOrder,
  });

describe('partial period', () => {
  it('November at the 18 November clock is counted to the 18th, and says so', () => {
    const k = report(NOW, NOW - 3_600_000);
    expect(k.partial).toEqual({ at: NOW, by: 'today' });
    expect(partialText(k)).toBe('the period runs past today (2026-11-18), so its figures count 2026-11-01 to 2026-11-18 only, not the whole period.');
  });

  it('a month over whose data ends early runs past the latest cached order', () => {
    const latest = Date.UTC(2026, 10, 5, 9);
    expect(report(DEC + 5 * DAY, latest).partial).toEqual({ at: latest, by: 'latest-order' });
    // Still running and with old data: the earlier of the two.
    expect(partialPeriod(DEC, NOW, latest)).toEqual({ at: latest, by: 'latest-order' });
  });

  it('a whole month with data to its last day is not partial', () => {
    // The latest order on 30 November: within a day of the end, as the fraud trend judges it.
    const k = report(DEC + 17 * DAY, DEC - 10 * 3_600_000);
    expect(k.partial).toBeUndefined();
    expect(partialText(k)).toBe('');
    expect(partialPeriod(DEC, undefined, undefined)).toBeUndefined();
  });

  it('a period wholly after today holds no figures yet', () => {
    const k = { ...report(NOW, NOW), from: DEC, to: DEC + 31 * DAY };
    expect(partialText(k)).toBe('the period runs past today (2026-11-18), so it holds no figures yet.');
  });
});
