// Found by a security review: what a signed-in analyst can make the server store or do with one push.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainTeamEvents, GENESIS_HEAD, PULL_LIMITS, SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
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

describe('review: bodies from outsiders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      config: {
        lockout: { maxFailures: 3, lockMinutes: 10 },
        sessionHours: 8,
        signInsPerMinute: 1000,
        bodyLimitBytes: 8 * 1024 * 1024,
        unfinishedUploadDays: 7,
      },
    });
  });
  afterAll(() => h.close());

  const headers = (more: Record<string, string> = {}) => ({ [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), ...more });

  it('refuses a request without a session before its body is read: no outsider makes the server take in 8 MiB', async () => {
    // A body the server would refuse as malformed had it read it: the answer says it was never read.
    const unread = '['.repeat(100) + ']'.repeat(100);
    for (const token of [null, 'x'.repeat(43)]) {
      const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const push = await h.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: headers({ 'content-type': 'application/json', ...auth }),
        payload: unread,
      });
      expect(push.statusCode).toBe(401);
      const chunk = await h.app.inject({
        method: 'PUT',
        url: `/v1/imports/${randomUUID()}/chunks/0`,
        headers: headers({ 'content-type': 'application/octet-stream', ...auth }),
        payload: Buffer.alloc(6 * 1024 * 1024 + 1),
      });
      expect(chunk.statusCode).toBe(401);
    }
  });

  it('takes a sign-in body only as large as a name and a password can be', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/v1/session',
      headers: headers({ 'content-type': 'application/json' }),
      payload: JSON.stringify({ name: 'Nobody', password: 'x', pad: 'p'.repeat(1024 * 1024) }),
    });
    expect(r.statusCode).toBe(413);
    expect(JSON.parse(r.body).error).toMatch(/a name and a password/);
  });
});

describe('review: the size of a pull', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana', 'analyst');
    await h.addUser('Carla', 'compliance');
  });
  afterAll(() => h.close());

  it('cuts a page at PULL_LIMITS.maxPageBytes whatever limit is asked, so no pull makes the server build hundreds of megabytes', async () => {
    // An analyst pushes events of nearly the 64 KiB a payload may hold; any account then asks for 5,000 at once.
    const ana = await h.signIn('Ana');
    const laptop = new Laptop('Ana');
    const filler = 'x'.repeat(60 * 1024);
    const count = Math.ceil((PULL_LIMITS.maxPageBytes * 1.5) / filler.length);
    for (let sent = 0; sent < count; sent += 3) {
      const inputs = Array.from({ length: Math.min(3, count - sent) }, (_, i) => ({
        id: randomUUID(),
        kind: 'decision' as const,
        payload: { ...samplePayload('decision', sent + i), filler },
        analyst: 'Ana',
        at: h.clock.now(),
      }));
      expect((await h.push(ana, await laptop.chain(inputs))).status).toBe(200);
    }
    const carla = await h.signIn('Carla');
    const first = await h.app.inject({
      method: 'GET',
      url: '/v1/events?after=0&limit=5000',
      headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), authorization: `Bearer ${carla}` },
    });
    expect(first.rawPayload.length).toBeLessThan(PULL_LIMITS.maxPageBytes + 256 * 1024);
    const page = JSON.parse(first.body);
    expect(page.more).toBe(true);
    expect(page.events.length).toBeGreaterThan(0);
    // Paged on from the cursor, every event arrives once.
    let after = page.cursor;
    let seen = page.events.length;
    for (;;) {
      const next = (await h.call('GET', `/v1/events?after=${after}&limit=5000`, carla)).body;
      seen += next.events.length;
      after = next.cursor;
      if (!next.more) break;
    }
    expect(seen).toBe(count);
  });
});
