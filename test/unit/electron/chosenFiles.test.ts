// The open-files handler reads the picked files, and refuses selections over the size cap
// or including anything that is not a regular file, before reading any bytes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRefusedError, MAX_IMPORT_BYTES, readChosenFiles } from '../../../electron/main/chosenFiles';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-import-'));
  writeFileSync(join(dir, 'orders.csv'), 'order_id,amount\nA1,10.00\n');
  writeFileSync(join(dir, 'payments.tsv'), 'payment_id\tstatus\nP1\tsettled\n');
  mkdirSync(join(dir, 'exports'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readChosenFiles', () => {
  it('returns each file by name with its bytes', async () => {
    const files = await readChosenFiles([join(dir, 'orders.csv'), join(dir, 'payments.tsv')]);
    expect(files.map((f) => f.name)).toEqual(['orders.csv', 'payments.tsv']);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('order_id,amount\nA1,10.00\n');
    expect(files[1]!.bytes).toBeInstanceOf(Uint8Array);
  });

  it('returns nothing for a cancelled dialog', async () => {
    expect(await readChosenFiles([])).toEqual([]);
  });

  it('refuses a selection whose total is over the cap, with sizes in the message', async () => {
    const paths = [join(dir, 'orders.csv'), join(dir, 'payments.tsv')];
    const call = readChosenFiles(paths, 30);
    await expect(call).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(call).rejects.toThrow(/over the 0\.0 MiB limit for one import/);
    // Exactly at the cap is fine.
    const total = 'order_id,amount\nA1,10.00\n'.length + 'payment_id\tstatus\nP1\tsettled\n'.length;
    await expect(readChosenFiles(paths, total)).resolves.toHaveLength(2);
  });

  it('refuses folders and other non-files', async () => {
    await expect(readChosenFiles([join(dir, 'orders.csv'), join(dir, 'exports')])).rejects.toThrow(/"exports" is not a regular file/);
  });

  it('keeps one reply under the ~512 MiB IPC serialisation limit', () => {
    expect(MAX_IMPORT_BYTES).toBeLessThan(512 * 1024 * 1024);
  });
});
