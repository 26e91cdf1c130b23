// A refund claim the analyst answered (submitted in the app), then decided by the marketplace: the
// next claims file says won. As for chargebacks (workflowOutcome.test.ts), the outcome a later file
// gives stands over the workflow step logged before it; the claim's list row and detail say won.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import type { Clock } from '../../../shared/time/clock';
import { A_TO_Z } from '../../support/aToZClaimsPreset';

const HEADER = 'Claim ID,Order ID,Claim Amount,Currency,Claim Date,Respond By,Claim Reason,Claim Status';
const sheet = (status: string) =>
  new TextEncoder().encode(
    [HEADER, `AZ-4402,305-7654321-7654321,129.00,EUR,2026-11-29 08:30:00,2026-11-30 20:00:00,Not as described,${status}`, ''].join('\n'),
  );
async function* once(b: Uint8Array): AsyncGenerator<Uint8Array> {
  yield b;
}
const file = (name: string, b: Uint8Array) => ({ name, size: b.length, chunks: once(b) });

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a refund claim decided after the analyst submitted it', () => {
  it('shows the outcome the later file gives, in the list and the detail', async () => {
    db = createDb('claim-outcome');
    await db.meta.put({ key: 'analystName', value: 'Jana' });
    let now = Date.UTC(2026, 10, 29, 9);
    const clock: Clock = { now: () => now };
    const claims = new ClaimService(db, clock);
    await importFile(db, file('claims-1.csv', sheet('Open')), { preset: A_TO_Z }, undefined, undefined, clock);
    now = Date.UTC(2026, 10, 29, 12);
    await claims.setStatus('AZ-4402', 'gathering_evidence', '');
    await claims.setStatus('AZ-4402', 'submitted', 'answered in Seller Central');
    now = Date.UTC(2026, 11, 4, 9);
    await importFile(db, file('claims-2.csv', sheet('Won')), { preset: A_TO_Z }, undefined, undefined, clock);
    expect((await claims.list()).find((c) => c.id === 'AZ-4402')!.status).toBe('won');
    expect((await claims.detail('AZ-4402')).status).toBe('won');
  });
});
