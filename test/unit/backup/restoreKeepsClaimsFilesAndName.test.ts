// An older backup restored over a cache must not take from it, without trace, what the analyst did
// since it was written: a refund claim entered by hand and a file attached to a dispute stay, the
// file under the number the dispute's history names it by; and whoever sits at this laptop stays
// the analyst their next decisions are logged under, not the backup writer.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { AttachmentService } from '../../../renderer/src/core/disputes/attachmentService';
import { attachmentFileName } from '../../../renderer/src/core/backup/checkBackup';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { analystName } from '../../../renderer/src/core/storage/metaRepository';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { craftContainer, decisionInput, fillCache, PASSPHRASE, tablesOf, TEST_ITERATIONS } from '../../support/backupCache';
import { CURRENT_VERSION } from '../../../renderer/src/core/storage/schema';
import { headOf } from '../../../shared/decisions/chain';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14, 0));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('a restore of an older backup and what was done here since', () => {
  it('keeps the claims entered and the files attached since, and the analyst at this laptop', async () => {
    const db = await fillCache('bk-keeps-claims', 2);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;

    // Since the backup: another analyst uses this laptop, enters a claim, attaches a file, decides once more.
    await db.meta.put({ key: 'analystName', value: 'M. Novak' });
    const claim = await new ClaimService(db, clock).add({
      id: 'A2Z-7001',
      kind: 'amazon-a-to-z',
      orderRef: '302-1111111-2222222',
      amountMinor: 5990,
      currency: 'EUR',
      openedAt: Date.UTC(2026, 10, 17),
      noticeDueAt: null,
      reason: '',
    });
    const attached = await new AttachmentService(db, clock).attach('dp_1', 'pod.pdf', new TextEncoder().encode('%PDF-1.4 delivered'), 'proof-of-delivery');
    await new DecisionLog(db).append(decisionInput(5));

    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan.lostDecisions).toBe(1);
    // The claim and the file, with the file's event among the dispute changes.
    expect(pending.plan.keptOther).toBeGreaterThanOrEqual(3);
    const entry = await applyRestore(db, pending, { reason: 'cache damaged', clock });

    expect(entry.analyst).toBe('M. Novak');
    expect(await analystName(db)).toBe('M. Novak');
    expect((await new ClaimService(db, clock).list()).map((c) => c.id)).toContain(claim.id);
    const files = await new AttachmentService(db, clock).list('dp_1');
    expect(files.map((f) => [f.id, f.name, f.sha256])).toEqual([[attached.id, 'pod.pdf', attached.sha256]]);
    // The dispute's history names the file by the number it is kept under.
    const events = await db.disputeEvents.where('disputeId').equals('dp_1').toArray();
    expect(events.filter((e) => e.kind === 'attachment').map((e) => e.file?.attachmentId)).toEqual([attached.id]);
  });

  it('a file whose number the backup holds for another gets a new one, and takes no other kept file’s number', async () => {
    const db = await fillCache('bk-file-numbers', 1);
    opened.push(db);
    const files = new AttachmentService(db, clock);
    const p = await files.attach('dp_1', 'p.pdf', new TextEncoder().encode('%PDF-1.4 p'), 'proof-of-delivery');
    const q = await files.attach('dp_1', 'q.pdf', new TextEncoder().encode('%PDF-1.4 q'), 'proof-of-delivery');
    // The backup (another copy of this log) holds another file under P's number, and a claim an import wrote.
    const xBytes = new TextEncoder().encode('%PDF-1.4 x');
    const x = { ...(await db.disputeAttachments.get(p.id))!, name: 'x.pdf', sha256: createHash('sha256').update(xBytes).digest('hex'), bytes: xBytes };
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [n, n === 'disputeAttachments' ? [x] : rows]);
    const file = await craftContainer(tables, {
      schemaVersion: CURRENT_VERSION,
      logHead: headOf(await new DecisionLog(db).entries()),
      files: [{ name: attachmentFileName(x.id!), bytes: x.size, sha256: x.sha256 }],
    });
    // Written here by an import since: cached data, the backup's state of it stands.
    await db.refundClaims.add({
      id: 'SAFE-T-9',
      kind: 'amazon-safe-t',
      orderRef: '302-1',
      amountMinor: 100,
      currency: 'EUR',
      openedAt: Date.UTC(2026, 10, 1),
      noticeDueAt: null,
      reason: '',
      status: 'new',
      createdAt: Date.UTC(2026, 10, 1),
      analyst: 'K. Weber',
      stamp: { importId: 7, scope: 'claim', hash: 'h' },
    } as never);

    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: '', clock });

    const after = await db.disputeAttachments.toArray();
    expect(after.map((a) => [a.id, a.name])).toEqual([
      [p.id, 'x.pdf'],
      [q.id, 'q.pdf'],
      [q.id + 1, 'p.pdf'],
    ]);
    expect(await db.refundClaims.get('SAFE-T-9')).toBeUndefined();
  });

  it('a file removed since the backup stays removed; bytes attached again after a removal stay attached', async () => {
    const db = await fillCache('bk-file-removed', 1);
    opened.push(db);
    const files = new AttachmentService(db, fixedClock(Date.UTC(2026, 10, 18, 9, 0)));
    const pod = await files.attach('dp_1', 'pod.pdf', new TextEncoder().encode('%PDF-1.4 pod'), 'proof-of-delivery');
    const inv = await files.attach('dp_1', 'invoice.pdf', new TextEncoder().encode('%PDF-1.4 invoice'), 'receipt');
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;

    // Since the backup: the proof of delivery was the wrong parcel's; the invoice was removed and attached again.
    const later = new AttachmentService(db, fixedClock(Date.UTC(2026, 10, 19, 9, 0)));
    await later.remove(pod.id, 'wrong parcel');
    await later.remove(inv.id, 'replaced');
    const again = await new AttachmentService(db, fixedClock(Date.UTC(2026, 10, 19, 10, 0))).attach(
      'dp_1',
      'invoice.pdf',
      new TextEncoder().encode('%PDF-1.4 invoice'),
      'receipt',
    );

    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: '', clock });

    const after = await new AttachmentService(db, clock).list('dp_1');
    // The backup's copies of both were removed since; the same bytes attached again are one file,
    // under the number the history names last.
    expect(after.map((f) => f.name)).toEqual(['invoice.pdf']);
    expect(after.map((f) => f.id)).toEqual([again.id]);
    const history = (await db.disputeEvents.where('disputeId').equals('dp_1').toArray()).filter((e) => e.file).map((e) => e.file!.action);
    expect(history).toEqual(['attached', 'attached', 'removed', 'removed', 'attached']);
  });

  it('a laptop without a name takes the backup writer’s, as before', async () => {
    const db = await fillCache('bk-no-name', 1);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    await db.meta.delete('analystName');
    const entry = await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: '', clock });
    expect(entry.analyst).toBe('K. Weber');
    expect(await analystName(db)).toBe('K. Weber');
  });
});
