// A team server on its own fresh database at a clock the test moves, with accounts, sign-in and
// push/pull helpers, so each test reads as what an analyst's laptop does.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { addAccount } from '../../server/accounts/accountStore';
import { buildTeamServer, type TeamServerDeps } from '../../server/app';
import type { TeamServerConfig } from '../../server/config';
import type { Repeater } from '../../server/imports/uploadSweep';
import { createDatabase } from '../../server/postgres/localCluster';
import { migrate } from '../../server/postgres/migrate';
import { chainTeamEvents, GENESIS_HEAD, SCHEMA_HEADER, TEAM_SCHEMA_VERSION, type Role, type TeamEvent, type TeamEventInput } from '../../shared/team';
import type { LogHead } from '../../shared/decisions/chain';

export const START = Date.UTC(2026, 11, 31, 22, 0); // New Year's Eve: session expiry and lock-out cross the year

export class ManualClock {
  constructor(private at = START) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** The server's periodic work, run when the test says (`fire`) instead of on a timer. */
export class ManualRepeater implements Repeater {
  private readonly tasks = new Set<{ ms: number; task: () => Promise<void> }>();
  every(ms: number, task: () => Promise<void>): () => void {
    const entry = { ms, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  }
  /** The periods of the tasks running now, in ms. */
  periods(): number[] {
    return [...this.tasks].map((t) => t.ms);
  }
  /** Runs every task once, as their timers would; resolves when they are done. */
  async fire(): Promise<void> {
    await Promise.all([...this.tasks].map((t) => t.task()));
  }
}

export const TEST_CONFIG: TeamServerConfig = {
  lockout: { maxFailures: 3, lockMinutes: 10 },
  sessionHours: 8,
  signInsPerMinute: 1000,
  bodyLimitBytes: 256 * 1024,
  unfinishedUploadDays: 7,
};

export const PASSWORD = 'correct horse battery staple';

/** A fresh database on the test cluster, migrated. */
export async function freshDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await createDatabase(adminUrl, name);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await migrate(pool);
  return { url, pool };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer's fields it checks
export type Answer = { status: number; body: any };

export type BinaryAnswer = Answer & { bytes: Buffer; contentType: string | undefined };

export interface Harness {
  app: FastifyInstance;
  pool: pg.Pool;
  url: string;
  clock: ManualClock;
  repeater: ManualRepeater;
  addUser(name: string, role: Role): Promise<void>;
  signIn(name: string): Promise<string>;
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | null, body?: unknown): Promise<Answer>;
  push(token: string, events: TeamEvent[]): Promise<Answer>;
  /** A call with a binary body (a chunk's gzip bytes) or a binary answer; `bytes` is the answer as sent. */
  binary(method: 'GET' | 'PUT', url: string, token: string | null, body?: Buffer, contentType?: string): Promise<BinaryAnswer>;
  /** A new server process on the same database, as after a restart. */
  restart(overrides?: Partial<TeamServerDeps>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<TeamServerDeps> = {}): Promise<Harness> {
  const { url, pool } = await freshDatabase();
  const clock = new ManualClock();
  const repeater = new ManualRepeater();
  const build = (more: Partial<TeamServerDeps>) => buildTeamServer({ pool, clock, repeater, config: TEST_CONFIG, ...overrides, ...more });
  const h: Harness = {
    app: await build({}),
    pool,
    url,
    clock,
    repeater,
    async addUser(name, role) {
      const r = await addAccount(pool, { name, role, password: PASSWORD }, clock.now());
      if (!r.ok) throw new Error(r.reason);
    },
    async signIn(name) {
      const r = await h.call('POST', '/v1/session', null, { name, password: PASSWORD });
      if (r.status !== 201) throw new Error(`sign-in of ${name} failed: ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    async call(method, path, token, body) {
      const r = await h.app.inject({
        method,
        url: path,
        headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
    push: (token, events) => h.call('POST', '/v1/events', token, { events }),
    async binary(method, path, token, body, contentType = 'application/octet-stream') {
      const r = await h.app.inject({
        method,
        url: path,
        headers: {
          [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': contentType } : {}),
        },
        ...(body !== undefined ? { payload: body } : {}),
      });
      const type = r.headers['content-type'];
      const json = typeof type === 'string' && type.startsWith('application/json') && r.body ? JSON.parse(r.body) : null;
      return { status: r.statusCode, body: json, bytes: r.rawPayload, contentType: typeof type === 'string' ? type : undefined };
    },
    async restart(more = {}) {
      await h.app.close();
      h.app = await build(more);
    },
    async close() {
      await h.app.close();
      await pool.end();
    },
  };
  return h;
}

/** One laptop: a device id and its chain's head, making events the way the app will. */
export class Laptop {
  readonly deviceId = randomUUID();
  head: LogHead = GENESIS_HEAD;
  /** `startAt`: when its first event is dated (a server on the system clock refuses times far ahead of it). */
  constructor(
    public analyst: string,
    private readonly startAt = START,
  ) {}

  async record(n: number, kind: SampleKind = 'decision'): Promise<TeamEvent[]> {
    const inputs = Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      kind,
      payload: samplePayload(kind, this.head.seq + i),
      analyst: this.analyst,
      at: this.startAt + (this.head.seq + i) * 1000,
    }));
    return this.chain(inputs);
  }

  /** Chains inputs made by the test (any kind) after this laptop's head. */
  async chain(inputs: TeamEventInput[]): Promise<TeamEvent[]> {
    const events = await chainTeamEvents(inputs, this.deviceId, this.head);
    const last = events.at(-1);
    if (last) this.head = { seq: last.seq, hash: last.hash };
    return events.map((e, i) => (inputs[i]!.personal ? { ...e, personal: inputs[i]!.personal } : e));
  }
}

export type SampleKind = 'decision' | 'resolution' | 'ring-verdict' | 'report-snapshot' | 'export-log';

/** A payload each kind's schema takes: a hold on order #1000+n, a verdict on ring n, snapshot or export n. */
export function samplePayload(kind: SampleKind, n: number): TeamEventInput['payload'] {
  const head = { seq: n, hash: 'b'.repeat(64) };
  switch (kind) {
    case 'decision':
      return { orderKey: `shopify:#${1000 + n}`, decision: 'hold', reasonCode: 'ring', logSeq: n + 1, undoes: null, score: 72, matrixVersion: 1 };
    case 'resolution':
      return {
        orderKey: `shopify:#${1000 + n}`,
        decision: 'cancel',
        reasonCode: 'ring',
        logSeq: n + 1,
        undoes: null,
        settles: [{ deviceId: 'a'.repeat(8), seq: 1 }],
      };
    case 'ring-verdict':
      return { ringId: `ring-${n}`, status: 'confirmed-fraud', orderKeys: [`shopify:#${1000 + n}`], markId: n + 1 };
    case 'report-snapshot':
      return {
        snapshotId: n + 1,
        kind: 'kpi',
        title: 'KPI 2026-12',
        figuresHash: 'c'.repeat(64),
        dataHash: 'd'.repeat(64),
        hash: 'e'.repeat(64),
        logHead: head,
      };
    case 'export-log':
      return { exportId: n + 1, kind: 'csv', rows: 12, logHead: head, nameHash: null, whatHash: null };
  }
}

/**
 * `fetch` through the in-process server at `origin`, as the laptop's transport calls it: binary
 * bodies as Buffers, answers with their bytes, status and headers.
 */
export function injectFetch(h: Pick<Harness, 'app'>, origin: string): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const r = await h.app.inject({
      method: init.method as 'GET',
      url: url.slice(origin.length),
      headers: init.headers as Record<string, string>,
      ...(init.body !== undefined && init.body !== null ? { payload: typeof init.body === 'string' ? init.body : Buffer.from(init.body as Uint8Array) } : {}),
    });
    return new Response(r.statusCode === 204 || r.rawPayload.length === 0 ? null : new Uint8Array(r.rawPayload), {
      status: r.statusCode,
      headers: r.headers as Record<string, string>,
    });
  };
}
