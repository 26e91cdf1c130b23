// Sessions as random opaque tokens: the laptop keeps the token, the database only its SHA-256,
// and every session ends at a fixed time set when it began.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../shared/team';

export interface SignedIn {
  accountId: number;
  name: string;
  role: Role;
  expiresAt: number;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function startSession(db: pg.Pool, accountId: number, now: number, hours: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + hours * 3_600_000;
  await db.query('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    tokenHash(token),
    accountId,
    now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export type SessionCheck = { ok: true; signedIn: SignedIn } | { ok: false; code: 'no-session' | 'session-expired'; reason: string };

export async function checkSession(db: pg.Pool, token: string, now: number): Promise<SessionCheck> {
  const r = await db.query<{ accountId: number; name: string; role: Role; expiresAt: string; disabled: boolean }>(
    `SELECT a.id AS "accountId", a.name, a.role, s.expires_at AS "expiresAt", a.disabled
       FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1`,
    [tokenHash(token)],
  );
  const row = r.rows[0];
  if (!row || row.disabled) return { ok: false, code: 'no-session', reason: 'not signed in: sign in again' };
  const expiresAt = Number(row.expiresAt);
  if (expiresAt <= now) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
    return { ok: false, code: 'session-expired', reason: 'the session ended: sign in again' };
  }
  return { ok: true, signedIn: { accountId: row.accountId, name: row.name, role: row.role, expiresAt } };
}

export async function endSession(db: pg.Pool, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}
