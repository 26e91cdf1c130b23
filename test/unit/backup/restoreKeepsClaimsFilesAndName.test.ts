// An older backup restored over a cache must not take from it, without trace, what the analyst did
// since it was written: a refund claim entered by hand and a file attached to a dispute stay, the
// file under the number the dispute's history names it by; and whoever sits at this laptop stays
// the analyst their next decisions are logged under, not the backup writer.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { AttachmentService } from '../../../renderer/src/core/disputes/attachmentService';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { analystName } from '../../../renderer/src/core/storage/metaRepository';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { decisionInput, fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';

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
