// An erasure made while another window imports. The import holds what it read of the cache and the
// file's next rows, which hold the customer too: an erasure logged after its first batch was undone
// by the rest of it (the live order written back whole), and its summary said nothing. Now an
// erasure or purge waits while an import runs, and the import reads the erasure register again in
// every batch, so a record that came after it started still reaches what it writes.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { ImportWriter } from '../../../renderer/src/core/imports/importWriter';
import { applyPersonalDataPlan, planCustomerErasure, planRetention, type PersonalDataPlan } from '../../../renderer/src/core/privacy/personalData';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { MemoryLockManager } from '../../../renderer/src/core/storage/runLocks';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import type { ParsedBatch } from '../../../shared/ingest/reader';
import { fixedClock } from '../../../shared/time/clock';
import { analystWindows } from '../../support/freshDbs';
import { chunked } from '../../support/importInput';
import { zalandoExport } from '../../support/zalandoExport';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
afterEach(() => {
  vi.restoreAllMocks();
});
const open = analystWindows();

type Extras = Parameters<typeof importFile>[7];
const importText = (db: WorkbenchDb, name: string, text: string, extras: Extras = {}) => {
  const bytes = new TextEncoder().encode(text);
  return importFile(
    db,
    { name, size: bytes.length, chunks: chunked(bytes, 16 * 1024) },
    {},
    undefined,
    undefined,
    clock,
    new MemoryLockManager().tab(),
    extras,
  );
};

// 3,000 orders: many batches. The shop's next export moved every order's status on.
const v1 = zalandoExport(3000);
const v2 = v1.replaceAll(',fulfilled,shipped,', ',returned,returned,');
const CUSTOMER = 'kunde2999@example.de';

/** Every version of every order (current or not) holding the customer's e-mail. */
async function copiesOfCustomer(db: WorkbenchDb): Promise<number> {
  let found = 0;
  for (const t of await db.orderText.toArray()) for (const e of (t.columns.email ?? '').split('\u001f')) if (e.includes('kunde2999')) found++;
  return found;
}

/** The erasure as the other window makes it, its guard against a running import set aside (as a release without it logged one). */
async function eraseRegardless(other: WorkbenchDb, importId: number, reference: string): Promise<void> {
  await other.imports.update(importId, { status: 'completed' });
  try {
    await applyPersonalDataPlan(other, await planCustomerErasure(other, CUSTOMER), { reference, clock });
  } finally {
    await other.imports.update(importId, { status: 'running' });
  }
}

describe('an erasure while another window imports', () => {
  it('is refused, naming the import, and erases nothing; once the import has finished it reaches every copy', async () => {
    const db = await open('erase-during-import');
    await importText(db, 'v1.csv', v1);
    const other = await open('erase-during-import');
    // Planned before the import started, confirmed while it runs; and planned while it runs.
    const planned = await planCustomerErasure(other, CUSTOMER);
    const tries: Promise<unknown>[] = [];
    const outcome = await importText(db, 'v2.csv', v2, {
      afterBatch: async () => {
        if (tries.length) return;
        tries.push(
          applyPersonalDataPlan(other, planned, { reference: 'DSR-77', clock }),
          planCustomerErasure(other, CUSTOMER),
          planRetention(other, Date.UTC(2026, 6, 1)),
        );
        await Promise.allSettled(tries);
      },
    });
    expect(outcome.status).toBe('completed');
    const [apply, plan, purge] = await Promise.allSettled(tries);
    const refused = 'An import (v2.csv) is writing to the cache, in this or another window: nothing was erased. Erase the customer when it has finished.';
    expect(apply).toMatchObject({ status: 'rejected', reason: { name: 'ImportRunningError', message: refused } });
    expect(plan).toMatchObject({ status: 'rejected', reason: { message: refused } });
    expect(purge).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('nothing was purged. Purge when it has finished.') } });
    expect(await db.erasures.count()).toBe(0);
    expect((await db.decisions.toArray()).map((e) => e.decision)).toEqual([]);
    // The plan made before the import is stale now; planned again, the erasure reaches both versions.
    await expect(applyPersonalDataPlan(other, planned, { reference: 'DSR-77', clock })).rejects.toThrow('changed since this was planned');
    await applyPersonalDataPlan(other, await planCustomerErasure(other, CUSTOMER), { reference: 'DSR-77', clock });
    expect(await copiesOfCustomer(db)).toBe(0);
  });

  it('an import that crashed is no import running: the history marks it interrupted and the erasure goes ahead', async () => {
    const db = await open('erase-after-crash');
    await importText(db, 'v1.csv', v1);
    // A window closed mid-import: its record says running, and no tab holds its lock.
    await db.imports.add({ ...(await db.imports.get(1))!, id: undefined, fileName: 'cut-off.csv', status: 'running', runLock: 'gone' });
    const { createCore } = await import('../../../renderer/src/core/createCore');
    const core = createCore(db, clock);
    const { token } = await core.planErasure(CUSTOMER);
    await core.applyPersonalData(token, 'DSR-78');
    expect(await copiesOfCustomer(db)).toBe(0);
    expect((await db.imports.toArray()).map((i) => i.status)).toEqual(['completed', 'interrupted']);
  });
});

describe('the import reads the erasure register in every batch', () => {
  it('an erasure logged after its first batch reaches the rows it writes after, and its summary says so', async () => {
    const db = await open('register-each-batch');
    await importText(db, 'v1.csv', v1);
    const other = await open('register-each-batch');
    let erased = false;
    const outcome = await importText(db, 'v2.csv', v2, {
      afterBatch: async () => {
        if (erased) return;
        erased = true;
        await eraseRegardless(other, 2, 'DSR-77');
      },
    });
    expect(outcome.status).toBe('completed');
    expect(await db.erasures.count()).toBe(1);
    // The erasure blanked the versions it found; the import wrote the file's own without her data.
    expect(await copiesOfCustomer(db)).toBe(0);
    expect(outcome.summary.warnings.filter((w) => w.code === 'erased-again').map((w) => w.message)).toEqual([
      '1 order in this file was erased (request DSR-77, logged while this file was imported): written again without its personal data',
    ]);
  });

  it('a payment read before an erasure logged in between is written, and kept for undo, without personal data', async () => {
    const shopify = readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8');
    const stripe = readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url), 'utf8');
    const db = await open('register-prefetched');
    await importText(db, 'orders.csv', shopify);
    await importText(db, 'stripe.csv', stripe);
    const other = await open('register-prefetched');
    // Her payment was refunded since: the next export updates it, read (prefetched) before the erasure.
    const next = stripe.replace('59.90,0.00,eur,true,59.90,eur,1.09,Paid,', '59.90,59.90,eur,true,59.90,eur,1.09,Refunded,');
    const prefetch = ImportWriter.prototype.prefetch;
    let plan: PersonalDataPlan | null = null;
    vi.spyOn(ImportWriter.prototype, 'prefetch').mockImplementation(async function (this: ImportWriter, batch: ParsedBatch) {
      await prefetch.call(this, batch);
      if (plan || batch.records.length === 0) return;
      await other.imports.update(this.importId, { status: 'completed' });
      plan = await planCustomerErasure(other, 'anna.schmidt@example.de');
      await applyPersonalDataPlan(other, plan, { reference: 'DSR-79', clock });
      await other.imports.update(this.importId, { status: 'running' });
    });
    const outcome = await importText(db, 'stripe-next.csv', next);
    expect(outcome.status).toBe('completed');
    expect(plan!.payments).toEqual(['ch_3PaidAAA1']);
    const paid = (await new PaymentStore(db).get('ch_3PaidAAA1'))!;
    expect([paid.status, paid.email, paid.cardLast4, paid.ip]).toEqual(['refunded', '', '', '']);
    const kept = (await db.importUndo.where('importId').equals(outcome.importId).toArray()).flatMap((u) => u.payments);
    const previous = kept.find((p) => p.key === 'ch_3PaidAAA1')!.previous!;
    expect([previous.email, previous.cardLast4, previous.ip]).toEqual(['', '', '']);
    expect(JSON.stringify(await db.orderText.toArray())).not.toContain('anna.schmidt');
  });
});
