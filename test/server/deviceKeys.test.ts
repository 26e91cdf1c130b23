import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_KEY_HEADER, SCHEMA_HEADER, TEAM_SCHEMA_VERSION, type TeamEvent } from '../../shared/team';
import { Laptop, startHarness, type Answer, type Harness } from './teamServerHarness';

describe('team device keys', () => {
  let h: Harness;
  let ana: string, ben: string, cleo: string;
  beforeAll(async () => {
    h = await startHarness();
    for (const name of ['Ana', 'Ben', 'Cleo']) await h.addUser(name, 'analyst');
    [ana, ben, cleo] = [await h.signIn('Ana'), await h.signIn('Ben'), await h.signIn('Cleo')];
  });
  afterAll(() => h.close());

  async function push(token: string, events: TeamEvent[], key?: string): Promise<Answer> {
    const r = await h.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), authorization: `Bearer ${token}`, ...(key ? { [DEVICE_KEY_HEADER]: key } : {}) },
      payload: { events },
    });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  }
  const newKey = () => randomBytes(32).toString('base64url');

  it('bind a device to the key of its first push: another account cannot extend (fork) that chain, the laptop goes on', async () => {
    const key = newKey();
    const anasLaptop = new Laptop('Ana');
    expect((await push(ana, await anasLaptop.record(2), key)).status).toBe(200);
    const stored = (await h.pool.query('SELECT key_hash FROM device_keys WHERE device_id = $1', [anasLaptop.deviceId])).rows[0].key_hash;
    expect(stored).not.toBe(key); // only its hash is kept

    // Ben, on another laptop, writes events on Ana's device id right after her head: without her key, or with his own, refused.
    const forger = Object.assign(new Laptop('Ben'), { deviceId: anasLaptop.deviceId, head: { ...anasLaptop.head } });
    const forged = await forger.record(1);
    for (const attempt of [await push(ben, forged), await push(ben, forged, newKey())]) {
      expect(attempt).toMatchObject({ status: 403, body: { code: 'device-key' } });
      expect(attempt.body.error).toMatch(/bound to the laptop that first pushed its chain/);
    }
    expect((await h.call('GET', `/v1/devices/${anasLaptop.deviceId}/head`, ana)).body.seq).toBe(2);

    // So Ana's next push is not refused as a fork.
    expect((await push(ana, await anasLaptop.record(1), key)).body).toMatchObject({ accepted: 1, duplicates: 0 });
  });

  it('let two analysts on one laptop share its key, and refuse a malformed key before anything is stored', async () => {
    const key = newKey();
    const shared = new Laptop('Ana');
    expect((await push(ana, await shared.record(1), key)).status).toBe(200);
    shared.analyst = 'Cleo';
    expect((await push(cleo, await shared.record(1), key)).status).toBe(200);
    shared.analyst = 'Ben';
    const bad = await push(ben, await shared.record(1), 'not a key!');
    expect(bad).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect((await h.call('GET', `/v1/devices/${shared.deviceId}/head`, ben)).body.seq).toBe(2);
  });

  it('let only an account that pushed on a device bind it when its chain began without a key (a laptop from before device keys)', async () => {
    // Ana's laptop pushed before device keys existed: its chain is at the server, bound to no key.
    const anasLaptop = new Laptop('Ana');
    expect((await push(ana, await anasLaptop.record(2))).status).toBe(200);
    // Ben reads her device id in any pull and writes on it, with his own key or none: that would fork
    // her chain (her next push refused as a rewrite) or bind her device to his key (hers refused for ever).
    for (const key of [undefined, newKey()]) {
      const forger = Object.assign(new Laptop('Ben'), { deviceId: anasLaptop.deviceId, head: { ...anasLaptop.head } });
      const attempt = await push(ben, await forger.record(1), key);
      expect(attempt).toMatchObject({ status: 403, body: { code: 'device-key' } });
    }
    expect((await h.call('GET', `/v1/devices/${anasLaptop.deviceId}/head`, ana)).body.seq).toBe(2);
    // Ana's laptop, updated, binds it with its first keyed push and goes on.
    const key = newKey();
    expect((await push(ana, await anasLaptop.record(1), key)).body).toMatchObject({ accepted: 1 });
    expect((await push(ana, await anasLaptop.record(1), key)).body).toMatchObject({ accepted: 1 });
  });
});
