// Refund claims imported into the cache: PayPal's case report and a wizard-mapped A-to-z sheet land
// in the one claim list with their deadlines, a re-import updates instead of duplicating, Undo takes
// them back, and a reference another marketplace's claim holds is refused with its line and column.
import 'fake-indexeddb/auto';
import { A_TO_Z } from '../../support/aToZClaimsPreset';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';

const NOW = Date.UTC(2026, 11, 3, 9, 0);
const clock = fixedClock(NOW);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url)));
async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, chunks: once(bytes) });

let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('claims imported into the cache', () => {
  it('puts PayPal buyer claims and A-to-z claims in the one claim list with their deadlines; the same files again update nothing; Undo removes them', async () => {
    db = createDb(`claim-imports-${n++}`);
    await db.meta.put({ key: 'analystName', value: 'Jana' });
    const paypal = await importFile(db, file('DDR-20260522.01.008.CSV', fixture('paypal-case-report.csv')), {}, undefined, undefined, clock);
    expect(paypal.summary.records.claim.created).toBe(1);
    expect(paypal.summary.records.dispute.created).toBe(1);
    const amazon = await importFile(db, file('a-to-z.csv', fixture('amazon-a-to-z-claims.csv')), { preset: A_TO_Z }, undefined, undefined, clock);
    const s = amazon.summary;
    expect(s.rows).toBe(s.created + s.updated + s.unchanged + s.quarantined);
    expect(s.records.claim.created).toBe(2);

    const claims = new ClaimService(db, clock);
    const rows = await claims.list();
    expect(rows.map((r) => [r.id, r.kind, r.deadline.from]).sort()).toEqual([
      ['AZ-4401', 'amazon-a-to-z', 'window'],
      ['AZ-4402', 'amazon-a-to-z', 'notice'],
      ['PP-D-22222222', 'paypal-inr', 'notice'],
    ]);
    const az = rows.find((r) => r.id === 'AZ-4401')!;
    // Amazon's 72 hours from the claim, the window in force when it opened.
    expect(az.dueAt).toBe(Date.UTC(2026, 10, 28, 10) + 72 * 3_600_000);
    expect(az).toMatchObject({ createdAt: NOW, analyst: 'Jana', amountMinor: 4990 });
    expect(rows.find((r) => r.id === 'PP-D-22222222')!.dueAt).toBe(Date.UTC(2026, 4, 31, 21, 2));

    const again = await importFile(db, file('a-to-z.csv', fixture('amazon-a-to-z-claims.csv')), { preset: A_TO_Z }, undefined, undefined, clock);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, quarantined: 1 });
    expect(await db.refundClaims.count()).toBe(3);

    const history = new ImportHistory(db, clock);
    const [newest] = await history.list();
    await history.undo(newest!.id);
    expect(await db.refundClaims.count()).toBe(3);
    const [, amazonImport] = await history.list();
    await history.undo(amazonImport!.id);
    expect((await db.refundClaims.toArray()).map((c) => c.id)).toEqual(['PP-D-22222222']);
  });

  it('updates a claim entered by hand with the same marketplace and reference, keeps who entered it, and keeps the analyst’s status', async () => {
    db = createDb(`claim-imports-${n++}`);
    await db.meta.put({ key: 'analystName', value: 'Jana' });
    const claims = new ClaimService(db, clock);
    await claims.add({
      id: 'AZ-4401',
      kind: 'amazon-a-to-z',
      orderRef: '',
      amountMinor: 100,
      currency: 'EUR',
      openedAt: Date.UTC(2026, 10, 28),
      // Still in time at the test's clock (past its deadline a claim is accepted or decided, not gathered for).
      noticeDueAt: Date.UTC(2026, 11, 5),
      reason: '',
    });
    await claims.setStatus('AZ-4401', 'gathering_evidence', 'asked the carrier');
    const run = await importFile(db, file('a-to-z.csv', fixture('amazon-a-to-z-claims.csv')), { preset: A_TO_Z }, undefined, undefined, clock);
    expect(run.summary.records.claim).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const [row] = (await claims.list()).filter((r) => r.id === 'AZ-4401');
    expect(row).toMatchObject({ amountMinor: 4990, orderRef: '305-1234567-1234567', analyst: 'Jana', status: 'gathering_evidence' });
  });

  it('refuses a reference the cache holds for another marketplace’s claim, naming the file, line and column', async () => {
    db = createDb(`claim-imports-${n++}`);
    await db.meta.put({ key: 'analystName', value: 'Jana' });
    await new ClaimService(db, clock).add({
      id: 'AZ-4402',
      kind: 'paypal-snad',
      orderRef: '',
      amountMinor: 100,
      currency: 'EUR',
      openedAt: Date.UTC(2026, 10, 28),
      noticeDueAt: null,
      reason: '',
    });
    const run = await importFile(db, file('a-to-z.csv', fixture('amazon-a-to-z-claims.csv')), { preset: A_TO_Z }, undefined, undefined, clock);
    const s = run.summary;
    expect(s).toMatchObject({ created: 1, quarantined: 2 });
    expect(s.rows).toBe(s.created + s.updated + s.unchanged + s.quarantined);
    expect(s.problems).toContainEqual(
      expect.objectContaining({
        file: 'a-to-z.csv',
        line: 3,
        column: 1,
        columnName: 'Claim ID',
        reason: expect.stringMatching(/already in the list as a PayPal claim/),
      }),
    );
    expect((await db.refundClaims.get('AZ-4402'))!.kind).toBe('paypal-snad');
  });
});
