// A restore's words count entries by what they are: the entry of an earlier restore (set aside
// when a backup is restored twice, or brought by a backup written after a restore elsewhere) is
// not a decision, and the dialog and the restore's log entry say so.
import { describe, expect, it } from 'vitest';
import { addedDecisionsText, lostDecisionsText, lostEntriesSentences } from '../../../shared/backup/restoreText';

const none = { erasures: 0, purges: 0 };

describe('what a restore sets aside, in words', () => {
  it('names a restore entry apart from decisions', () => {
    expect(lostEntriesSentences({ lostDecisions: 1, lostRestores: 1, lostErasures: none, lostClears: 0, verifiedTo: 3 }).decisions).toBe(
      '1 restore entry after entry 3 will be set aside: kept in the archive, no longer in force.',
    );
    expect(lostEntriesSentences({ lostDecisions: 3, lostRestores: 1, lostErasures: none, lostClears: 0, verifiedTo: 3 }).decisions).toBe(
      '2 decisions and 1 restore entry after entry 3 will be set aside: kept in the archive, no longer in force.',
    );
  });

  it('still says decisions when only decisions go', () => {
    expect(lostEntriesSentences({ lostDecisions: 2, lostRestores: 0, lostErasures: none, lostClears: 0, verifiedTo: 3 })).toEqual({
      decisions: '2 decisions after entry 3 will be set aside: kept in the archive, no longer in force.',
      clears: null,
      erasures: null,
    });
    expect(lostDecisionsText({ lostDecisions: 1, verifiedTo: 0 })).toBe('the 1 decision here (the backup holds none)');
  });

  it('the log entry names each kind, erasures and purges included', () => {
    expect(lostDecisionsText({ lostDecisions: 5, lostRestores: 2, lostErasures: { erasures: 1, purges: 1 }, verifiedTo: 4 })).toBe(
      '1 decision, 2 restore entries, 1 erasure on request and 1 retention purge after entry 4',
    );
    expect(lostDecisionsText({ lostDecisions: 2, lostRestores: 2, verifiedTo: 0 })).toBe('the 2 restore entries here (the backup holds none)');
    // A clearing of the cache set aside by a restore is named as one in the restore's own entry, not as a decision.
    expect(lostDecisionsText({ lostDecisions: 3, lostClears: 1, lostRestores: 0, verifiedTo: 5 })).toBe(
      '2 decisions and 1 clearing of the cache after entry 5',
    );
  });

  it('a clearing of the cache moves to the archive with a sentence of its own, not among the decisions set aside', () => {
    expect(lostEntriesSentences({ lostDecisions: 2, lostRestores: 0, lostErasures: none, lostClears: 1, verifiedTo: 3 })).toEqual({
      decisions: '1 decision after entry 3 will be set aside: kept in the archive, no longer in force.',
      clears: 'The clearing of the cache logged here moves to the archive: the backup brings back the data it removed.',
      erasures: null,
    });
  });

  it('what a backup puts in force names its restore entries apart', () => {
    const span = { from: 10, to: 11, analysts: ['K. Weber'], firstAt: Date.UTC(2026, 10, 18, 9, 30), lastAt: Date.UTC(2026, 10, 18, 14) };
    expect(addedDecisionsText({ count: 2, restores: 1, ...span })).toBe(
      '1 decision and 1 restore entry this laptop has not seen (entries 10–11, by K. Weber, 2026-11-18 09:30 to 2026-11-18 14:00 UTC)',
    );
    expect(addedDecisionsText({ count: 2, restores: 0, ...span })).toMatch(/^2 decisions this laptop has not seen/);
  });

  it('decisions within one minute are dated once, not "14:00 to 14:00"', () => {
    const at = Date.UTC(2026, 10, 18, 14);
    expect(addedDecisionsText({ count: 3, restores: 0, from: 1, to: 3, analysts: ['K. Weber'], firstAt: at, lastAt: at + 20_000 })).toBe(
      '3 decisions this laptop has not seen (entries 1–3, by K. Weber, 2026-11-18 14:00 UTC)',
    );
  });
});
