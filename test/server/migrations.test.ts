import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { migrate, readMigrations } from '../../server/postgres/migrate';
import { freshDatabase } from './teamServerHarness';

describe('server migrations', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    ({ pool } = await freshDatabase()); // migrated once here
  });
  afterAll(() => pool.end());

  it('run once: a second start applies nothing and each version is recorded once', async () => {
    expect(await migrate(pool)).toEqual([]);
    const rows = (await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((_, i) => i + 1)); // 1, 2, 3…: no gap, none twice
  });

  it('refuse to start when a shipped migration was edited', async () => {
    const edited = readMigrations().map((m) => (m.version === 2 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'changed' } : m));
    await expect(migrate(pool, edited)).rejects.toThrow(/002_events\.sql was changed after it was applied/);
  });

  it('roll a failing migration back whole and record nothing', async () => {
    const shipped = readMigrations();
    const next = shipped.length + 1;
    const name = `${String(next).padStart(3, '0')}_broken.sql`;
    const broken = [...shipped, { version: next, name, sql: 'CREATE TABLE half (id int); SELECT nonsense FROM nowhere;', checksum: 'x' }];
    await expect(migrate(pool, broken)).rejects.toThrow(`${name} failed and was rolled back`);
    expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0].t).toBeNull();
    expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(shipped.length);
  });

  it('keep events append-only even against a direct UPDATE', async () => {
    await pool.query("INSERT INTO accounts (name, role, password_hash, created_at) VALUES ('Ana', 'analyst', 'x', 0)");
    await pool.query(
      `INSERT INTO events (id, device_id, seq, prev_hash, hash, kind, payload, analyst, at, schema_version, account_id, received_at)
       VALUES (gen_random_uuid(), gen_random_uuid(), 1, 'p', 'h', 'note', '{}', 'Ana', 0, 1, 1, 0)`,
    );
    await expect(pool.query('UPDATE events SET payload = \'{"x":1}\'')).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM events')).rejects.toThrow(/append-only/);
  });
});
