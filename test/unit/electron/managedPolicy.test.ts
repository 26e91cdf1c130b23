// Main finds the policy at the platform's machine-wide path, treats a missing file as no
// policy, refuses (and logs once, without the path) a broken one, and never throws.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { managedPolicyPath, managedPolicySource, readManagedPolicy, teamOriginOf } from '../../../electron/main/managedPolicy';
import type { ManagedPolicyReading } from '../../../shared/policy/managedPolicy';

describe('managedPolicyPath', () => {
  it('is /etc/fraud-workbench/policy.json on Linux (and other Unixes)', () => {
    expect(managedPolicyPath('linux', {})).toBe('/etc/fraud-workbench/policy.json');
    expect(managedPolicyPath('freebsd', {})).toBe('/etc/fraud-workbench/policy.json');
  });

  it('is under /Library/Application Support on macOS', () => {
    expect(managedPolicyPath('darwin', { HOME: '/Users/jane' })).toBe('/Library/Application Support/Fraud Workbench/policy.json');
  });

  it('is under %ProgramData% on Windows', () => {
    expect(managedPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Fraud Workbench\\policy.json');
    expect(managedPolicyPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Fraud Workbench\\policy.json');
  });

  it('falls back to C:\\ProgramData when the variable is missing or not a drive path', () => {
    for (const env of [{}, { ProgramData: '' }, { ProgramData: 'ProgramData' }, { ProgramData: '\\\\server\\share' }]) {
      expect(managedPolicyPath('win32', env)).toBe('C:\\ProgramData\\Fraud Workbench\\policy.json');
    }
  });
});

describe('readManagedPolicy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-policy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a deployed policy', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, JSON.stringify({ review: { slaHours: 8 } }));
    await expect(readManagedPolicy(path)).resolves.toEqual({ status: 'in-force', source: path, policy: { review: { slaHours: 8 } } });
  });

  it('means no policy when the file or its folder is missing', async () => {
    await expect(readManagedPolicy(join(dir, 'missing', 'policy.json'))).resolves.toEqual({ status: 'none' });
    writeFileSync(join(dir, 'not-a-folder'), '');
    await expect(readManagedPolicy(join(dir, 'not-a-folder', 'policy.json'))).resolves.toEqual({ status: 'none' });
  });

  it('refuses a broken file and names it', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, '{"review": {"slaHours": "a day"}}');
    await expect(readManagedPolicy(path)).resolves.toEqual({
      status: 'refused',
      source: path,
      problems: ['"review.slaHours" must be a whole number of hours from 1 to 720'],
    });
  });

  it('refuses a folder where the file should be, and an unreadable file, by error code', async () => {
    const folder = join(dir, 'policy.json');
    mkdirSync(folder);
    await expect(readManagedPolicy(folder)).resolves.toMatchObject({ status: 'refused', problems: ['the file could not be read (EISDIR)'] });
    const denied = Object.assign(new Error("EACCES: permission denied, open '/etc/fraud-workbench/policy.json'"), { code: 'EACCES' });
    await expect(readManagedPolicy('/etc/fraud-workbench/policy.json', () => Promise.reject(denied))).resolves.toEqual({
      status: 'refused',
      source: '/etc/fraud-workbench/policy.json',
      problems: ['the file could not be read (EACCES)'],
    });
  });

  it('reads no more than the size limit allows, and refuses a bigger file', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, `{}${' '.repeat(2 * 1024 * 1024)}`);
    const reading = await readManagedPolicy(path);
    expect(reading).toMatchObject({ status: 'refused', problems: ['the file is 65537 bytes, over the 65536-byte limit for a policy'] });
  });
});

describe('managedPolicySource', () => {
  const SOURCE = '/etc/fraud-workbench/policy.json';
  const refused: ManagedPolicyReading = { status: 'refused', source: SOURCE, problems: ['unknown key "review.slaHour"'] };

  it('reads the file once per run', async () => {
    const read = vi.fn(async (): Promise<ManagedPolicyReading> => ({ status: 'none' }));
    const policy = managedPolicySource(SOURCE, vi.fn(), read);
    await policy();
    await policy();
    expect(read).toHaveBeenCalledExactlyOnceWith(SOURCE);
  });

  it('logs a refused file once, by file name and key, never by path', async () => {
    const log = vi.fn();
    const policy = managedPolicySource(SOURCE, log, async () => refused);
    await expect(policy()).resolves.toEqual(refused);
    await policy();
    expect(log).toHaveBeenCalledExactlyOnceWith('[policy] policy.json refused, the app runs without it: unknown key "review.slaHour"');
  });

  it('logs nothing when there is no policy or a valid one', async () => {
    const log = vi.fn();
    await managedPolicySource(SOURCE, log, async () => ({ status: 'none' }))();
    await managedPolicySource(SOURCE, log, async () => ({ status: 'in-force', source: SOURCE, policy: {} }))();
    expect(log).not.toHaveBeenCalled();
  });

  it('turns an unexpected failure into a refused reading instead of an error', async () => {
    const log = vi.fn();
    const policy = managedPolicySource(SOURCE, log, () => Promise.reject(new Error(`boom in ${SOURCE}`)));
    await expect(policy()).resolves.toEqual({ status: 'refused', source: SOURCE, problems: ['the file could not be read (unexpected error)'] });
    expect(log.mock.calls.flat().join()).not.toContain('/etc/');
  });
});

describe('teamOriginOf', () => {
  it('is the origin of a policy in force, and null for no policy, a refused one or none named', () => {
    expect(teamOriginOf({ status: 'in-force', source: '/etc/p', policy: { teamServer: { origin: 'https://w.example' } } })).toBe('https://w.example');
    expect(teamOriginOf({ status: 'in-force', source: '/etc/p', policy: { review: { slaHours: 4 } } })).toBeNull();
    expect(teamOriginOf({ status: 'refused', source: '/etc/p', problems: ['x'] })).toBeNull();
    expect(teamOriginOf({ status: 'none' })).toBeNull();
  });
});
