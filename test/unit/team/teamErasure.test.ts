// A customer erased on request on one laptop is erased on every teammate's laptop that pulls the
// erasure: its own copies of the orders and payments blanked, the record in its register (so its
// later imports write the person without their data), the application logged in its own chain.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { createCore } from '../../../renderer/src/core/createCore';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { createDb, type StoredPayment, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamCaseHandlers } from '../../../renderer/src/core/team/caseHandlers';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import { verifyTeamChain } from '../../../shared/team';
import { NO_FILTER } from '../../../shared/orders/query';
import { chunked } from '../../support/importInput';
import { PASSPHRASE, runningImport, TEST_ITERATIONS } from '../../support/backupCache';
import { FakeTeamServer } from './fakeTeamServer';

const START = Date.UTC(2026, 10, 18, 14);
const ORIGIN = 'http://127.0.0.1:8787';
const SHOPIFY = readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8');
const ANNA = /anna|schmidt|\+49 30 1234567|203\.0\.113\.7|fpA/i;

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const annasPayment: StoredPayment = {
  id: 'ch_1',
  provider: 'stripe',
  orderRef: '#1001',
  createdAt: Date.UTC(2026, 4, 1, 8),
  amountMinor: 5990,
  currency: 'EUR',
  status: 'succeeded',
  email: 'anna.schmidt@example.de',
  ip: '203.0.113.7',
  cardBin: '42424242',
  cardLast4: '4242',
  cardExpiry: '03/27',
  cardFingerprint: 'fpA',
  cardBrand: 'visa',
  cardCountry: 'DE',
  deviceId: '',
  sessionId: '',
};

/** A signed-in laptop holding its own copy of the shop's orders export and Anna's payment. */
async function laptop(server: FakeTeamServer, name: string) {
  const clock = {
    at: START,
    now() {
      return this.at++;
    },
  };
  const db = createDb(`team-erasure-${randomUUID()}`);
  opened.push(db);
  await db.open();
  const ctx = createContext(db, clock);
  const team = { ...teamHandlers(ctx, () => server.transport(name)), ...teamCaseHandlers(ctx) };
  await team.teamSignIn(ORIGIN, name, 'pw');
  const importText = (file: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    return importFile(db, { name: file, size: bytes.length, chunks: chunked(bytes, 4096) }, {}, undefined, undefined, clock);
  };
  await importText('orders.csv', SHOPIFY);
  await new PaymentStore(db).put([annasPayment]);
  return { db, team, clock, importText, core: createCore(db, clock) };
}

async function orders(db: WorkbenchDb) {
  const store = new OrderStore(db);
  const n = await store.open();
  await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, n);
}

const annasData = async (db: WorkbenchDb) =>
  JSON.stringify([(await orders(db)).filter((o) => o.externalId === '#1001'), await new PaymentStore(db).get('ch_1')]);

describe('an erasure on request made on one laptop', () => {
  it('reaches a teammate’s laptop that pulls it: its copies blanked, the record in its register, logged in its chain; once only', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    expect(await annasData(b.db)).toMatch(ANNA);
    // Ben's own override on Anna's address, made before Ana's laptop ever pulled it.
    const override = (await b.db.linkOverrides.add({
      type: 'email',
      value: 'Anna.Schmidt@example.de',
      action: 'never-link',
      reason: 'shared inbox',
      analyst: 'Ben Ito',
      createdAt: START,
    })) as number;

    // And his own note on her order, which goes to the team (its text beside the event) before he pulls the erasure.
    const bensNote = await new DecisionLog(b.db).append({
      orderKey: 'shopify:#1001',
      decision: 'note',
      reasonCode: '',
      note: 'Anna Schmidt rang from +49 30 1234567',
      analyst: 'Ben Ito',
      at: START,
      score: null,
      matrixVersion: null,
      undoes: null,
    });

    const { token, summary } = await a.core.planErasure('anna.schmidt@example.de');
    expect(summary).toMatchObject({ orderNumbers: ['#1001'], payments: 1 });
    await a.core.applyPersonalData(token, 'GDPR-2026-201');
    await a.team.syncTeam();

    // The event carries the register's record, and nothing of Anna in clear.
    const sent = server.events.filter((e) => e.kind === 'erasure');
    expect(sent).toHaveLength(1);
    const mine = (await a.db.erasures.toArray())[0]!;
    expect(sent[0]!.payload['register']).toEqual({
      reference: 'GDPR-2026-201',
      orderKeys: ['shopify:#1001'],
      payments: ['ch_1'],
      salt: mine.salt,
      linkValueHashes: mine.linkValueHashes,
    });
    expect(mine.linkValueHashes.length).toBeGreaterThan(0);
    expect(JSON.stringify(server.events)).not.toMatch(ANNA);

    await b.team.syncTeam();
    expect(await annasData(b.db)).not.toMatch(ANNA);
    // Bertha's order (another customer) stays whole; what reports need of Anna's stays.
    const rows = await orders(b.db);
    expect(rows.find((o) => o.externalId === '#1002')!.email).toBe('b.keller@example.com');
    expect(rows.find((o) => o.externalId === '#1001')!.totalMinor).toBe(5990);
    expect((await new PaymentStore(b.db).get('ch_1'))!.amountMinor).toBe(5990);

    const register = await b.db.erasures.toArray();
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({
      kind: 'erasure',
      reference: 'GDPR-2026-201',
      analyst: 'Ben Ito',
      orderKeys: ['shopify:#1001'],
      payments: ['ch_1'],
      salt: mine.salt,
      linkValueHashes: mine.linkValueHashes,
      fromTeam: { analyst: 'Ana Weber', deviceId: sent[0]!.deviceId, eventId: sent[0]!.id, logSeq: mine.seq },
    });

    const log = new DecisionLog(b.db);
    const entries = await log.entries();
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ decision: 'erasure', analyst: 'Ben Ito', seq: register[0]!.seq, hash: register[0]!.entryHash });
    expect(entry.note).toContain('Applied a teammate’s erasure: the personal data of 1 order and 1 payment on request GDPR-2026-201, erased by Ana Weber');
    expect(entry.note).toContain(`held here: personal data of 1 order and 1 payment; 1 note; 1 link override; notes of entry ${bensNote.seq} erased`);
    expect(entry.refs).toEqual([bensNote.seq]);
    expect(await b.db.decisions.get(bensNote.seq)).toMatchObject({ note: '', noteErased: true });
    expect(register[0]!.noteHashes).toEqual([bensNote.hash]);
    expect(await b.db.linkOverrides.get(override)).toMatchObject({ value: '', reason: 'erased on request' });
    expect(entry.note).not.toMatch(ANNA);
    expect((await log.verify()).chain).toMatchObject({ ok: true });

    // Pulled again from the start, and its id handed to be applied again (as a second window would): nothing applied twice.
    await b.db.teamState.put({ key: 'pullCursor', value: 0 });
    await b.team.syncTeam();
    await b.db.teamState.put({ key: 'erasuresToApply', value: [sent[0]!.id] });
    await b.team.syncTeam();
    expect((await b.db.teamState.get('erasuresToApply'))?.value).toEqual([]);
    expect(await b.db.erasures.count()).toBe(1);
    expect(await log.entries()).toHaveLength(entries.length);

    // Ben's log entry goes to the team as his own, naming the text of his note he had sent (the server deletes it),
    // without the register: Ana does not apply her own erasure back.
    const bensNoteEvent = (await b.db.teamOutbox.toArray()).find((e) => e.kind === 'note')!;
    expect(server.erased.has(bensNoteEvent.id)).toBe(true);
    expect(JSON.stringify(server.events)).not.toMatch(ANNA);
    await a.team.syncTeam();
    expect(await a.db.erasures.count()).toBe(1);
    expect(server.events.filter((e) => e.kind === 'erasure' && e.payload['register'] !== undefined)).toHaveLength(1);
    expect((await new DecisionLog(a.db).verify()).chain).toMatchObject({ ok: true });
    for (const device of new Set(server.events.map((e) => e.deviceId)))
      expect((await verifyTeamChain(server.events.filter((e) => e.deviceId === device))).ok).toBe(true);

    // The shop's next export (Anna's order refunded since) imported on Ben's laptop: she stays erased.
    const next = SHOPIFY.replace(/^(#1001,anna\.schmidt@example\.de,)paid,/m, '$1refunded,');
    const again = await b.importText('orders-next.csv', next);
    expect(again.summary.warnings.map((w) => w.code)).toContain('erased-again');
    expect((await orders(b.db)).find((o) => o.externalId === '#1001')!.status).toBe('refunded');
    expect(await annasData(b.db)).not.toMatch(ANNA);
  });

  it('waits for an import running on the teammate’s laptop: the record and entry at once, the blanking when it has finished', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await a.core.applyPersonalData((await a.core.planErasure('anna.schmidt@example.de')).token, 'GDPR-2026-202');
    await a.team.syncTeam();

    const running = (await b.db.imports.add(runningImport({ startedAt: START, runLock: 'another-window' }))) as number;
    await b.team.syncTeam();
    // In the register (the running import re-reads it every batch) and in the log, not yet blanked.
    expect(await b.db.erasures.count()).toBe(1);
    const entry = (await new DecisionLog(b.db).entries()).at(-1)!;
    expect(entry.note).toContain('an import was running');
    expect(await annasData(b.db)).toMatch(ANNA);
    expect((await b.db.teamState.get('erasuresToBlank'))?.value).toHaveLength(1);

    await b.db.imports.update(running, { status: 'completed', endedAt: START + 1 });
    await b.team.syncTeam();
    expect(await annasData(b.db)).not.toMatch(ANNA);
    expect((await b.db.teamState.get('erasuresToBlank'))?.value).toEqual([]);
    expect(await b.db.erasures.count()).toBe(1);
    expect((await new DecisionLog(b.db).entries()).at(-1)!.seq).toBe(entry.seq);
  });

  it('travels in the teammate’s backups: the received record is backed by its own log entry', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    const older = (await writeBackup(b.db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: b.clock })).blob;
    await a.core.applyPersonalData((await a.core.planErasure('anna.schmidt@example.de')).token, 'GDPR-2026-203');
    await a.team.syncTeam();
    await b.team.syncTeam();
    const newer = (await writeBackup(b.db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: b.clock })).blob;
    const restore = async (file: Blob) =>
      applyRestore(b.db, await planRestore(b.db, await readBackup(file, PASSPHRASE), [], b.clock), { reason: 'test', clock: b.clock });
    await restore(newer);
    expect((await b.db.erasures.toArray())[0]?.fromTeam?.analyst).toBe('Ana Weber');
    await restore(older);
    expect(await annasData(b.db)).not.toMatch(ANNA);
    expect((await new DecisionLog(b.db).verify()).chain).toMatchObject({ ok: true });
  });
});
