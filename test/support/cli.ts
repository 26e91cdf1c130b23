// Running `npm run cli` in tests: in this process with its output captured (every case), or as a
// real process through resources/scripts/cli.mjs (one smoke test per command: bundle, streams, exit code).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../resources/scripts/cli/main';
import { fixedClock } from '../../shared/time/clock';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command line run in process, from the repository root, as `npm run cli -- …args` would. */
export function cli(...args: string[]): Promise<CliRun> {
  return cliIn(root, ...args);
}

/** The same from another directory, which relative file names are read from. */
export async function cliIn(cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  // A fixed "now" after the report fixture's month, so no figure depends on the day the test runs.
  const status = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, clock: fixedClock(Date.UTC(2026, 11, 1)) });
  return { status, stdout, stderr };
}

/** The command line as its own process: cli.mjs (building the bundle if stale) and the real streams. */
export function cliProcess(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [path.join(root, 'resources/scripts/cli.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
