import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainTeamEvent, GENESIS_HEAD, PUSH_LIMITS, SCHEMA_HEADER, teamEventHash, verifyTeamChain, type PulledEvent, type TeamEvent } from '../../shared/team';
import { Laptop, samplePayload, startHarness, type Harness } from './teamServerHarness';

describe('team events sync', () => {
  let h: Harness;
  let ana: string;
  let ben: string;
  let carla: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana', 'analyst');
    await h.addUser('Ben', 'lead');
    await h.addUser('Carla', 'compliance');
    [ana, ben, carla] = [await h.signIn('Ana'), await h.signIn('Ben'), await h.signIn('Carla')];
  });
  afterAll(() => h.close());

  async function pullAll(token: string, limit = 3): Promise<PulledEvent[]> {
    const all: PulledEvent[] = [];
    let after = 0;
    for (;;) {
      const page = await h.call('GET', `/v1/events?after=${after}&limit=${limit}`, token);
      expect(page.status).toBe(200);
      all.push(...page.body.events);
      after = page.body.cursor;
      if (!page.body.more) return all;
    }
  }

  it('sync two devices: push, pull each other in pages, verify each chain against its head', async () => {
    const anaLaptop = new Laptop('Ana');
    const benLaptop = new Laptop('Ben');
    const a = await h.push(ana, await anaLaptop.record(4));
    expect(a).toMatchObject({
      status: 200,
      body: { accepted: 4, duplicates: 0, heads: [{ deviceId: anaLaptop.deviceId, seq: 4, hash: anaLaptop.head.hash }] },
    });
    expect((await h.push(ben, await benLaptop.record(3, 'ring-verdict'))).body.accepted).toBe(3);
    expect((await h.push(ana, await anaLaptop.record(2))).body.accepted).toBe(2);

    const pulled = await pullAll(carla); // compliance reads everything
    expect(pulled.map((e) => e.serverSeq)).toEqual([...pulled.map((e) => e.serverSeq)].sort((x, y) => x - y));
    const fromAna = pulled.filter((e) => e.deviceId === anaLaptop.deviceId);
    const fromBen = pulled.filter((e) => e.deviceId === benLaptop.deviceId);
    expect([fromAna.length, fromBen.length]).toEqual([6, 3]);
    expect(fromBen[0]).toMatchObject({ analyst: 'Ben', kind: 'ring-verdict', payload: { ringId: 'ring-0' } });
    for (const [laptop, events] of [
      [anaLaptop, fromAna],
      [benLaptop, fromBen],
    ] as const) {
      const head = (await h.call('GET', `/v1/devices/${laptop.deviceId}/head`, ana)).body;
      expect(head).toEqual({ deviceId: laptop.deviceId, ...laptop.head });
      const verdict = await verifyTeamChain(events.map(({ serverSeq: _s, receivedAt: _r, ...e }) => e));
      expect(verdict).toEqual({ ok: true, head: laptop.head });
    }
    expect((await h.call('GET', `/v1/devices/${randomUUID()}/head`, ana)).body).toMatchObject(GENESIS_HEAD);
    // Resuming from the last cursor returns only what came after it.
    const last = pulled.at(-1)!.serverSeq;
    expect((await h.call('GET', `/v1/events?after=${last}`, ana)).body).toEqual({ events: [], cursor: last, more: false });
  });

  it('treat a replayed event as a no-op, and a batch that repeats its stored prefix as a continuation', async () => {
    const laptop = new Laptop('Ana');
    const first = await laptop.record(3);
    expect((await h.push(ana, first)).body.accepted).toBe(3);
    const before = (await h.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    expect((await h.push(ana, first)).body).toMatchObject({ accepted: 0, duplicates: 3 });
    const more = await laptop.record(2);
    expect((await h.push(ana, [...first, ...more])).body).toMatchObject({ accepted: 2, duplicates: 3, heads: [{ seq: 5 }] });
    expect((await h.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(before + 2);
  });

  it('refuse a fork, a gap, a rewrite and a reused id with 409, storing nothing of the batch', async () => {
    const laptop = new Laptop('Ana');
    const stored = await laptop.record(3);
    await h.push(ana, stored);
    const count = async () => (await h.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const before = await count();

    // Fork: an event 4 chained to event 2 instead of event 3.
    const forkBody = { ...(await chainTeamEvent(input('Ana'), laptop.deviceId, { seq: 2, hash: stored[1]!.hash })), seq: 4 };
    const forked = { ...forkBody, hash: await teamEventHash(forkBody) };
    let r = await h.push(ana, [forked]);
    expect(r).toMatchObject({ status: 409, body: { code: 'fork', index: 0, eventId: forked.id } });
    expect(r.body.error).toMatch(/does not chain to the device's event 3/);
    expect((await h.push(ana, await laptop.record(1))).status).toBe(200); // the honest event 4 goes in
    // The forked event 4 again, now that 4 exists: a rewrite.
    expect(await h.push(ana, [forked])).toMatchObject({ status: 409, body: { code: 'rewrite' } });

    // Gap: event 6 with no event 5; the valid event before it in the batch is not kept either.
    const five = await laptop.record(1);
    const six = await laptop.record(1);
    r = await h.push(ana, [six[0]!]);
    expect(r).toMatchObject({ status: 409, body: { code: 'gap' } });
    expect(r.body.error).toMatch(/next is 5, not 6/);

    // Rewrite: event 2 again with other content and a new id.
    const rewrite = await chainTeamEvent({ ...input('Ana'), payload: { ...samplePayload('decision', 1), decision: 'release' } }, laptop.deviceId, {
      seq: 1,
      hash: stored[0]!.hash,
    });
    r = await h.push(ana, [...five, rewrite]);
    expect(r).toMatchObject({ status: 409, body: { code: 'rewrite', index: 1 } });

    // Same id, other content.
    const changed = { ...stored[2]!, payload: { ...samplePayload('decision', 2), decision: 'cancel' } };
    r = await h.push(ana, [{ ...changed, hash: await teamEventHash(changed) }]);
    expect(r).toMatchObject({ status: 409, body: { code: 'id-reused' } });

    expect(await count()).toBe(before + 1); // only the honest event 4
    expect((await h.call('GET', `/v1/devices/${laptop.deviceId}/head`, ana)).body.seq).toBe(4);
    expect((await h.push(ana, [...five, ...six])).body.accepted).toBe(2); // the laptop's real chain still goes on
  });

  it('refuse decisions from compliance (403) but keep its report snapshots and export-log entries', async () => {
    const laptop = new Laptop('Carla');
    const decision = await laptop.record(1, 'decision');
    const r = await h.push(carla, decision);
    expect(r).toMatchObject({ status: 403, body: { code: 'forbidden-kind' } });
    const compliance = new Laptop('Carla');
    expect((await h.push(carla, [...(await compliance.record(1, 'report-snapshot')), ...(await compliance.record(1, 'export-log'))])).status).toBe(200);
  });

  it('take a resolution of a conflict from a lead but refuse one from an analyst (403), storing nothing of its batch', async () => {
    const count = async () => (await h.pool.query(`SELECT count(*)::int AS n FROM events WHERE kind = 'resolution'`)).rows[0].n;
    const before = await count();
    const analyst = new Laptop('Ana');
    const r = await h.push(ana, [...(await analyst.record(1, 'decision')), ...(await analyst.record(1, 'resolution'))]);
    expect(r).toMatchObject({ status: 403, body: { code: 'forbidden-kind', index: 1 } });
    expect(r.body.error).toMatch(/an? analyst account may not push resolution events/);
    expect((await h.call('GET', `/v1/devices/${analyst.deviceId}/head`, ana)).body.seq).toBe(0);
    const lead = new Laptop('Ben');
    expect((await h.push(ben, await lead.record(1, 'resolution'))).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('refuse an event that names another analyst than the signed-in account (403)', async () => {
    const r = await h.push(ana, await new Laptop('Ben').record(1));
    expect(r).toMatchObject({ status: 403, body: { code: 'analyst-mismatch' } });
    expect(r.body.error).toMatch(/names analyst "Ben" but the push is signed in as "Ana"/);
  });

  it('refuse oversized requests with 413: the body, the event count, one payload', async () => {
    const laptop = new Laptop('Ana');
    const huge = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { [SCHEMA_HEADER]: '1', authorization: `Bearer ${ana}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ events: [], pad: 'x'.repeat(300 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(JSON.parse(huge.body).error).toMatch(/over 262144 bytes/);
    const many = Array.from({ length: PUSH_LIMITS.maxEvents + 1 }, () => ({}));
    expect(await h.push(ana, many as TeamEvent[])).toMatchObject({ status: 413, body: { code: 'too-many-events' } });
    const big = await chainTeamEvent({ ...input('Ana'), payload: { note: 'n'.repeat(PUSH_LIMITS.maxPayloadBytes) } }, laptop.deviceId, GENESIS_HEAD);
    expect(await h.push(ana, [big])).toMatchObject({ status: 413, body: { code: 'payload-too-large' } });
    expect((await h.call('GET', `/v1/devices/${laptop.deviceId}/head`, ana)).body.seq).toBe(0);
  });

  it('refuse malformed requests with 400 and say what was wrong', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { [SCHEMA_HEADER]: '1', authorization: `Bearer ${ana}`, 'content-type': 'application/json' },
      payload: '{"events": [',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('malformed');
    const [e] = await new Laptop('Ana').record(1);
    const r = await h.push(ana, [{ ...e!, seq: 0, kind: 'gossip' as never }]);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/events\.0\.seq/);
    expect(r.body.error).toMatch(/events\.0\.kind/);
    expect((await h.push(ana, [{ ...e!, payload: { orderKey: 'changed' } }])).body.code).toBe('hash-mismatch');
    expect((await h.call('GET', '/v1/events?limit=0', ana)).status).toBe(400);
    expect((await h.call('GET', '/v1/devices/not-a-uuid/head', ana)).status).toBe(400);
  });

  it('tell a client with an old schema to update (426) and name the minimum', async () => {
    const old = await h.app.inject({ method: 'GET', url: '/v1/events', headers: { [SCHEMA_HEADER]: '0', authorization: `Bearer ${ana}` } });
    expect(old.statusCode).toBe(426);
    expect(JSON.parse(old.body)).toMatchObject({ code: 'update-required', minimumSchemaVersion: 1 });
    const laptop = new Laptop('Ana');
    const [e] = await laptop.record(1);
    const oldBody = { ...e!, schemaVersion: 0 };
    const r = await h.push(ana, [{ ...oldBody, hash: await teamEventHash(oldBody) }]);
    expect(r).toMatchObject({ status: 426, body: { code: 'update-required', minimumSchemaVersion: 1, index: 0 } });
  });
});

function input(analyst: string) {
  return { id: randomUUID(), kind: 'decision' as const, payload: samplePayload('decision', 1), analyst, at: 0 };
}
