// One transaction holding a transaction-level advisory lock: the server's ordered writes (event
// pushes, the team's import order) take their place one at a time, in commit order, in every
// server process. A connection that failed mid-transaction is not trusted again.
import type pg from 'pg';

/** What a step decided: commit what it did and answer `commit`, or undo all of it and answer `rollBack`. */
export type LockedOutcome<T> = { commit: T } | { rollBack: T };

export async function inLockedTransaction<T>(pool: pg.Pool, lock: number, step: (db: pg.PoolClient) => Promise<LockedOutcome<T>>): Promise<T> {
  const client = await pool.connect();
  // A connection cut mid-step also reports on the client: the failed query already says so.
  const ignoreCut = () => undefined;
  client.on('error', ignoreCut);
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    const outcome = await step(client);
    if ('rollBack' in outcome) {
      await client.query('ROLLBACK');
      return outcome.rollBack;
    }
    await client.query('COMMIT');
    return outcome.commit;
  } catch (err) {
    broken = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.off('error', ignoreCut);
    client.release(broken);
  }
}
