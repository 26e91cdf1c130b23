// Which decision stands, written once: undo, undo of an undo, notes, ring decisions with exceptions,
// the log's own events, and the same answers the queue and the reports computed on their own before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS, type Decision, type DecisionEntry } from '../../../shared/decisions/chain';
import { decisionsInForce, decisionThatStands, undoneSeqs } from '../../../shared/decisions/standing';

type Step = [orderKey: string, decision: Decision, undoes?: number];

/** A log from steps, seq = position + 1. */
const log = (...steps: Step[]): DecisionEntry[] =>
  steps.map(([orderKey, decision, undoes], i) => ({
    seq: i + 1,
    orderKey,
    decision,
    reasonCode: '',
    note: '',
    analyst: 'K. Weber',
    at: Date.UTC(2026, 10, 24, 9, i),
    score: null,
    matrixVersion: null,
    undoes: undoes ?? null,
    prevHash: '',
    hash: '',
  }));

const standing = (entries: DecisionEntry[]) => Object.fromEntries([...decisionThatStands(entries)].map(([k, e]) => [k, `${e.decision} ${e.seq}`]));

describe('decisionThatStands', () => {
  it.each<[string, Step[], Record<string, string>]>([
    ['nothing decided', [], {}],
    [
      'the latest decision',
      [
        ['s:A', 'hold'],
        ['s:A', 'release'],
      ],
      { 's:A': 'release 2' },
    ],
    [
      'a note changes nothing',
      [
        ['s:A', 'hold'],
        ['s:A', 'note'],
      ],
      { 's:A': 'hold 1' },
    ],
    ['a note alone decides nothing', [['s:A', 'note']], {}],
    [
      'undoing the latest brings back the one before',
      [
        ['s:A', 'hold'],
        ['s:A', 'release'],
        ['s:A', 'undo', 2],
      ],
      { 's:A': 'hold 1' },
    ],
    [
      'undoing the only decision leaves none',
      [
        ['s:A', 'cancel'],
        ['s:A', 'undo', 1],
      ],
      {},
    ],
    [
      'an undo reaches only its entry',
      [
        ['s:A', 'hold'],
        ['s:B', 'hold'],
        ['s:A', 'undo', 1],
      ],
      { 's:B': 'hold 2' },
    ],
    [
      'undoing an undo brings nothing back (the app refuses it; a file may hold it)',
      [
        ['s:A', 'hold'],
        ['s:A', 'undo', 1],
        ['s:A', 'undo', 2],
      ],
      {},
    ],
    [
      'an undo without its entry changes nothing',
      [
        ['s:A', 'hold'],
        ['s:A', 'undo'],
      ],
      { 's:A': 'hold 1' },
    ],
    [
      'an undo counts wherever it sits in the log',
      [
        ['s:A', 'undo', 2],
        ['s:A', 'hold'],
      ],
      {},
    ],
    [
      // Ring decision on A, B and C with B excepted: one entry per decided order; B keeps its release.
      'a ring decision with an exception',
      [
        ['s:B', 'release'],
        ['s:A', 'hold'],
        ['s:C', 'hold'],
      ],
      { 's:B': 'release 1', 's:A': 'hold 2', 's:C': 'hold 3' },
    ],
    [
      'undoing a ring decision whole brings back what stood on each order',
      [
        ['s:A', 'release'],
        ['s:A', 'cancel'],
        ['s:C', 'cancel'],
        ['s:A', 'undo', 2],
        ['s:C', 'undo', 3],
      ],
      { 's:A': 'release 1' },
    ],
    [
      // A restore supersedes the log it replaced: an event about the log, not a decision on an order.
      "the log's own events (restore, erasure, retention, the cache cleared) decide nothing",
      [
        ['s:A', 'hold'],
        ['', 'restore'],
        ['', 'erasure'],
        ['', 'retention'],
        ['', 'clear-cache'],
      ],
      { 's:A': 'hold 1' },
    ],
  ])('%s', (_, steps, expected) => {
    expect(standing(log(...steps))).toEqual(expected);
  });

  it('keeps the whole entry, for reasons and times', () => {
    const entries = log(['s:A', 'hold'], ['s:A', 'cancel']);
    expect(decisionThatStands(entries).get('s:A')).toBe(entries[1]);
  });
});

describe('decisionsInForce', () => {
  it("lists each order's decisions no undo reversed, oldest first", () => {
    const entries = log(['s:A', 'hold'], ['s:B', 'cancel'], ['s:A', 'release'], ['s:A', 'note'], ['s:A', 'cancel'], ['s:A', 'undo', 5], ['s:B', 'undo', 2]);
    const inForce = decisionsInForce(entries);
    expect([...inForce].map(([k, list]) => [k, list.map((e) => e.seq)])).toEqual([['s:A', [1, 3]]]);
    expect(undoneSeqs(entries)).toEqual(new Set([5, 2]));
  });
});

/** The rule as the queue (reviewService.latestDecisions) and the reports wrote it before. */
function standingBefore(entries: readonly DecisionEntry[]): Map<string, DecisionEntry> {
  const undone = new Set(entries.filter((e) => e.decision === 'undo' && e.undoes !== null).map((e) => e.undoes as number));
  const out = new Map<string, DecisionEntry>();
  for (const e of entries) {
    if (undone.has(e.seq) || (e.decision !== 'hold' && e.decision !== 'release' && e.decision !== 'cancel')) continue;
    out.set(e.orderKey, e);
  }
  return out;
}

describe('the same rule as before', () => {
  it('gives what the queue and the reports gave, for any log', () => {
    const step = fc.tuple(
      fc.constantFrom('s:A', 's:B', 's:C', ''),
      fc.constantFrom(...DECISIONS),
      fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const entries = log(...steps.map(([k, d, u]): Step => (d === 'undo' ? [k, d, u] : [k, d])));
        expect(decisionThatStands(entries)).toEqual(standingBefore(entries));
        const inForce = decisionsInForce(entries);
        for (const [key, e] of standingBefore(entries)) expect(inForce.get(key)!.at(-1)).toBe(e);
      }),
      { numRuns: 500 },
    );
  });
});
