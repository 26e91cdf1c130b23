// Two windows on one cache: a matrix draft started before the other window saved a version would
// replace that version's rules unseen. It is refused, naming the version, who saved it and when.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { DEFAULT_MATRIX } from '../../../shared/scoring/matrix';
import { fixedClock } from '../../../shared/time/clock';

const NOW = Date.UTC(2026, 10, 18, 14, 0);
let db: WorkbenchDb;

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a matrix draft started from an older version', () => {
  it('is refused once another window saved a version, and nothing is saved; a draft of the version in force saves', async () => {
    db = createDb(`stale-matrix-${Math.random()}`);
    const windowA = createCore(db, fixedClock(NOW));
    const windowB = createCore(db, fixedClock(NOW + 60_000));
    await windowA.setAnalystName('K. Weber');
    // Both windows open the matrix in force (the built-in one) as a draft.
    const draftA = await windowA.scoringMatrix();
    const draftB = await windowB.scoringMatrix();
    expect(draftA.version).toBe(DEFAULT_MATRIX.version);
    // B raises the review threshold and saves v3.
    expect(await windowB.saveMatrix({ ...draftB, thresholds: { review: 40, hold: 60 } }, 'fewer reviews')).toBe(DEFAULT_MATRIX.version + 1);
    // A, still on its draft of v2, changes a rule: saved, it would drop B's threshold unseen.
    await expect(windowA.saveMatrix({ ...draftA, rules: draftA.rules.filter((r) => r.id !== 'new-customer') }, 'no new-customer points')).rejects.toThrow(
      'Matrix v3 was saved by K. Weber at 2026-11-18 14:01 UTC after this draft was started from v2: saving would replace its rules unseen. Reload Review to see v3, then make your change again; nothing was saved.',
    );
    expect((await windowA.matrixHistory()).map((m) => m.version)).toEqual([3]);
    expect((await windowA.scoringMatrix()).thresholds.review).toBe(40);
    // Reloaded, A's draft of v3 saves as v4 with B's threshold kept.
    const fresh = await windowA.scoringMatrix();
    expect(await windowA.saveMatrix({ ...fresh, rules: fresh.rules.filter((r) => r.id !== 'new-customer') }, 'no new-customer points')).toBe(4);
    expect((await windowA.scoringMatrix()).thresholds.review).toBe(40);
  });
});
