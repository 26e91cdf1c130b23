// The team's standing decision per order, on crafted decisions of three laptops: Ana's, Ben's and
// the lead Lea's. Times in hours after T; seqs are each laptop's own log seqs.
import { describe, expect, it } from 'vitest';
import type { DecisionRef } from '../../../shared/decisions/chain';
import { decisionConflicts, refsToSettle, resolvedConflicts, teamDecisionsThatStand, type TeamDecisionFacts } from '../../../shared/team/standing';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 18, 9);
const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';
const BEN = 'bbbbbbbb-0000-4000-8000-000000000002';
const LEA = 'cccccccc-0000-4000-8000-000000000003';
const WHO: Record<string, string> = { [ANA]: 'Ana Weber', [BEN]: 'Ben Ito', [LEA]: 'Lea Roth' };

function d(
  deviceId: string,
  seq: number,
  orderKey: string,
  decision: TeamDecisionFacts['decision'],
  hours: number,
  extra: { undoes?: number; settles?: DecisionRef[] } = {},
): TeamDecisionFacts {
  return { deviceId, seq, orderKey, decision, at: T + hours * H, analyst: WHO[deviceId]!, undoes: extra.undoes ?? null, settles: extra.settles ?? null };
}
const ref = (deviceId: string, seq: number): DecisionRef => ({ deviceId, seq });

describe('the decision that stands for the team', () => {
  it('flags two laptops deciding an order differently, and counts the later decision until a lead resolves it', () => {
    const all = [d(ANA, 1, 'o1', 'release', 1), d(BEN, 1, 'o1', 'hold', 2), d(BEN, 2, 'o2', 'hold', 2.5), d(ANA, 2, 'o2', 'hold', 3)];
    const s = teamDecisionsThatStand(all);
    expect(s.get('o1')).toMatchObject({ conflict: true, resolution: null, stands: { deviceId: BEN, decision: 'hold' } });
    expect(s.get('o1')!.open.map((x) => x.analyst)).toEqual(['Ana Weber', 'Ben Ito']);
    // Agreeing laptops are no conflict; the later one stands.
    expect(s.get('o2')).toMatchObject({ conflict: false, stands: { deviceId: ANA, decision: 'hold' } });
    expect(decisionConflicts(all).map((c) => c.orderKey)).toEqual(['o1']);
  });

  it('lets the lead’s resolution stand over the decisions it names, with them as its history, on every laptop alike', () => {
    const lea = d(LEA, 7, 'o1', 'release', 5, { settles: [ref(ANA, 1), ref(BEN, 1)] });
    const all = [d(ANA, 1, 'o1', 'hold', 1), d(BEN, 1, 'o1', 'release', 2), lea];
    for (const order of [all, [...all].reverse()]) {
      const s = teamDecisionsThatStand(order).get('o1')!;
      expect(s).toMatchObject({ conflict: false, stands: lea, resolution: lea });
      expect(s.settled.map((x) => `${x.analyst} ${x.decision}`)).toEqual(['Ana Weber hold', 'Ben Ito release']);
    }
    expect(decisionConflicts(all)).toEqual([]);
    expect(resolvedConflicts(all).map((x) => x.orderKey)).toEqual(['o1']);
  });

  it('re-opens the conflict when a laptop decides again after the resolution, not when it agrees with it', () => {
    const lea = d(LEA, 7, 'o1', 'hold', 5, { settles: [ref(ANA, 1), ref(BEN, 1)] });
    const base = [d(ANA, 1, 'o1', 'release', 1), d(BEN, 1, 'o1', 'hold', 2), lea];
    const anaAgain = teamDecisionsThatStand([...base, d(ANA, 2, 'o1', 'release', 6)]).get('o1')!;
    expect(anaAgain).toMatchObject({ conflict: true, resolution: lea, stands: { deviceId: ANA, seq: 2 } });
    expect(decisionConflicts([...base, d(ANA, 2, 'o1', 'release', 6)])[0]!.reopens).toBe(lea);
    const benAgrees = teamDecisionsThatStand([...base, d(BEN, 2, 'o1', 'hold', 6)]).get('o1')!;
    expect(benAgrees).toMatchObject({ conflict: false, stands: lea });
    // Undoing the resolution on the lead's laptop brings the conflict back as it was.
    const undone = teamDecisionsThatStand([...base, d(LEA, 8, 'o1', 'undo', 6, { undoes: 7 })]).get('o1')!;
    expect(undone).toMatchObject({ conflict: true, resolution: null, stands: { deviceId: BEN, seq: 1 } });
  });

  it('applies an undo to its own laptop only: the undone decision leaves the conflict, a same seq elsewhere stays', () => {
    const all = [d(ANA, 1, 'o1', 'release', 1), d(BEN, 1, 'o1', 'hold', 2), d(BEN, 2, 'o1', 'undo', 2.2, { undoes: 1 })];
    const s = teamDecisionsThatStand(all).get('o1')!;
    expect(s).toMatchObject({ conflict: false, stands: { deviceId: ANA, seq: 1 } });
    expect(s.inForce).toHaveLength(1);
    // All undone: the order is not decided.
    expect(teamDecisionsThatStand([d(ANA, 1, 'o3', 'hold', 1), d(ANA, 2, 'o3', 'undo', 1.1, { undoes: 1 })]).has('o3')).toBe(false);
  });

  it('settles only what a resolution names: a laptop it did not name keeps the conflict open', () => {
    const lea = d(LEA, 7, 'o1', 'hold', 5, { settles: [ref(ANA, 1), ref(BEN, 1)] });
    const carl = 'dddddddd-0000-4000-8000-000000000004';
    WHO[carl] = 'Carl Berg';
    const s = teamDecisionsThatStand([d(ANA, 1, 'o1', 'release', 1), d(BEN, 1, 'o1', 'hold', 2), lea, d(carl, 3, 'o1', 'release', 4)]).get('o1')!;
    expect(s.conflict).toBe(true);
    expect(s.open.map((x) => x.analyst)).toEqual(['Carl Berg', 'Lea Roth']);
  });

  it('keeps hostile resolutions from hiding a conflict: one naming itself, two naming each other', () => {
    const self = d(LEA, 7, 'o1', 'hold', 5, { settles: [ref(LEA, 7), ref(ANA, 1)] });
    expect(teamDecisionsThatStand([d(ANA, 1, 'o1', 'release', 1), self]).get('o1')).toMatchObject({ conflict: false, stands: self });
    const a = d(LEA, 7, 'o1', 'hold', 5, { settles: [ref(ANA, 9)] });
    const b = d(ANA, 9, 'o1', 'release', 6, { settles: [ref(LEA, 7)] });
    expect(teamDecisionsThatStand([a, b]).get('o1')).toMatchObject({ conflict: true });
  });

  it('names, for a lead resolving now, each laptop’s latest decision', () => {
    const s = teamDecisionsThatStand([d(ANA, 1, 'o1', 'hold', 1), d(ANA, 2, 'o1', 'release', 1.5), d(BEN, 4, 'o1', 'hold', 2)]).get('o1')!;
    expect(refsToSettle(s)).toEqual([ref(ANA, 2), ref(BEN, 4)]);
  });

  it('reads one laptop’s log (no device ids) as it always did: the latest decision no undo reversed', () => {
    const log: TeamDecisionFacts[] = [
      { seq: 1, orderKey: 'o1', decision: 'hold', undoes: null, analyst: 'K', at: T },
      { seq: 2, orderKey: 'o1', decision: 'release', undoes: null, analyst: 'K', at: T + H },
      { seq: 3, orderKey: 'o1', decision: 'undo', undoes: 2, analyst: 'K', at: T + 2 * H },
    ];
    expect(teamDecisionsThatStand(log).get('o1')).toMatchObject({ conflict: false, stands: { seq: 1, decision: 'hold' } });
  });
});
