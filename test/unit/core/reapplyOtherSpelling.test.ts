// A Stripe dispute names Shopify's #1001 as 1001 (its metadata), and the Disputes screen joins it
// to the order so. An erasure applied from the register (a teammate's erasure, a restored backup)
// removes the files attached to it as a local erasure does; a dispute whose own spelling is an
// order of the cache in its own right (1002 stored as 1002) is that order's, and keeps its files.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { reapplyErasures } from '../../../renderer/src/core/privacy/erasureRegister';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import type { DisputeAttachmentRecord, DisputeEventRecord, ErasureRecord } from '../../../renderer/src/core/storage/schema';
import { deletedAfterEach, fillCache } from '../../support/backupCache';
import { order } from '../../support/orders';

const opened = deletedAfterEach();
const AT = Date.UTC(2026, 10, 20);

const file = (id: number, disputeId: string): DisputeAttachmentRecord => ({
  id,
  disputeId,
  name: `proof-${id}.pdf`,
  type: 'pdf',
  purpose: 'other',
  size: 4,
  sha256: String(id).repeat(64).slice(0, 64),
  bytes: new Uint8Array([37, 80, 68, 70]),
  addedAt: AT,
  analyst: 'K. Weber',
});

it('removes the files of a dispute that names the erased order by its other spelling, not those of another order stored under that spelling', async () => {
  const db = await fillCache('reapply-other-spelling', 1);
  opened.push(db);
  // An order stored as 1002 (no #) in its own right, beside #1002.
  await new OrderRepository(db).append([order({ externalId: '1002', createdAt: Date.UTC(2026, 9, 3), totalMinor: 500 })]);
  const base = {
    provider: 'stripe' as const,
    paymentId: '',
    network: 'visa' as const,
    reasonCode: '10.4',
    amountMinor: 100,
    currency: 'EUR',
    openedAt: AT,
    dueAt: AT,
    status: 'new' as const,
  };
  await db.disputes.bulkPut([
    { ...base, id: 'dp_a', orderKey: 'shopify:1001' },
    { ...base, id: 'dp_b', orderKey: 'shopify:1002' },
  ]);
  await db.disputeAttachments.bulkPut([file(1, 'dp_a'), file(2, 'dp_b')]);
  const record: ErasureRecord = {
    at: AT,
    analyst: 'K. Weber',
    seq: 1,
    entryHash: '',
    kind: 'erasure',
    reference: 'GDPR-1',
    orderKeys: ['shopify:#1001', 'shopify:#1002'],
    payments: [],
    noteHashes: [],
    salt: '0'.repeat(32),
    linkValueHashes: [],
  };
  const tables = new Map<string, unknown[]>([
    ['orderBlocks', await db.orderBlocks.toArray()],
    ['orderText', await db.orderText.toArray()],
    ['disputes', await db.disputes.toArray()],
    ['disputeAttachments', await db.disputeAttachments.toArray()],
    ['disputeEvents', []],
  ]);
  const reached = await reapplyErasures(tables, [record], { analyst: 'K. Weber', at: AT });
  expect((tables.get('disputeAttachments') as DisputeAttachmentRecord[]).map((a) => a.disputeId)).toEqual(['dp_b']);
  expect((tables.get('disputeEvents') as DisputeEventRecord[]).map((e) => e.disputeId)).toEqual(['dp_a']);
  expect(reached.attachments).toBe(1);
});
