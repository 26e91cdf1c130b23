// Every released schema version has a backup fixture, and each still restores: older versions
// through the same migrations as a live cache, their decision logs (form 1 before schema 7) still
// verifying. A schema change without its fixture fails here.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { SCHEMA_HISTORY, createDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { FIXTURE_PASSPHRASE, fixtureName } from '../../fixtures/backups/fixtures';

const dir = fileURLToPath(new URL('../../fixtures/backups/', import.meta.url));
const db = createDb('fraud-workbench');
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('backup fixtures of every released schema version', () => {
  it('a fixture exists for every version in the schema history', () => {
    const missing = SCHEMA_HISTORY.map((v) => fixtureName(v.version)).filter((f) => !existsSync(dir + f));
    expect(missing, 'run npm run fixtures:backups after adding a schema version').toEqual([]);
  });

  for (const { version } of SCHEMA_HISTORY) {
    it(`restores the schema ${version} backup into an empty cache`, async () => {
      await db.open();
      await db.meta.put({ key: 'analystName', value: 'L. Braun' });
      const file = new File([readFileSync(dir + fixtureName(version))], fixtureName(version));
      const staged = await readBackup(file, version >= 7 ? FIXTURE_PASSPHRASE : null);
      expect(staged.schemaVersion).toBe(version);
      const pending = await planRestore(db, staged, []);
      // Schema 15: a customer of their own order, erased on request (entry 4), kept in the erasure register.
      const decisions = version >= 15 ? 4 : version >= 2 ? 3 : 0;
      const orders = version >= 15 ? 41 : 40;
      expect(pending.plan).toMatchObject({ verifiedTo: decisions, lostDecisions: 0, erasedAgain: null });
      expect(pending.plan.counts).toMatchObject({ orders, payments: 1, disputes: 1, decisions });
      const entry = await applyRestore(db, pending, { reason: '', clock: fixedClock(Date.UTC(2026, 10, 18)) });
      expect(entry.seq).toBe(decisions + 1);
      expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: decisions + 1 });
      const store = new OrderStore(db);
      expect(await store.open()).toBe(orders);
      expect((await db.erasures.toArray()).map((e) => [e.kind, e.reference, e.seq, e.orderKeys])).toEqual(
        version >= 15 ? [['erasure', 'GDPR-FIXTURE-1', 4, ['shopify:#2000']]] : [],
      );
      expect(await db.reportSnapshots.count()).toBe(version >= 5 ? 1 : 0);
      // Schema 9: a PNG attached to the dispute, its attach logged (its bytes still match their hash); a PayPal claim.
      expect((await db.refundClaims.toArray()).map((c) => [c.id, c.kind])).toEqual(version >= 9 ? [['PP-D-12345', 'paypal-inr']] : []);
      expect(await db.disputeEvents.count()).toBe(version >= 9 ? 2 : version >= 3 ? 1 : 0);
      const files = await db.disputeAttachments.toArray();
      expect(files.map((f) => [f.disputeId, f.name, f.type, f.size])).toEqual(
        version >= 9
          ? [['dp_1', 'proof-of-delivery.png', 'png', readFileSync(new URL('../../fixtures/attachments/proof-of-delivery.png', import.meta.url)).length]]
          : [],
      );
    });
  }
});
