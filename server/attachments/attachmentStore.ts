// Dispute files at the server: their bytes once per SHA-256, taken only while an attachment event
// the server holds, not erased, names them attached, and deleted when an erasure names such events.
import type pg from 'pg';
import type { AttachmentType } from '../../shared/disputes/attachments';
import { parseCasePayload, type TeamEvent } from '../../shared/team';

/**
 * Held by an upload from its check to its commit, and by an erasure for each file it deletes, so a
 * file is never stored after the erasure of the last event naming it was committed.
 */
const FILE_LOCK = 0x7eab_0007;

/** Inside a push's transaction: which files the new attachment events name, attached or removed. */
export async function noteAttachmentEvents(client: pg.PoolClient, events: readonly TeamEvent[]): Promise<void> {
  const named = events.flatMap((e) => {
    const read = e.kind === 'attachment' ? parseCasePayload(e) : null;
    return read?.ok && read.record.kind === 'attachment'
      ? [{ id: e.id, sha256: read.record.payload.sha256, attached: read.record.payload.action === 'attached' }]
      : [];
  });
  if (named.length === 0) return;
  await client.query('INSERT INTO attachment_events (event_id, sha256, attached) SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[])', [
    named.map((n) => n.id),
    named.map((n) => n.sha256),
    named.map((n) => n.attached),
  ]);
}

/** Events naming a file attached that no erasure has named since. */
const LIVE_NAMING = `SELECT 1 FROM attachment_events a
  WHERE a.sha256 = $1 AND a.attached AND NOT EXISTS (SELECT 1 FROM event_text_erasures x WHERE x.event_id = a.event_id)`;

export async function holdsFile(pool: pg.Pool, sha256: string): Promise<boolean> {
  return (await pool.query('SELECT 1 FROM attachment_files WHERE sha256 = $1', [sha256])).rowCount === 1;
}

export async function readFile(pool: pg.Pool, sha256: string): Promise<Buffer | null> {
  return (await pool.query<{ bytes: Buffer }>('SELECT bytes FROM attachment_files WHERE sha256 = $1', [sha256])).rows[0]?.bytes ?? null;
}

export type Stored = 'stored' | 'held' | 'not-named' | 'erased';

/**
 * Stores checked bytes if a live event names them: 'not-named' when no event does (the laptop
 * pushes its event first), 'erased' when every event that did was erased since.
 */
export async function storeFile(
  pool: pg.Pool,
  file: { sha256: string; bytes: Buffer; type: AttachmentType },
  by: { accountId: number; now: number },
): Promise<Stored> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [FILE_LOCK, file.sha256]);
    let outcome: Stored;
    if ((await client.query(LIVE_NAMING, [file.sha256])).rowCount === 0) {
      const ever = await client.query('SELECT 1 FROM attachment_events WHERE sha256 = $1 AND attached', [file.sha256]);
      outcome = ever.rowCount === 0 ? 'not-named' : 'erased';
    } else {
      const inserted = await client.query(
        `INSERT INTO attachment_files (sha256, bytes, size, type, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING`,
        [file.sha256, file.bytes, file.bytes.length, file.type, by.accountId, by.now],
      );
      outcome = inserted.rowCount === 1 ? 'stored' : 'held';
    }
    await client.query('COMMIT');
    return outcome;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Inside the push of an erasure, once its events are recorded as erased: deletes the files those
 * events named that no other live event names (the same bytes attached elsewhere stay for that case).
 */
export async function dropErasedFiles(client: pg.PoolClient, erasedEventIds: readonly string[]): Promise<number> {
  const named = await client.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM attachment_events WHERE event_id = ANY($1::uuid[]) ORDER BY sha256', [
    erasedEventIds,
  ]);
  let dropped = 0;
  // In one order, so two erasures never wait on each other's locks.
  for (const { sha256 } of named.rows) {
    await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [FILE_LOCK, sha256]);
    const r = await client.query(`DELETE FROM attachment_files WHERE sha256 = $1 AND NOT EXISTS (${LIVE_NAMING})`, [sha256]);
    dropped += r.rowCount ?? 0;
  }
  return dropped;
}
