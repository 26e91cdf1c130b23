// Found by a security review: what a signed-in analyst can make the server store or do with one push.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainTeamEvents, GENESIS_HEAD, SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
import { teamDecisionsThatStand } from '../../shared/team/standing';
import { teamDecisionOf } from '../../shared/team/records';
import { Laptop, samplePayload, startHarness, type Harness } from './teamServerHarness';

describe('review: event times and payload shapes', () => {
  let h: Harness;
  let ana: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana', 'analyst');
    await h.addUser('Ben', 'analyst');
    ana = await h.signIn('Ana');
  });
  afterAll(() => h.close());

  it('refuses an event dated years after the server clock (a forged time that wins every conflict)', async () => {
    const ben = await h.signIn('Ben');
    const benLaptop = new Laptop('Ben');
    const honest = await benLaptop.chain([
      { id: randomUUID(), kind: 'decision', payload: { ...samplePayload('decision', 0), decision: 'release' }, analyst: 'Ben', at: h.clock.now() },
    ]);
    expect((await h.push(ben, honest)).status).toBe(200);

    // Ana decided the same order earlier but stamps her decision in 2099, so "the later decision" is always hers.
    const anaLaptop = new Laptop('Ana');
    const forged = await anaLaptop.chain([
      { id: randomUUID(), kind: 'decision', payload: samplePayload('decision', 0), analyst: 'Ana', at: Date.UTC(2099, 0, 1) },
    ]);
    const r = await h.push(ana, forged);
    // What the laptops would make of it if the server took it: Ana's hold stands over Ben's later release.
    const stands = teamDecisionsThatStand([...honest, ...forged].map((e) => teamDecisionOf(e)!)).get('shopify:#1000')!.stands;
    expect(stands.analyst).toBe('Ana');
    expect(r.status).toBe(400);
  });

  it('answers a deeply nested payload as malformed (400), not as a server failure', async () => {
    const laptop = new Laptop('Ana');
    const depth = 50_000;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    // Chaining hashes the canonical JSON, which cannot take this depth either: send a made-up hash; the server must refuse before.
    const [e] = await chainTeamEvents(
      [{ id: randomUUID(), kind: 'decision', payload: samplePayload('decision', 0), analyst: 'Ana', at: h.clock.now() }],
      laptop.deviceId,
      GENESIS_HEAD,
    );
    const body = JSON.stringify({ events: [{ ...e!, payload: { ...samplePayload('decision', 0), extra: '__NESTED__' } }] }).replace('"__NESTED__"', nested);
    const r = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), authorization: `Bearer ${ana}`, 'content-type': 'application/json' },
      payload: body,
    });
    expect(r.statusCode).toBe(400);
  });
});
