// What a decision may carry is what a backup of the log may hold: a decision the app logs must
// never make every later backup one that cannot be restored.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { fixedClock } from '../../../shared/time/clock';
import { PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { order } from '../normalize/orderFixture';

const NOW = Date.UTC(2026, 11, 31, 23, 59);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a decision note', () => {
  it('longer than a backup may hold is refused before it is logged, and the backup reads back', async () => {
    db = createDb('decision-note-length');
    await new OrderRepository(db).append([order({ externalId: '#8801', email: 'x@mailinator.com', createdAt: NOW - 3_600_000, riskLevel: 'high' })]);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    await core.reviewQueue();
    // A call transcript pasted into the note field.
    const transcript = 'Customer called back and confirmed the order. '.repeat(100);
    await expect(core.decide('shopify:#8801', 'release', 'CUSTOMER-VERIFIED', transcript)).rejects.toThrow(
      'A note is at most 4,000 characters; this one has 4,599',
    );
    await core.decide('shopify:#8801', 'release', 'CUSTOMER-VERIFIED', transcript.slice(0, 4000));
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: fixedClock(NOW) })).blob;
    // Restorable: a note past the limit made planRestore refuse the backup's decisions row.
    await expect(planRestore(db, await readBackup(file, PASSPHRASE), [])).resolves.toBeDefined();
  });
});

describe('the note a scoring matrix is saved with', () => {
  it('longer than a backup may hold is refused before the version is saved, and the backup reads back', async () => {
    db = createDb('matrix-note-length');
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    const draft = await core.scoringMatrix();
    const why = 'Fewer new-customer holds after the November review meeting. '.repeat(70);
    await expect(core.saveMatrix(draft, why)).rejects.toThrow('A note is at most 4,000 characters; this one has 4,199');
    expect(await core.matrixHistory()).toEqual([]);
    await core.saveMatrix(draft, why.slice(0, 4000));
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: fixedClock(NOW) })).blob;
    await expect(planRestore(db, await readBackup(file, PASSPHRASE), [])).resolves.toBeDefined();
  });
});
