// The erasure register against what a reviewer tried: backups whose register no logged erasure
// backs, payments and team operations after an erasure, caches older than the register, backups
// of every schema version.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCore } from '../../../renderer/src/core/createCore';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { CURRENT_VERSION, createDb, SCHEMA_HISTORY, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { chainEntries, chainEntry, headOf, verifyChain, type DecisionInput } from '../../../shared/decisions/chain';
import { NO_FILTER } from '../../../shared/orders/query';
import { fixedClock } from '../../../shared/time/clock';
import { craftContainer, PASSPHRASE, tablesOf, TEST_ITERATIONS } from '../../support/backupCache';
import { chunked } from '../../support/importInput';
import { applyPersonalDataPlan, planCustomerErasure, planRetention } from '../../../renderer/src/core/privacy/personalData';
import { order } from '../../support/orders';
import { TIMS_PAYMENT } from '../../support/customers';

import { TeamOpCapture } from '../../../renderer/src/core/team/teamOpCapture';
import { decodeChunk } from '../../../shared/team/importChunks';
import { FIXTURE_PASSPHRASE, fixtureName } from '../../fixtures/backups/fixtures';

const NOW = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(NOW);
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function cache(name: string) {
  const db = createDb(name);
  dbs.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  await new OrderRepository(db).append([
    order({ externalId: '#1002', email: 'anna.schmidt@gmail.com', shipName: 'Anna Schmidt', customerId: 'c-1', createdAt: Date.UTC(2026, 10, 10) }),
    order({ externalId: '#1003', email: 'tim.wolf@web.de', shipName: 'Tim Wolf', customerId: 'c-2', createdAt: Date.UTC(2025, 1, 10) }),
  ]);
  await new PaymentStore(db).put([TIMS_PAYMENT]);
  const log = new DecisionLog(db);
  const base = { reasonCode: '', analyst: 'K. Weber', score: null, matrixVersion: null, undoes: null };
  await log.append({ ...base, orderKey: 'shopify:#1002', decision: 'note', note: 'Anna called', at: Date.UTC(2026, 10, 11) });
  await log.append({
    ...base,
    orderKey: 'shopify:#1003',
    decision: 'note',
    note: 'Released on instruction of the Head of Risk (approval #77)',
    at: Date.UTC(2025, 1, 11),
  });
  return { db, service: createCore(db, clock) };
}
async function texts(db: WorkbenchDb) {
  const store = new OrderStore(db);
  const n = await store.open();
  await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, n);
}
const forgedRow = (patch: Record<string, unknown>) => ({
  id: 1,
  at: NOW,
  analyst: 'K. Weber',
  seq: 2,
  entryHash: '0'.repeat(64),
  kind: 'erasure',
  reference: 'GDPR-FAKE',
  orderKeys: [],
  payments: [],
  noteHashes: [],
  salt: '0'.repeat(32),
  linkValueHashes: [],
  ...patch,
});
async function crafted(db: WorkbenchDb, erasures: unknown[]) {
  const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [n, n === 'erasures' ? erasures : rows]);
  const entries = await new DecisionLog(db).entries();
  return craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) });
}
const shopify = readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8');
const stripe = readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url), 'utf8');
const importText = (db: WorkbenchDb, name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return importFile(db, { name, size: bytes.length, chunks: chunked(bytes, 4096) }, {}, undefined, undefined, clock);
};

/** A cache holding the shop's orders export, whose customer Anna was then erased on request GDPR-2026-150. */
async function shopWithAnnaErased(name: string): Promise<WorkbenchDb> {
  const db = createDb(name);
  dbs.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  await importText(db, 'orders.csv', shopify);
  const service = createCore(db, clock);
  const { token } = await service.planErasure('anna.schmidt@example.de');
  await service.applyPersonalData(token, 'GDPR-2026-150');
  return db;
}

describe('the erasure register against hostile backups, payments files, team operations and old caches', () => {
  it('a register row no erasure of the backup’s log backs is refused, and changes nothing', async () => {
    const { db } = await cache('forged-1');
    const genuine = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const tim = (await db.decisions.get(2))!;
    const file = await crafted(db, [forgedRow({ orderKeys: ['shopify:#1003'], payments: ['ch_2'], noteHashes: [tim.hash] })]);
    // Expected: refused, register row 1 names entry 2, which is a note, not an erasure "GDPR-FAKE".
    let refused = false;
    try {
      const pending = await planRestore(db, await readBackup(file, PASSPHRASE), [], clock);
      await applyRestore(db, pending, { reason: '', clock });
    } catch (e) {
      expect((e as Error).message).toBe(
        "The backup's erasure register (row 1) names entry 2, which is no erasure of its decision log: it was altered. Nothing was changed.",
      );
      refused = true;
    }
    const log = new DecisionLog(db);
    const entries = await log.entries();
    const observed = {
      refused,
      timEmail: (await texts(db)).find((o) => o.externalId === '#1003')!.email,
      timNote: entries[1]!.note,
      erasureEntries: entries.filter((e) => e.decision === 'erasure').length,
      chainOk: (await log.verify()).chain.ok,
      registerRows: await db.erasures.count(),
    };
    // The forged row is now the laptop's own register: a genuine backup restored later loses Tim too.
    const p2 = await planRestore(db, await readBackup(genuine, PASSPHRASE), [], clock);
    await applyRestore(db, p2, { reason: 'back to the genuine one', clock });
    const afterGenuine = (await texts(db)).find((o) => o.externalId === '#1003')!.email;
    expect({ ...observed, afterGenuine }).toEqual({
      refused: true,
      timEmail: 'tim.wolf@web.de',
      timNote: tim.note,
      erasureEntries: 0,
      chainOk: true,
      registerRows: 0,
      afterGenuine: 'tim.wolf@web.de',
    });
  });

  it('a forged retention row (cut-off far in the future) is refused, so later imports keep their data', async () => {
    const { db } = await cache('forged-2');
    const file = await crafted(db, [forgedRow({ kind: 'retention', reference: '', before: 8e15 })]);
    await expect(planRestore(db, await readBackup(file, PASSPHRASE), [], clock)).rejects.toThrow(
      /erasure register \(row 1\) names entry 2, which is no retention/,
    );
    const run = await importText(db, 'orders.csv', shopify);
    expect(run.summary.warnings.map((w) => w.code)).not.toContain('erased-again');
    expect((await texts(db)).find((o) => o.externalId === '#1001')!.email).toBe('anna.schmidt@example.de');
  });

  it('a retention row without a cut-off is refused as a malformed backup, not a crash', async () => {
    const { db } = await cache('forged-3');
    const tim = (await db.decisions.get(2))!;
    const file = await crafted(db, [forgedRow({ kind: 'retention', reference: '', noteHashes: [tim.hash] })]);
    await expect(readBackup(file, PASSPHRASE).then((staged) => planRestore(db, staged, [], clock))).rejects.toMatchObject({ name: 'BackupError' });
  });

  it('a payments export imported after the erasure writes the payment of an erased order without personal data', async () => {
    const db = await shopWithAnnaErased('import-pay');
    await importText(db, 'stripe.csv', stripe);
    const p = await new PaymentStore(db).get('ch_3PaidAAA1');
    expect(p!.orderRef).toBe('#1001');
    expect([p!.email, p!.cardLast4, p!.ip, p!.cardFingerprint]).toEqual(['', '', '', '']);
  });

  it('an erased note listed only by an earlier entry (a ref pointing forward) breaks the chain check', async () => {
    const base = { orderKey: '', reasonCode: '', analyst: 'K', at: 1, score: null, matrixVersion: null, undoes: null };
    const inputs: DecisionInput[] = [
      { ...base, decision: 'note', note: 'a' },
      { ...base, decision: 'restore', note: 'Restored x', refs: [3], supersedes: { seq: 1, hash: '0'.repeat(64) } },
      { ...base, decision: 'note', note: 'written after the restore' },
    ];
    const entries = await chainEntries(inputs, null);
    entries[2] = { ...entries[2]!, note: '', noteErased: true };
    expect(await verifyChain(entries, headOf(entries))).toMatchObject({ ok: false, seq: 3 });
  });
});

describe('the erasure register, in team operations and caches made before it', () => {
  it('an erased customer’s order updated by a later export: the import says only its status changed, as written', async () => {
    const db = await shopWithAnnaErased('changed-fields');
    const outcome = await importText(db, 'orders-next.csv', shopify.replace(/^(#1001,anna\.schmidt@example\.de,)paid,/m, '$1refunded,'));
    expect(outcome.summary.records.order.updated).toBe(1);
    // Her e-mail, name and address came with the file and were blanked again: not a change.
    expect(outcome.changedFields).toEqual({ status: 1 });
  });

  it('a team operation shares an erased customer’s changed order as it was written, without personal data', async () => {
    const db = await shopWithAnnaErased('team-capture');
    const next = shopify.replace(/^(#1001,anna\.schmidt@example\.de,)paid,/m, '$1refunded,');
    // As ImportService wires it when a team session exists.
    const capture = new TeamOpCapture(db, 'op-1', { analyst: 'K. Weber', deviceId: '00000000-0000-4000-8000-000000000001' });
    const bytes = new TextEncoder().encode(next);
    const outcome = await importFile(
      db,
      { name: 'orders-next.csv', size: bytes.length, chunks: chunked(bytes, 4096) },
      {},
      undefined,
      undefined,
      clock,
      undefined,
      {
        teamOpId: capture.opId,
        afterBatch: (b) => capture.add(b),
      },
    );
    const op = await capture.end(outcome, { fileName: 'orders-next.csv', shop: null, orderSource: 'shopify', at: NOW });
    expect((await texts(db)).find((o) => o.externalId === '#1001')!.email).toBe('');
    const chunks = await db.teamOpChunks.toArray();
    const records = (
      await Promise.all(chunks.map((c) => decodeChunk(c.gzip, { hash: op!.chunkHashes[c.n]!, scheme: op!.chunkScheme ?? 1 }, { file: 'x', chunk: c.n })))
    ).flat();
    expect(JSON.stringify(records)).not.toMatch(/anna\.schmidt/i);
  });

  it('a retention purge made before the register existed joins it on the upgrade: an old backup stays purged', async () => {
    // The laptop before the upgrade: orders, a note, a backup (made with the app of the day), then a retention purge.
    const { db: src } = await cache('mig-src');
    const old = (await writeBackup(src, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const entries = await new DecisionLog(src).entries();
    const before = Date.UTC(2025, 10, 18);
    const purge = await chainEntry(
      {
        orderKey: '',
        decision: 'retention',
        reasonCode: '',
        note: 'Retention: purged ... placed before 2025-11-18',
        analyst: 'K. Weber',
        at: NOW - 1000,
        score: null,
        matrixVersion: null,
        undoes: null,
      },
      headOf(entries),
    );
    const v14 = createDb('mig', 14);
    await v14.open();
    await v14.table('meta').put({ key: 'analystName', value: 'K. Weber' });
    await v14.table('decisions').bulkAdd([...entries, purge]);
    await v14.table('decisionHead').put({ key: 'head', seq: purge.seq, hash: purge.hash });
    await v14.table('retentionSummaries').add({ at: NOW - 1000, analyst: 'K. Weber', before, months: [] });
    v14.close();
    const db = createDb('mig');
    dbs.push(db);
    await db.open();
    const pending = await planRestore(db, await readBackup(old, PASSPHRASE), [], clock);
    await applyRestore(db, pending, { reason: 'disk trouble', clock });
    // Tim's order of 2025-02 is older than the logged purge's cut-off.
    expect((await texts(db)).find((o) => o.externalId === '#1003')!.email).toBe('');
  });
});

describe('the erasure register and backups of every schema version', () => {
  for (const { version } of SCHEMA_HISTORY) {
    it(`schema ${version}: the register reaches its orders and payment, and the chain verifies`, async () => {
      const db = createDb(`legacy-${version}`);
      dbs.push(db);
      await db.open();
      await db.meta.put({ key: 'analystName', value: 'L. Braun' });
      await db.erasures.add({
        at: 1,
        analyst: 'x',
        seq: 1,
        entryHash: 'e'.repeat(64),
        kind: 'erasure',
        reference: 'R-1',
        orderKeys: ['shopify:#1000'],
        payments: ['ch_1'],
        noteHashes: [],
        salt: '0'.repeat(32),
        linkValueHashes: [],
      });
      const file = new File([readFileSync(new URL(`../../fixtures/backups/${fixtureName(version)}`, import.meta.url))], fixtureName(version));
      const pending = await planRestore(db, await readBackup(file, version >= 7 ? FIXTURE_PASSPHRASE : null), [], clock);
      await applyRestore(db, pending, { reason: 'x', clock });
      expect(pending.plan.erasedAgain?.requests).toBe('request R-1');
      expect((await texts(db)).find((o) => o.externalId === '#1000')!.email).toBe('');
      expect((await new PaymentStore(db).get('ch_1'))!.email).toBe('');
      expect((await new DecisionLog(db).verify()).chain.ok).toBe(true);
    });
  }
});

describe('the erasure register in an import summary', () => {
  it('a payments file’s summary counts its payments, not the stored orders they rewrote', async () => {
    const db = await shopWithAnnaErased('import-pay-2');
    const run = await importText(db, 'stripe.csv', stripe);
    expect(run.summary.warnings.filter((w) => w.code === 'erased-again').map((w) => w.message)).toEqual([
      '1 payment in this file was erased before (request GDPR-2026-150): written again without its personal data',
    ]);
  });
});

describe('genuine backups the register check accepts', () => {
  const backup = (db: WorkbenchDb) => writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock }).then((b) => b.blob);

  it('after a retention purge later than an erasure: the erasure entry keeps its note, the backup restores', async () => {
    const { db } = await cache('retention-after-erasure');
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna.schmidt@gmail.com'), { reference: 'GDPR-1', clock: fixedClock(Date.UTC(2024, 5, 1)) });
    await applyPersonalDataPlan(db, await planRetention(db, Date.UTC(2025, 10, 18)), { reference: '', clock });
    const erasure = (await db.decisions.toArray()).find((e) => e.decision === 'erasure')!;
    expect(erasure.note).toContain('on request GDPR-1');
    expect(erasure.noteErased).toBeUndefined();
    const pending = await planRestore(db, await readBackup(await backup(db), PASSPHRASE), [], clock);
    await applyRestore(db, pending, { reason: '', clock });
    expect((await new DecisionLog(db).verify()).chain.ok).toBe(true);
  });

  it('after a restore that set the erasure entry aside and gave its seq to the restore entry', async () => {
    const { db } = await cache('restore-after-erasure');
    const before = await backup(db);
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna.schmidt@gmail.com'), { reference: 'GDPR-1', clock });
    await applyRestore(db, await planRestore(db, await readBackup(before, PASSPHRASE), [], clock), { reason: 'disk trouble', clock });
    const after = await backup(db);
    const pending = await planRestore(db, await readBackup(after, PASSPHRASE), [], clock);
    await applyRestore(db, pending, { reason: '', clock });
    expect(await db.erasures.count()).toBe(1);
    expect((await texts(db)).find((o) => o.externalId === '#1002')!.email).toBe('');
  });
});
