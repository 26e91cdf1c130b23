// The KPI report over the team's decisions, on crafted data: Ana's and Ben's laptops and the lead
// Lea's, a conflict the lead resolves, one she has not, and an undo on Ben's laptop. Every figure
// worked out by hand.
import { describe, expect, it } from 'vitest';
import type { DecisionRef } from '../../../shared/decisions/chain';
import { reviewKpis } from '../../../shared/reports/reviewKpis';
import { confirmedFraud } from '../../../shared/reports/sources';
import { teamKpis } from '../../../shared/reports/teamKpis';
import { FRAUD_BY } from '../../../shared/reports/fraudTrend';
import type { TeamDecisionFacts } from '../../../shared/team/standing';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 1);
const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';
const BEN = 'bbbbbbbb-0000-4000-8000-000000000002';
const LEA = 'cccccccc-0000-4000-8000-000000000003';
const WHO: Record<string, string> = { [ANA]: 'Ana Weber', [BEN]: 'Ben Ito', [LEA]: 'Lea Roth' };
const d = (
  deviceId: string,
  seq: number,
  orderKey: string,
  decision: TeamDecisionFacts['decision'],
  hours: number,
  extra: { undoes?: number; settles?: DecisionRef[] } = {},
) => ({
  deviceId,
  seq,
  orderKey,
  decision,
  at: T + hours * H,
  analyst: WHO[deviceId]!,
  undoes: extra.undoes ?? null,
  settles: extra.settles ?? null,
});

// o1: Ana releases, Ben holds, Lea resolves: cancel. Counted once, as Lea's cancel.
// o2: Ana holds, Ben releases later; unresolved: counted as Ben's release, flagged.
// o3: Ben holds, then undoes it; Ana releases: Ana's release alone.
// o4: Ana holds (30 h after the order); nobody else.
const TEAM = [
  d(ANA, 1, 'o1', 'release', 2),
  d(ANA, 2, 'o2', 'hold', 3),
  d(ANA, 3, 'o3', 'release', 6),
  d(ANA, 4, 'o4', 'hold', 30),
  d(BEN, 1, 'o1', 'hold', 4),
  d(BEN, 2, 'o2', 'release', 5),
  d(BEN, 3, 'o3', 'hold', 1),
  d(BEN, 4, 'o3', 'undo', 1.5, { undoes: 3 }),
  d(LEA, 1, 'o1', 'cancel', 8, {
    settles: [
      { deviceId: ANA, seq: 1 },
      { deviceId: BEN, seq: 1 },
    ],
  }),
];
const PLACED = new Map(['o1', 'o2', 'o3', 'o4'].map((k) => [k, T]));

describe('team KPIs', () => {
  it('count each order once by the decision that stands for the team', () => {
    const k = reviewKpis(TEAM, PLACED, 20, T, T + 48 * H, 24);
    // o1 cancel (Lea), o2 release (Ben, later), o3 release (Ana), o4 hold.
    expect(k).toMatchObject({ reviewed: 4, held: 1, released: 2, cancelled: 1, manualReviewRate: 0.2 });
    // Held by someone and finally released: o2 only (o1 was cancelled, o3's hold was undone). Ever held: o1, o2, o4.
    expect(k.falsePositiveRate).toBeCloseTo(1 / 3, 12);
    // First decisions in force: o1 2 h, o2 3 h, o3 6 h (Ben's undone hold at 1 h does not count), o4 30 h.
    expect(k.turnaroundMedianH).toBe(4.5);
    expect(k.withinTarget).toBe(0.75);
  });

  it('an order held, released and later confirmed fraud is no false positive of the analyst who held it', () => {
    // o2: Ana held it, Ben's release stands; a fraud chargeback later confirms it was fraud.
    const before = teamKpis(TEAM, PLACED, T, T + 48 * H, 24).analysts.find((a) => a.analyst === 'Ana Weber')!;
    const after = teamKpis(TEAM, PLACED, T, T + 48 * H, 24, new Set(['o2'])).analysts.find((a) => a.analyst === 'Ana Weber')!;
    expect([before.falsePositives, after.falsePositives, after.falsePositiveRate]).toEqual([1, 0, 0]);
  });

  it('give each analyst their orders, turnaround and false positives, and flag the unresolved conflict', () => {
    const t = teamKpis(TEAM, PLACED, T, T + 48 * H, 24);
    expect(t.resolved).toBe(1);
    expect(t.unresolved).toEqual([
      {
        orderKey: 'o2',
        decisions: [
          { analyst: 'Ana Weber', decision: 'hold', at: T + 3 * H },
          { analyst: 'Ben Ito', decision: 'release', at: T + 5 * H },
        ],
        countedAs: 'release',
        reopened: false,
      },
    ]);
    expect(t.analysts).toEqual([
      {
        analyst: 'Ana Weber',
        decided: 4,
        held: 2,
        released: 2,
        cancelled: 0,
        turnaroundMedianH: 4.5, // 2, 3, 6, 30
        withinTarget: 0.75,
        falsePositives: 1, // o2: she held, the team released (o4 stays held)
        falsePositiveRate: 0.5,
        everHeld: 2, // o2 and o4
        everFlagged: 2, // the same: she cancelled none
        inConflict: 1,
        resolved: 0,
      },
      {
        analyst: 'Ben Ito',
        decided: 2, // o1, o2; o3 undone
        held: 1,
        released: 1,
        cancelled: 0,
        turnaroundMedianH: 4.5, // 4, 5
        withinTarget: 1,
        falsePositives: 0, // o1 was cancelled, not released
        falsePositiveRate: 0,
        everHeld: 1,
        everFlagged: 1,
        inConflict: 1,
        resolved: 0,
      },
      {
        analyst: 'Lea Roth',
        decided: 1,
        held: 0,
        released: 0,
        cancelled: 1,
        turnaroundMedianH: 8,
        withinTarget: 1,
        falsePositives: 0,
        // Her cancel flagged the order as fraud; its outcome is not known legitimate: 0 of 1.
        falsePositiveRate: 0,
        everHeld: 0,
        everFlagged: 1,
        inConflict: 0,
        resolved: 1,
      },
    ]);
  });

  it('leave out orders first decided outside the period', () => {
    const t = teamKpis(TEAM, PLACED, T + 4 * H, T + 48 * H, 24);
    // Only o3 (first in force at 6 h) and o4 (30 h).
    expect(t.analysts.map((a) => [a.analyst, a.decided])).toEqual([['Ana Weber', 2]]);
    expect(t).toMatchObject({ unresolved: [], resolved: 0 });
  });

  it('leave out of an analyst’s turnaround an order decided before the time the cache now holds for it', () => {
    // o4's date moved by a later import to 40 h, after Ana's hold at 30 h: she decided it, but it has no turnaround.
    const placed = new Map([...PLACED, ['o4', T + 40 * H]]);
    const ana = teamKpis(TEAM, placed, T, T + 48 * H, 24).analysts.find((a) => a.analyst === 'Ana Weber')!;
    // o1 2 h, o2 3 h, o3 6 h: median 3 h, all within target.
    expect(ana).toMatchObject({ decided: 4, turnaroundMedianH: 3, withinTarget: 1 });
    expect(reviewKpis(TEAM, placed, 20, T, T + 48 * H, 24).decidedBeforePlaced).toBe(1);
  });

  it('confirm as fraud the orders the team cancelled: the lead’s cancel counts, an undone or overruled one does not', () => {
    const fraud = confirmedFraud([], [...TEAM, d(BEN, 5, 'o5', 'cancel', 9), d(ANA, 5, 'o5', 'release', 10)], []);
    expect([...fraud]).toEqual([['o1', FRAUD_BY.cancelled]]);
  });
});
