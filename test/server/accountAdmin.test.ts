import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from './teamServerHarness';

describe('team account administration', () => {
  let h: Harness;
  let admin: string, lead: string, ana: string, carla: string;
  beforeAll(async () => {
    h = await startHarness();
    for (const [name, role] of [
      ['Ada Admin', 'admin'],
      ['Lea', 'lead'],
      ['Ana', 'analyst'],
      ['Ben', 'analyst'],
      ['Carla', 'compliance'],
    ] as const)
      await h.addUser(name, role);
    [admin, lead, ana, carla] = [await h.signIn('Ada Admin'), await h.signIn('Lea'), await h.signIn('Ana'), await h.signIn('Carla')];
  });
  afterAll(() => h.close());

  it('list names, roles and state to a lead or admin, never a hash; refuse analysts and compliance', async () => {
    const listed = await h.call('GET', '/v1/accounts', lead);
    expect(listed.status).toBe(200);
    expect(listed.body.accounts).toEqual([
      { name: 'Ada Admin', role: 'admin', disabled: false, lockedUntil: null },
      { name: 'Ana', role: 'analyst', disabled: false, lockedUntil: null },
      { name: 'Ben', role: 'analyst', disabled: false, lockedUntil: null },
      { name: 'Carla', role: 'compliance', disabled: false, lockedUntil: null },
      { name: 'Lea', role: 'lead', disabled: false, lockedUntil: null },
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|hash/i);
    expect((await h.call('GET', '/v1/accounts', admin)).status).toBe(200);
    expect((await h.call('GET', '/v1/accounts', ana)).status).toBe(403);
    expect((await h.call('GET', '/v1/accounts', carla)).status).toBe(403);
    expect((await h.call('GET', '/v1/accounts', null)).status).toBe(401);
  });

  it('let only an admin disable an account: its sessions end at once, it cannot sign in, its claims stay for a lead to reassign', async () => {
    const ben = await h.signIn('Ben');
    const order = { subject: 'order', key: 'shopify:#1001' } as const;
    expect((await h.call('POST', '/v1/claims', ben, order)).status).toBe(200);

    expect((await h.call('POST', '/v1/accounts/state', lead, { name: 'Ben', disabled: true })).status).toBe(403);
    const done = await h.call('POST', '/v1/accounts/state', admin, { name: 'ben', disabled: true });
    expect(done).toMatchObject({ status: 200, body: { account: { name: 'Ben', role: 'analyst', disabled: true } } });

    expect((await h.call('GET', '/v1/claims', ben)).status).toBe(401);
    expect((await h.pool.query("SELECT count(*)::int AS n FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.name = 'Ben'")).rows[0].n).toBe(0);
    expect((await h.call('POST', '/v1/session', null, { name: 'Ben', password: PASSWORD })).status).toBe(401);

    const claims = (await h.call('GET', '/v1/claims', ana)).body.claims;
    expect(claims).toEqual([{ ...order, holder: 'Ben', since: h.clock.now(), assignedBy: null }]);
    expect((await h.call('POST', '/v1/claims', ana, order)).body.code).toBe('claimed');
    expect((await h.call('POST', '/v1/claims/reassign', lead, { ...order, to: 'Ben' })).status).toBe(404); // a disabled account holds nothing new
    expect((await h.call('POST', '/v1/claims/reassign', lead, { ...order, to: 'Ana' })).body).toMatchObject({ holder: 'Ana', assignedBy: 'Lea' });
    expect((await h.call('GET', '/v1/accounts', lead)).body.accounts.find((a: { name: string }) => a.name === 'Ben').disabled).toBe(true);
  });

  it('enable an account again, refuse an admin disabling their own account, an unknown name and a malformed change', async () => {
    expect((await h.call('POST', '/v1/accounts/state', admin, { name: 'Ben', disabled: false })).body.account.disabled).toBe(false);
    expect((await h.call('POST', '/v1/session', null, { name: 'Ben', password: PASSWORD })).status).toBe(201);
    expect((await h.call('POST', '/v1/accounts/state', admin, { name: 'Ada Admin', disabled: true })).body.code).toBe('own-account');
    expect((await h.call('POST', '/v1/accounts/state', admin, { name: 'Nobody', disabled: true })).status).toBe(404);
    expect((await h.call('POST', '/v1/accounts/state', admin, { name: 'Ben', disabled: 'yes' })).status).toBe(400);
    expect((await h.call('POST', '/v1/accounts/state', admin, { name: 'Ben', disabled: true, role: 'admin' })).status).toBe(400);
    expect((await h.call('GET', '/v1/settings', admin)).status).toBe(200); // the admin is still signed in
  });

  it("tell an admin's own account from another whose name differs only in a letter the database does not fold (Ödön, ödön)", async () => {
    // The server's cluster runs with --locale=C: lower() folds only A-Z (https://www.postgresql.org/docs/15/locale.html).
    await h.addUser('Ödön', 'admin');
    await h.addUser('ödön', 'analyst');
    const odon = await h.signIn('Ödön');
    const r = await h.call('POST', '/v1/accounts/state', odon, { name: 'ödön', disabled: true });
    expect(r).toMatchObject({ status: 200, body: { account: { name: 'ödön', disabled: true } } });
    expect((await h.call('POST', '/v1/accounts/state', odon, { name: 'ÖDÖN', disabled: true })).status).toBe(404);
  });
});
