// Exports and backups are written atomically: the target holds the old or the complete new
// content, and no temp files are left behind either way.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes text and bytes, replacing an existing file, leaving only the target', async () => {
    const target = join(dir, 'backup.json');
    writeFileSync(target, 'old backup');
    await writeFileAtomic(target, '{"orders":[]}');
    expect(readFileSync(target, 'utf8')).toBe('{"orders":[]}');

    await writeFileAtomic(target, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['backup.json']);
  });

  it('creates the file readable by its owner only', async () => {
    if (process.platform === 'win32') return; // POSIX modes only
    const target = join(dir, 'cases.csv');
    await writeFileAtomic(target, 'order_id\n1');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file untouched and no temp file when the write cannot finish', async () => {
    const target = join(dir, 'report.pdf');
    writeFileSync(target, 'old report');
    // Renaming a file over a non-empty folder fails after the temp file is written.
    const blocked = join(dir, 'folder');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(blocked, 'inner'), { recursive: true }));
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['folder', 'report.pdf']);
    expect(readFileSync(target, 'utf8')).toBe('old report');
  });

  it('fails without writing when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
