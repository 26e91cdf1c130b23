// A PostgreSQL cluster of the server's own, for a team without a database server: created in a
// data folder the first time, started on a free localhost port, stopped with the server. Debian
// keeps initdb and pg_ctl off PATH and they refuse to run as root, so as root they run as postgres.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface LocalCluster {
  /** Where the cluster, its password and its log live. */
  dataDir: string;
  port: number;
  /** The server's database on it. */
  url: string;
  /** The maintenance database, for creating others (tests make one per file). */
  adminUrl: string;
  stop(): Promise<void>;
}

export const DATABASE_NAME = 'workbench';

/** initdb and pg_ctl of the highest PostgreSQL installed (PG_BIN overrides). */
export function findPostgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(`No PostgreSQL found in ${root}. Install it (Debian: apt-get install -y postgresql) or set PG_BIN or DATABASE_URL.`);
  return path.join(root, versions[0], 'bin');
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as the postgres user when we are root (they refuse root). */
async function pgTool(bin: string, tool: string, args: string[]): Promise<string> {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  try {
    const { stdout } = await run(cmd, argv, { timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${(e.stderr || e.stdout || e.message).trim()}`, { cause: err });
  }
}

/** Makes a folder the postgres user owns (as root) or we own, readable by no one else. */
function ownedFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot()) {
    const ids = postgresIds();
    chownSync(dir, ids.uid, ids.gid);
  }
  chmodSync(dir, 0o700);
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('There is no postgres user to run PostgreSQL as. Install PostgreSQL (apt-get install -y postgresql) or set DATABASE_URL.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Creates the cluster in `dataDir` the first time, starts it on a free port and makes the server's database. */
export async function startLocalCluster(options: { dataDir: string; port?: number; reuseRunning?: boolean }): Promise<LocalCluster> {
  const bin = findPostgresBin();
  const dataDir = path.resolve(options.dataDir);
  const cluster = path.join(dataDir, 'cluster');
  const passwordFile = path.join(dataDir, 'password');
  const portFile = path.join(dataDir, 'port');
  ownedFolder(dataDir);
  if (asRoot()) {
    // postgres must be able to walk down to the folder; a home or work folder closed to others stops it.
    await run('runuser', ['-u', 'postgres', '--', 'test', '-w', dataDir]).catch(() => {
      throw new Error(
        `The postgres user cannot write ${dataDir} (a folder above it is closed to others). Choose another with --data, e.g. /var/lib/workbench.`,
      );
    });
  }
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    const password = randomBytes(24).toString('base64url');
    const pwfile = path.join(dataDir, '.initdb-password');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (asRoot()) chownSync(pwfile, postgresIds().uid, postgresIds().gid);
    try {
      await pgTool(bin, 'initdb', ['-D', cluster, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C']);
    } finally {
      rmSync(pwfile, { force: true });
    }
    writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  if (!existsSync(passwordFile)) throw new Error(`${cluster} exists but its password file ${passwordFile} is gone; move the cluster away or set DATABASE_URL.`);
  const password = readFileSync(passwordFile, 'utf8').trim();

  const status = await pgTool(bin, 'pg_ctl', ['-D', cluster, 'status']).catch(() => '');
  const running = status.includes('server is running');
  if (running && options.reuseRunning && existsSync(portFile)) {
    // The CLI next to a running server borrows its cluster and leaves it running.
    const port = Number(readFileSync(portFile, 'utf8'));
    return clusterAt(dataDir, port, password, async () => undefined);
  }
  // A server killed without stopping its cluster leaves it running; restart it on a port we know.
  if (running) await pgTool(bin, 'pg_ctl', ['-D', cluster, '-m', 'fast', '-w', 'stop']);

  const port = options.port ?? (await freePort());
  // Loopback only, no Unix socket (its default folder may not exist or be writable here).
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  await pgTool(bin, 'pg_ctl', ['-D', cluster, '-l', path.join(cluster, 'postgres.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);

  writeFileSync(portFile, String(port));
  const started = clusterAt(dataDir, port, password, () => pgTool(bin, 'pg_ctl', ['-D', cluster, '-m', 'fast', '-w', 'stop']).then(() => undefined));
  await createDatabase(started.adminUrl, DATABASE_NAME);
  return started;
}

function clusterAt(dataDir: string, port: number, password: string, stopCluster: () => Promise<void>): LocalCluster {
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  let stopped: Promise<void> | null = null;
  return {
    dataDir,
    port,
    url: `${base}/${DATABASE_NAME}`,
    adminUrl: `${base}/postgres`,
    stop: () => (stopped ??= stopCluster()),
  };
}

/** Creates a database unless it exists. */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
