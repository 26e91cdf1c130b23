// Dispute attachments in the cache: a file checked by content goes in with its hash and a history
// entry in one transaction; a refused one changes nothing; removing one leaves its trace in the
// append-only history; backups carry the files and a restore checks every byte against its hash.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { AttachmentService, sha256Hex } from '../../../renderer/src/core/disputes/attachmentService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { wipeCache } from '../../../renderer/src/core/storage/wipe';
import { fixedClock } from '../../../shared/time/clock';
import type { BackupManifest } from '../../../shared/backup/container';
import { fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { openBackup, sealBackup } from '../../support/backupFiles';

const AT = Date.UTC(2026, 10, 18, 14, 0);
const clock = fixedClock(AT);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url)));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
async function cache(name: string): Promise<WorkbenchDb> {
  const db = await fillCache(name, 1, 20);
  opened.push(db);
  return db;
}

describe('dispute attachments', () => {
  it('attaches a PNG and a PDF with their checked type, size and SHA-256, and logs each by hash, not by name', async () => {
    const db = await cache('att-attach');
    const files = new AttachmentService(db, clock);
    const png = await files.attach('dp_1', 'proof-of-delivery.png', fixture('proof-of-delivery.png'), 'proof-of-delivery');
    const pdf = await files.attach('dp_1', 'delivery-confirmation.pdf', fixture('delivery-confirmation.pdf'), 'proof-of-delivery');
    expect(png).toMatchObject({
      disputeId: 'dp_1',
      name: 'proof-of-delivery.png',
      type: 'png',
      size: fixture('proof-of-delivery.png').length,
      analyst: 'K. Weber',
      addedAt: AT,
    });
    expect(png.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(png).not.toHaveProperty('bytes');
    expect((await files.list('dp_1')).map((a) => a.name)).toEqual(['proof-of-delivery.png', 'delivery-confirmation.pdf']);
    expect((await files.content(pdf.id)).bytes).toEqual(fixture('delivery-confirmation.pdf'));
    const events = await db.disputeEvents
      .where('disputeId')
      .equals('dp_1')
      .filter((e) => e.kind === 'attachment')
      .toArray();
    expect(events.map((e) => e.file)).toEqual([
      { action: 'attached', attachmentId: png.id, type: 'png', size: png.size, sha256: png.sha256 },
      { action: 'attached', attachmentId: pdf.id, type: 'pdf', size: pdf.size, sha256: pdf.sha256 },
    ]);
    expect(JSON.stringify(events)).not.toContain('proof-of-delivery.png');
  });

  it('refuses a renamed web page, the same file twice, and an unknown dispute, changing nothing', async () => {
    const db = await cache('att-refuse');
    const files = new AttachmentService(db, clock);
    const events = await db.disputeEvents.count();
    await expect(files.attach('dp_1', 'invoice.png', fixture('invoice.png'), 'receipt')).rejects.toThrow(
      '“invoice.png” is not a PDF, PNG, JPEG or e-mail (.eml) by its content: it is a web page (HTML)',
    );
    await files.attach('dp_1', 'reply.eml', fixture('customer-reply.eml'), 'customer-email');
    await expect(files.attach('dp_1', 'again.eml', fixture('customer-reply.eml'), 'customer-email')).rejects.toThrow(
      '“again.eml” is already attached to this dispute (as “reply.eml”)',
    );
    await expect(files.attach('dp_9', 'pod.pdf', fixture('delivery-confirmation.pdf'), 'proof-of-delivery')).rejects.toThrow(
      'Dispute dp_9 is not in the cache',
    );
    expect(await db.disputeAttachments.count()).toBe(1);
    expect(await db.disputeEvents.count()).toBe(events + 1);
  });

  it('removes a file but keeps its trace: who, when, why, its type, size and hash stay in the history', async () => {
    const db = await cache('att-remove');
    const files = new AttachmentService(db, fixedClock(AT));
    const png = await files.attach('dp_1', 'pod.png', fixture('proof-of-delivery.png'), 'screenshot');
    await new AttachmentService(db, fixedClock(AT + 60_000)).remove(png.id, 'wrong order in the screenshot');
    expect(await files.list('dp_1')).toEqual([]);
    const last = (await db.disputeEvents.orderBy('id').last())!;
    expect(last).toMatchObject({
      disputeId: 'dp_1',
      kind: 'attachment',
      file: { action: 'removed', attachmentId: png.id, type: 'png', size: png.size, sha256: png.sha256 },
      note: 'wrong order in the screenshot',
      analyst: 'K. Weber',
      at: AT + 60_000,
    });
    // The history itself cannot be rewritten to hide it.
    await expect(db.disputeEvents.delete(last.id!)).rejects.toThrow(/append-only/);
  });

  it('keeps attachments when the cache is cleared: they are the analyst’s work, not imported data', async () => {
    const db = await cache('att-wipe');
    await new AttachmentService(db, clock).attach('dp_1', 'pod.pdf', fixture('delivery-confirmation.pdf'), 'proof-of-delivery');
    await wipeCache(db);
    expect(await db.disputeAttachments.count()).toBe(1);
  });

  it('backs up and restores the files byte for byte, listed by id, size and hash in the header', async () => {
    const db = await cache('att-backup');
    const files = new AttachmentService(db, clock);
    const png = await files.attach('dp_1', 'pod.png', fixture('proof-of-delivery.png'), 'proof-of-delivery');
    await files.attach('dp_1', 'reply.eml', fixture('customer-reply.eml'), 'customer-email');
    const { blob, manifest } = await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock });
    expect(manifest.files).toEqual([
      { name: `disputeAttachments/${png.id}`, bytes: png.size, sha256: png.sha256 },
      {
        name: expect.stringMatching(/^disputeAttachments\/\d+$/),
        bytes: fixture('customer-reply.eml').length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(JSON.stringify(manifest)).not.toContain('pod.png');
    const target = createDb('att-backup-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    const pending = await planRestore(target, await readBackup(blob, PASSPHRASE), []);
    expect(pending.plan.summary).toContain('2 attached files');
    await applyRestore(target, pending, { reason: '', clock });
    const restored = new AttachmentService(target, clock);
    expect((await restored.list('dp_1')).map((a) => [a.name, a.sha256])).toEqual((await files.list('dp_1')).map((a) => [a.name, a.sha256]));
    expect((await restored.content(png.id)).bytes).toEqual(fixture('proof-of-delivery.png'));
  });

  it('refuses a backup whose attachment was changed, retyped or left out of the header, before anything changes', async () => {
    const db = await cache('att-tamper');
    await new AttachmentService(db, clock).attach('dp_1', 'pod.png', fixture('proof-of-delivery.png'), 'proof-of-delivery');
    const bytes = new Uint8Array(await (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob.arrayBuffer());
    const target = createDb('att-tamper-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    const tampered = async (change: (row: Record<string, unknown>, manifest: BackupManifest) => void | Promise<void>) => {
      const { manifest, tables } = await openBackup(bytes, PASSPHRASE);
      manifest.files = [...manifest.files];
      const row = (tables.get('disputeAttachments') as Record<string, unknown>[])[0]!;
      await change(row, manifest);
      return planRestore(target, await readBackup(new Blob([(await sealBackup(manifest, tables, PASSPHRASE)) as BlobPart]), PASSPHRASE), []);
    };
    await expect(
      tampered((row) => {
        const b = new Uint8Array(row['bytes'] as Uint8Array);
        b[b.length - 1] = b[b.length - 1]! ^ 1;
        row['bytes'] = b;
      }),
    ).rejects.toThrow(/attachment \d+ does not match its SHA-256/);
    // A web page put in with a hash that fits it, in the row and in the header: its content still says what it is.
    await expect(
      tampered(async (row, manifest) => {
        const page = new TextEncoder().encode('<html><script>alert(1)</script></html>');
        const sha256 = await sha256Hex(page);
        Object.assign(row, { bytes: page, size: page.length, sha256 });
        manifest.files = [{ ...manifest.files[0]!, bytes: page.length, sha256 }];
      }),
    ).rejects.toThrow(/attachment \d+ is not the PNG its row says it is: refused/);
    await expect(
      tampered((_row, manifest) => {
        manifest.files = [];
      }),
    ).rejects.toThrow('header lists 0 files, but it holds 1 attachments');
    expect(await target.disputeAttachments.count()).toBe(0);
  });
});
