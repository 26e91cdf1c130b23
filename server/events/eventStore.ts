// The team's events in PostgreSQL. A push is one transaction: every event extends its device's
// chain or nothing is stored. Pushes take one lock in turn, so server_seq is handed out in commit
// order and a pull that read up to N never misses an event below N committed later.
import type pg from 'pg';
import {
  chainBreak,
  GENESIS_HEAD,
  parseCasePayload,
  payloadText,
  PULL_LIMITS,
  type DeviceHead,
  type PulledEvent,
  type PushAnswer,
  type TeamEvent,
} from '../../shared/team';
import { dropErasedFiles, noteAttachmentEvents } from '../attachments/attachmentStore';
import { redactErasedRecords, type ImportRedaction } from '../imports/chunkRedaction';
import { refusal, type Refusal } from '../http/refusal';
import { checkDeviceKeys } from './deviceKeys';
import { inLockedTransaction } from '../postgres/lockedTransaction';

/** Pushes take it, and so do import chunks as they are stored (an erasure and a chunk arriving never pass each other). */
export const PUSH_LOCK = 0x7eab_0002;

/** Runs inside a push's transaction just before it commits; tests use it to cut the connection there. */
export type BeforeCommit = (client: pg.PoolClient) => Promise<void>;

export async function appendEvents(
  pool: pg.Pool,
  events: readonly TeamEvent[],
  by: { accountId: number; now: number; deviceKeyHash?: string | null },
  beforeCommit?: BeforeCommit,
  /** Filled with what each erasure on request redacted in the team's imports (counts only), for the log. */
  redactions: ImportRedaction[] = [],
): Promise<PushAnswer | Refusal> {
  return inLockedTransaction<PushAnswer | Refusal>(pool, PUSH_LOCK, async (client) => {
    const unbound = await checkDeviceKeys(client, [...new Set(events.map((e) => e.deviceId))], by.deviceKeyHash ?? null, by);
    if (unbound) return { rollBack: unbound };
    const known = new Map(
      (await client.query<{ id: string; hash: string }>('SELECT id::text, hash FROM events WHERE id = ANY($1::uuid[])', [events.map((e) => e.id)])).rows.map(
        (r) => [r.id, r.hash],
      ),
    );
    const devices = [...new Set(events.map((e) => e.deviceId))];
    const heads = new Map(
      (
        await client.query<{ device_id: string; seq: number; hash: string }>(
          'SELECT device_id::text, seq, hash FROM device_heads WHERE device_id = ANY($1::uuid[])',
          [devices],
        )
      ).rows.map((r) => [r.device_id, { seq: r.seq, hash: r.hash }]),
    );
    const fresh: TeamEvent[] = [];
    let duplicates = 0;
    for (const [index, e] of events.entries()) {
      const had = known.get(e.id);
      if (had !== undefined) {
        // The hash covers id, device, seq and content: the same hash is the same event, sent again.
        if (had === e.hash) {
          duplicates += 1;
          continue;
        }
        return {
          rollBack: refusal(409, 'id-reused', `event ${e.id} was stored before with other content: an event is never changed once sent`, {
            index,
            eventId: e.id,
          }),
        };
      }
      const head = heads.get(e.deviceId) ?? GENESIS_HEAD;
      const breaks = chainBreak(e, head);
      if (breaks) return { rollBack: refusal(409, breaks.code, breaks.reason, { index, eventId: e.id }) };
      fresh.push(e);
      known.set(e.id, e.hash);
      heads.set(e.deviceId, { seq: e.seq, hash: e.hash });
    }
    if (fresh.length > 0) {
      await insertEvents(client, fresh, by);
      await keepPersonalTexts(client, fresh);
      await noteAttachmentEvents(client, fresh);
      redactions.push(...(await applyErasures(client, fresh, by.now)));
      const moved = [...new Set(fresh.map((e) => e.deviceId))];
      await client.query(
        `INSERT INTO device_heads (device_id, seq, hash, updated_at) SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::bigint[])
         ON CONFLICT (device_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = EXCLUDED.updated_at`,
        [moved, moved.map((d) => heads.get(d)!.seq), moved.map((d) => heads.get(d)!.hash), moved.map(() => by.now)],
      );
    }
    if (beforeCommit) await beforeCommit(client);
    return {
      commit: {
        accepted: fresh.length,
        duplicates,
        heads: devices.map((deviceId) => ({ deviceId, ...(heads.get(deviceId) ?? GENESIS_HEAD) })),
      },
    };
  });
}

async function insertEvents(client: pg.PoolClient, events: readonly TeamEvent[], by: { accountId: number; now: number }): Promise<void> {
  const column = <T>(pick: (e: TeamEvent) => T) => events.map(pick);
  await client.query(
    `INSERT INTO events (id, device_id, seq, prev_hash, hash, kind, payload, analyst, at, schema_version, account_id, received_at)
     SELECT *, $11::int, $12::bigint FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::int[])`,
    [
      column((e) => e.id),
      column((e) => e.deviceId),
      column((e) => e.seq),
      column((e) => e.prevHash),
      column((e) => e.hash),
      column((e) => e.kind),
      column((e) => payloadText(e)),
      column((e) => e.analyst),
      column((e) => e.at),
      column((e) => e.schemaVersion),
      by.accountId,
      by.now,
    ],
  );
}

/** The text beside each new event, unless an erasure already named that event. */
async function keepPersonalTexts(client: pg.PoolClient, events: readonly TeamEvent[]): Promise<void> {
  const withText = events.filter((e) => e.personal && Object.keys(e.personal).length > 0);
  if (withText.length === 0) return;
  await client.query(
    `INSERT INTO event_texts (event_id, texts) SELECT t.id, t.texts FROM unnest($1::uuid[], $2::text[]) AS t(id, texts)
     WHERE NOT EXISTS (SELECT 1 FROM event_text_erasures x WHERE x.event_id = t.id)`,
    [withText.map((e) => e.id), withText.map((e) => JSON.stringify(e.personal))],
  );
}

/**
 * An erasure deletes the text beside the events it names (any device's) and the attached files
 * they named, and remembers them; the events stay. An erasure on request also redacts the erased
 * orders and payments in the stored chunks of the team's imports (chunkRedaction.ts).
 */
async function applyErasures(client: pg.PoolClient, events: readonly TeamEvent[], now: number): Promise<ImportRedaction[]> {
  const redactions: ImportRedaction[] = [];
  for (const e of events) {
    if (e.kind !== 'erasure') continue;
    const read = parseCasePayload(e);
    if (!read.ok || read.record.kind !== 'erasure') continue;
    const { register, reason, eventIds: ids } = read.record.payload;
    if (reason === 'erasure' && register) redactions.push(await redactErasedRecords(client, register, e.id));
    if (ids.length === 0) continue;
    await client.query('DELETE FROM event_texts WHERE event_id = ANY($1::uuid[])', [ids]);
    await client.query(
      `INSERT INTO event_text_erasures (event_id, erasure_id, at) SELECT unnest($1::uuid[]), $2::uuid, $3::bigint ON CONFLICT (event_id) DO NOTHING`,
      [ids, e.id, now],
    );
    await dropErasedFiles(client, ids);
  }
  return redactions;
}

interface EventRow {
  server_seq: string;
  id: string;
  device_id: string;
  seq: number;
  prev_hash: string;
  hash: string;
  kind: TeamEvent['kind'];
  payload: string;
  analyst: string;
  at: string;
  schema_version: number;
  received_at: string;
  texts: string | null;
}

/**
 * Events after the cursor, oldest first, one page; `more` says whether another page waits. A page
 * also ends once its payloads and texts pass PULL_LIMITS.maxPageBytes (always holding at least one
 * event), cut in the database, so 5,000 events of 64 KiB are never read or sent at once.
 */
export async function pullEvents(pool: pg.Pool, after: number, limit: number): Promise<{ events: PulledEvent[]; cursor: number; more: boolean }> {
  const r = await pool.query<EventRow & { fetched: string }>(
    `SELECT * FROM (
       SELECT p.*, sum(p.size) OVER (ORDER BY p.server_seq) AS running, count(*) OVER () AS fetched FROM (
         SELECT e.server_seq, e.id::text, e.device_id::text, e.seq, e.prev_hash, e.hash, e.kind, e.payload, e.analyst, e.at, e.schema_version,
                e.received_at, t.texts, octet_length(e.payload) + coalesce(octet_length(t.texts), 0) AS size
           FROM events e LEFT JOIN event_texts t ON t.event_id = e.id WHERE e.server_seq > $1 ORDER BY e.server_seq LIMIT $2) p) w
      WHERE w.running - w.size < $3 ORDER BY w.server_seq`,
    [after, limit + 1, PULL_LIMITS.maxPageBytes],
  );
  const rows = r.rows.slice(0, limit);
  const fetched = Number(r.rows[0]?.fetched ?? 0);
  const events = rows.map((row): PulledEvent => ({
    serverSeq: Number(row.server_seq),
    id: row.id,
    deviceId: row.device_id,
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    analyst: row.analyst,
    at: Number(row.at),
    schemaVersion: row.schema_version,
    receivedAt: Number(row.received_at),
    ...(row.texts ? { personal: JSON.parse(row.texts) } : {}),
  }));
  return { events, cursor: events.at(-1)?.serverSeq ?? after, more: fetched > events.length };
}

export async function deviceHead(pool: pg.Pool, deviceId: string): Promise<DeviceHead> {
  const r = await pool.query<{ seq: number; hash: string }>('SELECT seq, hash FROM device_heads WHERE device_id = $1', [deviceId]);
  return { deviceId, ...(r.rows[0] ?? GENESIS_HEAD) };
}
