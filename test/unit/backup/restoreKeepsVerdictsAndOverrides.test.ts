// Ring verdicts and never-link / allow overrides are kept like logs: added, never changed (an
// override is taken back by a revocation row). An older backup restored over them must not drop
// the ones given since it was written without trace: they stay in force after the backup's own,
// as exports and dispute changes made since do, and a revocation still names what it revokes.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { RingDecisions } from '../../../renderer/src/core/rings/ringDecisions';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { CURRENT_VERSION } from '../../../renderer/src/core/storage/schema';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { headOf } from '../../../shared/decisions/chain';
import { craftContainer, fillCache, PASSPHRASE, tablesOf, TEST_ITERATIONS } from '../../support/backupCache';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14, 0));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('a restore of an older backup and the verdicts and overrides given since', () => {
  it("keeps them in force after the backup's own, counted in the plan, revocations still naming what they revoke", async () => {
    const db = await fillCache('bk-keeps-verdicts', 2);
    opened.push(db);
    const rings = new RingDecisions(db, clock);
    await rings.addOverride('email', 'old@example.de', 'never-link', 'shared mailbox');
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;

    // Given after the backup was written: a verdict, an override, and that override taken back.
    await rings.markRing('ring:shopify:#1005', 'benign', 'family orders', ['shopify:#1005', 'shopify:#1006']);
    const id = await rings.addOverride('device', 'dev-42', 'allow', 'shop tablet at the counter');
    await rings.revokeOverride(id, 'tablet retired');
    const marksBefore = await db.ringMarks.count();
    const overridesBefore = (await rings.overrides()).map(({ id: _id, ...o }) => o);

    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan.keptOther).toBe(3);
    await applyRestore(db, pending, { reason: '', clock });

    expect(await db.ringMarks.count()).toBe(marksBefore);
    expect((await db.ringMarks.toArray()).map((m) => m.note)).toContain('family orders');
    expect((await rings.overrides()).map(({ id: _id, ...o }) => o)).toEqual(overridesBefore);
  });

  it('a revocation kept after a backup that holds other overrides under the same ids still takes back its own override', async () => {
    const db = await fillCache('bk-keeps-revocation', 1);
    opened.push(db);
    const rings = new RingDecisions(db, clock);
    // The backup (another copy of this log) holds an override under id 1 that this cache does not.
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [
      n,
      n === 'linkOverrides'
        ? [{ id: 1, type: 'email', value: 'kept@example.de', action: 'never-link', reason: 'fraud ring', analyst: 'K. Weber', createdAt: 1 }]
        : rows,
    ]);
    const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(await new DecisionLog(db).entries()) });
    const id = await rings.addOverride('device', 'dev-42', 'allow', 'shop tablet at the counter');
    await rings.revokeOverride(id, 'tablet retired');

    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: '', clock });

    const after = await rings.overrides();
    expect(after.map((o) => [o.value, o.active])).toEqual([
      ['dev-42', false],
      ['kept@example.de', true],
    ]);
  });
});
