// A ring verdict's note and an override's reason are kept for good, and a backup takes back at most
// 4,000 and 2,000 characters of them: a longer one was saved, and from then on every backup of the
// cache was refused at restore. They are refused where they are given, as decision notes are.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RingDecisions } from '../../../renderer/src/core/rings/ringDecisions';
import { MetaRepository } from '../../../renderer/src/core/storage/metaRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { TABLE_ROWS } from '../../../renderer/src/core/backup/tableSchemas';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14, 0));
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('texts kept with ring verdicts and overrides', () => {
  it('are refused past what a backup holds, and everything a backup holds is taken', async () => {
    db = createDb('ring-text-lengths');
    await new MetaRepository(db).set('analystName', 'K. Weber');
    const rings = new RingDecisions(db, clock);
    await expect(rings.markRing('ring:shopify:#1001', 'confirmed-fraud', 'x'.repeat(4001))).rejects.toThrow(
      'A note is at most 4,000 characters; this one has 4,001',
    );
    await expect(rings.addOverride('email', 'shared@example.de', 'never-link', 'y'.repeat(2001))).rejects.toThrow('A reason is at most 2,000 characters');
    expect(await db.ringMarks.count()).toBe(0);
    expect(await db.linkOverrides.count()).toBe(0);
    // At the limit: saved, and each row passes the backup's check.
    await rings.markRing('ring:shopify:#1001', 'confirmed-fraud', 'x'.repeat(4000));
    const id = await rings.addOverride('email', 'shared@example.de', 'never-link', 'y'.repeat(2000));
    await expect(rings.revokeOverride(id, 'z'.repeat(2001))).rejects.toThrow('A reason is at most 2,000 characters');
    await rings.revokeOverride(id, 'z'.repeat(2000));
    for (const row of await db.ringMarks.toArray()) expect(TABLE_ROWS.ringMarks.safeParse(row).success).toBe(true);
    for (const row of await db.linkOverrides.toArray()) expect(TABLE_ROWS.linkOverrides.safeParse(row).success).toBe(true);
  });
});
