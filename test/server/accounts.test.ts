import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { rateLimitedAs } from '../../server/accounts/signIn';
import { configFromEnvironment } from '../../server/config';
import { SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
import { startHarness, TEST_CONFIG, type Harness } from './teamServerHarness';

describe('team server accounts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana Admin', 'admin');
    await h.addUser('Ben', 'analyst');
    await h.addUser('Cleo', 'analyst');
  });
  afterAll(() => h.close());

  it('add a user and sign in: a session token, the account and its role, attributed by name in any case', async () => {
    const r = await h.call('POST', '/v1/session', null, { name: 'ben', password: 'correct horse battery staple' });
    expect(r.status).toBe(201);
    expect(r.body.account).toEqual({ name: 'Ben', role: 'analyst' });
    expect(r.body.expiresAt).toBe(h.clock.now() + TEST_CONFIG.sessionHours * 3_600_000);
    const stored = (await h.pool.query('SELECT token_hash FROM sessions')).rows.map((row) => row.token_hash);
    expect(stored).not.toContain(r.body.token); // only its hash is kept
    const settings = await h.call('GET', '/v1/settings', r.body.token);
    expect(settings.body.account).toEqual({ name: 'Ben', role: 'analyst' });
  });

  it('answer a wrong password and an unknown name alike', async () => {
    const wrong = await h.call('POST', '/v1/session', null, { name: 'Ben', password: 'nope' });
    const unknown = await h.call('POST', '/v1/session', null, { name: 'Nobody', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error).toBe(unknown.body.error);
    await h.signIn('Ben'); // a right password resets the count
  });

  it('answer guesses at a name nobody has exactly as guesses at a real account, lock-out included: the answers do not tell which names exist', async () => {
    // OWASP: "Ensure that the application responds with the same generic error message" for
    // unknown and locked accounts (Authentication Cheat Sheet, Authentication and Error Messages).
    await h.addUser('Dora', 'analyst');
    const tries = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i <= TEST_CONFIG.lockout.maxFailures; i++) {
        const r = await h.call('POST', '/v1/session', null, { name, password: `guess ${i}` });
        out.push(`${r.status} ${r.body.code} ${r.body.error}`);
      }
      return out;
    };
    const real = await tries('Dora');
    expect(real.at(-1)).toMatch(/^423 locked/);
    expect(await tries('Doris Nobody')).toEqual(real);
  });

  it('lock an account after N wrong passwords, refuse even the right one until the lock ends', async () => {
    const tries = [];
    for (let i = 0; i < TEST_CONFIG.lockout.maxFailures; i++)
      tries.push((await h.call('POST', '/v1/session', null, { name: 'Cleo', password: `guess ${i}` })).status);
    expect(tries).toEqual([401, 401, 423]);
    const right = await h.call('POST', '/v1/session', null, { name: 'Cleo', password: 'correct horse battery staple' });
    expect(right.status).toBe(423);
    expect(right.body.error).toMatch(/locked .* until 2026-12-31T22:10:00\.000Z/);
    h.clock.advance(TEST_CONFIG.lockout.lockMinutes * 60_000 + 1);
    expect((await h.call('POST', '/v1/session', null, { name: 'Cleo', password: 'correct horse battery staple' })).status).toBe(201);
  });

  it('refuse an expired session, and a signed-out one', async () => {
    const token = await h.signIn('Ben');
    h.clock.advance(TEST_CONFIG.sessionHours * 3_600_000 - 1);
    expect((await h.call('GET', '/v1/settings', token)).status).toBe(200);
    h.clock.advance(1); // past midnight into 2027
    const expired = await h.call('GET', '/v1/settings', token);
    expect(expired).toMatchObject({ status: 401, body: { code: 'session-expired' } });
    const other = await h.signIn('Ben');
    expect((await h.call('DELETE', '/v1/session', other)).status).toBe(204);
    expect((await h.call('GET', '/v1/events', other)).body.code).toBe('no-session');
    expect((await h.call('GET', '/v1/events', null)).status).toBe(401);
  });

  it('serve the idle lock time that only an admin sets', async () => {
    const admin = await h.signIn('Ana Admin');
    const ben = await h.signIn('Ben');
    // Who may import for the team reads as its default until an admin sets it.
    const defaults = { importRoles: ['admin', 'lead'], undoImportRoles: ['admin', 'lead'] };
    expect((await h.call('GET', '/v1/settings', ben)).body.settings).toEqual({ idleLockMinutes: 15, ...defaults });
    expect((await h.call('PUT', '/v1/settings', ben, { idleLockMinutes: 120 })).status).toBe(403);
    expect((await h.call('PUT', '/v1/settings', admin, { idleLockMinutes: 0 })).status).toBe(400);
    expect((await h.call('PUT', '/v1/settings', admin, { idleLockMinutes: 5 })).status).toBe(200);
    expect((await h.call('GET', '/v1/settings', ben)).body.settings).toEqual({ idleLockMinutes: 5, ...defaults });
  });

  it('change one setting at a time, keeping the others, and never let compliance import', async () => {
    const admin = await h.signIn('Ana Admin');
    let r = await h.call('PUT', '/v1/settings', admin, { importRoles: ['admin', 'lead', 'analyst'] });
    expect(r.body.settings).toEqual({ idleLockMinutes: 5, importRoles: ['admin', 'lead', 'analyst'], undoImportRoles: ['admin', 'lead'] });
    r = await h.call('PUT', '/v1/settings', admin, { idleLockMinutes: 20 });
    expect(r.body.settings).toMatchObject({ idleLockMinutes: 20, importRoles: ['admin', 'lead', 'analyst'] });
    expect(await h.call('PUT', '/v1/settings', admin, { undoImportRoles: ['compliance'] })).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect(await h.call('PUT', '/v1/settings', admin, {})).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect(await h.call('PUT', '/v1/settings', admin, { idleLockMinutes: 20, colour: 'red' })).toMatchObject({ status: 400 });
    await h.call('PUT', '/v1/settings', admin, { importRoles: ['admin', 'lead'], idleLockMinutes: 5 });
  });
});

describe('team server sign-in rate limit', () => {
  it('refuse a burst of sign-ins from one address with 429 until a minute passes', async () => {
    const h = await startHarness({ config: { ...TEST_CONFIG, signInsPerMinute: 3, lockout: { maxFailures: 100, lockMinutes: 1 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await h.call('POST', '/v1/session', null, { name: 'Nobody', password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      h.clock.advance(60_001);
      expect((await h.call('POST', '/v1/session', null, { name: 'Nobody', password: 'x' })).status).toBe(401);
    } finally {
      await h.close();
    }
  });
});

describe('team server sign-in rate limit behind a reverse proxy', () => {
  // Every request reaches a server behind nginx or Caddy from the proxy's address: the proxy names
  // the client in X-Forwarded-For, which counts only from a proxy the server was told to trust
  // (Fastify's trustProxy: https://fastify.dev/docs/latest/Reference/Server/#trustproxy).
  const signInVia = (h: Harness, peer: string, client: string) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/session',
      remoteAddress: peer,
      headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), 'x-forwarded-for': client },
      payload: { name: 'Nobody', password: 'x' },
    });

  it("counts each client behind the trusted proxy on its own: one client's burst does not shut every analyst out", async () => {
    const h = await startHarness({ config: { ...TEST_CONFIG, signInsPerMinute: 3, lockout: { maxFailures: 100, lockMinutes: 1 }, trustProxy: ['127.0.0.1'] } });
    onTestFinished(() => h.close());
    const burst = [];
    for (let i = 0; i < 4; i++) burst.push((await signInVia(h, '127.0.0.1', '203.0.113.9')).statusCode);
    expect(burst).toEqual([401, 401, 401, 429]);
    expect((await signInVia(h, '127.0.0.1', '198.51.100.7')).statusCode).toBe(401); // another analyst's laptop still signs in
  });

  it('ignores X-Forwarded-For from anyone but the trusted proxy, and from everyone when none is set', async () => {
    for (const trustProxy of [undefined, ['127.0.0.1']]) {
      const h = await startHarness({
        config: { ...TEST_CONFIG, signInsPerMinute: 3, lockout: { maxFailures: 100, lockMinutes: 1 }, ...(trustProxy ? { trustProxy } : {}) },
      });
      onTestFinished(() => h.close());
      const spoofed = [];
      // A client reaching the server directly names a new address each try: still one address.
      for (let i = 0; i < 4; i++) spoofed.push((await signInVia(h, '192.0.2.50', `203.0.113.${i}`)).statusCode);
      expect(spoofed).toEqual([401, 401, 401, 429]);
    }
  });

  it('counts an IPv6 client by its /64: one machine holds a whole /64 and can name a new address for every guess', async () => {
    // RFC 4291 / RFC 7421: a /64 is the usual smallest IPv6 subnet one host or site is given.
    const h = await startHarness({ config: { ...TEST_CONFIG, signInsPerMinute: 3, lockout: { maxFailures: 100, lockMinutes: 1 } } });
    onTestFinished(() => h.close());
    const from = (remoteAddress: string) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/session',
        remoteAddress,
        headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) },
        payload: { name: 'Nobody', password: 'x' },
      });
    const rotating = [];
    for (let i = 1; i <= 4; i++) rotating.push((await from(`2001:db8:1:2::${i.toString(16)}`)).statusCode);
    expect(rotating).toEqual([401, 401, 401, 429]);
    expect((await from('2001:db8:1:3::1')).statusCode).toBe(401); // the next /64 is someone else
    expect((await from('::ffff:192.0.2.1')).statusCode).toBe(401); // an IPv4 client seen over IPv6 is itself
    expect(
      ['127.0.0.1', '::ffff:192.0.2.1', '::1', '2001:0db8:0001:0002:aaaa::1', '2001:db8::1', 'fe80::1%eth0', '64:ff9b::192.0.2.1'].map(rateLimitedAs),
    ).toEqual(['127.0.0.1', '192.0.2.1', '0:0:0:0::/64', '2001:db8:1:2::/64', '2001:db8:0:0::/64', 'fe80:0:0:0::/64', '64:ff9b:0:0::/64']);
  });

  it('reads TEAM_TRUST_PROXY as addresses or ranges, and refuses anything else at start', () => {
    expect(configFromEnvironment({}).trustProxy).toBeUndefined();
    expect(configFromEnvironment({ TEAM_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => configFromEnvironment({ TEAM_TRUST_PROXY: 'true' })).toThrow(/TEAM_TRUST_PROXY/);
    expect(() => configFromEnvironment({ TEAM_TRUST_PROXY: '*' })).toThrow(/TEAM_TRUST_PROXY/);
  });
});

describe("team server and the laptops' pages", () => {
  it('lets a laptop page on another origin ask first (CORS preflight), without the schema header, and changes nothing', async () => {
    const h = await startHarness();
    onTestFinished(() => h.close());
    const r = await h.app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'app://workbench', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-workbench-schema' },
    });
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('app://workbench');
    expect(String(r.headers['access-control-allow-headers'])).toContain('x-workbench-schema');
    expect((await h.call('GET', '/v1/settings', null)).status).toBe(401); // a real request still needs its session
  });

  it("answers only the app's pages: a web page a teammate opens cannot sign in from their browser (guess passwords, lock accounts)", async () => {
    // The server usually sits where only the team's network reaches it; with "*" any site a teammate
    // visits could send sign-ins there from the teammate's browser and read the answers. CORS:
    // https://fetch.spec.whatwg.org/#http-cors-protocol (a preflight without a matching
    // Access-Control-Allow-Origin stops the request).
    const h = await startHarness();
    onTestFinished(() => h.close());
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: '/v1/session',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-workbench-schema' },
      });
    for (const laptop of ['app://workbench', 'http://127.0.0.1:4174', 'http://localhost:5173']) {
      const r = await preflight(laptop);
      expect([r.statusCode, r.headers['access-control-allow-origin']]).toEqual([204, laptop]);
      expect(String(r.headers['vary'])).toMatch(/origin/i);
    }
    for (const site of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null', 'app://workbench.evil']) {
      const r = await preflight(site);
      expect(r.statusCode).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      // Sent anyway (a client that skips the preflight), it is refused before anything is checked.
      const sent = await h.app.inject({
        method: 'POST',
        url: '/v1/session',
        headers: { origin: site, [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) },
        payload: { name: 'Nobody', password: 'x' },
      });
      expect(sent.statusCode).toBe(403);
      expect(JSON.parse(sent.body).code).toBe('origin');
    }
  });
});
