// Team imports end to end below the UI (issue 16): two laptops' caches (fake-indexeddb) with
// the app's import service and sync, talking to the real team server on a real PostgreSQL.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../renderer/src/core/imports/importService';
import { createDb, type WorkbenchDb } from '../../renderer/src/core/storage/schema';
import { liveOrderStamps } from '../../renderer/src/core/storage/liveOrderStamps';
import { TeamStore } from '../../renderer/src/core/storage/teamStore';
import { TeamSync } from '../../renderer/src/core/team/teamSync';
import { httpTransport } from '../../renderer/src/core/team/teamTransport';
import { FIELD_SEPARATOR } from '../../shared/orders/columns';
import type { Role } from '../../shared/team';
import type { TeamOrdersProgress } from '../../renderer/src/core/team/teamOrders';
import { shopifyExport, shopOrders } from '../support/shopifyExport';
import { OrderStore } from '../../renderer/src/core/storage/orderStore';
import { injectFetch, Laptop, START, startHarness, type Harness } from './teamServerHarness';

const ORIGIN = 'https://team.example';

/** Fetch through the in-process server, with a switch to cut the network and a hook to fail one call. */
class Network {
  down = false;
  failNext: ((method: string, path: string) => boolean) | null = null;
  /** Every request as `METHOD path`, in order. */
  readonly calls: string[] = [];
  private readonly inject: (url: string, init: RequestInit) => Promise<Response>;
  constructor(h: Harness) {
    this.inject = injectFetch(h, ORIGIN);
  }

  fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const path = input.slice(ORIGIN.length);
    const method = init.method ?? 'GET';
    this.calls.push(`${method} ${path}`);
    if (this.down) throw new TypeError('network down');
    if (this.failNext?.(method, path)) {
      this.failNext = null;
      throw new TypeError('connection reset');
    }
    return this.inject(input, init);
  };
}

let n = 0;
let h: Harness;
let net: Network;
const dbs: WorkbenchDb[] = [];

async function laptop(name: string, role: Role): Promise<{ db: WorkbenchDb; imports: ImportService }> {
  await h.addUser(name, role);
  const token = await h.signIn(name);
  const db = createDb(`team-orders-${n++}`);
  dbs.push(db);
  await new TeamStore(db).set('session', { origin: ORIGIN, token, expiresAt: Date.UTC(2030, 0, 1), account: { name, role } });
  const imports = new ImportService(db, h.clock, undefined, (o) => httpTransport(o, net.fetch));
  return { db, imports };
}

const csv = (rows: ReturnType<typeof shopOrders>, name: string) => new File([shopifyExport(rows)], name);

/** The live orders team operations wrote here, as `key stamp` lines, sorted. */
async function teamOrders(db: WorkbenchDb): Promise<string[]> {
  const ops = await db.teamOps.filter((o) => o.applied && o.importId !== null && o.state === 'shared').toArray();
  return (
    await liveOrderStamps(
      db,
      ops.map((o) => o.importId!),
    )
  )
    .map((e) => `${e.key} ${e.stamp}`)
    .sort();
}

async function allOrders(db: WorkbenchDb) {
  const store = new OrderStore(db);
  await store.open();
  return (await store.allOrders()).orders;
}

/** Every live order row in the cache by key: a key twice would be a duplicate order. */
async function liveKeys(db: WorkbenchDb): Promise<string[]> {
  const blocks = await db.orderBlocks.toArray();
  const keys: string[] = [];
  for (const b of blocks) {
    const k = (await db.orderKeys.get(b.id))!.keys.split(FIELD_SEPARATOR);
    k.forEach((key, r) => b.live[r] === 1 && keys.push(key));
  }
  return keys.sort();
}

beforeEach(async () => {
  h = await startHarness();
  net = new Network(h);
});
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
  await h.close();
});

describe('team imports between two laptops', () => {
  it('a lead imports, the teammate syncs and holds the same live orders; the check says so', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    const [outcome] = await a.imports.run([csv(shopOrders(40, '2026-11-03', 20, 'example.de'), 'orders_2026-11.csv')], null);
    expect(outcome).toMatchObject({ status: 'completed' });
    expect((await a.imports.syncTeamOrders()).waiting).toBe(0);

    const round = await b.imports.syncTeamOrders();
    expect(round).toMatchObject({ changed: true, problem: null });
    // Declared, ordered and pulled as scheme 2: the server can redact its chunks.
    expect(await b.db.teamOps.toArray()).toMatchObject([{ chunkScheme: 2 }]);
    const here = await teamOrders(b.db);
    expect(here).toHaveLength(40);
    expect(here).toEqual(await teamOrders(a.db));
    const [entry] = await b.imports.list();
    expect(entry).toMatchObject({ fileName: 'orders_2026-11.csv', status: 'completed', team: { state: 'shared', by: 'Ana Weber', mine: false } });
    expect(await b.imports.checkTeamOrders()).toMatchObject({ missing: [], notShared: [], ordersDiffer: 0 });
  });

  it('an import the server redacted for an erasure is written without the person, and the teammate is told how many', async () => {
    const a = await laptop('Ana Weber', 'lead');
    await a.imports.run([csv(shopOrders(6, '2026-11-03', 20, 'example.de'), 'orders_2026-11.csv')], null);
    expect((await a.imports.syncTeamOrders()).waiting).toBe(0);
    const erased = (await allOrders(a.db)).find((o) => o.email === 'buyer1@example.de')!;
    // A teammate erased that customer on request: its laptop pushes the register's record (keys, never the e-mail).
    const erasing = new Laptop('Ana Weber');
    const events = await erasing.chain([
      {
        id: randomUUID(),
        kind: 'erasure',
        analyst: 'Ana Weber',
        at: START,
        payload: {
          reason: 'erasure',
          logSeq: 1,
          eventIds: [],
          register: { reference: 'TICKET-1', orderKeys: [`${erased.source}:${erased.externalId}`], payments: [], salt: '0'.repeat(32), linkValueHashes: [] },
        },
      },
    ]);
    expect((await h.push(await h.signIn('Ana Weber'), events)).status).toBe(200);

    // A laptop that has not pulled the erasure refuses the redacted lines (a server cannot blank
    // records on its own say): nothing of the import is written, and it is tried again.
    const c = await laptop('Cleo Park', 'analyst');
    const refused = await c.imports.syncTeamOrders();
    expect(refused).toMatchObject({ changed: false });
    expect(refused.problem).toMatch(
      new RegExp(
        `^The team import of orders_2026-11\\.csv could not be applied here: orders_2026-11\\.csv, chunk 1, line \\d+: redacted under an erasure this laptop does not hold \\(${events[0]!.id}\\): not applied$`,
      ),
    );
    expect(await allOrders(c.db)).toHaveLength(0);
    expect(await c.db.teamOps.toArray()).toMatchObject([{ applied: false }]);

    // Its sync pulls the team's events before the imports (useTeamStatus): with the erasure held, the import is written without the person.
    await new TeamSync({ db: c.db, clock: h.clock, transport: (o) => httpTransport(o, net.fetch), newId: randomUUID }).sync();
    expect(await c.imports.syncTeamOrders()).toMatchObject({ changed: true, problem: null });
    const orders = await allOrders(c.db);
    expect(orders).toHaveLength(6);
    const there = orders.find((o) => o.externalId === erased.externalId)!;
    expect([there.email, there.totalMinor, there.createdAt]).toEqual(['', erased.totalMinor, erased.createdAt]);
    expect(orders.filter((o) => o.email !== '')).toHaveLength(5);
    // The refused run was taken back (undone, nothing written); the second wrote the import.
    const [first, entry] = await c.db.imports.toArray();
    expect(first).toMatchObject({ status: 'undone', created: 0 });
    expect(entry).toMatchObject({ status: 'completed' });
    expect(entry!.warnings).toContain('1 record came from the team without their personal data (erased on request)');
  });

  it('an undo for the team reaches the teammate, and an analyst may not undo a team import', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    const [first] = await a.imports.run([csv(shopOrders(30, '2026-11-03', 20, 'example.de'), 'orders_2026-11.csv')], null);
    await a.imports.syncTeamOrders();
    await b.imports.syncTeamOrders();
    const bEntry = (await b.imports.list())[0]!;
    await expect(b.imports.undo(bEntry.id)).rejects.toThrow(/undo/i);
    expect(await teamOrders(b.db)).toHaveLength(30);

    await a.imports.undo((first as { importId: number }).importId);
    expect(await liveKeys(a.db)).toEqual([]);
    await b.imports.syncTeamOrders();
    expect(await liveKeys(b.db)).toEqual([]);
    expect((await b.imports.list()).find((e) => e.fileName === 'orders_2026-11.csv')!.status).toBe('undone');
    expect(await b.imports.checkTeamOrders()).toMatchObject({ missing: [], ordersDiffer: 0 });

    // A teammate joining now has nothing to apply, and fetches none of the undone import's records.
    const c = await laptop('Cleo Brandt', 'analyst');
    net.calls.length = 0;
    expect(await c.imports.syncTeamOrders()).toMatchObject({ problem: null });
    expect(net.calls.filter((call) => call.includes('/chunks/'))).toEqual([]);
    expect(await c.db.teamOps.count()).toBe(2);
    expect(await c.db.teamOpChunks.count()).toBe(0);
    expect(await liveKeys(c.db)).toEqual([]);
    expect(await c.imports.checkTeamOrders()).toMatchObject({ missing: [], ordersDiffer: 0 });
  });

  it('records fetched before the team undid their import are dropped when the undo arrives', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    await a.imports.run([csv(shopOrders(12_000, '2026-11-05', 10, 'example.de'), 'orders_big.csv')], null);
    await a.imports.syncTeamOrders();
    // B gets the first chunk, then loses the network before the second.
    let gets = 0;
    net.failNext = (method, path) => method === 'GET' && path.includes('/chunks/') && ++gets === 2;
    await b.imports.syncTeamOrders();
    expect(await b.db.teamOpChunks.count()).toBe(1);

    await a.imports.undo((await a.imports.list())[0]!.id);
    await b.imports.syncTeamOrders();
    expect(await b.db.teamOpChunks.count()).toBe(0);
    expect(await liveKeys(b.db)).toEqual([]);
  });

  it('both laptops import the same file offline, then sync: one operation, no duplicate orders', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Cleo Brandt', 'lead');
    const rows = shopOrders(25, '2026-11-04', 40, 'example.com');
    net.down = true;
    await a.imports.run([csv(rows, 'orders_week45.csv')], null);
    await b.imports.run([csv(rows, 'orders_week45.csv')], null);
    expect((await a.imports.syncTeamOrders()).waiting).toBe(1);
    net.down = false;
    await a.imports.syncTeamOrders();
    await b.imports.syncTeamOrders();
    await a.imports.syncTeamOrders();
    const ops = await h.pool.query('SELECT count(*)::int AS n FROM import_ops WHERE seq IS NOT NULL');
    expect(ops.rows[0].n).toBe(1);
    for (const l of [a, b]) {
      const keys = await liveKeys(l.db);
      expect(keys).toHaveLength(25);
      expect(new Set(keys).size).toBe(25);
    }
    expect(await teamOrders(b.db)).toEqual(await teamOrders(a.db));
    const bEntries = await b.imports.list();
    // B's own import (lifted under the team's, written again, then dropped) is one entry, beside the team's.
    expect(bEntries.map((e) => [e.fileName, e.status, e.team?.state])).toEqual([
      ['orders_week45.csv', 'undone', 'duplicate'],
      ['orders_week45.csv', 'completed', 'shared'],
    ]);
  });

  it('a transfer cut off mid-way resumes where it stopped, on both ends', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    // 12,000 orders: three chunks of records.
    await a.imports.run([csv(shopOrders(12_000, '2026-11-05', 10, 'example.de'), 'orders_big.csv')], null);
    let puts = 0;
    net.failNext = (method, path) => method === 'PUT' && path.includes('/chunks/') && ++puts === 2;
    await a.imports.syncTeamOrders();
    const state = await h.pool.query('SELECT count(*)::int AS n FROM import_op_chunks');
    expect(state.rows[0].n).toBe(1);
    await a.imports.syncTeamOrders();
    expect((await h.pool.query('SELECT count(*)::int AS n FROM import_ops WHERE seq IS NOT NULL')).rows[0].n).toBe(1);

    let gets = 0;
    net.failNext = (method, path) => method === 'GET' && path.includes('/chunks/') && ++gets === 2;
    await b.imports.syncTeamOrders();
    expect(await b.db.teamOpChunks.count()).toBe(1);
    expect(await liveKeys(b.db)).toEqual([]);
    await b.imports.syncTeamOrders();
    expect(await teamOrders(b.db)).toHaveLength(12_000);
    expect(await teamOrders(b.db)).toEqual(await teamOrders(a.db));
  });

  it('an upload left unfinished past the server’s retention is swept there, and sent again whole when the laptop is back', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    await a.imports.run([csv(shopOrders(40, '2026-11-03', 20, 'example.de'), 'orders_2026-11.csv')], null);
    // Declared and every chunk sent, then the network goes before the completion, for a week and a day.
    net.failNext = (method, path) => method === 'POST' && path.endsWith('/complete');
    expect(await a.imports.syncTeamOrders()).toMatchObject({ problem: null, waiting: 1 });
    const held = async () =>
      (await h.pool.query('SELECT (SELECT count(*) FROM import_ops)::int AS ops, (SELECT count(*) FROM import_op_chunks)::int AS chunks')).rows[0];
    expect((await held()).chunks).toBeGreaterThan(0);
    h.clock.advance(8 * 24 * 3_600_000);
    await h.repeater.fire();
    expect(await held()).toEqual({ ops: 0, chunks: 0 });

    // Back, and signed in again (the sessions ended meanwhile): the laptop still holds the records.
    for (const [who, name, role] of [
      [a, 'Ana Weber', 'lead'],
      [b, 'Ben Ito', 'analyst'],
    ] as const)
      await new TeamStore(who.db).set('session', { origin: ORIGIN, token: await h.signIn(name), expiresAt: Date.UTC(2030, 0, 1), account: { name, role } });
    expect(await a.imports.syncTeamOrders()).toMatchObject({ problem: null, waiting: 0 });
    expect(await b.imports.syncTeamOrders()).toMatchObject({ problem: null });
    expect(await teamOrders(b.db)).toHaveLength(40);
    expect(await teamOrders(b.db)).toEqual(await teamOrders(a.db));
  });

  it('the check names a missing team import and an order that differs', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    await a.imports.run([csv(shopOrders(20, '2026-11-03', 20, 'example.de'), 'orders_2026-10.csv')], null);
    await a.imports.syncTeamOrders();
    await b.imports.syncTeamOrders();
    // Plant a difference in B's cache: one order's stamp as if another version of it had been written.
    const block = (await b.db.orderBlocks.toArray()).at(-1)!;
    const keys = (await b.db.orderKeys.get(block.id))!;
    const hashes = keys.hashes.split(FIELD_SEPARATOR);
    hashes[3] = 'not-the-teams';
    await b.db.orderKeys.put({ ...keys, hashes: hashes.join(FIELD_SEPARATOR) });
    const planted = keys.keys.split(FIELD_SEPARATOR)[3]!;

    const later = shopOrders(5, '2026-11-20', 90, 'example.org').map((r, i) => ({ ...r, name: `#${2001 + i}` }));
    await a.imports.run([csv(later, 'orders_2026-11.csv')], null);
    await a.imports.syncTeamOrders();
    const check = await b.imports.checkTeamOrders();
    expect(check.missing).toEqual([{ fileName: 'orders_2026-11.csv', by: 'Ana Weber', kind: 'import' }]);
    expect(check.ordersDiffer).toBe(1);
    expect(check.differingHere).toEqual([planted]);
  });

  it('the check names a team order an import made while signed out changed', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    const rows = shopOrders(20, '2026-11-03', 20, 'example.de');
    await a.imports.run([csv(rows, 'orders_2026-10.csv')], null);
    await a.imports.syncTeamOrders();
    await b.imports.syncTeamOrders();
    // Signed out, B corrects #1004's amount, as the same shop: the import is B's alone.
    const store = new TeamStore(b.db);
    const session = (await store.get('session'))!;
    await store.remove('session');
    const [corrected] = await b.imports.run([csv([{ ...rows[3]!, total: '99.00' }], 'correction.csv')], null, undefined, {}, { shop: null, update: true });
    expect(corrected).toMatchObject({ status: 'completed', summary: { updated: 1 } });
    await store.set('session', session);
    await b.imports.syncTeamOrders();

    const check = await b.imports.checkTeamOrders();
    expect(check).toMatchObject({ missing: [], notShared: [], ordersDiffer: 1 });
    expect(check.differingHere).toHaveLength(1);
    expect(check.differingHere[0]).toMatch(/#1004$/);
  });

  it("an analyst's import stays on that laptop, and the team's imports go under it", async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    await b.imports.run([csv(shopOrders(10, '2026-11-06', 70, 'example.net'), 'my_sample.csv')], null);
    const refused = await b.imports.syncTeamOrders();
    expect(refused.problem).toBeNull();
    expect((await b.imports.list())[0]!.team).toMatchObject({ state: 'refused' });
    expect((await h.pool.query('SELECT count(*)::int AS n FROM import_ops WHERE seq IS NOT NULL')).rows[0].n).toBe(0);

    await a.imports.run([csv(shopOrders(15, '2026-11-02', 30, 'example.de'), 'orders_2026-11.csv')], null);
    await a.imports.syncTeamOrders();
    // A fetch cut off leaves the analyst's own import where it was, on top.
    net.failNext = (method, path) => method === 'GET' && path.includes('/chunks/');
    await b.imports.syncTeamOrders();
    expect(await liveKeys(b.db)).toHaveLength(10);
    expect((await b.imports.list())[0]!).toMatchObject({ fileName: 'my_sample.csv', status: 'completed' });
    await b.imports.syncTeamOrders();
    // Order numbers #1001-#1010 are in both files: the analyst's own file, lifted and written again, stays on top.
    const keys = await liveKeys(b.db);
    expect(keys).toHaveLength(15);
    expect(await teamOrders(b.db)).toHaveLength(5);
    expect((await b.imports.list()).map((e) => [e.fileName, e.status, e.team?.state])).toEqual([
      ['my_sample.csv', 'completed', 'refused'],
      ['orders_2026-11.csv', 'completed', 'shared'],
    ]);
    // Lifted and written again, it still says why it stays here.
    expect((await b.imports.list())[0]!.team!.problem).toMatch(/^Ben Ito is analyst; only admin and lead accounts may import for the team/);
    const check = await b.imports.checkTeamOrders();
    expect(check.notShared).toMatchObject([{ fileName: 'my_sample.csv', state: 'refused' }]);
    expect(check.missing).toEqual([]);
  });

  it('an import whose records the team cannot take is imported here all the same, and says why it stays here', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const rows = shopOrders(3, '2026-11-03', 20, 'example.de');
    rows[1] = { ...rows[1]!, email: `${'x'.repeat(600)}@example.de` };
    const [outcome] = await a.imports.run([csv(rows, 'odd_export.csv')], null);
    expect(outcome).toMatchObject({ status: 'completed' });
    await a.imports.syncTeamOrders();
    const [entry] = await a.imports.list();
    expect(entry!.team).toMatchObject({ state: 'refused' });
    expect(entry!.team!.problem).toMatch(/^cannot be shared: .*email/);
    expect(await liveKeys(a.db)).toHaveLength(3);
    expect(await a.db.teamOpChunks.count()).toBe(0);
    expect((await h.pool.query('SELECT count(*)::int AS n FROM import_ops')).rows[0].n).toBe(0);
  });

  it('a first pull says what it fetches and writes, and hands over each team import once written', async () => {
    const a = await laptop('Ana Weber', 'lead');
    const b = await laptop('Ben Ito', 'analyst');
    await a.imports.run([csv(shopOrders(12_000, '2026-11-05', 10, 'example.de'), 'orders_big.csv')], null);
    const later = shopOrders(30, '2026-11-20', 90, 'example.org').map((r, i) => ({ ...r, name: `#${20_001 + i}` }));
    await a.imports.run([csv(later, 'orders_late.csv')], null);
    await a.imports.syncTeamOrders();
    const seen: TeamOrdersProgress[] = [];
    const liveWhenHanded: number[] = [];
    await b.imports.syncTeamOrders((p) => {
      seen.push(p);
      if (p.phase === 'applied') void liveKeys(b.db).then((k) => liveWhenHanded.push(k.length));
    });
    const downloads = seen.filter((p) => p.phase === 'download');
    expect(downloads.map((p) => [p.fileName, p.done, p.total])).toEqual([
      ['orders_big.csv', 0, 3],
      ['orders_big.csv', 1, 3],
      ['orders_big.csv', 2, 3],
      ['orders_late.csv', 0, 1],
    ]);
    const writes = seen.filter((p) => p.phase === 'apply');
    expect(writes.at(-1)).toMatchObject({ fileName: 'orders_late.csv', rows: 30, records: 30 });
    expect(writes.find((p) => p.fileName === 'orders_big.csv' && p.rows === 12_000)).toMatchObject({ records: 12_000, by: 'Ana Weber' });
    expect(seen.filter((p) => p.phase === 'applied').map((p) => p.fileName)).toEqual(['orders_big.csv', 'orders_late.csv']);
    // Handed over in order: the first import's orders were there before the second was written.
    await new Promise((r) => setTimeout(r, 50));
    expect(liveWhenHanded[0]).toBeGreaterThanOrEqual(12_000);
  });
});
