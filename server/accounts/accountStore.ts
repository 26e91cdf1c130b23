// Accounts in PostgreSQL: adding them (the CLI), finding one to sign in, counting wrong
// passwords towards the lock-out, and unlocking.
import type pg from 'pg';
import type { Role } from '../../shared/team';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

export interface Account {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  failedSignIns: number;
  lockedUntil: number | null;
  disabled: boolean;
}

type Queryable = pg.Pool | pg.PoolClient;

const COLUMNS = 'id, name, role, password_hash AS "passwordHash", failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil", disabled';

/** pg returns bigint columns as strings; ours are epoch milliseconds, well within a double. */
function fromRow(row: Record<string, unknown>): Account {
  return { ...(row as unknown as Account), lockedUntil: row.lockedUntil === null ? null : Number(row.lockedUntil) };
}

export async function findAccount(db: Queryable, name: string): Promise<Account | null> {
  const r = await db.query(`SELECT ${COLUMNS} FROM accounts WHERE lower(name) = lower($1)`, [name]);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

export async function findAccountById(db: Queryable, id: number): Promise<Account | null> {
  const r = await db.query(`SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [id]);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

export type AddAccountResult = { ok: true; account: Account } | { ok: false; reason: string };

export async function addAccount(db: Queryable, input: { name: string; role: Role; password: string }, now: number): Promise<AddAccountResult> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: `a password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  if (await findAccount(db, input.name)) return { ok: false, reason: `an account named ${input.name} exists` };
  const passwordHash = await hashPassword(input.password);
  const r = await db.query(`INSERT INTO accounts (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
    input.name,
    input.role,
    passwordHash,
    now,
  ]);
  return { ok: true, account: fromRow(r.rows[0]) };
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  return (await db.query(`SELECT ${COLUMNS} FROM accounts ORDER BY name`)).rows.map(fromRow);
}

/**
 * Takes one of the account's tries before its password is checked, in one statement: none is left
 * while the account is locked, nor once `maxFailures` tries are taken (counted or still being
 * checked), so guesses sent at once cannot all pass the lock-out before the first failure counts.
 */
export async function reserveSignInAttempt(db: Queryable, id: number, maxFailures: number, now: number): Promise<{ attempt: number } | null> {
  const r = await db.query<{ attempt: number }>(
    `UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1
      WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $3) AND failed_sign_ins < $2
      RETURNING failed_sign_ins AS attempt`,
    [id, maxFailures, now],
  );
  return r.rows[0] ?? null;
}

/** A reserved try was a wrong password: the last allowed one locks the account until `lockUntil` and the count starts again. */
export async function recordFailedSignIn(db: Queryable, id: number, attempt: number, maxFailures: number, lockUntil: number): Promise<{ locked: boolean }> {
  if (attempt < maxFailures) return { locked: false };
  await db.query('UPDATE accounts SET failed_sign_ins = 0, locked_until = $2 WHERE id = $1', [id, lockUntil]);
  return { locked: true };
}

export async function recordSignIn(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [id]);
}

export async function unlockAccount(db: Queryable, name: string): Promise<boolean> {
  const r = await db.query('UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE lower(name) = lower($1)', [name]);
  return r.rowCount === 1;
}

export type SetPasswordResult = { ok: true } | { ok: false; reason: string };

/**
 * Gives an account a new password and ends its sessions (all, or all but the one whose token hash is
 * `keepTokenHash`: the session that changed it), in one transaction, so a session opened with the
 * old password is out at once; the lock-out count starts again.
 */
export async function setPassword(pool: pg.Pool, id: number, password: string, keepTokenHash: string | null): Promise<SetPasswordResult> {
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: `a password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  const passwordHash = await hashPassword(password);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [id, passwordHash]);
    await client.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2', [id, keepTokenHash]);
    await client.query('COMMIT');
    return { ok: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Disables an account (its sessions end in the same transaction, so it is out at once) or enables
 * it again. Its claims stay as they are: the team still sees who held what, and a lead reassigns.
 */
export async function setAccountDisabled(pool: pg.Pool, name: string, disabled: boolean): Promise<Account | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query(`UPDATE accounts SET disabled = $2 WHERE lower(name) = lower($1) RETURNING ${COLUMNS}`, [name, disabled]);
    const row = r.rows[0];
    if (row && disabled) await client.query('DELETE FROM sessions WHERE account_id = $1', [row.id]);
    await client.query('COMMIT');
    return row ? fromRow(row) : null;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
