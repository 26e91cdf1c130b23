// An account changes its own password at the team server: the current one checked as a sign-in
// checks it (each wrong try counts toward the lock-out), the new one ends every other session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccount, setPassword } from '../../server/accounts/accountStore';
import { PASSWORD, startHarness, TEST_CONFIG, type Harness } from './teamServerHarness';

const NEXT = 'a longer new password, 2026';

describe('team server: changing one’s own password', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Pia', 'analyst');
    await h.addUser('Quentin', 'analyst');
    await h.addUser('Rosa', 'analyst');
    await h.addUser('Sami', 'analyst');
  });
  afterAll(() => h.close());

  it('the new password signs in, the old one no longer; the session that changed it goes on, the account’s others end', async () => {
    const laptop = await h.signIn('Pia');
    const other = await h.signIn('Pia');
    const teammate = await h.signIn('Quentin');
    const r = await h.call('PUT', '/v1/password', laptop, { current: PASSWORD, next: NEXT });
    expect(r.status).toBe(204);
    expect((await h.call('GET', '/v1/settings', laptop)).status).toBe(200);
    expect((await h.call('GET', '/v1/settings', other)).body.code).toBe('no-session');
    expect((await h.call('GET', '/v1/settings', teammate)).status).toBe(200);
    expect((await h.call('POST', '/v1/session', null, { name: 'Pia', password: PASSWORD })).status).toBe(401);
    expect((await h.call('POST', '/v1/session', null, { name: 'Pia', password: NEXT })).status).toBe(201);
    // Only its hash is stored.
    const stored = (await h.pool.query("SELECT password_hash FROM accounts WHERE name = 'Pia'")).rows[0].password_hash as string;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(NEXT);
  });

  it('a short or unchanged new password is refused before the current one is tried, and changes nothing', async () => {
    const token = await h.signIn('Quentin');
    const short = await h.call('PUT', '/v1/password', token, { current: PASSWORD, next: 'too short' });
    expect(short).toMatchObject({ status: 400, body: { code: 'weak-password' } });
    const same = await h.call('PUT', '/v1/password', token, { current: PASSWORD, next: PASSWORD });
    expect(same).toMatchObject({ status: 400, body: { code: 'same-password' } });
    expect((await h.call('PUT', '/v1/password', null, { current: PASSWORD, next: NEXT })).status).toBe(401);
    expect((await h.call('POST', '/v1/session', null, { name: 'Quentin', password: PASSWORD })).status).toBe(201);
  });

  it('wrong current passwords count toward the lock-out, as wrong sign-ins do: an open session is no way to guess it', async () => {
    const token = await h.signIn('Rosa');
    const tries: string[] = [];
    for (let i = 0; i < TEST_CONFIG.lockout.maxFailures; i++) {
      const r = await h.call('PUT', '/v1/password', token, { current: `guess ${i}`, next: NEXT });
      tries.push(`${r.status} ${r.body.code}`);
    }
    expect(tries).toEqual(['403 wrong-password', '403 wrong-password', '423 locked']);
    // Locked: neither the right current password nor a sign-in gets through until the lock ends.
    expect((await h.call('PUT', '/v1/password', token, { current: PASSWORD, next: NEXT })).status).toBe(423);
    expect((await h.call('POST', '/v1/session', null, { name: 'Rosa', password: PASSWORD })).status).toBe(423);
    h.clock.advance(TEST_CONFIG.lockout.lockMinutes * 60_000 + 1);
    expect((await h.call('PUT', '/v1/password', token, { current: PASSWORD, next: NEXT })).status).toBe(204);
  });

  it('the operator’s reset of a forgotten password (set-password) ends every session and unlocks the account', async () => {
    const token = await h.signIn('Sami');
    for (let i = 0; i < TEST_CONFIG.lockout.maxFailures; i++) await h.call('POST', '/v1/session', null, { name: 'Sami', password: `guess ${i}` });
    expect((await h.call('POST', '/v1/session', null, { name: 'Sami', password: PASSWORD })).status).toBe(423);
    const sami = (await findAccount(h.pool, 'sami'))!;
    expect(await setPassword(h.pool, sami.id, 'short', null)).toEqual({ ok: false, reason: 'a password needs at least 12 characters' });
    expect(await setPassword(h.pool, sami.id, NEXT, null)).toEqual({ ok: true });
    expect((await h.call('GET', '/v1/settings', token)).body.code).toBe('no-session');
    expect((await h.call('POST', '/v1/session', null, { name: 'Sami', password: NEXT })).status).toBe(201);
  });
});
