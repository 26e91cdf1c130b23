// A PayPal buyer claim the cache already holds as a dispute (imported before buyer claims
// were told apart) must not be listed a second time as a refund claim when the report is read again.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { PAYPAL_CASE_REPORT } from '../../../shared/ingest/formats/paypal';
import type { FormatPreset } from '../../../shared/ingest/formats/preset';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 4, 22, 9, 0));
const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/imports/paypal-case-report.csv', import.meta.url)));
async function* once(b: Uint8Array): AsyncGenerator<Uint8Array> {
  yield b;
}
const file = (name: string) => ({ name, size: bytes.length, chunks: once(bytes) });

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('review: a PayPal case held as a dispute, read again as a buyer claim', () => {
  // README, Claims from files: a buyer claim becomes a refund claim "Instead of a dispute, not beside
  // it: … must not count … twice in the deadline list …; cases imported as disputes before this change
  // stay disputes until undone".
  it('stays one row of the deadline list', async () => {
    db = createDb('review-claim-beside-dispute');
    await db.meta.put({ key: 'analystName', value: 'Jana' });
    // The case report as the app read it before buyer claims were told apart: no case-type column.
    const { caseType: _drop, ...mapping } = PAYPAL_CASE_REPORT.mapping as Record<string, unknown>;
    const before: FormatPreset = { ...PAYPAL_CASE_REPORT, mapping } as FormatPreset;
    const old = await importFile(db, file('DDR-20260522.01.008.CSV'), { preset: before }, undefined, undefined, clock);
    expect(old.summary.records.dispute.created).toBe(2);
    // The same download read again with this version.
    const again = await importFile(db, file('DDR-20260522.01.008.CSV'), {}, undefined, undefined, clock);
    const s = again.summary;
    expect(s.rows).toBe(s.created + s.updated + s.unchanged + s.quarantined);
    const asDispute = await db.disputes.get('PP-D-22222222');
    const claims = (await new ClaimService(db, clock).list()).map((c) => c.id);
    // The deadline list (renderer/src/features/disputes/useDisputes.ts) is disputes + claims.
    const rows = (asDispute ? 1 : 0) + claims.filter((id) => id === 'PP-D-22222222').length;
    expect(rows).toBe(1);
  });
});
