import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/postgres/localCluster';
import { SCHEMA_HEADER, verifyTeamChain, type PulledEvent, type TeamEvent } from '../../shared/team';
import { addAccount } from '../../server/accounts/accountStore';
import { Laptop, PASSWORD, startHarness, type Harness } from './teamServerHarness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function storedEvents(h: Harness): Promise<{ n: number; distinct: number }> {
  return (await h.pool.query('SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM events')).rows[0];
}

describe('team sync interrupted', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana', 'analyst');
  });
  afterAll(() => h.close());

  it('lose nothing and double nothing when the database connection dies mid-batch and the server restarts', async () => {
    const token = await h.signIn('Ana');
    const laptop = new Laptop('Ana');
    const first = await laptop.record(50);
    const second = await laptop.record(50);
    expect((await h.push(token, first)).body.accepted).toBe(50);

    // The second batch is written, then its connection is cut just before COMMIT.
    await h.restart({
      beforePushCommits: async (client) => {
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        await h.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      },
    });
    const cut = await h.push(token, second);
    expect(cut.status).toBe(500);
    expect(cut.body.error).toMatch(/nothing was changed/);
    expect(await storedEvents(h)).toEqual({ n: 50, distinct: 50 });

    await h.restart({});
    // The laptop does not know how far the server got: it resends both batches.
    expect((await h.push(token, first)).body).toMatchObject({ accepted: 0, duplicates: 50 });
    expect((await h.push(token, second)).body).toMatchObject({ accepted: 50, duplicates: 0, heads: [{ seq: 100 }] });
    expect(await storedEvents(h)).toEqual({ n: 100, distinct: 100 });
  });

  it('lose nothing and double nothing when the server process is killed during a push and started again', async () => {
    const user = `Killed ${randomUUID().slice(0, 6)}`;
    await addAccount(h.pool, { name: user, role: 'analyst', password: PASSWORD }, 0);
    const laptop = new Laptop(user, Date.now() - 3_600_000); // the server process runs on the system clock
    const batches = [await laptop.record(200), await laptop.record(1000), await laptop.record(200)];
    const before = (await storedEvents(h)).n;

    const server = await startServerProcess(h.url);
    const token = await server.signIn(user);
    expect((await server.push(token, batches[0]!)).status).toBe(200);
    const inFlight = server.push(token, batches[1]!).catch(() => null); // answered or cut off: both are fine
    await new Promise((r) => setTimeout(r, 60));
    server.child.kill('SIGKILL');
    await inFlight;

    const again = await startServerProcess(h.url);
    try {
      for (const batch of batches) expect((await again.push(token, batch)).status).toBe(200); // the session outlives the restart
      expect(await storedEvents(h)).toEqual({ n: before + 1400, distinct: before + 1400 });
      const pulled: PulledEvent[] = [];
      for (let after = 0, more = true; more;) {
        const page = await again.pull(token, after);
        pulled.push(...page.events);
        ({ cursor: after, more } = page);
      }
      const mine = pulled.filter((e) => e.deviceId === laptop.deviceId).map(({ serverSeq: _s, receivedAt: _r, ...e }) => e);
      expect(await verifyTeamChain(mine)).toEqual({ ok: true, head: laptop.head });
    } finally {
      again.child.kill('SIGTERM');
    }
  });
});

/** `npm run server` as a real process on a free port against the test's database. */
async function startServerProcess(databaseUrl: string) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Team server on')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, url: string, token: string | null, body?: unknown) => {
    const r = await fetch(base + url, {
      method,
      headers: { [SCHEMA_HEADER]: '1', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, body: await r.json() };
  };
  return {
    child,
    signIn: async (name: string) => (await call('POST', '/v1/session', null, { name, password: PASSWORD })).body.token as string,
    push: (token: string, events: TeamEvent[]) => call('POST', '/v1/events', token, { events }),
    pull: async (token: string, after: number) =>
      (await call('GET', `/v1/events?after=${after}&limit=500`, token)).body as { events: PulledEvent[]; cursor: number; more: boolean },
  };
}
