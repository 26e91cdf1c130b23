// Claims on cases: who works on an order, ring or dispute now. A claim is a lock the laptop needs
// answered at once ("Ana has it since 09:12"), so it lives in a table the server decides on, not
// in events a laptop could make offline; every change is kept in claim_history.
import type pg from 'pg';
import type { Claim, ClaimSubject } from '../../shared/team';
import { refusal, type Refusal } from '../http/refusal';

const CLAIM_COLUMNS = `c.subject, c.key, h.name AS holder, c.since, b.name AS "assignedBy", c.holder_id AS "holderId"
  FROM claims c JOIN accounts h ON h.id = c.holder_id LEFT JOIN accounts b ON b.id = c.assigned_by_id`;

/** A claim and, for the server's own checks, its holder's account id (never sent). */
type HeldClaim = Claim & { holderId: number };

function fromRow({ holderId: _, ...row }: HeldClaim & { since: string | number }): Claim {
  return { ...row, since: Number(row.since) };
}

export async function listClaims(db: pg.Pool): Promise<Claim[]> {
  return (await db.query(`SELECT ${CLAIM_COLUMNS} ORDER BY c.since`)).rows.map(fromRow);
}

async function claimOf(db: pg.Pool | pg.PoolClient, subject: ClaimSubject, key: string): Promise<{ claim: Claim; holderId: number } | null> {
  const r = await db.query(`SELECT ${CLAIM_COLUMNS} WHERE c.subject = $1 AND c.key = $2`, [subject, key]);
  // Whose a claim is goes by account id: two names that differ only in case can be two accounts.
  return r.rows[0] ? { claim: fromRow(r.rows[0]), holderId: r.rows[0].holderId } : null;
}

async function recordHistory(
  db: pg.Pool | pg.PoolClient,
  subject: ClaimSubject,
  key: string,
  action: string,
  holderId: number | null,
  byId: number,
  at: number,
) {
  await db.query('INSERT INTO claim_history (subject, key, action, holder_id, by_id, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    subject,
    key,
    action,
    holderId,
    byId,
    at,
  ]);
}

function claimedBy(c: Claim): string {
  return `${c.subject} ${c.key} is claimed by ${c.holder} since ${new Date(c.since).toISOString()}`;
}

/** Claims a case for the account; claiming one's own claim again is a no-op. */
export async function claim(db: pg.Pool, subject: ClaimSubject, key: string, by: { accountId: number; name: string }, now: number): Promise<Claim | Refusal> {
  const inserted = await db.query('INSERT INTO claims (subject, key, holder_id, since) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
    subject,
    key,
    by.accountId,
    now,
  ]);
  const held = await claimOf(db, subject, key);
  if (!held) return refusal(409, 'claim-raced', `${subject} ${key} was released while it was claimed: try again`);
  const current = held.claim;
  if (inserted.rowCount === 1) await recordHistory(db, subject, key, 'claim', by.accountId, by.accountId, now);
  else if (held.holderId !== by.accountId) return refusal(409, 'claimed', claimedBy(current), { claim: current });
  return current;
}

/** Releases a claim: its holder may, a lead or admin may release anyone's. */
export async function release(
  db: pg.Pool,
  subject: ClaimSubject,
  key: string,
  by: { accountId: number; name: string; mayReleaseOthers: boolean },
  now: number,
): Promise<{ released: boolean } | Refusal> {
  const held = await claimOf(db, subject, key);
  if (!held) return { released: false };
  if (held.holderId !== by.accountId && !by.mayReleaseOthers) return refusal(403, 'not-yours', `${claimedBy(held.claim)}; only they or a lead may release it`);
  const r = await db.query('DELETE FROM claims WHERE subject = $1 AND key = $2', [subject, key]);
  if (r.rowCount === 1) await recordHistory(db, subject, key, 'release', null, by.accountId, now);
  return { released: r.rowCount === 1 };
}

/** Hands a case to another account (a lead's call), claimed or not. */
export async function reassign(db: pg.Pool, subject: ClaimSubject, key: string, to: string, by: { accountId: number }, now: number): Promise<Claim | Refusal> {
  const target = await db.query<{ id: number; role: string }>('SELECT id, role FROM accounts WHERE lower(name) = lower($1) AND NOT disabled', [to]);
  const holder = target.rows[0];
  if (!holder) return refusal(404, 'no-account', `there is no account named ${to}`);
  if (holder.role === 'compliance') return refusal(400, 'not-case-work', `${to} is a compliance account and cannot hold cases`);
  await db.query(
    `INSERT INTO claims (subject, key, holder_id, since, assigned_by_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (subject, key) DO UPDATE SET holder_id = EXCLUDED.holder_id, since = EXCLUDED.since, assigned_by_id = EXCLUDED.assigned_by_id`,
    [subject, key, holder.id, now, by.accountId],
  );
  await recordHistory(db, subject, key, 'reassign', holder.id, by.accountId, now);
  return (await claimOf(db, subject, key))!.claim;
}
