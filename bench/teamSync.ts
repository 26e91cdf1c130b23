// Bench (not in the test suite): push and pull of 100k team events through the team server on
// loopback, against its own throwaway PostgreSQL cluster. `npx tsx bench/teamSync.ts [events]`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { addAccount } from '../server/accounts/accountStore';
import { buildTeamServer } from '../server/app';
import { configFromEnvironment } from '../server/config';
import { freePort, startLocalCluster } from '../server/postgres/localCluster';
import { migrate } from '../server/postgres/migrate';
import { chainTeamEvents, GENESIS_HEAD, PULL_LIMITS, SCHEMA_HEADER, TEAM_SCHEMA_VERSION, type TeamEvent } from '../shared/team';
import { systemClock } from '../shared/time/clock';

const TOTAL = Number(process.argv[2] ?? 100_000);
const DEVICES = 4;
const BATCH = 1000;
const PASSWORD = 'bench password long enough';

const dataDir = mkdtempSync(path.join(tmpdir(), 'workbench-bench-'));
const cluster = await startLocalCluster({ dataDir });
const pool = new pg.Pool({ connectionString: cluster.url, max: 8 });
try {
  await migrate(pool);
  await addAccount(pool, { name: 'Bench', role: 'analyst', password: PASSWORD }, systemClock.now());
  const app = await buildTeamServer({ pool, clock: systemClock, config: configFromEnvironment() });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  const base = `http://127.0.0.1:${port}`;
  const headers = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), 'content-type': 'application/json' };
  const session = await (await fetch(`${base}/v1/session`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bench', password: PASSWORD }) })).json();
  const auth = { ...headers, authorization: `Bearer ${session.token}` };

  const t0 = performance.now();
  const chains: TeamEvent[][] = [];
  for (let d = 0; d < DEVICES; d++) {
    const inputs = Array.from({ length: TOTAL / DEVICES }, (_, i) => ({
      id: randomUUID(),
      kind: 'decision' as const,
      payload: { orderKey: `shopify:#${100000 + i}`, decision: 'hold', reasonCode: 'ring', logSeq: i + 1, undoes: null, noteHash: 'a'.repeat(64), score: 72 },
      analyst: 'Bench',
      at: 1_790_000_000_000 + i,
    }));
    chains.push(await chainTeamEvents(inputs, randomUUID(), GENESIS_HEAD));
  }
  const madeMs = performance.now() - t0;

  const t1 = performance.now();
  for (let i = 0; i < TOTAL / DEVICES; i += BATCH) {
    for (const chain of chains) {
      const r = await fetch(`${base}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ events: chain.slice(i, i + BATCH) }) });
      if (r.status !== 200) throw new Error(`push refused: ${r.status} ${await r.text()}`);
    }
  }
  const pushMs = performance.now() - t1;

  const t2 = performance.now();
  let pulled = 0;
  for (let after = 0, more = true; more;) {
    const page = await (await fetch(`${base}/v1/events?after=${after}&limit=${PULL_LIMITS.maxPage}`, { headers: auth })).json();
    pulled += page.events.length;
    ({ cursor: after, more } = page);
  }
  const pullMs = performance.now() - t2;
  if (pulled !== TOTAL) throw new Error(`pulled ${pulled} of ${TOTAL}`);
  await app.close();

  const rate = (ms: number) => Math.round(TOTAL / (ms / 1000)).toLocaleString('en');
  console.log(
    `team sync bench, ${TOTAL.toLocaleString('en')} events from ${DEVICES} devices on loopback (batches of ${BATCH}, pages of ${PULL_LIMITS.maxPage}):`,
  );
  console.log(`  chain (client side, hashing): ${(madeMs / 1000).toFixed(1)} s`);
  console.log(`  push: ${(pushMs / 1000).toFixed(1)} s, ${rate(pushMs)} events/s`);
  console.log(`  pull: ${(pullMs / 1000).toFixed(1)} s, ${rate(pullMs)} events/s`);
} finally {
  await pool.end();
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
