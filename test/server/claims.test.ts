import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './teamServerHarness';

describe('team claims', () => {
  let h: Harness;
  let ana: string, ben: string, lea: string, carla: string;
  beforeAll(async () => {
    h = await startHarness();
    for (const [name, role] of [
      ['Ana', 'analyst'],
      ['Ben', 'analyst'],
      ['Lea', 'lead'],
      ['Carla', 'compliance'],
    ] as const)
      await h.addUser(name, role);
    [ana, ben, lea, carla] = [await h.signIn('Ana'), await h.signIn('Ben'), await h.signIn('Lea'), await h.signIn('Carla')];
  });
  afterAll(() => h.close());

  const order = { subject: 'order', key: 'shopify:#1001' } as const;

  it('let analysts see who has a case and since when; claiming again is a no-op', async () => {
    const mine = await h.call('POST', '/v1/claims', ana, order);
    expect(mine).toMatchObject({ status: 200, body: { holder: 'Ana', since: h.clock.now(), assignedBy: null } });
    h.clock.advance(60_000);
    expect((await h.call('POST', '/v1/claims', ana, order)).body.since).toBe(mine.body.since);
    const taken = await h.call('POST', '/v1/claims', ben, order);
    expect(taken).toMatchObject({ status: 409, body: { code: 'claimed', claim: { holder: 'Ana' } } });
    expect(taken.body.error).toBe('order shopify:#1001 is claimed by Ana since 2026-12-31T22:00:00.000Z');
    expect((await h.call('GET', '/v1/claims', carla)).body.claims).toEqual([{ ...order, holder: 'Ana', since: mine.body.since, assignedBy: null }]);
  });

  it('let only a lead reassign, and only the holder or a lead release', async () => {
    expect((await h.call('POST', '/v1/claims/reassign', ben, { ...order, to: 'Ben' })).status).toBe(403);
    expect((await h.call('POST', '/v1/claims/release', ben, order)).status).toBe(403);
    const moved = await h.call('POST', '/v1/claims/reassign', lea, { ...order, to: 'ben' });
    expect(moved).toMatchObject({ status: 200, body: { holder: 'Ben', assignedBy: 'Lea', since: h.clock.now() } });
    expect((await h.call('POST', '/v1/claims/reassign', lea, { ...order, to: 'Carla' })).status).toBe(400);
    expect((await h.call('POST', '/v1/claims/reassign', lea, { ...order, to: 'Nobody' })).status).toBe(404);
    expect((await h.call('POST', '/v1/claims/release', ben, order)).body).toEqual({ released: true });
    expect((await h.call('POST', '/v1/claims/release', ben, order)).body).toEqual({ released: false });
    const history = (await h.pool.query('SELECT action FROM claim_history ORDER BY id')).rows.map((r) => r.action);
    expect(history).toEqual(['claim', 'reassign', 'release']);
  });

  it('keep compliance out of case work (403) and refuse a malformed claim (400)', async () => {
    expect((await h.call('POST', '/v1/claims', carla, { subject: 'ring', key: 'ring-7' })).status).toBe(403);
    expect((await h.call('POST', '/v1/claims', ana, { subject: 'customer', key: 'x' })).status).toBe(400);
  });

  it('refuse a key with a NUL character as malformed (400), never a server failure: PostgreSQL text cannot hold U+0000', async () => {
    // https://www.postgresql.org/docs/15/datatype-character.html: "The character with the code zero cannot be stored".
    const key = 'shopify:#1001\u0000';
    for (const [path, token, body] of [
      ['/v1/claims', ana, { subject: 'order', key }],
      ['/v1/claims/release', ana, { subject: 'order', key }],
      ['/v1/claims/reassign', lea, { subject: 'order', key, to: 'Ben' }],
    ] as const)
      expect(await h.call('POST', path, token, body)).toMatchObject({ status: 400, body: { code: 'malformed' } });
  });

  it('tell two accounts apart by who they are, not by their names in lower case (Åsa and åsa are two people to the database)', async () => {
    // The server's own cluster runs with --locale=C, where lower() folds only A-Z
    // (https://www.postgresql.org/docs/15/locale.html), so both names are accounts of their own.
    await h.addUser('Åsa', 'analyst');
    await h.addUser('åsa', 'analyst');
    const [upper, lower] = [await h.signIn('Åsa'), await h.signIn('åsa')];
    const dispute = { subject: 'dispute', key: 'chargeback:dp_77' } as const;
    expect((await h.call('POST', '/v1/claims', upper, dispute)).body.holder).toBe('Åsa');
    expect(await h.call('POST', '/v1/claims', lower, dispute)).toMatchObject({ status: 409, body: { code: 'claimed' } });
    expect(await h.call('POST', '/v1/claims/release', lower, dispute)).toMatchObject({ status: 403, body: { code: 'not-yours' } });
    expect((await h.call('GET', '/v1/claims', lower)).body.claims).toContainEqual(expect.objectContaining({ key: 'chargeback:dp_77', holder: 'Åsa' }));
  });
});
