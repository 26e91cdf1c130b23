// `npm run server [-- serve] [--data DIR] [--host H] [--port N]` starts the team server;
// `add-user`, `set-password`, `list-users`, `unlock-user`, `disable-user` and `enable-user` manage accounts. DATABASE_URL names the database;
// without it the server runs a PostgreSQL cluster of its own in the data folder.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { accountNameSchema, ROLES, type Role } from '../shared/team';
import { systemClock } from '../shared/time/clock';
import { addAccount, findAccount, listAccounts, setAccountDisabled, setPassword, unlockAccount } from './accounts/accountStore';
import { buildTeamServer } from './app';
import { configFromEnvironment } from './config';
import { migrate } from './postgres/migrate';
import { startLocalCluster, type LocalCluster } from './postgres/localCluster';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `npm run server -- [serve] [--data DIR] [--host 127.0.0.1] [--port 8787]
npm run server -- add-user --name NAME --role admin|lead|analyst|compliance   (password from TEAM_PASSWORD or stdin)
npm run server -- set-password --name NAME   (a forgotten password: the new one from TEAM_PASSWORD or stdin; ends its sessions, unlocks it)
npm run server -- list-users
npm run server -- unlock-user --name NAME
npm run server -- disable-user|enable-user --name NAME   (disabling ends its sessions; its claims stay for a lead to reassign)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
});
const command = positionals[0] ?? 'serve';
const dataDir = path.resolve(values.data ?? path.join(repoRoot, '.team-server'));

async function openDatabase(forServe: boolean): Promise<{ pool: pg.Pool; cluster: LocalCluster | null }> {
  if (process.env.DATABASE_URL) return { pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }), cluster: null };
  const cluster = await startLocalCluster({ dataDir, reuseRunning: !forServe });
  if (forServe)
    console.log(`PostgreSQL: the server's own cluster in ${path.join(dataDir, 'cluster')} on 127.0.0.1:${cluster.port} (set DATABASE_URL to use another)`);
  return { pool: new pg.Pool({ connectionString: cluster.url }), cluster };
}

/** The password from TEAM_PASSWORD, or stdin (typed unseen at a terminal): never from argv, which other users can read. */
async function readPassword(): Promise<string> {
  if (process.env.TEAM_PASSWORD) return process.env.TEAM_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal: Boolean(process.stdin.isTTY) });
  for await (const line of lines) {
    lines.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
    return line;
  }
  return '';
}

async function manageAccounts(): Promise<number> {
  const { pool, cluster } = await openDatabase(false);
  try {
    await migrate(pool);
    switch (command) {
      case 'add-user': {
        const name = accountNameSchema.safeParse(values.name);
        const role = ROLES.find((r) => r === values.role) as Role | undefined;
        if (!name.success || !role) {
          console.error(`add-user needs --name (2-80 letters, digits, spaces, . _ ' -) and --role (${ROLES.join(', ')}).\n${USAGE}`);
          return 2;
        }
        const added = await addAccount(pool, { name: name.data, role, password: await readPassword() }, systemClock.now());
        if (!added.ok) {
          console.error(`Not added: ${added.reason}.`);
          return 1;
        }
        console.log(`Added ${added.account.name} (${added.account.role}).`);
        return 0;
      }
      case 'set-password': {
        if (!values.name) return (console.error(USAGE), 2);
        const account = await findAccount(pool, values.name);
        if (!account) return (console.error(`There is no account named ${values.name}.`), 1);
        const set = await setPassword(pool, account.id, await readPassword(), null);
        if (!set.ok) return (console.error(`Not changed: ${set.reason}.`), 1);
        console.log(`Set a new password for ${account.name}; its sessions ended.`);
        return 0;
      }
      case 'list-users':
        for (const a of await listAccounts(pool)) {
          const lock = a.lockedUntil && a.lockedUntil > systemClock.now() ? ` locked until ${new Date(a.lockedUntil).toISOString()}` : '';
          console.log(`${a.name}\t${a.role}${a.disabled ? '\tdisabled' : ''}${lock}`);
        }
        return 0;
      case 'unlock-user':
        if (!values.name) return (console.error(USAGE), 2);
        if (!(await unlockAccount(pool, values.name))) return (console.error(`There is no account named ${values.name}.`), 1);
        console.log(`Unlocked ${values.name}.`);
        return 0;
      case 'disable-user':
      case 'enable-user': {
        if (!values.name) return (console.error(USAGE), 2);
        const disabled = command === 'disable-user';
        if (!(await setAccountDisabled(pool, values.name, disabled))) return (console.error(`There is no account named ${values.name}.`), 1);
        console.log(`${disabled ? 'Disabled' : 'Enabled'} ${values.name}.`);
        return 0;
      }
      default:
        console.error(`Unknown command ${command}.\n${USAGE}`);
        return 2;
    }
  } finally {
    await pool.end();
    await cluster?.stop();
  }
}

async function serve(): Promise<void> {
  const config = configFromEnvironment();
  const pidFile = path.join(dataDir, 'server.pid');
  if (!process.env.DATABASE_URL && existsSync(pidFile) && processAlive(Number(readFileSync(pidFile, 'utf8')))) {
    throw new Error(`A team server (pid ${readFileSync(pidFile, 'utf8').trim()}) already runs on ${dataDir}.`);
  }
  const { pool, cluster } = await openDatabase(true);
  if (cluster) writeFileSync(pidFile, String(process.pid));
  const applied = await migrate(pool).catch(async (err: Error) => {
    // Leave nothing running behind a server that did not start.
    await pool.end().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    if (cluster) rmSync(pidFile, { force: true });
    throw err;
  });
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');
  const cert = process.env.TEAM_TLS_CERT;
  const key = process.env.TEAM_TLS_KEY;
  const https = cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : null;
  const app = await buildTeamServer({ pool, clock: systemClock, config, logger: true, https });
  const host = values.host ?? process.env.TEAM_HOST ?? '127.0.0.1';
  const port = Number(values.port ?? process.env.TEAM_PORT ?? 8787);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the team server${cluster ? ' and its PostgreSQL' : ''}…`);
    await app.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await cluster?.stop().catch((err: Error) => console.error(err.message));
    if (cluster) rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host, port });
  console.log(`Team server on ${https ? 'https' : 'http'}://${host}:${port}${https ? '' : ' (plain HTTP: keep it on loopback or behind a TLS reverse proxy)'}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (command === 'serve') {
  serve().catch((err: Error) => {
    console.error(`The team server did not start: ${err.message}`);
    process.exit(1);
  });
} else {
  manageAccounts().then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
