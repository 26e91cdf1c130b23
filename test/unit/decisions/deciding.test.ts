// What a decision needs before it is logged (reason codes from the right list, a note's text) and
// when an undo is refused (not a decision, undone already, past the undo window).
import { describe, expect, it } from 'vitest';
import type { Decision, DecisionEntry } from '../../../shared/decisions/chain';
import { decisionProblem, needsReasonCode, reasonCodesFor, reasonGroups } from '../../../shared/decisions/reasons';
import { UNDO_WINDOW_MS, undoProblem } from '../../../shared/decisions/undo';

const LISTS = { holdReasons: ['STOLEN-CARD', 'OTHER'], releaseReasons: ['CUSTOMER-VERIFIED', 'OTHER'] };

describe('reason codes', () => {
  it('hold and cancel need one; release and note do not', () => {
    expect((['hold', 'release', 'cancel', 'note'] as const).map(needsReasonCode)).toEqual([true, false, true, false]);
  });

  it('a release takes the release list, everything else the hold list', () => {
    expect(reasonCodesFor('release', LISTS)).toBe(LISTS.releaseReasons);
    expect(reasonCodesFor('hold', LISTS)).toBe(LISTS.holdReasons);
    expect(reasonCodesFor('cancel', LISTS)).toBe(LISTS.holdReasons);
  });

  it("a ring's one list names each code once: one on both lists is under its own group", () => {
    expect(reasonGroups(LISTS)).toEqual([
      { label: 'Hold or cancel', codes: ['STOLEN-CARD'] },
      { label: 'Release', codes: ['CUSTOMER-VERIFIED'] },
      { label: 'Hold, cancel or release', codes: ['OTHER'] },
    ]);
    expect(reasonGroups({ holdReasons: ['STOLEN-CARD'], releaseReasons: [] })).toEqual([{ label: 'Hold or cancel', codes: ['STOLEN-CARD'] }]);
  });

  it.each<[Decision, string, string, string | null]>([
    ['hold', 'STOLEN-CARD', '', null],
    ['cancel', 'OTHER', '', null],
    ['release', '', '', null],
    ['release', 'CUSTOMER-VERIFIED', '', null],
    ['note', '', 'called the customer', null],
    ['hold', '', '', 'A hold needs a reason code'],
    ['cancel', '', 'a note is no reason', 'A cancel needs a reason code'],
    ['release', 'STOLEN-CARD', '', 'STOLEN-CARD is not a release reason code; Settings lists them'],
    ['hold', 'CUSTOMER-VERIFIED', '', 'CUSTOMER-VERIFIED is not a hold reason code; Settings lists them'],
    ['note', '', '   ', 'Write the note first'],
    ['undo', '', '', 'undo is not a decision on an order'],
    ['restore', '', '', 'restore is not a decision on an order'],
  ])('%s with reason %j and note %j: %s', (decision, reason, note, problem) => {
    expect(decisionProblem(decision, reason, note, LISTS)).toBe(problem);
  });
});

describe('undo', () => {
  const at = Date.UTC(2026, 10, 24, 9, 0);
  const e = (seq: number, decision: Decision, undoes: number | null = null): Pick<DecisionEntry, 'seq' | 'decision' | 'undoes' | 'at'> => ({
    seq,
    decision,
    undoes,
    at,
  });
  const entries = [e(1, 'hold'), e(2, 'note'), e(3, 'release'), e(4, 'undo', 3)];

  it('is allowed within the window, to the millisecond', () => {
    expect(undoProblem(1, entries, at + UNDO_WINDOW_MS)).toBeNull();
    // A clock corrected back by less than the window still lets a decision just made be undone.
    expect(undoProblem(1, entries, at - 10_000)).toBeNull();
    expect(UNDO_WINDOW_MS).toBe(2 * 60_000);
  });

  it.each([
    [1, at + UNDO_WINDOW_MS + 1, 'Entry 1 is older than 2 minutes; make a new decision instead'],
    [2, at, 'Entry 2 is not a decision that can be undone'],
    [4, at, 'Entry 4 is not a decision that can be undone'],
    [9, at, 'Entry 9 is not a decision that can be undone'],
    [3, at, 'Entry 3 was already undone'],
    // The clock went back (or was ahead when it was decided): the window is measured either way, not stretched by the difference.
    [1, at - UNDO_WINDOW_MS - 1, "Entry 1 is dated more than 2 minutes after this computer's clock (the clock was changed); make a new decision instead"],
    [1, at - 24 * 3_600_000, "Entry 1 is dated more than 2 minutes after this computer's clock (the clock was changed); make a new decision instead"],
  ])('entry %i at %i: %s', (seq, now, problem) => {
    expect(undoProblem(seq, entries, now)).toBe(problem);
  });
});
