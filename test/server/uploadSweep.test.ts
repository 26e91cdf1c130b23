// Uploads declared and never completed are swept once older than TEAM_UNFINISHED_UPLOAD_DAYS, at
// start and every hour: their chunks hold customers' personal data with no purpose left. Ordered
// imports and undos stay. A laptop that comes back declares again and its import is ordered; a
// completion or a chunk racing the sweep either finds the upload gone (404) or keeps it whole.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFromEnvironment } from '../../server/config';
import { uploadState } from '../../server/imports/importOpStore';
import { SWEEP_EVERY_MS, sweepUnfinishedUploads } from '../../server/imports/uploadSweep';
import { complete, declare, latest, putChunk, sampleImport, undo, upload, type SampleImport } from './teamImports';
import { startHarness, TEST_CONFIG, type Answer, type Harness } from './teamServerHarness';

const DAY = 24 * 60 * 60 * 1000;
const AGE = TEST_CONFIG.unfinishedUploadDays * DAY;

let h: Harness;
let lea: string;
let lines: string[];

beforeEach(async () => {
  lines = [];
  h = await startHarness({ logger: true, logStream: { write: (line) => void lines.push(line) } });
  await h.addUser('Lea', 'lead');
  lea = await h.signIn('Lea');
});
afterEach(() => h.close());

/** Moves the server's clock on; the session (8 hours) has ended by then, so Lea signs in again. */
async function later(ms: number): Promise<void> {
  h.clock.advance(ms);
  lea = await h.signIn('Lea');
}

const chunksOf = async (opId: string): Promise<number> =>
  (await h.pool.query('SELECT count(*)::int AS n FROM import_op_chunks WHERE op_id = $1', [opId])).rows[0].n;

/** Declared, with its first chunk sent, and never completed. */
async function unfinished(): Promise<SampleImport> {
  const imp = sampleImport({ chunks: 2, shop: 'Müller Shop' });
  expect((await declare(h, lea, imp)).status).toBe(201);
  expect((await putChunk(h, lea, imp, 0)).status).toBe(204);
  return imp;
}

/** Resolves once a query on this test's database waits for a lock another transaction holds. */
async function someoneWaits(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const r = await h.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    if (r.rows[0].n > 0) return;
    await sleep(10);
  }
  throw new Error('no query came to wait for the lock');
}

describe('the sweep of unfinished uploads', () => {
  it('deletes a declaration older than the age with its chunks, and logs counts only', async () => {
    const imp = await unfinished();
    const opId = imp.declaration.opId;
    await later(AGE + 1);
    await h.repeater.fire();
    expect(await chunksOf(opId)).toBe(0);
    expect(await uploadState(h.pool, opId)).toBeNull();
    expect(await h.call('GET', `/v1/imports/${opId}`, lea)).toMatchObject({ status: 404, body: { code: 'no-such-import' } });

    const swept = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unfinished uploads swept');
    expect(swept).toMatchObject({ imports: 1, chunks: 1, maxAgeDays: 7 });
    const log = lines.join('');
    for (const secret of [imp.declaration.fileName, 'Müller', 'buyer0', imp.declaration.fileHash]) expect(log).not.toContain(secret);
    // Nothing left to sweep: nothing more is logged.
    const before = lines.length;
    await h.repeater.fire();
    expect(lines.slice(before).join('')).not.toContain('swept');
  });

  it('keeps a declaration younger than the age, whole, until it is older', async () => {
    const imp = await unfinished();
    const opId = imp.declaration.opId;
    await later(AGE);
    await h.repeater.fire();
    expect(await uploadState(h.pool, opId)).toEqual({ opId, received: [0], seq: null });
    // Its laptop resumes where it stopped.
    expect(await declare(h, lea, imp)).toEqual({ status: 200, body: { opId, received: [0] } });
    await later(1);
    await h.repeater.fire();
    expect(await uploadState(h.pool, opId)).toBeNull();
  });

  it('keeps an ordered import older than the age, and its chunks', async () => {
    const imp = sampleImport({ chunks: 2 });
    await upload(h, lea, imp);
    const done = await complete(h, lea, imp.declaration.opId, 0);
    expect(done.status).toBe(200);
    await later(30 * AGE);
    await h.repeater.fire();
    expect((await h.call('GET', '/v1/imports?after=0', lea)).body).toEqual({ ops: [done.body.op], latest: 1, more: false });
    for (const n of [0, 1]) expect((await h.binary('GET', `/v1/imports/${imp.declaration.opId}/chunks/${n}`, lea)).bytes.equals(imp.chunks[n]!)).toBe(true);
  });

  it('keeps an undo and the import it undid, older than the age', async () => {
    const imp = sampleImport({ chunks: 1 });
    await upload(h, lea, imp);
    expect((await complete(h, lea, imp.declaration.opId, 0)).status).toBe(200);
    const undone = await undo(h, lea, imp.declaration.opId, 1);
    expect(undone.status).toBe(200);
    await later(30 * AGE);
    await h.repeater.fire();
    const ops = (await h.call('GET', '/v1/imports?after=0', lea)).body.ops;
    expect(ops.map((o: { kind: string; seq: number }) => `${o.kind} ${o.seq}`)).toEqual(['import 1', 'undo 2']);
    expect(ops[1]).toEqual(undone.body.op);
    expect(await chunksOf(imp.declaration.opId)).toBe(1);
  });

  it('runs when the server starts, then every hour', async () => {
    const imp = await unfinished();
    h.clock.advance(AGE + 1);
    await h.restart();
    await h.app.ready();
    expect(await uploadState(h.pool, imp.declaration.opId)).toBeNull();
    // The stopped server's timer is gone; the new one's runs hourly.
    expect(h.repeater.periods()).toEqual([SWEEP_EVERY_MS]);
    expect(SWEEP_EVERY_MS).toBe(60 * 60 * 1000);
  });

  it('lets the laptop resume after a sweep: refused as never declared, then declared again, sent and ordered', async () => {
    const imp = await unfinished();
    const opId = imp.declaration.opId;
    await later(AGE + 1);
    await h.repeater.fire();
    // What the laptop meets first, whichever step it was at: the refusal it answers by declaring again.
    expect(await putChunk(h, lea, imp, 1)).toMatchObject({ status: 404, body: { code: 'no-such-import' } });
    expect(await complete(h, lea, opId, 0)).toMatchObject({ status: 404, body: { code: 'no-such-import' } });
    expect(await declare(h, lea, imp)).toEqual({ status: 201, body: { opId, received: [] } });
    for (const n of [0, 1]) expect((await putChunk(h, lea, imp, n)).status).toBe(204);
    const done = await complete(h, lea, opId, 0);
    expect(done).toMatchObject({ status: 200, body: { op: { seq: 1, opId } } });
    await later(30 * AGE);
    await h.repeater.fire();
    expect(await uploadState(h.pool, opId)).toEqual({ opId, received: [0, 1], seq: 1 });
  });

  it('takes a setting for the age, from the environment', () => {
    expect(configFromEnvironment({}).unfinishedUploadDays).toBe(7);
    expect(configFromEnvironment({ TEAM_UNFINISHED_UPLOAD_DAYS: '30' }).unfinishedUploadDays).toBe(30);
    expect(() => configFromEnvironment({ TEAM_UNFINISHED_UPLOAD_DAYS: '0' })).toThrow(/TEAM_UNFINISHED_UPLOAD_DAYS/);
  });
});

describe('the sweep racing the upload it sweeps', () => {
  /** The upload with both chunks sent, older than the age: what a completion racing the sweep finds. */
  async function uploadedLongAgo(): Promise<SampleImport> {
    const imp = sampleImport({ chunks: 2 });
    await upload(h, lea, imp);
    await later(AGE + 1);
    return imp;
  }

  it('a completion that comes while the sweep holds the upload waits, then is refused; nothing is half left, and the laptop starts over', async () => {
    const imp = await uploadedLongAgo();
    const opId = imp.declaration.opId;
    let completing: Promise<Answer> | null = null;
    const swept = await sweepUnfinishedUploads(h.pool, h.clock.now() - AGE, async () => {
      completing = complete(h, lea, opId, 0);
      await someoneWaits();
    });
    expect(swept).toEqual({ imports: 1, chunks: 2 });
    expect(await completing).toMatchObject({ status: 404, body: { code: 'no-such-import' } });
    expect(await uploadState(h.pool, opId)).toBeNull();
    expect(await chunksOf(opId)).toBe(0);
    expect(await latest(h, lea)).toBe(0);

    await upload(h, lea, imp);
    expect(await complete(h, lea, opId, 0)).toMatchObject({ status: 200, body: { op: { seq: 1 } } });
  });

  it('a completion that holds the upload when the sweep comes keeps it: the sweep passes it over and it is ordered whole', async () => {
    const imp = await uploadedLongAgo();
    const opId = imp.declaration.opId;
    // The completion is held after it locked its upload, where it reads the chunks.
    const holder = await h.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE import_op_chunks IN ACCESS EXCLUSIVE MODE');
      const completing = complete(h, lea, opId, 0);
      await someoneWaits();
      expect(await sweepUnfinishedUploads(h.pool, h.clock.now() - AGE)).toEqual({ imports: 0, chunks: 0 });
      await holder.query('COMMIT');
      expect(await completing).toMatchObject({ status: 200, body: { op: { seq: 1, opId } } });
    } finally {
      holder.release();
    }
    expect(await sweepUnfinishedUploads(h.pool, h.clock.now() - AGE)).toEqual({ imports: 0, chunks: 0 });
    expect(await uploadState(h.pool, opId)).toEqual({ opId, received: [0, 1], seq: 1 });
  });

  it('a chunk that comes while the sweep holds the upload is refused as for an import never declared, not as a server failure', async () => {
    const imp = sampleImport({ chunks: 2 });
    expect((await declare(h, lea, imp)).status).toBe(201);
    await later(AGE + 1);
    let sending: Promise<Answer> | null = null;
    const swept = await sweepUnfinishedUploads(h.pool, h.clock.now() - AGE, async () => {
      sending = putChunk(h, lea, imp, 1);
      await someoneWaits();
    });
    expect(swept).toEqual({ imports: 1, chunks: 0 });
    expect(await sending).toMatchObject({ status: 404, body: { code: 'no-such-import' } });
    expect(await chunksOf(imp.declaration.opId)).toBe(0);
    expect(lines.join('')).not.toContain('request failed');
  });
});
