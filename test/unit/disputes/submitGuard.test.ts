// The submit guard: Submitted with evidence its family needs unticked, or after the deadline, names
// what it overrides (and so needs a reason); any other move, or a complete and timely one, does not.
import { describe, expect, it } from 'vitest';
import { submitOverrides } from '../../../shared/disputes/workflow';

const NOW = Date.UTC(2026, 11, 31, 23, 30);
const items = (ticked: boolean[]) => ticked.map((checked, i) => ({ item: `item ${i}`, checked }));

describe('submit guard', () => {
  it('names missing evidence and a passed deadline', () => {
    expect(submitOverrides({ dueAt: NOW - 60_000, evidence: items([true, false, false]) }, 'submitted', NOW)).toEqual([
      '2 of 3 evidence items missing',
      'after the deadline of 2026-12-31 23:29 UTC',
    ]);
  });

  it('lets a complete, timely submission and every other move through', () => {
    expect(submitOverrides({ dueAt: NOW + 60_000, evidence: items([true, true]) }, 'submitted', NOW)).toEqual([]);
    expect(submitOverrides({ dueAt: 0, evidence: items([true]) }, 'submitted', NOW)).toEqual([]);
    expect(submitOverrides({ dueAt: NOW - 60_000, evidence: items([false]) }, 'accepted', NOW)).toEqual([]);
    expect(submitOverrides({ dueAt: NOW - 60_000, evidence: items([false]) }, 'gathering_evidence', NOW)).toEqual([]);
  });
});
