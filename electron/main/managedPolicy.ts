// The organisation's policy file: where it lives on each platform, and reading it once per
// run. A missing file means no policy; an unreadable or invalid one is reported and ignored.
import { open } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { MAX_POLICY_BYTES, parseManagedPolicy, type ManagedPolicyReading } from '../../shared/policy/managedPolicy';
import { PRODUCT_NAME } from './appInfo';

export const POLICY_FILE_NAME = 'policy.json';

/** %ProgramData% when it is a drive-rooted path, else Windows' default location for it. */
function programDataFolder(env: NodeJS.ProcessEnv): string {
  const folder = env['ProgramData'] ?? env['PROGRAMDATA'];
  return folder !== undefined && /^[A-Za-z]:\\/.test(folder) ? folder : 'C:\\ProgramData';
}

/**
 * The machine-wide path an administrator deploys the policy to: only administrators can
 * write there, so an analyst's account cannot loosen or forge it.
 */
export function managedPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'win32':
      return win32.join(programDataFolder(env), PRODUCT_NAME, POLICY_FILE_NAME);
    case 'darwin':
      return posix.join('/Library/Application Support', PRODUCT_NAME, POLICY_FILE_NAME);
    default:
      return posix.join('/etc/fraud-workbench', POLICY_FILE_NAME);
  }
}

/** Errors that mean "no policy deployed" rather than "a policy we could not read". */
const NOT_DEPLOYED = new Set(['ENOENT', 'ENOTDIR']);

/** The file's bytes, at most one byte past the limit (enough for the parser to refuse it). */
async function readPolicyBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    const buffer = new Uint8Array(MAX_POLICY_BYTES + 1);
    let length = 0;
    while (length < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

export async function readManagedPolicy(path: string, readBytes: (path: string) => Promise<Uint8Array> = readPolicyBytes): Promise<ManagedPolicyReading> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_DEPLOYED.has(code)) return { status: 'none' };
    return { status: 'refused', source: path, problems: [`the file could not be read (${typeof code === 'string' ? code : 'I/O error'})`] };
  }
  return parseManagedPolicy(bytes, path);
}

/**
 * The policy as read at the first request, kept for the rest of the run (a policy is
 * deployed, then the app restarted). A refusal is logged once, by file name and key only.
 */
export function managedPolicySource(
  path: string,
  log: (message: string) => void,
  read: (path: string) => Promise<ManagedPolicyReading> = readManagedPolicy,
): () => Promise<ManagedPolicyReading> {
  let reading: Promise<ManagedPolicyReading> | null = null;
  return () => {
    reading ??= read(path)
      // A bug in reading must not leave Settings (or later, review defaults) waiting on an error.
      .catch((): ManagedPolicyReading => ({ status: 'refused', source: path, problems: ['the file could not be read (unexpected error)'] }))
      .then((result) => {
        if (result.status === 'refused') log(`[policy] ${POLICY_FILE_NAME} refused, the app runs without it: ${result.problems.join('; ')}`);
        return result;
      });
    return reading;
  };
}

/** The team server the policy in force names, or null: no policy, a refused one, or no team server. */
export function teamOriginOf(reading: ManagedPolicyReading): string | null {
  return reading.status === 'in-force' ? (reading.policy.teamServer?.origin ?? null) : null;
}
