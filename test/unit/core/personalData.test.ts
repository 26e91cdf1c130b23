// Erasing one customer and the retention period: personal fields go from orders, payments and the
// copies import undo keeps; notes go from the decision log while its chain still verifies, and the
// erasure itself is an entry. A note removed without such an entry is caught.
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { Dexie } from 'dexie';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { ExportLog } from '../../../renderer/src/core/storage/exportLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { retentionCutoff } from '../../../renderer/src/core/privacy/personalData';
import { AttachmentService } from '../../../renderer/src/core/disputes/attachmentService';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import type { DecisionEntry } from '../../../shared/decisions/chain';
import { PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { NO_FILTER } from '../../../shared/orders/query';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../../support/orders';
import { openFraudDispute } from '../../support/disputes';
import { TIMS_PAYMENT } from '../../support/customers';
import { readFileSync } from 'node:fs';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { chunked } from '../../support/importInput';

const NOW = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(NOW);
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function cacheWithCustomers(name: string) {
  const db = createDb(name);
  dbs.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  await new OrderRepository(db).append([
    order({ externalId: '#1001', email: 'Anna.Schmidt@gmail.com', shipName: 'Anna Schmidt', customerId: 'c-1', createdAt: Date.UTC(2025, 0, 10) }),
    order({ externalId: '#1002', email: 'anna.schmidt@gmail.com', shipName: 'Anna Schmidt', customerId: 'c-1', createdAt: Date.UTC(2026, 10, 10) }),
    order({
      externalId: '#1003',
      email: 'tim.wolf@web.de',
      shipName: 'Tim Wolf',
      customerId: 'c-2',
      phone: '+49 30 1234',
      ip: '198.51.100.9',
      deviceId: 'dev-9',
      createdAt: Date.UTC(2025, 1, 10),
    }),
  ]);
  await new PaymentStore(db).put([
    {
      id: 'ch_1',
      provider: 'stripe',
      orderRef: '#1002',
      createdAt: Date.UTC(2026, 10, 10),
      amountMinor: 100,
      currency: 'EUR',
      status: 'succeeded',
      email: 'anna.schmidt@gmail.com',
      ip: '203.0.113.7',
      cardBin: '42424242',
      cardLast4: '4242',
      cardExpiry: '03/27',
      cardFingerprint: 'fpA',
      cardBrand: 'visa',
      cardCountry: 'DE',
      // The checkout device and session the shop wrote into the payment's metadata identify the buyer too.
      deviceId: 'dev-anna-77',
      sessionId: 'cs_live_anna1',
    },
  ]);
  await new PaymentStore(db).put([TIMS_PAYMENT]);
  await db.linkOverrides.add({
    type: 'email',
    value: 'anna.schmidt@gmail.com',
    action: 'never-link',
    reason: 'shared inbox',
    analyst: 'K. Weber',
    createdAt: 1,
  });
  const log = new DecisionLog(db);
  const base = { reasonCode: '', analyst: 'K. Weber', score: null, matrixVersion: null, undoes: null };
  await log.append({
    ...base,
    orderKey: 'shopify:#1002',
    decision: 'note',
    note: 'Anna called from +49 170 555 and confirmed the order',
    at: Date.UTC(2026, 10, 11),
  });
  await log.append({ ...base, orderKey: 'shopify:#1003', decision: 'note', note: 'Tim Wolf asked for a call back', at: Date.UTC(2025, 1, 11) });
  await log.append({ ...base, orderKey: 'shopify:#1002', decision: 'release', note: '', at: Date.UTC(2026, 10, 11) });
  return { db, service: createCore(db, clock) };
}

/** A Visa fraud chargeback on `orderKey`, as its export named the order. */
const disputeOn = (id: string, orderKey: string) => openFraudDispute(id, orderKey, NOW);

async function texts(db: WorkbenchDb) {
  const store = new OrderStore(db);
  const n = await store.open();
  await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, n);
}

describe('the reference of an erasure request', () => {
  it('never holds the customer’s own e-mail, phone, IP or device, which would outlive the erasure in the log', async () => {
    const { db, service } = await cacheWithCustomers('erase-reference');
    const { token } = await service.planErasure('anna.schmidt@gmail.com');
    const before = (await new DecisionLog(db).entries()).length;
    for (const reference of [
      'anna.schmidt@gmail.com',
      'Ticket 118 from Anna.Schmidt@gmail.com',
      'call back +49 170 1234567',
      'IP 203.0.113.7',
      'req from someone@else.example',
    ])
      await expect(service.applyPersonalData(token, reference), reference).rejects.toThrow(/reference holds/);
    expect(await new DecisionLog(db).entries()).toHaveLength(before);
    expect((await db.erasures.toArray()).map((e) => e.reference)).toEqual([]);
    const entry = await service.applyPersonalData(token, 'GDPR-2026-118');
    expect(entry.note).toContain('on request GDPR-2026-118');
  });
});

describe('erasing one customer', () => {
  it('blanks their personal fields, payments, notes and overrides; keeps what reports need; the chain verifies and the erasure is logged', async () => {
    const { db, service } = await cacheWithCustomers('erase-1');
    const { token, summary } = await service.planErasure('  ANNA.SCHMIDT@gmail.com ');
    expect(summary).toMatchObject({ orders: 2, orderNumbers: ['#1001', '#1002'], payments: 1, notes: 1, keptNotes: [], overrides: 1 });
    await expect(service.applyPersonalData(token, ' ')).rejects.toThrow(/reference/);
    const entry = await service.applyPersonalData(token, 'GDPR-2026-118');
    expect(entry).toMatchObject({ decision: 'erasure', refs: [1], seq: 4 });
    expect(entry.note).toBe('Erased the personal data of 2 orders and 1 payment on request GDPR-2026-118; notes of entry 1 erased');
    expect(entry.note).not.toMatch(/anna|schmidt/i);

    const rows = await texts(db);
    const anna = rows.filter((o) => o.externalId !== '#1003');
    for (const o of anna) expect([o.email, o.shipName, o.customerId, o.ip, o.cardLast4]).toEqual(['', '', '', '', '']);
    expect(anna.map((o) => [o.totalMinor, o.shipCountry, o.cardBrand])).toEqual([
      [12_999, 'DE', 'visa'],
      [12_999, 'DE', 'visa'],
    ]);
    expect(rows.find((o) => o.externalId === '#1003')!.email).toBe('tim.wolf@web.de');
    expect(await new PaymentStore(db).get('ch_1')).toMatchObject({
      email: '',
      ip: '',
      cardBin: '',
      cardLast4: '',
      cardFingerprint: '',
      deviceId: '',
      sessionId: '',
      amountMinor: 100,
      cardBrand: 'visa',
    });
    expect((await new PaymentStore(db).get('ch_2'))!.email).toBe('tim.wolf@web.de');
    expect((await db.linkOverrides.toArray())[0]!.value).toBe('');

    const log = new DecisionLog(db);
    const entries = await log.entries();
    expect(entries[0]).toMatchObject({ note: '', noteErased: true });
    expect(entries[1]!.note).toBe('Tim Wolf asked for a call back');
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 4 });
    expect(JSON.stringify(await db.decisions.toArray())).not.toMatch(/Anna/);
  });

  it('removes the files attached to their disputes, whole, each removal left in the dispute’s history', async () => {
    const { db, service } = await cacheWithCustomers('erase-files');
    await db.disputes.bulkPut([disputeOn('dp_1', 'shopify:#1002'), disputeOn('dp_2', 'shopify:#1003')]);
    const files = new AttachmentService(db, clock);
    const mail = new TextEncoder().encode('From: anna.schmidt@gmail.com\nSubject: my order\n\nIt never came.');
    await files.attach('dp_1', 'anna-schmidt-mail.eml', mail, 'customer-email');
    await files.attach('dp_2', 'pod.pdf', new TextEncoder().encode('%PDF-1.4 delivered'), 'proof-of-delivery');
    const { token, summary } = await service.planErasure('anna.schmidt@gmail.com');
    expect(summary.attachments).toBe(1);
    const entry = await service.applyPersonalData(token, 'GDPR-2026-119');
    expect(entry.note).toContain('; 1 attached file removed');
    expect((await db.disputeAttachments.toArray()).map((a) => a.disputeId)).toEqual(['dp_2']);
    expect(await db.disputeEvents.where('disputeId').equals('dp_1').last()).toMatchObject({
      kind: 'attachment',
      file: { action: 'removed', type: 'eml', size: mail.length },
      note: 'erased on request GDPR-2026-119',
    });
    expect(JSON.stringify(await db.disputeEvents.toArray())).not.toMatch(/anna|schmidt/i);
  });

  it('reaches a Stripe dispute that stands on their order through the charge’s dispute the payments export linked', async () => {
    const { db, service } = await cacheWithCustomers('erase-standing');
    // The payments export linked ch_1's dispute to Anna's order; the disputes export's dp_1 names no order, and stands for it.
    await db.disputes.bulkPut([
      { ...disputeOn('ch_1/dispute', 'shopify:#1002'), paymentId: 'ch_1' },
      { ...disputeOn('dp_1', ''), paymentId: 'ch_1' },
      { ...disputeOn('dp_2', ''), paymentId: 'ch_2' },
    ]);
    const files = new AttachmentService(db, clock);
    await files.attach('dp_1', 'anna-schmidt-mail.eml', new TextEncoder().encode('From: anna.schmidt@gmail.com\nSubject: refund\n\nAnna'), 'customer-email');
    await files.attach('dp_2', 'pod.pdf', new TextEncoder().encode('%PDF-1.4 delivered'), 'proof-of-delivery');
    const { token, summary } = await service.planErasure('anna.schmidt@gmail.com');
    expect(summary.attachments).toBe(1);
    await service.applyPersonalData(token, 'GDPR-2026-141');
    expect((await db.disputeAttachments.toArray()).map((a) => a.disputeId)).toEqual(['dp_2']);
  });

  it('reaches the disputes and payments whose export writes the order number without Shopify’s #', async () => {
    const { db, service } = await cacheWithCustomers('erase-spelling');
    // Stripe's metadata writes 1002 for Shopify's #1002: the dispute and the payment are Anna's.
    await db.disputes.bulkPut([disputeOn('dp_9', 'shopify:1002'), disputeOn('dp_8', 'shopify:1003')]);
    await new PaymentStore(db).put([{ ...TIMS_PAYMENT, id: 'ch_9', orderRef: '1002', email: '' }]);
    const files = new AttachmentService(db, clock);
    await files.attach(
      'dp_9',
      'anna-schmidt-mail.eml',
      new TextEncoder().encode('From: anna.schmidt@gmail.com\nSubject: my order\n\nIt never came.'),
      'customer-email',
    );
    await files.attach('dp_8', 'pod.pdf', new TextEncoder().encode('%PDF-1.4 delivered'), 'proof-of-delivery');
    const { token, summary } = await service.planErasure('c-1');
    expect({ attachments: summary.attachments, payments: summary.payments }).toEqual({ attachments: 1, payments: 2 });
    await service.applyPersonalData(token, 'GDPR-2026-140');
    expect((await db.disputeAttachments.toArray()).map((a) => a.disputeId)).toEqual(['dp_8']);
    expect((await new PaymentStore(db).all()).find((p) => p.id === 'ch_9')).toMatchObject({ ip: '', cardFingerprint: '' });
  });

  it('reaches the notes of entries a restore set aside in the log archive', async () => {
    const { db, service } = await cacheWithCustomers('erase-archive');
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    await log.append({
      orderKey: 'shopify:#1002',
      decision: 'note',
      reasonCode: '',
      note: 'Anna Schmidt called again from +49 170 555 0199',
      analyst: 'K. Weber',
      at: Date.UTC(2026, 10, 12),
      score: null,
      matrixVersion: null,
      undoes: null,
    });
    // Last night's backup restored: entry 4, Anna's second note, is set aside in the archive.
    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: 'disk trouble', clock });
    expect(JSON.stringify(await db.logArchive.toArray())).toMatch(/Anna Schmidt called again/);

    const { token, summary } = await service.planErasure('anna.schmidt@gmail.com');
    expect(summary).toMatchObject({ notes: 2, keptNotes: [], keptArchivedNotes: 0 });
    const entry = await service.applyPersonalData(token, 'GDPR-2026-121');
    expect(entry).toMatchObject({ decision: 'erasure', refs: [1] });
    expect(entry.note).toContain('; notes of entry 1 erased; notes of 1 entry set aside by a restore erased');
    const archived = (await db.logArchive.toArray()).filter((a) => a.table === 'decisions');
    expect(archived.map((a) => a.row as DecisionEntry)).toMatchObject([{ seq: 4, orderKey: 'shopify:#1002', note: '', noteErased: true }]);
    expect(JSON.stringify(await db.logArchive.toArray())).not.toMatch(/Anna|\+49 170/);
    expect((await log.verify()).chain).toMatchObject({ ok: true });
  });

  it('a restore between planning and confirming an erasure stops it, so no other entry’s note is blanked in place of the planned one', async () => {
    const { db, service } = await cacheWithCustomers('erase-stale');
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    const note = (orderKey: string, text: string, at: number) =>
      log.append({ orderKey, decision: 'note', reasonCode: '', note: text, analyst: 'K. Weber', at, score: null, matrixVersion: null, undoes: null });
    await note('shopify:#1002', 'Anna Schmidt called again from +49 170 555 0199', Date.UTC(2026, 10, 12));
    // Planned with Anna's second note live as entry 4.
    const { token, summary } = await service.planErasure('anna.schmidt@gmail.com');
    expect(summary).toMatchObject({ notes: 2 });
    // Another window restores last night's backup (entry 4 goes to the archive) and someone notes about another customer.
    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: 'disk trouble', clock });
    await note('shopify:#1003', 'Ben Otto confirmed the parcel', Date.UTC(2026, 10, 13));
    const before = JSON.stringify(await db.decisions.toArray()) + JSON.stringify(await db.logArchive.toArray());
    await expect(service.applyPersonalData(token, 'GDPR-2026-123')).rejects.toThrow(/changed since this was planned .*nothing was erased/);
    expect(JSON.stringify(await db.decisions.toArray()) + JSON.stringify(await db.logArchive.toArray())).toBe(before);
    // Planned again, it erases Anna's notes, live and set aside, and no one else's.
    const again = await service.planErasure('anna.schmidt@gmail.com');
    await service.applyPersonalData(again.token, 'GDPR-2026-123');
    const text = JSON.stringify(await db.decisions.toArray()) + JSON.stringify(await db.logArchive.toArray());
    expect(text).not.toMatch(/Anna|\+49 170/);
    expect(text).toContain('Ben Otto confirmed the parcel');
    expect((await log.verify()).chain).toMatchObject({ ok: true });
  });

  it('lifts the append-only rule for its own transaction only: a clear of the export log meanwhile is refused', async () => {
    const { db, service } = await cacheWithCustomers('erase-guard');
    await new ExportLog(db, clock).add({ kind: 'csv', fileName: 'customers.csv', rows: 4, what: 'report table' });
    // Another write started while the erasure's transaction runs (another window, a stray clear).
    let meanwhile: Promise<unknown> | undefined;
    db.decisions.hook('creating', () => {
      meanwhile ??= Dexie.ignoreTransaction(() => db.exportLog.clear());
    });
    const { token } = await service.planErasure('anna.schmidt@gmail.com');
    await service.applyPersonalData(token, 'GDPR-2026-122');
    await expect(meanwhile).rejects.toThrow('The exportLog log is append-only: deleting entries is not allowed');
    expect(await db.exportLog.count()).toBe(1);
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 4 });
  });

  it('an unknown customer is said so, and nothing is planned', async () => {
    const { service } = await cacheWithCustomers('erase-2');
    await expect(service.planErasure('nobody@example.com')).rejects.toThrow('No order or payment in the cache belongs to that customer');
  });

  it('a note removed beneath the app without a logged erasure breaks the chain check', async () => {
    const { db } = await cacheWithCustomers('erase-3');
    const raw = (await db.decisions.toArray())[0]!;
    db.close();
    const { Dexie } = await import('dexie');
    const plain = new Dexie('erase-3');
    await plain.open();
    await plain.table('decisions').put({ ...raw, note: '', noteErased: true });
    plain.close();
    await db.open();
    expect((await new DecisionLog(db).verify()).chain).toMatchObject({ ok: false, seq: 1, reason: 'the note of entry 1 was removed without a logged erasure' });
  });

  it('a note written again into an erased entry beneath the app breaks the chain check', async () => {
    const { db, service } = await cacheWithCustomers('erase-4');
    const { token } = await service.planErasure('anna.schmidt@gmail.com');
    await service.applyPersonalData(token, 'GDPR-2026-120');
    const log = new DecisionLog(db);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 4 });
    const raw = (await db.decisions.get(1))!;
    db.close();
    const { Dexie } = await import('dexie');
    const plain = new Dexie('erase-4');
    await plain.open();
    await plain.table('decisions').put({ ...raw, note: 'Released on instruction of the Head of Risk (approval #77)' });
    plain.close();
    await db.open();
    expect((await log.verify()).chain).toMatchObject({ ok: false, seq: 1, reason: expect.stringMatching(/entry 1 was erased, but holds text again/) });
  });
});

describe('a restore of a backup written before an erasure', () => {
  const backupOf = async (db: WorkbenchDb) => (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
  const restore = async (db: WorkbenchDb, file: Blob, reason = '') => {
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), [], clock);
    return { plan: pending.plan, entry: await applyRestore(db, pending, { reason, clock }) };
  };
  const annaData = async (db: WorkbenchDb) =>
    JSON.stringify([(await texts(db)).filter((o) => o.externalId !== '#1003'), await new PaymentStore(db).get('ch_1'), await db.linkOverrides.toArray()]);

  async function disputeWithFile(db: WorkbenchDb) {
    await db.disputes.put({ ...disputeOn('dp_1', 'shopify:#1002'), paymentId: 'ch_1' });
    await new AttachmentService(db, clock).attach(
      'dp_1',
      'anna-schmidt-mail.eml',
      new TextEncoder().encode('From: anna.schmidt@gmail.com\nSubject: my order\n\nIt never came.'),
      'customer-email',
    );
  }

  it('erases the person again before writing it, says so in its log entry, and the chain verifies', async () => {
    const { db, service } = await cacheWithCustomers('restore-erased');
    await disputeWithFile(db);
    const lastNight = await backupOf(db);
    const { token } = await service.planErasure('anna.schmidt@gmail.com');
    await service.applyPersonalData(token, 'GDPR-2026-130');
    expect(await annaData(db)).not.toMatch(/anna|schmidt|203\.0\.113\.7|fpA/i);

    const { plan, entry } = await restore(db, lastNight, 'disk trouble');
    // The one entry since the backup is the erasure's: the dialog keeps it in force, not set aside.
    expect(plan).toMatchObject({ lostDecisions: 1, lostErasures: { erasures: 1, purges: 0 } });
    expect(plan.erasedAgain).toEqual({
      requests: 'request GDPR-2026-130',
      what: 'personal data of 2 orders and 1 payment; 1 note; 1 link override; 1 attached file',
      notes: [1],
    });
    expect(entry).toMatchObject({ decision: 'restore', refs: [1] });
    expect(entry.note).toContain(
      '; erasures recorded (request GDPR-2026-130) applied to it again: personal data of 2 orders and 1 payment; 1 note; 1 link override; 1 attached file',
    );
    // Anna stays erased: orders (what reports need kept), payment, override, note, attached file.
    expect(await annaData(db)).not.toMatch(/anna|schmidt|203\.0\.113\.7|fpA|\+49/i);
    const rows = await texts(db);
    expect(rows.filter((o) => o.externalId !== '#1003').map((o) => [o.email, o.shipName, o.totalMinor])).toEqual([
      ['', '', 12_999],
      ['', '', 12_999],
    ]);
    expect(rows.find((o) => o.externalId === '#1003')!.email).toBe('tim.wolf@web.de');
    expect((await new PaymentStore(db).get('ch_2'))!.email).toBe('tim.wolf@web.de');
    expect(await db.disputeAttachments.count()).toBe(0);
    // The file's history: attached, removed by the erasure (made here since, kept), removed again by the restore.
    const history = await db.disputeEvents.where('disputeId').equals('dp_1').toArray();
    expect(history.map((e) => [e.file?.action, e.note]).sort()).toEqual([
      ['attached', ''],
      ['removed', 'erased on request GDPR-2026-130'],
      ['removed', 'erased on request GDPR-2026-130 (applied again to a restored backup)'],
    ]);
    const log = new DecisionLog(db);
    const entries = await log.entries();
    expect(entries[0]).toMatchObject({ note: '', noteErased: true });
    expect(entries[1]!.note).toBe('Tim Wolf asked for a call back');
    expect(JSON.stringify([await db.decisions.toArray(), await db.logArchive.toArray()])).not.toMatch(/Anna|\+49 170/);
    expect((await log.verify()).chain).toMatchObject({ ok: true });
    // The register outlives the restore: the same backup restored again is erased again.
    expect(await db.erasures.count()).toBe(1);
    const again = await restore(db, lastNight, 'once more');
    expect(again.plan.erasedAgain?.requests).toBe('request GDPR-2026-130');
    expect(await annaData(db)).not.toMatch(/anna|schmidt/i);
    expect((await log.verify()).chain).toMatchObject({ ok: true });
  });

  it('travels in later backups: another laptop restoring the newer backup, then the older one, keeps the person erased', async () => {
    const { db, service } = await cacheWithCustomers('restore-erased-travel');
    const older = await backupOf(db);
    const { token } = await service.planErasure('c-1');
    await service.applyPersonalData(token, 'GDPR-2026-131');
    const newer = await backupOf(db);
    const other = createDb('restore-erased-other');
    dbs.push(other);
    await other.meta.put({ key: 'analystName', value: 'J. Braun' });
    const first = await restore(other, newer);
    expect(first.plan.erasedAgain).toBeNull();
    expect(await other.erasures.count()).toBe(1);
    const second = await restore(other, older, 'the newer one was wrong');
    expect(second.plan.erasedAgain?.requests).toBe('request GDPR-2026-131');
    expect(await annaData(other)).not.toMatch(/anna|schmidt/i);
    expect((await new DecisionLog(other).verify()).chain).toMatchObject({ ok: true });
  });

  it('applies a retention purge again to the older orders and payments the backup brings back', async () => {
    const { db, service } = await cacheWithCustomers('restore-retention');
    const lastYear = await backupOf(db);
    await service.setRetentionMonths(12);
    await service.applyPersonalData((await service.planRetention())!.token, '');
    const { plan, entry } = await restore(db, lastYear, 'disk trouble');
    expect(plan.erasedAgain).toMatchObject({ requests: 'retention before 2025-11-18', what: 'personal data of 2 orders and 1 payment; 1 note', notes: [2] });
    expect(entry.refs).toEqual([2]);
    expect((await texts(db)).map((o) => [o.externalId, o.email])).toEqual([
      ['#1001', ''],
      ['#1003', ''],
      ['#1002', 'anna.schmidt@gmail.com'],
    ]);
    expect((await new PaymentStore(db).get('ch_2'))!.ip).toBe('');
    expect((await new PaymentStore(db).get('ch_1'))!.email).toBe('anna.schmidt@gmail.com');
    expect((await new DecisionLog(db).verify()).chain).toMatchObject({ ok: true });
  });

  it('a cache with no erasure restores a backup as it is', async () => {
    const { db } = await cacheWithCustomers('restore-no-erasure');
    const file = await backupOf(db);
    const { plan, entry } = await restore(db, file);
    expect(plan.erasedAgain).toBeNull();
    expect(entry.refs).toBeUndefined();
    expect(await annaData(db)).toMatch(/anna\.schmidt@gmail\.com/);
  });
});

describe('an import of a file that still holds an erased customer', () => {
  const shopify = readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8');
  const importText = (db: WorkbenchDb, name: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    return importFile(db, { name, size: bytes.length, chunks: chunked(bytes, 4096) }, {}, undefined, undefined, clock);
  };

  it('writes their changed orders without personal data and says so; others are written whole', async () => {
    const db = createDb('import-erased');
    dbs.push(db);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    await importText(db, 'orders.csv', shopify);
    const service = createCore(db, clock);
    const { token, summary } = await service.planErasure('anna.schmidt@example.de');
    expect(summary.orderNumbers).toEqual(['#1001']);
    await service.applyPersonalData(token, 'GDPR-2026-150');

    // The shop's next export: Anna's order was refunded since, Ben's voided order is as it was.
    const next = shopify.replace(/^(#1001,anna\.schmidt@example\.de,)paid,/m, '$1refunded,');
    expect(next).not.toBe(shopify);
    const again = await importText(db, 'orders-next.csv', next);
    expect(again.summary.records.order).toMatchObject({ updated: 1 });
    expect(again.summary.warnings.map((w) => [w.code, w.message])).toContainEqual([
      'erased-again',
      '1 order in this file was erased before (request GDPR-2026-150): written again without its personal data',
    ]);
    const rows = await texts(db);
    const anna = rows.find((o) => o.externalId === '#1001')!;
    expect(anna.status).toBe('refunded');
    expect([anna.email, anna.shipName, anna.phone, anna.shipStreet]).toEqual(['', '', '', '']);
    expect(rows.find((o) => o.externalId === '#1002')!.email).toBe('b.keller@example.com');
    expect(JSON.stringify(rows)).not.toMatch(/anna|schmidt/i);
  });

  it('a cache with no erasure imports as before, with no such warning', async () => {
    const db = createDb('import-no-erasure');
    dbs.push(db);
    const first = await importText(db, 'orders.csv', shopify);
    expect(first.summary.warnings.map((w) => w.code)).not.toContain('erased-again');
    expect((await texts(db)).find((o) => o.externalId === '#1001')!.email).toBe('anna.schmidt@example.de');
  });
});

describe('the retention period', () => {
  it('cut-off is N calendar months back; 0 keeps everything', () => {
    expect(retentionCutoff(0, NOW)).toBeNull();
    expect(new Date(retentionCutoff(12, NOW)!).toISOString()).toBe('2025-11-18T00:00:00.000Z');
    expect(new Date(retentionCutoff(1, Date.UTC(2027, 0, 1))!).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => retentionCutoff(-1, NOW)).toThrow(/between 0 and 240/);
  });

  it('purges personal data older than the period, keeps a summary per month, and the chain still verifies', async () => {
    const { db, service } = await cacheWithCustomers('retention-1');
    expect(await service.planRetention()).toBeNull();
    await service.setRetentionMonths(12);
    const { token, summary } = (await service.planRetention())!;
    expect(summary).toMatchObject({ orders: 2, orderNumbers: ['#1001', '#1003'], payments: 1, notes: 1, before: Date.UTC(2025, 10, 18) });
    const entry = await service.applyPersonalData(token, '');
    expect(entry).toMatchObject({ decision: 'retention', refs: [2] });
    expect(entry.note).toBe('Retention: purged the personal data of 2 orders and 1 payment placed before 2025-11-18; notes of entry 2 erased');
    const rows = await texts(db);
    expect(rows.map((o) => [o.externalId, o.email])).toEqual([
      ['#1001', ''],
      ['#1003', ''],
      ['#1002', 'anna.schmidt@gmail.com'],
    ]);
    expect((await new PaymentStore(db).get('ch_2'))!.ip).toBe('');
    const [summaryRecord] = await db.retentionSummaries.toArray();
    expect(summaryRecord).toMatchObject({
      before: Date.UTC(2025, 10, 18),
      analyst: 'K. Weber',
      months: [
        { month: '2025-01', orders: 1, orderValueMinor: { EUR: 12_999 }, payments: 0 },
        { month: '2025-02', orders: 1, orderValueMinor: { EUR: 12_999 }, payments: 1 },
      ],
    });
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 4 });
    // Nothing older is left to purge.
    expect((await service.planRetention())!.summary).toMatchObject({ orders: 0, payments: 0, notes: 0 });
  });
});
