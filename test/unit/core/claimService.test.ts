// Refund claims in the cache: entered by hand with their deadline from the window in force, moved
// along the dispute workflow with every change in the append-only history, windows saved as data,
// and both carried by backups.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { DEFAULT_CLAIM_WINDOWS } from '../../../shared/disputes/claims';
import { fixedClock } from '../../../shared/time/clock';
import { fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';

const NOW = Date.UTC(2026, 11, 3, 9, 0);
const clock = fixedClock(NOW);
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
async function cache(name: string): Promise<WorkbenchDb> {
  const db = await fillCache(name, 0, 5);
  opened.push(db);
  return db;
}
const atoz = {
  id: '123-4567890-A2Z',
  kind: 'amazon-a-to-z' as const,
  orderRef: '302-1234567-7654321',
  amountMinor: 4999,
  currency: 'eur',
  openedAt: Date.UTC(2026, 11, 2, 8, 0),
  noticeDueAt: null,
  reason: 'item not received',
};

describe('refund claims', () => {
  it('enters a claim with the deadline its window gives, named with its source', async () => {
    const claims = new ClaimService(await cache('claims-add'), clock);
    const row = await claims.add(atoz);
    expect(row).toMatchObject({
      rowType: 'claim',
      id: '123-4567890-A2Z',
      currency: 'EUR',
      status: 'new',
      analyst: 'K. Weber',
      createdAt: NOW,
      kindLabel: 'Amazon A-to-z claim',
    });
    expect(row.dueAt).toBe(Date.UTC(2026, 11, 5, 8, 0));
    expect(row.deadline.text).toContain('72 hours from the claim or Amazon’s request to respond to Amazon (https://sellercentral.amazon.com/');
    expect((await claims.list()).map((c) => c.id)).toEqual(['123-4567890-A2Z']);
  });

  it('refuses a claim without a reference, a second one with the same reference, a bad currency', async () => {
    const claims = new ClaimService(await cache('claims-refuse'), clock);
    await expect(claims.add({ ...atoz, id: ' ' })).rejects.toThrow('Enter the claim’s reference');
    await expect(claims.add({ ...atoz, currency: 'euro' })).rejects.toThrow('The currency is a three-letter code');
    await expect(claims.add({ ...atoz, noticeDueAt: atoz.openedAt - 1 })).rejects.toThrow('before the claim was opened');
    await claims.add(atoz);
    await expect(claims.add({ ...atoz, kind: 'paypal-inr' })).rejects.toThrow('Claim 123-4567890-A2Z is already in the list (Amazon A-to-z claim)');
  });

  it('moves a claim along the workflow, each change logged in the dispute history under claim:<id>', async () => {
    const db = await cache('claims-status');
    const claims = new ClaimService(db, clock);
    await claims.add(atoz);
    await claims.setStatus(atoz.id, 'gathering_evidence', 'asked the carrier');
    await claims.setStatus(atoz.id, 'submitted', '');
    await expect(claims.setStatus(atoz.id, 'new', '')).rejects.toThrow('A claim that is submitted cannot become new');
    const d = await claims.detail(atoz.id);
    expect(d.status).toBe('submitted');
    expect(d.events.map((e) => [e.disputeId, e.status, e.note])).toEqual([
      ['claim:123-4567890-A2Z', 'submitted', ''],
      ['claim:123-4567890-A2Z', 'gathering_evidence', 'asked the carrier'],
    ]);
    expect((await claims.list())[0]!.status).toBe('submitted');
  });

  it('past its deadline a claim is accepted or given its outcome, not gathered for; a SAFE-T claim is only given up', async () => {
    const db = await cache('claims-late');
    // The test's clock is 2026-12-03 09:00: an A-to-z claim of 29 November 08:00 was due on 2 December.
    const claims = new ClaimService(db, clock);
    const late = { ...atoz, id: 'A2Z-LATE', openedAt: Date.UTC(2026, 10, 29, 8) };
    await claims.add(late);
    await claims.add({ ...late, id: 'A2Z-LOST' });
    await claims.add({ ...late, id: 'SAFE-T-LATE', kind: 'amazon-safe-t', noticeDueAt: Date.UTC(2026, 11, 1) });
    await expect(claims.setStatus('A2Z-LATE', 'gathering_evidence', '')).rejects.toThrow('A claim that is new cannot become gathering evidence');
    await claims.setStatus('A2Z-LATE', 'accepted', 'too late to answer');
    await claims.setStatus('A2Z-LOST', 'lost', 'Amazon granted it');
    await expect(claims.setStatus('SAFE-T-LATE', 'won', '')).rejects.toThrow('A claim that is new cannot become won');
    await claims.setStatus('SAFE-T-LATE', 'accepted', '');
    const status = Object.fromEntries((await claims.list()).map((c) => [c.id, c.status]));
    expect(status).toEqual({ 'A2Z-LATE': 'accepted', 'A2Z-LOST': 'lost', 'SAFE-T-LATE': 'accepted' });
  });

  it('a mistaken accept is corrected with a reason while the claim can still be answered, logged after the accept', async () => {
    const db = await cache('claims-correct');
    const claims = new ClaimService(db, clock);
    await claims.add(atoz);
    await claims.setStatus(atoz.id, 'gathering_evidence', '');
    await claims.setStatus(atoz.id, 'accepted', '');
    expect((await claims.detail(atoz.id)).correctsTo).toBe('gathering_evidence');
    await expect(claims.setStatus(atoz.id, 'gathering_evidence', ' ')).rejects.toThrow('Correcting an accept needs a reason; nothing was changed');
    await expect(claims.setStatus(atoz.id, 'new', 'meant another')).rejects.toThrow('A claim that is accepted (not contested) cannot become new');
    await claims.setStatus(atoz.id, 'gathering_evidence', 'wrong claim: A2Z-7002 was meant');
    const d = await claims.detail(atoz.id);
    expect(d.status).toBe('gathering_evidence');
    expect(d.correctsTo).toBeNull();
    expect(d.events.map((e) => [e.status, e.note])).toEqual([
      ['gathering_evidence', 'correction: recorded as accepted by mistake — wrong claim: A2Z-7002 was meant'],
      ['accepted', ''],
      ['gathering_evidence', ''],
    ]);

    // Decided where it is decided (the imported record says lost): no way back.
    await claims.add({ ...atoz, id: 'A2Z-DECIDED' });
    await claims.setStatus('A2Z-DECIDED', 'accepted', '');
    await db.refundClaims.update('A2Z-DECIDED', { status: 'lost' });
    expect((await claims.detail('A2Z-DECIDED')).correctsTo).toBeNull();
    await expect(claims.setStatus('A2Z-DECIDED', 'new', 'meant another')).rejects.toThrow('cannot become new');
    // A SAFE-T claim past its filing window can only be given up: nothing to correct it to.
    await claims.add({ ...atoz, id: 'SAFE-T-LATE', kind: 'amazon-safe-t', openedAt: Date.UTC(2026, 10, 29, 8), noticeDueAt: Date.UTC(2026, 11, 1) });
    await claims.setStatus('SAFE-T-LATE', 'accepted', '');
    expect((await claims.detail('SAFE-T-LATE')).correctsTo).toBeNull();
    await expect(claims.setStatus('SAFE-T-LATE', 'new', 'meant another')).rejects.toThrow('cannot become new');
  });

  it('takes saved windows: a changed A-to-z window moves the deadline of claims entered before', async () => {
    const claims = new ClaimService(await cache('claims-windows'), clock);
    await claims.add(atoz);
    const windows = (await claims.windows()).map((w) => (w.kind === 'amazon-a-to-z' ? { ...w, amount: 48, note: 'Amazon.de: 48 hours' } : w));
    await claims.saveWindows(windows);
    expect((await claims.list())[0]!.dueAt).toBe(Date.UTC(2026, 11, 4, 8, 0));
    await expect(claims.saveWindows([{ ...DEFAULT_CLAIM_WINDOWS[0]!, source: '' }])).rejects.toThrow('Window 1: name the source');
  });

  it('backs up and restores claims and their windows', async () => {
    const db = await cache('claims-backup');
    const claims = new ClaimService(db, clock);
    await claims.add(atoz);
    await claims.saveWindows((await claims.windows()).slice(0, 2));
    const { blob } = await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock });
    const target = createDb('claims-backup-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    const pending = await planRestore(target, await readBackup(blob, PASSPHRASE), []);
    expect(pending.plan.summary).toContain('1 refund claim');
    await applyRestore(target, pending, { reason: '', clock });
    const restored = new ClaimService(target, clock);
    expect(await restored.list()).toEqual(await claims.list());
    expect(await restored.windows()).toHaveLength(2);
  });
});
