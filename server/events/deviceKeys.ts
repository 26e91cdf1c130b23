// Device binding: the first push that carries a device key binds the device's chain to it, and
// from then on only pushes with the same key extend that chain. Analysts sharing one laptop share
// its key, so they stay valid; an account on another laptop cannot fork a teammate's chain. A
// chain begun without a key is extended and bound only by an account that pushed on it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { refusal, type Refusal } from '../http/refusal';

export const deviceKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Checks (and on first use binds) the key for every device in a push. Runs inside the push's
 * transaction, under its lock, so two first pushes cannot both bind one device.
 */
export async function checkDeviceKeys(
  client: pg.PoolClient,
  devices: readonly string[],
  keyHash: string | null,
  by: { accountId: number; now: number },
): Promise<Refusal | null> {
  const bound = new Map(
    (
      await client.query<{ device_id: string; key_hash: string }>('SELECT device_id::text, key_hash FROM device_keys WHERE device_id = ANY($1::uuid[])', [
        devices,
      ])
    ).rows.map((r) => [r.device_id, r.key_hash]),
  );
  for (const device of devices) {
    const known = bound.get(device);
    if (known === undefined) continue;
    if (keyHash === null || !timingSafeEqual(Buffer.from(known, 'hex'), Buffer.from(keyHash, 'hex')))
      return refusal(
        403,
        'device-key',
        `device ${device} is bound to the laptop that first pushed its chain; this push does not carry that laptop's device key, so it may not extend the chain`,
      );
  }
  // A chain begun without a key (a laptop from before device keys, or an old app) is bound by no
  // secret: only an account that pushed on it may extend or bind it, or any teammate who read its
  // device id in a pull could fork it, or bind it to their own key and shut its laptop out.
  const unbound = devices.filter((d) => !bound.has(d));
  if (unbound.length) {
    const others = await client.query<{ device_id: string }>(
      `SELECT d::text AS device_id FROM unnest($1::uuid[]) AS d
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = d)
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.device_id = d AND e.account_id = $2)`,
      [unbound, by.accountId],
    );
    const device = others.rows[0]?.device_id;
    if (device)
      return refusal(
        403,
        'device-key',
        `device ${device} began its chain before device keys, under another account; only an account that pushed on it may extend it (its own laptop's next push binds it)`,
      );
  }
  if (keyHash === null) return null;
  if (unbound.length)
    await client.query(
      'INSERT INTO device_keys (device_id, key_hash, bound_at, bound_by) SELECT d, $2, $3, $4 FROM unnest($1::uuid[]) AS d ON CONFLICT DO NOTHING',
      [unbound, keyHash, by.now, by.accountId],
    );
  return null;
}
