// The team server for the team-imports bench (bench/run.mjs, BENCH_ONLY=team): a throwaway
// PostgreSQL cluster, and per run a fresh database with its own server on loopback and a lead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { addAccount } from '../server/accounts/accountStore';
import { buildTeamServer } from '../server/app';
import { configFromEnvironment } from '../server/config';
import { createDatabase, startLocalCluster } from '../server/postgres/localCluster';
import { migrate } from '../server/postgres/migrate';
import { systemClock } from '../shared/time/clock';

/** Laptop A imports for the team as its lead; laptop B, an analyst, pulls. */
export const LEAD = { name: 'Bench Lead', password: 'bench password long enough' } as const;
export const ANALYST = { name: 'Bench Analyst', password: 'bench password long enough' } as const;

/** A team server on its own empty database: its origin, what its chunks table holds, and how to close it. */
export interface BenchTeamServer {
  origin: string;
  /** The chunks the server keeps (import_op_chunks): how many, their bytes as sent (gzip) and decompressed. */
  chunks(): Promise<{ chunks: number; bytes: number; rawBytes: number }>;
  close(): Promise<void>;
}

export interface BenchCluster {
  /** A fresh database, migrated, with the lead and analyst accounts, served on a free loopback port. */
  newTeam(): Promise<BenchTeamServer>;
  stop(): Promise<void>;
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'workbench-bench-team-'));
  const cluster = await startLocalCluster({ dataDir });
  let runs = 0;
  return {
    async newTeam() {
      const name = `bench_team_${++runs}`;
      await createDatabase(cluster.adminUrl, name);
      const pool = new pg.Pool({ connectionString: cluster.adminUrl.replace(/\/postgres$/, `/${name}`), max: 8 });
      try {
        await migrate(pool);
        for (const [who, role] of [
          [LEAD, 'lead'],
          [ANALYST, 'analyst'],
        ] as const) {
          const added = await addAccount(pool, { name: who.name, role, password: who.password }, systemClock.now());
          if (!added.ok) throw new Error(added.reason);
        }
        // The body limit as a deployed server has it (TEAM_BODY_LIMIT_BYTES or the protocol's default).
        const app = await buildTeamServer({ pool, clock: systemClock, config: configFromEnvironment() });
        await app.listen({ host: '127.0.0.1', port: 0 });
        const address = app.server.address();
        if (address === null || typeof address === 'string') throw new Error('the team server did not get a port');
        return {
          origin: `http://127.0.0.1:${address.port}`,
          async chunks() {
            const r = await pool.query<{ chunks: number; bytes: string | null; raw: string | null }>(
              'SELECT count(*)::int AS chunks, sum(length(bytes)) AS bytes, sum(raw_bytes) AS raw FROM import_op_chunks',
            );
            const row = r.rows[0]!;
            return { chunks: row.chunks, bytes: Number(row.bytes ?? 0), rawBytes: Number(row.raw ?? 0) };
          },
          async close() {
            await app.close();
            await pool.end();
            const admin = new pg.Client({ connectionString: cluster.adminUrl });
            await admin.connect();
            await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
          },
        };
      } catch (e) {
        await pool.end();
        throw e;
      }
    },
    async stop() {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
