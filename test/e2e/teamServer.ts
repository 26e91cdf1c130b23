// A real team server for the team e2e tests: a throwaway PostgreSQL cluster (the server's own
// bootstrap, as the server tests use), the Fastify app on a free loopback port, and the built
// renderer served with that one origin in its CSP. Started once per worker, only by tests that use it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { addAccount } from '../../server/accounts/accountStore';
import { buildTeamServer } from '../../server/app';
import { startLocalCluster } from '../../server/postgres/localCluster';
import { migrate } from '../../server/postgres/migrate';
import { systemClock } from '../../shared/time/clock';
import type { Role } from '../../shared/team';
// @ts-expect-error -- plain .mjs script without types
import { startServer } from '../../resources/scripts/serve.mjs';

export const TEAM_PASSWORD = 'correct horse battery staple';
export const LOCKOUT_AFTER = 3;

export interface TeamServerRun {
  /** The team server's origin (what the CSP names). */
  origin: string;
  /** The app, served with that origin in its CSP. */
  appUrl: string;
  addUser(name: string, role: Role): Promise<void>;
  stop(): Promise<void>;
}

export async function startTeamServerRun(): Promise<TeamServerRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'workbench-e2e-team-'));
  const cluster = await startLocalCluster({ dataDir });
  let pool: pg.Pool | null = null;
  let app: Awaited<ReturnType<typeof buildTeamServer>> | null = null;
  let site: { url: string; close(): Promise<void> } | null = null;
  const stop = async () => {
    await site?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await cluster.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    await migrate(pool);
    app = await buildTeamServer({
      pool,
      clock: systemClock,
      config: {
        lockout: { maxFailures: LOCKOUT_AFTER, lockMinutes: 10 },
        sessionHours: 8,
        signInsPerMinute: 1000,
        bodyLimitBytes: 8 * 1024 * 1024,
        unfinishedUploadDays: 7,
      },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the team server did not get a port');
    const origin = `http://127.0.0.1:${address.port}`;
    site = (await startServer({ port: 0, teamOrigin: origin })) as { url: string; close(): Promise<void> };
    const db = pool;
    return {
      origin,
      appUrl: site.url,
      async addUser(name, role) {
        const added = await addAccount(db, { name, role, password: TEAM_PASSWORD }, systemClock.now());
        if (!added.ok) throw new Error(added.reason);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
