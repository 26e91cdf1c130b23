// Team imports on the server, the order's side: who may import and undo, one place per operation
// handed out strictly in turn to a laptop that holds every one before it, one live operation per
// file, and undo of the newest live import only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, declare, latest, sampleImport, undo, upload } from './teamImports';
import { startHarness, type Harness } from './teamServerHarness';

describe('team import order', () => {
  let h: Harness;
  let admin: string, lea: string, lou: string, ana: string, carla: string;
  beforeAll(async () => {
    h = await startHarness();
    for (const [name, role] of [
      ['Ada', 'admin'],
      ['Lea', 'lead'],
      ['Lou', 'lead'],
      ['Ana', 'analyst'],
      ['Carla', 'compliance'],
    ] as const)
      await h.addUser(name, role);
    [admin, lea, lou, ana, carla] = [await h.signIn('Ada'), await h.signIn('Lea'), await h.signIn('Lou'), await h.signIn('Ana'), await h.signIn('Carla')];
  });
  afterAll(() => h.close());

  /** Uploads and orders a new import right after the latest operation. */
  async function imported(token: string, options: Parameters<typeof sampleImport>[0] = {}) {
    const imp = sampleImport(options);
    await upload(h, token, imp);
    const done = await complete(h, token, imp.declaration.opId, await latest(h, token));
    expect(done.status).toBe(200);
    return { imp, op: done.body.op };
  }

  it('let leads and admins import by default; an admin lets analysts too; compliance never', async () => {
    const refused = await declare(h, ana, sampleImport());
    expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden-import' } });
    expect(refused.body.error).toBe(
      'Ana is analyst; only admin and lead accounts may import for the team. An admin changes who may in the team settings (importRoles)',
    );
    expect((await declare(h, lea, sampleImport())).status).toBe(201);
    expect((await declare(h, admin, sampleImport())).status).toBe(201);
    expect(await declare(h, carla, sampleImport())).toMatchObject({ status: 403, body: { code: 'forbidden-import' } });
    expect((await h.call('GET', '/v1/imports', carla)).status).toBe(200); // compliance reads

    expect((await h.call('PUT', '/v1/settings', admin, { importRoles: ['admin', 'lead', 'analyst'] })).status).toBe(200);
    const analysts = sampleImport();
    await upload(h, ana, analysts);
    expect((await complete(h, ana, analysts.declaration.opId, await latest(h, ana))).body.op.by).toBe('Ana');
    expect((await h.call('PUT', '/v1/settings', admin, { importRoles: ['admin', 'lead', 'compliance'] })).status).toBe(400);
    expect(await declare(h, carla, sampleImport())).toMatchObject({ status: 403 });

    // Rights are read again at completion: an upload begun before the admin's change is not ordered after it.
    const late = sampleImport();
    await upload(h, ana, late);
    await h.call('PUT', '/v1/settings', admin, { importRoles: ['admin', 'lead'] });
    expect(await complete(h, ana, late.declaration.opId, await latest(h, ana))).toMatchObject({ status: 403, body: { code: 'forbidden-import' } });
  });

  it('order only a laptop that holds the latest operation (409 behind with the latest), then after it catches up', async () => {
    const start = await latest(h, lea);
    const [first, second] = [sampleImport(), sampleImport()];
    await upload(h, lea, first);
    await upload(h, lou, second);
    expect((await complete(h, lea, first.declaration.opId, start)).body.op.seq).toBe(start + 1);
    const behind = await complete(h, lou, second.declaration.opId, start);
    expect(behind).toMatchObject({ status: 409, body: { code: 'behind', latest: start + 1 } });
    expect(await complete(h, lou, second.declaration.opId, start + 7)).toMatchObject({ status: 409, body: { code: 'ahead', latest: start + 1 } });
    const caughtUp = await complete(h, lou, second.declaration.opId, behind.body.latest);
    expect(caughtUp.body.op).toMatchObject({ seq: start + 2, by: 'Lou' });
    expect(await complete(h, lou, first.declaration.opId, start + 2)).toMatchObject({ status: 403, body: { code: 'not-yours' } });
  });

  it('hand out consecutive places to concurrent completes: one wins, the others are behind', async () => {
    const imports = Array.from({ length: 5 }, () => sampleImport());
    for (const imp of imports) await upload(h, lea, imp);
    const start = await latest(h, lea);
    const answers = await Promise.all(imports.map((imp) => complete(h, lea, imp.declaration.opId, start)));
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.op.seq)).toEqual([start + 1]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'behind' && a.body.latest === start + 1)).toBe(true);
    // The losers catch up, each in turn, however they race.
    let pending = imports.filter((_, i) => answers[i]!.status === 409);
    while (pending.length > 0) {
      const at = await latest(h, lea);
      const round = await Promise.all(pending.map((imp) => complete(h, lea, imp.declaration.opId, at)));
      expect(round.filter((a) => a.status === 200)).toHaveLength(1);
      pending = pending.filter((_, i) => round[i]!.status !== 200);
    }
    const seqs = (await h.call('GET', `/v1/imports?after=0&limit=1000`, carla)).body.ops.map((op: { seq: number }) => op.seq);
    expect(seqs).toEqual(Array.from({ length: start + 5 }, (_, i) => i + 1)); // no place taken twice or skipped
  });

  it('keep one live operation per file: a second laptop completing the same file gets the first', async () => {
    const file = randomUUID();
    const [mine, theirs] = [sampleImport({ file, shop: 'EU' }), sampleImport({ file, shop: 'EU' })];
    await upload(h, lea, mine);
    await upload(h, lou, theirs); // both declared before either completed
    const first = await complete(h, lea, mine.declaration.opId, await latest(h, lea));
    const at = await latest(h, lou);
    const second = await complete(h, lou, theirs.declaration.opId, at);
    expect(second).toEqual({ status: 200, body: { duplicateOf: first.body.op } });
    expect(await latest(h, lou)).toBe(at); // nothing ordered
    expect((await h.call('GET', `/v1/imports/${theirs.declaration.opId}`, lou)).body).toMatchObject({ received: [], seq: null }); // its chunks dropped
    expect((await complete(h, lou, theirs.declaration.opId, at)).body).toEqual({ duplicateOf: first.body.op }); // a retry answers the same
    // Declaring the file again is answered at once, and nothing is stored.
    const again = sampleImport({ file, shop: 'EU' });
    expect(await declare(h, lou, again)).toEqual({ status: 200, body: { duplicateOf: first.body.op } });
    expect((await h.call('GET', `/v1/imports/${again.declaration.opId}`, lou)).status).toBe(404);
    // Another shop or format is another file.
    expect((await declare(h, lou, sampleImport({ file, shop: 'US' }))).status).toBe(201);
    expect((await declare(h, lou, sampleImport({ file, shop: 'EU', format: 'stripe-payments' }))).status).toBe(201);
    // Once undone, the file may be imported again.
    expect((await undo(h, lea, mine.declaration.opId, await latest(h, lea))).status).toBe(200);
    const reimport = sampleImport({ file, shop: 'EU' });
    expect((await declare(h, lou, reimport)).status).toBe(201);
  });

  it('undo only the newest live import, by a lead or admin, once; a replayed undo answers the same', async () => {
    const older = await imported(lea);
    const newer = await imported(lou);
    let at = await latest(h, lea);
    const notNewest = await undo(h, lea, older.op.opId, at);
    expect(notNewest).toMatchObject({ status: 409, body: { code: 'not-newest' } });
    expect(notNewest.body.error).toBe(`undo the newer team imports first: "${newer.imp.declaration.fileName}" (operation ${newer.op.seq})`);
    expect(await undo(h, ana, newer.op.opId, at)).toMatchObject({ status: 403, body: { code: 'forbidden-undo' } });
    expect(await undo(h, carla, newer.op.opId, at)).toMatchObject({ status: 403, body: { code: 'forbidden-undo' } });
    expect(await undo(h, lea, newer.op.opId, at - 1)).toMatchObject({ status: 409, body: { code: 'behind', latest: at } });

    const undoOpId = randomUUID();
    h.clock.advance(60_000);
    const undone = await undo(h, lea, newer.op.opId, at, undoOpId); // a lead undoes a teammate's import
    const { opId: _o, seq: _s, kind: _k, by: _b, deviceId: _d, at: _a, liveDigest: _l, ...file } = newer.op;
    expect(undone.body.op).toMatchObject({ ...file, opId: undoOpId, seq: at + 1, kind: 'undo', undoes: newer.op.opId, by: 'Lea', at: h.clock.now() });
    expect(await undo(h, lea, newer.op.opId, at, undoOpId)).toEqual(undone); // replayed: a no-op
    expect(await undo(h, lea, newer.op.opId, at + 1)).toMatchObject({ status: 409, body: { code: 'already-undone' } });
    expect(await undo(h, lea, undoOpId, at + 1)).toMatchObject({ status: 409, body: { code: 'not-an-import' } });
    expect(await undo(h, lea, older.op.opId, at + 1, undoOpId)).toMatchObject({ status: 409, body: { code: 'op-id-reused' } });
    expect(await undo(h, lea, randomUUID(), at + 1)).toMatchObject({ status: 404, body: { code: 'no-such-import' } });

    // Now the older import is the newest live one; an undo is an operation teammates pull.
    at = await latest(h, admin);
    expect((await undo(h, admin, older.op.opId, at)).body.op).toMatchObject({ seq: at + 1, undoes: older.op.opId });
    const pulled = (await h.call('GET', `/v1/imports?after=${undone.body.op.seq - 1}`, carla)).body;
    expect(pulled.ops.map((op: { kind: string; undoes: string }) => [op.kind, op.undoes])).toEqual([
      ['undo', newer.op.opId],
      ['undo', older.op.opId],
    ]);
    // The undone import's chunks stay readable: a laptop catching up applies the import, then its undo.
    expect((await h.binary('GET', `/v1/imports/${newer.op.opId}/chunks/0`, carla)).bytes.equals(newer.imp.chunks[0]!)).toBe(true);
  });

  it('page through the order oldest first', async () => {
    const end = await latest(h, carla);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = (await h.call('GET', `/v1/imports?after=${after}&limit=4`, carla)).body;
      expect(page.latest).toBe(end);
      seen.push(...page.ops.map((op: { seq: number }) => op.seq));
      if (!page.more) break;
      after = page.ops.at(-1).seq;
    }
    expect(seen).toEqual(Array.from({ length: end }, (_, i) => i + 1));
    expect((await h.call('GET', '/v1/imports?after=-1', carla)).status).toBe(400);
    expect((await h.call('GET', '/v1/imports?limit=5000', carla)).status).toBe(400);
  });
});
