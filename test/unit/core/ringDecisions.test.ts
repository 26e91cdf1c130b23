import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/core/storage/schema';
import { RingDecisions } from '../../../renderer/src/core/rings/ringDecisions';

describe('ring decisions', () => {
  it('keeps overrides append-only: undo adds a revocation, and only active ones apply', async () => {
    const db = createDb('ring-decisions-test');
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const d = new RingDecisions(db);
    await expect(d.addOverride('address', 'de|10115|hauptstr|5', 'never-link', '  ')).rejects.toThrow(/Say why/);
    const a = await d.addOverride('address', 'de|10115|hauptstr|5', 'never-link', 'our returns desk');
    await d.addOverride('ip', '198.51.100.7', 'allow', 'one family, one router');
    expect(await d.activeOverrides()).toEqual([
      { type: 'ip', value: '198.51.100.7', action: 'allow' },
      { type: 'address', value: 'de|10115|hauptstr|5', action: 'never-link' },
    ]);
    await d.revokeOverride(a, 'was a real ring after all');
    await expect(d.revokeOverride(a, 'again')).rejects.toThrow(/already undone/);
    const list = await d.overrides();
    expect(list.map((o) => [o.type, o.active, o.analyst, o.reason])).toEqual([
      ['ip', true, 'K. Weber', 'one family, one router'],
      ['address', false, 'K. Weber', 'our returns desk'],
    ]);
    expect(list[1]!.revokedAt).toBeGreaterThan(0);
    // Nothing was deleted: the original, the other override and the revocation are all stored.
    expect(await db.linkOverrides.count()).toBe(3);
    expect(await d.activeOverrides()).toEqual([{ type: 'ip', value: '198.51.100.7', action: 'allow' }]);
    await db.delete();
  });

  it('a ring carries its latest verdict and the whole history of verdicts', async () => {
    const db = createDb('ring-marks-test');
    const d = new RingDecisions(db);
    // No verdict without a name: nothing is accepted as "unnamed analyst".
    await expect(d.markRing('ring:shopify:#1', 'needs-review', '')).rejects.toThrow(/Say who you are first/);
    await db.meta.put({ key: 'analystName', value: 'L. Braun' });
    await d.markRing('ring:shopify:#1', 'needs-review', '');
    await d.markRing('ring:shopify:#1', 'confirmed-fraud', 'chargebacks came in');
    await d.markRing('ring:zalando:9', 'benign', 'family');
    expect((await d.currentMarks()).get('ring:shopify:#1')?.status).toBe('confirmed-fraud');
    expect((await d.marksOf('ring:shopify:#1')).map((m) => m.status)).toEqual(['confirmed-fraud', 'needs-review']);
    expect((await d.marksOf('ring:shopify:#1'))[0]!.analyst).toBe('L. Braun');
    // Notes never change the verdict, and an empty note is refused.
    await d.markRing('ring:shopify:#1', 'note', 'called the customer');
    await expect(d.markRing('ring:shopify:#1', 'note', '  ')).rejects.toThrow(/Write the note/);
    expect((await d.currentMarks()).get('ring:shopify:#1')?.status).toBe('confirmed-fraud');
    expect((await d.marksOf('ring:shopify:#1')).map((m) => m.status)).toEqual(['note', 'confirmed-fraud', 'needs-review']);
    await db.delete();
  });
});
