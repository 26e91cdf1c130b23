// Device binding: the first push that carries a device key binds the device's chain to it, and
// from then on only pushes with the same key extend that chain. Analysts sharing one laptop share
// its key, so they stay valid; an account on another laptop cannot fork a teammate's chain.
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
  if (keyHash === null) return null;
  const unbound = devices.filter((d) => !bound.has(d));
  if (unbound.length)
    await client.query(
      'INSERT INTO device_keys (device_id, key_hash, bound_at, bound_by) SELECT d, $2, $3, $4 FROM unnest($1::uuid[]) AS d ON CONFLICT DO NOTHING',
      [unbound, keyHash, by.now, by.accountId],
    );
  return null;
}
