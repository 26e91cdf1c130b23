// Counts said as a person would say them, in the log's verdict and an import's undo.
import { describe, expect, it } from 'vitest';
import { logIntactText, undoneText } from '../../../renderer/src/ui/countWording';

describe('sentences around counts', () => {
  it('the log verdict: all of several entries, its one entry, or none yet', () => {
    expect(logIntactText(4)).toBe('Log intact: all 4 entries verified.');
    expect(logIntactText(1)).toBe('Log intact: its 1 entry verified.');
    expect(logIntactText(0)).toBe('Log intact: no entries yet.');
  });

  it('an undo names only what the import did: never "the 0 rows it created"', () => {
    expect(undoneText(3, 2)).toBe('The 3 rows it created are removed and the 2 rows it updated get their previous values back.');
    expect(undoneText(1, 0)).toBe('The 1 row it created is removed.');
    expect(undoneText(0, 1)).toBe('The 1 row it updated gets its previous values back.');
    expect(undoneText(0, 0)).toBe('It created and updated nothing.');
  });
});
